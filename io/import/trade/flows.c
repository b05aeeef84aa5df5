/* io/import/trade/flows.c: a flows table cut down to what one analysis needs, before any network is built from
 * it (docs/trade.md). One grouping serves both selections (walk()): the flows of a year indexed by importer, then
 * by exporter, summed per (importer, exporter, product group), each sum with its share of the importer's imports
 * of the group. cn_trade_keep_strongest keeps, per (exporter, product group), the flows to the one importer it
 * supplies the largest share of, which is all the bipartite network's pair weights (the largest known share of a
 * pair, graph/bipartite.c) need; cn_trade_choke_world keeps no flow and hands over what the world chokepoints
 * ranking reads of each (product, importer) market (algorithms/chokepoints_world.c). Both keep world exports and
 * import totals per product and the importers of the year. */
#include "critnet/trade.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "critnet/chokepoints.h"
#include "import/trade/flows_i.h"
#include "import/trade/maps_i.h"

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif
enum { AHEAD = 16 }; /* flows fetched ahead of use when read out of order */

typedef struct fig {
    double v, q; /* v == -1: no flow (figures are >= 0 or NAN) */
} fig;

static void add_known(double *acc, double x)
{
    if (isnan(*acc))
        *acc = x;
    else if (!isnan(x))
        *acc += x;
}

static void sum_fig(fig *c, double v, double q)
{
    if (c->v == -1.0) {
        c->v = v;
        c->q = q;
    } else {
        add_known(&c->v, v);
        add_known(&c->q, q);
    }
}

/* group[p]: the first product of p's group, as cn_trade_to_net groups them (one vertex id,
 * cn_i_trade_group_id); gindex[p] its group's number; returns the number of groups or -1 when out of memory */
static int32_t groups_of(const cn_trade *t, int32_t *group, int32_t *gindex)
{
    cn_i_strmap ids = {0};
    int32_t n = 0;
    for (uint32_t p = 0; p < t->nproducts; p++) {
        char id[160];
        cn_i_trade_group_id(t, p, id, sizeof id);
        size_t slot;
        int32_t first = cn_i_strmap_get(&ids, id, strlen(id), &slot);
        if (first < 0) {
            if (cn_i_strmap_put(&ids, slot, id, strlen(id), (int32_t)p, NULL)) {
                cn_i_strmap_free(&ids);
                return -1;
            }
            first = (int32_t)p;
            gindex[p] = n++;
        } else {
            gindex[p] = gindex[first];
        }
        group[p] = first;
    }
    cn_i_strmap_free(&ids);
    return n;
}

/* what a selection works from: a year's flows summed per product (world exports, import totals), the import
 * totals per group, and the flows indexed by importer */
typedef struct sel {
    cn_trade *t;
    int year;
    size_t nc, np, ng;
    int32_t *group, *gindex;  /* per product (groups_of) */
    unsigned char *basis;     /* per group: 1 once a flow has a value (shares by value), else by quantity */
    unsigned char *seen;      /* per country: it imports in the year */
    fig *exp, *imp;           /* (exporter, product): world exports; (importer, product): import totals */
    double *tot;              /* (importer, group): the importer's imports of the group by its basis, NAN unknown */
    uint32_t *idx;            /* the year's flows (no trade with itself), by importer, in table order within */
    size_t *start;            /* importer c's are idx[start[c] .. start[c + 1]) */
} sel;

static void sel_free(sel *s)
{
    free(s->group);
    free(s->gindex);
    free(s->basis);
    free(s->seen);
    free(s->exp);
    free(s->imp);
    free(s->tot);
    free(s->idx);
    free(s->start);
}

/* whether the table can be cut down: every flow of a BACI or CSV table read whole, dense tables small enough */
static int selectable(const cn_trade *t)
{
    if (t->world_exports || t->exports || t->ntotals || t->layout == CN_TRADE_LAYOUT_COMTRADE)
        return 0; /* already a selection, or reported totals that the full network needs */
    size_t nc = t->ncountries, np = t->nproducts;
    return t->nflows && nc && np * nc <= ((size_t)1 << 25) && t->nflows < UINT32_MAX;
}

