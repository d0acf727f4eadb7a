/*
 * Logical-flow actions: encoding into OpenFlow actions (struct ofpact), for
 * every action that does not involve ovn-controller's packet-in handler.
 * Controller-bound actions are in ovn-actions-pinctrl.c.
 */
#include <config.h>
#include "lib/ovn-actions.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include "lib/ovn-actions-private.h"
#include "lib/ovn-lex.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/meta-flow.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "nx-match.h"
#include "packets.h"
#include "util.h"

/* Returns the subfield for the whole of field 'id'. */
static struct mf_subfield
whole_field(enum mf_field_id id)
{
    const struct mf_field *mf = mf_from_id(id);
    struct mf_subfield sf = { .field = mf, .ofs = 0, .n_bits = mf->n_bits };
    return sf;
}

/* Returns the subfield bits [ofs, ofs + n_bits) of field 'id'. */
static struct mf_subfield
sub_field(enum mf_field_id id, int ofs, int n_bits)
{
    struct mf_subfield sf = { .field = mf_from_id(id), .ofs = ofs,
                              .n_bits = n_bits };
    return sf;
}

/* Appends "resubmit(,table)". */
static void
put_resubmit(struct ofpbuf *ofpacts, uint8_t table)
{
    struct ofpact_resubmit *rs = ofpact_put_RESUBMIT(ofpacts);
    rs->in_port = OFPP_IN_PORT;
    rs->table_id = table;
}

/* Appends "move:src->dst". */
static void
put_move(struct ofpbuf *ofpacts, const struct mf_subfield *src,
         const struct mf_subfield *dst)
{
    struct ofpact_reg_move *move = ofpact_put_REG_MOVE(ofpacts);
    move->src = *src;
    move->dst = *dst;
}

/* Appends "push:sf" or "pop:sf". */
static void
put_stack(struct ofpbuf *ofpacts, const struct mf_subfield *sf, bool push)
{
    struct ofpact_stack *stack = (push ? ofpact_put_STACK_PUSH(ofpacts)
                                       : ofpact_put_STACK_POP(ofpacts));
    stack->subfield = *sf;
}

/* Appends an action that stores 'value' (right-aligned, host order) into
 * subfield 'sf', only the bits set in 'mask' (relative to 'sf', or NULL for
 * all). */
static void
put_load(struct ofpbuf *ofpacts, const struct mf_subfield *sf,
         ovs_u128 value, const ovs_u128 *mask)
{
    const struct mf_field *mf = sf->field;
    ovs_u128 m = ovn_u128_low_mask(sf->n_bits);
    bool whole = sf->ofs == 0 && sf->n_bits == mf->n_bits;

    if (mask) {
        whole = whole && ovn_u128_eq(ovn_u128_and(*mask, m), m);
        m = ovn_u128_and(m, *mask);
    }
    value = ovn_u128_shl(ovn_u128_and(value, m), sf->ofs);
    m = ovn_u128_shl(m, sf->ofs);

    /* Both 'value' and 'm' now fit in the field, at most 128 bits wide.
     * Store them big-endian in the field's byte width. */
    union mf_value v, vm;
    ovs_be128 bv = hton128(value), bm = hton128(m);
    int n = mf->n_bytes;

    ovs_assert(n <= 16);
    memset(&v, 0, sizeof v);
    memset(&vm, 0, sizeof vm);
    memcpy(&v, (uint8_t *) &bv + 16 - n, n);
    memcpy(&vm, (uint8_t *) &bm + 16 - n, n);
    if (whole) {
        ofpact_put_set_field(ofpacts, mf, &v, NULL);
    } else if (mf->n_bits <= 64) {
        ofpact_put_reg_load(ofpacts, mf, &v, &vm);
    } else {
        ofpact_put_set_field(ofpacts, mf, &v, &vm);
    }
}

/* Appends "load:0x<v>->flags[bit]" (reg10 bit 'bit'). */
static void
put_flag(struct ofpbuf *ofpacts, int bit, bool value)
{
    struct mf_subfield sf = sub_field(OVN_MFF_LOG_FLAGS, bit, 1);
    put_load(ofpacts, &sf, ovn_u128_from_u64(value), NULL);
}

/* Returns the OpenFlow table for logical stage 'stage' of a pipeline. */
static uint8_t
pipeline_table(bool ingress, int stage)
{
    return (ingress ? OVN_OFTABLE_LOG_INGRESS_PIPELINE
                    : OVN_OFTABLE_LOG_EGRESS_PIPELINE) + stage;
}

/* Returns the OpenFlow table of the stage after the flow's, or an error. */
static char *
next_table(const struct ovn_action_env *env, uint8_t *table)
{
    int max = env->ingress ? OVN_LOG_INGRESS_STAGES : OVN_LOG_EGRESS_STAGES;
    if (env->stage + 1 >= max) {
        return xasprintf("no logical table follows %s stage %d",
                         env->ingress ? "ingress" : "egress", env->stage);
    }
    *table = pipeline_table(env->ingress, env->stage + 1);
    return NULL;
}

/* Argument marshalling. -------------------------------------------------- */

/* Registers to load arguments into, with save/restore. */
struct arg_regs {
    struct mf_subfield saved[4]; /* Registers pushed, in push order. */
    size_t n_saved;              /* Number of 'saved'. */
};

