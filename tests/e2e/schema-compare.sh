#!/bin/sh
# Checks that schemas/ovn-{nb,sb}.ovsschema are structurally identical to
# the reference OVN 23.03 schemas (default /usr/share/ovn), and that the
# comparison tool itself detects differences.
#
# Exit status: 0 pass, 77 skip (no reference schema), 1 fail.

if test -n "$abs_top_srcdir"; then
    srcdir=$abs_top_srcdir
else
    srcdir=$(cd "$(dirname "$0")/../.." && pwd)
fi
refdir=${OVN_REFERENCE_SCHEMA_DIR:-/usr/share/ovn}
compare="/usr/bin/python3 $srcdir/tests/schema-compare.py"

if test ! -e "$refdir/ovn-nb.ovsschema" \
        || test ! -e "$refdir/ovn-sb.ovsschema"; then
    echo "reference schemas not found in $refdir, skipping"
    exit 77
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

status=0
for db in nb sb; do
    ours=$srcdir/schemas/ovn-$db.ovsschema
    ref=$refdir/ovn-$db.ovsschema
    if ! $compare "$ours" "$ref"; then
        echo "FAIL: $ours differs from $ref"
        status=1
    fi

    # The comparator must notice a changed constraint, a dropped table,
    # a changed index and isRoot: mutate our schema and expect failure.
    for mutation in \
        'c=s["tables"]["SSL"]["columns"]; c["ca_cert"]["type"]="integer"' \
        'del s["tables"][sorted(s["tables"])[0]]' \
        'x=s["tables"]["SSL"]; x["indexes"]=[["private_key"]]' \
        'x=s["tables"]["SSL"]; x["isRoot"]=not x.get("isRoot",False)' \
        's["version"]="0.0.0"'; do
        /usr/bin/python3 -c "
import json, sys
s = json.load(open(sys.argv[1]))
$mutation
json.dump(s, open(sys.argv[2], 'w'))
" "$ours" "$tmp/mutated.ovsschema" || exit 1
        $compare "$tmp/mutated.ovsschema" "$ref" > "$tmp/out" 2>&1
        rc=$?
        if test $rc != 1 || test ! -s "$tmp/out"; then
            echo "FAIL: comparator missed mutation ($rc): $mutation"
            status=1
        fi
    done

    # Missing reference file: skip status.
    $compare "$ours" "$tmp/nonexistent.ovsschema" > /dev/null 2>&1
    rc=$?
    if test $rc != 77; then
        echo "FAIL: comparator returned $rc, not 77, for missing reference"
        status=1
    fi

    # Our schema must be accepted by ovsdb-tool, with a correct cksum.
    if command -v ovsdb-tool > /dev/null 2>&1; then
        if ! ovsdb-tool create "$tmp/$db.db" "$ours"; then
            echo "FAIL: ovsdb-tool rejects $ours"
            status=1
        fi
        name=$(ovsdb-tool schema-name "$ours")
        refname=$(ovsdb-tool schema-name "$ref")
        if test "$name" != "$refname"; then
            echo "FAIL: schema name $name != $refname"
            status=1
        fi
        cksum=$(ovsdb-tool schema-cksum "$ours")
        expected=$(sed '/"cksum": *"[0-9][0-9]* [0-9][0-9]*",/d' "$ours" \
                   | cksum)
        if test "$cksum" != "$expected"; then
            echo "FAIL: $ours cksum field '$cksum' != computed '$expected'"
            status=1
        fi
    fi
done
exit $status
