# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/valgrind.sh: memcheck over a walk through the reader, the
# question flow, the summary and printing: no memory errors and no byte
# definitely lost. Skipped (77) where valgrind is not installed.
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"
command -v valgrind >/dev/null 2>&1 || { echo "valgrind not installed: skipped"; exit 77; }
# (A sanitizer build cannot run under valgrind; .ci/run sets this there.)
[ -z "${KIOSK_NO_VALGRIND:-}" ] || { echo "sanitizer build: skipped"; exit 77; }

work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT
mkdir -p "$work/rec"
# With a second language, read with the questions when they are first opened.
printf '[print]\ncommand = %s/print/record.sh %s/rec\n[summary]\nsecond_language = es\n' \
    "$KIOSK_TEST_DATA" "$work" > "$work/print.conf"
vg="valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
--show-leak-kinds=definite --suppressions=$KIOSK_TESTS/valgrind.supp --log-file=$work/valgrind.log"

start 80 24 "$vg" "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en --config "$work/print.conf"
expect "home under valgrind" "visit" 
keys "$(menu_number "Choices about your antidepressant")"
expect "a page under valgrind" "What your care team may decide"
keys p
# (The first PDF loads the fonts: slow under valgrind.)
if wait_for "Sent to the printer" 60; then :; fi
expect "the page printed (PDF) under valgrind" "Sent to the printer"
keys Space / && keys -l prescriber && keys Enter
keys t Enter
resize 50 20
resize 80 24
keys BSpace
keys "$(menu_number visit)"
expect "questions under valgrind" "Question 1 of about"
answer_until_summary
keys p
expect "printed under valgrind" "Sent to the printer"
check "the PDF printout has the clinician's language too" \
    sh -c 'pdftotext "$1" - | tr -d " \n" | grep -qF "Ahoramismo"' _ "$work/rec/text"
keys L
expect "language choice under valgrind" "Language / Idioma"
keys Escape
sleep 0.2
quit
if wait_for "exit=" 30; then :; fi
expect "valgrind found no errors and no definite leaks" "exit=0"
# Valgrind 3.19 does not know mlock2 (syscall 325), which locks the patient
# arena page by page; the kiosk then falls back to mlock. Its warning, and
# only that one, is not a finding.
sed -i '/unhandled amd64-linux syscall: 325$/,/it at http:\/\/valgrind.org\/support\/bug_reports.html\.$/d' \
    "$work/valgrind.log"
checks=$((checks + 1))
if [ -s "$work/valgrind.log" ]; then
    failures=$((failures + 1)); echo "not ok - valgrind reported:"; cat "$work/valgrind.log"
else
    echo "ok - the valgrind log is empty"
fi
finish
