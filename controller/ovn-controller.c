/* Copyright (c) 2026 The OVN-compatible project authors.
 *
 * ovn-controller: the per-hypervisor OVN agent.  It registers this chassis
 * in the southbound database, manages the integration bridge and tunnels,
 * binds logical ports to local interfaces and programs the OpenFlow tables
 * that implement the logical network (see ovn-architecture(7)). */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command-line.h"
#include "controller/binding.h"
#include "controller/chassis.h"
#include "controller/ct-zones.h"
#include "controller/encaps.h"
#include "controller/flow-table.h"
#include "controller/lb.h"
#include "controller/lflow.h"
#include "controller/ofctrl.h"
#include "controller/patch.h"
#include "controller/pinctrl.h"  /* l3: pinctrl */
#include "controller/physical.h"
#include "controller/port-sec.h"
#include "controller/sb-monitor.h"
#include "daemon.h"
#include "dirs.h"
#include "fatal-signal.h"
#include "lib/ovn-dirs.h"
#include "lib/ovn-sb-idl.h"
#include "lib/vswitch-idl.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/vconn.h"
#include "flow.h"
#include "openvswitch/ofp-port.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "openvswitch/poll-loop.h"
#include "simap.h"
#include "smap.h"
#include "sset.h"
#include "stream.h"
#include "stream-ssl.h"
#include "timeval.h"
#include "unixctl.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(ovn_controller);

/* The OVN release whose behavior this program follows. */
#define CTL_VERSION "23.03.1"

/* Everything the main loop keeps between iterations. */
struct controller {
    struct ovsdb_idl_loop ovs_loop;     /* Local Open_vSwitch database. */
    struct ovsdb_idl_loop sb_loop;      /* Southbound database. */
    char *sb_remote;                    /* Current southbound remote. */
    struct ctl_config cfg;              /* Settings from Open_vSwitch. */
    struct shash tunnels;               /* Chassis name -> ctl_tunnel. */
    struct shash patch_ports;           /* Lport -> ctl_patch_port. */
    struct binding_state bs;            /* Local bindings. */
    struct ct_zones zones;              /* Conntrack zones. */
    struct ctl_flow_table phys;         /* Physical flows. */
    struct lflow_state lflows;          /* Compiled logical flows. */
    struct sb_monitor mon;              /* Southbound monitor conditions. */
    unsigned int ovs_seqno;             /* Open_vSwitch IDL seqno seen. */
    unsigned int sb_seqno;              /* Southbound IDL seqno seen. */
    uint64_t of_seqno;                  /* OpenFlow connection seqno seen. */
    enum mf_field_id geneve_field;      /* Geneve field the flows use. */
    char *dp_sig;                       /* Local datapaths, as a string. */
    struct sset port_sigs;              /* Local ports' attachments. */
    bool force_recompute;               /* Next run recomputes fully. */
    bool put_pending;                   /* Desired flows not yet sent. */
    uint64_t desired_seq;               /* Bumped on each desired change. */
    struct simap port_seq;              /* Port -> desired_seq it appeared. */
    int64_t pending_nb_cfg;             /* nb_cfg of the latest desired. */
    uint64_t pending_nb_cfg_seq;        /* desired_seq of that nb_cfg. */
    int64_t reported_nb_cfg;            /* nb_cfg last reported. */
    uint64_t n_full_runs;               /* Full logical recomputations. */
    uint64_t n_incr_runs;               /* Incremental logical runs. */
    int nb_cfg_delay_s;                 /* debug/delay-nb-cfg-report. */
    long long int nb_cfg_ready_at;      /* When the delayed report is due. */
    long long int startup_ts;           /* Wall-clock start time (msec). */
    bool startup_ts_written;            /* Written to br-int yet? */
    bool exiting;                       /* "exit" requested. */
    bool restart;                       /* ... with --restart. */
    long long exit_deadline;            /* Give up cleaning up after this. */
    struct unixctl_conn *exit_conn;     /* Connection awaiting exit. */
};

static char *ovs_remote;                /* Local database remote. */
static char *unixctl_path;              /* --unixctl argument. */

static unixctl_cb_func ctl_unixctl_exit;
static unixctl_cb_func ctl_unixctl_recompute;
static unixctl_cb_func ctl_unixctl_connection_status;
static unixctl_cb_func ctl_unixctl_dump_local_bindings;
static unixctl_cb_func ctl_unixctl_ct_zone_list;
static unixctl_cb_func ctl_unixctl_status;
static unixctl_cb_func ctl_unixctl_group_table_list;
static unixctl_cb_func ctl_unixctl_meter_table_list;
static unixctl_cb_func ctl_unixctl_lflow_cache_flush;
static unixctl_cb_func ctl_unixctl_lflow_cache_stats;
static unixctl_cb_func ctl_unixctl_engine_stats;
static unixctl_cb_func ctl_unixctl_engine_clear;
static unixctl_cb_func ctl_unixctl_delay_nb_cfg;
static unixctl_cb_func ctl_unixctl_sb_reset;

