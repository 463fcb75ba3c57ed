# SPDX-License-Identifier: GPL-3.0-or-later
# tests/options.sh: the command line (app/main.c). Every long option --help
# names is accepted, and README's options table names it too; --max-grade
# moves the --check limit; --lang with a language the content lacks falls
# back to English with a notice; one file is shown with no content folder;
# --hash-pin refuses what is not a PIN; each command-line mistake exits 2
# with a message naming its option and nothing on standard output; and the
# exit statuses README's "Exit status" paragraph promises (0, 1, 2 for usage,
# content, configuration and terminal errors) are the ones the program gives.
set -u
: "${KIOSK:?KIOSK is not set; run through make check}"
: "${KIOSK_CONTENT_DIR:?}" "${KIOSK_TEST_DATA:?}" "${KIOSK_SRCDIR:?}"
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
empty() { [ ! -s "$1" ]; }
content=$KIOSK_CONTENT_DIR
# run ARGS...: the kiosk with no terminal; status in $rc, output in out and err.
run() {
    timeout 30 "$KIOSK" "$@" </dev/null >"$work/out" 2>"$work/err"
    rc=$?
}

# ---- every long option --help names is accepted ----
run --help
check "--help exits 0" test "$rc" = 0
check "--help writes nothing on stderr" empty "$work/err"
grep -oE -- '--[a-z][a-z-]+' "$work/out" | sort -u >"$work/help-options"
check "--help names at least 20 options" test "$(wc -l <"$work/help-options")" -ge 20
: >"$work/empty.conf"
while read -r opt; do
    # Each option with what it needs, made non-interactive by --render
    # (which prints and exits) where the option alone would open a screen.
    case $opt in
    --help | --version) args=("$opt") ;;
    --hash-pin) args=("$opt") ;;
    --check | --strict) args=(--check "$opt" --content "$content") ;;
    --max-grade) args=(--check "$opt" 20 --content "$content") ;;
    --config) args=("$opt" "$work/empty.conf" --content "$content" --render index.md) ;;
    --content) args=("$opt" "$content" --render index.md) ;;
    --lang) args=("$opt" es --content "$content" --render index.md) ;;
    --render) args=(--content "$content" "$opt" index.md) ;;
    --width) args=("$opt" 40 --content "$content" --render index.md) ;;
    --summary) args=(--content "$content" --lang en "$opt" safety=2) ;;
    --format) args=("$opt" text --content "$content" --render index.md) ;;
    --kiosk | --training | --no-color | --high-contrast | --large-targets | --plain | --speech)
        args=("$opt" --content "$content" --render index.md) ;;
    *) args=() ;;
    esac
    if [ "${#args[@]}" -eq 0 ]; then
        check "$opt: this test knows how to try it (add it to tests/options.sh)" false
        continue
    fi
    if [ "$opt" = --hash-pin ]; then
        echo 2468 | timeout 30 "$KIOSK" "${args[@]}" >"$work/out" 2>"$work/err"
        rc=$?
    else
        run "${args[@]}"
    fi
    # --check exits 1 when the bundled content has an error: still accepted.
    check "$opt is accepted (${args[*]}: exit $rc)" test "$rc" = 0 -o \( "$opt" = --strict -a "$rc" = 1 \)
    check "$opt is not called unknown" lacks "$work/err" "unknown option"
done <"$work/help-options"

# ---- README's options table names every option --help names ----
sed -n '/^| option | what it does |/,/^$/p' "$KIOSK_SRCDIR/README.md" | cut -d'|' -f2 >"$work/readme-table"
while read -r opt; do
    check "README's options table names $opt" grep -qE -- "[\`[]$opt[\` ]|[\`[]$opt\]" "$work/readme-table"
done <"$work/help-options"

