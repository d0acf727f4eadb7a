/* ovn-northd logical routers: one Datapath_Binding per Logical_Router, one
 * Port_Binding per Logical_Router_Port, and the router pipeline
 * (ovn-northd(8), "Logical Router Datapaths").
 *
 * Routers are recomputed as a whole (model objects are kept, so tunnel keys
 * and southbound rows stay; flows go through the reference-counted flow
 * table, so only differences are written) whenever a northbound row that
 * router flows depend on changes: a router, router port or static route,
 * or a switch or switch port (the "known" neighbours in lr_in_arp_resolve
 * are the addresses of the ports on the switches a router is attached
 * to). */
#ifndef ND_LROUTER_H
#define ND_LROUTER_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/hmap.h"
#include "openvswitch/list.h"
#include "openvswitch/uuid.h"
#include "northd/northd.h"
#include "lib/ovn-addr.h"

struct nbrec_logical_router;
struct sset;
struct nbrec_logical_router_port;

/* A logical router port. */
struct nd_rport {
    struct hmap_node node;      /* In nd_lrouters 'ports', by name. */
    struct ovs_list lr_node;    /* In router 'ports'. */
    struct nd_router *lr;       /* Router the port belongs to. */
    struct uuid nb_uuid;        /* Northbound Logical_Router_Port. */
    char *name;                 /* Port name. */
    char *json_key;             /* 'name' quoted and escaped for flows. */
    bool dup;                   /* Name already used: port is ignored. */
    unsigned int seen;          /* Epoch of the last port walk. */
    uint32_t tunnel_key;        /* Tunnel key within the router. */
    struct uuid sb_uuid;        /* Southbound Port_Binding. */
    bool in_sb;                 /* Port_Binding exists? */

    /* Derived from the northbound row. */
    bool enabled;               /* "enabled" is not false. */
    bool has_nets;              /* 'nets' parsed? */
    struct ovn_lport_addrs nets;        /* MAC and networks (IPv6 includes
                                         * the link-local address). */
    char *peer;                 /* Peer port name (switch or router), or
                                 * NULL. */
    struct uuid peer_ls;        /* NB UUID of the peer port's switch, or
                                 * all-zero. */
    struct nd_lflow_owner nb_flows;     /* Its lr_in_arp_resolve flows for
                                         * the known neighbours. */
};

/* A logical router. */
struct nd_router {
    struct hmap_node node;      /* In nd_lrouters 'routers', by NB UUID. */
    struct nd_datapath dp;      /* Datapath (tunnel key, SB row, flows);
                                 * in northd 'dp_by_sb' only. */
    struct ovs_list ports;      /* Of "struct nd_rport", via 'lr_node'. */
    unsigned int seen;          /* Epoch of the last router walk. */
};

/* Every router that northd maintains. */
struct nd_lrouters {
    struct hmap routers;        /* Of "struct nd_router", by NB UUID. */
    struct hmap ports;          /* Of "struct nd_rport" (!dup), by name. */
    unsigned int epoch;         /* Counter for walks. */
};

/* nd-lrouter.c */

/* Creates, frees without writing anything (model_clear()), and destroys the
 * router model of 'nd'. */
void nd_lrouter_init(struct northd *);
void nd_lrouter_clear(struct northd *);
void nd_lrouter_destroy(struct northd *);

/* Full recompute, first step: creates (claiming existing rows) the
 * Datapath_Binding of every router, before flows are claimed. */
void nd_lrouter_create_all(struct northd *);

/* Recomputes every router (NULL 'changed_ls'), or only what depends on the
 * switches whose NB UUIDs (as strings) are in 'changed_ls'. */
void nd_lrouter_run(struct northd *, const struct sset *changed_ls);

/* Incremental run: decides from the tracked NB rows what to recompute. */
void nd_lrouter_incremental(struct northd *);

/* Returns the router port named 'name' (not a duplicate), or NULL. */
struct nd_rport *nd_lrouter_port_find(const struct northd *,
                                      const char *name);

/* Returns true if Port_Binding 'pb_uuid' ('name') is one a router port of
 * the model owns (so that its deletion by someone else needs a full
 * recompute). */
bool nd_lrouter_sb_deleted(const struct northd *,
                           const struct uuid *pb_uuid, const char *name);

/* nd-lrouter-pipeline.c */

/* Recomputes the router-wide flows of 'lr' (everything but the known
 * neighbours), from 'nbr' and the ports of 'lr'. */
void nd_lrouter_flows(struct northd *, struct nd_router *,
                      const struct nbrec_logical_router *);

/* Recomputes the lr_in_arp_resolve flows of 'rp' for the known neighbours
 * on the switch (or router port) it is attached to. */
void nd_lrouter_neighbour_flows(struct northd *, struct nd_rport *);

#endif /* northd/nd-lrouter.h */
