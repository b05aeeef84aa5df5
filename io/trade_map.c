/* io/trade_map.c: hash maps for trade aggregation (io/trade_map.h): FNV-1a for strings, a 64-bit mix for
 * flow keys, linear probing. */
#include "io/trade_map.h"

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

int32_t cn_strmap_get(const cn_strmap *m, const char *key, size_t len, size_t *slot)
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

static int strmap_grow(cn_strmap *m)
{
    size_t cap = m->cap ? 2 * m->cap : 64;
    char **keys = calloc(cap, sizeof *keys);
    int32_t *vals = malloc(cap * sizeof *vals);
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return -1;
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
    return 0;
}

int cn_strmap_put(cn_strmap *m, size_t slot, const char *key, size_t len, int32_t val)
{
    if (!m->cap || 2 * (m->n + 1) > m->cap) {
        if (strmap_grow(m))
            return -1;
        cn_strmap_get(m, key, len, &slot);
    }
    char *k = cn_strndup(key, len);
    if (!k)
        return -1;
    m->keys[slot] = k;
    m->vals[slot] = val;
    m->n++;
    return 0;
}

void cn_strmap_free(cn_strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

static uint64_t flow_hash(const cn_flow *f)
{
    uint64_t k = ((uint64_t)f->exporter << 48) ^ ((uint64_t)f->importer << 32) ^ (uint64_t)f->product;
    k ^= (uint64_t)(uint32_t)f->year * 0x9E3779B97F4A7C15ull;
    k ^= k >> 31;
    k *= 0xBF58476D1CE4E5B9ull;
    k ^= k >> 29;
    return k;
}

static int same_key(const cn_flow *a, const cn_flow *b)
{
    return a->exporter == b->exporter && a->importer == b->importer && a->product == b->product &&
           a->year == b->year;
}

static size_t find_slot(const cn_flowmap *m, const cn_flow *f)
{
    size_t j = flow_hash(f) & (m->cap - 1);
    while (m->slots[j] && !same_key(&m->flows[m->slots[j] - 1], f))
        j = (j + 1) & (m->cap - 1);
    return j;
}

cn_flow *cn_flowmap_find(const cn_flowmap *m, const cn_flow *f)
{
    if (!m->cap)
        return NULL;
    size_t j = find_slot(m, f);
    return m->slots[j] ? &m->flows[m->slots[j] - 1] : NULL;
}

static int flowmap_grow(cn_flowmap *m)
{
    size_t cap = m->cap ? 2 * m->cap : 1024;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    for (size_t i = 0; i < m->n; i++)
        m->slots[find_slot(m, &m->flows[i])] = (uint32_t)(i + 1);
    return 0;
}

static void add_known(double *acc, double x)
{
    if (isnan(*acc))
        *acc = x;
    else if (!isnan(x))
        *acc += x;
}

int cn_flowmap_add(cn_flowmap *m, const cn_flow *f)
{
    if (!m->cap || 2 * (m->n + 1) > m->cap) {
        if (m->n >= UINT32_MAX / 2 || flowmap_grow(m))
            return -1;
    }
    size_t j = find_slot(m, f);
    if (m->slots[j]) {
        cn_flow *g = &m->flows[m->slots[j] - 1];
        add_known(&g->value, f->value);
        add_known(&g->quantity, f->quantity);
        return 0;
    }
    if (m->n == m->fcap) {
        size_t cap = m->fcap ? m->fcap + m->fcap / 2 : 1024;
        cn_flow *g = realloc(m->flows, cap * sizeof *g);
        if (!g)
            return -1;
        m->flows = g;
        m->fcap = cap;
    }
    m->flows[m->n] = *f;
    m->slots[j] = (uint32_t)(++m->n);
    return 0;
}

void cn_flowmap_drop_index(cn_flowmap *m)
{
    free(m->slots);
    m->slots = NULL;
    m->cap = 0;
}
