#!/bin/bash
# Logical router datapath with our ovn-northd and our ovn-controller: seed
# 004's topology (switches sw0 and sw1 joined by router lr0) on two dummy
# hypervisors.  Frames are injected into the VIFs and the exact frames that
# come out are checked: routed ICMP echo in both directions (TTL
# decremented, router MAC as source, destination VM's MAC from the static
# ARP resolution), the router's ARP replies for its addresses, ICMP echo
# replies from the router's addresses, and drops of frames that the router
# must not route.

E2E_CTL=${E2E_CTL:-auto}
. "$(dirname "$0")/lib.sh"
have_ours ovn-northd || skip "our ovn-northd is not built"
[ "${L3_CONTROLLER:-ours}" != ours ] || have_ours ovn-controller \
    || skip "our ovn-controller is not built"

central_start ours
hv_add hv1 192.168.77.1
hv_add hv2 192.168.77.2

vm1=50:54:00:00:00:01
vm2=50:54:00:00:00:03
vm3=50:54:00:00:00:05
r0=00:00:00:00:ff:01
r1=00:00:00:00:ff:02

check nbctl ls-add sw0 \
    -- lsp-add sw0 sw0-port1 \
    -- lsp-set-addresses sw0-port1 "$vm1 192.168.0.2" \
    -- ls-add sw1 \
    -- lsp-add sw1 sw1-port1 \
    -- lsp-set-addresses sw1-port1 "$vm2 11.0.0.2" \
    -- lsp-add sw1 sw1-port2 \
    -- lsp-set-addresses sw1-port2 "$vm3 11.0.0.3" \
    -- lr-add lr0 \
    -- lrp-add lr0 lrp0 $r0 192.168.0.1/24 \
    -- lsp-add sw0 lrp0-attachment \
    -- lsp-set-type lrp0-attachment router \
    -- lsp-set-addresses lrp0-attachment $r0 \
    -- lsp-set-options lrp0-attachment router-port=lrp0 \
    -- lrp-add lr0 lrp1 $r1 11.0.0.1/24 \
    -- lsp-add sw1 lrp1-attachment \
    -- lsp-set-type lrp1-attachment router \
    -- lsp-set-addresses lrp1-attachment $r1 \
    -- lsp-set-options lrp1-attachment router-port=lrp1

# The router's southbound rows.
check nbctl --wait=sb sync
assert_eq "patch" "$(sbctl --bare --columns=type find port_binding \
                     logical_port=lrp0)" "lrp0 binding type"
assert_eq "peer=lrp0-attachment" "$(sbctl --bare --columns=options find \
    port_binding logical_port=lrp0)" "lrp0 peer"
assert_eq "peer=lrp1" "$(sbctl --bare --columns=options find port_binding \
    logical_port=lrp1-attachment)" "lrp1-attachment peer"
assert_eq "$r1 11.0.0.1/24" "$(sbctl --bare --columns=mac find port_binding \
    logical_port=lrp1)" "lrp1 mac column"
[ -n "$(sbctl --bare --columns=_uuid find datapath_binding \
        external_ids:name=lr0)" ] || fail "no datapath for lr0"

vif_add hv1 vm1 sw0-port1
vif_add hv2 vm2 sw1-port1
vif_add hv2 vm3 sw1-port2
hv_start_controller hv1 "${L3_CONTROLLER:-ours}"
hv_start_controller hv2 "${L3_CONTROLLER:-ours}"
check nbctl --wait=hv --timeout=30 sync
wait_lsp_up sw0-port1 sw1-port1 sw1-port2
wait_ovn_installed hv1 vm1
wait_ovn_installed hv2 vm2 vm3

# 1. vm1 -> vm2, routed: exactly one frame at vm2, TTL 63, from lrp1's MAC
#    to vm2's MAC; nothing anywhere else.
for dir in 1 2; do
    if [ $dir = 1 ]; then
        req=$(pkt icmp4 eth.src=$vm1 eth.dst=$r0 ip4.src=192.168.0.2 \
              ip4.dst=11.0.0.2 ip.ttl=64 icmp.id=7 icmp.seq=$dir)
        out=$(pkt icmp4 eth.src=$r1 eth.dst=$vm2 ip4.src=192.168.0.2 \
              ip4.dst=11.0.0.2 ip.ttl=63 icmp.id=7 icmp.seq=$dir)
        inject hv1 vm1 "$req"
        expect_packets hv2 vm2 "$out"
    else
        # 2. and back: vm2 -> vm1.
        req=$(pkt icmp4 eth.src=$vm2 eth.dst=$r1 ip4.src=11.0.0.2 \
              ip4.dst=192.168.0.2 ip.ttl=64 icmp4.type=0 icmp.id=7 \
              icmp.seq=$dir)
        out=$(pkt icmp4 eth.src=$r0 eth.dst=$vm1 ip4.src=11.0.0.2 \
              ip4.dst=192.168.0.2 ip.ttl=63 icmp4.type=0 icmp.id=7 \
              icmp.seq=$dir)
        inject hv2 vm2 "$req"
        expect_packets hv1 vm1 "$out"
    fi
    expect_none_all
