#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# crash.sh: a stand-in printer killed by a signal (SIGTERM, 15).
kill -TERM $$
sleep 5
