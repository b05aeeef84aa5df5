/* graph/net.c: the supply-network model: vertices, edges, provenance, the id index and the string pool.
 * Plain arrays owned by the net; igraph views are built from them in graph/igraph_view.c. */
#include "critnet/net.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- string pool: interned strings, freed with the net ---- */

typedef struct cn_strpool {
    char **items;
    size_t n, cap;
    /* open-addressing hash of indices+1 */
    size_t *slots;
    size_t nslots;
    const char *recent[8]; /* strings interned lately: passing one of them back costs no hashing */
} cn_strpool;

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

static int pool_grow(cn_strpool *p)
{
    size_t nslots = p->nslots ? p->nslots * 2 : 64;
    size_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < p->n; i++) {
        size_t j = hash_str(p->items[i]) & (nslots - 1);
        while (slots[j])
            j = (j + 1) & (nslots - 1);
        slots[j] = i + 1;
    }
    free(p->slots);
    p->slots = slots;
    p->nslots = nslots;
    return 0;
}

static const char *pool_intern(cn_strpool *p, const char *s)
{
    if (!s)
        return NULL;
    /* the pool's own copies never change, so an interned pointer is its own answer */
    size_t r = ((uintptr_t)s >> 4) & 7;
    if (p->recent[r] == s)
        return s;
    if ((p->n + 1) * 2 > p->nslots && pool_grow(p) != 0)
        return NULL;
    size_t j = hash_str(s) & (p->nslots - 1);
    while (p->slots[j]) {
        const char *t = p->items[p->slots[j] - 1];
        if (strcmp(t, s) == 0)
            return p->recent[((uintptr_t)t >> 4) & 7] = t;
        j = (j + 1) & (p->nslots - 1);
    }
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 32;
        char **items = realloc(p->items, cap * sizeof *items);
        if (!items)
            return NULL;
        p->items = items;
        p->cap = cap;
    }
    char *copy = cn_strdup(s);
    if (!copy)
        return NULL;
    p->items[p->n++] = copy;
    p->slots[j] = p->n;
    return p->recent[((uintptr_t)copy >> 4) & 7] = copy;
}

static void pool_free(cn_strpool *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++)
        free(p->items[i]);
    free(p->items);
    free(p->slots);
    free(p);
}

/* ---- vertex id index ---- */

typedef struct cn_index {
    int32_t *slots; /* vertex index + 1, 0 = empty */
    size_t nslots;
} cn_index;

static int index_rebuild(cn_net *net, size_t nslots)
{
    int32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return -1;
    for (int32_t v = 0; v < net->nvertices; v++) {
        size_t j = hash_str(net->vertices[v].id) & (nslots - 1);
        while (slots[j])
            j = (j + 1) & (nslots - 1);
        slots[j] = v + 1;
    }
    free(net->index->slots);
    net->index->slots = slots;
    net->index->nslots = nslots;
    return 0;
}

int32_t cn_net_find(const cn_net *net, const char *id)
{
    const cn_index *ix = net->index;
    if (!id || ix->nslots == 0)
        return -1;
    size_t j = hash_str(id) & (ix->nslots - 1);
    while (ix->slots[j]) {
        int32_t v = ix->slots[j] - 1;
        if (strcmp(net->vertices[v].id, id) == 0)
            return v;
        j = (j + 1) & (ix->nslots - 1);
    }
    return -1;
}

/* ---- the net ---- */

void cn_edge_init(cn_edge *e, cn_edge_kind kind)
{
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->country = CN_UNNAMED;
    e->mineral = -1;
    e->consumer = -1;
    e->share = e->lo = e->hi = NAN;
    e->value = e->quantity = e->reserves = NAN;
    e->source = -1;
}

cn_net *cn_net_new(void)
{
    cn_net *net = calloc(1, sizeof *net);
    if (!net)
        return NULL;
    net->pool = calloc(1, sizeof *net->pool);
    net->index = calloc(1, sizeof *net->index);
    if (!net->pool || !net->index) {
        cn_net_free(net);
        return NULL;
    }
    return net;
}

