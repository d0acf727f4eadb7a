/* ovn-northd address sets and port groups. */
#include <config.h>
#include "northd/nd-pgas.h"

#include <string.h>

#include "hash.h"
#include "hmapx.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "sset.h"
#include "util.h"
#include "uuid.h"
#include "lib/ovn-nb-idl.h"
#include "lib/ovn-sb-idl.h"
#include "northd/northd.h"

VLOG_DEFINE_THIS_MODULE(nd_pgas);

/* One northbound Port_Group. */
struct nd_pg {
    struct hmap_node node;      /* In 'pgs', by 'nb_uuid'. */
    struct uuid nb_uuid;        /* Northbound row. */
    char *name;                 /* Its name when last synced. */
    struct sset sb_names;       /* Southbound Port_Group rows it owns. */
    struct sset port_uuids;     /* Member ports (UUID strings). */
};

/* State of this module. */
struct nd_pgas {
    struct hmap pgs;            /* Of "struct nd_pg". */
    struct shash port_pgs;      /* Port UUID string -> struct hmapx of pgs. */
    struct hmapx dirty;         /* "struct nd_pg"s to resync. */
    struct shash as_nb;         /* NB Address_Set UUID string -> name. */
    struct shash as_rows;       /* SB Address_Set name -> struct uuid *. */
    struct shash pg_rows;       /* SB Port_Group name -> struct uuid *. */
    struct shash as_claims;     /* Full recompute: name -> SB row. */
    struct shash pg_claims;     /* Full recompute: name -> SB row. */
    bool claiming;              /* In a full recompute? */
};

static struct nd_pgas *
pgas(struct northd *nd)
{
    return nd->pgas;
}

void
nd_pgas_init(struct northd *nd)
{
    struct nd_pgas *p = xzalloc(sizeof *p);
    hmap_init(&p->pgs);
    shash_init(&p->port_pgs);
    hmapx_init(&p->dirty);
    shash_init(&p->as_nb);
    shash_init(&p->as_rows);
    shash_init(&p->pg_rows);
    shash_init(&p->as_claims);
    shash_init(&p->pg_claims);
    nd->pgas = p;
}

/* Removes 'pg' from the reverse index. */
static void
pg_unindex(struct nd_pgas *p, struct nd_pg *pg)
{
    const char *u;
    SSET_FOR_EACH (u, &pg->port_uuids) {
        struct hmapx *set = shash_find_data(&p->port_pgs, u);
        if (set) {
            hmapx_find_and_delete(set, pg);
            if (hmapx_is_empty(set)) {
                hmapx_destroy(set);
                free(set);
                shash_find_and_delete(&p->port_pgs, u);
            }
        }
    }
    sset_clear(&pg->port_uuids);
}

/* Frees 'pg' without touching the database. */
static void
pg_free(struct nd_pgas *p, struct nd_pg *pg)
{
    pg_unindex(p, pg);
    hmapx_find_and_delete(&p->dirty, pg);
    hmap_remove(&p->pgs, &pg->node);
    sset_destroy(&pg->sb_names);
    sset_destroy(&pg->port_uuids);
    free(pg->name);
    free(pg);
}

void
nd_pgas_clear(struct northd *nd)
{
    struct nd_pgas *p = pgas(nd);
    struct nd_pg *pg;
    HMAP_FOR_EACH_SAFE (pg, node, &p->pgs) {
        pg_free(p, pg);
    }
    shash_clear_free_data(&p->as_nb);
    shash_clear_free_data(&p->as_rows);
    shash_clear_free_data(&p->pg_rows);
    shash_clear(&p->as_claims);
    shash_clear(&p->pg_claims);
    hmapx_clear(&p->dirty);
}

void
nd_pgas_destroy(struct northd *nd)
{
    struct nd_pgas *p = pgas(nd);
    if (!p) {
        return;
    }
    nd_pgas_clear(nd);
    hmap_destroy(&p->pgs);
    shash_destroy(&p->port_pgs);
    hmapx_destroy(&p->dirty);
    shash_destroy(&p->as_nb);
    shash_destroy(&p->as_rows);
    shash_destroy(&p->pg_rows);
    shash_destroy(&p->as_claims);
    shash_destroy(&p->pg_claims);
    free(p);
    nd->pgas = NULL;
}

