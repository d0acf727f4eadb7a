/* ovn-northd's model of the southbound database it maintains.
 *
 * Each southbound row that northd writes belongs to one object of this model
 * (a datapath, a port, a multicast group, a flow owned by a datapath or a
 * port).  Each object is derived from identified northbound rows, so that a
 * change to a northbound row recomputes only the objects derived from it and
 * writes only the difference.  See docs/northd-design.md. */
#ifndef NORTHD_H
#define NORTHD_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/hmap.h"
#include "openvswitch/list.h"
#include "openvswitch/shash.h"
#include "openvswitch/uuid.h"
#include "hmapx.h"
#include "northd/nd-lflow.h"
#include "lib/ovn-addr.h"

struct ovsdb_idl;
struct ovsdb_idl_txn;
struct nbrec_logical_switch;
struct nbrec_logical_switch_port;
struct sbrec_datapath_binding;
struct sbrec_port_binding;

/* Maximum datapath tunnel key (24 bits less the range OVN reserves). */
#define ND_MAX_DP_KEY 16711680
/* Port tunnel keys are 1..ND_MAX_PORT_KEY; multicast groups use the rest. */
#define ND_MAX_PORT_KEY 32767

/* The multicast groups that northd maintains on each switch. */
enum nd_mc_group {
    ND_MC_FLOOD,                /* "_MC_flood": every enabled port. */
    ND_MC_UNKNOWN,              /* "_MC_unknown": ports with "unknown". */
    ND_MC_FLOOD_L2,             /* "_MC_flood_l2": enabled non-router ports. */
    ND_N_MC
};

/* Name and tunnel key of 'group'. */
const char *nd_mc_name(enum nd_mc_group group);
uint32_t nd_mc_key(enum nd_mc_group group);

/* A set of small integers with a "next" hint, for tunnel key allocation. */
struct nd_keyset {
    unsigned long *bits;        /* Bitmap of allocated keys. */
    uint32_t max;               /* Keys are 1...max. */
    uint32_t hint;              /* Last key allocated. */
};

void nd_keyset_init(struct nd_keyset *, uint32_t max);
void nd_keyset_destroy(struct nd_keyset *);
bool nd_keyset_contains(const struct nd_keyset *, uint32_t key);
void nd_keyset_add(struct nd_keyset *, uint32_t key);
void nd_keyset_remove(struct nd_keyset *, uint32_t key);
/* Allocates and returns a free key, or 0 if none is left. */
uint32_t nd_keyset_alloc(struct nd_keyset *);

/* One multicast group of one datapath. */
struct nd_mcgroup {
    struct uuid sb_uuid;        /* Southbound Multicast_Group row. */
    bool in_sb;                 /* Row exists? */
    size_t n_ports;             /* Number of member ports. */
};

/* A logical datapath (so far: a logical switch). */
struct nd_datapath {
    struct hmap_node node;      /* In northd 'datapaths', by 'nb_uuid'. */
    struct hmap_node sb_node;   /* In northd 'dp_by_sb', by 'sb_uuid'. */
    struct uuid nb_uuid;        /* Northbound Logical_Switch. */
    char *name;                 /* Logical switch name. */
    uint32_t tunnel_key;        /* Datapath tunnel key. */
    struct uuid sb_uuid;        /* Southbound Datapath_Binding. */
    struct ovs_list ports;      /* Of "struct nd_port", via 'dp_node'. */
    size_t n_ports;             /* Length of 'ports'. */
    struct nd_keyset port_keys; /* Port tunnel keys in use. */
    struct nd_mcgroup mc[ND_N_MC];      /* Multicast groups. */
    size_t n_unknown;           /* Enabled ports with "unknown" address. */
    size_t n_vtep;              /* Ports of type "vtep". */

    /* Inputs of the external ports' flows (ls_in_external_port). */
    struct hmapx localnet_ports;        /* Ports of type "localnet". */
    struct hmapx router_ports;  /* Router ports whose peer exists. */
    struct hmapx external_ports;        /* Ports of type "external". */
    bool vlan_passthru;         /* other_config:vlan-passthru. */
    bool ports_dirty;           /* Port list needs re-reading from NB? */
    unsigned int created;       /* 'run_id' of the run that created it. */
    struct nd_lflow_owner flows;        /* Flows derived from the switch. */

    /* IPAM (other_config:subnet etc.). */
    struct nd_ipam *ipam;       /* NULL if the switch does no IPAM. */
};

