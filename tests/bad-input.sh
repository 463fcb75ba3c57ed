# SPDX-License-Identifier: GPL-3.0-or-later
# tests/bad-input.sh: hostile and broken content never crashes, hangs or
# reaches the terminal raw. Every file in tests/data/bad-input/, plus large
# ones made here (a 10 MB line, 1,000 nested lists and quotes, a table of
# 200 columns), is rendered at 20, 40 and 80 columns: the exit status is 0
# or 2, within 30 s, no line is wider than asked, and no escape or other
# control character is in the output. The same files as a content folder
# go through --check without a crash.
set -u
: "${KIOSK:?}" "${KIOSK_TEST_DATA:?}" "${KIOSK_CONTENT_DIR:?}"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
checks=0
fail() { failures=$((failures + 1)); echo "not ok - $*"; }

# Large inputs, made rather than committed.
awk 'BEGIN { for (i = 0; i < 2000000; i++) printf "word "; print "" }' > "$work/ten-megabyte-line.md"
awk 'BEGIN { for (i = 0; i < 1000; i++) { for (j = 0; j < i; j++) printf "  "; print "- item " i } }' > "$work/nested-lists.md"
awk 'BEGIN { for (i = 0; i < 1000; i++) printf "> "; print "deep quote" }' > "$work/nested-quotes.md"
awk 'BEGIN { for (r = 0; r < 4; r++) { for (c = 0; c < 200; c++) printf "| %s%d ", (r == 1 ? "---" : "cell"), c; print "|" } }' > "$work/two-hundred-columns.md"

for file in "$KIOSK_TEST_DATA"/bad-input/*.md "$work"/*.md; do
    name=$(basename "$file")
    for width in 20 40 80; do
        checks=$((checks + 1))
        timeout 30 "$KIOSK" --content "$KIOSK_CONTENT_DIR" --render "$file" --width "$width" \
            >"$work/out" 2>"$work/err"
        status=$?
        if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
            fail "$name at $width: exit status $status"; cat "$work/err"; continue
        fi
        if [ "$status" -eq 2 ] && ! grep -q "error" "$work/err"; then
            fail "$name at $width: exit 2 without a message"; continue
        fi
        widest=$(wc -L < "$work/out")
        if [ "$widest" -gt "$width" ]; then
            fail "$name at $width: a line is $widest cells wide"; continue
        fi
        if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$work/out" ||
            grep -qP '[\x{80}-\x{9f}\x{202a}-\x{202e}\x{2066}-\x{2069}]' "$work/out"; then
            fail "$name at $width: a control character reached the output"; continue
        fi
        echo "ok - $name at $width (exit $status)"
    done
done

# The same files as the pages of a content folder: --check reports, never crashes.
mkdir -p "$work/content/en"
printf '# Bad pages\n\n- [One](empty.md)\n' > "$work/content/en/index.md"
cp "$KIOSK_TEST_DATA"/bad-input/*.md "$work/content/en/"
checks=$((checks + 1))
timeout 60 "$KIOSK" --check --content "$work/content" >"$work/check" 2>&1
status=$?
if [ "$status" -eq 0 ] || [ "$status" -eq 1 ]; then
    echo "ok - --check on the bad pages exits $status"
else
    fail "--check on the bad pages: exit status $status"; tail "$work/check"
fi
checks=$((checks + 1))
if grep -qF "nul-bytes.md:1: error: the file holds NUL bytes" "$work/check" &&
    grep -qF "invalid-utf8.md:1: error: this line is not valid UTF-8" "$work/check"; then
    echo "ok - --check names the NUL bytes and the invalid UTF-8 with their lines"
else
    fail "--check did not name the NUL bytes and invalid UTF-8"; grep -E "nul-bytes|invalid-utf8" "$work/check"
fi

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
