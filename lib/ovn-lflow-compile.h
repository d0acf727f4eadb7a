/*
 * Compiling one southbound logical flow into OpenFlow flows.
 *
 * This is the single entry point ovn-controller, ovn-trace and ovn-northd
 * need from the logical-flow language: it parses the match (lib/ovn-expr*),
 * resolves port names, address sets and port groups through a caller
 * supplied environment, encodes the actions (lib/ovn-actions*) and produces
 * a list of OpenFlow flows for the table layout of ovn-architecture(7).
 */
#ifndef OVN_LFLOW_COMPILE_H
#define OVN_LFLOW_COMPILE_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/list.h"
#include "openvswitch/match.h"
#include "openvswitch/ofpbuf.h"

struct ds;
struct ovn_action_env;
struct shash;

/* OpenFlow tables used for logical pipelines: ingress stage N is table
 * OVN_TABLE_INGRESS_BASE + N, egress stage N is OVN_TABLE_EGRESS_BASE + N. */
#define OVN_TABLE_INGRESS_BASE 8
#define OVN_TABLE_EGRESS_BASE 42
#define OVN_N_INGRESS_STAGES 29
#define OVN_N_EGRESS_STAGES 22

/* Default bound on the number of OpenFlow flows one logical flow may
 * produce; a match that would exceed it is an error. */
#define OVN_LFLOW_MAX_FLOWS 100000

/* Everything a logical flow's match and actions may refer to. */
struct ovn_lflow_env {
    /* Port name -> logical port tunnel key within the flow's datapath;
     * returns false if unknown (an unknown port makes a comparison false,
     * not an error).  May be NULL: then every port is unknown. */
    bool (*lookup_port)(const void *aux, const char *port_name,
                        uint32_t *key);

    /* Returns true if logical port 'port_name' is resident on this chassis
     * (for is_chassis_resident("name") in matches).  May be NULL: then it
     * is false for every port. */
    bool (*is_chassis_resident)(const void *aux, const char *port_name);

    const void *aux;                  /* Passed to the callbacks. */
    const struct shash *addr_sets;    /* Name -> struct sset * of address
                                       * strings ("10.0.0.1", "10.0.0.0/8",
                                       * "00:11:22:33:44:55", "fe80::1"...).
                                       * May be NULL. */
    const struct shash *port_groups;  /* Name -> struct sset * of logical
                                       * port names.  May be NULL.  "@pg"
                                       * in a flow of datapath K looks up
                                       * "K_pg" first (southbound
                                       * Port_Group naming), then "pg". */
    bool is_switch;                   /* Datapath is a logical switch. */

    /* Bound on flows per logical flow; 0 means OVN_LFLOW_MAX_FLOWS. */
    unsigned int max_flows;

    /* Settings for encoding actions (lib/ovn-actions.h): group and meter
     * allocation, DHCP option tables, controller meter, lflow cookie.
     * ovn_lflow_compile() copies it and fills in lookup_port, aux,
     * is_switch, ingress, stage and dp_key itself.  May be NULL: then
     * defaults are used (no group/meter allocation). */
    const struct ovn_action_env *action_env;
};

/* One OpenFlow flow produced by ovn_lflow_compile(). */
struct ovn_oflow {
    struct ovs_list list_node;  /* In the caller's 'out' list. */
    uint8_t table_id;           /* OpenFlow table. */
    uint16_t priority;          /* OpenFlow priority (the logical flow's). */
    struct match match;         /* Includes metadata=<datapath key>. */
    struct ofpbuf ofpacts;      /* OpenFlow actions (struct ofpact ...).
                                 * For a flow with conjunction actions
                                 * these are only "conjunction(...)". */
};

/* Compiles one logical flow into OpenFlow flows appended to 'out' (a list
 * of struct ovn_oflow), or returns a malloc'd error string and appends
 * nothing.
 *
 * 'ingress' and 'stage' select the table; 'priority' is the flow priority;
 * 'dp_key' is the datapath tunnel key matched in metadata.
 *
 * Conjunctive matches use conjunction ids conj_id_base,
 * conj_id_base + 1, ...; '*n_conj_ids_used' receives how many were used
 * (0 if none).  If the same logical flow is compiled for several
 * datapaths, each needs its own ids.  Callers that install flows from
 * several logical flows with identical (table, priority, match) must merge
 * their actions (conjunction actions in particular accumulate). */
char *ovn_lflow_compile(const struct ovn_lflow_env *, bool ingress,
                        uint8_t stage, uint16_t priority,
                        const char *match, const char *actions,
                        uint32_t dp_key, struct ovs_list *out,
                        uint32_t *n_conj_ids_used, uint32_t conj_id_base);

/* Frees one flow / every flow in 'flows' (a list of struct ovn_oflow) and
 * empties the list.  Both accept NULL. */
void ovn_oflow_destroy(struct ovn_oflow *);
void ovn_oflow_list_destroy(struct ovs_list *flows);

/* Appends "table=T, priority=P, MATCH actions=ACTIONS" for 'flow' to 's',
 * in ovs-ofctl's format. */
void ovn_oflow_format(const struct ovn_oflow *, struct ds *s);

/* Validates a match string against the logical symbol table (for northd
 * ACL checking).  Returns NULL if it is valid, otherwise a malloc'd error
 * string.  Address sets and port groups are not resolved: any name is
 * accepted. */
char *ovn_lflow_check_match(const char *match);

#endif /* lib/ovn-lflow-compile.h */
