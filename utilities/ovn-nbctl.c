/* ovn-nbctl: command-line management of the OVN_Northbound database.
 *
 * This file holds the program's skeleton: option parsing, the transaction
 * loop built on OVS's db-ctl-base, the --wait handshake (nb_cfg, sb_cfg,
 * hv_cfg), the row lookup helpers shared by the command files and the
 * "init", "show" and "sync" commands. */

#include <config.h>

#include "utilities/ovn-nbctl.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command-line.h"
#include "daemon.h"
#include "db-ctl-base.h"
#include "fatal-signal.h"
#include "lib/ovn-ctl-daemon.h"
#include "lib/ovn-dirs.h"
#include "lib/ovn-nb-idl.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "ovsdb-data.h"
#include "ovsdb-idl.h"
#include "process.h"
#include "smap.h"
#include "sset.h"
#include "svec.h"
#include "stream-ssl.h"
#include "stream.h"
#include "table.h"
#include "timeval.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(nbctl);

/* --db: the database remote. */
static const char *db;

/* --oneline: print each command's output on a single line. */
static bool oneline;

/* --dry-run: do not commit. */
static bool dry_run;

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

/* --timeout, in seconds (0: forever). */
static unsigned int timeout;

/* --leader-only / --no-leader-only. */
static int leader_only = true;

/* --shuffle-remotes / --no-shuffle-remotes. */
static int shuffle_remotes = true;

/* Table formatting options for "list", "find" and friends. */
static struct table_style table_style = TABLE_STYLE_DEFAULT;

/* The IDL and the in-progress transaction (for the exit handler). */
static struct ovsdb_idl *the_idl;
static struct ovsdb_idl_txn *the_idl_txn;

/* --unixctl (-u): the daemon's control socket. */
static const char *unixctl_path;

/* The argument vector with OVN_NBCTL_OPTIONS merged in, if that variable
 * was set (else NULL), and how many words came from it. */
static char **env_argv;
static size_t n_env_words;

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

/* True if --db was given on the command line (then OVN_NB_DAEMON is
 * ignored). */
static bool db_given;

static void nbctl_cmd_init(void);
static void parse_options(int argc, char *argv[], struct shash *local);
static bool do_nbctl(const char *args, struct ctl_command *, size_t n,
                     struct ovsdb_idl *, struct ds *out, char **errorp);
OVS_NO_RETURN static void nbctl_exit(int status);
OVS_NO_RETURN static void usage(void);
OVS_NO_RETURN static void server_loop(void);

