/* ovn-northd logical switch pipeline (ovn-northd(8), "Logical Switch
 * Datapaths"): the flows that belong to a switch as a whole, and those that
 * each port contributes. */
#include <config.h>
#include "northd/northd.h"

#include <string.h>

#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "packets.h"
#include "smap.h"
#include "util.h"
#include "lib/ovn-nb-idl.h"

/* Register bit set when port security fails. */
#define REGBIT_PORT_SEC_DROP "reg0[15]"
/* Register bit holding the result of lookup_fdb. */
#define REGBIT_LKUP_FDB "reg0[11]"
/* Register bit set for traffic from a VTEP (RAMP) port. */
#define REGBIT_FROM_RAMP "reg0[14]"

/* Matches of IPv6 ND and MLD packets that bypass stateful processing. */
#define ND_MLD_MATCH "nd || nd_rs || nd_ra || mldv1 || mldv2"
#define ND_MLD_ACL_MATCH "nd || nd_ra || nd_rs || mldv1 || mldv2"

#define ADD(OWNER, DP, STAGE, PRIO, MATCH, ACTIONS, HINT)           \
    ND_LFLOW_ADD(&nd->lflows, OWNER, DP, S_##STAGE, PRIO, MATCH, ACTIONS, \
                 HINT)

void
nd_lswitch_dp_flows(struct northd *nd, struct nd_datapath *dp,
                    const struct nbrec_logical_switch *nbs)
{
    struct ovs_list old;
    struct nd_lflow_owner *o = &dp->flows;
    nd_lflow_owner_begin(o, &old);

    bool vlan_passthru = smap_get_bool(&nbs->other_config, "vlan-passthru",
                                       false);

    /* Ingress table 0 and 1: admission control and port security. */
    ADD(o, dp, LS_IN_CHECK_PORT_SEC, 100, "eth.src[40]", "drop;", NULL);
    if (!vlan_passthru) {
        ADD(o, dp, LS_IN_CHECK_PORT_SEC, 100, "vlan.present", "drop;", NULL);
    }
    ADD(o, dp, LS_IN_CHECK_PORT_SEC, 50, "1",
        REGBIT_PORT_SEC_DROP" = check_in_port_sec(); next;", NULL);
    ADD(o, dp, LS_IN_APPLY_PORT_SEC, 50, REGBIT_PORT_SEC_DROP" == 1",
        "drop;", NULL);
    ADD(o, dp, LS_IN_APPLY_PORT_SEC, 0, "1", "next;", NULL);

    /* MAC learning. */
    ADD(o, dp, LS_IN_LOOKUP_FDB, 0, "1", "next;", NULL);
    ADD(o, dp, LS_IN_PUT_FDB, 0, "1", "next;", NULL);

    /* Pre-ACL, pre-LB, pre-stateful (no ACLs or load balancers yet). */
    ADD(o, dp, LS_IN_PRE_ACL, 110, "eth.dst == $svc_monitor_mac", "next;",
        NULL);
    ADD(o, dp, LS_IN_PRE_ACL, 0, "1", "next;", NULL);
    ADD(o, dp, LS_IN_PRE_LB, 110, "eth.dst == $svc_monitor_mac", "next;",
        NULL);
    ADD(o, dp, LS_IN_PRE_LB, 110, "eth.mcast", "next;", NULL);
    ADD(o, dp, LS_IN_PRE_LB, 110, ND_MLD_MATCH, "next;", NULL);
    ADD(o, dp, LS_IN_PRE_LB, 110, "reg0[16] == 1", "next;", NULL);
    ADD(o, dp, LS_IN_PRE_LB, 0, "1", "next;", NULL);
    const char *ct_lb = nd->ct_mark ? "ct_lb_mark;" : "ct_lb;";
    const char *commit = (nd->ct_mark
                          ? "ct_commit { ct_mark.blocked = 0; }; next;"
                          : "ct_commit { ct_label.blocked = 0; }; next;");
    const char *commit_label = (nd->ct_mark
                                ? "ct_commit { ct_mark.blocked = 0; "
                                  "ct_label.label = reg3; }; next;"
                                : "ct_commit { ct_label.blocked = 0; "
                                  "ct_label.label = reg3; }; next;");
    ADD(o, dp, LS_IN_PRE_STATEFUL, 110, "reg0[2] == 1", ct_lb, NULL);
    ADD(o, dp, LS_IN_PRE_STATEFUL, 100, "reg0[0] == 1", "ct_next;", NULL);
    ADD(o, dp, LS_IN_PRE_STATEFUL, 0, "1", "next;", NULL);

    /* ACL hints and ACLs: no ACLs, so everything passes. */
    ADD(o, dp, LS_IN_ACL_HINT, 65535, "1", "next;", NULL);
    ADD(o, dp, LS_IN_ACL, 65535, "1", "next;", NULL);
    ADD(o, dp, LS_IN_ACL, 65532, ND_MLD_ACL_MATCH, "next;", NULL);

    /* QoS, load balancing, hairpin: pass-through. */
    ADD(o, dp, LS_IN_QOS_MARK, 0, "1", "next;", NULL);
    ADD(o, dp, LS_IN_QOS_METER, 0, "1", "next;", NULL);
    ADD(o, dp, LS_IN_LB_AFF_CHECK, 0, "1", "next;", NULL);
    ADD(o, dp, LS_IN_LB, 0, "1", "next;", NULL);
    ADD(o, dp, LS_IN_LB_AFF_LEARN, 0, "1", "next;", NULL);
    ADD(o, dp, LS_IN_PRE_HAIRPIN, 0, "1", "next;", NULL);
    ADD(o, dp, LS_IN_NAT_HAIRPIN, 0, "1", "next;", NULL);
    ADD(o, dp, LS_IN_HAIRPIN, 0, "1", "next;", NULL);
    if (dp->n_vtep) {
        char *a = xasprintf("next(pipeline=ingress, table=%d);",
                            nd_stage_table(S_LS_IN_L2_LKUP));
        ADD(o, dp, LS_IN_HAIRPIN, 1000, REGBIT_FROM_RAMP" == 1", a, NULL);
        free(a);
    }
    ADD(o, dp, LS_IN_ACL_AFTER_LB, 65532, ND_MLD_ACL_MATCH, "next;", NULL);
    ADD(o, dp, LS_IN_ACL_AFTER_LB, 0, "1", "next;", NULL);

    /* Stateful. */
    ADD(o, dp, LS_IN_STATEFUL, 100, "reg0[1] == 1 && reg0[13] == 0", commit,
        NULL);
    ADD(o, dp, LS_IN_STATEFUL, 100, "reg0[1] == 1 && reg0[13] == 1",
        commit_label, NULL);
    ADD(o, dp, LS_IN_STATEFUL, 0, "1", "next;", NULL);

    /* ARP/ND responder, DHCP, DNS, external ports: defaults. */
    ADD(o, dp, LS_IN_ARP_ND_RSP, 0, "1", "next;", NULL);
    ADD(o, dp, LS_IN_DHCP_OPTIONS, 0, "1", "next;", NULL);
    ADD(o, dp, LS_IN_DHCP_RESPONSE, 0, "1", "next;", NULL);
    ADD(o, dp, LS_IN_DNS_LOOKUP, 0, "1", "next;", NULL);
    ADD(o, dp, LS_IN_DNS_RESPONSE, 0, "1", "next;", NULL);
    ADD(o, dp, LS_IN_EXTERNAL_PORT, 0, "1", "next;", NULL);

    /* Destination lookup. */
    ADD(o, dp, LS_IN_L2_LKUP, 110,
        "eth.dst == $svc_monitor_mac && (tcp || icmp || icmp6)",
        "handle_svc_check(inport);", NULL);
    ADD(o, dp, LS_IN_L2_LKUP, 70, "eth.mcast",
        "outport = \"_MC_flood\"; output;", NULL);
    ADD(o, dp, LS_IN_L2_LKUP, 0, "1", "outport = get_fdb(eth.dst); next;",
        NULL);
    ADD(o, dp, LS_IN_L2_UNKNOWN, 50, "outport == \"none\"",
        (dp->n_unknown ? "outport = \"_MC_unknown\"; output;" : "drop;"),
        NULL);
    ADD(o, dp, LS_IN_L2_UNKNOWN, 0, "1", "output;", NULL);

    /* Egress. */
    ADD(o, dp, LS_OUT_PRE_ACL, 110, "eth.src == $svc_monitor_mac", "next;",
        NULL);
    ADD(o, dp, LS_OUT_PRE_ACL, 0, "1", "next;", NULL);
    ADD(o, dp, LS_OUT_PRE_LB, 110, "eth.mcast", "next;", NULL);
    ADD(o, dp, LS_OUT_PRE_LB, 110, "eth.src == $svc_monitor_mac", "next;",
        NULL);
    ADD(o, dp, LS_OUT_PRE_LB, 110, ND_MLD_MATCH, "next;", NULL);
    ADD(o, dp, LS_OUT_PRE_LB, 110, "reg0[16] == 1", "next;", NULL);
    ADD(o, dp, LS_OUT_PRE_LB, 0, "1", "next;", NULL);
    ADD(o, dp, LS_OUT_PRE_STATEFUL, 110, "reg0[2] == 1", ct_lb, NULL);
    ADD(o, dp, LS_OUT_PRE_STATEFUL, 100, "reg0[0] == 1", "ct_next;", NULL);
    ADD(o, dp, LS_OUT_PRE_STATEFUL, 0, "1", "next;", NULL);
    ADD(o, dp, LS_OUT_ACL_HINT, 65535, "1", "next;", NULL);
    ADD(o, dp, LS_OUT_ACL, 65535, "1", "next;", NULL);
    ADD(o, dp, LS_OUT_ACL, 65532, ND_MLD_ACL_MATCH, "next;", NULL);
    ADD(o, dp, LS_OUT_QOS_MARK, 0, "1", "next;", NULL);
    ADD(o, dp, LS_OUT_QOS_METER, 0, "1", "next;", NULL);
    ADD(o, dp, LS_OUT_STATEFUL, 100, "reg0[1] == 1 && reg0[13] == 0", commit,
        NULL);
    ADD(o, dp, LS_OUT_STATEFUL, 100, "reg0[1] == 1 && reg0[13] == 1",
        commit_label, NULL);
    ADD(o, dp, LS_OUT_STATEFUL, 0, "1", "next;", NULL);
    ADD(o, dp, LS_OUT_CHECK_PORT_SEC, 100, "eth.mcast",
        REGBIT_PORT_SEC_DROP" = 0; next;", NULL);
    ADD(o, dp, LS_OUT_CHECK_PORT_SEC, 0, "1",
        REGBIT_PORT_SEC_DROP" = check_out_port_sec(); next;", NULL);
    ADD(o, dp, LS_OUT_APPLY_PORT_SEC, 50, REGBIT_PORT_SEC_DROP" == 1",
        "drop;", NULL);
    ADD(o, dp, LS_OUT_APPLY_PORT_SEC, 0, "1", "output;", NULL);

    nd_lflow_owner_end(&nd->lflows, &old);
}

