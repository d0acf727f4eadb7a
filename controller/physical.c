/* Copyright (c) 2026 The OVN-compatible project authors.
 *
 * Computes the "physical" OpenFlow flows: translation between OpenFlow
 * ports and logical ports at the edges of the logical pipelines (tables 0
 * and 65), output to remote chassis through tunnels (table 39), to local
 * ports (table 40), loopback checks (table 41), OpenFlow loopback bypass
 * (table 64), and multicast group fan-out.
 *
 * Tunnel encoding (ovn-architecture(7)): Geneve carries the datapath key in
 * the VNI and "0 | ingress port (15) | egress port (16)" in an option of
 * class 0x0102 type 0x80; STT packs all three into the 64-bit tunnel id;
 * VXLAN carries a 12-bit datapath and a 12-bit egress port (multicast
 * groups 0x8000+N become 0x800+N). */
#include <config.h>
#include "controller/physical.h"

#include <string.h>
#include "controller/binding.h"
#include "controller/ct-zones.h"
#include "controller/encaps.h"
#include "controller/flow-table.h"
#include "lib/ovn-sb-idl.h"
#include "openvswitch/match.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/vlog.h"
#include "packets.h"
#include "smap.h"
#include "sset.h"
#include "byte-order.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(ovn_physical);

/* Logical registers. */
#define MFF_LOG_DATAPATH MFF_METADATA
#define MFF_LOG_FLAGS    MFF_REG10
#define MFF_LOG_DNAT_ZONE MFF_REG11
#define MFF_LOG_SNAT_ZONE MFF_REG12
#define MFF_LOG_CT_ZONE  MFF_REG13
#define MFF_LOG_INPORT   MFF_REG14
#define MFF_LOG_OUTPORT  MFF_REG15

/* Appends to 'ofpacts' a load of the 'n_bits'-bit 'value' into 'field'
 * starting at bit 'ofs'. */
void
ctl_put_load(uint64_t value, enum mf_field_id field, int ofs, int n_bits,
             struct ofpbuf *ofpacts)
{
    struct ofpact_set_field *sf = ofpact_put_set_field(ofpacts,
                                                       mf_from_id(field),
                                                       NULL, NULL);
    ovs_be64 n_value = htonll(value);

    bitwise_copy(&n_value, 8, 0, sf->value, sf->field->n_bytes, ofs, n_bits);
    bitwise_one(ofpact_set_field_mask(sf), sf->field->n_bytes, ofs, n_bits);
}

/* Appends to 'ofpacts' a move of 'n_bits' bits. */
void
ctl_put_move(enum mf_field_id src, int src_ofs, enum mf_field_id dst,
             int dst_ofs, int n_bits, struct ofpbuf *ofpacts)
{
    struct ofpact_reg_move *move = ofpact_put_REG_MOVE(ofpacts);

    move->src.field = mf_from_id(src);
    move->src.ofs = src_ofs;
    move->src.n_bits = n_bits;
    move->dst.field = mf_from_id(dst);
    move->dst.ofs = dst_ofs;
    move->dst.n_bits = n_bits;
}

/* Appends to 'ofpacts' a resubmit to 'table_id'. */
void
ctl_put_resubmit(uint8_t table_id, struct ofpbuf *ofpacts)
{
    struct ofpact_resubmit *r = ofpact_put_RESUBMIT(ofpacts);

    r->in_port = OFPP_IN_PORT;
    r->table_id = table_id;
}

/* Appends a push or pop of 16 bits of 'field'. */
static void
put_stack(enum mf_field_id field, bool push, struct ofpbuf *ofpacts)
{
    struct ofpact_stack *st = push ? ofpact_put_STACK_PUSH(ofpacts)
                                   : ofpact_put_STACK_POP(ofpacts);
    st->subfield.field = mf_from_id(field);
    st->subfield.ofs = 0;
    st->subfield.n_bits = st->subfield.field->n_bits;
}

/* Returns the cookie for flows derived from row 'uuid'. */
static uint64_t
uuid_cookie(const struct uuid *uuid)
{
    return uuid->parts[0];
}

/* Appends loads of the conntrack zones for port 'lport' (may be NULL) in
 * datapath 'dp'. */
