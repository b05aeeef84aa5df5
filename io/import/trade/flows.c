/* io/import/trade/flows.c: a flows table cut down to what one analysis needs, before any network is built from
 * it (docs/trade.md): cn_trade_keep_strongest keeps, per (exporter, product group), the flows to the one importer
 * it supplies the largest share of, with world exports and import totals, which is all the bipartite network's
 * pair weights (the largest known share of a pair, graph/bipartite.c) need. */
#include "critnet/trade.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/trade/maps_i.h"

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

/* group[p]: the first product of p's group, as cn_trade_to_net groups them (a mapped HS code's
 * "mineral:stage", else the product alone); returns the number of groups or -1 when out of memory */
static int32_t groups_of(const cn_trade *t, int32_t *group, int32_t *gindex)
{
    cn_i_strmap ids = {0};
    int32_t n = 0;
    for (uint32_t p = 0; p < t->nproducts; p++) {
        const cn_hs_mineral *h = cn_hs_lookup(t->products[p]);
        if (!h) {
            gindex[p] = n++;
            group[p] = (int32_t)p;
            continue;
        }
        char id[160];
        snprintf(id, sizeof id, "%s:%s", h->mineral, h->stage);
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

/* the cells of a dense (country x product) table as flows of year: exporter or importer = the country */
static cn_flow *take_cells(const fig *c, size_t nc, size_t np, int as_importer, int32_t year, size_t *n)
{
    size_t k = 0;
    for (size_t i = 0; i < nc * np; i++)
        k += c[i].v != -1.0;
    cn_flow *f = malloc((k + 1) * sizeof *f);
    if (!f)
        return NULL;
    *n = 0;
    for (size_t i = 0; i < nc * np; i++) {
        if (c[i].v == -1.0)
            continue;
        uint16_t who = (uint16_t)(i / np);
        f[(*n)++] = (cn_flow){as_importer ? CN_TRADE_WORLD : who, as_importer ? who : CN_TRADE_WORLD,
                              (uint32_t)(i % np), year, c[i].v, c[i].q};
    }
    return f;
}

static size_t key_of(const cn_flow *f, int by_exporter)
{
    return by_exporter ? f->exporter : f->importer;
}

/* sorts flows [0, n) in place by importer (or exporter), stably within nothing: counts, then cycles;
 * start[c] .. start[c + 1] holds country c's (start: 2 nc + 2 entries) */
static void bucket_sort(cn_flow *f, size_t n, size_t *start, size_t nc, int by_exporter)
{
    size_t *next = start + nc + 1;
    memset(start, 0, (nc + 1) * sizeof *start);
    for (size_t i = 0; i < n; i++)
        start[key_of(&f[i], by_exporter) + 1]++;
    for (size_t c = 0; c < nc; c++)
        start[c + 1] += start[c];
    memcpy(next, start, nc * sizeof *next);
    for (size_t c = 0; c < nc; c++)
        while (next[c] < start[c + 1]) {
            cn_flow x = f[next[c]];
            size_t k;
            while ((k = key_of(&x, by_exporter)) != c) { /* x goes to its bucket; take what was there */
                cn_flow y = f[next[k]];
                f[next[k]++] = x;
                x = y;
            }
            f[next[c]++] = x;
        }
}

/* 1 when each (importer, exporter) pair's flows stand together, as in a BACI file (sorted by year, exporter,
 * importer, product) read in order: the pass over pairs below then needs no sort. O(n) time, nc^2 bits. */
static int pairs_together(const cn_flow *f, size_t n, size_t nc)
{
    unsigned char *seen = calloc(nc * nc / 8 + 1, 1);
    int ok = seen != NULL;
    for (size_t i = 0; ok && i < n;) {
        uint16_t c = f[i].importer, e = f[i].exporter;
        size_t key = (size_t)c * nc + e;
        if (c >= nc || e >= nc || (seen[key >> 3] & (1u << (key & 7))))
            ok = 0;
        else
            seen[key >> 3] |= (unsigned char)(1u << (key & 7));
        while (++i < n && f[i].importer == c && f[i].exporter == e)
            ;
    }
    free(seen);
    return ok;
}

cn_status cn_trade_keep_strongest(cn_trade *t, int year, cn_error *err)
{
    if (t->world_exports || t->exports || t->ntotals || t->layout == CN_TRADE_LAYOUT_COMTRADE)
        return CN_OK; /* already a selection, or reported totals that the full network needs */
    size_t nc = t->ncountries, np = t->nproducts;
    if (!t->nflows || !nc || np * nc > ((size_t)1 << 25))
        return CN_OK; /* nothing to cut, or too many cells for the dense tables: the table stays whole */
    if (!year)
        for (size_t i = 0; i < t->nflows; i++)
            if (t->flows[i].year > year)
                year = t->flows[i].year;
    cn_status st = CN_OK;
    int32_t *group = malloc((np + 1) * sizeof *group), *gindex = malloc((np + 1) * sizeof *gindex);
    fig *exp = cn_i_trade_big_alloc((np * nc + 1) * sizeof *exp);
    fig *imp = cn_i_trade_big_alloc((np * nc + 1) * sizeof *imp);
    unsigned char *basis = calloc(np + 1, 1), *seen = calloc(nc + 1, 1);
    fig *acc = NULL;
    double *tot = NULL, *best = NULL;
    uint16_t *best_imp = NULL;
    size_t *start = NULL, *sub = NULL, *touched = NULL;
    cn_flow *exports = NULL, *imports = NULL, *importers = NULL;
    size_t nexports = 0, nimports = 0, nimporters = 0;
    int32_t ng = -1;
    if (!group || !gindex || !exp || !imp || !basis || !seen || (ng = groups_of(t, group, gindex)) < 0)
        goto nomem;
    for (size_t i = 0; i < np * nc; i++)
        exp[i].v = imp[i].v = -1.0;
    /* each (importer, exporter) pair's flows together: as read from a sorted BACI file, else sorted by importer,
     * each importer's by exporter (every table below is then read a country's row at a time) */
    if (!pairs_together(t->flows, t->nflows, nc)) {
        if (!(start = malloc((2 * nc + 2) * sizeof *start)) || !(sub = malloc((2 * nc + 2) * sizeof *sub)))
            goto nomem;
        bucket_sort(t->flows, t->nflows, start, nc, 0);
        for (size_t c = 0; c < nc; c++)
            bucket_sort(t->flows + start[c], start[c + 1] - start[c], sub, nc, 1);
    }
    /* world exports and import totals per product; a group is counted by value once any flow has a value */
    for (size_t i = 0; i < t->nflows; i++) {
        const cn_flow *f = &t->flows[i];
        if (f->year != year || f->exporter == f->importer)
            continue;
        sum_fig(&exp[(size_t)f->exporter * np + f->product], f->value, f->quantity);
        sum_fig(&imp[(size_t)f->importer * np + f->product], f->value, f->quantity);
        if (!isnan(f->value))
            basis[gindex[f->product]] = 1;
        seen[f->importer] = 1;
    }
    if (!(exports = take_cells(exp, nc, np, 0, year, &nexports)))
        goto nomem;
    free(exp);
    exp = NULL;
    if (!(imports = take_cells(imp, nc, np, 1, year, &nimports)))
        goto nomem;
    free(imp);
    imp = NULL;
    /* each importer's total per group, by the group's basis */
    size_t ngc = (size_t)ng * nc;
    if (!(tot = malloc((ngc + 1) * sizeof *tot)))
        goto nomem;
    for (size_t i = 0; i < ngc; i++)
        tot[i] = NAN;
    for (size_t i = 0; i < nimports; i++) {
        const cn_flow *x = &imports[i];
        int32_t g = gindex[x->product];
        add_known(&tot[(size_t)x->importer * (size_t)ng + (size_t)g], basis[g] ? x->value : x->quantity);
    }
    /* per (importer, exporter): the flows summed per group, each sum's share of the importer's total; per
     * (exporter, group) the largest share and the importer it goes to */
    acc = malloc(((size_t)ng + 1) * sizeof *acc);
    best = malloc((ngc + 1) * sizeof *best);
    best_imp = malloc((ngc + 1) * sizeof *best_imp);
    touched = malloc(((size_t)ng + 1) * sizeof *touched);
    if (!acc || !best || !best_imp || !touched)
        goto nomem;
    for (size_t g = 0; g < (size_t)ng; g++)
        acc[g].v = -1.0;
    for (size_t i = 0; i < ngc; i++) {
        best[i] = -1.0; /* no flow; NAN: flows of unknown share only */
        best_imp[i] = CN_TRADE_WORLD;
    }
    for (size_t i = 0; i < t->nflows;) {
        size_t j = i, nt = 0;
        uint16_t c = t->flows[i].importer, e = t->flows[i].exporter;
        for (; j < t->nflows && t->flows[j].importer == c && t->flows[j].exporter == e; j++) {
            const cn_flow *f = &t->flows[j];
            if (f->year != year || f->exporter == f->importer)
                continue;
            size_t g = (size_t)gindex[f->product];
            if (acc[g].v == -1.0)
                touched[nt++] = g;
            sum_fig(&acc[g], f->value, f->quantity);
        }
        for (size_t k = 0; k < nt; k++) {
            size_t g = touched[k], cell = (size_t)e * (size_t)ng + g;
            double x = basis[g] ? acc[g].v : acc[g].q, d = tot[(size_t)c * (size_t)ng + g];
            double share = d > 0 && !isnan(x) ? x / d : NAN;
            if (best[cell] == -1.0 || (!isnan(share) && (isnan(best[cell]) || share > best[cell]))) {
                best[cell] = share;
                best_imp[cell] = c;
            }
            acc[g].v = -1.0;
        }
        i = j;
    }
    if (!(importers = malloc((nc + 1) * sizeof *importers)))
        goto nomem;
    for (size_t c = 0; c < nc; c++)
        if (seen[c])
            importers[nimporters++] = (cn_flow){CN_TRADE_WORLD, (uint16_t)c, 0, year, NAN, NAN};
    /* the flows kept: those to each (group, exporter)'s importer of the largest share (nothing fails after) */
    size_t w = 0;
    for (size_t i = 0; i < t->nflows; i++) {
        const cn_flow *f = &t->flows[i];
        if (f->year == year && f->exporter != f->importer &&
            best_imp[(size_t)f->exporter * (size_t)ng + (size_t)gindex[f->product]] == f->importer)
            t->flows[w++] = *f;
    }
    cn_flow *shrunk = realloc(t->flows, (w + 1) * sizeof *shrunk);
    if (shrunk)
        t->flows = shrunk;
    t->nflows = w;
    free(t->importers);
    t->exports = exports;
    t->nexports = nexports;
    t->imports = imports;
    t->nimports = nimports;
    t->importers = importers;
    t->nimporters = nimporters;
    exports = imports = importers = NULL;
    goto done;
nomem:
    st = cn_error_set(err, CN_ENOMEM, "out of memory");
done:
    free(group);
    free(gindex);
    free(exp);
    free(imp);
    free(basis);
    free(seen);
    free(acc);
    free(tot);
    free(best);
    free(best_imp);
    free(start);
    free(sub);
    free(touched);
    free(exports);
    free(imports);
    free(importers);
    return st;
}
