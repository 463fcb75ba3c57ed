#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/fuzz/run.sh SECONDS [TARGET...]: build the libFuzzer targets with
# clang (ASan + UBSan) from every core source (app/core/*.c, so a new file
# is never missed; read aloud's eSpeak NG part excepted) and, for fuzz_plain, app/tui/*.c (plain mode needs a few
# of the screen's helpers; it never starts curses), and run each
# for SECONDS on its seed corpus in tests/fuzz/corpus/<target>/. Default:
# every tests/fuzz/fuzz_*.c. New inputs go to a scratch folder, crashes to
# tests/fuzz/crashes/ (then add them to tests/data/fuzz/ so make check keeps
# them fixed). Exits 1 when a target does not build or finds a crash, leak
# or timeout. Run from the top of a configured tree:
#   make fuzz FUZZ_SECONDS=600
set -eu
seconds=${1:-60}
shift || true
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD:-$top/tests/fuzz/build}
mkdir -p "$build" "$top/tests/fuzz/crashes"
cc=${CLANG:-clang}
flags="-g -O1 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined -I$top -I$top/app"
flags="$flags $(pkg-config --cflags libcmark-gfm libunibreak inih pangocairo libqrencode)"
libs="$(pkg-config --libs libcmark-gfm libunibreak inih pangocairo libqrencode) -lcmark-gfm-extensions -lunistring -lcrypt"
# Read aloud is left out (speech_none.c stands in): no target speaks, and
# eSpeak NG need not be installed to fuzz.
core=$(ls "$top"/app/core/*.c | grep -v -e '/speech\.c$' -e '/speech_play\.c$' -e '/speech_reader\.c$')
tui="$(ls "$top"/app/tui/*.c) $(pkg-config --libs ncursesw)"
if [ $# -gt 0 ]; then
    targets=$*
else
    targets=$(cd "$top/tests/fuzz" && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')
fi
# fuzz_plain and fuzz_menu read content; the bundled content, never the host's.
export KIOSK_CONTENT_DIR="$top/content" KIOSK_CONFIG=
status=0
for t in $targets; do
    echo "== fuzz_$t: building"
    extra=
    [ "$t" = plain ] && extra=$tui
    # shellcheck disable=SC2086
    $cc $flags -DLOCALEDIR='"/nonexistent"' -DCONTENTDIR='"/nonexistent"' -DSYSCONFDIR='"/nonexistent"' -DPKGLIBEXECDIR='"/nonexistent"' \
        "$top/tests/fuzz/fuzz_$t.c" $core $extra $libs -o "$build/fuzz_$t"
    scratch="$build/corpus_$t"
    mkdir -p "$scratch" "$top/tests/fuzz/corpus/$t"
    echo "== fuzz_$t: $seconds s"
    rc=0
    "$build/fuzz_$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$top/tests/fuzz/crashes/${t}-" \
        "$scratch" "$top/tests/fuzz/corpus/$t" >"$build/fuzz_$t.log" 2>&1 || rc=$?
    grep -E '^(#[0-9]+ *DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|INFO: seed corpus|Done)' \
        "$build/fuzz_$t.log" || true
    if [ "$rc" -ne 0 ]; then
        echo "== fuzz_$t: FAILED (exit $rc); the log is $build/fuzz_$t.log"
        tail -40 "$build/fuzz_$t.log"
        status=1
    fi
done
exit $status
