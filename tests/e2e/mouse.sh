# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/mouse.sh: touch (a mouse click) end to end: tap a home menu entry,
# an answer, and the Next and Back buttons, as a touch screen reports them:
# SGR reports under TERM=xterm-256color, X10 reports under TERM=screen. The
# reports are the bytes a terminal sends, written into the pane.
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

# hex BYTES...: send raw bytes (as hex) to the program.
hex() { T send-keys -t k -H "$@"; }

# tap_at X Y: a press and a release at column X, row Y (1-based), in the
# encoding of $proto (sgr or x10).
tap_at() {
    if [ "$proto" = sgr ]; then
        keys -l "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm' "$1" "$2" "$1" "$2")"
    else
        hex 1b 5b 4d 20 "$(printf %x $((32 + $1)))" "$(printf %x $((32 + $2)))"
        hex 1b 5b 4d 23 "$(printf %x $((32 + $1)))" "$(printf %x $((32 + $2)))"
    fi
}

# tap TEXT: tap the middle of the first place TEXT is on screen (ASCII TEXT).
tap() {
    wait_for "$1"
    local at
    at=$(screen | awk -v t="$1" '{ i = index($0, t); if (i) { print i + int(length(t) / 2), NR; exit } }')
    # shellcheck disable=SC2086
    tap_at $at
}

for term in xterm-256color screen; do
    proto=x10
    [ "$term" = xterm-256color ] && proto=sgr
    start 80 24 "TERM=$term" "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
    expect "$term: home is up" "visit"
    tap "Get ready for your visit"
    expect "$term: tapping the menu entry opens the questions" "Question 1 of about"
    expect_not "$term: no answer is chosen yet" "(*)"
    tap "2. ( ) No"
    expect "$term: tapping an answer chooses it" "2. (*) No"
    expect_not "$term: and only that one" "1. (*)"
    tap "Next >"
    expect "$term: tapping Next goes on" "Question 2 of about"
    tap "< Back"
    expect "$term: tapping Back returns" "Question 1 of about"
    expect "$term: with the tapped answer kept" "2. (*) No"
    tap "Home ]"
    expect "$term: tapping Home goes home" "visit"
    expect_not "$term: the question has gone" "Question 1 of about"
    quit
    expect "$term: quits" "exit=0"
done

finish
