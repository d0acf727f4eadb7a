/* The program skeleton shared by ovn-nbctl and ovn-sbctl, around OVS's
 * db-ctl-base: global option parsing, the main loop that runs the commands
 * once the IDL has a copy of the database, the transaction that runs them
 * (commit, postprocessing, output formatting) and the per-invocation options
 * of daemon mode.  Each program describes what differs in a struct
 * ovn_ctl_program. */

#ifndef OVN_CTL_MAIN_H
#define OVN_CTL_MAIN_H 1

#include <stdbool.h>
#include <stddef.h>

#include "openvswitch/compiler.h"
#include "ovsdb-idl.h"

struct ds;
struct option;
struct vlog_module;

/* What a program adds to the shared skeleton.  The hooks may be NULL. */
struct ovn_ctl_program {
    const char *name;           /* For the transaction comment, e.g.
                                 * "ovn-nbctl". */
    struct vlog_module *module; /* The program's log module, for the
                                 * messages the skeleton logs. */
    const struct ovsdb_idl_class *idl_class;  /* The database schema. */
    const char *(*db_version)(void);  /* Schema version, for --version. */
    const char *db_env;         /* Environment variable that overrides the
                                 * default database, e.g. "OVN_NB_DB". */
    const char *(*default_db)(void);  /* Returns the default database. */
    const char *daemon_env;     /* Environment variable that names a daemon
                                 * to use, e.g. "OVN_NB_DAEMON". */
    void (*usage)(void);        /* Prints the help text and exits. */

    /* Program-specific global options, terminated by an all-zero element,
     * whose 'val' must be OVN_CTL_OPT_PROGRAM or more. */
    const struct option *options;

    /* Handles one of 'options': 'c' is its 'val', 'arg' its argument or
     * NULL. */
    void (*handle_option)(int c, const char *arg);

    /* Daemon mode: resets the program-specific per-invocation options to
     * their defaults. */
    void (*reset_run_options)(void);

    /* Daemon mode: parses 'arg' as a program-specific per-invocation option;
     * returns false if it is not one. */
    bool (*parse_run_option)(const char *arg);

    /* Called after creating 'txn', before the commands run. */
    void (*txn_start)(struct ovsdb_idl *, struct ovsdb_idl_txn *txn);

    /* Called just before committing 'txn'. */
    void (*txn_pre_commit)(struct ovsdb_idl_txn *txn);

    /* Called after a successful (or unchanged) commit of 'txn', once the
     * commands' output is in 'out'. */
    void (*txn_done)(struct ovsdb_idl *, struct ovsdb_idl_txn *txn,
                     enum ovsdb_idl_txn_status, struct ds *out);
};

/* The first 'val' that program-specific options may use. */
#define OVN_CTL_OPT_PROGRAM 1000

/* Runs the program: parses the options in argv[1...argc - 1], then runs the
 * commands that follow them (or becomes a daemon with --detach, or hands
 * the invocation to a daemon).  'orig_argv' is the command line as given,
 * for logging.  Returns EXIT_SUCCESS; failures exit through ctl_fatal(). */
int ovn_ctl_main(const struct ovn_ctl_program *, int argc, char *argv[],
                 char *orig_argv[]);

/* Prints the end of the help text that the programs share (table
 * formatting, daemon mode, logging and other options) and exits. */
OVS_NO_RETURN void ovn_ctl_usage_tail(void);

/* The exit handler to pass to ctl_init(): aborts the transaction in
 * progress and frees the IDL, then exits with 'status'. */
OVS_NO_RETURN void ovn_ctl_exit(int status);

#endif /* lib/ovn-ctl-main.h */
