/* Parsing and formatting helpers shared by ovn-nbctl and ovn-sbctl: IP
 * addresses and prefixes in the canonical forms the northbound database
 * stores, logical switch port address strings, load balancer endpoints and
 * port ranges.  All functions are pure (no database access), so they can be
 * unit tested on their own. */

#ifndef OVN_CTL_UTIL_H
#define OVN_CTL_UTIL_H 1

#include <stdbool.h>
#include <stddef.h>
#include <netinet/in.h>

struct ds;

/* Parses 's' as a plain IPv4 or IPv6 address (no prefix length).  Returns
 * the address in canonical text form (malloc'd) and stores its family in
 * '*is_v6', or returns NULL if 's' is not an address. */
char *ovn_ctl_normalize_ip(const char *s, bool *is_v6);

/* Parses 's' as "IP[/PLEN]" of either family.  Returns the network in
 * canonical form, "NETWORK/PLEN", or just the address for a host prefix
 * (/32 or /128), and stores the family in '*is_v6' if nonnull.  Returns
 * NULL if 's' is invalid. */
char *ovn_ctl_normalize_prefix(const char *s, bool *is_v6);

/* Like ovn_ctl_normalize_prefix() but only accepts the family 'is_v6'. */
char *ovn_ctl_normalize_net(const char *s, bool is_v6);

/* Returns true if 'range' is "PORT" or "MIN-MAX" with 0 <= MIN <= MAX. */
bool ovn_ctl_is_valid_port_range(const char *range);

/* IP addresses found in a logical switch port address string. */
struct ovn_ctl_lsp_ips {
    size_t n_ipv4;              /* Number of elements in 'ipv4'. */
    struct in_addr ipv4[16];    /* IPv4 addresses. */
    size_t n_ipv6;              /* Number of elements in 'ipv6'. */
    struct in6_addr ipv6[16];   /* IPv6 addresses. */
};

/* Parses space-separated "IP[/PLEN]" words into 'ips'.  Returns false if a
 * word is not an IP address or there are too many of one family. */
bool ovn_ctl_parse_ips(const char *s, struct ovn_ctl_lsp_ips *ips);

/* Parses "MAC [IP[/PLEN]]..." into 'ips'.  Returns false for other forms. */
bool ovn_ctl_parse_mac_ips(const char *s, struct ovn_ctl_lsp_ips *ips);

/* Returns true if 'a' is one of the "dynamic" address forms: "dynamic",
 * "dynamic IP [IP]" (at most one address per family) or "MAC dynamic". */
bool ovn_ctl_is_dynamic_address(const char *a);

/* Returns true if 'a' is acceptable in Logical_Switch_Port "addresses":
 * "unknown", "router", a dynamic form, or a string starting with an
 * Ethernet address. */
bool ovn_ctl_is_valid_lsp_address(const char *a);

/* A load balancer endpoint: an IP address with an optional L4 port. */
struct ovn_ctl_endpoint {
    bool is_v6;                 /* IPv6 address? */
    struct in6_addr ip;         /* The address (IPv4 mapped into IPv6). */
    int port;                   /* L4 port, or -1 if none was given. */
};

/* Parses "IPv4", "IPv6", "IPv4:PORT" or "[IPv6]:PORT" into 'ep'.  Returns
 * false on syntax errors or a port outside 0...65535. */
bool ovn_ctl_parse_endpoint(const char *s, struct ovn_ctl_endpoint *ep);

/* Appends 'ep' in canonical form to 's'. */
void ovn_ctl_format_endpoint(const struct ovn_ctl_endpoint *ep,
                             struct ds *s);

#endif /* lib/ovn-ctl-util.h */
