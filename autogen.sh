#!/bin/sh
# Regenerate ./configure and the Makefile templates (needs autoconf, automake, autopoint).
set -e
cd "$(dirname "$0")"
autoreconf --install --force
