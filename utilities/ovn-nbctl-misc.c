/* ovn-nbctl: DHCP options, HA chassis groups, forwarding groups, mirrors,
 * connection and SSL commands. */

#include <config.h>

#include "utilities/ovn-nbctl.h"

#include <stdlib.h>
#include <string.h>

#include "db-ctl-base.h"
#include "lib/ovn-nb-idl.h"
#include "openvswitch/dynamic-string.h"
#include "ovsdb-idl.h"
#include "packets.h"
#include "smap.h"
#include "sset.h"
#include "util.h"

/* ------------------------------------------------------------------------ */
/* DHCP options. */

/* "dhcp-options-create CIDR [KEY=VALUE]...". */
static void
nbctl_dhcp_options_create(struct ctl_context *ctx)
{
    const char *cidr = ctx->argv[1];
    ovs_be32 ip;
    struct in6_addr ip6;
    unsigned int plen;

    char *error = ip_parse_cidr(cidr, &ip, &plen);
    if (error) {
        free(error);
        error = ipv6_parse_cidr(cidr, &ip6, &plen);
        if (error) {
            free(error);
            ctl_error(ctx, "Invalid cidr format '%s'", cidr);
            return;
        }
    }

    struct nbrec_dhcp_options *opts = nbrec_dhcp_options_insert(ctx->txn);
    nbrec_dhcp_options_set_cidr(opts, cidr);

    struct smap ids;
    nbctl_parse_key_values(ctx, 2, &ids);
    nbrec_dhcp_options_set_external_ids(opts, &ids);
    smap_destroy(&ids);
}

/* "dhcp-options-set-options UUID [KEY=VALUE]...". */
static void
nbctl_dhcp_options_set_options(struct ctl_context *ctx)
{
    const struct nbrec_dhcp_options *opts;
    if (nbctl_fail(ctx, nbctl_dhcp_options_lookup(ctx, ctx->argv[1], &opts))) {
        return;
    }
    struct smap options;
    nbctl_parse_key_values(ctx, 2, &options);
    nbrec_dhcp_options_set_options(opts, &options);
    smap_destroy(&options);
}

/* "dhcp-options-get-options UUID". */
static void
nbctl_dhcp_options_get_options(struct ctl_context *ctx)
{
    const struct nbrec_dhcp_options *opts;
    if (nbctl_fail(ctx, nbctl_dhcp_options_lookup(ctx, ctx->argv[1], &opts))) {
        return;
    }
    nbctl_print_key_values(&ctx->output, &opts->options);
}

/* "dhcp-options-del UUID". */
static void
nbctl_dhcp_options_del(struct ctl_context *ctx)
{
    const struct nbrec_dhcp_options *opts;
    if (nbctl_fail(ctx, nbctl_dhcp_options_lookup(ctx, ctx->argv[1], &opts))) {
        return;
    }
    nbrec_dhcp_options_delete(opts);
}

/* "dhcp-options-list". */
static void
nbctl_dhcp_options_list(struct ctl_context *ctx)
{
    const struct nbrec_dhcp_options *opts;
    NBREC_DHCP_OPTIONS_FOR_EACH (opts, ctx->idl) {
        ds_put_format(&ctx->output, UUID_FMT"\n",
                      UUID_ARGS(&opts->header_.uuid));
    }
}

/* ------------------------------------------------------------------------ */
/* HA chassis groups. */

/* "ha-chassis-group-add GROUP". */
static void
nbctl_ha_chassis_group_add(struct ctl_context *ctx)
{
    struct nbrec_ha_chassis_group *hcg
        = nbrec_ha_chassis_group_insert(ctx->txn);
    nbrec_ha_chassis_group_set_name(hcg, ctx->argv[1]);
}

/* "ha-chassis-group-del GROUP". */
static void
nbctl_ha_chassis_group_del(struct ctl_context *ctx)
{
    const struct nbrec_ha_chassis_group *hcg;
    if (nbctl_fail(ctx, nbctl_hcg_lookup(ctx, ctx->argv[1], true, &hcg))) {
        return;
    }
    nbrec_ha_chassis_group_delete(hcg);
}

