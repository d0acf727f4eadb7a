#!/bin/sh
# Builds the libFuzzer target for the match-expression pipeline
# (tests/fuzz/fuzz-expr.c: lex, parse, annotate, simplify, normalize,
# OpenFlow matches) with clang and runs it briefly from the seed corpus
# tests/fuzz/expr-seeds.txt.  Skips (77) without clang/libFuzzer.
#
# FUZZ_RUNS (default 20000) and FUZZ_SECONDS (default 60) bound the run;
# FUZZ_KEEP=DIR keeps the binary and corpus in DIR.
srcdir=${abs_top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
OVS_SRCDIR=${OVS_SRCDIR:-/work/ovs/openvswitch}
OVS_BUILDDIR=${OVS_BUILDDIR:-/work/ovs/build}
CLANG=${CLANG:-clang}

command -v "$CLANG" >/dev/null 2>&1 || { echo "no clang; skipping"; exit 77; }
[ -f "$OVS_BUILDDIR/lib/.libs/libopenvswitch.a" ] || {
    echo "no libopenvswitch.a in $OVS_BUILDDIR; skipping"; exit 77; }
probe=$(mktemp /tmp/fuzzprobe.XXXXXX)
echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }' \
    > "$probe.c"
if ! "$CLANG" -fsanitize=fuzzer "$probe.c" -o "$probe" 2>/dev/null; then
    rm -f "$probe" "$probe.c"
    echo "clang cannot link libFuzzer; skipping"; exit 77
fi
rm -f "$probe" "$probe.c"

dir=${FUZZ_KEEP:-$(mktemp -d /tmp/fuzz-expr.XXXXXX)}
mkdir -p "$dir/corpus"
[ -n "$FUZZ_KEEP" ] || trap 'rm -rf "$dir"' EXIT

srcs="tests/fuzz/fuzz-expr.c"
for s in "$srcdir"/lib/ovn-lex.c "$srcdir"/lib/ovn-symtab.c \
         "$srcdir"/lib/ovn-expr*.c "$srcdir"/lib/ovn-lflow-compile.c \
         "$srcdir"/lib/ovn-actions*.c; do
    srcs="$srcs lib/$(basename "$s")"
done
objs=
for s in $srcs; do
    o=$dir/$(basename "$s" .c).o
    "$CLANG" -g -O1 -fsanitize=fuzzer,address,undefined \
        -fno-sanitize-recover=undefined -w -I"$srcdir" \
        -I"$OVS_BUILDDIR" -I"$OVS_SRCDIR/include" \
        -I"$OVS_BUILDDIR/include" -I"$OVS_SRCDIR/lib" \
        -I"$OVS_BUILDDIR/lib" -I"$OVS_SRCDIR" \
        -c "$srcdir/$s" -o "$o" || { echo "FAIL: compiling $s"; exit 1; }
    objs="$objs $o"
done
"$CLANG" -fsanitize=fuzzer,address,undefined $objs -o "$dir/fuzz-expr" \
    "$OVS_BUILDDIR/lib/.libs/libopenvswitch.a" \
    -lssl -lcrypto -lcap-ng -lunbound -latomic -lm -lpthread \
    || { echo "FAIL: linking"; exit 1; }

# Seeds: one expression per line, each with all four environments.
i=0
while IFS= read -r line; do
    for env in 0 1 3 7; do
        i=$((i + 1))
        printf "\\$(printf '%03o' $env)%s" "$line" > "$dir/corpus/seed$i"
    done
done < "$srcdir/tests/fuzz/expr-seeds.txt"

ASAN_OPTIONS=detect_leaks=1 "$dir/fuzz-expr" \
    -runs="${FUZZ_RUNS:-20000}" -max_total_time="${FUZZ_SECONDS:-60}" \
    -max_len=512 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    "$dir/corpus" > "$dir/fuzz.log" 2>&1
rc=$?
grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$dir/fuzz.log"
if [ $rc -ne 0 ]; then
    tail -40 "$dir/fuzz.log"
    echo "FAIL: fuzzer exited with status $rc"
    exit 1
fi
echo "PASS: fuzz-expr"
exit 0