/* Copies 'src' into 'dst', saving 'dst' first, unless they are the same. */
static void
load_arg(struct ofpbuf *ofpacts, struct arg_regs *regs,
         const struct mf_subfield *src, const struct mf_subfield *dst)
{
    if (ovnact_sf_equal(src, dst)) {
        return;
    }
    ovs_assert(regs->n_saved < ARRAY_SIZE(regs->saved));
    regs->saved[regs->n_saved++] = *dst;
    put_stack(ofpacts, dst, true);
    put_move(ofpacts, src, dst);
}

/* Saves 'sf' without loading anything into it. */
static void
save_reg(struct ofpbuf *ofpacts, struct arg_regs *regs,
         const struct mf_subfield *sf)
{
    ovs_assert(regs->n_saved < ARRAY_SIZE(regs->saved));
    regs->saved[regs->n_saved++] = *sf;
    put_stack(ofpacts, sf, true);
}

/* Restores the registers saved in 'regs'. */
static void
restore_args(struct ofpbuf *ofpacts, struct arg_regs *regs)
{
    while (regs->n_saved > 0) {
        put_stack(ofpacts, &regs->saved[--regs->n_saved], false);
    }
}

/* Lookups. --------------------------------------------------------------- */

/* get_arp(P, A) and get_nd(P, A). */
static void
encode_get_neigh(const struct ovn_action *act, struct ofpbuf *ofpacts,
                 bool v6)
{
    struct arg_regs regs = { .n_saved = 0 };
    struct mf_subfield port = whole_field(OVN_MFF_LOG_OUTPORT);
    struct mf_subfield ip = whole_field(v6 ? MFF_XXREG0 : MFF_REG0);
    struct mf_subfield eth_dst = whole_field(MFF_ETH_DST);

    load_arg(ofpacts, &regs, &act->args[0].sf, &port);
    load_arg(ofpacts, &regs, &act->args[1].sf, &ip);
    put_load(ofpacts, &eth_dst, ovn_u128_from_u64(0), NULL);
    put_resubmit(ofpacts, OVN_OFTABLE_MAC_BINDING);
    restore_args(ofpacts, &regs);
}

/* lookup_arp, lookup_nd (with MAC) and lookup_arp_ip, lookup_nd_ip. */
static void
encode_lookup_neigh(const struct ovn_action *act, struct ofpbuf *ofpacts,
                    bool v6, bool with_mac)
{
    struct arg_regs regs = { .n_saved = 0 };
    struct mf_subfield ip = whole_field(v6 ? MFF_XXREG0 : MFF_REG0);

    if (with_mac) {
        struct mf_subfield port = whole_field(OVN_MFF_LOG_INPORT);
        struct mf_subfield eth_src = whole_field(MFF_ETH_SRC);
        load_arg(ofpacts, &regs, &act->args[0].sf, &port);
        load_arg(ofpacts, &regs, &act->args[1].sf, &ip);
        load_arg(ofpacts, &regs, &act->args[2].sf, &eth_src);
    } else {
        struct mf_subfield port = whole_field(OVN_MFF_LOG_OUTPORT);
        struct mf_subfield eth_dst = whole_field(MFF_ETH_DST);
        save_reg(ofpacts, &regs, &eth_dst);
        load_arg(ofpacts, &regs, &act->args[0].sf, &port);
        load_arg(ofpacts, &regs, &act->args[1].sf, &ip);
    }
    put_flag(ofpacts, OVN_MLF_LOOKUP_MAC_BIT, 0);
    put_resubmit(ofpacts, with_mac ? OVN_OFTABLE_MAC_LOOKUP
                                   : OVN_OFTABLE_MAC_BINDING);
    restore_args(ofpacts, &regs);
    struct mf_subfield flag = sub_field(OVN_MFF_LOG_FLAGS,
                                        OVN_MLF_LOOKUP_MAC_BIT, 1);
    put_move(ofpacts, &flag, &act->dst.sf);
}

/* P = get_fdb(A). */
static void
encode_get_fdb(const struct ovn_action *act, struct ofpbuf *ofpacts)
{
    struct mf_subfield outport = whole_field(OVN_MFF_LOG_OUTPORT);
    struct mf_subfield eth_dst = whole_field(MFF_ETH_DST);
    bool direct = ovnact_sf_equal(&act->dst.sf, &outport);
    struct arg_regs port_regs = { .n_saved = 0 };
    struct arg_regs mac_regs = { .n_saved = 0 };

    if (!direct) {
        save_reg(ofpacts, &port_regs, &outport);
    }
    /* The result is 0 (no port) unless the table finds the MAC. */
    put_load(ofpacts, &outport, ovn_u128_from_u64(0), NULL);
    load_arg(ofpacts, &mac_regs, &act->args[0].sf, &eth_dst);
    put_resubmit(ofpacts, OVN_OFTABLE_GET_FDB);
    restore_args(ofpacts, &mac_regs);
    if (!direct) {
        put_move(ofpacts, &outport, &act->dst.sf);
        restore_args(ofpacts, &port_regs);
    }
}

