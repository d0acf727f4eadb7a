/* Parsing and formatting helpers shared by ovn-nbctl and ovn-sbctl. */

#include <config.h>

#include "lib/ovn-ctl-util.h"

#include <stdlib.h>
#include <string.h>

#include "openvswitch/dynamic-string.h"
#include "packets.h"
#include "util.h"

char *
ovn_ctl_normalize_ip(const char *s, bool *is_v6)
{
    ovs_be32 ip;
    struct in6_addr ip6;

    if (ip_parse(s, &ip)) {
        *is_v6 = false;
        return xasprintf(IP_FMT, IP_ARGS(ip));
    }
    if (ipv6_parse(s, &ip6)) {
        char buf[INET6_ADDRSTRLEN];
        *is_v6 = true;
        ipv6_string_mapped(buf, &ip6);
        return xstrdup(buf);
    }
    return NULL;
}

char *
ovn_ctl_normalize_net(const char *s, bool is_v6)
{
    unsigned int plen;
    char *error;

    if (!is_v6) {
        ovs_be32 ip;
        error = ip_parse_cidr(s, &ip, &plen);
        if (error) {
            free(error);
            return NULL;
        }
        if (plen == 32) {
            return xasprintf(IP_FMT, IP_ARGS(ip));
        }
        return xasprintf(IP_FMT"/%u", IP_ARGS(ip & be32_prefix_mask(plen)),
                         plen);
    } else {
        struct in6_addr ip6;
        error = ipv6_parse_cidr(s, &ip6, &plen);
        if (error) {
            free(error);
            return NULL;
        }
        char buf[INET6_ADDRSTRLEN];
        if (plen == 128) {
            ipv6_string_mapped(buf, &ip6);
            return xstrdup(buf);
        }
        struct in6_addr mask = ipv6_create_mask(plen);
        struct in6_addr net = ipv6_addr_bitand(&ip6, &mask);
        ipv6_string_mapped(buf, &net);
        return xasprintf("%s/%u", buf, plen);
    }
}

char *
ovn_ctl_normalize_prefix(const char *s, bool *is_v6)
{
    char *net = ovn_ctl_normalize_net(s, false);
    if (net) {
        if (is_v6) {
            *is_v6 = false;
        }
        return net;
    }
    net = ovn_ctl_normalize_net(s, true);
    if (net && is_v6) {
        *is_v6 = true;
    }
    return net;
}

bool
ovn_ctl_is_valid_port_range(const char *range)
{
    int lo, hi, n = 0;

    if (ovs_scan_len(range, &n, "%d-%d", &lo, &hi) && !range[n]) {
        return lo >= 0 && lo <= hi;
    }
    n = 0;
    return ovs_scan_len(range, &n, "%d", &lo) && !range[n] && lo >= 0;
}

bool
ovn_ctl_parse_ips(const char *s, struct ovn_ctl_lsp_ips *ips)
{
    char *copy = xstrdup(s);
    char *save = NULL;
    bool ok = true;

    memset(ips, 0, sizeof *ips);
    for (char *w = strtok_r(copy, " ", &save); w && ok;
         w = strtok_r(NULL, " ", &save)) {
        ovs_be32 ip;
        struct in6_addr ip6;
        unsigned int plen;
        char *error = ip_parse_cidr(w, &ip, &plen);
        if (!error) {
            if (ips->n_ipv4 < ARRAY_SIZE(ips->ipv4)) {
                ips->ipv4[ips->n_ipv4++].s_addr = ip;
            } else {
                ok = false;
            }
            continue;
        }
        free(error);

        error = ipv6_parse_cidr(w, &ip6, &plen);
        if (!error) {
            if (ips->n_ipv6 < ARRAY_SIZE(ips->ipv6)) {
                ips->ipv6[ips->n_ipv6++] = ip6;
            } else {
                ok = false;
            }
            continue;
        }
        free(error);
        ok = false;
    }
    free(copy);
    return ok;
}

bool
ovn_ctl_parse_mac_ips(const char *s, struct ovn_ctl_lsp_ips *ips)
{
    struct eth_addr ea;
    int n = 0;

    if (!ovs_scan_len(s, &n, ETH_ADDR_SCAN_FMT, ETH_ADDR_SCAN_ARGS(ea))
        || (s[n] && s[n] != ' ')) {
        return false;
    }
    return ovn_ctl_parse_ips(s + n, ips);
}

bool
ovn_ctl_is_dynamic_address(const char *a)
{
    struct eth_addr ea;
    int n = 0;

    if (!strcmp(a, "dynamic")) {
        return true;
    }
    if (!strncmp(a, "dynamic ", 8)) {
        struct ovn_ctl_lsp_ips ips;
        return (ovn_ctl_parse_ips(a + 8, &ips) && ips.n_ipv4 <= 1
                && ips.n_ipv6 <= 1 && ips.n_ipv4 + ips.n_ipv6 > 0);
    }
    return (ovs_scan_len(a, &n, ETH_ADDR_SCAN_FMT, ETH_ADDR_SCAN_ARGS(ea))
            && !strcmp(a + n, " dynamic"));
}

bool
ovn_ctl_is_valid_lsp_address(const char *a)
{
    struct eth_addr ea;

    return (!strcmp(a, "unknown") || !strcmp(a, "router")
            || ovn_ctl_is_dynamic_address(a)
            || ovs_scan(a, ETH_ADDR_SCAN_FMT, ETH_ADDR_SCAN_ARGS(ea)));
}

bool
ovn_ctl_parse_endpoint(const char *s, struct ovn_ctl_endpoint *ep)
{
    char *copy = xstrdup(s);
    char *port = NULL;
    bool ok = false;

    memset(ep, 0, sizeof *ep);
    ep->port = -1;
    if (copy[0] == '[') {
        char *end = strchr(copy, ']');
        if (!end) {
            goto out;
        }
        *end = '\0';
        if (end[1] == ':') {
            port = end + 2;
        } else if (end[1]) {
            goto out;
        }
        if (!ipv6_parse(copy + 1, &ep->ip)) {
            goto out;
        }
        ep->is_v6 = true;
    } else {
        char *colon = strchr(copy, ':');
        if (colon && strchr(colon + 1, ':')) {
            /* A bare IPv6 address. */
            if (!ipv6_parse(copy, &ep->ip)) {
                goto out;
            }
            ep->is_v6 = true;
        } else {
            ovs_be32 ip;
            if (colon) {
                *colon = '\0';
                port = colon + 1;
            }
            if (!ip_parse(copy, &ip)) {
                goto out;
            }
            in6_addr_set_mapped_ipv4(&ep->ip, ip);
        }
    }

    if (port) {
        int n = 0, p;
        if (!ovs_scan_len(port, &n, "%d", &p) || port[n]
            || p < 0 || p > 65535) {
            goto out;
        }
        ep->port = p;
    }
    ok = true;

out:
    free(copy);
    return ok;
}

void
ovn_ctl_format_endpoint(const struct ovn_ctl_endpoint *ep, struct ds *s)
{
    if (ep->is_v6) {
        char buf[INET6_ADDRSTRLEN];
        ipv6_string_mapped(buf, &ep->ip);
        if (ep->port >= 0) {
            ds_put_format(s, "[%s]:%d", buf, ep->port);
        } else {
            ds_put_cstr(s, buf);
        }
    } else {
        ds_put_format(s, IP_FMT, IP_ARGS(in6_addr_get_mapped_ipv4(&ep->ip)));
        if (ep->port >= 0) {
            ds_put_format(s, ":%d", ep->port);
        }
    }
}
