# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/plain.sh: the linear mode for screen readers (--plain, and
# TERM=dumb): numbered menus, a page a screenful at a time, the whole
# question flow typed as numbers, the summary, the language list, and never
# an escape sequence. Once on a terminal (tmux, with the raw output logged),
# once with the answers piped in.
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT
esc=$(printf '\033')

# no_esc FILE: the file holds no ESC byte.
no_esc() { [ "$(grep -c "$esc" "$1")" -eq 0 ]; }

# The last line with text on screen: the prompt waiting for an answer.
last_line() { screen | grep -v '^$' | tail -1; }

# expect_prompt NAME TEXT: pass if the waiting prompt holds TEXT within 5 s.
expect_prompt() {
    local tries=50
    checks=$((checks + 1))
    while [ $tries -gt 0 ]; do
        if last_line | grep -qF -- "$2"; then
            echo "ok - $1"
            return
        fi
        sleep 0.1
        tries=$((tries - 1))
    done
    failures=$((failures + 1))
    echo "not ok - $1: the prompt is not \"$2\". Screen was:"
    screen | sed 's/^/    | /'
}

# ---- on a terminal ----

# The program waits for the go file, so the raw log misses nothing.
T kill-session -t k 2>/dev/null
start_raw 80 24 \
    "while [ ! -e '$work/go' ]; do sleep 0.05; done; env TERM=tmux-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 \
     '$KIOSK' --plain --content '$KIOSK_CONTENT_DIR' --lang en; echo exit=\$?; sleep 60"
T pipe-pane -t k -o "cat > '$work/pane.raw'"
touch "$work/go"

expect "home shows the title" "Ketamine"
expect "home shows the crisis line" "988"
expect "the menu is numbered lines" " 1. "
expect_prompt "the prompt asks for a number" "Choose a number (L language, ? help, q quit):"

keys x Enter
expect "a wrong answer says so" "That is not one of the choices."

keys "$(menu_number "Common questions")" Enter
expect_prompt "a long page stops after a screenful" "-- More: Enter for more, b back"
before=$(screen)
keys Enter
wait_screen_changes "$before"
expect_prompt "Enter stops again after the next screenful" "-- More: Enter for more, b back"
check "Enter shows more (new lines of the page)" test "$(new_lines "$before")" -ge 10
keys b Enter
expect_prompt "b goes back to the menu" "Choose a number (L language"

keys '?' Enter
expect "help lists the keys" "Keys you can use"
expect "help names the key of the teach-back check" "e                    the short check at the end"
expect_prompt "help waits for Enter" "-- Press Enter to go back --"
keys Enter
expect_prompt "Enter leaves help for the menu" "Choose a number (L language"

keys "$(menu_number visit)" Enter
expect "the questions start" "Question 1 of about"
expect "answers are numbered with a text mark" "1. ( ) "

# plain_walk: answer every question with its first choice (ticking it in
# multiple choice) and go on past the urgent text, until the summary shows.
# saw_urgent=1 once the crisis text was on screen.
saw_urgent=0
plain_walk() {
    local i=0 before last
    while [ $i -lt 60 ]; do
        i=$((i + 1))
        before=$(screen)
        echo "$before" | grep -qF "Questions to discuss with your clinician" && return 0
        last=$(echo "$before" | grep -v '^$' | tail -2 | tr -d '\n')
        # The urgent page is longer than the window: its own prompt tells it.
        case $last in *"Press Enter when you have told someone"*) saw_urgent=1 ;; esac
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

plain_walk
check "the urgent answer showed its page at once" test "$saw_urgent" = 1
expect "the summary shows" "Questions to discuss with your clinician"
for _ in $(seq 1 10); do
    wait_for "r read again" 1 && break
    keys Enter
done
expect "the summary offers its keys, Finish among them" "b change answers, h home, f finish"
keys b Enter
expect "b goes back to the last question, answer kept" "1. (*) "
keys h Enter
expect_prompt "h goes home" "Choose a number (L language"
keys L Enter
expect "L lists the languages by their own names" "English"
expect_prompt "the language list asks for a number" "Choose a number, or press Enter"
keys Enter
expect_prompt "Enter leaves the language list" "Choose a number (L language"
keys q Enter
expect_prompt "q with answers in progress asks first" "Leave and erase your answers? y/n"
keys n Enter
expect_prompt "n stays" "Choose a number (L language"
keys q Enter
expect_prompt "q asks again" "Leave and erase your answers? y/n"
keys y Enter
expect "q quits with status 0" "exit=0"
check "nothing on the terminal was an escape sequence" no_esc "$work/pane.raw"

