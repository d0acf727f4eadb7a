#!/bin/bash
# Compiles every logical flow that Debian's ovn-northd 23.03 writes for a
# varied northbound configuration (switches with port security and ACLs on
# port groups and address sets, DHCPv4/v6 options, a router with SNAT,
# dnat_and_snat, a gateway port, load balancers, static routes) through our
# ovn_lflow_compile(), with the southbound address sets and port groups.
# Every flow must compile.
#
# Needs Debian's ovn-northd and ovn-nbctl/ovn-sbctl, and our
# tests/ovn-expr-tool.  LFLOW_KEEP=FILE keeps the dumped flows.
E2E_CTL=debian
. "$(dirname "$0")/lib.sh"

tool=$abs_top_builddir/tests/ovn-expr-tool
[ -x "$tool" ] || skip "tests/ovn-expr-tool is not built"
[ -x /usr/bin/ovn-northd ] || skip "no Debian ovn-northd"

central_start debian

check nbctl ls-add sw0
check nbctl lsp-add sw0 sw0-p1 \
    -- lsp-set-addresses sw0-p1 "50:54:00:00:00:01 10.0.0.11 fd00::11" \
    -- lsp-set-port-security sw0-p1 "50:54:00:00:00:01 10.0.0.11 fd00::11"
check nbctl lsp-add sw0 sw0-p2 \
    -- lsp-set-addresses sw0-p2 "50:54:00:00:00:02 10.0.0.12" \
    -- lsp-set-port-security sw0-p2 "50:54:00:00:00:02 10.0.0.12"
check nbctl lsp-add sw0 sw0-p3 -- lsp-set-addresses sw0-p3 unknown
check nbctl ls-add sw1
check nbctl lsp-add sw1 sw1-p1 \
    -- lsp-set-addresses sw1-p1 "50:54:00:00:01:01 20.0.0.11"
check nbctl ls-add public
check nbctl lsp-add public ln-public -- lsp-set-type ln-public localnet \
    -- lsp-set-addresses ln-public unknown \
    -- lsp-set-options ln-public network_name=phys

check nbctl lr-add lr0
check nbctl lrp-add lr0 lr0-sw0 00:00:00:00:ff:01 10.0.0.1/24 fd00::1/64
check nbctl lrp-add lr0 lr0-sw1 00:00:00:00:ff:02 20.0.0.1/24
check nbctl lrp-add lr0 lr0-public 00:00:00:00:ff:03 172.16.0.1/24
check nbctl lrp-set-gateway-chassis lr0-public hv1 10
for sw in sw0 sw1 public; do
    check nbctl lsp-add $sw $sw-lr0 -- lsp-set-type $sw-lr0 router \
        -- lsp-set-addresses $sw-lr0 router \
        -- lsp-set-options $sw-lr0 router-port=lr0-$sw
done
check nbctl lr-route-add lr0 0.0.0.0/0 172.16.0.254
check nbctl lr-nat-add lr0 snat 172.16.0.1 10.0.0.0/24
check nbctl lr-nat-add lr0 dnat_and_snat 172.16.0.100 10.0.0.11 sw0-p1 \
    30:54:00:00:00:03
check nbctl lb-add lb0 10.0.0.100:80 "10.0.0.11:80,10.0.0.12:80" tcp
check nbctl lb-add lb1 172.16.0.200 "20.0.0.11"
check nbctl lb-add lb2 [fd00::100]:8080 "[fd00::11]:80" tcp
check nbctl ls-lb-add sw0 lb0
check nbctl ls-lb-add sw0 lb2
check nbctl lr-lb-add lr0 lb0
check nbctl lr-lb-add lr0 lb1

check nbctl pg-add pg1 sw0-p1 sw0-p2
check nbctl pg-add pg2 sw1-p1
check nbctl create Address_Set name=as1 \
    'addresses="10.0.0.11","10.0.0.12","10.1.0.0/16"' >/dev/null
check nbctl create Address_Set name=as6 'addresses="fd00::11","fd00::/64"' \
    >/dev/null
check nbctl acl-add pg1 to-lport 1002 \
    'outport == @pg1 && ip4 && ip4.src == $as1 && tcp.dst == {22, 80}' \
    allow-related
