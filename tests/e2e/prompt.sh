# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/prompt.sh: the search prompt is a state of the main loop. On a
# page still being laid out between keys (the loop waits with no timeout
# then), "/" opens the prompt and it stays open for typing: it used to read
# its keys in a loop of its own that inherited the zero timeout, so it
# closed at once and the typed word became keys.
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

huge="$TMUX_TMPDIR/huge.md"
# A sanitizer build lays out several times slower: a fifth of the page is
# still long enough to be laid out between keys there.
sections=100000
[ -z "${KIOSK_NO_VALGRIND:-}" ] || sections=20000
awk -v n="$sections" 'BEGIN {
    for (i = 1; i <= n; i++)
        printf "## Section %d\n\nParagraph %d of a very long page, with enough words to wrap at eighty columns.\n\n", i, i
    print "## Last heading\n\nThe word zebrafinch appears only here."
}' >"$huge"
start 80 24 "$KIOSK" "$huge"
expect "a huge page opens" "Section 1"
keys /
expect "the search prompt opens while the page is still being laid out" "Search this page:"
keys -l zebrafinch
expect "it stays open for the word" "Search this page: zebrafinch"
keys Enter
expect_within 90 "and the search finds it near the end" "appears only here"
keys Escape / Escape
expect_not "Esc closes the prompt" "Search this page:"
keys q
expect "quits" "exit=0"

finish
