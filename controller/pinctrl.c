/* ovn-controller packet-in handling.  See pinctrl.h. */
#include <config.h>
#include "controller/pinctrl.h"

#include <string.h>

#include "coverage.h"
#include "csum.h"
#include "dirs.h"
#include "dp-packet.h"
#include "flow.h"
#include "openvswitch/hmap.h"
#include "openvswitch/match.h"
#include "openvswitch/ofp-msgs.h"
#include "openvswitch/ofp-packet.h"
#include "openvswitch/ofp-protocol.h"
#include "openvswitch/ofp-switch.h"
#include "openvswitch/ofp-util.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/rconn.h"
#include "openvswitch/vlog.h"
#include "hash.h"
#include "ovsdb-idl.h"
#include "packets.h"
#include "openvswitch/poll-loop.h"
#include "timeval.h"
#include "util.h"
#include "lib/ovn-actions.h"
#include "lib/ovn-pinctrl-ops.h"
#include "lib/ovn-sb-idl.h"

VLOG_DEFINE_THIS_MODULE(ovn_pinctrl);

COVERAGE_DEFINE(ovn_pinctrl_packet_in);
COVERAGE_DEFINE(ovn_pinctrl_unsupported);

/* A neighbour learned by put_arp / put_nd, waiting to be written to the
 * southbound MAC_Binding table. */
struct pinctrl_neighbour {
    struct hmap_node node;      /* In 'pending', by all members. */
    uint32_t dp_key;            /* Datapath tunnel key. */
    uint32_t port_key;          /* Logical port tunnel key. */
    char ip[INET6_ADDRSTRLEN];  /* IP address as text. */
    struct eth_addr mac;        /* Its Ethernet address. */
};

/* A packet that triggered arp { } or nd_ns { }, kept until the next hop's
 * MAC_Binding appears (then sent on with that MAC) or it expires. */
struct pinctrl_buffered {
    struct ovs_list node;       /* In 'buffered'. */
    uint32_t dp_key;            /* Router datapath tunnel key. */
    char ip[INET6_ADDRSTRLEN];  /* Next hop (reg0 or xxreg0) as text. */
    struct match md;            /* Packet-in metadata (registers...). */
    void *data;                 /* The packet. */
    size_t size;                /* Its length. */
    long long int expire;       /* Drop it at this time (msec). */
};

/* At most this many packets wait for next hops, for this long. */
#define PINCTRL_MAX_BUFFERED 256
#define PINCTRL_BUFFER_MSEC 10000

static struct ovs_list buffered = OVS_LIST_INITIALIZER(&buffered);
static size_t n_buffered;

static struct rconn *swconn;            /* Our own connection to br-int. */
static char *swconn_target;             /* Its target. */
static uint64_t swconn_seqno;           /* Connection seqno last seen. */
static struct hmap pending = HMAP_INITIALIZER(&pending); /* Neighbours. */

void
pinctrl_init(void)
{
    swconn = rconn_create(0, 8, 0, 1u << OFP15_VERSION);
}

/* Frees every pending neighbour. */
static void
pending_clear(void)
{
    struct pinctrl_neighbour *n;
    HMAP_FOR_EACH_POP (n, node, &pending) {
        free(n);
    }
}

/* Frees 'b' (already removed from 'buffered'). */
static void
buffered_free(struct pinctrl_buffered *b)
{
    free(b->data);
    free(b);
    n_buffered--;
}

void
pinctrl_destroy(void)
{
    struct pinctrl_buffered *b;
    LIST_FOR_EACH_POP (b, node, &buffered) {
        buffered_free(b);
    }
    rconn_destroy(swconn);
    swconn = NULL;
    free(swconn_target);
    swconn_target = NULL;
    pending_clear();
    hmap_destroy(&pending);
    hmap_init(&pending);
}

/* Sends 'msg' on our connection. */
static void
pinctrl_send(struct ofpbuf *msg)
{
    rconn_send(swconn, msg, NULL);
}

/* Sends 'packet' through 'ofpacts' with the metadata (logical datapath,
 * registers, in_port) of the packet-in 'pin'. */
