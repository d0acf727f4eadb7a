/* Copyright (c) 2026 The OVN-compatible project authors.
 *
 * OpenFlow management connection to the integration bridge.
 *
 * After every (re)connection the installed flows are unknown, so the first
 * update sent is one atomic bundle that deletes every flow and adds the
 * complete desired set: the switch goes from the old rules to the new ones
 * with no window in which traffic would be dropped.  Afterwards only the
 * differences between the desired and the installed flows are sent, again
 * inside atomic bundles, each followed by a barrier whose reply tells the
 * caller that the flows are in place. */
#include <config.h>
#include "controller/ofctrl.h"

#include <errno.h>
#include "controller/flow-table.h"
#include "coverage.h"
#include "dirs.h"
#include "openvswitch/match.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/ofp-bundle.h"
#include "openvswitch/ofp-errors.h"
#include "openvswitch/ofp-flow.h"
#include "openvswitch/ofp-group.h"
#include "openvswitch/ofp-meter.h"
#include "hmapx.h"
#include "openvswitch/ofp-match.h"
#include "openvswitch/ofp-msgs.h"
#include "openvswitch/ofp-print.h"
#include "openvswitch/ofp-util.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/rconn.h"
#include "openvswitch/vlog.h"
#include "openvswitch/list.h"
#include "byte-order.h"
#include "openvswitch/poll-loop.h"
#include "timeval.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(ovn_ofctrl);

COVERAGE_DEFINE(ovn_ofctrl_flow_add);
COVERAGE_DEFINE(ovn_ofctrl_flow_mod);
COVERAGE_DEFINE(ovn_ofctrl_flow_del);
COVERAGE_DEFINE(ovn_ofctrl_full_sync);

/* Geneve option carrying the logical ingress and egress ports. */
#define OVN_GENEVE_CLASS 0x0102
#define OVN_GENEVE_TYPE 0x80
#define OVN_GENEVE_LEN 4

/* Connection state machine. */
enum ofctrl_state {
    S_NEW,              /* Just connected: must query the TLV map. */
    S_TLV_REQUESTED,    /* Waiting for the TLV table reply. */
    S_TLV_MOD_SENT,     /* Waiting for the barrier after our TLV mod. */
    S_READY,            /* Flows may be sent. */
};

/* A transaction (bundle + barrier) that awaits its barrier reply. */
struct ofctrl_txn {
    struct ovs_list node;       /* In 'pending_txns'. */
    ovs_be32 barrier_xid;       /* Xid of the barrier after the bundle. */
    uint32_t bundle_id;         /* Bundle this transaction committed. */
    uint64_t req_seq;           /* Caller's sequence number for it. */
};

static struct rconn *swconn;            /* Connection to the bridge. */
static char *swconn_target;             /* Current rconn target. */
static uint64_t swconn_seqno;           /* rconn seqno last seen. */
static enum ofctrl_state state;         /* Connection state. */
static ovs_be32 tlv_xid;                /* Xid of TLV request or barrier. */
static enum mf_field_id geneve_field = MFF_TUN_METADATA0; /* Option field. */
static struct ctl_flow_table installed; /* What we believe is installed. */
static struct ctl_group_table installed_groups; /* Groups likewise. */
static uint64_t put_groups_gen;         /* Group table gen at last put. */
static struct ctl_group_table installed_meters; /* Meters we installed. */
static uint64_t put_meters_gen;         /* Meter table gen at last put. */
static struct hmapx meter_xids;         /* Xids of meter mods (as pointers):
                                         * their errors are expected. */
static bool need_full = true;           /* Next put replaces everything. */
static uint32_t next_bundle_id = 1;     /* Bundle id allocator. */
static struct ovs_list pending_txns = OVS_LIST_INITIALIZER(&pending_txns);
static uint64_t installed_seq;          /* req_seq of last acked txn. */
static uint64_t last_put_seq;           /* req_seq of last txn sent. */
static struct rconn_packet_counter *tx_counter; /* Queued messages. */
static long long int retry_at;          /* No puts before (after errors). */

