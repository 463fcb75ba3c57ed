# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/touch.sh: the kiosk used by touch alone, as a patient at a
# waiting-room touch screen would: no key at all once the program starts,
# only SGR mouse reports (TERM=xterm-256color). Read every page of the home
# menu to its end with the bar's Page down and leave it with Back; drag a
# page once; walk the questions with a multiple-choice answer (two boxes
# ticked) and one Back; print to a stand-in printer; Finish, and see the
# answers gone (the flow starts again with nothing chosen). At 80x24, at
# 40x12 with --large-targets, in Spanish at 40x12, and in Chinese with
# --large-targets. Then the fixed bar of every other screen: the search
# results, help and training's contents (opened by their keys, left by taps
# alone), the language choice, the take-home code and the question builder,
# and the attract screen's line in each language. Every check compares the
# screen before and after a tap.
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT
mkdir -p "$work/rec"
printf '[kiosk]\nidle_timeout = 900\n[print]\ncommand = %s/print/record.sh %s/rec\n' \
    "$KIOSK_TEST_DATA" "$work" > "$work/kiosk.conf"

# press X Y / release X Y / motion X Y: one SGR report (1-based cells).
report() { T send-keys -t k -l "$(printf '\033[<%d;%d;%d%s' "$1" "$2" "$3" "$4")"; }
tap_at() { report 0 "$1" "$2" M; report 0 "$1" "$2" m; }
# drag X Y1 Y2: press on row Y1, move with the button down, lift on row Y2.
drag() { report 0 "$1" "$2" M; report 32 "$1" "$3" M; report 0 "$1" "$3" m; }
# drag_moves X Y1 Y2: the drag, again (three times at most) until the screen
# changes. A kiosk busy when the three reports come reads them in one go, and
# curses then gives the move without its press: such a drag moves nothing,
# and never taps (mouse.sh checks that). 1 when nothing ever moved.
drag_moves() {
    local before tries=3
    before=$(screen)
    while [ $tries -gt 0 ]; do
        drag "$@"
        wait_screen_changes "$before"
        [ "$(screen)" != "$before" ] && return 0
        tries=$((tries - 1))
    done
    return 1
}

# where TEXT: "X Y" of the middle of the first place TEXT is on screen, in
# cells (wide characters count two), or nothing.
where() {
    local y=0 line
    while IFS= read -r line; do
        y=$((y + 1))
        case $line in
        *"$1"*)
            local before=${line%%"$1"*} x w
            x=$(printf '%s' "$before" | wc -L)
            w=$(printf '%s' "$1" | wc -L)
            echo "$((x + 1 + w / 2)) $y"
            return 0
            ;;
        esac
    done < <(screen)
    return 1
}

# L MSGID: the label as the program shows it in the language tested.
L() {
    if [ "$po" = en ]; then
        printf '%s' "$1"
    else
        translated "$po" "$(printf '%s' "$1" | sed 's/[][\\.*^$?+(){}|]/\\&/g')"
    fi
}

# tapped NAME TEXT: tap the middle of TEXT; pass if the screen changed.
tapped() {
    wait_for "$2"
    settle
    local at
    at=$(where "$2") || { fail_now "$1: \"$2\" is not on screen"; return 1; }
    # shellcheck disable=SC2086
    tapped_at "$1" $at
}

# tapped_at NAME X Y: tap the cell; pass if the screen changed.
tapped_at() {
    local before
    before=$(screen)
    tap_at "$2" "$3"
    wait_screen_changes "$before"
    checks=$((checks + 1))
    if [ "$(screen)" != "$before" ]; then
        return 0
    fi
    failures=$((failures + 1))
    echo "not ok - $1: tapping column $2, row $3 changed nothing. Screen was:"
    screen | sed 's/^/    | /'
    return 1
}

fail_now() {
    checks=$((checks + 1))
    failures=$((failures + 1))
    echo "not ok - $1. Screen was:"
    screen | sed 's/^/    | /'
}

# pos: "LAST TOTAL" of the page's position ("1-20 of 88", "1-20 de 88", "1-20/88").
pos() { screen | grep -oE '[0-9]+-[0-9]+( of | de |/)[0-9]+' | tail -1 | sed -E 's/^[0-9]+-([0-9]+)[^0-9]+([0-9]+)$/\1 \2/'; }

