#!/usr/bin/env bash
# Ventanilla's benchmark against a running Ventanilla (scripts/run.sh): wrk for each workload at 1, 8 and 32
# connections, pgbench with the workload's SQL on the same database, the ratio, a table and a JSON file under
# target/bench/. Figures are printed, never asserted. It resets the demo municipality's day as it goes: run it
# against the demo database of scripts/run.sh only. Needs wrk, psql, pgbench (Debian: wrk, postgresql-client).
#
#   scripts/bench.sh                                  everything, 5 s a measurement (a few minutes)
#   BENCH_WORKLOADS=ticket,desk scripts/bench.sh      some workloads (live, me, ticket, desk, snapshot,
#                                                     calendar, booking, deep, day: the municipal day replayed)
#   BENCH_WORKLOADS=day BENCH_DAY_SPEEDS=100,10@09:30-10:30 scripts/bench.sh   the day at 100×, an hour at 10×
#   BENCH_CONNECTIONS=8 BENCH_DURATION=10 scripts/bench.sh
#   scripts/bench.sh --help                           every option
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
exec timeout "${BENCH_TIMEOUT:-3600}" python3 "$root/scripts/bench/bench.py" "$@"