/* Creates the (not yet connected) OpenFlow connection. */
void
ofctrl_init(void)
{
    swconn = rconn_create(0, 8, 0, 1u << OFP15_VERSION);
    tx_counter = rconn_packet_counter_create();
    ctl_flow_table_init(&installed);
    ctl_group_table_init(&installed_groups);
    ctl_group_table_init(&installed_meters);
    hmapx_init(&meter_xids);
}

/* Frees the connection and the installed-flow record. */
void
ofctrl_destroy(void)
{
    struct ofctrl_txn *t;

    rconn_destroy(swconn);
    swconn = NULL;
    rconn_packet_counter_destroy(tx_counter);
    tx_counter = NULL;
    ctl_flow_table_destroy(&installed);
    ctl_group_table_destroy(&installed_groups);
    ctl_group_table_destroy(&installed_meters);
    hmapx_destroy(&meter_xids);
    free(swconn_target);
    swconn_target = NULL;
    LIST_FOR_EACH_POP (t, node, &pending_txns) {
        free(t);
    }
}

/* Sends 'msg' on the connection (takes ownership). */
static void
ofctrl_send(struct ofpbuf *msg)
{
    rconn_send(swconn, msg, tx_counter);
}

/* Returns the OpenFlow version negotiated on the connection. */
static enum ofp_version
ofctrl_version(void)
{
    int v = rconn_get_version(swconn);
    return v > 0 ? v : OFP15_VERSION;
}

/* Sends a barrier request and returns its xid. */
static ovs_be32
ofctrl_send_barrier(void)
{
    struct ofpbuf *b = ofputil_encode_barrier_request(ofctrl_version());
    ovs_be32 xid = ((struct ofp_header *) b->data)->xid;

    ofctrl_send(b);
    return xid;
}

/* Asks the switch for its Geneve TLV mapping table. */
static void
ofctrl_request_tlv(void)
{
    struct ofpbuf *b = ofpraw_alloc(OFPRAW_NXT_TLV_TABLE_REQUEST,
                                    ofctrl_version(), 0);
    tlv_xid = ((struct ofp_header *) b->data)->xid;
    ofctrl_send(b);
    state = S_TLV_REQUESTED;
}

/* Handles the TLV table reply: finds or creates our option's mapping. */
static void
ofctrl_handle_tlv_reply(const struct ofp_header *oh)
{
    struct ofputil_tlv_table_reply reply;
    const struct ofputil_tlv_map *map;
    uint64_t used = 0;
    enum ofperr error = ofputil_decode_tlv_table_reply(oh, &reply);

    if (error) {
        VLOG_WARN("cannot decode TLV table reply: %s",
                  ofperr_to_string(error));
        rconn_reconnect(swconn);
        return;
    }
    LIST_FOR_EACH (map, list_node, &reply.mappings) {
        if (map->option_class == OVN_GENEVE_CLASS
            && map->option_type == OVN_GENEVE_TYPE
            && map->option_len == OVN_GENEVE_LEN) {
            int index = map->index;
            geneve_field = MFF_TUN_METADATA0 + index;
            ofputil_uninit_tlv_table(&reply.mappings);
            state = S_READY;
            VLOG_INFO("Geneve option already mapped to tun_metadata%d",
                      index);
            return;
        }
        if (map->index < 64) {
            used |= UINT64_C(1) << map->index;
        }
    }
    ofputil_uninit_tlv_table(&reply.mappings);

    int index = 0;
    while (index < 64 && used & (UINT64_C(1) << index)) {
        index++;
    }
    if (index >= 64) {
        VLOG_ERR("no free tunnel metadata field for the Geneve option");
        state = S_READY;
        return;
    }

    struct ofputil_tlv_table_mod ttm;
    struct ofputil_tlv_map tm = {
        .option_class = OVN_GENEVE_CLASS,
        .option_type = OVN_GENEVE_TYPE,
        .option_len = OVN_GENEVE_LEN,
        .index = index,
    };
    ttm.command = NXTTMC_ADD;
    ovs_list_init(&ttm.mappings);
    ovs_list_push_back(&ttm.mappings, &tm.list_node);
    ofctrl_send(ofputil_encode_tlv_table_mod(ofctrl_version(), &ttm));
    geneve_field = MFF_TUN_METADATA0 + index;
    tlv_xid = ofctrl_send_barrier();
    state = S_TLV_MOD_SENT;
}