static void
put_zones(const struct physical_ctx *ctx, const char *lport,
          const struct sbrec_datapath_binding *dp, struct ofpbuf *ofpacts)
{
    int zone = lport ? ct_zones_get(ctx->zones, lport) : 0;
    int dnat = ct_zones_get_dp(ctx->zones, dp, false);
    int snat = ct_zones_get_dp(ctx->zones, dp, true);

    if (zone) {
        ctl_put_load(zone, MFF_LOG_CT_ZONE, 0, 32, ofpacts);
    }
    if (dnat) {
        ctl_put_load(dnat, MFF_LOG_DNAT_ZONE, 0, 32, ofpacts);
    }
    if (snat) {
        ctl_put_load(snat, MFF_LOG_SNAT_ZONE, 0, 32, ofpacts);
    }
}

/* Initializes 'm' to match datapath 'dp_key' and output port 'port_key'. */
static void
match_outport(struct match *m, uint32_t dp_key, uint32_t port_key)
{
    match_init_catchall(m);
    match_set_metadata(m, htonll(dp_key));
    match_set_reg(m, MFF_LOG_OUTPORT - MFF_REG0, port_key);
}

/* Appends the actions that send the packet with output port 'outport' on
 * datapath 'dp_key' through tunnel 't'. */
static void
put_encapsulation(const struct physical_ctx *ctx, const struct ctl_tunnel *t,
                  uint32_t dp_key, uint32_t outport, struct ofpbuf *ofpacts)
{
    switch (t->type) {
    case CTL_TUNNEL_GENEVE:
        ctl_put_load(dp_key, MFF_TUN_ID, 0, 24, ofpacts);
        ctl_put_load(outport, ctx->geneve_field, 0, 32, ofpacts);
        ctl_put_move(MFF_LOG_INPORT, 0, ctx->geneve_field, 16, 15, ofpacts);
        break;
    case CTL_TUNNEL_STT:
        ctl_put_load(dp_key | ((uint64_t) outport << 24), MFF_TUN_ID, 0, 64,
                     ofpacts);
        ctl_put_move(MFF_LOG_INPORT, 0, MFF_TUN_ID, 40, 15, ofpacts);
        break;
    case CTL_TUNNEL_VXLAN: {
        uint32_t port12 = outport >= 0x8000
                          ? 0x800 | ((outport - 0x8000) & 0x7ff)
                          : outport & 0x7ff;
        ctl_put_load(dp_key & 0xfff, MFF_TUN_ID, 0, 12, ofpacts);
        ctl_put_load(port12, MFF_TUN_ID, 12, 12, ofpacts);
        break;
    }
    }
    ofpact_put_OUTPUT(ofpacts)->port = t->ofport;
}

/* Adds table 0 flows that receive packets from tunnel 't'. */
static void
add_tunnel_ingress(const struct physical_ctx *ctx, const struct ctl_tunnel *t,
                   struct ctl_flow_table *ft)
{
    struct match m;
    struct ofpbuf ofpacts;

    ofpbuf_init(&ofpacts, 0);
    match_init_catchall(&m);
    match_set_in_port(&m, t->ofport);
    switch (t->type) {
    case CTL_TUNNEL_GENEVE:
        ctl_put_move(MFF_TUN_ID, 0, MFF_LOG_DATAPATH, 0, 24, &ofpacts);
        ctl_put_move(ctx->geneve_field, 16, MFF_LOG_INPORT, 0, 15, &ofpacts);
        ctl_put_move(ctx->geneve_field, 0, MFF_LOG_OUTPORT, 0, 16, &ofpacts);
        ctl_put_resubmit(OFTABLE_LOCAL_OUTPUT, &ofpacts);
        ctl_flow_table_add_buf(ft, OFTABLE_PHY_TO_LOG, 100, 0, &m, &ofpacts);
        break;
    case CTL_TUNNEL_STT:
        ctl_put_move(MFF_TUN_ID, 0, MFF_LOG_DATAPATH, 0, 24, &ofpacts);
        ctl_put_move(MFF_TUN_ID, 40, MFF_LOG_INPORT, 0, 15, &ofpacts);
        ctl_put_move(MFF_TUN_ID, 24, MFF_LOG_OUTPORT, 0, 16, &ofpacts);
        ctl_put_resubmit(OFTABLE_LOCAL_OUTPUT, &ofpacts);
        ctl_flow_table_add_buf(ft, OFTABLE_PHY_TO_LOG, 100, 0, &m, &ofpacts);
        break;
    case CTL_TUNNEL_VXLAN:
        /* Multicast: 12-bit port 0x800+N becomes 0x8000+N. */
        match_set_tun_id_masked(&m, htonll(0x800000), htonll(0x800000));
        ctl_put_move(MFF_TUN_ID, 0, MFF_LOG_DATAPATH, 0, 12, &ofpacts);
        ctl_put_move(MFF_TUN_ID, 12, MFF_LOG_OUTPORT, 0, 11, &ofpacts);
        ctl_put_load(1, MFF_LOG_OUTPORT, 15, 1, &ofpacts);
        ctl_put_resubmit(OFTABLE_LOCAL_OUTPUT, &ofpacts);
        ctl_flow_table_add_buf(ft, OFTABLE_PHY_TO_LOG, 100, 0, &m, &ofpacts);

        ofpbuf_clear(&ofpacts);
        match_set_tun_id_masked(&m, htonll(0), htonll(0x800000));
        ctl_put_move(MFF_TUN_ID, 0, MFF_LOG_DATAPATH, 0, 12, &ofpacts);
        ctl_put_move(MFF_TUN_ID, 12, MFF_LOG_OUTPORT, 0, 11, &ofpacts);
        ctl_put_resubmit(OFTABLE_LOCAL_OUTPUT, &ofpacts);
        ctl_flow_table_add_buf(ft, OFTABLE_PHY_TO_LOG, 100, 0, &m, &ofpacts);
        break;
    }
    ofpbuf_uninit(&ofpacts);
}