int
main(int argc, char *argv[])
{
    struct ctl_command *commands;
    struct shash local_options;
    size_t n_commands;

    set_program_name(argv[0]);
    fatal_ignore_sigpipe();
    vlog_set_levels(NULL, VLF_CONSOLE, VLL_WARN);
    vlog_set_levels_from_string_assert("reconnect:warn");

    nbctl_cmd_init();

    /* Options from OVN_NBCTL_OPTIONS come first so that the command line
     * overrides them. */
    char **all_argv = argv;
    int all_argc = argc;
    const char *env = getenv("OVN_NBCTL_OPTIONS");
    if (env && env[0]) {
        struct svec words = SVEC_EMPTY_INITIALIZER;
        char *copy = xstrdup(env);
        char *save = NULL;
        for (char *w = strtok_r(copy, " \t", &save); w;
             w = strtok_r(NULL, " \t", &save)) {
            svec_add(&words, w);
        }
        free(copy);
        all_argc = argc + words.n;
        all_argv = env_argv = xcalloc(all_argc + 1, sizeof *all_argv);
        n_env_words = words.n;
        all_argv[0] = argv[0];
        for (size_t i = 0; i < words.n; i++) {
            all_argv[1 + i] = xstrdup(words.names[i]);
        }
        for (int i = 1; i < argc; i++) {
            all_argv[words.n + i] = argv[i];
        }
        svec_destroy(&words);
    }

    char *args = process_escape_args(argv);
    shash_init(&local_options);
    parse_options(all_argc, all_argv, &local_options);

    if (get_detach()) {
        if (optind != all_argc) {
            ctl_fatal("non-option arguments not supported with --detach "
                      "(use --help for help)");
        }
        server_loop();
    }

    const char *socket = unixctl_path ? unixctl_path
                                      : getenv("OVN_NB_DAEMON");
    if (socket && socket[0]) {
        if (db_given) {
            VLOG_WARN("not using %s daemon because of db option",
                      program_name);
        } else {
            ovn_ctl_daemon_client(socket, "OVN_NB_DAEMON", all_argc,
                                  all_argv);
        }
    }

    char *error = ctl_parse_commands(all_argc - optind, all_argv + optind,
                                     &local_options, &commands, &n_commands);
    if (error) {
        ctl_fatal("%s", error);
    }
    VLOG(ctl_might_write_to_db(commands, n_commands) ? VLL_INFO : VLL_DBG,
         "Called as %s", args);

    ctl_timeout_setup(timeout);

    the_idl = ovsdb_idl_create_unconnected(&nbrec_idl_class, true);
    ovsdb_idl_set_shuffle_remotes(the_idl, shuffle_remotes);
    ovsdb_idl_set_remote(the_idl, db, false);
    ovsdb_idl_set_leader_only(the_idl, leader_only);

    error = ovn_ctl_run_prerequisites(commands, n_commands, the_idl);
    if (error) {
        ctl_fatal("%s", error);
    }

    unsigned int seqno = ovsdb_idl_get_seqno(the_idl);
    for (;;) {
        ovsdb_idl_run(the_idl);
        if (!ovsdb_idl_is_alive(the_idl)) {
            int retval = ovsdb_idl_get_last_error(the_idl);
            ctl_fatal("%s: database connection failed (%s)",
                      db, ovs_retval_to_string(retval));
        }

        if (seqno != ovsdb_idl_get_seqno(the_idl)) {
            seqno = ovsdb_idl_get_seqno(the_idl);
            struct ds out = DS_EMPTY_INITIALIZER;
            if (do_nbctl(args, commands, n_commands, the_idl, &out,
                         &error)) {
                if (error) {
                    ctl_fatal("%s", error);
                }
                fputs(ds_cstr(&out), stdout);
                ds_destroy(&out);
                ovsdb_idl_destroy(the_idl);
                the_idl = NULL;
                free(args);
                shash_destroy_free_data(&local_options);
                free_env_argv();
                exit(EXIT_SUCCESS);
            }
            ds_destroy(&out);
        }

        if (seqno == ovsdb_idl_get_seqno(the_idl)) {
            ovsdb_idl_wait(the_idl);
            poll_block();
        }
    }
}

/* Parses the global options, storing command-specific ones that precede the
 * first command in 'local'. */
