/* ovn-northd: the switch side of router ports.  A Logical_Switch_Port of
 * type "router" names a Logical_Router_Port in options:router-port; with
 * addresses "router" it takes that port's MAC and networks.  This module
 * indexes router ports by name and, when one changes, resynchronizes the
 * switch ports that refer to it. */
#include <config.h>
#include "northd/northd.h"

#include <arpa/inet.h>
#include <string.h>

#include "openvswitch/vlog.h"
#include "packets.h"
#include "util.h"
#include "uuid.h"
#include "lib/ovn-nb-idl.h"

VLOG_DEFINE_THIS_MODULE(nd_lsp_peer);

void
nd_lsp_peer_init(struct northd *nd)
{
    shash_init(&nd->lrp_by_name);
    shash_init(&nd->lrp_names);
    shash_init(&nd->rports_by_peer);
}

/* Forgets the index and the registrations. */
void
nd_lsp_peer_clear(struct northd *nd)
{
    shash_clear_free_data(&nd->lrp_by_name);
    shash_clear_free_data(&nd->lrp_names);
    struct shash_node *node;
    SHASH_FOR_EACH_SAFE (node, &nd->rports_by_peer) {
        hmapx_destroy(node->data);
        free(node->data);
        shash_delete(&nd->rports_by_peer, node);
    }
}

void
nd_lsp_peer_destroy(struct northd *nd)
{
    nd_lsp_peer_clear(nd);
    shash_destroy(&nd->lrp_by_name);
    shash_destroy(&nd->lrp_names);
    shash_destroy(&nd->rports_by_peer);
}

/* Adds 'lrp' to the name index. */
static void
index_add(struct northd *nd, const struct nbrec_logical_router_port *lrp)
{
    char u[UUID_LEN + 1];
    snprintf(u, sizeof u, UUID_FMT, UUID_ARGS(&lrp->header_.uuid));
    struct uuid *uuid = xmemdup(&lrp->header_.uuid, sizeof *uuid);
    free(shash_replace(&nd->lrp_by_name, lrp->name, uuid));
    free(shash_replace(&nd->lrp_names, u, xstrdup(lrp->name)));
}

void
nd_lsp_peer_full(struct northd *nd)
{
    nd_lsp_peer_clear(nd);
    const struct nbrec_logical_router_port *lrp;
    NBREC_LOGICAL_ROUTER_PORT_FOR_EACH (lrp, nd->nb_idl) {
        index_add(nd, lrp);
    }
}

const struct nbrec_logical_router_port *
nd_lsp_peer_peer(const struct northd *nd, const char *name)
{
    const struct uuid *uuid = name ? shash_find_data(&nd->lrp_by_name, name)
                                   : NULL;
    return uuid ? nbrec_logical_router_port_get_for_uuid(nd->nb_idl, uuid)
                : NULL;
}

void
nd_lsp_peer_register(struct northd *nd, struct nd_port *port, const char *peer)
{
    if (port->rport_peer) {
        if (peer && !strcmp(peer, port->rport_peer)) {
            return;
        }
        struct hmapx *set = shash_find_data(&nd->rports_by_peer,
                                            port->rport_peer);
        if (set) {
            hmapx_find_and_delete(set, port);
            if (hmapx_is_empty(set)) {
                hmapx_destroy(set);
                free(set);
                shash_find_and_delete(&nd->rports_by_peer, port->rport_peer);
            }
        }
        free(port->rport_peer);
        port->rport_peer = NULL;
    }
    if (peer) {
        struct hmapx *set = shash_find_data(&nd->rports_by_peer, peer);
        if (!set) {
            set = xmalloc(sizeof *set);
            hmapx_init(set);
            shash_add(&nd->rports_by_peer, peer, set);
        }
        hmapx_add(set, port);
        port->rport_peer = xstrdup(peer);
    }
}

/* Adds the switch ports that refer to router port 'name' to 'ports'. */
static void
collect(struct northd *nd, const char *name, struct hmapx *ports)
{
    struct hmapx *set = name ? shash_find_data(&nd->rports_by_peer, name)
                             : NULL;
    if (set) {
        struct hmapx_node *node;
        HMAPX_FOR_EACH (node, set) {
            hmapx_add(ports, node->data);
        }
    }
}

void
nd_lsp_peer_incremental(struct northd *nd)
{
    struct hmapx ports = HMAPX_INITIALIZER(&ports);
    const struct nbrec_logical_router_port *lrp;
    NBREC_LOGICAL_ROUTER_PORT_FOR_EACH_TRACKED (lrp, nd->nb_idl) {
        char u[UUID_LEN + 1];
        snprintf(u, sizeof u, UUID_FMT, UUID_ARGS(&lrp->header_.uuid));
        char *old = shash_find_and_delete(&nd->lrp_names, u);
        if (old) {
            collect(nd, old, &ports);
            struct uuid *uuid = shash_find_data(&nd->lrp_by_name, old);
            if (uuid && uuid_equals(uuid, &lrp->header_.uuid)) {
                free(shash_find_and_delete(&nd->lrp_by_name, old));
            }
            free(old);
        }
        if (!nbrec_logical_router_port_is_deleted(lrp)) {
            index_add(nd, lrp);
        }
        collect(nd, lrp->name, &ports);
    }

    struct hmapx_node *node;
    HMAPX_FOR_EACH (node, &ports) {
        struct nd_port *port = node->data;
        const struct nbrec_logical_switch_port *nbsp
            = nbrec_logical_switch_port_get_for_uuid(nd->nb_idl,
                                                     &port->nb_uuid);
        if (nbsp && port->synced != nd->run_id) {
            nd_port_sync(nd, port, nbsp);
        }
    }
    hmapx_destroy(&ports);
}

bool
nd_lsp_peer_addrs(const struct nbrec_logical_router_port *lrp,
               struct ovn_lport_addrs *la, const char *lsp_name)
{
    memset(la, 0, sizeof *la);
    if (!ovn_eth_addr_parse_prefix(lrp->mac, &la->ea)) {
        nd_log_bad("Logical_Router_Port", lrp->name, "bad mac \"%s\"",
                   lrp->mac);
        return false;
    }
    snprintf(la->ea_s, sizeof la->ea_s, ETH_ADDR_FMT, ETH_ADDR_ARGS(la->ea));
    for (size_t i = 0; i < lrp->n_networks; i++) {
        ovs_be32 ip4;
        unsigned int plen;
        char *error = ip_parse_cidr(lrp->networks[i], &ip4, &plen);
        if (!error) {
            ovn_lport_addrs_add_ipv4(la, ip4, plen);
            continue;
        }
        free(error);
        struct in6_addr ip6;
        error = ipv6_parse_cidr(lrp->networks[i], &ip6, &plen);
        if (!error) {
            ovn_lport_addrs_add_ipv6(la, &ip6, plen);
            continue;
        }
        free(error);
        nd_log_bad("Logical_Router_Port", lrp->name,
                   "bad network \"%s\" (peer of %s)", lrp->networks[i],
                   lsp_name);
    }
    /* Every router port also owns its IPv6 link-local address. */
    struct in6_addr lla;
    in6_generate_lla(la->ea, &lla);
    ovn_lport_addrs_add_ipv6(la, &lla, 64);
    return true;
}
