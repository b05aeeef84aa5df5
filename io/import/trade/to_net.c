/* io/import/trade/to_net.c: a flows table -> the supply network of one year: supplies edges (importers' shares by
 * exporter), produces edges (exporters' shares of world exports, the production layer) (docs/trade.md). */
#include "critnet/trade.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/trade/codes_i.h"
#include "import/trade/flows_i.h"
#include "import/trade/maps_i.h"

typedef struct group {
    char *id, *name, *stage, *note;
    int basis_value; /* shares by value (1) or by quantity (0) */
    double world_v, world_q;
    int32_t vertex;
} group;

typedef struct edge_key {
    double share;
    double value, quantity; /* the flow's figures: sorted keys are read in order, never chasing an index */
    int32_t g, a, b;        /* group rank, importer rank (or -1 for produces), exporter rank */
    uint16_t exporter, importer;
    uint32_t product;       /* the group (48 bytes in all: a copied cn_flow made it 56) */
} edge_key;

static const char *const *g_ids; /* for qsort of ids; single-threaded */
static int id_cmp(const void *pa, const void *pb)
{
    return strcmp(g_ids[*(const int32_t *)pa], g_ids[*(const int32_t *)pb]);
}

/* ranks[i] = position of ids[i] in sorted order (entries with used[i] == 0 get -1); returns the count */
static int32_t sort_ranks(const char *const *ids, const unsigned char *used, int32_t n, int32_t *order,
                          int32_t *ranks)
{
    int32_t k = 0;
    for (int32_t i = 0; i < n; i++) {
        ranks[i] = -1;
        if (used[i])
            order[k++] = i;
    }
    g_ids = ids;
    qsort(order, (size_t)k, sizeof *order, id_cmp);
    g_ids = NULL;
    for (int32_t r = 0; r < k; r++)
        ranks[order[r]] = r;
    return k;
}

static double figure(const group *g, const cn_flow *f)
{
    return g->basis_value ? f->value : f->quantity;
}

typedef struct build {
    const cn_trade *t;
    const cn_trade_net_opts *o;
    int year;
    group *groups;
    int32_t ngroups;
    int32_t *group_of; /* per product */
    unsigned char *noted; /* per product: listed in its group's note */
    cn_i_flowmap agg, imp, exp, tot; /* (g,exp,imp); (WORLD,imp,g) import totals; (exp,WORLD,g); reported */
    double *impd;                  /* import totals in a dense (importer, group) table when it is small (imp
                                    * then unused): -1 = none, NAN unknown */
    cn_flow *aggf, *expf;          /* agg and exp, taken out of their maps */
    size_t nagg, nexp;
} build;

const cn_hs_mineral *cn_i_trade_group_id(const cn_trade *t, uint32_t p, char *buf, size_t n)
{
    const cn_hs_mineral *h = cn_hs_lookup(t->products[p]);
    if (h)
        snprintf(buf, n, "%s:%s", h->mineral, h->stage);
    else
        snprintf(buf, n, "hs:%s", t->products[p]);
    return h;
}

static cn_status make_groups(build *b, cn_error *err)
{
    const cn_trade *t = b->t;
    cn_i_strmap ids = {0};
    b->group_of = malloc((t->nproducts + 1) * sizeof *b->group_of);
    b->groups = calloc(t->nproducts + 1, sizeof *b->groups);
    b->noted = calloc(t->nproducts + 1, 1);
    if (!b->group_of || !b->groups || !b->noted)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    cn_status st = CN_OK;
    for (uint32_t p = 0; p < t->nproducts && !st; p++) {
        char id[160];
        const cn_hs_mineral *h = cn_i_trade_group_id(t, p, id, sizeof id);
        size_t slot;
        int32_t g = cn_i_strmap_get(&ids, id, strlen(id), &slot);
        if (g < 0) {
            g = b->ngroups++;
            group *x = &b->groups[g];
            char name[200];
            if (h)
                snprintf(name, sizeof name, "%s (%s)", h->mineral, h->stage);
            else
                snprintf(name, sizeof name, "HS %s", t->products[p]);
            x->id = cn_strdup(id);
            x->name = cn_strdup(name);
            x->stage = h ? cn_strdup(h->stage) : NULL;
            x->world_v = x->world_q = NAN;
            if (!x->id || !x->name || (h && !x->stage) || cn_i_strmap_put(&ids, slot, id, strlen(id), g, NULL))
                st = cn_error_set(err, CN_ENOMEM, "out of memory");
        }
        b->group_of[p] = g;
    }
    cn_i_strmap_free(&ids);
    return st;
}

