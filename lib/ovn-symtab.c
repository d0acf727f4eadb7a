/*
 * The logical field table (see ovn-symtab.h).
 */
#include <config.h>
#include "lib/ovn-symtab.h"

#include <string.h>

#include "openvswitch/shash.h"
#include "openvswitch/util.h"
#include "ovs-thread.h"
#include "util.h"

/* Maximum number of symbols. */
#define MAX_SYMBOLS 256

static struct ovn_symbol symbols[MAX_SYMBOLS];  /* In registration order. */
static const struct ovn_symbol *symbol_ptrs[MAX_SYMBOLS];  /* Same. */
static size_t n_symbols;                        /* Number registered. */
static struct shash symbol_map;                 /* Name -> symbol. */

/* For each canonical field symbol (by index in 'symbols'), the integer
 * fields and subfields stored in it, in registration order. */
static const struct ovn_symbol **aliases[MAX_SYMBOLS];
static size_t n_aliases[MAX_SYMBOLS];

/* Returns a new symbol named 'name' of kind 'kind'. */
static struct ovn_symbol *
new_symbol(const char *name, enum ovn_symbol_kind kind, const char *prereqs)
{
    ovs_assert(n_symbols < MAX_SYMBOLS);
    struct ovn_symbol *s = &symbols[n_symbols];
    symbol_ptrs[n_symbols++] = s;
    memset(s, 0, sizeof *s);
    s->name = name;
    s->kind = kind;
    s->prereqs = prereqs;
    shash_add_assert(&symbol_map, name, s);
    return s;
}

/* Returns the registered symbol 'name', which must exist. */
static struct ovn_symbol *
must_find(const char *name)
{
    struct ovn_symbol *s = shash_find_data(&symbol_map, name);
    ovs_assert(s);
    return s;
}

/* Computes the canonical storage of field symbol 's'. */
static void
set_canon(struct ovn_symbol *s)
{
    enum mf_field_id id = s->field->id;
    const char *canon_name = NULL;
    int ofs = 0;

    if (id >= MFF_REG0 && id < MFF_REG0 + FLOW_N_REGS) {
        int n = id - MFF_REG0;
        canon_name = xasprintf("xxreg%d", n / 4);
        ofs = (3 - n % 4) * 32;
    } else if (id >= MFF_XREG0 && id < MFF_XREG0 + FLOW_N_XREGS) {
        int n = id - MFF_XREG0;
        canon_name = xasprintf("xxreg%d", n / 2);
        ofs = (1 - n % 2) * 64;
    }
    if (canon_name) {
        s->canon = must_find(canon_name);
        s->canon_ofs = ofs;
        free(CONST_CAST(char *, canon_name));
    } else {
        /* Two names for one OVS field (arp.* and rarp.*) share storage. */
        s->canon = s;
        s->canon_ofs = 0;
        for (size_t i = 0; i + 1 < n_symbols; i++) {
            if (symbols[i].kind == OVN_SYM_FIELD
                && symbols[i].field == s->field) {
                s->canon = &symbols[i];
                break;
            }
        }
    }
}

/* Adds a field symbol for OVS field 'id'. */
static struct ovn_symbol *
add_field(const char *name, enum mf_field_id id, const char *prereqs,
          bool must_crossproduct)
{
    struct ovn_symbol *s = new_symbol(name, OVN_SYM_FIELD, prereqs);
    s->field = mf_from_id(id);
    s->width = s->field->n_bits;
    s->ordinal = s->field->maskable == MFM_FULLY;
    s->rw = s->field->writable;
    s->must_crossproduct = must_crossproduct;
    set_canon(s);
    return s;
}

/* Adds a read-only field symbol. */
static void
add_ro_field(const char *name, enum mf_field_id id, const char *prereqs,
             bool must_crossproduct)
{
    add_field(name, id, prereqs, must_crossproduct)->rw = false;
}

/* Adds a string field symbol stored in register 'id'. */
static void
add_string(const char *name, enum mf_field_id id)
{
    struct ovn_symbol *s = add_field(name, id, NULL, false);
    s->is_string = true;
    s->ordinal = false;
    s->rw = true;
}

