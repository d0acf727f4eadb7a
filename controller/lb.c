/* Copyright (c) 2026 The OVN-compatible project authors.
 *
 * Hairpin handling for the southbound Load_Balancer rows that apply to
 * local datapaths.  The logical pipelines stash the VIP in reg1 (IPv4) or
 * xxreg1 (IPv6) and the VIP's port in reg2[0..15] before load balancing,
 * then ask:
 *
 *   table 68 (chk_lb_hairpin): was this load-balanced packet sent by the
 *     backend it was sent to?  If so set flag bit 7 and learn, into table
 *     69, a flow that recognizes the replies of that connection;
 *   table 69 (chk_lb_hairpin_reply): filled only by those learned flows;
 *   table 70 (ct_snat_hairpin): SNAT the hairpinned packet to the VIP (or
 *     to options:hairpin_snat_ip) in the datapath's SNAT zone.
 *
 * The "natted" bit checked is bit 1 of ct_label, as the logical flows use
 * it when (as here) the chassis does not advertise ct-no-masked-label. */
#include <config.h>
#include "controller/lb.h"

#include <string.h>
#include "controller/binding.h"
#include "controller/flow-table.h"
#include "lib/ovn-sb-idl.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofp-flow.h"
#include "openvswitch/vlog.h"
#include "packets.h"
#include "smap.h"
#include "socket-util.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(ovn_lb);

/* Adds the flow described by 's' ("table=...,priority=...,MATCH,
 * actions=...") to 'ft'. */
static void
add_flow_str(struct ctl_flow_table *ft, uint64_t cookie, const char *s)
{
    struct ofputil_flow_mod fm;
    enum ofputil_protocol usable;
    char *error = parse_ofp_str(&fm, OFPFC_ADD, s, NULL, NULL, &usable);

    if (error) {
        static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 5);
        VLOG_WARN_RL(&rl, "%s: %s", s, error);
        free(error);
        return;
    }
    struct match match;
    minimatch_expand(&fm.match, &match);
    ctl_flow_table_add(ft, fm.table_id, fm.priority, cookie, &match,
                       fm.ofpacts, fm.ofpacts_len);
    minimatch_destroy(&fm.match);
    free(fm.ofpacts);
}

/* Parses "IP", "IP:PORT" or "[IP6]:PORT" into 'ip' (as text) and '*port'
 * (0 if none).  Returns false if malformed. */
static bool
parse_endpoint(const char *s, struct ds *ip, uint16_t *port, bool *v6)
{
    struct sockaddr_storage ss;

    ds_clear(ip);
    if (!inet_parse_address(s, &ss)) {
        if (!inet_parse_active(s, 0, &ss, false, NULL)) {
            return false;
        }
    }
    *port = ss_get_port(&ss);
    *v6 = ss.ss_family == AF_INET6;
    ss_format_address_nobracks(&ss, ip);
    return true;
}

