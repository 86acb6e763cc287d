#!/bin/sh
# Starts Patroni as the postgres user. Per-node values arrive as PATRONI_* variables (see patroni.yml);
# the connect addresses default to this container's name so compose only has to set PATRONI_NAME.
set -eu

: "${PATRONI_NAME:?PATRONI_NAME is required (patroni-1, patroni-2)}"
export PATRONI_RESTAPI_CONNECT_ADDRESS="${PATRONI_RESTAPI_CONNECT_ADDRESS:-$PATRONI_NAME:8008}"
export PATRONI_POSTGRESQL_CONNECT_ADDRESS="${PATRONI_POSTGRESQL_CONNECT_ADDRESS:-$PATRONI_NAME:5432}"

# The volume is mounted root-owned the first time; PostgreSQL insists on owning its data directory
# with mode 0700.
data_parent=$(dirname "$PATRONI_POSTGRESQL_DATA_DIR")
mkdir -p "$PATRONI_POSTGRESQL_DATA_DIR"
chown postgres:postgres "$data_parent" "$PATRONI_POSTGRESQL_DATA_DIR"
chmod 0700 "$PATRONI_POSTGRESQL_DATA_DIR"

exec gosu postgres patroni /etc/patroni/patroni.yml
