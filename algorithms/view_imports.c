/* algorithms/view_imports.c: the imports layer of a view: per consumer a cn_deps_run run, then per mineral
 * its headline import group (critnet/headline.h) as supplier edges and the relies edge, with its verdicts. */
#include "view_i.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "critnet/deps.h"
#include "critnet/headline.h"

/* the edge cn_deps_run names as the top source of a row, among the group's edges */
static int32_t top_edge_of(const cn_net *net, const cn_deps_row *r, const int32_t *ix, int32_t n)
{
    if (r->top == CN_NONE)
        return CN_I_NO_EDGE;
    for (int32_t k = 0; k < n; k++) {
        const cn_edge *e = &net->edges[ix[k]];
        if (e->country != r->top)
            continue;
        if (isnan(r->imp.top_share) ? isnan(e->share) && e->rank == r->top_rank : e->share == r->imp.top_share)
            return ix[k];
    }
    return CN_I_NO_EDGE;
}

/* one consumer: a cn_deps_run run, then per mineral its headline suppliers and the relies edge */
static cn_status add_consumer(cn_i_vb *b, int32_t c, const int32_t *cand, size_t ncand, int32_t *ix, cn_error *err)
{
    const cn_net *net = b->net;
    cn_deps_opts d;
    cn_deps_opts_init(&d);
    d.consumer = net->vertices[c].id;
    d.threshold = b->o->threshold;
    d.lists = b->o->lists;
    cn_deps_result res;
    cn_status st = cn_deps_run(net, &d, &res, err);
    if (st)
        return st;
    for (size_t r = 0; r < res.n && st == CN_OK; r++) {
        const cn_deps_row *row = &res.rows[r];
        int32_t m = row->mineral;
        if (!cn_i_view_mineral_wanted(b, m))
            continue;
        /* this (consumer, mineral)'s supplies edges: a range of the sorted candidates */
        size_t lo = 0, hi = ncand;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            const cn_edge *e = &net->edges[cand[mid]];
            if (e->consumer < c || (e->consumer == c && e->mineral < m))
                lo = mid + 1;
            else
                hi = mid;
        }
        size_t end = lo;
        while (end < ncand && net->edges[cand[end]].consumer == c && net->edges[cand[end]].mineral == m)
            end++;
        /* the headline group (critnet/headline.h), as cn_deps_run reads it */
        int32_t n = cn_headline_imports(net, cand + lo, (int32_t)(end - lo), m, c, ix);
        int32_t top = top_edge_of(net, row, ix, n), hidden;
        int32_t kept = cn_i_view_filter_group(b, ix, n, c, &hidden);
        if (b->country >= 0 && c != b->country && kept == 0)
            continue; /* --country: this mineral does not involve the country */
        int32_t mn = cn_i_view_role_node(b, b->mineral_of, CN_VNODE_MINERAL, m);
        int32_t cn = cn_i_view_role_node(b, b->consumer_of, CN_VNODE_CONSUMER, c);
        if (mn < 0 || cn < 0 || cn_i_view_add_suppliers(b, ix, kept, mn, c, top) != CN_OK) {
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
            break;
        }
        b->v->nodes[mn].hidden += hidden;
        b->v->nodes[mn].highlight |= row->single_source;
        cn_view_edge *re = cn_i_view_add_edge(b, mn, cn, CN_EDGE_RELIES, CN_I_NO_EDGE);
        if (!re) {
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
            break;
        }
        re->known = row->has_nir;
        re->share = row->has_nir ? row->nir : NAN;
        re->lo = row->has_nir ? row->nir_lo : NAN;
        re->text = row->nir_text;
        re->flags = row->nir_flags;
        re->year = row->nir_year;
        re->highlight = row->single_source;
    }
    cn_deps_result_free(&res);
    return st;
}

cn_status cn_i_view_imports(cn_i_vb *b, cn_error *err)
{
    const cn_net *net = b->net;
    int32_t only = CN_I_ALL_CONSUMERS;
    if (b->o->consumer) {
        only = cn_net_find(net, b->o->consumer);
        if (only < 0 || net->vertices[only].type != CN_VERTEX_COUNTRY)
            return cn_error_set(err, CN_EUSAGE, "consumer '%s' is not a country of this network",
                                b->o->consumer);
    } else if (!b->mineral && b->country < 0) {
        only = cn_net_find(net, "USA");
        if (only < 0 || net->vertices[only].type != CN_VERTEX_COUNTRY)
            return cn_error_set(err, CN_EUSAGE, "the network has no consumer 'USA'; choose one with --consumer");
    }
    int32_t *cand = malloc(((size_t)net->nedges + 1) * sizeof *cand);
    int32_t *ix = malloc(((size_t)net->nedges + 1) * sizeof *ix);
    char *seen = calloc((size_t)net->nvertices + 1, 1);
    cn_status st = CN_OK;
    if (!cand || !ix || !seen) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    size_t ncand = 0;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if ((e->kind != CN_EDGE_SUPPLIES && e->kind != CN_EDGE_RELIES) ||
            (only != CN_I_ALL_CONSUMERS && e->consumer != only) ||
            !cn_i_view_mineral_wanted(b, e->mineral))
            continue;
        if (b->country < 0 || e->consumer == b->country || e->country == b->country)
            seen[e->consumer] = 1;
        if (e->kind == CN_EDGE_SUPPLIES)
            cand[ncand++] = i;
    }
    cn_i_view_sort_by_market(net, cand, ncand);
    if (only != CN_I_ALL_CONSUMERS)
        seen[only] = 1; /* the chosen consumer is drawn even when nothing is known */
    for (int32_t c = 0; c < net->nvertices && st == CN_OK; c++)
        if (seen[c]) {
            b->v->nconsumers++;
            st = add_consumer(b, c, cand, ncand, ix, err);
        }
    for (size_t k = 0; k < b->v->nedges; k++)
        b->v->edges[k].multi = b->v->nconsumers > 1;
done:
    free(cand);
    free(ix);
    free(seen);
    return st;
}

