/* algorithms/view_production.c: the production layer of a view: per mineral its headline production group
 * (critnet/headline.h) as producer edges, shares of the world total, ranks, the top producer. */
#include "view_i.h"

#include <math.h>
#include <stdlib.h>

#include "critnet/headline.h"

/* one mineral, pe[0..n) its produces edges in data order: its headline production group (critnet/headline.h);
 * share = the edge's own share, else quantity / the group's world total of the same unit */
static cn_status add_production(cn_i_vb *b, int32_t m, const int32_t *pe, int32_t n, int32_t *ix)
{
    const cn_net *net = b->net;
    cn_headline_production_group g;
    if (!cn_headline_production(net, pe, n, m, 0, &g))
        return CN_OK;
    const cn_edge *world = NULL;
    int32_t cnt = 0;
    for (int32_t k = 0; k < n; k++) {
        const cn_edge *e = &net->edges[pe[k]];
        if (!cn_headline_in_production(e, &g))
            continue;
        if (e->country == CN_WORLD)
            world = world ? world : e;
        else
            ix[cnt++] = pe[k];
    }
    size_t first = b->v->nedges;
    int32_t hidden;
    /* filter_group ranks by share, then quantity: the order the ranks below are given in */
    int32_t kept = cn_i_view_filter_group(b, ix, cnt, CN_I_NO_NODE, &hidden);
    if (kept == 0 && b->country >= 0)
        return CN_OK;
    int32_t mn = cn_i_view_role_node(b, b->mineral_of, CN_VNODE_MINERAL, m);
    if (mn < 0 || cn_i_view_add_suppliers(b, ix, kept, mn, CN_I_NO_NODE, CN_I_NO_EDGE) != CN_OK)
        return CN_ENOMEM;
    b->v->nodes[mn].hidden = hidden;
    int known = 1;
    for (size_t k = first; k < b->v->nedges; k++) {
        cn_view_edge *ve = &b->v->edges[k];
        const cn_edge *e = &net->edges[ve->edge];
        if (isnan(ve->share) && world && e->unit == world->unit && world->quantity > 0 && e->quantity >= 0)
            ve->share = e->quantity / world->quantity;
        known &= !isnan(ve->share);
        if (b->v->nodes[ve->from].kind == CN_VNODE_OTHER)
            b->v->nodes[ve->from].share = ve->share;
    }
    /* ranks by quantity when shares are unknown (the edges are sorted by quantity already) */
    int32_t rank = 0;
    for (size_t k = first; k < b->v->nedges; k++) {
        cn_view_edge *ve = &b->v->edges[k];
        if (!known && b->v->nodes[ve->from].kind != CN_VNODE_OTHER && !isnan(net->edges[ve->edge].quantity))
            ve->rank = ++rank;
    }
    /* the top producer: the largest share (or quantity); dominant when its share reaches the threshold */
    cn_view_edge *top = NULL;
    for (size_t k = first; k < b->v->nedges; k++) {
        cn_view_edge *ve = &b->v->edges[k];
        if (b->v->nodes[ve->from].kind == CN_VNODE_OTHER)
            continue;
        double s = known ? ve->share : -(double)ve->rank;
        double t = top ? (known ? top->share : -(double)top->rank) : 0;
        if ((known || ve->rank > 0) && (!top || s > t))
            top = ve;
    }
    if (top) {
        top->highlight = 1;
        b->v->nodes[mn].highlight = known && top->share >= b->o->threshold;
    }
    return CN_OK;
}

cn_status cn_i_view_production(cn_i_vb *b, cn_error *err)
{
    const cn_net *net = b->net;
    if (b->o->consumer)
        return cn_error_set(err, CN_EUSAGE, "--consumer applies to the imports layer only");
    int32_t *pe = malloc(((size_t)net->nedges + 1) * sizeof *pe);
    int32_t *ix = malloc(((size_t)net->nedges + 1) * sizeof *ix);
    cn_status st = CN_OK;
    if (!pe || !ix) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    size_t n = 0;
    for (int32_t i = 0; i < net->nedges; i++)
        if (net->edges[i].kind == CN_EDGE_PRODUCES && cn_i_view_mineral_wanted(b, net->edges[i].mineral))
            pe[n++] = i;
    cn_i_view_sort_by_market(net, pe, n); /* by mineral (consumer is -1 on produces edges), then data order */
    for (size_t lo = 0; lo < n && st == CN_OK;) {
        size_t hi = lo;
        while (hi < n && net->edges[pe[hi]].mineral == net->edges[pe[lo]].mineral)
            hi++;
        if (add_production(b, net->edges[pe[lo]].mineral, pe + lo, (int32_t)(hi - lo), ix) != CN_OK)
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
        lo = hi;
    }
done:
    free(pe);
    free(ix);
    return st;
}

