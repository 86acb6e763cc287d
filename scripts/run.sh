#!/usr/bin/env bash
# Runs Ventanilla on this machine: builds the EAR, then starts Payara Server with it deployed and prints
# the URLs. With no DB_HOST it starts an embedded PostgreSQL (data kept in $VENTANILLA_HOME/pgdata) and
# loads the demo municipality; with DB_HOST and friends it uses that database. Ctrl-C stops everything.
#
#   scripts/run.sh                 build and run
#   SKIP_BUILD=1 scripts/run.sh    run what was built last
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# secrets and connections from .env (never committed; see .env.example); empty values count as unset
if [[ -f .env ]]; then
    set -a
    # shellcheck disable=SC1091
    . ./.env
    set +a
fi

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    ./mvnw -q -B -DskipTests install
fi

java_bin=java
if [[ -n "${JAVA_HOME:-}" ]]; then
    java_bin="$JAVA_HOME/bin/java"
fi
classpath="$root/payara/target/classes:$root/payara/target/launcher/*"
launch=("$java_bin" -Xmx256m -cp "$classpath" cl.ventanilla.payara.Launcher "$root")

if [[ $(id -u) -eq 0 ]]; then
    # PostgreSQL refuses to run as root, and an application server has no business doing so: run as the
    # unprivileged system user "ventanilla", created here the first time.
    if ! id ventanilla >/dev/null 2>&1; then
        useradd --system --create-home --home-dir /var/lib/ventanilla --shell /usr/sbin/nologin ventanilla
    fi
    home=$(getent passwd ventanilla | cut -d: -f6)
    export VENTANILLA_HOME="${VENTANILLA_HOME:-$home/.ventanilla}"
    mkdir -p "$VENTANILLA_HOME"
    chown ventanilla: "$VENTANILLA_HOME"
    exec runuser -u ventanilla -- env HOME="$home" USER=ventanilla LOGNAME=ventanilla "${launch[@]}"
fi
exec "${launch[@]}"