/* Adds the fixed, datapath-independent flows. */
static void
add_default_flows(struct ctl_flow_table *ft)
{
    struct match m;
    struct ofpbuf ofpacts;

    ofpbuf_init(&ofpacts, 0);
    match_init_catchall(&m);

    /* Drops in tables 0, 40 and 65 by default. */
    ctl_flow_table_add_buf(ft, OFTABLE_PHY_TO_LOG, 0, 0, &m, &ofpacts);
    ctl_flow_table_add_buf(ft, OFTABLE_LOCAL_OUTPUT, 0, 0, &m, &ofpacts);
    ctl_flow_table_add_buf(ft, OFTABLE_LOG_TO_PHY, 0, 0, &m, &ofpacts);

    ctl_put_resubmit(OFTABLE_REMOTE_OUTPUT, &ofpacts);
    ctl_flow_table_add_buf(ft, OFTABLE_OUTPUT_LARGE_PKT_DETECT, 0, 0, &m,
                           &ofpacts);
    ctl_flow_table_add_buf(ft, OFTABLE_OUTPUT_LARGE_PKT_PROCESS, 0, 0, &m,
                           &ofpacts);

    ofpbuf_clear(&ofpacts);
    ctl_put_resubmit(OFTABLE_LOCAL_OUTPUT, &ofpacts);
    ctl_flow_table_add_buf(ft, OFTABLE_REMOTE_OUTPUT, 0, 0, &m, &ofpacts);
    struct match m2 = m;
    match_set_reg_masked(&m2, MFF_LOG_FLAGS - MFF_REG0, MLF_ALLOW_LOOPBACK,
                         MLF_ALLOW_LOOPBACK);
    ctl_flow_table_add_buf(ft, OFTABLE_OUTPUT_LARGE_PKT_PROCESS, 10, 0, &m2,
                           &ofpacts);
    m2 = m;
    match_set_reg_masked(&m2, MFF_LOG_FLAGS - MFF_REG0, MLF_RCV_FROM_RAMP,
                         MLF_RCV_FROM_RAMP | MLF_ALLOW_LOOPBACK);
    ctl_flow_table_add_buf(ft, OFTABLE_REMOTE_OUTPUT, 150, 0, &m2, &ofpacts);
    m2 = m;
    match_set_reg_masked(&m2, MFF_LOG_FLAGS - MFF_REG0, MLF_LOCAL_ONLY,
                         MLF_LOCAL_ONLY);
    ctl_flow_table_add_buf(ft, OFTABLE_REMOTE_OUTPUT, 150, 0, &m2, &ofpacts);

    /* Table 41: clear the logical registers, enter the egress pipeline. */
    ofpbuf_clear(&ofpacts);
    for (int i = 0; i < 10; i++) {
        ctl_put_load(0, MFF_REG0 + i, 0, 32, &ofpacts);
    }
    ctl_put_resubmit(OFTABLE_LOG_EGRESS_PIPELINE, &ofpacts);
    ctl_flow_table_add_buf(ft, OFTABLE_CHECK_LOOPBACK, 0, 0, &m, &ofpacts);

    ofpbuf_clear(&ofpacts);
    ctl_put_resubmit(OFTABLE_LOG_TO_PHY, &ofpacts);
    ctl_flow_table_add_buf(ft, OFTABLE_SAVE_INPORT, 0, 0, &m, &ofpacts);
    ofpbuf_uninit(&ofpacts);
}

