# tests/: the runner, end-to-end scripts and their helpers.  Unit test
# programs are registered by the fragment of the area they test.
EXTRA_DIST += tests/run-tests.sh
