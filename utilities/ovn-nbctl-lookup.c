/* ovn-nbctl: helpers shared by the command files: row lookups by name or
 * UUID, reverse lookups, argument parsing and common output formats. */

#include <config.h>

#include "utilities/ovn-nbctl.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db-ctl-base.h"
#include "lib/ovn-nb-idl.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "ovsdb-data.h"
#include "ovsdb-idl.h"
#include "smap.h"
#include "util.h"

/* Looks up a row of 'class' by UUID (when 'id' parses as one) or by the
 * string column 'name_col', and reports errors with the noun 'what'. */
static char *
lookup_row(struct ctl_context *ctx, const struct ovsdb_idl_table_class *class,
           const struct ovsdb_idl_column *name_col, const char *what,
           const char *plural, const char *id, bool must_exist,
           const struct ovsdb_idl_row **rowp)
{
    struct uuid uuid;

    *rowp = NULL;
    bool is_uuid = uuid_from_string(&uuid, id);
    if (is_uuid) {
        *rowp = ovsdb_idl_get_row_for_uuid(ctx->idl, class, &uuid);
        if (*rowp) {
            return NULL;
        }
        /* A name may look like a UUID: fall back to a name lookup. */
    }

    const struct ovsdb_idl_row *row;
    for (row = ovsdb_idl_first_row(ctx->idl, class); row;
         row = ovsdb_idl_next_row(row)) {
        const struct ovsdb_datum *d = ovsdb_idl_read(row, name_col);
        if (d->n == 1 && !strcmp(d->keys[0].s->string, id)) {
            if (*rowp) {
                *rowp = NULL;
                return xasprintf("Multiple %s named '%s'.  Use a UUID.",
                                 plural, id);
            }
            *rowp = row;
        }
    }
    if (!*rowp && must_exist) {
        return xasprintf("%s: %s %s not found", id, what,
                         is_uuid ? "UUID" : "name");
    }
    return NULL;
}

char *
nbctl_ls_lookup(struct ctl_context *ctx, const char *id, bool must_exist,
                const struct nbrec_logical_switch **rowp)
{
    const struct ovsdb_idl_row *row;
    char *error = lookup_row(ctx, &nbrec_table_logical_switch,
                             &nbrec_logical_switch_col_name, "switch",
                             "logical switches", id, must_exist, &row);
    *rowp = row ? CONTAINER_OF(row, struct nbrec_logical_switch, header_)
                : NULL;
    return error;
}

char *
nbctl_lsp_lookup(struct ctl_context *ctx, const char *id, bool must_exist,
                 const struct nbrec_logical_switch_port **rowp)
{
    const struct ovsdb_idl_row *row;
    char *error = lookup_row(ctx, &nbrec_table_logical_switch_port,
                             &nbrec_logical_switch_port_col_name, "port",
                             "logical switch ports", id, must_exist, &row);
    *rowp = row ? CONTAINER_OF(row, struct nbrec_logical_switch_port, header_)
                : NULL;
    return error;
}

char *
nbctl_lr_lookup(struct ctl_context *ctx, const char *id, bool must_exist,
                const struct nbrec_logical_router **rowp)
{
    const struct ovsdb_idl_row *row;
    char *error = lookup_row(ctx, &nbrec_table_logical_router,
                             &nbrec_logical_router_col_name, "router",
                             "logical routers", id, must_exist, &row);
    *rowp = row ? CONTAINER_OF(row, struct nbrec_logical_router, header_)
                : NULL;
    return error;
}

char *
nbctl_lrp_lookup(struct ctl_context *ctx, const char *id, bool must_exist,
                 const struct nbrec_logical_router_port **rowp)
{
    const struct ovsdb_idl_row *row;
    char *error = lookup_row(ctx, &nbrec_table_logical_router_port,
                             &nbrec_logical_router_port_col_name, "port",
                             "logical router ports", id, must_exist, &row);
    *rowp = row ? CONTAINER_OF(row, struct nbrec_logical_router_port, header_)
                : NULL;
    return error;
}