/* appends "HS code" to the group's note once a product of the year is seen */
static cn_status note_product(group *g, const char *hs, cn_error *err)
{
    size_t old = g->note ? strlen(g->note) : 0;
    if (g->note && strstr(g->note, hs))
        return CN_OK;
    char *n = realloc(g->note, old + strlen(hs) + 8);
    if (!n)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    if (!old)
        snprintf(n, strlen(hs) + 8, "HS %s", hs);
    else
        snprintf(n + old, strlen(hs) + 8, ", %s", hs);
    g->note = n;
    return CN_OK;
}

/* exports per (group, exporter) in a dense table when it is small (the usual case: ~5000 products x ~230
 * countries), else NULL and the hash map is used. One 16-byte cell per pair: one cache line per flow. */
typedef struct cell {
    double v, q; /* v = -1: not seen (real values are >= 0 or NAN) */
} cell;
typedef struct dense {
    cell *c;
    size_t nc;
} dense;

static cn_status dense_init(dense *d, size_t ngroups, size_t ncountries, cn_error *err)
{
    memset(d, 0, sizeof *d);
    if (ngroups * ncountries > ((size_t)1 << 24))
        return CN_OK;
    size_t n = ngroups * ncountries;
    d->nc = ncountries;
    if (!(d->c = cn_i_trade_big_alloc((n + 1) * sizeof *d->c)))
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        d->c[i].v = -1.0;
    return CN_OK;
}

static void add_known(double *acc, double x)
{
    if (isnan(*acc))
        *acc = x;
    else if (!isnan(x))
        *acc += x;
}

/* the dense table's cells -> b->expf, in (group, exporter) order */
static cn_status dense_done(build *b, dense *d, cn_error *err)
{
    size_t n = 0, cells = (size_t)b->ngroups * d->nc;
    for (size_t i = 0; i < cells; i++)
        n += d->c[i].v != -1.0;
    if (!(b->expf = cn_i_trade_big_alloc((n + 1) * sizeof *b->expf)))
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    for (size_t i = 0; i < cells; i++)
        if (d->c[i].v != -1.0)
            b->expf[b->nexp++] = (cn_flow){(uint16_t)(i % d->nc), CN_TRADE_WORLD, (uint32_t)(i / d->nc), 0,
                                           d->c[i].v, d->c[i].q};
    return CN_OK;
}

static void dense_free(dense *d)
{
    free(d->c);
}

/* import totals: (importer, group) -> the sum of its figures (NAN unknown), in the dense table or the map */
static cn_status imp_add(build *b, uint16_t importer, uint32_t g, double x)
{
    if (!b->impd) {
        cn_flow im = {CN_TRADE_WORLD, importer, g, 0, x, NAN};
        return cn_i_flowmap_add(&b->imp, &im, NULL);
    }
    double *c = &b->impd[(size_t)importer * (size_t)b->ngroups + g];
    if (*c == -1.0)
        *c = x;
    else
        add_known(c, x);
    return CN_OK;
}

