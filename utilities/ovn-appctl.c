/* ovn-appctl: sends a command to a running OVN daemon over its unixctl
 * socket and prints the reply, as ovn-appctl(8) documents. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command-line.h"
#include "daemon.h"
#include "dirs.h"
#include "jsonrpc.h"
#include "lib/ovn-dirs.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/vlog.h"
#include "timeval.h"
#include "unixctl.h"
#include "util.h"

/* Prints usage and exits successfully. */
static void
usage(void)
{
    printf("%s, for querying and controlling OVN daemons\n"
           "usage: %s [TARGET] COMMAND [ARG...]\n"
           "Targets:\n"
           "  -t, --target=TARGET  pidfile or socket to contact"
           " (default ovn-controller)\n"
           "Common commands:\n"
           "  list-commands      List commands supported by the target\n"
           "  version            Print version of the target\n"
           "  vlog/list          List current logging levels\n"
           "  vlog/set [SPEC]    Set log levels\n"
           "  vlog/reopen        Make the program reopen its log file\n"
           "Other options:\n"
           "  -T, --timeout=SECS  wait at most SECS seconds for a reply\n"
           "  -h, --help          Print this helpful information\n"
           "  -V, --version       Display ovn-appctl version information\n",
           program_name, program_name);
    exit(EXIT_SUCCESS);
}

/* Returns the unixctl socket path for 'target': a path containing '/' is
 * used as is; otherwise "<rundir>/<target>.<pid>.ctl", with the pid read
 * from "<rundir>/<target>.pid".  Exits with an error if that fails. */
static char *
target_to_socket(const char *target)
{
    if (strchr(target, '/')) {
        return xstrdup(target);
    }

    char *pidfile = xasprintf("%s/%s.pid", ovn_rundir(), target);
    pid_t pid = read_pidfile(pidfile);
    if (pid < 0) {
        ovs_fatal(-pid, "cannot read pidfile \"%s\"", pidfile);
    }
    free(pidfile);
    return xasprintf("%s/%s.%ld.ctl", ovn_rundir(), target, (long int) pid);
}

int
main(int argc, char *argv[])
{
    static const struct option long_options[] = {
        {"target", required_argument, NULL, 't'},
        {"timeout", required_argument, NULL, 'T'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    const char *target = "ovn-controller";

    set_program_name(argv[0]);
    vlog_set_levels(NULL, VLF_CONSOLE, VLL_WARN);
    for (;;) {
        int c = getopt_long(argc, argv, "+t:T:hV", long_options, NULL);
        if (c == -1) {
            break;
        }
        switch (c) {
        case 't':
            target = optarg;
            break;
        case 'T':
            time_alarm(atoi(optarg));
            break;
        case 'h':
            usage();
            break;
        case 'V':
            printf("%s (OVN-NG) %s\n", program_name, OVN_PACKAGE_VERSION);
            return EXIT_SUCCESS;
        default:
            exit(EXIT_FAILURE);
        }
    }
    if (optind >= argc) {
        ovs_fatal(0, "at least one non-option argument is required "
                  "(use --help for help)");
    }

    char *socket_name = target_to_socket(target);
    struct jsonrpc *client;
    int error = unixctl_client_create(socket_name, &client);
    if (error) {
        ovs_fatal(error, "cannot connect to \"%s\"", socket_name);
    }

    char *cmd_result, *cmd_error;
    error = unixctl_client_transact(client, argv[optind], argc - optind - 1,
                                    &argv[optind + 1], &cmd_result,
                                    &cmd_error);
    if (error) {
        ovs_fatal(error, "%s: transaction error", socket_name);
    }
    jsonrpc_close(client);
    free(socket_name);

    int status = EXIT_SUCCESS;
    if (cmd_error) {
        fputs(cmd_error, stderr);
        ovs_error(0, "%s: server returned an error", target);
        status = 2;
    } else if (cmd_result) {
        fputs(cmd_result, stdout);
    }
    free(cmd_result);
    free(cmd_error);
    return status;
}
