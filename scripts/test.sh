#!/usr/bin/env bash
# Runs every test: unit tests, Arquillian integration tests in Payara Micro, and the system tests of the
# built EAR on Payara Server. Needs PostgreSQL and Redis; by default the local ones (127.0.0.1:5432 as
# "postgres", 127.0.0.1:6379), or those named by DB_HOST/DB_PORT/DB_USER/DB_PASSWORD and REDIS_HOST/REDIS_PORT.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec ./mvnw -B -ntp verify "$@"
