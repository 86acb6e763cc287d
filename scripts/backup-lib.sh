# shellcheck shell=bash
# What the backup and restore scripts share: where the database and the backups are, the original's file
# names, checksums, and how a dump is loaded by an application role. Sourced by backup_db.sh,
# backup_configs.sh, cleanup_backups.sh, restore_db.sh and restore_configs.sh.
#
# Where the settings come from, first found wins:
#   1. the environment: DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD, BACKUP_DIR, BACKUP_CONFIG_PATHS,
#      RETENTION_DAYS, BACKUP_TIMEZONE (compose's backup-service gets them from .env);
#   2. the local cluster of scripts/cluster-up.sh ($VENTANILLA_CLUSTER_HOME, default
#      /var/tmp/ventanilla-cluster): the instances' own environment file, so the scripts reach the same
#      database through HAProxy and write to the same folder as the application;
#   3. defaults: /backups when it exists (the compose volume), otherwise ~/.ventanilla/respaldos.
set -euo pipefail

say() { printf '%s\n' "$*" >&2; }
fail() { say "ERROR: $1"; exit "${2:-1}"; }

load_settings() {
    local cluster_home=${VENTANILLA_CLUSTER_HOME:-/var/tmp/ventanilla-cluster}
    local cluster_env="$cluster_home/run/instance.env"
    if [[ -z "${DB_HOST:-}" && -r "$cluster_env" ]]; then
        local line name value
        while IFS= read -r line; do
            name=${line%%=*}
            value=${line#*=}
            case $name in
                DB_HOST|DB_PORT|DB_NAME|DB_USER|DB_PASSWORD|BACKUP_DIR|BACKUP_CONFIG_PATHS|RETENTION_DAYS|BACKUP_TIMEZONE)
                    [[ -z "${!name:-}" ]] && export "$name=$value" ;;
            esac
        done <"$cluster_env"
        settings_source="el clúster local ($cluster_env)"
    else
        settings_source="el entorno"
    fi
    : "${DB_HOST:=127.0.0.1}" "${DB_PORT:=5432}" "${DB_NAME:=ventanilla}" "${DB_USER:=ventanilla}"
    if [[ -z "${BACKUP_DIR:-}" ]]; then
        if [[ -d /backups ]]; then BACKUP_DIR=/backups; else BACKUP_DIR="$HOME/.ventanilla/respaldos"; fi
    fi
    : "${RETENTION_DAYS:=7}" "${BACKUP_TIMEZONE:=America/Santiago}"
    [[ $RETENTION_DAYS =~ ^[0-9]+$ ]] || fail "RETENTION_DAYS debe ser un número de días (es «$RETENTION_DAYS»)."
    # libpq reads these; nothing of the operator's own shell (PGSERVICE, PGOPTIONS…) may redirect the scripts
    unset PGSERVICE PGSERVICEFILE PGOPTIONS PGSSLMODE PGDATABASE PGUSER PGHOST PGPORT
    export PGHOST=$DB_HOST PGPORT=$DB_PORT PGUSER=$DB_USER PGCONNECT_TIMEOUT=10 PGAPPNAME=ventanilla-scripts
    [[ -n "${DB_PASSWORD:-}" ]] && export PGPASSWORD=$DB_PASSWORD
    export BACKUP_DIR RETENTION_DAYS BACKUP_TIMEZONE
    pg_bin=""
    if ! command -v pg_dump >/dev/null; then
        for version in 17 16 15; do
            [[ -x /usr/lib/postgresql/$version/bin/pg_dump ]] && { pg_bin=/usr/lib/postgresql/$version/bin/; break; }
        done
        [[ -n $pg_bin ]] || fail "No se encontró pg_dump: instale postgresql-client-15."
    fi
}

# stamp: the moment in the municipality's time, as in the original's names
stamp() { TZ=$BACKUP_TIMEZONE date +%Y%m%d%H%M%S; }

# publish PARTIAL NAME: the checksum beside it (sha256sum's format), then the final name
publish() {
    local partial=$1 name=$2 sum
    sum=$(sha256sum "$partial" | cut -d' ' -f1)
    printf '%s  %s\n' "$sum" "$name" >"$BACKUP_DIR/$name.sha256.partial"
    mv -f "$BACKUP_DIR/$name.sha256.partial" "$BACKUP_DIR/$name.sha256"
    mv -f "$partial" "$BACKUP_DIR/$name"
}

# check_checksum FILE: refuses a file whose .sha256 is missing or does not match
check_checksum() {
    local file=$1 sums="$1.sha256" expected actual
    [[ -r "$sums" ]] || fail "Falta el archivo de suma $sums: no se puede comprobar que $file esté íntegro (use --sin-suma para omitirlo bajo su responsabilidad)." 2
    expected=$(cut -d' ' -f1 <"$sums")
    actual=$(sha256sum "$file" | cut -d' ' -f1)
    [[ "$expected" == "$actual" ]] || fail "La suma SHA-256 de $file no coincide con $sums (esperada $expected, calculada $actual): el archivo está dañado o fue modificado. No se restaura." 2
    say "Suma SHA-256 correcta: $actual"
}

# restorable_sql: a dump as an application role can load it. CREATE/COMMENT ON EXTENSION lines are left
# out, except the trusted extensions the schema needs (pgcrypto, uuid-ossp); pg_stat_statements and the
# like need a superuser and hold no data.
restorable_sql() {
    sed -e '/^CREATE EXTENSION IF NOT EXISTS \(pgcrypto\|"uuid-ossp"\|plpgsql\) /b' \
        -e '/^CREATE EXTENSION /d' -e '/^COMMENT ON EXTENSION /d'
}

# psql_admin SQL…: statements on the maintenance database (creating, renaming, dropping databases)
psql_admin() {
    PGOPTIONS="-c client_min_messages=warning" "${pg_bin}psql" -X -q -v ON_ERROR_STOP=1 --dbname=postgres "$@"
}

# row_counts DB: "schema.table count" lines of every table, sorted
row_counts() {
    "${pg_bin}psql" -X -At -F ' ' --dbname="$1" -c "SELECT n.nspname || '.' || c.relname,
        (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text::bigint
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%' ORDER BY 1"
}

database_exists() {
    [[ $("${pg_bin}psql" -X -At --dbname=postgres -v name="$1" <<<"SELECT 1 FROM pg_database WHERE datname = :'name'") == 1 ]]
}
