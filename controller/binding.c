/* Copyright (c) 2026 The OVN-compatible project authors.
 *
 * Decides which logical ports are on this chassis, claims them in the
 * southbound Port_Binding table (and releases the ones that left), and
 * computes the set of local logical datapaths: those with a local port,
 * plus everything reachable from them through logical patch ports. */
#include <config.h>
#include "controller/binding.h"

#include <string.h>
#include "controller/chassis.h"
#include "lib/ovn-sb-idl.h"
#include "lib/vswitch-idl.h"
#include "openvswitch/dynamic-string.h"
#include "flow.h"
#include "openvswitch/ofp-port.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "smap.h"
#include "timeval.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(ovn_binding);

/* Initializes 's' as empty. */
void
binding_state_init(struct binding_state *s)
{
    hmap_init(&s->datapaths);
    shash_init(&s->ports);
    sset_init(&s->claimed);
    shash_init(&s->ifaces);
    shash_init(&s->pbs);
    sset_init(&s->wanted_ports);
}

/* Empties 's'. */
void
binding_state_clear(struct binding_state *s)
{
    struct local_datapath *ld;

    HMAP_FOR_EACH_POP (ld, node, &s->datapaths) {
        free(ld);
    }
    shash_clear_free_data(&s->ports);
    sset_clear(&s->claimed);
    shash_clear(&s->ifaces);
    shash_clear(&s->pbs);
    sset_clear(&s->wanted_ports);
}

/* Frees 's'.  Accepts NULL. */
void
binding_state_destroy(struct binding_state *s)
{
    if (s) {
        binding_state_clear(s);
        hmap_destroy(&s->datapaths);
        shash_destroy(&s->ports);
        sset_destroy(&s->claimed);
        shash_destroy(&s->ifaces);
        shash_destroy(&s->pbs);
        sset_destroy(&s->wanted_ports);
    }
}

/* Returns the local datapath with tunnel key 'key', or NULL. */
struct local_datapath *
binding_get_datapath(const struct binding_state *s, uint32_t key)
{
    struct local_datapath *ld;

    HMAP_FOR_EACH_WITH_HASH (ld, node, hash_int(key, 0), &s->datapaths) {
        if (ld->key == key) {
            return ld;
        }
    }
    return NULL;
}

/* Adds 'dp' to the local datapaths unless present; returns true if added. */
static bool
add_datapath(struct binding_state *s, const struct sbrec_datapath_binding *dp)
{
    if (!dp || binding_get_datapath(s, dp->tunnel_key)) {
        return false;
    }
    struct local_datapath *ld = xzalloc(sizeof *ld);
    ld->dp = dp;
    ld->key = dp->tunnel_key;
    ld->is_switch = smap_get(&dp->external_ids, "logical-switch") != NULL
                    || !smap_get(&dp->external_ids, "logical-router");
    hmap_insert(&s->datapaths, &ld->node, hash_int(ld->key, 0));
    return true;
}

/* Returns the OpenFlow port of 'iface', or 0. */
static ofp_port_t
iface_ofport(const struct ovsrec_interface *iface)
{
    return (iface->n_ofport && iface->ofport[0] > 0
            && iface->ofport[0] < UINT16_MAX)
           ? u16_to_ofp(iface->ofport[0]) : 0;
}

/* Returns true if 'pb' may be bound to 'self' as far as requested-chassis
 * is concerned. */
static bool
requested_chassis_ok(const struct sbrec_port_binding *pb,
                     const struct sbrec_chassis *self)
{
    if (pb->requested_chassis) {
        return pb->requested_chassis == self;
    }
    const char *req = smap_get(&pb->options, "requested-chassis");
    if (!req || !req[0]) {
        return true;
    }
    return !strcmp(req, self->name)
           || (self->hostname && !strcmp(req, self->hostname));
}

/* Returns true if 'ch' is among 'pb''s 'n' chassis in 'list'. */
static bool
chassis_in(struct sbrec_chassis **list, size_t n,
           const struct sbrec_chassis *ch)
{
    for (size_t i = 0; i < n; i++) {
        if (list[i] == ch) {
            return true;
        }
    }
    return false;
}

/* Returns true if 'self' is one of the additional chassis requested for
 * 'pb' (a port bound to several chassis, e.g. while a VM migrates). */
static bool
additional_requested(const struct sbrec_port_binding *pb,
                     const struct sbrec_chassis *self)
{
    return chassis_in(pb->requested_additional_chassis,
                      pb->n_requested_additional_chassis, self);
}