/* Prints usage and exits. */
OVS_NO_RETURN static void
usage(void)
{
    printf("%s: OVN controller\n"
           "usage %s [OPTIONS] [OVS-DATABASE]\n"
           "where OVS-DATABASE is a socket on which the OVS OVSDB server is "
           "listening\n(default: \"unix:%s/db.sock\").\n",
           program_name, program_name, ovs_rundir());
    stream_usage("OVS-DATABASE", true, false, true);
    daemon_usage();
    vlog_usage();
    printf("\nOther options:\n"
           "  --unixctl=SOCKET        override default control socket name\n"
           "  -h, --help              display this help message\n"
           "  -V, --version           display version information\n");
    exit(EXIT_SUCCESS);
}

/* Rewrites "--pidfile" and "--log-file" without an argument so that their
 * defaults live in OVN's run and log directories. */
static char **
fix_default_paths(int argc, char *argv[])
{
    char **args = xmalloc((argc + 1) * sizeof *args);

    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--pidfile")) {
            args[i] = xasprintf("--pidfile=%s/%s.pid", ovn_rundir(),
                                program_name);
        } else if (!strcmp(argv[i], "--log-file")) {
            args[i] = xasprintf("--log-file=%s/%s.log", ovn_logdir(),
                                program_name);
        } else {
            args[i] = argv[i];
        }
    }
    args[argc] = NULL;
    return args;
}

/* Parses the command line. */
static void
parse_options(int argc, char *argv[])
{
    enum {
        OPT_PEER_CA_CERT = UCHAR_MAX + 1,
        OPT_BOOTSTRAP_CA_CERT,
        OPT_UNIXCTL,
        VLOG_OPTION_ENUMS,
        DAEMON_OPTION_ENUMS,
        SSL_OPTION_ENUMS,
    };
    static const struct option long_options[] = {
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"unixctl", required_argument, NULL, OPT_UNIXCTL},
        VLOG_LONG_OPTIONS,
        DAEMON_LONG_OPTIONS,
        STREAM_SSL_LONG_OPTIONS,
        {"peer-ca-cert", required_argument, NULL, OPT_PEER_CA_CERT},
        {"bootstrap-ca-cert", required_argument, NULL, OPT_BOOTSTRAP_CA_CERT},
        {NULL, 0, NULL, 0}
    };
    char *short_options = ovs_cmdl_long_options_to_short_options(long_options);

    for (;;) {
        int c = getopt_long(argc, argv, short_options, long_options, NULL);
        if (c == -1) {
            break;
        }
        switch (c) {
        case 'h':
            usage();
        case 'V':
            ovs_print_version(OFP15_VERSION, OFP15_VERSION);
            printf("SB DB Schema %s\n", sbrec_get_db_version());
            exit(EXIT_SUCCESS);
        case OPT_UNIXCTL:
            unixctl_path = optarg;
            break;
        VLOG_OPTION_HANDLERS
        DAEMON_OPTION_HANDLERS
        STREAM_SSL_OPTION_HANDLERS
        case OPT_PEER_CA_CERT:
            stream_ssl_set_peer_ca_cert_file(optarg);
            break;
        case OPT_BOOTSTRAP_CA_CERT:
            stream_ssl_set_ca_cert_file(optarg, true);
            break;
        case '?':
            exit(EXIT_FAILURE);
        default:
            abort();
        }
    }
    free(short_options);

    argc -= optind;
    argv += optind;
    if (argc == 0) {
        ovs_remote = xasprintf("unix:%s/db.sock", ovs_rundir());
    } else if (argc == 1) {
        ovs_remote = xstrdup(argv[0]);
    } else {
        VLOG_FATAL("exactly zero or one non-option argument required; "
                   "use --help for usage");
    }
}

/* Returns the first Open_vSwitch row, or NULL. */
static const struct ovsrec_open_vswitch *
get_ovs_row(struct ovsdb_idl *ovs)
{
    return ovsrec_open_vswitch_first(ovs);
}

/* Returns true if something changed in the southbound database that every
 * logical flow may depend on (the others are processed incrementally). */
