/* Copyright (c) 2026 The OVN-compatible project authors.
 *
 * Creates the integration bridge when it is missing and keeps one tunnel
 * port per remote chassis on it, named "ovn-<6 chars of chassis>-<n>". */
#include <config.h>
#include "controller/encaps.h"

#include <string.h>
#include "controller/chassis.h"
#include "lib/ovn-sb-idl.h"
#include "lib/vswitch-idl.h"
#include "flow.h"
#include "openvswitch/ofp-port.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "smap.h"
#include "sset.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(ovn_encaps);

/* Port external_ids key naming the remote "chassis@ip" of a tunnel. */
#define TUNNEL_KEY "ovn-chassis-id"

/* Returns the Bridge named 'name', or NULL. */
const struct ovsrec_bridge *
encaps_find_bridge(struct ovsdb_idl *ovs, const char *name)
{
    const struct ovsrec_bridge *br;

    OVSREC_BRIDGE_FOR_EACH (br, ovs) {
        if (!strcmp(br->name, name)) {
            return br;
        }
    }
    return NULL;
}

/* Returns the integration bridge, creating it in 'txn' (if nonnull) when it
 * does not exist; a bridge just created is returned only after the
 * transaction commits (NULL until then). */
const struct ovsrec_bridge *
encaps_ensure_br_int(struct ovsdb_idl_txn *txn, struct ovsdb_idl *ovs,
                     const struct ovsrec_open_vswitch *cfg_row,
                     const struct ctl_config *cfg)
{
    const struct ovsrec_bridge *br = encaps_find_bridge(ovs, cfg->bridge);

    if (br) {
        if (txn) {
            if (!br->fail_mode || strcmp(br->fail_mode, "secure")) {
                ovsrec_bridge_set_fail_mode(br, "secure");
            }
            if (!smap_get_bool(&br->other_config, "disable-in-band", false)) {
                ovsrec_bridge_update_other_config_setkey(
                    br, "disable-in-band", "true");
            }
        }
        return br;
    }
    if (!txn || !cfg_row) {
        return NULL;
    }

    VLOG_INFO("creating integration bridge \"%s\"", cfg->bridge);
    struct ovsrec_interface *iface = ovsrec_interface_insert(txn);
    ovsrec_interface_set_name(iface, cfg->bridge);
    ovsrec_interface_set_type(iface, "internal");

    struct ovsrec_port *port = ovsrec_port_insert(txn);
    ovsrec_port_set_name(port, cfg->bridge);
    ovsrec_port_set_interfaces(port, &iface, 1);

    struct ovsrec_bridge *nbr = ovsrec_bridge_insert(txn);
    ovsrec_bridge_set_name(nbr, cfg->bridge);
    ovsrec_bridge_set_fail_mode(nbr, "secure");
    ovsrec_bridge_set_ports(nbr, &port, 1);
    struct smap oc = SMAP_INITIALIZER(&oc);
    smap_add(&oc, "disable-in-band", "true");
    ovsrec_bridge_set_other_config(nbr, &oc);
    smap_destroy(&oc);
    if (cfg->bridge_datapath_type) {
        ovsrec_bridge_set_datapath_type(nbr, cfg->bridge_datapath_type);
    }
    ovsrec_open_vswitch_update_bridges_addvalue(cfg_row, nbr);
    return NULL;
}

/* Returns the preference of tunnel type 'type' (lower is better), or -1 if
 * unsupported. */
static int
encap_preference(const char *type)
{
    return (!strcmp(type, "geneve") ? 0
            : !strcmp(type, "stt") ? 1
            : !strcmp(type, "vxlan") ? 2 : -1);
}

