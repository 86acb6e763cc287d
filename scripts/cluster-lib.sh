# shellcheck shell=bash
# What scripts/cluster-up.sh, scripts/cluster-down.sh and the failover tests share: the port table and
# how a component is started, recorded and stopped. Sourced with $home and $base set.

etcd_port=$((base + 379))
etcd_peer_port=$((base + 380))
pg1_port=$((base + 432))
pg2_port=$((base + 433))
pg1_api_port=$((base + 308))
pg2_api_port=$((base + 309))
db_proxy_port=$((base + 543))
db_proxy_read_port=$((base + 544))
haproxy_stats_port=$((base + 404))
redis_port=$((base + 637))
# Payara: the DAS takes base+0…99 (admin base+48), each instance its own hundred (HTTP at +80)
das_admin_port=$((base + 48))
instance_1_base=$((base + 100))
instance_2_base=$((base + 200))
instance_1_http=$((instance_1_base + 80))
instance_2_http=$((instance_2_base + 80))
grid_das_port=$((base + 900))
grid_start_port=$((base + 910))
gateway_port=$((base + 800))
gateway_address=127.0.0.2
# monitoring: Prometheus and the exporters it scrapes besides the instances, Patroni and HAProxy
prometheus_port=$((base + 990))
nginx_exporter_port=$((base + 991))
postgres_exporter_1_port=$((base + 992))
postgres_exporter_2_port=$((base + 994))
redis_exporter_port=$((base + 993))
payara_domain=ventanilla-cluster
payara_group=ventanilla-group
instance_1=ventanilla-1
instance_2=ventanilla-2
# the order of starting; cluster-down.sh stops in the reverse order
components=(etcd patroni-1 patroni-2 haproxy redis das "$instance_1" "$instance_2" nginx
    postgres-exporter-1 postgres-exporter-2 redis-exporter nginx-exporter prometheus)

# as_user USER COMMAND…: runs COMMAND as USER in the same process (setpriv execs, so the PID of a
# background "as_user …" under setsid is the program's own)
user_prefix() {
    prefix=()
    if [[ $(id -un) != "$1" ]]; then
        prefix=(setpriv --reuid "$1" --regid "$1" --init-groups env HOME="$(getent passwd "$1" | cut -d: -f6)" USER="$1")
    fi
}

as_user() {
    local prefix
    user_prefix "$1"
    shift
    "${prefix[@]}" "$@"
}

# start_component NAME USER COMMAND…: in the background, in its own session, log and PID under $home
start_component() {
    local name=$1 prefix
    user_prefix "$2"
    shift 2
    setsid "${prefix[@]}" "$@" >>"$home/logs/$name.log" 2>&1 </dev/null &
    echo $! >"$home/pids/$name.pid"
}

# cluster_environment: who runs what, the secrets, and the configuration files copied under $home/etc
# (the database nodes run as "postgres", which may not read a checkout under /root)
cluster_environment() {
    # libpq's variables of the operator's shell would override what Patroni gives its PostgreSQL (a
    # PGPASSWORD there made a rejoined standby's replication log in with the wrong password)
    unset PGPASSWORD PGPASSFILE PGUSER PGHOST PGPORT PGDATABASE PGSERVICE PGSERVICEFILE PGSSLMODE
    if [[ $(id -u) -eq 0 ]]; then
        app_user=ventanilla
        db_user=postgres
    else
        app_user=$(id -un)
        db_user=$app_user
    fi
    if [[ -f "$home/secrets.env" ]]; then
        set -a
        # shellcheck disable=SC1091
        . "$home/secrets.env"
        set +a
    fi
    export DB_NAME=${DB_NAME:-ventanilla} DB_USER=${DB_USER:-ventanilla}
    # post-bootstrap.sh creates it (pg_monitor) for postgres_exporter, as in compose.yml
    export DB_MONITOR_USER=${DB_MONITOR_USER:-ventanilla_monitor}
    export PATRONI_SUPERUSER_USERNAME=postgres PATRONI_REPLICATION_USERNAME=replicator PATRONI_REWIND_USERNAME=rewind
    export VENTANILLA_POST_BOOTSTRAP="$home/etc/post-bootstrap.sh"
}

