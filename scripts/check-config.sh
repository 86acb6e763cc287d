#!/usr/bin/env bash
# Validates the production topology offline, without Docker: compose.yml, the gateway template, the
# database proxy, Patroni, Redis, Prometheus, Grafana/Loki/Promtail and the shell scripts, each with
# the tool that will read it. One line per check; stops at the first failure with the tool's output
# and exits non-zero. Run as root on a clean machine, it installs the Debian packages it needs.
#
#   scripts/check-config.sh
#
# The files checked can be replaced (the tests use this to prove that a broken file fails):
#   CHECK_COMPOSE_FILE, CHECK_ENV_FILE, CHECK_NGINX_TEMPLATE, CHECK_HAPROXY_CFG, CHECK_PATRONI_YML,
#   CHECK_REDIS_CONF, CHECK_PROMETHEUS_YML, CHECK_DASHBOARDS_DIR
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

compose_file=${CHECK_COMPOSE_FILE:-compose.yml}
env_file=${CHECK_ENV_FILE:-.env.example}
nginx_template=${CHECK_NGINX_TEMPLATE:-infrastructure/nginx/nginx.conf.template}
haproxy_cfg=${CHECK_HAPROXY_CFG:-infrastructure/haproxy/haproxy.cfg}
patroni_yml=${CHECK_PATRONI_YML:-infrastructure/patroni/patroni.yml}
redis_conf=${CHECK_REDIS_CONF:-infrastructure/redis/redis.conf}
prometheus_yml=${CHECK_PROMETHEUS_YML:-infrastructure/monitoring/prometheus/prometheus.yml}
pg_bin_dir=${PG_BIN_DIR:-/usr/lib/postgresql/15/bin}
# Debian's python3 has PyYAML whenever docker-compose is installed (it depends on python3-yaml).
python=/usr/bin/python3

started=$(date +%s%N)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- tools ----------------------------------------------------------------------------------------------

needed=()
for pair in docker-compose:docker-compose nginx:nginx haproxy:haproxy patroni:patroni promtool:prometheus \
            redis-server:redis-server redis-cli:redis-server envsubst:gettext-base; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || needed+=("${pair#*:}")
