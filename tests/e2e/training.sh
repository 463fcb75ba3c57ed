# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/training.sh: everything --training adds, each next to the
# patient's view that lacks it: the list of every page and question (c), a
# question described for staff, the sources under a page, why a question is
# shown, why a summary point is there, and no idle reset; in --plain too.
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT
page=antidepressant-choices.md
# The sources note of the page's first section, as the page shows it.
sources=$(sed -n 's/^<!-- sources: \(.*\) -->$/Sources: \1/p' "$KIOSK_CONTENT_DIR/en/$page" | head -1)
first_id=$(sed -n 's/^## .*{#\([a-z0-9-]*\)}.*$/\1/p' "$KIOSK_CONTENT_DIR/en/questions.md" | head -1)
label() { grep -F "($1)" "$KIOSK_CONTENT_DIR/en/index.md" | sed 's/^- \[\(.*\)\](.*/\1/'; }

# ---- full screen, training ----
start 80 24 "$KIOSK" --training --content "$KIOSK_CONTENT_DIR" --lang en
expect "training: home" " 1. "
keys c
expect "c lists every page and question" "Training: all pages and questions"
while read -r p; do
    expect "the list has $p" "$(label "$p")"
done <<LIST
$(sed -n 's/^- \[.*\](\(.*\))$/\1/p' "$KIOSK_CONTENT_DIR/en/index.md")
LIST
expect "the list has the first question by its id" "Question \"$first_id\":"
keys G
last_id=
for _ in $(seq 50); do # until End has moved the choice onto a question
    last_id=$(screen | sed -n 's/^ > *\([0-9]*\. *\)\{0,1\}Question "\([^"]*\)":.*/\2/p')
    [ -n "$last_id" ] && break
    sleep 0.1
done
check "End reaches a question of questions.md" grep -qF "{#$last_id}" "$KIOSK_CONTENT_DIR/en/questions.md"
keys Enter
expect "a question opens described for staff" "Question id $last_id"
expect "with each answer and where it leads" "→"
keys BSpace
expect "back goes home" "Enter open  1-9 pick"
keys "$(menu_number "$(label $page)")"
expect "training: the page opens" "What your care team may decide"
expect "training: the page shows its sources" "$sources"
keys BSpace
keys "$(menu_number visit)"
expect "training: the first question says why it is shown" "[Training] Question id \"$first_id\": the first question"
keys 2 Enter
expect "training: the next question names the answer that led there" 'shown because of the answer "No"'
answer_until_summary
expect "training: each summary point names the answer behind it" "(from: "
quit
expect "training quits" "exit=0"

# ---- full screen, the patient's view: none of it ----
start 80 24 "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
expect "patient: home" " 1. "
keys c
expect_not "patient: c lists nothing" "Training: all pages and questions"
keys "$(menu_number "$(label $page)")"
expect "patient: the page opens" "What your care team may decide"
expect_not "patient: no sources" "$sources"
keys BSpace
keys "$(menu_number visit)"
expect "patient: the first question" "Question 1 of about"
expect_not "patient: no reason for a question" "[Training]"
answer_until_summary
expect "patient: the summary" "Questions to discuss with your clinician"
expect_not "patient: no reason for a summary point" "(from: "
quit

# ---- no idle reset: the test binary's clock runs fifty times as fast, so
# a 10 s idle timeout and a 5 s countdown take 0.3 s ----
printf '[kiosk]\nidle_timeout = 10\ncountdown = 5\n' > "$work/idle.conf"
start 80 24 "KIOSK_TEST_CLOCK=50" "$KIOSK_TEST_BIN" --content "$KIOSK_CONTENT_DIR" --lang en --config "$work/idle.conf"
expect "patient: an idle session ends by itself" "exit=0"
start 80 24 "KIOSK_TEST_CLOCK=50" "$KIOSK_TEST_BIN" --training --content "$KIOSK_CONTENT_DIR" --lang en --config "$work/idle.conf"
expect "training: home with the fast clock" " 1. "
sleep 1 # fifty idle seconds on its clock, five times the timeout
expect_not "training: no idle countdown" "Are you still there?"
expect_not "training: no idle exit" "exit="
quit
expect "training: q still quits" "exit=0"

# ---- --plain ----
n=$(printf 'q\n' | TERM=dumb "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en | grep -F "visit" | grep -oE '[0-9]+\. ' | head -1 | tr -d '. ')
p=$(printf 'q\n' | TERM=dumb "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en | grep -F "$(label $page)" | grep -oE '[0-9]+\. ' | head -1 | tr -d '. ')
{
    printf '%s\n\n\n\n\n\n\n' "$p"
    printf '%s\n' "$n"
    for _ in $(seq 1 40); do printf '1\n\n'; done
} > "$work/answers"
TERM=dumb "$KIOSK" --training --content "$KIOSK_CONTENT_DIR" --lang en < "$work/answers" > "$work/training.out" 2>&1
TERM=dumb "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en < "$work/answers" > "$work/patient.out" 2>&1
check "plain training: the page shows its sources" grep -qF "$sources" "$work/training.out"
check "plain training: the first question says why" grep -qF "[Training] Question id \"$first_id\"" "$work/training.out"
check "plain training: the summary names the answers behind it" grep -qF "(from: " "$work/training.out"
check "plain patient: the same walk reached the summary" grep -qF "Questions to discuss with your clinician" "$work/patient.out"
check "plain patient: no sources" sh -c '! grep -qF "$1" "$2"' _ "$sources" "$work/patient.out"
check "plain patient: no reasons" sh -c '! grep -qF "[Training]" "$1" && ! grep -qF "(from: " "$1"' _ "$work/patient.out"

finish