/* R = lookup_fdb(P, A). */
static void
encode_lookup_fdb(const struct ovn_action *act, struct ofpbuf *ofpacts)
{
    struct arg_regs regs = { .n_saved = 0 };
    struct mf_subfield port = whole_field(OVN_MFF_LOG_INPORT);
    struct mf_subfield eth_src = whole_field(MFF_ETH_SRC);

    load_arg(ofpacts, &regs, &act->args[0].sf, &port);
    load_arg(ofpacts, &regs, &act->args[1].sf, &eth_src);
    put_flag(ofpacts, OVN_MLF_LOOKUP_FDB_BIT, 0);
    put_resubmit(ofpacts, OVN_OFTABLE_LOOKUP_FDB);
    restore_args(ofpacts, &regs);
    struct mf_subfield flag = sub_field(OVN_MFF_LOG_FLAGS,
                                        OVN_MLF_LOOKUP_FDB_BIT, 1);
    put_move(ofpacts, &flag, &act->dst.sf);
}

/* R = <lookup in 'table' that sets flag 'bit'>(). */
static void
encode_flag_lookup(const struct ovn_action *act, struct ofpbuf *ofpacts,
                   uint8_t table, int bit)
{
    put_flag(ofpacts, bit, 0);
    put_resubmit(ofpacts, table);
    struct mf_subfield flag = sub_field(OVN_MFF_LOG_FLAGS, bit, 1);
    put_move(ofpacts, &flag, &act->dst.sf);
}

/* Connection tracking. --------------------------------------------------- */

/* Returns the zone register for ct_next, ct_commit, ct_commit_nat and ct_lb:
 * the logical switch's zone, or the logical router's DNAT zone. */
static enum mf_field_id
ct_zone(const struct ovn_action_env *env)
{
    return env->is_switch ? OVN_MFF_LOG_CT_ZONE : OVN_MFF_LOG_DNAT_ZONE;
}

/* Starts a ct action; returns its offset in 'ofpacts'. */
static size_t
put_ct(struct ofpbuf *ofpacts, enum mf_field_id zone, bool commit,
       int recirc_table)
{
    size_t ofs = ofpacts->size;
    struct ofpact_conntrack *ct = ofpact_put_CT(ofpacts);

    ct->flags = commit ? NX_CT_F_COMMIT : 0;
    ct->recirc_table = recirc_table < 0 ? NX_CT_RECIRC_NONE : recirc_table;
    ct->zone_src = sub_field(zone, 0, 16);
    ct->zone_imm = 0;
    ct->alg = 0;
    return ofs;
}

/* Finishes the ct action started at 'ofs'. */
static void
finish_ct(struct ofpbuf *ofpacts, size_t ofs)
{
    struct ofpact_conntrack *ct = ofpbuf_at_assert(ofpacts, ofs, sizeof *ct);
    ofpacts->header = ct;
    ofpact_finish_CT(ofpacts, &ct);
}

/* Appends a nat action (inside a ct action). */
static void
put_nat(struct ofpbuf *ofpacts, const struct ovnact_addr *addr, bool snat)
{
    struct ofpact_nat *nat = ofpact_put_NAT(ofpacts);

    nat->flags = 0;
    nat->range_af = AF_UNSPEC;
    if (addr) {
        nat->flags = snat ? NX_NAT_F_SRC : NX_NAT_F_DST;
        if (addr->family == AF_INET) {
            nat->range_af = AF_INET;
            nat->range.addr.ipv4.min = in6_addr_get_mapped_ipv4(&addr->ip);
        } else {
            nat->range_af = AF_INET6;
            nat->range.addr.ipv6.min = addr->ip;
        }
        if (addr->port) {
            nat->range.proto.min = addr->port;
            if (addr->port_max) {
                nat->range.proto.max = addr->port_max;
            }
        }
    }
}

/* ct_dnat, ct_snat and the _in_czone variants. */
static char *
encode_ct_nat(const struct ovn_action *act, const struct ovn_action_env *env,
              struct ofpbuf *ofpacts)
{
    bool snat = (act->type == OVNACT_CT_SNAT
                 || act->type == OVNACT_CT_SNAT_IN_CZONE);
    bool czone = (act->type == OVNACT_CT_DNAT_IN_CZONE
                  || act->type == OVNACT_CT_SNAT_IN_CZONE);
    /* The DNAT and SNAT zones, even on switches (as Debian's 23.03 does);
     * the "common" zone of the _in_czone variants is the DNAT zone. */
    enum mf_field_id zone = (czone || !snat ? OVN_MFF_LOG_DNAT_ZONE
                             : OVN_MFF_LOG_SNAT_ZONE);
    uint8_t table = 0;
    char *error = next_table(env, &table);
    if (error) {
        return error;
    }
    size_t ofs = put_ct(ofpacts, zone, act->n_addrs > 0, table);
    put_nat(ofpacts, act->n_addrs ? &act->addrs[0] : NULL, snat);
    finish_ct(ofpacts, ofs);
    return NULL;
}

/* Looks up logical field 'name' for ct_lb's flags, with a fallback. */
static struct mf_subfield
ct_flag_field(const char *name, enum mf_field_id id, int bit)
{
    struct ovnact_field_info info;
    if (ovnact_lookup_field(name, &info) && info.sf.n_bits == 1) {
        return info.sf;
    }
    return sub_field(id, bit, 1);
}

/* Allocates an OpenFlow group for 'spec' (ovs-ofctl group syntax, without
 * group_id) through 'env' and appends an action that sends the packet to
 * it.  Destroys 'spec'.  Returns NULL or a malloc'd error. */