/* A logical switch port. */
struct nd_port {
    struct hmap_node name_node; /* In northd 'ports', by 'name' (!dup). */
    struct hmap_node uuid_node; /* In northd 'ports_by_uuid'. */
    struct ovs_list dp_node;    /* In datapath 'ports'. */
    struct uuid nb_uuid;        /* Northbound Logical_Switch_Port. */
    char *name;                 /* Port name. */
    char *json_key;             /* 'name' quoted and escaped for flows. */
    struct nd_datapath *dp;     /* Logical switch the port is on. */
    bool dup;                   /* Name already used: port is ignored. */
    unsigned int seen;          /* Epoch of last port-list walk. */
    unsigned int synced;        /* 'run_id' of the last nd_port_sync(). */

    uint32_t tunnel_key;        /* Port tunnel key within 'dp', 0 if none. */
    struct uuid sb_uuid;        /* Southbound Port_Binding. */
    bool in_sb;                 /* Port_Binding exists? */

    /* Derived from the northbound row. */
    bool enabled;               /* "enabled" is not false. */
    bool has_unknown;           /* "unknown" in addresses. */
    bool is_router;             /* type "router". */
    bool is_vtep;               /* type "vtep". */
    char *rport_peer;           /* Router port named in options:router-port
                                 * (type "router" only), or NULL. */
    bool has_peer;              /* That router port exists? */
    struct ovn_lport_addrs peer_addrs;  /* Its MAC and networks. */
    bool mc_member[ND_N_MC];    /* Member of each multicast group? */
    struct ovn_lport_addrs *addrs;      /* Parsed static/dynamic addresses. */
    size_t n_addrs;             /* Number of 'addrs'. */

    /* Container tag allocated from the parent's pool (tag_request=0). */
    char *tag_parent;           /* Parent whose pool holds 'tag', or NULL. */
    int64_t tag;                /* Allocated tag, if 'tag_parent'. */

    /* IPAM (nd-ipam.c). */
    struct eth_addr dyn_mac;    /* Dynamic MAC, all-zero if none. */
    uint32_t dyn_ip4;           /* Dynamic IPv4 (host order), 0 if none. */
    uint32_t *static_ip4;       /* Static IPv4s reserved in dp's IPAM. */
    size_t n_static_ip4;        /* Number of 'static_ip4'. */
    uint64_t *static_macs;      /* Static MACs registered in the MAC pool. */
    size_t n_static_macs;       /* Number of 'static_macs'. */
    char *dyn_addresses;        /* Computed "dynamic_addresses" or NULL. */

    struct nd_lflow_owner flows;        /* Flows derived from the port. */
};

/* Everything northd maintains. */
struct northd {
    struct ovsdb_idl *nb_idl;   /* Northbound IDL. */
    struct ovsdb_idl *sb_idl;   /* Southbound IDL. */
    struct ovsdb_idl_txn *nb_txn;       /* Open NB transaction or NULL. */
    struct ovsdb_idl_txn *sb_txn;       /* Open SB transaction or NULL. */

    struct hmap datapaths;      /* Of "struct nd_datapath", by NB UUID. */
    struct hmap dp_by_sb;       /* Of "struct nd_datapath", by SB UUID. */
    struct nd_keyset dp_keys;   /* Datapath tunnel keys in use. */
    struct hmap ports;          /* Of "struct nd_port", by name. */
    struct hmap ports_by_uuid;  /* Of "struct nd_port", by NB UUID. */
    struct shash tag_pools;     /* Parent port name -> struct nd_keyset *. */
    struct nd_lflow_table lflows;       /* Desired logical flows. */
    struct nd_pgas *pgas;       /* Address sets and port groups. */
    struct nd_lrouters *lrouters;       /* l3: logical routers
                                         * (nd-lrouter.h). */
    struct shash lrp_by_name;   /* Router port name -> struct uuid *. */
    struct shash lrp_names;     /* Router port UUID string -> name. */
    struct shash rports_by_peer;        /* Router port name -> struct hmapx
                                         * of "struct nd_port" naming it. */
    unsigned int epoch;         /* Counter for port-list walks. */
    size_t n_dups;              /* Ports ignored for a duplicate name. */
    unsigned int run_id;        /* Counter of runs. */
    struct hmapx dirty_dps;     /* Datapaths whose flows need recomputing. */
    struct hmapx req_chassis_ports;     /* Ports with requested-chassis. */
    struct hmapx ext_dirty_dps; /* Datapaths whose external ports' flows
                                 * need recomputing. */

    /* Global settings (from NB_Global options). */
    struct eth_addr mac_prefix; /* IPAM MAC prefix (first 3 bytes). */
    char *svc_monitor_mac;      /* Service monitor MAC as text. */
    bool ct_mark;               /* Every chassis has "ct-no-masked-label":
                                 * use ct_mark.blocked and ct_lb_mark. */
    struct hmap mac_pool;       /* IPAM: MACs in use ("struct nd_mac"). */
    uint32_t mac_hint;          /* IPAM: last MAC suffix allocated. */
    struct hmapx ipam_displaced;        /* Ports whose dynamic IP a static
                                         * address took; to reallocate. */