/* "ha-chassis-group-list". */
static void
nbctl_ha_chassis_group_list(struct ctl_context *ctx)
{
    const struct nbrec_ha_chassis_group *hcg;
    NBREC_HA_CHASSIS_GROUP_FOR_EACH (hcg, ctx->idl) {
        ds_put_format(&ctx->output, UUID_FMT " (%s)\n",
                      UUID_ARGS(&hcg->header_.uuid), hcg->name);
        for (size_t i = 0; i < hcg->n_ha_chassis; i++) {
            const struct nbrec_ha_chassis *hc = hcg->ha_chassis[i];
            ds_put_format(&ctx->output,
                          "    "UUID_FMT " (%s)\n    priority %"PRId64"\n\n",
                          UUID_ARGS(&hc->header_.uuid), hc->chassis_name,
                          hc->priority);
        }
        ds_put_char(&ctx->output, '\n');
    }
}

/* Finds chassis 'name' in 'hcg'. */
static const struct nbrec_ha_chassis *
find_ha_chassis(const struct nbrec_ha_chassis_group *hcg, const char *name)
{
    for (size_t i = 0; i < hcg->n_ha_chassis; i++) {
        if (!strcmp(hcg->ha_chassis[i]->chassis_name, name)) {
            return hcg->ha_chassis[i];
        }
    }
    return NULL;
}

/* "ha-chassis-group-add-chassis GROUP CHASSIS PRIORITY". */
static void
nbctl_ha_chassis_group_add_chassis(struct ctl_context *ctx)
{
    const struct nbrec_ha_chassis_group *hcg;
    int64_t priority;
    if (nbctl_fail(ctx, nbctl_hcg_lookup(ctx, ctx->argv[1], true, &hcg))
        || nbctl_fail(ctx, nbctl_parse_priority(ctx->argv[3], &priority))) {
        return;
    }

    const struct nbrec_ha_chassis *hc = find_ha_chassis(hcg, ctx->argv[2]);
    if (hc) {
        nbrec_ha_chassis_set_priority(hc, priority);
        return;
    }
    struct nbrec_ha_chassis *new = nbrec_ha_chassis_insert(ctx->txn);
    nbrec_ha_chassis_set_chassis_name(new, ctx->argv[2]);
    nbrec_ha_chassis_set_priority(new, priority);
    nbrec_ha_chassis_group_update_ha_chassis_addvalue(hcg, new);
}

/* "ha-chassis-group-remove-chassis GROUP CHASSIS". */
static void
nbctl_ha_chassis_group_remove_chassis(struct ctl_context *ctx)
{
    const struct nbrec_ha_chassis_group *hcg;
    if (nbctl_fail(ctx, nbctl_hcg_lookup(ctx, ctx->argv[1], true, &hcg))) {
        return;
    }
    const struct nbrec_ha_chassis *hc = find_ha_chassis(hcg, ctx->argv[2]);
    if (!hc) {
        ctl_error(ctx, "%s: ha chassis not found in %s ha chassis group",
                  ctx->argv[2], ctx->argv[1]);
        return;
    }
    nbrec_ha_chassis_group_update_ha_chassis_delvalue(hcg, hc);
    nbrec_ha_chassis_delete(hc);
}

/* "ha-chassis-group-set-chassis-prio GROUP CHASSIS PRIORITY". */
static void
nbctl_ha_chassis_group_set_chassis_prio(struct ctl_context *ctx)
{
    const struct nbrec_ha_chassis_group *hcg;
    int64_t priority;
    if (nbctl_fail(ctx, nbctl_hcg_lookup(ctx, ctx->argv[1], true, &hcg))
        || nbctl_fail(ctx, nbctl_parse_priority(ctx->argv[3], &priority))) {
        return;
    }
    const struct nbrec_ha_chassis *hc = find_ha_chassis(hcg, ctx->argv[2]);
    if (!hc) {
        ctl_error(ctx, "%s: ha chassis not found in %s ha chassis group",
                  ctx->argv[2], ctx->argv[1]);
        return;
    }
    nbrec_ha_chassis_set_priority(hc, priority);
}

/* ------------------------------------------------------------------------ */
/* Forwarding groups. */