static char *
put_group(const struct ovn_action_env *env, struct ds *spec,
          struct ofpbuf *ofpacts)
{
    uint32_t group_id = env->group_id(env->id_aux, ds_cstr(spec));
    ds_destroy(spec);
    if (!group_id) {
        return xstrdup("could not allocate an OpenFlow group");
    }
    ofpact_put_GROUP(ofpacts)->group_id = group_id;
    return NULL;
}

/* ct_lb and ct_lb_mark. */
static char *
encode_ct_lb(const struct ovn_action *act, const struct ovn_action_env *env,
             struct ofpbuf *ofpacts)
{
    bool mark = act->type == OVNACT_CT_LB_MARK;
    enum mf_field_id zone = ct_zone(env);
    uint8_t table = 0;
    char *error = next_table(env, &table);
    if (error) {
        return error;
    }

    if (!act->n_addrs) {
        size_t ofs = put_ct(ofpacts, zone, false, table);
        put_nat(ofpacts, NULL, false);
        finish_ct(ofpacts, ofs);
        return NULL;
    }
    if (!env->group_id) {
        return xasprintf("%s with backends needs OpenFlow groups, which "
                         "the caller does not provide",
                         mark ? "ct_lb_mark" : "ct_lb");
    }

    /* The bits set in the connection's mark or label on commit. */
    const char *pfx = mark ? "ct_mark" : "ct_label";
    enum mf_field_id fid = mark ? MFF_CT_MARK : MFF_CT_LABEL;
    char name[32];
    snprintf(name, sizeof name, "%s.natted", pfx);
    struct mf_subfield natted = ct_flag_field(name, fid, 1);
    ovs_u128 bits = ovn_u128_bit(natted.ofs);
    if (act->ct_flag) {
        snprintf(name, sizeof name, "%s.%s", pfx,
                 act->ct_flag == 1 ? "skip_snat" : "force_snat");
        struct mf_subfield f = ct_flag_field(name, fid,
                                             act->ct_flag == 1 ? 2 : 3);
        bits = ovn_u128_or(bits, ovn_u128_bit(f.ofs));
    }

    struct ds spec = DS_EMPTY_INITIALIZER;
    ds_put_cstr(&spec, "type=select,selection_method=");
    if (act->hash_fields) {
        ds_put_format(&spec, "hash,fields(%s)", act->hash_fields);
    } else {
        ds_put_cstr(&spec, "dp_hash");
    }
    for (size_t i = 0; i < act->n_addrs; i++) {
        const struct ovnact_addr *a = &act->addrs[i];
        char ip[INET6_ADDRSTRLEN];

        ds_put_format(&spec, ",bucket=bucket_id=%"PRIuSIZE",weight:100,"
                      "actions=ct(nat(dst=", i);
        if (a->family == AF_INET) {
            ovs_be32 ip4 = in6_addr_get_mapped_ipv4(&a->ip);
            ds_put_format(&spec, IP_FMT, IP_ARGS(ip4));
        } else {
            inet_ntop(AF_INET6, &a->ip, ip, sizeof ip);
            ds_put_format(&spec, a->port ? "[%s]" : "%s", ip);
        }
        if (a->port) {
            ds_put_format(&spec, ":%"PRIu16, a->port);
        }
        struct mf_subfield zsf = sub_field(zone, 0, 16);
        ds_put_format(&spec, "),commit,table=%d,zone=", table);
        mf_format_subfield(&zsf, &spec);
        ds_put_cstr(&spec, ",exec(set_field:");
        ovs_be128 b = hton128(bits);
        if (mark) {
            ds_put_format(&spec, "%#"PRIx32"/%#"PRIx32"->ct_mark))",
                          (uint32_t) bits.u64.lo, (uint32_t) bits.u64.lo);
        } else {
            ds_put_hex(&spec, &b, sizeof b);
            ds_put_char(&spec, '/');
            ds_put_hex(&spec, &b, sizeof b);
            ds_put_cstr(&spec, "->ct_label))");
        }
    }

    return put_group(env, &spec, ofpacts);
}

/* Nested and grouped actions. -------------------------------------------- */

/* clone { ... }. */
static char *
encode_clone(const struct ovn_action *act, const struct ovn_action_env *env,
             struct ofpbuf *ofpacts)
{
    size_t ofs = ofpacts->size;
    ofpact_put_CLONE(ofpacts);
    char *error = ovnact_encode_list(act->nested, env, ofpacts);
    if (error) {
        return error;
    }
    struct ofpact_nest *clone = ofpbuf_at_assert(ofpacts, ofs,
                                                 sizeof *clone);
    ofpacts->header = clone;
    ofpact_finish_CLONE(ofpacts, &clone);
    return NULL;
}

/* ct_commit { ... }: commits in the switch's zone or the router's DNAT
 * zone, with "nat(src)" so that conntrack resolves tuple collisions. */
static char *
encode_ct_commit(const struct ovn_action *act,
                 const struct ovn_action_env *env, struct ofpbuf *ofpacts)
{
    size_t ofs = put_ct(ofpacts, ct_zone(env), true, -1);
    struct ofpact_nat *nat = ofpact_put_NAT(ofpacts);
    nat->flags = NX_NAT_F_SRC;
    nat->range_af = AF_UNSPEC;
    if (act->nested) {
        char *error = ovnact_encode_list(act->nested, env, ofpacts);
        if (error) {
            return error;
        }
    }
    finish_ct(ofpacts, ofs);
    return NULL;
}

