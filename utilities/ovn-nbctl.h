/* Shared declarations for the pieces of ovn-nbctl.
 *
 * ovn-nbctl is split by feature: ovn-nbctl.c holds the main program, the
 * option parsing, the transaction loop and "show"; each ovn-nbctl-*.c file
 * implements one family of commands and registers them through its
 * nbctl_*_register() function. */

#ifndef OVN_NBCTL_H
#define OVN_NBCTL_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ctl_context;
struct ds;
struct uuid;
struct nbrec_logical_switch;
struct nbrec_logical_switch_port;
struct nbrec_logical_router;
struct nbrec_logical_router_port;
struct nbrec_port_group;
struct nbrec_load_balancer;
struct nbrec_load_balancer_group;
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

/* Requests that the current invocation waits for northd/hypervisors even
 * when it changes nothing (the "sync" command). */
void nbctl_force_wait(void);

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
char *nbctl_lbg_lookup(struct ctl_context *, const char *id, bool must_exist,
                       const struct nbrec_load_balancer_group **rowp);
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

/* Prints "UUID (NAME)" lines sorted by NAME then UUID. */
struct nbctl_name_uuid {
    const char *name;           /* Row name, nonnull. */
    const struct uuid *uuid;    /* Row UUID. */
};
void nbctl_print_sorted(struct ds *out, struct nbctl_name_uuid *, size_t n);

/* Appends 'n' strings from 'strs' to 'out' as a JSON-style quoted array
 * such as ["a", "b"]. */
void nbctl_format_string_array(struct ds *out, char **strs, size_t n);

#endif /* utilities/ovn-nbctl.h */
