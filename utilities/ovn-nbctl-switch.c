/* ovn-nbctl: logical switch and logical switch port commands. */

#include <config.h>

#include "utilities/ovn-nbctl.h"

#include <stdlib.h>
#include <string.h>

#include "db-ctl-base.h"
#include "lib/ovn-ctl-util.h"
#include "lib/ovn-nb-idl.h"
#include "openvswitch/dynamic-string.h"
#include "ovsdb-idl.h"
#include "packets.h"
#include "smap.h"
#include "sset.h"
#include "util.h"

/* Logical switch port types that lsp-set-type accepts. */
static const char *const lsp_types[] = {
    "", "router", "localnet", "localport", "l2gateway", "vtep", "external",
    "virtual", "remote",
};

/* "[--may-exist | --add-duplicate] ls-add [SWITCH]". */
static void
nbctl_ls_add(struct ctl_context *ctx)
{
    const char *name = ctx->argc == 2 ? ctx->argv[1] : NULL;

    if (nbctl_check_add_named(ctx, &nbrec_table_logical_switch,
                              &nbrec_logical_switch_col_name, "switch",
                              name)) {
        struct nbrec_logical_switch *ls
            = nbrec_logical_switch_insert(ctx->txn);
        if (name) {
            nbrec_logical_switch_set_name(ls, name);
        }
    }
}

/* "[--if-exists] ls-del SWITCH". */
static void
nbctl_ls_del(struct ctl_context *ctx)
{
    bool must_exist = !shash_find(&ctx->options, "--if-exists");
    const struct nbrec_logical_switch *ls;

    if (nbctl_fail(ctx, nbctl_ls_lookup(ctx, ctx->argv[1], must_exist, &ls))
        || !ls) {
        return;
    }
    nbrec_logical_switch_delete(ls);
}

/* "ls-list". */
static void
nbctl_ls_list(struct ctl_context *ctx)
{
    nbctl_list_named(ctx, &nbrec_table_logical_switch,
                     &nbrec_logical_switch_col_name);
}

/* Finds the logical switch port named 'name' (by name only). */
static const struct nbrec_logical_switch_port *
lsp_by_name(struct ctl_context *ctx, const char *name)
{
    const struct nbrec_logical_switch_port *lsp;
    NBREC_LOGICAL_SWITCH_PORT_FOR_EACH (lsp, ctx->idl) {
        if (!strcmp(lsp->name, name)) {
            return lsp;
        }
    }
    return NULL;
}

