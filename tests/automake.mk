# tests/: the runner, end-to-end scripts and their helpers.  Unit test
# programs are registered by the fragment of the area they test.  The whole
# tests/e2e directory (scripts, lib.sh, pkt.py) is distributed as is.
EXTRA_DIST += tests/run-tests.sh tests/e2e