/* Writes southbound Address_Set 'name' with 'addrs'. */
static void
as_write(struct northd *nd, const char *name, const struct sset *addrs)
{
    struct nd_pgas *p = pgas(nd);
    const struct sbrec_address_set *row = NULL;
    struct uuid *u = shash_find_data(&p->as_rows, name);
    if (u) {
        row = sbrec_address_set_get_for_uuid(nd->sb_idl, u);
    } else {
        u = xmalloc(sizeof *u);
        shash_add(&p->as_rows, name, u);
        if (p->claiming) {
            row = shash_find_and_delete(&p->as_claims, name);
        }
    }
    if (!row) {
        uuid_generate(u);
        row = sbrec_address_set_insert_persist_uuid(nd->sb_txn, u);
        sbrec_address_set_set_name(row, name);
    }
    *u = row->header_.uuid;
    const char **array = sset_array(addrs);
    sbrec_address_set_set_addresses(row, array, sset_count(addrs));
    free(array);
}

/* Deletes southbound Address_Set 'name', if we have it. */
static void
as_delete(struct northd *nd, const char *name)
{
    struct nd_pgas *p = pgas(nd);
    struct uuid *u = shash_find_and_delete(&p->as_rows, name);
    if (u) {
        const struct sbrec_address_set *row
            = sbrec_address_set_get_for_uuid(nd->sb_idl, u);
        if (row) {
            sbrec_address_set_delete(row);
        }
        free(u);
    }
}

/* Writes southbound Port_Group 'name' with member port names 'ports'. */
static void
pgrow_write(struct northd *nd, const char *name, const struct sset *ports)
{
    struct nd_pgas *p = pgas(nd);
    const struct sbrec_port_group *row = NULL;
    struct uuid *u = shash_find_data(&p->pg_rows, name);
    if (u) {
        row = sbrec_port_group_get_for_uuid(nd->sb_idl, u);
    } else {
        u = xmalloc(sizeof *u);
        shash_add(&p->pg_rows, name, u);
        if (p->claiming) {
            row = shash_find_and_delete(&p->pg_claims, name);
        }
    }
    if (!row) {
        uuid_generate(u);
        row = sbrec_port_group_insert_persist_uuid(nd->sb_txn, u);
        sbrec_port_group_set_name(row, name);
    }
    *u = row->header_.uuid;
    const char **array = sset_array(ports);
    sbrec_port_group_set_ports(row, array, sset_count(ports));
    free(array);
}

/* Deletes southbound Port_Group 'name', if we have it. */
static void
pgrow_delete(struct northd *nd, const char *name)
{
    struct nd_pgas *p = pgas(nd);
    struct uuid *u = shash_find_and_delete(&p->pg_rows, name);
    if (u) {
        const struct sbrec_port_group *row
            = sbrec_port_group_get_for_uuid(nd->sb_idl, u);
        if (row) {
            sbrec_port_group_delete(row);
        }
        free(u);
    }
}

/* Deletes the southbound rows that 'pg' owns. */
static void
pg_delete_rows(struct northd *nd, struct nd_pg *pg)
{
    const char *name;
    SSET_FOR_EACH (name, &pg->sb_names) {
        pgrow_delete(nd, name);
    }
    sset_clear(&pg->sb_names);
    char *s = xasprintf("%s_ip4", pg->name);
    as_delete(nd, s);
    free(s);
    s = xasprintf("%s_ip6", pg->name);
    as_delete(nd, s);
    free(s);
}

