/* ovn-sbctl: command-line management of the OVN_Southbound database.
 *
 * Built on OVS's db-ctl-base like ovn-nbctl: the generic database commands
 * and "show" come from db-ctl-base; this file adds the chassis, port
 * binding, logical flow, connection and SSL commands. */

#include <config.h>

#include <ctype.h>
#include <getopt.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command-line.h"
#include "daemon.h"
#include "db-ctl-base.h"
#include "fatal-signal.h"
#include "utilities/ovn-sbctl.h"

#include "lib/ovn-ctl-daemon.h"
#include "lib/ovn-dirs.h"
#include "lib/ovn-sb-idl.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/ofp-flow.h"
#include "openvswitch/ofp-protocol.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vconn.h"
#include "openvswitch/vlog.h"
#include "openvswitch/match.h"
#include "ovsdb-data.h"
#include "byte-order.h"
#include "dirs.h"
#include "ovsdb-idl.h"
#include "process.h"
#include "smap.h"
#include "sset.h"
#include "stream-ssl.h"
#include "stream.h"
#include "svec.h"
#include "table.h"
#include "timeval.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(sbctl);

/* --db: the database remote. */
static const char *db;

/* --oneline: print each command's output on a single line. */
static bool oneline;

/* --dry-run: do not commit. */
static bool dry_run;

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

static void sbctl_cmd_init(void);
static void parse_options(int argc, char *argv[], struct shash *local);
static bool do_sbctl(const char *args, struct ctl_command *, size_t n,
                     struct ovsdb_idl *, struct ds *out, char **errorp);
OVS_NO_RETURN static void server_loop(void);

/* --unixctl (-u): the daemon's control socket. */
static const char *unixctl_path;

/* True if --db was given on the command line (then OVN_SB_DAEMON is
 * ignored). */
static bool db_given;
OVS_NO_RETURN static void sbctl_exit(int status);
OVS_NO_RETURN static void usage(void);

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

    sbctl_cmd_init();

    char *args = process_escape_args(argv);
    shash_init(&local_options);
    parse_options(argc, argv, &local_options);

    if (get_detach()) {
        if (optind != argc) {
            ctl_fatal("non-option arguments not supported with --detach "
                      "(use --help for help)");
        }
        server_loop();
    }

    const char *socket = unixctl_path ? unixctl_path
                                      : getenv("OVN_SB_DAEMON");
    if (socket && socket[0]) {
        if (db_given) {
            VLOG_WARN("not using %s daemon because of db option",
                      program_name);
        } else {
            ovn_ctl_daemon_client(socket, "OVN_SB_DAEMON", argc, argv);
        }
    }

    char *error = ctl_parse_commands(argc - optind, argv + optind,
                                     &local_options, &commands, &n_commands);
    if (error) {
        ctl_fatal("%s", error);
    }
    VLOG(ctl_might_write_to_db(commands, n_commands) ? VLL_INFO : VLL_DBG,
         "Called as %s", args);

    ctl_timeout_setup(timeout);

    the_idl = ovsdb_idl_create_unconnected(&sbrec_idl_class, true);
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
            if (do_sbctl(args, commands, n_commands, the_idl, &out,
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
        OPT_DRY_RUN,
        OPT_ONELINE,
        OPT_LOCAL,
        OPT_COMMANDS,
        OPT_OPTIONS,
        OPT_BOOTSTRAP_CA_CERT,
        DAEMON_OPTION_ENUMS,
        VLOG_OPTION_ENUMS,
        TABLE_OPTION_ENUMS,
        SSL_OPTION_ENUMS,
    };
    static const struct option global_long_options[] = {
        {"db", required_argument, NULL, OPT_DB},
        {"no-syslog", no_argument, NULL, OPT_NO_SYSLOG},
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
            printf("DB Schema %s\n", sbrec_get_db_version());
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
        const char *env = getenv("OVN_SB_DB");
        db = env && env[0] ? env : ovn_default_sb_db();
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
%s: OVN southbound DB management utility\n\
usage: %s [OPTIONS] COMMAND [ARG...]\n\
\n\
General commands:\n\
  init                        initialize the database\n\
  show                        print overview of database contents\n\
\n\
Chassis commands:\n\
  chassis-add CHASSIS ENCAP-TYPE ENCAP-IP  create a new chassis named\n\
                              CHASSIS with ENCAP-TYPE tunnels and ENCAP-IP\n\
  chassis-del CHASSIS         delete CHASSIS and all of its encaps\n\
\n\
Port binding commands:\n\
  lsp-bind PORT CHASSIS       bind logical port PORT to CHASSIS\n\
  lsp-unbind PORT             reset the port binding of logical port PORT\n\
\n\
Logical flow commands:\n\
  lflow-list [DATAPATH] [LFLOW...] list logical flows for DATAPATH\n\
  dump-flows [DATAPATH]       alias for lflow-list\n\
  count-flows [DATAPATH]      count logical flows per table\n\
\n\
Connection commands:\n\
  get-connection              print the connections\n\
  del-connection              delete the connections\n\
  [--inactivity-probe=MSECS]\n\
  set-connection TARGET...    set the list of connections to TARGET...\n\
\n\
SSL commands:\n\
  get-ssl                     print the SSL configuration\n\
  del-ssl                     delete the SSL configuration\n\
  set-ssl PRIV-KEY CERT CA-CERT [SSL-PROTOS [SSL-CIPHERS]] set the SSL\n\
                              configuration\n\
\n\
%s\
%s\
\n\
Options:\n\
  --db=DATABASE               connect to DATABASE\n\
                              (default: %s)\n\
  --no-leader-only            accept any cluster member, not only the leader\n\
  -t, --timeout=SECS          wait at most SECS seconds\n\
  --dry-run                   do not commit changes to database\n\
  --oneline                   print exactly one line of output per command\n",
           program_name, program_name, ctl_get_db_cmd_usage(),
           ctl_list_db_tables_usage(), ovn_default_sb_db());
    table_usage();
    printf("\n\
Daemon mode:\n\
  --detach                    run as a daemon; prints its control socket\n\
  -u, --unixctl=SOCKET        send the commands to the daemon at SOCKET\n\
                              (default: $OVN_SB_DAEMON, if set)\n");
    daemon_usage();
    vlog_usage();
    printf("\
  --no-syslog             equivalent to --verbose=sbctl:syslog:warn\n");
    printf("\n\
Other options:\n\
  -h, --help                  display this help message\n\
  -V, --version               display version information\n");
    stream_usage("database", true, true, true);
    exit(EXIT_SUCCESS);
}

