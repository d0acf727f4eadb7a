/* Copyright (c) 2026 The OVN-compatible project authors.
 *
 * Reads ovn-controller's settings from the local Open_vSwitch table and
 * keeps this hypervisor's Chassis, Encap and Chassis_Private rows in the
 * southbound database up to date. */
#include <config.h>
#include "controller/chassis.h"

#include <string.h>
#include <unistd.h>
#include "lib/ovn-sb-idl.h"
#include "lib/vswitch-idl.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "smap.h"
#include "socket-util.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(ovn_chassis);

/* Initializes 'cfg' with nothing configured. */
void
ctl_config_init(struct ctl_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    sset_init(&cfg->encap_types);
    sset_init(&cfg->encap_ips);
    shash_init(&cfg->bridge_mappings);
}

/* Frees what 'cfg' owns.  Accepts NULL. */
void
ctl_config_destroy(struct ctl_config *cfg)
{
    if (!cfg) {
        return;
    }
    free(cfg->chassis_id);
    free(cfg->hostname);
    free(cfg->sb_remote);
    sset_destroy(&cfg->encap_types);
    sset_destroy(&cfg->encap_ips);
    free(cfg->bridge);
    free(cfg->bridge_datapath_type);
    shash_destroy_free_data(&cfg->bridge_mappings);
    free(cfg->bridge_mappings_str);
    free(cfg->cms_options);
    free(cfg->chassis_mac_mappings);
    free(cfg->iface_types);
    free(cfg->datapath_type);
    memset(cfg, 0, sizeof *cfg);
}

/* Returns true if 'type' is an encapsulation ovn-controller supports. */
static bool
encap_type_valid(const char *type)
{
    return !strcmp(type, "geneve") || !strcmp(type, "vxlan")
           || !strcmp(type, "stt");
}

/* Splits 's' at commas and blanks into 'out'. */
static void
split_list(const char *s, struct sset *out)
{
    char *copy = xstrdup(s ? s : "");
    char *save = NULL;

    for (char *tok = strtok_r(copy, ", \t", &save); tok;
         tok = strtok_r(NULL, ", \t", &save)) {
        sset_add(out, tok);
    }
    free(copy);
}

/* Logs 'msg' only when it differs from the previous message for 'slot'. */
static void
log_once(char **slot, const char *msg)
{
    if (!*slot || strcmp(*slot, msg)) {
        VLOG_WARN("%s", msg);
        free(*slot);
        *slot = xstrdup(msg);
    }
}

/* Reads the settings in 'ovs' (may be NULL) into 'cfg', logging each bad
 * setting once. */
void
ctl_config_read(struct ctl_config *cfg, const struct ovsrec_open_vswitch *ovs)
{
    static char *last_encap_msg, *last_map_msg;
    const struct smap *ext = ovs ? &ovs->external_ids : NULL;
    struct smap empty = SMAP_INITIALIZER(&empty);
    char *datapath_type = cfg->datapath_type;

    cfg->datapath_type = NULL;
    ctl_config_destroy(cfg);
    ctl_config_init(cfg);
    cfg->datapath_type = datapath_type;
    if (!ext) {
        ext = &empty;
    }

    const char *s = smap_get(ext, "system-id");
    cfg->chassis_id = s && s[0] ? xstrdup(s) : NULL;
    s = smap_get(ext, "hostname");
    if (s && s[0]) {
        cfg->hostname = xstrdup(s);
    } else {
        char host[256];
        if (gethostname(host, sizeof host)) {
            strcpy(host, "localhost");
        }
        host[sizeof host - 1] = '\0';
        cfg->hostname = xstrdup(host);
    }
    s = smap_get(ext, "ovn-remote");
    cfg->sb_remote = s && s[0] ? xstrdup(s) : NULL;

    struct sset types = SSET_INITIALIZER(&types);
    split_list(smap_get(ext, "ovn-encap-type"), &types);
    const char *type;
    SSET_FOR_EACH (type, &types) {
        if (encap_type_valid(type)) {
            sset_add(&cfg->encap_types, type);
        } else {
            char *msg = xasprintf("ovn-encap-type: unknown encapsulation "
                                  "type \"%s\" ignored", type);
            log_once(&last_encap_msg, msg);
            free(msg);
        }
    }
    sset_destroy(&types);
    split_list(smap_get(ext, "ovn-encap-ip"), &cfg->encap_ips);
    cfg->encap_csum = smap_get_bool(ext, "ovn-encap-csum", true);

    s = smap_get(ext, "ovn-bridge");
    cfg->bridge = xstrdup(s && s[0] ? s : "br-int");
    s = smap_get(ext, "ovn-bridge-datapath-type");
    cfg->bridge_datapath_type = s && s[0] ? xstrdup(s) : NULL;

    s = smap_get(ext, "ovn-bridge-mappings");
    cfg->bridge_mappings_str = xstrdup(s ? s : "");
    struct sset maps = SSET_INITIALIZER(&maps);
    split_list(s, &maps);
    const char *m;
    SSET_FOR_EACH (m, &maps) {
        const char *colon = strchr(m, ':');
        if (!colon || colon == m || !colon[1] || strchr(colon + 1, ':')) {
            char *msg = xasprintf("ovn-bridge-mappings: bad mapping \"%s\" "
                                  "(want NETWORK:BRIDGE), ignored", m);
            log_once(&last_map_msg, msg);
            free(msg);
            continue;
        }
        char *net = xmemdup0(m, colon - m);
        if (!shash_find(&cfg->bridge_mappings, net)) {
            shash_add(&cfg->bridge_mappings, net, xstrdup(colon + 1));
        }
        free(net);
    }
    sset_destroy(&maps);

    cfg->remote_probe_ms = smap_get_int(ext, "ovn-remote-probe-interval",
                                        5000);
    cfg->of_probe_s = smap_get_int(ext, "ovn-openflow-probe-interval", 0);
    cfg->monitor_all = smap_get_bool(ext, "ovn-monitor-all", false);
    cfg->cms_options = xstrdup(smap_get_def(ext, "ovn-cms-options", ""));
    cfg->chassis_mac_mappings = xstrdup(
        smap_get_def(ext, "ovn-chassis-mac-mappings", ""));

    struct ds it = DS_EMPTY_INITIALIZER;
    for (size_t i = 0; ovs && i < ovs->n_iface_types; i++) {
        ds_put_format(&it, "%s%s", i ? "," : "", ovs->iface_types[i]);
    }
    cfg->iface_types = ds_steal_cstr(&it);
}