static void
parse_options(int argc, char *argv[], struct shash *local)
{
    enum {
        OPT_DB = UCHAR_MAX + 1,
        OPT_NO_SYSLOG,
        OPT_NO_WAIT,
        OPT_WAIT,
        OPT_DRY_RUN,
        OPT_ONELINE,
        OPT_LOCAL,
        OPT_COMMANDS,
        OPT_OPTIONS,
        OPT_BOOTSTRAP_CA_CERT,
        OPT_PRINT_WAIT_TIME,
        DAEMON_OPTION_ENUMS,
        VLOG_OPTION_ENUMS,
        TABLE_OPTION_ENUMS,
        SSL_OPTION_ENUMS,
    };
    static const struct option global_long_options[] = {
        {"db", required_argument, NULL, OPT_DB},
        {"no-syslog", no_argument, NULL, OPT_NO_SYSLOG},
        {"no-wait", no_argument, NULL, OPT_NO_WAIT},
        {"wait", required_argument, NULL, OPT_WAIT},
        {"dry-run", no_argument, NULL, OPT_DRY_RUN},
        {"oneline", no_argument, NULL, OPT_ONELINE},
        {"timeout", required_argument, NULL, 't'},
        {"help", no_argument, NULL, 'h'},
        {"commands", no_argument, NULL, OPT_COMMANDS},
        {"options", no_argument, NULL, OPT_OPTIONS},
        {"leader-only", no_argument, &leader_only, true},
        {"no-leader-only", no_argument, &leader_only, false},
        {"shuffle-remotes", no_argument, &shuffle_remotes, true},
        {"no-shuffle-remotes", no_argument, &shuffle_remotes, false},
        {"print-wait-time", no_argument, NULL, OPT_PRINT_WAIT_TIME},
        {"version", no_argument, NULL, 'V'},
        {"unixctl", required_argument, NULL, 'u'},
        DAEMON_LONG_OPTIONS,
        VLOG_LONG_OPTIONS,
        TABLE_LONG_OPTIONS,
        STREAM_SSL_LONG_OPTIONS,
        {"bootstrap-ca-cert", required_argument, NULL, OPT_BOOTSTRAP_CA_CERT},
        {NULL, 0, NULL, 0},
    };
    const int n_global = ARRAY_SIZE(global_long_options) - 1;

    char *tmp = ovs_cmdl_long_options_to_short_options(global_long_options);
    char *short_options = xasprintf("+%s", tmp);
    free(tmp);

    struct option *options = xmemdup(global_long_options,
                                     sizeof global_long_options);
    size_t allocated = ARRAY_SIZE(global_long_options);
    size_t n_options = n_global;
    ctl_add_cmd_options(&options, &n_options, &allocated, OPT_LOCAL);

    for (;;) {
        int idx;
        int c = getopt_long(argc, argv, short_options, options, &idx);
        if (c == -1) {
            break;
        }

        switch (c) {
        case OPT_DB:
            db = optarg;
            db_given = true;
            break;

        case 'u':
            unixctl_path = optarg;
            break;

        DAEMON_OPTION_HANDLERS

        case OPT_NO_SYSLOG:
            vlog_set_levels(&this_module, VLF_SYSLOG, VLL_WARN);
            break;

        case OPT_NO_WAIT:
            wait_type = NBCTL_WAIT_NONE;
            break;

        case OPT_WAIT:
            if (!strcmp(optarg, "none")) {
                wait_type = NBCTL_WAIT_NONE;
            } else if (!strcmp(optarg, "sb")) {
                wait_type = NBCTL_WAIT_SB;
            } else if (!strcmp(optarg, "hv")) {
                wait_type = NBCTL_WAIT_HV;
            } else {
                ctl_fatal("argument to --wait must be "
                          "\"none\", \"sb\", or \"hv\"");
            }
            break;

        case OPT_PRINT_WAIT_TIME:
            print_wait_time = true;
            break;

        case OPT_DRY_RUN:
            dry_run = true;
            break;

        case OPT_ONELINE:
            oneline = true;
            break;

        case OPT_LOCAL:
            if (shash_find(local, options[idx].name)) {
                ctl_fatal("'%s' option specified multiple times",
                          options[idx].name);
            }
            shash_add_nocopy(local, xasprintf("--%s", options[idx].name),
                             nullable_xstrdup(optarg));
            break;

        case 'h':
            usage();

        case OPT_COMMANDS:
            ctl_print_commands();
            /* fall through */

        case OPT_OPTIONS:
            ctl_print_options(global_long_options);
            /* fall through */

        case 'V':
            printf("%s %s\n", program_name, OVN_PACKAGE_VERSION);
            printf("Open vSwitch Library %s\n", VERSION);
            printf("DB Schema %s\n", nbrec_get_db_version());
            exit(EXIT_SUCCESS);

        case 't':
            if (!str_to_uint(optarg, 10, &timeout) || !timeout) {
                ctl_fatal("value %s on -t or --timeout is invalid", optarg);
            }
            break;

        VLOG_OPTION_HANDLERS
        TABLE_OPTION_HANDLERS(&table_style)
        STREAM_SSL_OPTION_HANDLERS

        case OPT_BOOTSTRAP_CA_CERT:
            stream_ssl_set_ca_cert_file(optarg, true);
            break;

        case '?':
            exit(EXIT_FAILURE);

        case 0:
            break;

        default:
            abort();
        }
    }
    free(short_options);

    if (!db) {
        const char *env = getenv("OVN_NB_DB");
        db = env && env[0] ? env : ovn_default_nb_db();
    }

    for (size_t i = n_global; options[i].name; i++) {
        free(CONST_CAST(char *, options[i].name));
    }
    free(options);
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
    table_usage();
    printf("\n\
Daemon mode:\n\
  --detach                    run as a daemon; prints its control socket\n\
  -u, --unixctl=SOCKET        send the commands to the daemon at SOCKET\n\
                              (default: $OVN_NB_DAEMON, if set)\n");
    daemon_usage();
    vlog_usage();
    printf("\
  --no-syslog             equivalent to --verbose=nbctl:syslog:warn\n");
    printf("\n\
Other options:\n\
  -h, --help                  display this help message\n\
  -V, --version               display version information\n");
    stream_usage("database", true, true, true);
    exit(EXIT_SUCCESS);
}

