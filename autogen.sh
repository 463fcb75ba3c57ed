#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerate ./configure and the Makefile templates (needs autoconf, automake, autopoint).
set -e
cd "$(dirname "$0")"
autoreconf --install --force
