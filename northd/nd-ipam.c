/* ovn-northd IPAM: dynamic MAC, IPv4 and IPv6 addresses for logical switch
 * ports whose "addresses" say "dynamic", "MAC dynamic" or "dynamic IP".
 *
 * Each switch with other_config:subnet (and/or ipv6_prefix, mac_only) has a
 * pool of IPv4 addresses: a bitmap of the addresses in use (the network's
 * first address, excluded ones, static addresses of ports, dynamic ones) and
 * the owners of the dynamic ones, so that a static address that later takes
 * an address away makes its dynamic owner move.  MACs come from one global
 * pool under NB_Global options:mac_prefix.  An existing dynamic_addresses
 * value is kept while it stays valid, so allocations are stable across
 * restarts and recomputes. */
#include <config.h>
#include "northd/northd.h"

#include <arpa/inet.h>
#include <string.h>

#include "bitmap.h"
#include "hash.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/vlog.h"
#include "packets.h"
#include "smap.h"
#include "util.h"
#include "lib/ovn-nb-idl.h"

VLOG_DEFINE_THIS_MODULE(nd_ipam);

/* Largest IPv4 pool: a /8. */
#define ND_IPAM_MAX_BITS 24
/* MAC suffixes are 1...ND_MAC_MAX under the prefix. */
#define ND_MAC_MAX 0xfffffe

/* The IPv4/IPv6 pool of one switch. */
struct nd_ipam {
    uint32_t net;               /* Network address, host order, 0 if none. */
    unsigned int plen;          /* Prefix length. */
    uint32_t size;              /* Number of addresses in the subnet. */
    unsigned long *used;        /* Offsets in use (including excluded). */
    unsigned long *excluded;    /* Offsets never allocated. */
    struct hmap dyn;            /* "struct ipam_owner" by offset. */
    bool mac_only;              /* other_config:mac_only. */
    bool has_v6;                /* other_config:ipv6_prefix given? */
    struct in6_addr v6_prefix;  /* IPv6 prefix. */
    char *config;               /* Configuration text, to spot changes. */
};

/* The port that holds a dynamic address. */
struct ipam_owner {
    struct hmap_node node;      /* In 'dyn'. */
    uint32_t ofs;               /* Offset in the subnet. */
    struct nd_port *port;       /* Owner. */
};

/* A MAC in use under the prefix. */
struct nd_mac {
    struct hmap_node node;      /* In northd 'mac_pool'. */
    uint64_t mac;               /* The address. */
    int refs;                   /* Number of holders. */
};

void
nd_ipam_global_init(struct northd *nd)
{
    hmap_init(&nd->mac_pool);
    hmapx_init(&nd->ipam_displaced);
    nd->mac_hint = 0;
}

void
nd_ipam_global_destroy(struct northd *nd)
{
    struct nd_mac *m;
    HMAP_FOR_EACH_POP (m, node, &nd->mac_pool) {
        free(m);
    }
    hmap_destroy(&nd->mac_pool);
    hmapx_destroy(&nd->ipam_displaced);
}

/* MAC pool. */

static struct nd_mac *
mac_find(const struct northd *nd, uint64_t mac)
{
    struct nd_mac *m;
    HMAP_FOR_EACH_WITH_HASH (m, node, hash_uint64(mac), &nd->mac_pool) {
        if (m->mac == mac) {
            return m;
        }
    }
    return NULL;
}

static void
mac_ref(struct northd *nd, uint64_t mac)
{
    struct nd_mac *m = mac_find(nd, mac);
    if (!m) {
        m = xzalloc(sizeof *m);
        m->mac = mac;
        hmap_insert(&nd->mac_pool, &m->node, hash_uint64(mac));
    }
    m->refs++;
}

static void
mac_unref(struct northd *nd, uint64_t mac)
{
    struct nd_mac *m = mac_find(nd, mac);
    if (m && !--m->refs) {
        hmap_remove(&nd->mac_pool, &m->node);
        free(m);
    }
}

/* Returns the MAC with the pool prefix and 'suffix'. */
static uint64_t
mac_with_suffix(const struct northd *nd, uint32_t suffix)
{
    return (eth_addr_to_uint64(nd->mac_prefix) & 0xffffff000000ULL) | suffix;
}

/* Allocates a MAC, preferring the one derived from IPv4 'ip4' (host order,
 * 0 if none).  Returns 0 if the pool is exhausted. */
