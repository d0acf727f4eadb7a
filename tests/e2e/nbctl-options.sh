#!/bin/bash
# nbctl-options: global options and connection handling of ovn-nbctl and
# ovn-sbctl: --db / OVN_NB_DB / OVN_SB_DB / the default socket under
# OVN_RUNDIR, comma-separated remotes with --no-leader-only, SSL (-p -c -C),
# --dry-run, --oneline, OVN_NBCTL_OPTIONS, --timeout, -V and bad options.
. "$(dirname "$0")/lib.sh"

NBCTL=$(our_bin ovn-nbctl) || skip "our ovn-nbctl is not built"
SBCTL=$(our_bin ovn-sbctl) || skip "our ovn-sbctl is not built"
dir=$E2E_DIR/db
mkdir -p "$dir"
port=$(e2e_start_ovsdb "$dir" nb "$E2E_SCHEMA_DIR/ovn-nb.ovsschema") || exit 1
e2e_start_ovsdb "$dir" sb "$E2E_SCHEMA_DIR/ovn-sb.ovsschema" >/dev/null \
    || exit 1
NB=unix:$dir/nb.sock SB=unix:$dir/sb.sock

# --db, then OVN_NB_DB, then $OVN_RUNDIR/ovnnb_db.sock.
check "$NBCTL" --db=$NB ls-add viadb
OVN_NB_DB=$NB check "$NBCTL" ls-add viaenv
ln -s "$dir/nb.sock" "$dir/ovnnb_db.sock"
ln -s "$dir/sb.sock" "$dir/ovnsb_db.sock"
out=$(env -u OVN_NB_DB OVN_RUNDIR=$dir "$NBCTL" ls-list | awk '{print $2}')
assert_eq "(viadb)
(viaenv)" "$out" "default socket under OVN_RUNDIR"
out=$(env -u OVN_SB_DB OVN_RUNDIR=$dir "$SBCTL" chassis-add hv1 geneve 1.2.3.4 \
      -- get Chassis hv1 name)
assert_eq hv1 "$out" "ovn-sbctl default socket"
out=$(OVN_SB_DB=$SB "$SBCTL" --bare --columns=ip list Encap)
assert_eq 1.2.3.4 "$out" "OVN_SB_DB"
out=$(OVN_NB_DB=unix:$dir/nonexistent "$NBCTL" --db=$NB ls-list | wc -l)
assert_eq 2 "$out" "--db overrides OVN_NB_DB"

# Comma-separated remotes: a dead one and the TCP listener.
out=$("$NBCTL" --db=unix:$dir/dead.sock,tcp:127.0.0.1:$port --no-leader-only \
      --timeout=10 ls-list | wc -l)
assert_eq 2 "$out" "cluster-style remote list"

# Connection failure: one-line error and status 1.
out=$("$NBCTL" --db=unix:$dir/nonexistent ls-list 2>&1)
assert_eq 1 "$?" "exit status on connection failure"
assert_eq "ovn-nbctl: unix:$dir/nonexistent: database connection failed (No such file or directory)" \
    "$out" "connection failure message"

# --dry-run changes nothing; --oneline; OVN_NBCTL_OPTIONS.
check "$NBCTL" --db=$NB --dry-run ls-add dry
assert_eq "" "$("$NBCTL" --db=$NB --bare --columns=name find Logical_Switch name=dry)" \
    "--dry-run"
out=$("$NBCTL" --db=$NB --oneline ls-list -- lr-list -- ls-list | sed 's/[0-9a-f-]\{36\}/U/g')
assert_eq 'U (viadb)\nU (viaenv)

U (viadb)\nU (viaenv)' "$out" "--oneline"
out=$(OVN_NBCTL_OPTIONS="--db=$NB --oneline" "$NBCTL" ls-list | sed 's/[0-9a-f-]\{36\}/U/g')
assert_eq 'U (viadb)\nU (viaenv)' "$out" "OVN_NBCTL_OPTIONS"
# Words are split as a shell would: quotes and backslashes.
out=$(OVN_NBCTL_OPTIONS="--db='$NB' --columns=\"name\"" \
      "$NBCTL" --bare list Logical_Switch | grep . | sort | tr '\n' ' ')
assert_eq 'viadb viaenv ' "$out" "OVN_NBCTL_OPTIONS with quotes"

# Errors leave nothing half-written: one transaction.
out=$("$NBCTL" --db=$NB ls-add half -- lsp-add half p1 -- lsp-set-addresses p1 bogus 2>&1)
assert_eq 1 "$?" "status of failing multi-command"
assert_eq "" "$("$NBCTL" --db=$NB --bare --columns=name find Logical_Switch name=half)" \
    "no partial writes"

# Version, help, bad options.
out=$("$NBCTL" -V)
assert_eq "ovn-nbctl 23.03.1" "$(echo "$out" | head -1)" "-V"
echo "$out" | grep -q '^DB Schema 7\.0\.0$' || fail "-V lacks the NB schema version"
"$SBCTL" -V | grep -q '^DB Schema ' || fail "ovn-sbctl -V"
"$NBCTL" --help | grep -q 'ovnnb_db.sock' || fail "--help lacks the default db"
out=$("$NBCTL" --bogus-option ls-list 2>&1)
assert_eq 1 "$?" "status for an unknown option"
out=$("$NBCTL" --db=$NB bogus-command 2>&1)
assert_eq "ovn-nbctl: unknown command 'bogus-command'; use --help for help" \
    "$out" "unknown command"
out=$("$NBCTL" --db=$NB --timeout=0 ls-list 2>&1)
assert_eq "ovn-nbctl: value 0 on -t or --timeout is invalid" "$out" "--timeout=0"

# SSL: -p -c -C against an ovsdb-server with a self-signed certificate.
if command -v openssl >/dev/null; then
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$dir/key.pem" \
        -out "$dir/cert.pem" -days 2 -subj "/CN=ovn-test" >/dev/null 2>&1 \
        || fail "openssl could not create a certificate"
    check ovsdb-tool create "$dir/ssl.db" "$E2E_SCHEMA_DIR/ovn-nb.ovsschema"
    e2e_daemon "$dir/ssl.pid" ovsdb-server --detach --no-chdir \
        --pidfile="$dir/ssl.pid" --log-file="$dir/ssl.log" \
        --unixctl="$dir/ssl.ctl" -vconsole:off \
        --private-key="$dir/key.pem" --certificate="$dir/cert.pem" \
        --ca-cert="$dir/cert.pem" --remote=pssl:0:127.0.0.1 "$dir/ssl.db"
    sslport=$(e2e_ovsdb_port "$dir/ssl.log")
    check "$NBCTL" -p "$dir/key.pem" -c "$dir/cert.pem" -C "$dir/cert.pem" \
        --db=ssl:127.0.0.1:$sslport --timeout=10 ls-add secure
    out=$("$NBCTL" --private-key="$dir/key.pem" --certificate="$dir/cert.pem" \
          --ca-cert="$dir/cert.pem" --db=ssl:127.0.0.1:$sslport --timeout=10 \
          --bare --columns=name list Logical_Switch)
    assert_eq secure "$out" "ls-list over SSL"
fi
exit 0
