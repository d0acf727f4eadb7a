#!/bin/bash
# ovn-controller's physical layer, independent of logical-flow compilation:
# no ovn-northd, the southbound rows are written by hand (one switch, three
# ports on two chassis, a flood group), and the logical pipeline is
# replaced by two hand-written OpenFlow rules per hypervisor (table 8: pick
# the logical outport from the destination MAC; table 42: deliver).  Our
# controllers must register the chassis, create the tunnel ports, claim the
# ports, and install tables 0 and 37-65 so that a unicast frame crosses
# Geneve exactly once with the right VNI and option, and a broadcast
# reaches every other port exactly once.

. "$(dirname "$0")/lib.sh"
have_ours ovn-controller || skip "our ovn-controller is not built"

central_start none
hv_add hv1 172.31.0.1
hv_add hv2 172.31.0.2
vif_add hv1 vif1 lp1
vif_add hv1 vif1b lp1b
vif_add hv2 vif2 lp2
hv_start_controller hv1 ours
hv_start_controller hv2 ours

dp=$(sbctl create Datapath_Binding tunnel_key=5 external_ids:name=sw0)
p1=$(sbctl create Port_Binding logical_port=lp1 datapath="$dp" tunnel_key=1)
p1b=$(sbctl create Port_Binding logical_port=lp1b datapath="$dp" tunnel_key=3)
p2=$(sbctl create Port_Binding logical_port=lp2 datapath="$dp" tunnel_key=2)
sbctl create Multicast_Group datapath="$dp" name=_MC_flood \
    tunnel_key=32768 ports="[$p1,$p1b,$p2]" >/dev/null

# Registration, claims, ports up, interfaces marked installed.
for p in lp1 lp1b lp2; do
    wait_until [ "$(sbctl --bare --columns=up find Port_Binding \
                    logical_port=$p)" = true ] || fail "$p never came up"
done
assert_eq "hv1 hv1 hv2" "$(for p in lp1 lp1b lp2; do
        sbctl --bare --columns=name list Chassis \
            "$(sbctl --bare --columns=chassis find Port_Binding \
               logical_port=$p)"; done | xargs)" "chassis of lp1 lp1b lp2"
assert_eq "geneve 172.31.0.2 csum=true" \
    "$(sbctl --bare --columns=type,ip,options find Encap chassis_name=hv2 \
       | xargs echo)" "hv2 encap"
wait_until [ "$(hv_vsctl hv1 get Interface vif1 \
                external_ids:ovn-installed)" = '"true"' ] \
    || fail "vif1 not marked ovn-installed"

# Tunnel ports: ovn-<chassis>-<n> with the remote's IP.
wait_until hv_vsctl hv1 get Interface ovn-hv2-0 ofport \
    || fail "no tunnel port ovn-hv2-0 on hv1"
assert_eq 'geneve {csum="true", key=flow, remote_ip="172.31.0.2"}' \
    "$(hv_vsctl hv1 get Interface ovn-hv2-0 type options | paste -sd' ')" \
    "tunnel port on hv1"
assert_eq '"hv1@172.31.0.1"' \
    "$(hv_vsctl hv2 get Port ovn-hv1-0 external_ids:ovn-chassis-id)" \
    "tunnel port id on hv2"

# Conntrack zones: one per local port and two per local datapath.
zones=$(hv_appctl hv1 -t ovn-controller ct-zone-list)
assert_eq 4 "$(echo "$zones" | wc -l)" "number of zones on hv1"
echo "$zones" | grep -q '^lp1 [0-9]' || fail "no zone for lp1: $zones"

# The stand-in logical pipeline (hand-written, cookie 0xbeef).
mac1=50:54:00:00:00:01
mac1b=50:54:00:00:00:0b
mac2=50:54:00:00:00:02
for hv in hv1 hv2; do
    wait_until [ "$(hv_ofctl $hv dump-flows br-int table=65 | grep -c output)" \
                 -ge 1 ] || fail "no table 65 flows on $hv"
    check hv_ofctl $hv add-flows br-int - <<EOF2