static bool
sb_deps_changed(struct ovsdb_idl *sb)
{
    return (sbrec_datapath_binding_track_get_first(sb)
            || sbrec_logical_dp_group_track_get_first(sb));
}

/* Returns a string naming the local datapaths; a change means every
 * logical flow must be reconsidered. */
static char *
datapath_signature(const struct binding_state *bs)
{
    struct sset dps = SSET_INITIALIZER(&dps);
    struct local_datapath *ld;
    struct ds s = DS_EMPTY_INITIALIZER;

    HMAP_FOR_EACH (ld, node, &bs->datapaths) {
        sset_add_and_free(&dps, xasprintf("%"PRIu32, ld->key));
    }
    const char **sorted = sset_sort(&dps);
    for (size_t i = 0; i < sset_count(&dps); i++) {
        ds_put_format(&s, "%s,", sorted[i]);
    }
    free(sorted);
    sset_destroy(&dps);
    return ds_steal_cstr(&s);
}

/* Fills 'sigs' with one string per local or claimed port, describing how
 * it is attached. */
static void
port_signatures(const struct binding_state *bs, struct sset *sigs)
{
    struct shash_node *n;
    const char *name;

    sset_clear(sigs);
    SHASH_FOR_EACH (n, &bs->ports) {
        const struct local_port *lp = n->data;
        sset_add_and_free(sigs, xasprintf("%s|%d|%d|%d", n->name,
                                          ofp_to_u16(lp->ofport), lp->tag,
                                          lp->kind));
    }
    SSET_FOR_EACH (name, &bs->claimed) {
        sset_add_and_free(sigs, xasprintf("%s|claimed", name));
    }
}

/* Adds to 'changed' the names of ports whose signature is in only one of
 * 'a' and 'b'. */
static void
port_signature_diff(const struct sset *a, const struct sset *b,
                    struct sset *changed)
{
    const char *sig;

    for (int pass = 0; pass < 2; pass++) {
        SSET_FOR_EACH (sig, pass ? b : a) {
            if (!sset_contains(pass ? a : b, sig)) {
                sset_add_and_free(changed,
                                  xmemdup0(sig, strcspn(sig, "|")));
            }
        }
    }
}

/* Returns true if the integration bridge is usable for flows. */
static bool
br_int_ready(const struct ovsrec_bridge *br_int)
{
    return br_int != NULL;
}

/* Removes this chassis from the southbound database (final exit).  Returns
 * true when there is nothing left to clean up. */
static bool
ctl_cleanup(struct controller *c, struct ovsdb_idl_txn *sb_txn)
{
    struct ovsdb_idl *sb = c->sb_loop.idl;

    if (!c->cfg.chassis_id || !ovsdb_idl_is_connected(sb)) {
        return true;
    }
    const struct sbrec_chassis *ch = chassis_lookup(sb, c->cfg.chassis_id);
    const struct sbrec_chassis_private *cp
        = chassis_private_lookup(sb, c->cfg.chassis_id);
    if (!ch && !cp) {
        return true;
    }
    if (sb_txn) {
        binding_release_all(sb_txn, sb, ch);
        chassis_cleanup(sb_txn, sb, c->cfg.chassis_id);
    }
    return false;
}

