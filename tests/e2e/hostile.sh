# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/hostile.sh: what a hostile SSH client can send: a stray 8-bit
# byte in the search prompt (Esc still leaves it), a window far larger than
# the kiosk draws (it says so, recovers, and may start that large), the end
# of input while the idle timer runs (the kiosk leaves instead of spinning),
# and a never-ending line in plain mode (kept short, not buffered whole).
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT
printf '[kiosk]\nidle_timeout = 60\ncountdown = 30\n[print]\ncommand =\n' >"$work/kiosk.conf"
run_kiosk() { start "$1" "$2" "$KIOSK" --kiosk --content "$KIOSK_CONTENT_DIR" --lang en --config "$work/kiosk.conf"; }

# L2: one invalid UTF-8 byte, then Esc: the prompt closes at once.
run_kiosk 80 24
expect "the attract screen" "Touch the screen or press any key"
keys x
expect "the home menu" "visit"
keys /
expect "the search prompt opens" "Search all pages"
keys -H a0
keys Escape
expect_not "Esc closes the prompt after a stray 0xA0 byte" "Search all pages"
keys /
expect "the prompt opens again" "Search all pages"
keys -H c3 -l x
keys Escape
expect_not "Esc closes it after a broken two-byte character" "Search all pages"

# M1: a window over 500x300 is not laid out; back to normal it recovers.
resize 600 320
expect "a 600x320 window says it is too large" "The window is too large"
resize 80 24
expect "back at 80x24 the menu returns" "visit"
expect_not "and the message goes" "too large"
run_kiosk 520 310
expect "a kiosk that starts at 520x310 says the window is too large" "The window is too large"
expect_not "not that the terminal type is unknown" "unknown"
resize 100 30
expect "and works once it is smaller" "Touch the screen or press any key"

# L1: the end of input with the idle timer armed: leave at once (the
# timeouts only stop a spinning kiosk; the idle time is 60 + 30 s).
timeout 30 env TERM=tmux-256color "$KIOSK" --content "$KIOSK_CONTENT_DIR" --config "$work/kiosk.conf" \
    </dev/null >/dev/null 2>&1
check "patient mode with no input exits 0 (not spinning until the idle reset)" test $? = 0
printf ' 2' | timeout 30 env TERM=tmux-256color "$KIOSK" --kiosk --content "$KIOSK_CONTENT_DIR" \
    --config "$work/kiosk.conf" >/dev/null 2>&1
check "kiosk mode: two keys, then the end of input: exits 0" test $? = 0

# L6: plain mode keeps at most 1024 bytes of a line: a 3 MB line is neither
# kept nor echoed back whole.
head -c 3000000 /dev/zero | tr '\0' A | TERM=dumb "$KIOSK" --plain --content "$KIOSK_CONTENT_DIR" \
    >"$work/plain.out" 2>&1
size=$(wc -c <"$work/plain.out")
check "plain mode drops the rest of a 3 MB line (output $size bytes)" test "$size" -lt 20000

finish
