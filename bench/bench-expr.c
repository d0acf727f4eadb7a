/*
 * bench-expr: throughput of compiling ACL-style matches with large address
 * sets: parse + annotate + simplify + normalize + OpenFlow matches
 * (including conjunctive matches), the work ovn-controller does for every
 * ACL logical flow.
 *
 *   bench-expr [--quick]
 *
 * For each match and address-set size, prints the time per compilation,
 * logical flows compiled per second, OpenFlow flows produced and OpenFlow
 * flows per second.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/ovn-expr.h"
#include "openvswitch/shash.h"
#include "openvswitch/util.h"
#include "sset.h"
#include "timeval.h"
#include "util.h"

/* Port lookup: every "pN" is port N. */
static bool
lookup_port(const void *aux OVS_UNUSED, const char *name, uint32_t *key)
{
    if (name[0] == 'p') {
        *key = atoi(name + 1);
        return *key > 0;
    }
    return false;
}

/* Builds address set "as" with 'n' IPv4 addresses (every 16th a /28) and
 * port group "pg" with 64 ports. */
static void
make_sets(size_t n, struct shash *addr_sets, struct shash *port_groups)
{
    struct sset *as = xmalloc(sizeof *as);
    struct sset *pg = xmalloc(sizeof *pg);
    char buf[64];

    sset_init(as);
    for (size_t i = 0; i < n; i++) {
        uint32_t a = 0x0a000000 + (uint32_t) i * 16;
        if (i % 16 == 0) {
            snprintf(buf, sizeof buf, "%u.%u.%u.%u/28", a >> 24,
                     (a >> 16) & 255, (a >> 8) & 255, a & 255);
        } else {
            snprintf(buf, sizeof buf, "%u.%u.%u.%u", a >> 24,
                     (a >> 16) & 255, (a >> 8) & 255, a & 255);
        }
        sset_add(as, buf);
    }
    sset_init(pg);
    for (int i = 1; i <= 64; i++) {
        snprintf(buf, sizeof buf, "p%d", i);
        sset_add(pg, buf);
    }
    shash_init(addr_sets);
    shash_init(port_groups);
    shash_add(addr_sets, "as", as);
    shash_add(port_groups, "pg", pg);
}

/* Frees the sets in 'map'. */
static void
free_sets(struct shash *map)
{
    struct shash_node *node;
    SHASH_FOR_EACH (node, map) {
        sset_destroy(node->data);
        free(node->data);
    }
    shash_destroy(map);
}

/* Compiles 'match' once; returns the number of OpenFlow flows, or -1. */
static long
compile_once(const char *match, const struct shash *as,
             const struct shash *pg)
{
    struct ovn_expr *e;
    char *error = ovn_expr_parse(match, as, pg, &e);
    if (!error) {
        e = ovn_expr_annotate(e, &error);
    }
    if (!error) {
        e = ovn_expr_simplify(e);
        e = ovn_expr_evaluate_conditions(e, NULL, NULL);
        e = ovn_expr_normalize(e, 1000000, &error);
    }
    long n = -1;
    if (!error) {
        struct ovs_list matches = OVS_LIST_INITIALIZER(&matches);
        error = ovn_expr_to_matches(e, lookup_port, NULL, 1, 1000000,
                                    &matches, NULL);
        if (!error) {
            n = ovs_list_size(&matches);
        }
        ovn_expr_matches_destroy(&matches);
        ovn_expr_destroy(e);
    }
    if (error) {
        fprintf(stderr, "%s: %s\n", match, error);
        free(error);
    }
    return n;
}

int
main(int argc, char *argv[])
{
    static const char *matches[] = {
        "outport == @pg && ip4 && ip4.src == $as && tcp.dst == {22, 80, 443}",
        "inport == @pg && ip4 && ip4.dst == $as",
        "outport == @pg && ip4.src == $as && 1024 <= tcp.dst <= 65535",
        "ip4.src == $as && ip4.dst == $as && udp",
    };
    static const size_t full_sizes[] = { 10, 100, 1000, 10000 };
    static const size_t quick_sizes[] = { 10, 100 };
    bool quick = argc > 1 && !strcmp(argv[1], "--quick");
    const size_t *sizes = quick ? quick_sizes : full_sizes;
    size_t n_sizes = quick ? ARRAY_SIZE(quick_sizes)
                           : ARRAY_SIZE(full_sizes);
    int status = 0;

    set_program_name(argv[0]);
    printf("%-6s %-70s %10s %10s %9s %12s\n", "#addrs", "match", "us/lflow",
           "lflows/s", "oflows", "oflows/s");
    for (size_t si = 0; si < n_sizes; si++) {
        struct shash as, pg;
        make_sets(sizes[si], &as, &pg);
        for (size_t mi = 0; mi < ARRAY_SIZE(matches); mi++) {
            long long start = time_msec();
            long long elapsed;
            long n_flows = 0;
            int iters = 0;

            /* Run for at least 200 ms (50 ms with --quick). */
            do {
                n_flows = compile_once(matches[mi], &as, &pg);
                if (n_flows < 0) {
                    status = 1;
                    break;
                }
                iters++;
                elapsed = time_msec() - start;
            } while (elapsed < (quick ? 50 : 200));
            if (n_flows < 0) {
                continue;
            }
            double us = elapsed * 1000.0 / iters;
            printf("%-6"PRIuSIZE" %-70.70s %10.1f %10.1f %9ld %12.0f\n",
                   sizes[si], matches[mi], us, 1e6 / us, n_flows,
                   n_flows * 1e6 / us);
        }
        free_sets(&as);
        free_sets(&pg);
    }
    return status;
}
