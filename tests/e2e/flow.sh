# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/flow.sh: the guided questions end to end: walk the whole flow
# with keys, go back and change an answer, reach the summary, print it to a
# stand-in printer (the PDF handout, read back with pdftotext), save it,
# print a page of the reader (the choices table), see a failing printer
# leave the summary in place, and see a broken questions.md named when the
# questions are opened. (The text printout for receipt printers: plain.sh.)
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT
mkdir -p "$work/rec" "$work/tmp" "$work/saved"
printf '[clinic]\nname = Riverside Family Clinic\n[print]\ncommand = %s/print/record.sh %s/rec -d front_desk\n[summary]\nsave_folder = %s/saved\n' \
    "$KIOSK_TEST_DATA" "$work" "$work" > "$work/print.conf"
printf '[print]\ncommand = %s/print/fail.sh\n' "$KIOSK_TEST_DATA" > "$work/fail.conf"

start 80 24 "TMPDIR=$work/tmp" "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en --config "$work/print.conf"
expect "home shows the questions entry" "visit"
keys "$(menu_number visit)"
expect "first question is the safety check" "thoughts of hurting yourself"
expect "progress is shown" "Question 1 of about"
keys 2 Enter
expect "second question" "Which treatment"
keys 2 Enter
expect "antidepressant question" "Do you take an antidepressant now?"
keys 1 Enter
expect "which antidepressant (choose all)" "Which antidepressant do you take?"
keys 1
expect "a ticked box shows in text" "[x]"
keys Enter
answer_until_summary
expect "the summary shows" "Questions to discuss with your clinician"

keys p
expect "printing is confirmed" "Sent to the printer"
pdf_text() { pdftotext "$work/rec/text" - 2>/dev/null; }
check "the printer got a PDF" test "$(head -c 5 "$work/rec/text")" = "%PDF-"
check "the printer's file is named summary.pdf" grep -q '/summary\.pdf$' "$work/rec/path"
check "the printer got the summary" sh -c "$(declare -f pdf_text); work='$work'; pdf_text | grep -qF 'Questions to discuss with your clinician'"
check "the summary names the chosen antidepressant" sh -c "$(declare -f pdf_text); work='$work'; pdf_text | grep -qF Sertraline"
check "the handout has lines for the name and date of birth" sh -c "$(declare -f pdf_text); work='$work'; pdf_text | grep -qF 'Date of birth:'"
check "the print command got its own arguments" grep -qxF -- "-d" "$work/rec/argv"
check "the temporary file was private" grep -qxF 600 "$work/rec/filemode"
check "the temporary folder was private" grep -qxF 700 "$work/rec/dirmode"
check "the temporary file is gone" test ! -e "$(cat "$work/rec/path")"
check "no temporary folder is left behind" test -z "$(ls -A "$work/tmp")"
check "the handout starts with the clinic's name" sh -c "pdftotext -f 1 -l 1 '$work/rec/text' - | grep -v '^ *\$' | head -1 | grep -qF 'Riverside Family Clinic'"

keys s
expect "saving is confirmed, by the file's name" "Saved as summary-"
expect_not "the server's folder is never shown" "$work/saved"
check "a text copy was saved" sh -c "grep -qF 'Questions to discuss with your clinician' '$work'/saved/summary-*.txt"
check "an HTML copy was saved" sh -c "grep -qF '<h1>Questions to discuss with your clinician</h1>' '$work'/saved/summary-*.html"
check "the HTML copy declares its charset and language" sh -c "grep -qF '<html lang=\"en\"><head><meta charset=\"utf-8\">' '$work'/saved/summary-*.html"
check "a PDF copy was saved" sh -c "pdftotext '$work'/saved/summary-*.pdf - | grep -qF 'Questions to discuss with your clinician'"
check "saved files are private (0600)" sh -c "test \"\$(stat -c %a '$work'/saved/summary-*.txt '$work'/saved/summary-*.pdf | sort -u)\" = 600"