/* Chooses the Encap of remote chassis 'c' to use, or NULL. */
static const struct sbrec_encap *
choose_encap(const struct sbrec_chassis *c, const struct ctl_config *cfg)
{
    const struct sbrec_encap *best = NULL;

    for (size_t i = 0; i < c->n_encaps; i++) {
        const struct sbrec_encap *e = c->encaps[i];
        int pref = encap_preference(e->type);
        if (pref < 0 || !sset_contains(&cfg->encap_types, e->type)
            || !e->ip || !e->ip[0]) {
            continue;
        }
        if (!best || pref < encap_preference(best->type)
            || (pref == encap_preference(best->type)
                && strcmp(e->ip, best->ip) < 0)) {
            best = e;
        }
    }
    return best;
}

/* Frees the tunnels in 'tunnels' and empties it. */
void
encaps_tunnels_clear(struct shash *tunnels)
{
    struct shash_node *node;

    SHASH_FOR_EACH_SAFE (node, tunnels) {
        struct ctl_tunnel *t = node->data;
        free(t->chassis_name);
        free(t->port_name);
        free(t->remote_ip);
        free(t);
        shash_delete(tunnels, node);
    }
}

/* Returns true if any tunnel in 'tunnels' is VXLAN. */
bool
encaps_any_vxlan(const struct shash *tunnels)
{
    struct shash_node *node;

    SHASH_FOR_EACH (node, tunnels) {
        const struct ctl_tunnel *t = node->data;
        if (t->type == CTL_TUNNEL_VXLAN) {
            return true;
        }
    }
    return false;
}

/* Returns the tunnel kind for OVS interface type 'type'. */
static enum ctl_tunnel_type
tunnel_type_from_string(const char *type)
{
    return (!strcmp(type, "vxlan") ? CTL_TUNNEL_VXLAN
            : !strcmp(type, "stt") ? CTL_TUNNEL_STT : CTL_TUNNEL_GENEVE);
}

/* The desired tunnel to one chassis while encaps_run() works. */
struct desired_tunnel {
    const struct sbrec_chassis *chassis; /* Remote chassis. */
    const struct sbrec_encap *encap;     /* Its chosen encap. */
    const struct ovsrec_port *port;      /* Existing port, if any. */
};

/* Returns a port name "ovn-<6 chars>-<n>" not in 'used', and adds it. */
static char *
tunnel_port_name(const char *chassis_name, struct sset *used)
{
    for (int n = 0; ; n++) {
        char *name = xasprintf("ovn-%.6s-%d", chassis_name, n);
        if (!sset_contains(used, name)) {
            sset_add(used, name);
            return name;
        }
        free(name);
    }
}

/* Makes the tunnel ports on 'br_int' match the remote chassis in 'sb' (in
 * 'txn', if nonnull) and fills 'tunnels' (chassis name -> struct
 * ctl_tunnel) with the tunnels that exist with an OpenFlow port. */
