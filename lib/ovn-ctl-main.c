/* The program skeleton shared by ovn-nbctl and ovn-sbctl. */

#include <config.h>

#include "lib/ovn-ctl-main.h"

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
#include "openvswitch/dynamic-string.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/shash.h"
#include "openvswitch/vlog.h"
#include "ovsdb-data.h"
#include "process.h"
#include "stream-ssl.h"
#include "stream.h"
#include "table.h"
#include "util.h"

/* The program being run. */
static const struct ovn_ctl_program *program;

/* --db: the database remote. */
static const char *db;

/* True if --db was given on the command line (then the daemon named by the
 * environment is not used). */
static bool db_given;

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

/* --unixctl (-u): the daemon's control socket. */
static const char *unixctl_path;

/* The IDL and the in-progress transaction (for the exit handler). */
static struct ovsdb_idl *the_idl;
static struct ovsdb_idl_txn *the_idl_txn;

/* Option values ('val' in struct option) of the shared global options. */
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
BUILD_ASSERT_DECL(OPT_BOOTSTRAP_CA_CERT + 64 < OVN_CTL_OPT_PROGRAM);

/* Returns the global options: the shared ones with the program's inserted
 * after --no-syslog, terminated by an all-zero element.  The caller must
 * free() the array. */
static struct option *
global_options(size_t *n)
{
    static const struct option head[] = {
        {"db", required_argument, NULL, OPT_DB},
        {"no-syslog", no_argument, NULL, OPT_NO_SYSLOG},
    };
    static const struct option tail[] = {
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

    size_t n_extra = 0;
    while (program->options && program->options[n_extra].name) {
        n_extra++;
    }

    struct option *options = xmalloc(sizeof head + sizeof tail
                                     + n_extra * sizeof *options);
    memcpy(options, head, sizeof head);
    if (n_extra) {
        memcpy(&options[ARRAY_SIZE(head)], program->options,
               n_extra * sizeof *options);
    }
    memcpy(&options[ARRAY_SIZE(head) + n_extra], tail, sizeof tail);
    *n = ARRAY_SIZE(head) + n_extra + ARRAY_SIZE(tail) - 1;
    return options;
}

/* Parses the global options, storing command-specific ones that precede the
 * first command in 'local'. */
static void
parse_options(int argc, char *argv[], struct shash *local)
{
    size_t n_global;
    struct option *global = global_options(&n_global);

    char *tmp = ovs_cmdl_long_options_to_short_options(global);
    char *short_options = xasprintf("+%s", tmp);
    free(tmp);

    struct option *options = xmemdup(global,
                                     (n_global + 1) * sizeof *options);
    size_t allocated = n_global + 1;
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
            vlog_set_levels(program->module, VLF_SYSLOG, VLL_WARN);
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
            program->usage();
            OVS_NOT_REACHED();

        case OPT_COMMANDS:
            ctl_print_commands();
            /* fall through */

        case OPT_OPTIONS:
            ctl_print_options(global);
            /* fall through */

        case 'V':
            printf("%s %s\n", program_name, OVN_PACKAGE_VERSION);
            printf("Open vSwitch Library %s\n", VERSION);
            printf("DB Schema %s\n", program->db_version());
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
            if (c < OVN_CTL_OPT_PROGRAM || !program->handle_option) {
                abort();
            }
            program->handle_option(c, optarg);
            break;
        }
    }
    free(short_options);

    if (!db) {
        const char *env = getenv(program->db_env);
        db = env && env[0] ? env : program->default_db();
    }

    for (size_t i = n_global; options[i].name; i++) {
        free(CONST_CAST(char *, options[i].name));
    }
    free(options);
    free(global);
}

/* Appends the output of 'commands' to 'out': tables in the chosen table
 * style, other output as is or, with --oneline, on one line per command
 * (newlines escaped as \n, backslashes doubled). */
static void
format_output(struct ctl_command *commands, size_t n_commands,
              struct ds *out)
{
    for (struct ctl_command *c = commands; c < &commands[n_commands]; c++) {
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
}

/* Checks the row ids that the commands used ("--id=@name").  Returns NULL,
 * after logging warnings for rows that will not appear in the database, or
 * an error message for one that was referenced but never created. */
static char *
check_symbols(const struct ovsdb_symbol_table *symtab)
{
    const struct shash_node *node;

    SHASH_FOR_EACH (node, &symtab->sh) {
        const struct ovsdb_symbol *symbol = node->data;
        if (!symbol->created) {
            return xasprintf("row id \"%s\" is referenced but never "
                             "created (e.g. with \"-- --id=%s create "
                             "...\")", node->name, node->name);
        }
        if (!symbol->strong_ref) {
            if (!symbol->weak_ref) {
                vlog(program->module, VLL_WARN,
                     "row id \"%s\" was created but no reference to it "
                     "was inserted, so it will not actually appear in "
                     "the database", node->name);
            } else {
                vlog(program->module, VLL_WARN,
                     "row id \"%s\" was created but only a weak "
                     "reference to it was inserted, so it will not "
                     "actually appear in the database", node->name);
            }
        }
    }
    return NULL;
}

/* Runs the commands in one transaction (an ovn_ctl_txn_func). */
static bool
do_txn(const char *args, struct ctl_command *commands, size_t n_commands,
       struct ovsdb_idl *idl, struct ds *out, char **errorp)
{
    struct ovsdb_idl_txn *txn;
    enum ovsdb_idl_txn_status status;
    struct ovsdb_symbol_table *symtab;
    struct ctl_context ctx;
    struct ctl_command *c;

