#!/usr/bin/env bash
# Stops the cluster that scripts/cluster-up.sh started: exactly the processes whose PIDs it recorded,
# in the reverse order of starting (gateway, instances, DAS, Redis, HAProxy, database nodes, etcd).
# Data stays in $VENTANILLA_CLUSTER_HOME for the next cluster-up.sh; add --purge to delete it too.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
home=${VENTANILLA_CLUSTER_HOME:-/var/tmp/ventanilla-cluster}
base=${CLUSTER_PORT_BASE:-29000}
# shellcheck source=scripts/cluster-lib.sh
. "$root/scripts/cluster-lib.sh"

if [[ "${1:-}" == --help || "${1:-}" == -h ]]; then
    sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
fi
[[ -d "$home/pids" ]] || { echo "No hay un clúster en $home."; exit 0; }
for ((i = ${#components[@]} - 1; i >= 0; i--)); do
    name=${components[i]}
    if alive "$name"; then
        echo "Deteniendo $name ($(pid_of "$name")) …"
    fi
    stop_component "$name"
done
# a database node whose Patroni was killed leaves its postmaster behind: stop that too, by its PID file
for node in 1 2; do
    pidfile="$home/pg$node/data/postmaster.pid"
    if [[ -f "$pidfile" ]]; then
        pid=$(head -1 "$pidfile")
        if kill -0 "$pid" 2>/dev/null && grep -q postgres "/proc/$pid/comm" 2>/dev/null; then
            echo "Deteniendo PostgreSQL del nodo $node ($pid) …"
            kill -INT "$pid" 2>/dev/null || true
            for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        fi
    fi
done
if [[ "${1:-}" == --purge ]]; then
    rm -rf "$home"
    echo "Datos del clúster borrados ($home)."
fi
echo "Clúster detenido."
