# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/keys.sh: real terminals' key sequences (xterm, PuTTY, rxvt, the
# linux console, VT100) sent as raw bytes to the kiosk running under TERM
# values that do not match them: none may act as Esc (leaving the page) or
# as a digit (opening a menu entry); keys that move nothing leave the screen
# exactly as it was. Then a lone Esc is still Back, the keypad's digits in
# application mode are digits, and mouse taps work in X10 and SGR form under
# TERM=screen and TERM=xterm-256color, whichever form comes.
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

# hex BYTES: the printf(1) escapes in BYTES as hex pairs for send-keys -H.
hex() { printf '%b' "$1" | od -An -v -tx1; }

# Keys after which the screen must be exactly as before.
still_keys=(
    'xterm Insert' '\x1b[2~'
    'xterm Delete' '\x1b[3~'
    'xterm F1' '\x1bOP'
    'xterm F5' '\x1b[15~'
    'xterm F12' '\x1b[24~'
    'xterm Shift-F1' '\x1b[1;2P'
    'xterm keypad 5' '\x1b[E'
    'xterm Ctrl-Enter (modifyOtherKeys)' '\x1b[27;5;13~'
    'xterm Alt-x' '\x1bx'
    'xterm Alt-3' '\x1b3'
    'PuTTY F1' '\x1b[11~'
    'PuTTY F4' '\x1b[14~'
    'PuTTY keypad 5' '\x1b[G'
    'rxvt Shift-Insert' '\x1b[2$'
    'rxvt Shift-F11' '\x1b[23$'
    'rxvt Ctrl-F1' '\x1b[11^'
    'linux F1' '\x1b[[A'
    'linux F5' '\x1b[[E'
    'vt100 PF1' '\x1bOP'
    'vt100 PF4' '\x1bOS'
    'kitty Ctrl-3 (CSI u)' '\x1b[51;5u'
    'a paste start' '\x1b[200~'
    'a device attributes reply' '\x1b[?64;1;2c'
)
# Keys that may move the page or the selection, but never leave the screen.
moving_keys=(
    'PuTTY Home' '\x1b[1~'
    'PuTTY End' '\x1b[4~'
    'xterm Page Down' '\x1b[6~'
    'xterm Page Up' '\x1b[5~'
    'xterm Home' '\x1bOH'
    'xterm End' '\x1bOF'
    'xterm Home (normal mode)' '\x1b[H'
    'xterm Down' '\x1b[B'
    'xterm Up (application)' '\x1bOA'
    'xterm Ctrl-Up' '\x1b[1;5A'
    'xterm Shift-Page Down' '\x1b[6;2~'
    'xterm Shift-Tab' '\x1b[Z'
    'PuTTY Alt-Page Down' '\x1b\x1b[6~'
    'rxvt Home' '\x1b[7~'
    'rxvt End' '\x1b[8~'
    'rxvt Ctrl-Page Up' '\x1b[5^'
    'rxvt Shift-Up' '\x1b[a'
    'rxvt Ctrl-Down' '\x1bOb'
    'linux Home' '\x1b[1~'
    'linux Page Down' '\x1b[6~'
    'X10 wheel up at column 18, row 16' '\x1b[M`31'
    'SGR wheel up' '\x1b[<64;19;17M'
)

# sync: every byte sent so far has been read: help opens on ? and closes.
sync_keys() {
    keys '?'
    wait_for "Keys you can use" || return 1
    keys x
    wait_gone "Keys you can use"
}