# ---- --max-grade moves the limit of --check ----
run --check --content "$content"
check "--check on the bundled content exits 0" test "$rc" = 0
check "--check on the bundled content is over no limit" lacks "$work/out" "above the limit"
run --check --max-grade 2 --content "$content"
check "--max-grade 2: --check still exits 0 (over the limit is a warning)" test "$rc" = 0
check "--max-grade 2: pages are above the limit of 2" has "$work/out" "above the limit of 2"
check "--max-grade 2: the table marks them" has "$work/out" "OVER THE LIMIT"
run --check --strict --max-grade 2 --content "$content"
check "--strict --max-grade 2: exit 1" test "$rc" = 1
check "--strict --max-grade 2: an error, not a warning" grep -qE "error: reading level is grade .* above the limit of 2" "$work/out"
run --check --max-grade 20 --content "$KIOSK_TEST_DATA/bad-content/hard-reading"
check "--max-grade 20: a hard page is within the limit (exit 0)" test "$rc" = 0
run --check --content "$KIOSK_TEST_DATA/bad-content/hard-reading" --strict
check "without --max-grade the same hard page is over grade 8 (exit 1)" test "$rc" = 1

# ---- --lang with a language the content lacks ----
run --content "$content" --lang en --render index.md
cp "$work/out" "$work/english"
for lang in xx ../en en.x; do
    run --content "$content" --lang "$lang" --render index.md
    check "--lang $lang: exit 0" test "$rc" = 0
    check "--lang $lang: a notice names it and says English is shown" \
        has "$work/err" "no content in language \"$lang\"; showing English"
    check "--lang $lang: the English page is shown" cmp -s "$work/out" "$work/english"
done
run --content "$content" --lang es --render index.md
check "--lang es: no notice" empty "$work/err"
not_same() { ! cmp -s "$work/out" "$work/english"; }
check "--lang es: the Spanish page, not the English one" not_same

# ---- one file shown without a content folder ----
page="$work/preview.md"
printf '# A page being written\n\nThis page is not in any content folder yet.\n' >"$page"
run --content "$work/no-such-folder" --render "$page"
check "--render FILE with no content folder: exit 0" test "$rc" = 0
check "--render FILE with no content folder: the file's text" has "$work/out" "not in any content folder"
check "--render FILE with no content folder: no error" empty "$work/err"
run --content "$work/no-such-folder" --render index.md
check "--render a menu page with no content folder: exit 2" test "$rc" = 2
check "--render a menu page with no content folder: the folder is named" has "$work/err" "$work/no-such-folder"
printf 'q\n' | timeout 30 "$KIOSK" --plain --content "$work/no-such-folder" "$page" >"$work/out" 2>"$work/err"
rc=$?
check "FILE.md in plain mode with no content folder: exit 0" test "$rc" = 0
check "FILE.md in plain mode with no content folder: the file's text" has "$work/out" "not in any content folder"
run --content "$content" --render "$work/missing.md"
check "--render a file that is not there: exit 2" test "$rc" = 2
check "--render a file that is not there: it is named" has "$work/err" "missing.md"

# ---- --hash-pin ----
echo 2468 | "$KIOSK" --hash-pin >"$work/out" 2>"$work/err"
check "--hash-pin 2468: exit 0" test $? = 0
check "--hash-pin 2468: a staff_pin_hash line to paste" grep -qE '^staff_pin_hash = \$' "$work/out"
for pin in 123 1234567890123 12a4 "" "12 34"; do
    printf '%s\n' "$pin" | "$KIOSK" --hash-pin >"$work/out" 2>"$work/err"
    rc=$?
    check "--hash-pin refuses \"$pin\" (exit 2)" test "$rc" = 2
    check "--hash-pin refuses \"$pin\": says what a PIN is" has "$work/err" "a staff PIN is 4 to 12 digits"
    check "--hash-pin refuses \"$pin\": prints no hash" empty "$work/out"
done
"$KIOSK" --hash-pin </dev/null >"$work/out" 2>"$work/err"
check "--hash-pin with no input: exit 2" test $? = 2

