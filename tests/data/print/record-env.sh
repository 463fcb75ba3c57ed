#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# record-env.sh: a stand-in printer command for tests/unit/check_print.c.
# Run as: sh record-env.sh RECORD_DIR FILE. Writes the environment it was
# given, one NAME=value a line, to RECORD_DIR/env.
env >"$1/env"
