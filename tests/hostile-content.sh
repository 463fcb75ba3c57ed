# SPDX-License-Identifier: GPL-3.0-or-later
# tests/hostile-content.sh: content written to harm (tests/data/hostile-content/
# and folders made here): --check never passes content's escape sequences,
# C1 controls or bidi overrides to the author's terminal, nor does the HTML
# summary; --check refuses a page that is a symlink out of the folder, as
# the menu does; a flow past the limits (questions, summary size) is
# reported by FILE:LINE, never a crash.
set -u
: "${KIOSK:?}" "${KIOSK_TEST_DATA:?}"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
checks=0
failures=0
ok() { checks=$((checks + 1)); echo "ok - $1"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "not ok - $1"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
hostile=$KIOSK_TEST_DATA/hostile-content

# Bytes that must never reach a terminal: ESC, BEL, C1 (as UTF-8: C2 80-9F)
# and the bidi overrides and isolates (E2 80 AA-AE, E2 81 A6-A9).
dirty() { LC_ALL=C grep -q "$(printf '[\033\007]')\|$(printf '\302')[$(printf '\200')-$(printf '\237')]\|$(printf '\342\200')[$(printf '\252')-$(printf '\256')]\|$(printf '\342\201')[$(printf '\246')-$(printf '\251')]" "$1"; }

"$KIOSK" --check --content "$hostile" >"$tmp/check.out" 2>&1
if dirty "$tmp/check.out"; then fail "--check printed raw control bytes from content:"; od -c "$tmp/check.out" | grep -E '033|\\a|302 2|342 200 25' | head -5
elif grep -q 'unknown placeholder {{\]52;c;cHduZWQ=}}' "$tmp/check.out"; then ok "--check shows an OSC 52 placeholder without its ESC and BEL"
else fail "--check did not report the placeholder:"; sed 's/^/    | /' "$tmp/check.out"; fi

"$KIOSK" --content "$hostile" --summary one=1 --format html >"$tmp/summary.html" 2>&1
if dirty "$tmp/summary.html"; then fail "the HTML summary keeps C1 controls or bidi overrides"
elif grep -q '<li>note label 2J desrever</li>' "$tmp/summary.html"; then ok "the HTML summary drops C1 controls and bidi overrides"
else fail "the HTML summary is not as expected:"; sed 's/^/    | /' "$tmp/summary.html"; fi

# A page symlinked out of the folder is refused, not scored.
cp -R "$hostile" "$tmp/link"
ln -s /etc/passwd "$tmp/link/en/passwd.md"
"$KIOSK" --check --content "$tmp/link" >"$tmp/link.out" 2>&1
if grep -qF "$tmp/link/en/passwd.md: error: leads outside the content folder" "$tmp/link.out"; then
    ok "--check refuses a page that links outside the folder"
else fail "--check followed a symlink out of the folder:"; grep passwd "$tmp/link.out" | sed 's/^/    | /'; fi
if grep 'passwd' "$tmp/link.out" | grep -qv 'leads outside'; then fail "--check read /etc/passwd"; else ok "--check did not read the symlink's target"; fi

# 600 questions in a chain: refused at the 501st, by FILE:LINE; no crash.
mkdir -p "$tmp/long/en"
cp "$hostile/en/index.md" "$hostile/en/page.md" "$tmp/long/en/"
awk 'BEGIN { print "# Q\n"; for (i = 0; i < 600; i++) printf "## Q%d {#q%d}\n\n- [next](#%s)\n\n", i, i, i < 599 ? "q" (i + 1) : "end" }' >"$tmp/long/en/questions.md"
"$KIOSK" --check --content "$tmp/long" >"$tmp/long.out" 2>&1
status=$?
if [ "$status" = 1 ] && grep -qF "$tmp/long/en/questions.md:2003: error: more than 500 questions; the most allowed is 500" "$tmp/long.out"; then
    ok "--check refuses question 501 by FILE:LINE (exit 1)"
else fail "--check on 600 questions: exit $status:"; grep questions.md "$tmp/long.out" | head -3 | sed 's/^/    | /'; fi
"$KIOSK" --content "$tmp/long" --render index.md >/dev/null 2>"$tmp/render.err"
status=$?
if [ "$status" = 2 ] && grep -q 'questions.md:[0-9]*: error' "$tmp/render.err"; then ok "--render refuses the long flow (exit 2)"
else fail "--render on 600 questions: exit $status"; fi

# One answer whose note repeats {answer}: a summary far past 64 KB.
mkdir -p "$tmp/amp/en"
cp "$hostile/en/index.md" "$hostile/en/page.md" "$tmp/amp/en/"
awk 'BEGIN { for (i = 0; i < 300; i++) s = s "x"; printf "# Q\n\n## One {#one}\n\n- [%s](#end)\n  > ", s; for (i = 0; i < 300; i++) printf "{answer}"; print "" }' >"$tmp/amp/en/questions.md"
"$KIOSK" --check --content "$tmp/amp" >"$tmp/amp.out" 2>&1
if grep -qF "$tmp/amp/en/questions.md:3: error: the answers could make a summary of" "$tmp/amp.out"; then ok "--check refuses a flow whose summary could pass 64 KB"
else fail "--check accepted an amplifying flow:"; grep questions.md "$tmp/amp.out" | sed 's/^/    | /'; fi
"$KIOSK" --content "$tmp/amp" --summary one=1 >"$tmp/amp.sum" 2>&1
if [ $? = 2 ] && [ "$(wc -c <"$tmp/amp.sum")" -lt 4096 ]; then ok "--summary refuses it too"; else fail "--summary built the amplified summary"; fi

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" = 0 ]
