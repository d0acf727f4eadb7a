/* Parsing of OVN logical port address strings. */
#include <config.h>
#include "lib/ovn-addr.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <string.h>

#include "openvswitch/util.h"
#include "util.h"

/* Returns the number of white-space bytes at the start of 's'. */
static size_t
skip_spaces(const char *s)
{
    size_t n = 0;
    while (s[n] && isspace((unsigned char) s[n])) {
        n++;
    }
    return n;
}

/* Returns true if 'c' ends a word. */
static bool
is_delim(char c)
{
    return c == '\0' || isspace((unsigned char) c);
}

bool
ovn_eth_addr_parse_prefix(const char *s, struct eth_addr *ea)
{
    int n = 0;
    if (!ovs_scan_len(s, &n, ETH_ADDR_SCAN_FMT, ETH_ADDR_SCAN_ARGS(*ea))) {
        return false;
    }
    return n == ETH_ADDR_STRLEN && is_delim(s[n]);
}

void
ovn_lport_addrs_add_ipv4(struct ovn_lport_addrs *la, ovs_be32 addr,
                         unsigned int plen)
{
    la->ipv4 = xrealloc(la->ipv4, (la->n_ipv4 + 1) * sizeof *la->ipv4);
    struct ovn_ipv4_netaddr *na = &la->ipv4[la->n_ipv4++];
    memset(na, 0, sizeof *na);
    na->addr = addr;
    na->plen = plen;
    na->mask = be32_prefix_mask(plen);
    na->network = addr & na->mask;
    inet_ntop(AF_INET, &na->addr, na->addr_s, sizeof na->addr_s);
    inet_ntop(AF_INET, &na->network, na->network_s, sizeof na->network_s);
    ovs_be32 bcast = addr | ~na->mask;
    inet_ntop(AF_INET, &bcast, na->bcast_s, sizeof na->bcast_s);
}

void
ovn_lport_addrs_add_ipv6(struct ovn_lport_addrs *la,
                         const struct in6_addr *addr, unsigned int plen)
{
    la->ipv6 = xrealloc(la->ipv6, (la->n_ipv6 + 1) * sizeof *la->ipv6);
    struct ovn_ipv6_netaddr *na = &la->ipv6[la->n_ipv6++];
    memset(na, 0, sizeof *na);
    na->addr = *addr;
    na->plen = plen;
    na->mask = ipv6_create_mask(plen);
    na->network = ipv6_addr_bitand(addr, &na->mask);
    in6_addr_solicited_node(&na->sn_addr, addr);
    inet_ntop(AF_INET6, &na->addr, na->addr_s, sizeof na->addr_s);
    inet_ntop(AF_INET6, &na->sn_addr, na->sn_addr_s, sizeof na->sn_addr_s);
    inet_ntop(AF_INET6, &na->network, na->network_s, sizeof na->network_s);
}

/* Parses IP address words from 's' into 'la'.  Stops at end of string or,
 * if 'lenient', at the first word that is not an address.  Returns NULL or
 * an error; stores the bytes consumed in '*ofs'. */
static char *
parse_ips(const char *s, struct ovn_lport_addrs *la, bool lenient, int *ofs)
{
    size_t pos = 0;

    for (;;) {
        pos += skip_spaces(s + pos);
        if (!s[pos]) {
            break;
        }

        const char *word = s + pos;
        int n = 0;
        ovs_be32 ip4;
        unsigned int plen;
        char *error = ip_parse_cidr_len(word, &n, &ip4, &plen);
        if (!error && is_delim(word[n])) {
            ovn_lport_addrs_add_ipv4(la, ip4, plen);
            pos += n;
            continue;
        }
        free(error);

        struct in6_addr ip6;
        n = 0;
        error = ipv6_parse_cidr_len(word, &n, &ip6, &plen);
        if (!error && is_delim(word[n])) {
            ovn_lport_addrs_add_ipv6(la, &ip6, plen);
            pos += n;
            continue;
        }
        free(error);

        if (lenient) {
            break;
        }
        size_t wlen = strcspn(word, " \t\n");
        return xasprintf("invalid IP address \"%.*s\"", (int) wlen, word);
    }
    *ofs = pos;
    return NULL;
}

char *
ovn_lport_addrs_parse(const char *s, struct ovn_lport_addrs *out, int *ofs)
{
    memset(out, 0, sizeof *out);

    size_t pos = skip_spaces(s);
    if (!ovn_eth_addr_parse_prefix(s + pos, &out->ea)) {
        size_t wlen = strcspn(s + pos, " \t\n");
        return xasprintf("invalid Ethernet address \"%.*s\"",
                         (int) wlen, s + pos);
    }
    snprintf(out->ea_s, sizeof out->ea_s, ETH_ADDR_FMT,
             ETH_ADDR_ARGS(out->ea));
    pos += ETH_ADDR_STRLEN;

    int n = 0;
    char *error = parse_ips(s + pos, out, ofs != NULL, &n);
    if (error) {
        ovn_lport_addrs_destroy(out);
        memset(out, 0, sizeof *out);
        return error;
    }
    if (ofs) {
        *ofs = pos + n;
    }
    return NULL;
}

char *
ovn_lport_addrs_parse_ips(const char *s, struct ovn_lport_addrs *out)
{
    memset(out, 0, sizeof *out);
    int n = 0;
    char *error = parse_ips(s, out, false, &n);
    if (error) {
        ovn_lport_addrs_destroy(out);
        memset(out, 0, sizeof *out);
    }
    return error;
}

void
ovn_lport_addrs_destroy(struct ovn_lport_addrs *la)
{
    if (la) {
        free(la->ipv4);
        free(la->ipv6);
        la->ipv4 = NULL;
        la->ipv6 = NULL;
        la->n_ipv4 = la->n_ipv6 = 0;
    }
}
