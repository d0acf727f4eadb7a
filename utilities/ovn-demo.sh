#!/bin/bash
# ovn-demo.sh -- a persistent demo deployment on this one machine.
#
#   utilities/ovn-demo.sh [start] [BUILDDIR]   start (restarts a running demo)
#   utilities/ovn-demo.sh stop                 stop it and remove its files
#   utilities/ovn-demo.sh status               what is running
#
# It starts a central (NB and SB ovsdb-server built from our schemas, our
# ovn-northd) and two hypervisors (ovs-vswitchd with the userspace datapath,
# each in its own network namespace, a Linux bridge namespace as underlay),
# builds the topology of seed 004 with ovn-nbctl (switches sw0 and sw1
# joined by router lr0, a VM namespace on each hypervisor), prints
# "ovn-nbctl show" and "ovn-sbctl show", and pings from vm1 to vm2 across
# Geneve.  Without root or "ip netns", the hypervisors are simulated with
# dummy devices instead and a frame is injected rather than pinged.
#
# Binaries: ours from BUILDDIR (argument, else $OVN_BUILDDIR, else _build/
# or the source tree) when built; Debian's ovn-nbctl/ovn-sbctl are used
# (and said so) while ours are missing.
#
# Environment: OVN_DEMO_DIR (default /tmp/ovn-demo) holds every file;
# OVN_DEMO_OVN=debian runs Debian's ovn-northd and ovn-controller instead
# of ours, for comparison; OVN_DEMO_NORTHD / OVN_DEMO_CONTROLLER
# (ours|debian) choose each one separately; OVN_DEMO_NETNS=no forces the
# dummy hypervisors.

demo_srcdir=$(cd "$(dirname "$0")/.." && pwd)
demo_dir=${OVN_DEMO_DIR:-/tmp/ovn-demo}
demo_self="$0"

cmd=start
case ${1:-} in
start|stop|status) cmd=$1; shift ;;
-h|--help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0 ;;
esac
builddir=${1:-${OVN_BUILDDIR:-}}
if [ -z "$builddir" ]; then
    builddir=$demo_srcdir
    [ -d "$demo_srcdir/_build" ] && builddir=$demo_srcdir/_build
fi

# Namespace prefix: "ovndemo-" for the default directory, else one unique
# to the directory, so that demos in different directories can coexist.
demo_nspfx=ovndemo-
if [ "$demo_dir" != /tmp/ovn-demo ]; then
    demo_nspfx=ovndemo$(echo "$demo_dir" | md5sum | cut -c1-6)-
fi

# demo_lib: loads the e2e harness on $demo_dir without its exit trap.
demo_lib () {
    E2E_DIR=$demo_dir E2E_PERSIST=1 E2E_NSPFX=$demo_nspfx \
        abs_top_srcdir=$demo_srcdir abs_top_builddir=$builddir
    export abs_top_srcdir abs_top_builddir
    # shellcheck source=../tests/e2e/lib.sh
    . "$demo_srcdir/tests/e2e/lib.sh"
}

# demo_stop: stops every daemon and namespace the demo recorded.
demo_stop () {
    [ -d "$demo_dir" ] || return 0
    if [ -f "$demo_dir/pidfiles" ]; then
        demo_lib
        e2e_teardown_dir "$demo_dir"
    fi
    rm -rf "$demo_dir"
}

# section TITLE: a visible heading.
section () {
    printf '\n=== %s ===\n' "$*"
}

case $cmd in
stop)
    demo_stop
    echo "ovn-demo: stopped (removed $demo_dir)"
    exit 0
    ;;
status)
    if [ ! -f "$demo_dir/pidfiles" ]; then
        echo "ovn-demo: not running"
        exit 1
    fi
    for f in $(cat "$demo_dir/pidfiles"); do
        pid=$(cat "$f" 2>/dev/null)
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            echo "running  $pid  ${f#$demo_dir/}"
        else
            echo "stopped       ${f#$demo_dir/}"
        fi
    done
    echo "namespaces: $(xargs < "$demo_dir/netns")"
    exit 0
    ;;
esac

# ----------------------------------------------------------------------
# start

demo_stop
mkdir -p "$demo_dir"
demo_lib

