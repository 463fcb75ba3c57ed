# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/takehome.sh: the patient's own questions and the take-home code.
# Tick a question in the builder, write one in Spanish and Chinese, see both
# in the summary and the printout; decode the on-screen QR code with zbarimg
# from a picture made of the captured cells, and find them in it; after the
# idle wipe the next patient's builder and summary are empty again.
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT
mkdir -p "$work/rec"
printf '[kiosk]\nidle_timeout = 30\ncountdown = 10\n[print]\ncommand = %s/print/record.sh %s/rec\n' \
    "$KIOSK_TEST_DATA" "$work" > "$work/kiosk.conf"
mine='¿Puedo manejar después? 血压怎么检查？'

# tap TEXT: a press and a release (X10 mouse reports, as tmux's terminfo
# names them) on the middle of the first place TEXT is on screen.
tap() {
    wait_for "$1"
    local x y
    read -r x y < <(screen | awk -v t="$1" '{ i = index($0, t); if (i) { print i + int(length(t) / 2), NR; exit } }')
    T send-keys -t k -H 1b 5b 4d 20 "$(printf %x $((32 + x)))" "$(printf %x $((32 + y)))"
    T send-keys -t k -H 1b 5b 4d 23 "$(printf %x $((32 + x)))" "$(printf %x $((32 + y)))"
}

# Answer every question until the builder shows.
to_builder() {
    local summary=$SUMMARY_MARK ask=$ASK_MARK
    SUMMARY_MARK=$ask
    ASK_MARK='(none)'
    answer_until_summary
    SUMMARY_MARK=$summary
    ASK_MARK=$ask
}

# The test binary's clock runs five times as fast (tui/ui_clock.h).
start 200 70 "KIOSK_TEST_CLOCK=5" "$KIOSK_TEST_BIN" --kiosk --content "$KIOSK_CONTENT_DIR" \
    --lang en --config "$work/kiosk.conf"
expect "the kiosk waits for a patient" "any key"
keys x
keys "$(menu_number visit)"
expect "questions start" "Question 1 of about"
keys 2 Enter
# Walk to the builder: it comes after the last question, before the summary.
to_builder
expect "the question builder comes before the summary" "Which side effects are common"
expect "three fields to write in" "3. (empty: press Enter to write)"
keys Space
expect "Space ticks the focused question" "> [x] Which side effects are common"
for _ in $(seq 1 9); do keys Down; done
keys Enter
expect "Enter on a field opens the text field" "Your question 1 of 3:"
expect "with an on-screen keyboard" "[ space ]"
# Keys other screens share (L language, ? help, q) are words here.
keys -l 'Lq?'
expect "L, q and ? are typed in, not acted on" "Lq?"
expect "still in the field" "Your question 1 of 3:"
# Touch: the on-screen keyboard's keys, as a touch screen reports them.
tap "[ñ]"
expect "a touch on a key types it" "Lq?ñ"
tap "[ delete ]"
tap "[ delete ]"
wait_gone "Lq?ñ"
expect "a touch on delete takes one character each" "Lq"
keys BSpace BSpace
wait_gone "Lq"
keys -l "$mine"
expect "accents and Chinese are typed in" "$mine"
keys BSpace
expect "Backspace takes off one character" "¿Puedo manejar después? 血压怎么检查"
keys -l '？'
keys Enter
expect "the field shows what was written" "1. $mine"
keys n
expect "n goes on to the summary" "$SUMMARY_MARK"
expect "the summary has the patient's own questions" "My own questions"
expect "what they wrote" "• $mine"
expect "and what they ticked" "• Which side effects are common, and how long do they last?"

keys p
expect "printed" "Sent to the printer"
# The printout is the PDF handout: read it back as text, lines joined.
pdftotext "$work/rec/text" "$work/rec.txt" 2>/dev/null
tr '\n' ' ' < "$work/rec.txt" | tr -s ' ' > "$work/rec.flat"
check "the printout has the written question" grep -qF "$mine" "$work/rec.flat"
check "and the ticked one" grep -qF "Which side effects are common" "$work/rec.flat"

keys t
expect "t shows the take-home code" "Scan this code with your phone"
if command -v zbarimg >/dev/null 2>&1; then
    # The cells between the message row and the crisis line, each a half
    # block (dark on light): two modules a cell, 4x4 pixels a module.
    screen | sed -n '3,68p' |
        sed -e 's/█/3/g' -e 's/▀/2/g' -e 's/▄/1/g' -e 's/ /0/g' > "$work/cells"
    awk -v s=4 '
        { line[NR] = $0; if (length($0) > w) w = length($0) }
        END {
            printf "P1\n%d %d\n", (w + 8) * s, (NR * 2 + 8) * s
            for (y = -4; y < NR * 2 + 4; y++)
                for (k = 0; k < s; k++) {
                    row = ""
                    for (x = -4; x < w + 4; x++) {
                        c = (y >= 0 && y < NR * 2 && x >= 0) ? substr(line[int(y / 2) + 1], x + 1, 1) : "0"
                        if (c == "") c = "0"
                        bit = (y % 2 == 0) ? int(c / 2) : c % 2
                        if (y < 0) bit = 0
                        for (j = 0; j < s; j++) row = row (bit ? "1 " : "0 ")
                    }
                    print row
                }
        }' "$work/cells" > "$work/code.pbm"
    zbarimg -q --raw "$work/code.pbm" > "$work/decoded" 2>"$work/zbar.err"
    check "zbarimg reads the code" test -s "$work/decoded"
    check "the code holds the written question" grep -qF "$mine" "$work/decoded"
    check "and the ticked one" grep -qF "Which side effects are common" "$work/decoded"
    check "under the summary's title" grep -qxF "Questions to discuss with your clinician" "$work/decoded"
    check "and the general questions (all fit at 200x70)" grep -qF "How will my blood pressure be checked?" "$work/decoded"
    check "but not the patient's answers" sh -c "! grep -qF 'Your answers' '$work/decoded'"
else
    echo "# zbarimg (zbar-tools) is not installed: the code is not decoded"
fi
keys Escape
expect "Esc goes back to the summary" "$SUMMARY_MARK"

# Walk away: the countdown wipes the patient; the next one starts empty.
expect_within 40 "the countdown ends at the attract screen" "any key to start"
keys x
keys "$(menu_number visit)"
expect "questions start again" "Question 1 of about"
keys 2 Enter
to_builder
expect "the next patient's builder is empty" "1. (empty: press Enter to write)"
expect_not "nothing is ticked" "[x]"
keys n
expect "the summary" "$SUMMARY_MARK"
expect_not "the summary has no own questions" "My own questions"
expect_not "and not the written one" "Puedo manejar"
finish
