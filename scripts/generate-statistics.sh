#!/usr/bin/env bash
# A year of a large municipality for the statistics, then the benchmark of the statistics screen's queries on
# it (figures printed, never asserted). Writes into its own scratch database, created anew each run:
#
#   scripts/generate-statistics.sh                         3 million tickets over 365 days, seed 2026
#   scripts/generate-statistics.sh --tickets 300000 --seed 7
#   scripts/generate-statistics.sh --benchmark-only       the benchmark again on what is there (keeps the data)
#   scripts/generate-statistics.sh --facts-only           only the cost of the facts' statements (keeps the data)
#
# Database: DB_HOST, DB_PORT, DB_USER, DB_PASSWORD (default 127.0.0.1:5432 as postgres), DB_NAME (default
# ventanilla_estadisticas; never point it at a database you keep: it is dropped). Maven options for the build
# of the generator in MAVEN_ARGS (e.g. "-o -Dmaven.repo.local=...").
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export DB_HOST=${DB_HOST:-127.0.0.1} DB_PORT=${DB_PORT:-5432} DB_USER=${DB_USER:-postgres}
export DB_NAME=${DB_NAME:-ventanilla_estadisticas} PGPASSWORD=${DB_PASSWORD:-}
psql_admin=(psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres)
psql_db=(psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME")

if [[ " $* " != *" --benchmark-only "* && " $* " != *" --facts-only "* ]]; then
    echo "Base de datos $DB_NAME en $DB_HOST:$DB_PORT: creada de nuevo, con el esquema de las migraciones"
    "${psql_admin[@]}" -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" -c "CREATE DATABASE \"$DB_NAME\""
    for migration in $(ls "$root"/ejb-modules/kernel/src/main/resources/db/migration/V*.sql | sort -V); do
        "${psql_db[@]}" -f "$migration" > /dev/null
    done
fi

module="$root/ejb-modules/statistics"
# shellcheck disable=SC2086
"$root/mvnw" -B -ntp -q ${MAVEN_ARGS:-} -f "$root/pom.xml" -pl ejb-modules/statistics test-compile \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$module/target/generator.classpath"
exec java -Xmx1g -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/generator.classpath")" \
    cl.ventanilla.statistics.tools.StatisticsGenerator "$@"