start_etcd() {
    start_component etcd "$app_user" /usr/bin/etcd --name ventanilla-etcd --data-dir "$home/etcd/data" \
        --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
        --listen-peer-urls "http://127.0.0.1:$etcd_peer_port" \
        --initial-advertise-peer-urls "http://127.0.0.1:$etcd_peer_port" \
        --initial-cluster "ventanilla-etcd=http://127.0.0.1:$etcd_peer_port" --enable-v2=true
    await "etcd" 30 curl -fsS "http://127.0.0.1:$etcd_port/health"
}

# start_patroni N: database node N (pg1, pg2) under Patroni
start_patroni() {
    local node=$1 dir="$home/pg$1" pg_port_var="pg$1_port" api_port_var="pg$1_api_port"
    local pg_port=${!pg_port_var} api_port=${!api_port_var}
    mkdir -p "$dir"
    chown "$db_user": "$dir"
    chmod 700 "$dir"
    start_component "patroni-$node" "$db_user" env \
        PATRONI_NAME="pg$node" \
        PATRONI_RESTAPI_LISTEN="127.0.0.1:$api_port" \
        PATRONI_RESTAPI_CONNECT_ADDRESS="127.0.0.1:$api_port" \
        PATRONI_POSTGRESQL_LISTEN="127.0.0.1:$pg_port" \
        PATRONI_POSTGRESQL_CONNECT_ADDRESS="127.0.0.1:$pg_port" \
        PATRONI_POSTGRESQL_DATA_DIR="$dir/data" \
        PATRONI_POSTGRESQL_BIN_DIR=/usr/lib/postgresql/15/bin \
        PATRONI_POSTGRESQL_PGPASS="$dir/pgpass" \
        PATRONI_ETCD_HOST="127.0.0.1:$etcd_port" \
        /usr/bin/patroni "$home/etc/patroni.yml"
}

start_haproxy() {
    start_component haproxy "$app_user" env \
        DB_PROXY_BIND="127.0.0.1:$db_proxy_port" DB_PROXY_READ_BIND="127.0.0.1:$db_proxy_read_port" \
        DB_PROXY_STATS_BIND="127.0.0.1:$haproxy_stats_port" HAPROXY_RUN_DIR="$home/haproxy" \
        PG_NODE_1_HOST=127.0.0.1 PG_NODE_1_PORT="$pg1_port" PG_NODE_1_API_PORT="$pg1_api_port" \
        PG_NODE_2_HOST=127.0.0.1 PG_NODE_2_PORT="$pg2_port" PG_NODE_2_API_PORT="$pg2_api_port" \
        /usr/sbin/haproxy -db -f "$home/etc/haproxy.cfg"
    await "HAProxy" 30 curl -fsS -o /dev/null "http://127.0.0.1:$haproxy_stats_port/stats"
}

start_redis() {
    start_component redis "$app_user" /usr/bin/redis-server "$home/etc/redis.conf" \
        --bind 127.0.0.1 --port "$redis_port" --dir "$home/redis" --requirepass "$REDIS_PASSWORD" \
        --daemonize no --logfile ""
    await "Redis" 30 redis_ping
}

start_das() {
    asadmin_plain start-domain "$payara_domain" >>"$home/logs/das-start.log" 2>&1
    record_pid das "$home/payara6/glassfish/domains/$payara_domain/config/pid"
}