/* Runs one iteration of the main loop's processing. */
static void
ctl_run(struct controller *c)
{
    struct ovsdb_idl *ovs = c->ovs_loop.idl;
    struct ovsdb_idl *sb = c->sb_loop.idl;
    struct ovsdb_idl_txn *ovs_txn = ovsdb_idl_loop_run(&c->ovs_loop);
    struct ovsdb_idl_txn *sb_txn = ovsdb_idl_loop_run(&c->sb_loop);
    const struct ovsrec_open_vswitch *ovs_row = get_ovs_row(ovs);

    ctl_config_read(&c->cfg, ovs_row);

    /* Southbound connection. */
    if (c->cfg.sb_remote
        && (!c->sb_remote || strcmp(c->sb_remote, c->cfg.sb_remote))) {
        free(c->sb_remote);
        c->sb_remote = xstrdup(c->cfg.sb_remote);
        VLOG_INFO("connecting to southbound database %s", c->sb_remote);
        ovsdb_idl_set_remote(sb, c->sb_remote, true);
    }
    ovsdb_idl_set_probe_interval(sb, c->cfg.remote_probe_ms);

    const struct ovsrec_bridge *br_int
        = encaps_ensure_br_int(ovs_txn, ovs, ovs_row, &c->cfg);
    if (br_int && ovs_txn && !c->startup_ts_written) {
        char ts[32];
        snprintf(ts, sizeof ts, "%lld", c->startup_ts);
        ovsrec_bridge_update_external_ids_setkey(br_int, "ovn-startup-ts",
                                                 ts);
        c->startup_ts_written = true;
    }
    free(c->cfg.datapath_type);
    c->cfg.datapath_type = xstrdup(br_int && br_int->datapath_type
                                   ? br_int->datapath_type : "");

    if (c->exiting && !c->restart) {
        if (ctl_cleanup(c, sb_txn) || time_msec() > c->exit_deadline) {
            c->restart = true;      /* Done: leave the loop. */
        }
        return;
    }

    bool sb_ready = ovsdb_idl_has_ever_connected(sb)
                    && ovsdb_idl_is_connected(sb);
    unsigned int ovs_seqno = ovsdb_idl_get_seqno(ovs);
    unsigned int sb_seqno = ovsdb_idl_get_seqno(sb);
    bool changed = (ovs_seqno != c->ovs_seqno || sb_seqno != c->sb_seqno
                    || c->force_recompute
                    || c->of_seqno != ofctrl_conn_seqno()
                    || c->geneve_field != ofctrl_geneve_field());
    const struct sbrec_chassis *self = NULL;

    if (sb_ready) {
        self = chassis_run(sb_txn, sb, &c->cfg);
    }
    if (changed && sb_ready) {
        long long int t0 = time_msec();
        bool full = c->force_recompute || sb_deps_changed(sb)
                    || c->geneve_field != ofctrl_geneve_field();
        c->ovs_seqno = ovs_seqno;
        c->sb_seqno = sb_seqno;
        c->of_seqno = ofctrl_conn_seqno();
        c->geneve_field = ofctrl_geneve_field();

        encaps_run(ovs_txn, br_int, sb, self, &c->cfg, &c->tunnels);
        binding_run(sb_txn, sb, br_int, self, &c->cfg, &c->bs);
        patch_run(ovs_txn, ovs, br_int, sb, self, &c->cfg, &c->bs,
                  &c->patch_ports);
        binding_add_patch_ports(&c->bs, &c->patch_ports);
        sb_monitor_update(&c->mon, sb, c->cfg.monitor_all, c->cfg.chassis_id,
                          self, &c->bs);
        ct_zones_run(&c->zones, ovs_txn, br_int, &c->bs,
                     sb_monitor_settled(&c->mon, sb));

        char *sig = datapath_signature(&c->bs);
        if (!c->dp_sig || strcmp(sig, c->dp_sig)) {
            full = true;
        }
        free(c->dp_sig);
        c->dp_sig = sig;
        struct sset port_sigs = SSET_INITIALIZER(&port_sigs);
        struct sset changed_ports = SSET_INITIALIZER(&changed_ports);
        port_signatures(&c->bs, &port_sigs);
        port_signature_diff(&c->port_sigs, &port_sigs, &changed_ports);
        sset_swap(&c->port_sigs, &port_sigs);
        sset_destroy(&port_sigs);

        struct physical_ctx pctx = {
            .sb = sb,
            .self = self,
            .bs = &c->bs,
            .zones = &c->zones,
            .tunnels = &c->tunnels,
            .geneve_field = c->geneve_field,
        };
        struct ctl_flow_table phys;
        ctl_flow_table_init(&phys);
        physical_run(&pctx, &phys);
        port_sec_run(&c->bs, &phys);
        lb_hairpin_run(sb, &c->bs, &phys);
        if (!ctl_flow_table_equal(&phys, &c->phys)) {
            /* Swap in the new flows; their generation tells ofctrl. */
            phys.gen = c->phys.gen + 1;
            ctl_flow_table_destroy(&c->phys);
            c->phys = phys;
            hmap_moved(&c->phys.flows);
        } else {
            ctl_flow_table_destroy(&phys);
        }

        long long int t1 = time_msec();
        struct lflow_ctx lctx = { .sb = sb, .self = self, .bs = &c->bs };
        size_t n_recompiled = 0;
        if (full) {
            lflow_run_full(&c->lflows, &lctx);
            c->n_full_runs++;
        } else {
            c->n_incr_runs++;
            n_recompiled = lflow_run_incremental(&c->lflows, &lctx,
                                                 &changed_ports);
        }
        VLOG_DBG("%s run: physical %lld ms, logical %lld ms (%"PRIuSIZE
                 " recompiled)", full ? "full" : "incremental", t1 - t0,
                 time_msec() - t1, n_recompiled);
        sset_destroy(&changed_ports);
        c->force_recompute = false;
        c->desired_seq++;
        c->put_pending = true;

        /* Remember when each local port first appeared in the desired
         * flows, to report it installed once the switch confirms. */
        struct shash_node *n;
        SHASH_FOR_EACH (n, &c->bs.ports) {
            if (!simap_contains(&c->port_seq, n->name)) {
                simap_put(&c->port_seq, n->name, c->desired_seq);
            }
        }
        struct simap_node *sn;
        SIMAP_FOR_EACH_SAFE (sn, &c->port_seq) {
            if (!shash_find(&c->bs.ports, sn->name)) {
                simap_delete(&c->port_seq, sn);
            }
        }
        const struct sbrec_sb_global *g = sbrec_sb_global_first(sb);
        int64_t nb_cfg = g ? g->nb_cfg : 0;
        if (nb_cfg != c->pending_nb_cfg) {
            c->pending_nb_cfg = nb_cfg;
            c->pending_nb_cfg_seq = c->desired_seq;
        }
    } else if (!sb_ready && !c->mon.sig) {
        /* Before the first connection: ask only for what the local
         * interfaces need (refined once the rows arrive). */
        binding_run(NULL, sb, br_int, NULL, &c->cfg, &c->bs);
        sb_monitor_update(&c->mon, sb, c->cfg.monitor_all, c->cfg.chassis_id,
                          NULL, &c->bs);
    }

    if (br_int_ready(br_int)) {
        ofctrl_run(br_int->name, c->cfg.of_probe_s);
        pinctrl_run(br_int->name, sb, sb_txn);  /* l3: pinctrl */
        if (ofctrl_needs_full() && c->desired_seq) {
            c->put_pending = true;      /* E.g. after a rejected bundle. */
        }
        if (c->put_pending && sb_ready && self && ofctrl_can_put()
            && sb_monitor_settled(&c->mon, sb)) {
            struct ctl_flow_table *tables[] = {
                &c->phys, &c->lflows.flows, &c->lflows.mac_flows,
            };
            long long int t0 = time_msec();
            ofctrl_put(tables, ARRAY_SIZE(tables), &c->lflows.groups,
                       &c->lflows.meters, c->desired_seq);
            c->put_pending = false;
            VLOG_DBG("flow update computed and sent in %lld ms",
                     time_msec() - t0);
        }
    }

    /* Report what the switch confirmed. */
    uint64_t inst = ofctrl_installed_seq();
    if (sb_ready && self) {
        struct sset installed = SSET_INITIALIZER(&installed);
        struct simap_node *sn;
        SIMAP_FOR_EACH (sn, &c->port_seq) {
            if (sn->data <= inst) {
                sset_add(&installed, sn->name);
            }
        }
        binding_set_installed(ovs_txn, sb_txn, br_int, &c->bs, &installed);
        sset_destroy(&installed);

        bool due = true;
        if (c->nb_cfg_delay_s && c->reported_nb_cfg != c->pending_nb_cfg) {
            if (!c->nb_cfg_ready_at) {
                c->nb_cfg_ready_at = time_msec() + c->nb_cfg_delay_s * 1000;
            }
            due = time_msec() >= c->nb_cfg_ready_at;
            if (!due) {
                poll_timer_wait_until(c->nb_cfg_ready_at);
            }
        }
        if (due && inst >= c->pending_nb_cfg_seq && c->pending_nb_cfg_seq
            && c->reported_nb_cfg != c->pending_nb_cfg && sb_txn) {
            c->nb_cfg_ready_at = 0;
            long long now = time_wall_msec();
            chassis_report_nb_cfg(sb_txn, sb, &c->cfg, c->pending_nb_cfg,
                                  now);
            if (br_int && ovs_txn) {
                char buf[32];
                snprintf(buf, sizeof buf, "%"PRId64, c->pending_nb_cfg);
                ovsrec_bridge_update_external_ids_setkey(br_int,
                                                         "ovn-nb-cfg", buf);
                snprintf(buf, sizeof buf, "%lld", now);
                ovsrec_bridge_update_external_ids_setkey(br_int,
                                                         "ovn-nb-cfg-ts",
                                                         buf);
            }
            c->reported_nb_cfg = c->pending_nb_cfg;
        }
    }
}