/* Runs the commands in one transaction (see ovn_ctl_txn_func). */
static bool
do_sbctl(const char *args, struct ctl_command *commands, size_t n_commands,
         struct ovsdb_idl *idl, struct ds *out, char **errorp)
{
    struct ovsdb_idl_txn *txn;
    enum ovsdb_idl_txn_status status;
    struct ovsdb_symbol_table *symtab;
    struct ctl_context ctx;
    struct ctl_command *c;
    struct shash_node *node;

    *errorp = NULL;
    txn = the_idl_txn = ovsdb_idl_txn_create(idl);
    if (dry_run) {
        ovsdb_idl_txn_set_dry_run(txn);
    }
    ovsdb_idl_txn_add_comment(txn, "ovn-sbctl: %s", args);

    if (!sbrec_sb_global_first(idl)) {
        sbrec_sb_global_insert(txn);
    }

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

    status = ovsdb_idl_txn_commit_block(txn);
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

/* Handles a daemon "run" request: per-invocation options (--oneline,
 * --dry-run, table formats), then commands. */
static char *
sbctl_daemon_run(int argc, const char *argv[], struct ds *out)
{
    static const struct table_style default_style = TABLE_STYLE_DEFAULT;

    oneline = dry_run = false;
    table_style = default_style;

    int i;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            i++;
            break;
        } else if (!strcmp(a, "--oneline")) {
            oneline = true;
        } else if (!strcmp(a, "--dry-run")) {
            dry_run = true;
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
    return ovn_ctl_execute(the_idl, argc - i, argv + i, do_sbctl, out);
}

/* Runs as a daemon ("--detach"), see ovn_ctl_daemon_serve(). */
static void
server_loop(void)
{
    daemonize_start(false);

    the_idl = ovsdb_idl_create_unconnected(&sbrec_idl_class, true);
    ovsdb_idl_set_shuffle_remotes(the_idl, shuffle_remotes);
    ovsdb_idl_set_remote(the_idl, db, true);
    ovsdb_idl_set_leader_only(the_idl, leader_only);
    ovn_ctl_daemon_serve(the_idl, unixctl_path, sbctl_daemon_run);
}

/* Frees the transaction and the IDL before exiting (called by ctl_fatal()).
 */
static void
sbctl_exit(int status)
{
    if (the_idl_txn) {
        ovsdb_idl_txn_abort(the_idl_txn);
        ovsdb_idl_txn_destroy(the_idl_txn);
    }
    ovsdb_idl_destroy(the_idl);
    exit(status);
}

void
sbctl_warn(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *msg = xvasprintf(format, args);
    va_end(args);
    VLOG_WARN("%s", msg);
    free(msg);
}

/* ------------------------------------------------------------------------ */
/* Chassis and port bindings. */

/* Returns the chassis named 'name', or NULL. */
static const struct sbrec_chassis *
chassis_by_name(struct ctl_context *ctx, const char *name)
{
    const struct sbrec_chassis *ch;
    SBREC_CHASSIS_FOR_EACH (ch, ctx->idl) {
        if (!strcmp(ch->name, name)) {
            return ch;
        }
    }
    return NULL;
}

/* Returns the port binding for logical port 'name', or NULL. */
static const struct sbrec_port_binding *
port_binding_by_name(struct ctl_context *ctx, const char *name)
{
    const struct sbrec_port_binding *pb;
    SBREC_PORT_BINDING_FOR_EACH (pb, ctx->idl) {
        if (!strcmp(pb->logical_port, name)) {
            return pb;
        }
    }
    return NULL;
}

/* "init": the transaction loop creates SB_Global if needed. */
static void
sbctl_init(struct ctl_context *ctx OVS_UNUSED)
{
}

/* "[--may-exist] chassis-add CHASSIS ENCAP-TYPE ENCAP-IP". */
static void
sbctl_chassis_add(struct ctl_context *ctx)
{
    const char *name = ctx->argv[1];
    const char *encap_types = ctx->argv[2];
    const char *encap_ip = ctx->argv[3];

    if (chassis_by_name(ctx, name)) {
        if (!shash_find(&ctx->options, "--may-exist")) {
            ctl_error(ctx, "cannot create a chassis named %s because a "
                      "chassis named %s already exists", name, name);
        }
        return;
    }

    struct sset types = SSET_INITIALIZER(&types);
    sset_from_delimited_string(&types, encap_types, ",");

    size_t n = sset_count(&types);
    struct sbrec_encap **encaps = xmalloc((n + 1) * sizeof *encaps);
    const struct smap options = SMAP_CONST1(&options, "csum", "true");
    const char *type;
    size_t i = 0;
    SSET_FOR_EACH (type, &types) {
        encaps[i] = sbrec_encap_insert(ctx->txn);
        sbrec_encap_set_type(encaps[i], type);
        sbrec_encap_set_ip(encaps[i], encap_ip);
        sbrec_encap_set_options(encaps[i], &options);
        sbrec_encap_set_chassis_name(encaps[i], name);
        i++;
    }
    sset_destroy(&types);

    struct sbrec_chassis *ch = sbrec_chassis_insert(ctx->txn);
    sbrec_chassis_set_name(ch, name);
    sbrec_chassis_set_encaps(ch, encaps, n);
    free(encaps);
}

/* "[--if-exists] chassis-del CHASSIS". */
static void
sbctl_chassis_del(struct ctl_context *ctx)
{
    const struct sbrec_chassis *ch = chassis_by_name(ctx, ctx->argv[1]);
    if (!ch) {
        if (!shash_find(&ctx->options, "--if-exists")) {
            ctl_error(ctx, "no chassis named %s", ctx->argv[1]);
        }
        return;
    }

    for (size_t i = 0; i < ch->n_encaps; i++) {
        sbrec_encap_delete(ch->encaps[i]);
    }
    const struct sbrec_chassis_private *chp;
    SBREC_CHASSIS_PRIVATE_FOR_EACH_SAFE (chp, ctx->idl) {
        if (!strcmp(chp->name, ch->name)) {
            sbrec_chassis_private_delete(chp);
        }
    }
    sbrec_chassis_delete(ch);
}

/* "[--may-exist] lsp-bind PORT CHASSIS". */
static void
sbctl_lsp_bind(struct ctl_context *ctx)
{
    const struct sbrec_port_binding *pb = port_binding_by_name(ctx,
                                                               ctx->argv[1]);
    if (!pb) {
        ctl_error(ctx, "no port named %s", ctx->argv[1]);
        return;
    }
    const struct sbrec_chassis *ch = chassis_by_name(ctx, ctx->argv[2]);
    if (!ch) {
        ctl_error(ctx, "no chassis named %s", ctx->argv[2]);
        return;
    }

    if (pb->chassis) {
        if (pb->chassis == ch && shash_find(&ctx->options, "--may-exist")) {
            return;
        }
        ctl_error(ctx, "lport (%s) has already been binded to chassis (%s)",
                  pb->logical_port, pb->chassis->name);
        return;
    }
    sbrec_port_binding_set_chassis(pb, ch);
    bool up = true;
    sbrec_port_binding_set_up(pb, &up, 1);
}

/* "[--if-exists] lsp-unbind PORT". */
static void
sbctl_lsp_unbind(struct ctl_context *ctx)
{
    const struct sbrec_port_binding *pb = port_binding_by_name(ctx,
                                                               ctx->argv[1]);
    if (!pb) {
        if (!shash_find(&ctx->options, "--if-exists")) {
            ctl_error(ctx, "no port named %s", ctx->argv[1]);
        }
        return;
    }
    sbrec_port_binding_set_chassis(pb, NULL);
    sbrec_port_binding_set_up(pb, NULL, 0);
}

/* "ip-multicast-flush [DATAPATH]": asks ovn-controller to flush the learnt
 * IGMP/MLD groups by bumping IP_Multicast's seq_no. */
static void
sbctl_ip_multicast_flush(struct ctl_context *ctx)
{
    const struct sbrec_datapath_binding *dp = NULL;
    if (ctx->argc == 2) {
        char *error;
        dp = sbctl_lookup_datapath(ctx, ctx->argv[1], &error);
        if (error) {
            ctx->error = error;
            return;
        }
        if (!dp) {
            ctl_error(ctx, "%s is not a valid datapath", ctx->argv[1]);
            return;
        }
    }

    const struct sbrec_ip_multicast *ipm;
    SBREC_IP_MULTICAST_FOR_EACH (ipm, ctx->idl) {
        if (!dp || ipm->datapath == dp) {
            sbrec_ip_multicast_set_seq_no(ipm, ipm->seq_no + 1);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Connections and SSL. */

/* "get-connection". */
static void
sbctl_get_connection(struct ctl_context *ctx)
{
    const struct sbrec_sb_global *sb = sbrec_sb_global_first(ctx->idl);
    if (!sb) {
        return;
    }
    struct svec lines = SVEC_EMPTY_INITIALIZER;
    for (size_t i = 0; i < sb->n_connections; i++) {
        const struct sbrec_connection *conn = sb->connections[i];
        char *line = xasprintf("%s role=\"%s\" %s",
                               conn->read_only ? "read-only" : "read-write",
                               conn->role, conn->target);
        svec_add_nocopy(&lines, line);
    }
    svec_sort(&lines);
    for (size_t i = 0; i < lines.n; i++) {
        ds_put_format(&ctx->output, "%s\n", lines.names[i]);
    }
    svec_destroy(&lines);
}

/* Deletes every configured connection. */
static void
delete_connections(struct ctl_context *ctx)
{
    const struct sbrec_sb_global *sb = sbrec_sb_global_first(ctx->idl);
    if (!sb) {
        return;
    }
    for (size_t i = 0; i < sb->n_connections; i++) {
        sbrec_connection_delete(sb->connections[i]);
    }
    sbrec_sb_global_set_connections(sb, NULL, 0);
}

/* "del-connection". */
static void
sbctl_del_connection(struct ctl_context *ctx)
{
    delete_connections(ctx);
}

/* "[--inactivity-probe=MSECS] set-connection [read-only|read-write]
 * [role=ROLE] TARGET...". */
static void
sbctl_set_connection(struct ctl_context *ctx)
{
    const struct sbrec_sb_global *sb = sbrec_sb_global_first(ctx->idl);
    const char *probe_s = shash_find_data(&ctx->options,
                                          "--inactivity-probe");
    int64_t probe = 0;
    if (probe_s && !ovs_scan(probe_s, "%"SCNd64, &probe)) {
        ctl_error(ctx, "%s: invalid inactivity probe", probe_s);
        return;
    }

    delete_connections(ctx);

    struct sbrec_connection **conns = xmalloc(ctx->argc * sizeof *conns);
    size_t n = 0;
    bool read_only = false;
    const char *role = "";
    for (int i = 1; i < ctx->argc; i++) {
        const char *arg = ctx->argv[i];
        if (!strcmp(arg, "read-only")) {
            read_only = true;
        } else if (!strcmp(arg, "read-write")) {
            read_only = false;
        } else if (!strncmp(arg, "role=", 5)) {
            role = arg + 5;
        } else {
            conns[n] = sbrec_connection_insert(ctx->txn);
            sbrec_connection_set_target(conns[n], arg);
            sbrec_connection_set_read_only(conns[n], read_only);
            sbrec_connection_set_role(conns[n], role);
            if (probe_s) {
                sbrec_connection_set_inactivity_probe(conns[n], &probe, 1);
            }
            n++;
        }
    }
    sbrec_sb_global_set_connections(sb, conns, n);
    free(conns);
}

/* "get-ssl". */
static void
sbctl_get_ssl(struct ctl_context *ctx)
{
    const struct sbrec_sb_global *sb = sbrec_sb_global_first(ctx->idl);
    const struct sbrec_ssl *ssl = sb ? sb->ssl : NULL;
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
sbctl_del_ssl(struct ctl_context *ctx)
{
    const struct sbrec_sb_global *sb = sbrec_sb_global_first(ctx->idl);
    if (sb && sb->ssl) {
        sbrec_ssl_delete(sb->ssl);
        sbrec_sb_global_set_ssl(sb, NULL);
    }
}

/* "[--bootstrap] set-ssl PRIVATE-KEY CERTIFICATE CA-CERT [SSL-PROTOS
 * [SSL-CIPHERS]]". */
static void
sbctl_set_ssl(struct ctl_context *ctx)
{
    const struct sbrec_sb_global *sb = sbrec_sb_global_first(ctx->idl);
    if (sb->ssl) {
        sbrec_ssl_delete(sb->ssl);
    }

    struct sbrec_ssl *ssl = sbrec_ssl_insert(ctx->txn);
    sbrec_ssl_set_private_key(ssl, ctx->argv[1]);
    sbrec_ssl_set_certificate(ssl, ctx->argv[2]);
    sbrec_ssl_set_ca_cert(ssl, ctx->argv[3]);
    sbrec_ssl_set_bootstrap_ca_cert(
        ssl, shash_find(&ctx->options, "--bootstrap") != NULL);
    if (ctx->argc >= 5) {
        sbrec_ssl_set_ssl_protocols(ssl, ctx->argv[4]);
    }
    if (ctx->argc >= 6) {
        sbrec_ssl_set_ssl_ciphers(ssl, ctx->argv[5]);
    }
    sbrec_sb_global_set_ssl(sb, ssl);
}

/* ------------------------------------------------------------------------ */
/* Registration. */

/* How the generic commands find rows by name. */
static const struct ctl_table_class tables[SBREC_N_TABLES] = {
    [SBREC_TABLE_CHASSIS].row_ids[0] = {&sbrec_chassis_col_name, NULL, NULL},

    [SBREC_TABLE_CHASSIS_PRIVATE].row_ids[0]
    = {&sbrec_chassis_private_col_name, NULL, NULL},

    [SBREC_TABLE_DATAPATH_BINDING].row_ids
    = {{&sbrec_datapath_binding_col_external_ids, "name", NULL},
       {&sbrec_datapath_binding_col_external_ids, "name2", NULL},
       {&sbrec_datapath_binding_col_external_ids, "logical-switch", NULL},
       {&sbrec_datapath_binding_col_external_ids, "logical-router", NULL}},

    [SBREC_TABLE_PORT_BINDING].row_ids
    = {{&sbrec_port_binding_col_logical_port, NULL, NULL},
       {&sbrec_port_binding_col_external_ids, "name", NULL}},

    [SBREC_TABLE_MAC_BINDING].row_ids[0] =
    {&sbrec_mac_binding_col_logical_port, NULL, NULL},

    [SBREC_TABLE_ADDRESS_SET].row_ids[0]
    = {&sbrec_address_set_col_name, NULL, NULL},

    [SBREC_TABLE_PORT_GROUP].row_ids[0]
    = {&sbrec_port_group_col_name, NULL, NULL},

    [SBREC_TABLE_HA_CHASSIS_GROUP].row_ids[0]
    = {&sbrec_ha_chassis_group_col_name, NULL, NULL},

    [SBREC_TABLE_HA_CHASSIS].row_ids[0]
    = {&sbrec_ha_chassis_col_chassis, NULL, NULL},

    [SBREC_TABLE_METER].row_ids[0] = {&sbrec_meter_col_name, NULL, NULL},

    [SBREC_TABLE_SERVICE_MONITOR].row_ids[0]
    = {&sbrec_service_monitor_col_logical_port, NULL, NULL},

    [SBREC_TABLE_LOAD_BALANCER].row_ids[0]
    = {&sbrec_load_balancer_col_name, NULL, NULL},
};

/* What the generic "show" command prints. */
static const struct cmd_show_table cmd_show_tables[] = {
    {&sbrec_table_chassis,
     &sbrec_chassis_col_name,
     {&sbrec_chassis_col_hostname,
      &sbrec_chassis_col_encaps,
      NULL,
      NULL},
     {&sbrec_table_port_binding,
      &sbrec_port_binding_col_logical_port,
      &sbrec_port_binding_col_chassis}},

    {&sbrec_table_encap,
     &sbrec_encap_col_type,
     {&sbrec_encap_col_ip,
      &sbrec_encap_col_options,
      NULL,
      NULL},
     {NULL, NULL, NULL}},

    {NULL, NULL, {NULL, NULL, NULL, NULL}, {NULL, NULL, NULL}},
};

static const struct ctl_command_syntax sbctl_commands[] = {
    { "init", 0, 0, "", NULL, sbctl_init, NULL, "", RW },

    { "chassis-add", 3, 3, "CHASSIS ENCAP-TYPE ENCAP-IP", NULL,
      sbctl_chassis_add, NULL, "--may-exist", RW },
    { "chassis-del", 1, 1, "CHASSIS", NULL, sbctl_chassis_del, NULL,
      "--if-exists", RW },

    { "lsp-bind", 2, 2, "PORT CHASSIS", NULL, sbctl_lsp_bind, NULL,
      "--may-exist", RW },
    { "lsp-unbind", 1, 1, "PORT", NULL, sbctl_lsp_unbind, NULL,
      "--if-exists", RW },

    { "ip-multicast-flush", 0, 1, "[DATAPATH]", NULL,
      sbctl_ip_multicast_flush, NULL, "", RW },

    { "get-connection", 0, 0, "", NULL, sbctl_get_connection, NULL, "", RO },
    { "del-connection", 0, 0, "", NULL, sbctl_del_connection, NULL, "", RW },
    { "set-connection", 1, INT_MAX, "TARGET...", NULL, sbctl_set_connection,
      NULL, "--inactivity-probe=", RW },

    { "get-ssl", 0, 0, "", NULL, sbctl_get_ssl, NULL, "", RO },
    { "del-ssl", 0, 0, "", NULL, sbctl_del_ssl, NULL, "", RW },
    { "set-ssl", 3, 5,
      "PRIVATE-KEY CERTIFICATE CA-CERT [SSL-PROTOS [SSL-CIPHERS]]", NULL,
      sbctl_set_ssl, NULL, "--bootstrap", RW },

    {NULL, 0, 0, NULL, NULL, NULL, NULL, "", RO},
};

/* Registers every command with db-ctl-base. */
static void
sbctl_cmd_init(void)
{
    ctl_init(&sbrec_idl_class, sbrec_table_classes, tables, cmd_show_tables,
             sbctl_exit);
    ctl_register_commands(sbctl_commands);
    sbctl_lflow_register();
}