/* Adds subfield 'name' = 'parent'[lo..hi]. */
static void
add_subfield(const char *name, const char *parent, int lo, int hi,
             const char *prereqs)
{
    const struct ovn_symbol *p = must_find(parent);
    struct ovn_symbol *s = new_symbol(name, OVN_SYM_SUBFIELD, prereqs);
    ovs_assert(p->kind == OVN_SYM_FIELD && p->ordinal);
    ovs_assert(lo <= hi && hi < p->width);
    s->parent = p;
    s->field = p->field;
    s->ofs = p->ofs + lo;
    s->width = hi - lo + 1;
    s->ordinal = true;
    s->rw = p->rw;
    s->canon = p->canon;
    s->canon_ofs = p->canon_ofs + lo;
}

/* Adds predicate 'name' abbreviating 'expansion'. */
static void
add_predicate(const char *name, const char *expansion)
{
    struct ovn_symbol *s = new_symbol(name, OVN_SYM_PREDICATE, NULL);
    s->expansion = expansion;
}

/* Registers every symbol. */
static void
symtab_init(void)
{
    char name[32];

    shash_init(&symbol_map);

    /* Registers: the 128-bit ones first, since narrower ones map onto
     * them. */
    for (int i = 0; i < FLOW_N_XXREGS; i++) {
        snprintf(name, sizeof name, "xxreg%d", i);
        add_field(xstrdup(name), MFF_XXREG0 + i, NULL, false);
    }
    for (int i = 0; i < FLOW_N_XREGS; i++) {
        snprintf(name, sizeof name, "xreg%d", i);
        add_field(xstrdup(name), MFF_XREG0 + i, NULL, false);
    }
    for (int i = 0; i < FLOW_N_REGS; i++) {
        snprintf(name, sizeof name, "reg%d", i);
        add_field(xstrdup(name), MFF_REG0 + i, NULL, false);
    }

    /* Logical ports. */
    add_string("inport", OVN_MFF_LOG_INPORT);
    add_string("outport", OVN_MFF_LOG_OUTPORT);

    /* Logical flags (a second name for their register). */
    add_field("flags", OVN_MFF_LOG_FLAGS, NULL, false);
    add_subfield("flags.loopback", "reg10", OVN_MLF_ALLOW_LOOPBACK_BIT,
                 OVN_MLF_ALLOW_LOOPBACK_BIT, NULL);
    add_subfield("flags.force_snat_for_dnat", "reg10",
                 OVN_MLF_FORCE_SNAT_FOR_DNAT_BIT,
                 OVN_MLF_FORCE_SNAT_FOR_DNAT_BIT, NULL);
    add_subfield("flags.force_snat_for_lb", "reg10",
                 OVN_MLF_FORCE_SNAT_FOR_LB_BIT,
                 OVN_MLF_FORCE_SNAT_FOR_LB_BIT, NULL);
    add_subfield("flags.skip_snat_for_lb", "reg10",
                 OVN_MLF_SKIP_SNAT_FOR_LB_BIT,
                 OVN_MLF_SKIP_SNAT_FOR_LB_BIT, NULL);
    add_subfield("flags.use_snat_zone", "reg10",
                 OVN_MLF_USE_SNAT_ZONE_BIT, OVN_MLF_USE_SNAT_ZONE_BIT, NULL);

    add_field("pkt.mark", MFF_PKT_MARK, NULL, false);

    /* Connection tracking. */
    add_ro_field("ct_state", MFF_CT_STATE, NULL, false);
    add_subfield("ct.trk", "ct_state", 5, 5, NULL);
    add_subfield("ct.new", "ct_state", 0, 0, "ct.trk");
    add_subfield("ct.est", "ct_state", 1, 1, "ct.trk");
    add_subfield("ct.rel", "ct_state", 2, 2, "ct.trk");
    add_subfield("ct.rpl", "ct_state", 3, 3, "ct.trk");
    add_subfield("ct.inv", "ct_state", 4, 4, "ct.trk");
    add_subfield("ct.snat", "ct_state", 6, 6, "ct.trk");
    add_subfield("ct.dnat", "ct_state", 7, 7, "ct.trk");

    add_ro_field("ct_mark", MFF_CT_MARK, NULL, false);
    add_subfield("ct_mark.blocked", "ct_mark", OVN_CT_BLOCKED_BIT,
                 OVN_CT_BLOCKED_BIT, NULL);
    add_subfield("ct_mark.natted", "ct_mark", OVN_CT_NATTED_BIT,
                 OVN_CT_NATTED_BIT, NULL);
    add_subfield("ct_mark.skip_snat", "ct_mark", OVN_CT_LB_SKIP_SNAT_BIT,
                 OVN_CT_LB_SKIP_SNAT_BIT, NULL);
    add_subfield("ct_mark.force_snat", "ct_mark", OVN_CT_LB_FORCE_SNAT_BIT,
                 OVN_CT_LB_FORCE_SNAT_BIT, NULL);
    add_subfield("ct_mark.ecmp_reply_port", "ct_mark", 16, 31, NULL);

    add_ro_field("ct_label", MFF_CT_LABEL, NULL, false);
    add_subfield("ct_label.blocked", "ct_label", OVN_CT_BLOCKED_BIT,
                 OVN_CT_BLOCKED_BIT, NULL);
    add_subfield("ct_label.natted", "ct_label", OVN_CT_NATTED_BIT,
                 OVN_CT_NATTED_BIT, NULL);
    add_subfield("ct_label.skip_snat", "ct_label", OVN_CT_LB_SKIP_SNAT_BIT,
                 OVN_CT_LB_SKIP_SNAT_BIT, NULL);
    add_subfield("ct_label.force_snat", "ct_label",
                 OVN_CT_LB_FORCE_SNAT_BIT, OVN_CT_LB_FORCE_SNAT_BIT, NULL);
    add_subfield("ct_label.ecmp_reply_eth", "ct_label", 32, 79, NULL);
    add_subfield("ct_label.ecmp_reply_port", "ct_label", 80, 95, NULL);
    add_subfield("ct_label.label", "ct_label", 96, 127, NULL);

    /* The original direction's tuple exists only for a valid connection
     * (OVS requires a match on a ct_state bit that implies one, or on
     * -inv). */
    add_ro_field("ct_nw_src", MFF_CT_NW_SRC, "ct.trk && !ct.inv && ip4",
                 false);
    add_ro_field("ct_nw_dst", MFF_CT_NW_DST, "ct.trk && !ct.inv && ip4",
                 false);
    add_ro_field("ct_ip6_src", MFF_CT_IPV6_SRC, "ct.trk && !ct.inv && ip6",
                 false);
    add_ro_field("ct_ip6_dst", MFF_CT_IPV6_DST, "ct.trk && !ct.inv && ip6",
                 false);
    add_ro_field("ct_proto", MFF_CT_NW_PROTO, "ct.trk && !ct.inv && ip",
                 true);
    /* Ports are only meaningful for protocols that have them. */
    add_ro_field("ct_tp_src", MFF_CT_TP_SRC, "ct_proto == {6, 17, 132}",
                 false);
    add_ro_field("ct_tp_dst", MFF_CT_TP_DST, "ct_proto == {6, 17, 132}",
                 false);

    /* Ethernet. */
    add_field("eth.src", MFF_ETH_SRC, NULL, false);
    add_field("eth.dst", MFF_ETH_DST, NULL, false);
    add_ro_field("eth.type", MFF_ETH_TYPE, NULL, true);
    add_predicate("eth.bcast", "eth.dst == ff:ff:ff:ff:ff:ff");
    add_subfield("eth.mcast", "eth.dst", 40, 40, NULL);
    add_predicate("eth.mcastv6", "eth.dst[32..47] == 0x3333");

    /* VLAN. */
    add_ro_field("vlan.tci", MFF_VLAN_TCI, NULL, true);
    add_predicate("vlan.present", "vlan.tci[12]");
    add_subfield("vlan.vid", "vlan.tci", 0, 11, "vlan.present");
    add_subfield("vlan.pcp", "vlan.tci", 13, 15, "vlan.present");

    /* IP. */
    add_predicate("ip4", "eth.type == 0x800");
    add_predicate("ip6", "eth.type == 0x86dd");
    add_predicate("ip", "ip4 || ip6");
    add_ro_field("ip.proto", MFF_IP_PROTO, "ip", true);
    add_field("ip.dscp", MFF_IP_DSCP_SHIFTED, "ip", false);
    add_field("ip.ecn", MFF_IP_ECN, "ip", false);
    add_field("ip.ttl", MFF_IP_TTL, "ip", false);
    add_ro_field("ip.frag", MFF_IP_FRAG, "ip", false);
    add_predicate("ip.is_frag", "ip.frag[0]");
    add_predicate("ip.later_frag", "ip.frag[1]");
    add_predicate("ip.first_frag", "ip.is_frag && !ip.later_frag");

    add_field("ip4.src", MFF_IPV4_SRC, "ip4", false);
    add_field("ip4.dst", MFF_IPV4_DST, "ip4", false);
    add_predicate("ip4.src_mcast", "ip4.src[28..31] == 0xe");
    add_predicate("ip4.mcast", "eth.mcast && ip4.dst[28..31] == 0xe");

    add_field("ip6.src", MFF_IPV6_SRC, "ip6", false);
    add_field("ip6.dst", MFF_IPV6_DST, "ip6", false);
    add_field("ip6.label", MFF_IPV6_LABEL, "ip6", false);
    add_predicate("ip6.mcast_rsvd",
                  "ip6.dst[116..127] == 0xff0 && ip6.dst[0..111] == 0x0");
    add_predicate("ip6.mcast_all_nodes",
                  "ip6.dst == ff01::1 || ip6.dst == ff02::1");
    add_predicate("ip6.mcast_all_rtrs",
                  "ip6.dst == ff01::2 || ip6.dst == ff02::2 || "
                  "ip6.dst == ff05::2");
    add_predicate("ip6.mcast_sol_node", "ip6.dst == ff02::1:ff00:0000/104");
    add_predicate("ip6.mcast_flood",
                  "eth.mcastv6 && (ip6.mcast_rsvd || ip6.mcast_all_nodes "
                  "|| ip6.mcast_all_rtrs || ip6.mcast_sol_node)");
    add_predicate("ip6.mcast", "eth.mcastv6 && ip6.dst[120..127] == 0xff");

    /* ICMP. */
    add_predicate("icmp4", "ip4 && ip.proto == 1");
    add_field("icmp4.type", MFF_ICMPV4_TYPE, "icmp4", true);
    add_field("icmp4.code", MFF_ICMPV4_CODE, "icmp4", true);
    add_predicate("icmp6", "ip6 && ip.proto == 58");
    add_field("icmp6.type", MFF_ICMPV6_TYPE, "icmp6", true);
    add_field("icmp6.code", MFF_ICMPV6_CODE, "icmp6", true);
    add_predicate("icmp", "icmp4 || icmp6");
    add_predicate("igmp", "ip4 && ip.proto == 2");
    add_predicate("mldv1", "ip6.src == fe80::/10 && "
                  "icmp6.type == {130, 131, 132}");
    add_predicate("mldv2", "ip6.dst == ff02::16 && icmp6.type == 143");

    /* ARP and RARP (same OVS fields). */
    add_predicate("arp", "eth.type == 0x806");
    add_field("arp.op", MFF_ARP_OP, "arp", false);
    add_field("arp.spa", MFF_ARP_SPA, "arp", false);
    add_field("arp.tpa", MFF_ARP_TPA, "arp", false);
    add_field("arp.sha", MFF_ARP_SHA, "arp", false);
    add_field("arp.tha", MFF_ARP_THA, "arp", false);
    add_predicate("rarp", "eth.type == 0x8035");
    add_field("rarp.op", MFF_ARP_OP, "rarp", false);
    add_field("rarp.spa", MFF_ARP_SPA, "rarp", false);
    add_field("rarp.tpa", MFF_ARP_TPA, "rarp", false);
    add_field("rarp.sha", MFF_ARP_SHA, "rarp", false);
    add_field("rarp.tha", MFF_ARP_THA, "rarp", false);

    /* Neighbor discovery. */
    add_predicate("nd", "icmp6.type == {135, 136} && icmp6.code == 0 && "
                  "ip.ttl == 255");
    add_predicate("nd_ns", "icmp6.type == 135 && icmp6.code == 0 && "
                  "ip.ttl == 255");
    add_predicate("nd_na", "icmp6.type == 136 && icmp6.code == 0 && "
                  "ip.ttl == 255");
    add_predicate("nd_rs", "icmp6.type == 133 && icmp6.code == 0 && "
                  "ip.ttl == 255");
    add_predicate("nd_ra", "icmp6.type == 134 && icmp6.code == 0 && "
                  "ip.ttl == 255");
    add_field("nd.target", MFF_ND_TARGET, "nd", false);
    add_field("nd.sll", MFF_ND_SLL, "nd_ns", false);
    add_field("nd.tll", MFF_ND_TLL, "nd_na", false);

    /* Transport. */
    add_predicate("tcp", "ip.proto == 6");
    add_field("tcp.src", MFF_TCP_SRC, "tcp", false);
    add_field("tcp.dst", MFF_TCP_DST, "tcp", false);
    add_field("tcp.flags", MFF_TCP_FLAGS, "tcp", false);
    add_predicate("udp", "ip.proto == 17");
    add_field("udp.src", MFF_UDP_SRC, "udp", false);
    add_field("udp.dst", MFF_UDP_DST, "udp", false);
    add_predicate("sctp", "ip.proto == 132");
    add_field("sctp.src", MFF_SCTP_SRC, "sctp", false);
    add_field("sctp.dst", MFF_SCTP_DST, "sctp", false);
}

