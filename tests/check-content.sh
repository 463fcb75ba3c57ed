# SPDX-License-Identifier: GPL-3.0-or-later
# tests/check-content.sh: `patient-kiosk --check` on content with one
# defect per folder (tests/data/bad-content/<case>/, its message in
# <case>/expected), and the release sign-off that --check --strict requires.
set -u
: "${KIOSK:?}" "${KIOSK_TEST_DATA:?}" "${KIOSK_CONTENT_DIR:?}"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
checks=0
failures=0
for dir in "$KIOSK_TEST_DATA"/bad-content/*/; do
    case=$(basename "$dir")
    expected=$(cat "$dir/expected")
    out=$("$KIOSK" --check --content "${dir%/}" 2>&1)
    status=$?
    want=1
    case $expected in *": warning: "*) want=0 ;; esac
    checks=$((checks + 1))
    if printf '%s\n' "$out" | grep -qF -- "${dir%/}/$expected" && [ "$status" = "$want" ]; then
        echo "ok - $case: $expected (exit $status)"
    else
        failures=$((failures + 1))
        echo "not ok - $case: wanted \"$expected\" and exit $want, got exit $status:"
        printf '%s\n' "$out" | sed 's/^/    | /'
    fi
done

# A reading level over the limit is a warning, and an error with --strict.
checks=$((checks + 1))
"$KIOSK" --check --strict --content "$KIOSK_TEST_DATA/bad-content/hard-reading" >/dev/null 2>&1
if [ $? = 1 ]; then echo "ok - --strict makes a hard page an error"; else
    failures=$((failures + 1)); echo "not ok - --strict did not fail the hard page"; fi

# The content folder itself missing: exit 2.
checks=$((checks + 1))
"$KIOSK" --check --content "$KIOSK_TEST_DATA/no-such-folder" >/dev/null 2>&1
if [ $? = 2 ]; then echo "ok - an unreadable content folder exits 2"; else
    failures=$((failures + 1)); echo "not ok - an unreadable content folder did not exit 2"; fi

# --check --config: a clinic placeholder the configuration leaves empty is
# a warning at each page line that uses it, naming the setting.
cfgdir=$(mktemp -d)
printf '[clinic]\nphone = 555-0100\n' > "$cfgdir/no-name.conf"
printf '[clinic]\nname = Riverside Clinic\nphone = 555-0100\n' > "$cfgdir/full.conf"
line=$(grep -n '{{clinic-name}}' "$KIOSK_CONTENT_DIR/en/session.md" | head -1 | cut -d: -f1)
out=$("$KIOSK" --check --config "$cfgdir/no-name.conf" --content "$KIOSK_CONTENT_DIR" 2>&1)
status=$?
checks=$((checks + 1))
if [ "$status" = 0 ] && printf '%s\n' "$out" |
    grep -qF "$KIOSK_CONTENT_DIR/en/session.md:$line: warning: {{clinic-name}} is left empty: $cfgdir/no-name.conf sets no name in its [clinic] section"; then
    echo "ok - --check --config names the page line of an empty clinic name, and the setting"
else
    failures=$((failures + 1)); echo "not ok - --check --config missed the empty clinic name (exit $status):"
    printf '%s\n' "$out" | grep -F clinic | sed 's/^/    | /'
fi
checks=$((checks + 1))
if printf '%s\n' "$out" | grep -qF "{{clinic-phone}} is left empty"; then
    failures=$((failures + 1)); echo "not ok - --check --config warned of a phone the file sets"
else echo "ok - a placeholder the file fills is not reported"; fi
checks=$((checks + 1))
if "$KIOSK" --check --config "$cfgdir/full.conf" --content "$KIOSK_CONTENT_DIR" 2>&1 | grep -qF "is left empty"; then
    failures=$((failures + 1)); echo "not ok - a full [clinic] section still got warnings"
else echo "ok - a full [clinic] section leaves nothing empty"; fi
checks=$((checks + 1))
if "$KIOSK" --check --content "$KIOSK_CONTENT_DIR" 2>&1 | grep -qF "is left empty"; then
    failures=$((failures + 1)); echo "not ok - --check without --config judged a configuration"
else echo "ok - without --config no configuration is judged"; fi
# --check --config: a save_folder that cannot keep summaries safely is an
# error naming the file, the line and what to do; a private one passes. A
# screen started with such a file warns on stderr and still starts.
mkdir -m 700 "$cfgdir/private"
mkdir -m 755 "$cfgdir/open"
: > "$cfgdir/plain-file"
save_folder_case() { # FOLDER EXPECTED-STATUS TEXT WHAT
    printf '[clinic]\nname = Riverside Clinic\nphone = 555-0100\n[summary]\nsave_folder = %s\n' "$1" \
        > "$cfgdir/save.conf"
    out=$("$KIOSK" --check --config "$cfgdir/save.conf" --content "$KIOSK_CONTENT_DIR" 2>&1)
    status=$?
    checks=$((checks + 1))
    if [ "$status" = "$2" ] && { [ -z "$3" ] || printf '%s\n' "$out" | grep -qF "$cfgdir/save.conf:5: error: $3"; } &&
        { [ -n "$3" ] || ! printf '%s\n' "$out" | grep -qF save_folder; }; then
        echo "ok - --check --config: $4"
    else
        failures=$((failures + 1)); echo "not ok - --check --config: $4 (exit $status):"
        printf '%s\n' "$out" | grep -F save_folder | sed 's/^/    | /'
    fi
}
save_folder_case "$cfgdir/private" 0 "" "a private save folder passes"
save_folder_case "$cfgdir/open" 1 "save_folder \"$cfgdir/open\" is open to other users (mode 0755)" \
    "a save folder others can open is an error"
save_folder_case "$cfgdir/missing" 1 "save_folder \"$cfgdir/missing\" cannot be used: No such file" \
    "a missing save folder is an error"
save_folder_case "$cfgdir/plain-file" 1 "save_folder \"$cfgdir/plain-file\" is not a folder" \
    "a save folder that is a file is an error"
printf '[summary]\nsave_folder = %s\n' "$cfgdir/open" > "$cfgdir/open.conf"
out=$(printf 'q\n' | TERM=dumb KIOSK_LOG_FILE="$cfgdir/log" "$KIOSK" --plain --config "$cfgdir/open.conf" \
    --content "$KIOSK_CONTENT_DIR" --lang en 2>&1)
checks=$((checks + 1))
if grep -qF "$cfgdir/open.conf:2: warning: save_folder \"$cfgdir/open\" is open to other users" "$cfgdir/log" &&
    ! printf '%s\n' "$out" | grep -qF "$cfgdir"; then
    echo "ok - a screen started with an open save folder logs it, and shows the patient no path"
else
    failures=$((failures + 1)); echo "not ok - no start-up log line for an open save folder, or a path shown:"
    printf '%s\n' "$out" | grep -F "$cfgdir" | sed 's/^/    | /'; cat "$cfgdir/log" 2>/dev/null
fi
rm -rf "$cfgdir"

# The release sign-off (reviewed-by, review-date, translated-by): the
# bundled content is honestly a draft, so it passes --check and fails
# --check --strict; a copy with the sign-off filled in passes --strict, and
# the same copy with reviewed-by emptied fails it, naming the key.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
checks=$((checks + 1))
if out=$("$KIOSK" --check --content "$KIOSK_CONTENT_DIR" 2>&1); then
    echo "ok - the bundled content passes --check"
    printf '%s\n' "$out" | sed -n '/^Reading level/,$p'
else
    failures=$((failures + 1)); echo "not ok - the bundled content fails --check:"; printf '%s\n' "$out"
fi
checks=$((checks + 1))
out=$("$KIOSK" --check --strict --content "$KIOSK_CONTENT_DIR" 2>&1)
if [ $? = 1 ] && printf '%s\n' "$out" | grep -q 'en/index.md:1: error: "reviewed-by: .*" reads as a draft'; then
    echo "ok - the bundled draft fails --check --strict"
else
    failures=$((failures + 1)); echo "not ok - the bundled draft did not fail --check --strict:"; printf '%s\n' "$out"
fi
cp -r "$KIOSK_CONTENT_DIR" "$work/signed"
for index in "$work"/signed/*/index.md; do
    sed -i -e '/^reviewed-by:/d' -e '/^translated-by:/d' -e '/^review-date:/d' -e '/^last-reviewed:/d' \
        -e 's/^next-review:.*/&\nreviewed-by: Dr A. Example, psychiatric pharmacist\nreview-date: 2026-12-01\ntranslated-by: B. Example, medical translator/' \
        "$index"
