/* algorithms/deps_supplier.c: the reverse view of deps: which consumers and minerals hang on one supplier
 * country (its share of each consumer's headline import group, times the consumer's reliance), ranked. */
#include "critnet/deps.h"
#include "critnet/graph.h"
#include "critnet/headline.h"
#include "edges_i.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int pair_cmp(const void *pa, const void *pb, void *ctx)
{
    const cn_net *net = ctx;
    int32_t ia = *(const int32_t *)pa, ib = *(const int32_t *)pb;
    const cn_edge *a = &net->edges[ia], *b = &net->edges[ib];
    if (a->consumer != b->consumer)
        return a->consumer < b->consumer ? -1 : 1;
    if (a->mineral != b->mineral)
        return a->mineral < b->mineral ? -1 : 1;
    return ia < ib ? -1 : ia > ib; /* data order within a pair */
}

static int row_cmp(const void *pa, const void *pb, void *ctx)
{
    const cn_net *net = ctx;
    const cn_deps_supplier_row *a = pa, *b = pb;
    int an = isnan(a->exposure), bn = isnan(b->exposure);
    if (an != bn)
        return an - bn;
    if (!an && a->exposure != b->exposure)
        return a->exposure > b->exposure ? -1 : 1;
    an = isnan(a->share);
    bn = isnan(b->share);
    if (an != bn)
        return an - bn;
    if (!an && a->share != b->share)
        return a->share > b->share ? -1 : 1;
    int32_t ar = a->rank ? a->rank : INT32_MAX, br = b->rank ? b->rank : INT32_MAX;
    if (ar != br)
        return ar < br ? -1 : 1;
    int c = strcmp(net->vertices[a->consumer].id, net->vertices[b->consumer].id);
    return c ? c : strcmp(net->vertices[a->mineral].id, net->vertices[b->mineral].id);
}

/* the (consumer, mineral) pair of edges ix[0..n): a row when the supplier is in its headline import group */
static int pair_row(const cn_net *net, int32_t s, const int32_t *ix, int32_t n, int32_t *src,
                    cn_deps_supplier_row *r)
{
    int32_t c = net->edges[ix[0]].consumer, m = net->edges[ix[0]].mineral;
    const cn_edge *lead = cn_headline_imports_lead(net, ix, n, m, c);
    if (!lead)
        return 0;
    int32_t ns = 0, mine = -1;
    for (int32_t k = 0; k < n; k++) {
        const cn_edge *e = &net->edges[ix[k]];
        if (!cn_headline_in_imports(e, lead) || e->country == CN_OTHER)
            continue;
        if (e->country == s && mine < 0)
            mine = ix[k];
        src[ns++] = ix[k];
    }
    if (mine < 0)
        return 0;
    memset(r, 0, sizeof *r);
    const cn_edge *e = &net->edges[mine];
    r->consumer = c;
    r->mineral = m;
    r->share = e->share;
    r->rank = e->rank;
    r->n_sources = ns;
    r->period = lead->period;
    r->source = lead->source;
    r->world_share = NAN;
    /* the top source as cn_deps_run names it: the largest known share, else the one ranked first */
    cn_i_sort_sources(net, src, (size_t)ns);
    const cn_edge *first = &net->edges[src[0]];
    r->top = src[0] == mine && (!isnan(first->share) || first->rank == 1);
    r->nir = NAN;
    const cn_edge *rel = cn_headline_reliance(net, ix, n, m, c);
    if (rel && (rel->flags & CN_F_NET_EXPORTER)) {
        r->has_nir = 1;
        r->nir = 0.0;
    } else if (rel && (!isnan(rel->share) || !isnan(rel->lo))) {
        r->has_nir = 1;
        r->nir = !isnan(rel->share) ? rel->share : rel->lo;
    }
    if (r->has_nir)
        r->nir_text = rel->text;
    r->exposure = r->has_nir && !isnan(r->share) ? r->nir * r->share : NAN;
    return 1;
}

static int produces_edge(const cn_edge *e, const void *ctx)
{
    (void)ctx;
    return e->kind == CN_EDGE_PRODUCES;
}

