/* Connection-tracking zone allocation for local logical ports and local
 * logical datapaths (DNAT and SNAT zones), persisted in the integration
 * bridge's external_ids as "ct-zone-<name>". */
#ifndef CONTROLLER_CT_ZONES_H
#define CONTROLLER_CT_ZONES_H 1

#include "simap.h"

struct binding_state;
struct ds;
struct ovsdb_idl_txn;
struct ovsrec_bridge;
struct sbrec_datapath_binding;

/* Zone assignments. */
struct ct_zones {
    struct simap zones;         /* Name -> zone (1...65535). */
    bool loaded;                /* Read back from br-int yet? */
};

void ct_zones_init(struct ct_zones *);
void ct_zones_destroy(struct ct_zones *);
void ct_zones_run(struct ct_zones *, struct ovsdb_idl_txn *ovs_txn,
                  const struct ovsrec_bridge *br_int,
                  const struct binding_state *, bool release_unused);
int ct_zones_get(const struct ct_zones *, const char *name);
int ct_zones_get_dp(const struct ct_zones *,
                    const struct sbrec_datapath_binding *, bool snat);
void ct_zones_dump(const struct ct_zones *, struct ds *);

#endif /* controller/ct-zones.h */