# On any failure, stop what was started (logs stay in $demo_dir).
demo_failed () {
    local rc=$?
    trap - EXIT
    if [ "$rc" != 0 ]; then
        e2e_teardown_dir "$demo_dir"
        echo "ovn-demo: failed (status $rc); logs in $demo_dir" >&2
    fi
    exit "$rc"
}
trap demo_failed EXIT

ovn=${OVN_DEMO_OVN:-ours}
E2E_NBCTL=$(our_bin ovn-nbctl) || E2E_NBCTL=/usr/bin/ovn-nbctl
E2E_SBCTL=$(our_bin ovn-sbctl) || E2E_SBCTL=/usr/bin/ovn-sbctl

# pick VAR PROGRAM FLAVOUR: sets VAR to the flavour of PROGRAM to run
# (ours, debian, or "" when ours is wanted but not built) and says which.
pick () {
    local choice=
    if [ "$3" = debian ]; then
        echo "$2: /usr/bin/$2 (Debian's, for comparison)"
        choice=debian
    elif have_ours "$2"; then
        echo "$2: $(our_bin "$2")"
        choice=ours
    else
        echo "$2: NOT BUILT -- this part of the demo does not work yet"
        missing="$missing $2"
    fi
    printf -v "$1" '%s' "$choice"
}

section "binaries"
echo "build tree:     $builddir"
missing=
pick northd ovn-northd "${OVN_DEMO_NORTHD:-$ovn}"
pick controller ovn-controller "${OVN_DEMO_CONTROLLER:-$ovn}"
[ -n "$northd" ] || northd=none
for p in ovn-nbctl ovn-sbctl; do
    if have_ours "$p"; then
        echo "$p: $(our_bin "$p")"
    else
        echo "$p: ours is not built yet; using Debian's /usr/bin/$p"
    fi
done

use_netns=${OVN_DEMO_NETNS:-yes}
if [ "$(id -u)" != 0 ] || ! ip netns list >/dev/null 2>&1; then
    use_netns=no
fi

section "central"
central_start none 2>&1
if [ "$northd" != none ] && ! (central_start_northd "$northd") 2>&1; then
    echo "NOT WORKING YET: ovn-northd did not start"
    echo "(log: $demo_dir/central/ovn-northd.log)"
    northd=none
fi
cat > "$demo_dir/env" <<EOF
export OVN_NB_DB=$OVN_NB_DB
export OVN_SB_DB=$OVN_SB_DB
EOF

section "hypervisors"
if [ "$use_netns" = yes ]; then
    netns_hv_add hv1 172.31.0.1 2>&1
    netns_hv_add hv2 172.31.0.2 2>&1
else
    echo "simulated hypervisors with dummy devices"
    echo "(not root, no 'ip netns', or OVN_DEMO_NETNS=no)"
    hv_add hv1 172.31.0.1 2>&1
    hv_add hv2 172.31.0.2 2>&1
fi

section "topology of seed 004, built with $E2E_NBCTL"
nb () {
    echo "ovn-nbctl $*"
    nbctl "$@" || exit 1
}
nb ls-add sw0
nb lsp-add sw0 sw0-port1
nb lsp-set-addresses sw0-port1 "50:54:00:00:00:01 192.168.0.2"
nb ls-add sw1
nb lsp-add sw1 sw1-port1
nb lsp-set-addresses sw1-port1 "50:54:00:00:00:03 11.0.0.2"
nb lr-add lr0
nb lrp-add lr0 lrp0 00:00:00:00:ff:01 192.168.0.1/24
nb lsp-add sw0 lrp0-attachment
nb lsp-set-type lrp0-attachment router
nb lsp-set-addresses lrp0-attachment 00:00:00:00:ff:01
nb lsp-set-options lrp0-attachment router-port=lrp0
nb lrp-add lr0 lrp1 00:00:00:00:ff:02 11.0.0.1/24
nb lsp-add sw1 lrp1-attachment
nb lsp-set-type lrp1-attachment router
nb lsp-set-addresses lrp1-attachment 00:00:00:00:ff:02
nb lsp-set-options lrp1-attachment router-port=lrp1

