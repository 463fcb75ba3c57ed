# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/links.sh: following links inside a page: Tab focuses a link
# (drawn reversed), Enter opens the page it names, Back returns to the same
# scroll line with the same link focused, Shift-Tab goes back a link, a tap
# (an SGR mouse report under TERM=xterm-256color) opens a link; and a link
# to a missing page, to a website or to a heading of the page says what it
# does. In --plain, a link's note number [n] opens its page.
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

# tap TEXT: a press and a release in the middle of the first place TEXT is
# on screen (ASCII TEXT), as SGR reports.
tap() {
    wait_for "$1"
    local at
    at=$(screen | awk -v t="$1" '{ i = index($0, t); if (i) { print i + int(length(t) / 2), NR; exit } }')
    # shellcheck disable=SC2086
    set -- $at
    keys -l "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm' "$1" "$2" "$1" "$2")"
}

# focused TEXT: TEXT is on screen drawn reversed (SGR 7 right before it).
focused() {
    T capture-pane -p -e -t k | grep -qE $'\e\\[([0-9;]*;)?7m(\e\\[[0-9;]*m)*'"$1"
}

# wait_focused TEXT: poll (at most 5 s) until TEXT is focused.
wait_focused() {
    local tries=50
    while [ $tries -gt 0 ]; do
        focused "$1" && return 0
        sleep 0.1
        tries=$((tries - 1))
    done
    return 1
}

start 80 24 "TERM=xterm-256color" "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en
expect "home is up" "What happens at a session"
tap "What happens at a session"
expect "the page with links opens" "Before the dose"
expect "the footer names Tab when the page has links" "Tab links"
keys Down Down Down
wait_position_changes "1-20 of 72"
check "the page is scrolled a little" test "$(position)" = "4-23 of 72"
check "no link is focused yet" eval '! focused "Getting ready for a Spravato dose"'
before=$(T capture-pane -p -e -t k)
keys Tab
check "Tab focuses the first link on screen" wait_focused "Getting ready for a Spravato dose"
after=$(T capture-pane -p -e -t k)
check "the screen differs after Tab at the link" \
    test "$(printf '%s\n' "$before" | grep -F 'Getting ready for a Spravato')" != \
    "$(printf '%s\n' "$after" | grep -F 'Getting ready for a Spravato')"
was=$(position)
keys Enter
expect "Enter opens the linked page: its title shows" "Do not eat for 2 hours before your dose"
title_is() { screen | head -1 | grep -qF -- "$1"; }
check "its title is in the title bar" title_is "Getting ready for a Spravato dose"
keys Escape
expect "Back returns to the page" "Before the dose"
check "at the same scroll line ($was)" test "$(position)" = "$was"
check "with the same link focused" wait_focused "Getting ready for a Spravato dose"
keys Tab
check "Tab goes on to the next link" wait_focused "The Spravato safety"
keys Tab
check "and to the next, scrolling to it" wait_focused "How often sessions happen"
check "the page scrolled" test "$(position)" != "$was"
keys BTab
check "Shift-Tab goes back a link" wait_focused "The Spravato safety"
keys Escape
expect "Back with no link followed goes home" "Get ready for your visit: questions"
tap "What happens at a session"
expect "the page opens again" "Before the dose"
tap "Getting ready for a Spravato dose"
expect "a tap on a link opens it" "Do not eat for 2 hours before your dose"
keys Escape
expect "Back after the tap returns" "Before the dose"
keys q
expect "quits" "exit=0"

# A link to a missing page, a website and a heading of the same page.
dir=$(mktemp -d)
mkdir -p "$dir/en"
printf '# Links home\n\n- [Page one](one.md)\n' >"$dir/en/index.md"
{
    printf '# One\n\nSee [gone](gone.md) or [a site](https://example.org/).\n\n'
    printf 'Go to [the end](#the-end).\n\n'
    i=0
    while [ $i -lt 40 ]; do printf 'Filler line %d.\n\n' $i; i=$((i + 1)); done
    printf '## The end\n\nLast words.\n'
} >"$dir/en/one.md"
start 80 24 "TERM=xterm-256color" "$KIOSK" --content "$dir" --lang en
tap "Page one"
expect "the test page opens" "Filler line 1."
tap "gone"
expect "a link to a missing page says so" "the page this link goes to is missing"
tap "a site"
expect "a website link is shown, never opened" "cannot be opened here"
tap "the end"
expect "an in-page link scrolls to its heading" "Last words."
keys Escape
expect "Back returns to the top of the page" "Filler line 1."
keys q
expect "quits" "exit=0"
rm -rf "$dir"

# --plain: the page's "Links on this page" notes name the pages' titles,
# and at the end of the page a note's number reads its page (the answers
# piped in, the whole page on one screen).
out=$(printf '8\n1\n\nq\n' | env LINES=500 "$KIOSK" --plain --content "$KIOSK_CONTENT_DIR" --lang en 2>&1)
has() { printf '%s\n' "$out" | grep -qF -- "$1"; }
check "plain: the page's links are listed after it" has "Links on this page:"
check "plain: each numbered, with the page's title" has "[1] Getting ready for a Spravato dose"
check "plain: the end prompt says a number opens one" has "a link's number opens it"
check "plain: typing 1 reads the linked page" has "Ask your team whether to take your usual"

finish