/* The program. */
int
main(int argc, char *argv[])
{
    struct unixctl_server *unixctl;
    struct controller c;
    int retval;

    ovs_set_program_name(argv[0], CTL_VERSION);
    service_start(&argc, &argv);
    char **args = fix_default_paths(argc, argv);
    parse_options(argc, args);
    fatal_ignore_sigpipe();

    daemonize_start(true);

    char *abs_unixctl_path = unixctl_path
        ? xstrdup(unixctl_path)
        : xasprintf("%s/%s.%ld.ctl", ovn_rundir(), program_name,
                    (long int) getpid());
    retval = unixctl_server_create(abs_unixctl_path, &unixctl);
    if (retval) {
        exit(EXIT_FAILURE);
    }
    free(abs_unixctl_path);

    memset(&c, 0, sizeof c);
    unixctl_command_register("exit", "[--restart]", 0, 1,
                             ctl_unixctl_exit, &c);
    unixctl_command_register("recompute", "", 0, 0,
                             ctl_unixctl_recompute, &c);
    unixctl_command_register("connection-status", "", 0, 0,
                             ctl_unixctl_connection_status, &c);
    unixctl_command_register("debug/dump-local-bindings", "", 0, 0,
                             ctl_unixctl_dump_local_bindings, &c);
    unixctl_command_register("ct-zone-list", "", 0, 0,
                             ctl_unixctl_ct_zone_list, &c);
    unixctl_command_register("debug/status", "", 0, 0, ctl_unixctl_status,
                             &c);
    unixctl_command_register("group-table-list", "", 0, 0,
                             ctl_unixctl_group_table_list, &c);
    unixctl_command_register("meter-table-list", "", 0, 0,
                             ctl_unixctl_meter_table_list, &c);
    unixctl_command_register("lflow-cache/flush", "", 0, 0,
                             ctl_unixctl_lflow_cache_flush, &c);
    unixctl_command_register("lflow-cache/show-stats", "", 0, 0,
                             ctl_unixctl_lflow_cache_stats, &c);
    unixctl_command_register("inc-engine/show-stats", "", 0, 2,
                             ctl_unixctl_engine_stats, &c);
    unixctl_command_register("inc-engine/clear-stats", "", 0, 0,
                             ctl_unixctl_engine_clear, &c);
    unixctl_command_register("debug/delay-nb-cfg-report", "SECONDS", 1, 1,
                             ctl_unixctl_delay_nb_cfg, &c);
    unixctl_command_register("sb-cluster-state-reset", "", 0, 0,
                             ctl_unixctl_sb_reset, &c);

    daemonize_complete();

    struct ovsdb_idl *ovs = ovsdb_idl_create(ovs_remote, &ovsrec_idl_class,
                                             true, true);
    struct ovsdb_idl *sb = ovsdb_idl_create_unconnected(&sbrec_idl_class,
                                                        true);
    ovsdb_idl_track_add_all(sb);
    c.ovs_loop = (struct ovsdb_idl_loop) OVSDB_IDL_LOOP_INITIALIZER(ovs);
    c.sb_loop = (struct ovsdb_idl_loop) OVSDB_IDL_LOOP_INITIALIZER(sb);
    ctl_config_init(&c.cfg);
    shash_init(&c.tunnels);
    shash_init(&c.patch_ports);
    binding_state_init(&c.bs);
    ct_zones_init(&c.zones);
    ctl_flow_table_init(&c.phys);
    lflow_state_init(&c.lflows);
    simap_init(&c.port_seq);
    sb_monitor_init(&c.mon);
    sset_init(&c.port_sigs);
    c.force_recompute = true;
    c.startup_ts = time_wall_msec();
    c.geneve_field = ofctrl_geneve_field();
    ofctrl_init();
    pinctrl_init();             /* l3: pinctrl */

    while (!c.exiting || !c.restart) {
        ctl_run(&c);

        unixctl_server_run(unixctl);
        ovsdb_idl_track_clear(sb);
        ovsdb_idl_loop_commit_and_wait(&c.ovs_loop);
        ovsdb_idl_loop_commit_and_wait(&c.sb_loop);
        if (c.exiting && c.restart) {
            break;
        }
        ofctrl_wait();
        pinctrl_wait();         /* l3: pinctrl */
        unixctl_server_wait(unixctl);
        if (c.exiting) {
            poll_timer_wait_until(c.exit_deadline);
        }
        poll_block();
        if (should_service_stop()) {
            c.exiting = c.restart = true;
        }
    }

    if (c.exit_conn) {
        unixctl_command_reply(c.exit_conn, NULL);
    }
    unixctl_server_destroy(unixctl);
    ofctrl_destroy();
    pinctrl_destroy();          /* l3: pinctrl */
    lflow_state_destroy(&c.lflows);
    sb_monitor_destroy(&c.mon);
    ctl_flow_table_destroy(&c.phys);
    ct_zones_destroy(&c.zones);
    binding_state_destroy(&c.bs);
    encaps_tunnels_clear(&c.tunnels);
    shash_destroy(&c.tunnels);
    shash_destroy_free_data(&c.patch_ports);
    simap_destroy(&c.port_seq);
    ctl_config_destroy(&c.cfg);
    ovsdb_idl_loop_destroy(&c.ovs_loop);
    ovsdb_idl_loop_destroy(&c.sb_loop);
    free(c.sb_remote);
    free(c.dp_sig);
    sset_destroy(&c.port_sigs);
    free(ovs_remote);
    for (int i = 0; i < argc; i++) {
        if (args[i] != argv[i]) {
            free(args[i]);
        }
    }
    free(args);
    service_stop();
    return 0;
}

