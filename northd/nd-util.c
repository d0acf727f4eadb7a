/* ovn-northd helpers: tunnel key sets, bad-input logging, multicast group
 * names. */
#include <config.h>
#include "northd/northd.h"

#include <stdarg.h>

#include "bitmap.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/vlog.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(nd_util);

void
nd_keyset_init(struct nd_keyset *ks, uint32_t max)
{
    ks->bits = bitmap_allocate(max + 1);
    ks->max = max;
    ks->hint = 0;
}

void
nd_keyset_destroy(struct nd_keyset *ks)
{
    if (ks) {
        bitmap_free(ks->bits);
        ks->bits = NULL;
    }
}

bool
nd_keyset_contains(const struct nd_keyset *ks, uint32_t key)
{
    return key >= 1 && key <= ks->max && bitmap_is_set(ks->bits, key);
}

void
nd_keyset_add(struct nd_keyset *ks, uint32_t key)
{
    if (key >= 1 && key <= ks->max) {
        bitmap_set1(ks->bits, key);
    }
}

void
nd_keyset_remove(struct nd_keyset *ks, uint32_t key)
{
    if (key >= 1 && key <= ks->max) {
        bitmap_set0(ks->bits, key);
    }
}

uint32_t
nd_keyset_alloc(struct nd_keyset *ks)
{
    /* Search from just past the hint, wrapping around once. */
    size_t key = bitmap_scan(ks->bits, 0, ks->hint + 1, ks->max + 1);
    if (key > ks->max) {
        key = bitmap_scan(ks->bits, 0, 1, ks->hint + 1);
        if (key > ks->hint) {
            return 0;
        }
    }
    bitmap_set1(ks->bits, key);
    ks->hint = key;
    return key;
}

void
nd_log_bad(const char *table, const char *name, const char *fmt, ...)
{
    static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 5);
    if (VLOG_DROP_WARN(&rl)) {
        return;
    }
    struct ds s = DS_EMPTY_INITIALIZER;
    va_list args;
    va_start(args, fmt);
    ds_put_format_valist(&s, fmt, args);
    va_end(args);
    VLOG_WARN("%s \"%s\": %s", table, name, ds_cstr(&s));
    ds_destroy(&s);
}

const char *
nd_mc_name(enum nd_mc_group group)
{
    switch (group) {
    case ND_MC_FLOOD: return "_MC_flood";
    case ND_MC_UNKNOWN: return "_MC_unknown";
    case ND_MC_FLOOD_L2: return "_MC_flood_l2";
    case ND_N_MC: default: OVS_NOT_REACHED();
    }
}

uint32_t
nd_mc_key(enum nd_mc_group group)
{
    switch (group) {
    case ND_MC_FLOOD: return 32768;
    case ND_MC_UNKNOWN: return 32769;
    case ND_MC_FLOOD_L2: return 32772;
    case ND_N_MC: default: OVS_NOT_REACHED();
    }
}