/* Returns true if the configuration names at least one valid encapsulation
 * type and IP, logging once what is missing otherwise. */
bool
ctl_config_encap_ok(const struct ctl_config *cfg)
{
    static char *last;
    const char *msg = NULL;

    if (sset_is_empty(&cfg->encap_types)) {
        msg = "ovn-encap-type is not set to a valid type: chassis not "
              "registered";
    } else if (sset_is_empty(&cfg->encap_ips)) {
        msg = "ovn-encap-ip is not set: chassis not registered";
    }
    if (msg) {
        log_once(&last, msg);
        return false;
    }
    free(last);
    last = NULL;
    return true;
}

/* Returns the Chassis named 'name', or NULL. */
const struct sbrec_chassis *
chassis_lookup(struct ovsdb_idl *sb, const char *name)
{
    const struct sbrec_chassis *c;

    SBREC_CHASSIS_FOR_EACH (c, sb) {
        if (!strcmp(c->name, name)) {
            return c;
        }
    }
    return NULL;
}

/* Returns the Chassis_Private named 'name', or NULL. */
const struct sbrec_chassis_private *
chassis_private_lookup(struct ovsdb_idl *sb, const char *name)
{
    const struct sbrec_chassis_private *c;

    SBREC_CHASSIS_PRIVATE_FOR_EACH (c, sb) {
        if (!strcmp(c->name, name)) {
            return c;
        }
    }
    return NULL;
}

/* Returns true if 'c''s encaps are exactly those 'cfg' asks for. */
static bool
chassis_encaps_match(const struct sbrec_chassis *c,
                     const struct ctl_config *cfg)
{
    const char *csum = cfg->encap_csum ? "true" : "false";

    if (c->n_encaps != sset_count(&cfg->encap_types)
                       * sset_count(&cfg->encap_ips)) {
        return false;
    }
    for (size_t i = 0; i < c->n_encaps; i++) {
        const struct sbrec_encap *e = c->encaps[i];
        if (!sset_contains(&cfg->encap_types, e->type)
            || !sset_contains(&cfg->encap_ips, e->ip)
            || strcmp(e->chassis_name, c->name)
            || strcmp(smap_get_def(&e->options, "csum", ""), csum)) {
            return false;
        }
    }
    return true;
}

/* Builds the other_config this chassis advertises. */
static void
chassis_build_other_config(const struct ctl_config *cfg, struct smap *oc)
{
    smap_add(oc, "datapath-type", cfg->datapath_type ? cfg->datapath_type
                                                     : "");
    smap_add(oc, "iface-types", cfg->iface_types ? cfg->iface_types : "");
    smap_add(oc, "ovn-bridge-mappings", cfg->bridge_mappings_str);
    smap_add(oc, "ovn-chassis-mac-mappings", cfg->chassis_mac_mappings);
    smap_add(oc, "ovn-cms-options", cfg->cms_options);
    smap_add(oc, "ovn-monitor-all", cfg->monitor_all ? "true" : "false");
    smap_add(oc, "is-interconn", "false");
    smap_add(oc, "port-up-notif", "true");
}

/* Creates or updates this chassis's Chassis, Encap and Chassis_Private rows
 * in 'txn' (may be NULL, then only looks them up).  Returns the Chassis, or
 * NULL if it does not exist (yet). */