static void
packet_out(const struct ofputil_packet_in *pin, const struct dp_packet *pkt,
           const struct ofpbuf *ofpacts)
{
    struct ofputil_packet_out po = {
        .packet = dp_packet_data(pkt),
        .packet_len = dp_packet_size(pkt),
        .buffer_id = UINT32_MAX,
        .ofpacts = ofpacts->data,
        .ofpacts_len = ofpacts->size,
    };
    po.flow_metadata = pin->flow_metadata;
    enum ofputil_protocol proto
        = ofputil_protocol_from_ofp_version(rconn_get_version(swconn));
    pinctrl_send(ofputil_encode_packet_out(&po, proto));
}

/* arp { ... }: an ARP request built from the IPv4 packet 'flow'. */
static void
build_arp(const struct flow *flow, struct dp_packet *out)
{
    compose_arp(out, ARP_OP_REQUEST, flow->dl_src, eth_addr_zero, false,
                flow->nw_src, flow->nw_dst);
    struct eth_header *eh = dp_packet_eth(out);
    eh->eth_dst = flow->dl_dst;
    eh->eth_src = flow->dl_src;
}

/* nd_ns { ... }: a neighbour solicitation for ip6.dst of 'flow'. */
static void
build_nd_ns(const struct flow *flow, struct dp_packet *out)
{
    compose_nd_ns(out, flow->dl_src, &flow->ipv6_src, &flow->ipv6_dst);
}

/* nd_na { ... } / nd_na_router { ... }: a neighbour advertisement answering
 * the solicitation 'flow' (ovn-sb(5) defaults: addresses swapped, target
 * unchanged, target link-layer address from eth.dst). */
static void
build_nd_na(const struct flow *flow, bool router, struct dp_packet *out)
{
    ovs_be32 rso = htonl(ND_RSO_SOLICITED | ND_RSO_OVERRIDE
                         | (router ? ND_RSO_ROUTER : 0));
    compose_nd_na(out, flow->dl_dst, flow->dl_src, &flow->nd_target,
                  &flow->ipv6_src, rso);
}

/* icmp4 { ... }: an ICMPv4 destination unreachable (host unreachable)
 * quoting as much of the datagram 'in' as keeps the frame within 576 bytes
 * (RFC 1812 4.3.2.3; 23.03 counts the Ethernet header in). */
static void
build_icmp4(const struct flow *flow, struct dp_packet *in,
            struct dp_packet *out)
{
    const struct ip_header *inner = dp_packet_l3(in);
    size_t quote = inner ? MIN(dp_packet_l3_size(in),
                               576 - ETH_HEADER_LEN - IP_HEADER_LEN
                               - ICMP_HEADER_LEN) : 0;

    size_t l4 = ICMP_HEADER_LEN + quote;
    struct ip_header *ip = eth_compose(out, flow->dl_dst, flow->dl_src,
                                       ETH_TYPE_IP, IP_HEADER_LEN + l4);
    memset(ip, 0, IP_HEADER_LEN);
    ip->ip_ihl_ver = IP_IHL_VER(5, 4);
    ip->ip_tot_len = htons(IP_HEADER_LEN + l4);
    ip->ip_frag_off = htons(IP_DONT_FRAGMENT);  /* As 23.03 sends them. */
    ip->ip_ttl = 255;
    ip->ip_proto = IPPROTO_ICMP;
    put_16aligned_be32(&ip->ip_src, flow->nw_src);
    put_16aligned_be32(&ip->ip_dst, flow->nw_dst);
    ip->ip_csum = csum(ip, IP_HEADER_LEN);

    struct icmp_header *icmp = (struct icmp_header *) (ip + 1);
    memset(icmp, 0, ICMP_HEADER_LEN);
    icmp->icmp_type = ICMP4_DST_UNREACH;
    icmp->icmp_code = 1;
    if (quote) {
        memcpy(icmp + 1, inner, quote);
    }
    icmp->icmp_csum = csum(icmp, l4);
    dp_packet_set_l3(out, ip);
    dp_packet_set_l4(out, icmp);
}

/* icmp6 { ... }: an ICMPv6 destination unreachable (administratively
 * prohibited) quoting as much of 'in' as keeps the frame within the IPv6
 * minimum MTU (Ethernet header included, as 23.03). */