/* "[--may-exist] lsp-add SWITCH PORT [PARENT TAG]". */
static void
nbctl_lsp_add(struct ctl_context *ctx)
{
    bool may_exist = shash_find(&ctx->options, "--may-exist") != NULL;
    const struct nbrec_logical_switch *ls;

    if (nbctl_fail(ctx, nbctl_ls_lookup(ctx, ctx->argv[1], true, &ls))) {
        return;
    }

    const char *parent_name = NULL;
    int64_t tag = -1;
    if (ctx->argc == 3) {
        /* No parent. */
    } else if (ctx->argc == 5) {
        parent_name = ctx->argv[3];
        if (!ovs_scan(ctx->argv[4], "%"SCNd64, &tag)
            || tag < 0 || tag > 4095) {
            ctl_error(ctx, "%s: invalid tag (must be in range 0 to 4095)",
                      ctx->argv[4]);
            return;
        }
    } else {
        ctl_error(ctx, "lsp-add with parent must also specify a tag");
        return;
    }

    const char *lsp_name = ctx->argv[2];
    const struct nbrec_logical_switch_port *lsp = lsp_by_name(ctx, lsp_name);
    if (lsp) {
        if (!may_exist) {
            ctl_error(ctx, "%s: a port with this name already exists",
                      lsp_name);
            return;
        }

        const struct nbrec_logical_switch *lsw = nbctl_lsp_to_ls(ctx, lsp);
        if (lsw != ls) {
            ctl_error(ctx, "%s: port already exists but in switch %s",
                      lsp_name, lsw ? lsw->name : "(none)");
            return;
        }

        if (parent_name) {
            if (!lsp->parent_name) {
                ctl_error(ctx, "%s: port already exists but has no parent",
                          lsp_name);
                return;
            } else if (strcmp(parent_name, lsp->parent_name)) {
                ctl_error(ctx, "%s: port already exists with different "
                          "parent %s", lsp_name, lsp->parent_name);
                return;
            }

            if (!lsp->n_tag_request) {
                ctl_error(ctx, "%s: port already exists but has no "
                          "tag_request", lsp_name);
                return;
            } else if (lsp->tag_request[0] != tag) {
                ctl_error(ctx, "%s: port already exists with different "
                          "tag_request %"PRId64, lsp_name,
                          lsp->tag_request[0]);
                return;
            }
        } else if (lsp->parent_name) {
            ctl_error(ctx, "%s: port already exists but has parent %s",
                      lsp_name, lsp->parent_name);
            return;
        }
        return;
    }

    struct nbrec_logical_switch_port *new
        = nbrec_logical_switch_port_insert(ctx->txn);
    nbrec_logical_switch_port_set_name(new, lsp_name);
    if (parent_name) {
        nbrec_logical_switch_port_set_parent_name(new, parent_name);
        nbrec_logical_switch_port_set_tag_request(new, &tag, 1);
    }
    nbrec_logical_switch_update_ports_addvalue(ls, new);
}

/* "[--if-exists] lsp-del PORT". */
static void
nbctl_lsp_del(struct ctl_context *ctx)
{
    bool must_exist = !shash_find(&ctx->options, "--if-exists");
    const struct nbrec_logical_switch_port *lsp;

    if (nbctl_fail(ctx, nbctl_lsp_lookup(ctx, ctx->argv[1], must_exist, &lsp))
        || !lsp) {
        return;
    }

    const struct nbrec_logical_switch *ls = nbctl_lsp_to_ls(ctx, lsp);
    if (!ls) {
        ctl_error(ctx, "logical port %s is not part of any logical switch",
                  ctx->argv[1]);
        return;
    }
    nbrec_logical_switch_update_ports_delvalue(ls, lsp);
    nbrec_logical_switch_port_delete(lsp);
}

/* "lsp-list SWITCH". */
static void
nbctl_lsp_list(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch *ls;

    if (nbctl_fail(ctx, nbctl_ls_lookup(ctx, ctx->argv[1], true, &ls))) {
        return;
    }

    struct nbctl_name_uuid *items = xmalloc((ls->n_ports + 1)
                                            * sizeof *items);
    for (size_t i = 0; i < ls->n_ports; i++) {
        items[i].name = ls->ports[i]->name;
        items[i].uuid = &ls->ports[i]->header_.uuid;
    }
    nbctl_print_sorted(&ctx->output, items, ls->n_ports);
    free(items);
}

/* Looks up the port named in argv[1], setting ctx->error on failure. */
static const struct nbrec_logical_switch_port *
get_lsp(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp;
    if (nbctl_fail(ctx, nbctl_lsp_lookup(ctx, ctx->argv[1], true, &lsp))) {
        return NULL;
    }
    return lsp;
}

/* "lsp-get-parent PORT". */
static void
nbctl_lsp_get_parent(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (lsp && lsp->parent_name) {
        ds_put_format(&ctx->output, "%s\n", lsp->parent_name);
    }
}

/* "lsp-get-tag PORT". */
static void
nbctl_lsp_get_tag(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (lsp && lsp->n_tag) {
        ds_put_format(&ctx->output, "%"PRId64"\n", lsp->tag[0]);
    }
}

/* Returns an error if an IP address in 'addresses' (a "MAC IP..." string) is
 * already used by another port of 'ls'. */
