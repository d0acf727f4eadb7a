/* ovn-northd: translates the OVN northbound database into the southbound
 * database.  This file holds the daemon: options, the database connections
 * and lock, the main loop and the runtime management commands. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command-line.h"
#include "daemon.h"
#include "fatal-signal.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "stream-ssl.h"
#include "stream.h"
#include "timeval.h"
#include "unixctl.h"
#include "util.h"
#include "lib/ovn-dirs.h"
#include "lib/ovn-nb-idl.h"
#include "lib/ovn-sb-idl.h"
#include "northd/northd.h"

VLOG_DEFINE_THIS_MODULE(ovn_northd);

/* The OVN release whose behaviour this northd reproduces. */
#define ND_VERSION "23.03.1"

/* Name of the southbound lock that makes exactly one northd active. */
#define ND_LOCK_NAME "ovn_northd"

/* Runtime state shared with the unixctl handlers. */
struct nd_daemon {
    bool exiting;               /* "exit" received. */
    bool paused;                /* "pause" received, no "resume" since. */
    bool force_full;            /* Next run must be a full recompute. */
    struct ovsdb_idl_loop nb;   /* Northbound connection. */
    struct ovsdb_idl_loop sb;   /* Southbound connection. */
    struct northd nd;           /* The model. */
    long long int last_run_usec;        /* Duration of the last run. */
    bool last_run_full;         /* Was the last run a full recompute? */
    long long int max_run_usec; /* Longest run since "clear-stats". */
};

static char *nb_remote;
static char *sb_remote;
static char *unixctl_path;
static bool start_paused;

OVS_NO_RETURN static void usage(void);

