# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/termcopy.sh: take it home over SSH. The kiosk runs under a
# terminal made by the test (termproxy.py, between tmux and the kiosk) that
# answers the DA1 query as a terminal with a printer port and a clipboard,
# or not at all, and records every byte the kiosk writes. With the answer
# the take-home screen offers "Copy to my clipboard" and "Print on my own
# printer"; the OSC 52 payload decodes to the summary's questions and the
# media copy block holds them. Without it neither is offered, and a kiosk
# never asks.
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT
proxy="python3 $KIOSK_TESTS/e2e/termproxy.py"

# tap TEXT: a press and a release (X10 mouse reports, as tmux's terminfo
# names them) on the middle of the first place TEXT is on screen.
tap() {
    wait_for "$1"
    local x y
    read -r x y < <(screen | awk -v t="$1" '{ i = index($0, t); if (i) { print i + int(length(t) / 2), NR; exit } }')
    T send-keys -t k -H 1b 5b 4d 20 "$(printf %x $((32 + x)))" "$(printf %x $((32 + y)))"
    T send-keys -t k -H 1b 5b 4d 23 "$(printf %x $((32 + x)))" "$(printf %x $((32 + y)))"
}

# to_takehome: from the home screen, answer every question, open the code.
to_takehome() {
    keys "$(menu_number visit)"
    expect "$1: questions start" "Question 1 of about"
    keys 2 Enter
    answer_until_summary
    expect "$1: the summary" "Questions to discuss with your clinician"
    keys t
    expect "$1: t shows the take-home code" "Take your summary home"
}

# payload FILE START END: the bytes of the last block of FILE between START
# and END (Python escapes), written to stdout.
payload() {
    python3 - "$@" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
start = sys.argv[2].encode().decode("unicode_escape").encode("latin-1")
end = sys.argv[3].encode().decode("unicode_escape").encode("latin-1")
i = data.rfind(start)
j = data.find(end, i + len(start)) if i >= 0 else -1
if i < 0 or j < 0:
    sys.exit(1)
sys.stdout.buffer.write(data[i + len(start):j])
PY
}

# 1. A terminal that says it has a printer port and a clipboard.
start 100 40 "$proxy" --answer --record "$work/rec" -- "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
expect "home shows" "visit"
check "the kiosk asked the terminal what it can do (DA1)" grep -qaF "$(printf '\033[c')" "$work/rec"
to_takehome "answered"
expect "copy is offered" "[c] Copy to my clipboard"
expect "print is offered" "[p] Print on my own printer"
keys c
expect "a message says it was copied" "Copied to your own clipboard. Paste it into a note or a message."
payload "$work/rec" '\x1b]52;c;' '\x07' > "$work/osc52.b64"
check "an OSC 52 copy was written" test -s "$work/osc52.b64"
base64 -d < "$work/osc52.b64" > "$work/clip" 2>/dev/null
check "it decodes to the summary's title" grep -qxF "Questions to discuss with your clinician" "$work/clip"
check "and the questions" grep -qE '^- .+\?$' "$work/clip"
echo "# the OSC 52 copy: $(wc -c < "$work/osc52.b64") bytes of base64 for $(wc -c < "$work/clip") bytes, $(grep -c '^- ' "$work/clip") points and questions"
check "but not the patient's answers" sh -c "! grep -qF 'Your answers' '$work/clip'"
check "no control characters in it" sh -c "! LC_ALL=C grep -q '[[:cntrl:]]' '$work/clip'"
expect "the screen still shows the code" "Copied to your own clipboard"
tap "[p] Print on my own printer"
expect "a touch on print prints, and says so" "Sent to your own printer."
payload "$work/rec" '\x1b[5i' '\x1b[4i' > "$work/media"
check "a media copy block was written" test -s "$work/media"
check "its lines end in CR LF" grep -qaF "$(printf 'Questions to discuss with your clinician\r')" "$work/media"
tr -d '\r\f' < "$work/media" > "$work/printed"
check "it holds the same questions as the clipboard" cmp -s "$work/printed" "$work/clip"
question=$(grep -m1 -E '^- .+\?$' "$work/clip" | cut -c3-)
expect_not "the printed text is not drawn on the screen" "$question"
keys Escape
expect "Esc goes back to the summary" "$SUMMARY_MARK"
keys q