static uint64_t
mac_alloc(struct northd *nd, uint32_t ip4)
{
    if (ip4) {
        uint32_t suffix = ((ip4 & 0xffffff) + 1) & 0xffffff;
        if (suffix && suffix <= ND_MAC_MAX
            && !mac_find(nd, mac_with_suffix(nd, suffix))) {
            return mac_with_suffix(nd, suffix);
        }
    }
    for (uint32_t i = 0; i < ND_MAC_MAX; i++) {
        uint32_t suffix = nd->mac_hint % ND_MAC_MAX + 1;
        nd->mac_hint = suffix;
        if (!mac_find(nd, mac_with_suffix(nd, suffix))) {
            return mac_with_suffix(nd, suffix);
        }
    }
    return 0;
}

/* IPv4 pools. */

static void
ipam_free(struct nd_ipam *ipam)
{
    if (ipam) {
        struct ipam_owner *o;
        HMAP_FOR_EACH_POP (o, node, &ipam->dyn) {
            free(o);
        }
        hmap_destroy(&ipam->dyn);
        bitmap_free(ipam->used);
        bitmap_free(ipam->excluded);
        free(ipam->config);
        free(ipam);
    }
}

/* Returns the offset of 'ip' (host order) in 'ipam', or UINT32_MAX. */
static uint32_t
ipam_ofs(const struct nd_ipam *ipam, uint32_t ip)
{
    if (!ipam || !ipam->size || (ip & ~(ipam->size - 1)) != ipam->net) {
        return UINT32_MAX;
    }
    return ip - ipam->net;
}

static struct ipam_owner *
ipam_owner(const struct nd_ipam *ipam, uint32_t ofs)
{
    struct ipam_owner *o;
    HMAP_FOR_EACH_WITH_HASH (o, node, hash_int(ofs, 0), &ipam->dyn) {
        if (o->ofs == ofs) {
            return o;
        }
    }
    return NULL;
}

/* Parses other_config:exclude_ips ("A", "A..B", space separated). */
static void
ipam_parse_excludes(struct nd_ipam *ipam, const char *s, const char *ls)
{
    char *copy = xstrdup(s);
    char *save = NULL;
    for (char *w = strtok_r(copy, " \t", &save); w;
         w = strtok_r(NULL, " \t", &save)) {
        ovs_be32 a, b;
        char *dots = strstr(w, "..");
        bool ok;
        if (dots) {
            *dots = '\0';
            ok = ip_parse(w, &a) && ip_parse(dots + 2, &b)
                 && ntohl(a) <= ntohl(b);
        } else {
            ok = ip_parse(w, &a);
            b = a;
        }
        if (!ok) {
            nd_log_bad("Logical_Switch", ls, "bad exclude_ips entry \"%s\"",
                       w);
            continue;
        }
        for (uint64_t ip = ntohl(a); ip <= ntohl(b); ip++) {
            uint32_t ofs = ipam_ofs(ipam, ip);
            if (ofs != UINT32_MAX) {
                bitmap_set1(ipam->excluded, ofs);
                bitmap_set1(ipam->used, ofs);
            }
        }
    }
    free(copy);
}

/* Builds the pool that 'nbs' configures, or NULL if it does no IPAM. */
static struct nd_ipam *
ipam_create(const struct nbrec_logical_switch *nbs, const char *config)
{
    const char *subnet = smap_get(&nbs->other_config, "subnet");
    const char *v6 = smap_get(&nbs->other_config, "ipv6_prefix");
    bool mac_only = smap_get_bool(&nbs->other_config, "mac_only", false);
    if (!subnet && !v6 && !mac_only) {
        return NULL;
    }

    struct nd_ipam *ipam = xzalloc(sizeof *ipam);
    hmap_init(&ipam->dyn);
    ipam->mac_only = mac_only;
    ipam->config = xstrdup(config);

    if (subnet && !mac_only) {
        ovs_be32 ip, mask;
        char *error = ip_parse_masked(subnet, &ip, &mask);
        unsigned int plen = error ? 0 : ip_count_cidr_bits(mask);
        if (error || !ip_is_cidr(mask) || plen < 32 - ND_IPAM_MAX_BITS
            || plen > 30) {
            nd_log_bad("Logical_Switch", nbs->name, "bad subnet \"%s\"",
                       subnet);
            free(error);
        } else {
            ipam->plen = plen;
            ipam->size = 1u << (32 - plen);
            ipam->net = ntohl(ip & mask);
            ipam->used = bitmap_allocate(ipam->size);
            ipam->excluded = bitmap_allocate(ipam->size);
            /* Network, first host (the router's) and broadcast. */
            bitmap_set1(ipam->used, 0);
            bitmap_set1(ipam->used, 1);
            bitmap_set1(ipam->used, ipam->size - 1);
            bitmap_set1(ipam->excluded, 0);
            bitmap_set1(ipam->excluded, 1);
            bitmap_set1(ipam->excluded, ipam->size - 1);
            const char *ex = smap_get(&nbs->other_config, "exclude_ips");
            if (ex) {
                ipam_parse_excludes(ipam, ex, nbs->name);
            }
        }
    }
    if (v6 && !mac_only) {
        struct in6_addr prefix;
        char *copy = xstrdup(v6);
        char *slash = strchr(copy, '/');
        if (slash) {
            *slash = '\0';
        }
        if (ipv6_parse(copy, &prefix)) {
            ipam->has_v6 = true;
            ipam->v6_prefix = prefix;
        } else {
            nd_log_bad("Logical_Switch", nbs->name,
                       "bad ipv6_prefix \"%s\"", v6);
        }
        free(copy);
    }
    return ipam;
}

