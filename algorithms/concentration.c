/* algorithms/concentration.c: per-mineral concentration of world production (shares of the world total), of a
 * consumer's imports (shares of its imports; ranks only when the shares are unknown) or of world reserves
 * (shares of the printed world total, else of the listed figures). docs/measures-usgs.md */
#include "critnet/concentration.h"
#include "critnet/graph.h"
#include "critnet/headline.h"

#include "edges_i.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void cn_concentration_opts_init(cn_concentration_opts *o)
{
    o->layer = CN_LAYER_PRODUCTION;
    o->mineral = NULL;
    o->year = 0;
    o->consumer = "USA";
}

static int row_cmp(const void *pa, const void *pb, void *ctx)
{
    const cn_net *net = ctx;
    const cn_concentration_row *a = pa, *b = pb;
    int an = isnan(a->c.hhi), bn = isnan(b->c.hhi);
    if (an != bn)
        return an - bn;
    if (!an && a->c.hhi != b->c.hhi)
        return a->c.hhi > b->c.hhi ? -1 : 1;
    return strcmp(net->vertices[a->mineral].id, net->vertices[b->mineral].id);
}

/* the edges of one group of mineral m's bucket into ix; fills the row. Returns 0 when nothing is listed. */
static int fill(const cn_net *net, const cn_concentration_opts *o, int32_t m, int32_t consumer, const int32_t *mine,
                int32_t nmine, int32_t *ix, double *shares, cn_concentration_row *r)
{
    memset(r, 0, sizeof *r);
    r->top = CN_NONE;
    r->total = r->other_share = NAN;
    r->source = -1;
    /* the headline group (critnet/headline.h): the import sources of the consumer, or the production of a
     * year (o->year when given) */
    const cn_edge *first = NULL;
    cn_headline_production_group prod = {0};
    if (o->layer == CN_LAYER_IMPORTS) {
        if (!(first = cn_headline_imports_lead(net, mine, nmine, m, consumer)))
            return 0;
    } else if (!cn_headline_production(net, mine, nmine, m, o->year, &prod)) {
        return 0;
    }
    int32_t n = 0;
    for (int32_t k = 0; k < nmine; k++) {
        const cn_edge *e = &net->edges[mine[k]];
        if (first ? !cn_headline_in_imports(e, first) : !cn_headline_in_production(e, &prod))
            continue;
        if (r->source < 0)
            r->source = e->source;
        if (e->country == CN_WORLD) {
            r->total = e->quantity;
            r->unit = e->unit;
        } else if (e->country == CN_OTHER) {
            if (!isnan(e->share))
                r->other_share = isnan(r->other_share) ? e->share : r->other_share + e->share;
        } else {
            ix[n++] = mine[k];
        }
        if (!r->unit)
            r->unit = e->unit;
    }
    if (n == 0 && isnan(r->total) && isnan(r->other_share))
        return 0;
    r->year = first ? 0 : prod.year;
    r->period = first ? first->period : NULL;
    cn_i_sort_sources(net, ix, (size_t)n);
    for (int32_t k = 0; k < n; k++) {
        shares[k] = net->edges[ix[k]].share;
        r->n_unknown += isnan(shares[k]);
    }
    r->n_listed = n;
    cn_hhi_compute(shares, (size_t)n, &r->c);
    if (r->c.top >= 0 || (n > 0 && net->edges[ix[0]].rank == 1)) {
        const cn_edge *top = &net->edges[ix[r->c.top >= 0 ? r->c.top : 0]];
        r->top = top->country;
        r->top_rank = top->rank;
    }
    return 1;
}

int cn_reserves_in_group(const cn_edge *e, const cn_reserves_group *g)
{
    return e->kind == CN_EDGE_PRODUCES && e->mineral == g->mineral && g->year && e->year == g->year;
}

double cn_reserves_share(const cn_edge *e, const cn_reserves_group *g)
{
    if (e->flags & CN_F_RESERVES_MIN)
        return NAN;
    double s = e->reserves / g->denom;
    return isnan(s) || s > 1.0 + 1e-12 ? NAN : s;
}

static const cn_edge *nth_edge(const cn_net *net, const int32_t *idx, int32_t k)
{
    return &net->edges[idx ? idx[k] : k];
}

int cn_reserves_group_find(const cn_net *net, const int32_t *idx, int32_t n, int32_t m, int32_t year,
                           cn_reserves_group *out)
{
    *out = (cn_reserves_group){.mineral = m, .world = NAN, .listed = NAN, .other = NAN, .denom = NAN,
                               .source = -1};
    int32_t nk = idx ? n : net->nedges;
    for (int32_t k = 0; k < nk; k++) {
        const cn_edge *e = nth_edge(net, idx, k);
        if (e->kind == CN_EDGE_PRODUCES && e->mineral == m && !isnan(e->reserves) &&
            (year ? e->year == year : e->year > out->year))
            out->year = e->year ? e->year : -1; /* -1: a figure without a year, never a match for a year */
    }
    if (out->year <= 0) {
        out->year = 0;
        return 0;
    }
    for (int32_t k = 0; k < nk; k++) {
        const cn_edge *e = nth_edge(net, idx, k);
        if (!cn_reserves_in_group(e, out) || isnan(e->reserves))
            continue;
        if (out->source < 0)
            out->source = e->source;
        if (!out->unit)
            out->unit = e->unit;
        int min = (e->flags & CN_F_RESERVES_MIN) != 0;
        if (e->country == CN_WORLD) {
            out->world = e->reserves;
            out->world_min = min;
            continue;
        }
        if (e->country == CN_OTHER) {
            out->other = isnan(out->other) ? e->reserves : out->other + e->reserves;
            out->other_min |= min;
        }
        out->listed = isnan(out->listed) ? e->reserves : out->listed + e->reserves;
        out->listed_min |= min;
    }
    if (out->world > 0) {
        /* a world total known only as "> X": the world holds at least X and at least what is listed */
        out->denom = out->world_min && out->listed > out->world ? out->listed : out->world;
        out->shares_of = 1;
        out->shares_max = out->world_min;
    } else if (out->listed > 0) {
        out->denom = out->listed;
        out->shares_of = 2;
        out->shares_max = out->listed_min;
    }
    return 1;
}