/* Adds the table 41 loopback check and the table 64 loopback bypass for a
 * port handled on this chassis. */
static void
add_loopback_flows(const struct sbrec_port_binding *pb, uint32_t dp_key,
                   struct ctl_flow_table *ft)
{
    uint64_t cookie = uuid_cookie(&pb->header_.uuid);
    struct match m;
    struct ofpbuf ofpacts;

    ofpbuf_init(&ofpacts, 0);
    match_outport(&m, dp_key, pb->tunnel_key);
    match_set_reg(&m, MFF_LOG_INPORT - MFF_REG0, pb->tunnel_key);
    match_set_reg_masked(&m, MFF_LOG_FLAGS - MFF_REG0, 0, MLF_ALLOW_LOOPBACK);
    ctl_flow_table_add_buf(ft, OFTABLE_CHECK_LOOPBACK, 100, cookie, &m,
                           &ofpacts);

    match_outport(&m, dp_key, pb->tunnel_key);
    match_set_reg_masked(&m, MFF_LOG_FLAGS - MFF_REG0, MLF_ALLOW_LOOPBACK,
                         MLF_ALLOW_LOOPBACK);
    put_stack(MFF_IN_PORT, true, &ofpacts);
    ctl_put_load(0, MFF_IN_PORT, 0, 16, &ofpacts);
    ctl_put_resubmit(OFTABLE_LOG_TO_PHY, &ofpacts);
    put_stack(MFF_IN_PORT, false, &ofpacts);
    ctl_flow_table_add_buf(ft, OFTABLE_SAVE_INPORT, 100, cookie, &m,
                           &ofpacts);
    ofpbuf_uninit(&ofpacts);
}

