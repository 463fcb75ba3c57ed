# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/kiosk.sh: kiosk mode end to end: no way out but the staff PIN,
# the idle countdown wipes the patient, SIGHUP exits cleanly, and a bad
# config file is named with its line.
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT
hash=$(echo 2468 | "$KIOSK" --hash-pin)
printf '[kiosk]\nidle_timeout = 10\ncountdown = 5\n%s\n[print]\ncommand =\n' "$hash" > "$work/kiosk.conf"
run_kiosk() { start 80 24 "$KIOSK" --kiosk --content "$KIOSK_CONTENT_DIR" --lang en --config "$work/kiosk.conf"; }

run_kiosk
expect "the attract screen waits for a patient" "Touch the screen or press any key"
keys x
expect "any key starts" "visit"
for k in C-c C-z 'C-\' q Q Escape F10 C-d M-x; do keys "$k"; done
sleep 0.3
expect_not "no key leaves the kiosk" "exit="
expect "the kiosk is still showing its menu" "visit"

# Answer a question, then walk away. The test binary's clock runs five
# times as fast (KIOSK_TEST_CLOCK, tui/ui_clock.h): the 10 s idle timeout and
# the 10 s countdown take 2 s each.
printf '[kiosk]\nidle_timeout = 10\ncountdown = 10\n[print]\ncommand =\n' > "$work/fast.conf"
start 80 24 "KIOSK_TEST_CLOCK=5" "$KIOSK_TEST_BIN" --kiosk --content "$KIOSK_CONTENT_DIR" --lang en \
    --config "$work/fast.conf"
expect "the fast-clock kiosk waits for a patient" "Touch the screen or press any key"
keys x
keys "$(menu_number visit)"
expect "questions start" "Question 1 of about"
keys 2 Enter
expect "the patient answered a question" "Question 2 of about"
expect "idle shows the countdown" "Are you still there?"
keys x
expect "a key in the countdown carries on where the patient was" "Question 2 of about"
expect_not "and the countdown has gone" "Are you still there?"
expect "idle again shows the countdown" "Are you still there?"
expect "the countdown ends at the attract screen" "any key to start"
keys x
keys "$(menu_number visit)"
expect "the next patient starts at question 1" "Question 1 of about"
expect_not "no earlier answer is shown" "(*)"
check "the installed program has no test clock" sh -c '! grep -qa KIOSK_TEST_CLOCK "$1"' _ "$KIOSK"

# Staff: a wrong PIN is refused, the right one opens the menu and leaves.
run_kiosk
expect "kiosk up for staff" "Touch the screen"
keys x
expect "a patient's home screen" "visit"
keys C-k C-k C-k
expect "Ctrl-K three times asks for the PIN" "PIN:"
keys 1 1 1 1 Enter
expect "a wrong PIN is refused" "That PIN is not right"
expect_not "a wrong PIN does not open the menu" "Leave the kiosk"
keys Escape
keys C-k C-k C-k
expect "the PIN prompt again" "PIN:"
keys 2 4 6 8 Enter
expect "the right PIN opens the staff menu" "Leave the kiosk"
keys 1
expect "leaving the kiosk exits 0" "exit=0"

# A hang-up wipes the session and exits 0.
run_kiosk
expect "kiosk up again" "Touch the screen"
# The pane's shell runs the kiosk as its child.
pkill -HUP -P "$(T display -p -t k '#{pane_pid}')" -x patient-kiosk
expect "SIGHUP exits 0" "exit=0"

# The terminals patients arrive with over SSH: each draws the home screen
# and leaves cleanly.
for term in xterm-256color screen tmux-256color linux vt100; do
    start 80 24 "TERM=$term" "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
    expect "TERM=$term draws the home screen" "visit"
    keys q
    expect "TERM=$term quits with status 0" "exit=0"
done

# SIGTERM, like SIGHUP, wipes and exits 0.
start 80 24 "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
expect "up for SIGTERM" "visit"
pkill -TERM -P "$(T display -p -t k '#{pane_pid}')" -x patient-kiosk
expect "SIGTERM exits 0" "exit=0"

# A bad config file: its line number, exit 2, nothing drawn.
printf '[kiosk]\nidle_timeout = soon\n' > "$work/bad.conf"
out=$("$KIOSK" --content "$KIOSK_CONTENT_DIR" --config "$work/bad.conf" 2>&1 </dev/null)
status=$?
check "a bad config exits 2" test "$status" = 2
check "a bad config names its line" sh -c "echo \"\$1\" | grep -qF 'bad.conf:2: error: idle_timeout'" _ "$out"

# An option without its argument says so (not "unknown option"), exit 2.
out=$("$KIOSK" --content 2>&1 </dev/null)
status=$?
check "a missing option argument exits 2" test "$status" = 2
check "a missing option argument is named" sh -c "echo \"\$1\" | grep -qF 'option \"--content\" needs an argument'" _ "$out"

finish