void cn_net_free(cn_net *net)
{
    if (!net)
        return;
    for (int32_t v = 0; v < net->nvertices; v++) {
        free(net->vertices[v].id);
        free(net->vertices[v].name);
        free(net->vertices[v].stage);
        free(net->vertices[v].note);
    }
    for (int32_t s = 0; s < net->nsources; s++) {
        free(net->sources[s].id);
        free(net->sources[s].title);
        free(net->sources[s].edition);
        free(net->sources[s].url);
    }
    free(net->vertices);
    free(net->edges);
    free(net->sources);
    free(net->name);
    free(net->title);
    free(net->description);
    pool_free(net->pool);
    if (net->index)
        free(net->index->slots);
    free(net->index);
    free(net);
}

static cn_status replace_str(char **dst, const char *src)
{
    char *copy = NULL;
    if (src && !(copy = cn_strdup(src)))
        return CN_ENOMEM;
    free(*dst);
    *dst = copy;
    return CN_OK;
}

cn_status cn_net_set_meta(cn_net *net, const char *name, const char *title, const char *description, cn_error *err)
{
    if (replace_str(&net->name, name) || replace_str(&net->title, title) ||
        replace_str(&net->description, description))
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    return CN_OK;
}

const char *cn_net_intern(cn_net *net, const char *s)
{
    return pool_intern(net->pool, s);
}

#define GROW(arr, n, cap)                                                     \
    do {                                                                      \
        if ((n) == (cap)) {                                                   \
            int32_t nc_ = (cap) ? (cap) * 2 : 16;                             \
            void *p_ = realloc((arr), (size_t)nc_ * sizeof *(arr));           \
            if (!p_)                                                          \
                return cn_error_set(err, CN_ENOMEM, "out of memory");         \
            (arr) = p_;                                                       \
            (cap) = nc_;                                                      \
            cn_hugepage_hint(p_, (size_t)nc_ * sizeof *(arr));                \
        }                                                                     \
    } while (0)

cn_status cn_net_reserve(cn_net *net, int32_t nvertices, int32_t nedges, cn_error *err)
{
    if (nvertices > net->cap_v) {
        cn_vertex *v = realloc(net->vertices, (size_t)nvertices * sizeof *v);
        if (!v)
            return cn_error_set(err, CN_ENOMEM, "out of memory");
        net->vertices = v;
        net->cap_v = nvertices;
    }
    if (nedges > net->cap_e) {
        cn_edge *e = realloc(net->edges, (size_t)nedges * sizeof *e);
        if (!e)
            return cn_error_set(err, CN_ENOMEM, "out of memory");
        net->edges = e;
        net->cap_e = nedges;
        cn_hugepage_hint(e, (size_t)nedges * sizeof *e);
    }
    return CN_OK;
}

