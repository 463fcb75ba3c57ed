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

# press X Y / motion X Y (the button held) / release X Y: one report each.
press_at() {
    if [ "$proto" = sgr ]; then
        keys -l "$(printf '\033[<0;%d;%dM' "$1" "$2")"
    else
        hex 1b 5b 4d 20 "$(printf %x $((32 + $1)))" "$(printf %x $((32 + $2)))"
    fi
}
motion_at() {
    if [ "$proto" = sgr ]; then
        keys -l "$(printf '\033[<32;%d;%dM' "$1" "$2")"
    else
        hex 1b 5b 4d 40 "$(printf %x $((32 + $1)))" "$(printf %x $((32 + $2)))"
    fi
}
release_at() {
    if [ "$proto" = sgr ]; then
        keys -l "$(printf '\033[<0;%d;%dm' "$1" "$2")"
    else
        hex 1b 5b 4d 23 "$(printf %x $((32 + $1)))" "$(printf %x $((32 + $2)))"
    fi
}

# mode_1002: 1 when the program has asked the terminal (tmux) to report
# motion with a button held, else 0.
mode_1002() { T display-message -p -t k '#{mouse_button_flag}'; }

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

    # Live drag: the text follows the finger while it moves, before it is
    # lifted; the lift then neither scrolls again nor taps what is under it.
    start 80 24 "TERM=$term" "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
    expect "$term: home again" "visit"
    keys "$(menu_number "Side effects and risks")"
    expect "$term: a long page" "of "
    check "$term: the terminal is asked for motion (mode 1002)" test "$(mode_1002)" = 1
    settle
    before=$(position)
    press_at 40 14
    motion_at 40 11
    wait_position_changes "$before"
    moved=$(position)
    check "$term: a finger moving up 3 rows scrolls 3 lines before it is lifted ($before -> $moved)" \
        test "${moved%%-*}" = "$(( ${before%%-*} + 3 ))"
    motion_at 40 10
    wait_position_changes "$moved"
    further=$(position)
    check "$term: and one more row, one more line ($moved -> $further)" \
        test "${further%%-*}" = "$(( ${moved%%-*} + 1 ))"
    settle
    shown=$(screen)
    release_at 40 10
    sleep 0.3
    settle
    check "$term: the lift after a drag changes nothing" test "$(screen)" = "$shown"
    # A drag that ends on a button does not press it.
    read -r bx by < <(screen | awk '{ i = index($0, "[ Back ]"); if (i) { print i + 3, NR; exit } }')
    press_at "$bx" 6
    motion_at "$bx" "$by"
    wait_position_changes "$further"
    release_at "$bx" "$by"
    sleep 0.3
    settle
    check "$term: a drag that ends on Back scrolls back up and stays on the page ($(position))" \
        test "$(position)" = "1-20 of ${further##* of }"
    # The same drag sent at once (a press, a move and a lift in one write,
    # as a slow link delivers them): curses gives the move without its
    # press, and the lift on Back must still not press it.
    for i in 1 2 3; do
        if [ "$proto" = sgr ]; then
            keys -l "$(printf '\033[<0;%d;6M\033[<32;%d;%dM\033[<0;%d;%dm' "$bx" "$bx" "$by" "$bx" "$by")"
        else
            hex 1b 5b 4d 20 "$(printf %x $((32 + bx)))" 26 \
                1b 5b 4d 40 "$(printf %x $((32 + bx)))" "$(printf %x $((32 + by)))" \
                1b 5b 4d 23 "$(printf %x $((32 + bx)))" "$(printf %x $((32 + by)))"
        fi
        sleep 0.3
    done
    settle
    expect "$term: a drag sent at once that ends on Back stays on the page" "[ Page down ]"
    quit
    expect "$term: quits after the drag" "exit=0"
    check "$term: motion reports are turned off at the end" test "$(mode_1002)" = 0
done

finish
