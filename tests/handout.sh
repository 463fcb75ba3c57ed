# SPDX-License-Identifier: GPL-3.0-or-later
# tests/handout.sh: the typeset PDF handout (core/handout.c), read back
# with poppler-utils: `--summary ... --format pdf` in English, Spanish,
# Chinese and English with Spanish on facing pages holds every line of the
# text summary (every point, answer, question and footer line), the lines
# to fill in, the clinic's name; Chinese is set in an embedded CJK font;
# the paper is the configured one; the typesetter is a program of its own; `--render PAGE --format pdf` keeps the
# antidepressant-choices table whole on one page in each language.
set -u
: "${KIOSK:?KIOSK is not set; run through make check}"
: "${KIOSK_CONTENT_DIR:?}" "${KIOSK_LOCALEDIR:?}"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 KIOSK_LOCALEDIR
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
for tool in pdftotext pdffonts pdfinfo; do
    command -v "$tool" >/dev/null || { echo "not ok - $tool is missing (Debian package poppler-utils)"; exit 1; }
done
answers=safety=1,treatment=1,antidepressant=1,which-antidepressant=1+2
printf '[clinic]\nname = Riverside Community Clinic\n' > "$work/clinic.conf"
printf '[clinic]\nname = Riverside Community Clinic\n[summary]\nsecond_language = es\n[print]\npaper = a4\n' \
    > "$work/facing.conf"
kiosk() { "$KIOSK" --content "$KIOSK_CONTENT_DIR" "$@"; }
# squash: text without any white space (the PDF wraps lines where it likes).
squash() { tr -d ' \t\n\f\r' | sed 's/\xc2\xa0//g'; }
# The lines of a text summary worth finding: no rules, no blank lines, no
# bullets, and not the line with the time (the two runs may differ by a
# minute).
wanted() {
    grep -v -e '^[═─ ]*$' -e '[0-9]:[0-9][0-9]' -e '____' "$1" | sed 's/^ *\(•\|[0-9]*\.\) *//'
}
# every_line TEXT PDFTEXT [SKIP]: each wanted line of TEXT (but those with
# SKIP), squashed, is in PDFTEXT.
every_line() {
    local missing=0 line skip=${3:-}
    squash < "$2" > "$2.squashed"
    while IFS= read -r line; do
        line=$(printf '%s' "$line" | squash)
        [ -z "$line" ] && continue
        [ -n "$skip" ] && case $line in *"$skip"*) continue ;; esac
        if ! grep -qF -- "$line" "$2.squashed"; then
            echo "# not in the PDF: $line"
            missing=1
        fi
    done < <(wanted "$1")
    return $missing
}

for lang in en es zh; do
    kiosk --lang "$lang" --config "$work/clinic.conf" --summary "$answers" --width 1000 > "$work/$lang.txt"
    kiosk --lang "$lang" --config "$work/clinic.conf" --summary "$answers" --format pdf > "$work/$lang.pdf" 2> "$work/$lang.err"
    check "$lang: --format pdf exits 0 with a PDF" test "$(head -c 5 "$work/$lang.pdf")" = "%PDF-"
    check "$lang: nothing on standard error" test ! -s "$work/$lang.err"
    pdftotext "$work/$lang.pdf" "$work/$lang.pdf.txt"
    check "$lang: every point, answer, question and footer line is in the PDF" \
        every_line "$work/$lang.txt" "$work/$lang.pdf.txt"
    check "$lang: the clinic's name is on the first page" \
        sh -c 'pdftotext -f 1 -l 1 "$1" - | head -3 | grep -qF "Riverside Community Clinic"' _ "$work/$lang.pdf"
    check "$lang: the paper is letter by default" sh -c 'pdfinfo "$1" | grep -q "612 x 792"' _ "$work/$lang.pdf"
done
check "en: lines for the name and the date of birth" grep -qF "Date of birth:" "$work/en.pdf.txt"
check "es: lines for the name and the date of birth" grep -qF "Fecha de nacimiento:" "$work/es.pdf.txt"
check "zh: lines for the name and the date of birth" grep -qF "出生日期：" "$work/zh.pdf.txt"
check "en: the 988 line and not medical advice" \
    sh -c 'grep -qF "988" "$1" && grep -qF "Not medical advice." "$1"' _ "$work/en.pdf.txt"
check "en: content version and review date" \
    sh -c 'grep -qF "Content version:" "$1" && grep -qF "Last reviewed:" "$1"' _ "$work/en.pdf.txt"
check "en: the sources line" grep -qF "Sources:" "$work/en.pdf.txt"
check "zh: the Chinese title is text in the PDF" grep -qF "要与您的医疗团队讨论的问题" "$work/zh.pdf.txt"
check "zh: a Chinese answer is text in the PDF" \
    sh -c 'squash() { tr -d " \n"; }; squash < "$1" | grep -qF "舍曲林"' _ "$work/zh.pdf.txt"
pdffonts "$work/zh.pdf" > "$work/zh.fonts"
cat "$work/zh.fonts"
check "zh: a CJK font is embedded (WenQuanYi Micro Hei or Noto Sans CJK)" \
    grep -qE '(WenQuanYiMicroHei|NotoSansCJK).* yes +yes' "$work/zh.fonts"
check "zh: every font is embedded" sh -c '! tail -n +3 "$1" | grep -qv " yes \+yes \+yes"' _ "$work/zh.fonts"

