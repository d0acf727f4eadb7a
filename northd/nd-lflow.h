/* The logical flow table of ovn-northd: every Logical_Flow row that northd
 * wants in the southbound database, reference counted by the "owners" (a
 * datapath, a port, ...) whose northbound inputs produced it.
 *
 * An owner recomputes its flows by calling nd_lflow_owner_begin(), then
 * nd_lflow_add() for each flow, then nd_lflow_owner_end().  Flows that the
 * owner produced before and produces again are untouched; flows that lost
 * their last reference are deleted from the southbound database and new ones
 * are inserted, so that only the difference is written. */
#ifndef ND_LFLOW_H
#define ND_LFLOW_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/hmap.h"
#include "openvswitch/list.h"
#include "openvswitch/uuid.h"

struct ovsdb_idl;
struct ovsdb_idl_txn;
struct sbrec_logical_flow;
struct nd_datapath;

/* Logical pipelines. */
enum nd_pipeline {
    ND_P_IN,                    /* Ingress. */
    ND_P_OUT,                   /* Egress. */
};

/* Logical switch stages, with their 23.03 table numbers and names. */
#define ND_SWITCH_STAGES                                        \
    S(LS_IN_CHECK_PORT_SEC, IN, 0, "ls_in_check_port_sec")      \
    S(LS_IN_APPLY_PORT_SEC, IN, 1, "ls_in_apply_port_sec")      \
    S(LS_IN_LOOKUP_FDB, IN, 2, "ls_in_lookup_fdb")              \
    S(LS_IN_PUT_FDB, IN, 3, "ls_in_put_fdb")                    \
    S(LS_IN_PRE_ACL, IN, 4, "ls_in_pre_acl")                    \
    S(LS_IN_PRE_LB, IN, 5, "ls_in_pre_lb")                      \
    S(LS_IN_PRE_STATEFUL, IN, 6, "ls_in_pre_stateful")          \
    S(LS_IN_ACL_HINT, IN, 7, "ls_in_acl_hint")                  \
    S(LS_IN_ACL, IN, 8, "ls_in_acl")                            \
    S(LS_IN_QOS_MARK, IN, 9, "ls_in_qos_mark")                  \
    S(LS_IN_QOS_METER, IN, 10, "ls_in_qos_meter")               \
    S(LS_IN_LB_AFF_CHECK, IN, 11, "ls_in_lb_aff_check")         \
    S(LS_IN_LB, IN, 12, "ls_in_lb")                             \
    S(LS_IN_LB_AFF_LEARN, IN, 13, "ls_in_lb_aff_learn")         \
    S(LS_IN_PRE_HAIRPIN, IN, 14, "ls_in_pre_hairpin")           \
    S(LS_IN_NAT_HAIRPIN, IN, 15, "ls_in_nat_hairpin")           \
    S(LS_IN_HAIRPIN, IN, 16, "ls_in_hairpin")                   \
    S(LS_IN_ACL_AFTER_LB, IN, 17, "ls_in_acl_after_lb")         \
    S(LS_IN_STATEFUL, IN, 18, "ls_in_stateful")                 \
    S(LS_IN_ARP_ND_RSP, IN, 19, "ls_in_arp_rsp")                \
    S(LS_IN_DHCP_OPTIONS, IN, 20, "ls_in_dhcp_options")         \
    S(LS_IN_DHCP_RESPONSE, IN, 21, "ls_in_dhcp_response")       \
    S(LS_IN_DNS_LOOKUP, IN, 22, "ls_in_dns_lookup")             \
    S(LS_IN_DNS_RESPONSE, IN, 23, "ls_in_dns_response")         \
    S(LS_IN_EXTERNAL_PORT, IN, 24, "ls_in_external_port")       \
    S(LS_IN_L2_LKUP, IN, 25, "ls_in_l2_lkup")                   \
    S(LS_IN_L2_UNKNOWN, IN, 26, "ls_in_l2_unknown")             \
    S(LS_OUT_PRE_ACL, OUT, 0, "ls_out_pre_acl")                 \
    S(LS_OUT_PRE_LB, OUT, 1, "ls_out_pre_lb")                   \
    S(LS_OUT_PRE_STATEFUL, OUT, 2, "ls_out_pre_stateful")       \
    S(LS_OUT_ACL_HINT, OUT, 3, "ls_out_acl_hint")               \
    S(LS_OUT_ACL, OUT, 4, "ls_out_acl")                         \
    S(LS_OUT_QOS_MARK, OUT, 5, "ls_out_qos_mark")               \
    S(LS_OUT_QOS_METER, OUT, 6, "ls_out_qos_meter")             \
    S(LS_OUT_STATEFUL, OUT, 7, "ls_out_stateful")               \
    S(LS_OUT_CHECK_PORT_SEC, OUT, 8, "ls_out_check_port_sec")   \
    S(LS_OUT_APPLY_PORT_SEC, OUT, 9, "ls_out_apply_port_sec")

