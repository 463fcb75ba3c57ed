# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/language.sh: pick Spanish on the first screen, answer two
# questions, switch to Chinese: the answers are still there, the summary
# comes out in Chinese, and with a second language configured the printed
# file holds the Chinese summary and the English one.
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT
mkdir -p "$work/rec"
printf '[print]\ncommand = %s/print/record.sh %s/rec\nformat = text\n[summary]\nsecond_language = en\n' \
    "$KIOSK_TEST_DATA" "$work" > "$work/lang.conf"
label() { grep -m1 "($2)" "$KIOSK_CONTENT_DIR/$1/index.md" | sed 's/^- \[\(.*\)\](.*/\1/'; }

start 80 24 "$KIOSK" --content "$KIOSK_CONTENT_DIR" --config "$work/lang.conf"
expect "the first screen offers English" "English"
expect "the first screen offers Spanish by its own name" "Español"
expect "the first screen offers Chinese by its own name" "中文"

keys L
expect "L opens the language choice" "Language / Idioma"
keys "$(menu_number Español)"
expect "the home screen is in Spanish" "$(label es questions.md)"
keys "$(menu_number "$(label es questions.md)")"
expect "questions in Spanish" "$(translated es 'Question %d of about %d' | sed 's/%d.*//')"
keys 2 Enter
expect "second question in Spanish" "Pregunta 2"
keys 2 Enter
expect "third question" "Pregunta 3"

keys L
expect "language choice mid-flow" "Language / Idioma"
keys "$(menu_number 中文)"
# zh_question N: the start of "Question N of about M" in Chinese.
zh_question() { translated zh_CN 'Question %d of about %d' | sed "s/%d/$1/; s/%d.*//"; }
expect "the question screen is redrawn in Chinese" "$(zh_question 3)"
keys BSpace
expect "back to question 2 in Chinese" "$(zh_question 2)"
expect_not "question 3 has left the screen" "$(zh_question 3)"
expect "the answer given in Spanish is still chosen" "(*)"
keys Enter

SUMMARY_MARK=$(translated zh_CN 'Your summary for the clinician')
URGENT_MARK=$(translated zh_CN 'Urgent: help is available now')
ASK_MARK=$(translated zh_CN 'Your questions for your care team')
answer_until_summary
zh_title=$(translated zh_CN 'Questions to discuss with your clinician')
expect "the summary is in Chinese" "$zh_title"
keys p
sent=$(translated zh_CN 'Sent to the printer. Please collect it at the front desk.')
expect "printed" "${sent:0:4}"
check "the printout holds the Chinese summary" grep -qF "$zh_title" "$work/rec/text"
check "the printout holds the English summary too" grep -qF "Questions to discuss with your clinician" "$work/rec/text"
quit
expect "quits" "exit=0"

# The configuration's languages limit the choice; with no default_language
# set, the patient's LANG picks the language (only C.UTF-8 need exist).
printf '[kiosk]\nlanguages = en es\n' > "$work/two.conf"
start 80 24 "LANG=es_ES.UTF-8" "$KIOSK" --content "$KIOSK_CONTENT_DIR" --config "$work/two.conf"
expect "LANG=es_ES.UTF-8 starts in Spanish" "$(label es questions.md)"
expect "Spanish is offered" "Español"
expect_not "Chinese is not offered when languages = en es" "中文"
quit

finish