# focused_row: the screen row of the focused home menu entry.
focused_row() { screen | awk 'substr($0, 2, 1) == ">" { print NR; exit }'; }

# read_page NAME: Page down to the page's end; then Back.
read_page() {
    local label taps=0 last total
    label="[ $(L "Page down") ]"
    wait_for "$label" || { fail_now "$1: no Page down button"; return; }
    read -r last total < <(pos)
    while [ -n "$last" ] && [ "$last" -lt "$total" ] && [ $taps -lt 80 ]; do
        tapped "$1: Page down ($last of $total)" "$label" || return
        taps=$((taps + 1))
        read -r last total < <(pos)
    done
    checks=$((checks + 1))
    if [ -n "$last" ] && [ "$last" = "$total" ]; then
        echo "ok - $1: read to its end ($total lines, $taps taps on Page down)"
    else
        failures=$((failures + 1))
        echo "not ok - $1: not at the end ($last of $total)"
    fi
    local offer="[ $(L "Did we explain this clearly?") ]"
    if screen | grep -qF "$offer"; then
        # The check at the page's end: its bar's Skip and Back, the last
        # Back to the page.
        tapped "$1: the check" "$offer"
        local q1
        q1=$(screen | sed -n 3p)
        tapped "$1: the check's Skip" "[ $(L "Skip >") ]"
        check "$1: Skip shows the next question" test "$(screen | sed -n 3p)" != "$q1"
        tapped "$1: the check's Back" "[ $(L "< Back") ]"
        check "$1: Back shows the question before" test "$(screen | sed -n 3p)" = "$q1"
        tapped "$1: the check's Back to the page" "[ $(L "< Back") ]"
        expect "$1: the page again" "$offer"
    fi
    tapped "$1: Back" "[ $(L "Back") ]"
    expect "$1: Back goes home" "$home_title"
}

# answer_by_taps: every question answered by a tap (the last answer shown,
# after "more below"; on the first multiple-choice question the last two
# shown), one Back on the second question, on to the summary.
answer_by_taps() {
    local i=0 multi=0 backed=0 more next summary ask urgent go
    more=$(L "[ v more below ]")
    next="[ $(L "Next >") ]"
    # Titles are cut at 40 columns: their beginnings tell the screens apart.
    summary=$(L "Your summary for the clinician")
    summary=${summary:0:16}
    ask=$(L "Your questions for your care team")
    ask=${ask:0:16}
    urgent=$(L "Urgent: help is available now")
    urgent=${urgent:0:12}
    go="[ $(L "I have told someone: go on") ]"
    while [ $i -lt 40 ]; do
        i=$((i + 1))
        settle
        screen | grep -qF "$summary" && return 0
        if screen | grep -qF "$ask"; then
            # The builder's bar is fixed: Summary shows without a drag.
            tapped "question builder: Summary" "[ $(L "Summary") ]"
            continue
        fi
        if screen | grep -qF "$urgent"; then
            tapped "urgent page: go on" "$go"
            continue
        fi
        local n row
        if [ $multi -eq 0 ] && screen | grep -qE '^ [> ] ?[0-9]+\. \[[ x]\] '; then
            # Multiple choice: tick the first two answers (the last ones
            # may be "No" or "Not sure", which stand alone).
            multi=1
            local first
            first=$(screen | grep -oE '^ [> ] ?[0-9]+\. \[' | grep -oE '[0-9]+' | head -1)
            for k in "$first" $((first + 1)); do
                local m=0
                while ! screen | grep -qE "^ [> ] ?$k\. " && [ $m -lt 5 ]; do
                    tapped "question $i: more below" "$more" || break
                    m=$((m + 1))
                done
                row=$(screen | grep -nE "^ [> ] ?$k\. " | head -1 | cut -d: -f1)
                chosen "$k" || tapped_at "question $i: tick $k" 6 "$row"
                check "question $i: box $k ticked by a tap" chosen "$k"
            done
        else
            local m=0
            while screen | grep -qF "$more" && [ $m -lt 20 ]; do
                if [ "${step:-1}" = 3 ] && [ "$h" -ge 24 ]; then
                    # Large targets with room: the marker is three rows
                    # tall; its last row, under the label, is a target too.
                    local at
                    at=$(where "$more")
                    tapped_at "question $i: more below, the row under its label" \
                        "${at% *}" "$((${at#* } + 1))" || break
                else
                    tapped "question $i: more below" "$more" || break
                fi
                m=$((m + 1))
            done
            n=$(last_choice)
            [ -n "$n" ] || { fail_now "question $i: no answer on screen"; return 1; }
            if ! chosen "$n"; then
                row=$(screen | grep -nE "^ [> ] ?$n\. " | head -1 | cut -d: -f1)
                tapped_at "question $i: answer $n" 6 "$row"
                check "question $i: answer $n chosen by a tap" chosen "$n"
            fi
        fi
        if [ $i -eq 2 ] && [ $backed -eq 0 ]; then
            backed=1
            local t2
            t2=$(screen | head -1)
            tapped "question 2: Back" "[ $(L "< Back") ]"
            check "Back shows the question before" test "$(screen | head -1)" != "$t2"
            tapped "question 1 again: Next" "$next"
            check "Next comes back to question 2" test "$(screen | head -1)" = "$t2"
            i=$((i - 1))
            continue
        fi
        tapped "question $i: Next" "$next"
    done
    wait_for "$summary"
}

