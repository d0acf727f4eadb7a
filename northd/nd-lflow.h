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

/* Every stage that northd writes flows into. */
enum nd_stage {
#define S(NAME, PIPELINE, TABLE, STR) S_##NAME,
    ND_SWITCH_STAGES
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
    bool in_sb;                 /* Southbound row inserted or claimed? */
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

    /* During a full recompute: existing southbound rows that may be claimed
     * by content instead of inserting new ones ("struct nd_lflow_claim"). */
    struct hmap claims;
    size_t n_inserted;          /* Statistics: rows inserted. */
    size_t n_deleted;           /* Statistics: rows deleted. */
};

void nd_lflow_table_init(struct nd_lflow_table *, struct ovsdb_idl *sb_idl);
void nd_lflow_table_destroy(struct nd_lflow_table *);
size_t nd_lflow_table_count(const struct nd_lflow_table *);

/* Full recompute support: offers every existing southbound Logical_Flow
 * for claiming, then, after all owners have added their flows, deletes the
 * rows that nobody claimed.  'dp_from_sb' maps a Datapath_Binding UUID to
 * the datapath that owns it (NULL if none). */
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

/* Adds a flow produced by 'owner'. */
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