static void
build_icmp6(const struct flow *flow, struct dp_packet *in,
            struct dp_packet *out)
{
    const void *inner = dp_packet_l3(in);
    size_t quote = inner ? MIN(dp_packet_l3_size(in),
                               1280 - ETH_HEADER_LEN - IPV6_HEADER_LEN
                               - 8) : 0;
    size_t l4 = 8 + quote;
    struct ovs_16aligned_ip6_hdr *ip6 = eth_compose(out, flow->dl_dst,
                                                     flow->dl_src,
                                                     ETH_TYPE_IPV6,
                                                     IPV6_HEADER_LEN + l4);
    memset(ip6, 0, IPV6_HEADER_LEN);
    put_16aligned_be32(&ip6->ip6_flow, htonl(6 << 28));
    ip6->ip6_plen = htons(l4);
    ip6->ip6_nxt = IPPROTO_ICMPV6;
    ip6->ip6_hlim = 255;
    memcpy(&ip6->ip6_src, &flow->ipv6_src, sizeof ip6->ip6_src);
    memcpy(&ip6->ip6_dst, &flow->ipv6_dst, sizeof ip6->ip6_dst);

    struct icmp6_data_header *icmp = (struct icmp6_data_header *) (ip6 + 1);
    memset(icmp, 0, 8);
    icmp->icmp6_base.icmp6_type = ICMP6_DST_UNREACH;
    icmp->icmp6_base.icmp6_code = 1;
    if (quote) {
        memcpy((uint8_t *) icmp + 8, inner, quote);
    }
    dp_packet_set_l3(out, ip6);
    dp_packet_set_l4(out, icmp);
    uint32_t c = packet_csum_pseudoheader6(ip6);
    icmp->icmp6_base.icmp6_cksum = csum_finish(csum_continue(c, icmp, l4));
}

/* tcp_reset { ... }: a TCP RST answering the TCP segment 'flow' of 'in'
 * (ovn-sb(5): seq from the ack if there is one, else ack = seq + payload
 * length (plus SYN/FIN); ports swapped, no options or payload, TTL 255,
 * IPv4 don't-fragment set). */
static void
build_tcp_reset(const struct flow *flow, struct dp_packet *in,
                struct dp_packet *out)
{
    const struct tcp_header *th = dp_packet_l4(in);
    size_t l4_size = dp_packet_l4_size(in);
    if (!th || l4_size < TCP_HEADER_LEN) {
        return;
    }
    size_t payload = l4_size - TCP_OFFSET(th->tcp_ctl) * 4;
    bool v4 = flow->dl_type == htons(ETH_TYPE_IP);
    size_t l3_len = v4 ? IP_HEADER_LEN : IPV6_HEADER_LEN;
    void *l3 = eth_compose(out, flow->dl_dst, flow->dl_src,
                           v4 ? ETH_TYPE_IP : ETH_TYPE_IPV6,
                           l3_len + TCP_HEADER_LEN);
    memset(l3, 0, l3_len);
    uint32_t c;
    struct tcp_header *rst = (struct tcp_header *) ((uint8_t *) l3 + l3_len);
    if (v4) {
        struct ip_header *ip = l3;
        ip->ip_ihl_ver = IP_IHL_VER(5, 4);
        ip->ip_tot_len = htons(IP_HEADER_LEN + TCP_HEADER_LEN);
        ip->ip_frag_off = htons(IP_DONT_FRAGMENT);
        ip->ip_ttl = 255;
        ip->ip_proto = IPPROTO_TCP;
        put_16aligned_be32(&ip->ip_src, flow->nw_src);
        put_16aligned_be32(&ip->ip_dst, flow->nw_dst);
        ip->ip_csum = csum(ip, IP_HEADER_LEN);
        c = packet_csum_pseudoheader(ip);
    } else {
        struct ovs_16aligned_ip6_hdr *ip6 = l3;
        put_16aligned_be32(&ip6->ip6_flow, htonl(6 << 28));
        ip6->ip6_plen = htons(TCP_HEADER_LEN);
        ip6->ip6_nxt = IPPROTO_TCP;
        ip6->ip6_hlim = 255;
        memcpy(&ip6->ip6_src, &flow->ipv6_src, sizeof ip6->ip6_src);
        memcpy(&ip6->ip6_dst, &flow->ipv6_dst, sizeof ip6->ip6_dst);
        c = packet_csum_pseudoheader6(ip6);
    }
    memset(rst, 0, TCP_HEADER_LEN);
    rst->tcp_src = th->tcp_dst;
    rst->tcp_dst = th->tcp_src;
    uint16_t flags = TCP_RST;
    if (TCP_FLAGS(th->tcp_ctl) & TCP_ACK) {
        put_16aligned_be32(&rst->tcp_seq, get_16aligned_be32(&th->tcp_ack));
    } else {
        /* SYN and FIN occupy a sequence number too (RFC 793), as 23.03
         * counts them. */
        uint16_t in_flags = TCP_FLAGS(th->tcp_ctl);
        uint32_t len = payload + !!(in_flags & TCP_SYN)
                       + !!(in_flags & TCP_FIN);
        put_16aligned_be32(&rst->tcp_ack,
                           htonl(ntohl(get_16aligned_be32(&th->tcp_seq))
                                 + len));
        flags |= TCP_ACK;
    }
    rst->tcp_ctl = TCP_CTL(flags, 5);
    dp_packet_set_l3(out, l3);
    dp_packet_set_l4(out, rst);
    rst->tcp_csum = csum_finish(csum_continue(c, rst, TCP_HEADER_LEN));
}