/* Logical router stages, with their 23.03 table numbers and names
 * (flows: nd-lrouter-pipeline.c). */
#define ND_ROUTER_STAGES                                        \
    S(LR_IN_ADMISSION, IN, 0, "lr_in_admission")                \
    S(LR_IN_LOOKUP_NEIGHBOR, IN, 1, "lr_in_lookup_neighbor")    \
    S(LR_IN_LEARN_NEIGHBOR, IN, 2, "lr_in_learn_neighbor")      \
    S(LR_IN_IP_INPUT, IN, 3, "lr_in_ip_input")                  \
    S(LR_IN_UNSNAT, IN, 4, "lr_in_unsnat")                      \
    S(LR_IN_DEFRAG, IN, 5, "lr_in_defrag")                      \
    S(LR_IN_LB_AFF_CHECK, IN, 6, "lr_in_lb_aff_check")          \
    S(LR_IN_DNAT, IN, 7, "lr_in_dnat")                          \
    S(LR_IN_LB_AFF_LEARN, IN, 8, "lr_in_lb_aff_learn")          \
    S(LR_IN_ECMP_STATEFUL, IN, 9, "lr_in_ecmp_stateful")        \
    S(LR_IN_ND_RA_OPTIONS, IN, 10, "lr_in_nd_ra_options")       \
    S(LR_IN_ND_RA_RESPONSE, IN, 11, "lr_in_nd_ra_response")     \
    S(LR_IN_IP_ROUTING_PRE, IN, 12, "lr_in_ip_routing_pre")     \
    S(LR_IN_IP_ROUTING, IN, 13, "lr_in_ip_routing")             \
    S(LR_IN_IP_ROUTING_ECMP, IN, 14, "lr_in_ip_routing_ecmp")   \
    S(LR_IN_POLICY, IN, 15, "lr_in_policy")                     \
    S(LR_IN_POLICY_ECMP, IN, 16, "lr_in_policy_ecmp")           \
    S(LR_IN_ARP_RESOLVE, IN, 17, "lr_in_arp_resolve")           \
    S(LR_IN_CHK_PKT_LEN, IN, 18, "lr_in_chk_pkt_len")           \
    S(LR_IN_LARGER_PKTS, IN, 19, "lr_in_larger_pkts")           \
    S(LR_IN_GW_REDIRECT, IN, 20, "lr_in_gw_redirect")           \
    S(LR_IN_ARP_REQUEST, IN, 21, "lr_in_arp_request")           \
    S(LR_OUT_CHK_DNAT_LOCAL, OUT, 0, "lr_out_chk_dnat_local")   \
    S(LR_OUT_UNDNAT, OUT, 1, "lr_out_undnat")                   \
    S(LR_OUT_POST_UNDNAT, OUT, 2, "lr_out_post_undnat")         \
    S(LR_OUT_SNAT, OUT, 3, "lr_out_snat")                       \
    S(LR_OUT_POST_SNAT, OUT, 4, "lr_out_post_snat")             \
    S(LR_OUT_EGR_LOOP, OUT, 5, "lr_out_egr_loop")               \
    S(LR_OUT_DELIVERY, OUT, 6, "lr_out_delivery")

/* Every stage that northd writes flows into. */
enum nd_stage {
#define S(NAME, PIPELINE, TABLE, STR) S_##NAME,
    ND_SWITCH_STAGES
    ND_ROUTER_STAGES
#undef S
    ND_N_STAGES
};

/* Returns the pipeline, table number and name of 'stage'. */
enum nd_pipeline nd_stage_pipeline(enum nd_stage stage);
uint8_t nd_stage_table(enum nd_stage stage);
const char *nd_stage_name(enum nd_stage stage);

/* One desired Logical_Flow row. */
struct nd_lflow {
    struct hmap_node hmap_node; /* In nd_lflow_table 'flows', by content. */
    struct hmap_node uuid_node; /* In 'by_uuid' by 'sb_uuid', if 'in_sb'. */
    struct nd_datapath *dp;     /* Logical datapath. */
    enum nd_stage stage;        /* Pipeline and table. */
    uint16_t priority;          /* Flow priority. */
    char *match;                /* Match expression. */
    char *actions;              /* Actions. */
    char *hint;                 /* external_ids:stage-hint or NULL. */
    const char *where;          /* external_ids:source. */
    int refcnt;                 /* Number of owners that produce the flow. */
    struct uuid sb_uuid;        /* UUID of the southbound row. */
    struct uuid dp_sb_uuid;     /* Datapath_Binding the row refers to. */
    bool in_sb;                 /* Southbound row inserted or claimed? */
    struct ovs_list dead_node;  /* In table 'dead', if 'refcnt' is 0. */
};

