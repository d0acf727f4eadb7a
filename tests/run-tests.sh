#!/bin/bash
# run-tests.sh: runs the project's tests and ends with one summary line,
# "N passed, N failed, N skipped".
#
# Environment: abs_top_srcdir, abs_top_builddir (defaults: this checkout and
# its _build/), ASAN_BUILDDIR (optional second build whose unit tests are run
# too), OVS_SRCDIR/OVS_BUILDDIR.
# Options: --unit-only, --e2e-only, -k PATTERN (run only tests whose name
# contains PATTERN), -j N (end-to-end tests in parallel, default 1).
# A unit test program counts each cmocka case; an end-to-end script
# tests/e2e/NAME.sh counts as one test: exit 0 pass, 77 skip, else fail;
# each has E2E_TEST_TIMEOUT seconds (default 300).
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${abs_top_srcdir:=$(cd "$here/.." && pwd)}"
: "${abs_top_builddir:=$abs_top_srcdir/_build}"
export abs_top_srcdir abs_top_builddir
unit=yes e2e=yes pattern= jobs=1
while [ $# -gt 0 ]; do
    case $1 in
        --unit-only) e2e=no ;;
        --e2e-only) unit=no ;;
        -k) pattern=$2; shift ;;
        -j) jobs=$2; shift ;;
        -j*) jobs=${1#-j} ;;
        *) pattern=$1 ;;
    esac
    shift
done
logdir=$abs_top_builddir/tests/logs
mkdir -p "$logdir"
passed=0 failed=0 skipped=0 failures=

# Runs every cmocka program tests/unit/test-* of build directory $1,
# labelling results with $2.
run_unit() {
    local bdir=$1 label=$2 prog name log p f
    for prog in "$bdir"/tests/unit/test-*; do
        [ -x "$prog" ] && [ -f "$prog" ] || continue
        name=$(basename "$prog")
        case $name in *.o|*.c) continue ;; esac
        [ -z "$pattern" ] || [[ $name == *$pattern* ]] || continue
        log=$logdir/$label-$name.log
        (cd "$bdir" && CMOCKA_MESSAGE_OUTPUT=stdout timeout 600 "$prog") >"$log" 2>&1
        local rc=$?
        p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
        f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
        p=${p:-0} f=${f:-0}
        if [ $rc -ne 0 ] && [ "$f" = 0 ]; then f=1; fi
        if grep -q "ERROR: AddressSanitizer\|runtime error:\|ERROR: LeakSanitizer" "$log"; then
            f=$((f + 1))
        fi
        passed=$((passed + p)) failed=$((failed + f))
        if [ "$f" != 0 ]; then
            echo "FAIL $label/$name ($p passed, $f failed; log $log)"
            failures="$failures $label/$name"
            grep -E "^\[  (FAILED|ERROR) +\]|ERROR:|runtime error" "$log" | head -20
        else
            echo "PASS $label/$name ($p cases)"
        fi
    done
}

# Runs end-to-end script $1 and records its result in $logdir.
run_one_e2e() {
    local script=$1 name log rc t0
    name=$(basename "$script" .sh)
    log=$logdir/e2e-$name.log
    t0=$(date +%s)
    (cd "$abs_top_builddir" && timeout "${E2E_TEST_TIMEOUT:-300}" bash "$script") >"$log" 2>&1
    rc=$?
    echo "$rc $(( $(date +%s) - t0 ))" > "$log.rc"
}

if [ $unit = yes ]; then
    run_unit "$abs_top_builddir" unit
    if [ -n "${ASAN_BUILDDIR:-}" ] && [ -d "$ASAN_BUILDDIR" ]; then
        ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
        UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
            run_unit "$ASAN_BUILDDIR" asan
    fi
fi

if [ $e2e = yes ]; then
    scripts=()
    for s in "$abs_top_srcdir"/tests/e2e/*.sh; do
        n=$(basename "$s" .sh)
        case $n in lib|lib-*) continue ;; esac
        [ -z "$pattern" ] || [[ $n == *$pattern* ]] || continue
        scripts+=("$s")
    done
    running=0
    for s in "${scripts[@]}"; do
        run_one_e2e "$s" &
        running=$((running + 1))
        if [ $running -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
    done
    wait
    for s in "${scripts[@]}"; do
        n=$(basename "$s" .sh)
        log=$logdir/e2e-$n.log
        read -r rc secs < "$log.rc"
        case $rc in
            0) passed=$((passed + 1)); echo "PASS e2e/$n (${secs}s)" ;;
            77) skipped=$((skipped + 1)); echo "SKIP e2e/$n: $(tail -1 "$log")" ;;
            *) failed=$((failed + 1)); failures="$failures e2e/$n"
               echo "FAIL e2e/$n (exit $rc, ${secs}s; log $log)"
               tail -15 "$log" | sed 's/^/    /' ;;
        esac
    done
fi

[ -z "$failures" ] || echo "failed:$failures"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
