# SPDX-License-Identifier: GPL-3.0-or-later
# tests/catalogs.sh: every UI catalog in locale/ is complete: it passes
# msgfmt --check, has no untranslated and no fuzzy entry, covers every
# string of the program (msgmerge against a fresh template), and is listed
# in LINGUAS.
set -u
: "${KIOSK_SRCDIR:?}"
export LC_ALL=C
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
checks=0
failures=0
fail() { failures=$((failures + 1)); echo "not ok - $*"; }

cd "$KIOSK_SRCDIR" || exit 1
# Every source file with a translatable string is listed, or its strings
# never reach a catalog and show in English in every language.
checks=$((checks + 1))
missing=$(grep -lE '\<N?_\("' app/*.c app/*/*.c | while read -r f; do
    grep -qxF "$f" locale/POTFILES.in || echo "$f"; done)
if [ -n "$missing" ]; then fail "not in locale/POTFILES.in: $missing"; else echo "ok - every file with strings is in POTFILES.in"; fi
# A fresh template from the sources, to catch strings added since the last update-po.
grep -v '^#' locale/POTFILES.in > "$work/files"
xgettext --keyword=_ --keyword=N_ --keyword=ngettext:1,2 --from-code=UTF-8 \
    --files-from="$work/files" -o "$work/fresh.pot"
for po in locale/*.po; do
    [ -e "$po" ] || continue
    lang=$(basename "$po" .po)
    checks=$((checks + 1))
    if ! stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
        fail "$lang: msgfmt --check: $stats"; continue
    fi
    case $stats in
        *untranslated* | *fuzzy*) fail "$lang: $stats"; continue ;;
    esac
    echo "ok - $lang: $stats"
    checks=$((checks + 1))
    msgmerge --quiet --no-fuzzy-matching "$po" "$work/fresh.pot" -o "$work/$lang.po" 2>/dev/null
    merged=$(msgfmt --statistics -o /dev/null "$work/$lang.po" 2>&1)
    case $merged in
        *untranslated* | *fuzzy*) fail "$lang: strings the program has but the catalog lacks ($merged); run make -C locale update-po and translate" ;;
        *) echo "ok - $lang covers every string of the program" ;;
    esac
    checks=$((checks + 1))
    if grep -qx "$lang" locale/LINGUAS; then echo "ok - $lang is in LINGUAS"; else fail "$lang is not in locale/LINGUAS"; fi
done
echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
