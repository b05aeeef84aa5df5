/* algorithms/deps.c: single-source dependencies of one consumer country: per mineral, net import reliance,
 * the known import sources, their concentration, the SINGLE-SOURCE (imports) and CONCENTRATED-SUPPLY (world
 * production) flags, and the severity score (cn_deps_severity, docs/measures.md). */
#include "critnet/deps.h"
#include "critnet/concentration.h"
#include "critnet/graph.h"
#include "critnet/headline.h"
#include "edges_i.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void cn_deps_opts_init(cn_deps_opts *o)
{
    o->consumer = "USA";
    o->threshold = 0.5;
    o->lists = 0;
    o->supply_threshold = 0.5;
}

double cn_deps_severity(double nir, double import_top, double world_top, int *world)
{
    if (world)
        *world = 0;
    if (isnan(nir))
        return NAN;
    if (!isnan(import_top))
        return nir * import_top;
    if (isnan(world_top))
        return NAN;
    if (world)
        *world = 1;
    return nir * world_top;
}

static int row_cmp(const void *pa, const void *pb, void *ctx)
{
    const cn_net *net = ctx;
    const cn_deps_row *a = pa, *b = pb;
    int an = isnan(a->severity), bn = isnan(b->severity);
    if (an != bn)
        return an - bn;
    if (!an && a->severity != b->severity)
        return a->severity > b->severity ? -1 : 1;
    if (a->single_source != b->single_source)
        return b->single_source - a->single_source;
    an = isnan(a->imp.top_share);
    bn = isnan(b->imp.top_share);
    if (an != bn)
        return an - bn;
    if (!an && a->imp.top_share != b->imp.top_share)
        return a->imp.top_share > b->imp.top_share ? -1 : 1;
    if (a->has_nir != b->has_nir)
        return b->has_nir - a->has_nir;
    return strcmp(net->vertices[a->mineral].id, net->vertices[b->mineral].id);
}

/* the numeric reliance used for severity: the value, else the lower bound, 0 for a net exporter */
static double nir_for_severity(const cn_deps_row *r)
{
    if (!r->has_nir)
        return NAN;
    if (r->nir_flags & CN_F_NET_EXPORTER)
        return 0.0;
    if (!isnan(r->nir))
        return r->nir;
    return r->nir_lo;
}

/* mine: the indices of the edges of mineral m for this consumer (relies and supplies), in data order */
static void fill_row(const cn_net *net, int32_t c, int32_t m, const int32_t *mine, int32_t nmine,
                     double threshold, cn_deps_row *r, int32_t *ix, double *shares)
{
    memset(r, 0, sizeof *r);
    r->mineral = m;
    r->top = CN_NONE;
    r->nir = r->nir_lo = r->nir_hi = r->other_share = r->severity = NAN;
    r->source = -1;
    r->prod_top = CN_NONE;
    cn_hhi_compute(NULL, 0, &r->imp);
    cn_hhi_compute(NULL, 0, &r->prod);

    /* reliance and import sources: the headline figures (critnet/headline.h) */
    const cn_edge *rel = cn_headline_reliance(net, mine, nmine, m, c);
    if (rel && (!isnan(rel->share) || !isnan(rel->lo) || (rel->flags & CN_F_NET_EXPORTER))) {
        r->has_nir = 1;
        r->nir = rel->share;
        r->nir_lo = !isnan(rel->lo) ? rel->lo : rel->share;
        r->nir_hi = !isnan(rel->hi) ? rel->hi : rel->share;
        r->nir_text = rel->text;
        r->nir_year = rel->year;
        r->nir_flags = rel->flags;
    }

    const cn_edge *first = cn_headline_imports_lead(net, mine, nmine, m, c);
    int32_t n = 0;
    double other = NAN;
    for (int32_t k = 0; first && k < nmine; k++) {
        int32_t i = mine[k];
        const cn_edge *e = &net->edges[i];
        if (!cn_headline_in_imports(e, first))
            continue;
        if (e->country == CN_OTHER) {
            if (!isnan(e->share))
                other = isnan(other) ? e->share : other + e->share;
            continue;
        }
        ix[n++] = i; /* a source named without share or rank still counts as a known source */
    }
    if (first) {
        r->period = first->period;
        r->basis = first->basis;
        r->source = first->source;
    }
    r->other_share = other;
    cn_i_sort_sources(net, ix, (size_t)n);
    for (int32_t k = 0; k < n; k++) {
        shares[k] = net->edges[ix[k]].share;
        if (!isnan(shares[k]) && shares[k] > 0)
            r->n_shares++;
    }
    r->n_sources = n;
    cn_hhi_compute(shares, (size_t)n, &r->imp);
    /* the top source: the largest known share, else the one ranked first; unknown otherwise */
    if (r->imp.top >= 0 || (n > 0 && net->edges[ix[0]].rank == 1)) {
        const cn_edge *top = &net->edges[ix[r->imp.top >= 0 ? r->imp.top : 0]];
        r->top = top->country;
        r->top_rank = top->rank;
    }

    /* verdict: SINGLE-SOURCE from import evidence only (severity: add_world_production, with the world side) */
    /* the only known source: one listed, no residual, and nothing implying others (a share below 1, or a
     * rank, which places it among several) */
    const cn_edge *one = n == 1 ? &net->edges[ix[0]] : NULL;
    int only = one && !(other > 0) &&
               (isnan(one->share) ? one->rank == 0 : one->share >= 1.0 - 1e-9);
    if (!r->has_nir && n == 0) {
        r->reason = "no data";
    } else if (!isnan(r->imp.top_share) && r->imp.top_share >= threshold) {
        r->single_source = 1;
        r->reason = "top share at or above threshold";
    } else if (only) {
        r->single_source = 1;
        r->reason = "only known source";
    } else if (n == 0) {
        r->reason = "no import sources";
    } else if (r->n_shares == 0) {
        r->reason = "share unknown";
    } else {
        r->reason = "";
    }
}

