# tests/e2e/lib.sh -- the end-to-end test harness.  Source it from a test:
#
#     . "$(dirname "$0")/lib.sh"
#
# Sourcing creates a private temp dir ($E2E_DIR) and installs an EXIT trap
# that stops exactly the daemons this test started (by their pidfiles) and
# deletes exactly the network namespaces it created.  Everything listens on
# unix sockets inside $E2E_DIR or on 127.0.0.1 ports chosen by the kernel,
# so tests may run in parallel.
#
# Environment (all optional):
#   abs_top_srcdir    source tree (default: two levels above this file)
#   abs_top_builddir  build tree with our binaries (default: $OVN_BUILDDIR,
#                     else $abs_top_srcdir/_build if present, else
#                     abs_top_srcdir)
#   E2E_NORTHD        ours | debian | none | auto (ours if built, else none)
#   E2E_CONTROLLER    ours | debian   (default for hv_start_controller: ours)
#   E2E_CTL           ours | debian | auto (ovn-nbctl/ovn-sbctl: ours if built)
#   E2E_TIMEOUT       seconds to wait for packets/conditions (default 10)
#   E2E_KEEP=1        keep $E2E_DIR even when the test passes
#   E2E_PERSIST=1     no EXIT trap (the demo); stop later with
#                     e2e_teardown_dir DIR
#   E2E_DIR           use this (empty or new) directory instead of mktemp
#   E2E_NSPFX         namespace name prefix (default e2e<random>-)
#   E2E_SETTLE        seconds after an inject during which stray frames
#                     still count (default 0.5)
#   E2E_SCHEMA_DIR    where ovn-nb/ovn-sb.ovsschema come from (default
#                     $abs_top_srcdir/schemas)
#   E2E_VSWITCHD_OPTS extra ovs-vswitchd options, e.g. "-vvconn:file:dbg"
#
# Functions (see each one's comment for details):
#   general:   e2e_log  fail  skip  check  wait_until  wait_eval  assert_eq
#              pkt   (do not use "set -e" in tests; use check/fail)
#              have_ours PROGRAM   our_bin PROGRAM   e2e_teardown_dir DIR
#              e2e_free_port   e2e_daemon PIDFILE CMD...   e2e_stop_daemon
#   central:   central_start [ours|debian|none|auto]   nbctl  sbctl  ovn_trace
#              wait_lsp_up LSP...
#              central_appctl ovsdb-nb|ovsdb-sb|ovn-northd ARGS...
#              central_start_northd [FLAVOUR]   central_stop_northd
#   dummy HVs: hv_add NAME IP   hv_start_controller NAME [ours|debian]
#              hv_vsctl|hv_ofctl|hv_appctl|hv_exec NAME ARGS...
#              vif_add HV PORT IFACEID [OFPORT]   inject HV PORT HEX
#              expect_packets HV PORT [HEX...]   expect_none HV PORT...
#              expect_none_all   hv_stop_controller NAME
#              wait_ovn_installed HV PORT...
#              vif_pcap HV PORT   underlay_pcap HV [rx|tx]
#              pcap_take FILE   pcap_expect FILE [HEX...]   pcap_none FILE
#   L2 scenario (sw0, lp1..3 on hv1..3): l2_tunnel_keys  l2_drain
#              l2_expect_unicast  l2_expect_flood  l2_expect_arp_responder
#   netns:     netns_require   netns_hv_add NAME IP
#              netns_vm_add HV VM IFACEID MAC IP/PLEN [GATEWAY]
#              vm_exec VM CMD...   vm_ping VM DST [COUNT]
#              netns_ns NAME   capture_start NAME NS IFACE [FILTER]
#              capture_stop NAME   underlay_capture_start HV
#
# Hypervisor state lives in $E2E_DIR/NAME/ (OVS_RUNDIR = OVS_DBDIR =
# OVS_LOGDIR = OVN_RUNDIR of that HV): db.sock, br-int.mgmt, *.log, pcaps.

# ---------------------------------------------------------------------------
# General helpers.

E2E_LIBDIR=$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")" && pwd)
: "${abs_top_srcdir:=$(cd "$E2E_LIBDIR/../.." && pwd)}"
if [ -z "${abs_top_builddir:-}" ]; then
    if [ -n "${OVN_BUILDDIR:-}" ]; then
        abs_top_builddir=$OVN_BUILDDIR
    elif [ -d "$abs_top_srcdir/_build" ]; then
        abs_top_builddir=$abs_top_srcdir/_build
    else
        abs_top_builddir=$abs_top_srcdir
    fi
fi
export abs_top_srcdir abs_top_builddir
E2E_PYTHON=/usr/bin/python3
E2E_VSWITCH_SCHEMA=/usr/share/openvswitch/vswitch.ovsschema
: "${E2E_SCHEMA_DIR:=$abs_top_srcdir/schemas}"
: "${E2E_TIMEOUT:=10}"
: "${E2E_SETTLE:=0.5}"
: "${E2E_NORTHD:=auto}"
: "${E2E_CONTROLLER:=ours}"
: "${E2E_CTL:=auto}"

# e2e_log MSG...: prints a progress line on stderr.
e2e_log () {
    echo "[$(basename "$0" .sh)] $*" >&2
}

# fail MSG...: reports a failure and exits 1 (the trap tears down).
fail () {
    echo "FAIL: $(basename "$0"): $*" >&2
    exit 1
}

# skip MSG...: reports why the test cannot run here and exits 77.
skip () {
    echo "SKIP: $(basename "$0"): $*" >&2
    exit 77
}