# start_home NAME W H LANG [OPTION]...: the kiosk at home, settled, with the
# test's configuration; 1 (a failed check) when home does not show.
start_home() {
    local name=$1 w=$2 h=$3 lang=$4
    shift 4
    start "$w" "$h" "TERM=xterm-256color" "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang "$lang" \
        --config "$work/kiosk.conf" "$@"
    wait_for "1. " || { fail_now "$name: home did not show"; return 1; }
    settle
}

# run NAME W H LANG PO PAGES [OPTION]...: PAGES "all" reads every page of
# the menu; "some" the first and the last (the others are the same taps).
run() {
    local name=$1 w=$2 h=$3 lang=$4 pages=$6
    po=$5
    shift 6
    rm -f "$work/rec/text"
    start_home "$name" "$w" "$h" "$lang" "$@" || return
    home_title=$(screen | head -1 | sed 's/^ *//')
    local entries step=1
    entries=$(grep -cE '^ *[-*] \[.*\]\(.*\.md\)' "$KIOSK_CONTENT_DIR/$lang/index.md")
    case " $* " in *" --large-targets "*) step=3 ;; esac
    # Every page of the menu (entry 1 is the questions): a drag up by one
    # entry moves the focus on, a tap opens it.
    local e=1
    while [ $e -lt "$entries" ]; do
        local row before to=$((e + 1))
        [ "$pages" = all ] || [ $e -eq 1 ] || to=$entries
        while [ $e -lt $to ]; do
            settle
            row=$(focused_row)
            drag_moves 10 "$((row + 1))" "$((row + 1 - step))"
            e=$((e + 1))
        done
        row=$(focused_row)
        tapped_at "$name: open entry $e" 8 "$row" || continue
        if [ "$e" = 2 ]; then
            # Drag the text up by three rows: it follows the finger.
            settle
            check "$name: a drag scrolls the page" drag_moves 10 6 3
        fi
        read_page "$name: entry $e"
    done
    # Back to the first entry (the questions): drags down, then a tap.
    local d=0
    while [ "$(focused_row)" != "" ] && ! screen | grep -qE '^ > +1\. ' && [ $d -lt 30 ]; do
        drag_moves 10 3 "$((h - 4))"
        d=$((d + 1))
    done
    tapped_at "$name: open the questions" 8 "$(focused_row)"
    answer_by_taps
    local title
    title=$(L "Your summary for the clinician")
    expect "$name: the summary" "${title:0:16}"
    if screen | grep -qF "[ $(L "My questions") ]"; then
        # The builder again, and its Back: the last question, then Next
        # goes on to the summary (the builder is seen once).
        local ask
        ask=$(L "Your questions for your care team")
        tapped "$name: My questions" "[ $(L "My questions") ]"
        expect "$name: the question builder" "${ask:0:16}"
        tapped "$name: question builder Back" "[ $(L "< Back") ]"
        check "$name: Back leaves the builder for the last question" \
            eval '! screen | grep -qF "${ask:0:16}" && ! screen | grep -qF "${title:0:16}"'
        tapped "$name: the last question's Next" "[ $(L "Next >") ]"
        expect "$name: on to the summary" "${title:0:16}"
    fi
    if screen | grep -qF "[ $(L "Take home") ]"; then
        local takehome
        takehome=$(L "Take your summary home")
        tapped "$name: Take home" "[ $(L "Take home") ]"
        expect "$name: the take-home code" "${takehome:0:12}"
        back_by_tap "$name: take-home Back" Back "${title:0:16}"
    fi
    tapped "$name: Print" "[ $(L "Print") ]"
    local sent
    sent=$(L "Sent to the printer. Please collect it at the front desk.")
    expect "$name: printed" "${sent:0:8}"
    local i=0
    while [ ! -s "$work/rec/text" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
    check "$name: the stand-in printer got the summary" test -s "$work/rec/text"
    tapped "$name: Finish" "[ $(L "Finish") ]"
    expect "$name: Finish goes back to the start" "$home_title"
    # The answers are gone: the questions start again with nothing chosen.
    tapped_at "$name: the questions again" 8 "$(focused_row)"
    settle
    check "$name: nothing chosen after Finish" eval '! screen | grep -qE "^ [> ] ?[0-9]+\. (\(\*\)|\[x\]) "'
    check "$name: back at the first question" eval 'screen | grep -qE "^ [> ] ?1\. "'
}