done
checks=$((checks + 1))
if out=$("$KIOSK" --check --strict --content "$work/signed" 2>&1); then
    echo "ok - content with the sign-off filled in passes --check --strict"
else
    failures=$((failures + 1)); echo "not ok - signed content fails --check --strict:"; printf '%s\n' "$out"
fi
sed -i 's/^reviewed-by:.*/reviewed-by:/' "$work/signed/es/index.md"
checks=$((checks + 1))
out=$("$KIOSK" --check --strict --content "$work/signed" 2>&1)
if [ $? = 1 ] && printf '%s\n' "$out" | grep -qF 'es/index.md:1: error: "reviewed-by:" is missing or empty'; then
    echo "ok - reviewed-by emptied fails --check --strict"
else
    failures=$((failures + 1)); echo "not ok - reviewed-by emptied did not fail --check --strict:"; printf '%s\n' "$out"
fi
checks=$((checks + 1))
out=$("$KIOSK" --check --content "$work/signed" 2>&1)
if [ $? = 0 ] && printf '%s\n' "$out" | grep -qF 'es/index.md:1: warning: "reviewed-by:" is missing or empty'; then
    echo "ok - without --strict, reviewed-by emptied is a warning"
else
    failures=$((failures + 1)); echo "not ok - reviewed-by emptied without --strict:"; printf '%s\n' "$out"