char *
nbctl_pg_lookup(struct ctl_context *ctx, const char *id, bool must_exist,
                const struct nbrec_port_group **rowp)
{
    const struct ovsdb_idl_row *row;
    char *error = lookup_row(ctx, &nbrec_table_port_group,
                             &nbrec_port_group_col_name, "port group",
                             "port groups", id, must_exist, &row);
    *rowp = row ? CONTAINER_OF(row, struct nbrec_port_group, header_)
                : NULL;
    return error;
}

char *
nbctl_lb_lookup(struct ctl_context *ctx, const char *id, bool must_exist,
                const struct nbrec_load_balancer **rowp)
{
    const struct ovsdb_idl_row *row;
    char *error = lookup_row(ctx, &nbrec_table_load_balancer,
                             &nbrec_load_balancer_col_name, "load balancer",
                             "load balancers", id, must_exist, &row);
    *rowp = row ? CONTAINER_OF(row, struct nbrec_load_balancer, header_)
                : NULL;
    return error;
}

char *
nbctl_hcg_lookup(struct ctl_context *ctx, const char *id, bool must_exist,
                 const struct nbrec_ha_chassis_group **rowp)
{
    const struct ovsdb_idl_row *row;
    char *error = lookup_row(ctx, &nbrec_table_ha_chassis_group,
                             &nbrec_ha_chassis_group_col_name,
                             "ha_chassi_group", "ha chassis groups",
                             id, must_exist, &row);
    *rowp = row ? CONTAINER_OF(row, struct nbrec_ha_chassis_group, header_)
                : NULL;
    return error;
}

char *
nbctl_dhcp_options_lookup(struct ctl_context *ctx, const char *id,
                          const struct nbrec_dhcp_options **rowp)
{
    struct uuid uuid;

    *rowp = NULL;
    if (!uuid_from_string(&uuid, id)) {
        return xasprintf("%s: dhcp options UUID not found", id);
    }
    *rowp = nbrec_dhcp_options_get_for_uuid(ctx->idl, &uuid);
    if (!*rowp) {
        return xasprintf("%s: dhcp options UUID not found", id);
    }
    return NULL;
}

const struct nbrec_logical_switch *
nbctl_lsp_to_ls(struct ctl_context *ctx,
                const struct nbrec_logical_switch_port *lsp)
{
    const struct nbrec_logical_switch *ls;
    NBREC_LOGICAL_SWITCH_FOR_EACH (ls, ctx->idl) {
        for (size_t i = 0; i < ls->n_ports; i++) {
            if (ls->ports[i] == lsp) {
                return ls;
            }
        }
    }
    return NULL;
}

const struct nbrec_logical_router *
nbctl_lrp_to_lr(struct ctl_context *ctx,
                const struct nbrec_logical_router_port *lrp)
{
    const struct nbrec_logical_router *lr;
    NBREC_LOGICAL_ROUTER_FOR_EACH (lr, ctx->idl) {
        for (size_t i = 0; i < lr->n_ports; i++) {
            if (lr->ports[i] == lrp) {
                return lr;
            }
        }
    }
    return NULL;
}

bool
nbctl_fail(struct ctl_context *ctx, char *error)
{
    if (error) {
        ctx->error = error;
        return true;
    }
    return false;
}

char *
nbctl_parse_priority(const char *s, int64_t *priority)
{
    int64_t p;
    if (!ovs_scan(s, "%"SCNd64, &p) || p < 0 || p > 32767) {
        return xasprintf("%s: priority must in range 0...32767", s);
    }
    *priority = p;
    return NULL;
}

/* qsort() comparator for struct nbctl_name_uuid: by name, then UUID. */
static int
compare_name_uuid(const void *a_, const void *b_)
{
    const struct nbctl_name_uuid *a = a_;
    const struct nbctl_name_uuid *b = b_;
    int cmp = strcmp(a->name, b->name);
    return cmp ? cmp : uuid_compare_3way(a->uuid, b->uuid);
}

