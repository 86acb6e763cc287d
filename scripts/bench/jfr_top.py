#!/usr/bin/env python3
"""Where a Flight Recording's CPU samples went: self frames, the first Ventanilla frame of each sample,
and a few causes found by the profile of issue 11 (JSON-P provider look-ups, JDBC, Redis, token checks).
Usage: jfr_top.py recording.jfr [N]"""
import collections
import json
import subprocess
import sys

CAUSES = [
    ("JSON-P provider look-up (Json.create*)", "jakarta.json.spi.JsonProvider.provider"),
    ("PostgreSQL JDBC", "org.postgresql."),
    ("Hibernate ORM", "org.hibernate.orm"),
    ("Hibernate (all)", "org.hibernate."),
    ("Redis (Jedis)", "redis.clients."),
    ("token signature (RSA)", "cl.ventanilla.auth.control.TokenVerifier.verify"),
    ("password hashing (bench login)", "cl.ventanilla.auth.control.PasswordHashing"),
]


def frames(event):
    return [f"{f['method']['type']['name'].replace('/', '.')}.{f['method']['name']}"
            for f in event["values"]["stackTrace"]["frames"]]


def main():
    path, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15
    out = subprocess.run(["jfr", "print", "--stack-depth", "64", "--json", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    samples = [frames(e) for e in json.loads(out)["recording"]["events"]]
    samples = [s for s in samples if s]
    total = len(samples)
    self_time = collections.Counter(s[0] for s in samples)
    app = collections.Counter()
    causes = collections.Counter()
    for stack in samples:
        first = next((f for f in stack if f.startswith("cl.ventanilla.") and "$Proxy" not in f
                      and "EJB31_Generated" not in f), None)
        if first:
            app[first] += 1
        for name, prefix in CAUSES:
            if any(f.startswith(prefix) for f in stack):
                causes[name] += 1
    print(f"{total} execution samples")
    for title, counter in (("self", self_time), ("first Ventanilla frame", app), ("samples with the cause on the stack", causes)):
        print(f"\n## {title}")
        for frame, count in counter.most_common(n):
            print(f"{100 * count / total:5.1f}%  {frame}")


if __name__ == "__main__":
    main()