static char *
check_duplicate_ips(const struct nbrec_logical_switch *ls,
                    const struct nbrec_logical_switch_port *lsp,
                    const char *addresses)
{
    struct ovn_ctl_lsp_ips mine;
    if (!ovn_ctl_parse_mac_ips(addresses, &mine)) {
        return NULL;
    }

    for (size_t i = 0; i < ls->n_ports; i++) {
        const struct nbrec_logical_switch_port *other = ls->ports[i];
        if (other == lsp) {
            continue;
        }
        for (size_t j = 0; j < other->n_addresses; j++) {
            struct ovn_ctl_lsp_ips theirs;
            if (!ovn_ctl_parse_mac_ips(other->addresses[j], &theirs)) {
                continue;
            }
            for (size_t k = 0; k < mine.n_ipv4; k++) {
                for (size_t m = 0; m < theirs.n_ipv4; m++) {
                    if (mine.ipv4[k].s_addr == theirs.ipv4[m].s_addr) {
                        return xasprintf("Error on switch %s: duplicate "
                                         "IPv4 address '"IP_FMT"' found on "
                                         "logical switch port '%s'",
                                         ls->name,
                                         IP_ARGS(mine.ipv4[k].s_addr),
                                         other->name);
                    }
                }
            }
            for (size_t k = 0; k < mine.n_ipv6; k++) {
                for (size_t m = 0; m < theirs.n_ipv6; m++) {
                    if (ipv6_addr_equals(&mine.ipv6[k], &theirs.ipv6[m])) {
                        char buf[INET6_ADDRSTRLEN];
                        ipv6_string_mapped(buf, &mine.ipv6[k]);
                        return xasprintf("Error on switch %s: duplicate "
                                         "IPv6 address '%s' found on "
                                         "logical switch port '%s'",
                                         ls->name, buf, other->name);
                    }
                }
            }
        }
    }
    return NULL;
}

/* "lsp-set-addresses PORT [ADDRESS]...". */
static void
nbctl_lsp_set_addresses(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (!lsp) {
        return;
    }

    const struct nbrec_logical_switch *ls = nbctl_lsp_to_ls(ctx, lsp);
    for (int i = 2; i < ctx->argc; i++) {
        const char *a = ctx->argv[i];
        if (!ovn_ctl_is_valid_lsp_address(a)) {
            ctl_error(ctx, "%s: Invalid address format. See ovn-nb(5). "
                      "Hint: An Ethernet address must be listed before "
                      "an IP address, together as a single argument.", a);
            return;
        }
        if (ls) {
            char *error = check_duplicate_ips(ls, lsp, a);
            if (error) {
                ctx->error = error;
                return;
            }
        }
    }

    nbrec_logical_switch_port_set_addresses(
        lsp, (const char **) ctx->argv + 2, ctx->argc - 2);
}

/* Prints 'n' strings from 'strs' (already sorted by the IDL), one per
 * line. */
static void
print_sorted_strings(struct ds *out, char **strs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ds_put_format(out, "%s\n", strs[i]);
    }
}

/* "lsp-get-addresses PORT". */
static void
nbctl_lsp_get_addresses(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (lsp) {
        print_sorted_strings(&ctx->output, lsp->addresses, lsp->n_addresses);
    }
}

/* "lsp-set-port-security PORT [ADDRS]...". */
static void
nbctl_lsp_set_port_security(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (lsp) {
        nbrec_logical_switch_port_set_port_security(
            lsp, (const char **) ctx->argv + 2, ctx->argc - 2);
    }
}

/* "lsp-get-port-security PORT". */
static void
nbctl_lsp_get_port_security(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (lsp) {
        print_sorted_strings(&ctx->output, lsp->port_security,
                             lsp->n_port_security);
    }
}

/* "lsp-get-up PORT". */
static void
nbctl_lsp_get_up(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (lsp) {
        ds_put_format(&ctx->output, "%s\n",
                      lsp->n_up && *lsp->up ? "up" : "down");
    }
}