/* Makes sure the table is built. */
static void
symtab_once(void)
{
    static struct ovsthread_once once = OVSTHREAD_ONCE_INITIALIZER;
    if (ovsthread_once_start(&once)) {
        symtab_init();
        for (size_t i = 0; i < n_symbols; i++) {
            const struct ovn_symbol *s = &symbols[i];
            if (s->kind != OVN_SYM_PREDICATE && !s->is_string) {
                size_t c = s->canon - symbols;
                aliases[c] = xrealloc(aliases[c],
                                      (n_aliases[c] + 1) * sizeof *aliases[c]);
                aliases[c][n_aliases[c]++] = s;
            }
        }
        ovsthread_once_done(&once);
    }
}

/* Returns the symbol named 'name', or NULL. */
const struct ovn_symbol *
ovn_symtab_lookup(const char *name)
{
    symtab_once();
    return shash_find_data(&symbol_map, name);
}

/* Returns the symbol named by the 'n' bytes at 'name', or NULL. */
const struct ovn_symbol *
ovn_symtab_lookup_len(const char *name, size_t n)
{
    symtab_once();
    struct shash_node *node = shash_find_len(&symbol_map, name, n);
    return node ? node->data : NULL;
}

/* Returns every symbol, in registration order; '*n' receives the count. */
const struct ovn_symbol **
ovn_symtab_all(size_t *n)
{
    symtab_once();
    *n = n_symbols;
    return symbol_ptrs;
}

/* Returns the narrowest integer field or subfield symbol stored in
 * canonical field 'canon' that covers bits 'lo' through 'hi' of it (used to
 * print expressions with the names people write).  Among equally narrow
 * symbols the first registered wins.  Returns 'canon' if no other fits. */
const struct ovn_symbol *
ovn_symtab_best_name(const struct ovn_symbol *canon, int lo, int hi)
{
    const struct ovn_symbol *best = canon;

    symtab_once();
    size_t idx = canon - symbols;
    if (idx >= n_symbols) {
        return canon;
    }
    for (size_t i = 0; i < n_aliases[idx]; i++) {
        const struct ovn_symbol *s = aliases[idx][i];
        if (s->canon_ofs <= lo && hi < s->canon_ofs + s->width
            && s->width < best->width) {
            best = s;
        }
    }
    return best;
}

/* Stores into 'sf' the OVS subfield that holds field or subfield 'sym'
 * (reg0 -> NXM_NX_REG0[0..31], flags.loopback -> NXM_NX_REG10[0]). */
void
ovn_symbol_to_subfield(const struct ovn_symbol *sym, struct mf_subfield *sf)
{
    sf->field = sym->field;
    sf->ofs = sym->ofs;
    sf->n_bits = sym->width;
}
