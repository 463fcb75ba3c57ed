# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/teachback.sh: "Did we explain this clearly?" on the risks page:
# offered only at the page's end, answered by keys and by a tap (SGR mouse
# under TERM=xterm-256color); a miss reaches the summary, a clear answer does not.
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
finish