void
nd_ipam_dp_update(struct northd *nd, struct nd_datapath *dp,
                  const struct nbrec_logical_switch *nbs)
{
    char *config = xasprintf("%s|%s|%s|%s",
        smap_get_def(&nbs->other_config, "subnet", ""),
        smap_get_def(&nbs->other_config, "exclude_ips", ""),
        smap_get_def(&nbs->other_config, "ipv6_prefix", ""),
        smap_get_def(&nbs->other_config, "mac_only", ""));
    const char *old = dp->ipam ? dp->ipam->config : "|||";
    if (!strcmp(config, old)) {
        free(config);
        return;
    }

    /* The pool changed: forget every reservation, rebuild, then let every
     * port reserve again, static addresses first. */
    struct nd_port *port;
    LIST_FOR_EACH (port, dp_node, &dp->ports) {
        nd_ipam_port_release(nd, port);
    }
    ipam_free(dp->ipam);
    dp->ipam = ipam_create(nbs, config);
    free(config);

    LIST_FOR_EACH (port, dp_node, &dp->ports) {
        const struct nbrec_logical_switch_port *nbsp
            = nbrec_logical_switch_port_get_for_uuid(nd->nb_idl,
                                                     &port->nb_uuid);
        if (nbsp && !port->dup) {
            nd_port_sync(nd, port, nbsp);
        }
    }
}

void
nd_ipam_dp_destroy(struct northd *nd OVS_UNUSED, struct nd_datapath *dp)
{
    ipam_free(dp->ipam);
    dp->ipam = NULL;
}

/* Releases the dynamic IPv4 address of 'port'. */
static void
release_dyn_ip(struct nd_port *port)
{
    struct nd_ipam *ipam = port->dp->ipam;
    uint32_t ofs = ipam_ofs(ipam, port->dyn_ip4);
    if (ofs != UINT32_MAX) {
        struct ipam_owner *o = ipam_owner(ipam, ofs);
        if (o && o->port == port) {
            hmap_remove(&ipam->dyn, &o->node);
            free(o);
            bitmap_set0(ipam->used, ofs);
        }
    }
    port->dyn_ip4 = 0;
}

/* Releases the dynamic MAC of 'port'. */
static void
release_dyn_mac(struct northd *nd, struct nd_port *port)
{
    if (!eth_addr_is_zero(port->dyn_mac)) {
        mac_unref(nd, eth_addr_to_uint64(port->dyn_mac));
        port->dyn_mac = eth_addr_zero;
    }
}

/* Releases the static reservations of 'port'. */
static void
release_static(struct northd *nd, struct nd_port *port)
{
    struct nd_ipam *ipam = port->dp->ipam;
    for (size_t i = 0; i < port->n_static_ip4; i++) {
        uint32_t ofs = ipam_ofs(ipam, port->static_ip4[i]);
        if (ofs != UINT32_MAX && !bitmap_is_set(ipam->excluded, ofs)
            && !ipam_owner(ipam, ofs)) {
            bitmap_set0(ipam->used, ofs);
        }
    }
    free(port->static_ip4);
    port->static_ip4 = NULL;
    port->n_static_ip4 = 0;
    for (size_t i = 0; i < port->n_static_macs; i++) {
        mac_unref(nd, port->static_macs[i]);
    }
    free(port->static_macs);
    port->static_macs = NULL;
    port->n_static_macs = 0;
}

