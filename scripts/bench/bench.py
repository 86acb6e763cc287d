#!/usr/bin/env python3
"""Ventanilla's benchmark: wrk against a running Ventanilla, pgbench with each workload's SQL on the same
database, and the ratio between them. Called by scripts/bench.sh; see the README's "Rendimiento".

It resets the demo municipality's day between measurements (today's tickets of the benchmarked units are
deleted), so run it against the demo database of scripts/run.sh, never against real data.
"""
import argparse
import concurrent.futures
import datetime
import glob
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zoneinfo

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ZONE = zoneinfo.ZoneInfo("America/Santiago")
STEP_TIMEOUT = 60  # no single wrk or pgbench run may hang the bench


def log(*args):
    print(*args, file=sys.stderr, flush=True)


class Db:
    def __init__(self, host, port, user, name):
        self.env = dict(os.environ, PGHOST=host, PGPORT=str(port), PGUSER=user, PGDATABASE=name)

    def run(self, sql):
        out = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                             env=self.env, capture_output=True, text=True, timeout=STEP_TIMEOUT)
        if out.returncode != 0:
            raise RuntimeError(f"psql: {out.stderr.strip()}\n{sql}")
        return [line.split("\t") for line in out.stdout.splitlines() if line]


class Api:
    def __init__(self, base):
        self.base = base.rstrip("/")
        self.token = None

    def call(self, method, path, body=None, headers=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("Authorization", "Bearer " + self.token)
        for k, v in (headers or {}).items():
            request.add_header(k, v)
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                text = answer.read().decode()
                return answer.status, (json.loads(text) if text else None)
        except urllib.error.HTTPError as e:
            text = e.read().decode()
            return e.code, text


def listener(port):
    """The process listening on a loopback port (ss -ltnp), or None."""
    out = subprocess.run(["ss", "-ltnpH", f"sport = :{port}"], capture_output=True, text=True).stdout
    found = re.search(r"pid=(\d+)", out)
    return int(found.group(1)) if found else None


def cpu_seconds(pids, reaped=False):
    """User + system CPU of the processes so far (Linux /proc), to divide by the requests they served: the
    figure the machine's other load disturbs least. With reaped, the first process's children that have
    exited count too (PostgreSQL backends that closed)."""
    total = 0
    for k, pid in enumerate(pids):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
            if reaped and k == 0:
                total += int(fields[13]) + int(fields[14])
        except (FileNotFoundError, ProcessLookupError, IndexError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


def children(parent):
    """The postmaster and its backends."""
    pids = [parent]
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == parent:
                        pids.append(int(entry))
            except (FileNotFoundError, ProcessLookupError):
                pass
    return pids


def today():
    return datetime.datetime.now(ZONE).date()


def wrk(script, connections, seconds, env, threads=None):
    threads = threads or min(connections, 2)
    cmd = ["wrk", "--latency", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
           "-s", os.path.join(HERE, script), env.pop("URL")]
    full_env = dict(os.environ, BENCH_LIB=HERE, BENCH_THREADS=str(threads), **env)
    out = subprocess.run(cmd, env=full_env, capture_output=True, text=True, timeout=seconds + STEP_TIMEOUT)
    line = next((l for l in out.stdout.splitlines() if l.startswith("BENCH_JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no summary: {out.stdout}\n{out.stderr}")
    r = json.loads(line[len("BENCH_JSON "):])
    seconds_run = r["duration_us"] / 1e6
    ok = sum(n for code, n in r["statuses"].items() if 200 <= int(code) < 300)
    return {"connections": connections, "requests": r["requests"], "ok": ok, "seconds": round(seconds_run, 2),
            "rps": round(r["requests"] / seconds_run, 1), "ok_per_s": round(ok / seconds_run, 1),
            "p50_ms": round(r["p50_us"] / 1000, 2), "p99_ms": round(r["p99_us"] / 1000, 2),
            "statuses": r["statuses"],
            "errors": r["errors_connect"] + r["errors_read"] + r["errors_write"] + r["errors_timeout"]}


def pgbench(db, sql, connections, seconds, defines):
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "workload.sql")
        with open(script, "w") as f:
            f.write(sql)
        cmd = ["pgbench", "-n", "-f", script, "-c", str(connections), "-j", str(min(connections, 2)),
               "-T", str(seconds), "-l", "--log-prefix", os.path.join(tmp, "log")]
        for k, v in defines.items():
            cmd += ["-D", f"{k}={v}"]
        out = subprocess.run(cmd, env=db.env, capture_output=True, text=True, timeout=seconds + STEP_TIMEOUT)
        if out.returncode not in (0, 2):
            raise RuntimeError(f"pgbench: {out.stderr}\n{out.stdout}")
        latencies = []
        for name in glob.glob(os.path.join(tmp, "log*")):
            with open(name) as f:
                latencies += [int(l.split()[2]) for l in f if l.strip()]
        latencies.sort()
        tps = re.search(r"tps = ([0-9.]+)", out.stdout)
        failed = re.search(r"number of failed transactions: (\d+)", out.stdout)
        pct = lambda p: round(latencies[min(len(latencies) - 1, int(len(latencies) * p))] / 1000, 2) if latencies else None
        return {"connections": connections, "tps": round(float(tps.group(1)), 1) if tps else None,
                "p50_ms": pct(0.50), "p99_ms": pct(0.99), "failed": int(failed.group(1)) if failed else 0}


class Bench:
    def __init__(self, args):
        self.args = args
        self.db = Db(args.db_host, args.db_port, args.db_user, args.db_name)
        self.api = Api(args.url)
        self.results = []
        self.days = []
        self.saved_hours = {}

    # ---- the demo municipality, as the bench uses it -------------------------------------------------------
    def prepare(self):
        password = open(self.args.admin_password_file).read().strip()
        status, body = self.api.call("POST", "/api/auth/login", {"rut": "11111111-1", "password": password})
        if status != 200:
            raise SystemExit(f"login refused ({status}): {body}")
        self.api.token = body["token"]
        self.db.run("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        # the unit with the most walk-in services without a daily quota (the kiosk issues for them all day)
        unit = self.db.run("""
            SELECT unidad_id FROM servicios WHERE activo AND cupo_diario_presencial IS NULL GROUP BY unidad_id
            ORDER BY count(*) DESC, unidad_id LIMIT 1""")[0][0]
        self.unit = unit
        self.services = [r[0] for r in self.db.run(f"""
            SELECT id FROM servicios WHERE unidad_id = '{unit}' AND activo AND cupo_diario_presencial IS NULL
            ORDER BY prefijo""")]
        self.ensure_stations(unit)
        self.open_all_day([unit])
        self.stations = [r[0] for r in self.db.run(f"""
            SELECT e.id FROM estaciones e WHERE e.unidad_id = '{unit}' AND e.activo
              AND EXISTS (SELECT 1 FROM estacion_servicios es WHERE es.estacion_id = e.id)
            ORDER BY e.numero""")]
        self.bookable = [r[0] for r in self.db.run("""
            SELECT id FROM servicios WHERE activo AND acepta_agendamiento ORDER BY unidad_id, prefijo""")]
        self.pg_station = self.stations[0]
        log(f"unidad {unit}: {len(self.services)} servicios, {len(self.stations)} módulos; "
            f"{len(self.bookable)} servicios con agenda")

    def open_all_day(self, units):
        """The units open all day every day while the bench runs, whatever the hour (a closed unit issues no
        ticket); restore_hours puts their hours back."""
        for unit in units:
            if unit in self.saved_hours:
                continue
            status, hours = self.api.call("GET", f"/api/config/units/{unit}/opening-hours")
            if status != 200:
                raise SystemExit(f"could not read the opening hours of {unit} ({status}): {hours}")
            self.saved_hours[unit] = hours
            status, body = self.api.call("PUT", f"/api/config/units/{unit}/opening-hours", {"ranges": [
                {"day": d, "opens": "00:00", "closes": "23:59"} for d in
                ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")]})
            if status != 200:
                raise SystemExit(f"could not open {unit} all day ({status}): {body}")

    def restore_hours(self):
        for unit, hours in list(self.saved_hours.items()):
            status, body = self.api.call("PUT", f"/api/config/units/{unit}/opening-hours", hours)
            if status != 200:
                log(f"could not restore the opening hours of {unit} ({status}): {body}")
            del self.saved_hours[unit]

    def ensure_stations(self, unit):
        """Twenty desks race in the desk cycle: the bench adds stations to the unit through the API."""
        existing = self.db.run(f"SELECT count(*), coalesce(max(numero), 0) FROM estaciones WHERE unidad_id = '{unit}' AND activo")[0]
        count, top = int(existing[0]), int(existing[1])
        for k in range(self.args.desks - count):
            status, body = self.api.call("POST", "/api/config/stations", {
                "unitId": unit, "number": top + k + 1, "name": f"Banco de pruebas {top + k + 1}",
                "serviceIds": self.services})
            if status != 201:
                raise SystemExit(f"could not add a station ({status}): {body}")

    def reset_day(self):
        """Deletes today's tickets of the benchmarked unit: every measurement starts from an empty queue."""
        self.db.run(f"""
            BEGIN;
            DELETE FROM turno_eventos WHERE turno_id IN (SELECT id FROM turnos WHERE unidad_id = '{self.unit}' AND fecha = '{today()}');
            DELETE FROM turnos WHERE unidad_id = '{self.unit}' AND fecha = '{today()}';
            DELETE FROM contadores_turno WHERE fecha = '{today()}' AND servicio_id IN (SELECT id FROM servicios WHERE unidad_id = '{self.unit}');
            COMMIT;""")

    def fill_queue(self, total):
        """Puts `total` walk-in tickets waiting, spread over the unit's services, as a morning's kiosks would."""
        per = total // len(self.services)
        for service in self.services:
            self.db.run(f"""
                WITH c AS (
                    INSERT INTO contadores_turno (servicio_id, fecha, ultimo_numero) VALUES ('{service}', '{today()}', {per})
                    ON CONFLICT (servicio_id, fecha) DO UPDATE SET ultimo_numero = contadores_turno.ultimo_numero + {per}
                    RETURNING ultimo_numero)
                INSERT INTO turnos (unidad_id, servicio_id, servicio_atencion_id, fecha, numero, prefijo,
                                    hora_emision, hora_ingreso_cola)
                SELECT s.unidad_id, s.id, s.id, '{today()}', c.ultimo_numero - {per} + g, s.prefijo,
                       now() - interval '1 second' * ({per} - g), now() - interval '1 second' * ({per} - g)
                FROM c, servicios s, generate_series(1, {per}) g WHERE s.id = '{service}'""")

    # ---- workloads ---------------------------------------------------------------------------------------------
    def measure(self, name, connections, run_wrk, sql=None, defines=None, note=""):
        row = {"workload": name, "connections": connections, "note": note}
        try:
            server, db = self.args.server_pid, self.args.db_pid
            database = lambda: children(db) if db else []
            before = (cpu_seconds([server] if server else []), cpu_seconds(database(), reaped=True))
            row["ventanilla"] = run_wrk()
            after = (cpu_seconds([server] if server else []), cpu_seconds(database(), reaped=True))
            ok = max(1, row["ventanilla"]["ok"])
            if server:
                row["ventanilla"]["jvm_cpu_ms_per_ok"] = round(1000 * (after[0] - before[0]) / ok, 2)
            if db:
                row["ventanilla"]["db_cpu_ms_per_ok"] = round(1000 * (after[1] - before[1]) / ok, 2)
        except Exception as e:  # noqa: BLE001 - a failed measurement is reported, the bench goes on
            row["ventanilla"] = {"error": str(e)[:300]}
        if sql and not self.args.no_pgbench:
            try:
                row["pgbench"] = pgbench(self.db, sql, connections, self.args.duration, defines or {})
            except Exception as e:  # noqa: BLE001
                row["pgbench"] = {"error": str(e)[:300]}
        self.results.append(row)
        log(format_row(row))
        return row

    def url(self):
        return self.args.url

    def live(self, c):
        self.measure("live", c, lambda: wrk("get.lua", c, self.args.duration,
                                             {"URL": self.url(), "BENCH_PATHS": "/health/live"}))

    def me(self, c):
        self.measure("me", c, lambda: wrk("get.lua", c, self.args.duration,
                                           {"URL": self.url(), "BENCH_PATHS": "/api/auth/me", "BENCH_TOKEN": self.api.token}),
                     sql=read_sql("me.sql"), defines={"account": quoted(self.admin_id()), "jti": "'bench-jti'"})

    def admin_id(self):
        return self.db.run("SELECT id FROM usuarios WHERE rut = '11111111-1'")[0][0]

    def ticket(self, c, note=""):
        self.reset_day()
        self.measure("ticket", c, lambda: wrk("ticket.lua", c, self.args.duration,
                                               {"URL": self.url(), "BENCH_SERVICES": ",".join(self.services),
                                                "BENCH_TOKEN": self.api.token}),
                     sql=read_sql("ticket.sql"), defines=self.pg_defines(), note=note)
        self.pg_cleanup()

    def desk(self, c, prefill=None, note=""):
        self.reset_day()
        self.fill_queue(prefill or self.args.desk_prefill)
        threads = min(c, len(self.stations))
        self.pg_fill(40000)
        self.measure("desk", threads, lambda: wrk("desk.lua", threads, self.args.duration,
                                                  {"URL": self.url(), "BENCH_STATIONS": ",".join(self.stations[:self.args.desks]),
                                                   "BENCH_TOKEN": self.api.token}, threads=threads),
                     sql=read_sql("desk.sql"), defines=self.pg_defines(), note=note)
        self.pg_cleanup()

    def snapshot(self, c, note=""):
        self.measure("snapshot", c, lambda: wrk("get.lua", c, self.args.duration,
                                                 {"URL": self.url(), "BENCH_PATHS": f"/api/queue/units/{self.unit}/snapshot"}),
                     sql=read_sql("snapshot.sql"), defines={"unit": quoted(self.unit), "day": quoted(today()),
                                                           "svc": quoted(self.services[0])}, note=note)

    def calendar(self, c):
        start = today()
        paths = [f"/api/appointments/services/{s}/days?from={start}&to={start + datetime.timedelta(days=29)}"
                 for s in self.bookable]
        # warm: the first answer of each service fills the cache
        for p in paths:
            self.api.call("GET", p)
        self.measure("calendar", c, lambda: wrk("get.lua", c, self.args.duration, {"URL": self.url(), "BENCH_PATHS": ",".join(paths)}),
                     sql=read_sql("calendar.sql"), defines={"svc": quoted(self.bookable[0]), "from": quoted(start),
                                                           "to": quoted(start + datetime.timedelta(days=29))})

    def booking(self, c):
        bodies = self.prepare_bookings(self.args.bookings)
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            f.write("\n".join(json.dumps(b) for b in bodies) + "\n")
        try:
            row = self.measure("booking", c, lambda: wrk("booking.lua", c, self.args.duration,
                                                          {"URL": self.url(), "BENCH_BOOKINGS": f.name}),
                               sql=read_sql("booking.sql"), defines={"svc": quoted(self.bookable[0])},
                               note=f"{len(bodies)} reservas preparadas")
            if row["ventanilla"].get("statuses", {}).get("429") and not row["ventanilla"].get("ok"):
                # each booking comes from its own X-Forwarded-For; a server that does not trust the bench's
                # address as a gateway sees one citizen and refuses after the hour's limit
                log("  (429: inicie el servidor con VENTANILLA_TRUSTED_PROXIES=127.0.0.1 para que cada reserva "
                    "cuente como un ciudadano distinto)")
        finally:
            os.unlink(f.name)
            self.db.run("""
                BEGIN;
                CREATE TEMP TABLE bench_bookings ON COMMIT DROP AS
                    SELECT id FROM agendamientos WHERE email_ciudadano LIKE 'bench%@example.org';
                DELETE FROM notificacion_adjuntos WHERE notificacion_id IN
                    (SELECT id FROM notificaciones WHERE agendamiento_id IN (SELECT id FROM bench_bookings));
                DELETE FROM notificaciones WHERE agendamiento_id IN (SELECT id FROM bench_bookings);
                DELETE FROM agendamientos WHERE id IN (SELECT id FROM bench_bookings);
                COMMIT;""")

    def prepare_bookings(self, n):
        """Free slots of the next days (one booking each, distinct citizens) and solved proofs of work."""
        slots = []
        for service in self.bookable:
            for d in range(1, 31):
                if len(slots) >= n:
                    break
                status, body = self.api.call("GET", f"/api/appointments/services/{service}/slots?date={today() + datetime.timedelta(days=d)}")
                if status == 200:
                    for s in body:
                        slots += [(service, s["start"])] * max(0, s.get("free", 0))
        slots = slots[:n]
        challenges = []
        for _ in slots:
            status, body = self.api.call("GET", "/api/appointments/challenge")
            challenges.append((body["token"], body["difficulty"]))
        solver = subprocess.run(["java", os.path.join(HERE, "SolveChallenges.java")],
                                input="\n".join(f"{t} {d}" for t, d in challenges), capture_output=True, text=True,
                                timeout=600)
        nonces = solver.stdout.split()
        base = self.args.rut_base + int(time.time()) % 1000 * 10000
        return [{"serviceId": service, "start": start, "rut": rut(base + i), "name": "Persona de Prueba",
                 "email": f"bench{base + i}@example.org", "language": "es", "challenge": challenges[i][0],
                 "nonce": nonces[i]} for i, (service, start) in enumerate(slots)]

    # pgbench's tickets live on a day far away, so they never meet the application's
    def pg_defines(self):
        prefix = self.db.run(f"SELECT prefijo FROM servicios WHERE id = '{self.services[0]}'")[0][0]
        return {"unit": quoted(self.unit), "svc": quoted(self.services[0]), "station": quoted(self.pg_station),
                "prefix": quoted(prefix)}

    def pg_fill(self, n):
        self.pg_cleanup()
        self.db.run(f"""
            INSERT INTO turnos (unidad_id, servicio_id, servicio_atencion_id, fecha, numero, prefijo, hora_ingreso_cola)
            SELECT s.unidad_id, s.id, s.id, '2099-01-01', 100000 + g, s.prefijo, now() + interval '1 ms' * g
            FROM servicios s, generate_series(1, {n}) g WHERE s.id = '{self.services[0]}'""")

    def pg_cleanup(self):
        self.db.run("""
            BEGIN;
            DELETE FROM turno_eventos WHERE turno_id IN (SELECT id FROM turnos WHERE fecha = '2099-01-01');
            DELETE FROM turnos WHERE fecha = '2099-01-01';
            DELETE FROM contadores_turno WHERE fecha = '2099-01-01';
            DELETE FROM estadisticas_turnos WHERE fecha = '2099-01-01';
            DELETE FROM estadisticas_estaciones WHERE fecha = '2099-01-01';
            DELETE FROM estadisticas WHERE fecha = '2099-01-01';
            COMMIT;""")


def quoted(value):
    return f"'{value}'"


def read_sql(name):
    with open(os.path.join(HERE, "sql", name)) as f:
        return f.read()


def rut(number):
    """A valid Chilean RUT for a number (módulo 11)."""
    total, factor = 0, 2
    for digit in reversed(str(number)):
        total += int(digit) * factor
        factor = 2 if factor == 7 else factor + 1
    check = 11 - total % 11
    return f"{number}-{'0' if check == 11 else 'K' if check == 10 else check}"


def format_row(row):
    v = row.get("ventanilla", {})
    p = row.get("pgbench")
    if "error" in v:
        left = f"ERROR {v['error'][:80]}"
    else:
        left = f"{v['ok_per_s']:>8.1f}/s ok  p50 {v['p50_ms']:>7.2f} ms  p99 {v['p99_ms']:>7.2f} ms  {v['statuses']}"
        if "jvm_cpu_ms_per_ok" in v:
            left += f"  CPU/ok: JVM {v['jvm_cpu_ms_per_ok']} ms, PostgreSQL {v.get('db_cpu_ms_per_ok', '—')} ms"
    right = ""
    if p and "error" not in p and p.get("tps"):
        ratio = v.get("ok_per_s", 0) / p["tps"] if p["tps"] else 0
        right = f" | pgbench {p['tps']:>8.1f}/s p50 {p['p50_ms']:>6.2f} p99 {p['p99_ms']:>6.2f} | {ratio:.2f}×"
    elif p:
        right = f" | pgbench ERROR {p.get('error', '')[:80]}"
    if row["workload"] == "desk" and "ok_per_s" in v:
        left += f"  ({v['ok_per_s'] / 3:.1f} ciclos/s)"
    return f"{row['workload']:<9} c={row['connections']:<3} {left}{right} {row.get('note', '')}"


def markdown(results):
    lines = ["| Workload | Conn. | Ventanilla ok/s | p50 ms | p99 ms | non-2xx | JVM CPU ms/ok | PG CPU ms/ok | pgbench tps | pgbench p50 | pgbench p99 | Ventanilla / pgbench | Note |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in results:
        v, p = r.get("ventanilla", {}), r.get("pgbench") or {}
        if "error" in v:
            lines.append(f"| {r['workload']} | {r['connections']} | error | | | | | | | | | | {v['error'][:60]} |")
            continue
        bad = sum(n for code, n in v["statuses"].items() if not 200 <= int(code) < 300)
        ratio = f"{v['ok_per_s'] / p['tps']:.2f}" if p.get("tps") else "—"
        lines.append(f"| {r['workload']} | {r['connections']} | {v['ok_per_s']:.0f} | {v['p50_ms']} | {v['p99_ms']} | {bad} | "
                     f"{v.get('jvm_cpu_ms_per_ok', '—')} | {v.get('db_cpu_ms_per_ok', '—')} | "
                     f"{p.get('tps', '—')} | {p.get('p50_ms', '—')} | {p.get('p99_ms', '—')} | {ratio} | {r.get('note', '')} |")
    return "\n".join(lines)


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(int(mem) / 1024 / 1024, 1),
            "kernel": platform.release(), "load_before": os.getloadavg()}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default=os.environ.get("BENCH_URL", "http://127.0.0.1:8080"))
    parser.add_argument("--db-host", default="127.0.0.1")
    parser.add_argument("--db-port", type=int, default=int(os.environ.get("BENCH_DB_PORT", "5439")))
    parser.add_argument("--db-user", default="postgres")
    parser.add_argument("--db-name", default="ventanilla")
    parser.add_argument("--admin-password-file", default=os.path.join(
        os.environ.get("VENTANILLA_HOME", "/var/lib/ventanilla/.ventanilla" if os.geteuid() == 0 else os.path.expanduser("~/.ventanilla")),
        "admin-password"))
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", "5")), help="seconds per measurement")
    parser.add_argument("--connections", default=os.environ.get("BENCH_CONNECTIONS", "1,8,32"))
    parser.add_argument("--workloads", default=os.environ.get("BENCH_WORKLOADS", "live,me,ticket,desk,snapshot,calendar,booking,deep,day"))
    parser.add_argument("--desks", type=int, default=20)
    parser.add_argument("--desk-prefill", type=int, default=6000)
    parser.add_argument("--deep", type=int, default=10000, help="tickets waiting in the deep-queue run")
    parser.add_argument("--bookings", type=int, default=400, help="bookings prepared per booking measurement")
    parser.add_argument("--rut-base", type=int, default=30_000_000)
    parser.add_argument("--no-pgbench", action="store_true")
    parser.add_argument("--day-speeds", default=os.environ.get("BENCH_DAY_SPEEDS", "100"),
                        help="the replayed day's speeds, each optionally @HH:MM-HH:MM for a window of the day "
                             "(e.g. 100,10@09:30-10:30,1@10:00-10:10)")
    parser.add_argument("--day-window", default="08:30-16:30", help="the part of the day replayed by default")
    parser.add_argument("--day-seed", type=int, default=int(os.environ.get("BENCH_DAY_SEED", "20261207")))
    parser.add_argument("--day-citizens", type=int, default=5000)
    parser.add_argument("--day-units", type=int, default=10)
    parser.add_argument("--day-desks", type=int, default=40)
    parser.add_argument("--day-appointments", type=float, default=0.30, help="share of citizens with a booking")
    parser.add_argument("--day-utilisation", type=float, default=0.85,
                        help="how busy the desks are over the day (service times are scaled to it)")
    parser.add_argument("--day-overtime", type=int, default=3600,
                        help="seconds of the day the desks go on serving after the last arrival")
    parser.add_argument("--server-pid", type=int, help="the application server's process (default: whoever listens on the URL's port)")
    parser.add_argument("--db-pid", type=int, help="the PostgreSQL postmaster (default: whoever listens on --db-port)")
    parser.add_argument("--label", default=os.environ.get("BENCH_LABEL", ""))
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "bench"))
    args = parser.parse_args()
    for tool in ("wrk", "psql", "pgbench", "java"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is missing (Debian: apt-get install wrk postgresql-client)")

    if args.server_pid is None:
        args.server_pid = listener(int(re.search(r":(\d+)", args.url.split("//", 1)[1]).group(1)) if ":" in args.url.split("//", 1)[1] else 80)
    if args.db_pid is None:
        args.db_pid = listener(args.db_port)
    bench = Bench(args)
    bench.prepare()
    try:
        run(bench, args)
    finally:
        bench.restore_hours()


def run(bench, args):
    started = time.time()
    connections = [int(c) for c in args.connections.split(",")]
    for workload in args.workloads.split(","):
        if workload == "deep":
            # the cost of a request must not grow with the day's volume: the same three at 8 clients with
            # an empty queue and with args.deep tickets waiting in the unit
            for label, waiting in (("cola vacía", 0), (f"{args.deep} esperando", args.deep)):
                bench.reset_day()
                if waiting:
                    bench.fill_queue(waiting)
                bench.measure("issue", 8, lambda: wrk("ticket.lua", 8, args.duration, {
                    "URL": args.url, "BENCH_SERVICES": ",".join(bench.services), "BENCH_TOKEN": bench.api.token}),
                    note=label)
                bench.measure("snapshot", 8, lambda: wrk("get.lua", 8, args.duration, {
                    "URL": args.url, "BENCH_PATHS": f"/api/queue/units/{bench.unit}/snapshot"}), note=label)
                bench.desk(8, prefill=max(waiting, args.desk_prefill), note=label)
            continue
        if workload == "day":
            # the municipal day, replayed: every speed asked, each over its window of the day
            import day  # noqa: PLC0415
            for spec in args.day_speeds.split(","):
                speed, _, window = spec.partition("@")
                replay = day.DayReplay(bench, args, float(speed), day.parse_window(window or args.day_window),
                                       args.day_seed)
                result = replay.run()
                bench.days.append(result)
                log(day.format_day(result))
            continue
        for c in connections:
            getattr(bench, workload)(c)
    bench.reset_day()

    os.makedirs(args.out, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    report = {"label": args.label, "at": datetime.datetime.now().isoformat(timespec="seconds"),
              "seconds_per_measurement": args.duration, "machine": machine(), "url": args.url,
              "elapsed_s": round(time.time() - started), "results": bench.results, "days": bench.days}
    path = os.path.join(args.out, f"bench-{stamp}.json")
    with open(path, "w") as f:
        json.dump(report, f, indent=2, ensure_ascii=False)
    if bench.results:
        print(markdown(bench.results))
    if bench.days:
        import day  # noqa: PLC0415
        print("\n".join(day.format_day(d) for d in bench.days))
    print(f"\n{report['machine']['cpu']}, {report['machine']['cores']} núcleos; {path}")


if __name__ == "__main__":
    main()