/* "exit [--restart]": with --restart, leaves the chassis and its bindings
 * in place for the next instance; otherwise removes them first. */
static void
ctl_unixctl_exit(struct unixctl_conn *conn, int argc, const char *argv[],
                 void *c_)
{
    struct controller *c = c_;

    if (argc == 2 && strcmp(argv[1], "--restart")) {
        unixctl_command_reply_error(conn, "unknown option");
        return;
    }
    c->exiting = true;
    c->restart = argc == 2;
    c->exit_deadline = time_msec() + 5000;
    if (c->exit_conn) {
        unixctl_command_reply(conn, NULL);
    } else {
        c->exit_conn = conn;
    }
}

/* "recompute": forces a full recomputation. */
static void
ctl_unixctl_recompute(struct unixctl_conn *conn, int argc OVS_UNUSED,
                      const char *argv[] OVS_UNUSED, void *c_)
{
    struct controller *c = c_;

    c->force_recompute = true;
    poll_immediate_wake();
    unixctl_command_reply(conn, NULL);
}

/* "connection-status": southbound connection state. */
static void
ctl_unixctl_connection_status(struct unixctl_conn *conn,
                              int argc OVS_UNUSED,
                              const char *argv[] OVS_UNUSED, void *c_)
{
    struct controller *c = c_;

    unixctl_command_reply(conn, ovsdb_idl_is_connected(c->sb_loop.idl)
                                ? "connected" : "not connected");
}

