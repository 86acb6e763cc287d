#!/bin/sh
# Patroni's post_bootstrap: runs once, on the node that initialised the cluster, right after initdb.
# $1 is a superuser connection string; DB_NAME, DB_USER and DB_PASSWORD come from Patroni's environment.
# The standby gets all of this by replication. Idempotent, so a retried bootstrap does not fail.
set -eu

: "${DB_NAME:?DB_NAME is required}"
: "${DB_USER:?DB_USER is required}"
: "${DB_PASSWORD:?DB_PASSWORD is required}"
# Patroni hands the superuser's password over in its pgpass file (PGPASSFILE), which it rewrites for its
# own connections meanwhile: a private copy keeps it for every connection of this script.
if [ -n "${PGPASSFILE:-}" ] && [ -f "$PGPASSFILE" ]; then
    own_pgpass=$(mktemp)
    trap 'rm -f "$own_pgpass"' EXIT
    cp "$PGPASSFILE" "$own_pgpass"
    export PGPASSFILE="$own_pgpass"
fi

# psql variables (:'name', :"name") quote the values, so a password with quotes cannot break the SQL.
psql "$1" -v ON_ERROR_STOP=1 -q \
    -v db_name="$DB_NAME" -v db_user="$DB_USER" -v db_password="$DB_PASSWORD" <<'SQL'
-- CREATEDB: the backups are verified by a restore into a scratch database, and restore_db.sh loads a
-- backup into a new database before it takes the place of the one in use.
-- the application's role must not be one of Patroni's (superuser, replication, rewind): giving it the
-- application's password would lock Patroni out
SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'db_user' AND (rolsuper OR rolreplication)) AS reserved \gset
\if :reserved
    DO $$ BEGIN RAISE EXCEPTION 'DB_USER names a role Patroni uses; choose another name for the application'; END $$;
\endif
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'db_user') AS create_role \gset
\if :create_role
    CREATE ROLE :"db_user" LOGIN CREATEDB PASSWORD :'db_password';
\else
    ALTER ROLE :"db_user" LOGIN CREATEDB PASSWORD :'db_password';
\endif
SELECT NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db_name') AS create_db \gset
\if :create_db
    CREATE DATABASE :"db_name" OWNER :"db_user" ENCODING 'UTF8' TEMPLATE template0;
\endif
-- pg_signal_backend: restore_db.sh closes the sessions of the database it replaces, also the monitoring
-- agent's (never a superuser's)
GRANT pg_signal_backend TO :"db_user";
\connect :"db_name"
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
-- the application's migrations run as the owner; keep others out of the public schema
ALTER SCHEMA public OWNER TO :"db_user";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL

# postgres_exporter reads pg_stat_* as pg_monitor, never as a superuser.
if [ -n "${DB_MONITOR_USER:-}" ] && [ -n "${DB_MONITOR_PASSWORD:-}" ]; then
    psql "$1" -v ON_ERROR_STOP=1 -q -v mon_user="$DB_MONITOR_USER" -v mon_password="$DB_MONITOR_PASSWORD" <<'SQL'
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'mon_user') AS create_role \gset
\if :create_role
    CREATE ROLE :"mon_user" LOGIN PASSWORD :'mon_password' IN ROLE pg_monitor;
\else
    ALTER ROLE :"mon_user" LOGIN PASSWORD :'mon_password';
\endif
SQL
fi
