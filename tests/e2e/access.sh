# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/access.sh: what screen readers, braille displays and touch users
# rely on: the terminal cursor sits on the focused choice, focus and choices
# are marked in text (not only colour), large targets, high contrast.
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

# row_of TEXT: the screen row (from 0) of the first line holding TEXT.
row_of() { screen | grep -nF -- "$1" | head -1 | cut -d: -f1 | awk '{print $1 - 1}'; }
cursor() { T display -p -t k '#{cursor_x},#{cursor_y}'; }

start 80 24 "$KIOSK" --no-color --content "$KIOSK_CONTENT_DIR" --lang en
expect "home" "visit"
check "the cursor is on the focused menu entry" test "$(cursor)" = "1,$(row_of '> 1.')"
keys Down
expect "focus moves with a text marker" "> 2."
check "the cursor follows the focus" test "$(cursor)" = "1,$(row_of '> 2.')"

keys Up Enter
expect "questions open" "Question 1 of about"
keys Down
expect "the focused answer is marked in text" "> 2. ( ) No"
check "the cursor is on the focused answer" test "$(cursor)" = "1,$(row_of '> 2. ( )')"
keys 2
expect "the chosen answer is marked in text" "(*) No"
keys q

start 80 30 "$KIOSK" --large-targets --content "$KIOSK_CONTENT_DIR" --lang en
expect "home with large targets" "visit"
check "menu entries are three rows apart" test "$(( $(row_of ' 2. ') - $(row_of ' 1. ') ))" = 3
keys 1
expect "questions with large targets" "Question 1 of about"
check "answers are three rows apart" test "$(( $(row_of ' 2. ( )') - $(row_of ' 1. ( )') ))" = 3
keys q

start 80 24 "$KIOSK" --high-contrast --content "$KIOSK_CONTENT_DIR" --lang en
expect "high contrast draws the home screen" "visit"
keys q
expect "and quits" "exit=0"

# Ctrl-C leaves like q, with status 0 (kiosk mode ignores it: kiosk.sh).
start 80 24 "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
expect "home again" "visit"
keys C-c
expect "Ctrl-C quits with status 0" "exit=0"

finish