void
nbctl_print_sorted(struct ds *out, struct nbctl_name_uuid *items, size_t n)
{
    if (!n) {
        return;
    }
    qsort(items, n, sizeof *items, compare_name_uuid);
    for (size_t i = 0; i < n; i++) {
        ds_put_format(out, UUID_FMT" (%s)\n", UUID_ARGS(items[i].uuid),
                      items[i].name);
    }
}

void
nbctl_format_string_array(struct ds *out, char **strs, size_t n)
{
    ds_put_char(out, '[');
    for (size_t i = 0; i < n; i++) {
        if (i) {
            ds_put_cstr(out, ", ");
        }
        json_string_escape(strs[i], out);
    }
    ds_put_char(out, ']');
}


bool
nbctl_check_add_named(struct ctl_context *ctx,
                      const struct ovsdb_idl_table_class *class,
                      const struct ovsdb_idl_column *name_col,
                      const char *what, const char *name)
{
    bool may_exist = shash_find(&ctx->options, "--may-exist") != NULL;
    bool add_duplicate = shash_find(&ctx->options, "--add-duplicate") != NULL;

    if (may_exist && add_duplicate) {
        ctl_error(ctx, "--may-exist and --add-duplicate may not be used "
                  "together");
        return false;
    }

    if (name) {
        if (!add_duplicate) {
            const struct ovsdb_idl_row *row;
            for (row = ovsdb_idl_first_row(ctx->idl, class); row;
                 row = ovsdb_idl_next_row(row)) {
                const struct ovsdb_datum *d = ovsdb_idl_read(row, name_col);
                if (d->n == 1 && !strcmp(d->keys[0].s->string, name)) {
                    if (!may_exist) {
                        ctl_error(ctx, "%s: a %s with this name already "
                                  "exists", name, what);
                    }
                    return false;
                }
            }
        }
    } else if (may_exist) {
        ctl_error(ctx, "--may-exist requires specifying a name");
        return false;
    } else if (add_duplicate) {
        ctl_error(ctx, "--add-duplicate requires specifying a name");
        return false;
    }
    return true;
}

void
nbctl_list_named(struct ctl_context *ctx,
                 const struct ovsdb_idl_table_class *class,
                 const struct ovsdb_idl_column *name_col)
{
    size_t n = 0, allocated = 0;
    struct nbctl_name_uuid *items = NULL;

    const struct ovsdb_idl_row *row;
    for (row = ovsdb_idl_first_row(ctx->idl, class); row;
         row = ovsdb_idl_next_row(row)) {
        const struct ovsdb_datum *d = ovsdb_idl_read(row, name_col);
        if (n >= allocated) {
            items = x2nrealloc(items, &allocated, sizeof *items);
        }
        items[n].name = d->n ? d->keys[0].s->string : "";
        items[n].uuid = &row->uuid;
        n++;
    }
    nbctl_print_sorted(&ctx->output, items, n);
    free(items);
}

char *
nbctl_parse_enabled(const char *state, bool *enabled)
{
    if (!strcasecmp(state, "enabled")) {
        *enabled = true;
    } else if (!strcasecmp(state, "disabled")) {
        *enabled = false;
    } else {
        return xasprintf("%s: state must be \"enabled\" or \"disabled\"",
                         state);
    }
    return NULL;
}

void
nbctl_parse_key_values(struct ctl_context *ctx, int first, struct smap *map)
{
    smap_init(map);
    for (int i = first; i < ctx->argc; i++) {
        char *key, *value;
        value = xstrdup(ctx->argv[i]);
        key = strsep(&value, "=");
        if (value) {
            smap_add(map, key, value);
        }
        free(key);
    }
}

void
nbctl_print_key_values(struct ds *out, const struct smap *map)
{
    const struct smap_node *node;
    SMAP_FOR_EACH (node, map) {
        ds_put_format(out, "%s=%s\n", node->key, node->value);
    }
}
