#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# record.sh: a stand-in printer command for tests/unit/check_print.c.
# Run as: sh record.sh RECORD_DIR [ARG...] FILE
# Copies FILE (the last argument, which print_text() appends) to
# RECORD_DIR/text and writes into RECORD_DIR:
#   argv      every argument after RECORD_DIR, one per line
#   path      FILE's path
#   dirmode   octal permissions of FILE's directory (expected 700)
#   filemode  octal permissions of FILE (expected 600)
#   stdin     whatever arrived on standard input (expected nothing)
# It also writes to stdout and stderr, which print_text() must discard.
rec=$1
shift
: > "$rec/argv"
last=
for arg in "$@"; do
    printf '%s\n' "$arg" >> "$rec/argv"
    last=$arg
done
cp "$last" "$rec/text" || exit 3
printf '%s\n' "$last" > "$rec/path"
stat -c %a "$(dirname "$last")" > "$rec/dirmode"
stat -c %a "$last" > "$rec/filemode"
cat > "$rec/stdin"
echo "request id is front_desk-1 (1 file(s))"
echo "lp: a warning nobody should see" >&2
exit 0
