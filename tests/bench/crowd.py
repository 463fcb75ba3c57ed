#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tests/bench/crowd.py: only the concurrency part of bench.py, for checking
one change to target 4 in about a minute instead of a full `make bench`.

N sessions of the same synthetic 100 KB page, each in its own pseudo-terminal
at 80x24, then one page-down written to all of them at once; the kiosk's and
the minimal pager's crowds alternate, ROUNDS times each. Prints one line per
crowd: mean PSS per session, page-down latency p50 and p95, CPU per
page-down. Writes nothing else (docs/PERFORMANCE.md is bench.py's).

Usage: crowd.py --kiosk BIN --content DIR [--sessions N] [--rounds R]
"""
import argparse
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import bench  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kiosk", default=os.environ.get("KIOSK"), required=not os.environ.get("KIOSK"))
    ap.add_argument("--content", default=os.environ.get("KIOSK_CONTENT_DIR"),
                    required=not os.environ.get("KIOSK_CONTENT_DIR"))
    ap.add_argument("--sessions", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=2)
    a = ap.parse_args()
    a.kiosk, a.content, a.out, a.seed = os.path.abspath(a.kiosk), os.path.abspath(a.content), os.devnull, 1
    b = bench.Bench(a)
    b.setup()
    b.all_cpus = os.sched_getaffinity(0)
    page = os.path.join(b.work, "page-100k.md")
    bench.synthetic_page(100 * bench.KB, page)
    try:
        for r in range(a.rounds):
            for prog in ("kiosk", "pager"):
                res = b.one_crowd(a.sessions, page, prog)
                pss = sum(res["pss_kb"]) / len(res["pss_kb"]) / 1024
                lat = [x for x in res["latency_ms"] if x is not None]
                print(f"{prog:5} x{a.sessions} round {r + 1}: PSS {pss:.2f} MiB/session, page-down "
                      f"p50 {bench.pct(lat, 50):.1f} ms p95 {bench.pct(lat, 95):.1f} ms, "
                      f"CPU {res['pd_cpu_ms_each']:.3f} ms each, {len(lat)} answered", flush=True)
    finally:
        for s in list(b.live):
            s.kill()
        shutil.rmtree(b.work, ignore_errors=True)


if __name__ == "__main__":
    main()
