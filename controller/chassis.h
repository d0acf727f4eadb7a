/* Local configuration (from the Open_vSwitch table) and this chassis's
 * registration in the southbound Chassis and Chassis_Private tables. */
#ifndef CONTROLLER_CHASSIS_H
#define CONTROLLER_CHASSIS_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/shash.h"
#include "sset.h"

struct ovsdb_idl;
struct ovsdb_idl_txn;
struct ovsrec_open_vswitch;
struct sbrec_chassis;
struct sbrec_chassis_private;

/* Settings ovn-controller takes from Open_vSwitch external_ids. */
struct ctl_config {
    char *chassis_id;           /* system-id. */
    char *hostname;             /* hostname, or the system's host name. */
    char *sb_remote;            /* ovn-remote (may list several remotes). */
    struct sset encap_types;    /* Valid types from ovn-encap-type. */
    struct sset encap_ips;      /* ovn-encap-ip (comma-separated list). */
    bool encap_csum;            /* ovn-encap-csum (default true). */
    char *bridge;               /* ovn-bridge, default "br-int". */
    char *bridge_datapath_type; /* ovn-bridge-datapath-type or NULL. */
    struct shash bridge_mappings; /* Network name -> bridge name. */
    char *bridge_mappings_str;  /* ovn-bridge-mappings as given. */
    int remote_probe_ms;        /* ovn-remote-probe-interval. */
    int of_probe_s;             /* ovn-openflow-probe-interval. */
    bool monitor_all;           /* ovn-monitor-all. */
    char *cms_options;          /* ovn-cms-options. */
    char *chassis_mac_mappings; /* ovn-chassis-mac-mappings. */
    char *iface_types;          /* Open_vSwitch iface_types, comma list. */
    char *datapath_type;        /* Datapath type of the integration bridge. */
};

void ctl_config_init(struct ctl_config *);
void ctl_config_destroy(struct ctl_config *);
void ctl_config_read(struct ctl_config *, const struct ovsrec_open_vswitch *);
bool ctl_config_encap_ok(const struct ctl_config *);

const struct sbrec_chassis *chassis_lookup(struct ovsdb_idl *sb,
                                           const char *name);
const struct sbrec_chassis_private *chassis_private_lookup(
    struct ovsdb_idl *sb, const char *name);
const struct sbrec_chassis *chassis_run(struct ovsdb_idl_txn *,
                                        struct ovsdb_idl *sb,
                                        const struct ctl_config *);
void chassis_report_nb_cfg(struct ovsdb_idl_txn *, struct ovsdb_idl *sb,
                           const struct ctl_config *, int64_t nb_cfg,
                           int64_t timestamp);
bool chassis_cleanup(struct ovsdb_idl_txn *, struct ovsdb_idl *sb,
                     const char *chassis_id);

#endif /* controller/chassis.h */