/* The set of flows that one northbound object produces. */
struct nd_lflow_owner {
    struct ovs_list refs;       /* Of "struct nd_lflow_ref". */
    size_t n_refs;              /* Length of 'refs'. */
};

/* Where flows are written, and how. */
struct nd_lflow_table {
    struct hmap flows;          /* Of "struct nd_lflow", by content. */
    struct hmap by_uuid;        /* Of "struct nd_lflow" in SB, by UUID. */
    struct ovsdb_idl_txn *txn;  /* Southbound transaction, NULL if none. */
    struct ovsdb_idl *sb_idl;   /* Southbound IDL. */

    /* Flows that lost their last reference during this run ("struct
     * nd_lflow" via 'dead_node'): their rows are deleted by
     * nd_lflow_table_flush() at the end of the run, unless an owner adds the
     * flow again before.  (Row UUIDs derive from flow content, so a row must
     * not be deleted and inserted again in one transaction.) */
    struct ovs_list dead;

    /* During a full recompute: existing southbound rows that may be claimed
     * instead of inserting new ones ("struct nd_lflow_claim", by UUID). */
    struct hmap claims;
    size_t n_inserted;          /* Statistics: rows inserted. */
    size_t n_deleted;           /* Statistics: rows deleted. */
};

void nd_lflow_table_init(struct nd_lflow_table *, struct ovsdb_idl *sb_idl);
void nd_lflow_table_destroy(struct nd_lflow_table *);

/* Forgets the flows that have no reference left, deleting their rows if
 * the table has a transaction.  Call at the end of every run. */
void nd_lflow_table_flush(struct nd_lflow_table *);

/* Tells the southbound IDL not to monitor the Logical_Flow columns (except
 * the small "table_id", which keeps deletions tracked): northd only writes
 * them, so the server's echo of every row written is not parsed and kept.
 * Rows are recognized by UUID, which derives from their content. */
void nd_lflow_idl_init(struct ovsdb_idl *sb_idl);

size_t nd_lflow_table_count(const struct nd_lflow_table *);

/* Full recompute support: offers every existing southbound Logical_Flow
 * for claiming, then, after all owners have added their flows, deletes the
 * rows that nobody claimed.  A row is claimed by the flow whose content
 * gives its UUID.  ('dp_from_sb' and 'aux' are unused: the rows' columns
 * are not monitored.) */
void nd_lflow_claims_begin(struct nd_lflow_table *,
                           struct nd_datapath *(*dp_from_sb)(
                               void *aux, const struct uuid *),
                           void *aux);
void nd_lflow_claims_end(struct nd_lflow_table *);

/* Returns true if 'sb_uuid' is the row of a flow that the table wants. */
bool nd_lflow_table_has_row(const struct nd_lflow_table *,
                            const struct uuid *sb_uuid);

void nd_lflow_owner_init(struct nd_lflow_owner *);

/* Starts recomputing 'owner': moves its current references to 'old'. */
void nd_lflow_owner_begin(struct nd_lflow_owner *owner, struct ovs_list *old);

/* Finishes recomputing: releases the references in 'old'. */
void nd_lflow_owner_end(struct nd_lflow_table *, struct ovs_list *old);

/* Releases every flow of 'owner'. */
void nd_lflow_owner_clear(struct nd_lflow_table *, struct nd_lflow_owner *);

/* Adds a flow produced by 'owner'.
 *
 * Validation hook: matches that northd generates itself are checked by
 * tests/unit/test-northd-lflow.c against the logical flow language
 * (ovn_lflow_check_match() and ovn_actions_parse() of lib/libovnlflow.a).
 * Matches that come from user input (ACLs, QoS, policies: not handled yet)
 * must be checked with ovn_lflow_check_match() before they are added, and
 * the row skipped with nd_log_bad() if it fails. */
void nd_lflow_add_at(struct nd_lflow_table *, struct nd_lflow_owner *owner,
                     struct nd_datapath *dp, enum nd_stage stage,
                     uint16_t priority, const char *match,
                     const char *actions, const struct uuid *hint,
                     const char *where);

#define ND_LFLOW_ADD(TABLE, OWNER, DP, STAGE, PRIO, MATCH, ACTIONS, HINT) \
    nd_lflow_add_at(TABLE, OWNER, DP, STAGE, PRIO, MATCH, ACTIONS, HINT,  \
                    nd_lflow_where(__FILE__, __LINE__))

/* Returns "FILE:LINE" for 'file' without directories, interned. */
const char *nd_lflow_where(const char *file, int line);

#endif /* northd/nd-lflow.h */