/* Implements the "sync" command and "--wait" with no changes. */
void
nbctl_force_wait(void)
{
    force_wait = true;
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

/* Runs the commands in one transaction.  Returns false if the caller should
 * retry with a newer copy of the database.  Otherwise returns true, after
 * freeing 'commands', with either the commands' output appended to 'out' or
 * an error message in '*errorp' (and nothing written to the database). */
static bool
do_nbctl(const char *args, struct ctl_command *commands, size_t n_commands,
         struct ovsdb_idl *idl, struct ds *out, char **errorp)
{
    struct ovsdb_idl_txn *txn;
    enum ovsdb_idl_txn_status status;
    struct ovsdb_symbol_table *symtab;
    struct ctl_context ctx;
    struct ctl_command *c;
    struct shash_node *node;
    int64_t next_cfg = 0;
    long long int start_time;

    *errorp = NULL;
    txn = the_idl_txn = ovsdb_idl_txn_create(idl);
    if (dry_run) {
        ovsdb_idl_txn_set_dry_run(txn);
    }
    ovsdb_idl_txn_add_comment(txn, "ovn-nbctl: %s", args);

    const struct nbrec_nb_global *nb = nbrec_nb_global_first(idl);
    if (!nb) {
        nb = nbrec_nb_global_insert(txn);
    }

    force_wait = false;
    symtab = ovsdb_symbol_table_create();
    for (c = commands; c < &commands[n_commands]; c++) {
        ds_init(&c->output);
        c->table = NULL;
    }
    ctl_context_init(&ctx, NULL, idl, txn, symtab, NULL);
    for (c = commands; c < &commands[n_commands]; c++) {
        ctl_context_init_command(&ctx, c, c == &commands[n_commands - 1]);
        if (c->syntax->run) {
            (c->syntax->run)(&ctx);
        }
        if (ctx.error) {
            *errorp = ctx.error;
            ctx.error = NULL;
            ctl_context_done(&ctx, c);
            goto error;
        }
        ctl_context_done_command(&ctx, c);

        if (ctx.try_again) {
            ctl_context_done(&ctx, NULL);
            goto try_again;
        }
    }
    ctl_context_done(&ctx, NULL);

    if (wait_type != NBCTL_WAIT_NONE) {
        ovsdb_idl_txn_increment(txn, &nb->header_,
                                &nbrec_nb_global_col_nb_cfg, force_wait);
    }

    SHASH_FOR_EACH (node, &symtab->sh) {
        struct ovsdb_symbol *symbol = node->data;
        if (!symbol->created) {
            *errorp = xasprintf("row id \"%s\" is referenced but never "
                                "created (e.g. with \"-- --id=%s create "
                                "...\")", node->name, node->name);
            goto error;
        }
        if (!symbol->strong_ref) {
            if (!symbol->weak_ref) {
                VLOG_WARN("row id \"%s\" was created but no reference to it "
                          "was inserted, so it will not actually appear in "
                          "the database", node->name);
            } else {
                VLOG_WARN("row id \"%s\" was created but only a weak "
                          "reference to it was inserted, so it will not "
                          "actually appear in the database", node->name);
            }
        }
    }

    start_time = time_wall_msec();
    status = ovsdb_idl_txn_commit_block(txn);
    if (wait_type != NBCTL_WAIT_NONE && status == TXN_SUCCESS) {
        next_cfg = ovsdb_idl_txn_get_increment_new_value(txn);
    }
    if (status == TXN_UNCHANGED || status == TXN_SUCCESS) {
        for (c = commands; c < &commands[n_commands]; c++) {
            if (c->syntax->postprocess) {
                ctl_context_init(&ctx, c, idl, txn, symtab, NULL);
                (c->syntax->postprocess)(&ctx);
                if (ctx.error) {
                    *errorp = ctx.error;
                    ctx.error = NULL;
                    ctl_context_done(&ctx, c);
                    goto error;
                }
                ctl_context_done(&ctx, c);
            }
        }
    }

    switch (status) {
    case TXN_UNCOMMITTED:
    case TXN_INCOMPLETE:
        OVS_NOT_REACHED();

    case TXN_ABORTED:
        *errorp = xstrdup("transaction aborted");
        goto error;

    case TXN_UNCHANGED:
    case TXN_SUCCESS:
        break;

    case TXN_TRY_AGAIN:
        goto try_again;

    case TXN_ERROR:
        *errorp = xasprintf("transaction error: %s",
                            ovsdb_idl_txn_get_error(txn));
        goto error;

    case TXN_NOT_LOCKED:
        *errorp = xstrdup("database not locked");
        goto error;

    default:
        OVS_NOT_REACHED();
    }

    ovsdb_symbol_table_destroy(symtab);

    for (c = commands; c < &commands[n_commands]; c++) {
        struct ds *ds = &c->output;

        if (c->table) {
            table_format(c->table, &table_style, out);
        } else if (oneline) {
            ds_chomp(ds, '\n');
            for (size_t j = 0; j < ds->length; j++) {
                int ch = ds->string[j];
                switch (ch) {
                case '\n':
                    ds_put_cstr(out, "\\n");
                    break;

                case '\\':
                    ds_put_cstr(out, "\\\\");
                    break;

                default:
                    ds_put_char(out, ch);
                }
            }
            ds_put_char(out, '\n');
        } else {
            ds_put_cstr(out, ds_cstr(ds));
        }
    }
    ovn_ctl_free_commands(commands, n_commands);

    if (wait_type != NBCTL_WAIT_NONE && status != TXN_UNCHANGED) {
        ovsdb_idl_enable_reconnect(idl);
        for (;;) {
            ovsdb_idl_run(idl);
            NBREC_NB_GLOBAL_FOR_EACH (nb, idl) {
                int64_t cur_cfg = (wait_type == NBCTL_WAIT_SB
                                   ? nb->sb_cfg
                                   : MIN(nb->sb_cfg, nb->hv_cfg));
                if (cur_cfg >= next_cfg) {
                    if (print_wait_time) {
                        print_wait_times(out, nb, next_cfg, start_time);
                    }
                    goto done;
                }
            }
            ovsdb_idl_wait(idl);
            poll_block();
        }
    done: ;
    }

    ovsdb_idl_txn_destroy(txn);
    the_idl_txn = NULL;
    return true;

error:
    ovsdb_idl_txn_abort(txn);
    ovsdb_idl_txn_destroy(txn);
    the_idl_txn = NULL;
    ovsdb_symbol_table_destroy(symtab);
    ovn_ctl_free_commands(commands, n_commands);
    return true;

try_again:
    ovsdb_idl_txn_abort(txn);
    ovsdb_idl_txn_destroy(txn);
    the_idl_txn = NULL;

    ovsdb_symbol_table_destroy(symtab);
    for (c = commands; c < &commands[n_commands]; c++) {
        ds_destroy(&c->output);
        table_destroy(c->table);
        free(c->table);
        c->table = NULL;
    }
    return false;
}

/* ------------------------------------------------------------------------ */
/* Daemon mode. */

/* Parses the per-invocation options at the start of a daemon "run" request,
 * resetting the others to their defaults.  Returns the index of the first
 * argument that belongs to the commands. */
static int
parse_run_options(int argc, const char *argv[])
{
    static const struct table_style default_style = TABLE_STYLE_DEFAULT;

    oneline = dry_run = print_wait_time = false;
    wait_type = NBCTL_WAIT_NONE;
    table_style = default_style;

    int i;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            return i + 1;
        } else if (!strcmp(a, "--oneline")) {
            oneline = true;
        } else if (!strcmp(a, "--dry-run")) {
            dry_run = true;
        } else if (!strcmp(a, "--no-wait") || !strcmp(a, "--wait=none")) {
            wait_type = NBCTL_WAIT_NONE;
        } else if (!strcmp(a, "--wait=sb")) {
            wait_type = NBCTL_WAIT_SB;
        } else if (!strcmp(a, "--wait=hv")) {
            wait_type = NBCTL_WAIT_HV;
        } else if (!strcmp(a, "--print-wait-time")) {
            print_wait_time = true;
        } else if (!strncmp(a, "--format=", 9)) {
            table_parse_format(&table_style, a + 9);
        } else if (!strncmp(a, "--data=", 7)) {
            table_parse_cell_format(&table_style, a + 7);
        } else if (!strcmp(a, "--no-headings")) {
            table_style.headings = false;
        } else if (!strcmp(a, "--pretty")) {
            table_style.json_flags |= JSSF_PRETTY;
        } else if (!strcmp(a, "--bare")) {
            table_style.format = TF_LIST;
            table_style.cell_format = CF_BARE;
            table_style.headings = false;
        } else if (!strncmp(a, "--timeout=", 10)
                   || !strcmp(a, "--no-leader-only")
                   || !strcmp(a, "--leader-only")
                   || !strcmp(a, "--no-syslog")) {
            /* Connection-level options: the daemon's own apply. */
        } else {
            break;
        }
    }
    return i;
}

