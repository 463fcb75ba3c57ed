#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Line coverage of app/ per directory, from gcov's own JSON output.

Run by `make coverage` in a tree configured with
    ./configure CFLAGS="-O0 --coverage" LDFLAGS=--coverage
after `make check`. Debian 12's gcovr (5.2) stops on a source file built
into two programs (main.c is in patient-kiosk and patient-kiosk-test), so
this script asks gcov itself: every .gcda under the build tree, each line
counted as run when any program that holds it ran it.

Usage: coverage.py [--files] [--check] BUILDDIR SRCDIR
  --files  also print every source file's figure
  --check  exit 1 when a group is below its target (app/tui 85%,
           app/main.c 80%); otherwise the exit status is 0 unless no
           coverage data was found (2)
"""

import gzip
import json
import os
import subprocess
import sys

# Groups reported, with the target each must reach (None: reported only).
GROUPS = [("app/core", None), ("app/tui", 85.0), ("app/main.c", 80.0)]


def group_of(rel):
    for name, _ in GROUPS:
        if rel == name or rel.startswith(name + "/"):
            return name
    return None


def gcda_files(builddir):
    for top, dirs, files in os.walk(os.path.abspath(builddir)):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if f.endswith(".gcda"):
                yield os.path.join(top, f)


def gcov_json(gcda):
    """gcov's JSON for one object file, or None when gcov cannot read it."""
    out = subprocess.run(
        ["gcov", "--json-format", "--stdout", "--object-directory",
         os.path.dirname(gcda), gcda],
        cwd=os.path.dirname(gcda), capture_output=True, check=False)
    if out.returncode != 0 or not out.stdout:
        return []
    data = out.stdout
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    docs = []
    # One JSON document per line (gcov writes one per object).
    for line in data.splitlines():
        line = line.strip()
        if line:
            docs.append(json.loads(line))
    return docs


def collect(builddir, srcdir):
    """{source path relative to srcdir: {line: count}} over every object."""
    srcdir = os.path.realpath(srcdir)
    lines = {}
    for gcda in gcda_files(builddir):
        for doc in gcov_json(gcda):
            cwd = doc.get("current_working_directory", os.path.dirname(gcda))
            for f in doc.get("files", []):
                path = os.path.realpath(os.path.join(cwd, f["file"]))
                rel = os.path.relpath(path, srcdir)
                if rel.startswith("..") or not group_of(rel):
                    continue
                counts = lines.setdefault(rel, {})
                for ln in f.get("lines", []):
                    n = ln["line_number"]
                    counts[n] = counts.get(n, 0) + ln["count"]
    return lines


def percent(run, total):
    return 100.0 * run / total if total else 0.0


def main(argv):
    show_files = "--files" in argv
    check = "--check" in argv
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    builddir, srcdir = args
    lines = collect(builddir, srcdir)
    if not lines:
        print("coverage.py: no coverage data under %s: configure with "
              "CFLAGS=\"-O0 --coverage\" LDFLAGS=--coverage, then make check"
              % builddir, file=sys.stderr)
        return 2
    totals = {name: [0, 0] for name, _ in GROUPS}
    if show_files:
        print("%-40s %7s %7s %7s" % ("file", "lines", "run", "cover"))
    for rel in sorted(lines):
        counts = lines[rel]
        run = sum(1 for c in counts.values() if c > 0)
        total = len(counts)
        g = totals[group_of(rel)]
        g[0] += run
        g[1] += total
        if show_files:
            print("%-40s %7d %7d %6.1f%%" % (rel, total, run, percent(run, total)))
    if show_files:
        print()
    status = 0
    print("%-12s %7s %7s %7s  %s" % ("group", "lines", "run", "cover", "target"))
    for name, target in GROUPS:
        run, total = totals[name]
        p = percent(run, total)
        verdict = ""
        if target is not None:
            verdict = "%.0f%% %s" % (target, "ok" if p >= target else "BELOW")
            if p < target:
                status = 1 if check else status
        print("%-12s %7d %7d %6.1f%%  %s" % (name, total, run, p, verdict))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
