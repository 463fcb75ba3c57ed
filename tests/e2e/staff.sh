# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/staff.sh: the event log of a full kiosk session holds no
# patient data (no answer label, summary line or search term, yet every
# event), a staff menu left open closes itself on idle and no key reopens
# it, and three wrong PINs lock the prompt (keys on it change nothing).
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT
mkdir -p "$work/rec"
hash=$(echo 2468 | "$KIOSK" --hash-pin)
printf '[kiosk]\nidle_timeout = 10\ncountdown = 5\n%s\n[print]\ncommand = %s/print/record.sh %s/rec\n' \
    "$hash" "$KIOSK_TEST_DATA" "$work" > "$work/kiosk.conf"
log=$work/events.log
run_kiosk() {
    start 80 24 "KIOSK_LOG_FILE=$log" "$KIOSK" --kiosk --content "$KIOSK_CONTENT_DIR" --lang en \
        --config "$work/kiosk.conf"
}

run_kiosk
expect "the attract screen" "Touch the screen or press any key"
keys x
expect "home" "visit"
keys /
expect "the search prompt" "Search all pages:"
keys -l zebrafishword
keys Enter
sleep 0.3
keys Escape
keys "$(menu_number visit)"
expect "questions start" "Question 1 of about"
keys 2 Enter
expect "second question" "Which treatment"
keys 2 Enter
expect "antidepressant question" "Do you take an antidepressant now?"
keys 1 Enter
expect "which antidepressant" "Which antidepressant do you take?"
keys 1 Enter
answer_until_summary
expect "the summary shows" "Questions to discuss with your clinician"
keys p
expect "printed" "Sent to the printer"
if wait_for "any key to start" 25; then echo "ok - walking away wipes the session"; else
    failures=$((failures + 1)); echo "not ok - walking away wipes the session"; screen; fi
checks=$((checks + 1))

# A staff menu opened during a session and left open closes on idle: a key
# on the countdown goes back to the patient's screen, not to the menu.
keys x
expect "a new session" "visit"
keys C-k C-k C-k
expect "the PIN prompt" "PIN:"
keys 2 4 6 8 Enter
expect "the staff menu" "Leave the kiosk"
if wait_for "Are you still there?" 14; then echo "ok - an idle staff menu gives way to the countdown"; else
    failures=$((failures + 1)); echo "not ok - an idle staff menu gives way to the countdown"; screen; fi
checks=$((checks + 1))
keys x
expect "a key on the countdown is a patient's" "visit"
expect_not "no key reopens the staff menu" "Leave the kiosk"
keys C-k C-k C-k
expect "the PIN prompt again" "PIN:"
keys 2 4 6 8 Enter
expect "the right PIN still works" "Leave the kiosk"
keys 1
expect "staff leave the kiosk" "exit=0"

# Three wrong PINs lock the prompt; even the right PIN typed now is ignored.
run_kiosk
expect "kiosk up again" "Touch the screen"
keys C-k C-k C-k
expect "the PIN prompt" "PIN:"
for _ in 1 2 3; do keys 1 1 1 1 Enter; done
expect "three wrong PINs lock the prompt" "Try again in 30 seconds"
keys 2 4 6 8 Enter
sleep 0.3
expect_not "the right PIN is not taken during the lock" "Leave the kiosk"
expect "the lock counts down" "Too many wrong PINs"
pkill -TERM -P "$(T display -p -t k '#{pane_pid}')" -x patient-kiosk
expect "SIGTERM exits 0" "exit=0"

# The log: every event, and nothing the patient chose or typed.
for event in "start: kiosk mode" print-sent idle-wipe staff-exit "pin-failed: 3 wrong in a row" \
    "stop: exit status 0"; do
    check "the log has $event" grep -qF -- "$event" "$log"
done
check "the search term is not logged" sh -c "! grep -qiF zebrafishword '$log'"
labels=$(sed -n 's/^ *- \[\([^]]*\)\](#.*/\1/p' "$KIOSK_CONTENT_DIR/en/questions.md")
check "the flow has answer labels to look for" test "$(echo "$labels" | wc -l)" -gt 20
found=$(echo "$labels" | while IFS= read -r label; do
    grep -qiwF -- "$label" "$log" && echo "$label"; done)
check "no answer label is logged${found:+ (found: $found)}" test -z "$found"
points=$(sed -n 's/^ *> *\(.\{12,40\}\).*/\1/p' "$KIOSK_CONTENT_DIR/en/questions.md")
found=$(echo "$points" | while IFS= read -r point; do
    grep -qiF -- "$point" "$log" && echo "$point"; done)
check "no summary line is logged${found:+ (found: $found)}" test -z "$found"
check "the printer got the chosen answer (so it was in the session)" \
    sh -c 'pdftotext "$1" - | grep -qF Sertraline' _ "$work/rec/text"
finish