# check CMD...: runs CMD; fails the test (showing its output) if it fails.
check () {
    local out
    if ! out=$("$@" 2>&1); then
        fail "command failed: $*
$out"
    fi
    [ -z "$out" ] || printf '%s\n' "$out"
}

# assert_eq EXPECTED ACTUAL [WHAT]: fails unless the two strings are equal.
assert_eq () {
    if [ "$1" != "$2" ]; then
        fail "${3:-value} mismatch:
--- expected
$1
--- actual
$2"
    fi
}

# wait_until [-t SECONDS] CMD...: polls CMD every 0.1 s until it succeeds;
# returns 1 after the timeout (default $E2E_TIMEOUT).
# BEWARE: the shell expands CMD's arguments once, before the call, so
#     wait_until [ "$(sbctl get ...)" = true ]        # WRONG: never changes
# tests the same string over and over.  Pass one quoted string instead; it
# is evaluated afresh each time (same as wait_eval):
#     wait_until '[ "$(sbctl get ...)" = true ]'      # right
wait_until () {
    local t=$E2E_TIMEOUT i
    if [ "$1" = -t ]; then t=$2; shift 2; fi
    if [ $# = 1 ] && [[ $1 == *[[:space:]]* ]]; then
        wait_eval -t "$t" "$1"
        return
    fi
    for ((i = 0; i < t * 10; i++)); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    return 1
}

# wait_eval [-t SECONDS] 'SHELL CODE': like wait_until, but evaluates the
# code afresh each time, e.g. wait_eval '[ "$(nbctl get ...)" = true ]'.
wait_eval () {
    local t=$E2E_TIMEOUT i
    if [ "$1" = -t ]; then t=$2; shift 2; fi
    for ((i = 0; i < t * 10; i++)); do
        eval "$1" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    return 1
}

# pkt ARGS...: runs tests/e2e/pkt.py (frame builder and pcap reader).
pkt () {
    "$E2E_PYTHON" "$E2E_LIBDIR/pkt.py" "$@"
}

# our_bin PROGRAM: prints the path of our build of PROGRAM (ovn-northd,
# ovn-controller, ovn-nbctl, ovn-sbctl, ovn-trace); status 1 if not built.
our_bin () {
    local p
    for p in northd controller utilities; do
        if [ -x "$abs_top_builddir/$p/$1" ]; then
            echo "$abs_top_builddir/$p/$1"
            return 0
        fi
    done
    return 1
}

# have_ours PROGRAM: true if our build of PROGRAM exists.
have_ours () {
    our_bin "$1" >/dev/null
}

# e2e_bin PROGRAM ours|debian|auto: the binary to run for PROGRAM.
e2e_bin () {
    case $2 in
    ours)
        our_bin "$1" || fail "our $1 is not built in $abs_top_builddir"
        ;;
    debian)
        echo "/usr/bin/$1"
        ;;
    auto)
        our_bin "$1" || echo "/usr/bin/$1"
        ;;
    *)
        fail "unknown binary flavour '$2' for $1"
        ;;
    esac
}

# e2e_free_port: prints a TCP port on 127.0.0.1 that was free a moment ago
# (the kernel's choice, so parallel tests rarely collide).  Prefer letting
# the daemon bind "ptcp:0:127.0.0.1" and reading the port from its log, as
# central_start does: that cannot race at all.
e2e_free_port () {
    "$E2E_PYTHON" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

# ---------------------------------------------------------------------------
# Daemons and teardown.  $E2E_DIR/pidfiles lists every pidfile we created,
# $E2E_DIR/netns every namespace, in creation order.

# e2e_daemon PIDFILE CMD...: records PIDFILE, then runs CMD (which must
# daemonize with --detach --pidfile=PIDFILE); fails if CMD fails.
e2e_daemon () {
    local pidfile=$1 out
    shift
    echo "$pidfile" >> "$E2E_DIR/pidfiles"
    if ! out=$("$@" 2>&1); then
        fail "could not start: $*
$out"
    fi
}

# e2e_alive PID: true if PID runs (a zombie waiting for init to reap it
# does not count).
e2e_alive () {
    case $(sed -n 's/^State:[[:space:]]*\(.\).*/\1/p' \
           "/proc/$1/status" 2>/dev/null) in
    ''|Z|X) return 1 ;;
    esac
    return 0
}

# e2e_kill_pidfile PIDFILE: stops the daemon that wrote PIDFILE, if it is
# still running and still the process that named PIDFILE on its command
# line (so a recycled pid is never hit).
e2e_kill_pidfile () {
    local pidfile=$1 pid i
    [ -f "$pidfile" ] || return 0
    pid=$(cat "$pidfile" 2>/dev/null)
    case $pid in ''|*[!0-9]*) return 0 ;; esac
    tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$pidfile" \
        || return 0
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < 50; i++)); do
        e2e_alive "$pid" || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null
    return 0
}

# e2e_stop_daemon PIDFILE: stops a daemon on purpose (a failing test then
# does not report it as having died).
e2e_stop_daemon () {
    echo "$1" >> "$E2E_DIR/stopped"
    e2e_kill_pidfile "$1"
}