/* Recomputes everything derived from northbound Port_Group 'nbpg'. */
static void
pg_sync(struct northd *nd, struct nd_pg *pg,
        const struct nbrec_port_group *nbpg)
{
    struct nd_pgas *p = pgas(nd);
    if (strcmp(pg->name, nbpg->name)) {
        pg_delete_rows(nd, pg);
        free(pg->name);
        pg->name = xstrdup(nbpg->name);
    }
    pg_unindex(p, pg);

    struct shash per_dp = SHASH_INITIALIZER(&per_dp);
    struct sset ip4 = SSET_INITIALIZER(&ip4);
    struct sset ip6 = SSET_INITIALIZER(&ip6);
    for (size_t i = 0; i < nbpg->n_ports; i++) {
        char u[UUID_LEN + 1];
        snprintf(u, sizeof u, UUID_FMT,
                 UUID_ARGS(&nbpg->ports[i]->header_.uuid));
        sset_add(&pg->port_uuids, u);
        struct hmapx *set = shash_find_data(&p->port_pgs, u);
        if (!set) {
            set = xmalloc(sizeof *set);
            hmapx_init(set);
            shash_add(&p->port_pgs, u, set);
        }
        hmapx_add(set, pg);

        struct nd_port *port = nd_port_find_uuid(nd,
                                                 &nbpg->ports[i]->header_.uuid);
        if (!port || port->dup) {
            continue;
        }
        char *key = xasprintf("%"PRIu32"_%s", port->dp->tunnel_key,
                              nbpg->name);
        struct sset *names = shash_find_data(&per_dp, key);
        if (!names) {
            names = xmalloc(sizeof *names);
            sset_init(names);
            shash_add(&per_dp, key, names);
        }
        free(key);
        sset_add(names, port->name);
        for (size_t j = 0; j < port->n_addrs; j++) {
            const struct ovn_lport_addrs *la = &port->addrs[j];
            for (size_t k = 0; k < la->n_ipv4; k++) {
                sset_add(&ip4, la->ipv4[k].addr_s);
            }
            for (size_t k = 0; k < la->n_ipv6; k++) {
                sset_add(&ip6, la->ipv6[k].addr_s);
            }
        }
    }

    char *s = xasprintf("%s_ip4", nbpg->name);
    as_write(nd, s, &ip4);
    free(s);
    s = xasprintf("%s_ip6", nbpg->name);
    as_write(nd, s, &ip6);
    free(s);
    sset_destroy(&ip4);
    sset_destroy(&ip6);

    const char *name;
    SSET_FOR_EACH_SAFE (name, &pg->sb_names) {
        if (!shash_find(&per_dp, name)) {
            pgrow_delete(nd, name);
            sset_delete(&pg->sb_names, SSET_NODE_FROM_NAME(name));
        }
    }
    struct shash_node *node;
    SHASH_FOR_EACH (node, &per_dp) {
        pgrow_write(nd, node->name, node->data);
        sset_add(&pg->sb_names, node->name);
        sset_destroy(node->data);
        free(node->data);
    }
    shash_destroy(&per_dp);
}

/* Creates the model of northbound Port_Group 'nbpg' and syncs it. */
static void
pg_create(struct northd *nd, const struct nbrec_port_group *nbpg)
{
    struct nd_pgas *p = pgas(nd);
    struct nd_pg *pg = xzalloc(sizeof *pg);
    pg->nb_uuid = nbpg->header_.uuid;
    pg->name = xstrdup(nbpg->name);
    sset_init(&pg->sb_names);
    sset_init(&pg->port_uuids);
    hmap_insert(&p->pgs, &pg->node, uuid_hash(&pg->nb_uuid));
    pg_sync(nd, pg, nbpg);
}

/* Returns the model of the Port_Group with 'uuid', or NULL. */
static struct nd_pg *
pg_find(struct nd_pgas *p, const struct uuid *uuid)
{
    struct nd_pg *pg;
    HMAP_FOR_EACH_WITH_HASH (pg, node, uuid_hash(uuid), &p->pgs) {
        if (uuid_equals(&pg->nb_uuid, uuid)) {
            return pg;
        }
    }
    return NULL;
}

/* Writes northbound Address_Set 'nbas' to the southbound database. */
static void
nbas_sync(struct northd *nd, const struct nbrec_address_set *nbas)
{
    struct nd_pgas *p = pgas(nd);
    char u[UUID_LEN + 1];
    snprintf(u, sizeof u, UUID_FMT, UUID_ARGS(&nbas->header_.uuid));
    char *old = shash_find_data(&p->as_nb, u);
    if (old && strcmp(old, nbas->name)) {
        as_delete(nd, old);
    }
    free(shash_replace(&p->as_nb, u, xstrdup(nbas->name)));

    struct sset addrs = SSET_INITIALIZER(&addrs);
    for (size_t i = 0; i < nbas->n_addresses; i++) {
        sset_add(&addrs, nbas->addresses[i]);
    }
    as_write(nd, nbas->name, &addrs);
    sset_destroy(&addrs);
}

