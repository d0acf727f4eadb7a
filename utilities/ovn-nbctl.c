/* ovn-nbctl: command-line management of the OVN_Northbound database.
 *
 * This file holds what ovn-nbctl adds to the skeleton it shares with
 * ovn-sbctl (lib/ovn-ctl-main.c): the --wait handshake (nb_cfg, sb_cfg,
 * hv_cfg), OVN_NBCTL_OPTIONS, the help text and the "init", "show" and
 * "sync" commands.  The other commands live in ovn-nbctl-*.c. */

#include <config.h>

#include "utilities/ovn-nbctl.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db-ctl-base.h"
#include "lib/ovn-ctl-main.h"
#include "lib/ovn-dirs.h"
#include "lib/ovn-nb-idl.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "smap.h"
#include "svec.h"
#include "timeval.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(nbctl);

/* What to wait for after committing (--wait). */
enum nbctl_wait_type {
    NBCTL_WAIT_NONE,            /* Do not wait. */
    NBCTL_WAIT_SB,              /* Wait for northd (sb_cfg). */
    NBCTL_WAIT_HV               /* Wait for every chassis (hv_cfg). */
};
static enum nbctl_wait_type wait_type = NBCTL_WAIT_NONE;

/* --print-wait-time: report how long northd and the chassis took. */
static bool print_wait_time;

/* Set by the "sync" command: wait even if nothing changed. */
static bool force_wait;

/* The NB_Global row of the transaction in progress. */
static const struct nbrec_nb_global *txn_nb;

/* The wall-clock time (in ms) at which the transaction in progress was
 * committed, for --print-wait-time. */
static long long int txn_start_time;

static void nbctl_cmd_init(void);
OVS_NO_RETURN static void usage(void);

/* ovn-nbctl's own global options. */
enum {
    OPT_NO_WAIT = OVN_CTL_OPT_PROGRAM,
    OPT_WAIT,
    OPT_PRINT_WAIT_TIME,
};
static const struct option nbctl_options[] = {
    {"no-wait", no_argument, NULL, OPT_NO_WAIT},
    {"wait", required_argument, NULL, OPT_WAIT},
    {"print-wait-time", no_argument, NULL, OPT_PRINT_WAIT_TIME},
    {NULL, 0, NULL, 0},
};

/* Handles one of 'nbctl_options'. */
static void
nbctl_handle_option(int c, const char *arg)
{
    switch (c) {
    case OPT_NO_WAIT:
        wait_type = NBCTL_WAIT_NONE;
        break;

    case OPT_WAIT:
        if (!strcmp(arg, "none")) {
            wait_type = NBCTL_WAIT_NONE;
        } else if (!strcmp(arg, "sb")) {
            wait_type = NBCTL_WAIT_SB;
        } else if (!strcmp(arg, "hv")) {
            wait_type = NBCTL_WAIT_HV;
        } else {
            ctl_fatal("argument to --wait must be "
                      "\"none\", \"sb\", or \"hv\"");
        }
        break;

    case OPT_PRINT_WAIT_TIME:
        print_wait_time = true;
        break;

    default:
        OVS_NOT_REACHED();
    }
}

/* Daemon mode: resets the per-invocation --wait options. */
static void
nbctl_reset_run_options(void)
{
    print_wait_time = false;
    wait_type = NBCTL_WAIT_NONE;
}

/* Daemon mode: parses 'a' if it is a per-invocation --wait option. */
static bool
nbctl_parse_run_option(const char *a)
{
    if (!strcmp(a, "--no-wait") || !strcmp(a, "--wait=none")) {
        wait_type = NBCTL_WAIT_NONE;
    } else if (!strcmp(a, "--wait=sb")) {
        wait_type = NBCTL_WAIT_SB;
    } else if (!strcmp(a, "--wait=hv")) {
        wait_type = NBCTL_WAIT_HV;
    } else if (!strcmp(a, "--print-wait-time")) {
        print_wait_time = true;
    } else {
        return false;
    }
    return true;
}

/* Starts a transaction: makes sure NB_Global exists. */
static void
nbctl_txn_start(struct ovsdb_idl *idl, struct ovsdb_idl_txn *txn)
{
    txn_nb = nbrec_nb_global_first(idl);
    if (!txn_nb) {
        txn_nb = nbrec_nb_global_insert(txn);
    }
    force_wait = false;
}

/* With --wait, asks for a new nb_cfg; notes the commit time. */
static void
nbctl_txn_pre_commit(struct ovsdb_idl_txn *txn)
{
    if (wait_type != NBCTL_WAIT_NONE) {
        ovsdb_idl_txn_increment(txn, &txn_nb->header_,
                                &nbrec_nb_global_col_nb_cfg, force_wait);
    }
    txn_start_time = time_wall_msec();
}