/* Formats the IPv4 (reg0) or IPv6 (xxreg0) address in the registers of
 * 'md' into 'ip'. */
static void
reg_ip_format(const struct flow *md, bool v6, char ip[INET6_ADDRSTRLEN])
{
    if (v6) {
        struct in6_addr ip6;
        ovs_be32 *w = (ovs_be32 *) &ip6;
        for (int i = 0; i < 4; i++) {
            w[i] = htonl(md->regs[i]);
        }
        ipv6_string_mapped(ip, &ip6);
    } else {
        ovs_be32 ip4 = htonl(md->regs[0]);
        snprintf(ip, INET6_ADDRSTRLEN, IP_FMT, IP_ARGS(ip4));
    }
}

/* Keeps the packet of 'pin', which is waiting for next hop reg0 (xxreg0 if
 * 'v6') to be resolved. */
static void
buffer_packet(const struct ofputil_packet_in *pin, bool v6)
{
    if (n_buffered >= PINCTRL_MAX_BUFFERED) {
        return;
    }
    struct pinctrl_buffered *b = xzalloc(sizeof *b);
    const struct flow *md = &pin->flow_metadata.flow;
    b->dp_key = ntohll(md->metadata);
    reg_ip_format(md, v6, b->ip);
    b->md = pin->flow_metadata;
    b->data = xmemdup(pin->packet, pin->packet_len);
    b->size = pin->packet_len;
    b->expire = time_msec() + PINCTRL_BUFFER_MSEC;
    ovs_list_push_back(&buffered, &b->node);
    n_buffered++;
}

/* Sends on the buffered packets whose next hop has a MAC_Binding now, with
 * that MAC as eth.dst, to the logical "output" of their router; drops the
 * expired ones. */
