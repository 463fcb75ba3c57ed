#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tests/e2e/termproxy.py: a terminal between tmux and the kiosk, for
tests/e2e/termcopy.sh. It runs COMMAND on a pseudo-terminal of its own and
passes keys in and the screen out, except what a terminal keeps to itself:

  - the DA1 query (ESC [ c) is never passed on: with --answer the proxy
    answers it as a VT420 with a printer port and the clipboard
    (ESC [ ? 64 ; 2 ; 52 c); without, nothing answers it;
  - an OSC 52 copy (ESC ] 52 ; ... BEL or ESC \\) and an ANSI media copy
    block (ESC [ 5 i ... ESC [ 4 i) are taken, as a terminal with a
    clipboard and a printer would, and not shown.

Everything the kiosk writes is recorded, byte for byte, in --record FILE.
Exits with the command's status.

usage: termproxy.py [--answer] --record FILE -- COMMAND [ARG...]"""
import fcntl
import os
import select
import signal
import struct
import sys
import termios
import tty

DA1_QUERIES = (b"\x1b[c", b"\x1b[0c")
DA1_ANSWER = b"\x1b[?64;2;52c"


def copy_size(src, dst):
    try:
        size = fcntl.ioctl(src, termios.TIOCGWINSZ, b"\0" * 8)
        fcntl.ioctl(dst, termios.TIOCSWINSZ, size)
    except OSError:
        pass


class Filter:
    """The kiosk's output: what a terminal shows, what it answers."""

    def __init__(self, answer, master):
        self.pending = b""
        self.answer = answer
        self.master = master

    def feed(self, data):
        self.pending += data
        shown = b""
        while True:
            i = self.pending.find(b"\x1b")
            if i < 0:
                shown += self.pending
                self.pending = b""
                return shown
            shown += self.pending[:i]
            self.pending = self.pending[i:]
            rest = self.pending
            taken = self.take(rest)
            if taken is None:  # perhaps a sequence not yet whole: wait for more
                if len(rest) > 1 << 20:
                    shown += rest
                    self.pending = b""
                return shown
            if taken == 0:  # someone else's sequence: show its ESC
                shown += b"\x1b"
                self.pending = rest[1:]
            else:
                self.pending = rest[taken:]

    def take(self, s):
        """Bytes of a sequence kept from the screen at the start of s; 0 for
        none; None when s could still become one."""
        for q in DA1_QUERIES:
            if s.startswith(q):
                if self.answer:
                    os.write(self.master, DA1_ANSWER)
                return len(q)
            if q.startswith(s):
                return None
        for start, ends in ((b"\x1b]52;", (b"\x07", b"\x1b\\")), (b"\x1b[5i", (b"\x1b[4i",))):
            if s.startswith(start):
                found = [s.find(e, len(start)) for e in ends]
                found = [(f, e) for f, e in zip(found, ends) if f >= 0]
                if not found:
                    return None
                f, e = min(found)
                return f + len(e)
            if start.startswith(s):
                return None
        return 0


def main():
    args = sys.argv[1:]
    answer = False
    record = None
    while args and args[0] != "--":
        if args[0] == "--answer":
            answer = True
            args = args[1:]
        elif args[0] == "--record" and len(args) > 1:
            record = args[1]
            args = args[2:]
        else:
            sys.exit(__doc__)
    if not record or len(args) < 2:
        sys.exit(__doc__)
    command = args[1:]
    pid, master = os.forkpty()
    if pid == 0:
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    stdin = sys.stdin.fileno()
    stdout = sys.stdout.fileno()
    copy_size(stdin, master)
    signal.signal(signal.SIGWINCH, lambda *_: (copy_size(stdin, master), os.kill(pid, signal.SIGWINCH)))
    saved = None
    if os.isatty(stdin):
        saved = termios.tcgetattr(stdin)
        tty.setraw(stdin)
    out = Filter(answer, master)
    status = 1
    with open(record, "ab", buffering=0) as rec:
        try:
            while True:
                try:
                    ready, _, _ = select.select([stdin, master], [], [])
                except InterruptedError:
                    continue
                if master in ready:
                    try:
                        data = os.read(master, 65536)
                    except OSError:
                        data = b""
                    if not data:
                        break
                    rec.write(data)
                    os.write(stdout, out.feed(data))
                if stdin in ready:
                    data = os.read(stdin, 4096)
                    if not data:
                        break
                    os.write(master, data)
        finally:
            if saved is not None:
                termios.tcsetattr(stdin, termios.TCSAFLUSH, saved)
    _, st = os.waitpid(pid, 0)
    status = os.waitstatus_to_exitcode(st)
    sys.exit(status if status >= 0 else 128 - status)


if __name__ == "__main__":
    main()
