# SPDX-License-Identifier: GPL-3.0-or-later
# tests/golden.sh: `--render` of every bundled page at 40 and 80 columns must
# match the committed files in tests/golden/<lang>/. After a deliberate
# change, `make update-golden` rewrites them; review the diff before committing.
set -u
: "${KIOSK:?KIOSK is not set; run through make check}"
: "${KIOSK_CONTENT_DIR:?}"
: "${KIOSK_GOLDEN:?}"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
update=0
[ "${1:-}" = "--update" ] && update=1

failures=0
checks=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for dir in "$KIOSK_CONTENT_DIR"/*/; do
    lang=$(basename "$dir")
    for page in "$dir"*.md; do
        name=$(basename "$page" .md)
        [ "$name" = questions ] && continue
        for width in 40 80; do
            golden="$KIOSK_GOLDEN/$lang/$name.$width.txt"
            checks=$((checks + 1))
            if ! "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang "$lang" --render "$name.md" \
                --width "$width" >"$out" 2>&1; then
                failures=$((failures + 1))
                echo "not ok - $lang/$name at $width: --render failed:"
                cat "$out"
                continue
            fi
            if [ "$update" = 1 ]; then
                mkdir -p "$KIOSK_GOLDEN/$lang"
                cp "$out" "$golden"
                echo "updated $golden"
            elif [ ! -f "$golden" ]; then
                failures=$((failures + 1))
                echo "not ok - $lang/$name at $width: no golden file $golden (run make update-golden)"
            elif ! diff -u "$golden" "$out"; then
                failures=$((failures + 1))
                echo "not ok - $lang/$name at $width differs from $golden"
            else
                echo "ok - $lang/$name at $width"
            fi
        done
    done
done
echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ] && [ "$checks" -gt 0 ]
