# SPDX-License-Identifier: GPL-3.0-or-later
"""tests/bench/report.py: turns the measurements of bench.py into the Markdown
tables of docs/PERFORMANCE.md, and checks the targets."""

import os
import platform
import subprocess

from bench import IDLE, KB, MB, QUIET, TERM, med, pct, rng

KIOSK_NAMES = ("patient-kiosk", "patient-kiosk --kiosk", "patient-kiosk FILE.md")
FLOOR_CMARK = "floor: ncurses + cmark-gfm"
FLOOR_BARE = "floor: bare ncurses"
PAGER = "floor: minimal pager"


def fmt(x, digits=1):
    if x is None:
        return "–"
    if isinstance(x, float) and abs(x) >= 100:
        return f"{x:.0f}"
    return f"{x:.{digits}f}" if isinstance(x, float) else str(x)


def mr(xs, digits=1, scale=1.0):
    """median (min–max)"""
    xs = [x * scale for x in xs if x is not None]
    if not xs:
        return "–"
    lo, hi = rng(xs)
    m = med(xs)
    if lo == hi:
        return fmt(m, digits)
    return f"{fmt(m, digits)} ({fmt(lo, digits)}–{fmt(hi, digits)})"


def ratio(a, b):
    return a / b if a is not None and b not in (None, 0) else None


