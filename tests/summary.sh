# SPDX-License-Identifier: GPL-3.0-or-later
# tests/summary.sh: `--summary ANSWERS` prints the summary those answers give:
# each answer by its words in questions.md, an urgent answer under Urgent,
# several choices joined with +, --width, --format html, another language,
# and a clear message with exit status 2 for every kind of bad input.
set -u
: "${KIOSK:?KIOSK is not set; run through make check}"
: "${KIOSK_CONTENT_DIR:?}" "${KIOSK_LOCALEDIR:?}" "${KIOSK_SRCDIR:?}"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
failures=0
checks=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
check() {
    local name=$1
    shift
    checks=$((checks + 1))
    if "$@"; then echo "ok - $name"; else failures=$((failures + 1)); echo "not ok - $name"; fi
}
has() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }
flows="$KIOSK_CONTENT_DIR/en/questions.md"
# label ID N: the words of answer N of question ID in questions.md.
label() {
    sed -n "/{#$1}/,/^## /p" "$flows" | sed -n 's/^- \[\(.*\)\](.*/\1/p' | sed -n "$2p"
}
summary() { "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en --summary "$@"; }

summary safety=2,treatment=1 > "$work/text" 2>"$work/err"
check "exit status 0" test $? = 0
check "nothing on standard error" test ! -s "$work/err"
check "the title" has "$work/text" "Questions to discuss with your clinician"
check "the answers are listed" has "$work/text" "Your answers"
check "an answer in the words of questions.md" has "$work/text" "$(label treatment 1)"
check "an answer not given is not listed" lacks "$work/text" "$(label treatment 2)"
check "no urgent section without an urgent answer" sh -c '! grep -qx "Urgent" "$1"' _ "$work/text"

summary safety=1 > "$work/urgent"
check "an urgent answer is listed under Urgent" grep -qx "Urgent" "$work/urgent"

summary safety=2,treatment=1,antidepressant=1,which-antidepressant=1+2 > "$work/multi"
check "two choices joined with +: the first" has "$work/multi" "$(label which-antidepressant 1)"
check "two choices joined with +: the second" has "$work/multi" "$(label which-antidepressant 2)"

summary safety=2,treatment=1 --width 40 > "$work/narrow"
check "--width 40: no line wider than 40 cells" test "$(wc -L < "$work/narrow")" -le 40
check "--width 40: the same summary" has "$work/narrow" "Your answers"

summary safety=2,treatment=1,antidepressant=1,which-antidepressant=1+2 --format html > "$work/html"
check "html: the title is a heading" has "$work/html" "<h1>Questions to discuss with your clinician</h1>"
check "html: the answers are a list" has "$work/html" " — $(label treatment 1)</li>"
check "html: & is escaped" sh -c '! grep -q "&[^a-z#]" "$1"' _ "$work/html"
check "html: no Markdown is left" sh -c '! grep -qE "^(#|- |\* )|\*\*" "$1"' _ "$work/html"

es_title=$(msggrep --no-wrap -K -e '^Questions to discuss with your clinician$' "$KIOSK_SRCDIR/locale/es.po" |
    sed -n 's/^msgstr "\(.*\)"$/\1/p')
KIOSK_LOCALEDIR=$KIOSK_LOCALEDIR "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang es --summary safety=2 > "$work/es"
check "Spanish: the title in Spanish" has "$work/es" "$es_title"

# Merged notes read as sentences in every language: the chosen answers'
# words joined as the language joins a list, in the note's own sentence.
walk=safety=2,treatment=1,antidepressant=1,which-antidepressant=1+2+3,antidepressant-change=1
walk=$walk,anxiety-sleep=1+2,mood-seizure=2,adhd=5,pain=6,substances=1,heart=1+2+4+5+6,serotonin=1
for lang in en es zh; do
    KIOSK_LOCALEDIR=$KIOSK_LOCALEDIR "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang $lang --summary "$walk" \
        --width 300 > "$work/sentences.$lang"
done
check "en: conditions merge into one sentence" has "$work/sentences.en" \
    "that I have had an aneurysm, bleeding in the brain, and a blood vessel that connects an artery and a vein in the wrong way. It is listed"
check "en: two conditions joined with and" has "$work/sentences.en" "that I have high blood pressure and heart disease."
check "en: medicines in the sentence, small letters, brand names kept" has "$work/sentences.en" \
    "I take sertraline (Zoloft), escitalopram (Lexapro), and citalopram (Celexa)."
check "en: no \"this:\" list is left" lacks "$work/sentences.en" "had this:"
check "es: the same in Spanish" has "$work/sentences.es" \
    "que he tenido un aneurisma, sangrado en el cerebro y un vaso sanguíneo que une una arteria y una vena de forma anormal."
check "es: two joined with y" has "$work/sentences.es" "que tengo presión arterial alta y una enfermedad del corazón."
check "es: medicines" has "$work/sentences.es" "Tomo sertralina (Zoloft), escitalopram (Lexapro) y citalopram (Celexa)."
check "zh: the same in Chinese" has "$work/sentences.zh" "我曾有过动脉瘤、脑出血和动静脉畸形（动脉和静脉之间连接异常的血管）。"
check "zh: two joined with 和" has "$work/sentences.zh" "我有高血压和心脏病。"

# bad ANSWERS-OR-OPTION MESSAGE ARGS...: exit 2, MESSAGE on standard error, nothing on standard output.
bad() {
    local name=$1 msg=$2
    shift 2
    "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en "$@" > "$work/out" 2> "$work/err"
    local status=$?
    check "$name: exit 2" test "$status" = 2
    check "$name: says so" has "$work/err" "$msg"
    check "$name: prints no summary" test ! -s "$work/out"
}
bad "an unknown question" 'unknown question id "nosuch"' --summary nosuch=1
bad "a choice out of range" 'question "safety" has 3 answers; 9 is not one of them' --summary safety=9
bad "no choice" 'expected id=choice at "safety"' --summary safety
bad "an unknown format" '--format: "docx" is not text, html or pdf' --summary safety=2 --format docx

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