/* Adds the ARP and ND responder flows for the addresses 'la' of 'port'. */
static void
port_arp_nd_flows(struct northd *nd, struct nd_port *port,
                  const struct ovn_lport_addrs *la, bool v4, bool router,
                  const struct uuid *hint)
{
    struct nd_lflow_owner *o = &port->flows;
    struct nd_datapath *dp = port->dp;
    struct ds match = DS_EMPTY_INITIALIZER;
    struct ds actions = DS_EMPTY_INITIALIZER;

    for (size_t i = 0; v4 && i < la->n_ipv4; i++) {
        const char *ip = la->ipv4[i].addr_s;
        ds_clear(&match);
        ds_put_format(&match, "arp.tpa == %s && arp.op == 1", ip);
        ds_clear(&actions);
        ds_put_format(&actions,
                      "eth.dst = eth.src; eth.src = %s; arp.op = 2; "
                      "/* ARP reply */ arp.tha = arp.sha; arp.sha = %s; "
                      "arp.tpa = arp.spa; arp.spa = %s; outport = inport; "
                      "flags.loopback = 1; output;", la->ea_s, la->ea_s, ip);
        ADD(o, dp, LS_IN_ARP_ND_RSP, 50, ds_cstr(&match), ds_cstr(&actions),
            hint);
        ds_put_format(&match, " && inport == %s", port->json_key);
        ADD(o, dp, LS_IN_ARP_ND_RSP, 100, ds_cstr(&match), "next;", hint);
    }

    for (size_t i = 0; i < la->n_ipv6; i++) {
        const struct ovn_ipv6_netaddr *a = &la->ipv6[i];
        ds_clear(&match);
        ds_put_format(&match, "nd_ns && ip6.dst == {%s, %s} && "
                      "nd.target == %s", a->addr_s, a->sn_addr_s, a->addr_s);
        ds_clear(&actions);
        ds_put_format(&actions,
                      "%s { eth.src = %s; ip6.src = %s; nd.target = %s; "
                      "nd.tll = %s; outport = inport; flags.loopback = 1; "
                      "output; };", router ? "nd_na_router" : "nd_na",
                      la->ea_s, a->addr_s, a->addr_s, la->ea_s);
        ADD(o, dp, LS_IN_ARP_ND_RSP, 50, ds_cstr(&match), ds_cstr(&actions),
            hint);
        ds_put_format(&match, " && inport == %s", port->json_key);
        ADD(o, dp, LS_IN_ARP_ND_RSP, 100, ds_cstr(&match), "next;", hint);
    }
    ds_destroy(&match);
    ds_destroy(&actions);
}