/* Appends to 'out' how long northd and the chassis took to process
 * 'next_cfg', counting from 'start' (the wall-clock time of our commit, in
 * ms). */
static void
print_wait_times(struct ds *out, const struct nbrec_nb_global *nb,
                 int64_t next_cfg, long long int start)
{
    ds_put_format(out, "Time spent on processing nb_cfg %"PRId64":\n",
                  next_cfg);
    ds_put_format(out, "\tovn-northd delay before processing:\t%lldms\n",
                  (long long int) nb->nb_cfg_timestamp - start);
    ds_put_format(out, "\tovn-northd completion:\t\t\t%lldms\n",
                  (long long int) nb->sb_cfg_timestamp - start);
    if (wait_type == NBCTL_WAIT_HV) {
        ds_put_format(out, "\tovn-controller(s) completion:\t\t%lldms\n",
                      (long long int) nb->hv_cfg_timestamp - start);
    }
}

/* With --wait, after a commit that changed the database, waits until
 * northd (and the chassis) have caught up with the new nb_cfg. */
static void
nbctl_txn_done(struct ovsdb_idl *idl, struct ovsdb_idl_txn *txn,
               enum ovsdb_idl_txn_status status, struct ds *out)
{
    if (wait_type == NBCTL_WAIT_NONE || status == TXN_UNCHANGED) {
        return;
    }

    int64_t next_cfg = ovsdb_idl_txn_get_increment_new_value(txn);
    ovsdb_idl_enable_reconnect(idl);
    for (;;) {
        const struct nbrec_nb_global *nb;

        ovsdb_idl_run(idl);
        NBREC_NB_GLOBAL_FOR_EACH (nb, idl) {
            int64_t cur_cfg = (wait_type == NBCTL_WAIT_SB
                               ? nb->sb_cfg
                               : MIN(nb->sb_cfg, nb->hv_cfg));
            if (cur_cfg >= next_cfg) {
                if (print_wait_time) {
                    print_wait_times(out, nb, next_cfg, txn_start_time);
                }
                return;
            }
        }
        ovsdb_idl_wait(idl);
        poll_block();
    }
}

/* What ovn-nbctl adds to the shared skeleton. */
static const struct ovn_ctl_program nbctl_program = {
    .name = "ovn-nbctl",
    .module = &this_module,
    .idl_class = &nbrec_idl_class,
    .db_version = nbrec_get_db_version,
    .db_env = "OVN_NB_DB",
    .default_db = ovn_default_nb_db,
    .daemon_env = "OVN_NB_DAEMON",
    .usage = usage,
    .options = nbctl_options,
    .handle_option = nbctl_handle_option,
    .reset_run_options = nbctl_reset_run_options,
    .parse_run_option = nbctl_parse_run_option,
    .txn_start = nbctl_txn_start,
    .txn_pre_commit = nbctl_txn_pre_commit,
    .txn_done = nbctl_txn_done,
};

/* The argument vector with OVN_NBCTL_OPTIONS merged in, if that variable
 * was set (else NULL), and how many words came from it. */
static char **env_argv;
static size_t n_env_words;

/* Inserts the words of $OVN_NBCTL_OPTIONS (split as a shell would, with
 * quotes and backslashes) after argv[0], so that the command line overrides
 * them: sets 'env_argv' and 'n_env_words' and returns the new vector,
 * storing its length in '*argcp'.  Returns 'argv' itself if the variable is
 * unset or empty. */
static char **
merge_env_options(int *argcp, char *argv[])
{
    const char *env = getenv("OVN_NBCTL_OPTIONS");
    if (!env || !env[0]) {
        return argv;
    }

    struct svec words = SVEC_EMPTY_INITIALIZER;
    svec_parse_words(&words, env);

    int argc = *argcp;
    env_argv = xcalloc(argc + words.n + 1, sizeof *env_argv);
    n_env_words = words.n;
    env_argv[0] = argv[0];
    for (size_t i = 0; i < words.n; i++) {
        env_argv[1 + i] = xstrdup(words.names[i]);
    }
    for (int i = 1; i < argc; i++) {
        env_argv[words.n + i] = argv[i];
    }
    *argcp = argc + words.n;
    svec_destroy(&words);
    return env_argv;
}

/* Frees 'env_argv'. */
static void
free_env_argv(void)
{
    if (env_argv) {
        for (size_t i = 1; i <= n_env_words; i++) {
            free(env_argv[i]);
        }
        free(env_argv);
        env_argv = NULL;
    }
}