# e2e_teardown_dir DIR: stops every daemon and deletes every namespace
# recorded in DIR (newest first).  Used by the trap and by the demo.
e2e_teardown_dir () {
    local dir=$1 f ns
    if [ -f "$dir/pidfiles" ]; then
        for f in $(tac "$dir/pidfiles"); do
            e2e_kill_pidfile "$f"
        done
    fi
    if [ -f "$dir/netns" ]; then
        for ns in $(tac "$dir/netns"); do
            ip netns pids "$ns" 2>/dev/null | while read -r pid; do
                # Only our own leftovers (ping etc.) can live in our netns.
                kill -KILL "$pid" 2>/dev/null
            done
            ip netns del "$ns" 2>/dev/null
        done
    fi
}

# e2e_teardown: the EXIT trap.  Keeps $E2E_DIR on failure or E2E_KEEP=1.
e2e_teardown () {
    local rc=$? pid f
    trap - EXIT
    if [ "$rc" != 0 ] && [ "$rc" != 77 ]; then
        # Daemons that died on their own are the usual culprits.
        for f in $(sort -u "$E2E_DIR/pidfiles"); do
            grep -qxF -- "$f" "$E2E_DIR/stopped" 2>/dev/null && continue
            pid=$(cat "$f" 2>/dev/null)
            if [ -z "$pid" ] || ! e2e_alive "$pid"; then
                e2e_log "not running at the end: ${f%.pid} (see its .log)"
            fi
        done
    fi
    for pid in ${E2E_CHILDREN:-}; do
        kill -TERM "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    e2e_teardown_dir "$E2E_DIR"
    if [ "$rc" = 0 ] || [ "$rc" = 77 ]; then
        if [ "${E2E_KEEP:-0}" = 1 ]; then
            e2e_log "kept $E2E_DIR"
        else
            rm -rf "$E2E_DIR"
        fi
    else
        e2e_log "failed (status $rc); logs kept in $E2E_DIR"
    fi
    exit "$rc"
}

if [ -n "${E2E_DIR:-}" ]; then
    mkdir -p "$E2E_DIR" || exit 99
else
    # Unix socket paths must stay under 108 bytes: use a short /tmp path.
    E2E_DIR=$(mktemp -d /tmp/e2e.XXXXXX) || exit 99
fi
E2E_DIR=$(cd "$E2E_DIR" && pwd)
export E2E_DIR
: >> "$E2E_DIR/pidfiles"
: >> "$E2E_DIR/netns"
: >> "$E2E_DIR/hvs"
: >> "$E2E_DIR/vifs"
# Namespace names: unique per run, derived from the temp dir.
: "${E2E_NSPFX:=e2e$(basename "$E2E_DIR" | tr -dc 'A-Za-z0-9' | tail -c 7)-}"
if [ "${E2E_PERSIST:-0}" != 1 ]; then
    trap e2e_teardown EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
fi

# ---------------------------------------------------------------------------
# Central: NB and SB ovsdb-server and ovn-northd.

# e2e_ovsdb_port LOGFILE: prints the TCP port an ovsdb-server logged.
e2e_ovsdb_port () {
    local port
    wait_until -t 5 grep -q 'listening on port' "$1" \
        || fail "no TCP listener in $1"
    port=$(sed -n 's/.*listening on port \([0-9]*\).*/\1/p' "$1" | head -1)
    echo "$port"
}

# e2e_start_ovsdb DIR NAME SCHEMA: creates DIR/NAME.db from SCHEMA and serves
# it on punix:DIR/NAME.sock and ptcp:0:127.0.0.1; prints the TCP port.
e2e_start_ovsdb () {
    local dir=$1 name=$2 schema=$3
    check ovsdb-tool create "$dir/$name.db" "$schema" >/dev/null
    e2e_daemon "$dir/ovsdb-$name.pid" ovsdb-server --detach --no-chdir \
        --pidfile="$dir/ovsdb-$name.pid" --log-file="$dir/ovsdb-$name.log" \
        --unixctl="$dir/ovsdb-$name.ctl" -vconsole:off \
        --remote="punix:$dir/$name.sock" --remote=ptcp:0:127.0.0.1 \
        "$dir/$name.db"
    e2e_ovsdb_port "$dir/ovsdb-$name.log"
}

# central_start [ours|debian|none|auto]: starts the NB and SB databases
# (from $E2E_SCHEMA_DIR, i.e. our schemas) and ovn-northd.  Exports
# OVN_NB_DB/OVN_SB_DB (unix sockets) and E2E_NB_TCP/E2E_SB_TCP
# (tcp:127.0.0.1:PORT).  The argument overrides $E2E_NORTHD.
central_start () {
    local flavour=${1:-$E2E_NORTHD} dir=$E2E_DIR/central port
    mkdir -p "$dir"
    port=$(e2e_start_ovsdb "$dir" nb "$E2E_SCHEMA_DIR/ovn-nb.ovsschema") \
        || exit 1
    export OVN_NB_DB=unix:$dir/nb.sock E2E_NB_TCP=tcp:127.0.0.1:$port
    port=$(e2e_start_ovsdb "$dir" sb "$E2E_SCHEMA_DIR/ovn-sb.ovsschema") \
        || exit 1
    export OVN_SB_DB=unix:$dir/sb.sock E2E_SB_TCP=tcp:127.0.0.1:$port
    e2e_log "central: NB $E2E_NB_TCP, SB $E2E_SB_TCP"
    central_start_northd "$flavour"
}

