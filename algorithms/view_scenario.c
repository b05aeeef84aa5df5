/* algorithms/view_scenario.c: the scenario view: the rows of a cn_scenario_result (each consumer and mineral
 * it affects) as kept, lost, replacing and impact edges. */
#include "view_i.h"

#include <math.h>

#include "critnet/scenario.h"

/* the net edge a scenario flow comes from (same consumer, mineral, country, share and rank), or -1 */
static int32_t flow_edge(const cn_net *net, const cn_scenario_row *r, const cn_scenario_flow *f)
{
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (e->kind == CN_EDGE_SUPPLIES && e->consumer == r->consumer && e->mineral == r->mineral &&
            e->country == f->country && e->rank == f->rank &&
            (isnan(f->share) ? isnan(e->share) : e->share == f->share))
            return i;
    }
    return CN_I_NO_EDGE;
}

static cn_view_edge *scn_edge(cn_i_vb *b, int32_t from, int32_t to, cn_edge_kind kind, int32_t edge, cn_view_mark what,
                          const cn_scenario_row *r, double share, int32_t rank)
{
    cn_view_edge *e = cn_i_view_add_edge(b, from, to, kind, edge);
    if (e) {
        e->scn = what;
        e->row = r;
        e->share = share;
        e->rank = rank;
    }
    return e;
}

/* one row: its listed suppliers (kept, lost, replacing), the alternatives that replace, the impact edge */
static cn_status add_scn_row(cn_i_vb *b, const cn_scenario_row *r)
{
    const cn_net *net = b->net;
    int32_t mn = cn_i_view_role_node(b, b->mineral_of, CN_VNODE_MINERAL, r->mineral);
    int32_t cn = cn_i_view_role_node(b, b->consumer_of, CN_VNODE_CONSUMER, r->consumer);
    int32_t seq = 0;
    if (mn < 0 || cn < 0)
        return CN_ENOMEM;
    for (size_t k = 0; k < r->nflows; k++) {
        const cn_scenario_flow *f = &r->flows[k];
        int replaces = f->replacement > 0;
        if (!f->supplier && !replaces)
            continue; /* an alternative with nothing (or an unknown amount) to add */
        int32_t from;
        if (f->country >= 0) {
            from = cn_i_view_role_node(b, b->supplier_of, CN_VNODE_SUPPLIER, f->country);
        } else {
            from = cn_i_view_add_node(b, f->country == CN_UNNAMED ? CN_VNODE_UNNAMED : CN_VNODE_OTHER, r->mineral,
                                      r->consumer);
            if (from >= 0 && f->country == CN_UNNAMED)
                b->v->nodes[from].seq = ++seq;
            if (from >= 0 && f->country == CN_OTHER)
                b->v->nodes[from].share = f->share;
        }
        if (from < 0)
            return CN_ENOMEM;
        int32_t edge = f->supplier ? flow_edge(net, r, f) : CN_I_NO_EDGE;
        if (f->supplier && f->fraction < 1.0 &&
            !scn_edge(b, from, mn, CN_EDGE_SUPPLIES, edge, CN_VIEW_MARK_KEEP, r, f->remaining, f->rank))
            return CN_ENOMEM;
        if (f->supplier && f->fraction > 0 && !scn_edge(b, from, mn, CN_EDGE_SUPPLIES, edge, CN_VIEW_MARK_LOST, r, f->lost,
                                                        f->rank))
            return CN_ENOMEM;
        if (replaces &&
            !scn_edge(b, from, mn, CN_EDGE_SUPPLIES, CN_I_NO_EDGE, CN_VIEW_MARK_REPLACE, r, f->replacement, 0))
            return CN_ENOMEM;
    }
    int32_t rel = r->nir_edge;
    cn_view_edge *re = scn_edge(b, mn, cn, CN_EDGE_RELIES, rel, CN_VIEW_MARK_IMPACT, r, r->has_nir ? r->nir : NAN, 0);
    if (!re)
        return CN_ENOMEM;
    re->known = r->has_nir;
    re->lo = r->nir_bound ? r->nir : NAN;
    re->text = r->nir_text;
    re->flags = rel >= 0 ? b->net->edges[rel].flags : 0;
    re->year = rel >= 0 ? b->net->edges[rel].year : 0;
    return CN_OK;
}

cn_status cn_i_view_scenario(cn_i_vb *b, cn_error *err)
{
    const cn_net *net = b->net;
    const cn_scenario_result *res = b->o->scn_result;
    int32_t only = CN_I_ALL_CONSUMERS;
    if (b->o->layer != CN_LAYER_IMPORTS)
        return cn_error_set(err, CN_EUSAGE, "a scenario is drawn on the imports layer only");
    if (b->country >= 0)
        return cn_error_set(err, CN_EUSAGE, "--country does not apply to a scenario");
    if (b->o->consumer) {
        only = cn_net_find(net, b->o->consumer);
        if (only < 0 || net->vertices[only].type != CN_VERTEX_COUNTRY)
            return cn_error_set(err, CN_EUSAGE, "consumer '%s' is not a country of this network",
                                b->o->consumer);
    }
    for (size_t i = 0; i < res->n; i++) {
        const cn_scenario_row *r = &res->rows[i];
        if ((only != CN_I_ALL_CONSUMERS && r->consumer != only) || !cn_i_view_mineral_wanted(b, r->mineral))
            continue;
        if (b->consumer_of[r->consumer] < 0)
            b->v->nconsumers++;
        if (add_scn_row(b, r) != CN_OK)
            return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    for (size_t k = 0; k < b->v->nedges; k++)
        b->v->edges[k].multi = b->v->nconsumers > 1;
    return CN_OK;
}