# back_by_tap NAME LABEL TITLE: tap the bar's LABEL; TITLE must show after.
back_by_tap() {
    tapped "$1" "[ $(L "$2") ]" && expect "$1: back at the screen before" "$3"
}

# bars NAME W H LANG PO [OPTION]...: the fixed bar of the screens only a key
# opens (search results, help), each opened by its key and then left by
# taps alone; and the language choice, opened by a tap on home's language row.
bars() {
    local name=$1 w=$2 h=$3 lang=$4
    po=$5
    shift 5
    start_home "$name" "$w" "$h" "$lang" "$@" || return
    home_title=$(screen | head -1 | sed 's/^ *//')
    local prompt
    prompt=$(L "Search all pages: ")
    for button in Back Home; do
        keys /
        wait_for "${prompt:0:6}"
        keys -l SSRI
        keys Enter
        wait_gone "$home_title" || { fail_now "$name: no search results"; return; }
        back_by_tap "$name: results $button" "$button" "$home_title"
    done
    keys '?'
    local help
    help=$(L "Keys you can use:")
    wait_for "${help:0:8}" || { fail_now "$name: help did not open"; return; }
    if screen | grep -qF "[ $(L "Page down") ]"; then
        tapped "$name: help Page down" "[ $(L "Page down") ]"
        check "$name: help scrolled" eval '! screen | grep -qF "${help:0:8}"'
        tapped "$name: help Page up" "[ $(L "Page up") ]"
        expect "$name: help back at its top" "${help:0:8}"
    fi
    back_by_tap "$name: help Back" Back "$home_title"
    settle
    tapped_at "$name: the language row" 5 2
    expect "$name: the language choice" "Language / Idioma"
    back_by_tap "$name: language Back" Back "$home_title"
}

# contents_bar NAME W H LANG PO [OPTION]...: training's contents (the key c)
# left by its bar: Back to the page c was pressed on, Home to the menu.
contents_bar() {
    local name=$1 w=$2 h=$3 lang=$4
    po=$5
    shift 5
    start "$w" "$h" "TERM=xterm-256color" "$KIOSK" --training --content "$KIOSK_CONTENT_DIR" \
        --lang "$lang" --config "$work/kiosk.conf" "$@"
    wait_for "2. " || { fail_now "$name: home did not show"; return; }
    settle
    home_title=$(screen | head -1 | sed 's/^ *//')
    local contents page
    contents=$(L "Training: all pages and questions")
    tapped_at "$name: open entry 2" 8 "$(screen | grep -nE '^ [> ] ?2\. ' | head -1 | cut -d: -f1)"
    wait_gone "$home_title"
    settle
    page=$(screen | head -1 | sed 's/^ *//')
    keys c
    wait_for "${contents:0:8}" || { fail_now "$name: the contents did not open"; return; }
    back_by_tap "$name: contents Back" Back "$page"
    keys c
    wait_for "${contents:0:8}"
    back_by_tap "$name: contents Home" Home "$home_title"
}