    *errorp = NULL;
    txn = the_idl_txn = ovsdb_idl_txn_create(idl);
    if (dry_run) {
        ovsdb_idl_txn_set_dry_run(txn);
    }
    ovsdb_idl_txn_add_comment(txn, "%s: %s", program->name, args);
    if (program->txn_start) {
        program->txn_start(idl, txn);
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

    *errorp = check_symbols(symtab);
    if (*errorp) {
        goto error;
    }

    if (program->txn_pre_commit) {
        program->txn_pre_commit(txn);
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
    format_output(commands, n_commands, out);
    ovn_ctl_free_commands(commands, n_commands);
    if (program->txn_done) {
        program->txn_done(idl, txn, status, out);
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

/* Handles a daemon "run" request: per-invocation options, then commands,
 * run against the daemon's copy of the database.  The other options are
 * reset to their defaults first; connection-level ones are ignored (the
 * daemon's own apply). */
static char *
daemon_run(int argc, const char *argv[], struct ds *out)
{
    static const struct table_style default_style = TABLE_STYLE_DEFAULT;

    oneline = dry_run = false;
    table_style = default_style;
    if (program->reset_run_options) {
        program->reset_run_options();
    }

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
        } else if ((!strcmp(a, "--timeout") || !strcmp(a, "-t"))
                   && i + 1 < argc) {
            i++;                /* The client applies --timeout itself. */
        } else if (!strncmp(a, "--timeout=", 10)
                   || !strncmp(a, "-t", 2)
                   || !strcmp(a, "--no-leader-only")
                   || !strcmp(a, "--leader-only")
                   || !strcmp(a, "--no-syslog")) {
            /* Connection-level options: the daemon's own apply. */
        } else if (!program->parse_run_option
                   || !program->parse_run_option(a)) {
            break;
        }
    }
    return ovn_ctl_execute(the_idl, argc - i, argv + i, do_txn, out);
}

/* Creates the IDL for 'db'; 'retry': keep reconnecting if the connection
 * fails. */
static void
create_idl(bool retry)
{
    the_idl = ovsdb_idl_create_unconnected(program->idl_class, true);
    ovsdb_idl_set_shuffle_remotes(the_idl, shuffle_remotes);
    ovsdb_idl_set_remote(the_idl, db, retry);
    ovsdb_idl_set_leader_only(the_idl, leader_only);
}

/* Runs as a daemon ("--detach"): keeps a copy of the database and executes
 * the invocations that clients send through the control socket, whose name
 * is printed on stdout. */
OVS_NO_RETURN static void
server_loop(void)
{
    daemonize_start(false);
    create_idl(true);
    ovn_ctl_daemon_serve(the_idl, unixctl_path, daemon_run);
}

int
ovn_ctl_main(const struct ovn_ctl_program *prog, int argc, char *argv[],
             char *orig_argv[])
{
    struct ctl_command *commands;
    struct shash local_options;
    size_t n_commands;

    program = prog;
    fatal_ignore_sigpipe();
    vlog_set_levels(NULL, VLF_CONSOLE, VLL_WARN);
    vlog_set_levels_from_string_assert("reconnect:warn");

    char *args = process_escape_args(orig_argv);
    shash_init(&local_options);
    parse_options(argc, argv, &local_options);

    if (get_detach()) {
        if (optind != argc) {
            ctl_fatal("non-option arguments not supported with --detach "
                      "(use --help for help)");
        }
        server_loop();
    }

    /* --timeout bounds the whole invocation, including one handed to a
     * daemon: the client exits with SIGALRM if no answer comes in time. */
    ctl_timeout_setup(timeout);

    const char *socket = unixctl_path ? unixctl_path
                                      : getenv(program->daemon_env);
    if (socket && socket[0]) {
        if (db_given) {
            vlog(program->module, VLL_WARN,
                 "not using %s daemon because of db option", program_name);
        } else {
            ovn_ctl_daemon_client(socket, program->daemon_env, argc, argv);
        }
    }

    char *error = ctl_parse_commands(argc - optind, argv + optind,
                                     &local_options, &commands, &n_commands);
    if (error) {
        ctl_fatal("%s", error);
    }
    vlog(program->module,
         ctl_might_write_to_db(commands, n_commands) ? VLL_INFO : VLL_DBG,
         "Called as %s", args);

    create_idl(false);

    error = ovn_ctl_run_prerequisites(commands, n_commands, the_idl);
    if (error) {
        ctl_fatal("%s", error);
    }

    struct ds out = DS_EMPTY_INITIALIZER;
    error = ovn_ctl_commit_loop(the_idl, db, args, commands, n_commands,
                                do_txn, &out);
    if (error) {
        ctl_fatal("%s", error);
    }
    fputs(ds_cstr(&out), stdout);
    ds_destroy(&out);
    ovsdb_idl_destroy(the_idl);
    the_idl = NULL;
    free(args);
    shash_destroy_free_data(&local_options);
    return EXIT_SUCCESS;
}

void
ovn_ctl_usage_tail(void)
{
    table_usage();
    printf("\n\
Daemon mode:\n\
  --detach                    run as a daemon; prints its control socket\n\
  -u, --unixctl=SOCKET        send the commands to the daemon at SOCKET\n\
                              (default: $%s, if set)\n", program->daemon_env);
    daemon_usage();
    vlog_usage();
    printf("\
  --no-syslog             equivalent to --verbose=%s:syslog:warn\n",
           program->module->name);
    printf("\n\
Other options:\n\
  -h, --help                  display this help message\n\
  -V, --version               display version information\n");
    stream_usage("database", true, true, true);
    exit(EXIT_SUCCESS);
}

void
ovn_ctl_exit(int status)
{
    if (the_idl_txn) {
        ovsdb_idl_txn_abort(the_idl_txn);
        ovsdb_idl_txn_destroy(the_idl_txn);
    }
    ovsdb_idl_destroy(the_idl);
    exit(status);
}