done

# 3. Routed from vm3 to vm1 too (another source on the same switch).
req=$(pkt udp4 eth.src=$vm3 eth.dst=$r1 ip4.src=11.0.0.3 ip4.dst=192.168.0.2 \
      ip.ttl=10 udp.src=1000 udp.dst=2000 payload=cafe)
out=$(pkt udp4 eth.src=$r0 eth.dst=$vm1 ip4.src=11.0.0.3 ip4.dst=192.168.0.2 \
      ip.ttl=9 udp.src=1000 udp.dst=2000 payload=cafe)
inject hv2 vm3 "$req"
expect_packets hv1 vm1 "$out"
expect_none_all

# 4. ARP for the gateway is answered by the router (and the request also
#    floods to the other non-router ports of the switch).
req=$(pkt arp eth.src=$vm1 arp.op=1 arp.sha=$vm1 arp.spa=192.168.0.2 \
      arp.tpa=192.168.0.1)
reply=$(pkt arp eth.src=$r0 eth.dst=$vm1 arp.op=2 arp.sha=$r0 \
        arp.spa=192.168.0.1 arp.tha=$vm1 arp.tpa=192.168.0.2)
inject hv1 vm1 "$req"
expect_packets hv1 vm1 "$reply"
expect_none_all
req=$(pkt arp eth.src=$vm2 arp.op=1 arp.sha=$vm2 arp.spa=11.0.0.2 \
      arp.tpa=11.0.0.1)
reply=$(pkt arp eth.src=$r1 eth.dst=$vm2 arp.op=2 arp.sha=$r1 \
        arp.spa=11.0.0.1 arp.tha=$vm2 arp.tpa=11.0.0.2)
inject hv2 vm2 "$req"
expect_packets hv2 vm2 "$reply"
expect_packets hv2 vm3 "$req"
expect_none_all

# 5. ARP for the router's address on the OTHER network is not answered on
#    this port (arp.tpa must be the port's own address).
req=$(pkt arp eth.src=$vm1 arp.op=1 arp.sha=$vm1 arp.spa=192.168.0.2 \
      arp.tpa=11.0.0.1)
inject hv1 vm1 "$req"
expect_none_all

# 6. Ping to the router's addresses: the reply comes from the router (TTL
#    255 from ip_input, then decremented by routing back).
for ip in 192.168.0.1 11.0.0.1; do
    req=$(pkt icmp4 eth.src=$vm1 eth.dst=$r0 ip4.src=192.168.0.2 \
          ip4.dst=$ip ip.ttl=64 icmp.id=9 icmp.seq=1)
    reply=$(pkt icmp4 eth.src=$r0 eth.dst=$vm1 ip4.src=$ip \
            ip4.dst=192.168.0.2 ip.ttl=254 icmp4.type=0 icmp.id=9 \
            icmp.seq=1)
    inject hv1 vm1 "$req"
    expect_packets hv1 vm1 "$reply"
    expect_none_all
done

# 7. Frames the router drops: to another MAC than the port's; from the
#    router's own address; to a network it has no route to.  (TTL 0 or 1
#    gets an ICMP time exceeded: l3-pinctrl.sh.)
inject hv1 vm1 "$(pkt icmp4 eth.src=$vm1 eth.dst=00:00:00:00:ff:99 \
                  ip4.src=192.168.0.2 ip4.dst=11.0.0.2)"
inject hv1 vm1 "$(pkt icmp4 eth.src=$vm1 eth.dst=$r0 ip4.src=192.168.0.1 \
                  ip4.dst=11.0.0.2)"
inject hv1 vm1 "$(pkt icmp4 eth.src=$vm1 eth.dst=$r0 ip4.src=192.168.0.2 \
                  ip4.dst=172.16.0.1)"
expect_none_all