# 2. A terminal that never answers: neither is offered, c does nothing.
: > "$work/rec2"
start 100 40 "$proxy" --record "$work/rec2" -- "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
expect "home shows (no answer)" "visit"
to_takehome "no answer"
expect_not "copy is not offered" "Copy to my clipboard"
expect_not "print is not offered" "Print on my own printer"
keys c
expect "c leaves the code as it was" "Take your summary home"
expect_not "and says nothing was copied" "Copied to your own clipboard"
check "no OSC 52 was written" sh -c "! grep -qaF '$(printf '\033]52;')' '$work/rec2'"
check "no media copy was written" sh -c "! grep -qaF '$(printf '\033[5i')' '$work/rec2'"
keys q

# 2b. --plain asks when the take-home code is opened, and offers both.
# plain_walk (as in plain.sh): the first choice of every question.
plain_walk() {
    local i=0 before last
    while [ $i -lt 60 ]; do
        i=$((i + 1))
        before=$(screen)
        echo "$before" | grep -qF "Questions to discuss with your clinician" && return 0
        last=$(echo "$before" | grep -v '^$' | tail -2 | tr -d '\n')
        case $last in
        *"Press Enter to go on"* | *"Press Enter when you have told someone"*) keys Enter ;;
        *"tick or untick"*) keys 1 Enter Enter ;;
        *"Choose a number (b back"*) keys 1 Enter ;;
        *) sleep 0.1; continue ;;
        esac
        local tries=30
        while [ $tries -gt 0 ] && [ "$(screen)" = "$before" ]; do
            sleep 0.1
            tries=$((tries - 1))
        done
    done
    return 1
}
: > "$work/rec4"
start 100 40 "$proxy" --answer --record "$work/rec4" -- "$KIOSK" --plain --content "$KIOSK_CONTENT_DIR" --lang en
expect "plain: home shows" "visit"
check "plain: nothing is asked before the take-home code" sh -c "! grep -qaF '$(printf '\033[c')' '$work/rec4'"
keys "$(menu_number visit)" Enter
plain_walk
expect "plain: the summary" "Questions to discuss with your clinician"
for _ in $(seq 1 10); do
    wait_for "t take home" 1 && break
    keys Enter
done
keys t Enter
expect "plain: the take-home text" "The code says:"
expect "plain: copy and print are offered" "c copy to my clipboard, p print on my own printer, Enter back to the summary:"
keys c Enter
expect "plain: copied, and it says so" "Copied to your own clipboard."
payload "$work/rec4" '\x1b]52;c;' '\x07' | base64 -d > "$work/clip4" 2>/dev/null
check "plain: the OSC 52 copy holds the questions" grep -qE '^- .+\?$' "$work/clip4"
keys p Enter
expect "plain: printed, and it says so" "Sent to your own printer."
payload "$work/rec4" '\x1b[5i' '\x1b[4i' | tr -d '\r\f' > "$work/printed4"
check "plain: the media copy holds the same text" sh -c "test -s '$work/printed4' && cmp -s '$work/printed4' '$work/clip4'"
keys Enter
expect "plain: Enter goes back to the summary's keys" "r read again"
keys q Enter

# 3. A kiosk never asks: its terminal is the clinic's.
: > "$work/rec3"
start 100 40 "$proxy" --answer --record "$work/rec3" -- "$KIOSK" --kiosk --content "$KIOSK_CONTENT_DIR" --lang en
expect "the kiosk waits for a patient" "any key"
check "the kiosk sent no DA1 query" sh -c "! grep -qaF '$(printf '\033[c')' '$work/rec3'"
finish
