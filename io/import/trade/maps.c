/* io/import/trade/maps.c: hash maps for trade aggregation (maps_i.h): FNV-1a for strings, a 64-bit mix for
 * flow keys, linear probing. */
#include "import/trade/maps_i.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static uint64_t str_hash(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

int32_t cn_i_strmap_get(const cn_i_strmap *m, const char *key, size_t len, size_t *slot)
{
    if (!m->cap) {
        *slot = 0;
        return -1;
    }
    size_t j = str_hash(key, len) & (m->cap - 1);
    while (m->keys[j]) {
        if (strncmp(m->keys[j], key, len) == 0 && m->keys[j][len] == '\0')
            return m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    *slot = j;
    return -1;
}

static cn_status strmap_grow(cn_i_strmap *m, cn_error *err)
{
    size_t cap = m->cap ? 2 * m->cap : 64;
    char **keys = calloc(cap, sizeof *keys);
    int32_t *vals = malloc(cap * sizeof *vals);
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = str_hash(m->keys[i], strlen(m->keys[i])) & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
    return CN_OK;
}

cn_status cn_i_strmap_put(cn_i_strmap *m, size_t slot, const char *key, size_t len, int32_t val, cn_error *err)
{
    if (!m->cap || 2 * (m->n + 1) > m->cap) {
        cn_status st = strmap_grow(m, err);
        if (st)
            return st;
        cn_i_strmap_get(m, key, len, &slot);
    }
    char *k = cn_strndup(key, len);
    if (!k)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    m->keys[slot] = k;
    m->vals[slot] = val;
    m->n++;
    return CN_OK;
}

void cn_i_strmap_free(cn_i_strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

static uint64_t flow_hash(const cn_flow *f)
{
    /* murmur3's 64-bit finaliser over the packed key */
    uint64_t k = (uint64_t)f->exporter | (uint64_t)f->importer << 16 | (uint64_t)(uint32_t)f->year << 32;
    k ^= (uint64_t)f->product * 0x9E3779B97F4A7C15ull;
    k ^= k >> 33;
    k *= 0xFF51AFD7ED558CCDull;
    k ^= k >> 33;
    k *= 0xC4CEB9FE1A85EC53ull;
    k ^= k >> 33;
    return k;
}

static int same_key(const cn_flow *a, const cn_flow *b)
{
    return a->exporter == b->exporter && a->importer == b->importer && a->product == b->product &&
           a->year == b->year;
}

static size_t find_slot_at(const cn_i_flowmap *m, const cn_flow *f, uint64_t hash)
{
    size_t j = hash & (m->cap - 1);
    while (cn_i_flowmap_used(m, j) && !same_key(&m->slots[j], f))
        j = (j + 1) & (m->cap - 1);
    return j;
}

static size_t find_slot(const cn_i_flowmap *m, const cn_flow *f)
{
    return find_slot_at(m, f, flow_hash(f));
}

cn_flow *cn_i_flowmap_find(const cn_i_flowmap *m, const cn_flow *f)
{
    if (!m->cap)
        return NULL;
    size_t j = find_slot(m, f);
    return cn_i_flowmap_used(m, j) ? &m->slots[j] : NULL;
}

void *cn_i_trade_big_alloc(size_t bytes)
{
    const size_t huge = (size_t)2 << 20;
    if (bytes < 2 * huge)
        return malloc(bytes ? bytes : 1);
    void *p = NULL;
    if (posix_memalign(&p, huge, bytes))
        return NULL;
    cn_hugepage_hint(p, bytes);
    return p;
}

static cn_status rehash(cn_i_flowmap *m, size_t cap, cn_error *err)
{
    cn_flow *old = m->slots;
    size_t ocap = m->cap;
    m->slots = cn_i_trade_big_alloc(cap * sizeof *m->slots);
    if (!m->slots) {
        m->slots = old;
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    memset(m->slots, 0xFF, cap * sizeof *m->slots); /* exporter = importer = CN_TRADE_WORLD: empty */
    m->cap = cap;
    for (size_t i = 0; i < ocap; i++)
        if (!(old[i].exporter == CN_TRADE_WORLD && old[i].importer == CN_TRADE_WORLD))
            m->slots[find_slot(m, &old[i])] = old[i];
    free(old);
    return CN_OK;
}

static void add_known(double *acc, double x)
{
    if (isnan(*acc))
        *acc = x;
    else if (!isnan(x))
        *acc += x;
}

/* sums f (whose hash is given) into its slot (room is there) */
static void put(cn_i_flowmap *m, const cn_flow *f, uint64_t hash)
{
    size_t j = find_slot_at(m, f, hash);
    if (cn_i_flowmap_used(m, j)) {
        add_known(&m->slots[j].value, f->value);
        add_known(&m->slots[j].quantity, f->quantity);
        return;
    }
    m->slots[j] = *f;
    m->n++;
}

cn_status cn_i_flowmap_reserve(cn_i_flowmap *m, size_t n, cn_error *err)
{
    size_t cap = m->cap ? m->cap : 1024;
    while ((m->n + n) * 4 > cap * 3)
        cap *= 2;
    return cap != m->cap ? rehash(m, cap, err) : CN_OK;
}

cn_status cn_i_flowmap_add_many(cn_i_flowmap *m, const cn_flow *f, size_t n, cn_error *err)
{
    cn_status st = cn_i_flowmap_reserve(m, n, err);
    if (st)
        return st;
    /* the slot of the flow AHEAD places on is fetched while earlier flows are summed: the cache misses of a
     * batch overlap instead of coming one after another */
    enum { AHEAD = 8 };
    uint64_t hash[AHEAD];
    for (size_t i = 0; i < n + AHEAD; i++) {
        if (i >= AHEAD)
            put(m, &f[i - AHEAD], hash[i % AHEAD]);
        if (i < n) {
            hash[i % AHEAD] = flow_hash(&f[i]);
#if defined(__GNUC__)
            __builtin_prefetch(&m->slots[hash[i % AHEAD] & (m->cap - 1)], 1);
#endif
        }
    }
    return CN_OK;
}

cn_status cn_i_flowmap_add(cn_i_flowmap *m, const cn_flow *f, cn_error *err)
{
    return cn_i_flowmap_add_many(m, f, 1, err);
}

cn_flow *cn_i_flowmap_take(cn_i_flowmap *m, size_t *n)
{
    size_t w = 0;
    for (size_t i = 0; i < m->cap; i++)
        if (cn_i_flowmap_used(m, i))
            m->slots[w++] = m->slots[i];
    cn_flow *out = m->slots;
    if (w && w < m->cap) {
        cn_flow *shrunk = realloc(out, w * sizeof *out);
        if (shrunk)
            out = shrunk;
    } else if (!w) {
        free(out);
        out = NULL;
    }
    *n = w;
    m->slots = NULL;
    m->cap = m->n = 0;
    return out;
}

void cn_i_flowmap_free(cn_i_flowmap *m)
{
    free(m->slots);
    m->slots = NULL;
    m->cap = m->n = 0;
}
