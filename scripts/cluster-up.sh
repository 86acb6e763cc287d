#!/usr/bin/env bash
# Starts the production topology of compose.yml on this machine, without Docker, on loopback ports:
# etcd, two PostgreSQL 15 nodes managed by Patroni (synchronous replication), HAProxy (writes to the
# primary only, reads to the standby), Redis with AOF and a password, the Payara DAS with a deployment
# group of two instances running ventanilla.ear, Nginx in front, and Prometheus with the PostgreSQL,
# Redis and Nginx exporters scraping all of it. Everything it starts keeps its PID and log under one
# folder; scripts/cluster-down.sh stops exactly that, by PID.
#
#   scripts/cluster-up.sh                  build if needed, start, print the URLs
#   SKIP_BUILD=1 scripts/cluster-up.sh     use the EAR built last
#
# Variables (all optional; .env is read when present):
#   VENTANILLA_CLUSTER_HOME   state, PIDs and logs (/var/tmp/ventanilla-cluster)
#   CLUSTER_PORT_BASE         the first of the ports used (29000); see the table printed at the end
#   VENTANILLA_DEMO_DATA      load the demo municipality on a new database (true)
#   SMTP_HOST, SMTP_PORT, …   passed to the instances as in compose.yml
# Passwords (database, replication, Redis, Payara admin, the application's administrator) are taken
# from the environment when given, otherwise generated once into $VENTANILLA_CLUSTER_HOME/secrets.env.
set -euo pipefail

# the whole script is one function, read before it runs: editing the file meanwhile changes nothing
main() {
if [[ "${1:-}" == -h || "${1:-}" == --help ]]; then
    sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    return 0
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
started_at=$(date +%s)

if [[ -f .env ]]; then
    set -a
    # shellcheck disable=SC1091
    . ./.env
    set +a
fi

home=${VENTANILLA_CLUSTER_HOME:-/var/tmp/ventanilla-cluster}
base=${CLUSTER_PORT_BASE:-29000}
# shellcheck source=scripts/cluster-lib.sh
. "$root/scripts/cluster-lib.sh"

say() { printf '%(%T)T %s\n' -1 "$*"; }
die() { say "ERROR: $*" >&2; exit 1; }
# whatever stops the start, the operator (and CI's output) sees the end of every component's log
trap 'status=$?; if ((status)); then for log in "$home"/logs/*.log; do [[ -f $log ]] || continue; echo "--- ${log##*/}" >&2; tail -n 15 "$log" >&2; done; fi' EXIT

if cluster_running; then
    die "el clúster ya está corriendo (PIDs en $home/pids); deténgalo con scripts/cluster-down.sh"
fi

# --- what the cluster needs from Debian -------------------------------------------------------------
missing=()
for pkg in etcd-server patroni postgresql-15 haproxy nginx redis-server openssl gettext-base curl python3-yaml \
    prometheus prometheus-postgres-exporter prometheus-redis-exporter prometheus-nginx-exporter; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
    [[ $(id -u) -eq 0 ]] || die "faltan paquetes: ${missing[*]} (instálelos con apt-get como root)"
    say "Instalando ${missing[*]} …"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ "${SKIP_BUILD:-0}" != 1 || ! -f ear/target/ventanilla.ear ]]; then
    say "Compilando (./mvnw -DskipTests install) …"
    ./mvnw -q -B -ntp -DskipTests install
fi
[[ -f payara/target/runtime/payara.zip ]] || die "falta payara/target/runtime/payara.zip: compile primero"

# --- users, folders, secrets, configuration --------------------------------------------------------
# PostgreSQL refuses to run as root and the rest has no reason to: the database nodes run as
# "postgres", everything else as the unprivileged "ventanilla" (created here when missing).
if [[ $(id -u) -eq 0 ]] && ! id ventanilla >/dev/null 2>&1; then
    useradd --system --create-home --home-dir /var/lib/ventanilla --shell /usr/sbin/nologin ventanilla
fi
mkdir -p "$home"/{pids,logs,run,etc,etcd,redis,nginx,haproxy,keys,prometheus}
chmod 755 "$home" "$home/etc" "$home/nginx"
chmod 1777 "$home/logs" # every component's log, whichever user it runs as
secrets="$home/secrets.env"
if [[ ! -f "$secrets" ]]; then
    umask 077
    for name in DB_PASSWORD PATRONI_SUPERUSER_PASSWORD PATRONI_REPLICATION_PASSWORD \
        PATRONI_REWIND_PASSWORD REDIS_PASSWORD AS_ADMIN_PASSWORD VENTANILLA_ADMIN_PASSWORD DB_MONITOR_PASSWORD; do
        # a value the operator gave (environment or .env) wins over a generated one
        printf '%s=%s\n' "$name" "${!name:-$(openssl rand -hex 16)}"
    done >"$secrets"
    umask 022
