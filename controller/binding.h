/* Port binding: which logical ports live on this chassis, claiming them in
 * the southbound Port_Binding table, and which logical datapaths are
 * therefore local. */
#ifndef CONTROLLER_BINDING_H
#define CONTROLLER_BINDING_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openflow/openflow.h"
#include "openvswitch/hmap.h"
#include "openvswitch/shash.h"
#include "sset.h"

struct ctl_config;
struct ds;
struct ovsdb_idl;
struct ovsdb_idl_txn;
struct ovsrec_bridge;
struct ovsrec_interface;
struct sbrec_chassis;
struct sbrec_datapath_binding;
struct sbrec_port_binding;

/* A logical datapath with a presence on this chassis. */
struct local_datapath {
    struct hmap_node node;      /* In binding_state's 'datapaths'. */
    const struct sbrec_datapath_binding *dp; /* The datapath. */
    uint32_t key;               /* Its tunnel key. */
    bool is_switch;             /* Logical switch (vs router)? */
    const struct sbrec_port_binding *localnet; /* Its localnet port. */
};

/* How a local port is attached to the integration bridge. */
enum local_port_kind {
    LP_VIF,                     /* An Interface with iface-id. */
    LP_CONTAINER,               /* VLAN-tagged inside a parent VIF. */
    LP_LOCALPORT,               /* "localport": local-only VIF. */
    LP_LOCALNET,                /* "localnet": patch to a physical bridge. */
    LP_L2GATEWAY,               /* "l2gateway" bound here: patch port. */
};

/* A logical port physically present on this chassis. */
struct local_port {
    const struct sbrec_port_binding *pb;   /* Its binding. */
    const struct ovsrec_interface *iface;  /* Its (or parent's) Interface. */
    ofp_port_t ofport;          /* OpenFlow port on the integration bridge. */
    int tag;                    /* VLAN tag or -1 for none. */
    enum local_port_kind kind;  /* Attachment kind. */
};

/* A patch port from the integration bridge to a physical bridge, for a
 * localnet or l2gateway logical port. */
struct ctl_patch_port {
    const struct sbrec_port_binding *pb;   /* The logical port. */
    ofp_port_t ofport;          /* OpenFlow port on br-int, or 0. */
};

/* What binding_run() computes. */
struct binding_state {
    struct hmap datapaths;      /* "struct local_datapath"s by key. */
    struct shash ports;         /* Logical port name -> struct local_port. */
    struct sset claimed;        /* Ports this chassis binds (chassis=us). */
    struct shash ifaces;        /* iface-id -> const ovsrec_interface. */
    struct shash pbs;           /* Logical port name -> Port_Binding (all
                                 * of the southbound database). */
    struct sset wanted_ports;   /* Peers of local patch ports (for
                                 * conditional monitoring). */
};

void binding_state_init(struct binding_state *);
void binding_state_clear(struct binding_state *);
void binding_state_destroy(struct binding_state *);

struct local_datapath *binding_get_datapath(const struct binding_state *,
                                            uint32_t key);
void binding_run(struct ovsdb_idl_txn *sb_txn, struct ovsdb_idl *sb,
                 const struct ovsrec_bridge *br_int,
                 const struct sbrec_chassis *self,
                 const struct ctl_config *, struct binding_state *);
void binding_add_patch_ports(struct binding_state *,
                             const struct shash *patch_ports);
void binding_release_all(struct ovsdb_idl_txn *sb_txn, struct ovsdb_idl *sb,
                         const struct sbrec_chassis *self);
void binding_set_installed(struct ovsdb_idl_txn *ovs_txn,
                           struct ovsdb_idl_txn *sb_txn,
                           const struct ovsrec_bridge *br_int,
                           const struct binding_state *,
                           const struct sset *installed_ports);
void binding_dump(const struct binding_state *, struct ds *);

#endif /* controller/binding.h */
