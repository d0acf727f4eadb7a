/* The integration bridge and the tunnel ports to other chassis. */
#ifndef CONTROLLER_ENCAPS_H
#define CONTROLLER_ENCAPS_H 1

#include <stdbool.h>
#include "openflow/openflow.h"
#include "openvswitch/shash.h"

struct ctl_config;
struct ovsdb_idl;
struct ovsdb_idl_txn;
struct ovsrec_bridge;
struct ovsrec_open_vswitch;
struct sbrec_chassis;

/* Tunnel encapsulation kinds, as they affect the flows. */
enum ctl_tunnel_type {
    CTL_TUNNEL_GENEVE,          /* Datapath in VNI, ports in an option. */
    CTL_TUNNEL_STT,             /* Everything in the 64-bit tunnel id. */
    CTL_TUNNEL_VXLAN,           /* 12-bit datapath, 12-bit output port. */
};

/* A tunnel port on the integration bridge to one remote chassis. */
struct ctl_tunnel {
    char *chassis_name;         /* Remote Chassis name. */
    char *port_name;            /* Port and Interface name. */
    char *remote_ip;            /* Remote encap IP. */
    enum ctl_tunnel_type type;  /* Encapsulation. */
    ofp_port_t ofport;          /* OpenFlow port, or 0 if not yet known. */
};

const struct ovsrec_bridge *encaps_find_bridge(struct ovsdb_idl *ovs,
                                               const char *name);
const struct ovsrec_bridge *encaps_ensure_br_int(
    struct ovsdb_idl_txn *, struct ovsdb_idl *ovs,
    const struct ovsrec_open_vswitch *, const struct ctl_config *);
void encaps_run(struct ovsdb_idl_txn *, const struct ovsrec_bridge *br_int,
                struct ovsdb_idl *sb, const struct sbrec_chassis *self,
                const struct ctl_config *, struct shash *tunnels);
void encaps_tunnels_clear(struct shash *tunnels);
bool encaps_any_vxlan(const struct shash *tunnels);

#endif /* controller/encaps.h */