fi

# The teach-back check must be the same in every language: the same
# questions by id, as many answers, the same ones marked #again. Each
# mismatch is an error at the translated page's line.
tb_line() { grep -n -- "$2" "$KIOSK_CONTENT_DIR/$1" | head -1 | cut -d: -f1; }
es_check=$(tb_line es/risks.md '{#check}')
es_bp=$(tb_line es/risks.md '{#blood-pressure}')
es_cp=$(tb_line es/risks.md '{#chest-pain}')
en_bp=$(tb_line en/risks.md '{#blood-pressure}')
teachback_case() { # WHAT SED-SCRIPT EXPECTED
    rm -rf "$work/tb"
    cp -r "$KIOSK_CONTENT_DIR" "$work/tb"
    sed -i -e "$2" "$work/tb/es/risks.md"
    out=$("$KIOSK" --check --content "$work/tb" 2>&1)
    status=$?
    checks=$((checks + 1))
    if [ "$status" = 1 ] && printf '%s\n' "$out" | grep -qF -- "$work/tb/es/risks.md$3"; then
        echo "ok - teach-back parity: $1"
    else
        failures=$((failures + 1)); echo "not ok - teach-back parity: $1 (exit $status), wanted \"$3\":"
        printf '%s\n' "$out" | grep -F "risks.md" | sed 's/^/    | /'
    fi
}
teachback_case "a question id renamed" 's/{#chest-pain}/{#chest}/' \
    ":$es_check: error: this check has no question {#chest-pain}, which $work/tb/en/risks.md:"
teachback_case "a question id renamed is not in English" 's/{#chest-pain}/{#chest}/' \
    ":$es_cp: error: question {#chest} is not in $work/tb/en/risks.md's check"
teachback_case "an answer more" 's/^- \[No la cambia\](#again)$/&\n- [Otra](#again)/' \
    ":$es_bp: error: question {#blood-pressure} has 4 answers, but $work/tb/en/risks.md:$en_bp has 3"
teachback_case "other answers marked again" 's/^\(- \[La puede subir por unas horas\]\)(#clear)$/\1(#again)/; s/^\(- \[No la cambia\]\)(#again)$/\1(#clear)/' \
    ":$es_bp: error: question {#blood-pressure}: answer 1 goes to #again, but in $work/tb/en/risks.md:$en_bp it goes to #clear"
teachback_case "the check left out" "$es_check,\$d" \
    ": error: has no \"Did we explain this clearly?\" check ({#check}), but $work/tb/en/risks.md has one"
echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
