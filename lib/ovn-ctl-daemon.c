/* Command execution and daemon mode shared by ovn-nbctl and ovn-sbctl. */

#include <config.h>

#include "lib/ovn-ctl-daemon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon.h"
#include "db-ctl-base.h"
#include "jsonrpc.h"
#include "lib/ovn-dirs.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/shash.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "svec.h"
#include "table.h"
#include "unixctl.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(ovn_ctl_daemon);

char *
ovn_ctl_run_prerequisites(struct ctl_command *commands, size_t n,
                          struct ovsdb_idl *idl)
{
    /* ctl_parse_commands() leaves these uninitialized; set them for every
     * command so that ovn_ctl_free_commands() may run at any point. */
    for (struct ctl_command *c = commands; c < &commands[n]; c++) {
        ds_init(&c->output);
        c->table = NULL;
    }

    for (struct ctl_command *c = commands; c < &commands[n]; c++) {
        if (c->syntax->prerequisites) {
            struct ctl_context ctx;

            ctl_context_init(&ctx, c, idl, NULL, NULL, NULL);
            (c->syntax->prerequisites)(&ctx);
            char *error = ctx.error;
            ctx.error = NULL;
            ctl_context_done(&ctx, c);
            if (error) {
                return error;
            }
        }
    }
    return NULL;
}

void
ovn_ctl_free_commands(struct ctl_command *commands, size_t n)
{
    for (struct ctl_command *c = commands; c < &commands[n]; c++) {
        ds_destroy(&c->output);
        table_destroy(c->table);
        free(c->table);
        c->table = NULL;
        shash_destroy_free_data(&c->options);
    }
    free(commands);
}

char *
ovn_ctl_commit_loop(struct ovsdb_idl *idl, const char *remote,
                    const char *args, struct ctl_command *commands,
                    size_t n_commands, ovn_ctl_txn_func *do_txn,
                    struct ds *out)
{
    for (;;) {
        ovsdb_idl_run(idl);
        if (remote && !ovsdb_idl_is_alive(idl)) {
            int retval = ovsdb_idl_get_last_error(idl);
            ovn_ctl_free_commands(commands, n_commands);
            return xasprintf("%s: database connection failed (%s)",
                             remote, ovs_retval_to_string(retval));
        }

        /* The baseline for "the database changed" is taken before the
         * transaction is composed, so that a change that arrives while it
         * commits is not missed (see ovsdb_idl_txn_commit()).  A seqno of 0
         * means that the first copy of the database has not arrived yet. */
        unsigned int seqno = ovsdb_idl_get_seqno(idl);
        if (seqno) {
            char *error;
            if (do_txn(args, commands, n_commands, idl, out, &error)) {
                return error;
            }
            VLOG_DBG("transaction must be retried: waiting for a newer "
                     "copy of the database");
        }

        /* Block only while the copy is unchanged, testing after every
         * ovsdb_idl_run(): the run that brings the awaited change may also
         * drain everything the server sent, and blocking after it would
         * wait for activity that never comes. */
        while (seqno == ovsdb_idl_get_seqno(idl)) {
            if (remote && !ovsdb_idl_is_alive(idl)) {
                break;
            }
            ovsdb_idl_wait(idl);
            poll_block();
            ovsdb_idl_run(idl);
        }
    }
}

char *
ovn_ctl_execute(struct ovsdb_idl *idl, int argc, const char *argv[],
                ovn_ctl_txn_func *do_txn, struct ds *out)
{
    struct shash local_options = SHASH_INITIALIZER(&local_options);
    struct ctl_command *commands;
    size_t n_commands;

    char *error = ctl_parse_commands(argc, (char **) argv,
                                     &local_options, &commands,
                                     &n_commands);
    shash_destroy_free_data(&local_options);
    if (error) {
        return error;
    }

    struct ds args = DS_EMPTY_INITIALIZER;
    for (int i = 0; i < argc; i++) {
        ds_put_format(&args, "%s%s", i ? " " : "", argv[i]);
    }
    VLOG_INFO("Running command run %s", ds_cstr(&args));

    error = ovn_ctl_run_prerequisites(commands, n_commands, idl);
    if (error) {
        ovn_ctl_free_commands(commands, n_commands);
        ds_destroy(&args);
        return error;
    }

    error = ovn_ctl_commit_loop(idl, NULL, ds_cstr(&args), commands,
                                n_commands, do_txn, out);
    ds_destroy(&args);
    return error;
}