/* "lsp-set-enabled PORT STATE". */
static void
nbctl_lsp_set_enabled(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    bool enabled;
    if (!lsp || nbctl_fail(ctx, nbctl_parse_enabled(ctx->argv[2], &enabled))) {
        return;
    }
    nbrec_logical_switch_port_set_enabled(lsp, &enabled, 1);
}

/* "lsp-get-enabled PORT". */
static void
nbctl_lsp_get_enabled(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (lsp) {
        ds_put_format(&ctx->output, "%s\n",
                      !lsp->n_enabled || *lsp->enabled
                      ? "enabled" : "disabled");
    }
}

/* "lsp-set-type PORT TYPE". */
static void
nbctl_lsp_set_type(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (!lsp) {
        return;
    }

    const char *type = ctx->argv[2];
    for (size_t i = 0; i < ARRAY_SIZE(lsp_types); i++) {
        if (!strcmp(type, lsp_types[i])) {
            nbrec_logical_switch_port_set_type(lsp, type);
            return;
        }
    }
    ctl_error(ctx, "Logical switch port type '%s' is unrecognized. "
              "Not setting type.", type);
}

/* "lsp-get-type PORT". */
static void
nbctl_lsp_get_type(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (lsp) {
        ds_put_format(&ctx->output, "%s\n", lsp->type);
    }
}

/* "lsp-set-options PORT [KEY=VALUE]...". */
static void
nbctl_lsp_set_options(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (lsp) {
        struct smap options;
        nbctl_parse_key_values(ctx, 2, &options);
        nbrec_logical_switch_port_set_options(lsp, &options);
        smap_destroy(&options);
    }
}

/* "lsp-get-options PORT". */
static void
nbctl_lsp_get_options(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (lsp) {
        nbctl_print_key_values(&ctx->output, &lsp->options);
    }
}

/* Shared by lsp-set-dhcpv4-options and lsp-set-dhcpv6-options. */
static void
lsp_set_dhcp_options(struct ctl_context *ctx, bool v4)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (!lsp) {
        return;
    }

    const struct nbrec_dhcp_options *dhcp_opts = NULL;
    if (ctx->argc == 3) {
        if (nbctl_fail(ctx, nbctl_dhcp_options_lookup(ctx, ctx->argv[2],
                                                     &dhcp_opts))) {
            return;
        }
        ovs_be32 ip;
        unsigned int plen;
        char *error = ip_parse_cidr(dhcp_opts->cidr, &ip, &plen);
        bool is_v4 = !error;
        free(error);
        if (v4 && !is_v4) {
            ctl_error(ctx, "DHCP options cidr '%s' is not IPv4",
                      dhcp_opts->cidr);
            return;
        } else if (!v4 && is_v4) {
            ctl_error(ctx, "DHCP options cidr '%s' is not IPv6",
                      dhcp_opts->cidr);
            return;
        }
    }
    if (v4) {
        nbrec_logical_switch_port_set_dhcpv4_options(lsp, dhcp_opts);
    } else {
        nbrec_logical_switch_port_set_dhcpv6_options(lsp, dhcp_opts);
    }
}

/* "lsp-set-dhcpv4-options PORT [DHCP_OPTIONS_UUID]". */
static void
nbctl_lsp_set_dhcpv4_options(struct ctl_context *ctx)
{
    lsp_set_dhcp_options(ctx, true);
}

/* "lsp-set-dhcpv6-options PORT [DHCP_OPTIONS_UUID]". */
static void
nbctl_lsp_set_dhcpv6_options(struct ctl_context *ctx)
{
    lsp_set_dhcp_options(ctx, false);
}

/* Prints "UUID (CIDR)" for 'opts' if nonnull. */
static void
print_dhcp_options(struct ds *out, const struct nbrec_dhcp_options *opts)
{
    if (opts) {
        ds_put_format(out, UUID_FMT " (%s)\n",
                      UUID_ARGS(&opts->header_.uuid), opts->cidr);
    }
}