static int is_in(const cn_flow *f, int year)
{
    return f->year == year && f->exporter != f->importer; /* a country's trade with itself is no flow */
}

/* two passes over the flows in table order: the sums per product, then the flows indexed by importer (a counting
 * sort of 4-byte indices: the 32-byte flows stay where they are). O(F + products x countries). */
static cn_status prepare(sel *s, int year, cn_error *err)
{
    cn_trade *t = s->t;
    const cn_flow *fl = t->flows;
    size_t nc = s->nc = t->ncountries, np = s->np = t->nproducts, nf = t->nflows;
    if (!year)
        for (size_t i = 0; i < nf; i++)
            if (fl[i].year > year)
                year = fl[i].year;
    s->year = year;
    s->group = malloc((np + 1) * sizeof *s->group);
    s->gindex = malloc((np + 1) * sizeof *s->gindex);
    s->exp = cn_i_trade_big_alloc((np * nc + 1) * sizeof *s->exp);
    s->imp = cn_i_trade_big_alloc((np * nc + 1) * sizeof *s->imp);
    s->seen = calloc(nc + 1, 1);
    s->start = calloc(nc + 2, sizeof *s->start);
    int32_t ng = -1;
    if (!s->group || !s->gindex || !s->exp || !s->imp || !s->seen || !s->start ||
        (ng = groups_of(t, s->group, s->gindex)) < 0 || !(s->basis = calloc((size_t)ng + 1, 1)))
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    s->ng = (size_t)ng;
    for (size_t i = 0; i < np * nc; i++)
        s->exp[i].v = s->imp[i].v = -1.0;
    /* world exports and import totals per product; a group is counted by value once any flow has a value */
    size_t *count = s->start + 1;
    for (size_t i = 0; i < nf; i++) {
        const cn_flow *f = &fl[i];
        if (i + AHEAD < nf) { /* the cells of a flow ahead: hides the cache misses of the updates */
            PREFETCH(&s->exp[(size_t)fl[i + AHEAD].exporter * np + fl[i + AHEAD].product]);
            PREFETCH(&s->imp[(size_t)fl[i + AHEAD].importer * np + fl[i + AHEAD].product]);
        }
        if (!is_in(f, year))
            continue;
        sum_fig(&s->exp[(size_t)f->exporter * np + f->product], f->value, f->quantity);
        sum_fig(&s->imp[(size_t)f->importer * np + f->product], f->value, f->quantity);
        if (!isnan(f->value))
            s->basis[s->gindex[f->product]] = 1;
        s->seen[f->importer] = 1;
        count[f->importer + 1]++; /* shifted by one more: start[c + 2] counts c, so start[c + 1] ends c's run */
    }
    for (size_t c = 0; c < nc; c++)
        count[c + 1] += count[c];
    if (!(s->idx = cn_i_trade_big_alloc((count[nc] + 1) * sizeof *s->idx)))
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    for (size_t i = 0; i < nf; i++)
        if (is_in(&fl[i], year))
            s->idx[count[fl[i].importer]++] = (uint32_t)i; /* start[c + 1] moves to the end of c's run */
    /* each importer's total per group, by the group's basis */
    size_t ngc = s->ng * nc;
    if (!(s->tot = malloc((ngc + 1) * sizeof *s->tot)))
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    for (size_t i = 0; i < ngc; i++)
        s->tot[i] = NAN;
    for (size_t c = 0; c < nc; c++)
        for (size_t p = 0; p < np; p++) {
            const fig *x = &s->imp[c * np + p];
            size_t g = (size_t)s->gindex[p];
            if (x->v != -1.0)
                add_known(&s->tot[c * s->ng + g], s->basis[g] ? x->v : x->q);
        }
    return CN_OK;
}

/* called once per (importer, exporter, group) with flows: the sum of the flows, its share of the importer's
 * imports of the group (NAN when unknown) */
typedef void (*visit_fn)(void *ctx, uint16_t importer, uint16_t exporter, size_t g, double share, const fig *sum);

