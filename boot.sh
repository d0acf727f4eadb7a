#!/bin/sh
# Regenerates the autotools files (configure, Makefile.in).
set -e
cd "$(dirname "$0")"
mkdir -p m4
autoreconf --install --force >/dev/null 2>&1 || autoreconf --install --force