check nbctl acl-add pg1 from-lport 1001 'inport == @pg1 && ip4' \
    allow-related
check nbctl acl-add pg1 to-lport 1001 \
    'outport == @pg1 && ip6 && ip6.src == $as6' allow
check nbctl acl-add pg2 to-lport 1000 \
    'outport == @pg2 && ip4.src == $pg1_ip4 && udp.dst >= 1024' drop
check nbctl acl-add sw0 to-lport 1000 \
    'outport == "sw0-p2" && ip6 && udp.dst == 53' drop
check nbctl --log acl-add sw1 from-lport 900 \
    'ip4.dst == 20.0.0.0/24 && icmp4' reject

dhcp=$(nbctl dhcp-options-create 10.0.0.0/24 && \
       nbctl --bare --columns=_uuid find DHCP_Options cidr="10.0.0.0/24")
check nbctl dhcp-options-set-options "$dhcp" lease_time=3600 \
    router=10.0.0.1 server_id=10.0.0.1 server_mac=c0:ff:ee:00:00:01 \
    dns_server=8.8.8.8 mtu=1442
check nbctl lsp-set-dhcpv4-options sw0-p1 "$dhcp"
dhcp6=$(nbctl dhcp-options-create fd00::/64 && \
        nbctl --bare --columns=_uuid find DHCP_Options cidr='"fd00::/64"')
check nbctl dhcp-options-set-options "$dhcp6" \
    server_id=00:00:00:10:00:01
check nbctl lsp-set-dhcpv6-options sw0-p1 "$dhcp6"

# More variety: multicast snooping and relay, stateless ACLs, QoS, DNS,
# IPv6 router advertisements, ECMP routes, router policies, a gateway
# router with a load balancer, a gateway MTU (check_pkt_larger), LB
# affinity and hash fields, localport and virtual ports.
check nbctl set Logical_Switch sw1 other_config:mcast_snoop=true \
    other_config:mcast_querier=true \
    other_config:mcast_eth_src=00:00:00:00:aa:01 \
    other_config:mcast_ip4_src=20.0.0.254
check nbctl set Logical_Router lr0 options:mcast_relay=true
check nbctl acl-add sw1 from-lport 1500 'ip4 && tcp && tcp.dst == 8080' \
    allow-stateless
check nbctl qos-add sw0 from-lport 100 'ip4.src == 10.0.0.11' dscp=10
check nbctl qos-add sw0 from-lport 101 'ip4.src == 10.0.0.12' rate=1000 \
    burst=100
dns=$(nbctl create DNS records='{"vm1"="10.0.0.11 fd00::11"}')
check nbctl add Logical_Switch sw0 dns_records "$dns"
check nbctl set Logical_Router_Port lr0-sw0 \
    ipv6_ra_configs:address_mode=dhcpv6_stateful \
    ipv6_ra_configs:send_periodic=true
check nbctl --ecmp lr-route-add lr0 192.168.0.0/24 172.16.0.10
check nbctl --ecmp lr-route-add lr0 192.168.0.0/24 172.16.0.11
check nbctl lr-policy-add lr0 1000 \
    'ip4.src == 10.0.0.11 && ip4.dst == 20.0.0.0/24' reroute 20.0.0.11
check nbctl lr-policy-add lr0 900 'ip4.dst == 1.1.1.1' drop
check nbctl set Logical_Router_Port lr0-public options:gateway_mtu=1400
check nbctl set Load_Balancer lb0 options:affinity_timeout=60
check nbctl set Load_Balancer lb1 selection_fields=ip_src,ip_dst
check nbctl lsp-add sw0 sw0-lport -- lsp-set-type sw0-lport localport \
    -- lsp-set-addresses sw0-lport "50:54:00:00:00:09 10.0.0.9"
check nbctl lsp-add sw0 sw0-vip -- lsp-set-type sw0-vip virtual \
    -- lsp-set-addresses sw0-vip "50:54:00:00:00:10 10.0.0.10" \
    -- lsp-set-options sw0-vip virtual-ip=10.0.0.10 \
       virtual-parents=sw0-p1,sw0-p2