/* the supplier's share of world production per row's mineral, from the mineral's headline production group */
static int add_world_shares(const cn_net *net, int32_t s, cn_deps_supplier_result *out)
{
    int32_t *start = NULL, *bucket = NULL;
    if (cn_i_bucket_by_mineral(net, produces_edge, NULL, &start, &bucket)) {
        free(start);
        free(bucket);
        return -1;
    }
    for (size_t i = 0; i < out->n; i++) {
        cn_deps_supplier_row *r = &out->rows[i];
        const int32_t *ix = bucket + start[r->mineral];
        int32_t n = start[r->mineral + 1] - start[r->mineral];
        cn_headline_production_group g;
        if (!cn_headline_production(net, ix, n, r->mineral, 0, &g))
            continue;
        for (int32_t k = 0; k < n; k++) {
            const cn_edge *e = &net->edges[ix[k]];
            if (e->country == s && cn_headline_in_production(e, &g)) {
                r->world_share = e->share;
                break;
            }
        }
    }
    free(start);
    free(bucket);
    return 0;
}

cn_status cn_deps_supplier_run(const cn_net *net, const char *supplier, const char *consumer, unsigned lists,
                               cn_deps_supplier_result *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    int32_t s = cn_net_find(net, supplier);
    if (s < 0 || net->vertices[s].type != CN_VERTEX_COUNTRY)
        return cn_error_set(err, CN_EUSAGE, "supplier '%s' is not a country of this network", supplier);
    int32_t only = -1;
    if (consumer) {
        only = cn_net_find(net, consumer);
        if (only < 0 || net->vertices[only].type != CN_VERTEX_COUNTRY)
            return cn_error_set(err, CN_EUSAGE, "consumer '%s' is not a country of this network", consumer);
    }
    out->supplier = s;
    /* the pairs (consumer, mineral) with a supplies edge from s: their edges, grouped by pair in data order */
    char *pair_c = calloc((size_t)net->nvertices + 1, 1);
    int32_t *ix = malloc(((size_t)net->nedges + 1) * sizeof *ix);
    int32_t *src = malloc(((size_t)net->nedges + 1) * sizeof *src);
    cn_status st = CN_OK;
    if (!pair_c || !ix || !src) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (e->kind == CN_EDGE_SUPPLIES && e->country == s && (only < 0 || e->consumer == only) &&
            (!lists || (net->vertices[e->mineral].lists & lists)))
            pair_c[e->consumer] = 1;
    }
    int32_t n = 0;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if ((e->kind == CN_EDGE_SUPPLIES || e->kind == CN_EDGE_RELIES) && e->consumer >= 0 && pair_c[e->consumer] &&
            (!lists || (net->vertices[e->mineral].lists & lists)))
            ix[n++] = i;
    }
    cn_sort_r(ix, (size_t)n, sizeof *ix, pair_cmp, (void *)net);
    size_t npairs = 0;
    for (int32_t k = 0; k < n; k++)
        npairs += k == 0 || net->edges[ix[k - 1]].consumer != net->edges[ix[k]].consumer ||
                      net->edges[ix[k - 1]].mineral != net->edges[ix[k]].mineral;
    out->rows = calloc(npairs + 1, sizeof *out->rows);
    if (!out->rows) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    memset(pair_c, 0, (size_t)net->nvertices + 1); /* now: consumers counted */
    for (int32_t k = 0, end; k < n; k = end) {
        const cn_edge *e = &net->edges[ix[k]];
        for (end = k + 1; end < n && net->edges[ix[end]].consumer == e->consumer &&
                          net->edges[ix[end]].mineral == e->mineral;
             end++)
            ;
        if (pair_row(net, s, ix + k, end - k, src, &out->rows[out->n])) {
            out->consumers += !pair_c[e->consumer];
            pair_c[e->consumer] = 1;
            out->n++;
        }
    }
    if (add_world_shares(net, s, out)) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    cn_sort_r(out->rows, out->n, sizeof *out->rows, row_cmp, (void *)net);
done:
    free(pair_c);
    free(ix);
    free(src);
    if (st)
        cn_deps_supplier_result_free(out);
    return st;
}

void cn_deps_supplier_result_free(cn_deps_supplier_result *r)
{
    free(r->rows);
    r->rows = NULL;
    r->n = 0;
    r->consumers = 0;
}