/* world-production concentration per row, its own flag (CONCENTRATED-SUPPLY) and the severity */
static cn_status add_world_production(const cn_net *net, double supply_threshold, cn_deps_result *out,
                                      cn_error *err)
{
    cn_concentration_opts mo;
    cn_concentration_opts_init(&mo);
    cn_concentration_result mr;
    cn_status st = cn_concentration_run(net, &mo, &mr, err);
    if (st)
        return st;
    int32_t *row_of = malloc(((size_t)net->nvertices + 1) * sizeof *row_of);
    if (!row_of) {
        cn_concentration_result_free(&mr);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    for (int32_t v = 0; v < net->nvertices; v++)
        row_of[v] = -1;
    for (size_t k = 0; k < mr.n; k++)
        row_of[mr.rows[k].mineral] = (int32_t)k;
    for (size_t i = 0; i < out->n; i++) {
        cn_deps_row *r = &out->rows[i];
        double world_top = NAN;
        if (row_of[r->mineral] >= 0) {
            const cn_concentration_row *p = &mr.rows[row_of[r->mineral]];
            r->prod_year = p->year;
            r->prod_top = p->top;
            r->prod = p->c;
            world_top = p->c.top_share;
            r->concentrated_supply = !isnan(world_top) && world_top >= supply_threshold;
        }
        r->severity = cn_deps_severity(nir_for_severity(r), r->imp.top_share, world_top, &r->severity_world);
    }
    free(row_of);
    cn_concentration_result_free(&mr);
    return CN_OK;
}

static int consumer_edge(const cn_edge *e, const void *ctx)
{
    return (e->kind == CN_EDGE_RELIES || e->kind == CN_EDGE_SUPPLIES) && e->consumer == *(const int32_t *)ctx;
}

cn_status cn_deps_run(const cn_net *net, const cn_deps_opts *opts, cn_deps_result *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    int32_t c = cn_net_find(net, opts->consumer);
    if (c < 0 || net->vertices[c].type != CN_VERTEX_COUNTRY)
        return cn_error_set(err, CN_EUSAGE, "consumer '%s' is not a country of this network", opts->consumer);
    if (!(opts->threshold > 0.0 && opts->threshold <= 1.0))
        return cn_error_set(err, CN_EUSAGE, "threshold must be in (0,1]");
    if (!(opts->supply_threshold > 0.0 && opts->supply_threshold <= 1.0))
        return cn_error_set(err, CN_EUSAGE, "supply threshold must be in (0,1]");
    out->consumer = c;
    out->threshold = opts->threshold;
    out->supply_threshold = opts->supply_threshold;

    /* the consumer's edges bucketed by mineral, in data order: O(V + E) */
    char *want = calloc((size_t)net->nvertices + 1, 1);
    int32_t *start = NULL, *bucket = NULL;
    int bad = cn_i_bucket_by_mineral(net, consumer_edge, &c, &start, &bucket);
    int32_t *ix = malloc(((size_t)net->nedges + 1) * sizeof *ix);
    double *shares = malloc(((size_t)net->nedges + 1) * sizeof *shares);
    cn_status st = CN_OK;
    if (!want || bad || !ix || !shares) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    /* which minerals: on the requested lists, else those with any figure for the consumer */
    for (int32_t v = 0; v < net->nvertices; v++) {
        if (net->vertices[v].type != CN_VERTEX_MINERAL)
            continue;
        want[v] = opts->lists ? (net->vertices[v].lists & opts->lists) != 0 : start[v + 1] > start[v];
    }
    size_t n = 0;
    for (int32_t v = 0; v < net->nvertices; v++)
        n += want[v];
    out->rows = calloc(n + 1, sizeof *out->rows);
    if (!out->rows) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    for (int32_t v = 0; v < net->nvertices; v++)
        if (want[v])
            fill_row(net, c, v, bucket + start[v], start[v + 1] - start[v], opts->threshold,
                     &out->rows[out->n++], ix, shares);
    st = add_world_production(net, opts->supply_threshold, out, err);
    if (st)
        goto done;
    cn_sort_r(out->rows, out->n, sizeof *out->rows, row_cmp, (void *)net);
done:
    free(want);
    free(start);
    free(bucket);
    free(ix);
    free(shares);
    if (st)
        cn_deps_result_free(out); /* on failure nothing is left to free */
    return st;
}

void cn_deps_result_free(cn_deps_result *r)
{
    free(r->rows);
    r->rows = NULL;
    r->n = 0;
}

double cn_deps_risk_of(const cn_risk_result *risk, int32_t mineral, int *over)
{
    *over = 0;
    for (size_t k = 0; k < risk->n; k++)
        if (risk->rows[k].mineral == mineral) {
            *over = risk->rows[k].over;
            return risk->rows[k].risk;
        }
    return NAN;
}

void cn_deps_add_risk(cn_deps_result *d, const cn_risk_result *risk)
{
    d->with_risk = 1;
    d->sr_threshold = risk->threshold;
    for (size_t i = 0; i < d->n; i++)
        d->rows[i].sr = cn_deps_risk_of(risk, d->rows[i].mineral, &d->rows[i].sr_over);
}