/* Forgets every in-flight transaction: its flows are resent in full. */
static void
ofctrl_reset_txns(void)
{
    struct ofctrl_txn *t;

    LIST_FOR_EACH_POP (t, node, &pending_txns) {
        free(t);
    }
    need_full = true;
}

/* Processes one message received from the switch. */
static void
ofctrl_recv(const struct ofp_header *oh)
{
    enum ofptype type;

    if (ofptype_decode(&type, oh)) {
        return;
    }
    if (type == OFPTYPE_ECHO_REQUEST) {
        ofctrl_send(ofputil_encode_echo_reply(oh));
    } else if (type == OFPTYPE_NXT_TLV_TABLE_REPLY
               && state == S_TLV_REQUESTED && oh->xid == tlv_xid) {
        ofctrl_handle_tlv_reply(oh);
    } else if (type == OFPTYPE_BARRIER_REPLY) {
        if (state == S_TLV_MOD_SENT && oh->xid == tlv_xid) {
            state = S_READY;
            return;
        }
        struct ofctrl_txn *t;
        LIST_FOR_EACH_SAFE (t, node, &pending_txns) {
            if (t->barrier_xid == oh->xid) {
                installed_seq = MAX(installed_seq, t->req_seq);
                ovs_list_remove(&t->node);
                free(t);
                break;
            }
        }
    } else if (type == OFPTYPE_ERROR
               && hmapx_find_and_delete(&meter_xids, (void *) (uintptr_t)
                                        ntohl(oh->xid))) {
        /* A meter add for an existing meter or a modify for a missing one:
         * of each pair we send, one is expected to fail. */
    } else if (type == OFPTYPE_ERROR) {
        static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 5);
        char *s = ofp_to_string(oh, ntohs(oh->length), NULL, NULL, 2);
        VLOG_WARN_RL(&rl, "OpenFlow error: %s", s);
        free(s);
        if (state == S_TLV_MOD_SENT) {
            /* Someone else mapped it concurrently: ask again. */
            ofctrl_request_tlv();
        } else if (!ovs_list_is_empty(&pending_txns)) {
            /* A bundle failed and nothing in it took effect: resync, but
             * not in a tight loop if the switch keeps refusing. */
            ofctrl_reset_txns();
            retry_at = time_msec() + 1000;
        }
    }
}

/* Connects to (or keeps connected to) 'br_int_name''s management socket and
 * processes what the switch sends. */
void
ofctrl_run(const char *br_int_name, int probe_interval_s)
{
    char *target = xasprintf("unix:%s/%s.mgmt", ovs_rundir(), br_int_name);

    if (!swconn_target || strcmp(target, swconn_target)) {
        VLOG_INFO("%s: connecting to switch", target);
        free(swconn_target);
        swconn_target = target;
        rconn_connect(swconn, target, target);
    } else {
        free(target);
    }
    rconn_set_probe_interval(swconn, probe_interval_s);
    rconn_run(swconn);

    if (!rconn_is_connected(swconn)) {
        return;
    }
    if (swconn_seqno != rconn_get_connection_seqno(swconn)) {
        swconn_seqno = rconn_get_connection_seqno(swconn);
        state = S_NEW;
        ofctrl_reset_txns();
        ctl_flow_table_clear(&installed);
        ctl_group_table_clear(&installed_groups);
        ctl_group_table_clear(&installed_meters);
        hmapx_clear(&meter_xids);
    }
    if (state == S_NEW) {
        ofctrl_request_tlv();
    }
    for (int i = 0; i < 500; i++) {
        struct ofpbuf *msg = rconn_recv(swconn);
        if (!msg) {
            break;
        }
        ofctrl_recv(msg->data);
        ofpbuf_delete(msg);
    }
}

/* Arranges for poll_block() to wake up when the connection needs work. */
void
ofctrl_wait(void)
{
    rconn_run_wait(swconn);
    rconn_recv_wait(swconn);
    if (retry_at > time_msec()) {
        poll_timer_wait_until(retry_at);
    }
}

/* Returns true if the OpenFlow connection is up. */
bool
ofctrl_is_connected(void)
{
    return swconn && rconn_is_connected(swconn);
}

