/* Copyright (c) 2026 The OVN-compatible project authors.
 *
 * Allocates conntrack zones: one per local logical port (named after the
 * port) and two per local datapath ("<uuid>_dnat", "<uuid>_snat").  The
 * assignments survive restarts through the integration bridge's
 * external_ids, so a restarted controller keeps existing connections. */
#include <config.h>
#include "controller/ct-zones.h"

#include <string.h>
#include "bitmap.h"
#include "controller/binding.h"
#include "lib/ovn-sb-idl.h"
#include "lib/vswitch-idl.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/vlog.h"
#include "smap.h"
#include "sset.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(ovn_ct_zones);

#define CT_ZONE_PREFIX "ct-zone-"
#define MAX_CT_ZONES 65535

/* Initializes 'z' with no zones. */
void
ct_zones_init(struct ct_zones *z)
{
    simap_init(&z->zones);
    z->loaded = false;
}

/* Frees 'z'.  Accepts NULL. */
void
ct_zones_destroy(struct ct_zones *z)
{
    if (z) {
        simap_destroy(&z->zones);
    }
}

/* Appends to 'names' the zone name for each datapath zone of 'dp'. */
static void
add_dp_names(struct sset *names, const struct sbrec_datapath_binding *dp)
{
    char *s = xasprintf(UUID_FMT"_dnat", UUID_ARGS(&dp->header_.uuid));
    sset_add_and_free(names, s);
    s = xasprintf(UUID_FMT"_snat", UUID_ARGS(&dp->header_.uuid));
    sset_add_and_free(names, s);
}

/* Assigns zones to everything local in 'bs', frees zones no longer needed
 * (only if 'release_unused': while the local state is still being learned
 * nothing is released), and writes the changes to 'br_int''s external_ids
 * in 'ovs_txn'. */
void
ct_zones_run(struct ct_zones *z, struct ovsdb_idl_txn *ovs_txn,
             const struct ovsrec_bridge *br_int,
             const struct binding_state *bs, bool release_unused)
{
    struct sset names = SSET_INITIALIZER(&names);
    unsigned long *used = bitmap_allocate(MAX_CT_ZONES + 1);
    struct smap_node *sn;

    if (!br_int) {
        bitmap_free(used);
        sset_destroy(&names);
        return;
    }
    if (!z->loaded) {
        SMAP_FOR_EACH (sn, &br_int->external_ids) {
            int zone;
            if (!strncmp(sn->key, CT_ZONE_PREFIX, strlen(CT_ZONE_PREFIX))
                && str_to_int(sn->value, 10, &zone)
                && zone > 0 && zone <= MAX_CT_ZONES) {
                simap_put(&z->zones, sn->key + strlen(CT_ZONE_PREFIX), zone);
            }
        }
        z->loaded = true;
    }

    struct shash_node *n;
    SHASH_FOR_EACH (n, &bs->ports) {
        sset_add(&names, n->name);
    }
    struct local_datapath *ld;
    HMAP_FOR_EACH (ld, node, &bs->datapaths) {
        add_dp_names(&names, ld->dp);
    }

    /* Drop zones no longer needed. */
    struct simap_node *zn;
    SIMAP_FOR_EACH_SAFE (zn, &z->zones) {
        if (!sset_contains(&names, zn->name) && release_unused) {
            if (ovs_txn) {
                char *key = xasprintf(CT_ZONE_PREFIX"%s", zn->name);
                ovsrec_bridge_update_external_ids_delkey(br_int, key);
                free(key);
            }
            simap_delete(&z->zones, zn);
        } else {
            bitmap_set1(used, zn->data);
        }
    }

    /* Allocate new zones, lowest free first, in name order. */
    const char **sorted = sset_sort(&names);
    for (size_t i = 0; i < sset_count(&names); i++) {
        const char *name = sorted[i];
        if (simap_contains(&z->zones, name)) {
            continue;
        }
        size_t zone = bitmap_scan(used, 0, 1, MAX_CT_ZONES + 1);
        if (zone > MAX_CT_ZONES) {
            static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(1, 5);
            VLOG_WARN_RL(&rl, "exhausted all ct zones");
            break;
        }
        bitmap_set1(used, zone);
        simap_put(&z->zones, name, zone);
    }
    free(sorted);

    /* Persist. */
    SIMAP_FOR_EACH (zn, &z->zones) {
        char *key = xasprintf(CT_ZONE_PREFIX"%s", zn->name);
        const char *cur = smap_get(&br_int->external_ids, key);
        char val[16];
        snprintf(val, sizeof val, "%u", zn->data);
        if (ovs_txn && (!cur || strcmp(cur, val))) {
            ovsrec_bridge_update_external_ids_setkey(br_int, key, val);
        }
        free(key);
    }
    bitmap_free(used);
    sset_destroy(&names);
}

/* Returns the zone of 'name', or 0 if it has none. */
int
ct_zones_get(const struct ct_zones *z, const char *name)
{
    return simap_get(&z->zones, name);
}

/* Returns the DNAT (or, if 'snat', SNAT) zone of datapath 'dp', or 0. */
int
ct_zones_get_dp(const struct ct_zones *z,
                const struct sbrec_datapath_binding *dp, bool snat)
{
    char name[UUID_LEN + 8];

    snprintf(name, sizeof name, UUID_FMT"_%s", UUID_ARGS(&dp->header_.uuid),
             snat ? "snat" : "dnat");
    return simap_get(&z->zones, name);
}

/* Appends "name zone" lines, sorted by name, to 'out'. */
void
ct_zones_dump(const struct ct_zones *z, struct ds *out)
{
    const struct simap_node **nodes = simap_sort(&z->zones);

    for (size_t i = 0; i < simap_count(&z->zones); i++) {
        ds_put_format(out, "%s %u\n", nodes[i]->name, nodes[i]->data);
    }
    free(nodes);
}