/* Adds the flows that keep traffic from external port 'port' (with MAC
 * 'ea', arriving through localnet port 'ln') to a router port with
 * addresses 'ra' on the chassis that claims 'port'. */
static void
external_flows(struct northd *nd, struct nd_port *port,
               const struct nd_port *ln, const struct ovn_lport_addrs *ra,
               const char *ea, const struct uuid *hint)
{
    struct nd_lflow_owner *o = &port->flows;
    struct nd_datapath *dp = port->dp;
    struct ds match = DS_EMPTY_INITIALIZER;

    for (size_t j = 0; j < ra->n_ipv4; j++) {
        ds_clear(&match);
        ds_put_format(&match, "inport == %s && eth.src == %s && "
                      "!is_chassis_resident(%s) && arp.tpa == %s && "
                      "arp.op == 1", ln->json_key, ea, port->json_key,
                      ra->ipv4[j].addr_s);
        ADD(o, dp, LS_IN_EXTERNAL_PORT, 100, ds_cstr(&match), "drop;", hint);
    }
    for (size_t j = 0; j < ra->n_ipv6; j++) {
        const struct ovn_ipv6_netaddr *a = &ra->ipv6[j];
        ds_clear(&match);
        ds_put_format(&match, "inport == %s && eth.src == %s && "
                      "!is_chassis_resident(%s) && nd_ns && "
                      "ip6.dst == {%s, %s} && nd.target == %s",
                      ln->json_key, ea, port->json_key, a->addr_s,
                      a->sn_addr_s, a->addr_s);
        ADD(o, dp, LS_IN_EXTERNAL_PORT, 100, ds_cstr(&match), "drop;", hint);
    }
    ds_clear(&match);
    ds_put_format(&match, "inport == %s && eth.src == %s && eth.dst == %s && "
                  "!is_chassis_resident(%s)", ln->json_key, ea, ra->ea_s,
                  port->json_key);
    ADD(o, dp, LS_IN_EXTERNAL_PORT, 100, ds_cstr(&match), "drop;", hint);
    ds_destroy(&match);
}