/* "lsp-get-dhcpv4-options PORT". */
static void
nbctl_lsp_get_dhcpv4_options(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (lsp) {
        print_dhcp_options(&ctx->output, lsp->dhcpv4_options);
    }
}

/* "lsp-get-dhcpv6-options PORT". */
static void
nbctl_lsp_get_dhcpv6_options(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (lsp) {
        print_dhcp_options(&ctx->output, lsp->dhcpv6_options);
    }
}

/* "lsp-get-ls PORT". */
static void
nbctl_lsp_get_ls(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (lsp) {
        const struct nbrec_logical_switch *ls = nbctl_lsp_to_ls(ctx, lsp);
        if (ls) {
            ds_put_format(&ctx->output, UUID_FMT " (%s)\n",
                          UUID_ARGS(&ls->header_.uuid), ls->name);
        }
    }
}

/* "lsp-get-dynamic-addresses PORT" (an extension: prints the addresses that
 * northd assigned). */
static void
nbctl_lsp_get_dynamic_addresses(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (lsp && lsp->dynamic_addresses) {
        ds_put_format(&ctx->output, "%s\n", lsp->dynamic_addresses);
    }
}

/* "lsp-set-ha-chassis-group PORT [GROUP]". */
static void
nbctl_lsp_set_ha_chassis_group(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (!lsp) {
        return;
    }

    const struct nbrec_ha_chassis_group *hcg = NULL;
    if (ctx->argc == 3
        && nbctl_fail(ctx, nbctl_hcg_lookup(ctx, ctx->argv[2], true, &hcg))) {
        return;
    }
    nbrec_logical_switch_port_set_ha_chassis_group(lsp, hcg);
}

/* Looks up a mirror by name. */
static const struct nbrec_mirror *
mirror_by_name(struct ctl_context *ctx, const char *name)
{
    const struct nbrec_mirror *m;
    NBREC_MIRROR_FOR_EACH (m, ctx->idl) {
        if (!strcmp(m->name, name)) {
            return m;
        }
    }
    return NULL;
}

/* "lsp-attach-mirror PORT MIRROR". */
static void
nbctl_lsp_attach_mirror(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (!lsp) {
        return;
    }
    const struct nbrec_mirror *m = mirror_by_name(ctx, ctx->argv[2]);
    if (!m) {
        ctl_error(ctx, "%s: mirror name not found", ctx->argv[2]);
        return;
    }
    for (size_t i = 0; i < lsp->n_mirror_rules; i++) {
        if (lsp->mirror_rules[i] == m) {
            if (!shash_find(&ctx->options, "--may-exist")) {
                ctl_error(ctx, "mirror %s is already attached to the "
                          "logical port %s.", m->name, lsp->name);
            }
            return;
        }
    }
    nbrec_logical_switch_port_update_mirror_rules_addvalue(lsp, m);
}

/* "lsp-detach-mirror PORT MIRROR". */
static void
nbctl_lsp_detach_mirror(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port *lsp = get_lsp(ctx);
    if (!lsp) {
        return;
    }
    const struct nbrec_mirror *m = mirror_by_name(ctx, ctx->argv[2]);
    if (!m) {
        ctl_error(ctx, "%s: mirror name not found", ctx->argv[2]);
        return;
    }
    nbrec_logical_switch_port_update_mirror_rules_delvalue(lsp, m);
}

