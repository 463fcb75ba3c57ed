# SPDX-License-Identifier: GPL-3.0-or-later
# tests/lib.sh: helpers for the end-to-end tests: the real binary in a
# detached tmux server on a private socket; poll the screen, never sleep blind.
# Sourced by tests/e2e/*.sh. Needs KIOSK and TMUX_PROG (set by make check).

set -u
: "${KIOSK:?KIOSK (the binary) is not set; run through make check}"
: "${TMUX_PROG:=tmux}"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset TMUX
TMUX_TMPDIR=$(mktemp -d)
export TMUX_TMPDIR
T() { "$TMUX_PROG" -L kiosk -f /dev/null "$@"; }
cleanup() { T kill-server 2>/dev/null; rm -rf "$TMUX_TMPDIR"; }
trap cleanup EXIT
# A session that outlives every test session, so replacing one never stops
# the server (a new server racing the old one's exit loses the socket).
# Starting a tmux server now and then fails at once ("server exited
# unexpectedly"); every start is retried a few times.
for _ in 1 2 3 4 5; do
    T new-session -d -s keep -x 80 -y 24 "sleep 86400" 2>/dev/null && T has-session -t keep 2>/dev/null && break
    sleep 0.3
done

failures=0
checks=0

# start W H CMD...: run CMD in a fresh session of W x H; the pane outlives it
# so its exit status can be read ("exit=N").
start() {
    local w=$1 h=$2
    shift 2
    local attempt
    for attempt in 1 2 3 4 5; do
        T kill-session -t k 2>/dev/null
        T new-session -d -s k -x "$w" -y "$h" \
            "env TERM=tmux-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 $*; echo exit=\$?; sleep 60" \
            2>/dev/null && T has-session -t k 2>/dev/null && return 0
        sleep 0.3
    done
    echo "tmux would not start a session"
    return 1
}

# start_raw W H COMMAND: like start, with COMMAND (one shell string) run as
# given, for tests that set the pane's environment themselves.
start_raw() {
    local attempt
    for attempt in 1 2 3 4 5; do
        T kill-session -t k 2>/dev/null
        T new-session -d -s k -x "$1" -y "$2" "$3" 2>/dev/null && T has-session -t k 2>/dev/null && return 0
        sleep 0.3
    done
    echo "tmux would not start a session"
    return 1
}

screen() { T capture-pane -p -t k; }

# wait_for TEXT [SECONDS]: poll until TEXT is on screen.
wait_for() {
    local text=$1 tries=$(( ${2:-5} * 10 ))
    while [ "$tries" -gt 0 ]; do
        screen | grep -qF -- "$text" && return 0
        sleep 0.1
        tries=$((tries - 1))
    done
    return 1
}

# wait_gone TEXT [SECONDS]: poll until TEXT has left the screen.
wait_gone() {
    local text=$1 tries=$(( ${2:-5} * 10 ))
    while [ "$tries" -gt 0 ]; do
        screen | grep -qF -- "$text" || return 0
        sleep 0.1
        tries=$((tries - 1))
    done
    return 1
}

keys() {
    T send-keys -t k "$@"
    # A lone Esc is told from the start of a key's escape sequence by the
    # quiet after it (about 50 ms, app/tui/keys.c); a person's next key never
    # comes sooner, so the test's does not either.
    case " $* " in *" Escape "*) sleep 0.1 ;; esac
}

# expect NAME TEXT: pass if TEXT appears on screen within 5 s.
expect() {
    checks=$((checks + 1))
    if wait_for "$2"; then
        echo "ok - $1"
    else
        failures=$((failures + 1))
        echo "not ok - $1: \"$2\" not on screen. Screen was:"
        screen | sed 's/^/    | /'
    fi
}

# expect_within SECONDS NAME TEXT: expect, for a step that may take long
# (a huge page in a sanitizer build on a loaded machine).
expect_within() {
    checks=$((checks + 1))
    if wait_for "$3" "$1"; then
        echo "ok - $2"
    else
        failures=$((failures + 1))
        echo "not ok - $2: \"$3\" not on screen. Screen was:"
        screen | sed 's/^/    | /'
    fi
}

# expect_not NAME TEXT: pass if TEXT is not (or no longer) on screen.
expect_not() {
    checks=$((checks + 1))
    if wait_gone "$2" 2; then
        echo "ok - $1"
    else
        failures=$((failures + 1))
        echo "not ok - $1: \"$2\" is still on screen. Screen was:"
        screen | sed 's/^/    | /'
    fi
}

# position: the reader's "FIRST-LAST of TOTAL" indicator on screen.
position() { screen | grep -oE '[0-9]+-[0-9]+ of [0-9]+' | tail -1; }

# wait_position_changes OLD: poll (at most 5 s) until the position is not OLD.
wait_position_changes() {
    local tries=50
    while [ $tries -gt 0 ] && [ "$(position)" = "$1" ]; do
        sleep 0.1
        tries=$((tries - 1))
    done
}

