#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# hang.sh: a stand-in printer that never finishes.
# Run as: sh hang.sh RECORD_DIR FILE
# Starts a child (sleep) and writes its process id to RECORD_DIR/child, so
# the test can check that the whole process group was killed.
sleep 60 &
echo $! > "$1/child"
wait
echo finished > "$1/finished"
