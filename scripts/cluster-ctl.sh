#!/usr/bin/env bash
# Operates one component of the cluster that scripts/cluster-up.sh started, by the PIDs it recorded.
#
#   scripts/cluster-ctl.sh status              each component: running (PID) or stopped; the database roles
#   scripts/cluster-ctl.sh stop NAME           stop NAME cleanly (TERM, then KILL after 60 s)
#   scripts/cluster-ctl.sh kill NAME           kill NAME at once (KILL), as when its machine dies
#   scripts/cluster-ctl.sh start NAME          start NAME again and wait until it answers
#   scripts/cluster-ctl.sh primary             which database node is the primary (patroni-1 or patroni-2)
#   scripts/cluster-ctl.sh deploy              deploy ear/target/ventanilla.ear (just built) to the running group
#
# NAME is one of: etcd patroni-1 patroni-2 haproxy redis das ventanilla-1 ventanilla-2 nginx
# postgres-exporter-1 postgres-exporter-2 redis-exporter nginx-exporter prometheus.
# Killing a database node kills its Patroni and its PostgreSQL (the machine died); stopping it lets
# Patroni hand over first. The failover tests use this script.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
home=${VENTANILLA_CLUSTER_HOME:-/var/tmp/ventanilla-cluster}
base=${CLUSTER_PORT_BASE:-29000}
# shellcheck source=scripts/cluster-lib.sh
. "$root/scripts/cluster-lib.sh"
cluster_environment

known() {
    local name
    for name in "${components[@]}"; do
        [[ $name == "$1" ]] && return 0
    done
    echo "componente desconocido: $1 (${components[*]})" >&2
    exit 2
}

postmaster_of() {
    local pidfile="$home/pg${1#patroni-}/data/postmaster.pid"
    [[ -f "$pidfile" ]] && head -1 "$pidfile"
}

case "${1:-status}" in
    status)
        for name in "${components[@]}"; do
            if alive "$name"; then
                printf '%-20s en marcha (PID %s)\n' "$name" "$(pid_of "$name")"
            else
                printf '%-20s detenido\n' "$name"
            fi
        done
        curl -fsS "http://127.0.0.1:$pg1_api_port/cluster" 2>/dev/null ||
            curl -fsS "http://127.0.0.1:$pg2_api_port/cluster" 2>/dev/null || echo "Patroni no responde"
        echo
        ;;
    stop)
        known "${2:?falta el componente}"
        stop_component "$2"
        ;;
    kill)
        known "${2:?falta el componente}"
        pid=$(pid_of "$2" || true)
        [[ -n "$pid" ]] && kill -KILL "$pid" 2>/dev/null || true
        if [[ $2 == patroni-* ]]; then
            postmaster=$(postmaster_of "$2" || true)
            [[ -n "$postmaster" ]] && kill -KILL "$postmaster" 2>/dev/null || true
        fi
        rm -f "$home/pids/$2.pid"
        ;;
    start)
        known "${2:?falta el componente}"
        alive "$2" && { echo "$2 ya está en marcha"; exit 0; }
        if [[ $2 == patroni-* ]]; then
            # a node killed with its machine leaves a stale postmaster.pid; Patroni copes with it
            start "$2"
            api="pg${2#patroni-}_api_port"
            await "$2" 120 curl -fsS -o /dev/null "http://127.0.0.1:${!api}/health"
        elif [[ $2 == "$instance_1" || $2 == "$instance_2" ]]; then
            start "$2"
            http="instance_${2#ventanilla-}_http"
            await "$2" 300 curl -fsS -o /dev/null "http://127.0.0.1:${!http}/health/ready"
        else
            start "$2"
        fi
        ;;
    primary)
        for node in 1 2; do
            api="pg${node}_api_port"
            if curl -fsS -o /dev/null "http://127.0.0.1:${!api}/primary" 2>/dev/null; then
                echo "patroni-$node"
                exit 0
            fi
        done
        echo "ningún nodo es primario" >&2
        exit 1
        ;;
    deploy)
        [[ -f "$root/ear/target/ventanilla.ear" ]] || { echo "falta ear/target/ventanilla.ear: compile primero" >&2; exit 1; }
        cp "$root/ear/target/ventanilla.ear" "$home/run/ventanilla.ear"
        chown "$app_user": "$home/run/ventanilla.ear"
        asadmin deploy --force=true --target "$payara_group" --name ventanilla "$home/run/ventanilla.ear"
        sha256sum "$root/ear/target/ventanilla.ear" | cut -c1-64 >"$home/run/ear.sha256"
        await "$instance_1" 300 curl -fsS -o /dev/null "http://127.0.0.1:$instance_1_http/health/ready"
        await "$instance_2" 300 curl -fsS -o /dev/null "http://127.0.0.1:$instance_2_http/health/ready"
        ;;
    -h | --help | help)
        sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
        ;;
    *)
        echo "uso: $0 status | stop|kill|start NAME | primary | deploy" >&2
        exit 2
        ;;
esac