# expect_scrolled NAME OLD: pass if the page's first line moved down from
# where the position OLD put it.
expect_scrolled() {
    wait_position_changes "$2"
    local now
    now=$(position)
    checks=$((checks + 1))
    if [ -n "$now" ] && [ "${now%%-*}" -gt "${2%%-*}" ]; then
        echo "ok - $1 ($2 -> $now)"
    else
        failures=$((failures + 1))
        echo "not ok - $1: the position was \"$2\" and is \"$now\". Screen was:"
        screen | sed 's/^/    | /'
    fi
}

# wait_screen_changes OLD: poll (at most 5 s) until the screen is not OLD.
wait_screen_changes() {
    local tries=50
    while [ $tries -gt 0 ] && [ "$(screen)" = "$1" ]; do
        sleep 0.1
        tries=$((tries - 1))
    done
}

# new_lines OLD: how many lines with text on screen were not on the screen OLD.
new_lines() {
    local f
    f=$(mktemp)
    printf '%s\n' "$1" >"$f"
    screen | grep -v '^ *$' | grep -cvxF -f "$f"
    rm -f "$f"
}

resize() { T resize-window -t k -x "$1" -y "$2"; }

# The widest line on screen, in cells (wc -L counts display width).
screen_width() { screen | wc -L; }

finish() {
    echo "$((checks - failures)) passed, $failures failed"
    [ "$failures" -eq 0 ]
}

# menu_number TEXT: the number of the menu row that contains TEXT.
menu_number() {
    wait_for "$1"
    screen | grep -F -- "$1" | grep -oE '[0-9]+\. ' | head -1 | tr -d '. '
}

# last_choice: the highest answer number on a question screen.
last_choice() {
    screen | grep -oE '^ [> ] ?[0-9]+\. [[(]' | grep -oE '[0-9]+' | sort -n | tail -1
}

# chosen N: answer N on the question screen shows as chosen, "(*)" or "[x]".
chosen() {
    screen | grep -qE "^ [> ] ?$1\. (\(\*\)|\[x\]) "
}

# answer_until_summary: answer every question with its last choice (and
# go on past an urgent page) until the summary shows.
# SUMMARY_MARK and URGENT_MARK name those screens in the language shown.
SUMMARY_MARK="Your summary for the clinician"
URGENT_MARK="Urgent: help is available now"
# The question builder before the summary: n goes on past it.
ASK_MARK="Your questions for your care team"
answer_until_summary() {
    local i=0
    while [ $i -lt 40 ]; do
        i=$((i + 1))
        screen | grep -qF "$SUMMARY_MARK" && return 0
        if screen | grep -qF "$ASK_MARK"; then
            keys n
            wait_for "$SUMMARY_MARK"
        elif screen | grep -qF "$URGENT_MARK"; then
            local top
            top=$(screen | head -1)
            keys Enter
            wait_title_changes "$top"
        else
            local before n
            settle
            before=$(screen | head -1)
            n=$(last_choice)
            [ -n "$n" ] || { sleep 0.1; continue; }
            # Choose it only if not already chosen: on a second walk the
            # answers are kept, and a number ticks a box or unticks it.
            if ! chosen "$n"; then
                if [ "$n" -gt 9 ]; then keys Down; for _ in $(seq 2 "$n"); do keys Down; done; keys Space; else keys "$n"; fi
            fi
            keys Enter
            wait_title_changes "$before"
        fi
    done
    wait_for "$SUMMARY_MARK"
}

# translated LANG MSGID: the program's translation of MSGID from locale/LANG.po.
translated() {
    msggrep --no-wrap -K -E -e "^$2\$" "$KIOSK_SRCDIR/locale/$1.po" |
        sed -n 's/^msgstr "\(.*\)"$/\1/p' | tail -1
}

# settle: poll until two captures a tenth of a second apart agree (a screen
# being drawn on a loaded machine is not read half-way).
settle() {
    local a b tries=30
    a=$(screen)
    while [ $tries -gt 0 ]; do
        sleep 0.1
        b=$(screen)
        [ "$a" = "$b" ] && return 0
        a=$b
        tries=$((tries - 1))
    done
}

# wait_title_changes OLD: poll until the top row is no longer OLD.
wait_title_changes() {
    local tries=100
    while [ $tries -gt 0 ] && [ "$(screen | head -1)" = "$1" ]; do
        sleep 0.1
        tries=$((tries - 1))
    done
}

# check NAME COMMAND...: a test that is not about the screen.
check() {
    local name=$1
    shift
    checks=$((checks + 1))
    if "$@"; then
        echo "ok - $name"
    else
        failures=$((failures + 1))
        echo "not ok - $name"
    fi
}

# quit: q, and when the program asks first ("Leave and erase your
# answers?", with answers in progress) the answer y.
quit() {
    keys q
    local tries=20
    while [ $tries -gt 0 ]; do
        screen | grep -qF "exit=" && return 0
        if screen | grep -qE 'y/n|y = sí|y 是'; then
            keys y
            return 0
        fi
        sleep 0.1
        tries=$((tries - 1))
    done
}