/* edge indices: larger known reserves first (unknown last), then the country label, then the index */
static int reserves_cmp(const void *pa, const void *pb, void *ctx)
{
    const cn_net *net = ctx;
    int32_t ia = *(const int32_t *)pa, ib = *(const int32_t *)pb;
    const cn_edge *a = &net->edges[ia], *b = &net->edges[ib];
    int an = isnan(a->reserves), bn = isnan(b->reserves);
    if (an != bn)
        return an - bn;
    if (!an && a->reserves != b->reserves)
        return a->reserves > b->reserves ? -1 : 1;
    int c = strcmp(cn_net_country_label(net, a->country), cn_net_country_label(net, b->country));
    return c ? c : (ia > ib) - (ia < ib);
}

/* the reserves row of mineral m: its reserves group's holders, or a "no data" row (shares_of 0) */
static void fill_reserves(const cn_net *net, const cn_concentration_opts *o, int32_t m, const int32_t *mine,
                          int32_t nmine, int32_t *ix, double *shares, cn_concentration_row *r)
{
    memset(r, 0, sizeof *r);
    r->top = CN_NONE;
    r->total = r->other_share = NAN;
    r->source = -1;
    cn_hhi_compute(NULL, 0, &r->c);
    cn_reserves_group g;
    if (!cn_reserves_group_find(net, mine, nmine, m, o->year, &g))
        return;
    r->year = g.year;
    r->unit = g.unit;
    r->total = g.world;
    r->source = g.source;
    r->shares_of = g.shares_of;
    r->shares_max = g.shares_max;
    r->total_min = g.world_min;
    r->other_share = isnan(g.other) || g.other_min ? NAN : g.other / g.denom; /* a bound over a bound: unknown */
    int32_t n = 0;
    for (int32_t k = 0; k < nmine; k++) {
        const cn_edge *e = &net->edges[mine[k]];
        if (cn_reserves_in_group(e, &g) && e->country != CN_WORLD && e->country != CN_OTHER)
            ix[n++] = mine[k];
    }
    cn_sort_r(ix, (size_t)n, sizeof *ix, reserves_cmp, (void *)net); /* by reserves, not by production */
    for (int32_t k = 0; k < n; k++) {
        shares[k] = cn_reserves_share(&net->edges[ix[k]], &g);
        r->n_unknown += isnan(shares[k]);
    }
    r->n_listed = n;
    cn_hhi_compute(shares, (size_t)n, &r->c);
    if (r->c.top >= 0)
        r->top = net->edges[ix[r->c.top]].country;
}

struct layer_of {
    cn_edge_kind kind;
    int32_t consumer;
};

static int in_layer(const cn_edge *e, const void *ctx)
{
    const struct layer_of *l = ctx;
    return e->kind == l->kind && (l->kind == CN_EDGE_PRODUCES || e->consumer == l->consumer);
}

cn_status cn_concentration_run(const cn_net *net, const cn_concentration_opts *opts, cn_concentration_result *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->layer = opts->layer;
    out->consumer = -1;
    if (opts->layer == CN_LAYER_IMPORTS) {
        out->consumer = cn_net_find(net, opts->consumer);
        if (out->consumer < 0 || net->vertices[out->consumer].type != CN_VERTEX_COUNTRY)
            return cn_error_set(err, CN_EUSAGE, "consumer '%s' is not a country of this network", opts->consumer);
    }
    cn_status st = cn_i_check_mineral(net, opts->mineral, err);
    if (st)
        return st;

    struct layer_of sel = {opts->layer == CN_LAYER_IMPORTS ? CN_EDGE_SUPPLIES : CN_EDGE_PRODUCES, out->consumer};
    int32_t *start = NULL, *bucket = NULL;
    int bad = cn_i_bucket_by_mineral(net, in_layer, &sel, &start, &bucket);
    int32_t *ix = malloc(((size_t)net->nedges + 1) * sizeof *ix);
    double *shares = malloc(((size_t)net->nedges + 1) * sizeof *shares);
    out->rows = calloc((size_t)net->nvertices + 1, sizeof *out->rows);
    if (bad || !ix || !shares || !out->rows) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    for (int32_t v = 0; v < net->nvertices; v++) {
        if (!cn_i_mineral_wanted(net, v, opts->mineral) || start[v + 1] == start[v])
            continue;
        cn_concentration_row *r = &out->rows[out->n];
        if (opts->layer == CN_LAYER_RESERVES) { /* every mineral with production figures: "no data" said */
            fill_reserves(net, opts, v, bucket + start[v], start[v + 1] - start[v], ix, shares, r);
            r->mineral = v;
            out->n++;
            continue;
        }
        if (fill(net, opts, v, out->consumer, bucket + start[v], start[v + 1] - start[v], ix, shares, r)) {
            r->mineral = v;
            out->n++;
        }
    }
    cn_sort_r(out->rows, out->n, sizeof *out->rows, row_cmp, (void *)net);
done:
    free(start);
    free(bucket);
    free(ix);
    free(shares);
    if (st)
        cn_concentration_result_free(out);
    return st;
}

void cn_concentration_result_free(cn_concentration_result *r)
{
    free(r->rows);
    r->rows = NULL;
    r->n = 0;
}