static const struct ctl_command_syntax switch_commands[] = {
    { "ls-add", 0, 1, "[SWITCH]", NULL, nbctl_ls_add, NULL,
      "--may-exist,--add-duplicate", RW },
    { "ls-del", 1, 1, "SWITCH", NULL, nbctl_ls_del, NULL, "--if-exists",
      RW },
    { "ls-list", 0, 0, "", NULL, nbctl_ls_list, NULL, "", RO },

    { "lsp-add", 2, 4, "SWITCH PORT [PARENT] [TAG]", NULL, nbctl_lsp_add,
      NULL, "--may-exist", RW },
    { "lsp-del", 1, 1, "PORT", NULL, nbctl_lsp_del, NULL, "--if-exists",
      RW },
    { "lsp-list", 1, 1, "SWITCH", NULL, nbctl_lsp_list, NULL, "", RO },
    { "lsp-get-parent", 1, 1, "PORT", NULL, nbctl_lsp_get_parent, NULL,
      "", RO },
    { "lsp-get-tag", 1, 1, "PORT", NULL, nbctl_lsp_get_tag, NULL, "", RO },
    { "lsp-set-addresses", 1, INT_MAX, "PORT [ADDRESS]...", NULL,
      nbctl_lsp_set_addresses, NULL, "", RW },
    { "lsp-get-addresses", 1, 1, "PORT", NULL, nbctl_lsp_get_addresses,
      NULL, "", RO },
    { "lsp-set-port-security", 1, INT_MAX, "PORT [ADDRS]...", NULL,
      nbctl_lsp_set_port_security, NULL, "", RW },
    { "lsp-get-port-security", 1, 1, "PORT", NULL,
      nbctl_lsp_get_port_security, NULL, "", RO },
    { "lsp-get-up", 1, 1, "PORT", NULL, nbctl_lsp_get_up, NULL, "", RO },
    { "lsp-set-enabled", 2, 2, "PORT STATE", NULL, nbctl_lsp_set_enabled,
      NULL, "", RW },
    { "lsp-get-enabled", 1, 1, "PORT", NULL, nbctl_lsp_get_enabled, NULL,
      "", RO },
    { "lsp-set-type", 2, 2, "PORT TYPE", NULL, nbctl_lsp_set_type, NULL,
      "", RW },
    { "lsp-get-type", 1, 1, "PORT", NULL, nbctl_lsp_get_type, NULL, "", RO },
    { "lsp-set-options", 1, INT_MAX, "PORT KEY=VALUE [KEY=VALUE]...", NULL,
      nbctl_lsp_set_options, NULL, "", RW },
    { "lsp-get-options", 1, 1, "PORT", NULL, nbctl_lsp_get_options, NULL,
      "", RO },
    { "lsp-set-dhcpv4-options", 1, 2, "PORT [DHCP_OPT_UUID]", NULL,
      nbctl_lsp_set_dhcpv4_options, NULL, "", RW },
    { "lsp-get-dhcpv4-options", 1, 1, "PORT", NULL,
      nbctl_lsp_get_dhcpv4_options, NULL, "", RO },
    { "lsp-set-dhcpv6-options", 1, 2, "PORT [DHCP_OPT_UUID]", NULL,
      nbctl_lsp_set_dhcpv6_options, NULL, "", RW },
    { "lsp-get-dhcpv6-options", 1, 1, "PORT", NULL,
      nbctl_lsp_get_dhcpv6_options, NULL, "", RO },
    { "lsp-get-ls", 1, 1, "PORT", NULL, nbctl_lsp_get_ls, NULL, "", RO },
    { "lsp-get-dynamic-addresses", 1, 1, "PORT", NULL,
      nbctl_lsp_get_dynamic_addresses, NULL, "", RO },
    { "lsp-set-ha-chassis-group", 1, 2, "PORT [HA_CHASSIS_GROUP]", NULL,
      nbctl_lsp_set_ha_chassis_group, NULL, "", RW },
    { "lsp-attach-mirror", 2, 2, "PORT MIRROR", NULL,
      nbctl_lsp_attach_mirror, NULL, "--may-exist", RW },
    { "lsp-detach-mirror", 2, 2, "PORT MIRROR", NULL,
      nbctl_lsp_detach_mirror, NULL, "", RW },
    {NULL, 0, 0, NULL, NULL, NULL, NULL, "", RO},
};

void
nbctl_switch_register(void)
{
    ctl_register_commands(switch_commands);
}