/* Records a local port. */
static void
add_local_port(struct binding_state *s, const struct sbrec_port_binding *pb,
               const struct ovsrec_interface *iface, ofp_port_t ofport,
               int tag, enum local_port_kind kind)
{
    struct local_port *lp = xzalloc(sizeof *lp);

    lp->pb = pb;
    lp->iface = iface;
    lp->ofport = ofport;
    lp->tag = tag;
    lp->kind = kind;
    if (!shash_add_once(&s->ports, pb->logical_port, lp)) {
        free(lp);
    }
}

/* Returns the chassis with the highest priority that should host
 * chassisredirect port 'pb', or NULL. */
static const struct sbrec_chassis *
redirect_chassis(const struct sbrec_port_binding *pb)
{
    const struct sbrec_chassis *best = NULL;
    int64_t best_prio = INT64_MIN;

    if (pb->ha_chassis_group) {
        const struct sbrec_ha_chassis_group *g = pb->ha_chassis_group;
        for (size_t i = 0; i < g->n_ha_chassis; i++) {
            const struct sbrec_ha_chassis *h = g->ha_chassis[i];
            if (h->chassis && h->priority > best_prio) {
                best = h->chassis;
                best_prio = h->priority;
            }
        }
    }
    for (size_t i = 0; !best && i < pb->n_gateway_chassis; i++) {
        const struct sbrec_gateway_chassis *gc = pb->gateway_chassis[i];
        if (gc->chassis && gc->priority > best_prio) {
            best = gc->chassis;
            best_prio = gc->priority;
        }
    }
    return best;
}

/* Sets 'pb''s chassis to 'ch' (NULL to release) in 'txn'. */
static void
set_pb_chassis(struct ovsdb_idl_txn *txn, const struct sbrec_port_binding *pb,
               const struct sbrec_chassis *ch)
{
    if (!txn || pb->chassis == ch) {
        return;
    }
    if (ch) {
        VLOG_INFO("Claiming lport %s for this chassis.", pb->logical_port);
    } else {
        VLOG_INFO("Releasing lport %s from this chassis.", pb->logical_port);
        bool up = false;
        sbrec_port_binding_set_up(pb, &up, 1);
    }
    sbrec_port_binding_set_chassis(pb, ch);
    if (ch && ch->n_encaps > 1) {
        sbrec_port_binding_set_encap(pb, ch->encaps[0]);
    } else if (pb->encap) {
        sbrec_port_binding_set_encap(pb, NULL);
    }
}

/* Computes 's' from the interfaces on 'br_int' and the southbound database,
 * claiming and releasing Port_Bindings in 'sb_txn' (if nonnull). */