/* Adds the flows for a port physically attached here. */
static void
add_local_port_flows(const struct physical_ctx *ctx,
                     const struct local_port *lp, struct ctl_flow_table *ft)
{
    const struct sbrec_port_binding *pb = lp->pb;
    const struct sbrec_datapath_binding *dp = pb->datapath;
    uint32_t dp_key = dp->tunnel_key;
    uint64_t cookie = uuid_cookie(&pb->header_.uuid);
    bool tagged = lp->tag >= 0 && (lp->kind == LP_CONTAINER
                                   || lp->kind == LP_LOCALNET
                                   || lp->kind == LP_L2GATEWAY);
    struct match m;
    struct ofpbuf ofpacts;

    if (!lp->ofport) {
        return;
    }
    ofpbuf_init(&ofpacts, 0);

    /* Table 0: physical to logical. */
    for (int variant = 0; variant < 2; variant++) {
        match_init_catchall(&m);
        match_set_in_port(&m, lp->ofport);
        ofpbuf_clear(&ofpacts);
        if (tagged && lp->tag > 0) {
            if (variant) {
                break;
            }
            match_set_dl_vlan(&m, htons(lp->tag), 0);
            ofpact_put_STRIP_VLAN(&ofpacts);
        } else if (lp->kind == LP_LOCALNET || lp->kind == LP_L2GATEWAY) {
            if (!variant) {
                match_set_vlan_vid_masked(&m, htons(0), htons(VLAN_CFI));
            } else {
                /* Priority-tagged frames. */
                match_set_dl_vlan(&m, htons(0), 0);
                ofpact_put_STRIP_VLAN(&ofpacts);
            }
        } else if (variant) {
            break;
        }
        put_zones(ctx, pb->logical_port, dp, &ofpacts);
        ctl_put_load(dp_key, MFF_LOG_DATAPATH, 0, 64, &ofpacts);
        ctl_put_load(pb->tunnel_key, MFF_LOG_INPORT, 0, 32, &ofpacts);
        if (lp->kind == LP_LOCALPORT) {
            ctl_put_load(1, MFF_LOG_FLAGS, 10, 1, &ofpacts);
        }
        ctl_put_resubmit(OFTABLE_LOG_INGRESS_PIPELINE, &ofpacts);
        ctl_flow_table_add_buf(ft, OFTABLE_PHY_TO_LOG,
                               lp->kind == LP_CONTAINER ? 150 : 100,
                               cookie, &m, &ofpacts);
    }

    /* Table 40: local output. */
    ofpbuf_clear(&ofpacts);
    match_outport(&m, dp_key, pb->tunnel_key);
    put_zones(ctx, pb->logical_port, dp, &ofpacts);
    ctl_put_resubmit(OFTABLE_CHECK_LOOPBACK, &ofpacts);
    ctl_flow_table_add_buf(ft, OFTABLE_LOCAL_OUTPUT, 100, cookie, &m,
                           &ofpacts);

    add_loopback_flows(pb, dp_key, ft);

    /* Table 65: logical to physical. */
    ofpbuf_clear(&ofpacts);
    match_outport(&m, dp_key, pb->tunnel_key);
    if (tagged && lp->tag > 0) {
        ofpact_put_PUSH_VLAN(&ofpacts)->ethertype = htons(ETH_TYPE_VLAN_8021Q);
        ctl_put_load(lp->tag | VLAN_CFI, MFF_VLAN_TCI, 0, 16, &ofpacts);
    }
    ofpact_put_OUTPUT(&ofpacts)->port = lp->ofport;
    if (tagged && lp->tag > 0 && lp->kind == LP_CONTAINER) {
        ofpact_put_STRIP_VLAN(&ofpacts);
    }
    ctl_flow_table_add_buf(ft, OFTABLE_LOG_TO_PHY, 100, cookie, &m,
                           &ofpacts);

    if (lp->kind == LP_LOCALPORT) {
        /* Traffic from a localport never leaves the chassis. */
        match_init_catchall(&m);
        match_set_metadata(&m, htonll(dp_key));
        match_set_reg(&m, MFF_LOG_INPORT - MFF_REG0, pb->tunnel_key);
        ofpbuf_clear(&ofpacts);
        ctl_put_resubmit(OFTABLE_LOCAL_OUTPUT, &ofpacts);
        ctl_flow_table_add_buf(ft, OFTABLE_REMOTE_OUTPUT, 150, cookie, &m,
                               &ofpacts);
    }
    if (lp->kind == LP_LOCALNET) {
        /* Never send localport or local-only traffic to the network. */
        ofpbuf_clear(&ofpacts);
        match_outport(&m, dp_key, pb->tunnel_key);
        match_set_reg_masked(&m, MFF_LOG_FLAGS - MFF_REG0, MLF_LOCALPORT,
                             MLF_LOCALPORT);
        ctl_flow_table_add_buf(ft, OFTABLE_CHECK_LOOPBACK, 160, cookie, &m,
                               &ofpacts);
        match_outport(&m, dp_key, pb->tunnel_key);
        match_set_reg_masked(&m, MFF_LOG_FLAGS - MFF_REG0, MLF_LOCAL_ONLY,
                             MLF_LOCAL_ONLY);
        ctl_flow_table_add_buf(ft, OFTABLE_CHECK_LOOPBACK, 160, cookie, &m,
                               &ofpacts);
    }
    ofpbuf_uninit(&ofpacts);
}

/* Returns the Port_Binding named 'name', or NULL. */
static const struct sbrec_port_binding *
lookup_pb(const struct physical_ctx *ctx, const char *name)
{
    return shash_find_data(&ctx->bs->pbs, name);
}

/* Adds the flows for logical patch port 'pb' (or an l3gateway port bound
 * here) whose peer is 'peer'. */
static void
add_patch_flows(const struct physical_ctx *ctx,
                const struct sbrec_port_binding *pb,
                const struct sbrec_port_binding *peer,
                struct ctl_flow_table *ft)
{
    uint32_t dp_key = pb->datapath->tunnel_key;
    uint64_t cookie = uuid_cookie(&pb->header_.uuid);
    struct match m;
    struct ofpbuf ofpacts;

    ofpbuf_init(&ofpacts, 0);
    match_outport(&m, dp_key, pb->tunnel_key);
    put_zones(ctx, NULL, pb->datapath, &ofpacts);
    ctl_put_resubmit(OFTABLE_CHECK_LOOPBACK, &ofpacts);
    ctl_flow_table_add_buf(ft, OFTABLE_LOCAL_OUTPUT, 100, cookie, &m,
                           &ofpacts);