# start_instance NAME: the instance's JVM with the environment compose.yml gives it; its PID recorded
start_instance() {
    local name=$1 asadmin_env
    mapfile -t asadmin_env <"$home/run/instance.env"
    asadmin start-local-instance --node "localhost-$payara_domain" --sync normal "$name" \
        >>"$home/logs/$name-start.log" 2>&1
    record_pid "$name" "$home/payara6/glassfish/nodes/localhost-$payara_domain/$name/config/pid"
}

start_nginx() {
    start_component nginx "$app_user" /usr/sbin/nginx -p "$home/nginx" -c "$home/etc/nginx.conf" -g 'daemon off;'
    await "Nginx" 30 curl -fsS -o /dev/null "http://127.0.0.1:$gateway_port/health/live"
}

# start_postgres_exporter N: postgres_exporter of database node N, directly (not through HAProxy), as
# the monitoring role; one per node (one exporter over two nodes reports its own metrics twice)
start_postgres_exporter() {
    local pg_port_var="pg$1_port" port_var="postgres_exporter_$1_port"
    start_component "postgres-exporter-$1" "$app_user" env \
        DATA_SOURCE_NAME="host=127.0.0.1 port=${!pg_port_var} dbname=postgres sslmode=disable user=$DB_MONITOR_USER password=$DB_MONITOR_PASSWORD" \
        /usr/bin/prometheus-postgres-exporter --web.listen-address="127.0.0.1:${!port_var}"
}

start_redis_exporter() {
    start_component redis-exporter "$app_user" env REDIS_PASSWORD="$REDIS_PASSWORD" \
        /usr/bin/prometheus-redis-exporter -redis.addr "redis://127.0.0.1:$redis_port" \
        -web.listen-address "127.0.0.1:$redis_exporter_port"
}

start_nginx_exporter() {
    start_component nginx-exporter "$app_user" /usr/bin/prometheus-nginx-exporter \
        -nginx.scrape-uri "http://127.0.0.1:$gateway_port/nginx_status" -web.listen-address "127.0.0.1:$nginx_exporter_port"
}

# Prometheus with the copy of infrastructure/monitoring/prometheus that render_prometheus wrote
start_prometheus() {
    start_component prometheus "$app_user" /usr/bin/prometheus --config.file="$home/etc/prometheus/prometheus.yml" \
        --storage.tsdb.path="$home/prometheus" --storage.tsdb.retention.time=7d \
        --web.listen-address="127.0.0.1:$prometheus_port"
}

prometheus_ready() {
    curl -fsS -o /dev/null "http://127.0.0.1:$prometheus_port/-/ready"
}

# render_prometheus: infrastructure/monitoring/prometheus (configuration and alert rules) under
# $home/etc/prometheus, each job's targets replaced by the local ports (a job unknown here stops it)
render_prometheus() {
    rm -rf "$home/etc/prometheus"
    mkdir -p "$home/etc/prometheus"
    cp -r "$root/infrastructure/monitoring/prometheus/rules" "$home/etc/prometheus/"
    python3 - "$root/infrastructure/monitoring/prometheus/prometheus.yml" "$home/etc/prometheus/prometheus.yml" \
        "prometheus=127.0.0.1:$prometheus_port" \
        "payara=127.0.0.1:$instance_1_http,127.0.0.1:$instance_2_http" \
        "patroni=127.0.0.1:$pg1_api_port,127.0.0.1:$pg2_api_port" \
        "haproxy=127.0.0.1:$haproxy_stats_port" \
        "nginx=127.0.0.1:$nginx_exporter_port" \
        "postgres=127.0.0.1:$postgres_exporter_1_port,127.0.0.1:$postgres_exporter_2_port" \
        "redis=127.0.0.1:$redis_exporter_port" <<'PY'
import sys, yaml
source, target, *pairs = sys.argv[1:]
local = {job: targets.split(",") for job, targets in (pair.split("=", 1) for pair in pairs)}
config = yaml.safe_load(open(source, encoding="utf-8"))
config["global"]["external_labels"]["system"] = "ventanilla-local"
for job in config["scrape_configs"]:
    if job["job_name"] not in local:
        sys.exit("render_prometheus: no local address for the job " + job["job_name"])
    job["static_configs"] = [{"targets": local.pop(job["job_name"])}]
if local:
    sys.exit("render_prometheus: jobs missing from prometheus.yml: " + ", ".join(local))
with open(target, "w", encoding="utf-8") as out:
    out.write("# rendered by scripts/cluster-up.sh from infrastructure/monitoring/prometheus/prometheus.yml\n")
    yaml.safe_dump(config, out, sort_keys=False)
PY
    chmod -R a+rX "$home/etc/prometheus"
}