# ---- each command-line mistake exits 2 naming its option ----
# mistake NAME NEEDLE ARGS...: exit 2, NEEDLE on stderr, nothing on stdout.
mistake() {
    local name=$1 needle=$2
    shift 2
    run "$@"
    check "$name: exit 2" test "$rc" = 2
    check "$name: the message names it ($needle)" has "$work/err" "$needle"
    check "$name: nothing on standard output" empty "$work/out"
}
for w in 0 10001 -3 abc 40x ""; do
    mistake "--width \"$w\"" "--width: \"$w\" is not a width" --content "$content" --width "$w" --render index.md
done
for g in 0 21 x 8.5; do
    mistake "--max-grade \"$g\"" "--max-grade: \"$g\" is not a grade" --check --max-grade "$g" --content "$content"
done
mistake "--format doc" "--format: \"doc\" is not text, html or pdf" --format doc --summary safety=2
for opt in --content --lang --render --width --summary --format --max-grade --config; do
    mistake "$opt without its argument" "option \"$opt\" needs an argument" "$opt"
done
mistake "an unknown option" "unknown option \"--colour\"" --colour
mistake "a short option" "unknown option \"-x\"" -x
mistake "--help=x" "\"--help=x\"" --help=x
mistake "--kiosk with --training" "--kiosk or --training" --kiosk --training
mistake "two files" "one file at a time, not \"b.md\"" a.md b.md
mistake "--config a missing file" "$work/none.conf" --config "$work/none.conf" --content "$content" --render index.md
mistake "--summary an unknown question" "--summary: unknown question id \"nosuch\"" \
    --content "$content" --lang en --summary nosuch=1
mistake "--summary without a question flow" "no question flow" \
    --content "$KIOSK_TEST_DATA/content/minimal" --summary safety=2
mistake "--content a missing folder" "$work/gone" --content "$work/gone" --render index.md

# ---- README's exit statuses stay true ----
readme="$KIOSK_SRCDIR/README.md"
check "README still promises 0, 1 for --check errors, 2 for usage, content, configuration, terminal" \
    grep -qzE 'Exit status: 0 when all went well.*1 when `--check` found errors, 2 for a usage, content, configuration or terminal error' "$readme"
run --version
check "exit 0: --version" test "$rc" = 0
check "--version names the program" grep -qE '^patient-kiosk [0-9]' "$work/out"
run --content "$content" --render index.md
check "exit 0: --render" test "$rc" = 0
printf 'q\n' | timeout 30 "$KIOSK" --plain --content "$content" >"$work/out" 2>"$work/err"
check "exit 0: the patient quits with q (plain)" test $? = 0
run --check --content "$KIOSK_TEST_DATA/bad-content/broken-link"
check "exit 1: --check found errors" test "$rc" = 1
run --bogus
check "exit 2: a usage error" test "$rc" = 2
run --content "$work/gone" --render index.md
check "exit 2: a content error" test "$rc" = 2
run --config "$KIOSK_TEST_DATA/config/bad-mode.conf" --content "$content" --render index.md
check "exit 2: a configuration error" test "$rc" = 2
check "a configuration error names the file and line" grep -qE 'bad-mode.conf:[0-9]+' "$work/err"
env TERM=no-such-terminal "$KIOSK" --content "$content" </dev/null >"$work/out" 2>"$work/err"
check "exit 2: a terminal error" test $? = 2
check "a terminal error names TERM" has "$work/err" "TERM"
# TERM comes from the client: its bytes are never echoed raw (I7).
env TERM="$(printf 'evil\033]0;owned\007\033[2J')$(printf 'x%.0s' $(seq 1 60))" "$KIOSK" --content "$content" \
    </dev/null >"$work/out" 2>"$work/err"
check "exit 2: a hostile TERM" test $? = 2
check "a hostile TERM is shown without its control bytes" sh -c "! LC_ALL=C grep -q \"\$(printf '\033')\" '$work/err'"
check "and cut short" has "$work/err" 'evil?]0;owned??[2Jxxxxxxxxxxxxxxxxxxxxxx...'

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