/* "debug/dump-local-bindings". */
static void
ctl_unixctl_dump_local_bindings(struct unixctl_conn *conn,
                                int argc OVS_UNUSED,
                                const char *argv[] OVS_UNUSED, void *c_)
{
    struct controller *c = c_;
    struct ds s = DS_EMPTY_INITIALIZER;

    binding_dump(&c->bs, &s);
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
}

/* "ct-zone-list". */
static void
ctl_unixctl_ct_zone_list(struct unixctl_conn *conn, int argc OVS_UNUSED,
                         const char *argv[] OVS_UNUSED, void *c_)
{
    struct controller *c = c_;
    struct ds s = DS_EMPTY_INITIALIZER;

    ct_zones_dump(&c->zones, &s);
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
}

/* "debug/status": counters useful to tests and benchmarks. */
static void
ctl_unixctl_status(struct unixctl_conn *conn, int argc OVS_UNUSED,
                   const char *argv[] OVS_UNUSED, void *c_)
{
    struct controller *c = c_;
    char *s = xasprintf("openflow: %s\n"
                        "desired-seq: %"PRIu64"\n"
                        "installed-seq: %"PRIu64"\n"
                        "physical-flows: %"PRIuSIZE"\n"
                        "logical-flows-openflow: %"PRIuSIZE"\n"
                        "lflow-errors: %"PRIu64"\n"
                        "installed-flows: %"PRIuSIZE"\n"
                        "local-datapaths: %"PRIuSIZE"\n",
                        ofctrl_connection_status(), c->desired_seq,
                        ofctrl_installed_seq(),
                        ctl_flow_table_count(&c->phys),
                        lflow_count(&c->lflows), c->lflows.n_errors,
                        ofctrl_installed_count(),
                        hmap_count(&c->bs.datapaths));
    unixctl_command_reply(conn, s);
    free(s);
}

/* "group-table-list": the OpenFlow groups logical flows use. */
static void
ctl_unixctl_group_table_list(struct unixctl_conn *conn, int argc OVS_UNUSED,
                             const char *argv[] OVS_UNUSED, void *c_)
{
    struct controller *c = c_;
    struct ds s = DS_EMPTY_INITIALIZER;
    const struct shash_node **nodes = shash_sort(&c->lflows.group_specs);

    for (size_t i = 0; i < shash_count(&c->lflows.group_specs); i++) {
        const struct ctl_group *g = NULL;
        const struct ctl_group *x;
        HMAP_FOR_EACH (x, node, &c->lflows.groups.groups) {
            if (!strcmp(x->spec, nodes[i]->name)) {
                g = x;
                break;
            }
        }
        if (g) {
            ds_put_format(&s, "%s: %"PRIu32"\n", g->spec, g->id);
        }
    }
    free(nodes);
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
}

