# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/teachback.sh: "Did we explain this clearly?" on the risks page:
# offered only at the page's end, answered by keys and by a tap (SGR mouse
# under TERM=xterm-256color); a miss reaches the summary, a clear answer does not.
# A language switch (L) in the middle of the check brings it back in the new
# language with the miss kept; after the kiosk's idle wipe the next patient's
# summary has no "Things to explain again".
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

OFFER="[ Did we explain this clearly? ]"
MISS="Please explain how ketamine can change blood pressure again."
CLEAR="Please explain what to do about chest pain after a session again."

start 80 24 "TERM=xterm-256color" "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
expect "home is up" "visit"
keys "$(menu_number "Side effects and risks")"
expect "the risks page opens" "Side effects and risks"
expect_not "the check is not offered at the top of the page" "$OFFER"
keys e
expect_not "e does nothing before the page's end" "What can ketamine do"
keys G
expect "the check is offered under the page's last line" "$OFFER"
expect "the footer names the key e" "e check this page"
keys e
expect "e opens the first question" "What can ketamine do to your blood pressure?"
expect "its answers are numbered" "2. It does not change it"
keys 2
expect "an again answer is kept, never called wrong" "We will ask your care team to explain this again."
expect "the second question follows" "After a session, what do you do if you have chest pain?"
# A tap on the first answer (SGR mouse report).
at=$(screen | awk '{ i = index($0, "1. I call 911"); if (i) { print i + 3, NR; exit } }')
# shellcheck disable=SC2086
set -- $at
keys -l "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm' "$1" "$2" "$1" "$2")"
expect "a tap answers; a clear answer gets a short thank-you" "Thank you for helping us check this page."
expect_not "a clear answer is not called again" "explain this again"
keys Enter
expect "back to the page" "$OFFER"
keys Escape
expect "home again" "visit"
keys "$(menu_number "Get ready for your visit")"
answer_until_summary
expect "the summary is up" "$SUMMARY_MARK"
for _ in 1 2 3 4 5 6 7 8; do screen | grep -qF "Things to explain again" && break; keys PageDown; sleep 0.2; done
expect "the summary has the section" "Things to explain again"
expect "the miss is in the summary, with a tick box" "[ ] $MISS"
expect_not "the clear answer is not" "$CLEAR"

work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT
label() { grep -m1 "($2)" "$KIOSK_CONTENT_DIR/$1/index.md" | sed 's/^- \[\(.*\)\](.*/\1/'; }
# joined: the screen as one line, spaces squeezed, for text that may wrap.
joined() { screen | sed 's/^ *//' | tr -s '\n ' '  '; }
# summary_has NAME TEXT: scroll the summary down until TEXT shows (joined).
summary_has() {
    for _ in 1 2 3 4 5 6 7 8 9 10; do joined | grep -qF -- "$2" && break; keys PageDown; sleep 0.2; done
    check "$1" sh -c 'printf "%s" "$1" | grep -qF -- "$2"' _ "$(joined)" "$2"
}
# summary_lacks NAME TEXT: TEXT is nowhere on the summary, top (Home) to bottom.
summary_lacks() {
    local seen="" _
    keys Home
    sleep 0.2
    for _ in 1 2 3 4 5 6 7 8 9 10; do seen="$seen $(joined)"; keys PageDown; sleep 0.2; done
    check "$1" sh -c '! printf "%s" "$1" | grep -qF -- "$2"' _ "$seen" "$2"
}

# ---- L in the middle of the check ----
ES_Q2="Después de una sesión, ¿qué hace si tiene dolor en el pecho?"
start 80 24 "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
expect "home is up again" "visit"
keys "$(menu_number "Side effects and risks")"
expect "the risks page opens again" "Side effects and risks"
keys G
expect "the check is offered" "$OFFER"
keys e 2
expect "the first answer is a miss" "We will ask your care team to explain this again."
expect "the second question is up in English" "After a session, what do you do if you have chest pain?"
keys L
expect "L opens the language choice in the check" "Language / Idioma"
keys "$(menu_number Español)"
expect "the check comes back in Spanish, at the same question" "$ES_Q2"
expect "with its Spanish answers" "1. Llamo al 911 de inmediato"
expect "and its position in Spanish" "$(translated es 'Question %d of %d' | sed 's/%d/2/; s/%d/2/')"
keys 1
expect "the end in Spanish" "$(translated es 'Thank you for helping us check this page.')"
keys Enter Escape
SUMMARY_MARK=$(translated es 'Your summary for the clinician')
URGENT_MARK=$(translated es 'Urgent: help is available now')
ASK_MARK=$(translated es 'Your questions for your care team')
keys "$(menu_number "$(label es questions.md)")"
answer_until_summary
expect "the summary is up in Spanish" "$SUMMARY_MARK"
summary_has "the summary's section is in Spanish" "$(translated es 'Things to explain again')"
summary_has "the miss made in English is kept, in Spanish" \
    "[ ] Por favor, explique otra vez cómo la ketamina puede cambiar la presión arterial."
summary_lacks "the clear answer given in Spanish is not in it" "dolor en el pecho después"

# ---- the idle wipe ----
# The test binary's clock runs five times as fast (tui/ui_clock.h): the
# 30 s idle time and the 5 s countdown take 6 s and 1 s.
printf '[kiosk]\nidle_timeout = 30\ncountdown = 5\n[print]\ncommand =\n' > "$work/idle.conf"
SUMMARY_MARK="Your summary for the clinician"
URGENT_MARK="Urgent: help is available now"
ASK_MARK="Your questions for your care team"
start 80 24 "KIOSK_TEST_CLOCK=5" "$KIOSK_TEST_BIN" --kiosk --content "$KIOSK_CONTENT_DIR" --lang en \
    --config "$work/idle.conf"
expect "kiosk: the attract screen waits" "Touch the screen or press any key"
keys x
keys "$(menu_number "Side effects and risks")"
expect "kiosk: the risks page opens" "Side effects and risks"
keys G
expect "kiosk: the check is offered" "$OFFER"
keys e 2
expect "kiosk: the first patient's miss is kept" "We will ask your care team to explain this again."
wait_for "Are you still there?" 15
expect "kiosk: the countdown ends at the attract screen" "any key to start"
keys x
keys "$(menu_number "Get ready for your visit")"
answer_until_summary
expect "kiosk: the next patient's summary is up" "$SUMMARY_MARK"
summary_lacks "kiosk: it has no Things to explain again" "Things to explain again"
summary_lacks "kiosk: nor the first patient's miss" "$MISS"
finish