/* Returns true if flows can be sent now. */
bool
ofctrl_can_put(void)
{
    return ofctrl_is_connected() && state == S_READY
           && rconn_packet_counter_n_packets(tx_counter) == 0
           && time_msec() >= retry_at;
}

/* Returns the tunnel metadata field that carries the Geneve option. */
enum mf_field_id
ofctrl_geneve_field(void)
{
    return geneve_field;
}

/* Returns a number that changes on every reconnection. */
uint64_t
ofctrl_conn_seqno(void)
{
    return swconn_seqno;
}

/* Forces the next ofctrl_put() to replace all flows. */
void
ofctrl_force_full(void)
{
    need_full = true;
}

/* Returns true if the next ofctrl_put() will replace everything (after a
 * reconnection or a rejected bundle): the caller must then put again even
 * if its desired state did not change. */
bool
ofctrl_needs_full(void)
{
    return need_full;
}

/* Appends to 'msgs' a bundle-add of a flow_mod built from 'f'. */
static void
ofctrl_add_fm(struct ovs_list *msgs, uint32_t bundle_id, uint16_t command,
              const struct ctl_flow *f)
{
    struct ofputil_flow_mod fm = {
        .priority = f->priority,
        .new_cookie = htonll(f->cookie),
        .modify_cookie = command == OFPFC_MODIFY_STRICT,
        .table_id = f->table_id,
        .command = command,
        .buffer_id = UINT32_MAX,
        .out_port = OFPP_ANY,
        .out_group = OFPG_ANY,
        .ofpacts = f->ofpacts,
        .ofpacts_len = f->ofpacts_len,
    };
    enum ofp_version version = ofctrl_version();
    enum ofputil_protocol proto = ofputil_protocol_from_ofp_version(version);

    minimatch_clone(&fm.match, &f->match);
    struct ofpbuf *fmsg = ofputil_encode_flow_mod(&fm, proto);
    struct ofputil_bundle_add_msg bam = {
        .bundle_id = bundle_id,
        .flags = OFPBF_ATOMIC | OFPBF_ORDERED,
        .msg = fmsg->data,
    };
    struct ofpbuf *add = ofputil_encode_bundle_add(version, &bam);
    ovs_list_push_back(msgs, &add->list_node);
    ofpbuf_delete(fmsg);
    minimatch_destroy(&fm.match);
}

/* Appends to 'msgs' a bundle-add of "delete every flow in every table". */
static void
ofctrl_add_delete_all(struct ovs_list *msgs, uint32_t bundle_id)
{
    struct match match;
    struct ofputil_flow_mod fm = {
        .table_id = OFPTT_ALL,
        .command = OFPFC_DELETE,
        .buffer_id = UINT32_MAX,
        .out_port = OFPP_ANY,
        .out_group = OFPG_ANY,
    };
    enum ofp_version version = ofctrl_version();

    match_init_catchall(&match);
    minimatch_init(&fm.match, &match);
    struct ofpbuf *fmsg = ofputil_encode_flow_mod(
        &fm, ofputil_protocol_from_ofp_version(version));
    struct ofputil_bundle_add_msg bam = {
        .bundle_id = bundle_id,
        .flags = OFPBF_ATOMIC | OFPBF_ORDERED,
        .msg = fmsg->data,
    };
    struct ofpbuf *add = ofputil_encode_bundle_add(version, &bam);
    ovs_list_push_back(msgs, &add->list_node);
    ofpbuf_delete(fmsg);
    minimatch_destroy(&fm.match);
}

/* Appends to 'msgs' a bundle-add of a group_mod: 'command' for group 'id'
 * ("all" if 'id' is OFPG_ALL) with 'spec' (may be NULL for deletions). */