/* R = select(v1=w1, ...). */
static char *
encode_select(const struct ovn_action *act, const struct ovn_action_env *env,
              struct ofpbuf *ofpacts)
{
    uint8_t table = 0;
    char *error = next_table(env, &table);
    if (error) {
        return error;
    }
    if (!env->group_id) {
        return xstrdup("select needs OpenFlow groups, which the caller does "
                       "not provide");
    }

    struct ds spec = DS_EMPTY_INITIALIZER;
    ds_put_cstr(&spec, "type=select,selection_method=dp_hash");
    for (size_t i = 0; i + 1 < act->n_ints; i += 2) {
        ds_put_format(&spec, ",bucket=bucket_id=%"PRIuSIZE",weight:%"PRIu32
                      ",actions=load:%"PRIu32"->", i / 2, act->ints[i + 1],
                      act->ints[i]);
        mf_format_subfield(&act->dst.sf, &spec);
        ds_put_format(&spec, ",resubmit(,%d)", table);
    }
    return put_group(env, &spec, ofpacts);
}

/* fwd_group(liveness=..., childports=...). */
static char *
encode_fwd_group(const struct ovn_action *act,
                 const struct ovn_action_env *env, struct ofpbuf *ofpacts)
{
    const struct ovnact_opt *ports = ovnact_find_opt(act, "childports");
    const struct ovnact_opt *liveness = ovnact_find_opt(act, "liveness");
    bool live = liveness && liveness->code;
    if (!env->group_id) {
        return xstrdup("fwd_group needs OpenFlow groups, which the caller "
                       "does not provide");
    }

    struct ds spec = DS_EMPTY_INITIALIZER;
    ds_put_cstr(&spec, "type=select,selection_method=dp_hash");
    size_t n_buckets = 0;
    /* 'data' holds the NUL-separated port names. */
    for (size_t i = 0; ports && i < ports->size;
         i += strlen((const char *) ports->data + i) + 1) {
        const char *port = (const char *) ports->data + i;
        uint32_t key;
        if (!env->lookup_port || !env->lookup_port(env->aux, port, &key)) {
            continue;
        }
        ds_put_format(&spec, ",bucket=bucket_id=%"PRIuSIZE",weight:100,",
                      n_buckets++);
        uint32_t watch = (live && env->port_liveness
                          ? env->port_liveness(env->aux, port) : 0);
        if (watch) {
            ds_put_format(&spec, "watch_port=%"PRIu32",", watch);
        }
        ds_put_format(&spec, "actions=load:%#"PRIx32"->NXM_NX_REG15[],"
                      "resubmit(,%d)", key,
                      OVN_OFTABLE_OUTPUT_LARGE_PKT_DETECT);
    }
    if (!n_buckets) {
        /* No known child ports: nothing to forward to. */
        ds_destroy(&spec);
        return NULL;
    }
    return put_group(env, &spec, ofpacts);
}

/* Learned flows. --------------------------------------------------------- */

/* Parses ovs-ofctl action text 'text' and appends it to 'ofpacts'. */
static char *
put_parsed_actions(struct ofpbuf *ofpacts, const char *text)
{
    enum ofputil_protocol usable;
    struct ofpact_parse_params pp = {
        .port_map = NULL,
        .table_map = NULL,
        .ofpacts = ofpacts,
        .usable_protocols = &usable,
    };
    char *error = ofpacts_parse_actions(text, &pp);
    if (error) {
        char *msg = xasprintf("internal error encoding \"%s\": %s", text,
                              error);
        free(error);
        return msg;
    }
    return NULL;
}

/* Returns the "ip_proto" number for a protocol name, or -1. */
static int
proto_number(const char *proto)
{
    return (!strcmp(proto, "tcp") ? 6 : !strcmp(proto, "udp") ? 17
            : !strcmp(proto, "sctp") ? 132 : -1);
}

/* commit_lb_aff(vip=, backend=, proto=, timeout=). */
static char *
encode_commit_lb_aff(const struct ovn_action *act,
                     const struct ovn_action_env *env,
                     struct ofpbuf *ofpacts)
{
    const struct ovnact_opt *vip = ovnact_find_opt(act, "vip");
    const struct ovnact_opt *backend = ovnact_find_opt(act, "backend");
    const struct ovnact_opt *proto = ovnact_find_opt(act, "proto");
    const struct ovnact_opt *timeout = ovnact_find_opt(act, "timeout");
    /* 'data' of vip and backend: struct ovnact_addr. */
    const struct ovnact_addr *v = (const struct ovnact_addr *) vip->data;
    const struct ovnact_addr *b = (const struct ovnact_addr *) backend->data;
    bool v6 = v->family == AF_INET6;
    char buf[INET6_ADDRSTRLEN];
    struct ds s = DS_EMPTY_INITIALIZER;
    int ipp = proto ? proto_number(proto->value) : 6;

