#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tests/bench/bench.py: the patient-kiosk benchmark (`make bench`; not part of
`make check`). It writes its tables into docs/PERFORMANCE.md, between the
bench:begin and bench:end markers; the rest of that file is left alone.

Every program runs in its own pseudo-terminal (TERM=xterm-256color, LANG and
LC_ALL C.UTF-8); the driver reads everything it writes and notes when each
read returned. What is measured (also written into docs/PERFORMANCE.md):

first complete screen
    From just before the program is spawned to the last byte it writes before
    QUIET ms of silence, counted once all of its markers have appeared
    (patient-kiosk and the floors: "988", the crisis line on every screen;
    dialog: "XIT" of its button; w3m: "Viewing" of its status line; less: the
    page's first heading). Bytes: everything written up to then. Also the CPU
    time the program had used by then (/proc/PID/task/*/schedstat).
page-down
    After the idle window: PgDn (Space for w3m) is written; from just before
    the write to the last byte before QUIET ms of silence; those bytes; the
    CPU it cost.
idle
    IDLE seconds from the first screen (in --kiosk mode from the home screen,
    after a key has left the attract screen, so the idle reset is armed): CPU
    time and wake-ups (voluntary context switches) summed over every process
    of the program's session, so `cmark-gfm | less` counts both.
peak RSS
    VmHWM of the program's processes just before it is told to quit;
    programs run without a terminal go through rusage_run.c (wait4 maxrss).
PSS
    Pss of /proc/PID/smaps_rollup at the end of the idle window.

The programs of one round start in a shuffled order, one at a time. While one
waits out its idle window the next ones start (an idle program is measured
by its own counters, and idle programs do not disturb the others); start-ups
and page-downs never overlap. The driver and every program are kept on one
CPU, except in the concurrency runs: on a small VM a wake-up that crosses
CPUs costs milliseconds of noise.

Usage: bench.py --kiosk BIN --content DIR [--out docs/PERFORMANCE.md]
       bench.py --from-state WORK/state.pickle [--out FILE]  (tables only)
Environment: BENCH_QUICK=1 for a short run (about 2 minutes); BENCH_REPS,
BENCH_SIZES (bytes, comma-separated), BENCH_SESSIONS (comma-separated)
override; BENCH_NO_PIN=1 does not keep programs on one CPU; BENCH_KEEP=1
keeps the work folder (and its results.json and state.pickle); CC and
PKG_CONFIG build the floors; BENCH_COMMAND is the command shown in the report.
Needs python3, a C compiler, pkg-config, ncursesw and cmark-gfm development
files; less, dialog, w3m and the cmark-gfm program are used when installed.
"""

import argparse
import fcntl
import json
import os
import pickle
import random
import selectors
import shlex
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

HERE = os.path.dirname(os.path.abspath(__file__))
QUIET = 0.10  # seconds of silence that end a screen
IDLE = 5.0  # seconds of the idle window
TERM = "xterm-256color"
PGDN = b"\x1b[6~"
FOOTER = b"988"
KB = 1024
MB = 1024 * 1024


def log(*a):
    print("bench:", *a, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- pages


WORDS = ("ketamine esketamine medicine depression treatment clinic nurse doctor session dose spray "
         "serotonin glutamate antidepressant question answer patient family safety sleep blood pressure "
         "hours minutes week month study result effect risk benefit choice plan team visit").split()
ACCENTED = "café naïve façade señora über Ærø médecine niño Übung ça déjà-vu Ελληνικά русский".split()
CJK = ["氯胺酮和艾司氯胺酮是一些抑郁症患者在其他治疗无效时使用的药物。",
       "请与您的医疗团队讨论，不要自行停药。", "医生会观察您两个小时。",
       "日本語の文も少し入れます。", "한국어 문장도 있습니다."]


def synthetic_page(size, path, seed=7):
    """A Markdown page of `size` bytes (padded with one last paragraph):
    headings, paragraphs with accents, CJK, lists (nested, ordered), tables,
    emphasis, code, links and quotes. Seeded, so every run makes the same
    page; varied, so no two screens of it look alike (a page that repeats
    every few lines would let curses' screen diff hide the cost of a redraw)."""
    rnd = random.Random(seed)

    def sentence():
        n = rnd.randint(5, 18)
        ws = [rnd.choice(WORDS) for _ in range(n)]
        if rnd.random() < 0.4:
            ws[rnd.randrange(n)] = rnd.choice(ACCENTED)
        if rnd.random() < 0.15:
            ws[rnd.randrange(n)] = "**" + rnd.choice(WORDS) + "**"
        if rnd.random() < 0.1:
            ws[rnd.randrange(n)] = "*" + rnd.choice(WORDS) + "*"
        text = " ".join(ws)
        return text[:1].upper() + text[1:] + "."

    def paragraph():
        text = " ".join(sentence() for _ in range(rnd.randint(1, 6)))
        if rnd.random() < 0.2:
            text += " See [source %d](https://example.org/s/%d)." % (rnd.randint(1, 40), rnd.randint(1, 40))
        return text + "\n\n"

    out = ["# Synthetic patient page\n\nA page made by the benchmark: %d bytes of Markdown.\n\n" % size]
    total = len(out[0].encode())
    i = 0
    while total < size:
        i += 1
        kind = rnd.random()
        if i % 9 == 1:
            block = "%s %s %d: %s\n\n" % (rnd.choice(["##", "###"]), rnd.choice(WORDS).capitalize(), i,
                                          rnd.choice(ACCENTED))
        elif kind < 0.40:
            block = paragraph()
        elif kind < 0.52:
            block = "".join(rnd.choice(CJK) for _ in range(rnd.randint(1, 6))) + "\n\n"
        elif kind < 0.68:
            items = []
            for _ in range(rnd.randint(2, 6)):
                items.append("- " + sentence() + ("\n  - " + rnd.choice(ACCENTED) + " " + rnd.choice(CJK)
                                                  if rnd.random() < 0.2 else ""))
            block = "\n".join(items) + "\n\n"
        elif kind < 0.78:
            block = "".join("%d. %s\n" % (k + 1, sentence()) for k in range(rnd.randint(2, 5))) + "\n"
        elif kind < 0.90:
            rows = ["| Medicine | What it does | Notes |", "|---|---|---|"]
            for _ in range(rnd.randint(2, 5)):
                rows.append("| %s %d | %s | %s |" % (rnd.choice(WORDS).capitalize(), rnd.randint(1, 99),
                                                     sentence(), rnd.choice(CJK + ACCENTED)))
            block = "\n".join(rows) + "\n\n"
        elif kind < 0.95:
            block = "> " + sentence() + " If you think about hurting yourself, call or text 988.\n\n"
        else:
            block = "Use `--%s` and ~~%s~~ here. %s\n\n" % (rnd.choice(WORDS), rnd.choice(WORDS), sentence())
        out.append(block)
        total += len(block.encode())
    text = "".join(out)
    data = text.encode()[:size]
    # never cut a character in half, end with a newline
    text = data.decode("utf-8", "ignore").rstrip("\n") + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return os.path.getsize(path)


# ---------------------------------------------------------------- processes


def spawn_pty(argv, cols, rows, env):
    """Start argv on a new pseudo-terminal (its controlling terminal, in a new
    session). Returns (pid, master fd, start time)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    name = os.ttyname(slave)
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, name, os.O_RDWR, 0),  # after setsid: the controlling tty
        (os.POSIX_SPAWN_DUP2, 0, 1),
        (os.POSIX_SPAWN_DUP2, 0, 2),
    ]
    t0 = time.monotonic()
    pid = os.posix_spawnp(argv[0], argv, env, file_actions=actions, setsid=True)
    os.close(slave)
    os.set_blocking(master, False)
    return pid, master, t0


RUSAGE_RUN = None  # the rusage_run helper, once built


def run_plain(argv, env, stdout_path=os.devnull):
    """Run argv without a terminal, stdout to a file, through rusage_run;
    (seconds, maxrss KiB, status)."""
    report = stdout_path + ".rusage" if stdout_path != os.devnull else os.path.join(
        os.path.dirname(RUSAGE_RUN), "last.rusage")
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, stdout_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
    ]
    pid = os.posix_spawn(RUSAGE_RUN, [RUSAGE_RUN, report] + argv, env, file_actions=actions)
    os.waitpid(pid, 0)
    wall, maxrss, user, sys_, status = (int(x) for x in read_file(report).split())
    return wall / 1e9, maxrss, status, (user + sys_) / 1000


def vm_hwm_kb(pids):
    """The largest VmHWM (peak resident set, KiB) among pids."""
    best = 0
    for pid in pids:
        for line in read_file(f"/proc/{pid}/status").splitlines():
            if line.startswith(b"VmHWM:"):
                best = max(best, int(line.split()[1]))
    return best


def read_file(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return b""


def sessions_pids(sids):
    """{sid: [pid...]} for every process whose session is one of sids."""
    want = set(sids)
    out = {s: [] for s in want}
    for e in os.listdir("/proc"):
        if not e.isdigit():
            continue
        st = read_file(f"/proc/{e}/stat")
        if not st:
            continue
        rest = st[st.rfind(b")") + 2:].split()
        try:
            sid = int(rest[3])
        except (IndexError, ValueError):
            continue
        if sid in want:
            out[sid].append(int(e))
    return out


def cpu_wake(pids):
    """(CPU ns, voluntary switches, involuntary switches) summed over pids' threads."""
    ns = vol = invol = 0
    for pid in pids:
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for t in tasks:
            ss = read_file(f"/proc/{pid}/task/{t}/schedstat").split()
            if ss:
                ns += int(ss[0])
            for line in read_file(f"/proc/{pid}/task/{t}/status").splitlines():
                if line.startswith(b"voluntary_ctxt_switches:"):
                    vol += int(line.split()[1])
                elif line.startswith(b"nonvoluntary_ctxt_switches:"):
                    invol += int(line.split()[1])
    return ns, vol, invol


def pss_kb(pids):
    total = 0
    for pid in pids:
        for line in read_file(f"/proc/{pid}/smaps_rollup").splitlines():
            if line.startswith(b"Pss:"):
                total += int(line.split()[1])
    return total


class Session:
    """One program on one pseudo-terminal, with everything it wrote."""

    def __init__(self, bench, argv, cols, rows, env):
        self.bench = bench
        self.argv = argv
        self.pid, self.fd, self.t0 = spawn_pty(argv, cols, rows, env)
        self.data = bytearray()
        self.last_t = self.t0  # time of the last read that returned bytes
        self.closed = False  # the terminal gave EOF/EIO
        self.exited = False
        self.status = None
        self.rusage = None
        bench.sel.register(self.fd, selectors.EVENT_READ, self)
        bench.live.add(self)

    def on_readable(self, now):
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except BlockingIOError:
                return
            except OSError:
                chunk = b""
            if not chunk:
                self.closed = True
                self.bench.sel.unregister(self.fd)
                return
            self.data += chunk
            self.last_t = now

    def write(self, b):
        """Write b; returns the time just before the write (the program may
        run and answer before the write call returns to us)."""
        t = time.monotonic()
        os.write(self.fd, b)
        return t

    def reap(self, block=False):
        if self.exited:
            return True
        try:
            pid, status, ru = os.wait4(self.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            self.exited = True
            return True
        if pid == 0:
            return False
        self.exited, self.status, self.rusage = True, status, ru
        return True

    def wait_output(self, since, markers, quiet, timeout):
        """Wait until every marker has appeared in the output after offset
        `since` and the output has then been quiet for `quiet` s. Returns the
        time of the last byte (monotonic), or None on timeout or exit."""
        deadline = time.monotonic() + timeout
        found = not markers
        while True:
            now = time.monotonic()
            if not found:
                seen = bytes(self.data[since:])
                found = all(m in seen for m in markers)
            if found and len(self.data) > since and now - self.last_t >= quiet:
                return self.last_t
            if now > deadline or self.closed:
                if found and len(self.data) > since and self.closed:
                    return self.last_t
                return None
            wait = quiet - (now - self.last_t) if found and len(self.data) > since else 0.02
            self.bench.pump(max(0.001, min(wait, deadline - now)))

    def stop(self, keys, timeout=3.0):
        """Ask the program to leave (keys), then SIGTERM, then SIGKILL; reap it."""
        if keys and not self.closed:
            try:
                os.write(self.fd, keys)
            except OSError:
                pass
        steps = ((None, timeout), (signal.SIGTERM, 2.0), (signal.SIGKILL, 5.0)) if keys else \
            ((signal.SIGTERM, 2.0), (signal.SIGKILL, 5.0))
        for sig, wait in steps:
            if sig is not None:
                try:
                    os.killpg(self.pid, sig)
                except ProcessLookupError:
                    pass
            end = time.monotonic() + wait
            while time.monotonic() < end:
                if self.reap():
                    break
                self.bench.pump(0.01)
            if self.exited:
                break
        if not self.closed:
            try:
                self.bench.sel.unregister(self.fd)
            except (KeyError, ValueError):
                pass
        os.close(self.fd)
        self.closed = True
        try:  # anything left in its session (a pipeline's other half)
            os.killpg(self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.bench.live.discard(self)
        return self.rusage

    def kill(self):
        """Interrupted: end the program and everything in its session, now."""
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.reap(block=True)


# ---------------------------------------------------------------- the benchmark


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def rng(xs):
    xs = [x for x in xs if x is not None]
    return (min(xs), max(xs)) if xs else (None, None)


def pct(xs, p):
    xs = sorted(x for x in xs if x is not None)
    if not xs:
        return None
    k = (len(xs) - 1) * p / 100.0
    f = int(k)
    c = min(f + 1, len(xs) - 1)
    return xs[f] + (xs[c] - xs[f]) * (k - f)


class Bench:
    def __init__(self, args):
        self.args = args
        self.sel = selectors.DefaultSelector()
        self.live = set()  # sessions not yet stopped
        self.quick = os.environ.get("BENCH_QUICK", "") not in ("", "0")
        self.reps = int(os.environ.get("BENCH_REPS", "3" if self.quick else "7"))
        self.crowd_rounds = 1 if self.quick else 3
        self.greps = int(os.environ.get("BENCH_REPS", "3" if self.quick else "5"))
        self.work = tempfile.mkdtemp(prefix="kiosk-bench-")
        self.notes = []
        self.results = {}

    # -- the event loop: every terminal is drained all the time
    def pump(self, timeout):
        events = self.sel.select(timeout)
        now = time.monotonic()
        for key, _ in events:
            key.data.on_readable(now)

    def sleep(self, seconds):
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            self.pump(min(left, 0.05))

    # -- set-up
    def setup(self):
        a = self.args
        os.makedirs(os.path.join(self.work, "home"), exist_ok=True)
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.path.join(self.work, "home"),
            "TERM": TERM,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "LESSHISTFILE": "-",
            "KIOSK_CONTENT_DIR": a.content,
        }
        # A snapshot of the binary, so a rebuild during the run changes nothing.
        self.kiosk = os.path.join(self.work, "patient-kiosk")
        shutil.copy2(a.kiosk, self.kiosk)
        self.pconf = os.path.join(self.work, "patient.conf")
        with open(self.pconf, "w") as f:
            f.write("[kiosk]\nmode = patient\nidle_timeout = 90\n")
        self.kconf = os.path.join(self.work, "kiosk.conf")
        with open(self.kconf, "w") as f:
            f.write("[kiosk]\nidle_timeout = 60\ncountdown = 30\n")
        self.build_floors()
        self.peers = {}
        for name in ("less", "dialog", "w3m", "cmark-gfm"):
            path = shutil.which(name, path=self.env["PATH"])
            if path:
                self.peers[name] = path
            else:
                self.notes.append(f"`{name}` is not installed: its rows are left out.")
                log(f"{name} not installed: skipped")

    def build_floors(self):
        try:
            self._build_floors()
        except (OSError, subprocess.CalledProcessError) as e:
            raise SystemExit(f"bench: cannot build the floor programs (needs a C compiler, pkg-config, "
                             f"ncursesw and cmark-gfm development files): {e}")

    def _build_floors(self):
        cc = os.environ.get("CC", "cc")
        pkgc = os.environ.get("PKG_CONFIG", "pkg-config")

        def flags(*mods):
            return shlex.split(subprocess.check_output([pkgc, *mods], text=True))

        curses_c, curses_l = flags("--cflags", "ncursesw"), flags("--libs", "ncursesw")
        cm_c, cm_l = flags("--cflags", "libcmark-gfm"), flags("--libs", "libcmark-gfm")
        self.floor = {}
        for name, extra_c, extra_l in (
            ("bare", [], []),
            ("cmark", cm_c, cm_l + ["-lcmark-gfm-extensions"]),
            ("pager", [], []),
        ):
            out = os.path.join(self.work, f"floor_{name}")
            cmd = [cc, "-std=c11", "-O2", "-Wall", *curses_c, *extra_c, "-o", out,
                   os.path.join(HERE, f"floor_{name}.c"), *extra_l, *curses_l]
            subprocess.check_call(cmd)
            self.floor[name] = out
        global RUSAGE_RUN
        RUSAGE_RUN = os.path.join(self.work, "rusage_run")
        src = os.path.join(HERE, "rusage_run.c")
        if subprocess.call([cc, "-O2", "-static", "-o", RUSAGE_RUN, src], stderr=subprocess.DEVNULL) != 0:
            subprocess.check_call([cc, "-O2", "-o", RUSAGE_RUN, src])
            self.notes.append("rusage_run could not be linked statically: peak RSS of `--render` and "
                              "`cmark-gfm` includes its ~1 MB floor.")
        self.cc_version = subprocess.run([cc, "--version"], capture_output=True, text=True).stdout.splitlines()[0]

    def rendered(self, page_file, width):
        """patient-kiosk --render of the page at the kiosk's text width, for the
        minimal pager (cached)."""
        out = os.path.join(self.work, f"render-{os.path.basename(page_file)}-{width}.txt")
        if not os.path.exists(out):
            argv = [self.kiosk, "--config", self.pconf, "--content", self.args.content, "--lang", "en",
                    "--render", page_file, "--width", str(width)]
            st = run_plain(argv, self.env, out)[2]
            if st != 0:
                raise SystemExit(f"bench: {' '.join(argv)} failed")
        return out

    # -- one program on one page at one size
    def programs(self, page, cols, rows):
        """[(name, argv, markers, quit keys, page-down key, pre-idle keys)] for a page."""
        f, marker = page["file"], page["marker"]
        K = [self.kiosk, "--config", self.pconf, "--content", self.args.content, "--lang", "en"]
        progs = []
        if page["home"]:
            progs.append(("patient-kiosk", K, [FOOTER], b"q", PGDN, None))
            progs.append(("patient-kiosk --kiosk", [self.kiosk, "--kiosk", "--config", self.kconf, "--content",
                                                    self.args.content, "--lang", "en"],
                          [FOOTER], None, PGDN, b"x"))
        else:
            progs.append(("patient-kiosk FILE.md", K + [f], [FOOTER], b"q", PGDN, None))
        progs.append(("floor: bare ncurses", [self.floor["bare"], f], [FOOTER], b"q", None, None))
        progs.append(("floor: ncurses + cmark-gfm", [self.floor["cmark"], f], [FOOTER], b"q", None, None))
        progs.append(("floor: minimal pager", [self.floor["pager"], self.rendered(f, cols - 2)], [FOOTER], b"q",
                      PGDN, None))
        if "less" in self.peers:
            progs.append(("less", [self.peers["less"], f], [marker], b"q", PGDN, None))
        if "dialog" in self.peers:  # its button is drawn as "<", " ", "E", "XIT " in colours
            progs.append(("dialog --textbox", [self.peers["dialog"], "--textbox", f, str(rows), str(cols)],
                          [b"XIT"], b"\r", PGDN, None))
        if "w3m" in self.peers:  # writes spaces as cursor moves; its status line comes last
            progs.append(("w3m", [self.peers["w3m"], "-T", "text/plain", f], [b"Viewing"], b"Q", b" ", None))
        return progs

    def launch(self, argv, cols, rows, markers, timeout=60.0):
        """Start a program and wait for its first complete screen."""
        s = Session(self, argv, cols, rows, self.env)
        t = s.wait_output(0, markers, QUIET, timeout)
        r = {"argv": argv}
        if t is None:
            r["error"] = "no complete screen" if not s.closed else "exited: " + bytes(s.data[-300:]).decode(
                "utf-8", "replace")
            log("FAILED:", " ".join(argv), r["error"][:200])
            s.fs_end = None
        else:
            r["fs_ms"] = (t - s.t0) * 1000
            # bytes up to the last byte of the screen: everything read so far
            r["fs_bytes"] = len(s.data)
            # CPU time so far: the program has been quiet for QUIET s, so this
            # is what its first screen cost (steadier than the wall time on a
            # busy machine)
            r["fs_cpu_ms"] = cpu_wake(sessions_pids([s.pid])[s.pid])[0] / 1e6
            s.fs_end = t
        return s, r

    def page_down(self, s, r, key, timeout=1.0):
        """PgDn; nothing within `timeout` s counts as no answer (a page that
        fits on one screen)."""
        if key is None:
            return
        pids = sessions_pids([s.pid])[s.pid]
        c0 = cpu_wake(pids)[0]
        off = len(s.data)
        t = s.write(key)
        end = s.wait_output(off, [], QUIET, timeout)
        if end is not None:
            r["pd_ms"] = (end - t) * 1000
            r["pd_bytes"] = len(s.data) - off
            r["pd_cpu_ms"] = (cpu_wake(pids)[0] - c0) / 1e6
        else:
            r["pd_ms"], r["pd_bytes"] = None, 0

    # -- main matrix
    def main_matrix(self, pages, sizes):
        configs = []
        for cols, rows in sizes:
            for page in pages:
                for prog in self.programs(page, cols, rows):
                    configs.append((cols, rows, page["name"], prog))
        total = len(configs) * self.reps
        done = 0
        results = {}
        # warm-up, not recorded: every program and file once, so the first
        # measured round does not pay for a cold page cache
        for cols, rows, pname, (name, argv, markers, quit, pgdn, pre) in configs:
            s, _ = self.launch(argv, cols, rows, markers)
            s.stop(quit, 1.0)
        log("main matrix: warm-up done")
        for rep in range(self.reps):
            order = configs[:]
            random.shuffle(order)
            parked = []  # [(idle end time, session, result, config)]
            for cfg in order:
                cols, rows, pname, (name, argv, markers, quit, pgdn, pre) = cfg
                self.finish_parked(parked, before=None)
                s, r = self.launch(argv, cols, rows, markers)
                done += 1
                if s.fs_end is None:
                    s.stop(quit, 1.0)
                    results.setdefault((cols, rows, pname, name), []).append(r)
                    continue
                if pre:  # kiosk mode: leave the attract screen, arm the idle reset
                    off = len(s.data)
                    s.write(pre)
                    s.wait_output(off, [], QUIET, 10.0)  # the crisis line is already on screen
                snap_pids = sessions_pids([s.pid])[s.pid]
                r["idle_t0"] = time.monotonic()
                r["idle_c0"] = cpu_wake(snap_pids)
                r["idle_out0"] = len(s.data)
                parked.append((r["idle_t0"] + IDLE, s, r, cfg))
            while parked:
                self.finish_parked(parked, before=float("inf"))
            log(f"main matrix: round {rep + 1}/{self.reps} done ({done}/{total} runs)")
            for _, _, r, cfg in self.finished:
                cols, rows, pname, (name, *_rest) = cfg
                results.setdefault((cols, rows, pname, name), []).append(r)
            self.finished = []
        return results

    finished = []

    def finish_parked(self, parked, before):
        """Close the idle window of every parked program whose window is over
        (before=None: only those already due; else wait for them all)."""
        parked.sort(key=lambda p: p[0])
        while parked:
            due, s, r, cfg = parked[0]
            now = time.monotonic()
            if due > now:
                if before is None:
                    return
                self.sleep(due - now)
            parked.pop(0)
            pids = sessions_pids([s.pid])[s.pid]
            t1 = time.monotonic()
            c1 = cpu_wake(pids)
            c0 = r.pop("idle_c0")
            span = t1 - r.pop("idle_t0")
            r["idle_s"] = span
            r["idle_cpu_ms"] = (c1[0] - c0[0]) / 1e6 * IDLE / span
            r["idle_wakeups"] = (c1[1] - c0[1]) * IDLE / span
            r["idle_invol"] = (c1[2] - c0[2]) * IDLE / span
            r["idle_out_bytes"] = len(s.data) - r.pop("idle_out0")
            r["pss_kb"] = pss_kb(pids)
            cols, rows, pname, (name, argv, markers, quit, pgdn, pre) = cfg
            self.page_down(s, r, pgdn)
            r["maxrss_kb"] = vm_hwm_kb(sessions_pids([s.pid])[s.pid])
            s.stop(quit)
            self.finished.append((due, s, r, cfg))

    # -- growth
    def growth(self, sizes):
        files = {}
        for size in sizes:
            path = os.path.join(self.work, f"synthetic-{size}.md")
            synthetic_page(size, path)
            files[size] = path
        jobs = []
        for size in sizes:
            jobs += [(size, "render"), (size, "screen"), (size, "floor")]
            if "cmark-gfm" in self.peers:
                jobs.append((size, "cmark"))
                if "less" in self.peers:
                    jobs.append((size, "cmark|less"))
        K = [self.kiosk, "--config", self.pconf, "--content", self.args.content, "--lang", "en"]
        cm = [self.peers.get("cmark-gfm", "cmark-gfm"), "--validate-utf8", "-e", "table", "-e", "strikethrough",
              "-t", "plaintext"]
        res = {}
        for rep in range(self.greps):
            order = jobs[:]
            random.shuffle(order)
            for size, kind in order:
                f = files[size]
                r = {}
                if kind in ("render", "cmark"):
                    argv = K + ["--render", f, "--width", "78"] if kind == "render" else cm + [f]
                    secs, rss, st, cpu = run_plain(argv, self.env)
                    r = {"ms": secs * 1000, "maxrss_kb": rss, "cpu_ms": cpu, "ok": st == 0}
                else:
                    if kind == "screen":
                        argv, quit = K + [f], b"q"
                    elif kind == "floor":
                        argv, quit = [self.floor["cmark"], f], b"q"
                    else:
                        # cmark-gfm through rusage_run: it may be gone before less shows anything
                        ru_file = os.path.join(self.work, "cmark.rusage")
                        if os.path.exists(ru_file):
                            os.unlink(ru_file)
                        argv = ["/bin/sh", "-c", " ".join(shlex.quote(x) for x in [RUSAGE_RUN, ru_file] + cm + [f])
                                + " | " + shlex.quote(self.peers["less"])]
                        quit = b"q"
                    markers = [b"Synthetic patient page"] if kind == "cmark|less" else [FOOTER]
                    s, r = self.launch(argv, 80, 24, markers, timeout=300.0)
                    if s.fs_end is not None and kind != "floor":
                        self.page_down(s, r, PGDN, 10.0)
                    r["maxrss_kb"] = vm_hwm_kb(sessions_pids([s.pid])[s.pid])
                    s.stop(quit, 5.0)
                    if kind == "cmark|less":
                        got = read_file(ru_file).split()
                        if got:
                            r["maxrss_kb"] = max(r["maxrss_kb"], int(got[1]))
                    r["ms"] = r.get("fs_ms")
                    r["cpu_ms"] = r.get("fs_cpu_ms")
                res.setdefault((size, kind), []).append(r)
            log(f"growth: round {rep + 1}/{self.greps} done")
        return res, files

    # -- concurrency
    def concurrency(self, counts, page_file, prog):
        pinned = os.sched_getaffinity(0)
        os.sched_setaffinity(0, self.all_cpus)  # the crowd gets every CPU
        try:
            return self._concurrency(counts, page_file, prog)
        finally:
            os.sched_setaffinity(0, pinned)

    def _concurrency(self, counts, page_file, prog):
        res = {}
        reps = self.crowd_rounds
        for n in counts:
            for rep in range(reps):
                res.setdefault(n, []).append(self.one_crowd(n, page_file, prog))
                log(f"concurrency: {prog} x{n} round {rep + 1}/{reps} done")
        return res

    def one_crowd(self, n, page_file, prog):
        if prog == "kiosk":
            argv = [self.kiosk, "--config", self.pconf, "--content", self.args.content, "--lang", "en", page_file]
        else:
            argv = [self.floor["pager"], self.rendered(page_file, 78)]
        t0 = time.monotonic()
        crowd = [Session(self, argv, 80, 24, self.env) for _ in range(n)]
        # every first screen: "988" then quiet
        ends = {}
        deadline = time.monotonic() + 120
        while len(ends) < n and time.monotonic() < deadline:
            self.pump(0.02)
            now = time.monotonic()
            for i, s in enumerate(crowd):
                if i not in ends and FOOTER in s.data and now - s.last_t >= 0.2:
                    ends[i] = s.last_t
        r = {"n": n, "started": len(ends)}
        r["all_screens_s"] = (max(ends.values()) - t0) if ends else None
        self.sleep(1.0)
        sids = [s.pid for s in crowd]
        pmap = sessions_pids(sids)
        pss = [pss_kb(pmap[s.pid]) for s in crowd]
        c0 = [cpu_wake(pmap[s.pid]) for s in crowd]
        out0 = [len(s.data) for s in crowd]
        ti = time.monotonic()
        self.sleep(IDLE)
        c1 = [cpu_wake(pmap[s.pid]) for s in crowd]
        span = time.monotonic() - ti
        r["pss_kb"] = pss
        r["idle_cpu_ms"] = sum(b[0] - a[0] for a, b in zip(c0, c1)) / 1e6 * IDLE / span
        r["idle_wakeups"] = sum(b[1] - a[1] for a, b in zip(c0, c1)) * IDLE / span
        r["idle_out_bytes"] = sum(len(s.data) - o for s, o in zip(crowd, out0))
        # one page-down to all of them, as fast as the driver can write
        offs = [len(s.data) for s in crowd]
        cpu_before = sum(c[0] for c in c1)
        sent = []
        for s in crowd:
            sent.append(s.write(PGDN))
        send_span = sent[-1] - sent[0]
        deadline = time.monotonic() + 30
        lat = [None] * n
        while time.monotonic() < deadline:
            self.pump(0.01)
            now = time.monotonic()
            pending = 0
            for i, s in enumerate(crowd):
                if lat[i] is None:
                    if len(s.data) > offs[i] and now - s.last_t >= QUIET:
                        lat[i] = (s.last_t - sent[i]) * 1000
                    else:
                        pending += 1
            if not pending:
                break
        r["latency_ms"] = lat
        r["send_span_ms"] = send_span * 1000
        r["pd_cpu_ms_each"] = (sum(cpu_wake(pmap[s.pid])[0] for s in crowd) - cpu_before) / 1e6 / n
        for s in crowd:
            s.stop(b"q", 5.0)
        return r

    # ---------------------------------------------------------------- run
    def run(self):
        self.setup()
        a = self.args
        t_start = time.monotonic()
        self.load_start = os.getloadavg()
        # One CPU for the driver and every program it starts (they inherit
        # it), except in the concurrency runs: on a small VM a wake-up that
        # crosses CPUs costs milliseconds, which would drown what is measured.
        self.all_cpus = os.sched_getaffinity(0)
        self.cpu = max(self.all_cpus)
        if not os.environ.get("BENCH_NO_PIN"):
            os.sched_setaffinity(0, {self.cpu})
        else:
            self.notes.append("BENCH_NO_PIN: programs were not kept on one CPU.")
        sizes = [(80, 24), (200, 60)]
        p100 = os.path.join(self.work, "page-100k.md")
        synthetic_page(100 * KB, p100)
        pages = [
            {"name": "home (bundled content)", "file": os.path.join(a.content, "en", "index.md"), "home": True,
             "marker": b"Ketamine and your"},
            {"name": "faq.md (bundled, %.1f KB)" % (os.path.getsize(os.path.join(a.content, "en", "faq.md")) / KB),
             "file": os.path.join(a.content, "en", "faq.md"), "home": False, "marker": b"Common questions"},
            {"name": "synthetic 100 KB", "file": p100, "home": False, "marker": b"Synthetic patient page"},
        ]
        for p in pages:
            if p["home"]:
                d = os.path.join(a.content, "en")
                p["parsed"] = max(os.path.getsize(os.path.join(d, f)) for f in ("index.md", "questions.md")
                                  if os.path.exists(os.path.join(d, f)))
            else:
                p["parsed"] = os.path.getsize(p["file"])
        self.pages = pages
        self.date = time.strftime("%Y-%m-%d %H:%M %Z")
        from report import machine, cmd_line

        self.machine = machine()
        git = ["git", "-C", os.path.dirname(a.kiosk)]
        self.commit = (cmd_line(git + ["rev-parse", "--short", "HEAD"]),
                       cmd_line(git + ["status", "--porcelain", "--untracked-files=no"]))
        log(f"work folder {self.work}; {self.reps} repetitions{' (quick)' if self.quick else ''}")
        self.main = self.main_matrix(pages, sizes)
        gsizes = [10 * KB, 100 * KB, 1 * MB, 10 * MB]
        if os.environ.get("BENCH_SIZES"):
            gsizes = [int(x) for x in os.environ["BENCH_SIZES"].split(",")]
        self.gsizes = gsizes
        self.grow, self.gfiles = self.growth(gsizes)
        self.gfile_sizes = {k: os.path.getsize(v) for k, v in self.gfiles.items()}
        counts = [50, 200]
        if os.environ.get("BENCH_SESSIONS"):
            counts = [int(x) for x in os.environ["BENCH_SESSIONS"].split(",")]
        self.counts = counts
        self.crowd = self.concurrency(counts, p100, "kiosk")
        self.crowd_floor = self.concurrency(counts, p100, "pager")
        self.elapsed = time.monotonic() - t_start
        self.load_end = os.getloadavg()
        with open(os.path.join(self.work, "results.json"), "w") as f:
            json.dump({"main": {" | ".join(map(str, k)): v for k, v in self.main.items()},
                       "growth": {" | ".join(map(str, k)): v for k, v in self.grow.items()},
                       "crowd": self.crowd, "crowd_floor": self.crowd_floor}, f, indent=1, default=str)
        self.save_state(os.path.join(self.work, "state.pickle"))
        text = self.report()
        write_report(a.out, text)
        log(f"done in {self.elapsed:.0f} s; tables written to {a.out}")
        if os.environ.get("BENCH_KEEP"):
            log(f"kept {self.work}")
        else:
            shutil.rmtree(self.work, ignore_errors=True)

    def parsed_size(self, page_name):
        """Bytes of Markdown the program parses at once for a page of the main
        tables: the page; for the home screen the largest file it parses
        before its first screen (index.md, then questions.md for the flow)."""
        for p in self.pages:
            if p["name"] == page_name:
                return p["parsed"]
        return 0

    def file_size(self, size):
        return self.gfile_sizes[size]

    STATE = ("main", "grow", "gfile_sizes", "crowd", "crowd_floor", "pages", "gsizes", "counts", "reps",
             "greps", "crowd_rounds", "quick", "notes", "elapsed", "load_start", "load_end", "cpu",
             "cc_version", "peers", "command", "date", "machine", "commit")

    def save_state(self, path):
        with open(path, "wb") as f:
            pickle.dump({k: getattr(self, k) for k in self.STATE} | {"args": vars(self.args)}, f)

    def load_state(self, path):
        with open(path, "rb") as f:
            st = pickle.load(f)
        for k in self.STATE:
            setattr(self, k, st[k])
        self.args.kiosk, self.args.content = st["args"]["kiosk"], st["args"]["content"]

    # ---------------------------------------------------------------- report
    def report(self):
        from report import Report  # tests/bench/report.py

        return Report(self).text()


BEGIN = "<!-- bench:begin (written by tests/bench/bench.py; edits here are lost) -->"
END = "<!-- bench:end -->"


def write_report(path, text):
    """Replace the part between the markers; keep what is written around it."""
    old = ""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
    block = BEGIN + "\n" + text.rstrip() + "\n" + END
    if BEGIN in old and END in old:
        new = old[: old.index(BEGIN)] + block + old[old.index(END) + len(END):]
    else:
        new = (old.rstrip() + "\n\n" if old.strip() else "# Performance\n\n") + block + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kiosk", default=os.environ.get("KIOSK"), help="the patient-kiosk binary")
    ap.add_argument("--content", default=os.environ.get("KIOSK_CONTENT_DIR"), help="the bundled content folder")
    ap.add_argument("--out", default=os.path.join(HERE, "..", "..", "docs", "PERFORMANCE.md"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--from-state", metavar="FILE",
                    help="only rewrite the tables from the state.pickle of an earlier run (BENCH_KEEP=1)")
    a = ap.parse_args()
    if a.from_state:
        sys.dont_write_bytecode = True
        sys.path.insert(0, HERE)
        a.kiosk, a.content = a.kiosk or "", a.content or ""
        b = Bench.__new__(Bench)
        b.args = a
        b.load_state(a.from_state)
        write_report(os.path.abspath(a.out), b.report())
        log(f"tables rewritten in {a.out} from {a.from_state}")
        return
    if not a.kiosk or not a.content:
        ap.error("--kiosk and --content (or KIOSK and KIOSK_CONTENT_DIR) are needed")
    a.kiosk, a.content, a.out = os.path.abspath(a.kiosk), os.path.abspath(a.content), os.path.abspath(a.out)
    random.seed(a.seed)
    sys.dont_write_bytecode = True  # no __pycache__ in the source tree
    sys.path.insert(0, HERE)
    b = Bench(a)
    settings = " ".join(f"{k}={shlex.quote(os.environ[k])}" for k in
                        ("BENCH_QUICK", "BENCH_REPS", "BENCH_SIZES", "BENCH_SESSIONS", "BENCH_NO_PIN")
                        if os.environ.get(k))
    cmd = os.environ.get("BENCH_COMMAND") or " ".join(shlex.quote(x) for x in sys.argv)
    b.command = (settings + " " if settings else "") + cmd
    try:
        b.run()
    except BaseException:
        for s in list(b.live):
            s.kill()
        log(f"stopped; {len(b.live)} programs ended; work folder left at {b.work}")
        raise


if __name__ == "__main__":
    main()