void
nd_lswitch_port_flows(struct northd *nd, struct nd_port *port,
                      const struct nbrec_logical_switch_port *nbsp)
{
    struct ovs_list old;
    struct nd_lflow_owner *o = &port->flows;
    struct nd_datapath *dp = port->dp;
    const struct uuid *hint = &port->nb_uuid;
    nd_lflow_owner_begin(o, &old);

    const char *type = nbsp->type;
    bool is_vif = !type[0];
    bool is_localnet = !strcmp(type, "localnet");
    bool is_virtual = !strcmp(type, "virtual");
    bool is_vtep = !strcmp(type, "vtep");
    bool is_external = !strcmp(type, "external");

    struct ds match = DS_EMPTY_INITIALIZER;
    struct ds actions = DS_EMPTY_INITIALIZER;

    /* Ingress table 0: disabled ports, VTEP ports and QoS queues. */
    ds_put_format(&match, "inport == %s", port->json_key);
    if (!port->enabled) {
        ADD(o, dp, LS_IN_CHECK_PORT_SEC, 100, ds_cstr(&match),
            REGBIT_PORT_SEC_DROP" = 1; next;", hint);
    } else if (is_vtep) {
        /* Traffic from a VTEP gateway skips to L2 lookup via hairpin. */
        ds_put_format(&actions, REGBIT_FROM_RAMP" = 1; "
                      "next(pipeline=ingress, table=%d);",
                      nd_stage_table(S_LS_IN_HAIRPIN));
        ADD(o, dp, LS_IN_CHECK_PORT_SEC, 70, ds_cstr(&match),
            ds_cstr(&actions), hint);
    } else {
        int queue = smap_get_int(&nbsp->options, "qdisc_queue_id", 0);
        if (queue > 0 && queue <= 0xf000) {
            ds_put_format(&actions, "set_queue(%d); "REGBIT_PORT_SEC_DROP
                          " = check_in_port_sec(); next;", queue);
            ADD(o, dp, LS_IN_CHECK_PORT_SEC, 70, ds_cstr(&match),
                ds_cstr(&actions), hint);
        }
    }

    /* MAC learning for VIFs with "unknown" and no port security. */
    if (is_vif && port->has_unknown && !nbsp->n_port_security) {
        ADD(o, dp, LS_IN_LOOKUP_FDB, 100, ds_cstr(&match),
            REGBIT_LKUP_FDB" = lookup_fdb(inport, eth.src); next;", hint);
        ds_put_cstr(&match, " && "REGBIT_LKUP_FDB" == 0");
        ADD(o, dp, LS_IN_PUT_FDB, 100, ds_cstr(&match),
            "put_fdb(inport, eth.src); next;", hint);
    }

    /* Localnet ports skip conntrack and the ARP responder. */
    if (is_localnet) {
        ds_clear(&match);
        ds_put_format(&match, "ip && inport == %s", port->json_key);
        ADD(o, dp, LS_IN_PRE_LB, 110, ds_cstr(&match), "next;", hint);
        ds_clear(&match);
        ds_put_format(&match, "ip && outport == %s", port->json_key);
        ADD(o, dp, LS_OUT_PRE_LB, 110, ds_cstr(&match), "ct_clear; next;",
            hint);
        ds_clear(&match);
        ds_put_format(&match, "inport == %s", port->json_key);
        ADD(o, dp, LS_IN_ARP_ND_RSP, 100, ds_cstr(&match), "next;", hint);

        int queue = smap_get_int(&nbsp->options, "qdisc_queue_id", 0);
        if (queue > 0 && queue <= 0xf000) {
            ds_clear(&match);
            ds_put_format(&match, "outport == %s", port->json_key);
            ds_clear(&actions);
            ds_put_format(&actions, "set_queue(%d); output;", queue);
            ADD(o, dp, LS_OUT_APPLY_PORT_SEC, 100, ds_cstr(&match),
                ds_cstr(&actions), hint);
        }
    }

    /* Ports connected to a router: no conntrack towards the router; ARP
     * and ND for the router's addresses go to the router (and to the
     * non-router ports), and the router's own ARP/ND requests flood to the
     * non-router ports only. */
    if (port->is_router && port->has_peer) {
        const struct ovn_lport_addrs *pa = &port->peer_addrs;
        ds_clear(&match);
        ds_put_format(&match, "ip && inport == %s", port->json_key);
        ADD(o, dp, LS_IN_PRE_LB, 110, ds_cstr(&match), "next;", hint);
        ds_clear(&match);
        ds_put_format(&match, "ip && outport == %s", port->json_key);
        ADD(o, dp, LS_OUT_PRE_LB, 110, ds_cstr(&match), "ct_clear; next;",
            hint);

        ds_clear(&actions);
        ds_put_format(&actions, "clone {outport = %s; output; }; "
                      "outport = \"_MC_flood_l2\"; output;", port->json_key);
        for (size_t i = 0; i < pa->n_ipv4; i++) {
            ds_clear(&match);
            ds_put_format(&match, "flags[1] == 0 && arp.op == 1 && "
                          "arp.tpa == %s", pa->ipv4[i].addr_s);
            ADD(o, dp, LS_IN_L2_LKUP, 80, ds_cstr(&match),
                ds_cstr(&actions), hint);
        }
        for (size_t i = 0; i < pa->n_ipv6; i++) {
            ds_clear(&match);
            ds_put_format(&match, "flags[1] == 0 && nd_ns && nd.target == %s",
                          pa->ipv6[i].addr_s);
            ADD(o, dp, LS_IN_L2_LKUP, 80, ds_cstr(&match),
                ds_cstr(&actions), hint);
        }
        ds_clear(&match);
        ds_put_format(&match, "eth.src == {%s} && (arp.op == 1 || "
                      "rarp.op == 3 || nd_ns)", pa->ea_s);
        ADD(o, dp, LS_IN_L2_LKUP, 75, ds_cstr(&match),
            "outport = \"_MC_flood_l2\"; output;", hint);
    }

    /* External ports: the ARP/ND requests and routed traffic they send
     * (through a localnet port) to the switch's routers are handled only
     * on the chassis that claims them. */
    if (is_external) {
        struct hmapx_node *ln_node, *rp_node;
        HMAPX_FOR_EACH (ln_node, &dp->localnet_ports) {
            const struct nd_port *ln = ln_node->data;
            HMAPX_FOR_EACH (rp_node, &dp->router_ports) {
                /* The router port's own addresses ("router" means its
                 * peer's). */
                const struct nd_port *rp = rp_node->data;
                for (size_t k = 0; k < rp->n_addrs; k++) {
                    for (size_t i = 0; i < port->n_addrs; i++) {
                        external_flows(nd, port, ln, &rp->addrs[k],
                                       port->addrs[i].ea_s, hint);
                    }
                }
            }
        }
    }

    /* Virtual ports: their parents' ARPs for the virtual IP bind them. */
    const char *vip = smap_get(&nbsp->options, "virtual-ip");
    const char *vparents = smap_get(&nbsp->options, "virtual-parents");
    ovs_be32 vip4;
    if (is_virtual && vip && vparents && ip_parse(vip, &vip4)) {
        char *copy = xstrdup(vparents);
        char *save = NULL;
        for (char *parent = strtok_r(copy, ",", &save); parent;
             parent = strtok_r(NULL, ",", &save)) {
            ds_clear(&match);
            ds_put_cstr(&match, "inport == ");
            json_string_escape(parent, &match);
            ds_put_format(&match, " && ((arp.op == 1 && "
                          "arp.spa == %s && arp.tpa == %s) || (arp.op == 2 "
                          "&& arp.spa == %s))", vip, vip, vip);
            ds_clear(&actions);
            ds_put_format(&actions, "bind_vport(%s, inport); next;",
                          port->json_key);
            ADD(o, dp, LS_IN_ARP_ND_RSP, 100, ds_cstr(&match),
                ds_cstr(&actions), hint);
        }
        free(copy);
    } else if (is_virtual && (vip || vparents)) {
        nd_log_bad("Logical_Switch_Port", port->name,
                   "bad virtual-ip or virtual-parents");
    }

    /* ARP/ND responder for known addresses. */
    if (!is_virtual && !is_external && !port->has_unknown && !is_localnet) {
        bool passthru = dp->vlan_passthru;
        for (size_t i = 0; i < port->n_addrs; i++) {
            port_arp_nd_flows(nd, port, &port->addrs[i], !passthru,
                              port->is_router, hint);
        }
    }

    /* Destination lookup for known MACs (external ports are reached
     * through localnet). */
    for (size_t i = 0; !is_external && i < port->n_addrs; i++) {
        ds_clear(&match);
        ds_put_format(&match, "eth.dst == %s", port->addrs[i].ea_s);
        ds_clear(&actions);
        if (port->enabled) {
            ds_put_format(&actions, "outport = %s; output;", port->json_key);
        } else {
            ds_put_cstr(&actions, "drop;");
        }
        ADD(o, dp, LS_IN_L2_LKUP, 50, ds_cstr(&match), ds_cstr(&actions),
            hint);
    }

    if (!port->enabled) {
        ds_clear(&match);
        ds_put_format(&match, "outport == %s", port->json_key);
        ADD(o, dp, LS_IN_L2_UNKNOWN, 50, ds_cstr(&match), "drop;", hint);
    }

    ds_destroy(&match);
    ds_destroy(&actions);
    nd_lflow_owner_end(&nd->lflows, &old);
}

void
nd_lswitch_flush_external(struct northd *nd)
{
    struct hmapx_node *node;
    HMAPX_FOR_EACH_SAFE (node, &nd->ext_dirty_dps) {
        struct nd_datapath *dp = node->data;
        struct hmapx_node *pn;
        HMAPX_FOR_EACH (pn, &dp->external_ports) {
            struct nd_port *port = pn->data;
            const struct nbrec_logical_switch_port *nbsp
                = nbrec_logical_switch_port_get_for_uuid(nd->nb_idl,
                                                         &port->nb_uuid);
            if (nbsp) {
                nd_lswitch_port_flows(nd, port, nbsp);
            }
        }
        hmapx_delete(&nd->ext_dirty_dps, node);
    }
}