# Back through the path to the antidepressant question; change the answer.
for _ in $(seq 1 30); do
    screen | grep -qF "Do you take an antidepressant now?" && break
    keys BSpace
    sleep 0.1
done
expect "back reaches the earlier question" "Do you take an antidepressant now?"
expect "the earlier answer is kept" "(*) Yes"
keys 2 Enter
answer_until_summary
keys p
expect "printed again" "Sent to the printer"
pdftotext "$work/rec/text" "$work/second.txt"
check "the changed path dropped the old answer" sh -c "! grep -qF Sertraline '$work/second.txt'"
check "the new answer is in the summary" grep -qF "Do you take an antidepressant now? — No" "$work/second.txt"

# Any page prints from the reader: the choices table, as a ruled table.
rm -f "$work/rec/text"
keys Escape
keys "$(menu_number "Choices about your antidepressant")"
expect "the choices page opens" "What your care team may decide"
expect "the reader offers p print" "p print"
keys p
expect "the page is sent to the printer" "Sent to the printer"
pdftotext "$work/rec/text" "$work/page.txt"
check "the printer got the page as a PDF" test "$(head -c 5 "$work/rec/text")" = "%PDF-"
check "the page's table is in it" sh -c "grep -qF 'Hold it for a' '$work/page.txt' && grep -qF 'Who' '$work/page.txt'"

# A printer that refuses the job: a clear message, the summary stays.
start 80 24 "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en --config "$work/fail.conf"
keys "$(menu_number visit)"
expect "questions start" "Question 1 of about"
answer_until_summary
keys p
expect "a failed print says so" "did not accept the summary"
expect "the whole message shows, with what to do" "ask the front desk."
expect_not "the printer command is never shown" "fail.sh"
expect "the summary is still on screen" "Your summary for the clinician"
# q with answers in progress asks first; n stays, y leaves.
keys q
expect "q asks before the answers go" "Leave and erase your answers? y/n"
expect_not "and does not quit yet" "exit="
keys n
expect_not "n: the question goes" "Leave and erase"
expect "n: the summary stays" "Your summary for the clinician"
keys q
expect "q asks again" "Leave and erase your answers? y/n"
keys y
expect "y quits" "exit=0"

# Finish (f on the summary) erases the answers now and goes home.
start 80 24 "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
keys "$(menu_number visit)"
expect "questions start" "Question 1 of about"
answer_until_summary
keys f
expect "f: Finish goes home" "Get ready for your visit"
expect_not "the summary has gone" "Your summary for the clinician"
keys "$(menu_number visit)"
expect "the questions start again" "Question 1 of about"
expect_not "with nothing chosen" "(*)"
keys q
expect "no answers: q quits without asking" "exit=0"

# A broken questions.md: the home screen still comes up and every page
# opens; opening the questions names the file and line in the footer (the
# message --render, --summary and --check give, with exit status 2).
mkdir -p "$work/bad"
cp -r "$KIOSK_CONTENT_DIR/en" "$work/bad/"
cp "$KIOSK_TEST_DATA/bad-flows/unknown-target.md" "$work/bad/en/questions.md"
start 160 24 "$KIOSK" --content "$work/bad" --lang en
expect "a broken flow does not stop the home screen" "visit"
keys "$(menu_number visit)"
expect "opening it names the file and line" "en/questions.md:5: error: answer"
keys "$(menu_number "Possible benefits")"
expect "pages still open" "Up/Down scroll"
quit
expect "quits" "exit=0"
check "--render still refuses the broken flow (exit 2)" \
    sh -c '"$1" --content "$2" --lang en --render faq.md >/dev/null 2>&1; test $? = 2' sh "$KIOSK" "$work/bad"
check "plain mode names it too" sh -c 'printf "1\nq\n" | "$1" --plain --content "$2" --lang en |
    grep -qF "questions.md:5: error:"' sh "$KIOSK" "$work/bad"

finish