    ds_put_format(&s, "learn(table=%d,idle_timeout=%s,delete_learned,"
                  "cookie=%#"PRIx32",OXM_OF_METADATA[],eth_type=%#x,",
                  OVN_OFTABLE_CHK_LB_AFFINITY, timeout->value,
                  env->lflow_cookie, v6 ? ETH_TYPE_IPV6 : ETH_TYPE_IP);
    if (v6) {
        inet_ntop(AF_INET6, &v->ip, buf, sizeof buf);
        ds_put_format(&s, "NXM_NX_IPV6_SRC[],ipv6_dst=%s,", buf);
    } else {
        ds_put_format(&s, "NXM_OF_IP_SRC[],ip_dst="IP_FMT",",
                      IP_ARGS(in6_addr_get_mapped_ipv4(&v->ip)));
    }
    ds_put_format(&s, "nw_proto=%d,", ipp);
    if (v->port) {
        const char *tp = ipp == 17 ? "udp" : ipp == 132 ? "sctp" : "tcp";
        ds_put_format(&s, "%s_dst=%"PRIu16",", tp, v->port);
    }
    ds_put_format(&s, "load:0x1->NXM_NX_REG10[%d],",
                  OVN_MLF_USE_LB_AFF_SESSION_BIT);
    if (v6) {
        struct in6_addr ip = b->ip;
        ds_put_cstr(&s, "load:");
        ds_put_hex(&s, &ip, sizeof ip);
        ds_put_cstr(&s, "->NXM_NX_XXREG1[],");
    } else {
        ds_put_format(&s, "load:%#"PRIx32"->NXM_NX_REG4[],",
                      ntohl(in6_addr_get_mapped_ipv4(&b->ip)));
    }
    ds_put_format(&s, "load:%#"PRIx16"->NXM_NX_REG8[0..15])", b->port);

    char *error = put_parsed_actions(ofpacts, ds_cstr(&s));
    ds_destroy(&s);
    return error;
}

/* commit_ecmp_nh(ipv6=, proto=). */
static char *
encode_commit_ecmp_nh(const struct ovn_action *act,
                      const struct ovn_action_env *env,
                      struct ofpbuf *ofpacts)
{
    const struct ovnact_opt *ipv6 = ovnact_find_opt(act, "ipv6");
    const struct ovnact_opt *proto = ovnact_find_opt(act, "proto");
    bool v6 = ipv6 && !strcmp(ipv6->value, "true");
    int ipp = proto ? proto_number(proto->value) : 6;
    const char *ip_src = v6 ? "NXM_NX_IPV6_SRC[]" : "NXM_OF_IP_SRC[]";
    const char *ip_dst = v6 ? "NXM_NX_IPV6_DST[]" : "NXM_OF_IP_DST[]";
    const char *pfx = ipp == 6 ? "NXM_OF_TCP" : ipp == 17 ? "NXM_OF_UDP"
                                                          : "OXM_OF_SCTP";
    struct ds s = DS_EMPTY_INITIALIZER;

    for (int i = 0; i < 2; i++) {
        bool mac = i == 0;
        ds_put_format(&s, "%slearn(table=%d,idle_timeout=20,hard_timeout=30,"
                      "delete_learned,cookie=%#"PRIx32",OXM_OF_METADATA[],"
                      "eth_type=%#x,nw_proto=%d,",
                      i ? "," : "",
                      mac ? OVN_OFTABLE_ECMP_NH_MAC : OVN_OFTABLE_ECMP_NH,
                      env->lflow_cookie, v6 ? ETH_TYPE_IPV6 : ETH_TYPE_IP,
                      ipp);
        if (mac) {
            ds_put_format(&s, "%s,%s,%s_SRC[],%s_DST[],NXM_OF_ETH_SRC[],",
                          ip_src, ip_dst, pfx, pfx);
        } else {
            ds_put_format(&s, "%s=%s,%s=%s,%s_SRC[]=%s_DST[],"
                          "%s_DST[]=%s_SRC[],", ip_src, ip_dst, ip_dst,
                          ip_src, pfx, pfx, pfx, pfx);
        }
        ds_put_format(&s, "load:0x1->NXM_NX_REG10[%d])",
                      OVN_MLF_LOOKUP_COMMIT_ECMP_NH_BIT);
    }
    char *error = put_parsed_actions(ofpacts, ds_cstr(&s));
    ds_destroy(&s);
    return error;
}

/* sample(...). */
static char *
encode_sample(const struct ovn_action *act, const struct ovn_action_env *env,
              struct ofpbuf *ofpacts)
{
    struct ofpact_sample *os = ofpact_put_SAMPLE(ofpacts);

    os->probability = 0;
    os->collector_set_id = 0;
    os->obs_domain_id = env->dp_key & 0xffffff;
    os->obs_point_id = 0;
    os->sampling_port = OFPP_NONE;
    os->direction = NX_ACTION_SAMPLE_DEFAULT;
    for (size_t i = 0; i < act->n_opts; i++) {
        const struct ovnact_opt *opt = &act->opts[i];
        uint32_t v = opt->code;
        if (!strcmp(opt->name, "probability")) {
            os->probability = v;
        } else if (!strcmp(opt->name, "collector_set")) {
            os->collector_set_id = v;
        } else if (!strcmp(opt->name, "obs_domain")) {
            os->obs_domain_id = (v << 24) | (env->dp_key & 0xffffff);
        } else if (!strcmp(opt->name, "obs_point")) {
            os->obs_point_id = (!strcmp(opt->value, "@cookie")
                                ? env->lflow_cookie : v);
        }
    }
    return NULL;
}

/* Main encoder. ---------------------------------------------------------- */