# start NAME: any component by its name in $components (used by cluster-ctl.sh and the failover tests)
start() {
    case $1 in
        etcd) start_etcd ;;
        patroni-1 | patroni-2) start_patroni "${1#patroni-}" ;;
        haproxy) start_haproxy ;;
        redis) start_redis ;;
        das) start_das ;;
        "$instance_1" | "$instance_2") start_instance "$1" ;;
        nginx) start_nginx ;;
        postgres-exporter-1 | postgres-exporter-2) start_postgres_exporter "${1#postgres-exporter-}" ;;
        redis-exporter) start_redis_exporter ;;
        nginx-exporter) start_nginx_exporter ;;
        prometheus) start_prometheus; await "Prometheus" 60 prometheus_ready ;;
        *) echo "componente desconocido: $1 (${components[*]})" >&2; return 2 ;;
    esac
}

# record_pid NAME PIDFILE: a process started by someone else (asadmin) recorded as ours
record_pid() {
    cp "$2" "$home/pids/$1.pid"
}

pid_of() {
    local file="$home/pids/$1.pid"
    [[ -f "$file" ]] && cat "$file"
}

alive() {
    local pid
    pid=$(pid_of "$1") || return 1
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

cluster_running() {
    local name
    for name in "${components[@]}"; do
        alive "$name" && return 0
    done
    return 1
}

# stop_component NAME: TERM, up to 60 s to finish, then KILL
stop_component() {
    local name=$1 pid
    pid=$(pid_of "$name") || return 0
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 120); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$pid" 2>/dev/null; then
            echo "  $name ($pid) no terminó en 60 s: KILL"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$home/pids/$name.pid"
}

# await LABEL SECONDS COMMAND…: until COMMAND succeeds, at most SECONDS
await() {
    local label=$1 limit=$2 start
    shift 2
    start=$(date +%s)
    until "$@" >/dev/null 2>&1; do
        if (($(date +%s) - start >= limit)); then
            echo "ERROR: $label no respondió en $limit s; registros en $home/logs" >&2
            return 1
        fi
        sleep 0.5
    done
}

primary_ready() {
    curl -fsS -o /dev/null "http://127.0.0.1:$pg1_api_port/primary" ||
        curl -fsS -o /dev/null "http://127.0.0.1:$pg2_api_port/primary"
}

sync_standby_ready() {
    curl -fsS "http://127.0.0.1:$pg1_api_port/cluster" | grep -q '"sync_standby"' ||
        curl -fsS "http://127.0.0.1:$pg2_api_port/cluster" | grep -q '"sync_standby"'
}

redis_ping() {
    redis-cli -h 127.0.0.1 -p "$redis_port" --no-auth-warning -a "$REDIS_PASSWORD" ping | grep -q PONG
}

asadmin_env=()
# asadmin as the application's user; an array asadmin_env adds to its environment (and so to the
# environment of the JVM it starts)
asadmin_plain() {
    as_user "$app_user" env "${asadmin_env[@]}" AS_JAVA="${AS_JAVA:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}" \
        "$home/payara6/bin/asadmin" --user admin --passwordfile "$home/run/asadmin-password" \
        --interactive=false "$@"
}

asadmin() {
    asadmin_plain --port "$das_admin_port" "$@"
}
