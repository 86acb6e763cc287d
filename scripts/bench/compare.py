#!/usr/bin/env python3
"""Two runs of scripts/bench.sh side by side, as a Markdown table: compare.py before.json after.json"""
import json
import sys


def main():
    before, after = (json.load(open(path)) for path in sys.argv[1:3])
    key = lambda r: (r["workload"], r["connections"], r.get("note", ""))
    earlier = {key(r): r for r in before["results"]}
    print("| Workload | Conn. | ok/s | p50 ms | p99 ms | JVM CPU ms/ok | PG CPU ms/ok | pgbench tps | Ventanilla / pgbench |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in after["results"]:
        b = earlier.get(key(r), {})
        va, vb = r["ventanilla"], b.get("ventanilla", {})
        pa, pb = r.get("pgbench") or {}, b.get("pgbench") or {}
        # a desk cycle is three requests; the pgbench desk script is one cycle
        unit = 3 if r["workload"] == "desk" else 1
        name = r["workload"] + (" (cycles)" if unit == 3 else "")
        if r.get("note") and "reservas" not in r["note"]:
            name += f", {r['note']}"

        def pair(field, scale=1, digits=0):
            def one(v):
                x = v.get(field)
                return "—" if x is None else f"{x / scale:.{digits}f}"
            return f"{one(vb)} → {one(va)}"

        def ratio(v, p):
            return f"{v['ok_per_s'] / unit / p['tps']:.2f}" if p.get("tps") and "ok_per_s" in v else "—"
        print(f"| {name} | {r['connections']} | {pair('ok_per_s', unit)} | {pair('p50_ms', digits=1)} | "
              f"{pair('p99_ms', digits=1)} | {pair('jvm_cpu_ms_per_ok', digits=2)} | {pair('db_cpu_ms_per_ok', digits=2)} | "
              f"{pa.get('tps', '—')} | {ratio(vb, pb)} → {ratio(va, pa)} |")


if __name__ == "__main__":
    main()