    add_loopback_flows(pb, dp_key, ft);

    /* Table 65: re-enter the ingress pipeline of the peer datapath. */
    ofpbuf_clear(&ofpacts);
    size_t clone_ofs = ofpacts.size;
    ofpact_put_CLONE(&ofpacts);
    ofpact_put_CT_CLEAR(&ofpacts);
    ctl_put_load(0, MFF_LOG_DNAT_ZONE, 0, 32, &ofpacts);
    ctl_put_load(0, MFF_LOG_SNAT_ZONE, 0, 32, &ofpacts);
    ctl_put_load(0, MFF_LOG_CT_ZONE, 0, 32, &ofpacts);
    put_zones(ctx, NULL, peer->datapath, &ofpacts);
    ctl_put_load(peer->datapath->tunnel_key, MFF_LOG_DATAPATH, 0, 64,
                 &ofpacts);
    ctl_put_load(peer->tunnel_key, MFF_LOG_INPORT, 0, 32, &ofpacts);
    ctl_put_load(0, MFF_LOG_FLAGS, 0, 32, &ofpacts);
    ctl_put_load(0, MFF_LOG_OUTPORT, 0, 32, &ofpacts);
    for (int i = 0; i < 10; i++) {
        ctl_put_load(0, MFF_REG0 + i, 0, 32, &ofpacts);
    }
    ctl_put_resubmit(OFTABLE_LOG_INGRESS_PIPELINE, &ofpacts);
    struct ofpact_nest *clone = ofpbuf_at_assert(&ofpacts, clone_ofs,
                                                 sizeof *clone);
    ofpacts.header = clone;
    ofpact_finish_CLONE(&ofpacts, &clone);
    ctl_flow_table_add_buf(ft, OFTABLE_LOG_TO_PHY, 100, cookie, &m,
                           &ofpacts);
    ofpbuf_uninit(&ofpacts);
}

/* Returns the tunnel to the chassis that hosts 'pb', or NULL if it is not
 * bound to a reachable remote chassis. */
static const struct ctl_tunnel *
remote_tunnel(const struct physical_ctx *ctx,
              const struct sbrec_port_binding *pb)
{
    if (!pb->chassis || pb->chassis == ctx->self) {
        return NULL;
    }
    return shash_find_data(ctx->tunnels, pb->chassis->name);
}

/* Adds to 'names' the remote chassis (with a tunnel) that host 'pb': its
 * chassis and its additional chassis. */
static void
collect_remote_chassis(const struct physical_ctx *ctx,
                       const struct sbrec_port_binding *pb,
                       struct sset *names)
{
    if (remote_tunnel(ctx, pb)) {
        sset_add(names, pb->chassis->name);
    }
    for (size_t i = 0; i < pb->n_additional_chassis; i++) {
        const struct sbrec_chassis *ch = pb->additional_chassis[i];
        if (ch != ctx->self && shash_find(ctx->tunnels, ch->name)) {
            sset_add(names, ch->name);
        }
    }
}

/* Adds a table 39 flow sending 'pb''s traffic to every chassis in 'names'
 * through tunnels and, if 'also_local', on to local delivery. */
static void
add_remote_output(const struct physical_ctx *ctx,
                  const struct sbrec_port_binding *pb, uint32_t dp_key,
                  const struct sset *names, bool also_local,
                  struct ctl_flow_table *ft)
{
    struct ofpbuf ofpacts;
    struct match m;
    const char *name;

    if (sset_is_empty(names)) {
        return;
    }
    ofpbuf_init(&ofpacts, 0);
    SSET_FOR_EACH (name, names) {
        put_encapsulation(ctx, shash_find_data(ctx->tunnels, name), dp_key,
                          pb->tunnel_key, &ofpacts);
    }
    if (also_local) {
        ctl_put_resubmit(OFTABLE_LOCAL_OUTPUT, &ofpacts);
    }
    match_outport(&m, dp_key, pb->tunnel_key);
    ctl_flow_table_add_buf(ft, OFTABLE_REMOTE_OUTPUT, 100,
                           uuid_cookie(&pb->header_.uuid), &m, &ofpacts);
    ofpbuf_uninit(&ofpacts);
}

/* Returns true if 'pb' is a port type that lives on one chassis and is
 * reached through a tunnel when that chassis is remote. */