static void
flush_buffered(struct ovsdb_idl *sb)
{
    long long int now = time_msec();
    struct pinctrl_buffered *b;
    LIST_FOR_EACH_SAFE (b, node, &buffered) {
        if (now >= b->expire) {
            ovs_list_remove(&b->node);
            buffered_free(b);
            continue;
        }
        const struct sbrec_mac_binding *mb, *found = NULL;
        SBREC_MAC_BINDING_FOR_EACH (mb, sb) {
            if (mb->datapath && mb->datapath->tunnel_key == b->dp_key
                && !strcmp(mb->ip, b->ip)) {
                found = mb;
                break;
            }
        }
        struct eth_addr mac;
        if (!found || !eth_addr_from_string(found->mac, &mac)) {
            continue;
        }
        struct ofpbuf ofpacts;
        ofpbuf_init(&ofpacts, 64);
        ofpact_put_set_field(&ofpacts, mf_from_id(MFF_ETH_DST), &mac, NULL);
        struct ofpact_resubmit *rs = ofpact_put_RESUBMIT(&ofpacts);
        rs->in_port = OFPP_IN_PORT;
        rs->table_id = OVN_OFTABLE_OUTPUT_LARGE_PKT_DETECT;
        struct ofputil_packet_out po = {
            .packet = b->data,
            .packet_len = b->size,
            .buffer_id = UINT32_MAX,
            .ofpacts = ofpacts.data,
            .ofpacts_len = ofpacts.size,
        };
        po.flow_metadata = b->md;
        enum ofputil_protocol proto
            = ofputil_protocol_from_ofp_version(rconn_get_version(swconn));
        pinctrl_send(ofputil_encode_packet_out(&po, proto));
        ofpbuf_uninit(&ofpacts);
        ovs_list_remove(&b->node);
        buffered_free(b);
    }
}

/* Records the neighbour of put_arp / put_nd from 'pin' (arguments in
 * reg14, reg0 or xxreg0, eth.src). */
static void
learn_neighbour(const struct ofputil_packet_in *pin, const struct flow *flow,
                bool v6)
{
    const struct flow *md = &pin->flow_metadata.flow;
    struct pinctrl_neighbour *n = xzalloc(sizeof *n);
    n->dp_key = ntohll(md->metadata);
    n->port_key = md->regs[14];
    n->mac = flow->dl_src;
    reg_ip_format(md, v6, n->ip);
    uint32_t hash = hash_string(n->ip, hash_2words(n->dp_key, n->port_key));
    struct pinctrl_neighbour *old;
    HMAP_FOR_EACH_WITH_HASH (old, node, hash, &pending) {
        if (old->dp_key == n->dp_key && old->port_key == n->port_key
            && !strcmp(old->ip, n->ip)) {
            old->mac = n->mac;
            free(n);
            return;
        }
    }
    hmap_insert(&pending, &n->node, hash);
    VLOG_DBG("learned %s on datapath %"PRIu32" port %"PRIu32" is "
             ETH_ADDR_FMT, n->ip, n->dp_key, n->port_key,
             ETH_ADDR_ARGS(n->mac));
}