void
nd_ipam_port_release(struct northd *nd, struct nd_port *port)
{
    release_static(nd, port);
    release_dyn_ip(port);
    release_dyn_mac(nd, port);
    free(port->dyn_addresses);
    port->dyn_addresses = NULL;
    hmapx_find_and_delete(&nd->ipam_displaced, port);
}

/* Reserves static IPv4 'ip' for 'port', displacing a dynamic owner. */
static void
reserve_static_ip(struct northd *nd, struct nd_port *port, uint32_t ip)
{
    struct nd_ipam *ipam = port->dp->ipam;
    uint32_t ofs = ipam_ofs(ipam, ip);
    if (ofs == UINT32_MAX) {
        return;
    }
    struct ipam_owner *o = ipam_owner(ipam, ofs);
    if (o && o->port != port) {
        struct nd_port *displaced = o->port;
        release_dyn_ip(displaced);
        hmapx_add(&nd->ipam_displaced, displaced);
    }
    bitmap_set1(ipam->used, ofs);
    port->static_ip4 = xrealloc(port->static_ip4,
                                (port->n_static_ip4 + 1)
                                * sizeof *port->static_ip4);
    port->static_ip4[port->n_static_ip4++] = ip;
}

/* Registers the static addresses of 'port' (its parsed 'addrs'). */
static void
reserve_static(struct northd *nd, struct nd_port *port,
               const struct nbrec_logical_switch_port *nbsp)
{
    uint64_t prefix = eth_addr_to_uint64(nd->mac_prefix) & 0xffffff000000ULL;
    for (size_t i = 0; i < nbsp->n_addresses; i++) {
        const char *a = nbsp->addresses[i];
        if (strstr(a, "dynamic") || !strcmp(a, "unknown")
            || !strcmp(a, "router")) {
            continue;
        }
        struct ovn_lport_addrs la;
        char *error = ovn_lport_addrs_parse(a, &la, NULL);
        if (error) {
            free(error);
            continue;
        }
        uint64_t mac = eth_addr_to_uint64(la.ea);
        if ((mac & 0xffffff000000ULL) == prefix) {
            mac_ref(nd, mac);
            port->static_macs = xrealloc(port->static_macs,
                                         (port->n_static_macs + 1)
                                         * sizeof *port->static_macs);
            port->static_macs[port->n_static_macs++] = mac;
        }
        if (port->dp->ipam && port->dp->ipam->size) {
            for (size_t j = 0; j < la.n_ipv4; j++) {
                reserve_static_ip(nd, port, ntohl(la.ipv4[j].addr));
            }
        }
        ovn_lport_addrs_destroy(&la);
    }
}

/* What the "dynamic" entry of a port asks for. */
struct dyn_request {
    bool dynamic;               /* Some "dynamic" entry exists. */
    bool has_mac;               /* "MAC dynamic": static MAC. */
    struct eth_addr mac;        /* That MAC. */
    uint32_t ip4;               /* "dynamic IP": static IPv4, host order. */
};

/* Parses the "dynamic" entry of 'nbsp', if any. */
static struct dyn_request
parse_request(const struct nbrec_logical_switch_port *nbsp)
{
    struct dyn_request req = { .dynamic = false };
    for (size_t i = 0; i < nbsp->n_addresses; i++) {
        const char *a = nbsp->addresses[i];
        if (!strcmp(a, "dynamic")) {
            req.dynamic = true;
            return req;
        }
        struct eth_addr ea;
        if (ovn_eth_addr_parse_prefix(a, &ea)
            && !strcmp(a + ETH_ADDR_STRLEN, " dynamic")) {
            req.dynamic = true;
            req.has_mac = true;
            req.mac = ea;
            return req;
        }
        ovs_be32 ip;
        if (!strncmp(a, "dynamic ", 8) && ip_parse(a + 8, &ip)) {
            req.dynamic = true;
            req.ip4 = ntohl(ip);
            return req;
        }
    }
    return req;
}

/* Parses a previous "dynamic_addresses" value for reuse. */
static void
parse_previous(const char *s, struct eth_addr *mac, uint32_t *ip4)
{
    *mac = eth_addr_zero;
    *ip4 = 0;
    if (!s) {
        return;
    }
    struct ovn_lport_addrs la;
    char *error = ovn_lport_addrs_parse(s, &la, NULL);
    if (error) {
        free(error);
        return;
    }
    *mac = la.ea;
    if (la.n_ipv4) {
        *ip4 = ntohl(la.ipv4[0].addr);
    }
    ovn_lport_addrs_destroy(&la);
}

