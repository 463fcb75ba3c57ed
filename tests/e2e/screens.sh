# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/screens.sh: whole screens, captured from tmux, must match the
# committed files in tests/golden/screens/: the home screen, a page, the
# first question and the summary, at 80x24 and 40x12. After a deliberate
# change, `make update-screens` (this script with --update) rewrites them;
# read the diff before committing it. The test binary dates the summary
# 3 December 2026 10:30 UTC (KIOSK_TEST_NOW, tui/ui_clock.h); it is reached at
# 80x24 (a question's answers may be off a 12-row screen) and then the window
# is resized.
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

update=0
[ "${1:-}" = "--update" ] && update=1
dir="$KIOSK_GOLDEN/screens"
mkdir -p "$dir"
out=$(mktemp)
trap 'cleanup; rm -f "$out"' EXIT

# settled: the screen once two captures a tenth of a second apart agree.
settled() {
    local a b tries=20
    a=$(screen)
    while [ $tries -gt 0 ]; do
        sleep 0.1
        b=$(screen)
        [ "$a" = "$b" ] && break
        a=$b
        tries=$((tries - 1))
    done
    printf '%s\n' "$a"
}

# shot NAME SIZE TEXT: once TEXT is on screen, compare it with NAME.SIZE.txt.
shot() {
    local golden="$dir/$1.$2.txt"
    checks=$((checks + 1))
    if ! wait_for "$3"; then
        failures=$((failures + 1))
        echo "not ok - $1 at $2: \"$3\" never showed. Screen was:"
        screen | sed 's/^/    | /'
        return
    fi
    settled >"$out"
    if [ "$update" = 1 ]; then
        cp "$out" "$golden"
        echo "ok - updated $golden"
    elif [ ! -f "$golden" ]; then
        failures=$((failures + 1))
        echo "not ok - $1 at $2: no golden file $golden (run make update-screens)"
    elif ! diff -u "$golden" "$out"; then
        failures=$((failures + 1))
        echo "not ok - $1 at $2 differs from $golden"
    else
        echo "ok - $1 at $2"
    fi
}

index="$KIOSK_CONTENT_DIR/en/index.md"
# number PAGE: the home menu number of PAGE (its place in index.md's list).
number() { grep -E '^- \[' "$index" | grep -nF "]($1)" | cut -d: -f1; }
run() { start "$1" "$2" "KIOSK_TEST_NOW=1796293800 TZ=UTC" "$KIOSK_TEST_BIN" --content "$KIOSK_CONTENT_DIR" --lang en; }

for size in 80x24 40x12; do
    w=${size%x*} h=${size#*x}
    run "$w" "$h"
    shot home "$size" "Ketamine"
    keys "$(number antidepressant-choices.md)"
    shot page "$size" "What your care"
    keys BSpace
    wait_for "Ketamine"
    keys "$(number questions.md)"
    shot question "$size" "Question 1"
    quit

    run 80 24
    keys "$(number questions.md)"
    wait_for "Question 1"
    answer_until_summary
    [ "$size" = 80x24 ] || resize "$w" "$h"
    sleep 0.2
    shot summary "$size" "Your summary"
    quit
done

finish