void
binding_run(struct ovsdb_idl_txn *sb_txn, struct ovsdb_idl *sb,
            const struct ovsrec_bridge *br_int,
            const struct sbrec_chassis *self,
            const struct ctl_config *cfg, struct binding_state *s)
{
    const struct sbrec_port_binding *pb;

    binding_state_clear(s);
    for (size_t i = 0; br_int && i < br_int->n_ports; i++) {
        const struct ovsrec_port *port = br_int->ports[i];
        for (size_t j = 0; j < port->n_interfaces; j++) {
            const struct ovsrec_interface *iface = port->interfaces[j];
            const char *id = smap_get(&iface->external_ids, "iface-id");
            if (id && id[0] && iface_ofport(iface)) {
                shash_add_once(&s->ifaces, id, iface);
            }
        }
    }
    SBREC_PORT_BINDING_FOR_EACH (pb, sb) {
        shash_add_once(&s->pbs, pb->logical_port, pb);
    }
    if (!self) {
        return;
    }

    /* Pass 1: ports attached here. */
    SBREC_PORT_BINDING_FOR_EACH (pb, sb) {
        const char *type = pb->type;
        bool ours = false;
        bool additional = false;

        if (!pb->datapath) {
            continue;
        }
        if (!type[0] || !strcmp(type, "virtual")) {
            const struct ovsrec_interface *iface = NULL;
            int tag = -1;
            enum local_port_kind kind = LP_VIF;

            if (pb->parent_port && pb->parent_port[0]) {
                iface = shash_find_data(&s->ifaces, pb->parent_port);
                tag = pb->n_tag ? pb->tag[0] : -1;
                kind = LP_CONTAINER;
                if (tag < 0) {
                    iface = NULL;
                }
            } else if (type[0]) {
                iface = NULL;   /* Virtual ports are bound by pinctrl. */
            } else {
                iface = shash_find_data(&s->ifaces, pb->logical_port);
            }
            if (iface && !requested_chassis_ok(pb, self)
                && additional_requested(pb, self)) {
                additional = true;
            }
            if (iface && (requested_chassis_ok(pb, self) || additional)) {
                add_local_port(s, pb, iface, iface_ofport(iface), tag, kind);
                add_datapath(s, pb->datapath);
                ours = true;
            }
        } else if (!strcmp(type, "localport")) {
            const struct ovsrec_interface *iface
                = shash_find_data(&s->ifaces, pb->logical_port);
            if (iface) {
                add_local_port(s, pb, iface, iface_ofport(iface), -1,
                               LP_LOCALPORT);
                add_datapath(s, pb->datapath);
            }
        } else if (!strcmp(type, "l2gateway")) {
            const char *gw = smap_get(&pb->options, "l2gateway-chassis");
            if (gw && !strcmp(gw, self->name)) {
                add_datapath(s, pb->datapath);
                ours = true;
            }
        } else if (!strcmp(type, "l3gateway")) {
            const char *gw = smap_get(&pb->options, "l3gateway-chassis");
            if (gw && !strcmp(gw, self->name)) {
                add_datapath(s, pb->datapath);
                ours = true;
            }
        } else if (!strcmp(type, "chassisredirect")
                   || !strcmp(type, "external")) {
            /* Bound to the highest-priority chassis of its group. */
            if (redirect_chassis(pb) == self) {
                add_datapath(s, pb->datapath);
                ours = true;
            }
        }

        bool is_additional = chassis_in(pb->additional_chassis,
                                        pb->n_additional_chassis, self);
        if (ours) {
            sset_add(&s->claimed, pb->logical_port);
        }
        if (ours && !additional) {
            set_pb_chassis(sb_txn, pb, self);
        } else if (pb->chassis == self) {
            set_pb_chassis(sb_txn, pb, NULL);
        }
        if (sb_txn && additional && !is_additional) {
            VLOG_INFO("Claiming lport %s as an additional chassis.",
                      pb->logical_port);
            sbrec_port_binding_update_additional_chassis_addvalue(pb, self);
        } else if (sb_txn && !additional && is_additional) {
            sbrec_port_binding_update_additional_chassis_delvalue(pb, self);
        }
    }

    /* Pass 2: datapaths reachable through logical patch ports. */
    bool changed = true;
    while (changed) {
        changed = false;
        SBREC_PORT_BINDING_FOR_EACH (pb, sb) {
            if (!pb->datapath
                || !binding_get_datapath(s, pb->datapath->tunnel_key)) {
                continue;
            }
            bool is_patch = !strcmp(pb->type, "patch");
            if (!strcmp(pb->type, "l3gateway")) {
                const char *gw = smap_get(&pb->options, "l3gateway-chassis");
                is_patch = gw && !strcmp(gw, self->name);
            }
            if (!is_patch) {
                continue;
            }
            const char *peer = smap_get(&pb->options, "peer");
            if (!peer) {
                continue;
            }
            sset_add(&s->wanted_ports, peer);
            const struct sbrec_port_binding *pp = shash_find_data(&s->pbs,
                                                                  peer);
            if (pp) {
                changed |= add_datapath(s, pp->datapath);
            }
        }
    }

    /* Localnet ports of local datapaths. */
    SBREC_PORT_BINDING_FOR_EACH (pb, sb) {
        if (pb->datapath && !strcmp(pb->type, "localnet")) {
            struct local_datapath *ld
                = binding_get_datapath(s, pb->datapath->tunnel_key);
            if (ld && !ld->localnet) {
                ld->localnet = pb;
            }
        }
    }
    (void) cfg;
}

/* Adds the localnet and l2gateway ports whose patch ports exist:
 * 'patch_ports' maps logical port name -> struct ctl_patch_port. */
void
binding_add_patch_ports(struct binding_state *s,
                        const struct shash *patch_ports)
{
    struct shash_node *n;

    SHASH_FOR_EACH (n, patch_ports) {
        const struct ctl_patch_port *pp = n->data;
        const struct sbrec_port_binding *pb = pp->pb;
        int tag = pb->n_tag ? pb->tag[0] : -1;

        if (!pp->ofport || !pb->datapath
            || !binding_get_datapath(s, pb->datapath->tunnel_key)) {
            continue;
        }
        if (!strcmp(pb->type, "localnet")) {
            add_local_port(s, pb, NULL, pp->ofport, tag, LP_LOCALNET);
        } else if (!strcmp(pb->type, "l2gateway")
                   && sset_contains(&s->claimed, pb->logical_port)) {
            add_local_port(s, pb, NULL, pp->ofport, tag, LP_L2GATEWAY);
        }
    }
}