/* Handles a daemon "run" request: per-invocation options, then commands,
 * run against the daemon's copy of the database. */
static char *
nbctl_daemon_run(int argc, const char *argv[], struct ds *out)
{
    int first = parse_run_options(argc, argv);
    return ovn_ctl_execute(the_idl, argc - first, argv + first, do_nbctl,
                           out);
}

/* Runs as a daemon ("--detach"): keeps a copy of the database and executes
 * the invocations that clients send through the control socket, whose name
 * is printed on stdout. */
static void
server_loop(void)
{
    daemonize_start(false);

    the_idl = ovsdb_idl_create_unconnected(&nbrec_idl_class, true);
    ovsdb_idl_set_shuffle_remotes(the_idl, shuffle_remotes);
    ovsdb_idl_set_remote(the_idl, db, true);
    ovsdb_idl_set_leader_only(the_idl, leader_only);
    ovn_ctl_daemon_serve(the_idl, unixctl_path, nbctl_daemon_run);
}

/* Frees the transaction and the IDL before exiting (called by ctl_fatal()).
 */
static void
nbctl_exit(int status)
{
    if (the_idl_txn) {
        ovsdb_idl_txn_abort(the_idl_txn);
        ovsdb_idl_txn_destroy(the_idl_txn);
    }
    ovsdb_idl_destroy(the_idl);
    exit(status);
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
    nbctl_force_wait();
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
             nbctl_exit);
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