/* Handles one packet-in message. */
static void
handle_packet_in(const struct ofp_header *oh)
{
    static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 5);
    struct ofputil_packet_in pin;
    size_t total_len;
    uint32_t buffer_id;
    enum ofperr error = ofputil_decode_packet_in(oh, true, NULL, NULL, &pin,
                                                 &total_len, &buffer_id,
                                                 NULL);
    if (error) {
        VLOG_WARN_RL(&rl, "bad packet-in: %s", ofperr_to_string(error));
        return;
    }
    if (pin.reason != OFPR_ACTION) {
        return;
    }
    COVERAGE_INC(ovn_pinctrl_packet_in);

    struct ovn_pinctrl_op op;
    char *err = ovn_pinctrl_op_decode(pin.userdata, pin.userdata_len, &op);
    if (err) {
        VLOG_WARN_RL(&rl, "bad packet-in userdata: %s", err);
        free(err);
        return;
    }

    struct dp_packet in;
    dp_packet_use_const(&in, pin.packet, pin.packet_len);
    struct flow flow;
    flow_extract(&in, &flow);

    struct dp_packet out;
    dp_packet_init(&out, 128);
    bool send = true;
    switch (op.opcode) {
    case OVN_PINCTRL_OP_ARP:
        if (flow.dl_type != htons(ETH_TYPE_IP)) {
            send = false;
            break;
        }
        build_arp(&flow, &out);
        buffer_packet(&pin, false);
        break;
    case OVN_PINCTRL_OP_ND_NS:
        if (flow.dl_type != htons(ETH_TYPE_IPV6)) {
            send = false;
            break;
        }
        build_nd_ns(&flow, &out);
        buffer_packet(&pin, true);
        break;
    case OVN_PINCTRL_OP_ICMP4:
    case OVN_PINCTRL_OP_ICMP4_ERROR:
        if (flow.dl_type != htons(ETH_TYPE_IP)) {
            send = false;
            break;
        }
        build_icmp4(&flow, &in, &out);
        break;
    case OVN_PINCTRL_OP_PUT_ARP:
        learn_neighbour(&pin, &flow, false);
        send = false;
        break;
    case OVN_PINCTRL_OP_PUT_ND:
        learn_neighbour(&pin, &flow, true);
        send = false;
        break;
    case OVN_PINCTRL_OP_ND_NA:
    case OVN_PINCTRL_OP_ND_NA_ROUTER:
        if (flow.dl_type != htons(ETH_TYPE_IPV6)
            || flow.nw_proto != IPPROTO_ICMPV6
            || flow.tp_src != htons(ND_NEIGHBOR_SOLICIT)) {
            send = false;
            break;
        }
        build_nd_na(&flow, op.opcode == OVN_PINCTRL_OP_ND_NA_ROUTER, &out);
        break;
    case OVN_PINCTRL_OP_ICMP6:
    case OVN_PINCTRL_OP_ICMP6_ERROR:
        if (flow.dl_type != htons(ETH_TYPE_IPV6)) {
            send = false;
            break;
        }
        build_icmp6(&flow, &in, &out);
        break;
    case OVN_PINCTRL_OP_TCP_RESET:
        if (flow.nw_proto != IPPROTO_TCP
            || (flow.dl_type != htons(ETH_TYPE_IP)
                && flow.dl_type != htons(ETH_TYPE_IPV6))) {
            send = false;
            break;
        }
        build_tcp_reset(&flow, &in, &out);
        send = dp_packet_size(&out) > 0;
        break;
    case OVN_PINCTRL_OP_SCTP_ABORT:
    case OVN_PINCTRL_OP_REJECT:
    case OVN_PINCTRL_OP_PUT_FDB:
    case OVN_PINCTRL_OP_PUT_DHCP_OPTS:
    case OVN_PINCTRL_OP_PUT_DHCPV6_OPTS:
    case OVN_PINCTRL_OP_DNS_LOOKUP:
    case OVN_PINCTRL_OP_PUT_ND_RA_OPTS:
    case OVN_PINCTRL_OP_ICMP4_FRAG_MTU:
    case OVN_PINCTRL_OP_ICMP6_FRAG_MTU:
    case OVN_PINCTRL_OP_LOG:
    case OVN_PINCTRL_OP_TRIGGER_EVENT:
    case OVN_PINCTRL_OP_HANDLE_SVC_CHECK:
    case OVN_PINCTRL_OP_BIND_VPORT:
    case OVN_PINCTRL_OP_HANDLE_DHCPV6_REPLY:
    case OVN_PINCTRL_OP_IGMP:
    default:
        COVERAGE_INC(ovn_pinctrl_unsupported);
        VLOG_DBG_RL(&rl, "packet-in for %s: not supported",
                    ovn_pinctrl_opcode_name(op.opcode));
        send = false;
        break;
    }

    if (send) {
        struct ofpbuf ofpacts;
        ofpbuf_init(&ofpacts, 64);
        err = ovn_pinctrl_op_nested(&op, &ofpacts);
        if (err) {
            VLOG_WARN_RL(&rl, "bad nested actions in %s: %s",
                         ovn_pinctrl_opcode_name(op.opcode), err);
            free(err);
        } else {
            packet_out(&pin, &out, &ofpacts);
        }
        ofpbuf_uninit(&ofpacts);
    }
    dp_packet_uninit(&out);
}

/* Returns the Port_Binding with tunnel keys 'dp_key'/'port_key'. */
static const struct sbrec_port_binding *
find_pb(struct ovsdb_idl *sb, uint32_t dp_key, uint32_t port_key)
{
    const struct sbrec_port_binding *pb;
    SBREC_PORT_BINDING_FOR_EACH (pb, sb) {
        if (pb->tunnel_key == port_key && pb->datapath
            && pb->datapath->tunnel_key == dp_key) {
            return pb;
        }
    }
    return NULL;
}