# ---- piped, with TERM=dumb choosing the mode ----

menu=$(printf 'q\n' | TERM=dumb "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en)
n=$(echo "$menu" | grep -F "visit" | grep -oE '[0-9]+\. ' | head -1 | tr -d '. ')
check "TERM=dumb shows the numbered menu" test -n "$n"

# The questions entry, then "1" and an empty line for every question: a
# single choice takes the 1 (the empty line then only asks for an answer),
# a multiple choice ticks 1 and goes on; the urgent text takes an Enter.
{
    printf '%s\n' "$n"
    for _ in $(seq 1 40); do printf '1\n\n'; done
} > "$work/answers"
TERM=dumb "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en < "$work/answers" > "$work/piped.out" 2>&1
status=$?
check "the piped walk ends with status 0 at the end of input" test "$status" = 0
check "the flow started" grep -qF "Question 1 of about" "$work/piped.out"
check "the urgent answer printed its page" grep -qF "Urgent: help is available now" "$work/piped.out"
check "the summary title was printed" grep -qF "Questions to discuss with your clinician" "$work/piped.out"
check "the summary lists the answers" grep -qF "Your answers" "$work/piped.out"
check "the piped output holds no ESC byte" no_esc "$work/piped.out"

# Print and save from the plain summary: the stand-in printer records what
# it got; the saved copies land in the configured folder.
mkdir -p "$work/rec" "$work/tmp" "$work/saved"
printf '[clinic]\nname = Riverside Family Clinic\n[print]\ncommand = %s/print/record.sh %s/rec -d front_desk\nformat = text\nwidth = 40\n[summary]\nsave_folder = %s/saved\n' \
    "$KIOSK_TEST_DATA" "$work" "$work" > "$work/print.conf"
printf '[print]\ncommand = %s/print/fail.sh\n' "$KIOSK_TEST_DATA" > "$work/fail.conf"
{ cat "$work/answers"; printf '\n\n\n\n\n\n\n\n\n\np\ns\nq\n'; } > "$work/print-answers"
TMPDIR="$work/tmp" TERM=dumb "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en --config "$work/print.conf" \
    < "$work/print-answers" > "$work/print.out" 2>&1
check "plain: the summary offers p and s" grep -qF "p print, s save" "$work/print.out"
check "plain: printing is confirmed" grep -qF "Sent to the printer" "$work/print.out"
check "plain: the printer got the summary" grep -qF "Questions to discuss with your clinician" "$work/rec/text"
check "plain: the print command got its own arguments" grep -qxF -- "-d" "$work/rec/argv"
check "plain: the printout is the configured 40 columns wide" test "$(wc -L < "$work/rec/text")" -le 40
check "plain: the text printout starts with the clinic's name" sh -c "grep -v '^ *\$' '$work/rec/text' | head -1 | grep -qF 'Riverside Family Clinic'"
check "plain: the text printout has a Name line to fill in" grep -qE '^Name: _{10,}' "$work/rec/text"
check "plain: the text printout has a Date of birth line" grep -qE '^Date of birth: _{10,}' "$work/rec/text"
check "plain: the temporary file was private" grep -qxF 600 "$work/rec/filemode"
check "plain: the temporary file is gone" test ! -e "$(cat "$work/rec/path")"
check "plain: no temporary folder is left behind" test -z "$(ls -A "$work/tmp")"
check "plain: saving is confirmed" grep -qF "Saved as summary-" "$work/print.out"
check "plain: by the file's name, not the server's folder" sh -c '! grep -qF "$1" "$2"' _ "$work/saved" "$work/print.out"
check "plain: a text copy was saved" sh -c "grep -qF 'Questions to discuss with your clinician' '$work'/saved/summary-*.txt"
check "plain: an HTML copy was saved" sh -c "grep -qF '<h1>Questions to discuss with your clinician</h1>' '$work'/saved/summary-*.html"
check "plain: saved files are private (0600)" sh -c "test \"\$(stat -c %a '$work'/saved/summary-*.txt)\" = 600"
TERM=dumb "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en --config "$work/fail.conf" \
    < "$work/print-answers" > "$work/fail.out" 2>&1
check "plain: a failed print says so" grep -qF "did not accept the summary" "$work/fail.out"
check "plain: and that the summary is still there" \
    sh -c 'tr "\n" " " < "$1" | grep -qF "you can try again or ask the front desk."' _ "$work/fail.out"
check "plain: the failure names no command, status or path" \
    sh -c '! grep -qE "fail\.sh|exited with status|/print/" "$1"' _ "$work/fail.out"
# A folder that cannot be written: the patient reads that it was not saved,
# never the server's folder.
printf '[summary]\nsave_folder = %s/no-such-folder\n' "$work" > "$work/nosave.conf"
{ cat "$work/answers"; printf '\n\n\n\n\n\n\n\n\n\ns\nq\n'; } > "$work/save-answers"
TERM=dumb "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en --config "$work/nosave.conf" \
    < "$work/save-answers" > "$work/nosave.out" 2>&1
check "plain: a failed save says so" grep -qF "The summary could not be saved." "$work/nosave.out"
check "plain: and names no folder" sh -c '! grep -qF "no-such-folder" "$1"' _ "$work/nosave.out"

COLUMNS=40 TERM=dumb "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en < "$work/answers" > "$work/narrow.out" 2>&1
check "COLUMNS=40: no line wider than 40 cells" test "$(wc -L < "$work/narrow.out")" -le 40
check "LINES=24: a screenful and a More line" grep -qF -- "-- More: Enter for more" "$work/narrow.out"

# The teach-back check after the risks page: offered with its key, asked as
# numbered lines, a miss kept for the summary's "Things to explain again".
# LINES=1000: the page fits one screenful, so no More line takes an Enter.
risks=$(echo "$menu" | grep -F "Side effects and risks" | grep -oE '[0-9]+\. ' | head -1 | tr -d '. ')
{ printf '%s\ne\n2\n1\n\n' "$risks"; cat "$work/answers"; } |
    LINES=1000 TERM=dumb "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en > "$work/tb.out" 2>&1
check "teach-back: the page's end offers the check and names its key" \
    sh -c 'tr "\n" " " < "$1" | grep -qF "short check: did we explain it clearly? Type e and press Enter"' _ "$work/tb.out"
check "teach-back: e asks the first question, with its number" grep -qxF "Question 1 of 2" "$work/tb.out"
check "teach-back: its answers are numbered lines" grep -qxF "2. It does not change it" "$work/tb.out"
check "teach-back: a miss is never called wrong" \
    grep -qxF "Thank you. We will ask your care team to explain this again." "$work/tb.out"
check "teach-back: the second question follows" grep -qxF "Question 2 of 2" "$work/tb.out"
check "teach-back: the end thanks the patient" grep -qxF "Thank you for helping us check this page." "$work/tb.out"
check "teach-back: the summary has the section" grep -qxF "Things to explain again" "$work/tb.out"
check "teach-back: the miss is in it, with a tick box" \
    grep -qF "[ ] Please explain how ketamine can change blood pressure again." "$work/tb.out"
check "teach-back: the clear answer is not" sh -c '! grep -qF "chest pain after a session again" "$1"' _ "$work/tb.out"
# L in the middle of the check: the question comes back in Spanish, the miss
# already made is kept and the summary says it in Spanish.
{ printf '%s\ne\n2\nL\n2\n1\n\n' "$risks"; cat "$work/answers"; } |
    LINES=1000 TERM=dumb "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en > "$work/tb-es.out" 2>&1
check "teach-back: after L the question is in the new language" \
    grep -qF "Después de una sesión, ¿qué hace si tiene dolor en el pecho?" "$work/tb-es.out"
check "teach-back: the summary's section is in Spanish" grep -qxF "Cosas que hay que explicar otra vez" "$work/tb-es.out"
check "teach-back: the miss made before L is in it, in Spanish" \
    sh -c 'tr -s "\n " "  " < "$1" | grep -qF "Por favor, explique otra vez cómo la ketamina puede cambiar la presión arterial."' \
    _ "$work/tb-es.out"

# Another language mid-way: the answers stay, the words change.
mkdir -p "$work/content"
cp -r "$KIOSK_CONTENT_DIR/en" "$work/content/en"
cp -r "$KIOSK_CONTENT_DIR/en" "$work/content/es"
sed -i 's/^language-name: .*/language-name: Español/; s/^# .*/# Título en español/' "$work/content/es/index.md"
es=$(printf 'L\nq\n' | TERM=dumb "$KIOSK" --content "$work/content" --lang en | grep -F "Español" | grep -oE '[0-9]+\. ' | head -1 | tr -d '. ')
printf '%s\n2\nL\n%s\nb\nh\nq\n' "$n" "$es" |
    TERM=dumb "$KIOSK" --content "$work/content" --lang en > "$work/lang.out" 2>&1
check "L lists each language by its own name" grep -qxF "$es. Español" "$work/lang.out"
check "the answer is kept after the switch" grep -qF "2. (*) " "$work/lang.out"
check "home is in the new language" grep -qF "Título en español" "$work/lang.out"

printf 'q\n' | TERM=dumb "$KIOSK" --kiosk --content "$KIOSK_CONTENT_DIR" --lang en > "$work/kiosk.out" 2>&1
status=$?
check "kiosk: q does not quit" grep -qF "Ask the front desk for help." "$work/kiosk.out"
check "kiosk: the end of input still ends cleanly" test "$status" = 0

"$KIOSK" --plain --content "$KIOSK_CONTENT_DIR" "$KIOSK_CONTENT_DIR/en/faq.md" </dev/null > "$work/file.out" 2>&1
check "a file preview prints the page" grep -qF "Common questions" "$work/file.out"
check "a file preview holds no ESC byte" no_esc "$work/file.out"

# Tables are cards of "Header: value" lines at any width, even one that
# would hold the grid.
choices=$(printf 'q\n' | TERM=dumb "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en |
    grep -F "Choices about your antidepressant" | grep -oE '[0-9]+\. ' | head -1 | tr -d '. ')
printf '%s\n\n\n\n\n\nq\n' "$choices" | COLUMNS=300 TERM=dumb "$KIOSK" --content "$KIOSK_CONTENT_DIR" \
    --lang en > "$work/cards.out" 2>&1
check "a table is read as cards at 300 columns" grep -qxF "Choice: Keep taking it as usual" "$work/cards.out"
check "and its every cell has its header" grep -qF "Who decides: Your prescriber" "$work/cards.out"
check "and no grid row is drawn" sh -c '! grep -qE "^(│|\|) ?Choice" "$1"' _ "$work/cards.out"

# The terminal's own width wins over a wrong $COLUMNS: 50 columns in tmux.
T kill-session -t k 2>/dev/null
rm -f "$work/go"
start_raw 50 24 \
    "while [ ! -e '$work/go' ]; do sleep 0.05; done; env COLUMNS=200 LINES=90 TERM=tmux-256color LANG=C.UTF-8 \
     LC_ALL=C.UTF-8 '$KIOSK' --plain --content '$KIOSK_CONTENT_DIR' --lang en; echo exit=\$?; sleep 60"
T pipe-pane -t k -o "cat > '$work/narrow.raw'"
touch "$work/go"
expect_prompt "50 columns: the menu waits (its prompt wrapped)" "quit):"
keys "$choices" Enter
expect_prompt "50 columns: a page stops after the window's 24 rows, not \$LINES" "reading --"
keys q Enter
expect_prompt "50 columns: back at the menu" "quit):"
check "50 columns: no line is wider than the terminal" \
    test "$(tr -d '\r' < "$work/narrow.raw" | wc -L)" -le 50
check "50 columns: the page was wrapped to the window" \
    test "$(tr -d '\r' < "$work/narrow.raw" | wc -L)" -ge 40

# The kiosk countdown: any key, no Enter, carries on with the answers kept.
# The test binary's clock runs five times as fast (tui/ui_clock.h): the 10 s
# idle time and the 10 s countdown take 2 s each.
printf '[kiosk]\nidle_timeout = 10\ncountdown = 10\n[print]\ncommand =\n' > "$work/idle.conf"
T kill-session -t k 2>/dev/null
start_raw 80 24 \
    "env KIOSK_TEST_CLOCK=5 TERM=tmux-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 '$KIOSK_TEST_BIN' --plain --kiosk \
     --config '$work/idle.conf' --content '$KIOSK_CONTENT_DIR' --lang en; echo exit=\$?; sleep 60"
expect_prompt "kiosk: the menu waits" "Choose a number"
keys "$n" Enter
expect "kiosk: the questions start" "Question 1 of about"
keys 2 Enter
expect "kiosk: the first answer is taken" "Question 2 of about"
expect "kiosk: idle asks if the patient is still there" "Are you still there?"
expect "kiosk: the countdown says any key" "Press any key within 10 seconds to go on."
keys x
expect_prompt "kiosk: one key, no Enter, shows the question's prompt again" "Choose a number (b back"
keys b Enter
expect "kiosk: and the answer was kept" "2. (*) "
not_erased() { ! T capture-pane -p -t k -S -200 | grep -qF "were erased"; }
check "kiosk: nothing was erased" not_erased

finish