void
encaps_run(struct ovsdb_idl_txn *txn, const struct ovsrec_bridge *br_int,
           struct ovsdb_idl *sb, const struct sbrec_chassis *self,
           const struct ctl_config *cfg, struct shash *tunnels)
{
    struct shash desired = SHASH_INITIALIZER(&desired);  /* By chassis. */
    struct sset used_names = SSET_INITIALIZER(&used_names);
    const struct sbrec_chassis *c;

    encaps_tunnels_clear(tunnels);
    if (!br_int) {
        shash_destroy(&desired);
        sset_destroy(&used_names);
        return;
    }

    SBREC_CHASSIS_FOR_EACH (c, sb) {
        if (c == self || (cfg->chassis_id
                          && !strcmp(c->name, cfg->chassis_id))) {
            continue;
        }
        if (smap_get_bool(&c->other_config, "is-remote", false)) {
            continue;
        }
        const struct sbrec_encap *e = choose_encap(c, cfg);
        if (!e) {
            continue;
        }
        struct desired_tunnel *dt = xzalloc(sizeof *dt);
        dt->chassis = c;
        dt->encap = e;
        if (!shash_add_once(&desired, c->name, dt)) {
            free(dt);
        }
    }

    /* Match existing tunnel ports; delete stale ones. */
    for (size_t i = 0; i < br_int->n_ports; i++) {
        const struct ovsrec_port *p = br_int->ports[i];
        sset_add(&used_names, p->name);
        const char *id = smap_get(&p->external_ids, TUNNEL_KEY);
        if (!id) {
            continue;
        }
        /* The id is "chassis@ip": one tunnel per chassis, whose IP may
         * change in place. */
        char *chassis = xstrdup(id);
        char *at = strrchr(chassis, '@');
        if (at) {
            *at = '\0';
        }
        struct desired_tunnel *dt = shash_find_data(&desired, chassis);
        free(chassis);
        if (dt && !dt->port) {
            dt->port = p;
        } else if (txn) {
            VLOG_INFO("removing tunnel port %s", p->name);
            ovsrec_bridge_update_ports_delvalue(br_int, p);
        }
    }

    struct shash_node *node;
    SHASH_FOR_EACH (node, &desired) {
        struct desired_tunnel *dt = node->data;
        const char *csum = smap_get_def(&dt->encap->options, "csum", "");
        struct smap opts = SMAP_INITIALIZER(&opts);

        smap_add(&opts, "remote_ip", dt->encap->ip);
        smap_add(&opts, "key", "flow");
        if (!strcmp(csum, "true")) {
            smap_add(&opts, "csum", "true");
        }
        if (sset_count(&cfg->encap_ips) > 1) {
            smap_add(&opts, "local_ip", SSET_FIRST(&cfg->encap_ips));
        }

        char *id = xasprintf("%s@%s", dt->chassis->name, dt->encap->ip);
        if (!dt->port) {
            if (txn) {
                char *name = tunnel_port_name(dt->chassis->name, &used_names);
                struct ovsrec_interface *iface = ovsrec_interface_insert(txn);
                ovsrec_interface_set_name(iface, name);
                ovsrec_interface_set_type(iface, dt->encap->type);
                ovsrec_interface_set_options(iface, &opts);
                struct ovsrec_port *port = ovsrec_port_insert(txn);
                ovsrec_port_set_name(port, name);
                ovsrec_port_set_interfaces(port, &iface, 1);
                struct smap ext = SMAP_INITIALIZER(&ext);
                smap_add(&ext, TUNNEL_KEY, id);
                ovsrec_port_set_external_ids(port, &ext);
                smap_destroy(&ext);
                ovsrec_bridge_update_ports_addvalue(br_int, port);
                VLOG_INFO("creating tunnel port %s to %s", name, id);
                free(name);
            }
        } else if (dt->port->n_interfaces == 1) {
            const struct ovsrec_interface *iface = dt->port->interfaces[0];
            if (txn && strcmp(smap_get_def(&dt->port->external_ids,
                                           TUNNEL_KEY, ""), id)) {
                ovsrec_port_update_external_ids_setkey(dt->port, TUNNEL_KEY,
                                                       id);
            }
            if (txn && (strcmp(iface->type, dt->encap->type)
                        || !smap_equal(&iface->options, &opts))) {
                ovsrec_interface_set_type(iface, dt->encap->type);
                ovsrec_interface_set_options(iface, &opts);
            }
            if (iface->n_ofport && iface->ofport[0] > 0
                && !strcmp(iface->type, dt->encap->type)) {
                struct ctl_tunnel *t = xzalloc(sizeof *t);
                t->chassis_name = xstrdup(dt->chassis->name);
                t->port_name = xstrdup(dt->port->name);
                t->remote_ip = xstrdup(dt->encap->ip);
                t->type = tunnel_type_from_string(iface->type);
                t->ofport = u16_to_ofp(iface->ofport[0]);
                shash_replace(tunnels, t->chassis_name, t);
            }
        }
        smap_destroy(&opts);
        free(id);
    }
    shash_destroy_free_data(&desired);
    sset_destroy(&used_names);
}