/* "[--liveness] fwd-group-add GROUP SWITCH VIP VMAC PORTS...". */
static void
nbctl_fwd_group_add(struct ctl_context *ctx)
{
    const char *name = ctx->argv[1];
    const struct nbrec_forwarding_group *fg;
    NBREC_FORWARDING_GROUP_FOR_EACH (fg, ctx->idl) {
        if (!strcmp(fg->name, name)) {
            ctl_error(ctx, "%s: a forwarding group by this name already "
                      "exists", name);
            return;
        }
    }

    const struct nbrec_logical_switch *ls;
    if (nbctl_fail(ctx, nbctl_ls_lookup(ctx, ctx->argv[2], true, &ls))) {
        return;
    }

    const char *vip = ctx->argv[3];
    ovs_be32 ip;
    struct in6_addr ip6;
    if (!ip_parse(vip, &ip) && !ipv6_parse(vip, &ip6)) {
        ctl_error(ctx, "invalid ip address %s", vip);
        return;
    }

    const char *vmac = ctx->argv[4];
    struct eth_addr ea;
    if (!eth_addr_from_string(vmac, &ea)) {
        ctl_error(ctx, "invalid mac address %s", vmac);
        return;
    }

    for (int i = 5; i < ctx->argc; i++) {
        const struct nbrec_logical_switch_port *lsp;
        char *error = nbctl_lsp_lookup(ctx, ctx->argv[i], false, &lsp);
        if (error) {
            ctx->error = error;
            return;
        }
        if (!lsp) {
            ctl_error(ctx, "%s: logical switch port does not exist",
                      ctx->argv[i]);
            return;
        }
        const struct nbrec_logical_switch *owner = nbctl_lsp_to_ls(ctx, lsp);
        if (owner != ls) {
            ctl_error(ctx, "%s: port already exists but in logical switch "
                      "%s", ctx->argv[i], owner ? owner->name : "(none)");
            return;
        }
    }

    struct nbrec_forwarding_group *new
        = nbrec_forwarding_group_insert(ctx->txn);
    nbrec_forwarding_group_set_name(new, name);
    nbrec_forwarding_group_set_vip(new, vip);
    nbrec_forwarding_group_set_vmac(new, vmac);
    nbrec_forwarding_group_set_child_port(new,
                                          (const char **) ctx->argv + 5,
                                          ctx->argc - 5);
    if (shash_find(&ctx->options, "--liveness")) {
        nbrec_forwarding_group_set_liveness(new, true);
    }
    nbrec_logical_switch_update_forwarding_groups_addvalue(ls, new);
}

/* "[--if-exists] fwd-group-del GROUP". */
static void
nbctl_fwd_group_del(struct ctl_context *ctx)
{
    const struct nbrec_forwarding_group *fg;
    NBREC_FORWARDING_GROUP_FOR_EACH (fg, ctx->idl) {
        if (strcmp(fg->name, ctx->argv[1])) {
            continue;
        }
        const struct nbrec_logical_switch *ls;
        NBREC_LOGICAL_SWITCH_FOR_EACH (ls, ctx->idl) {
            for (size_t i = 0; i < ls->n_forwarding_groups; i++) {
                if (ls->forwarding_groups[i] == fg) {
                    nbrec_logical_switch_update_forwarding_groups_delvalue(
                        ls, fg);
                    break;
                }
            }
        }
        nbrec_forwarding_group_delete(fg);
        return;
    }
}

/* Prints one forwarding group line. */
static void
print_fwd_group(struct ds *s, const struct nbrec_logical_switch *ls,
                const struct nbrec_forwarding_group *fg)
{
    ds_put_format(s, "%-16s%-14s%-15s%-23s", fg->name, ls->name, fg->vip,
                  fg->vmac);
    for (size_t i = 0; i < fg->n_child_port; i++) {
        ds_put_format(s, "%s%s", i ? " " : "", fg->child_port[i]);
    }
    ds_put_char(s, '\n');
}