/* Registers the commands and runs the shared skeleton. */
int
main(int argc, char *argv[])
{
    set_program_name(argv[0]);
    nbctl_cmd_init();

    int all_argc = argc;
    char **all_argv = merge_env_options(&all_argc, argv);
    int status = ovn_ctl_main(&nbctl_program, all_argc, all_argv, argv);
    free_env_argv();
    return status;
}

/* Prints the help text and exits. */
static void
usage(void)
{
    printf("\
%s: OVN northbound DB management utility\n\
usage: %s [OPTIONS] COMMAND [ARG...]\n\
\n\
General commands:\n\
  init                      initialize the database\n\
  show [SWITCH|ROUTER]      print an overview of the database contents\n\
  sync                      wait for earlier changes to take effect\n\
\n\
Logical switches:   ls-add ls-del ls-list\n\
Switch ports:       lsp-add lsp-del lsp-list lsp-get-parent lsp-get-tag\n\
                    lsp-set-addresses lsp-get-addresses\n\
                    lsp-set-port-security lsp-get-port-security\n\
                    lsp-get-up lsp-set-enabled lsp-get-enabled\n\
                    lsp-set-type lsp-get-type lsp-set-options\n\
                    lsp-get-options lsp-set-dhcpv4-options\n\
                    lsp-get-dhcpv4-options lsp-set-dhcpv6-options\n\
                    lsp-get-dhcpv6-options lsp-get-ls\n\
                    lsp-set-ha-chassis-group\n\
ACLs:               acl-add acl-del acl-list\n\
QoS:                qos-add qos-del qos-list\n\
Meters:             meter-add meter-del meter-list\n\
Logical routers:    lr-add lr-del lr-list\n\
Router ports:       lrp-add lrp-del lrp-list lrp-set-enabled\n\
                    lrp-get-enabled lrp-set-gateway-chassis\n\
                    lrp-del-gateway-chassis lrp-get-gateway-chassis\n\
                    lrp-set-redirect-type lrp-get-redirect-type\n\
                    lrp-set-options\n\
Routes:             lr-route-add lr-route-del lr-route-list\n\
Policies:           lr-policy-add lr-policy-del lr-policy-list\n\
NAT:                lr-nat-add lr-nat-del lr-nat-list\n\
Load balancers:     lb-add lb-del lb-list ls-lb-add ls-lb-del ls-lb-list\n\
                    lr-lb-add lr-lb-del lr-lb-list\n\
Port groups:        pg-add pg-set-ports pg-del\n\
DHCP options:       dhcp-options-create dhcp-options-del\n\
                    dhcp-options-list dhcp-options-set-options\n\
                    dhcp-options-get-options\n\
HA chassis groups:  ha-chassis-group-add ha-chassis-group-del\n\
                    ha-chassis-group-list ha-chassis-group-add-chassis\n\
                    ha-chassis-group-remove-chassis\n\
                    ha-chassis-group-set-chassis-prio\n\
Connections:        get-connection del-connection set-connection\n\
SSL:                get-ssl del-ssl set-ssl\n\
\n\
%s\
%s\
\n\
Options:\n\
  --db=DATABASE               connect to DATABASE\n\
                              (default: %s)\n\
  --no-wait, --wait=none      do not wait for OVN reconfiguration (default)\n\
  --wait=sb                   wait for southbound database update\n\
  --wait=hv                   wait for all chassis to catch up\n\
  --print-wait-time           print time spent on waiting\n\
  -t, --timeout=SECS          wait at most SECS seconds\n\
  --dry-run                   do not commit changes to database\n\
  --oneline                   print exactly one line of output per command\n\
  --no-leader-only            use any cluster member, not only the leader\n",
           program_name, program_name, ctl_get_db_cmd_usage(),
           ctl_list_db_tables_usage(), ovn_default_nb_db());
    ovn_ctl_usage_tail();
}

/* ------------------------------------------------------------------------ */
/* init, sync, show. */

/* "init": the transaction loop creates NB_Global if needed. */
static void
nbctl_init(struct ctl_context *ctx OVS_UNUSED)
{
}

/* "sync": wait even if nothing changes. */
static void
nbctl_sync(struct ctl_context *ctx OVS_UNUSED)
{
    force_wait = true;
}

/* Appends " (aka VALUE)" when 'key' is present in 'ids'. */
static void
print_alias(struct ds *s, const struct smap *ids, const char *key)
{
    const char *alias = smap_get(ids, key);
    if (alias) {
        ds_put_format(s, " (aka %s)", alias);
    }
}