    /* Full recompute: existing southbound rows that may be claimed. */
    bool claiming;              /* In a full recompute? */
    struct shash pb_claims;     /* Port name -> sbrec_port_binding. */
    struct shash dp_claims;     /* NB UUID -> sbrec_datapath_binding. */
    struct shash mc_claims;     /* "SBDP/name" -> sbrec_multicast_group. */
    struct hmapx claimed;       /* SB rows claimed (not lflows). */

    /* Statistics. */
    unsigned long long n_full;  /* Full recomputes. */
    unsigned long long n_incr;  /* Incremental runs. */
};

/* Helpers shared by the feature files. */
void nd_log_bad(const char *table, const char *name, const char *fmt, ...)
    OVS_PRINTF_FORMAT(3, 4);

/* nd-datapath.c */
struct nd_datapath *nd_datapath_find(const struct northd *,
                                     const struct uuid *nb_uuid);
struct nd_datapath *nd_datapath_from_sb(void *northd,
                                        const struct uuid *sb_uuid);
struct nd_datapath *nd_datapath_create(struct northd *,
                                       const struct nbrec_logical_switch *);
void nd_datapath_sync(struct northd *, struct nd_datapath *,
                      const struct nbrec_logical_switch *);
void nd_datapath_sync_ports(struct northd *, struct nd_datapath *,
                            const struct nbrec_logical_switch *);
void nd_datapath_destroy(struct northd *, struct nd_datapath *);
void nd_datapath_mark_dirty(struct northd *, struct nd_datapath *);
void nd_datapath_delete_sb(struct northd *,
                           const struct sbrec_datapath_binding *);
const struct sbrec_datapath_binding *nd_datapath_sb(const struct northd *,
                                                    const struct nd_datapath *);

/* nd-port.c */
struct nd_port *nd_port_find_uuid(const struct northd *,
                                  const struct uuid *nb_uuid);
struct nd_port *nd_port_find(const struct northd *, const char *name);
struct nd_port *nd_port_create(struct northd *, struct nd_datapath *,
                               const struct nbrec_logical_switch_port *);
void nd_port_sync(struct northd *, struct nd_port *,
                  const struct nbrec_logical_switch_port *);
void nd_port_destroy(struct northd *, struct nd_port *);
const struct sbrec_port_binding *nd_port_sb(const struct northd *,
                                            const struct nd_port *);
void nd_port_update_nb_up(struct northd *, const struct nd_port *,
                          const struct sbrec_port_binding *);

/* nd-mcast.c */
void nd_mc_update_port(struct northd *, struct nd_port *,
                       const bool member[ND_N_MC]);
void nd_mc_destroy_dp(struct northd *, struct nd_datapath *);
void nd_mc_finish_full(struct northd *);

/* nd-lswitch.c */
void nd_lswitch_dp_flows(struct northd *, struct nd_datapath *,
                         const struct nbrec_logical_switch *);
void nd_lswitch_port_flows(struct northd *, struct nd_port *,
                           const struct nbrec_logical_switch_port *);
void nd_lswitch_flush_external(struct northd *);

/* nd-lsp-peer.c */
struct nbrec_logical_router_port;
void nd_lsp_peer_init(struct northd *);
void nd_lsp_peer_clear(struct northd *);
void nd_lsp_peer_destroy(struct northd *);
void nd_lsp_peer_full(struct northd *);
void nd_lsp_peer_incremental(struct northd *);
const struct nbrec_logical_router_port *nd_lsp_peer_peer(const struct northd *,
                                                      const char *name);
void nd_lsp_peer_register(struct northd *, struct nd_port *, const char *peer);
bool nd_lsp_peer_addrs(const struct nbrec_logical_router_port *,
                    struct ovn_lport_addrs *, const char *lsp_name);

/* nd-ipam.c */
struct nd_ipam;
void nd_ipam_dp_update(struct northd *, struct nd_datapath *,
                       const struct nbrec_logical_switch *);
void nd_ipam_dp_destroy(struct northd *, struct nd_datapath *);
void nd_ipam_port_update(struct northd *, struct nd_port *,
                         const struct nbrec_logical_switch_port *);
void nd_ipam_port_release(struct northd *, struct nd_port *);
void nd_ipam_global_init(struct northd *);
void nd_ipam_global_destroy(struct northd *);
void nd_ipam_run_displaced(struct northd *);

/* nd-run.c */
void northd_init(struct northd *, struct ovsdb_idl *nb, struct ovsdb_idl *sb);
void northd_destroy(struct northd *);
void northd_run_full(struct northd *);
bool northd_run_incremental(struct northd *);
void northd_run_status(struct northd *);

#endif /* northd/northd.h */
