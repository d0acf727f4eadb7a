/* Patch ports between the integration bridge and the physical bridges named
 * in ovn-bridge-mappings, for localnet and l2gateway logical ports. */
#ifndef CONTROLLER_PATCH_H
#define CONTROLLER_PATCH_H 1

#include "openvswitch/shash.h"

struct binding_state;
struct ctl_config;
struct ovsdb_idl;
struct ovsdb_idl_txn;
struct ovsrec_bridge;
struct sbrec_chassis;

void patch_run(struct ovsdb_idl_txn *, struct ovsdb_idl *ovs,
               const struct ovsrec_bridge *br_int, struct ovsdb_idl *sb,
               const struct sbrec_chassis *self, const struct ctl_config *,
               const struct binding_state *, struct shash *patch_ports);

#endif /* controller/patch.h */
