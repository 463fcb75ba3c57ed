# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/no-english.sh: no English word is left on a Spanish or Chinese
# screen, printout or --render. A word counts as English when the program's
# own English strings (the msgids) use it and neither that language's pages
# (content/<lang>/, where an author may write a brand or drug name on purpose)
# nor the key names printed on a keyboard do (a work's English title in the
# reference list is left alone). Looked at: --render of every
# page, --summary of answers that reach every section, and the home, help,
# page, question, urgent and summary screens in tmux.
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"
: "${KIOSK_SRCDIR:?}"

work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT

# Words of text on stdin, one per line, lower case. File names and web
# addresses are not words (a link footnote names the page's file).
words() {
    sed -E -e 's/\\n/ /g' -e 's#[^[:space:]]*\.(md|org|gov|com|html)[^[:space:]]*# #g' |
        grep -oE '[A-Za-z]{2,}' | tr 'A-Z' 'a-z' | sort -u
}

# The program's English: every msgid of a fresh template from the sources
# (so a string added since the last update-po counts), the --help text left
# out (it is for staff, at a shell).
grep -v '^#' "$KIOSK_SRCDIR/locale/POTFILES.in" | sed "s|^|$KIOSK_SRCDIR/|" > "$work/files"
xgettext --keyword=_ --keyword=N_ --keyword=ngettext:1,2 --from-code=UTF-8 --no-wrap \
    --files-from="$work/files" -o "$work/fresh.pot"
awk '/^msgid/{on=1} /^msgstr/{on=0} on' "$work/fresh.pot" | sed -E 's/^msgid(_plural)? //' |
    grep -v -- '--[a-z]' | words > "$work/english"
[ -s "$work/english" ] || { echo "not ok - no English strings found in the sources"; exit 1; }

# Key names as the keyboard prints them, and names every language keeps:
# "English" on the language bar, PIN. Spanish in the US says "mouse".
printf '%s\n' enter esc backspace tab ctrl pgup pgdn home end pin english > "$work/keys"
echo mouse > "$work/keys.es"
touch "$work/keys.zh"

# scan LANG NAME FILE: FILE (text shown in LANG) has no English word.
scan() {
    local lang=$1 name=$2 file=$3
    # sources.md cites works by their own (English) titles: not a licence.
    ls "$KIOSK_CONTENT_DIR/$lang"/*.md | grep -v '/sources\.md$' | xargs cat | words | sort -u - "$work/keys" "$work/keys.$lang" > "$work/allowed.$lang"
    words < "$file" | comm -12 - "$work/english" | comm -23 - "$work/allowed.$lang" > "$work/found"
    checks=$((checks + 1))
    if [ -s "$work/found" ]; then
        failures=$((failures + 1))
        echo "not ok - $lang $name has English words: $(tr '\n' ' ' < "$work/found")"
        grep -inwF -f "$work/found" "$file" | head -5 | sed 's/^/    | /'
    else
        echo "ok - $lang $name has no English word"
    fi
}

for lang in es zh; do
    for page in "$KIOSK_CONTENT_DIR/$lang"/*.md; do
        name=$(basename "$page" .md)
        [ "$name" = questions ] && continue
        "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang "$lang" --render "$name.md" --width 80 \
            > "$work/render" 2>&1
        # The reference list itself (numbered entries) keeps the works' titles.
        [ "$name" = sources ] && sed -i -E '/^[0-9]+\. /,/^$/d; /^ +[^ ]/d' "$work/render"
        scan "$lang" "--render $name" "$work/render"
    done
    # safety=2: no; then the last answer of every question (urgent and
    # priority points, every section of the summary).
    "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang "$lang" \
        --summary "safety=2,treatment=4,antidepressant=1,which-antidepressant=1,antidepressant-change=1,anxiety-sleep=1,mood-seizure=1,adhd=1,pain=1,substances=1,heart=1,serotonin=1,symptoms-now=1,pregnancy=1,psychosis-bipolar=1,allergy-liver=1,prescriber=1,main-concern=1" > "$work/summary" 2>&1
    scan "$lang" "--summary" "$work/summary"
done

# The screens, in tmux.
for lang in es zh; do
    po=$lang
    [ "$lang" = zh ] && po=zh_CN
    : > "$work/screens"
    start 80 24 "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang "$lang"
    q_label=$(grep -m1 '(questions.md)' "$KIOSK_CONTENT_DIR/$lang/index.md" | sed 's/^- \[\(.*\)\](.*/\1/')
    expect "$lang home screen" "$q_label"
    screen >> "$work/screens"
    keys '?'
    wait_title_changes "$(screen | head -1)"
    screen >> "$work/screens"
    keys Escape
    expect "$lang back home" "$q_label"
    keys "$(menu_number "$(grep -m1 '(risks.md)' "$KIOSK_CONTENT_DIR/$lang/index.md" | sed 's/^- \[\(.*\)\](.*/\1/')")"
    sleep 0.3
    screen >> "$work/screens"
    keys Escape
    expect "$lang home again" "$q_label"
    keys "$(menu_number "$q_label")"
    expect "$lang first question" "$(translated "$po" 'Question %d of about %d' | sed 's/%d.*//')"
    screen >> "$work/screens"
    # "Yes" to the safety question opens the urgent screen.
    keys 1 Enter
    URGENT_MARK=$(translated "$po" 'Urgent: help is available now')
    expect "$lang urgent screen" "$URGENT_MARK"
    screen >> "$work/screens"
    keys Enter
    SUMMARY_MARK=$(translated "$po" 'Your summary for the clinician')
    ASK_MARK=$(translated "$po" 'Your questions for your care team')
    answer_until_summary
    screen >> "$work/screens"
    scan "$lang" "screens" "$work/screens"
done

finish