check nbctl lr-add gw1 -- set Logical_Router gw1 options:chassis=hv2
check nbctl lrp-add gw1 gw1-public 00:00:00:00:ee:01 172.16.0.2/24
check nbctl lsp-add public public-gw1 -- lsp-set-type public-gw1 router \
    -- lsp-set-addresses public-gw1 router \
    -- lsp-set-options public-gw1 router-port=gw1-public
check nbctl lr-nat-add gw1 snat 172.16.0.2 10.0.0.0/8
check nbctl lb-add lb3 172.16.0.150:443 "10.0.0.11:8443,10.0.0.12:8443" tcp
check nbctl set Load_Balancer lb3 options:skip_snat=true
check nbctl lr-lb-add gw1 lb3
check nbctl set Logical_Router gw1 options:lb_force_snat_ip=router_ip

check nbctl --wait=sb sync
n_lflows () {
    sbctl --bare --columns=_uuid list Logical_Flow | grep -c .
}
wait_until '[ "$(n_lflows)" -gt 100 ]' \
    || fail "no logical flows from Debian ovn-northd"

dir=$E2E_DIR
cols=pipeline,table_id,priority,match,actions,logical_datapath
sbctl --format=json --columns=$cols,logical_dp_group list Logical_Flow \
    > "$dir/lflows.json" || fail "dumping lflows"
sbctl --format=json --columns=_uuid,tunnel_key list Datapath_Binding \
    > "$dir/dp.json" || fail "dumping datapaths"
sbctl --format=json --columns=_uuid,datapaths list Logical_DP_Group \
    > "$dir/dpg.json" || fail "dumping datapath groups"
sbctl --format=json --columns=name,addresses list Address_Set \
    > "$dir/as.json" || fail "dumping address sets"
sbctl --format=json --columns=name,ports list Port_Group \
    > "$dir/pg.json" || fail "dumping port groups"

# Converts the JSON dumps to the tool's input and options.
/usr/bin/python3 - "$dir" <<'PYEOF' || fail "converting dumps"
import json, sys
d = sys.argv[1]

def cells(f):
    t = json.load(open(f))
    for row in t["data"]:
        yield row

def values(cell):
    if isinstance(cell, list) and cell and cell[0] == "set":
        return [v for v in cell[1]]
    return [cell]

def uuid(cell):
    return cell[1] if isinstance(cell, list) and cell[0] == "uuid" else None

dp_key = {uuid(u): key for u, key in cells(d + "/dp.json")}
group_dp = {uuid(u): [uuid(x) for x in values(dps)]
            for u, dps in cells(d + "/dpg.json")}
with open(d + "/lflows.tsv", "w") as out:
    for pipeline, table, prio, match, actions, dp, dpg in \
            cells(d + "/lflows.json"):
        dps = [uuid(dp)] if uuid(dp) else group_dp.get(uuid(dpg), [])
        # A flow of a datapath group is compiled for each datapath.
        for u in dps:
            out.write("\t".join([pipeline, str(table), str(prio),
                                 str(dp_key[u]), match, actions]) + "\n")
with open(d + "/opts", "w") as out:
    for name, addrs in cells(d + "/as.json"):
        out.write("--as\n%s=%s\n" % (name, ",".join(values(addrs))))
    for name, ports in cells(d + "/pg.json"):
        out.write("--pg\n%s=%s\n" % (name, ",".join(values(ports))))
PYEOF

if [ -n "${LFLOW_KEEP:-}" ]; then
    cp "$dir/lflows.tsv" "$LFLOW_KEEP"
    cp "$dir/opts" "$LFLOW_KEEP.opts"
fi
mapfile -t opts < "$dir/opts"
"$tool" --any-port "${opts[@]}" compile-file "$dir/lflows.tsv" \
    > "$dir/result.txt"
rc=$?
grep '^FAIL' "$dir/result.txt" | head -40 >&2
tail -1 "$dir/result.txt"
[ $rc = 0 ] || fail "some logical flows did not compile"

# The OpenFlow matches of every flow accept exactly the packets for which
# the match expression, evaluated directly, is true.
"$tool" --any-port "${opts[@]}" check-file "$dir/lflows.tsv" \
    > "$dir/check.txt"
rc=$?
grep '^MISMATCH' "$dir/check.txt" | head -20 >&2
tail -1 "$dir/check.txt"
[ $rc = 0 ] || fail "OpenFlow matches disagree with their expressions"