# central_start_northd [ours|debian|none|auto]: starts ovn-northd on the
# central's databases (central_start does it; call it alone to start
# northd later or again after central_stop_northd).
central_start_northd () {
    local flavour=${1:-$E2E_NORTHD} dir=$E2E_DIR/central
    if [ "$flavour" = auto ]; then
        if have_ours ovn-northd; then flavour=ours; else flavour=none; fi
    fi
    [ "$flavour" = none ] && return 0
    E2E_NORTHD_BIN=$(e2e_bin ovn-northd "$flavour") || exit 1
    OVN_RUNDIR=$dir e2e_daemon "$dir/ovn-northd.pid" "$E2E_NORTHD_BIN" \
        --detach --no-chdir --pidfile="$dir/ovn-northd.pid" \
        --log-file="$dir/ovn-northd.log" \
        --unixctl="$dir/ovn-northd.ctl" -vconsole:off \
        --ovnnb-db="$OVN_NB_DB" --ovnsb-db="$OVN_SB_DB"
    e2e_log "central: started $E2E_NORTHD_BIN"
}

# central_stop_northd: stops ovn-northd.
central_stop_northd () {
    e2e_stop_daemon "$E2E_DIR/central/ovn-northd.pid"
}

# central_appctl ovsdb-nb|ovsdb-sb|ovn-northd ARGS...: unixctl command.
central_appctl () {
    local t=$1
    shift
    ovs-appctl -t "$E2E_DIR/central/$t.ctl" "$@"
}

# The CLIs, chosen once when lib.sh is sourced (set E2E_CTL before, or
# assign E2E_NBCTL/E2E_SBCTL/E2E_TRACE after, to choose differently).
if [ "$E2E_CTL" = auto ]; then
    E2E_NBCTL=$(our_bin ovn-nbctl || echo /usr/bin/ovn-nbctl)
    E2E_SBCTL=$(our_bin ovn-sbctl || echo /usr/bin/ovn-sbctl)
    E2E_TRACE=$(our_bin ovn-trace || echo /usr/bin/ovn-trace)
else
    E2E_NBCTL=$(e2e_bin ovn-nbctl "$E2E_CTL") || exit 99
    E2E_SBCTL=$(e2e_bin ovn-sbctl "$E2E_CTL") || exit 99
    if [ "$E2E_CTL" = ours ] && ! have_ours ovn-trace; then
        E2E_TRACE=/usr/bin/ovn-trace
    else
        E2E_TRACE=$(e2e_bin ovn-trace "$E2E_CTL") || exit 99
    fi
fi

# nbctl ARGS...: ovn-nbctl ($E2E_NBCTL) against this test's NB database.
nbctl () {
    "$E2E_NBCTL" --timeout=30 "$@"
}

# sbctl ARGS...: ovn-sbctl ($E2E_SBCTL) against this test's SB database.
sbctl () {
    "$E2E_SBCTL" --timeout=30 "$@"
}

# ovn_trace ARGS...: ovn-trace ($E2E_TRACE: ours if built unless
# E2E_CTL=debian) against this test's databases.
ovn_trace () {
    "$E2E_TRACE" --ovnnb-db="$OVN_NB_DB" --ovnsb-db="$OVN_SB_DB" "$@"
}

# wait_lsp_up LSP...: waits until each logical switch port's NB "up" column
# is true (the controller bound it and northd noticed); fails otherwise.
wait_lsp_up () {
    local lsp
    for lsp in "$@"; do
        wait_eval "[ \"\$(nbctl get logical_switch_port '$lsp' up)\" = true ]" \
            || fail "logical switch port $lsp never came up"
    done
}

# ---------------------------------------------------------------------------
# Hypervisors.  $E2E_DIR/hvs lists "NAME IP MAC KIND" (KIND dummy|netns).

# e2e_mac_of_ip IP: the underlay MAC we give to the bridge owning IP.
e2e_mac_of_ip () {
    local IFS=.
    # shellcheck disable=SC2086
    printf '0a:00:%02x:%02x:%02x:%02x\n' $1
}

# hv_exec NAME CMD...: runs CMD with NAME's OVS_RUNDIR/DBDIR/LOGDIR.
hv_exec () {
    local d=$E2E_DIR/$1
    shift
    OVS_RUNDIR=$d OVS_DBDIR=$d OVS_LOGDIR=$d OVS_SYSCONFDIR=$d OVN_RUNDIR=$d \
        OVN_DBDIR=$d OVN_LOGDIR=$d "$@"
}

# hv_vsctl NAME ARGS...: ovs-vsctl against NAME's database.
hv_vsctl () {
    local n=$1
    shift
    hv_exec "$n" ovs-vsctl --timeout=30 "$@"
}

# hv_ofctl NAME ARGS...: ovs-ofctl (bridges are reached by name, e.g.
# "hv_ofctl hv1 dump-flows br-int").
hv_ofctl () {
    local n=$1
    shift
    hv_exec "$n" ovs-ofctl "$@"
}

# hv_appctl NAME ARGS...: ovs-appctl to NAME's ovs-vswitchd (use
# "-t ovn-controller" etc. for the other daemons of NAME).
hv_appctl () {
    local n=$1
    shift
    case $1 in
    -t) hv_exec "$n" ovs-appctl --timeout=30 "$@" ;;
    *) hv_exec "$n" ovs-appctl --timeout=30 -t ovs-vswitchd "$@" ;;
    esac
}