/* The daemon's "run" command. */
static void
server_cmd_run(struct unixctl_conn *conn, int argc, const char *argv[],
               void *run_)
{
    ovn_ctl_run_func *run = run_;
    struct ds out = DS_EMPTY_INITIALIZER;

    table_format_reset();
    char *error = run(argc, argv, &out);
    if (error) {
        char *msg = xasprintf("%s: %s\n", program_name, error);
        unixctl_command_reply_error(conn, msg);
        free(msg);
        free(error);
    } else {
        unixctl_command_reply(conn, ds_cstr(&out));
    }
    ds_destroy(&out);
}

/* The daemon's "exit" command. */
static void
server_cmd_exit(struct unixctl_conn *conn, int argc OVS_UNUSED,
                const char *argv[] OVS_UNUSED, void *exiting_)
{
    bool *exiting = exiting_;
    *exiting = true;
    unixctl_command_reply(conn, NULL);
}

void
ovn_ctl_daemon_serve(struct ovsdb_idl *idl, const char *path,
                     ovn_ctl_run_func *run)
{
    char *socket = (path
                    ? xstrdup(path)
                    : xasprintf("%s/%s.%ld.ctl", ovn_rundir(), program_name,
                                (long int) getpid()));
    struct unixctl_server *server;
    int error = unixctl_server_create(socket, &server);
    if (error) {
        ctl_fatal("failed to create unixctl server (%s)",
                  ovs_retval_to_string(error));
    }
    puts(socket);
    fflush(stdout);
    free(socket);

    bool exiting = false;
    unixctl_command_register("run", "", 0, INT_MAX, server_cmd_run, run);
    unixctl_command_register("exit", "", 0, 0, server_cmd_exit, &exiting);
    daemonize_complete();

    while (!exiting) {
        ovsdb_idl_run(idl);
        unixctl_server_run(server);
        if (exiting) {
            break;
        }
        ovsdb_idl_wait(idl);
        unixctl_server_wait(server);
        poll_block();
    }

    unixctl_server_destroy(server);
    ovsdb_idl_destroy(idl);
    exit(EXIT_SUCCESS);
}

void
ovn_ctl_daemon_client(const char *socket, const char *env_name,
                      int argc, char *argv[])
{
    struct jsonrpc *client;
    int error = unixctl_client_create(socket, &client);
    if (error) {
        ctl_fatal("%s: could not connect to %s daemon (%s); unset %s to "
                  "avoid using daemon", socket, program_name,
                  ovs_strerror(error), env_name);
    }

    /* Everything except the option that names the daemon. */
    struct svec args = SVEC_EMPTY_INITIALIZER;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-u") || !strcmp(a, "--unixctl")) {
            i++;
        } else if (strncmp(a, "--unixctl=", 10) && strncmp(a, "-u", 2)) {
            svec_add(&args, a);
        }
    }

    char *result, *cmd_error;
    error = unixctl_client_transact(client, "run", args.n, args.names,
                                    &result, &cmd_error);
    svec_destroy(&args);
    jsonrpc_close(client);
    if (error) {
        ctl_fatal("%s: transaction error (%s)", socket, ovs_strerror(error));
    }
    if (cmd_error) {
        fputs(cmd_error, stderr);
        free(cmd_error);
        free(result);
        exit(EXIT_FAILURE);
    }
    fputs(result, stdout);
    free(result);
    exit(EXIT_SUCCESS);
}