# try_list WHERE TERM still|moving NAME BYTES...: send each pair's bytes on the screen
# shown, and compare the screen before and after.
try_list() {
    local where=$1 term=$2 kind=$3
    shift 3
    while [ $# -gt 1 ]; do
        local name=$1 bytes=$2 before after
        shift 2
        before=$(screen)
        # shellcheck disable=SC2046
        keys -H $(hex "$bytes")
        sync_keys
        after=$(screen)
        checks=$((checks + 1))
        if [ "$kind" = still ] && [ "$after" != "$before" ]; then
            failures=$((failures + 1))
            echo "not ok - TERM=$term, $where: $name changed the screen. Before and after:"
            printf '%s\n' "$before" | sed 's/^/    < /'
            printf '%s\n' "$after" | sed 's/^/    > /'
        elif [ "$(printf '%s\n' "$after" | head -1)" != "$(printf '%s\n' "$before" | head -1)" ]; then
            failures=$((failures + 1))
            echo "not ok - TERM=$term, $where: $name left the screen. Before and after:"
            printf '%s\n' "$before" | sed 's/^/    < /'
            printf '%s\n' "$after" | sed 's/^/    > /'
        else
            echo "ok - TERM=$term, $where: $name is swallowed whole"
        fi
    done
}

for term in xterm vt100 linux rxvt; do
    start 80 24 "TERM=$term" "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
    expect "TERM=$term: home shows" " 1. "
    n=$(menu_number "Common questions")
    keys "$n"
    expect "TERM=$term: the FAQ opens" "Here are short answers"
    try_list "on a page" "$term" still "${still_keys[@]}"
    try_list "on a page" "$term" moving "${moving_keys[@]}"
    # A lone Esc is still Back.
    keys Escape
    expect "TERM=$term: a lone Esc goes back" " 1. "
    # On the home menu a digit would open a page: no key may act as one.
    [ "$term" = xterm ] && try_list "on the home menu" "$term" still "${still_keys[@]}"
    [ "$term" = xterm ] && try_list "on the home menu" "$term" moving "${moving_keys[@]}"
done

# The keypad's digits in application mode (VT100 ESC O p..y) are digits,
# whatever terminfo calls them (xterm's ka1=\EOw, vt100's ka1=\EOq).
for term in vt100 xterm; do
    start 80 24 "TERM=$term" "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
    expect "TERM=$term: home shows" " 1. "
    n=$(menu_number "Common questions")
    # One keypad key per digit (the menu may be longer than 9 entries).
    seq=
    for d in $(echo "$n" | grep -o .); do seq="$seq\\x1bO$(printf '\\x%x' $((0x70 + d)))"; done
    # shellcheck disable=SC2046
    keys -H $(hex "$seq")
    expect "TERM=$term: keypad $n opens the FAQ" "Here are short answers"
done

# Taps: X10 reports under TERM=screen (ncurses decodes them), SGR under
# xterm-256color (ncurses decodes them); each form under the other TERM too
# (decoded by the kiosk and handed to ncurses). A press and its release.
x10_tap() { printf '\\x1b[M \\x%x\\x%x\\x1b[M#\\x%x\\x%x' $(($1 + 33)) $(($2 + 33)) $(($1 + 33)) $(($2 + 33)); }
sgr_tap() { printf '\\x1b[<0;%d;%dM\\x1b[<0;%d;%dm' $(($1 + 1)) $(($2 + 1)) $(($1 + 1)) $(($2 + 1)); }
for term in screen xterm-256color; do
    for form in x10 sgr; do
        start 80 24 "TERM=$term" "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
        expect "TERM=$term: home shows" " 1. "
        row=$(screen | grep -nF "Common questions" | head -1 | cut -d: -f1)
        # shellcheck disable=SC2046
        keys -H $(hex "$("${form}_tap" 10 $((row - 1)))")
        expect "TERM=$term: a $form tap on the FAQ opens it" "Here are short answers"
    done
done

# Numbers reach every item: 1 0 opens the tenth entry, 1 and Enter (or a
# pause) the first; on a question of 14 answers 1 then 3 ticks 13 alone,
# and 1 then Enter ticks 1 and goes on (as a single digit and Enter always did).
start 80 30 "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
last=$(sed -n 's/^- \[\(.*\)\](.*)$/\1/p' "$KIOSK_CONTENT_DIR/en/index.md" | wc -l)
expect "home numbers every entry" "$last. About this information"
keys 1 0
expect "1 0 opens entry 10" "$(screen | sed -n 's/^ *10\. //p' | head -1)"
expect_not "1 0 does not open entry 1" "Question 1 of"
keys BSpace
expect "back home" "$last. About"
keys 1
expect "a digit that may grow is shown" " 1_"
expect_not "... and then opens entry 1 after a pause" "$last. About"
expect "the pause chose entry 1" "Question 1 of"
keys 2 Enter
expect "second question" "Which treatment"
keys 4 Enter
expect "third question" "Do you take an antidepressant now?"
keys 1 Enter
expect "a question of 14 answers" "14. [ ] Prefer not to say"
keys 1 3
expect "1 then 3 ticks answer 13" "13. [x] Not sure which one"
expect "... not answer 1" " 1. [ ] Sertraline"
expect "... nor answer 3" " 3. [ ] Citalopram"
keys 1 Enter
expect "1 and Enter ticks answer 1 at once and goes on" "Question 5 of"
keys BSpace
expect "... answer 1 was ticked" " 1. [x] Sertraline"

finish