/* the import total of (importer, group), or NULL when the importer has no flow of it */
static const double *imp_find(const build *b, uint16_t importer, uint32_t g)
{
    if (!b->impd) {
        cn_flow q = {CN_TRADE_WORLD, importer, g, 0, 0, 0};
        const cn_flow *f = cn_i_flowmap_find(&b->imp, &q);
        return f ? &f->value : NULL;
    }
    const double *c = &b->impd[(size_t)importer * (size_t)b->ngroups + g];
    return *c == -1.0 ? NULL : c;
}

static cn_status aggregate(build *b, cn_error *err)
{
    const cn_trade *t = b->t;
    dense d;
    cn_status st = dense_init(&d, (size_t)b->ngroups, t->ncountries, err);
    if (st) {
        dense_free(&d);
        return st;
    }
    /* world exports from the flows, or from the table's own sums when the flows are one importer's */
    const cn_flow *src = t->exports ? t->exports : t->flows;
    size_t nsrc = t->exports ? t->nexports : t->nflows;
    int agg_here = !b->o->produces_only && !t->exports; /* the supplies side in the same pass */
    /* at most one key per flow: the maps are made once at their size instead of growing through copies */
    if ((!b->o->produces_only && cn_i_flowmap_reserve(&b->agg, t->nflows, NULL)) ||
        (!d.c && cn_i_flowmap_reserve(&b->exp, nsrc, NULL))) {
        dense_free(&d);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < nsrc; i++) {
        const cn_flow *f = &src[i];
#if defined(__GNUC__)
        if (d.c && i + 16 < nsrc) { /* the cell of a flow ahead: hides the cache miss of the update */
            const cn_flow *ahead = &src[i + 16];
            __builtin_prefetch(&d.c[(size_t)b->group_of[ahead->product] * d.nc + ahead->exporter], 1);
        }
#endif
        if (f->year != b->year || f->exporter == f->importer)
            continue; /* other years; a country's trade with itself (merged BACI codes) */
        group *g = &b->groups[b->group_of[f->product]];
        if (!isnan(f->value))
            g->basis_value = 1;
        cn_flow a = *f;
        a.product = (uint32_t)b->group_of[f->product];
        a.year = 0;
        cn_flow ex = a;
        ex.importer = CN_TRADE_WORLD;
        if (d.c) {
            cell *c = &d.c[(size_t)a.product * d.nc + a.exporter];
            if (c->v == -1.0) {
                c->v = a.value;
                c->q = a.quantity;
            } else {
                add_known(&c->v, a.value);
                add_known(&c->q, a.quantity);
            }
        }
        if ((agg_here && cn_i_flowmap_add(&b->agg, &a, NULL)) || (!d.c && cn_i_flowmap_add(&b->exp, &ex, NULL)) ||
            (!b->noted[f->product] && note_product(g, t->products[f->product], NULL))) {
            dense_free(&d);
            return cn_error_set(err, CN_ENOMEM, "out of memory");
        }
        b->noted[f->product] = 1;
    }
    for (size_t i = 0; t->exports && !b->o->produces_only && i < t->nflows; i++) {
        const cn_flow *f = &t->flows[i];
        if (f->year != b->year || f->exporter == f->importer)
            continue;
        cn_flow a = *f;
        a.product = (uint32_t)b->group_of[f->product];
        a.year = 0;
        if (cn_i_flowmap_add(&b->agg, &a, NULL)) {
            dense_free(&d);
            return cn_error_set(err, CN_ENOMEM, "out of memory");
        }
    }
    int use_dense = d.c != NULL;
    st = use_dense ? dense_done(b, &d, err) : CN_OK;
    dense_free(&d);
    if (st)
        return st;
    if (!use_dense)
        b->expf = cn_i_flowmap_take(&b->exp, &b->nexp);
    for (size_t i = 0; i < t->ntotals; i++) {
        cn_flow a = t->totals[i];
        if (a.year != b->year)
            continue;
        a.product = (uint32_t)b->group_of[a.product];
        a.year = 0;
        if (cn_i_flowmap_add(&b->tot, &a, NULL))
            return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    b->aggf = cn_i_flowmap_take(&b->agg, &b->nagg);
    /* import totals: from the flows, or from the table's own when its flows are a selection (keep_strongest) */
    size_t cells = (size_t)b->ngroups * t->ncountries;
    if (cells <= ((size_t)1 << 24) && (b->impd = cn_i_trade_big_alloc((cells + 1) * sizeof *b->impd)) != NULL)
        for (size_t i = 0; i < cells; i++)
            b->impd[i] = -1.0;
    for (size_t i = 0; i < (t->imports ? t->nimports : b->nagg); i++) {
        cn_flow f = t->imports ? t->imports[i] : b->aggf[i];
        if (t->imports && f.year != b->year)
            continue;
        if (t->imports)
            f.product = (uint32_t)b->group_of[f.product];
        if (imp_add(b, f.importer, f.product, figure(&b->groups[f.product], &f)))
            return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < b->nexp; i++) {
        const cn_flow *f = &b->expf[i];
        group *g = &b->groups[f->product];
        if (!isnan(f->value))
            g->world_v = isnan(g->world_v) ? f->value : g->world_v + f->value;
        if (!isnan(f->quantity))
            g->world_q = isnan(g->world_q) ? f->quantity : g->world_q + f->quantity;
    }
    return CN_OK;
}

/* keys of a group: importers in rank order (produces, a = -1, first), then shares largest first */
static int key_cmp(const void *pa, const void *pb)
{
    const edge_key *x = pa, *y = pb;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    int xn = isnan(x->share), yn = isnan(y->share);
    if (xn != yn)
        return xn - yn;
    if (!xn && x->share != y->share)
        return x->share > y->share ? -1 : 1;
    return x->b < y->b ? -1 : x->b > y->b;
}

/* the edge keys in (group rank, importer rank, share, exporter) order: placed into their group's bucket,
 * each bucket sorted on its own (a group has at most exporters x importers keys) */
static edge_key *sorted_keys(build *b, const int32_t *grank, const int32_t *crank, int32_t ngroups, size_t *nkeys)
{
    size_t n = b->nagg + b->nexp, *start = calloc((size_t)ngroups + 1, sizeof *start);
    edge_key *keys = cn_i_trade_big_alloc((n + 1) * sizeof *keys);
    if (!keys || !start) {
        free(keys);
        free(start);
        return NULL;
    }
    for (size_t i = 0; i < b->nagg; i++)
        start[grank[b->aggf[i].product] + 1]++;
    for (size_t i = 0; i < b->nexp; i++)
        start[grank[b->expf[i].product] + 1]++;
    for (int32_t g = 0; g < ngroups; g++)
        start[g + 1] += start[g];
    for (size_t i = 0; i < b->nagg; i++) {
        const cn_flow *f = &b->aggf[i];
        const group *g = &b->groups[f->product];
        cn_flow q = {CN_TRADE_WORLD, f->importer, f->product, 0, 0, 0};
        double tot = *imp_find(b, f->importer, f->product);
        const cn_flow *rep = g->basis_value && b->tot.n ? cn_i_flowmap_find(&b->tot, &q) : NULL;
        if (rep && !isnan(rep->value) && rep->value > tot)
            tot = rep->value;
        double x = figure(g, f);
        keys[start[grank[f->product]]++] = (edge_key){tot > 0 && !isnan(x) ? x / tot : NAN, f->value, f->quantity,
                                                      grank[f->product], crank[f->importer], crank[f->exporter],
                                                      f->exporter, f->importer, f->product};
    }
    for (size_t i = 0; i < b->nexp; i++) {
        const cn_flow *f = &b->expf[i];
        const group *g = &b->groups[f->product];
        double w = g->basis_value ? g->world_v : g->world_q, x = figure(g, f);
        keys[start[grank[f->product]]++] = (edge_key){w > 0 && !isnan(x) ? x / w : NAN, f->value, f->quantity,
                                                      grank[f->product], -1, crank[f->exporter], f->exporter,
                                                      f->importer, f->product};
    }
    /* start[g] is now the end of bucket g, which is where bucket g + 1 begins */
    for (int32_t g = 0; g < ngroups; g++) {
        size_t from = g ? start[g - 1] : 0;
        qsort(keys + from, start[g] - from, sizeof *keys, key_cmp);
    }
    free(start);
    *nkeys = n;
    return keys;
}

static cn_status add_edges(build *b, cn_net *net, const int32_t *grank, int32_t ngroups, const int32_t *crank,
                           const int32_t *cvertex, int32_t src, cn_error *err)
{
    size_t k, markets = 0;
    edge_key *keys = sorted_keys(b, grank, crank, ngroups, &k);
    if (!keys)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    for (size_t i = 0; i < k; i++)
        markets += i + 1 == k || keys[i + 1].g != keys[i].g || keys[i + 1].a != keys[i].a;
    /* one edge per key, and per market at most one more (world total or "other") */
    if (k + markets > (size_t)INT32_MAX - (size_t)net->nedges) {
        free(keys);
        return cn_error_set(err, CN_ENOMEM, "more edges than a network holds");
    }
    cn_status st = cn_net_reserve(net, net->nvertices, net->nedges + (int32_t)(k + markets), err);
    const char *period = b->o->period ? cn_net_intern(net, b->o->period) : NULL;
    const char *unit = cn_net_intern(net, "t");
    const char *basis[2][2] = {{cn_net_intern(net, "imports by quantity"), cn_net_intern(net, "imports by value")},
                               {cn_net_intern(net, "world exports by quantity"),
                                cn_net_intern(net, "world exports by value")}};
    if (!st && (!unit || !basis[0][0] || !basis[0][1] || !basis[1][0] || !basis[1][1] ||
                (b->o->period && !period)))
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
    int32_t rank = 0;
    for (size_t i = 0; i < k && !st; i++) {
        int produces = keys[i].a < 0;
        const edge_key *f = &keys[i];
        const group *g = &b->groups[f->product];
        cn_edge e;
        cn_edge_init(&e, produces ? CN_EDGE_PRODUCES : CN_EDGE_SUPPLIES);
        e.country = cvertex[f->exporter];
        e.mineral = g->vertex;
        e.consumer = produces ? -1 : cvertex[f->importer];
        e.share = keys[i].share;
        e.value = f->value;
        e.quantity = f->quantity;
        e.unit = unit;
        e.year = b->year;
        e.period = period;
        e.basis = basis[produces][g->basis_value];
        e.flags = CN_F_PRIMARY;
        e.source = src;
        /* rank within the market: keys of one (group, importer) are consecutive, largest share first */
        int first = i == 0 || keys[i - 1].g != keys[i].g || keys[i - 1].a != keys[i].a;
        rank = first ? 1 : rank + 1;
        if (!isnan(e.share))
            e.rank = produces ? 0 : rank;
        st = cn_net_add_edge(net, &e, NULL, err);
        int last = i + 1 == k || keys[i + 1].g != keys[i].g || keys[i + 1].a != keys[i].a;
        if (!st && last && !produces && g->basis_value) {
            /* a reported total above the named partners: the rest is "other" */
            cn_flow q = {CN_TRADE_WORLD, f->importer, f->product, 0, 0, 0};
            const cn_flow *rep = cn_i_flowmap_find(&b->tot, &q);
            double named = *imp_find(b, f->importer, f->product);
            if (rep && !isnan(rep->value) && rep->value > named * (1 + 1e-9) && rep->value > 0) {
                e.country = CN_OTHER;
                e.share = (rep->value - named) / rep->value;
                e.value = rep->value - named;
                e.quantity = NAN;
                e.rank = 0;
                st = cn_net_add_edge(net, &e, NULL, err);
            }
        }
        if (!st && last && produces) {
            e.country = CN_WORLD;
            e.share = NAN;
            e.value = g->world_v;
            e.quantity = g->world_q;
            e.rank = 0;
            st = cn_net_add_edge(net, &e, NULL, err);
        }
    }
    free(keys);
    return st;
}

/* whether the reported total at tot slot i belongs to an importer with no named partner for the product */
static int total_alone(const build *b, size_t i)
{
    const cn_flow *r = &b->tot.slots[i];
    return cn_i_flowmap_used(&b->tot, i) && r->value > 0 && !imp_find(b, r->importer, r->product);
}

/* an importer with a World total and no named partner: one "other" supplier with share 1 (docs/trade.md) */
static cn_status add_world_only(build *b, cn_net *net, const int32_t *cvertex, int32_t src, cn_error *err)
{
    cn_status st = CN_OK;
    for (size_t i = 0; !st && i < b->tot.cap; i++) {
        if (!total_alone(b, i))
            continue;
        const cn_flow *r = &b->tot.slots[i];
        cn_edge e;
        cn_edge_init(&e, CN_EDGE_SUPPLIES);
        e.country = CN_OTHER;
        e.mineral = b->groups[r->product].vertex;
        e.consumer = cvertex[r->importer];
        e.share = 1.0;
        e.value = r->value;
        e.year = b->year;
        e.period = b->o->period ? cn_net_intern(net, b->o->period) : NULL;
        e.basis = cn_net_intern(net, "imports by value (World total, no partner named)");
        e.flags = CN_F_PRIMARY;
        e.source = src;
        st = e.basis ? cn_net_add_edge(net, &e, NULL, err) : cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    return st;
}

static cn_status make_net(build *b, cn_net *net, cn_error *err)
{
    const cn_trade *t = b->t;
    int32_t nc = (int32_t)t->ncountries, ng = b->ngroups;
    int32_t big = (nc > ng ? nc : ng) + 1;
    unsigned char *used = calloc((size_t)big, 1);
    int32_t *order = malloc((size_t)big * sizeof *order), *crank = malloc((size_t)big * sizeof *crank);
    int32_t *grank = malloc((size_t)big * sizeof *grank), *cvertex = malloc((size_t)big * sizeof *cvertex);
    const char **gids = malloc((size_t)big * sizeof *gids);
    cn_status st = CN_OK;
    if (!used || !order || !crank || !grank || !cvertex || !gids) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < b->nagg; i++)
        used[b->aggf[i].importer] = 1;
    for (size_t i = 0; i < b->nexp; i++)
        used[b->expf[i].exporter] = 1;
    for (size_t i = 0; i < b->tot.cap; i++)
        if (total_alone(b, i))
            used[b->tot.slots[i].importer] = 1;
    for (size_t i = 0; b->o->importer_vertices && i < t->nimporters; i++)
        if (t->importers[i].year == b->year)
            used[t->importers[i].importer] = 1;
    int32_t k = sort_ranks((const char *const *)t->countries, used, nc, order, crank);
    for (int32_t r = 0; r < k && !st; r++) {
        const char *id = t->countries[order[r]];
        const char *name = cn_i_trade_country_name(id);
        st = cn_net_add_vertex(net, CN_VERTEX_COUNTRY, id, name ? name : id, &cvertex[order[r]], err);
    }
    memset(used, 0, (size_t)big);
    for (size_t i = 0; i < b->nexp; i++)
        used[b->expf[i].product] = 1;
    for (size_t i = 0; i < b->tot.cap; i++)
        if (total_alone(b, i))
            used[b->tot.slots[i].product] = 1;
    for (int32_t g = 0; g < ng; g++)
        gids[g] = b->groups[g].id;
    k = sort_ranks(gids, used, ng, order, grank);
    for (int32_t r = 0; r < k && !st; r++) {
        group *g = &b->groups[order[r]];
        st = cn_net_add_vertex(net, CN_VERTEX_MINERAL, g->id, g->name, &g->vertex, err);
        if (!st && g->stage)
            st = cn_vertex_set(net, g->vertex, "stage", g->stage, err);
        if (!st && g->note)
            st = cn_vertex_set(net, g->vertex, "note", g->note, err);
    }
    if (!st) {
        static const char *const titles[] = {"trade flows", "CEPII BACI", "UN Comtrade", "trade flows (CSV)"};
        const char *stitle = b->o->source_title ? b->o->source_title : titles[t->layout];
        const char *sid = b->o->source_id ? b->o->source_id : t->layout == CN_TRADE_LAYOUT_BACI ? "baci"
                                                           : t->layout == CN_TRADE_LAYOUT_COMTRADE ? "comtrade" : "trade";
        int32_t src = -1;
        st = cn_net_add_source(net, sid, stitle, NULL, NULL, &src, err);
        if (!st)
            st = add_edges(b, net, grank, ng, crank, cvertex, src, err);
        if (!st)
            st = add_world_only(b, net, cvertex, src, err);
    }
done:
    free(used);
    free(order);
    free(crank);
    free(grank);
    free(cvertex);
    free(gids);
    return st;
}

cn_status cn_trade_to_net(const cn_trade *t, const cn_trade_net_opts *opts, cn_net **out, cn_error *err)
{
    *out = NULL;
    cn_trade_net_opts o = *opts;
    o.produces_only |= t->world_exports; /* no importers were kept */
    build b = {.t = t, .o = &o, .year = opts->year};
    int any = 0;
    const cn_flow *src = t->exports ? t->exports : t->flows; /* every row's year is in the exports */
    size_t nsrc = t->exports ? t->nexports : t->nflows;
    for (size_t i = 0; i < nsrc; i++) {
        if (!opts->year && (!any || src[i].year > b.year))
            b.year = src[i].year;
        any |= src[i].year == b.year;
    }
    const char *why = t->nfiltered ? " (after the product and year filters)" : "";
    if (!any && opts->year)
        return cn_error_set(err, CN_EDATA, "no trade flows for year %d%s", opts->year, why);
    if (!any)
        return cn_error_set(err, CN_EDATA, "no trade flows%s", why);
    cn_net *net = cn_net_new();
    cn_status st = net ? make_groups(&b, err) : cn_error_set(err, CN_ENOMEM, "out of memory");
    if (!st)
        st = aggregate(&b, err);
    if (!st) {
        char title[256], desc[512];
        snprintf(title, sizeof title, "%s, %d", opts->title ? opts->title : "world trade flows", b.year);
        snprintf(desc, sizeof desc,
                 "Per product: each importer's import shares by exporter (supplies) and each exporter's share "
                 "of world exports (produces: world exports play the production layer); %zu flows.",
                 b.nagg);
        st = cn_net_set_meta(net, opts->name ? opts->name : "trade", opts->title ? opts->title : title, desc, err);
    }
    if (!st)
        st = make_net(&b, net, err);
    if (!st)
        st = cn_net_validate(net, "trade flows", err);
    for (int32_t g = 0; g < b.ngroups; g++) {
        free(b.groups[g].id);
        free(b.groups[g].name);
        free(b.groups[g].stage);
        free(b.groups[g].note);
    }
    free(b.groups);
    free(b.group_of);
    free(b.noted);
    cn_i_flowmap *maps[] = {&b.agg, &b.imp, &b.exp, &b.tot};
    for (size_t i = 0; i < 4; i++)
        cn_i_flowmap_free(maps[i]);
    free(b.aggf);
    free(b.expf);
    free(b.impd);
    if (st) {
        cn_net_free(net);
        return st;
    }
    *out = net;
    return CN_OK;
}