cookie=0xbeef,table=8,priority=50,metadata=5,dl_dst=$mac1,actions=load:1->NXM_NX_REG15[],resubmit(,37)
cookie=0xbeef,table=8,priority=50,metadata=5,dl_dst=$mac1b,actions=load:3->NXM_NX_REG15[],resubmit(,37)
cookie=0xbeef,table=8,priority=50,metadata=5,dl_dst=$mac2,actions=load:2->NXM_NX_REG15[],resubmit(,37)
cookie=0xbeef,table=8,priority=50,metadata=5,dl_dst=ff:ff:ff:ff:ff:ff,actions=load:0x8000->NXM_NX_REG15[],resubmit(,37)
cookie=0xbeef,table=42,priority=50,metadata=5,actions=resubmit(,64)
EOF2
done
for hv in hv1 hv2; do
    pcap_take "$(underlay_pcap $hv rx)" >/dev/null
done

# Unicast hv1 -> hv2: one Geneve frame, VNI 5, ingress 1, egress 2.
icmp=$(pkt icmp4 eth.src=$mac1 eth.dst=$mac2 ip4.src=10.0.0.1 \
       ip4.dst=10.0.0.2 icmp.id=7 icmp.seq=1 payload=0123456789abcdef)
inject hv1 vif1 "$icmp"
expect_packets hv2 vif2 "$icmp"
expect_none hv1 vif1 vif1b
gnv=$(pcap_take "$(underlay_pcap hv1 rx)")
assert_eq 1 "$(printf '%s\n' "$gnv" | sed '/^$/d' | wc -l)" \
    "number of frames hv1 sent into the underlay"
assert_eq "ip4.src=172.31.0.1 ip4.dst=172.31.0.2 vni=0x000005 class=0x0102 type=0x80 ingress=1 egress=2 inner=$icmp" \
    "$(pkt geneve-decode "$gnv")" "decoded Geneve frame"

# Unicast that stays local.
icmp2=$(pkt icmp4 eth.src=$mac1 eth.dst=$mac1b ip4.src=10.0.0.1 \
        ip4.dst=10.0.0.11 icmp.id=8 icmp.seq=1)
inject hv1 vif1 "$icmp2"
expect_packets hv1 vif1b "$icmp2"
expect_none hv1 vif1
expect_none hv2 vif2
assert_eq "" "$(pcap_take "$(underlay_pcap hv1 rx)")" "underlay frames"

# Broadcast from hv2: once to each port on hv1 (one tunnel copy), not back.
arp=$(pkt arp eth.src=$mac2 arp.spa=10.0.0.2 arp.tpa=10.0.0.1)
inject hv2 vif2 "$arp"
expect_packets hv1 vif1 "$arp"
expect_packets hv1 vif1b "$arp"
expect_none hv2 vif2
gnv=$(pcap_take "$(underlay_pcap hv2 rx)")
assert_eq "ip4.src=172.31.0.2 ip4.dst=172.31.0.1 vni=0x000005 class=0x0102 type=0x80 ingress=2 egress=32768 inner=$arp" \
    "$(pkt geneve-decode "$gnv")" "decoded flood frame"

# Broadcast from hv1: the local neighbour and hv2, not the sender.
arp1=$(pkt arp eth.src=$mac1 arp.spa=10.0.0.1 arp.tpa=10.0.0.2)
inject hv1 vif1 "$arp1"
expect_packets hv1 vif1b "$arp1"
expect_packets hv2 vif2 "$arp1"
expect_none hv1 vif1

# Releasing: the interface goes, the binding is released.
check hv_vsctl hv2 del-port br-int vif2
wait_until [ -z "$(sbctl --bare --columns=chassis find Port_Binding \
                   logical_port=lp2)" ] || fail "lp2 not released"
assert_eq false "$(sbctl --bare --columns=up find Port_Binding \
                   logical_port=lp2)" "lp2 up after release"

# Final exit removes the chassis; --restart keeps it.
pid1=$(cat "$E2E_DIR/hv1/ovn-controller.pid")
check hv_appctl hv1 -t ovn-controller exit --restart
wait_until [ ! -e "/proc/$pid1" ] \
    || fail "hv1 controller did not exit"
assert_eq hv1 "$(sbctl --bare --columns=name find Chassis name=hv1)" \
    "chassis after exit --restart"
check hv_appctl hv2 -t ovn-controller exit
wait_until [ -z "$(sbctl --bare --columns=name find Chassis name=hv2)" ] \
    || fail "hv2 chassis not removed by exit"
assert_eq "" "$(sbctl --bare --columns=name find Chassis_Private name=hv2)" \
    "hv2 Chassis_Private after exit"

e2e_log "physical layer OK"
exit 0
