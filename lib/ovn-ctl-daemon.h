/* Machinery shared by ovn-nbctl and ovn-sbctl around OVS's db-ctl-base:
 * running parsed commands against an IDL until they commit, and "daemon
 * mode", in which one process keeps a copy of the database and runs the
 * invocations that clients send over a unixctl socket ("run" command). */

#ifndef OVN_CTL_DAEMON_H
#define OVN_CTL_DAEMON_H 1

#include <stdbool.h>
#include <stddef.h>

#include "openvswitch/compiler.h"

struct ctl_command;
struct ds;
struct ovsdb_idl;

/* Runs 'n' commands in one transaction against 'idl'.  Returns false if
 * the caller should retry with a newer copy of the database.  Otherwise
 * returns true after freeing 'commands' (with ovn_ctl_free_commands()),
 * having appended the output to 'out' or stored an error message in
 * '*errorp'.  'args' is the command line, for the transaction comment. */
typedef bool ovn_ctl_txn_func(const char *args, struct ctl_command *,
                              size_t n, struct ovsdb_idl *, struct ds *out,
                              char **errorp);

/* Runs the prerequisites of 'commands', after initializing every command's
 * output so that ovn_ctl_free_commands() may be called on them from then
 * on.  Returns NULL or an error message. */
char *ovn_ctl_run_prerequisites(struct ctl_command *commands, size_t n,
                                struct ovsdb_idl *);

/* Frees what 'commands' own (not their argv, which belongs to the caller)
 * and the array itself. */
void ovn_ctl_free_commands(struct ctl_command *commands, size_t n);

/* Runs 'commands' (whose prerequisites have run) against 'idl' with
 * 'do_txn' until they complete: waits for the first copy of the database,
 * and after a transaction that must be retried, for a newer copy.  Returns
 * NULL with the output appended to 'out', or an error message; either way
 * 'commands' have been freed.  'args' is the command line, for the
 * transaction comment.  With a nonnull 'remote' (the database's name, for
 * the message), gives up with an error if the connection fails for good;
 * with NULL, waits for the IDL to reconnect. */
char *ovn_ctl_commit_loop(struct ovsdb_idl *idl, const char *remote,
                          const char *args, struct ctl_command *commands,
                          size_t n_commands, ovn_ctl_txn_func *do_txn,
                          struct ds *out);

/* Parses argv[0...argc - 1] as commands and runs them against 'idl' with
 * 'do_txn', waiting for the first copy of the database and retrying as
 * needed.  Returns NULL with the output appended to 'out', or an error
 * message. */
char *ovn_ctl_execute(struct ovsdb_idl *idl, int argc, const char *argv[],
                      ovn_ctl_txn_func *do_txn, struct ds *out);

/* Handles one "run" request in a daemon: argv[1...] are the invocation's
 * arguments (per-invocation options, then commands).  Returns NULL with the
 * output appended to 'out', or an error message. */
typedef char *ovn_ctl_run_func(int argc, const char *argv[], struct ds *out);

/* Serves "run" and "exit" requests on a unixctl socket at 'path' (NULL: the
 * default "OVN_RUNDIR/PROGRAM.PID.ctl"), printing the socket's name on
 * stdout, until "exit".  The caller must have called daemonize_start() and
 * created 'idl' (with retry) before. */
OVS_NO_RETURN void ovn_ctl_daemon_serve(struct ovsdb_idl *idl,
                                        const char *path,
                                        ovn_ctl_run_func *run);

/* Sends this invocation (argv[1...], minus -u/--unixctl) to the daemon at
 * 'socket', prints its answer and exits with its status.  'env_name' is the
 * environment variable that names the daemon, for the error message. */
OVS_NO_RETURN void ovn_ctl_daemon_client(const char *socket,
                                         const char *env_name,
                                         int argc, char *argv[]);

#endif /* lib/ovn-ctl-daemon.h */
