# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/resize.sh: a resize storm: 200 resizes to random sizes (1x1,
# 20x5 and 300x80 among them) while scrolling and answering. The kiosk must
# survive, and its final screen must equal a fresh kiosk's at that size.
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

start 80 24 "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
n=$(menu_number "Choices about your antidepressant")
keys "$n"
expect "table page opens" "What your care team may decide"

sizes="1x1 20x5 300x80 40x12 80x24 33x17 120x40 200x60 41x13 2x50 150x10"
i=0
seed=7
while [ $i -lt 200 ]; do
    i=$((i + 1))
    seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
    set -- $sizes
    shift $(( seed % 11 ))
    w=${1%x*} h=${1#*x}
    resize "$w" "$h"
    case $(( seed % 5 )) in
        0) keys Space ;;
        1) keys j ;;
        2) keys b ;;
        3) keys k ;;
        4) keys G ;;
    esac
done
resize 100 30
# A key pressed while the window is too small is ignored: wait for a full screen.
wait_for "Thinking about hurting yourself"
keys g
sleep 0.3
checks=$((checks + 1))
if screen | grep -q "exit="; then
    failures=$((failures + 1)); echo "not ok - the kiosk died in the storm:"; screen
else
    echo "ok - the kiosk survived 200 resizes"
fi
expect "the page is still open" "What your care team may decide"
storm=$(screen)

# A fresh kiosk at the final size, on the same page, at the top.
start 100 30 "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
keys "$(menu_number "Choices about your antidepressant")"
expect "fresh kiosk opens the page" "What your care team may decide"
sleep 0.3
checks=$((checks + 1))
if [ "$storm" = "$(screen)" ]; then
    echo "ok - after the storm the screen equals a fresh one at 100x30"
else
    failures=$((failures + 1))
    echo "not ok - after the storm the screen differs from a fresh one:"
    echo "$storm" | diff - <(screen) | head -20
fi

# Answering questions through resizes keeps the answers.
keys Escape
sleep 0.1
keys "$(menu_number visit)"
expect "questions open" "Question 1 of about"
keys 2
resize 20 5
resize 300 80
resize 1 1
resize 80 24
expect "the answer survived the resizes" "(*) No"
quit
expect "quits cleanly" "exit=0"

finish
