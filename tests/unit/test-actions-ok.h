/* Generated from the actions implementation, then reviewed by hand; see
 * tests/unit/test-actions.c for the meaning of each column. */

static const struct ok_case ok_cases[] = {
    { 0, 10, "output;",
      NULL,
      "resubmit(,37)",
      NULL, NULL },
    { 0, 10, "next;",
      NULL,
      "resubmit(,19)",
      NULL, NULL },
    { 0, 10, "next(3);",
      NULL,
      "resubmit(,11)",
      NULL, NULL },
    { 0, 10, "next(pipeline=egress, table=2);",
      NULL,
      "resubmit(,44)",
      NULL, NULL },
    { 0, 10, "drop;",
      NULL,
      "drop",
      NULL, NULL },
    { 0, 10, "outport = \"lp1\"; output;",
      NULL,
      "set_field:0x1->reg15,resubmit(,37)",
      NULL, NULL },
    { 0, 10, "outport = \"nonexist\";",
      NULL,
      "set_field:0->reg15",
      NULL, NULL },
    { 0, 10, "inport = outport;",
      NULL,
      "move:NXM_NX_REG15[]->NXM_NX_REG14[]",
      NULL, NULL },
    { 0, 10, "reg0 = 10;",
      NULL,
      "set_field:0xa->reg0",
      NULL, NULL },
    { 0, 10, "reg0[1..3] = 5;",
      NULL,
      "load:0x5->NXM_NX_REG0[1..3]",
      NULL, NULL },
    { 0, 10, "eth.dst = 00:11:22:33:44:55;",
      NULL,
      "set_field:00:11:22:33:44:55->eth_dst",
      NULL, NULL },
    { 0, 10, "ip4.dst = 10.0.0.1;",
      NULL,
      "set_field:10.0.0.1->ip_dst",
      "(ip4)", NULL },
    { 0, 10, "reg0 = ip4.src;",
      NULL,
      "move:NXM_OF_IP_SRC[]->NXM_NX_REG0[]",
      "(ip4)", NULL },
    { 0, 10, "eth.src <-> eth.dst;",
      NULL,
      "push:NXM_OF_ETH_DST[],push:NXM_OF_ETH_SRC[],pop:NXM_OF_ETH_DST[],pop:NX"
        "M_OF_ETH_SRC[]",
      NULL, NULL },
    { 0, 10, "ip.ttl--;",
      NULL,
      "dec_ttl",
      "(ip)", NULL },
    { 0, 10, "ct_next;",
      NULL,
      "ct(table=19,zone=NXM_NX_REG13[0..15])",
      "(ip)", NULL },
    { 0, 10, "ct_commit;",
      "ct_commit { };",
      "ct(commit,zone=NXM_NX_REG13[0..15],nat(src))",
      "(ip)", NULL },
    { 0, 10, "ct_commit { ct_mark.blocked = 1; };",
      NULL,
      "ct(commit,zone=NXM_NX_REG13[0..15],nat(src),exec(load:0x1->NXM_NX_CT_MA"
        "RK[0]))",
      "(ip)", NULL },
    { 0, 10, "ct_commit { ct_label.ecmp_reply_eth = eth.src; ct_mark.ecmp_repl"
      "y_port = 5; };",
      NULL,
      "ct(commit,zone=NXM_NX_REG13[0..15],nat(src),exec(move:NXM_OF_ETH_SRC[]-"
        ">NXM_NX_CT_LABEL[32..79],load:0x5->NXM_NX_CT_MARK[16..31]))",
      "(ip)", NULL },
    { 0, 10, "ct_dnat;",
      NULL,
      "ct(table=19,zone=NXM_NX_REG11[0..15],nat)",
      "(ip)", NULL },
    { 0, 10, "ct_dnat(10.0.0.2);",
      NULL,
      "ct(commit,table=19,zone=NXM_NX_REG11[0..15],nat(dst=10.0.0.2))",
      "(ip)", NULL },
    { 0, 10, "ct_snat(fd00::1);",
      NULL,
      "ct(commit,table=19,zone=NXM_NX_REG12[0..15],nat(src=fd00::1))",
      "(ip)", NULL },
    { 0, 10, "ct_dnat_in_czone(192.168.1.1);",
      NULL,
      "ct(commit,table=19,zone=NXM_NX_REG11[0..15],nat(dst=192.168.1.1))",
      "(ip)", NULL },
    { 0, 10, "ct_snat_in_czone;",
      NULL,
      "ct(table=19,zone=NXM_NX_REG11[0..15],nat)",
      "(ip)", NULL },
    { 0, 10, "ct_lb;",
      NULL,
      "ct(table=19,zone=NXM_NX_REG13[0..15],nat)",
      "(ip)", NULL },
    { 0, 10, "ct_lb_mark(backends=10.0.0.2:80,10.0.0.3:80; hash_fields=\"ip_ds"
      "t,ip_src,tcp_dst,tcp_src\"; skip_snat);",
      NULL,
      "group:1",
      "(ip)", "type=select,selection_method=hash,fields(ip_dst,ip_src,tcp_dst,"
        "tcp_src),bucket=bucket_id=0,weight:100,actions=ct(nat(dst=10.0.0.2:80"
        "),commit,table=19,zone=NXM_NX_REG13[0..15],exec(set_field:0x6/0x6->ct"
        "_mark)),bucket=bucket_id=1,weight:100,actions=ct(nat(dst=10.0.0.3:80)"
        ",commit,table=19,zone=NXM_NX_REG13[0..15],exec(set_field:0x6/0x6->ct_"
        "mark))" },
    { 0, 10, "ct_lb(backends=[fd00::2]:80,[fd00::3]:8080);",
      NULL,
      "group:1",
      "(ip)", "type=select,selection_method=dp_hash,bucket=bucket_id=0,weight:"
        "100,actions=ct(nat(dst=[fd00::2]:80),commit,table=19,zone=NXM_NX_REG1"
        "3[0..15],exec(set_field:0x2/0x2->ct_label)),bucket=bucket_id=1,weight"
        ":100,actions=ct(nat(dst=[fd00::3]:8080),commit,table=19,zone=NXM_NX_R"
        "EG13[0..15],exec(set_field:0x2/0x2->ct_label))" },
    { 0, 10, "ct_clear;",
      NULL,
      "ct_clear",
      NULL, NULL },
    { 0, 10, "ct_commit_nat;",
      NULL,
      "ct(commit,table=19,zone=NXM_NX_REG13[0..15],nat)",
      "(ip)", NULL },
    { 0, 10, "clone { outport = \"lp2\"; output; };",
      NULL,
      "clone(set_field:0x2->reg15,resubmit(,37))",
      NULL, NULL },
    { 0, 10, "arp { eth.dst = ff:ff:ff:ff:ff:ff; arp.op = 1; output; };",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.01.00.19.00.10.80.00.06.06.ff."
        "ff.ff.ff.ff.ff.00.00.00.19.00.10.80.00.2a.02.00.01.00.00.00.00.00.00."
        "ff.ff.00.10.00.00.23.20.00.0e.ff.f8.25.00.00.00)",
      "(ip4)", NULL },
    { 0, 10, "get_arp(outport, ip4.dst);",
      NULL,
      "push:NXM_NX_REG0[],move:NXM_OF_IP_DST[]->NXM_NX_REG0[],set_field:00:00:"
        "00:00:00:00->eth_dst,resubmit(,66),pop:NXM_NX_REG0[]",
      "(ip4)", NULL },
    { 0, 10, "put_arp(inport, arp.spa, arp.sha);",
      NULL,
      "push:NXM_NX_REG0[],move:NXM_OF_ARP_SPA[]->NXM_NX_REG0[],push:NXM_OF_ETH"
        "_SRC[],move:NXM_NX_ARP_SHA[]->NXM_OF_ETH_SRC[],controller(userdata=01"
        ".00.00.00.00.00.00.14),pop:NXM_OF_ETH_SRC[],pop:NXM_NX_REG0[]",
      "(arp)", NULL },
    { 0, 10, "get_nd(outport, xxreg0);",
      NULL,
      "set_field:00:00:00:00:00:00->eth_dst,resubmit(,66)",
      NULL, NULL },
    { 0, 10, "put_nd(inport, nd.target, nd.tll);",
      NULL,
      "push:NXM_NX_XXREG0[],move:NXM_NX_ND_TARGET[]->NXM_NX_XXREG0[],push:NXM_"
        "OF_ETH_SRC[],move:NXM_NX_ND_TLL[]->NXM_OF_ETH_SRC[],controller(userda"
        "ta=01.00.00.00.00.00.00.15),pop:NXM_OF_ETH_SRC[],pop:NXM_NX_XXREG0[]",
      "(nd) && (nd_na)", NULL },
    { 0, 10, "reg0[0] = lookup_arp(inport, arp.spa, arp.sha);",
      NULL,
      "push:NXM_NX_REG0[],move:NXM_OF_ARP_SPA[]->NXM_NX_REG0[],push:NXM_OF_ETH"
        "_SRC[],move:NXM_NX_ARP_SHA[]->NXM_OF_ETH_SRC[],load:0->NXM_NX_REG10[6"
        "],resubmit(,67),pop:NXM_OF_ETH_SRC[],pop:NXM_NX_REG0[],move:NXM_NX_RE"
        "G10[6]->NXM_NX_REG0[0]",
      "(arp)", NULL },
    { 0, 10, "reg0[0] = lookup_arp_ip(inport, arp.spa);",
      NULL,
      "push:NXM_OF_ETH_DST[],push:NXM_NX_REG15[],move:NXM_NX_REG14[]->NXM_NX_R"
        "EG15[],push:NXM_NX_REG0[],move:NXM_OF_ARP_SPA[]->NXM_NX_REG0[],load:0"
        "->NXM_NX_REG10[6],resubmit(,66),pop:NXM_NX_REG0[],pop:NXM_NX_REG15[],"
        "pop:NXM_OF_ETH_DST[],move:NXM_NX_REG10[6]->NXM_NX_REG0[0]",
      "(arp)", NULL },
    { 0, 10, "reg0[1] = lookup_nd(inport, ip6.src, eth.src);",
      NULL,
      "push:NXM_NX_XXREG0[],move:NXM_NX_IPV6_SRC[]->NXM_NX_XXREG0[],load:0->NX"
        "M_NX_REG10[6],resubmit(,67),pop:NXM_NX_XXREG0[],move:NXM_NX_REG10[6]-"
        ">NXM_NX_REG0[1]",
      "(ip6)", NULL },
    { 0, 10, "outport = get_fdb(eth.dst);",
      NULL,
      "set_field:0->reg15,resubmit(,71)",
      NULL, NULL },
    { 0, 10, "put_fdb(inport, eth.src);",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.16)",
      NULL, NULL },
    { 0, 10, "reg0[2] = lookup_fdb(inport, eth.src);",
      NULL,
      "load:0->NXM_NX_REG10[8],resubmit(,72),move:NXM_NX_REG10[8]->NXM_NX_REG0"
        "[2]",
      NULL, NULL },
    { 0, 10, "nd_ns { nd.target = xxreg0; output; };",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.02.00.1c.00.18.00.80.00.00.00."
        "00.00.00.00.01.de.10.80.00.3e.10.00.00.00.00.ff.ff.00.10.00.00.23.20."
        "00.0e.ff.f8.25.00.00.00)",
      "(ip6)", NULL },
    { 0, 10, "nd_na { eth.src = 00:00:00:00:00:01; nd.tll = 00:00:00:00:00:01;"
      " outport = inport; flags.loopback = 1; output; };",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.03.00.19.00.10.80.00.08.06.00."
        "00.00.00.00.01.00.00.00.19.00.10.80.00.42.06.00.00.00.00.00.01.00.00."
        "00.1c.00.18.00.20.00.00.00.00.00.00.00.01.1c.04.00.01.1e.04.00.00.00."
        "00.00.19.00.10.00.01.15.08.00.00.00.01.00.00.00.01.ff.ff.00.10.00.00."
        "23.20.00.0e.ff.f8.25.00.00.00)",
      "(nd_ns)", NULL },
    { 0, 10, "nd_na_router { output; };",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.04.ff.ff.00.10.00.00.23.20.00."
        "0e.ff.f8.25.00.00.00)",
      "(nd_ns)", NULL },
    { 0, 10, "icmp4 { icmp4.type = 0; output; };",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.05.00.19.00.10.80.00.26.01.00."
        "00.00.00.00.00.00.00.ff.ff.00.10.00.00.23.20.00.0e.ff.f8.25.00.00.00)"
        ,
      "(ip4)", NULL },
    { 0, 10, "icmp4_error { icmp4.type = 3; icmp4.code = 4; icmp4.frag_mtu = 1"
      "442; next(pipeline=ingress, table=0); };",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.06.00.19.00.10.80.00.26.01.03."
        "00.00.00.00.00.00.00.00.19.00.10.80.00.28.01.04.00.00.00.00.00.00.00."
        "ff.ff.00.30.00.00.23.20.00.25.00.00.00.00.00.00.00.03.00.14.01.00.00."
        "00.00.00.00.28.05.a2.00.00.00.00.00.00.00.00.00.00.00.04.00.04.00.00."
        "00.00.ff.ff.00.10.00.00.23.20.00.0e.ff.f8.08.00.00.00)",
      "(ip4)", NULL },
    { 0, 10, "icmp6 { icmp6.type = 1; output; };",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.07.00.19.00.10.80.00.3a.01.01."
        "00.00.00.00.00.00.00.ff.ff.00.10.00.00.23.20.00.0e.ff.f8.25.00.00.00)"
        ,
      "(ip6)", NULL },
    { 0, 10, "icmp6_error { icmp6.frag_mtu = 1280; output; };",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.08.ff.ff.00.30.00.00.23.20.00."
        "25.00.00.00.00.00.00.00.03.00.14.01.00.00.00.00.00.00.29.05.00.00.00."
        "00.00.00.00.00.00.00.00.00.04.00.04.00.00.00.00.ff.ff.00.10.00.00.23."
        "20.00.0e.ff.f8.25.00.00.00)",
      "(ip6)", NULL },
    { 0, 10, "tcp_reset { output; };",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.09.ff.ff.00.10.00.00.23.20.00."
        "0e.ff.f8.25.00.00.00)",
      "(tcp)", NULL },
    { 0, 10, "tcp_reset;",
      "tcp_reset { };",
      "controller(userdata=01.00.00.00.00.00.00.09)",
      "(tcp)", NULL },
    { 0, 10, "sctp_abort { output; };",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.0a.ff.ff.00.10.00.00.23.20.00."
        "0e.ff.f8.25.00.00.00)",
      "(sctp)", NULL },
    { 0, 10, "reject { outport <-> inport; next(pipeline=egress,table=5); };",
      "reject { outport <-> inport; next(pipeline=egress, table=5); };",
      "controller(userdata=01.00.00.00.00.00.00.0b.ff.ff.00.18.00.00.23.20.00."
        "1b.00.00.00.01.1c.04.00.20.00.00.00.00.00.00.ff.ff.00.18.00.00.23.20."
        "00.1b.00.00.00.01.1e.04.00.20.00.00.00.00.00.00.ff.ff.00.18.00.00.23."
        "20.00.1c.00.00.00.01.1c.04.00.20.00.00.00.00.00.00.ff.ff.00.18.00.00."
        "23.20.00.1c.00.00.00.01.1e.04.00.20.00.00.00.00.00.00.ff.ff.00.10.00."
        "00.23.20.00.0e.ff.f8.2f.00.00.00)",
      NULL, NULL },
    { 0, 10, "reg0[3] = put_dhcp_opts(offerip = 10.0.0.2, router = 10.0.0.1, n"
      "etmask = 255.255.255.0, dns_server = {8.8.8.8, 7.7.7.7}, lease_time = 3"
      "600, classless_static_route = {30.0.0.0/24, 10.0.0.4, 0.0.0.0/0, 10.0.0"
      ".1}, domain_search_list = \"a.com,b.org\", mtu = 1400, hostname = \"vm1"
      "\");",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.1e.00.00.00.65.00.03.00.01.00."
        "04.0a.00.00.02.03.04.0a.00.00.01.01.04.ff.ff.ff.00.06.08.08.08.08.08."
        "07.07.07.07.33.04.00.00.0e.10.79.0d.18.1e.00.00.0a.00.00.04.00.0a.00."
        "00.01.77.0e.01.61.03.63.6f.6d.00.01.62.03.6f.72.67.00.1a.02.05.78.0c."
        "03.76.6d.31,pause)",
      "(udp && ip4)", NULL },
    { 0, 10, "reg0[3] = put_dhcpv6_opts(ia_addr = aef0::4, server_id = 00:00:0"
      "0:00:10:02, dns_server = {ae70::1, ae70::2}, domain_search = \"ovn.org"
      "\");",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.1f.00.00.00.65.00.03.00.01.00."
        "05.00.10.ae.f0.00.00.00.00.00.00.00.00.00.00.00.00.00.04.00.02.00.0a."
        "00.03.00.01.00.00.00.00.10.02.00.17.00.20.ae.70.00.00.00.00.00.00.00."
        "00.00.00.00.00.00.01.ae.70.00.00.00.00.00.00.00.00.00.00.00.00.00.02."
        "00.18.00.09.03.6f.76.6e.03.6f.72.67.00,pause)",
      "(udp && ip6)", NULL },
    { 0, 10, "reg0[3] = put_nd_ra_opts(addr_mode = \"slaac\", slla = 00:00:00:"
      "00:10:02, prefix = aef0::/64, mtu = 1450);",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.21.00.00.00.65.00.03.00.01.c8."
        "01.00.01.06.00.00.00.00.10.02.03.11.40.ae.f0.00.00.00.00.00.00.00.00."
        "00.00.00.00.00.00.05.04.00.00.05.aa,pause)",
      "(ip6)", NULL },
    { 0, 10, "reg0[3] = dns_lookup();",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.20.00.00.00.65.00.03.00.01,pau"
        "se)",
      "(udp)", NULL },
    { 0, 10, "set_queue(10);",
      NULL,
      "set_queue:10",
      NULL, NULL },
    { 0, 10, "set_meter(100, 1000);",
      NULL,
      "meter:2",
      NULL, "meter kbps burst stats bands=type=drop rate=100 burst_size=1000"
        },
    { 0, 10, "set_meter(100);",
      NULL,
      "meter:2",
      NULL, "meter kbps stats bands=type=drop rate=100" },
    { 0, 10, "reg0[6] = check_pkt_larger(1000);",
      NULL,
      "check_pkt_larger(1000)->NXM_NX_REG0[6]",
      NULL, NULL },
    { 0, 10, "log(name = \"acl1\", severity = warning, verdict = drop);",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.32.01.04.00.00.61.63.6c.31)",
      NULL, NULL },
    { 0, 10, "log(verdict = allow, meter = \"acl-meter\");",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.32.00.06.00.00,meter_id=2)",
      NULL, "meter name:acl-meter" },
    { 0, 10, "trigger_event(event = \"empty_lb_backends\", meter = \"event-elb"
      "\", vip = \"10.0.0.10:80\", protocol = \"tcp\", load_balancer = \"12345"
      "678-abcd-0000-0000-000000000000\");",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.33.00.00.00.00.00.00.00.0c.31."
        "30.2e.30.2e.30.2e.31.30.3a.38.30.00.01.00.03.74.63.70.00.02.00.24.31."
        "32.33.34.35.36.37.38.2d.61.62.63.64.2d.30.30.30.30.2d.30.30.30.30.2d."
        "30.30.30.30.30.30.30.30.30.30.30.30,meter_id=2)",
      NULL, "meter name:event-elb" },
    { 0, 10, "igmp;",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.37)",
      NULL, NULL },
    { 0, 10, "bind_vport(\"sw0-vir\", inport);",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.35.00.00.00.07)",
      NULL, NULL },
    { 0, 10, "handle_svc_check(inport);",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.34)",
      NULL, NULL },
    { 0, 10, "handle_dhcpv6_reply;",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.36)",
      NULL, NULL },
    { 0, 10, "reg8[16..31] = select(1=20, 2=30, 3=50);",
      NULL,
      "group:1",
      NULL, "type=select,selection_method=dp_hash,bucket=bucket_id=0,weight:20"
        ",actions=load:1->NXM_NX_REG8[16..31],resubmit(,19),bucket=bucket_id=1"
        ",weight:30,actions=load:2->NXM_NX_REG8[16..31],resubmit(,19),bucket=b"
        "ucket_id=2,weight:50,actions=load:3->NXM_NX_REG8[16..31],resubmit(,19"
        ")" },
    { 0, 10, "reg8[16..31] = select(1, 2);",
      "reg8[16..31] = select(1=100, 2=100);",
      "group:1",
      NULL, "type=select,selection_method=dp_hash,bucket=bucket_id=0,weight:10"
        "0,actions=load:1->NXM_NX_REG8[16..31],resubmit(,19),bucket=bucket_id="
        "1,weight:100,actions=load:2->NXM_NX_REG8[16..31],resubmit(,19)" },
    { 0, 10, "reg0[0] = chk_lb_hairpin();",
      NULL,
      "load:0->NXM_NX_REG10[7],resubmit(,68),move:NXM_NX_REG10[7]->NXM_NX_REG0"
        "[0]",
      NULL, NULL },
    { 0, 10, "reg0[0] = chk_lb_hairpin_reply();",
      NULL,
      "load:0->NXM_NX_REG10[7],resubmit(,69),move:NXM_NX_REG10[7]->NXM_NX_REG0"
        "[0]",
      NULL, NULL },
    { 0, 10, "ct_snat_to_vip; next;",
      NULL,
      "resubmit(,70),resubmit(,19)",
      NULL, NULL },
    { 0, 10, "reg0[0] = check_in_port_sec();",
      NULL,
      "load:0->NXM_NX_REG10[12],resubmit(,73),move:NXM_NX_REG10[12]->NXM_NX_RE"
        "G0[0]",
      NULL, NULL },
    { 0, 10, "reg0[0] = check_out_port_sec();",
      NULL,
      "load:0->NXM_NX_REG10[12],resubmit(,75),move:NXM_NX_REG10[12]->NXM_NX_RE"
        "G0[0]",
      NULL, NULL },
    { 0, 10, "commit_lb_aff(vip = \"172.16.0.10:80\", backend = \"10.0.0.2:808"
      "0\", proto = tcp, timeout = 30);",
      NULL,
      "learn(table=78,idle_timeout=30,delete_learned,cookie=0xabcd,OXM_OF_META"
        "DATA[],eth_type=0x800,NXM_OF_IP_SRC[],ip_dst=172.16.0.10,nw_proto=6,t"
        "cp_dst=80,load:0x1->NXM_NX_REG10[14],load:0xa000002->NXM_NX_REG4[],lo"
        "ad:0x1f90->NXM_NX_REG8[0..15])",
      "(ip4)", NULL },
    { 0, 10, "commit_lb_aff(vip = \"[fd00::10]:80\", backend = \"[fd00::2]:808"
      "0\", proto = udp, timeout = 60);",
      NULL,
      "learn(table=78,idle_timeout=60,delete_learned,cookie=0xabcd,OXM_OF_META"
        "DATA[],eth_type=0x86dd,NXM_NX_IPV6_SRC[],ipv6_dst=fd00::10,nw_proto=1"
        "7,udp_dst=80,load:0x1->NXM_NX_REG10[14],load:0xfd00000000000000000000"
        "0000000002->NXM_NX_XXREG1[],load:0x1f90->NXM_NX_REG8[0..15])",
      "(ip6)", NULL },
    { 0, 10, "reg9[6] = chk_lb_aff();",
      NULL,
      "load:0->NXM_NX_REG10[14],resubmit(,78),move:NXM_NX_REG10[14]->NXM_NX_RE"
        "G9[6]",
      NULL, NULL },
    { 0, 10, "commit_ecmp_nh(ipv6 = false, proto = tcp);",
      NULL,
      "learn(table=76,idle_timeout=20,hard_timeout=30,delete_learned,cookie=0x"
        "abcd,OXM_OF_METADATA[],eth_type=0x800,nw_proto=6,NXM_OF_IP_SRC[],NXM_"
        "OF_IP_DST[],NXM_OF_TCP_SRC[],NXM_OF_TCP_DST[],NXM_OF_ETH_SRC[],load:0"
        "x1->NXM_NX_REG10[13]),learn(table=77,idle_timeout=20,hard_timeout=30,"
        "delete_learned,cookie=0xabcd,OXM_OF_METADATA[],eth_type=0x800,nw_prot"
        "o=6,NXM_OF_IP_SRC[]=NXM_OF_IP_DST[],NXM_OF_IP_DST[]=NXM_OF_IP_SRC[],N"
        "XM_OF_TCP_SRC[]=NXM_OF_TCP_DST[],NXM_OF_TCP_DST[]=NXM_OF_TCP_SRC[],lo"
        "ad:0x1->NXM_NX_REG10[13])",
      "(ip4 && tcp)", NULL },
    { 0, 10, "reg9[5] = check_ecmp_nh_mac();",
      "reg9[5] = chk_ecmp_nh_mac();",
      "load:0->NXM_NX_REG10[13],resubmit(,76),move:NXM_NX_REG10[13]->NXM_NX_RE"
        "G9[5]",
      NULL, NULL },
    { 0, 10, "reg9[5] = check_ecmp_nh();",
      "reg9[5] = chk_ecmp_nh();",
      "load:0->NXM_NX_REG10[13],resubmit(,77),move:NXM_NX_REG10[13]->NXM_NX_RE"
        "G9[5]",
      NULL, NULL },
    { 0, 10, "sample(probability = 65535, collector_set = 2, obs_domain = 3, o"
      "bs_point = 1000);",
      NULL,
      "sample(probability=65535,collector_set_id=2,obs_domain_id=50331653,obs_"
        "point_id=1000)",
      NULL, NULL },
    { 0, 10, "sample(probability = 10, obs_point = @cookie);",
      NULL,
      "sample(probability=10,collector_set_id=0,obs_domain_id=5,obs_point_id=4"
        "3981)",
      NULL, NULL },
    { 0, 10, "fwd_group(liveness = true, childports = \"lp1\", \"lp2\");",
      NULL,
      "group:1",
      NULL, "type=select,selection_method=dp_hash,bucket=bucket_id=0,weight:10"
        "0,actions=load:0x1->NXM_NX_REG15[],resubmit(,37),bucket=bucket_id=1,w"
        "eight:100,actions=load:0x2->NXM_NX_REG15[],resubmit(,37)" },
    { 0, 10, "push(reg0); pop(reg1);",
      NULL,
      "push:NXM_NX_REG0[],pop:NXM_NX_REG1[]",
      NULL, NULL },
    { EGRESS|0, 3, "output;",
      NULL,
      "resubmit(,64)",
      NULL, NULL },
    { EGRESS|0, 3, "next;",
      NULL,
      "resubmit(,46)",
      NULL, NULL },
    { EGRESS|0, 3, "next(pipeline=ingress, table=0);",
      NULL,
      "resubmit(,8)",
      NULL, NULL },
    { EGRESS|0, 0, "ct_next;",
      NULL,
      "ct(table=43,zone=NXM_NX_REG13[0..15])",
      "(ip)", NULL },
    { EGRESS|ROUTER, 2, "ct_commit { } ; next;",
      "ct_commit { }; next;",
      "ct(commit,zone=NXM_NX_REG11[0..15],nat(src)),resubmit(,45)",
      "(ip)", NULL },
    { ROUTER, 5, "ct_next;",
      NULL,
      "ct(table=14,zone=NXM_NX_REG11[0..15])",
      "(ip)", NULL },
    { ROUTER, 5, "ct_commit_nat;",
      NULL,
      "ct(commit,table=14,zone=NXM_NX_REG11[0..15],nat)",
      "(ip)", NULL },
    { ROUTER, 5, "ct_lb_mark;",
      NULL,
      "ct(table=14,zone=NXM_NX_REG11[0..15],nat)",
      "(ip)", NULL },
    { ROUTER, 5, "ct_lb_mark(backends=10.0.0.2:80,10.0.0.3:80);",
      NULL,
      "group:1",
      "(ip)", "type=select,selection_method=dp_hash,bucket=bucket_id=0,weight:"
        "100,actions=ct(nat(dst=10.0.0.2:80),commit,table=14,zone=NXM_NX_REG11"
        "[0..15],exec(set_field:0x2/0x2->ct_mark)),bucket=bucket_id=1,weight:1"
        "00,actions=ct(nat(dst=10.0.0.3:80),commit,table=14,zone=NXM_NX_REG11["
        "0..15],exec(set_field:0x2/0x2->ct_mark))" },
    { ROUTER, 5, "ct_dnat(10.0.0.5);",
      NULL,
      "ct(commit,table=14,zone=NXM_NX_REG11[0..15],nat(dst=10.0.0.5))",
      "(ip)", NULL },
    { ROUTER, 5, "ct_snat;",
      NULL,
      "ct(table=14,zone=NXM_NX_REG12[0..15],nat)",
      "(ip)", NULL },
    { EGRESS|ROUTER, 3, "ct_snat(172.16.0.2);",
      NULL,
      "ct(commit,table=46,zone=NXM_NX_REG12[0..15],nat(src=172.16.0.2))",
      "(ip)", NULL },
    { EGRESS|ROUTER, 1, "ct_dnat;",
      NULL,
      "ct(table=44,zone=NXM_NX_REG11[0..15],nat)",
      "(ip)", NULL },
    { ROUTER, 5, "ct_dnat_in_czone;",
      NULL,
      "ct(table=14,zone=NXM_NX_REG11[0..15],nat)",
      "(ip)", NULL },
    { ROUTER, 5, "ct_commit { ct_mark.blocked = 0; };",
      NULL,
      "ct(commit,zone=NXM_NX_REG11[0..15],nat(src),exec(load:0->NXM_NX_CT_MARK"
        "[0]))",
      "(ip)", NULL },
    { 0, 0, "",
      "drop;",
      "drop",
      NULL, NULL },
    { 0, 0, "/* comment only */",
      "drop;",
      "drop",
      NULL, NULL },
    { 0, 0, "drop;",
      NULL,
      "drop",
      NULL, NULL },
    { 0, 0, "next; next;",
      NULL,
      "resubmit(,9),resubmit(,9)",
      NULL, NULL },
    { 0, 0, "outport = \"_MC_flood\"; output;",
      NULL,
      "set_field:0x8000->reg15,resubmit(,37)",
      NULL, NULL },
    { 0, 0, "outport = \"\"; output;",
      NULL,
      "set_field:0->reg15,resubmit(,37)",
      NULL, NULL },
    { 0, 0, "inport = \"lp2\";",
      NULL,
      "set_field:0x2->reg14",
      NULL, NULL },
    { 0, 0, "reg0 = 0xffffffff;",
      NULL,
      "set_field:0xffffffff->reg0",
      NULL, NULL },
    { 0, 0, "reg0 = 0x10/0xf0;",
      NULL,
      "load:0x1->NXM_NX_REG0[4..7]",
      NULL, NULL },
    { 0, 0, "xxreg0 = fd00::1;",
      NULL,
      "set_field:0xfd000000000000000000000000000001->xxreg0",
      NULL, NULL },
    { 0, 0, "xxreg1[0..31] = 10.0.0.1;",
      NULL,
      "set_field:0xa000001/0xffffffff->xxreg1",
      NULL, NULL },
    { 0, 0, "xreg0[0..47] = 00:00:00:00:ff:01;",
      NULL,
      "load:0xff01->OXM_OF_PKT_REG0[0..47]",
      NULL, NULL },
    { 0, 0, "reg9[4] = 1;",
      NULL,
      "load:0x1->NXM_NX_REG9[4]",
      NULL, NULL },
    { 0, 0, "flags.loopback = 1;",
      NULL,
      "load:0x1->NXM_NX_REG10[0]",
      NULL, NULL },
    { 0, 0, "flags.force_snat_for_dnat = 1; flags.skip_snat_for_lb = 1;",
      NULL,
      "load:0x1->NXM_NX_REG10[2],load:0x1->NXM_NX_REG10[9]",
      NULL, NULL },
    { 0, 0, "ip4.src = reg1;",
      NULL,
      "move:NXM_NX_REG1[]->NXM_OF_IP_SRC[]",
      "(ip4)", NULL },
    { 0, 0, "ip6.dst = xxreg0;",
      NULL,
      "move:NXM_NX_XXREG0[]->NXM_NX_IPV6_DST[]",
      "(ip6)", NULL },
    { 0, 0, "tcp.dst = 80;",
      NULL,
      "set_field:80->tcp_dst",
      "(tcp)", NULL },
    { 0, 0, "udp.src = reg1[0..15];",
      NULL,
      "move:NXM_NX_REG1[0..15]->NXM_OF_UDP_SRC[]",
      "(udp)", NULL },
    { 0, 0, "eth.dst = eth.src; eth.src = 00:00:00:00:aa:01;",
      NULL,
      "move:NXM_OF_ETH_SRC[]->NXM_OF_ETH_DST[],set_field:00:00:00:00:aa:01->et"
        "h_src",
      NULL, NULL },
    { 0, 0, "arp.op = 2; arp.tha = arp.sha; arp.tpa <-> arp.spa;",
      NULL,
      "set_field:2->arp_op,move:NXM_NX_ARP_SHA[]->NXM_NX_ARP_THA[],push:NXM_OF"
        "_ARP_SPA[],push:NXM_OF_ARP_TPA[],pop:NXM_OF_ARP_SPA[],pop:NXM_OF_ARP_"
        "TPA[]",
      "(arp)", NULL },
    { 0, 0, "nd.tll = 00:00:00:00:00:01;",
      NULL,
      "set_field:00:00:00:00:00:01->nd_tll",
      "(nd_na)", NULL },
    { 0, 0, "icmp4.type = 0;",
      NULL,
      "set_field:0->icmp_type",
      "(icmp4)", NULL },
    { 0, 0, "ip.ttl = 64;",
      NULL,
      "set_field:64->nw_ttl",
      "(ip)", NULL },
    { 0, 0, "ip.dscp = 10;",
      NULL,
      "set_field:10->ip_dscp",
      "(ip)", NULL },
    { 0, 0, "pkt.mark = 5;",
      NULL,
      "set_field:0x5->pkt_mark",
      NULL, NULL },
    { 0, 0, "reg0 <-> reg1;",
      NULL,
      "push:NXM_NX_REG1[],push:NXM_NX_REG0[],pop:NXM_NX_REG1[],pop:NXM_NX_REG0"
        "[]",
      NULL, NULL },
    { 0, 0, "xxreg0 <-> xxreg1;",
      NULL,
      "push:NXM_NX_XXREG1[],push:NXM_NX_XXREG0[],pop:NXM_NX_XXREG1[],pop:NXM_N"
        "X_XXREG0[]",
      NULL, NULL },
    { 0, 0, "inport <-> outport;",
      NULL,
      "push:NXM_NX_REG15[],push:NXM_NX_REG14[],pop:NXM_NX_REG15[],pop:NXM_NX_R"
        "EG14[]",
      NULL, NULL },
    { 0, 0, "reg1 = reg2; reg2 = reg1;",
      NULL,
      "move:NXM_NX_REG2[]->NXM_NX_REG1[],move:NXM_NX_REG1[]->NXM_NX_REG2[]",
      NULL, NULL },
    { 0, 0, "ip.ttl--; next;",
      NULL,
      "dec_ttl,resubmit(,9)",
      "(ip)", NULL },
    { 0, 28, "output;",
      NULL,
      "resubmit(,37)",
      NULL, NULL },
    { 0, 0, "ct_lb(10.0.0.2:80);",
      "ct_lb(backends=10.0.0.2:80);",
      "group:1",
      "(ip)", "type=select,selection_method=dp_hash,bucket=bucket_id=0,weight:"
        "100,actions=ct(nat(dst=10.0.0.2:80),commit,table=9,zone=NXM_NX_REG13["
        "0..15],exec(set_field:0x2/0x2->ct_label))" },
    { 0, 0, "ct_lb_mark(backends=10.0.0.2; force_snat);",
      NULL,
      "group:1",
      "(ip)", "type=select,selection_method=dp_hash,bucket=bucket_id=0,weight:"
        "100,actions=ct(nat(dst=10.0.0.2),commit,table=9,zone=NXM_NX_REG13[0.."
        "15],exec(set_field:0xa/0xa->ct_mark))" },
    { 0, 0, "ct_lb_mark(backends=fd00::2,fd00::3; hash_fields=ipv6_src,ipv6_ds"
      "t);",
      NULL,
      "group:1",
      "(ip)", "type=select,selection_method=hash,fields(ipv6_src,ipv6_dst),buc"
        "ket=bucket_id=0,weight:100,actions=ct(nat(dst=fd00::2),commit,table=9"
        ",zone=NXM_NX_REG13[0..15],exec(set_field:0x2/0x2->ct_mark)),bucket=bu"
        "cket_id=1,weight:100,actions=ct(nat(dst=fd00::3),commit,table=9,zone="
        "NXM_NX_REG13[0..15],exec(set_field:0x2/0x2->ct_mark))" },
    { 0, 0, "ct_snat(10.0.0.1, \"1000-2000\");",
      "ct_snat(10.0.0.1, 1000-2000);",
      "ct(commit,table=9,zone=NXM_NX_REG12[0..15],nat(src=10.0.0.1:1000-2000))"
        ,
      "(ip)", NULL },
    { 0, 0, "clone { ct_clear; next(pipeline=ingress, table=0); };",
      NULL,
      "clone(ct_clear,resubmit(,8))",
      NULL, NULL },
    { 0, 0, "clone { };",
      NULL,
      "clone(drop)",
      NULL, NULL },
    { 0, 0, "arp { };",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.01)",
      "(ip4)", NULL },
    { 0, 0, "reject { };",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.0b)",
      NULL, NULL },
    { 0, 0, "icmp4 { eth.dst <-> eth.src; ip4.dst <-> ip4.src; ip.ttl = 255; i"
      "cmp4.type = 0; flags.loopback = 1; next(pipeline=ingress, table=0); };",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.05.ff.ff.00.18.00.00.23.20.00."
        "1b.00.00.00.00.04.06.00.30.00.00.00.00.00.00.ff.ff.00.18.00.00.23.20."
        "00.1b.00.00.00.00.02.06.00.30.00.00.00.00.00.00.ff.ff.00.18.00.00.23."
        "20.00.1c.00.00.00.00.04.06.00.30.00.00.00.00.00.00.ff.ff.00.18.00.00."
        "23.20.00.1c.00.00.00.00.02.06.00.30.00.00.00.00.00.00.ff.ff.00.18.00."
        "00.23.20.00.1b.00.00.00.00.0e.04.00.20.00.00.00.00.00.00.ff.ff.00.18."
        "00.00.23.20.00.1b.00.00.00.00.10.04.00.20.00.00.00.00.00.00.ff.ff.00."
        "18.00.00.23.20.00.1c.00.00.00.00.0e.04.00.20.00.00.00.00.00.00.ff.ff."
        "00.18.00.00.23.20.00.1c.00.00.00.00.10.04.00.20.00.00.00.00.00.00.00."
        "19.00.10.00.01.3a.01.ff.00.00.00.00.00.00.00.00.19.00.10.80.00.26.01."
        "00.00.00.00.00.00.00.00.00.19.00.10.00.01.15.08.00.00.00.01.00.00.00."
        "01.ff.ff.00.10.00.00.23.20.00.0e.ff.f8.08.00.00.00)",
      "(ip4)", NULL },
    { 0, 0, "get_arp(inport, reg0);",
      NULL,
      "push:NXM_NX_REG15[],move:NXM_NX_REG14[]->NXM_NX_REG15[],set_field:00:00"
        ":00:00:00:00->eth_dst,resubmit(,66),pop:NXM_NX_REG15[]",
      NULL, NULL },
    { 0, 0, "get_nd(inport, ip6.dst);",
      NULL,
      "push:NXM_NX_REG15[],move:NXM_NX_REG14[]->NXM_NX_REG15[],push:NXM_NX_XXR"
        "EG0[],move:NXM_NX_IPV6_DST[]->NXM_NX_XXREG0[],set_field:00:00:00:00:0"
        "0:00->eth_dst,resubmit(,66),pop:NXM_NX_XXREG0[],pop:NXM_NX_REG15[]",
      "(ip6)", NULL },
    { 0, 0, "put_arp(outport, reg0, eth.src);",
      NULL,
      "push:NXM_NX_REG14[],move:NXM_NX_REG15[]->NXM_NX_REG14[],controller(user"
        "data=01.00.00.00.00.00.00.14),pop:NXM_NX_REG14[]",
      NULL, NULL },
    { 0, 0, "reg0[0] = lookup_nd_ip(inport, ip6.src);",
      NULL,
      "push:NXM_OF_ETH_DST[],push:NXM_NX_REG15[],move:NXM_NX_REG14[]->NXM_NX_R"
        "EG15[],push:NXM_NX_XXREG0[],move:NXM_NX_IPV6_SRC[]->NXM_NX_XXREG0[],l"
        "oad:0->NXM_NX_REG10[6],resubmit(,66),pop:NXM_NX_XXREG0[],pop:NXM_NX_R"
        "EG15[],pop:NXM_OF_ETH_DST[],move:NXM_NX_REG10[6]->NXM_NX_REG0[0]",
      "(ip6)", NULL },
    { 0, 0, "reg9[2] = lookup_arp(inport, arp.spa, arp.sha); next;",
      NULL,
      "push:NXM_NX_REG0[],move:NXM_OF_ARP_SPA[]->NXM_NX_REG0[],push:NXM_OF_ETH"
        "_SRC[],move:NXM_NX_ARP_SHA[]->NXM_OF_ETH_SRC[],load:0->NXM_NX_REG10[6"
        "],resubmit(,67),pop:NXM_OF_ETH_SRC[],pop:NXM_NX_REG0[],move:NXM_NX_RE"
        "G10[6]->NXM_NX_REG9[2],resubmit(,9)",
      "(arp)", NULL },
    { 0, 0, "put_fdb(outport, arp.sha);",
      NULL,
      "push:NXM_NX_REG14[],move:NXM_NX_REG15[]->NXM_NX_REG14[],push:NXM_OF_ETH"
        "_SRC[],move:NXM_NX_ARP_SHA[]->NXM_OF_ETH_SRC[],controller(userdata=01"
        ".00.00.00.00.00.00.16),pop:NXM_OF_ETH_SRC[],pop:NXM_NX_REG14[]",
      "(arp)", NULL },
    { 0, 0, "reg0[0] = put_dhcp_opts(offerip = 10.0.0.4);",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.1e.00.00.00.65.00.00.00.01.00."
        "04.0a.00.00.04,pause)",
      "(udp && ip4)", NULL },
    { 0, 0, "reg0[0] = put_dhcp_opts(offerip = 10.0.0.4, ip_forward_enable = 1"
      ", router_discovery = 0, default_ttl = 64, T1 = 1800, tftp_server = \"1."
      "2.3.4\", tftp_server_address = 10.0.0.9, bootfile_name = \"pxelinux.0\""
      ", wpad = \"http://wpad/\");",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.1e.00.00.00.65.00.00.00.01.00."
        "04.0a.00.00.04.13.01.01.1f.01.00.17.01.40.3a.04.00.00.07.08.42.07.31."
        "2e.32.2e.33.2e.34.96.04.0a.00.00.09.43.0a.70.78.65.6c.69.6e.75.78.2e."
        "30.fc.0c.68.74.74.70.3a.2f.2f.77.70.61.64.2f,pause)",
      "(udp && ip4)", NULL },
    { 0, 0, "reg0[0] = put_dhcp_opts(offerip = 10.0.0.4, tftp_server = 10.0.0."
      "9);",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.1e.00.00.00.65.00.00.00.01.00."
        "04.0a.00.00.04.42.04.0a.00.00.09,pause)",
      "(udp && ip4)", NULL },
    { 0, 0, "reg0[0] = put_dhcpv6_opts(dhcpv6_stateless = \"true\", dns_server"
      " = {fd00::53});",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.1f.00.00.00.65.00.00.00.01.ff."
        "f0.00.00.00.17.00.10.fd.00.00.00.00.00.00.00.00.00.00.00.00.00.00.53,"
        "pause)",
      "(udp && ip6)", NULL },
    { 0, 0, "reg0[0] = put_dhcpv6_opts(fqdn = \"vm1.ovn.org\", bootfile_name ="
      " \"boot.efi\");",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.1f.00.00.00.65.00.00.00.01.00."
        "27.00.0e.00.03.76.6d.31.03.6f.76.6e.03.6f.72.67.00.00.3b.00.08.62.6f."
        "6f.74.2e.65.66.69,pause)",
      "(udp && ip6)", NULL },
    { 0, 0, "reg0[0] = put_nd_ra_opts(addr_mode = \"dhcpv6_stateful\", slla = "
      "00:00:00:00:ff:01, prefix = fd00::/64, prefix = fd01::/64, router_prefe"
      "rence = \"LOW\");",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.21.00.00.00.65.00.00.00.01.c8."
        "01.01.01.06.00.00.00.00.ff.01.03.11.40.fd.00.00.00.00.00.00.00.00.00."
        "00.00.00.00.00.00.03.11.40.fd.01.00.00.00.00.00.00.00.00.00.00.00.00."
        "00.00.c9.01.03,pause)",
      "(ip6)", NULL },
    { 0, 0, "log();",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.32.00.06.00.00)",
      NULL, NULL },
    { 0, 0, "log(name = \"x\", severity = alert, verdict = allow); next;",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.32.00.01.00.00.78),resubmit(,9"
        ")",
      NULL, NULL },
    { 0, 0, "log(severity = debug, verdict = reject);",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.32.02.07.00.00)",
      NULL, NULL },
    { 0, 0, "log(severity = notice, verdict = deny);",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.32.01.05.00.00)",
      NULL, NULL },
    { 0, 0, "log(name = \"a\\\"b\");",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.32.00.06.00.00.61.22.62)",
      NULL, NULL },
    { 0, 0, "trigger_event(event = \"empty_lb_backends\", vip = \"[fd00::1]:80"
      "\", protocol = \"udp\", load_balancer = \"x\");",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.33.00.00.00.00.00.00.00.0c.5b."
        "66.64.30.30.3a.3a.31.5d.3a.38.30.00.01.00.03.75.64.70.00.02.00.01.78)"
        ,
      NULL, NULL },
    { 0, 0, "fwd_group(childports = \"lp1\");",
      NULL,
      "group:1",
      NULL, "type=select,selection_method=dp_hash,bucket=bucket_id=0,weight:10"
        "0,actions=load:0x1->NXM_NX_REG15[],resubmit(,37)" },
    { 0, 0, "fwd_group(childports = \"unknown\");",
      NULL,
      "drop",
      NULL, NULL },
    { 0, 0, "set_queue(0);",
      NULL,
      "set_queue:0",
      NULL, NULL },
    { 0, 0, "set_queue(61440);",
      NULL,
      "set_queue:61440",
      NULL, NULL },
    { 0, 0, "reg0[0] = check_pkt_larger(0);",
      NULL,
      "check_pkt_larger(0)->NXM_NX_REG0[0]",
      NULL, NULL },
    { 0, 0, "sample(probability = 1);",
      NULL,
      "sample(probability=1,collector_set_id=0,obs_domain_id=5,obs_point_id=0)"
        ,
      NULL, NULL },
    { 0, 0, "commit_ecmp_nh(ipv6 = true, proto = udp);",
      NULL,
      "learn(table=76,idle_timeout=20,hard_timeout=30,delete_learned,cookie=0x"
        "abcd,OXM_OF_METADATA[],eth_type=0x86dd,nw_proto=17,NXM_NX_IPV6_SRC[],"
        "NXM_NX_IPV6_DST[],NXM_OF_UDP_SRC[],NXM_OF_UDP_DST[],NXM_OF_ETH_SRC[],"
        "load:0x1->NXM_NX_REG10[13]),learn(table=77,idle_timeout=20,hard_timeo"
        "ut=30,delete_learned,cookie=0xabcd,OXM_OF_METADATA[],eth_type=0x86dd,"
        "nw_proto=17,NXM_NX_IPV6_SRC[]=NXM_NX_IPV6_DST[],NXM_NX_IPV6_DST[]=NXM"
        "_NX_IPV6_SRC[],NXM_OF_UDP_SRC[]=NXM_OF_UDP_DST[],NXM_OF_UDP_DST[]=NXM"
        "_OF_UDP_SRC[],load:0x1->NXM_NX_REG10[13])",
      "(ip6 && udp)", NULL },
    { 0, 0, "commit_ecmp_nh(ipv6 = false, proto = sctp);",
      NULL,
      "learn(table=76,idle_timeout=20,hard_timeout=30,delete_learned,cookie=0x"
        "abcd,OXM_OF_METADATA[],eth_type=0x800,nw_proto=132,NXM_OF_IP_SRC[],NX"
        "M_OF_IP_DST[],OXM_OF_SCTP_SRC[],OXM_OF_SCTP_DST[],NXM_OF_ETH_SRC[],lo"
        "ad:0x1->NXM_NX_REG10[13]),learn(table=77,idle_timeout=20,hard_timeout"
        "=30,delete_learned,cookie=0xabcd,OXM_OF_METADATA[],eth_type=0x800,nw_"
        "proto=132,NXM_OF_IP_SRC[]=NXM_OF_IP_DST[],NXM_OF_IP_DST[]=NXM_OF_IP_S"
        "RC[],OXM_OF_SCTP_SRC[]=OXM_OF_SCTP_DST[],OXM_OF_SCTP_DST[]=OXM_OF_SCT"
        "P_SRC[],load:0x1->NXM_NX_REG10[13])",
      "(ip4 && sctp)", NULL },
    { 0, 0, "commit_lb_aff(vip = \"10.0.0.10\", backend = \"10.0.0.2\", proto "
      "= sctp, timeout = 5);",
      NULL,
      "learn(table=78,idle_timeout=5,delete_learned,cookie=0xabcd,OXM_OF_METAD"
        "ATA[],eth_type=0x800,NXM_OF_IP_SRC[],ip_dst=10.0.0.10,nw_proto=132,lo"
        "ad:0x1->NXM_NX_REG10[14],load:0xa000002->NXM_NX_REG4[],load:0->NXM_NX"
        "_REG8[0..15])",
      "(ip4)", NULL },
    { 0, 0, "bind_vport(\"unknown-vport\", inport);",
      NULL,
      "drop",
      NULL, NULL },
    { ROUTER, 0, "icmp4.frag_mtu = 1500;",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.28.05.dc.00.00.00.00.00.00,pau"
        "se)",
      "(icmp4)", NULL },
    { 0, 0, "handle_svc_check(outport);",
      NULL,
      "push:NXM_NX_REG14[],move:NXM_NX_REG15[]->NXM_NX_REG14[],controller(user"
        "data=01.00.00.00.00.00.00.34),pop:NXM_NX_REG14[]",
      NULL, NULL },
    { 0, 0, "push(xxreg1); pop(xxreg1);",
      NULL,
      "push:NXM_NX_XXREG1[],pop:NXM_NX_XXREG1[]",
      NULL, NULL },
    { 0, 0, "push(eth.src); push(reg0[0..7]); pop(reg0[8..15]); pop(eth.dst);",
      NULL,
      "push:NXM_OF_ETH_SRC[],push:NXM_NX_REG0[0..7],pop:NXM_NX_REG0[8..15],pop"
        ":NXM_OF_ETH_DST[]",
      NULL, NULL },
    { 0, 0, "ct_lb_mark(backends=10.0.0.2:80; hash_fields=ip_src,ip_dst,tcp_sr"
      "c,tcp_dst; skip_snat);",
      NULL,
      "group:1",
      "(ip)", "type=select,selection_method=hash,fields(ip_src,ip_dst,tcp_src,"
        "tcp_dst),bucket=bucket_id=0,weight:100,actions=ct(nat(dst=10.0.0.2:80"
        "),commit,table=9,zone=NXM_NX_REG13[0..15],exec(set_field:0x6/0x6->ct_"
        "mark))" },
    { 0, 0, "clone { clone { output; }; next; };",
      NULL,
      "clone(clone(resubmit(,37)),resubmit(,9))",
      NULL, NULL },
    { 0, 0, "outport = get_fdb(xreg0[0..47]);",
      NULL,
      "set_field:0->reg15,push:NXM_OF_ETH_DST[],move:OXM_OF_PKT_REG0[0..47]->N"
        "XM_OF_ETH_DST[],resubmit(,71),pop:NXM_OF_ETH_DST[]",
      NULL, NULL },
    { 0, 0, "ip.ttl -- ;",
      "ip.ttl--;",
      "dec_ttl",
      "(ip)", NULL },
    { 0, 0, "igmp;",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.37)",
      NULL, NULL },
    { 0, 0, "/* leading */ output; // trailing",
      "output;",
      "resubmit(,37)",
      NULL, NULL },
    { 0, 0, "clone { ip4.dst = 10.0.0.1; output; };",
      NULL,
      "clone(set_field:10.0.0.1->ip_dst,resubmit(,37))",
      "(ip4)", NULL },
    { 0, 0, "ct_commit { ct_label.label = reg0; }; clone { tcp.dst = 80; };",
      NULL,
      "ct(commit,zone=NXM_NX_REG13[0..15],nat(src),exec(move:NXM_NX_REG0[]->NX"
        "M_NX_CT_LABEL[96..127])),clone(set_field:80->tcp_dst)",
      "(ip) && (tcp)", NULL },
    { 0, 0, "arp { arp.op = 2; output; };",
      NULL,
      "controller(userdata=01.00.00.00.00.00.00.01.00.19.00.10.80.00.2a.02.00."
        "02.00.00.00.00.00.00.ff.ff.00.10.00.00.23.20.00.0e.ff.f8.25.00.00.00)"
        ,
      "(ip4)", NULL },
    { EGRESS|ROUTER, 3, "ct_snat_in_czone(172.16.0.130,1000-2000);",
      "ct_snat_in_czone(172.16.0.130, 1000-2000);",
      "ct(commit,table=46,zone=NXM_NX_REG11[0..15],nat(src=172.16.0.130:1000-2"
        "000))",
      "(ip)", NULL },
    { ROUTER, 7, "ct_dnat_in_czone(10.0.0.12, 1000 - 2000);",
      "ct_dnat_in_czone(10.0.0.12, 1000-2000);",
      "ct(commit,table=16,zone=NXM_NX_REG11[0..15],nat(dst=10.0.0.12:1000-2000"
        "))",
      "(ip)", NULL },
    { 0, 0, "ct_snat(1.1.1.1, 80);",
      NULL,
      "ct(commit,table=9,zone=NXM_NX_REG12[0..15],nat(src=1.1.1.1:80))",
      "(ip)", NULL },
    { 0, 0, "inport = get_fdb(eth.src);",
      NULL,
      "push:NXM_NX_REG15[],set_field:0->reg15,push:NXM_OF_ETH_DST[],move:NXM_O"
        "F_ETH_SRC[]->NXM_OF_ETH_DST[],resubmit(,71),pop:NXM_OF_ETH_DST[],move"
        ":NXM_NX_REG15[]->NXM_NX_REG14[],pop:NXM_NX_REG15[]",
      NULL, NULL },
    { 0, 0, "reg9[5] = chk_ecmp_nh_mac(); ct_next;",
      NULL,
      "load:0->NXM_NX_REG10[13],resubmit(,76),move:NXM_NX_REG10[13]->NXM_NX_RE"
        "G9[5],ct(table=9,zone=NXM_NX_REG13[0..15])",
      "(ip)", NULL },
    { 0, 0, "reg9[5] = chk_ecmp_nh();",
      NULL,
      "load:0->NXM_NX_REG10[13],resubmit(,77),move:NXM_NX_REG10[13]->NXM_NX_RE"
        "G9[5]",
      NULL, NULL },
};