elif ! grep -q '^DB_MONITOR_PASSWORD=' "$secrets"; then
    # a cluster from before the monitoring: its role is created below
    printf 'DB_MONITOR_PASSWORD=%s\n' "${DB_MONITOR_PASSWORD:-$(openssl rand -hex 16)}" >>"$secrets"
fi
cluster_environment
case "$DB_USER" in
    postgres | replicator | rewind) die "DB_USER=$DB_USER es un rol de Patroni; la aplicación necesita otro (por omisión ventanilla)" ;;
esac
chown "$app_user": "$home"/{run,etcd,redis,nginx,haproxy,keys,prometheus}
cp infrastructure/patroni/patroni.yml infrastructure/patroni/post-bootstrap.sh infrastructure/haproxy/haproxy.cfg \
    infrastructure/redis/redis.conf "$home/etc/"
chmod 644 "$home"/etc/*
chmod 755 "$home/etc/post-bootstrap.sh"
# the gateway forwards from its own loopback address, the only one the instances trust with
# X-Forwarded-For (a client on 127.0.0.1 cannot pass itself off as the gateway)
GATEWAY_LISTEN="127.0.0.1:$gateway_port" PAYARA_1_HTTP="127.0.0.1:$instance_1_http" \
    PAYARA_2_HTTP="127.0.0.1:$instance_2_http" GATEWAY_RUN_DIR="$home/nginx" GATEWAY_UPSTREAM_BIND="$gateway_address" \
    envsubst '${GATEWAY_LISTEN} ${PAYARA_1_HTTP} ${PAYARA_2_HTTP} ${GATEWAY_RUN_DIR} ${GATEWAY_UPSTREAM_BIND}' \
    <infrastructure/nginx/nginx.conf.template >"$home/etc/nginx.conf"
if [[ ! -f "$home/keys/jwt-private.pem" ]]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$home/keys/jwt-private.pem" 2>/dev/null
    openssl pkey -in "$home/keys/jwt-private.pem" -pubout -out "$home/keys/jwt-public.pem"
    chmod 600 "$home/keys/jwt-private.pem"
    chown "$app_user": "$home"/keys/*
fi

# --- etcd: Patroni's consensus store ----------------------------------------------------------------
say "etcd en 127.0.0.1:$etcd_port …"
start_etcd

# --- PostgreSQL under Patroni: whichever node takes the initialize key in etcd bootstraps, the other
# clones it; on a later start the former leader or its synchronous standby takes over
say "PostgreSQL: nodo 1 en 127.0.0.1:$pg1_port (API $pg1_api_port), nodo 2 en 127.0.0.1:$pg2_port (API $pg2_api_port), con Patroni …"
start_patroni 1
start_patroni 2
await "primario" 90 primary_ready
await "standby sincrónico" 120 sync_standby_ready

# --- HAProxy: one write endpoint, one read-only endpoint --------------------------------------------
say "HAProxy: escritura $db_proxy_port, lectura $db_proxy_read_port, estadísticas $haproxy_stats_port …"
start_haproxy
await "la base $DB_NAME" 60 env PGPASSWORD="$DB_PASSWORD" psql -qtAX -h 127.0.0.1 -p "$db_proxy_port" -U "$DB_USER" -d "$DB_NAME" -c 'select 1'

# post-bootstrap.sh created the monitoring role on a new database; a database from before the
# monitoring gets it now (the script is idempotent)
if [[ ! -f "$home/run/monitoring-role" ]]; then
    if PGPASSWORD="$PATRONI_SUPERUSER_PASSWORD" sh infrastructure/patroni/post-bootstrap.sh \
        "host=127.0.0.1 port=$db_proxy_port user=$PATRONI_SUPERUSER_USERNAME dbname=postgres" >>"$home/logs/monitoring-role.log" 2>&1; then
        touch "$home/run/monitoring-role"
    else
        say "AVISO: no se pudo crear el rol $DB_MONITOR_USER de postgres_exporter (ver $home/logs/monitoring-role.log)"
    fi
fi

# --- Redis ------------------------------------------------------------------------------------------
say "Redis en 127.0.0.1:$redis_port (AOF, con contraseña) …"
start_redis

# --- Prometheus and the exporters: started now, ready long before the instances --------------------
say "Prometheus en 127.0.0.1:$prometheus_port, exportadores de PostgreSQL, Redis y Nginx …"
render_prometheus
start_postgres_exporter 1
start_postgres_exporter 2
start_redis_exporter
start_prometheus

# --- Payara: the DAS and a deployment group of two instances ----------------------------------------
payara="$home/payara6"
marker="$payara/.ventanilla-installed"
wanted="$(stat -c '%s %Y' payara/target/runtime/payara.zip)"
if [[ ! -f "$marker" || $(cat "$marker") != "$wanted" ]]; then
    say "Instalando Payara Server en $payara …"
    rm -rf "$payara" "$home/payara-staging"
    mkdir -p "$home/payara-staging"
    unzip -q payara/target/runtime/payara.zip -d "$home/payara-staging"
    mv "$home/payara-staging/payara6" "$payara"
    rmdir "$home/payara-staging"
    echo "$wanted" >"$marker"
    chown -R "$app_user": "$payara"
fi
printf 'AS_ADMIN_PASSWORD=%s\n' "$AS_ADMIN_PASSWORD" >"$home/run/asadmin-password"
chmod 600 "$home/run/asadmin-password"
chown "$app_user": "$home/run/asadmin-password"

# the instances' environment, as compose.yml gives it
instance_env=(
    DB_HOST=127.0.0.1 DB_PORT="$db_proxy_port" DB_NAME="$DB_NAME" DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD"
    REDIS_HOST=127.0.0.1 REDIS_PORT="$redis_port" REDIS_PASSWORD="$REDIS_PASSWORD"
    VENTANILLA_JWT_PRIVATE_KEY_LOCATION="$home/keys/jwt-private.pem"
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="file://$home/keys/jwt-public.pem"
    MP_JWT_VERIFY_ISSUER="${MP_JWT_VERIFY_ISSUER:-https://ventanilla.local}"
    VENTANILLA_PUBLIC_URL="${VENTANILLA_PUBLIC_URL:-http://127.0.0.1:$gateway_port}"
    VENTANILLA_TRUSTED_PROXIES="$gateway_address/32"
    VENTANILLA_DEMO_DATA="${VENTANILLA_DEMO_DATA:-true}"
    VENTANILLA_ADMIN_RUT="${VENTANILLA_ADMIN_RUT:-11111111-1}" VENTANILLA_ADMIN_PASSWORD="$VENTANILLA_ADMIN_PASSWORD"
    # backups: one folder both instances share; the configuration archive takes the cluster's configuration
    # files (etc/: gateway, proxy, Patroni, Redis, Prometheus) and the Payara domain's
    BACKUP_DIR="$home/backups"
    BACKUP_CONFIG_PATHS="$home/etc:$payara/glassfish/domains/$payara_domain/config/domain.xml"
)
for name in SMTP_HOST SMTP_PORT SMTP_USER SMTP_PASSWORD SMTP_FROM GEMINI_API_KEY GEMINI_MODEL GEMINI_BASE_URL \
    GEMINI_TIMEOUT VENTANILLA_AI_QUESTIONS_PER_HOUR VENTANILLA_QUEUE_ANY_HOUR \
    BACKUP_DB_SCHEDULE BACKUP_CONFIGS_SCHEDULE BACKUP_CLEANUP_SCHEDULE RETENTION_DAYS BACKUP_TIMEZONE \
    BACKUP_LEASE_SECONDS BACKUP_CATCH_UP_MINUTES VENTANILLA_JWT_VERIFICATION_KEYS MP_JWT_VERIFY_AUDIENCES; do
    [[ -n "${!name:-}" ]] && instance_env+=("$name=${!name}")
done
mkdir -p "$home/backups"
chown "$app_user": "$home/backups"
chmod 750 "$home/backups"
printf '%s\n' "${instance_env[@]}" >"$home/run/instance.env"
chmod 600 "$home/run/instance.env"
chown "$app_user": "$home/run/instance.env"

domain_dir="$payara/glassfish/domains/$payara_domain"
setup_sum=$(cat infrastructure/payara/deployment-group.asadmin payara/src/main/payara/ventanilla-resources.xml | sha256sum | cut -c1-64)
if [[ -d "$domain_dir" && $(cat "$domain_dir/config/ventanilla-setup.sha256" 2>/dev/null) != "$setup_sum $base" ]]; then
    say "La configuración del dominio cambió: se vuelve a crear."
    rm -rf "$domain_dir" "$payara/glassfish/nodes"
fi
fresh=0
if [[ ! -d "$domain_dir" ]]; then
    say "Creando el dominio $payara_domain (DAS en $das_admin_port) …"
    asadmin_plain create-domain --portbase "$base" --checkports=true "$payara_domain" >/dev/null
    cp payara/target/runtime/postgresql.jar "$domain_dir/lib/postgresql.jar"
    chown -R "$app_user": "$domain_dir"
    fresh=1
fi

say "Iniciando el DAS …"
start_das
if ((fresh)); then
    say "Creando el grupo de despliegue $payara_group con dos instancias …"
    commands="$home/run/deployment-group.asadmin"
    GROUP=$payara_group NODE="localhost-$payara_domain" INSTANCE_1=$instance_1 INSTANCE_2=$instance_2 \
        INSTANCE_1_PORT_BASE=$instance_1_base INSTANCE_2_PORT_BASE=$instance_2_base \
        INSTANCE_HEAP=${INSTANCE_HEAP:-768m} GRID_NAME=ventanilla-cluster \
        GRID_START_PORT=$grid_start_port GRID_DAS_PORT=$grid_das_port \
        RESOURCES="$root/payara/src/main/payara/ventanilla-resources.xml" \
        envsubst <infrastructure/payara/deployment-group.asadmin >"$commands"
    chown "$app_user": "$commands"
    asadmin multimode --file "$commands" >"$home/logs/payara-setup.log" 2>&1 ||
        { cat "$home/logs/payara-setup.log" >&2; die "la configuración del grupo de despliegue falló"; }
    echo "$setup_sum $base" >"$domain_dir/config/ventanilla-setup.sha256"
fi
ear_sum=$(sha256sum ear/target/ventanilla.ear | cut -c1-64)
if [[ $(cat "$home/run/ear.sha256" 2>/dev/null) != "$ear_sum" ]]; then
    say "Desplegando ventanilla.ear en $payara_group …"
    cp ear/target/ventanilla.ear "$home/run/ventanilla.ear"
    chown "$app_user": "$home/run/ventanilla.ear"
    # a forced redeploy to a group whose instances are stopped fails ("Keys cannot be duplicate"):
    # the old version is taken out first; the instances load the new one when they start
    if asadmin list-applications "$payara_group" 2>/dev/null | grep -q '^ventanilla '; then
        asadmin undeploy --target "$payara_group" ventanilla >>"$home/logs/payara-setup.log" 2>&1
    fi
    asadmin deploy --target "$payara_group" --name ventanilla "$home/run/ventanilla.ear" >>"$home/logs/payara-setup.log" 2>&1 ||
        { tail -20 "$home/logs/payara-setup.log" >&2; die "el despliegue falló"; }
    echo "$ear_sum" >"$home/run/ear.sha256"
fi

say "Iniciando las instancias $instance_1 y $instance_2 …"
start_instance "$instance_1" &
first=$!
start_instance "$instance_2" &
second=$!
wait "$first" "$second"
await "$instance_1" 300 curl -fsS -o /dev/null "http://127.0.0.1:$instance_1_http/health/ready"
await "$instance_2" 300 curl -fsS -o /dev/null "http://127.0.0.1:$instance_2_http/health/ready"

# --- Nginx: the gateway -----------------------------------------------------------------------------
say "Nginx en 127.0.0.1:$gateway_port …"
start_nginx
# after the gateway: the exporter gives up when stub_status does not answer at its start
start_nginx_exporter
await "Prometheus" 60 prometheus_ready

elapsed=$(($(date +%s) - started_at))
gw="http://127.0.0.1:$gateway_port"
cat <<EOF

El clúster de Ventanilla está listo (en ${elapsed} s).
  Portal ciudadano        $gw/   (reservar hora: $gw/reservar.xhtml)
  Tótem                   $gw/totem/
  Funcionarios            $gw/admin/
  Configuración           $gw/config/
  Pantalla de sala        $gw/display.xhtml?unidad=<id de la unidad>
  Administrador           RUT ${VENTANILLA_ADMIN_RUT:-11111111-1}, contraseña VENTANILLA_ADMIN_PASSWORD en $secrets
  Instancias              http://127.0.0.1:$instance_1_http ($instance_1), http://127.0.0.1:$instance_2_http ($instance_2)
  Consola de Payara       http://127.0.0.1:$das_admin_port  (usuario admin, AS_ADMIN_PASSWORD en $secrets)
  HAProxy                 escritura 127.0.0.1:$db_proxy_port, lectura 127.0.0.1:$db_proxy_read_port, estadísticas http://127.0.0.1:$haproxy_stats_port/stats
  Patroni                 http://127.0.0.1:$pg1_api_port/cluster (nodo pg1 en $pg1_port, pg2 en $pg2_port)
  etcd                    http://127.0.0.1:$etcd_port
  Redis                   127.0.0.1:$redis_port (REDIS_PASSWORD en $secrets)
  Prometheus              http://127.0.0.1:$prometheus_port  (objetivos: /targets, alertas: /alerts)
  Registros y PIDs        $home/logs, $home/pids
Detener: scripts/cluster-down.sh
EOF
}

main "$@"