# attract NAME W H [OPTION]...: the kiosk's attract screen says "Touch the
# screen or press any key to start." in every language, one line each; a
# tap on a language's line starts the visit in that language.
attract() {
    local name=$1 w=$2 h=$3
    shift 3
    local lang
    for lang in en es zh; do
        po=$lang
        [ "$lang" = zh ] && po=zh_CN
        start "$w" "$h" "TERM=xterm-256color" "$KIOSK" --kiosk --content "$KIOSK_CONTENT_DIR" \
            --lang en --config "$work/kiosk.conf" "$@"
        local said title
        said=$(L "Touch the screen or press any key to start.")
        title=$(grep -m1 '^# ' "$KIOSK_CONTENT_DIR/$lang/index.md" | sed 's/^# //')
        wait_for "${said:0:10}" || { fail_now "$name: $lang is not on the attract screen"; continue; }
        tapped "$name: the $lang line" "${said:0:10}" && expect "$name: starts in $lang" "${title:0:12}"
    done
}

# cut_labels: the menu rows on screen that show neither a whole label of
# content/$lang/index.md nor a cut one ending in "…": a label cut inside a
# word, added to $cut.
cut_labels() {
    local line text
    while IFS= read -r line; do
        text=$(printf '%s' "$line" | sed -E 's/^ [> ] ?[0-9]+\. //')
        case $text in *…) continue ;; esac
        sed -n 's/^- \[\(.*\)\](.*$/\1/p' "$KIOSK_CONTENT_DIR/$lang/index.md" | grep -qxF -- "$text" ||
            cut="$cut [$text]"
    done < <(screen | grep -E '^ [> ] ?[0-9]+\. ')
}

# markers NAME W H LANG PO [OPTION]...: a menu longer than the screen
# (home at 40x12) shows "more below" and "more above" where entries are
# hidden, each a tap target that turns a page of entries; no entry's label
# is cut inside a word.
markers() {
    local name=$1 w=$2 h=$3 lang=$4
    po=$5
    shift 5
    start_home "$name" "$w" "$h" "$lang" "$@" || return
    local below above first last cut=""
    below=$(L "[ v more below ]")
    above=$(L "[ ^ more above ]")
    expect "$name: more below is shown" "$below"
    expect_not "$name: more above is not, at the top" "$above"
    cut_labels
    local crisis
    crisis=$(screen | sed -n "$((h - 1))p")
    check "$name: the crisis line is whole, with 988 and 911 ($crisis)" \
        eval 'case $crisis in *988*911*[.。]) true ;; *) false ;; esac'
    last=$(screen | grep -oE '^ [> ] ?[0-9]+\. ' | grep -oE '[0-9]+' | tail -1)
    if [ $# -gt 0 ]; then
        # Large targets: the marker is as tall as an entry; the row above
        # its label is a target too.
        local at
        at=$(where "$below")
        tapped_at "$name: more below, the row above its label" "${at% *}" "$((${at#* } - 1))"
    else
        tapped "$name: more below" "$below"
    fi
    first=$(screen | grep -oE '^ [> ] ?[0-9]+\. ' | grep -oE '[0-9]+' | head -1)
    check "$name: the next entries after $last (now from $first)" test "$first" -gt "$last"
    expect "$name: more above is shown" "$above"
    while screen | grep -qF "$below"; do
        cut_labels
        tapped "$name: more below again" "$below" || break
    done
    cut_labels
    check "$name: the end of the menu is reached" eval '! screen | grep -qF "$below"'
    while screen | grep -qF "$above"; do
        tapped "$name: more above" "$above" || break
    done
    check "$name: back at the first entry" eval 'screen | grep -qE "^ [> ] ?1\. "'
    check "$name: no label is cut inside a word, on any page${cut:+ ($cut)}" test -z "$cut"
}

markers "markers 40x12" 40 12 en en
markers "markers es 40x12" 40 12 es es
markers "markers zh 40x12" 40 12 zh zh_CN
markers "markers 80x24 large" 80 24 en en --large-targets

attract "attract 80x24" 80 24
attract "attract 40x12 large" 40 12 --large-targets

bars "bars 80x24" 80 24 en en
bars "bars 40x12 large" 40 12 en en --large-targets
bars "bars es 40x12" 40 12 es es
bars "bars zh large" 80 24 zh zh_CN --large-targets
contents_bar "contents 80x24" 80 24 en en
contents_bar "contents large" 80 24 en en --large-targets
contents_bar "contents es" 40 12 es es

run "80x24" 80 24 en en all
run "40x12 large" 40 12 en en some --large-targets
run "es 40x12" 40 12 es es some
run "zh large" 80 24 zh zh_CN some --large-targets

finish
