# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/reader.sh: the reader end to end: home screen, a page with the
# comparison table, scrolling, resizing, search, contents, help, back, quit.
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

start 80 24 "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
expect "home shows the title" "Ketamine"
expect "home shows the crisis line" "988"
expect "home numbers the menu" " 1. "
expect "menu offers the comparison table" "antidepressant"

# Open the comparison table page by its number in the menu.
n=$(screen | grep -F "antidepressant" | grep -o '[0-9]\. ' | head -1 | tr -d '. ')
keys "$n"
expect "table page opens" "What your care team may decide"
expect "table is box-drawn at 80 columns" "┌"
expect "position is shown" "of "
top=$(position)
keys Space
expect_scrolled "space scrolls a page" "$top"
keys g

resize 50 20
expect "narrow terminal reflows the title" "What your care"
checks=$((checks + 1))
if [ "$(screen_width)" -le 50 ]; then echo "ok - nothing wider than 50 columns"; else
    failures=$((failures + 1)); echo "not ok - screen wider than 50 columns"; screen; fi

resize 120 40
expect "wide terminal shows the grid" "┌"

resize 30 8
expect "tiny terminal asks for a larger window" "Please make the window larger"
resize 80 24
expect "enlarged terminal recovers" "What your care team may decide"

# A word below the first screen: search must bring it into view.
expect_not "the word searched for is not on the first screen" "discontinuation"
top=$(position)
keys /
expect "search prompt opens" "Search this page:"
keys -l "discontinuation"
keys Enter
expect_scrolled "search moves down to the word" "$top"
expect "search finds the word" "discontinuation"

keys t
expect "contents lists headings" "Contents:"
keys Escape
keys '?'
expect "help lists the keys" "Keys you can use"
keys x
expect_not "any key leaves help" "Keys you can use"

keys BSpace
expect "back returns home" " 1. "
keys q
expect "q quits with status 0" "exit=0"

# Search all pages from home: the list names exactly the pages that mention
# the word (read from the content here), and opens one at the word.
start 80 24 "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
expect "home for a search of all pages" " 1. "
keys /
expect "home's search prompt opens" "Search all pages:"
keys -l zaps
keys Enter
expect "the pages that mention the word are listed" 'Pages that mention "zaps"'
while IFS='|' read -r label page; do
    if grep -qi zaps "$KIOSK_CONTENT_DIR/en/$page"; then
        expect "the list has $page" "$label"
    else
        expect_not "the list has not $page" "$label"
    fi
done <<LIST
$(sed -n 's/^- \[\(.*\)\](\(.*\))$/\1|\2/p' "$KIOSK_CONTENT_DIR/en/index.md")
LIST
keys Enter
expect "a result opens its page" "Up/Down scroll"
expect "at the word" "zaps"
keys BSpace
expect "back goes home" "Enter open  1-9 pick"
keys /
expect "search opens again" "Search all pages:"
check "and starts from an empty query, not the last search" sh -c '! echo "$1" | grep -qF "zaps"' _ "$(screen | tail -1)"
keys -l qwertyuiop
keys Enter
expect "a word no page has says so" 'No page mentions "qwertyuiop".'
keys q
expect "search quits" "exit=0"

# Case and accents do not matter, across all pages and on a page; the match
# is highlighted as the page writes it (reverse video in capture-pane -e).
start 80 24 "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang es
expect "Spanish home" " 1. "
keys /
expect "Spanish search prompt" "Buscar en todas las páginas:"
keys -l PRESION
keys Enter
expect "a search without accents lists the pages" 'Páginas que mencionan "PRESION"'
page=$(grep -il "presión" "$KIOSK_CONTENT_DIR"/es/*.md | head -1)
label=$(sed -n "s/^- \[\(.*\)\]($(basename "$page"))\$/\1/p" "$KIOSK_CONTENT_DIR/es/index.md")
expect "among them a page that writes \"presión\"" "$label"
keys Enter
expect "a result opens at the word as written" "resión"
# poll CMD...: CMD succeeds within 5 s.
poll() { local i; for i in $(seq 50); do "$@" && return 0; sleep 0.1; done; return 1; }
# The match role: black on yellow (reverse video without colours).
highlighted() { T capture-pane -e -p -t k | grep -qE $'\e\\[(43|7)m[Pp]resión'; }
check "the accented word is highlighted whole" poll highlighted
keys /
expect "the page's search prompt" "Buscar en esta página:"
keys -l "RESIÓN"
keys Enter
part_highlighted() { T capture-pane -e -p -t k | grep -qE $'\e\\[(43|7)mresión'; }
check "a search on the page, in capitals, finds it too" poll part_highlighted
keys q

# Help at 40x12 scrolls to every key, wraps its lines (no word cut), and
# any other key still goes back.
start 40 12 "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
expect "small: home" " 1. "
keys '?'
expect "small: help opens at its top" "Keys you can use"
expect "small: the footer says how to scroll" "Up/Down scroll"
expect_not "small: the last key is below" "this help;"
for _ in 1 2 3 4 5 6; do keys NPage; done
expect "small: Page Down reaches the last key" "q quit"
expect "small: and the last line" "other key goes back."
keys PPage
expect "small: Page Up goes back up" "tick or untick"
expect "small: a long key line wraps, its end on the next line" "several answers)"
keys x
expect_not "small: another key leaves help" "Keys you can use"
expect "small: back home" " 1. "
keys q

# Unknown terminal type: a clear message and exit status 2.
start 80 24 "TERM=no-such-terminal" "$KIOSK" --content "$KIOSK_CONTENT_DIR"
expect "unknown TERM is named" "no-such-terminal"
expect "unknown TERM exits 2" "exit=2"

# A missing page in the menu: the file is named before any screen is drawn.
out=$(TERM=xterm "$KIOSK" --content "$KIOSK_TEST_DATA/content/missing-page" 2>&1 </dev/null)
status=$?
check "missing page exits 2" test "$status" = 2
check "missing page is named with its line" sh -c 'echo "$1" | grep -qF "missing-page/en/index.md:4: error: the menu names"' _ "$out"
check "nothing was drawn" sh -c 'test "$(echo "$1" | wc -l)" -eq 1' _ "$out"

# Preview any Markdown file straight in the reader.
start 80 24 "$KIOSK" --content "$KIOSK_CONTENT_DIR" "$KIOSK_CONTENT_DIR/en/faq.md"
expect "a file opens in the reader" "of "
keys q
expect "file preview quits" "exit=0"

# A long page shows its first screen before the rest is laid out; the end,
# the headings list and search still reach its last part.
big="$TMUX_TMPDIR/big.md"
awk 'BEGIN {
    for (i = 1; i <= 3000; i++) {
        printf "## Section %d\n\nParagraph %d of a long page, with enough words to wrap at eighty columns on a terminal, and an [example](https://example.org/%d).\n\n- item one\n- item two\n\n", i, i, i % 50
    }
    print "## Last heading\n\nThe word zebrafinch appears only here."
}' >"$big"
start 80 24 "$KIOSK" "$big"
expect "a long page opens" "Section 1"
keys G
expect "End reaches the end of a long page" "(100%)"
expect "the link list comes last" "https://example.org/49"
keys g t
expect "the headings list opens" "Contents:"
keys G Enter
expect "the last heading is in the list" "zebrafinch"
keys g / zebrafinch Enter
expect "search finds a word near the end" "appears only here"
keys q
expect "long page quits" "exit=0"

finish