/* Writes the pending neighbours to MAC_Binding. */
static void
flush_neighbours(struct ovsdb_idl *sb, struct ovsdb_idl_txn *sb_txn)
{
    struct pinctrl_neighbour *n;
    HMAP_FOR_EACH_POP (n, node, &pending) {
        const struct sbrec_port_binding *pb = find_pb(sb, n->dp_key,
                                                      n->port_key);
        if (!pb) {
            VLOG_DBG("no port %"PRIu32" on datapath %"PRIu32" for %s",
                     n->port_key, n->dp_key, n->ip);
            free(n);
            continue;
        }
        char mac[ETH_ADDR_STRLEN + 1];
        snprintf(mac, sizeof mac, ETH_ADDR_FMT, ETH_ADDR_ARGS(n->mac));

        const struct sbrec_mac_binding *mb, *found = NULL;
        SBREC_MAC_BINDING_FOR_EACH (mb, sb) {
            if (!strcmp(mb->logical_port, pb->logical_port)
                && !strcmp(mb->ip, n->ip)) {
                found = mb;
                break;
            }
        }
        if (!found) {
            found = sbrec_mac_binding_insert(sb_txn);
            sbrec_mac_binding_set_logical_port(found, pb->logical_port);
            sbrec_mac_binding_set_ip(found, n->ip);
            sbrec_mac_binding_set_datapath(found, pb->datapath);
        }
        if (strcmp(found->mac, mac)) {
            sbrec_mac_binding_set_mac(found, mac);
            sbrec_mac_binding_set_timestamp(found, time_wall_msec());
        }
        free(n);
    }
}

void
pinctrl_run(const char *br_int_name, struct ovsdb_idl *sb,
            struct ovsdb_idl_txn *sb_txn)
{
    char *target = xasprintf("unix:%s/%s.mgmt", ovs_rundir(), br_int_name);
    if (!swconn_target || strcmp(target, swconn_target)) {
        free(swconn_target);
        swconn_target = target;
        rconn_connect(swconn, target, target);
    } else {
        free(target);
    }
    rconn_run(swconn);

    if (rconn_is_connected(swconn)) {
        if (swconn_seqno != rconn_get_connection_seqno(swconn)) {
            swconn_seqno = rconn_get_connection_seqno(swconn);
            /* A service connection gets packet-ins only with a nonzero
             * miss_send_len; NXT_PACKET_IN2 carries metadata and
             * userdata. */
            enum ofp_version version = rconn_get_version(swconn);
            struct ofputil_switch_config config = {
                .frag = OFPUTIL_FRAG_NORMAL,
                .invalid_ttl_to_controller = -1,
                .miss_send_len = UINT16_MAX,
            };
            pinctrl_send(ofputil_encode_set_config(&config, version));
            pinctrl_send(ofputil_encode_set_packet_in_format(
                             version, OFPUTIL_PACKET_IN_NXT2));
        }
        for (int i = 0; i < 50; i++) {
            struct ofpbuf *msg = rconn_recv(swconn);
            if (!msg) {
                break;
            }
            const struct ofp_header *oh = msg->data;
            enum ofptype type;
            if (!ofptype_decode(&type, oh)) {
                if (type == OFPTYPE_PACKET_IN) {
                    handle_packet_in(oh);
                } else if (type == OFPTYPE_ECHO_REQUEST) {
                    pinctrl_send(ofputil_encode_echo_reply(oh));
                }
            }
            ofpbuf_delete(msg);
        }
    }

    if (sb_txn && !hmap_is_empty(&pending)) {
        flush_neighbours(sb, sb_txn);
    }
    if (!ovs_list_is_empty(&buffered) && rconn_is_connected(swconn)) {
        flush_buffered(sb);
    }
}

void
pinctrl_wait(void)
{
    if (swconn) {
        rconn_run_wait(swconn);
        rconn_recv_wait(swconn);
    }
    if (!ovs_list_is_empty(&buffered)) {
        /* Expiry; new MAC_Bindings wake the main loop by themselves. */
        const struct pinctrl_buffered *b
            = CONTAINER_OF(ovs_list_front(&buffered),
                           struct pinctrl_buffered, node);
        poll_timer_wait_until(b->expire);
    }
}
