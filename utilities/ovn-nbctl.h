/* Shared declarations for the pieces of ovn-nbctl.
 *
 * ovn-nbctl is split by feature: ovn-nbctl.c holds the main program (what
 * it adds to the skeleton in lib/ovn-ctl-main.c), --wait and "show";
 * ovn-nbctl-lookup.c the helpers declared here; each other ovn-nbctl-*.c
 * file implements one family of commands and registers them through its
 * nbctl_*_register() function. */

#ifndef OVN_NBCTL_H
#define OVN_NBCTL_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ctl_context;
struct ds;
struct ovsdb_idl_column;
struct ovsdb_idl_table_class;
struct smap;
struct uuid;
struct nbrec_logical_switch;
struct nbrec_logical_switch_port;
struct nbrec_logical_router;
struct nbrec_logical_router_port;
struct nbrec_port_group;
struct nbrec_load_balancer;
struct nbrec_dhcp_options;
struct nbrec_ha_chassis_group;
struct nbrec_meter;
struct nbrec_bfd;
struct nbrec_mirror;

/* Command families, one per source file. */
void nbctl_switch_register(void);
void nbctl_router_register(void);
void nbctl_route_register(void);
void nbctl_nat_register(void);
void nbctl_acl_register(void);
void nbctl_lb_register(void);
void nbctl_misc_register(void);
void nbctl_copp_register(void);

/* Lookups by name or UUID.  Each returns NULL on success, storing the row
 * (or NULL when not found and 'must_exist' is false) in '*rowp'; on failure
 * returns a malloc()'d error message. */
char *nbctl_ls_lookup(struct ctl_context *, const char *id, bool must_exist,
                      const struct nbrec_logical_switch **rowp);
char *nbctl_lsp_lookup(struct ctl_context *, const char *id, bool must_exist,
                       const struct nbrec_logical_switch_port **rowp);
char *nbctl_lr_lookup(struct ctl_context *, const char *id, bool must_exist,
                      const struct nbrec_logical_router **rowp);
char *nbctl_lrp_lookup(struct ctl_context *, const char *id, bool must_exist,
                       const struct nbrec_logical_router_port **rowp);
char *nbctl_pg_lookup(struct ctl_context *, const char *id, bool must_exist,
                      const struct nbrec_port_group **rowp);
char *nbctl_lb_lookup(struct ctl_context *, const char *id, bool must_exist,
                      const struct nbrec_load_balancer **rowp);
char *nbctl_dhcp_options_lookup(struct ctl_context *, const char *id,
                                const struct nbrec_dhcp_options **rowp);
char *nbctl_hcg_lookup(struct ctl_context *, const char *id, bool must_exist,
                       const struct nbrec_ha_chassis_group **rowp);

/* Finds the logical switch that contains 'lsp' (NULL if none). */
const struct nbrec_logical_switch *nbctl_lsp_to_ls(
    struct ctl_context *, const struct nbrec_logical_switch_port *);
/* Finds the logical router that contains 'lrp' (NULL if none). */
const struct nbrec_logical_router *nbctl_lrp_to_lr(
    struct ctl_context *, const struct nbrec_logical_router_port *);

/* Stores 'error' (if nonnull) in ctx->error and returns true if it was
 * nonnull, so that callers can write "if (nbctl_fail(ctx, f())) {". */
bool nbctl_fail(struct ctl_context *, char *error);

/* Parses 's' as a priority in [0, 32767], storing it in '*priority'.
 * Returns NULL or an error message. */
char *nbctl_parse_priority(const char *s, int64_t *priority);

/* A row to list: its name and UUID. */
struct nbctl_name_uuid {
    const char *name;           /* Row name, nonnull. */
    const struct uuid *uuid;    /* Row UUID. */
};

/* Appends "UUID (NAME)" lines for the 'n' 'items' to 'out', sorted by NAME
 * then UUID (reordering 'items'). */
void nbctl_print_sorted(struct ds *out, struct nbctl_name_uuid *items,
                        size_t n);

/* Appends 'n' strings from 'strs' to 'out' as a JSON-style quoted array
 * such as ["a", "b"]. */
void nbctl_format_string_array(struct ds *out, char **strs, size_t n);

/* The checks of "[--may-exist | --add-duplicate] ls-add [NAME]" and
 * "lr-add", for rows of 'class' named by the string column 'name_col'
 * ('what' is the noun for messages, such as "switch").  Returns true if the
 * caller should insert a new row, false if it should not (because of an
 * error, stored in 'ctx', or because the row exists and --may-exist was
 * given). */
bool nbctl_check_add_named(struct ctl_context *,
                           const struct ovsdb_idl_table_class *class,
                           const struct ovsdb_idl_column *name_col,
                           const char *what, const char *name);

/* Prints "UUID (NAME)" for every row of 'class', named by the string
 * column 'name_col', sorted as nbctl_print_sorted() does ("ls-list"). */
void nbctl_list_named(struct ctl_context *,
                      const struct ovsdb_idl_table_class *class,
                      const struct ovsdb_idl_column *name_col);

/* Parses "enabled" or "disabled" (in any case) into '*enabled'.  Returns
 * NULL or an error message. */
char *nbctl_parse_enabled(const char *state, bool *enabled);

/* Parses the KEY=VALUE arguments ctx->argv[first...] into 'map', which this
 * function initializes; arguments without '=' are ignored. */
void nbctl_parse_key_values(struct ctl_context *, int first,
                            struct smap *map);

/* Appends 'map' to 'out' as KEY=VALUE lines, in the map's own iteration
 * order (as the reference implementation prints them). */
void nbctl_print_key_values(struct ds *out, const struct smap *map);

#endif /* utilities/ovn-nbctl.h */
