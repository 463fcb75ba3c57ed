# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/urgent.sh: an {urgent=NAME} answer opens that page of the
# content at once, laid out like a page, under the crisis line, with a way
# on ("I have told someone") and Back; a page the language lacks comes in
# English, and a page nobody has gives the built-in crisis text. The same
# in --plain. Content: tests/data/content/urgent (stand-in pages).
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

content="$KIOSK_TEST_DATA/content/urgent"
work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT

start 80 24 "$KIOSK" --content "$content" --lang en
keys 1
expect "the safety question opens" "thoughts of hurting yourself"
keys 1 Enter
expect "Yes opens the self-harm page" "Stand-in self-harm page"
expect "its words are the page's" "A test page for thoughts of self-harm"
expect "under the urgent title" "Urgent: help is available now"
expect "with the crisis line" "Call or text 988"
expect "and a way on" "I have told someone: go on"
expect "and a way back" "< Back"
keys BSpace
expect "Back returns to the question" "thoughts of hurting yourself"
expect "with its answer kept" "(*) Yes"
keys Enter
expect "Enter opens the page again" "Stand-in self-harm page"
keys Enter
expect "Enter goes on to the next question" "any of these warning signs"
keys 1 Enter
expect "another answer opens another page" "Stand-in emergency page"
expect_not "not the self-harm page" "Stand-in self-harm page"
keys BSpace
expect "back at the warning signs" "any of these warning signs"
keys 2 Enter
expect "a page nobody wrote gives the built-in crisis text" "Please get help now."
expect "which names 911" "call 911"
expect "and the front desk" "front desk staff now"
keys Enter
expect "then the summary" "Questions to discuss with your clinician"
expect "the note is printed under Urgent" "Urgent"

# The bundled content: Yes to the safety question opens its self-harm page
# full screen; No goes straight on.
title=$(sed -n 's/^# //p' "$KIOSK_CONTENT_DIR/en/urgent-self-harm.md" | head -1)
start 80 24 "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
keys "$(menu_number visit)"
expect "bundled: the safety question" "Question 1 of about"
keys 1 Enter
expect "bundled: Yes opens the urgent page" "Urgent: help is available now"
expect "bundled: the page is urgent-self-harm.md" "$title"
expect_not "bundled: not yet the next question" "Question 2 of about"
keys Enter
expect "bundled: Enter goes on to question 2" "Question 2 of about"
keys BSpace
expect "bundled: back at the safety question" "Question 1 of about"
keys 2 Enter
expect "bundled: No goes straight on" "Question 2 of about"
expect_not "bundled: with no urgent page" "Urgent: help is available now"

# Spanish: its own self-harm page; the emergency page it lacks in English.
start 80 24 "KIOSK_LOCALEDIR=$KIOSK_LOCALEDIR" "$KIOSK" --content "$content" --lang es
keys 1
expect "es: the safety question" "pensamientos de hacerse"
keys 1 Enter
expect "es: the Spanish self-harm page" "Página de prueba: autolesión"
keys Enter
expect "es: next question" "señales de alarma"
keys 1 Enter
expect "es: the English page where Spanish has none" "Stand-in emergency page"
expect "es: with the notice that it is English" "$(translated es 'This page is not yet translated; it is shown in English.')"

# --plain: the same pages, then Enter, b or h.
printf '1\n1\n\nb\n\n\n2\n\n\n' > "$work/answers"
TERM=dumb "$KIOSK" --content "$content" --lang en < "$work/answers" > "$work/plain.out" 2>&1
check "plain: the self-harm page is shown" grep -qF "Stand-in self-harm page" "$work/plain.out"
check "plain: under the urgent title" grep -qF "Urgent: help is available now" "$work/plain.out"
check "plain: with the crisis line" grep -qF "Call or text 988" "$work/plain.out"
check "plain: b goes back to the question" test "$(grep -cF 'thoughts of hurting yourself' "$work/plain.out")" -ge 2
check "plain: Not sure gives the built-in text" grep -qF "Please get help now." "$work/plain.out"
check "plain: the summary follows" grep -qF "Questions to discuss with your clinician" "$work/plain.out"
finish