/* Writes the "svc_monitor_mac" address set. */
static void
svc_mac_sync(struct northd *nd)
{
    struct sset addrs = SSET_INITIALIZER(&addrs);
    if (nd->svc_monitor_mac) {
        sset_add(&addrs, nd->svc_monitor_mac);
    }
    as_write(nd, "svc_monitor_mac", &addrs);
    sset_destroy(&addrs);
}

void
nd_pgas_full(struct northd *nd)
{
    struct nd_pgas *p = pgas(nd);
    p->claiming = true;

    const struct sbrec_address_set *sas;
    SBREC_ADDRESS_SET_FOR_EACH (sas, nd->sb_idl) {
        if (!shash_add_once(&p->as_claims, sas->name, sas)) {
            sbrec_address_set_delete(sas);
        }
    }
    const struct sbrec_port_group *spg;
    SBREC_PORT_GROUP_FOR_EACH (spg, nd->sb_idl) {
        if (!shash_add_once(&p->pg_claims, spg->name, spg)) {
            sbrec_port_group_delete(spg);
        }
    }

    const struct nbrec_address_set *nbas;
    NBREC_ADDRESS_SET_FOR_EACH (nbas, nd->nb_idl) {
        nbas_sync(nd, nbas);
    }
    const struct nbrec_port_group *nbpg;
    NBREC_PORT_GROUP_FOR_EACH (nbpg, nd->nb_idl) {
        pg_create(nd, nbpg);
    }
    svc_mac_sync(nd);

    struct shash_node *node;
    SHASH_FOR_EACH (node, &p->as_claims) {
        sbrec_address_set_delete(node->data);
    }
    SHASH_FOR_EACH (node, &p->pg_claims) {
        sbrec_port_group_delete(node->data);
    }
    shash_clear(&p->as_claims);
    shash_clear(&p->pg_claims);
    hmapx_clear(&p->dirty);
    p->claiming = false;
}

void
nd_pgas_port_changed(struct northd *nd, const struct nd_port *port)
{
    struct nd_pgas *p = pgas(nd);
    if (!p || shash_is_empty(&p->port_pgs)) {
        return;
    }
    char u[UUID_LEN + 1];
    snprintf(u, sizeof u, UUID_FMT, UUID_ARGS(&port->nb_uuid));
    struct hmapx *set = shash_find_data(&p->port_pgs, u);
    if (set) {
        struct hmapx_node *node;
        HMAPX_FOR_EACH (node, set) {
            hmapx_add(&p->dirty, node->data);
        }
    }
}

void
nd_pgas_incremental(struct northd *nd)
{
    struct nd_pgas *p = pgas(nd);

    const struct nbrec_address_set *nbas;
    NBREC_ADDRESS_SET_FOR_EACH_TRACKED (nbas, nd->nb_idl) {
        if (nbrec_address_set_is_deleted(nbas)) {
            char u[UUID_LEN + 1];
            snprintf(u, sizeof u, UUID_FMT, UUID_ARGS(&nbas->header_.uuid));
            char *old = shash_find_and_delete(&p->as_nb, u);
            if (old) {
                as_delete(nd, old);
                free(old);
            }
        } else {
            nbas_sync(nd, nbas);
        }
    }

    const struct nbrec_port_group *nbpg;
    NBREC_PORT_GROUP_FOR_EACH_TRACKED (nbpg, nd->nb_idl) {
        struct nd_pg *pg = pg_find(p, &nbpg->header_.uuid);
        if (nbrec_port_group_is_deleted(nbpg)) {
            if (pg) {
                pg_delete_rows(nd, pg);
                pg_free(p, pg);
            }
        } else if (!pg) {
            pg_create(nd, nbpg);
        } else {
            hmapx_add(&p->dirty, pg);
        }
    }

    struct hmapx_node *node;
    HMAPX_FOR_EACH_SAFE (node, &p->dirty) {
        struct nd_pg *pg = node->data;
        const struct nbrec_port_group *row
            = nbrec_port_group_get_for_uuid(nd->nb_idl, &pg->nb_uuid);
        if (row) {
            pg_sync(nd, pg, row);
        }
        hmapx_delete(&p->dirty, node);
    }
    svc_mac_sync(nd);
}