/* "meter-table-list": the OpenFlow meters logical flows use. */
static void
ctl_unixctl_meter_table_list(struct unixctl_conn *conn, int argc OVS_UNUSED,
                             const char *argv[] OVS_UNUSED, void *c_)
{
    struct controller *c = c_;
    struct ds s = DS_EMPTY_INITIALIZER;

    lflow_dump_meters(&c->lflows, &s);
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
}

/* "lflow-cache/flush": drops every cached compilation (full recompute). */
static void
ctl_unixctl_lflow_cache_flush(struct unixctl_conn *conn, int argc OVS_UNUSED,
                              const char *argv[] OVS_UNUSED, void *c_)
{
    struct controller *c = c_;

    c->force_recompute = true;
    poll_immediate_wake();
    unixctl_command_reply(conn, NULL);
}

/* "lflow-cache/show-stats". */
static void
ctl_unixctl_lflow_cache_stats(struct unixctl_conn *conn, int argc OVS_UNUSED,
                              const char *argv[] OVS_UNUSED, void *c_)
{
    struct controller *c = c_;
    char *s = xasprintf("Enabled: true\n"
                        "logical flows   : %"PRIuSIZE"\n"
                        "openflow flows  : %"PRIuSIZE"\n"
                        "untranslated    : %"PRIu64"\n",
                        hmap_count(&c->lflows.entries),
                        lflow_count(&c->lflows), c->lflows.n_errors);
    unixctl_command_reply(conn, s);
    free(s);
}

/* "inc-engine/show-stats [NODE [COUNTER]]": how often the logical flows
 * were recomputed fully ("recompute") or incrementally ("compute"). */
static void
ctl_unixctl_engine_stats(struct unixctl_conn *conn, int argc,
                         const char *argv[], void *c_)
{
    struct controller *c = c_;
    struct ds s = DS_EMPTY_INITIALIZER;

    if (argc < 2 || !strcmp(argv[1], "logical_flow_output")) {
        const char *counter = argc > 2 ? argv[2] : NULL;
        ds_put_cstr(&s, "Node: logical_flow_output\n");
        if (!counter || !strcmp(counter, "recompute")) {
            ds_put_format(&s, "- recompute: %12"PRIu64"\n", c->n_full_runs);
        }
        if (!counter || !strcmp(counter, "compute")) {
            ds_put_format(&s, "- compute:   %12"PRIu64"\n", c->n_incr_runs);
        }
        if (!counter || !strcmp(counter, "abort")) {
            ds_put_format(&s, "- abort:     %12d\n", 0);
        }
    }
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
}

/* "inc-engine/clear-stats". */
static void
ctl_unixctl_engine_clear(struct unixctl_conn *conn, int argc OVS_UNUSED,
                         const char *argv[] OVS_UNUSED, void *c_)
{
    struct controller *c = c_;

    c->n_full_runs = c->n_incr_runs = 0;
    unixctl_command_reply(conn, NULL);
}

/* "debug/delay-nb-cfg-report SECONDS". */
static void
ctl_unixctl_delay_nb_cfg(struct unixctl_conn *conn, int argc OVS_UNUSED,
                         const char *argv[], void *c_)
{
    struct controller *c = c_;
    int delay;

    if (!str_to_int(argv[1], 10, &delay) || delay < 0) {
        unixctl_command_reply_error(conn, "invalid delay");
        return;
    }
    c->nb_cfg_delay_s = delay;
    c->nb_cfg_ready_at = 0;
    if (delay) {
        char *s = xasprintf("delay nb_cfg report for %d seconds.", delay);
        unixctl_command_reply(conn, s);
        free(s);
    } else {
        unixctl_command_reply(conn, "no delay for nb_cfg report.");
    }
}

/* "sb-cluster-state-reset": forget the clustered database index. */
static void
ctl_unixctl_sb_reset(struct unixctl_conn *conn, int argc OVS_UNUSED,
                     const char *argv[] OVS_UNUSED, void *c_)
{
    struct controller *c = c_;

    ovsdb_idl_reset_min_index(c->sb_loop.idl);
    poll_immediate_wake();
    unixctl_command_reply(conn, NULL);
}