/* Releases every Port_Binding bound to 'self' (on a final exit). */
void
binding_release_all(struct ovsdb_idl_txn *sb_txn, struct ovsdb_idl *sb,
                    const struct sbrec_chassis *self)
{
    const struct sbrec_port_binding *pb;

    if (!self) {
        return;
    }
    SBREC_PORT_BINDING_FOR_EACH (pb, sb) {
        if (pb->chassis == self) {
            set_pb_chassis(sb_txn, pb, NULL);
        }
    }
}

/* Marks the ports in 'installed_ports' as installed: Interface
 * external_ids:ovn-installed=true and Port_Binding up=true; removes the mark
 * from interfaces whose port is no longer local. */
void
binding_set_installed(struct ovsdb_idl_txn *ovs_txn,
                      struct ovsdb_idl_txn *sb_txn,
                      const struct ovsrec_bridge *br_int,
                      const struct binding_state *s,
                      const struct sset *installed_ports)
{
    struct shash_node *n;

    SHASH_FOR_EACH (n, &s->ports) {
        const struct local_port *lp = n->data;
        if (lp->kind != LP_VIF && lp->kind != LP_CONTAINER) {
            continue;
        }
        if (!sset_contains(installed_ports, n->name)) {
            continue;
        }
        if (lp->kind == LP_VIF && ovs_txn
            && !smap_get_bool(&lp->iface->external_ids, "ovn-installed",
                              false)) {
            char ts[32];
            snprintf(ts, sizeof ts, "%lld", time_wall_msec());
            ovsrec_interface_update_external_ids_setkey(
                lp->iface, "ovn-installed", "true");
            ovsrec_interface_update_external_ids_setkey(
                lp->iface, "ovn-installed-ts", ts);
        }
        if (sb_txn && (!lp->pb->n_up || !lp->pb->up[0])
            && lp->pb->chassis && sset_contains(&s->claimed, n->name)) {
            bool up = true;
            sbrec_port_binding_set_up(lp->pb, &up, 1);
        }
    }

    for (size_t i = 0; ovs_txn && br_int && i < br_int->n_ports; i++) {
        const struct ovsrec_port *port = br_int->ports[i];
        for (size_t j = 0; j < port->n_interfaces; j++) {
            const struct ovsrec_interface *iface = port->interfaces[j];
            if (!smap_get(&iface->external_ids, "ovn-installed")) {
                continue;
            }
            const char *id = smap_get(&iface->external_ids, "iface-id");
            const struct local_port *lp = id ? shash_find_data(&s->ports, id)
                                             : NULL;
            if (!lp || lp->iface != iface) {
                ovsrec_interface_update_external_ids_delkey(
                    iface, "ovn-installed");
                ovsrec_interface_update_external_ids_delkey(
                    iface, "ovn-installed-ts");
            }
        }
    }
}

/* Appends a description of the local bindings to 'out', one block per
 * local interface with an iface-id: the port bound through it and the
 * container ports inside it. */
void
binding_dump(const struct binding_state *s, struct ds *out)
{
    const struct shash_node **ifaces = shash_sort(&s->ifaces);
    const struct shash_node **ports = shash_sort(&s->ports);

    ds_put_cstr(out, "Local bindings:\n");
    for (size_t i = 0; i < shash_count(&s->ifaces); i++) {
        const struct ovsrec_interface *iface = ifaces[i]->data;
        const struct local_port *primary = NULL;
        struct ds children = DS_EMPTY_INITIALIZER;
        size_t n = 0;

        for (size_t j = 0; j < shash_count(&s->ports); j++) {
            const struct local_port *lp = ports[j]->data;
            if (lp->iface != iface) {
                continue;
            }
            if (lp->kind == LP_CONTAINER) {
                n++;
                ds_put_format(&children, "child lport[%"PRIuSIZE"] : [%s], "
                              "type : [CONTAINER]\n", n, ports[j]->name);
            } else if (!strcmp(ports[j]->name, ifaces[i]->name)) {
                primary = lp;
            }
        }
        if (!primary && !n) {
            ds_destroy(&children);
            continue;
        }
        ds_put_format(out, "name: [%s], OVS interface name : [%s], "
                      "num binding lports : [%"PRIuSIZE"]\n",
                      ifaces[i]->name, iface->name, n + (primary != NULL));
        if (primary) {
            ds_put_format(out, "%s lport : [%s]\n",
                          primary->kind == LP_LOCALPORT ? "localport"
                                                        : "primary",
                          ifaces[i]->name);
        }
        ds_put_cstr(out, ds_cstr(&children));
        ds_put_cstr(out, "----------------------------------------\n");
        ds_destroy(&children);
    }
    free(ifaces);
    free(ports);
}