static bool
is_chassis_bound_type(const struct sbrec_port_binding *pb)
{
    return (!pb->type[0] || !strcmp(pb->type, "virtual")
            || !strcmp(pb->type, "l2gateway")
            || !strcmp(pb->type, "l3gateway")
            || !strcmp(pb->type, "chassisredirect")
            || !strcmp(pb->type, "external"));
}

/* Adds the flows for multicast group 'mg' of a local datapath. */
static void
add_mcast_flows(const struct physical_ctx *ctx,
                const struct sbrec_multicast_group *mg,
                const struct local_datapath *ld, struct ctl_flow_table *ft)
{
    uint64_t cookie = uuid_cookie(&mg->header_.uuid);
    struct ofpbuf local, remote;
    struct sset chassis = SSET_INITIALIZER(&chassis);
    struct match m;
    bool any_local = false, any_remote = false;

    ofpbuf_init(&local, 0);
    ofpbuf_init(&remote, 0);
    for (size_t i = 0; i < mg->n_ports; i++) {
        const struct sbrec_port_binding *p = mg->ports[i];
        if (!p->datapath || p->datapath != ld->dp) {
            continue;
        }
        const struct local_port *lp = shash_find_data(&ctx->bs->ports,
                                                      p->logical_port);
        if (lp && lp->ofport) {
            int zone = ct_zones_get(ctx->zones, p->logical_port);
            if (zone) {
                ctl_put_load(zone, MFF_LOG_CT_ZONE, 0, 32, &local);
            }
            ctl_put_load(p->tunnel_key, MFF_LOG_OUTPORT, 0, 32, &local);
            ctl_put_resubmit(OFTABLE_CHECK_LOOPBACK, &local);
            any_local = true;
        } else if (!strcmp(p->type, "patch")
                   || (!strcmp(p->type, "l3gateway")
                       && p->chassis == ctx->self)) {
            ctl_put_load(p->tunnel_key, MFF_LOG_OUTPORT, 0, 32, &remote);
            ctl_put_resubmit(OFTABLE_CHECK_LOOPBACK, &remote);
            any_remote = true;
        } else if (is_chassis_bound_type(p) && !ld->localnet) {
            collect_remote_chassis(ctx, p, &chassis);
        }
        if (lp && lp->ofport && p->n_additional_chassis && !ld->localnet) {
            /* Bound here and elsewhere: the other copies go by tunnel. */
            collect_remote_chassis(ctx, p, &chassis);
        }
    }

    if (any_local) {
        ctl_put_load(mg->tunnel_key, MFF_LOG_OUTPORT, 0, 32, &local);
        match_outport(&m, ld->key, mg->tunnel_key);
        ctl_flow_table_add_buf(ft, OFTABLE_LOCAL_OUTPUT, 100, cookie, &m,
                               &local);
    }
    if (any_remote) {
        ctl_put_load(mg->tunnel_key, MFF_LOG_OUTPORT, 0, 32, &remote);
    }
    const char *name;
    SSET_FOR_EACH (name, &chassis) {
        const struct ctl_tunnel *t = shash_find_data(ctx->tunnels, name);
        put_encapsulation(ctx, t, ld->key, mg->tunnel_key, &remote);
        any_remote = true;
    }
    if (any_remote) {
        ctl_put_resubmit(OFTABLE_LOCAL_OUTPUT, &remote);
        match_outport(&m, ld->key, mg->tunnel_key);
        ctl_flow_table_add_buf(ft, OFTABLE_REMOTE_OUTPUT, 100, cookie, &m,
                               &remote);
    }
    sset_destroy(&chassis);
    ofpbuf_uninit(&local);
    ofpbuf_uninit(&remote);
}

/* Adds the flows for 'pb', a port of local datapath 'ld' that is not
 * physically attached here. */
static void
add_nonlocal_port_flows(const struct physical_ctx *ctx,
                        const struct sbrec_port_binding *pb,
                        const struct local_datapath *ld,
                        struct ctl_flow_table *ft)
{
    uint64_t cookie = uuid_cookie(&pb->header_.uuid);
    struct match m;
    struct ofpbuf ofpacts;