static void
ofctrl_add_gm(struct ovs_list *msgs, uint32_t bundle_id, int command,
              uint32_t id, const char *spec)
{
    struct ofputil_group_mod gm;
    enum ofputil_protocol usable;
    char *s = (id == OFPG_ALL
               ? xstrdup("group_id=all")
               : xasprintf("group_id=%"PRIu32"%s%s", id, spec ? "," : "",
                           spec ? spec : ""));
    char *error = parse_ofp_group_mod_str(&gm, command, s, NULL, NULL,
                                          &usable);
    if (error) {
        static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 5);
        VLOG_WARN_RL(&rl, "bad group \"%s\": %s", s, error);
        free(error);
        free(s);
        return;
    }
    enum ofp_version version = ofctrl_version();
    struct ofpbuf *gmsg = ofputil_encode_group_mod(version, &gm, NULL, -1);
    struct ofputil_bundle_add_msg bam = {
        .bundle_id = bundle_id,
        .flags = OFPBF_ATOMIC | OFPBF_ORDERED,
        .msg = gmsg->data,
    };
    struct ofpbuf *add = ofputil_encode_bundle_add(version, &bam);
    ovs_list_push_back(msgs, &add->list_node);
    ofpbuf_delete(gmsg);
    ofputil_uninit_group_mod(&gm);
    free(s);
}

/* Sends a meter_mod ('command' for meter 'id' with 'spec', or a deletion
 * if 'spec' is NULL) outside any bundle (meters cannot be bundled). */
static void
ofctrl_send_meter_mod(int command, uint32_t id, const char *spec)
{
    struct ofputil_meter_mod mm;
    enum ofputil_protocol usable;
    char *s = (spec ? xasprintf("meter=%"PRIu32",%s", id, spec)
                    : xasprintf("meter=%"PRIu32, id));
    char *error = parse_ofp_meter_mod_str(&mm, s, command, &usable);

    if (error) {
        static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 5);
        VLOG_WARN_RL(&rl, "bad meter \"%s\": %s", s, error);
        free(error);
        free(s);
        return;
    }
    struct ofpbuf *msg = ofputil_encode_meter_mod(ofctrl_version(), &mm);
    hmapx_add(&meter_xids, (void *) (uintptr_t)
              ntohl(((struct ofp_header *) msg->data)->xid));
    ofctrl_send(msg);
    free(mm.meter.bands);
    free(s);
}

/* Returns the index of the first of the 'n' 'tables' holding 'f''s key,
 * and the flow in '*found', or returns n (and NULL) if none does. */
static size_t
ofctrl_find_in(struct ctl_flow_table *tables[], size_t n,
               const struct ctl_flow *f, struct ctl_flow **found)
{
    for (size_t i = 0; i < n; i++) {
        struct ctl_flow *g = ctl_flow_table_find_flow(tables[i], f);
        if (g) {
            *found = g;
            return i;
        }
    }
    *found = NULL;
    return n;
}

/* Replaces installed flow 'inst' by a copy of 'd' from table 'src'. */
static void
ofctrl_replace_installed(struct ctl_flow *inst, const struct ctl_flow *d,
                         size_t src)
{
    ctl_flow_table_remove(&installed, inst);
    struct ctl_flow *c = ctl_flow_clone(d);
    c->source = src;
    ctl_flow_table_insert(&installed, c);
}

/* Table generations at the last ofctrl_put(), to skip unchanged tables. */
#define OFCTRL_MAX_TABLES 8
static uint64_t put_gens[OFCTRL_MAX_TABLES];
static size_t put_n_tables;

/* Makes the switch's flows equal the union of 'tables' (on a key conflict
 * the earlier table wins).  Tables whose 'gen' did not change since the
 * previous call are assumed unchanged.  'req_seq' identifies this desired
 * state: ofctrl_installed_seq() returns it once the switch has confirmed
 * it.  Does nothing if flows cannot be sent now (see ofctrl_can_put()). */