# 8. A static route: 172.16.0.0/16 via vm3 (11.0.0.3) is delivered to vm3's
#    MAC with the original destination address.
check nbctl --wait=hv lr-route-add lr0 172.16.0.0/16 11.0.0.3
req=$(pkt icmp4 eth.src=$vm1 eth.dst=$r0 ip4.src=192.168.0.2 \
      ip4.dst=172.16.5.5 ip.ttl=64)
out=$(pkt icmp4 eth.src=$r1 eth.dst=$vm3 ip4.src=192.168.0.2 \
      ip4.dst=172.16.5.5 ip.ttl=63)
inject hv1 vm1 "$req"
expect_packets hv2 vm3 "$out"
expect_none_all

# 8b. ECMP: 172.30.0.0/16 via vm2 and vm3; each of 8 flows (different UDP
#     source ports) reaches exactly one of them, with that one's MAC.
check nbctl --wait=hv --ecmp lr-route-add lr0 172.30.0.0/16 11.0.0.2 \
    -- --ecmp lr-route-add lr0 172.30.0.0/16 11.0.0.3
for sport in 1 2 3 4 5 6 7 8; do
    inject hv1 vm1 "$(pkt udp4 eth.src=$vm1 eth.dst=$r0 ip4.src=192.168.0.2 \
                      ip4.dst=172.30.0.1 udp.src=$sport udp.dst=9)"
    e2e_settle
    got2=$(pcap_take "$(vif_pcap hv2 vm2)")
    got3=$(pcap_take "$(vif_pcap hv2 vm3)")
    want2=$(pkt udp4 eth.src=$r1 eth.dst=$vm2 ip4.src=192.168.0.2 \
            ip4.dst=172.30.0.1 ip.ttl=63 udp.src=$sport udp.dst=9)
    want3=$(pkt udp4 eth.src=$r1 eth.dst=$vm3 ip4.src=192.168.0.2 \
            ip4.dst=172.30.0.1 ip.ttl=63 udp.src=$sport udp.dst=9)
    if [ "$got2$got3" != "$want2" ] && [ "$got2$got3" != "$want3" ]; then
        fail "ECMP flow $sport: vm2 got '$got2', vm3 got '$got3'"
    fi
    expect_none_all
done

# 8c. Router policies (applied after routing): drop traffic to vm2; send
#     172.16.0.0/16 (routed via vm3 by step 8) to vm2 instead.
check nbctl --wait=hv lr-policy-add lr0 1000 "ip4.dst == 11.0.0.2" drop \
    -- lr-policy-add lr0 900 "ip4.dst == 172.16.0.0/16" reroute 11.0.0.2
inject hv1 vm1 "$(pkt icmp4 eth.src=$vm1 eth.dst=$r0 ip4.src=192.168.0.2 \
                  ip4.dst=11.0.0.2)"
expect_none_all
inject hv1 vm1 "$(pkt udp4 eth.src=$vm1 eth.dst=$r0 ip4.src=192.168.0.2 \
                  ip4.dst=172.16.9.9 udp.src=7 udp.dst=7)"
expect_packets hv2 vm2 "$(pkt udp4 eth.src=$r1 eth.dst=$vm2 \
    ip4.src=192.168.0.2 ip4.dst=172.16.9.9 ip.ttl=63 udp.src=7 udp.dst=7)"
expect_none_all
check nbctl --wait=hv lr-policy-del lr0 1000 "ip4.dst == 11.0.0.2"
req=$(pkt icmp4 eth.src=$vm1 eth.dst=$r0 ip4.src=192.168.0.2 \
      ip4.dst=11.0.0.2 ip.ttl=64)
inject hv1 vm1 "$req"
expect_packets hv2 vm2 "$(pkt icmp4 eth.src=$r1 eth.dst=$vm2 \
    ip4.src=192.168.0.2 ip4.dst=11.0.0.2 ip.ttl=63)"
expect_none_all

# 9. Deleting the router stops routing.
check nbctl --wait=hv lr-del lr0
inject hv1 vm1 "$(pkt icmp4 eth.src=$vm1 eth.dst=$r0 ip4.src=192.168.0.2 \
                  ip4.dst=11.0.0.2)"
expect_none_all
assert_eq "" "$(sbctl --bare --columns=_uuid find datapath_binding \
                external_ids:name=lr0)" "lr0 datapath after lr-del"

e2e_log "router lr0: routed ICMP/UDP both ways, ARP and ping replies, drops, static and ECMP routes, policies"
exit 0