# e2e_ovs_start NAME NETNS VSWITCHD-OPTIONS...: ovsdb-server and
# ovs-vswitchd for NAME (in network namespace NETNS unless it is empty).
e2e_ovs_start () {
    local n=$1 ns=$2 d=$E2E_DIR/$1
    shift 2
    mkdir -p "$d"
    check ovsdb-tool create "$d/conf.db" "$E2E_VSWITCH_SCHEMA" >/dev/null
    hv_exec "$n" e2e_daemon "$d/ovsdb-server.pid" ovsdb-server --detach \
        --no-chdir --pidfile="$d/ovsdb-server.pid" \
        --log-file="$d/ovsdb-server.log" --remote="punix:$d/db.sock" \
        -vconsole:off "$d/conf.db"
    check hv_vsctl "$n" --no-wait init
    hv_exec "$n" e2e_daemon "$d/ovs-vswitchd.pid" ${ns:+ip netns exec "$ns"} \
        ovs-vswitchd --detach --no-chdir --pidfile="$d/ovs-vswitchd.pid" \
        --log-file="$d/ovs-vswitchd.log" -vconsole:off \
        ${E2E_VSWITCHD_OPTS:-} "$@" "unix:$d/db.sock"
}

# e2e_hub_ensure: starts the dummy underlay (a vswitchd with bridge "hub").
e2e_hub_ensure () {
    [ -f "$E2E_DIR/hub/ovs-vswitchd.pid" ] && return 0
    e2e_ovs_start hub "" --enable-dummy=system --disable-system-route
    check hv_vsctl hub add-br hub -- set bridge hub fail-mode=secure
    # Broadcast/multicast and unknown destinations: flood.
    check hv_ofctl hub add-flow hub "priority=0,actions=NORMAL"
}

# e2e_peer_arp NAME IP MAC KIND: makes the tunnel code of every other HV
# of KIND know NAME's underlay MAC, and NAME know theirs, so that no
# first packet is lost to ARP resolution.
e2e_peer_arp () {
    local n=$1 ip=$2 m=$3 kind=$4 pn pip pm pk
    while read -r pn pip pm pk; do
        [ "$pn" = "$n" ] || [ "$pk" != "$kind" ] && continue
        check hv_appctl "$pn" tnl/arp/set br-phys "$ip" "$m" >/dev/null
        check hv_appctl "$n" tnl/arp/set br-phys "$pip" "$pm" >/dev/null
    done < "$E2E_DIR/hvs"
}

# e2e_hv_ovn_config NAME IP: the external_ids ovn-controller reads.
e2e_hv_ovn_config () {
    local remote=${E2E_SB_TCP:-unix:$E2E_DIR/central/sb.sock}
    check hv_vsctl "$1" set Open_vSwitch . external_ids:system-id="$1" \
        external_ids:hostname="$1" external_ids:ovn-remote="$remote" \
        external_ids:ovn-encap-type=geneve external_ids:ovn-encap-ip="$2"
}

# e2e_check_name NAME: fails unless NAME can name a new hypervisor.
e2e_check_name () {
    case $1 in
    hub|central|ul|''|*[!A-Za-z0-9_-]*)
        fail "'$1' cannot name a hypervisor (reserved or odd characters)" ;;
    esac
    [ -e "$E2E_DIR/$1" ] && fail "hypervisor $1 exists"
    return 0
}

# hv_add NAME IP: a simulated hypervisor: ovsdb-server + ovs-vswitchd
# (--enable-dummy=system) with br-int (fail-mode=secure) and br-phys, whose
# port "ul" joins the hub's port NAME.  Underlay address IP/24 with MAC
# derived from IP.  Call central_start first so ovn-remote is known.
hv_add () {
    local n=$1 ip=$2 m
    m=$(e2e_mac_of_ip "$ip")
    e2e_check_name "$n"
    e2e_hub_ensure
    check hv_vsctl hub add-port hub "$n" -- set interface "$n" \
        options:pstream="punix:$E2E_DIR/hub/$n.sock" \
        options:tx_pcap="$E2E_DIR/hub/$n-tx.pcap" \
        options:rxq_pcap="$E2E_DIR/hub/$n-rx.pcap"
    check hv_ofctl hub add-flow hub \
        "priority=100,dl_dst=$m,actions=output:\"$n\""
    e2e_ovs_start "$n" "" --enable-dummy=system --disable-system-route
    check hv_vsctl "$n" add-br br-phys \
        -- set bridge br-phys other-config:hwaddr="$m" \
        -- add-port br-phys ul -- set interface ul \
           options:stream="unix:$E2E_DIR/hub/$n.sock" \
        -- add-br br-int -- set bridge br-int fail-mode=secure \
           other-config:disable-in-band=true
    check hv_appctl "$n" netdev-dummy/ip4addr br-phys "$ip/24" >/dev/null
    check hv_appctl "$n" ovs/route/add "$ip/24" br-phys >/dev/null
    e2e_peer_arp "$n" "$ip" "$m" dummy
    echo "$n $ip $m dummy" >> "$E2E_DIR/hvs"
    e2e_hv_ovn_config "$n" "$ip"
    e2e_log "hv $n: underlay $ip ($m)"
}

# hv_start_controller NAME [ours|debian]: starts ovn-controller for NAME
# (default $E2E_CONTROLLER) connected to NAME's OVS database.  Its control
# socket is the default one in NAME's OVN_RUNDIR (OVN 23.03's controller
# has no --unixctl): "hv_appctl NAME -t ovn-controller CMD" reaches it.
hv_start_controller () {
    local n=$1 d=$E2E_DIR/$1 bin
    bin=$(e2e_bin ovn-controller "${2:-$E2E_CONTROLLER}") || exit 1
    hv_exec "$n" e2e_daemon "$d/ovn-controller.pid" "$bin" --detach \
        --no-chdir --pidfile="$d/ovn-controller.pid" \
        --log-file="$d/ovn-controller.log" -vconsole:off "unix:$d/db.sock"
    e2e_log "hv $n: started $bin"
}