/* one (exporter, group) cell of an importer's flows, in walk()'s open-addressing table */
typedef struct hcell {
    size_t key; /* exporter x groups + group + 1; 0 = empty */
    fig sum;
} hcell;

/* the grouping: per importer (in country order), its flows read in table order (increasing addresses, fetched
 * ahead) and summed per (exporter, group) in a small hash table, then each sum visited. O(F + countries) time,
 * memory O(F / countries) besides the index. */
static cn_status walk(const sel *s, visit_fn visit, void *ctx, cn_error *err)
{
    const cn_flow *fl = s->t->flows;
    size_t nc = s->nc, ng = s->ng, most = 0, cap = 16;
    for (size_t c = 0; c < nc; c++)
        if (s->start[c + 1] - s->start[c] > most)
            most = s->start[c + 1] - s->start[c];
    while (cap < 2 * most)
        cap *= 2;
    hcell *h = calloc(cap, sizeof *h);
    size_t *used = malloc((most + 1) * sizeof *used);
    if (!h || !used) {
        free(h);
        free(used);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    for (size_t c = 0; c < nc; c++) {
        const uint32_t *b = s->idx + s->start[c];
        size_t n = s->start[c + 1] - s->start[c], nu = 0;
        for (size_t j = 0; j < n; j++) {
            if (j + AHEAD < n)
                PREFETCH(&fl[b[j + AHEAD]]);
            const cn_flow *f = &fl[b[j]];
            size_t key = (size_t)f->exporter * ng + (size_t)s->gindex[f->product] + 1;
            size_t at = (key * 0x9E3779B97F4A7C15ull) >> 20 & (cap - 1);
            while (h[at].key && h[at].key != key)
                at = (at + 1) & (cap - 1);
            if (!h[at].key) {
                h[at].key = key;
                h[at].sum.v = -1.0;
                used[nu++] = at;
            }
            sum_fig(&h[at].sum, f->value, f->quantity);
        }
        for (size_t k = 0; k < nu; k++) {
            hcell *x = &h[used[k]];
            size_t g = (x->key - 1) % ng;
            double v = s->basis[g] ? x->sum.v : x->sum.q, d = s->tot[c * ng + g];
            visit(ctx, (uint16_t)c, (uint16_t)((x->key - 1) / ng), g, d > 0 && !isnan(v) ? v / d : NAN, &x->sum);
        }
        for (size_t k = 0; k < nu; k++)
            h[used[k]].key = 0;
    }
    free(h);
    free(used);
    return CN_OK;
}

/* the cells of a dense (country x product) table as flows of year: exporter or importer = the country */
static size_t cells_in(const fig *c, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += c[i].v != -1.0;
    return k;
}

static size_t take_cells(const fig *c, size_t nc, size_t np, int as_importer, int32_t year, cn_flow *f)
{
    size_t n = 0;
    for (size_t i = 0; i < nc * np; i++) {
        if (c[i].v == -1.0)
            continue;
        uint16_t who = (uint16_t)(i / np);
        f[n++] = (cn_flow){as_importer ? CN_TRADE_WORLD : who, as_importer ? who : CN_TRADE_WORLD,
                           (uint32_t)(i % np), year, c[i].v, c[i].q};
    }
    return n;
}

/* world exports, import totals and importers as the table's own (cn_trade.exports, .imports, .importers); the
 * arrays are made first (untouched memory, no page yet) so that nothing fails once flows are dropped: keep(ctx,
 * flow) says which flows stay (NULL: none) */
static cn_status finish(sel *s, int (*keep)(const sel *s, const cn_flow *f, const void *ctx), const void *ctx,
                        cn_error *err)
{
    cn_trade *t = s->t;
    size_t nc = s->nc, np = s->np, nimporters = 0;
    cn_flow *exports = malloc((cells_in(s->exp, nc * np) + 1) * sizeof *exports);
    cn_flow *imports = malloc((cells_in(s->imp, nc * np) + 1) * sizeof *imports);
    cn_flow *importers = malloc((nc + 1) * sizeof *importers);
    if (!exports || !imports || !importers) {
        free(exports);
        free(imports);
        free(importers);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    free(s->idx);
    s->idx = NULL;
    /* the flows kept first: the table shrinks before the cells are written */
    size_t w = 0;
    for (size_t i = 0; keep && i < t->nflows; i++)
        if (is_in(&t->flows[i], s->year) && keep(s, &t->flows[i], ctx))
            t->flows[w++] = t->flows[i];
    cn_flow *shrunk = realloc(t->flows, (w + 1) * sizeof *shrunk);
    if (shrunk)
        t->flows = shrunk;
    t->nflows = w;
    t->nexports = take_cells(s->exp, nc, np, 0, s->year, exports);
    free(s->exp);
    s->exp = NULL;
    t->nimports = take_cells(s->imp, nc, np, 1, s->year, imports);
    free(s->imp);
    s->imp = NULL;
    for (size_t c = 0; c < nc; c++)
        if (s->seen[c])
            importers[nimporters++] = (cn_flow){CN_TRADE_WORLD, (uint16_t)c, 0, s->year, NAN, NAN};
    free(t->importers);
    t->exports = exports;
    t->imports = imports;
    t->importers = importers;
    t->nimporters = nimporters;
    return CN_OK;
}

/* ---- the strongest flows (projections, weighted centrality) ---- */

typedef struct strongest {
    size_t ng;
    double *best;       /* (exporter, group): the largest share, -1 no flow, NAN flows of unknown share only */
    uint16_t *best_imp; /* the importer it goes to */
} strongest;

static void strongest_visit(void *ctx, uint16_t importer, uint16_t exporter, size_t g, double share, const fig *sum)
{
    (void)sum;
    strongest *k = ctx;
    size_t cell = (size_t)exporter * k->ng + g;
    if (k->best[cell] == -1.0 || (!isnan(share) && (isnan(k->best[cell]) || share > k->best[cell]))) {
        k->best[cell] = share;
        k->best_imp[cell] = importer;
    }
}

static int strongest_keep(const sel *s, const cn_flow *f, const void *ctx)
{
    const strongest *k = ctx;
    return k->best_imp[(size_t)f->exporter * s->ng + (size_t)s->gindex[f->product]] == f->importer;
}

cn_status cn_trade_keep_strongest(cn_trade *t, int year, cn_error *err)
{
    if (!selectable(t))
        return CN_OK; /* nothing to cut, or too many cells for the dense tables: the table stays whole */
    sel s = {.t = t};
    strongest k = {0, NULL, NULL};
    cn_status st = prepare(&s, year, err);
    if (!st) {
        size_t ngc = s.ng * s.nc;
        k.ng = s.ng;
        k.best = malloc((ngc + 1) * sizeof *k.best);
        k.best_imp = malloc((ngc + 1) * sizeof *k.best_imp);
        if (!k.best || !k.best_imp)
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
        for (size_t i = 0; !st && i < ngc; i++) {
            k.best[i] = -1.0;
            k.best_imp[i] = CN_TRADE_WORLD;
        }
    }
    if (!st)
        st = walk(&s, strongest_visit, &k, err);
    if (!st)
        st = finish(&s, strongest_keep, &k, err);
    free(k.best);
    free(k.best_imp);
    sel_free(&s);
    return st;
}

/* ---- what the world chokepoints ranking reads of each market (algorithms/chokepoints_world.c) ---- */

typedef struct choke {
    size_t ng;
    double threshold;
    int32_t *nsup;   /* (exporter, group): markets of the group it supplies */
    int32_t *nmk;    /* per group: its markets (importers with flows of it) */
    int32_t *last;   /* per group: the last importer counted in nmk */
    int32_t *crit;   /* triples (group, exporter, importer) of critical suppliers */
    size_t ncrit, capcrit;
    int oom;
} choke;

static void choke_visit(void *ctx, uint16_t importer, uint16_t exporter, size_t g, double share, const fig *sum)
{
    (void)sum;
    choke *k = ctx;
    k->nsup[(size_t)exporter * k->ng + g]++;
    if (k->last[g] != importer) {
        k->last[g] = importer;
        k->nmk[g]++;
    }
    /* the critical-supplier rule of algorithms/chokepoints_flow.c: share >= threshold, to 1e-12 */
    if (isnan(share) || !(share >= k->threshold - 1e-12) || k->oom)
        return;
    if (k->ncrit == k->capcrit) {
        size_t cap = k->capcrit ? 2 * k->capcrit : 4096;
        int32_t *p = realloc(k->crit, 3 * cap * sizeof *p);
        if (!p) {
            k->oom = 1;
            return;
        }
        k->crit = p;
        k->capcrit = cap;
    }
    int32_t *x = k->crit + 3 * k->ncrit++;
    x[0] = (int32_t)g;
    x[1] = exporter;
    x[2] = importer;
}

/* whether every market of the network is reached from the sources of the chokepoints flow network
 * (algorithms/chokepoints_flow.c, consumer NULL): a supplier is a source when one of its world-exports edges in
 * the base (the id before ':') has a share and a quantity other than 0, or when it imports nothing of the base.
 * Only then does each market's minimum cut hold all of its suppliers, as the flows say; a supplier that is
 * neither (all its exports of the base zero, and imports of it) sends the caller to the whole network. */
static int all_reached(const sel *s, int *oom)
{
    size_t nc = s->nc, np = s->np, ng = s->ng, nb = 0;
    int32_t *base = malloc((ng + 1) * sizeof *base);
    cn_i_strmap bases = {0};
    for (size_t p = 0; base && p < np; p++) {
        if (s->group[p] != (int32_t)p)
            continue; /* a group's first product names it */
        char id[160];
        cn_i_trade_group_id(s->t, (uint32_t)p, id, sizeof id);
        size_t len = strcspn(id, ":"), slot;
        int32_t b = cn_i_strmap_get(&bases, id, len, &slot);
        if (b < 0 && cn_i_strmap_put(&bases, slot, id, len, b = (int32_t)nb++, NULL))
            break;
        base[s->gindex[p]] = b;
    }
    cn_i_strmap_free(&bases);
    /* per (country, base): 1 supplies, 2 with a source edge, 4 imports */
    unsigned char *cb = base ? calloc(nc * (nb + 1) + 1, 1) : NULL;
    fig *gx = cb ? malloc((ng + 1) * sizeof *gx) : NULL;
    if (!gx) {
        free(base);
        free(cb);
        *oom = 1;
        return 0;
    }
    for (size_t g = 0; g < ng; g++)
        gx[g].v = -1.0;
    for (size_t e = 0; e < nc; e++) {
        for (size_t p = 0; p < np; p++) { /* the exporter's world exports per group, as the network sums them */
            const fig *x = &s->exp[e * np + p];
            if (x->v != -1.0)
                sum_fig(&gx[s->gindex[p]], x->v, x->q);
            if (s->imp[e * np + p].v != -1.0)
                cb[e * nb + (size_t)base[s->gindex[p]]] |= 4;
        }
        for (size_t g = 0; g < ng; g++) {
            if (gx[g].v == -1.0)
                continue;
            double x = s->basis[g] ? gx[g].v : gx[g].q;
            cb[e * nb + (size_t)base[g]] |= (unsigned char)(1 | (x == 0 || gx[g].q == 0 ? 0 : 2));
            gx[g].v = -1.0;
        }
    }
    int ok = 1;
    for (size_t i = 0; i < nc * nb && ok; i++)
        ok = !((cb[i] & 1) && !(cb[i] & 2) && (cb[i] & 4));
    free(base);
    free(cb);
    free(gx);
    return ok;
}

cn_status cn_trade_choke_world(cn_trade *t, const cn_trade_net_opts *opts, cn_choke_world_markets *mk, cn_net **out,
                               cn_error *err)
{
    *out = NULL;
    cn_choke_world_markets_free(mk);
    if (!(mk->threshold > 0.0 && mk->threshold <= 1.0))
        return cn_error_set(err, CN_EUSAGE, "threshold must be in (0,1]");
    if (!selectable(t))
        return cn_trade_to_net(t, opts, out, err); /* the whole network: the caller ranks from its cuts */
    sel s = {.t = t};
    choke k = {.threshold = mk->threshold};
    int oom = 0;
    cn_status st = prepare(&s, opts->year, err);
    if (!st && !all_reached(&s, &oom)) {
        sel_free(&s);
        return oom ? cn_error_set(err, CN_ENOMEM, "out of memory") : cn_trade_to_net(t, opts, out, err);
    }
    if (!st) {
        k.ng = s.ng;
        k.nsup = calloc(s.ng * s.nc + 1, sizeof *k.nsup);
        k.nmk = calloc(s.ng + 1, sizeof *k.nmk);
        k.last = malloc((s.ng + 1) * sizeof *k.last);
        if (!k.nsup || !k.nmk || !k.last)
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
        for (size_t g = 0; !st && g < s.ng; g++)
            k.last[g] = -1;
    }
    if (!st && !(st = walk(&s, choke_visit, &k, err)) && k.oom)
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
    size_t nall = 0;
    int32_t *all = NULL; /* pairs (group, exporter) in every market of the group */
    for (size_t i = 0; !st && i < s.ng * s.nc; i++)
        nall += k.nsup[i] > 0 && k.nsup[i] == k.nmk[i % s.ng];
    if (!st && !(all = malloc((2 * nall + 1) * sizeof *all)))
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
    nall = 0;
    for (size_t i = 0; !st && i < s.ng * s.nc; i++)
        if (k.nsup[i] > 0 && k.nsup[i] == k.nmk[i % s.ng]) {
            all[2 * nall] = (int32_t)(i % s.ng);
            all[2 * nall++ + 1] = (int32_t)(i / s.ng);
        }
    free(k.nsup);
    free(k.nmk);
    free(k.last);
    int32_t *gfirst = NULL, *gvert = NULL, *cvert = NULL;
    cn_trade_net_opts o = *opts;
    o.importer_vertices = 1; /* the countries of the whole network, importers too */
    if (!st)
        st = finish(&s, NULL, NULL, err); /* no flow stays: world exports and import totals only */
    if (!st && !(gfirst = malloc((s.ng + 1) * sizeof *gfirst)))
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
    for (size_t p = 0; !st && p < s.np; p++)
        if (s.group[p] == (int32_t)p)
            gfirst[s.gindex[p]] = (int32_t)p;
    if (!st)
        st = cn_trade_to_net(t, &o, out, err);
    /* the groups and countries as vertices of the network */
    if (!st && (!(gvert = malloc((s.ng + 1) * sizeof *gvert)) || !(cvert = malloc((s.nc + 1) * sizeof *cvert))))
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
    for (size_t g = 0; !st && g < s.ng; g++) {
        char id[160];
        cn_i_trade_group_id(t, (uint32_t)gfirst[g], id, sizeof id);
        gvert[g] = cn_net_find(*out, id);
    }
    for (size_t c = 0; !st && c < s.nc; c++)
        cvert[c] = cn_net_find(*out, t->countries[c]);
    size_t w = 0;
    for (size_t i = 0; !st && i < nall; i++) /* every group and country with flows is a vertex */
        if (gvert[all[2 * i]] >= 0 && cvert[all[2 * i + 1]] >= 0) {
            all[2 * w] = gvert[all[2 * i]];
            all[2 * w++ + 1] = cvert[all[2 * i + 1]];
        }
    nall = w;
    w = 0;
    for (size_t i = 0; !st && i < k.ncrit; i++) {
        const int32_t *x = k.crit + 3 * i;
        if (gvert[x[0]] >= 0 && cvert[x[1]] >= 0 && cvert[x[2]] >= 0) {
            int32_t *y = k.crit + 3 * w++;
            int32_t m = gvert[x[0]], e = cvert[x[1]], c = cvert[x[2]];
            y[0] = m;
            y[1] = e;
            y[2] = c;
        }
    }
    free(gfirst);
    free(gvert);
    free(cvert);
    sel_free(&s);
    if (st) {
        free(all);
        free(k.crit);
        cn_net_free(*out);
        *out = NULL;
        return st;
    }
    mk->allcuts = all;
    mk->nallcuts = nall;
    mk->critical = k.crit;
    mk->ncritical = w;
    mk->known = 1;
    return CN_OK;
}
