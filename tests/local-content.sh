# SPDX-License-Identifier: GPL-3.0-or-later
# tests/local-content.sh: a clinic's local content folder over the packaged
# one ([content] local_folder in a test --config; never the host's
# $(sysconfdir)): a local page replaces the packaged one in --render and
# --check marks it local and counts it; a local page's broken link is
# reported with the local file's path and line; a local index.md gives the
# menu; --content DIR is exactly DIR, with no local folder over it; a
# local_folder that does not exist is refused naming the setting.
set -u
: "${KIOSK:?}" "${KIOSK_CONTENT_DIR:?}"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
checks=0
failures=0
ok() { checks=$((checks + 1)); echo "ok - $1"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "not ok - $1"; shift; for f; do sed 's/^/    | /' "$f"; done; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
local_dir=$work/local
mkdir -p "$local_dir/en"
printf '[content]\nlocal_folder = %s\n' "$local_dir" >"$work/kiosk.conf"
kiosk() { "$KIOSK" --config "$work/kiosk.conf" "$@"; }

# One page overridden: cost.md with the clinic's own words.
cat >"$local_dir/en/cost.md" <<'EOF'
# Cost and insurance

Our billing office is open every weekday. Ask at the front desk for a price
list before your first session.
EOF
kiosk --lang en --render cost.md >"$work/render" 2>&1
if grep -q 'Our billing office is open every weekday' "$work/render" &&
    ! grep -q 'Costs are different for each person' "$work/render"; then
    ok "--render shows the local page"
else fail "--render did not show the local page:" "$work/render"; fi
kiosk --lang en --render faq.md >"$work/faq" 2>&1
"$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang en --render faq.md >"$work/faq.packaged" 2>&1
if [ -s "$work/faq" ] && cmp -s "$work/faq" "$work/faq.packaged"; then
    ok "a page the local folder lacks is the packaged one"
else fail "faq.md differs from the packaged page:" "$work/faq"; fi
"$KIOSK" --config "$work/kiosk.conf" --content "$KIOSK_CONTENT_DIR" --lang en --render cost.md >"$work/exact" 2>&1
if grep -q 'Costs are different for each person' "$work/exact"; then
    ok "--content DIR reads exactly DIR, with no local folder over it"
else fail "--content DIR still read the local folder:" "$work/exact"; fi

kiosk --check >"$work/check" 2>&1
status=$?
pages=$(grep -cE '^(en|es|zh) ' "$work/check")
if [ "$status" = 0 ] && grep -qE '^en   local cost\.md ' "$work/check" &&
    grep -qE '^es   -     cost\.md ' "$work/check" &&
    grep -qF "1 of $pages pages from the local folder $local_dir (\"local\" above), the rest from $KIOSK_CONTENT_DIR" "$work/check"; then
    ok "--check marks the local page and counts it (1 of $pages)"
else fail "--check did not mark the local page (exit $status):" "$work/check"; fi
if "$KIOSK" --check --content "$KIOSK_CONTENT_DIR" --config "$work/kiosk.conf" 2>&1 | grep -q 'local'; then
    fail "--check --content DIR mentions a local folder"
else ok "--check --content DIR has no local column"; fi

# A broken link in the local page: named by the local file and its line.
printf '\nSee [the price list](prices.md).\n' >>"$local_dir/en/cost.md"
kiosk --check >"$work/check" 2>&1
status=$?
if [ "$status" = 1 ] && grep -qF "$local_dir/en/cost.md:6: error: link \"prices.md\": there is no page" "$work/check"; then
    ok "a local page's broken link is reported at the local file's line"
else fail "the broken local link was not reported (exit $status):" "$work/check"; fi
rm "$local_dir/en/cost.md"

# A local index.md replaces the packaged menu for its language, and may
# name a page only the local folder has.
sed -e 's/^# .*/# Our clinic/' "$KIOSK_CONTENT_DIR/en/index.md" >"$local_dir/en/index.md"
sed -i '0,/^- \[/s//- [Parking](parking.md)\n- [/' "$local_dir/en/index.md"
printf '# Parking\n\nPark in the blue lot behind the clinic.\n' >"$local_dir/en/parking.md"
kiosk --lang en --render parking.md >"$work/parking" 2>&1
kiosk --lang en --render index.md >"$work/index" 2>&1
if grep -q 'blue lot' "$work/parking" && grep -q 'Our clinic' "$work/index" && grep -q 'Parking' "$work/index"; then
    ok "a local index.md gives the menu, with a local-only page"
else fail "the local index.md was not used:" "$work/parking" "$work/index"; fi
printf 'q\n' | kiosk --plain --lang en >"$work/plain" 2>&1
if grep -q 'Parking' "$work/plain"; then ok "the kiosk's menu (--plain) lists the local page"
else fail "the --plain menu lacks the local page:" "$work/plain"; fi
rm "$local_dir/en/parking.md"
kiosk --lang en --render faq.md >"$work/gone" 2>&1
status=$?
if [ "$status" = 2 ] && grep -qF "$local_dir/en/index.md:" "$work/gone" && grep -q 'parking.md, which is neither in' "$work/gone"; then
    ok "a local menu naming a missing page is refused with the local index's line"
else fail "a missing local menu page was not refused (exit $status):" "$work/gone"; fi
rm "$local_dir/en/index.md"

# The setting names a folder that does not exist: refused, naming it.
printf '[content]\nlocal_folder = %s/nowhere\n' "$work" >"$work/bad.conf"
"$KIOSK" --config "$work/bad.conf" --check >"$work/bad" 2>&1
status=$?
if [ "$status" = 2 ] && grep -qF "$work/bad.conf:2: error: local_folder \"" "$work/bad" &&
    grep -q 'No such file or directory; create the folder' "$work/bad"; then
    ok "a local_folder that does not exist is refused, naming the setting"
else fail "a missing local_folder was not refused (exit $status):" "$work/bad"; fi

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