/* Prints the "show" block for one logical switch. */
static void
print_ls(const struct nbrec_logical_switch *ls, struct ds *s)
{
    ds_put_format(s, "switch "UUID_FMT" (%s)",
                  UUID_ARGS(&ls->header_.uuid), ls->name);
    print_alias(s, &ls->external_ids, "neutron:network_name");
    ds_put_char(s, '\n');

    for (size_t i = 0; i < ls->n_ports; i++) {
        const struct nbrec_logical_switch_port *lsp = ls->ports[i];

        ds_put_format(s, "    port %s", lsp->name);
        print_alias(s, &lsp->external_ids, "neutron:port_name");
        ds_put_char(s, '\n');

        if (lsp->type[0]) {
            ds_put_format(s, "        type: %s\n", lsp->type);
        }
        if (lsp->parent_name) {
            ds_put_format(s, "        parent: %s\n", lsp->parent_name);
        }
        if (lsp->n_tag) {
            ds_put_format(s, "        tag: %"PRIu64"\n", lsp->tag[0]);
        }
        if (lsp->n_addresses
            && !(lsp->n_addresses == 1
                 && !strcmp(lsp->addresses[0], "router"))) {
            ds_put_cstr(s, "        addresses: ");
            nbctl_format_string_array(s, lsp->addresses, lsp->n_addresses);
            ds_put_char(s, '\n');
        }
        const char *router_port = smap_get(&lsp->options, "router-port");
        if (router_port) {
            ds_put_format(s, "        router-port: %s\n", router_port);
        }
    }
}

/* Prints the "show" block for one logical router. */
static void
print_lr(const struct nbrec_logical_router *lr, struct ds *s)
{
    ds_put_format(s, "router "UUID_FMT" (%s)",
                  UUID_ARGS(&lr->header_.uuid), lr->name);
    print_alias(s, &lr->external_ids, "neutron:router_name");
    ds_put_char(s, '\n');

    for (size_t i = 0; i < lr->n_ports; i++) {
        const struct nbrec_logical_router_port *lrp = lr->ports[i];

        ds_put_format(s, "    port %s\n", lrp->name);
        if (lrp->mac) {
            ds_put_cstr(s, "        mac: ");
            json_string_escape(lrp->mac, s);
            ds_put_char(s, '\n');
        }
        if (lrp->n_networks) {
            ds_put_cstr(s, "        networks: ");
            nbctl_format_string_array(s, lrp->networks, lrp->n_networks);
            ds_put_char(s, '\n');
        }
        if (lrp->n_gateway_chassis) {
            /* Column order, as the reference implementation prints it. */
            ds_put_cstr(s, "        gateway chassis: [");
            for (size_t j = 0; j < lrp->n_gateway_chassis; j++) {
                ds_put_format(s, "%s%s", j ? " " : "",
                              lrp->gateway_chassis[j]->chassis_name);
            }
            ds_put_cstr(s, "]\n");
        }
    }

    for (size_t i = 0; i < lr->n_nat; i++) {
        const struct nbrec_nat *nat = lr->nat[i];
        ds_put_format(s, "    nat "UUID_FMT"\n",
                      UUID_ARGS(&nat->header_.uuid));
        ds_put_cstr(s, "        external ip: ");
        json_string_escape(nat->external_ip, s);
        ds_put_char(s, '\n');
        if (nat->external_port_range[0]) {
            ds_put_cstr(s, "        external port(s): ");
            json_string_escape(nat->external_port_range, s);
            ds_put_char(s, '\n');
        }
        ds_put_cstr(s, "        logical ip: ");
        json_string_escape(nat->logical_ip, s);
        ds_put_char(s, '\n');
        ds_put_cstr(s, "        type: ");
        json_string_escape(nat->type, s);
        ds_put_char(s, '\n');
    }
}

/* "show [SWITCH|ROUTER]". */
static void
nbctl_show(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch *ls;
    const struct nbrec_logical_router *lr;

    if (ctx->argc == 2) {
        char *error = nbctl_ls_lookup(ctx, ctx->argv[1], false, &ls);
        if (error) {
            ctx->error = error;
            return;
        }
        if (ls) {
            print_ls(ls, &ctx->output);
        }
        error = nbctl_lr_lookup(ctx, ctx->argv[1], false, &lr);
        if (error) {
            ctx->error = error;
            return;
        }
        if (lr) {
            print_lr(lr, &ctx->output);
        }
        return;
    }

    NBREC_LOGICAL_SWITCH_FOR_EACH (ls, ctx->idl) {
        print_ls(ls, &ctx->output);
    }
    NBREC_LOGICAL_ROUTER_FOR_EACH (lr, ctx->idl) {
        print_lr(lr, &ctx->output);
    }
}

