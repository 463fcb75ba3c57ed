#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# fail.sh: a stand-in printer that refuses every job, like lp with the
# printer offline: a message on stderr and exit status 1.
echo "lp: Error - The printer or class does not exist." >&2
exit 1
