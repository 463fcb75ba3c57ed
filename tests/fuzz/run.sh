#!/bin/sh
# tests/fuzz/run.sh SECONDS [TARGET...]: build the libFuzzer targets with
# clang (ASan + UBSan) from the core sources and run each for SECONDS on its
# seed corpus in tests/fuzz/corpus/<target>/. New inputs go to a scratch
# folder, crashes to tests/fuzz/crashes/ (then add them to tests/data/fuzz/
# so make check keeps them fixed). Run from the top of a configured tree:
#   make fuzz FUZZ_SECONDS=600
set -eu
seconds=${1:-60}
shift || true
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD:-$top/tests/fuzz/build}
mkdir -p "$build" "$top/tests/fuzz/crashes"
cc=${CLANG:-clang}
flags="-g -O1 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined -I$top -I$top/app"
flags="$flags $(pkg-config --cflags libcmark-gfm libunibreak inih)"
libs="$(pkg-config --libs libcmark-gfm libunibreak inih) -lcmark-gfm-extensions -lunistring -lcrypt"
core="$top/app/core"
srcs="$core/text.c $core/markdown.c $core/layout.c $core/layout_lines.c $core/layout_table.c \
$core/content.c $core/flow.c $core/flow_check.c $core/flow_load.c $core/flow_session.c $core/flow_doc.c \
$core/summary.c $core/kiosk_config.c $core/kiosk_config_values.c $core/readability.c $core/i18n.c $core/printout.c $core/print.c"
targets=${*:-layout flow config summary}
for t in $targets; do
    echo "== fuzz_$t: building"
    # shellcheck disable=SC2086
    $cc $flags -DLOCALEDIR='"/nonexistent"' -DCONTENTDIR='"/nonexistent"' \
        "$top/tests/fuzz/fuzz_$t.c" $srcs $libs -o "$build/fuzz_$t"
    scratch="$build/corpus_$t"
    mkdir -p "$scratch"
    echo "== fuzz_$t: $seconds s"
    "$build/fuzz_$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$top/tests/fuzz/crashes/${t}-" "$scratch" "$top/tests/fuzz/corpus/$t" \
        2>&1 | grep -E '^(#[0-9]+ *DONE|stat::|==[0-9]+==ERROR|SUMMARY|INFO: Running|Done)' || true
done