# wait_ovn_installed HV PORT...: waits until HV's controller has marked
# each interface external_ids:ovn-installed=true; fails otherwise.
wait_ovn_installed () {
    local hv=$1 p
    shift
    for p in "$@"; do
        wait_eval "[ \"\$(hv_vsctl '$hv' get interface '$p' \
                   external_ids:ovn-installed 2>/dev/null)\" = '\"true\"' ]" \
            || fail "$hv: interface $p never marked ovn-installed"
    done
}

# hv_stop_controller NAME: stops NAME's ovn-controller.
hv_stop_controller () {
    e2e_stop_daemon "$E2E_DIR/$1/ovn-controller.pid"
}

# vif_pcap HV PORT: the pcap of frames OVS sent to VIF PORT (its "wire").
vif_pcap () {
    echo "$E2E_DIR/$1/$2-tx.pcap"
}

# underlay_pcap HV [rx|tx]: the hub's capture for HV: rx (default) holds
# the frames HV sent into the underlay, tx the frames delivered to HV.
underlay_pcap () {
    echo "$E2E_DIR/hub/$1-${2:-rx}.pcap"
}

# vif_add HV PORT IFACEID [OFPORT]: a dummy VIF on HV's br-int with
# external_ids:iface-id=IFACEID, capturing to PORT-tx.pcap/PORT-rx.pcap.
vif_add () {
    local hv=$1 p=$2 id=$3 ofp=${4:-} d=$E2E_DIR/$1
    check hv_vsctl "$hv" add-port br-int "$p" -- set interface "$p" \
        external_ids:iface-id="$id" options:tx_pcap="$d/$p-tx.pcap" \
        options:rxq_pcap="$d/$p-rx.pcap" ${ofp:+ofport_request=$ofp}
    echo "$hv $p" >> "$E2E_DIR/vifs"
}

# inject HV PORT HEX: makes VIF PORT of HV receive the frame HEX.
inject () {
    check hv_appctl "$1" netdev-dummy/receive "$2" "$3" >/dev/null
    E2E_LAST_INJECT=${EPOCHREALTIME/./}
}

# e2e_settle: gives stray or duplicate frames time to show up: sleeps
# until $E2E_SETTLE seconds after the last inject (or for $E2E_SETTLE
# seconds if nothing was injected since the last settle).
e2e_settle () {
    local settle_us now left
    settle_us=$(awk -v s="$E2E_SETTLE" 'BEGIN { printf "%d", s * 1000000 }')
    if [ -n "${E2E_LAST_INJECT:-}" ]; then
        now=${EPOCHREALTIME/./}
        left=$((E2E_LAST_INJECT + settle_us - now))
        if [ "$left" -gt 0 ]; then
            sleep "$(awk -v l="$left" 'BEGIN { printf "%.6f", l / 1e6 }')"
        fi
    else
        sleep "$E2E_SETTLE"
        E2E_LAST_INJECT=${EPOCHREALTIME/./}
    fi
}

# pcap_take FILE: prints, one hex frame a line, the frames added to FILE
# since the previous pcap_take/pcap_expect/pcap_none on it, and marks them
# seen.
pcap_take () {
    local f=$1 seen n
    seen=$(cat "$f.seen" 2>/dev/null || echo 0)
    n=$(pkt count "$f") || fail "cannot read $f"
    pkt pcap "$f" skip="$seen" | head -n $((n - seen))
    echo "$n" > "$f.seen"
}

# e2e_pcap_new FILE: number of frames in FILE not yet seen.
e2e_pcap_new () {
    local seen
    seen=$(cat "$1.seen" 2>/dev/null || echo 0)
    echo $(( $(pkt count "$1") - seen ))
}