    ofpbuf_init(&ofpacts, 0);
    if (!strcmp(pb->type, "patch")
        || (!strcmp(pb->type, "l3gateway") && pb->chassis == ctx->self)) {
        const char *peer_name = smap_get(&pb->options, "peer");
        const struct sbrec_port_binding *peer
            = peer_name ? lookup_pb(ctx, peer_name) : NULL;
        if (peer && peer->datapath
            && binding_get_datapath(ctx->bs, peer->datapath->tunnel_key)) {
            add_patch_flows(ctx, pb, peer, ft);
        }
    } else if (!strcmp(pb->type, "chassisredirect")
               && pb->chassis == ctx->self) {
        const char *dist = smap_get(&pb->options, "distributed-port");
        const struct sbrec_port_binding *dpb
            = dist ? lookup_pb(ctx, dist) : NULL;
        if (dpb && dpb->datapath == pb->datapath) {
            match_outport(&m, ld->key, pb->tunnel_key);
            ctl_put_load(dpb->tunnel_key, MFF_LOG_OUTPORT, 0, 32, &ofpacts);
            ctl_put_resubmit(OFTABLE_LOCAL_OUTPUT, &ofpacts);
            ctl_flow_table_add_buf(ft, OFTABLE_LOCAL_OUTPUT, 100, cookie, &m,
                                   &ofpacts);
        }
    } else if (is_chassis_bound_type(pb)) {
        const struct local_port *ln = ld->localnet
            ? shash_find_data(&ctx->bs->ports, ld->localnet->logical_port)
            : NULL;
        const struct ctl_tunnel *t = remote_tunnel(ctx, pb);
        if (ln && (!pb->type[0] || !strcmp(pb->type, "virtual"))
            && pb->chassis && pb->chassis != ctx->self) {
            /* Reach remote VIFs through the physical network. */
            match_outport(&m, ld->key, pb->tunnel_key);
            ctl_put_load(ld->localnet->tunnel_key, MFF_LOG_OUTPORT, 0, 32,
                         &ofpacts);
            ctl_put_resubmit(OFTABLE_LOCAL_OUTPUT, &ofpacts);
            ctl_flow_table_add_buf(ft, OFTABLE_LOCAL_OUTPUT, 100, cookie, &m,
                                   &ofpacts);
        } else {
            struct sset names = SSET_INITIALIZER(&names);
            collect_remote_chassis(ctx, pb, &names);
            add_remote_output(ctx, pb, ld->key, &names, false, ft);
            sset_destroy(&names);
            (void) t;
        }
    }
    ofpbuf_uninit(&ofpacts);
}

/* Computes all physical flows into 'ft'. */
void
physical_run(const struct physical_ctx *ctx, struct ctl_flow_table *ft)
{
    add_default_flows(ft);

    struct shash_node *n;
    SHASH_FOR_EACH (n, ctx->tunnels) {
        add_tunnel_ingress(ctx, n->data, ft);
    }
    if (!ctx->self) {
        return;
    }

    SHASH_FOR_EACH (n, &ctx->bs->ports) {
        const struct local_port *lp = n->data;
        add_local_port_flows(ctx, lp, ft);
        if ((lp->kind == LP_VIF || lp->kind == LP_CONTAINER)
            && (lp->pb->n_additional_chassis
                || (lp->pb->chassis && lp->pb->chassis != ctx->self))) {
            /* A port bound to several chassis gets a copy on each. */
            const struct local_datapath *ld = binding_get_datapath(
                ctx->bs, lp->pb->datapath->tunnel_key);
            if (ld && !ld->localnet) {
                struct sset names = SSET_INITIALIZER(&names);
                collect_remote_chassis(ctx, lp->pb, &names);
                add_remote_output(ctx, lp->pb, ld->key, &names, true, ft);
                sset_destroy(&names);
            }
        }
    }

    const struct sbrec_port_binding *pb;
    SBREC_PORT_BINDING_FOR_EACH (pb, ctx->sb) {
        if (!pb->datapath || shash_find(&ctx->bs->ports, pb->logical_port)) {
            continue;
        }
        const struct local_datapath *ld
            = binding_get_datapath(ctx->bs, pb->datapath->tunnel_key);
        if (ld) {
            add_nonlocal_port_flows(ctx, pb, ld, ft);
        }
    }

    const struct sbrec_multicast_group *mg;
    SBREC_MULTICAST_GROUP_FOR_EACH (mg, ctx->sb) {
        const struct local_datapath *ld = mg->datapath
            ? binding_get_datapath(ctx->bs, mg->datapath->tunnel_key) : NULL;
        if (ld) {
            add_mcast_flows(ctx, mg, ld, ft);
        }
    }
}
