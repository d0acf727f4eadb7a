/* Copyright (c) 2026 The OVN-compatible project authors.
 *
 * Port security flows.  The logical pipelines call check_in_port_sec()
 * (resubmit to table 73) and check_out_port_sec() (table 75); these tables
 * set bit 12 of the logical flags register (reg10) to 1 when a packet
 * violates the port's port_security and to 0 when it is allowed.  Table 74
 * checks ARP and IPv6 neighbor discovery.  Each port_security entry is
 * "MAC [IP[/PLEN]...]"; a port with no entry has no flows (everything is
 * allowed, the bit stays 0). */
#include <config.h>
#include "controller/port-sec.h"

#include <arpa/inet.h>
#include <netinet/icmp6.h>
#include <string.h>
#include "byte-order.h"
#include "controller/binding.h"
#include "controller/flow-table.h"
#include "controller/physical.h"
#include "lib/ovn-sb-idl.h"
#include "openvswitch/match.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/vlog.h"
#include "packets.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(ovn_port_sec);

/* Bit of reg10 that carries the check's result. */
#define PORT_SEC_BIT 12

/* One parsed port_security entry. */
struct port_sec_entry {
    struct eth_addr mac;        /* Allowed MAC. */
    ovs_be32 ip4[16];           /* Allowed IPv4 networks... */
    ovs_be32 mask4[16];         /* ...and their masks. */
    size_t n_ip4;               /* Number of IPv4 networks. */
    struct in6_addr ip6[16];    /* Allowed IPv6 networks... */
    struct in6_addr mask6[16];  /* ...and their masks. */
    size_t n_ip6;               /* Number of IPv6 networks. */
};

/* Parses 's' into 'e'; returns false if it is malformed. */
static bool
parse_entry(const char *s, struct port_sec_entry *e)
{
    char *copy = xstrdup(s), *save = NULL;
    char *tok = strtok_r(copy, " ", &save);
    bool ok = tok && eth_addr_from_string(tok, &e->mac);

    e->n_ip4 = e->n_ip6 = 0;
    while (ok && (tok = strtok_r(NULL, " ", &save))) {
        char *err;
        if (strchr(tok, ':')) {
            unsigned int plen;
            err = ipv6_parse_cidr(tok, &e->ip6[e->n_ip6], &plen);
            if (!err && e->n_ip6 < ARRAY_SIZE(e->ip6)) {
                e->mask6[e->n_ip6] = ipv6_create_mask(plen);
                e->n_ip6++;
            }
        } else {
            unsigned int plen;
            char *addr = xmemdup0(tok, strcspn(tok, "/"));
            struct in_addr in;
            bool valid = inet_pton(AF_INET, addr, &in) == 1;
            free(addr);
            err = (valid ? ip_parse_cidr(tok, &e->ip4[e->n_ip4], &plen)
                   : xasprintf("%s: bad IPv4 address", tok));
            if (!err && e->n_ip4 < ARRAY_SIZE(e->ip4)) {
                e->mask4[e->n_ip4] = be32_prefix_mask(plen);
                e->n_ip4++;
            }
        }
        if (err) {
            free(err);
            ok = false;
        }
    }
    free(copy);
    return ok;
}

/* Appends the action that records "violation" (true) or "allowed". */
static void
put_result(bool deny, struct ofpbuf *ofpacts)
{
    ctl_put_load(deny, MFF_REG10, PORT_SEC_BIT, 1, ofpacts);
}

/* Adds a flow to 'ft' whose actions are just the verdict 'deny'. */
static void
add_verdict(struct ctl_flow_table *ft, uint8_t table, uint16_t prio,
            uint64_t cookie, const struct match *m, bool deny)
{
    struct ofpbuf ofpacts;

    ofpbuf_init(&ofpacts, 0);
    put_result(deny, &ofpacts);
    ctl_flow_table_add_buf(ft, table, prio, cookie, m, &ofpacts);
    ofpbuf_uninit(&ofpacts);
}

/* Initializes 'm' for port 'key' of datapath 'dp' as ingress (inport) or
 * egress (outport). */
static void
port_match(struct match *m, uint32_t dp, uint32_t key, bool ingress)
{
    match_init_catchall(m);
    match_set_metadata(m, htonll(dp));
    match_set_reg(m, ingress ? 14 : 15, key);
}

