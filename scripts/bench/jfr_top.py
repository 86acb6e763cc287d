#!/usr/bin/env python3
"""Top frames of a Flight Recording: self time, the first Ventanilla frame of each sample, and the time
threads spent reading sockets by peer port (PostgreSQL, Redis). Usage: jfr_top.py recording.jfr [N]"""
import collections
import json
import subprocess
import sys


def frames(event):
    return [f"{f['method']['type']['name']}.{f['method']['name']}" for f in event["values"]["stackTrace"]["frames"]]


def main():
    path, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15
    samples = json.loads(subprocess.run(["jfr", "print", "--stack-depth", "64", "--json", "--events", "jdk.ExecutionSample", path],
                                        capture_output=True, text=True, check=True).stdout)["recording"]["events"]
    self_time, app, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
    for e in samples:
        stack = frames(e)
        if not stack:
            continue
        self_time[stack[0]] += 1
        first_app = next((f for f in stack if f.startswith("cl/ventanilla/")), None)
        if first_app:
            app[first_app] += 1
        for f in set(stack):
            if f.startswith("cl/ventanilla/") or "hibernate" in f or "postgresql" in f or "weld" in f:
                inclusive[f] += 1
    total = len(samples)
    print(f"{total} execution samples")
    for title, counter in (("self", self_time), ("first Ventanilla frame", app), ("inclusive (app, Hibernate, JDBC, Weld)", inclusive)):
        print(f"\n## {title}")
        for frame, count in counter.most_common(n):
            print(f"{100 * count / total:5.1f}%  {frame}")
    reads = json.loads(subprocess.run(["jfr", "print", "--stack-depth", "64", "--json", "--events", "jdk.SocketRead", path],
                                      capture_output=True, text=True, check=True).stdout)["recording"]["events"]
    by_port = collections.Counter()
    count_port = collections.Counter()
    for e in reads:
        port = e["values"].get("port")
        d = e["values"]["duration"]
        secs = float(d[2:-1]) if d.startswith("PT") and d.endswith("S") else 0
        by_port[port] += secs
        count_port[port] += 1
    print("\n## socket reads over 10 ms threshold (profile setting) by peer port: count, seconds")
    for port, secs in by_port.most_common(6):
        print(f"port {port}: {count_port[port]} reads, {secs:.1f} s")


if __name__ == "__main__":
    main()