cn_status cn_net_add_vertex(cn_net *net, cn_vertex_type type, const char *id, const char *name,
                            int32_t *out, cn_error *err)
{
    if (!id || !*id)
        return cn_error_set(err, CN_EDATA, "empty vertex id");
    if (cn_net_find(net, id) >= 0)
        return cn_error_set(err, CN_EDATA, "duplicate id '%s'", id);
    GROW(net->vertices, net->nvertices, net->cap_v);
    cn_vertex *v = &net->vertices[net->nvertices];
    memset(v, 0, sizeof *v);
    v->type = type;
    v->source = -1;
    v->id = cn_strdup(id);
    v->name = cn_strdup(name ? name : id);
    if (!v->id || !v->name) {
        free(v->id);
        free(v->name);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    net->nvertices++;
    int rc;
    if ((size_t)net->nvertices * 2 > net->index->nslots) {
        rc = index_rebuild(net, net->index->nslots ? net->index->nslots * 2 : 64); /* inserts all */
    } else {
        size_t j = hash_str(id) & (net->index->nslots - 1);
        while (net->index->slots[j])
            j = (j + 1) & (net->index->nslots - 1);
        net->index->slots[j] = net->nvertices;
        rc = 0;
    }
    if (rc != 0) {
        net->nvertices--;
        free(v->id);
        free(v->name);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    if (out)
        *out = net->nvertices - 1;
    return CN_OK;
}

cn_status cn_vertex_set(cn_net *net, int32_t v, const char *which, const char *value, cn_error *err)
{
    if (v < 0 || v >= net->nvertices)
        return cn_error_set(err, CN_EUSAGE, "vertex %ld: not a vertex of this net", (long)v);
    cn_vertex *x = &net->vertices[v];
    char **dst = strcmp(which, "name") == 0    ? &x->name
                 : strcmp(which, "stage") == 0 ? &x->stage
                 : strcmp(which, "note") == 0  ? &x->note
                                               : NULL;
    if (!dst)
        return cn_error_set(err, CN_EUSAGE, "'%s': not a vertex field; expected name, stage or note", which);
    if (replace_str(dst, value))
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    return CN_OK;
}

static int is_country(const cn_net *net, int32_t v)
{
    return v >= 0 && v < net->nvertices && net->vertices[v].type == CN_VERTEX_COUNTRY;
}

static int is_mineral(const cn_net *net, int32_t v)
{
    return v >= 0 && v < net->nvertices && net->vertices[v].type == CN_VERTEX_MINERAL;
}

cn_status cn_net_add_edge(cn_net *net, const cn_edge *e, int32_t *out, cn_error *err)
{
    if (!is_mineral(net, e->mineral))
        return cn_error_set(err, CN_EDATA, "%s edge: the mineral end is not a mineral", cn_edge_kind_name(e->kind));
    switch (e->kind) {
    case CN_EDGE_PRODUCES:
        if (!is_country(net, e->country) && e->country != CN_OTHER && e->country != CN_WORLD)
            return cn_error_set(err, CN_EDATA, "produces edge: the country end is not a country");
        break;
    case CN_EDGE_SUPPLIES:
        if (!is_country(net, e->country) && e->country != CN_OTHER && e->country != CN_UNNAMED)
            return cn_error_set(err, CN_EDATA, "supplies edge: the country end is not a country");
        if (!is_country(net, e->consumer))
            return cn_error_set(err, CN_EDATA, "supplies edge: the consumer is not a country");
        break;
    case CN_EDGE_RELIES:
        if (!is_country(net, e->consumer))
            return cn_error_set(err, CN_EDATA, "relies edge: the consumer is not a country");
        break;
    default:
        return cn_error_set(err, CN_EDATA, "unknown edge kind");
    }
    GROW(net->edges, net->nedges, net->cap_e);
    cn_edge *d = &net->edges[net->nedges];
    *d = *e;
    if (d->kind == CN_EDGE_RELIES)
        d->country = d->consumer;
    if (d->kind == CN_EDGE_PRODUCES)
        d->consumer = -1;
    const char **strs[] = {&d->unit, &d->period, &d->text, &d->basis};
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        if (*strs[i] && !(*strs[i] = cn_net_intern(net, *strs[i])))
            return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    if (out)
        *out = net->nedges;
    net->nedges++;
    return CN_OK;
}

cn_status cn_net_add_source(cn_net *net, const char *id, const char *title, const char *edition,
                            const char *url, int32_t *out, cn_error *err)
{
    if (!id || !*id)
        return cn_error_set(err, CN_EDATA, "empty source id");
    if (cn_net_find_source(net, id) >= 0)
        return cn_error_set(err, CN_EDATA, "duplicate source id '%s'", id);
    GROW(net->sources, net->nsources, net->cap_s);
    cn_source *s = &net->sources[net->nsources];
    memset(s, 0, sizeof *s);
    s->id = cn_strdup(id);
    s->title = cn_strdup(title);
    s->edition = cn_strdup(edition);
    s->url = cn_strdup(url);
    if (!s->id || (title && !s->title) || (edition && !s->edition) || (url && !s->url)) {
        free(s->id);
        free(s->title);
        free(s->edition);
        free(s->url);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    if (out)
        *out = net->nsources;
    net->nsources++;
    return CN_OK;
}

int32_t cn_net_find_source(const cn_net *net, const char *id)
{
    for (int32_t s = 0; s < net->nsources; s++)
        if (strcmp(net->sources[s].id, id) == 0)
            return s;
    return -1;
}

const char *cn_net_country_label(const cn_net *net, int32_t c)
{
    if (c >= 0 && c < net->nvertices)
        return net->vertices[c].id;
    switch (c) {
    case CN_UNNAMED: return "(unnamed)";
    case CN_OTHER: return "(other)";
    case CN_WORLD: return "(world)";
    }
    return "(?)";
}

static const char *const kind_names[] = {"produces", "supplies", "relies"};

const char *cn_edge_kind_name(cn_edge_kind k)
{
    return (unsigned)k < 3 ? kind_names[k] : "?";
}

int cn_edge_kind_parse(const char *s, cn_edge_kind *out)
{
    for (int k = 0; k < 3; k++) {
        if (strcmp(s, kind_names[k]) == 0) {
            *out = (cn_edge_kind)k;
            return 0;
        }
    }
    return -1;
}