/* Parses the command line. */
static void
parse_options(int argc, char *argv[])
{
    enum {
        OPT_DRY_RUN = UCHAR_MAX + 1,
        OPT_UNIXCTL,
        OPT_N_THREADS,
        OPT_DDLOG_RECORD,
        DAEMON_OPTION_ENUMS,
        VLOG_OPTION_ENUMS,
        SSL_OPTION_ENUMS,
    };
    static const struct option long_options[] = {
        {"ovnnb-db", required_argument, NULL, 'd'},
        {"ovnsb-db", required_argument, NULL, 's'},
        {"unixctl", required_argument, NULL, OPT_UNIXCTL},
        {"dry-run", no_argument, NULL, OPT_DRY_RUN},
        {"n-threads", required_argument, NULL, OPT_N_THREADS},
        {"ddlog-record", required_argument, NULL, OPT_DDLOG_RECORD},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        DAEMON_LONG_OPTIONS,
        VLOG_LONG_OPTIONS,
        STREAM_SSL_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    char *short_options = ovs_cmdl_long_options_to_short_options(long_options);

    for (;;) {
        int c = getopt_long(argc, argv, short_options, long_options, NULL);
        if (c == -1) {
            break;
        }
        switch (c) {
        DAEMON_OPTION_HANDLERS;
        VLOG_OPTION_HANDLERS;
        STREAM_SSL_OPTION_HANDLERS;

        case 'd':
            free(nb_remote);
            nb_remote = xstrdup(optarg);
            break;

        case 's':
            free(sb_remote);
            sb_remote = xstrdup(optarg);
            break;

        case OPT_UNIXCTL:
            free(unixctl_path);
            unixctl_path = xstrdup(optarg);
            break;

        case OPT_DRY_RUN:
            start_paused = true;
            break;

        case OPT_N_THREADS:
        case OPT_DDLOG_RECORD:
            /* Accepted for compatibility; northd runs single-threaded. */
            break;

        case 'h':
            usage();

        case 'V':
            printf("%s %s\nOpen vSwitch Library %s\n", program_name,
                   ND_VERSION, VERSION);
            exit(EXIT_SUCCESS);

        case '?':
            exit(EXIT_FAILURE);

        default:
            abort();
        }
    }
    free(short_options);

    if (optind < argc) {
        ovs_fatal(0, "non-option argument \"%s\"", argv[optind]);
    }
    if (!nb_remote) {
        nb_remote = xstrdup(ovn_default_nb_db());
    }
    if (!sb_remote) {
        sb_remote = xstrdup(ovn_default_sb_db());
    }
}

static void
usage(void)
{
    printf("%s: OVN northbound management daemon\n"
           "usage: %s [OPTIONS]\n"
           "\n"
           "Options:\n"
           "  --ovnnb-db=DATABASE       connect to ovn-nb database at DATABASE\n"
           "                            (default: %s)\n"
           "  --ovnsb-db=DATABASE       connect to ovn-sb database at DATABASE\n"
           "                            (default: %s)\n"
           "  --dry-run                 start in paused state\n"
           "  --unixctl=SOCKET          override default control socket name\n"
           "  -h, --help                display this help message\n"
           "  -V, --version             display version information\n",
           program_name, program_name, ovn_default_nb_db(),
           ovn_default_sb_db());
    daemon_usage();
    vlog_usage();
    stream_usage("database", true, true, false);
    exit(EXIT_SUCCESS);
}

static void
cmd_exit(struct unixctl_conn *conn, int argc OVS_UNUSED,
         const char *argv[] OVS_UNUSED, void *d_)
{
    struct nd_daemon *d = d_;
    d->exiting = true;
    unixctl_command_reply(conn, NULL);
}

static void
cmd_pause(struct unixctl_conn *conn, int argc OVS_UNUSED,
          const char *argv[] OVS_UNUSED, void *d_)
{
    struct nd_daemon *d = d_;
    d->paused = true;
    ovsdb_idl_set_lock(d->sb.idl, NULL);
    unixctl_command_reply(conn, NULL);
}

static void
cmd_resume(struct unixctl_conn *conn, int argc OVS_UNUSED,
           const char *argv[] OVS_UNUSED, void *d_)
{
    struct nd_daemon *d = d_;
    if (d->paused) {
        d->paused = false;
        d->force_full = true;
        ovsdb_idl_set_lock(d->sb.idl, ND_LOCK_NAME);
    }
    poll_immediate_wake();
    unixctl_command_reply(conn, NULL);
}

static void
cmd_is_paused(struct unixctl_conn *conn, int argc OVS_UNUSED,
              const char *argv[] OVS_UNUSED, void *d_)
{
    struct nd_daemon *d = d_;
    unixctl_command_reply(conn, d->paused ? "true" : "false");
}

static void
cmd_status(struct unixctl_conn *conn, int argc OVS_UNUSED,
           const char *argv[] OVS_UNUSED, void *d_)
{
    struct nd_daemon *d = d_;
    const char *status = (d->paused ? "paused"
                          : ovsdb_idl_has_lock(d->sb.idl) ? "active"
                          : "standby");
    char *reply = xasprintf("Status: %s\n", status);
    unixctl_command_reply(conn, reply);
    free(reply);
}

static void
cmd_recompute(struct unixctl_conn *conn, int argc OVS_UNUSED,
              const char *argv[] OVS_UNUSED, void *d_)
{
    struct nd_daemon *d = d_;
    d->force_full = true;
    poll_immediate_wake();
    unixctl_command_reply(conn, NULL);
}

static void
cmd_show_stats(struct unixctl_conn *conn, int argc OVS_UNUSED,
               const char *argv[] OVS_UNUSED, void *d_)
{
    struct nd_daemon *d = d_;
    struct ds s = DS_EMPTY_INITIALIZER;
    ds_put_format(&s, "Node: northd\n- recompute: %12llu\n"
                  "- compute: %14llu\n- abort: %16d\n",
                  d->nd.n_full, d->nd.n_incr, 0);
    ds_put_format(&s, "Node: lflow\n- count: %16"PRIuSIZE"\n"
                  "- inserted: %13"PRIuSIZE"\n- deleted: %14"PRIuSIZE"\n",
                  nd_lflow_table_count(&d->nd.lflows),
                  d->nd.lflows.n_inserted, d->nd.lflows.n_deleted);
    ds_put_format(&s, "Last run: %lld us (%s)\n", d->last_run_usec,
                  d->last_run_full ? "recompute" : "incremental");
    ds_put_format(&s, "Longest run: %lld us\n", d->max_run_usec);
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
}

static void
cmd_clear_stats(struct unixctl_conn *conn, int argc OVS_UNUSED,
                const char *argv[] OVS_UNUSED, void *d_)
{
    struct nd_daemon *d = d_;
    d->nd.n_full = d->nd.n_incr = 0;
    d->nd.lflows.n_inserted = d->nd.lflows.n_deleted = 0;
    d->max_run_usec = 0;
    unixctl_command_reply(conn, NULL);
}

static void
cmd_cluster_reset(struct unixctl_conn *conn, int argc OVS_UNUSED,
                  const char *argv[] OVS_UNUSED, void *idl_)
{
    struct ovsdb_idl *idl = idl_;
    ovsdb_idl_reset_min_index(idl);
    poll_immediate_wake();
    unixctl_command_reply(conn, NULL);
}

static void
cmd_get_n_threads(struct unixctl_conn *conn, int argc OVS_UNUSED,
                  const char *argv[] OVS_UNUSED, void *d_ OVS_UNUSED)
{
    unixctl_command_reply(conn, "1");
}

static void
cmd_set_n_threads(struct unixctl_conn *conn, int argc OVS_UNUSED,
                  const char *argv[], void *d_ OVS_UNUSED)
{
    int n = atoi(argv[1]);
    if (n < 1 || n > 256) {
        unixctl_command_reply_error(conn, "invalid n_threads");
    } else {
        unixctl_command_reply(conn, NULL);
    }
}

int
main(int argc, char *argv[])
{
    set_program_name(argv[0]);
    service_start(&argc, &argv);
#ifdef __GLIBC__
    /* A from-scratch run creates and frees millions of small blocks (IDL
     * rows, JSON), interleaved with large buffers whose allocation makes
     * glibc consolidate its "fast bins" again and again: that took a third
     * of northd's CPU time at 10,000 ports.  Without fast bins (small
     * blocks still go through the per-thread cache) it does not happen. */
    mallopt(M_MXFAST, 0);
#endif
    fatal_ignore_sigpipe();
    /* The default pidfile goes to OVN's run directory ($OVN_RUNDIR), where
     * ovn-appctl looks for it, whatever $OVS_RUNDIR says. */
    setenv("OVS_RUNDIR", ovn_rundir(), 1);
    parse_options(argc, argv);

    daemonize_start(false);

    char *abs_unixctl_path = NULL;
    if (!unixctl_path) {
        abs_unixctl_path = xasprintf("%s/%s.%ld.ctl", ovn_rundir(),
                                     program_name, (long int) getpid());
    } else {
        abs_unixctl_path = xstrdup(unixctl_path);
    }
    struct unixctl_server *unixctl;
    int error = unixctl_server_create(
        !strcmp(abs_unixctl_path, "none") ? NULL : abs_unixctl_path,
        &unixctl);
    if (error) {
        exit(EXIT_FAILURE);
    }

    static struct nd_daemon d;
    d.paused = start_paused;
    d.force_full = true;

    d.nb = (struct ovsdb_idl_loop) OVSDB_IDL_LOOP_INITIALIZER(
        ovsdb_idl_create(nb_remote, &nbrec_idl_class, true, true));
    ovsdb_idl_track_add_all(d.nb.idl);
    ovsdb_idl_set_write_changed_only_all(d.nb.idl, true);

    d.sb = (struct ovsdb_idl_loop) OVSDB_IDL_LOOP_INITIALIZER(
        ovsdb_idl_create(sb_remote, &sbrec_idl_class, true, true));
    ovsdb_idl_track_add_all(d.sb.idl);
    ovsdb_idl_set_write_changed_only_all(d.sb.idl, true);
    nd_lflow_idl_init(d.sb.idl);
    if (!d.paused) {
        ovsdb_idl_set_lock(d.sb.idl, ND_LOCK_NAME);
    }

    northd_init(&d.nd, d.nb.idl, d.sb.idl);

    unixctl_command_register("exit", "", 0, 0, cmd_exit, &d);
    unixctl_command_register("pause", "", 0, 0, cmd_pause, &d);
    unixctl_command_register("resume", "", 0, 0, cmd_resume, &d);
    unixctl_command_register("is-paused", "", 0, 0, cmd_is_paused, &d);
    unixctl_command_register("status", "", 0, 0, cmd_status, &d);
    unixctl_command_register("inc-engine/recompute", "", 0, 0,
                             cmd_recompute, &d);
    unixctl_command_register("inc-engine/show-stats", "", 0, 2,
                             cmd_show_stats, &d);
    unixctl_command_register("inc-engine/clear-stats", "", 0, 0,
                             cmd_clear_stats, &d);
    unixctl_command_register("nb-cluster-state-reset", "", 0, 0,
                             cmd_cluster_reset, d.nb.idl);
    unixctl_command_register("sb-cluster-state-reset", "", 0, 0,
                             cmd_cluster_reset, d.sb.idl);
    unixctl_command_register("get-n-threads", "", 0, 0, cmd_get_n_threads,
                             &d);
    unixctl_command_register("set-n-threads", "N", 1, 1, cmd_set_n_threads,
                             &d);

    daemonize_complete();
    VLOG_INFO("OVN NB IDL connecting to %s, SB IDL to %s",
              nb_remote, sb_remote);

    bool was_active = false;
    bool nb_connected = false, sb_connected = false;
    while (!d.exiting) {
        struct ovsdb_idl_txn *nb_txn = ovsdb_idl_loop_run(&d.nb);
        struct ovsdb_idl_txn *sb_txn = ovsdb_idl_loop_run(&d.sb);

        /* A reconnection may have replaced the IDL contents wholesale. */
        bool nbc = ovsdb_idl_is_connected(d.nb.idl);
        bool sbc = ovsdb_idl_is_connected(d.sb.idl);
        if ((nbc && !nb_connected) || (sbc && !sb_connected)) {
            d.force_full = true;
        }
        nb_connected = nbc;
        sb_connected = sbc;

        bool active = !d.paused && ovsdb_idl_has_lock(d.sb.idl);
        if (active != was_active) {
            VLOG_INFO("ovn-northd lock %s; this instance is %s",
                      active ? "acquired" : "lost",
                      active ? "active" : "standby");
            was_active = active;
            d.force_full = true;
        }

        if (active && nb_txn && sb_txn && nbc && sbc) {
            long long int start = time_usec();
            unsigned long long n_full = d.nd.n_full;
            d.nd.nb_txn = nb_txn;
            d.nd.sb_txn = sb_txn;
            d.nd.lflows.txn = sb_txn;
            /* Status first: it reads SB_Global as committed, before this
             * run writes to it. */
            northd_run_status(&d.nd);
            if (d.force_full || !northd_run_incremental(&d.nd)) {
                northd_run_full(&d.nd);
                d.force_full = false;
            }
            nd_lflow_table_flush(&d.nd.lflows);
            d.nd.nb_txn = d.nd.sb_txn = d.nd.lflows.txn = NULL;
            ovsdb_idl_track_clear(d.nb.idl);
            ovsdb_idl_track_clear(d.sb.idl);
            d.last_run_usec = time_usec() - start;
            d.last_run_full = d.nd.n_full != n_full;
            d.max_run_usec = MAX(d.max_run_usec, d.last_run_usec);
        } else if (!active) {
            /* Standby: the model is rebuilt on becoming active. */
            ovsdb_idl_track_clear(d.nb.idl);
            ovsdb_idl_track_clear(d.sb.idl);
        }

        unixctl_server_run(unixctl);
        unixctl_server_wait(unixctl);
        int nb_rc = ovsdb_idl_loop_commit_and_wait(&d.nb);
        int sb_rc = ovsdb_idl_loop_commit_and_wait(&d.sb);
        if (!nb_rc || !sb_rc) {
            /* A failed commit leaves the model ahead of the databases. */
            d.force_full = true;
        }
        if (d.exiting) {
            poll_immediate_wake();
        }
        poll_block();
        if (should_service_stop()) {
            d.exiting = true;
        }
    }

    northd_destroy(&d.nd);
    unixctl_server_destroy(unixctl);
    ovsdb_idl_loop_destroy(&d.nb);
    ovsdb_idl_loop_destroy(&d.sb);
    service_stop();
    free(abs_unixctl_path);
    free(nb_remote);
    free(sb_remote);
    free(unixctl_path);
    return 0;
}