void
ofctrl_put(struct ctl_flow_table *tables[], size_t n_tables,
           const struct ctl_group_table *groups,
           const struct ctl_group_table *meters, uint64_t req_seq)
{
    if (!ofctrl_can_put()) {
        return;
    }
    ovs_assert(n_tables <= OFCTRL_MAX_TABLES);

    struct ovs_list msgs = OVS_LIST_INITIALIZER(&msgs);
    uint32_t bundle_id = next_bundle_id++;
    size_t n_changes = 0;
    bool full = need_full || n_tables != put_n_tables;
    bool changed[OFCTRL_MAX_TABLES];
    bool any_changed = full;

    for (size_t i = 0; i < n_tables; i++) {
        changed[i] = full || tables[i]->gen != put_gens[i];
        any_changed |= changed[i];
        put_gens[i] = tables[i]->gen;
    }
    put_n_tables = n_tables;

    /* Meters before the bundle (flows may refer to them): an add and a
     * modify each, since after a reconnection we cannot know which of them
     * exist; deletions once the bundle is committed. */
    uint32_t *meter_dels = NULL;
    size_t n_meter_dels = 0;
    if (meters && (need_full || meters->gen != put_meters_gen)) {
        const struct ctl_group *mt;
        if (need_full) {
            ctl_group_table_clear(&installed_meters);
        }
        HMAP_FOR_EACH (mt, node, &meters->groups) {
            const struct ctl_group *im = ctl_group_table_find(
                &installed_meters, mt->id);
            if (!im || strcmp(im->spec, mt->spec)) {
                ofctrl_send_meter_mod(OFPMC13_ADD, mt->id, mt->spec);
                ofctrl_send_meter_mod(OFPMC13_MODIFY, mt->id, mt->spec);
                ctl_group_table_set(&installed_meters, mt->id, mt->spec);
            }
        }
        struct ctl_group *im;
        HMAP_FOR_EACH_SAFE (im, node, &installed_meters.groups) {
            if (!ctl_group_table_find(meters, im->id)) {
                meter_dels = xrealloc(meter_dels,
                                      (n_meter_dels + 1) * sizeof *meter_dels);
                meter_dels[n_meter_dels++] = im->id;
                ctl_group_table_remove(&installed_meters, im->id);
            }
        }
        put_meters_gen = meters->gen;
    }

    /* Groups first (flows may refer to them); deletions at the end. */
    struct ovs_list group_dels = OVS_LIST_INITIALIZER(&group_dels);
    bool groups_changed = full || (groups && groups->gen != put_groups_gen);
    if (full) {
        COVERAGE_INC(ovn_ofctrl_full_sync);
        ctl_flow_table_clear(&installed);
        ctl_group_table_clear(&installed_groups);
        ofctrl_add_delete_all(&msgs, bundle_id);
        ofctrl_add_gm(&msgs, bundle_id, OFPGC11_DELETE, OFPG_ALL, NULL);
        n_changes++;
    }
    if (groups && groups_changed) {
        const struct ctl_group *g;
        HMAP_FOR_EACH (g, node, &groups->groups) {
            const struct ctl_group *ig = ctl_group_table_find(
                &installed_groups, g->id);
            if (!ig || strcmp(ig->spec, g->spec)) {
                ofctrl_add_gm(&msgs, bundle_id,
                              ig ? OFPGC11_MODIFY : OFPGC11_ADD,
                              g->id, g->spec);
                ctl_group_table_set(&installed_groups, g->id, g->spec);
                n_changes++;
            }
        }
        struct ctl_group *ig;
        HMAP_FOR_EACH_SAFE (ig, node, &installed_groups.groups) {
            if (!ctl_group_table_find(groups, ig->id)) {
                ofctrl_add_gm(&group_dels, bundle_id, OFPGC11_DELETE,
                              ig->id, NULL);
                ctl_group_table_remove(&installed_groups, ig->id);
                n_changes++;
            }
        }
        any_changed = true;
    }
    if (groups) {
        put_groups_gen = groups->gen;
    }
    if (!full && any_changed) {
        /* Installed flows from changed tables: still wanted, and with the
         * same actions? */
        struct ctl_flow *f;
        HMAP_FOR_EACH_SAFE (f, node, &installed.flows) {
            if (f->source < n_tables && !changed[f->source]) {
                continue;
            }
            struct ctl_flow *d;
            size_t src = ofctrl_find_in(tables, n_tables, f, &d);
            if (!d) {
                ofctrl_add_fm(&msgs, bundle_id, OFPFC_DELETE_STRICT, f);
                ctl_flow_table_remove(&installed, f);
                COVERAGE_INC(ovn_ofctrl_flow_del);
                n_changes++;
            } else if (src != f->source || !ctl_flow_actions_equal(f, d)) {
                ofctrl_add_fm(&msgs, bundle_id, OFPFC_MODIFY_STRICT, d);
                ofctrl_replace_installed(f, d, src);
                COVERAGE_INC(ovn_ofctrl_flow_mod);
                n_changes++;
            }
        }
    }
    for (size_t i = 0; i < n_tables; i++) {
        const struct ctl_flow *d;
        if (!changed[i]) {
            continue;
        }
        HMAP_FOR_EACH (d, node, &tables[i]->flows) {
            struct ctl_flow *shadow;
            if (i && ofctrl_find_in(tables, i, d, &shadow) < i) {
                continue;       /* Shadowed by an earlier table. */
            }
            struct ctl_flow *inst = ctl_flow_table_find_flow(&installed, d);
            if (!inst) {
                ofctrl_add_fm(&msgs, bundle_id, OFPFC_ADD, d);
                struct ctl_flow *c = ctl_flow_clone(d);
                c->source = i;
                ctl_flow_table_insert(&installed, c);
                COVERAGE_INC(ovn_ofctrl_flow_add);
                n_changes++;
            } else if (inst->source != i || !ctl_flow_actions_equal(inst, d)) {
                ofctrl_add_fm(&msgs, bundle_id, OFPFC_MODIFY_STRICT, d);
                ofctrl_replace_installed(inst, d, i);
                COVERAGE_INC(ovn_ofctrl_flow_mod);
                n_changes++;
            }
        }
    }
    need_full = false;
    ovs_list_push_back_all(&msgs, &group_dels);

    if (!n_changes) {
        for (size_t i = 0; i < n_meter_dels; i++) {
            ofctrl_send_meter_mod(OFPMC13_DELETE, meter_dels[i], NULL);
        }
        free(meter_dels);
        if (req_seq > last_put_seq) {
            /* Nothing to change: confirm through a barrier anyway, so that
             * the caller learns the state is installed. */
            struct ofctrl_txn *t = xzalloc(sizeof *t);
            t->barrier_xid = ofctrl_send_barrier();
            t->req_seq = req_seq;
            ovs_list_push_back(&pending_txns, &t->node);
            last_put_seq = req_seq;
        }
        return;
    }

    enum ofp_version version = ofctrl_version();
    struct ofputil_bundle_ctrl_msg bc = {
        .bundle_id = bundle_id,
        .type = OFPBCT_OPEN_REQUEST,
        .flags = OFPBF_ATOMIC | OFPBF_ORDERED,
    };
    ofctrl_send(ofputil_encode_bundle_ctrl_request(version, &bc));
    struct ofpbuf *msg;
    LIST_FOR_EACH_POP (msg, list_node, &msgs) {
        ofctrl_send(msg);
    }
    bc.type = OFPBCT_COMMIT_REQUEST;
    ofctrl_send(ofputil_encode_bundle_ctrl_request(version, &bc));
    for (size_t i = 0; i < n_meter_dels; i++) {
        ofctrl_send_meter_mod(OFPMC13_DELETE, meter_dels[i], NULL);
    }
    free(meter_dels);

    struct ofctrl_txn *t = xzalloc(sizeof *t);
    t->barrier_xid = ofctrl_send_barrier();
    t->bundle_id = bundle_id;
    t->req_seq = req_seq;
    ovs_list_push_back(&pending_txns, &t->node);
    last_put_seq = MAX(last_put_seq, req_seq);
    VLOG_DBG("sent %s bundle %"PRIu32" with %"PRIuSIZE" changes",
             full ? "full" : "incremental", bundle_id, n_changes);
}

/* Returns the 'req_seq' of the latest ofctrl_put() the switch confirmed. */
uint64_t
ofctrl_installed_seq(void)
{
    return installed_seq;
}

/* Returns the number of flows believed installed. */
size_t
ofctrl_installed_count(void)
{
    return ctl_flow_table_count(&installed);
}

/* Returns the flows believed installed. */
const struct ctl_flow_table *
ofctrl_installed_flows(void)
{
    return &installed;
}

/* Returns a short description of the OpenFlow connection state. */
const char *
ofctrl_connection_status(void)
{
    if (!ofctrl_is_connected()) {
        return "not connected";
    }
    return state == S_READY ? "connected" : "negotiating";
}