void
nd_ipam_port_update(struct northd *nd, struct nd_port *port,
                    const struct nbrec_logical_switch_port *nbsp)
{
    struct nd_ipam *ipam = port->dp->ipam;

    /* Keep what the port holds as the preferred outcome, then release it
     * so that validation treats it like any other candidate. */
    struct eth_addr want_mac = port->dyn_mac;
    uint32_t want_ip = port->dyn_ip4;
    if (eth_addr_is_zero(want_mac)) {
        parse_previous(nbsp->dynamic_addresses, &want_mac, &want_ip);
    }
    release_static(nd, port);
    release_dyn_ip(port);
    release_dyn_mac(nd, port);
    hmapx_find_and_delete(&nd->ipam_displaced, port);

    reserve_static(nd, port, nbsp);

    struct dyn_request req = parse_request(nbsp);
    char *result = NULL;
    if (req.dynamic && ipam) {
        /* IPv4. */
        uint32_t ip4 = 0;
        if (req.ip4) {
            ip4 = req.ip4;
            if (ipam->size) {
                reserve_static_ip(nd, port, ip4);
            }
        } else if (ipam->size) {
            uint32_t ofs = ipam_ofs(ipam, want_ip);
            if (ofs == UINT32_MAX || bitmap_is_set(ipam->used, ofs)) {
                ofs = bitmap_scan(ipam->used, 0, 0, ipam->size);
                if (ofs >= ipam->size) {
                    nd_log_bad("Logical_Switch_Port", port->name,
                               "no free IPv4 address in the switch subnet");
                    ofs = UINT32_MAX;
                }
            }
            if (ofs != UINT32_MAX) {
                struct ipam_owner *o = xmalloc(sizeof *o);
                o->ofs = ofs;
                o->port = port;
                hmap_insert(&ipam->dyn, &o->node, hash_int(ofs, 0));
                bitmap_set1(ipam->used, ofs);
                ip4 = ipam->net + ofs;
                port->dyn_ip4 = ip4;
            }
        }

        /* MAC. */
        struct eth_addr mac;
        if (req.has_mac) {
            mac = req.mac;
        } else {
            uint64_t prefix = (eth_addr_to_uint64(nd->mac_prefix)
                               & 0xffffff000000ULL);
            uint64_t want = eth_addr_to_uint64(want_mac);
            uint64_t m;
            if (!eth_addr_is_zero(want_mac)
                && (want & 0xffffff000000ULL) == prefix
                && !mac_find(nd, want)) {
                m = want;
            } else {
                m = mac_alloc(nd, ip4);
            }
            eth_addr_from_uint64(m, &mac);
            if (m) {
                mac_ref(nd, m);
                port->dyn_mac = mac;
            }
        }

        struct ds s = DS_EMPTY_INITIALIZER;
        ds_put_format(&s, ETH_ADDR_FMT, ETH_ADDR_ARGS(mac));
        if (ip4) {
            ovs_be32 nip = htonl(ip4);
            ds_put_format(&s, " "IP_FMT, IP_ARGS(nip));
        }
        if (ipam->has_v6) {
            struct in6_addr v6;
            in6_generate_eui64(mac, &ipam->v6_prefix, &v6);
            char buf[INET6_ADDRSTRLEN];
            inet_ntop(AF_INET6, &v6, buf, sizeof buf);
            ds_put_format(&s, " %s", buf);
        }
        result = ds_steal_cstr(&s);
    }

    free(port->dyn_addresses);
    port->dyn_addresses = result;
    const char *cur = nbsp->dynamic_addresses;
    if (nd->nb_txn && (result ? !cur || strcmp(cur, result) : cur != NULL)) {
        nbrec_logical_switch_port_set_dynamic_addresses(nbsp, result);
    }
}

void
nd_ipam_run_displaced(struct northd *nd)
{
    while (!hmapx_is_empty(&nd->ipam_displaced)) {
        struct hmapx_node *node = CONTAINER_OF(
            hmap_first(&nd->ipam_displaced.map), struct hmapx_node, hmap_node);
        struct nd_port *port = node->data;
        hmapx_delete(&nd->ipam_displaced, node);
        const struct nbrec_logical_switch_port *nbsp
            = nbrec_logical_switch_port_get_for_uuid(nd->nb_idl,
                                                     &port->nb_uuid);
        if (nbsp) {
            nd_port_sync(nd, port, nbsp);
        }
    }
}