# English with Spanish for the clinician, on A4: pages in pairs, each
# language all there, the Spanish first page facing the English one.
kiosk --lang en --config "$work/facing.conf" --summary "$answers" --format pdf > "$work/facing.pdf"
pdftotext "$work/facing.pdf" "$work/facing.pdf.txt"
pages=$(pdfinfo "$work/facing.pdf" | sed -n 's/^Pages: *//p')
check "en+es: an even number of pages ($pages)" test $((pages % 2)) = 0 -a "$pages" -ge 2
check "en+es: A4 as configured" sh -c 'pdfinfo "$1" | grep -q "595.28 x 841.89"' _ "$work/facing.pdf"
check "en+es: every English line" every_line "$work/en.txt" "$work/facing.pdf.txt"
# (The sources line names the page as the patient's menu does: in English.)
check "en+es: every Spanish line" every_line "$work/es.txt" "$work/facing.pdf.txt" "Fuentes:"
check "en+es: page 1 is English" \
    sh -c 'pdftotext -f 1 -l 1 "$1" - | grep -qF "Questions to discuss with your clinician"' _ "$work/facing.pdf"
check "en+es: page 2, facing it, is Spanish" \
    sh -c 'pdftotext -f 2 -l 2 "$1" - | tr -d " \n" | grep -qF "Preguntasparahablarconsuequipodeatención"' _ "$work/facing.pdf"

# The comparison table, printed from the reader, whole on one page.
for lang in en es zh; do
    md="$KIOSK_CONTENT_DIR/$lang/antidepressant-choices.md"
    kiosk --lang "$lang" --render antidepressant-choices.md --format pdf > "$work/table-$lang.pdf"
    n=$(pdfinfo "$work/table-$lang.pdf" | sed -n 's/^Pages: *//p')
    first=$(grep -m1 '^|' "$md" | cut -d'|' -f2 | squash)
    page=
    for p in $(seq 1 "$n"); do
        pdftotext -f "$p" -l "$p" "$work/table-$lang.pdf" - | squash > "$work/page-$lang-$p"
        grep -qF -- "$first" "$work/page-$lang-$p" && { page=$p; break; }
    done
    check "$lang: the table's first cell is on a page ($page of $n)" test -n "$page"
    [ -n "$page" ] || continue
    missing=0
    # Word by word: pdftotext reads a wrapped row across its cells.
    while IFS= read -r word; do
        word=$(printf '%s' "$word" | sed 's/\*\*//g')
        [ -z "$word" ] && continue
        grep -qF -- "$word" "$work/page-$lang-$page" || { echo "# not on page $page: $word"; missing=1; }
    done < <(sed -n '/^|/p' "$md" | grep -v '^|[-: |]*$' | tr '| ' '\n\n')
    check "$lang: every cell of the table is on that one page" test "$missing" = 0
done

# The typesetter is a program of its own (app/handout_main.c), as is the
# reader (app/reader_main.c): the kiosk links none of pango, cairo, GLib,
# eSpeak NG and the audio libraries; the helper's one line on standard
# error is what the kiosk says when it fails; a request that is not one is
# refused; a helper that is missing is named.
: "${KIOSK_TEST_BIN:?}" "${KIOSK_HANDOUT_PROGRAM:?}"
ldd "$KIOSK" > "$work/ldd" 2>&1
check "the kiosk links no pango, cairo, GLib, fontconfig, eSpeak NG or audio library" \
    test -s "$work/ldd" -a "$(grep -cE 'lib(pango|cairo|glib|gobject|fontconfig|freetype|harfbuzz|espeak|pcaudio|asound|pulse|sndfile)' "$work/ldd")" = 0
ldd "$KIOSK_HANDOUT_PROGRAM" > "$work/ldd-helper" 2>&1
check "the handout program links pango and cairo" grep -q libpangocairo "$work/ldd-helper"
printf '#!/bin/sh\ncat > /dev/null\necho "The printer ran out of ink." >&2\nexit 1\n' > "$work/fails"
chmod +x "$work/fails"
KIOSK_HANDOUT_PROGRAM=$work/fails "$KIOSK_TEST_BIN" --content "$KIOSK_CONTENT_DIR" --summary "$answers" \
    --format pdf > "$work/fails.pdf" 2> "$work/fails.err"
rc=$?
check "a failing handout program: the kiosk fails (status $rc)" test "$rc" != 0 -a ! -s "$work/fails.pdf"
check "a failing handout program: its line is the kiosk's message" \
    grep -qx "patient-kiosk: The printer ran out of ink." "$work/fails.err"
KIOSK_HANDOUT_PROGRAM=$work/missing "$KIOSK_TEST_BIN" --content "$KIOSK_CONTENT_DIR" --summary "$answers" \
    --format pdf > /dev/null 2> "$work/missing.err"
check "a missing handout program is named" grep -qF "$work/missing could not be started" "$work/missing.err"
printf 'KHW1 not a request' | "$KIOSK_HANDOUT_PROGRAM" > "$work/bad.pdf" 2> "$work/bad.err"
rc=$?
check "the handout program refuses a bad request (status $rc, one line)" \
    test "$rc" = 1 -a ! -s "$work/bad.pdf" -a "$(wc -l < "$work/bad.err")" = 1

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