done
[[ -x "$pg_bin_dir/postgres" ]] || needed+=(postgresql-15)
"$python" -c 'import yaml' 2>/dev/null || needed+=(python3-yaml)
if ((${#needed[@]})); then
    if [[ $(id -u) -ne 0 ]]; then
        echo "FAIL  tools: missing packages ${needed[*]} (run as root to install them, or apt-get install them)" >&2
        exit 1
    fi
    echo "..    installing ${needed[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
fi

# --- one check = one line ---------------------------------------------------------------------------------

check() {
    local name=$1 output
    shift
    local t0
    t0=$(date +%s%N)
    if output=$("$@" 2>&1); then
        printf 'ok    %-22s %5d ms\n' "$name" $((($(date +%s%N) - t0) / 1000000))
    else
        printf 'FAIL  %s\n%s\n' "$name" "$output" >&2
        exit 1
    fi
}

compose_config() {
    docker-compose -f "$compose_file" --env-file "$env_file" config -q
}

# Every variable compose.yml interpolates is documented in .env.example ($$ escapes are not variables).
env_example_complete() {
    "$python" - "$compose_file" "$env_file" <<'PY'
import re, sys
compose = open(sys.argv[1], encoding="utf-8").read()
used = set(re.findall(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)", compose))
listed = set(re.findall(r"^([A-Za-z_][A-Za-z0-9_]*)=", open(sys.argv[2], encoding="utf-8").read(), re.M))
missing = sorted(used - listed)
if missing:
    sys.exit("not in %s: %s" % (sys.argv[2], ", ".join(missing)))
PY
}

# Rendered exactly as compose.yml and scripts/cluster-up.sh do, with loopback addresses.
nginx_gateway() {
    local dir="$work/nginx"
    mkdir -p "$dir"
    GATEWAY_LISTEN=127.0.0.1:8080 PAYARA_1_HTTP=127.0.0.1:28180 PAYARA_2_HTTP=127.0.0.1:28280 \
        GATEWAY_RUN_DIR="$dir" GATEWAY_UPSTREAM_BIND=127.0.0.2 \
        envsubst '${GATEWAY_LISTEN} ${PAYARA_1_HTTP} ${PAYARA_2_HTTP} ${GATEWAY_RUN_DIR} ${GATEWAY_UPSTREAM_BIND}' \
        <"$nginx_template" >"$dir/nginx.conf"
    # a variable left unrendered would be taken by nginx as one of its own
    if grep -nE '\$\{(GATEWAY_LISTEN|PAYARA_[12]_HTTP|GATEWAY_RUN_DIR|GATEWAY_UPSTREAM_BIND)\}' "$dir/nginx.conf"; then
        return 1
    fi
    nginx -t -q -p "$dir" -c "$dir/nginx.conf"
}

haproxy_db_proxy() {
    mkdir -p "$work/haproxy"
    DB_PROXY_BIND=127.0.0.1:5432 DB_PROXY_READ_BIND=127.0.0.1:5434 DB_PROXY_STATS_BIND=127.0.0.1:8404 \
        PG_NODE_1_HOST=127.0.0.1 PG_NODE_1_PORT=15432 PG_NODE_1_API_PORT=18008 \
        PG_NODE_2_HOST=127.0.0.1 PG_NODE_2_PORT=25432 PG_NODE_2_API_PORT=28008 \
        HAPROXY_RUN_DIR="$work/haproxy" \
        haproxy -c -f "$haproxy_cfg"
}

# Patroni's validator wants free listen ports, a reachable etcd and connect addresses that are not
# loopback (so compose's names are used here; at run time Patroni accepts 127.0.0.1). A listening
# socket stands in for etcd: the validator only checks that the address accepts connections.
patroni_config() {
    "$python" - "$patroni_yml" "$work/pgdata" "$pg_bin_dir" <<'PY'
import os, socket, subprocess, sys
config, data_dir, bin_dir = sys.argv[1:]

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

etcd = socket.socket()
etcd.bind(("127.0.0.1", 0))
etcd.listen(8)
env = dict(os.environ,
           PATRONI_NAME="patroni-1",
           PATRONI_RESTAPI_LISTEN="127.0.0.1:%d" % free_port(),
           PATRONI_RESTAPI_CONNECT_ADDRESS="patroni-1:8008",
           PATRONI_POSTGRESQL_LISTEN="127.0.0.1:%d" % free_port(),
           PATRONI_POSTGRESQL_CONNECT_ADDRESS="patroni-1:5432",
           PATRONI_POSTGRESQL_DATA_DIR=data_dir,
           PATRONI_POSTGRESQL_BIN_DIR=bin_dir,
           PATRONI_ETCD_HOSTS="127.0.0.1:%d" % etcd.getsockname()[1],
           PATRONI_SUPERUSER_USERNAME="postgres", PATRONI_SUPERUSER_PASSWORD="check",
           PATRONI_REPLICATION_USERNAME="replicator", PATRONI_REPLICATION_PASSWORD="check",
           PATRONI_REWIND_USERNAME="rewinder", PATRONI_REWIND_PASSWORD="check")
result = subprocess.run(["patroni", "--validate-config", config], env=env,
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
print(result.stdout, end="")
sys.exit(result.returncode)
PY
}

# Redis has no "check the file" switch: start it on a Unix socket only (port 0: no TCP port), ask it
# for the settings that matter, and stop it.
redis_config() {
    local dir="$work/redis"
    mkdir -p "$dir"
    redis-server "$redis_conf" --port 0 --unixsocket "$dir/redis.sock" --dir "$dir" \
        --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --requirepass check \
        || { cat "$dir/redis.log" 2>/dev/null; return 1; }
    local answer="" i
    for i in $(seq 1 50); do
        answer=$(REDISCLI_AUTH=check redis-cli -s "$dir/redis.sock" config get appendonly 2>/dev/null | tail -1) \
            && [[ -n "$answer" ]] && break
        sleep 0.1
    done
    local fsync
    fsync=$(REDISCLI_AUTH=check redis-cli -s "$dir/redis.sock" config get appendfsync | tail -1)
    REDISCLI_AUTH=check redis-cli -s "$dir/redis.sock" shutdown nosave >/dev/null 2>&1 || true
    [[ "$answer" == yes && "$fsync" == everysec ]] || { echo "appendonly=$answer appendfsync=$fsync"; return 1; }
    if grep -nE '^\s*requirepass' "$redis_conf"; then
        echo "the password belongs on the command line, not in $redis_conf"
        return 1
    fi
}

prometheus_config() {
    promtool check config "$prometheus_yml"
}

prometheus_rules() {
    promtool check rules infrastructure/monitoring/prometheus/rules/*.yml
}

# the alert rules' unit tests: each alert fires when it should and stays quiet when it should
prometheus_rule_tests() {
    promtool test rules infrastructure/monitoring/prometheus/tests/*.yml
}

yaml_and_json() {
    "$python" - <<'PY'
import glob, json, sys, yaml
files = (glob.glob("infrastructure/monitoring/grafana/provisioning/**/*.yml", recursive=True)
         + ["infrastructure/monitoring/loki/loki-config.yml",
            "infrastructure/monitoring/promtail/promtail-config.yml"])
for name in files:
    with open(name, encoding="utf-8") as f:
        if not isinstance(yaml.safe_load(f), dict):
            sys.exit(name + ": not a YAML mapping")
for name in glob.glob("infrastructure/monitoring/grafana/dashboards/*.json"):
    with open(name, encoding="utf-8") as f:
        json.load(f)
PY
}

# What the dashboards and alert rules ask for exists: every panel's datasource is a provisioned one;
# every metric of a PromQL expression is one the application registers (ventanilla_*, read from the
# Java sources) or one of an exporter's families; every label of a LogQL stream selector is one
# Promtail gives.
dashboards_and_rules() {
    "$python" - "${CHECK_DASHBOARDS_DIR:-infrastructure/monitoring/grafana/dashboards}" <<'PY'
import glob, json, re, sys, yaml

dashboards_dir = sys.argv[1]
datasources = {d["uid"]: d["type"] for d in yaml.safe_load(
    open("infrastructure/monitoring/grafana/provisioning/datasources/datasources.yml", encoding="utf-8"))["datasources"]}

# the application's metric names, as MicroProfile Metrics exports them (dots become underscores,
# counters get _total, CumulativeHistogram adds _bucket/_sum/_count to its name)
application = set()
for source in glob.glob("ejb-modules/*/src/main/java/**/*.java", recursive=True):
    for name in re.findall(r'"(ventanilla\.[a-z_.]+)"', open(source, encoding="utf-8").read()):
        base = name.replace(".", "_")
        application |= {base, base + "_total", base + "_bucket", base + "_sum", base + "_count"}
# the exporters' families (Patroni, HAProxy, nginx-prometheus-exporter, postgres_exporter, redis_exporter),
# Prometheus' own, and Payara's base and vendor metrics as /metrics shows them
exporters = re.compile(r"^(up|scrape_.*|patroni_.*|haproxy_.*|nginx_.*|pg_.*|redis_.*|prometheus_.*|"
                       r"jvm_.*|memory_.*|thread_.*|gc_.*|cpu_.*|system_cpu_.*|classloader_.*|connection_pool_.*|"
                       r"process_.*|go_.*)$")
functions = {"sum", "min", "max", "avg", "count", "rate", "irate", "increase", "delta", "idelta", "deriv",
             "histogram_quantile", "absent", "absent_over_time", "vector", "scalar", "time", "clamp_min",
             "clamp_max", "round", "abs", "ceil", "floor", "topk", "bottomk", "max_over_time", "min_over_time",
             "avg_over_time", "sum_over_time", "count_over_time", "last_over_time", "label_replace", "sort",
             "sort_desc", "timestamp", "changes", "resets", "group", "quantile", "stddev", "ln", "exp", "sqrt"}
keywords = {"by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool",
            "offset", "inf", "nan"}

def metric_names(expr):
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)                   # strings
    text = re.sub(r"\$\{?[A-Za-z_][A-Za-z0-9_]*\}?", "1", text)         # Grafana variables
    text = re.sub(r"\{[^}]*\}", "", text)                                # label matchers
    text = re.sub(r"\[[^\]]*\]", "", text)                              # ranges
    text = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", r"\1", text)
    names = set()
    for match in re.finditer(r"(?<![\w.])([A-Za-z_:][A-Za-z0-9_:]*)\b(\s*\()?", text):
        word, call = match.group(1), match.group(2)
        if call or word in keywords or word in functions or re.fullmatch(r"\d+[smhdwy]", word):
            continue
        names.add(word)
    return names

promtail = yaml.safe_load(open("infrastructure/monitoring/promtail/promtail-config.yml", encoding="utf-8"))
loki_labels = {"job", "filename"}
for job in promtail["scrape_configs"]:
    for relabel in job.get("relabel_configs", []):
        if "target_label" in relabel:
            loki_labels.add(relabel["target_label"])
    for static in job.get("static_configs", []):
        loki_labels |= set(static.get("labels", {}))
    stages = list(job.get("pipeline_stages", []))
    while stages:
        stage = stages.pop()
        loki_labels |= set(stage.get("labels") or {})
        stages += (stage.get("match") or {}).get("stages", [])

problems = []

def check_promql(where, expr):
    for name in sorted(metric_names(expr)):
        if name.startswith("ventanilla_"):
            if name not in application:
                problems.append("%s: %s is not a metric the application registers" % (where, name))
        elif not exporters.match(name):
            problems.append("%s: %s is not a known metric" % (where, name))

def panels(items):
    for panel in items:
        yield panel
        yield from panels(panel.get("panels", []))

names = sorted(glob.glob(dashboards_dir + "/*.json"))
if not names:
    problems.append("no dashboards in " + dashboards_dir)
for name in names:
    dashboard = json.load(open(name, encoding="utf-8"))
    for key in ("uid", "title", "panels"):
        if key not in dashboard:
            problems.append("%s: no %s" % (name, key))
    for panel in panels(dashboard.get("panels", [])):
        if panel.get("type") == "row":
            continue
        where = "%s, panel %r" % (name, panel.get("title"))
        source = panel.get("datasource") or {}
        uid = source.get("uid") if isinstance(source, dict) else None
        if uid not in datasources:
            problems.append("%s: datasource %r is not provisioned (%s)" % (where, uid, ", ".join(datasources)))
            continue
        for target in panel.get("targets", []):
            expr = target.get("expr", "")
            if not expr:
                problems.append(where + ": a target without expr")
            elif datasources[uid] == "prometheus":
                check_promql(where, expr)
            elif datasources[uid] == "loki":
                for selector in re.findall(r"\{([^}]*)\}", expr.split("|")[0]):
                    for label in re.findall(r"([A-Za-z_][A-Za-z0-9_]*)\s*(?:=~|!~|!=|=)", selector):
                        if label not in loki_labels:
                            problems.append("%s: Loki label %s is not set by Promtail (%s)"
                                            % (where, label, ", ".join(sorted(loki_labels))))
    for variable in dashboard.get("templating", {}).get("list", []):
        query = variable.get("query")
        if variable.get("type") == "query" and isinstance(query, dict):
            query = query.get("query")
        if variable.get("type") == "query" and query:
            check_promql("%s, variable %s" % (name, variable.get("name")), re.sub(r"^label_values\((.*),\s*\w+\)$", r"\1", query))
for rules in glob.glob("infrastructure/monitoring/prometheus/rules/*.yml"):
    for group in yaml.safe_load(open(rules, encoding="utf-8"))["groups"]:
        for rule in group["rules"]:
            check_promql("%s, %s" % (rules, rule.get("alert") or rule.get("record")), rule["expr"])
if problems:
    sys.exit("\n".join(problems))
print("%d dashboards, %d application metrics known" % (len(names), len(application)))
PY
}

shell_syntax() {
    local f
    for f in scripts/*.sh infrastructure/payara/entrypoint.sh; do
        bash -n "$f" || return 1
    done
    # these run under /bin/sh in their images (postgres:15 has dash)
    for f in infrastructure/patroni/entrypoint.sh infrastructure/patroni/post-bootstrap.sh; do
        sh -n "$f" || return 1
    done
}

check "compose config" compose_config
check ".env.example complete" env_example_complete
check "nginx -t (gateway)" nginx_gateway
check "haproxy -c (db-proxy)" haproxy_db_proxy
check "patroni validate" patroni_config
check "redis.conf" redis_config
check "promtool config" prometheus_config
check "promtool rules" prometheus_rules
check "promtool test rules" prometheus_rule_tests
check "grafana/loki/promtail" yaml_and_json
check "dashboards and rules" dashboards_and_rules
check "shell syntax" shell_syntax

printf 'all configuration checks passed in %d ms\n' $((($(date +%s%N) - started) / 1000000))