if [ "$use_netns" = yes ]; then
    netns_vm_add hv1 vm1 sw0-port1 50:54:00:00:00:01 192.168.0.2/24 \
        192.168.0.1
    netns_vm_add hv2 vm2 sw1-port1 50:54:00:00:00:03 11.0.0.2/24 11.0.0.1
    echo "vm1 on hv1: 192.168.0.2/24 via 192.168.0.1, netns $(netns_ns vm1)"
    echo "vm2 on hv2: 11.0.0.2/24 via 11.0.0.1, netns $(netns_ns vm2)"
else
    vif_add hv1 vm1 sw0-port1
    vif_add hv2 vm2 sw1-port1
    echo "VIF vm1 on hv1 = sw0-port1, VIF vm2 on hv2 = sw1-port1 (dummy)"
fi

for hv in hv1 hv2; do
    [ -n "$controller" ] || break
    if ! (hv_start_controller $hv "$controller") 2>&1; then
        echo "NOT WORKING YET: ovn-controller did not start on $hv"
        echo "(log: $demo_dir/$hv/ovn-controller.log)"
    fi
done
if [ "$northd" != none ] && [ -n "$controller" ]; then
    if ! nbctl --wait=hv --timeout=20 sync >/dev/null 2>&1; then
        echo "(ovn-nbctl --wait=hv sync did not complete within 20 s)"
    fi
fi

section "ovn-nbctl show"
nbctl show
section "ovn-sbctl show"
sbctl show
[ "$northd" = none ] && \
    echo "(no ovn-northd: the southbound database stays empty)"
[ -z "$controller" ] && echo "(no ovn-controller: no chassis registers)"

# show_geneve PCAP: the Geneve frames of a capture, decoded.
show_geneve () {
    pkt pcap-geneve "$1" describe=1 | grep -v '^non-geneve' | head -12
}

# fallback_flows: hand-written OpenFlow standing in for OVN: a Geneve port
# each way and rules that do the router's work (TTL, MACs) in sw1's or
# sw0's "VNI".  Our controllers are stopped first: they own br-int.
fallback_flows () {
    local hv peer_ip vm tun
    for hv in hv1 hv2; do
        hv_stop_controller "$hv"
        check hv_ofctl "$hv" del-flows br-int
        peer_ip=172.31.0.1
        [ "$hv" = hv1 ] && peer_ip=172.31.0.2
        tun=$(hv_vsctl "$hv" --bare --columns=name find interface \
              type=geneve options:remote_ip="$peer_ip" | head -1)
        if [ -z "$tun" ]; then
            tun=gnv-$hv
            check hv_vsctl "$hv" add-port br-int "$tun" -- set interface \
                "$tun" type=geneve options:remote_ip="$peer_ip" \
                options:key=flow
        fi
        hv_ofctl "$hv" del-tlv-map br-int >/dev/null 2>&1
        check hv_ofctl "$hv" add-tlv-map br-int \
            "{class=0x0102,type=0x80,len=4}->tun_metadata0"
        eval "tun_$hv=\$tun"
    done
    local to_vm2="dec_ttl,mod_dl_src:00:00:00:00:ff:02"
    local to_vm1="dec_ttl,mod_dl_src:00:00:00:00:ff:01"
    to_vm2="$to_vm2,mod_dl_dst:50:54:00:00:00:03"
    to_vm1="$to_vm1,mod_dl_dst:50:54:00:00:00:01"
    # Option: ingress key 2 (the router port), egress key 1 (the VM).
    local opt="set_field:0x20001->tun_metadata0"
    # vm1 -> vm2: routed into sw1 (VNI 2).
    check hv_ofctl hv1 add-flow br-int "in_port=vm1,ip,nw_dst=11.0.0.0/24,\
actions=$to_vm2,set_field:2->tun_id,$opt,output:$tun_hv1"
    check hv_ofctl hv2 add-flow br-int \
        "in_port=$tun_hv2,tun_id=2,actions=output:vm2"
    # vm2 -> vm1: routed into sw0 (VNI 1).
    check hv_ofctl hv2 add-flow br-int "in_port=vm2,ip,nw_dst=192.168.0.0/24,\
actions=$to_vm1,set_field:1->tun_id,$opt,output:$tun_hv2"
    check hv_ofctl hv1 add-flow br-int \
        "in_port=$tun_hv1,tun_id=1,actions=output:vm1"
}