const struct sbrec_chassis *
chassis_run(struct ovsdb_idl_txn *txn, struct ovsdb_idl *sb,
            const struct ctl_config *cfg)
{
    if (!cfg->chassis_id || !ctl_config_encap_ok(cfg)) {
        return NULL;
    }
    const struct sbrec_chassis *c = chassis_lookup(sb, cfg->chassis_id);
    if (!txn) {
        return c;
    }
    if (!c) {
        c = sbrec_chassis_insert(txn);
        sbrec_chassis_set_name(c, cfg->chassis_id);
        VLOG_INFO("registering chassis \"%s\"", cfg->chassis_id);
    }
    if (!c->hostname || strcmp(c->hostname, cfg->hostname)) {
        sbrec_chassis_set_hostname(c, cfg->hostname);
    }

    struct smap oc = SMAP_INITIALIZER(&oc);
    chassis_build_other_config(cfg, &oc);
    bool changed = false;
    struct smap_node *n;
    SMAP_FOR_EACH (n, &oc) {
        const char *old = smap_get(&c->other_config, n->key);
        if (!old || strcmp(old, n->value)) {
            changed = true;
            break;
        }
    }
    if (changed) {
        /* Keep keys others (e.g. the CMS) may have set. */
        struct smap merged;
        smap_clone(&merged, &c->other_config);
        SMAP_FOR_EACH (n, &oc) {
            smap_replace(&merged, n->key, n->value);
        }
        sbrec_chassis_set_other_config(c, &merged);
        smap_destroy(&merged);
    }
    smap_destroy(&oc);

    if (!chassis_encaps_match(c, cfg)) {
        size_t n_encaps = sset_count(&cfg->encap_types)
                          * sset_count(&cfg->encap_ips);
        struct sbrec_encap **encaps = xmalloc(n_encaps * sizeof *encaps);
        struct smap opts = SMAP_INITIALIZER(&opts);
        const char *type, *ip;
        size_t i = 0;

        smap_add(&opts, "csum", cfg->encap_csum ? "true" : "false");
        for (size_t k = 0; k < c->n_encaps; k++) {
            sbrec_encap_delete(c->encaps[k]);
        }
        SSET_FOR_EACH (type, &cfg->encap_types) {
            SSET_FOR_EACH (ip, &cfg->encap_ips) {
                struct sbrec_encap *e = CONST_CAST(struct sbrec_encap *,
                                                   sbrec_encap_insert(txn));
                sbrec_encap_set_type(e, type);
                sbrec_encap_set_ip(e, ip);
                sbrec_encap_set_options(e, &opts);
                sbrec_encap_set_chassis_name(e, cfg->chassis_id);
                encaps[i++] = e;
            }
        }
        sbrec_chassis_set_encaps(c, encaps, n_encaps);
        smap_destroy(&opts);
        free(encaps);
    }

    const struct sbrec_chassis_private *cp
        = chassis_private_lookup(sb, cfg->chassis_id);
    if (!cp) {
        cp = sbrec_chassis_private_insert(txn);
        sbrec_chassis_private_set_name(cp, cfg->chassis_id);
    }
    if (cp->chassis != c) {
        sbrec_chassis_private_set_chassis(cp, c);
    }
    return c;
}

/* Reports in Chassis_Private that this chassis has caught up with northbound
 * configuration 'nb_cfg', at 'timestamp' (msec). */
void
chassis_report_nb_cfg(struct ovsdb_idl_txn *txn, struct ovsdb_idl *sb,
                      const struct ctl_config *cfg, int64_t nb_cfg,
                      int64_t timestamp)
{
    if (!txn || !cfg->chassis_id) {
        return;
    }
    const struct sbrec_chassis_private *cp
        = chassis_private_lookup(sb, cfg->chassis_id);
    if (cp && cp->nb_cfg != nb_cfg) {
        sbrec_chassis_private_set_nb_cfg(cp, nb_cfg);
        sbrec_chassis_private_set_nb_cfg_timestamp(cp, timestamp);
    }
}

/* Deletes this chassis's rows (on a final exit).  Returns true if there was
 * something to delete. */
bool
chassis_cleanup(struct ovsdb_idl_txn *txn, struct ovsdb_idl *sb,
                const char *chassis_id)
{
    bool any = false;

    if (!txn || !chassis_id) {
        return false;
    }
    const struct sbrec_chassis_private *cp
        = chassis_private_lookup(sb, chassis_id);
    if (cp) {
        sbrec_chassis_private_delete(cp);
        any = true;
    }
    const struct sbrec_chassis *c = chassis_lookup(sb, chassis_id);
    if (c) {
        for (size_t i = 0; i < c->n_encaps; i++) {
            sbrec_encap_delete(c->encaps[i]);
        }
        sbrec_chassis_delete(c);
        any = true;
    }
    return any;
}