/* Adds the ND flows (table 74) for 'e'. */
static void
add_nd_flows(struct ctl_flow_table *ft, uint32_t dp, uint32_t key,
             uint64_t cookie, const struct port_sec_entry *e)
{
    for (int type = ND_NEIGHBOR_SOLICIT; type <= ND_NEIGHBOR_ADVERT; type++) {
        for (int zero = 0; zero < 2; zero++) {
            struct match m;
            port_match(&m, dp, key, true);
            match_set_dl_type(&m, htons(ETH_TYPE_IPV6));
            match_set_nw_proto(&m, IPPROTO_ICMPV6);
            match_set_nw_ttl(&m, 255);
            match_set_icmp_type(&m, type);
            match_set_icmp_code(&m, 0);
            match_set_dl_src(&m, e->mac);
            if (type == ND_NEIGHBOR_SOLICIT) {
                match_set_arp_sha(&m, zero ? eth_addr_zero : e->mac);
            } else {
                match_set_arp_tha(&m, zero ? eth_addr_zero : e->mac);
            }
            add_verdict(ft, OFTABLE_CHK_IN_PORT_SEC_ND, 90, cookie, &m,
                        false);
        }
    }
}

/* Adds the port security flows of local port 'lp'. */
static void
add_port_flows(const struct local_port *lp, struct ctl_flow_table *ft)
{
    const struct sbrec_port_binding *pb = lp->pb;
    uint32_t dp = pb->datapath->tunnel_key;
    uint32_t key = pb->tunnel_key;
    uint64_t cookie = pb->header_.uuid.parts[0];
    struct ofpbuf ofpacts;
    struct match m;
    bool any = false;

    ofpbuf_init(&ofpacts, 0);
    for (size_t i = 0; i < pb->n_port_security; i++) {
        struct port_sec_entry e;
        if (!parse_entry(pb->port_security[i], &e)) {
            static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(1, 5);
            VLOG_WARN_RL(&rl, "%s: bad port_security \"%s\" ignored",
                         pb->logical_port, pb->port_security[i]);
            continue;
        }
        any = true;

        /* Table 73: Ethernet source and IP source. */
        if (!e.n_ip4 && !e.n_ip6) {
            port_match(&m, dp, key, true);
            match_set_dl_src(&m, e.mac);
            add_verdict(ft, OFTABLE_CHK_IN_PORT_SEC, 90, cookie, &m, false);
        }
        for (size_t j = 0; j < e.n_ip4; j++) {
            port_match(&m, dp, key, true);
            match_set_dl_type(&m, htons(ETH_TYPE_IP));
            match_set_dl_src(&m, e.mac);
            match_set_nw_src_masked(&m, e.ip4[j], e.mask4[j]);
            add_verdict(ft, OFTABLE_CHK_IN_PORT_SEC, 90, cookie, &m, false);
        }
        if (e.n_ip4) {
            /* DHCP discovery before the address is known. */
            port_match(&m, dp, key, true);
            match_set_dl_type(&m, htons(ETH_TYPE_IP));
            match_set_nw_proto(&m, IPPROTO_UDP);
            match_set_dl_src(&m, e.mac);
            match_set_nw_src(&m, htonl(0));
            match_set_nw_dst(&m, htonl(0xffffffff));
            match_set_tp_src(&m, htons(68));
            match_set_tp_dst(&m, htons(67));
            add_verdict(ft, OFTABLE_CHK_IN_PORT_SEC, 90, cookie, &m, false);
        }
        if (e.n_ip6) {
            struct in6_addr lla;
            in6_generate_lla(e.mac, &lla);
            for (size_t j = 0; j <= e.n_ip6; j++) {
                port_match(&m, dp, key, true);
                match_set_dl_type(&m, htons(ETH_TYPE_IPV6));
                match_set_dl_src(&m, e.mac);
                if (j < e.n_ip6) {
                    match_set_ipv6_src_masked(&m, &e.ip6[j], &e.mask6[j]);
                } else {
                    match_set_ipv6_src(&m, &lla);
                }
                add_verdict(ft, OFTABLE_CHK_IN_PORT_SEC, 90, cookie, &m,
                            false);
            }
        }

        /* Table 74: ARP and neighbor discovery. */
        for (size_t j = 0; j < MAX(e.n_ip4, 1); j++) {
            port_match(&m, dp, key, true);
            match_set_dl_type(&m, htons(ETH_TYPE_ARP));
            match_set_dl_src(&m, e.mac);
            match_set_arp_sha(&m, e.mac);
            if (e.n_ip4) {
                match_set_nw_src_masked(&m, e.ip4[j], e.mask4[j]);
            }
            add_verdict(ft, OFTABLE_CHK_IN_PORT_SEC_ND, 90, cookie, &m,
                        false);
        }
        add_nd_flows(ft, dp, key, cookie, &e);

        /* Table 75: Ethernet destination and IP destination. */
        port_match(&m, dp, key, false);
        match_set_dl_dst(&m, e.mac);
        add_verdict(ft, OFTABLE_CHK_OUT_PORT_SEC, 85, cookie, &m, false);
        if (e.n_ip4 || e.n_ip6) {
            for (int v6 = 0; v6 < 2; v6++) {
                port_match(&m, dp, key, false);
                match_set_dl_dst(&m, e.mac);
                match_set_dl_type(&m, htons(v6 ? ETH_TYPE_IPV6
                                               : ETH_TYPE_IP));
                add_verdict(ft, OFTABLE_CHK_OUT_PORT_SEC, 90, cookie, &m,
                            true);
            }
        }
        for (size_t j = 0; e.n_ip4 && j < e.n_ip4 + 2; j++) {
            port_match(&m, dp, key, false);
            match_set_dl_dst(&m, e.mac);
            match_set_dl_type(&m, htons(ETH_TYPE_IP));
            if (j < e.n_ip4) {
                match_set_nw_dst_masked(&m, e.ip4[j], e.mask4[j]);
            } else if (j == e.n_ip4) {
                match_set_nw_dst(&m, htonl(0xffffffff));
            } else {
                match_set_nw_dst_masked(&m, htonl(0xe0000000),
                                        htonl(0xf0000000));
            }
            add_verdict(ft, OFTABLE_CHK_OUT_PORT_SEC, 95, cookie, &m, false);
        }
        for (size_t j = 0; e.n_ip6 && j < e.n_ip6 + 2; j++) {
            struct in6_addr a, mask = in6addr_exact;
            port_match(&m, dp, key, false);
            match_set_dl_dst(&m, e.mac);
            match_set_dl_type(&m, htons(ETH_TYPE_IPV6));
            if (j < e.n_ip6) {
                a = e.ip6[j];
                mask = e.mask6[j];
            } else if (j == e.n_ip6) {
                in6_generate_lla(e.mac, &a);
            } else {
                memset(&a, 0, sizeof a);
                a.s6_addr[0] = 0xff;
                mask = ipv6_create_mask(8);
            }
            match_set_ipv6_dst_masked(&m, &a, &mask);
            add_verdict(ft, OFTABLE_CHK_OUT_PORT_SEC, 95, cookie, &m, false);
        }
    }

    if (any) {
        /* Defaults: deny; ARP and ND are decided by table 74. */
        port_match(&m, dp, key, true);
        add_verdict(ft, OFTABLE_CHK_IN_PORT_SEC, 80, cookie, &m, true);
        port_match(&m, dp, key, false);
        add_verdict(ft, OFTABLE_CHK_OUT_PORT_SEC, 80, cookie, &m, true);

        port_match(&m, dp, key, true);
        match_set_dl_type(&m, htons(ETH_TYPE_ARP));
        ofpbuf_clear(&ofpacts);
        ctl_put_resubmit(OFTABLE_CHK_IN_PORT_SEC_ND, &ofpacts);
        ctl_flow_table_add_buf(ft, OFTABLE_CHK_IN_PORT_SEC, 95, cookie, &m,
                               &ofpacts);
        add_verdict(ft, OFTABLE_CHK_IN_PORT_SEC_ND, 80, cookie, &m, true);

        for (int type = ND_NEIGHBOR_SOLICIT; type <= ND_NEIGHBOR_ADVERT;
             type++) {
            port_match(&m, dp, key, true);
            match_set_dl_type(&m, htons(ETH_TYPE_IPV6));
            match_set_nw_proto(&m, IPPROTO_ICMPV6);
            match_set_nw_ttl(&m, 255);
            match_set_icmp_type(&m, type);
            ctl_flow_table_add_buf(ft, OFTABLE_CHK_IN_PORT_SEC, 95, cookie,
                                   &m, &ofpacts);
            add_verdict(ft, OFTABLE_CHK_IN_PORT_SEC_ND, 80, cookie, &m,
                        type == ND_NEIGHBOR_ADVERT);
        }
    }
    ofpbuf_uninit(&ofpacts);
}

/* Computes the port security flows of every local VIF into 'ft'. */
void
port_sec_run(const struct binding_state *bs, struct ctl_flow_table *ft)
{
    struct shash_node *n;

    SHASH_FOR_EACH (n, &bs->ports) {
        const struct local_port *lp = n->data;
        if ((lp->kind == LP_VIF || lp->kind == LP_CONTAINER)
            && lp->pb->n_port_security && lp->pb->datapath) {
            add_port_flows(lp, ft);
        }
    }
}