/* Encodes one action. */
static char *
encode_action(const struct ovn_action *act, const struct ovn_action_env *env,
              struct ofpbuf *ofpacts)
{
    uint8_t table = 0;
    char *error;

    switch (act->type) {
    case OVNACT_OUTPUT:
        put_resubmit(ofpacts, env->ingress
                     ? OVN_OFTABLE_OUTPUT_LARGE_PKT_DETECT
                     : OVN_OFTABLE_SAVE_INPORT);
        return NULL;

    case OVNACT_NEXT:
        if (act->table < 0) {
            error = next_table(env, &table);
            if (error) {
                return error;
            }
        } else {
            table = pipeline_table(act->ingress, act->table);
        }
        put_resubmit(ofpacts, table);
        return NULL;

    case OVNACT_DROP:
        return NULL;

    case OVNACT_LOAD:
        if (act->value.is_string) {
            uint32_t key = 0;
            if (env->lookup_port) {
                env->lookup_port(env->aux, act->value.string, &key);
            }
            put_load(ofpacts, &act->dst.sf, ovn_u128_from_u64(key), NULL);
        } else {
            put_load(ofpacts, &act->dst.sf, act->value.value,
                     act->value.masked ? &act->value.mask : NULL);
        }
        return NULL;

    case OVNACT_MOVE:
        put_move(ofpacts, &act->args[0].sf, &act->dst.sf);
        return NULL;

    case OVNACT_EXCHANGE:
        put_stack(ofpacts, &act->args[0].sf, true);
        put_stack(ofpacts, &act->dst.sf, true);
        put_stack(ofpacts, &act->args[0].sf, false);
        put_stack(ofpacts, &act->dst.sf, false);
        return NULL;

    case OVNACT_PUSH:
    case OVNACT_POP:
        put_stack(ofpacts, &act->dst.sf, act->type == OVNACT_PUSH);
        return NULL;

    case OVNACT_DEC_TTL: {
        struct ofpact_cnt_ids *ids = ofpact_put_DEC_TTL(ofpacts);
        uint16_t id = 0;
        ids->n_controllers = 1;
        ofpbuf_put(ofpacts, &id, sizeof id);
        ids = ofpacts->header;
        ofpact_finish_DEC_TTL(ofpacts, &ids);
        return NULL;
    }

    case OVNACT_CT_NEXT: {
        error = next_table(env, &table);
        if (error) {
            return error;
        }
        size_t ofs = put_ct(ofpacts, ct_zone(env), false, table);
        finish_ct(ofpacts, ofs);
        return NULL;
    }

    case OVNACT_CT_COMMIT:
        return encode_ct_commit(act, env, ofpacts);

    case OVNACT_CT_COMMIT_NAT: {
        error = next_table(env, &table);
        if (error) {
            return error;
        }
        size_t ofs = put_ct(ofpacts, ct_zone(env), true, table);
        put_nat(ofpacts, NULL, false);
        finish_ct(ofpacts, ofs);
        return NULL;
    }

    case OVNACT_CT_DNAT:
    case OVNACT_CT_SNAT:
    case OVNACT_CT_DNAT_IN_CZONE:
    case OVNACT_CT_SNAT_IN_CZONE:
        return encode_ct_nat(act, env, ofpacts);

    case OVNACT_CT_LB:
    case OVNACT_CT_LB_MARK:
        return encode_ct_lb(act, env, ofpacts);

    case OVNACT_CT_CLEAR:
        ofpact_put_CT_CLEAR(ofpacts);
        return NULL;

    case OVNACT_CLONE:
        return encode_clone(act, env, ofpacts);

    case OVNACT_GET_ARP:
    case OVNACT_GET_ND:
        encode_get_neigh(act, ofpacts, act->type == OVNACT_GET_ND);
        return NULL;

    case OVNACT_LOOKUP_ARP:
    case OVNACT_LOOKUP_ND:
    case OVNACT_LOOKUP_ARP_IP:
    case OVNACT_LOOKUP_ND_IP:
        encode_lookup_neigh(act, ofpacts,
                            (act->type == OVNACT_LOOKUP_ND
                             || act->type == OVNACT_LOOKUP_ND_IP),
                            (act->type == OVNACT_LOOKUP_ARP
                             || act->type == OVNACT_LOOKUP_ND));
        return NULL;

    case OVNACT_GET_FDB:
        encode_get_fdb(act, ofpacts);
        return NULL;

    case OVNACT_LOOKUP_FDB:
        encode_lookup_fdb(act, ofpacts);
        return NULL;

    case OVNACT_SET_QUEUE:
        ofpact_put_SET_QUEUE(ofpacts)->queue_id = act->ints[0];
        return NULL;

    case OVNACT_SET_METER: {
        if (!env->meter_id) {
            return xstrdup("set_meter needs OpenFlow meters, which the "
                           "caller does not provide");
        }
        char *spec = (act->n_ints > 1
                      ? xasprintf("kbps burst stats bands=type=drop "
                                  "rate=%"PRIu32" burst_size=%"PRIu32,
                                  act->ints[0], act->ints[1])
                      : xasprintf("kbps stats bands=type=drop "
                                  "rate=%"PRIu32, act->ints[0]));
        uint32_t id = env->meter_id(ovnact_meter_aux(env), spec);
        free(spec);
        if (!id) {
            return xstrdup("could not allocate an OpenFlow meter");
        }
        struct ofpact_meter *om = ofpact_put_METER(ofpacts);
        om->meter_id = id;
        om->provider_meter_id = UINT32_MAX;
        return NULL;
    }

    case OVNACT_CHECK_PKT_LARGER: {
        struct ofpact_check_pkt_larger *cpl
            = ofpact_put_CHECK_PKT_LARGER(ofpacts);
        cpl->pkt_len = act->ints[0];
        cpl->dst = act->dst.sf;
        return NULL;
    }

    case OVNACT_SELECT:
        return encode_select(act, env, ofpacts);

    case OVNACT_FWD_GROUP:
        return encode_fwd_group(act, env, ofpacts);

    case OVNACT_CHK_LB_HAIRPIN:
        encode_flag_lookup(act, ofpacts, OVN_OFTABLE_CHK_LB_HAIRPIN,
                           OVN_MLF_LOOKUP_LB_HAIRPIN_BIT);
        return NULL;

    case OVNACT_CHK_LB_HAIRPIN_REPLY:
        encode_flag_lookup(act, ofpacts, OVN_OFTABLE_CHK_LB_HAIRPIN_REPLY,
                           OVN_MLF_LOOKUP_LB_HAIRPIN_BIT);
        return NULL;

    case OVNACT_CT_SNAT_TO_VIP:
        put_resubmit(ofpacts, OVN_OFTABLE_CT_SNAT_HAIRPIN);
        return NULL;

    case OVNACT_CHECK_IN_PORT_SEC:
        encode_flag_lookup(act, ofpacts, OVN_OFTABLE_CHK_IN_PORT_SEC,
                           OVN_MLF_CHECK_PORT_SEC_BIT);
        return NULL;

    case OVNACT_CHECK_OUT_PORT_SEC:
        encode_flag_lookup(act, ofpacts, OVN_OFTABLE_CHK_OUT_PORT_SEC,
                           OVN_MLF_CHECK_PORT_SEC_BIT);
        return NULL;

    case OVNACT_CHECK_ECMP_NH_MAC:
        encode_flag_lookup(act, ofpacts, OVN_OFTABLE_ECMP_NH_MAC,
                           OVN_MLF_LOOKUP_COMMIT_ECMP_NH_BIT);
        return NULL;

    case OVNACT_CHECK_ECMP_NH:
        encode_flag_lookup(act, ofpacts, OVN_OFTABLE_ECMP_NH,
                           OVN_MLF_LOOKUP_COMMIT_ECMP_NH_BIT);
        return NULL;

    case OVNACT_CHK_LB_AFF:
        encode_flag_lookup(act, ofpacts, OVN_OFTABLE_CHK_LB_AFFINITY,
                           OVN_MLF_USE_LB_AFF_SESSION_BIT);
        return NULL;

    case OVNACT_COMMIT_LB_AFF:
        return encode_commit_lb_aff(act, env, ofpacts);

    case OVNACT_COMMIT_ECMP_NH:
        return encode_commit_ecmp_nh(act, env, ofpacts);

    case OVNACT_SAMPLE:
        return encode_sample(act, env, ofpacts);

    case OVNACT_ARP:
    case OVNACT_ND_NS:
    case OVNACT_ND_NA:
    case OVNACT_ND_NA_ROUTER:
    case OVNACT_ICMP4:
    case OVNACT_ICMP4_ERROR:
    case OVNACT_ICMP6:
    case OVNACT_ICMP6_ERROR:
    case OVNACT_TCP_RESET:
    case OVNACT_SCTP_ABORT:
    case OVNACT_REJECT:
    case OVNACT_PUT_ARP:
    case OVNACT_PUT_ND:
    case OVNACT_PUT_FDB:
    case OVNACT_PUT_DHCPV4_OPTS:
    case OVNACT_PUT_DHCPV6_OPTS:
    case OVNACT_PUT_ND_RA_OPTS:
    case OVNACT_DNS_LOOKUP:
    case OVNACT_LOG:
    case OVNACT_TRIGGER_EVENT:
    case OVNACT_IGMP:
    case OVNACT_BIND_VPORT:
    case OVNACT_HANDLE_SVC_CHECK:
    case OVNACT_HANDLE_DHCPV6_REPLY:
    case OVNACT_FRAG_MTU:
        return ovnact_encode_pinctrl(act, env, ofpacts);
    }
    return xasprintf("cannot encode action type %d", act->type);
}

/* Encodes 'acts' into 'ofpacts'.  Returns NULL or a malloc'd error. */
char *
ovnact_encode_list(const struct ovn_actions *acts,
                   const struct ovn_action_env *env, struct ofpbuf *ofpacts)
{
    for (size_t i = 0; i < acts->n; i++) {
        char *error = encode_action(&acts->acts[i], env, ofpacts);
        if (error) {
            return error;
        }
    }
    return NULL;
}

/* See lib/ovn-actions.h.  On error, 'ofpacts' is restored. */
char *
ovn_actions_encode(const struct ovn_actions *acts,
                   const struct ovn_action_env *env, struct ofpbuf *ofpacts)
{
    size_t orig_size = ofpacts->size;
    char *error = ovnact_encode_list(acts, env, ofpacts);
    if (error) {
        ofpacts->size = orig_size;
        ofpacts->header = NULL;
    }
    return error;
}