/* "fwd-group-list [SWITCH]". */
static void
nbctl_fwd_group_list(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch *ls = NULL;
    if (ctx->argc == 2
        && nbctl_fail(ctx, nbctl_ls_lookup(ctx, ctx->argv[1], true, &ls))) {
        return;
    }

    struct ds *s = &ctx->output;
    ds_put_format(s, "%-16s%-14s%-16s%-22s%s\n", "FWD_GROUP", "LS", "VIP",
                  "VMAC", "CHILD_PORTS");
    if (ls) {
        for (size_t i = 0; i < ls->n_forwarding_groups; i++) {
            print_fwd_group(s, ls, ls->forwarding_groups[i]);
        }
        return;
    }
    NBREC_LOGICAL_SWITCH_FOR_EACH (ls, ctx->idl) {
        for (size_t i = 0; i < ls->n_forwarding_groups; i++) {
            print_fwd_group(s, ls, ls->forwarding_groups[i]);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Mirrors. */

/* "mirror-add NAME TYPE INDEX FILTER SINK". */
static void
nbctl_mirror_add(struct ctl_context *ctx)
{
    const char *name = ctx->argv[1];
    const char *type = ctx->argv[2];
    const char *filter = ctx->argv[4];
    const char *sink = ctx->argv[5];

    if (strcmp(type, "gre") && strcmp(type, "erspan")) {
        ctl_error(ctx, "%s: type must be \"gre\" or \"erspan\"", type);
        return;
    }

    int64_t index;
    if (!ovs_scan(ctx->argv[3], "%"SCNd64, &index)) {
        ctl_error(ctx, "Invalid Index");
        return;
    }

    if (strcmp(filter, "to-lport") && strcmp(filter, "from-lport")) {
        ctl_error(ctx, "%s: selection must be \"to-lport\" or "
                  "\"from-lport\"", filter);
        return;
    }

    ovs_be32 ip;
    struct in6_addr ip6;
    if (!ip_parse(sink, &ip) && !ipv6_parse(sink, &ip6)) {
        ctl_error(ctx, "Invalid sink ip: %s", sink);
        return;
    }

    const struct nbrec_mirror *m;
    NBREC_MIRROR_FOR_EACH (m, ctx->idl) {
        if (!strcmp(m->name, name)) {
            ctl_error(ctx, "Mirror with %s name already exists.", name);
            return;
        }
    }

    struct nbrec_mirror *new = nbrec_mirror_insert(ctx->txn);
    nbrec_mirror_set_name(new, name);
    nbrec_mirror_set_type(new, type);
    nbrec_mirror_set_index(new, index);
    nbrec_mirror_set_filter(new, filter);
    nbrec_mirror_set_sink(new, sink);
}

/* "mirror-del [NAME]". */
static void
nbctl_mirror_del(struct ctl_context *ctx)
{
    const struct nbrec_mirror *m;
    NBREC_MIRROR_FOR_EACH_SAFE (m, ctx->idl) {
        if (ctx->argc == 1 || !strcmp(m->name, ctx->argv[1])) {
            nbrec_mirror_delete(m);
        }
    }
}

/* Orders mirrors by name. */
static int
compare_mirrors(const void *a_, const void *b_)
{
    const struct nbrec_mirror *const *a = a_;
    const struct nbrec_mirror *const *b = b_;
    return strcmp((*a)->name, (*b)->name);
}

/* "mirror-list". */
static void
nbctl_mirror_list(struct ctl_context *ctx)
{
    const struct nbrec_mirror **mirrors = NULL;
    size_t n = 0, allocated = 0;
    const struct nbrec_mirror *m;

    NBREC_MIRROR_FOR_EACH (m, ctx->idl) {
        if (n >= allocated) {
            mirrors = x2nrealloc(mirrors, &allocated, sizeof *mirrors);
        }
        mirrors[n++] = m;
    }
    if (n) {
        qsort(mirrors, n, sizeof *mirrors, compare_mirrors);
    }
    for (size_t i = 0; i < n; i++) {
        m = mirrors[i];
        ds_put_format(&ctx->output,
                      "%s:\n  Type     :  %s\n  Sink     :  %s\n"
                      "  Filter   :  %s\n  Index/Key:  %"PRId64"\n\n",
                      m->name, m->type, m->sink, m->filter, m->index);
    }
    free(mirrors);
}

/* ------------------------------------------------------------------------ */
/* Connections and SSL. */

/* Returns NB_Global (the transaction loop creates it if missing). */
static const struct nbrec_nb_global *
nb_global(struct ctl_context *ctx)
{
    return nbrec_nb_global_first(ctx->idl);
}

/* "get-connection". */
static void
nbctl_get_connection(struct ctl_context *ctx)
{
    const struct nbrec_nb_global *nb = nb_global(ctx);
    if (!nb) {
        return;
    }
    struct sset targets = SSET_INITIALIZER(&targets);
    for (size_t i = 0; i < nb->n_connections; i++) {
        sset_add(&targets, nb->connections[i]->target);
    }
    const char **sorted = sset_sort(&targets);
    for (size_t i = 0; i < sset_count(&targets); i++) {
        ds_put_format(&ctx->output, "%s\n", sorted[i]);
    }
    free(sorted);
    sset_destroy(&targets);
}

/* Deletes every configured connection. */
static void
delete_connections(struct ctl_context *ctx)
{
    const struct nbrec_nb_global *nb = nb_global(ctx);
    if (!nb) {
        return;
    }
    for (size_t i = 0; i < nb->n_connections; i++) {
        nbrec_connection_delete(nb->connections[i]);
    }
    nbrec_nb_global_set_connections(nb, NULL, 0);
}

/* "del-connection". */
static void
nbctl_del_connection(struct ctl_context *ctx)
{
    delete_connections(ctx);
}

/* "[--inactivity-probe=MSECS] set-connection TARGET...". */
static void
nbctl_set_connection(struct ctl_context *ctx)
{
    const struct nbrec_nb_global *nb = nb_global(ctx);
    const char *probe_s = shash_find_data(&ctx->options,
                                          "--inactivity-probe");
    int64_t probe = 0;
    if (probe_s && !ovs_scan(probe_s, "%"SCNd64, &probe)) {
        ctl_error(ctx, "%s: invalid inactivity probe", probe_s);
        return;
    }

    delete_connections(ctx);

    size_t n = ctx->argc - 1;
    struct nbrec_connection **conns = xmalloc(n * sizeof *conns);
    for (size_t i = 0; i < n; i++) {
        conns[i] = nbrec_connection_insert(ctx->txn);
        nbrec_connection_set_target(conns[i], ctx->argv[i + 1]);
        if (probe_s) {
            nbrec_connection_set_inactivity_probe(conns[i], &probe, 1);
        }
    }
    nbrec_nb_global_set_connections(nb, conns, n);
    free(conns);
}

/* "get-ssl". */
static void
nbctl_get_ssl(struct ctl_context *ctx)
{
    const struct nbrec_nb_global *nb = nb_global(ctx);
    const struct nbrec_ssl *ssl = nb ? nb->ssl : NULL;
    if (ssl) {
        ds_put_format(&ctx->output, "Private key: %s\n", ssl->private_key);
        ds_put_format(&ctx->output, "Certificate: %s\n", ssl->certificate);
        ds_put_format(&ctx->output, "CA Certificate: %s\n", ssl->ca_cert);
        ds_put_format(&ctx->output, "Bootstrap: %s\n",
                      ssl->bootstrap_ca_cert ? "true" : "false");
    }
}

/* "del-ssl". */
static void
nbctl_del_ssl(struct ctl_context *ctx)
{
    const struct nbrec_nb_global *nb = nb_global(ctx);
    if (nb && nb->ssl) {
        nbrec_ssl_delete(nb->ssl);
        nbrec_nb_global_set_ssl(nb, NULL);
    }
}

/* "[--bootstrap] set-ssl PRIVATE-KEY CERTIFICATE CA-CERT [SSL-PROTOS
 * [SSL-CIPHERS]]". */
static void
nbctl_set_ssl(struct ctl_context *ctx)
{
    const struct nbrec_nb_global *nb = nb_global(ctx);
    if (nb->ssl) {
        nbrec_ssl_delete(nb->ssl);
    }

    struct nbrec_ssl *ssl = nbrec_ssl_insert(ctx->txn);
    nbrec_ssl_set_private_key(ssl, ctx->argv[1]);
    nbrec_ssl_set_certificate(ssl, ctx->argv[2]);
    nbrec_ssl_set_ca_cert(ssl, ctx->argv[3]);
    nbrec_ssl_set_bootstrap_ca_cert(
        ssl, shash_find(&ctx->options, "--bootstrap") != NULL);
    if (ctx->argc >= 5) {
        nbrec_ssl_set_ssl_protocols(ssl, ctx->argv[4]);
    }
    if (ctx->argc >= 6) {
        nbrec_ssl_set_ssl_ciphers(ssl, ctx->argv[5]);
    }
    nbrec_nb_global_set_ssl(nb, ssl);
}

static const struct ctl_command_syntax misc_commands[] = {
    { "dhcp-options-create", 1, INT_MAX, "CIDR [EXTERNAL:KEY=VALUE]", NULL,
      nbctl_dhcp_options_create, NULL, "", RW },
    { "dhcp-options-del", 1, 1, "DHCP_OPT_UUID", NULL,
      nbctl_dhcp_options_del, NULL, "", RW },
    { "dhcp-options-list", 0, 0, "", NULL, nbctl_dhcp_options_list, NULL,
      "", RO },
    { "dhcp-options-set-options", 1, INT_MAX, "DHCP_OPT_UUID KEY=VALUE...",
      NULL, nbctl_dhcp_options_set_options, NULL, "", RW },
    { "dhcp-options-get-options", 1, 1, "DHCP_OPT_UUID", NULL,
      nbctl_dhcp_options_get_options, NULL, "", RO },

    { "ha-chassis-group-add", 1, 1, "[CHASSIS GROUP]", NULL,
      nbctl_ha_chassis_group_add, NULL, "", RW },
    { "ha-chassis-group-del", 1, 1, "[CHASSIS GROUP]", NULL,
      nbctl_ha_chassis_group_del, NULL, "", RW },
    { "ha-chassis-group-list", 0, 0, "", NULL, nbctl_ha_chassis_group_list,
      NULL, "", RO },
    { "ha-chassis-group-add-chassis", 3, 3,
      "[CHASSIS GROUP] [CHASSIS] [PRIORITY]", NULL,
      nbctl_ha_chassis_group_add_chassis, NULL, "", RW },
    { "ha-chassis-group-remove-chassis", 2, 2, "[CHASSIS GROUP] [CHASSIS]",
      NULL, nbctl_ha_chassis_group_remove_chassis, NULL, "", RW },
    { "ha-chassis-group-set-chassis-prio", 3, 3,
      "[CHASSIS GROUP] [CHASSIS] [PRIORITY]", NULL,
      nbctl_ha_chassis_group_set_chassis_prio, NULL, "", RW },

    { "fwd-group-add", 4, INT_MAX, "[GROUP] [SWITCH] [VIP] [VMAC] [PORTS]",
      NULL, nbctl_fwd_group_add, NULL, "--liveness", RW },
    { "fwd-group-del", 1, 1, "[GROUP]", NULL, nbctl_fwd_group_del, NULL,
      "--if-exists", RW },
    { "fwd-group-list", 0, 1, "[SWITCH]", NULL, nbctl_fwd_group_list, NULL,
      "", RO },

    { "mirror-add", 5, 5, "NAME TYPE INDEX FILTER IP", NULL,
      nbctl_mirror_add, NULL, "--may-exist", RW },
    { "mirror-del", 0, 1, "[NAME]", NULL, nbctl_mirror_del, NULL, "", RW },
    { "mirror-list", 0, 0, "", NULL, nbctl_mirror_list, NULL, "", RO },

    { "get-connection", 0, 0, "", NULL, nbctl_get_connection, NULL, "", RO },
    { "del-connection", 0, 0, "", NULL, nbctl_del_connection, NULL, "", RW },
    { "set-connection", 1, INT_MAX, "TARGET...", NULL, nbctl_set_connection,
      NULL, "--inactivity-probe=", RW },
    { "get-ssl", 0, 0, "", NULL, nbctl_get_ssl, NULL, "", RO },
    { "del-ssl", 0, 0, "", NULL, nbctl_del_ssl, NULL, "", RW },
    { "set-ssl", 3, 5,
      "PRIVATE-KEY CERTIFICATE CA-CERT [SSL-PROTOS [SSL-CIPHERS]]", NULL,
      nbctl_set_ssl, NULL, "--bootstrap", RW },
    {NULL, 0, 0, NULL, NULL, NULL, NULL, "", RO},
};

void
nbctl_misc_register(void)
{
    ctl_register_commands(misc_commands);
}