def cmd_line(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def _rel(path):
    """A path relative to the top of the tree, so no machine's folders are recorded."""
    top = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    full = os.path.abspath(str(path))
    return os.path.relpath(full, top) if full.startswith(top + os.sep) else os.path.basename(full)


def machine():
    model = ""
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem = ""
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal"):
            mem = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
    return model, os.cpu_count(), mem, platform.release()


class Report:
    def __init__(self, b):
        self.b = b
        self.targets = []

    def val(self, key, field):
        return [r.get(field) for r in self.b.main.get(key, []) if "error" not in r]

    def m(self, key, field):
        return med(self.val(key, field))

    # ---------------------------------------------------------------- sections
    def text(self):
        b = self.b
        out = []
        model, ncpu, mem, kernel = b.machine
        head, dirty = b.commit
        out.append("## The run\n")
        out.append("Made by:\n\n```sh\n%s\n```\n" % b.command)
        out.append(f"- Date: {b.date}; "
                   f"{'quick mode (BENCH_QUICK=1); ' if b.quick else ''}{b.reps} rounds of the main tables "
                   f"(after one unrecorded warm-up round), {b.greps} of the growth table, "
                   f"{b.crowd_rounds} of each concurrency row; run order shuffled in every round; "
                   f"whole run {b.elapsed:.0f} s.")
        out.append(f"- Machine: {model}, {ncpu} CPUs (nproc), {mem}, Linux {kernel}.")
        out.append(f"- patient-kiosk: {_rel(b.args.kiosk)} (commit {head or '?'}"
                   f"{', with uncommitted changes to tracked files' if dirty else ''}), content {_rel(b.args.content)}.")
        out.append(f"- Floors built with {b.cc_version} -O2 (tests/bench/floor_*.c).")
        vers = []
        for name, argv in (("less", ["less", "--version"]), ("dialog", ["dialog", "--version"]),
                           ("w3m", ["w3m", "-version"]), ("cmark-gfm", ["cmark-gfm", "--version"])):
            if name in b.peers:
                v = cmd_line(argv).splitlines()
                vers.append(v[0].replace("Version: ", "dialog ").split(", options")[0] if v else name)
        if vers:
            out.append("- Peers: " + "; ".join(vers) + ".")
        out.append(f"- Terminal: a pseudo-terminal per program, TERM={TERM}, LANG=LC_ALL=C.UTF-8. Every program "
                   f"and the driver ran on CPU {b.cpu} only (sched_setaffinity), except the concurrency runs.")
        out.append("- Load average (1, 5, 15 min) at the start: %.2f %.2f %.2f; at the end: %.2f %.2f %.2f. "
                   "Anything above 0 is other work sharing the machine; compare the CPU columns, which it "
                   "disturbs far less than the wall-clock ones." % (*b.load_start, *b.load_end))
        for n in b.notes:
            out.append(f"- Note: {n}")
        out.append("")
        out.append(self.definitions())
        main = self.main_tables()
        growth = self.growth_tables()
        crowd = self.crowd_tables()
        out.append(self.target_table())
        out += [main, growth, crowd]
        return "\n".join(out)

    def definitions(self):
        return f"""### Definitions

- **First screen**: from just before the program is spawned to the last byte it writes before
  {QUIET * 1000:.0f} ms of quiet, counted once its markers have appeared: `988` (the crisis line) for
  patient-kiosk and the floors, `XIT` (the button) for dialog, `Viewing` (the status line) for w3m,
  the page's first heading for less. **Bytes**: everything written up to then.
- **Page-down**: after the idle window, PgDn (Space for w3m) is written; time from the write to the last
  byte before {QUIET * 1000:.0f} ms of quiet, and those bytes. The bare and cmark-gfm floors do not scroll
  (–); a page that fits one screen writes nothing.
- **Idle**: {IDLE:.0f} s from the first screen. CPU from `/proc/PID/task/*/schedstat` (ns), wake-ups =
  voluntary context switches (`/proc/PID/task/*/status`), summed over the program's session.
  `patient-kiosk --kiosk` starts on the attract screen (idle reset not armed there); the benchmark presses a key
  and measures on the home screen, where the reset is armed (`idle_timeout = 60`). The patient-mode home
  screen also has its reset armed (90 s); a `FILE.md` page does not.
- **Peak RSS**: `VmHWM` of the program's processes just before it is told to quit (after the page-down);
  `--render` and `cmark-gfm` alone: `ru_maxrss` from `wait4` in tests/bench/rusage_run.c. MiB = 2^20 bytes.
- **PSS**: `Pss` of `/proc/PID/smaps_rollup` at the end of the idle window.
- Values are medians with the range (min–max) over the repetitions.
"""

    # ---------------------------------------------------------------- main
    def main_tables(self):
        b = self.b
        out = ["## First screen, page-down, memory and idle\n"]
        for cols, rows in ((80, 24), (200, 60)):
            for page in b.pages:
                out.append(f"### {page['name']} at {cols}x{rows}\n")
                out.append("| program | first screen ms | its CPU ms | bytes | page-down ms | its CPU ms "
                           "| page-down bytes | peak RSS MiB | PSS MiB | idle CPU ms / 5 s | idle wake-ups / 5 s |")
                out.append("|---|---|---|---|---|---|---|---|---|---|---|")
                names = []
                for (c, r, p, name) in b.main:
                    if (c, r, p) == (cols, rows, page["name"]) and name not in names:
                        names.append(name)
                for name in names:
                    key = (cols, rows, page["name"], name)
                    runs = b.main[key]
                    errors = [r["error"] for r in runs if "error" in r]
                    cells = [name + (f" ({len(errors)} failed)" if errors else ""),
                             mr(self.val(key, "fs_ms")),
                             mr(self.val(key, "fs_cpu_ms")),
                             mr(self.val(key, "fs_bytes"), 0),
                             mr(self.val(key, "pd_ms"), 2),
                             mr(self.val(key, "pd_cpu_ms"), 2),
                             mr([x for x in self.val(key, "pd_bytes")], 0),
                             mr(self.val(key, "maxrss_kb"), 2, 1 / 1024),
                             mr(self.val(key, "pss_kb"), 2, 1 / 1024),
                             mr(self.val(key, "idle_cpu_ms"), 3),
                             mr(self.val(key, "idle_wakeups"), 0)]
                    out.append("| " + " | ".join(cells) + " |")
                out.append("")
        return "\n".join(out)

    # ---------------------------------------------------------------- growth
    def gv(self, size, kind, field="ms"):
        return [r.get(field) for r in self.b.grow.get((size, kind), []) if "error" not in r]

    def gm(self, size, kind, field="ms"):
        return med(self.gv(size, kind, field))

    def wc(self, size, kind, wall="ms", cpu="cpu_ms"):
        return f"{mr(self.gv(size, kind, wall))} / {mr(self.gv(size, kind, cpu))}"

    def growth_tables(self):
        b = self.b
        out = ["## Growth with the size of a page\n",
               "Synthetic pages (headings, paragraphs, lists, nested lists, tables, quotes, accents, "
               "CJK; `synthetic_page()` in tests/bench/bench.py). Time in ms, peak RSS in MiB. "
               "`--render` at width 78; the screen at 80x24; `cmark-gfm` is "
               "`cmark-gfm --validate-utf8 -e table -e strikethrough -t plaintext FILE`.\n",
               "Each time cell is wall ms / CPU ms.\n",
               "| size | `--render` | `--render` RSS | screen: first screen | screen RSS | screen page-down "
               "| floor ncurses+cmark-gfm | `cmark-gfm` alone | `cmark-gfm` RSS | `cmark-gfm \\| less` "
               "| `cmark-gfm \\| less` RSS |",
               "|---|---|---|---|---|---|---|---|---|---|---|"]
        for size in b.gsizes:
            out.append("| " + " | ".join([
                human(size),
                self.wc(size, "render"), mr(self.gv(size, "render", "maxrss_kb"), 2, 1 / 1024),
                self.wc(size, "screen"), mr(self.gv(size, "screen", "maxrss_kb"), 2, 1 / 1024),
                self.wc(size, "screen", "pd_ms", "pd_cpu_ms"),
                self.wc(size, "floor"),
                self.wc(size, "cmark"), mr(self.gv(size, "cmark", "maxrss_kb"), 2, 1 / 1024),
                self.wc(size, "cmark|less"), mr(self.gv(size, "cmark|less", "maxrss_kb"), 2, 1 / 1024),
            ]) + " |")
        out.append("")
        out.append("Growth, as the ratio of medians from one size to the next (linear growth is the size ratio, 10):\n")
        out.append("| from → to | `--render` time | `--render` CPU | `--render` RSS | screen time | screen CPU "
                   "| screen RSS | `cmark-gfm` time | `cmark-gfm` CPU | `cmark-gfm` RSS |")
        out.append("|---|---|---|---|---|---|---|---|---|---|")
        for a, c in zip(b.gsizes, b.gsizes[1:]):
            cells = [f"{human(a)} → {human(c)}"]
            for kind, field in (("render", "ms"), ("render", "cpu_ms"), ("render", "maxrss_kb"), ("screen", "ms"),
                                ("screen", "cpu_ms"), ("screen", "maxrss_kb"), ("cmark", "ms"), ("cmark", "cpu_ms"),
                                ("cmark", "maxrss_kb")):
                cells.append(fmt(ratio(self.gm(c, kind, field), self.gm(a, kind, field)), 2))
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
        return "\n".join(out)

    # ---------------------------------------------------------------- crowd
    def crowd_tables(self):
        b = self.b
        out = ["## Concurrency: many sessions of a 100 KB page\n",
               "Every session is `patient-kiosk FILE.md` (or the minimal pager on the same text) in its own "
               "80x24 pseudo-terminal, all started at once. PSS per session at rest; CPU and wake-ups summed "
               f"over all sessions in {IDLE:.0f} idle seconds; then PgDn is written to every terminal in turn as "
               "fast as the driver can, and each session's latency runs from its own write to its last byte "
               f"(before {QUIET * 1000:.0f} ms of quiet). The driver's own delay is in the floor's row.\n",
               "| program | sessions | rounds | all first screens s | PSS / session MiB (mean) | PSS max MiB "
               "| idle CPU ms / 5 s, all | idle wake-ups / 5 s, all | page-down p50 ms | p95 ms | max ms "
               "| writes took ms | page-down CPU ms per session |",
               "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for label, data in (("patient-kiosk FILE.md", b.crowd), (PAGER, b.crowd_floor)):
            for n in b.counts:
                rs = data.get(n, [])
                if not rs:
                    continue
                mean_pss = [sum(r["pss_kb"]) / len(r["pss_kb"]) for r in rs if r["pss_kb"]]
                max_pss = [max(r["pss_kb"]) for r in rs if r["pss_kb"]]
                p50 = [pct(r["latency_ms"], 50) for r in rs]
                p95 = [pct(r["latency_ms"], 95) for r in rs]
                pmax = [max((x for x in r["latency_ms"] if x is not None), default=None) for r in rs]
                missing = sum(1 for r in rs for x in r["latency_ms"] if x is None)
                started = min(r["started"] for r in rs)
                out.append("| " + " | ".join([
                    label + (f" ({n - started} did not start)" if started < n else "")
                    + (f" ({missing} page-downs unanswered)" if missing else ""),
                    str(n), str(len(rs)),
                    mr([r["all_screens_s"] for r in rs], 2),
                    mr(mean_pss, 2, 1 / 1024), mr(max_pss, 2, 1 / 1024),
                    mr([r["idle_cpu_ms"] for r in rs], 3), mr([r["idle_wakeups"] for r in rs], 0),
                    mr(p50), mr(p95), mr(pmax), mr([r["send_span_ms"] for r in rs]),
                    mr([r["pd_cpu_ms_each"] for r in rs], 3),
                ]) + " |")
        out.append("")
        return "\n".join(out)

    # ---------------------------------------------------------------- targets
    def target_table(self):
        b = self.b
        rows = []  # (number, target, where, measured, limit, met)

        def add(num, what, where, value, limit, ok, show=None):
            rows.append((num, what, where, show if show is not None else fmt(value, 2), limit,
                         "–" if ok is None else ("met" if ok else "**missed**")))

        home, faq, p100 = (p["name"] for p in b.pages)
        # 1. first screen vs ncurses + cmark-gfm on the same page
        for cols, rows_ in ((80, 24), (200, 60)):
            for page, kname in ((home, "patient-kiosk"), (p100, "patient-kiosk FILE.md")):
                k = self.m((cols, rows_, page, kname), "fs_ms")
                f = self.m((cols, rows_, page, FLOOR_CMARK), "fs_ms")
                kc = self.m((cols, rows_, page, kname), "fs_cpu_ms")
                fc = self.m((cols, rows_, page, FLOOR_CMARK), "fs_cpu_ms")
                r = ratio(k, f)
                add(1, "first screen / floor ncurses+cmark-gfm", f"{page}, {cols}x{rows_}", r, "≤ 1.5",
                    None if r is None else r <= 1.5, f"{fmt(r, 2)} ({fmt(k)} / {fmt(f)} ms); "
                    f"CPU {fmt(ratio(kc, fc), 2)} ({fmt(kc)} / {fmt(fc)} ms)")
        # 2. big pages vs cmark-gfm | less; growth 1 MB -> 10 MB
        for size in (1 * MB, 10 * MB):
            if size not in b.gsizes:
                continue
            k, l = self.gm(size, "screen"), self.gm(size, "cmark|less")
            kc, lc = self.gm(size, "screen", "cpu_ms"), self.gm(size, "cmark|less", "cpu_ms")
            r = ratio(k, l)
            add(2, "first screen / `cmark-gfm \\| less`", f"{human(size)}, 80x24", r, "≤ 1.5",
                None if r is None else r <= 1.5, f"{fmt(r, 2)} ({fmt(k)} / {fmt(l)} ms); "
                f"CPU {fmt(ratio(kc, lc), 2)} ({fmt(kc)} / {fmt(lc)} ms)")
        if 1 * MB in b.gsizes and 10 * MB in b.gsizes:
            for kind, label in (("screen", "screen"), ("render", "`--render`")):
                for field, what in (("ms", "time"), ("maxrss_kb", "peak RSS")):
                    r = ratio(self.gm(10 * MB, kind, field), self.gm(1 * MB, kind, field))
                    add(2, f"growth 1 MB → 10 MB, {what}", label, r, "≤ 10.5", None if r is None else r <= 10.5)
        # 3. peak RSS <= 3 MiB + 20 B per byte parsed at once
        worst = None
        for (cols, rows_, page, name), runs in b.main.items():
            if name not in KIOSK_NAMES:
                continue
            size = b.parsed_size(page)
            rss = med([r.get("maxrss_kb") for r in runs if "error" not in r])
            if rss is None:
                continue
            lim = 3 * MB + 20 * size
            r = rss * 1024 / lim
            if page == p100 or page == home:
                floor = self.m((cols, rows_, page, FLOOR_CMARK), "maxrss_kb")
                add(3, "peak RSS / (3 MiB + 20 × bytes parsed)", f"{name}, {page}, {cols}x{rows_}", r,
                    "≤ 1", r <= 1, f"{fmt(r, 2)} ({rss / 1024:.2f} MiB / {lim / MB:.2f} MiB; floor "
                    f"ncurses+cmark-gfm {fmt(floor / 1024 if floor else None, 2)} MiB)")
            if worst is None or r > worst[0]:
                worst = (r, f"{name}, {page}, {cols}x{rows_}", rss, lim)
        for size in b.gsizes:
            rss = self.gm(size, "screen", "maxrss_kb")
            if rss is not None:
                lim = 3 * MB + 20 * b.file_size(size)
                r = rss * 1024 / lim
                add(3, "peak RSS / (3 MiB + 20 × bytes parsed)", f"screen, {human(size)} page", r, "≤ 1",
                    r <= 1, f"{fmt(r, 2)} ({rss / 1024:.2f} / {lim / MB:.2f} MiB)")
        if worst:
            add(3, "worst of all patient-kiosk runs in the tables", worst[1], worst[0], "≤ 1", worst[0] <= 1,
                f"{fmt(worst[0], 2)} ({worst[2] / 1024:.2f} / {worst[3] / MB:.2f} MiB)")
        # 3, as the issue restates it: within 2 MB of the bare ncurses program
        # on the bundled content (the same terminal size)
        for (cols, rows_, page, name), runs in sorted(b.main.items()):
            if name not in KIOSK_NAMES or page not in (home, faq):
                continue
            rss = med([r.get("maxrss_kb") for r in runs if "error" not in r])
            bare = self.m((cols, rows_, page, FLOOR_BARE), "maxrss_kb")
            if rss is None or bare is None:
                continue
            over = (rss - bare) / 1024
            add(3, "peak RSS over the bare ncurses floor, MiB", f"{name}, {page}, {cols}x{rows_}", over,
                "≤ 2", over <= 2, f"{fmt(over, 2)} ({rss / 1024:.2f} − {bare / 1024:.2f} MiB)")
        # 4. 200 sessions
        def crowd_stats(data, n):
            rs = data.get(n, [])
            pss = med([sum(r["pss_kb"]) / len(r["pss_kb"]) / 1024 for r in rs if r["pss_kb"]])
            return pss, med([pct(r["latency_ms"], 95) for r in rs])

        for n in b.counts:
            if not b.crowd.get(n):
                continue
            pss, p95 = crowd_stats(b.crowd, n)
            fpss, fp95 = crowd_stats(b.crowd_floor, n)
            check = n == 200
            add(4, "PSS per session, MiB", f"{n} sessions, 100 KB", pss, "≤ 1.0",
                (pss is not None and pss <= 1.0) if check else None,
                f"{fmt(pss, 2)} (minimal pager: {fmt(fpss, 2)})")
            add(4, "page-down to all, p95 ms", f"{n} sessions, 100 KB", p95, "≤ 30",
                (p95 is not None and p95 <= 30) if check else None,
                f"{fmt(p95, 1)} (minimal pager: {fmt(fp95, 1)})")
        # 5. idle
        for (cols, rows_, page, name), runs in sorted(b.main.items()):
            if name not in KIOSK_NAMES or cols != 80:
                continue
            w = med([r.get("idle_wakeups") for r in runs if "error" not in r])
            c = med([r.get("idle_cpu_ms") for r in runs if "error" not in r])
            wmax = max((r.get("idle_wakeups", 0) for r in runs if "error" not in r), default=None)
            if w is None:
                continue
            add(5, "idle wake-ups / CPU ms in 5 s", f"{name}, {page}, {cols}x{rows_}", None,
                "0 / < 0.1", w == 0 and c < 0.1, f"{fmt(w, 0)} / {fmt(c, 3)} (max wake-ups {fmt(wmax, 0)})")
        # 6. bytes vs the minimal pager
        for cols, rows_ in ((80, 24), (200, 60)):
            for page in (faq, p100):
                kk, pk = (cols, rows_, page, "patient-kiosk FILE.md"), (cols, rows_, page, PAGER)
                r1 = ratio(self.m(kk, "fs_bytes"), self.m(pk, "fs_bytes"))
                add(6, "first-screen bytes / pager's", f"{page}, {cols}x{rows_}", r1, "≤ 2",
                    None if r1 is None else r1 <= 2)
                r2 = ratio(self.m(kk, "pd_bytes"), self.m(pk, "pd_bytes"))
                add(6, "page-down bytes / pager's", f"{page}, {cols}x{rows_}", r2, "≤ 1.5",
                    None if r2 is None else r2 <= 1.5,
                    f"{fmt(r2, 2)} ({fmt(self.m(kk, 'pd_bytes'), 0)} / {fmt(self.m(pk, 'pd_bytes'), 0)} B)")
                t = self.m(kk, "pd_ms")
                add(6, "page-down time, ms", f"{page}, {cols}x{rows_}", t, "≤ 2", None if t is None else t <= 2,
                    f"{fmt(t, 2)} (CPU {fmt(self.m(kk, 'pd_cpu_ms'), 2)}; minimal pager {fmt(self.m(pk, 'pd_ms'), 2)}, "
                    f"CPU {fmt(self.m(pk, 'pd_cpu_ms'), 2)})")
        out = ["## Targets\n",
               "Medians from this run; a ratio is patient-kiosk's median over the reference's median.\n",
               "| # | target | where | measured | limit | |", "|---|---|---|---|---|---|"]
        for row in rows:
            out.append("| " + " | ".join(str(x) for x in row) + " |")
        met = sum(1 for r in rows if r[5] == "met")
        missed = sum(1 for r in rows if r[5] != "met" and r[5] != "–")
        out.append(f"\n{met} checks met, {missed} missed.\n")
        return "\n".join(out)


def human(n):
    if n >= MB and n % MB == 0:
        return f"{n // MB} MB"
    if n >= KB and n % KB == 0:
        return f"{n // KB} KB"
    return f"{n} B"
