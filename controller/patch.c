/* Copyright (c) 2026 The OVN-compatible project authors.
 *
 * Creates and removes the pairs of OVS patch ports that connect the
 * integration bridge to physical bridges: "patch-br-int-to-<lport>" on the
 * integration bridge, peer "patch-<lport>-to-br-int" on the bridge that
 * ovn-bridge-mappings names for the logical port's network_name. */
#include <config.h>
#include "controller/patch.h"

#include <string.h>
#include "controller/binding.h"
#include "controller/chassis.h"
#include "controller/encaps.h"
#include "lib/ovn-sb-idl.h"
#include "lib/vswitch-idl.h"
#include "flow.h"
#include "openvswitch/ofp-port.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "smap.h"
#include "sset.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(ovn_patch);

/* One desired patch port. */
struct desired_patch {
    const struct ovsrec_bridge *bridge;  /* Bridge it goes on. */
    char *peer;                          /* Name of its peer. */
    const char *key;                     /* external_ids key. */
    const struct sbrec_port_binding *pb; /* Logical port it serves. */
    bool on_br_int;                      /* On the integration bridge? */
    const struct ovsrec_port *port;      /* Existing port, if any. */
};

/* Adds desired patch port 'name' to 'desired'. */
static void
add_desired(struct shash *desired, const char *name,
            const struct ovsrec_bridge *bridge, const char *peer,
            const char *key, const struct sbrec_port_binding *pb,
            bool on_br_int)
{
    struct desired_patch *d = xzalloc(sizeof *d);

    d->bridge = bridge;
    d->peer = xstrdup(peer);
    d->key = key;
    d->pb = pb;
    d->on_br_int = on_br_int;
    if (!shash_add_once(desired, name, d)) {
        free(d->peer);
        free(d);
    }
}

/* Keeps the patch ports in line with the localnet ports of local datapaths
 * and the l2gateway ports bound here, and fills 'patch_ports' (logical port
 * name -> struct ctl_patch_port, owned by the caller who frees the data)
 * with those whose integration-bridge side has an OpenFlow port. */
void
patch_run(struct ovsdb_idl_txn *txn, struct ovsdb_idl *ovs,
          const struct ovsrec_bridge *br_int, struct ovsdb_idl *sb,
          const struct sbrec_chassis *self, const struct ctl_config *cfg,
          const struct binding_state *bs, struct shash *patch_ports)
{
    static struct sset logged = SSET_INITIALIZER(&logged);
    struct shash desired = SHASH_INITIALIZER(&desired);
    const struct sbrec_port_binding *pb;

    shash_clear_free_data(patch_ports);
    if (!br_int) {
        return;
    }
    SBREC_PORT_BINDING_FOR_EACH (pb, sb) {
        const char *key;
        if (!pb->datapath
            || !binding_get_datapath(bs, pb->datapath->tunnel_key)) {
            continue;
        }
        if (!strcmp(pb->type, "localnet")) {
            key = "ovn-localnet-port";
        } else if (!strcmp(pb->type, "l2gateway") && self
                   && !strcmp(smap_get_def(&pb->options, "l2gateway-chassis",
                                           ""), self->name)) {
            key = "ovn-l2gateway-port";
        } else {
            continue;
        }
        const char *net = smap_get(&pb->options, "network_name");
        if (!net) {
            continue;
        }
        const char *brname = shash_find_data(&cfg->bridge_mappings, net);
        if (!brname) {
            continue;       /* Not connected to that network here. */
        }
        const struct ovsrec_bridge *br = encaps_find_bridge(ovs, brname);
        if (!br) {
            char *msg = xasprintf("ovn-bridge-mappings: bridge \"%s\" for "
                                  "network \"%s\" does not exist", brname,
                                  net);
            if (sset_add(&logged, msg)) {
                VLOG_WARN("%s", msg);
            }
            free(msg);
            continue;
        }
        char *local = xasprintf("patch-%s-to-%s", br_int->name,
                                pb->logical_port);
        char *remote = xasprintf("patch-%s-to-%s", pb->logical_port,
                                 br_int->name);
        add_desired(&desired, local, br_int, remote, key, pb, true);
        add_desired(&desired, remote, br, local, key, pb, false);
        free(local);
        free(remote);
    }

    /* Match existing patch ports; remove stale ones. */
    const struct ovsrec_bridge *br;
    OVSREC_BRIDGE_FOR_EACH (br, ovs) {
        for (size_t i = 0; i < br->n_ports; i++) {
            const struct ovsrec_port *p = br->ports[i];
            if (!smap_get(&p->external_ids, "ovn-localnet-port")
                && !smap_get(&p->external_ids, "ovn-l2gateway-port")) {
                continue;
            }
            struct desired_patch *d = shash_find_data(&desired, p->name);
            if (d && d->bridge == br && !d->port) {
                d->port = p;
            } else if (txn) {
                VLOG_INFO("removing patch port %s", p->name);
                ovsrec_bridge_update_ports_delvalue(br, p);
            }
        }
    }

    struct shash_node *node;
    SHASH_FOR_EACH (node, &desired) {
        struct desired_patch *d = node->data;
        if (!d->port) {
            if (txn) {
                struct ovsrec_interface *iface = ovsrec_interface_insert(txn);
                ovsrec_interface_set_name(iface, node->name);
                ovsrec_interface_set_type(iface, "patch");
                const struct smap opts = SMAP_CONST1(&opts, "peer", d->peer);
                ovsrec_interface_set_options(iface, &opts);
                struct ovsrec_port *port = ovsrec_port_insert(txn);
                ovsrec_port_set_name(port, node->name);
                ovsrec_port_set_interfaces(port, &iface, 1);
                const struct smap ext = SMAP_CONST1(&ext, d->key,
                                                    d->pb->logical_port);
                ovsrec_port_set_external_ids(port, &ext);
                ovsrec_bridge_update_ports_addvalue(d->bridge, port);
                VLOG_INFO("creating patch port %s", node->name);
            }
        } else if (d->on_br_int && d->port->n_interfaces == 1) {
            const struct ovsrec_interface *iface = d->port->interfaces[0];
            if (iface->n_ofport && iface->ofport[0] > 0) {
                struct ctl_patch_port *pp = xzalloc(sizeof *pp);
                pp->pb = d->pb;
                pp->ofport = u16_to_ofp(iface->ofport[0]);
                if (!shash_add_once(patch_ports, d->pb->logical_port, pp)) {
                    free(pp);
                }
            }
        }
    }
    SHASH_FOR_EACH (node, &desired) {
        struct desired_patch *d = node->data;
        free(d->peer);
    }
    shash_destroy_free_data(&desired);
}