/* Adds the hairpin flows of 'lb' for datapath key 'dp_key'. */
static void
add_lb_flows(const struct sbrec_load_balancer *lb, struct ctl_flow_table *ft)
{
    const char *proto = lb->protocol && lb->protocol[0] ? lb->protocol
                                                         : "tcp";
    uint64_t cookie = lb->header_.uuid.parts[0];
    struct ds vip = DS_EMPTY_INITIALIZER, be = DS_EMPTY_INITIALIZER;
    struct ds s = DS_EMPTY_INITIALIZER;
    const struct smap_node *node;

    if (strcmp(proto, "tcp") && strcmp(proto, "udp")
        && strcmp(proto, "sctp")) {
        return;
    }
    SMAP_FOR_EACH (node, &lb->vips) {
        uint16_t vport;
        bool v6;
        if (!parse_endpoint(node->key, &vip, &vport, &v6)) {
            continue;
        }
        const char *ip = v6 ? "ipv6" : "ip";
        const char *l4 = !strcmp(proto, "tcp") ? (v6 ? "tcp6" : "tcp")
                         : !strcmp(proto, "udp") ? (v6 ? "udp6" : "udp")
                         : (v6 ? "sctp6" : "sctp");
        const char *l4f = !strcmp(proto, "tcp") ? "TCP"
                          : !strcmp(proto, "udp") ? "UDP" : "SCTP";
        struct ds vipreg = DS_EMPTY_INITIALIZER;
        if (v6) {
            struct in6_addr a;
            inet_pton(AF_INET6, ds_cstr(&vip), &a);
            ds_put_cstr(&vipreg, "xxreg1=0x");
            for (int i = 0; i < 16; i++) {
                ds_put_format(&vipreg, "%02x", a.s6_addr[i]);
            }
        } else {
            ovs_be32 a;
            ip_parse(ds_cstr(&vip), &a);
            ds_put_format(&vipreg, "reg1=%#"PRIx32, ntohl(a));
        }

        /* Table 70: SNAT the hairpinned packet. */
        const char *snat_ip = smap_get(&lb->options, "hairpin_snat_ip");
        ds_clear(&s);
        if (vport) {
            ds_put_format(&s, "table=70,priority=100,%s,%s,"
                          "reg2=%#"PRIx16"/0xffff,", l4, ds_cstr(&vipreg),
                          vport);
        } else {
            ds_put_format(&s, "table=70,priority=90,%s,%s,", ip,
                          ds_cstr(&vipreg));
        }
        ds_put_format(&s, "actions=ct(commit,zone=NXM_NX_REG12[0..15],"
                      "nat(src=%s))", snat_ip ? snat_ip : ds_cstr(&vip));
        add_flow_str(ft, cookie, ds_cstr(&s));

        /* Table 68: one flow per backend. */
        char *backends = xstrdup(node->value);
        char *save = NULL;
        for (char *b = strtok_r(backends, ",", &save); b;
             b = strtok_r(NULL, ",", &save)) {
            uint16_t bport;
            bool bv6;
            if (!parse_endpoint(b, &be, &bport, &bv6) || bv6 != v6) {
                continue;
            }
            ds_clear(&s);
            ds_put_format(&s, "table=68,priority=100,ct_label=0x2/0x2,%s,%s,",
                          vport ? l4 : ip, ds_cstr(&vipreg));
            if (vport) {
                ds_put_format(&s, "reg2=%#"PRIx16"/0xffff,", vport);
            }
            ds_put_format(&s, "%s=%s,%s=%s,", v6 ? "ipv6_src" : "nw_src",
                          ds_cstr(&be), v6 ? "ipv6_dst" : "nw_dst",
                          ds_cstr(&be));
            if (vport && bport) {
                ds_put_format(&s, "tp_dst=%"PRIu16",", bport);
            }
            ds_put_format(&s, "actions=set_field:0x80/0x80->reg10,"
                          "learn(table=69,delete_learned,cookie=%#"PRIx64","
                          "OXM_OF_METADATA[],eth_type=%s,",
                          cookie, v6 ? "0x86dd" : "0x800");
            if (v6) {
                ds_put_format(&s, "NXM_NX_IPV6_SRC[],ipv6_dst=%s,",
                              ds_cstr(&vip));
            } else {
                ds_put_format(&s, "NXM_OF_IP_SRC[],ip_dst=%s,",
                              ds_cstr(&vip));
            }
            if (vport) {
                ds_put_format(&s, "nw_proto=%d,",
                              !strcmp(proto, "tcp") ? 6
                              : !strcmp(proto, "udp") ? 17 : 132);
                if (strcmp(proto, "sctp")) {
                    ds_put_format(&s, "NXM_OF_%s_SRC[]=NXM_OF_%s_DST[],",
                                  l4f, l4f);
                } else {
                    ds_put_cstr(&s, "OXM_OF_SCTP_SRC[]=OXM_OF_SCTP_DST[],");
                }
            } else {
                ds_put_cstr(&s, "NXM_OF_IP_PROTO[],");
            }
            ds_put_cstr(&s, "load:0x1->NXM_NX_REG10[7])");
            add_flow_str(ft, cookie, ds_cstr(&s));
        }
        free(backends);
        ds_destroy(&vipreg);
    }
    ds_destroy(&vip);
    ds_destroy(&be);
    ds_destroy(&s);
}

/* Computes the hairpin flows of load balancers on local datapaths. */
void
lb_hairpin_run(struct ovsdb_idl *sb, const struct binding_state *bs,
               struct ctl_flow_table *ft)
{
    const struct sbrec_load_balancer *lb;

    SBREC_LOAD_BALANCER_FOR_EACH (lb, sb) {
        bool local = false;
        for (size_t i = 0; !local && i < lb->n_datapaths; i++) {
            local = binding_get_datapath(bs, lb->datapaths[i]->tunnel_key);
        }
        const struct sbrec_logical_dp_group *g = lb->datapath_group;
        for (size_t i = 0; g && !local && i < g->n_datapaths; i++) {
            local = binding_get_datapath(bs, g->datapaths[i]->tunnel_key);
        }
        if (local) {
            add_lb_flows(lb, ft);
        }
    }
}
