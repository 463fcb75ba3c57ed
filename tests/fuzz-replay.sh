# SPDX-License-Identifier: GPL-3.0-or-later
# tests/fuzz-replay.sh: replay every fuzz seed and every input that once
# crashed a fuzz target (tests/data/fuzz/<target>/) through the real code.
set -u
: "${KIOSK_TESTS:?}"
status=0
for t in layout flow config summary printout menu plain keys; do
    echo "== $t"
    "$KIOSK_BUILD/tests/fuzz/replay_$t" "$KIOSK_TESTS/fuzz/corpus/$t" "$KIOSK_TESTS/data/fuzz/$t" || status=1
done
exit $status