# pcap_expect FILE [HEX...]: waits until FILE holds as many new frames as
# given, lets stragglers arrive (e2e_settle), then fails unless the new
# frames are exactly the given ones (byte-exact, any order, each as many
# times as listed).  With no HEX it asserts that nothing arrived.
pcap_expect () {
    local f=$1 want got
    shift
    if [ $# -gt 0 ]; then
        wait_eval "[ \"\$(e2e_pcap_new '$f')\" -ge $# ]"
    fi
    e2e_settle
    want=$(printf '%s\n' "$@" | tr 'A-F' 'a-f' | sed '/^$/d' | sort)
    got=$(pcap_take "$f" | sort)
    assert_eq "$want" "$got" "frames in $f"
}

# pcap_none FILE: asserts that no new frame arrived in FILE.
pcap_none () {
    pcap_expect "$1"
}

# expect_packets HV PORT [HEX...]: asserts VIF PORT of HV received exactly
# these frames since the last check of that VIF.
expect_packets () {
    local f
    f=$(vif_pcap "$1" "$2")
    shift 2
    pcap_expect "$f" "$@"
}

# expect_none HV PORT...: asserts that none of the VIFs of HV received a
# frame since their last check.
expect_none () {
    local hv=$1 p
    shift
    for p in "$@"; do
        pcap_expect "$(vif_pcap "$hv" "$p")"
    done
}

# expect_none_all: asserts that no dummy VIF of any HV received a frame
# since its last check.  After expect_packets on the intended receivers
# (which marks their frames seen) this says "and nowhere else".
expect_none_all () {
    local hv p
    [ -f "$E2E_DIR/vifs" ] || return 0
    while read -r hv p; do
        pcap_expect "$(vif_pcap "$hv" "$p")"
    done < "$E2E_DIR/vifs"
}

# ---------------------------------------------------------------------------
# Real-traffic flavour: network namespaces.

# netns_require: skips (77) unless we are root and "ip netns" works.
netns_require () {
    [ "$(id -u)" = 0 ] || skip "needs root for network namespaces"
    command -v ip >/dev/null || skip "no ip(8)"
    ip netns list >/dev/null 2>&1 || skip "no ip netns"
}

# e2e_netns_add NAME: creates namespace $E2E_NSPFX$NAME with lo up;
# prints its full name.
e2e_netns_add () {
    local ns=$E2E_NSPFX$1
    echo "$ns" >> "$E2E_DIR/netns"
    check ip netns add "$ns"
    check ip -n "$ns" link set lo up
    echo "$ns"
}

# e2e_netns_quiet NS: no IPv6 (no router solicitations, MLD, DAD noise).
e2e_netns_quiet () {
    check ip netns exec "$1" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
        net.ipv6.conf.default.disable_ipv6=1
}

# e2e_underlay_ensure: the underlay namespace with Linux bridge br0.
e2e_underlay_ensure () {
    local ns=${E2E_NSPFX}ul
    grep -qx "$ns" "$E2E_DIR/netns" && return 0
    e2e_netns_add ul >/dev/null
    e2e_netns_quiet "$ns"
    check ip -n "$ns" link add br0 type bridge
    check ip -n "$ns" link set br0 multicast off up
}

# netns_ns NAME: the full namespace name of HV or VM NAME.
netns_ns () {
    echo "$E2E_NSPFX$1"
}

# e2e_has_route NAME: true once NAME's vswitchd routes via br-phys.
e2e_has_route () {
    hv_appctl "$1" ovs/route/show | grep -q br-phys
}

# netns_hv_add NAME IP: a hypervisor whose ovs-vswitchd runs in its own
# namespace with datapath_type=netdev; br-phys holds IP/24 (kernel
# address on its tap) and port "ul" (veth into the underlay bridge).
netns_hv_add () {
    local n=$1 ip=$2 m ns uln=${E2E_NSPFX}ul
    netns_require
    e2e_check_name "$n"
    [ ${#n} -le 12 ] || fail "netns_hv_add: name $n longer than 12"
    m=$(e2e_mac_of_ip "$ip")
    e2e_underlay_ensure
    ns=$(e2e_netns_add "$n") || exit 1
    e2e_netns_quiet "$ns"
    check ip -n "$ns" link add ul type veth peer name "u-$n" netns "$uln"
    check ip -n "$ns" link set ul multicast off up
    check ip -n "$uln" link set "u-$n" master br0 multicast off up
    e2e_ovs_start "$n" "$ns"
    check hv_vsctl "$n" add-br br-phys \
        -- set bridge br-phys datapath_type=netdev \
           other-config:hwaddr="$m" \
        -- add-port br-phys ul \
        -- add-br br-int -- set bridge br-int datapath_type=netdev \
           fail-mode=secure other-config:disable-in-band=true
    check ip -n "$ns" addr add "$ip/24" dev br-phys
    check ip -n "$ns" link set br-phys multicast off up
    # vswitchd learns the kernel route of the namespace.
    wait_until e2e_has_route "$n" \
        || fail "$n: no route via br-phys in ovs/route/show"
    e2e_peer_arp "$n" "$ip" "$m" netns
    echo "$n $ip $m netns" >> "$E2E_DIR/hvs"
    e2e_hv_ovn_config "$n" "$ip"
    e2e_log "netns hv $n ($ns): underlay $ip ($m)"
}

# netns_vm_add HV VM IFACEID MAC IP/PLEN [GATEWAY]: a VM namespace whose
# eth0 (MTU 1400) is a veth to port VM on HV's br-int (iface-id IFACEID).
netns_vm_add () {
    local hv=$1 vm=$2 id=$3 m=$4 addr=$5 gw=${6:-} ns hvns
    hvns=$(netns_ns "$hv")
    [ ${#vm} -le 15 ] || fail "netns_vm_add: name $vm longer than 15"
    ns=$(e2e_netns_add "$vm") || exit 1
    check ip -n "$hvns" link add "$vm" mtu 1400 type veth \
        peer name eth0 netns "$ns"
    check ip -n "$ns" link set eth0 address "$m" mtu 1400 up
    check ip -n "$ns" addr add "$addr" dev eth0
    [ -n "$gw" ] && check ip -n "$ns" route add default via "$gw"
    check ip -n "$hvns" link set "$vm" up
    check hv_vsctl "$hv" add-port br-int "$vm" -- set interface "$vm" \
        external_ids:iface-id="$id" external_ids:attached-mac="$m"
}

# vm_exec VM CMD...: runs CMD inside VM's namespace.
vm_exec () {
    local vm=$1
    shift
    ip netns exec "$(netns_ns "$vm")" "$@"
}

# vm_ping VM DST [COUNT]: pings DST from VM (COUNT, default 3, replies
# needed); prints ping's output; returns ping's status.
vm_ping () {
    vm_exec "$1" ping -n -c "${3:-3}" -i 0.2 -W 2 "$2"
}

# capture_start NAME NAMESPACE IFACE [FILTER...]: starts tcpdump on IFACE
# inside NAMESPACE (our full namespace name, see netns_ns), writing
# $E2E_DIR/NAME.pcap packet by packet; returns once tcpdump listens.
# Read it with pcap_take/pcap_expect or pkt; stop with capture_stop NAME.
capture_start () {
    local name=$1 ns=$2 ifc=$3 f=$E2E_DIR/$1.pcap
    shift 3
    command -v tcpdump >/dev/null || skip "no tcpdump"
    ip netns exec "$ns" tcpdump -i "$ifc" --immediate-mode -U -Z root -n \
        -s 0 -w "$f" "$@" \
        2> "$E2E_DIR/$name.tcpdump.log" &
    # Our own child: its pid cannot be recycled before we reap it.
    E2E_CHILDREN="${E2E_CHILDREN:-} $!"
    echo "$!" > "$E2E_DIR/$name.tcpdump.pid"
    wait_until grep -q 'listening on' "$E2E_DIR/$name.tcpdump.log" \
        || fail "tcpdump did not start: $(cat "$E2E_DIR/$name.tcpdump.log")"
}

# capture_stop NAME: stops the capture NAME (its pcap stays complete).
capture_stop () {
    local pid
    pid=$(cat "$E2E_DIR/$1.tcpdump.pid")
    kill -INT "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    E2E_CHILDREN=${E2E_CHILDREN/ $pid/}
    return 0
}

# underlay_capture_start HV: captures what the netns hypervisor HV sends to
# and receives from the underlay (its port on the underlay bridge) into
# $E2E_DIR/ul-HV.pcap; stop with capture_stop ul-HV.
underlay_capture_start () {
    capture_start "ul-$1" "${E2E_NSPFX}ul" "u-$1"
}

# ---------------------------------------------------------------------------
# The basic L2 scenario shared by several tests: switch sw0 with lp1/lp2/lp3
# bound to vif1/vif2/vif3 on hv1/hv2/hv3 (underlay 172.31.0.1, .2, .3),
# MACs $mac1..$mac3 and IPs 10.0.0.1..3.

# l2_tunnel_keys: sets dp_key, key1 and key2 from the SB (sw0, lp1, lp2).
l2_tunnel_keys () {
    dp_key=$(sbctl --bare --columns=tunnel_key find datapath_binding \
             external_ids:name=sw0)
    key1=$(sbctl --bare --columns=tunnel_key find port_binding \
           logical_port=lp1)
    key2=$(sbctl --bare --columns=tunnel_key find port_binding \
           logical_port=lp2)
    [ -n "$dp_key" ] && [ -n "$key1" ] && [ -n "$key2" ] \
        || fail "missing tunnel keys: dp=$dp_key lp1=$key1 lp2=$key2"
}

# l2_drain: lets the controllers' own chatter pass, then empties the
# underlay and VIF captures of hv1..hv3 so that checks start clean.
l2_drain () {
    local hv
    sleep 1
    for hv in hv1 hv2 hv3; do
        pcap_take "$(underlay_pcap "$hv" rx)" >/dev/null
        pcap_take "$(vif_pcap "$hv" "vif${hv#hv}")" >/dev/null
    done
}

# l2_expect_unicast: an ICMP echo from vif1 to $mac2 reaches vif2 only, as
# exactly one Geneve frame from hv1 to hv2 carrying the datapath and port
# keys set by l2_tunnel_keys.  Leaves the frame in $icmp for later checks.
l2_expect_unicast () {
    local gnv
    icmp=$(pkt icmp4 eth.src=$mac1 eth.dst=$mac2 ip4.src=10.0.0.1 \
           ip4.dst=10.0.0.2 icmp.id=1 icmp.seq=1)
    inject hv1 vif1 "$icmp"
    expect_packets hv2 vif2 "$icmp"
    expect_none hv3 vif3
    expect_none hv1 vif1
    gnv=$(pcap_take "$(underlay_pcap hv1 rx)")
    assert_eq 1 "$(echo "$gnv" | grep -c .)" \
        "frames hv1 sent into the underlay"
    assert_eq "$(printf 'ip4.src=172.31.0.1 ip4.dst=172.31.0.2 vni=0x%06x class=0x0102 type=0x80 ingress=%d egress=%d inner=%s' \
                 "$dp_key" "$key1" "$key2" "$icmp")" \
        "$(pkt geneve-decode "$gnv")" "Geneve frame hv1 -> hv2"
}

# l2_expect_flood: a broadcast ARP for an unknown address from vif1 reaches
# vif2 and vif3 exactly once each, and not vif1.
l2_expect_flood () {
    local arp
    arp=$(pkt arp eth.src=$mac1 arp.op=1 arp.sha=$mac1 arp.spa=10.0.0.1 \
          arp.tpa=10.0.0.9)
    inject hv1 vif1 "$arp"
    expect_packets hv2 vif2 "$arp"
    expect_packets hv3 vif3 "$arp"
    expect_none hv1 vif1
}

# l2_expect_arp_responder: an ARP request from vif1 for lp3's address is
# answered on hv1 by the logical responder and flooded nowhere.
l2_expect_arp_responder () {
    local req reply
    req=$(pkt arp eth.src=$mac1 arp.op=1 arp.sha=$mac1 arp.spa=10.0.0.1 \
          arp.tpa=10.0.0.3)
    reply=$(pkt arp eth.src=$mac3 eth.dst=$mac1 arp.op=2 arp.sha=$mac3 \
            arp.spa=10.0.0.3 arp.tha=$mac1 arp.tpa=10.0.0.1)
    inject hv1 vif1 "$req"
    expect_packets hv1 vif1 "$reply"
    expect_none hv2 vif2
    expect_none hv3 vif3
}