# not_yet: which daemons ran, which are missing, where their logs are.
not_yet () {
    local built="ovn-northd: $northd, ovn-controller: ${controller:-none}"
    echo "($built${missing:+; not built:$missing})"
    echo "Logs: $demo_dir/central/ovn-northd.log," \
        "$demo_dir/hv*/ovn-controller.log"
}

section "traffic: vm1 (192.168.0.2, hv1) -> vm2 (11.0.0.2, hv2)"
result=
if [ "$use_netns" = yes ]; then
    underlay_capture_start hv1
    echo "# ip netns exec $(netns_ns vm1) ping -c 3 11.0.0.2"
    if out=$(vm_ping vm1 11.0.0.2 3 2>&1); then
        echo "$out"
        capture_stop ul-hv1
        echo
        echo "Geneve on the underlay (hv1's port, decoded):"
        show_geneve "$demo_dir/ul-hv1.pcap"
        result="OVN works: vm1 reaches vm2 through lr0, across Geneve."
    else
        echo "$out"
        capture_stop ul-hv1
        echo
        echo "NOT WORKING YET: the ping through OVN failed"
        not_yet
        echo
        echo "Instead, the same crossing with hand-written OpenFlow rules"
        echo "(not OVN):"
        fallback_flows
        check vm_exec vm1 ip neigh replace 192.168.0.1 \
            lladdr 00:00:00:00:ff:01 dev eth0
        check vm_exec vm2 ip neigh replace 11.0.0.1 \
            lladdr 00:00:00:00:ff:02 dev eth0
        hv_ofctl hv1 dump-flows br-int --no-stats | sed 's/^/  hv1: /'
        hv_ofctl hv2 dump-flows br-int --no-stats | sed 's/^/  hv2: /'
        underlay_capture_start hv1
        echo "# ip netns exec $(netns_ns vm1) ping -c 3 11.0.0.2"
        vm_ping vm1 11.0.0.2 3 2>&1
        capture_stop ul-hv1
        echo
        echo "Geneve on the underlay (hv1's port, decoded):"
        show_geneve "$demo_dir/ul-hv1.pcap"
        result="OVN does not carry traffic yet; shown: plain OpenFlow."
    fi
else
    icmp=$(pkt icmp4 eth.src=50:54:00:00:00:01 eth.dst=00:00:00:00:ff:01 \
           ip4.src=192.168.0.2 ip4.dst=11.0.0.2 icmp.id=1 icmp.seq=1)
    pcap_take "$(underlay_pcap hv1 rx)" >/dev/null
    inject hv1 vm1 "$icmp"
    sleep 1
    got=$(pcap_take "$(vif_pcap hv2 vm2)")
    if [ -n "$got" ]; then
        echo "vm2 received: $(pkt describe "$got")"
        result="OVN works (dummy hypervisors): vm1's frame reached vm2."
    else
        echo "NOT WORKING YET: the frame injected at vm1 did not reach vm2"
        not_yet
        echo "Instead, the same crossing with hand-written OpenFlow (not OVN):"
        fallback_flows
        inject hv1 vm1 "$icmp"
        sleep 1
        got=$(pcap_take "$(vif_pcap hv2 vm2)")
        echo "vm2 received: $(pkt describe "${got:-00}")"
        result="OVN does not carry traffic yet; shown: plain OpenFlow."
    fi
    echo "Geneve on the underlay (decoded):"
    show_geneve "$(underlay_pcap hv1 rx)"
fi

section "summary"
echo "$result"
echo "Databases: . $demo_dir/env   (then ovn-nbctl show, ovn-sbctl show)"
echo "Hypervisors: OVS_RUNDIR=$demo_dir/hv1 ovs-vsctl show   (hv2 likewise)"
[ "$use_netns" = yes ] && \
    echo "VMs: ip netns exec $(netns_ns vm1) ping 11.0.0.2"
echo "Logs: $demo_dir/*/*.log"
stop_cmd="$demo_self stop"
[ "$demo_dir" = /tmp/ovn-demo ] || stop_cmd="OVN_DEMO_DIR=$demo_dir $stop_cmd"
echo "The demo keeps running. To stop it: $stop_cmd"
