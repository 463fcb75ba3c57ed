# tests/check-content.sh: `patient-kiosk --check` on content with one
# defect per folder (tests/data/bad-content/<case>/, its message in
# <case>/expected), and --check --strict on the bundled content.
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

# The bundled content passes the strict check.
checks=$((checks + 1))
if out=$("$KIOSK" --check --strict --content "$KIOSK_CONTENT_DIR" 2>&1); then
    echo "ok - the bundled content passes --check --strict"
    printf '%s\n' "$out" | sed -n '/^Reading level/,$p'
else
    failures=$((failures + 1)); echo "not ok - the bundled content fails --check --strict:"; printf '%s\n' "$out"
fi
echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