/* ------------------------------------------------------------------------ */
/* Registration. */

/* How the generic commands find rows by name. */
static const struct ctl_table_class tables[NBREC_N_TABLES] = {
    [NBREC_TABLE_DHCP_OPTIONS].row_ids
    = {{&nbrec_logical_switch_port_col_name, NULL,
        &nbrec_logical_switch_port_col_dhcpv4_options},
       {&nbrec_logical_switch_port_col_external_ids,
        "neutron:port_name", &nbrec_logical_switch_port_col_dhcpv4_options},
       {&nbrec_logical_switch_port_col_name, NULL,
        &nbrec_logical_switch_port_col_dhcpv6_options},
       {&nbrec_logical_switch_port_col_external_ids,
        "neutron:port_name", &nbrec_logical_switch_port_col_dhcpv6_options}},

    [NBREC_TABLE_LOGICAL_SWITCH].row_ids
    = {{&nbrec_logical_switch_col_name, NULL, NULL},
       {&nbrec_logical_switch_col_external_ids, "neutron:network_name",
        NULL}},

    [NBREC_TABLE_LOGICAL_SWITCH_PORT].row_ids
    = {{&nbrec_logical_switch_port_col_name, NULL, NULL},
       {&nbrec_logical_switch_port_col_external_ids, "neutron:port_name",
        NULL}},

    [NBREC_TABLE_LOGICAL_ROUTER].row_ids
    = {{&nbrec_logical_router_col_name, NULL, NULL},
       {&nbrec_logical_router_col_external_ids, "neutron:router_name",
        NULL}},

    [NBREC_TABLE_LOGICAL_ROUTER_PORT].row_ids[0]
    = {&nbrec_logical_router_port_col_name, NULL, NULL},

    [NBREC_TABLE_ADDRESS_SET].row_ids[0]
    = {&nbrec_address_set_col_name, NULL, NULL},

    [NBREC_TABLE_PORT_GROUP].row_ids[0]
    = {&nbrec_port_group_col_name, NULL, NULL},

    [NBREC_TABLE_ACL].row_ids[0] = {&nbrec_acl_col_name, NULL, NULL},

    [NBREC_TABLE_HA_CHASSIS].row_ids[0]
    = {&nbrec_ha_chassis_col_chassis_name, NULL, NULL},

    [NBREC_TABLE_HA_CHASSIS_GROUP].row_ids[0]
    = {&nbrec_ha_chassis_group_col_name, NULL, NULL},

    [NBREC_TABLE_LOAD_BALANCER].row_ids[0]
    = {&nbrec_load_balancer_col_name, NULL, NULL},

    [NBREC_TABLE_LOAD_BALANCER_GROUP].row_ids[0]
    = {&nbrec_load_balancer_group_col_name, NULL, NULL},

    [NBREC_TABLE_LOAD_BALANCER_HEALTH_CHECK].row_ids[0]
    = {&nbrec_load_balancer_health_check_col_vip, NULL, NULL},

    [NBREC_TABLE_FORWARDING_GROUP].row_ids[0]
    = {&nbrec_forwarding_group_col_name, NULL, NULL},

    [NBREC_TABLE_METER].row_ids[0] = {&nbrec_meter_col_name, NULL, NULL},

    [NBREC_TABLE_NAT].row_ids[0]
    = {&nbrec_nat_col_external_ip, NULL, NULL},

    [NBREC_TABLE_CONNECTION].row_ids[0]
    = {&nbrec_connection_col_target, NULL, NULL},

    [NBREC_TABLE_MIRROR].row_ids[0] = {&nbrec_mirror_col_name, NULL, NULL},
};

static const struct ctl_command_syntax nbctl_commands[] = {
    { "init", 0, 0, "", NULL, nbctl_init, NULL, "", RW },
    { "sync", 0, 0, "", NULL, nbctl_sync, NULL, "", RO },
    { "show", 0, 1, "[SWITCH|ROUTER]", NULL, nbctl_show, NULL, "", RO },
    {NULL, 0, 0, NULL, NULL, NULL, NULL, "", RO},
};

/* Registers every command with db-ctl-base. */
static void
nbctl_cmd_init(void)
{
    ctl_init(&nbrec_idl_class, nbrec_table_classes, tables, NULL,
             ovn_ctl_exit);
    ctl_register_commands(nbctl_commands);
    nbctl_switch_register();
    nbctl_router_register();
    nbctl_route_register();
    nbctl_nat_register();
    nbctl_acl_register();
    nbctl_lb_register();
    nbctl_misc_register();
    nbctl_copp_register();
}
