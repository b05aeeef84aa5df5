/* io/import/trade/maps_i.h: private to io/: the hash maps trade loading aggregates in: strings -> index, and flows
 * keyed by (exporter, importer, product, year). Open addressing, power-of-two tables, grown at 1/2 load. */
#ifndef CN_IO_TRADE_MAP_H
#define CN_IO_TRADE_MAP_H

#include <stddef.h>
#include <stdint.h>

#include "critnet/trade.h"

typedef struct cn_i_strmap {
    char **keys;      /* slot keys (owned), NULL = empty */
    int32_t *vals;
    size_t cap, n;
} cn_i_strmap;

/* the value stored for key (len bytes), or -1 when absent (*slot receives where to insert) */
int32_t cn_i_strmap_get(const cn_i_strmap *m, const char *key, size_t len, size_t *slot);
/* stores key -> val at slot (from a failed get). Errors: CN_ENOMEM (err may be NULL); the map is unchanged */
cn_status cn_i_strmap_put(cn_i_strmap *m, size_t slot, const char *key, size_t len, int32_t val, cn_error *err);
void cn_i_strmap_free(cn_i_strmap *m);

/* flows stored in the table itself (one cache line touched per row); an empty slot has
 * exporter == importer == CN_TRADE_WORLD. Grows at 3/4 load. */
typedef struct cn_i_flowmap {
    cn_flow *slots;
    size_t cap, n;
} cn_i_flowmap;

/* adds value and quantity (NAN = unknown, kept unknown only when every part is) to the flow with f's key.
 * Errors: CN_ENOMEM (err may be NULL); the map is then unchanged */
cn_status cn_i_flowmap_add(cn_i_flowmap *m, const cn_flow *f, cn_error *err);
/* room for n more flows without growing. Errors: CN_ENOMEM; the map is then unchanged */
cn_status cn_i_flowmap_reserve(cn_i_flowmap *m, size_t n, cn_error *err);
/* cn_i_flowmap_add for n flows at once, their slots fetched from memory together (a batch of rows).
 * Errors: CN_ENOMEM (before any is added) */
cn_status cn_i_flowmap_add_many(cn_i_flowmap *m, const cn_flow *f, size_t n, cn_error *err);
/* the flow with f's key, or NULL */
cn_flow *cn_i_flowmap_find(const cn_i_flowmap *m, const cn_flow *f);
/* whether slot i holds a flow (iterate i < m->cap) */
static inline int cn_i_flowmap_used(const cn_i_flowmap *m, size_t i)
{
    return !(m->slots[i].exporter == CN_TRADE_WORLD && m->slots[i].importer == CN_TRADE_WORLD);
}
/* packs the flows to the front and hands them over (*n of them); the map is empty afterwards */
cn_flow *cn_i_flowmap_take(cn_i_flowmap *m, size_t *n);
void cn_i_flowmap_free(cn_i_flowmap *m);

/* malloc for a large array about to be filled: from 4 MiB on, aligned to 2 MiB and advised as huge pages
 * (cn_hugepage_hint) so all of it can be (far fewer page faults); freed with free(). NULL when out of memory */
void *cn_i_trade_big_alloc(size_t bytes);

#endif
