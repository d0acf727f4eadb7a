/* Parsing of the address strings that OVN's northbound database holds in
 * Logical_Switch_Port "addresses" and "port_security" (an Ethernet address
 * followed by zero or more IPv4/IPv6 addresses, each optionally with a prefix
 * length), with the derived forms (network, broadcast, solicited-node
 * multicast address) that logical flows need. */
#ifndef OVN_ADDR_H
#define OVN_ADDR_H 1

#include <stdbool.h>
#include <stddef.h>
#include <netinet/in.h>
#include "openvswitch/types.h"
#include "packets.h"

/* One IPv4 address with its prefix. */
struct ovn_ipv4_netaddr {
    ovs_be32 addr;              /* The address itself. */
    ovs_be32 mask;              /* Netmask from 'plen'. */
    ovs_be32 network;           /* addr & mask. */
    unsigned int plen;          /* Prefix length, 32 if none was given. */
    char addr_s[INET_ADDRSTRLEN];       /* 'addr' as text. */
    char network_s[INET_ADDRSTRLEN];    /* 'network' as text. */
    char bcast_s[INET_ADDRSTRLEN];      /* Broadcast address as text. */
};

/* One IPv6 address with its prefix. */
struct ovn_ipv6_netaddr {
    struct in6_addr addr;       /* The address itself. */
    struct in6_addr mask;       /* Netmask from 'plen'. */
    struct in6_addr sn_addr;    /* Solicited-node multicast address. */
    struct in6_addr network;    /* addr & mask. */
    unsigned int plen;          /* Prefix length, 128 if none was given. */
    char addr_s[INET6_ADDRSTRLEN];      /* 'addr' as text. */
    char sn_addr_s[INET6_ADDRSTRLEN];   /* 'sn_addr' as text. */
    char network_s[INET6_ADDRSTRLEN];   /* 'network' as text. */
};

/* An Ethernet address and the IP addresses that go with it. */
struct ovn_lport_addrs {
    char ea_s[ETH_ADDR_STRLEN + 1];     /* 'ea' as "xx:xx:xx:xx:xx:xx". */
    struct eth_addr ea;                 /* Ethernet address. */
    size_t n_ipv4;                      /* Number of 'ipv4' elements. */
    struct ovn_ipv4_netaddr *ipv4;      /* IPv4 addresses, malloc'd. */
    size_t n_ipv6;                      /* Number of 'ipv6' elements. */
    struct ovn_ipv6_netaddr *ipv6;      /* IPv6 addresses, malloc'd. */
};

/* Parses 's' of the form "MAC [IP[/PLEN]]...".  On success returns NULL and
 * fills 'out' (free it with ovn_lport_addrs_destroy()).  On failure returns
 * a malloc'd error message and leaves 'out' empty.  If 'ofs' is nonnull, the
 * number of bytes consumed is stored in it; then parsing stops silently at
 * the first word that is not an IP address (used for "MAC dynamic"). */
char *ovn_lport_addrs_parse(const char *s, struct ovn_lport_addrs *out,
                            int *ofs);

/* Parses 's' consisting only of IP addresses (no Ethernet address), as in
 * "10.0.0.1 fd00::1".  Same conventions as ovn_lport_addrs_parse(); 'ea' is
 * left zero. */
char *ovn_lport_addrs_parse_ips(const char *s, struct ovn_lport_addrs *out);

/* Adds an IPv4 or IPv6 address to 'laddrs'. */
void ovn_lport_addrs_add_ipv4(struct ovn_lport_addrs *, ovs_be32 addr,
                              unsigned int plen);
void ovn_lport_addrs_add_ipv6(struct ovn_lport_addrs *,
                              const struct in6_addr *addr, unsigned int plen);

/* Frees what 'laddrs' owns (not 'laddrs' itself).  Accepts NULL. */
void ovn_lport_addrs_destroy(struct ovn_lport_addrs *laddrs);

/* Returns true if 's' starts with a syntactically valid Ethernet address
 * followed by end of string or white space, storing it in '*ea'. */
bool ovn_eth_addr_parse_prefix(const char *s, struct eth_addr *ea);

#endif /* lib/ovn-addr.h */
