/* algorithms/view.c: what a diagram shows (critnet/render.h): the nodes and edges of one view of a net, with
 * shares, ranks and highlights taken from cn_deps_run verdicts (imports) or world shares (production). */
#include "critnet/view.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "critnet/deps.h"
#include "critnet/scenario.h"

void cn_render_opts_init(cn_render_opts *o)
{
    memset(o, 0, sizeof *o);
    o->layer = CN_LAYER_IMPORTS;
    o->threshold = 0.5;
}

typedef struct vb {
    const cn_net *net;
    const cn_render_opts *o;
    cn_view *v;
    size_t capn, cape;
    int32_t *supplier_of, *mineral_of, *consumer_of; /* vertex -> view node, or -1 */
    const char *mineral;                              /* filter: a mineral id (also its stages) or NULL */
    int32_t country;                                  /* filter: a country vertex or -1 */
} vb;

static int32_t add_node(vb *b, cn_view_node_kind kind, int32_t vertex, int32_t consumer)
{
    cn_view *v = b->v;
    if (v->nnodes == b->capn) {
        size_t cap = b->capn ? 2 * b->capn : 32;
        cn_view_node *p = realloc(v->nodes, cap * sizeof *p);
        if (!p)
            return -1;
        v->nodes = p;
        b->capn = cap;
    }
    cn_view_node *n = &v->nodes[v->nnodes];
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->vertex = vertex;
    n->consumer = consumer;
    n->share = NAN;
    return (int32_t)v->nnodes++;
}

/* the node of a vertex in one role, created on first use */
static int32_t role_node(vb *b, int32_t *map, cn_view_node_kind kind, int32_t vertex)
{
    if (map[vertex] < 0)
        map[vertex] = add_node(b, kind, vertex, -1);
    return map[vertex];
}

static cn_view_edge *add_edge(vb *b, int32_t from, int32_t to, cn_edge_kind kind, int32_t edge)
{
    cn_view *v = b->v;
    if (from < 0 || to < 0)
        return NULL;
    if (v->nedges == b->cape) {
        size_t cap = b->cape ? 2 * b->cape : 64;
        cn_view_edge *p = realloc(v->edges, cap * sizeof *p);
        if (!p)
            return NULL;
        v->edges = p;
        b->cape = cap;
    }
    cn_view_edge *e = &v->edges[v->nedges++];
    memset(e, 0, sizeof *e);
    e->from = from;
    e->to = to;
    e->kind = kind;
    e->edge = edge;
    e->share = edge >= 0 ? b->net->edges[edge].share : NAN;
    e->rank = edge >= 0 ? b->net->edges[edge].rank : 0;
    e->lo = NAN;
    return e;
}

/* --mineral ID matches the id and its stages "ID:stage" */
static int mineral_wanted(const vb *b, int32_t m)
{
    if (!b->mineral)
        return 1;
    const char *want = b->mineral, *id = b->net->vertices[m].id;
    size_t n = strlen(want);
    return strncmp(id, want, n) == 0 && (id[n] == '\0' || id[n] == ':');
}

static const cn_net *g_net; /* for the comparators; single-threaded */

/* larger share first (unknown last), then lower rank (none last), then larger quantity, then data order */
static int supplier_cmp(const void *pa, const void *pb)
{
    const cn_edge *a = &g_net->edges[*(const int32_t *)pa], *b = &g_net->edges[*(const int32_t *)pb];
    double as = isnan(a->share) ? -1.0 : a->share, bs = isnan(b->share) ? -1.0 : b->share;
    if (as != bs)
        return as > bs ? -1 : 1;
    int32_t ar = a->rank ? a->rank : INT32_MAX, br = b->rank ? b->rank : INT32_MAX;
    if (ar != br)
        return ar < br ? -1 : 1;
    double aq = isnan(a->quantity) ? -1.0 : a->quantity, bq = isnan(b->quantity) ? -1.0 : b->quantity;
    if (aq != bq)
        return aq > bq ? -1 : 1;
    int32_t ia = *(const int32_t *)pa, ib = *(const int32_t *)pb;
    return (ia > ib) - (ia < ib);
}

/* keeps the edges of ix[0..n) that pass --country, --min-share and --top (after sorting them by size);
 * returns how many remain; *hidden counts the named or unnamed suppliers left out */
static int32_t filter_group(const vb *b, int32_t *ix, int32_t n, int32_t consumer, int32_t *hidden)
{
    g_net = b->net;
    qsort(ix, (size_t)n, sizeof *ix, supplier_cmp);
    int32_t kept = 0, named = 0;
    *hidden = 0;
    for (int32_t k = 0; k < n; k++) {
        const cn_edge *e = &b->net->edges[ix[k]];
        int ok = 1;
        if (b->country >= 0 && consumer != b->country && e->country != b->country)
            ok = 0;
        if (!isnan(e->share) && e->share < b->o->min_share)
            ok = 0;
        if (e->country != CN_OTHER && ok && b->o->top > 0 && named >= b->o->top)
            ok = 0;
        if (e->country != CN_OTHER) {
            named += ok;
            *hidden += !ok;
        }
        if (ok)
            ix[kept++] = ix[k];
    }
    return kept;
}

/* the supply side of one (consumer, mineral) group: nodes and edges into mineral node mn */
static cn_status add_suppliers(vb *b, const int32_t *ix, int32_t n, int32_t mn, int32_t consumer,
                               int32_t top_edge)
{
    int32_t seq = 0;
    for (int32_t k = 0; k < n; k++) {
        const cn_edge *e = &b->net->edges[ix[k]];
        int32_t from;
        if (e->country >= 0) {
            from = role_node(b, b->supplier_of, CN_VNODE_SUPPLIER, e->country);
        } else if (e->country == CN_UNNAMED || e->country == CN_OTHER) {
            from = add_node(b, e->country == CN_UNNAMED ? CN_VNODE_UNNAMED : CN_VNODE_OTHER, e->mineral, consumer);
            if (from >= 0 && e->country == CN_UNNAMED)
                b->v->nodes[from].seq = ++seq;
            if (from >= 0 && e->country == CN_OTHER)
                b->v->nodes[from].share = e->share;
        } else {
            continue; /* the world total is not a supplier */
        }
        cn_view_edge *ve = add_edge(b, from, mn, e->kind, ix[k]);
        if (!ve)
            return CN_ENOMEM;
        ve->highlight = ix[k] == top_edge;
    }
    return CN_OK;
}

/* the headline group of a consumer's supplies edges of one mineral, as cn_deps_run picks it: the edges flagged
 * primary, else those with the period, basis and year of the first one in data order. cand holds the
 * consumer's supplies edges of that mineral in data order. */
static int32_t headline_group(const cn_net *net, const int32_t *cand, int32_t n, int32_t *ix)
{
    int primary = 0;
    for (int32_t k = 0; k < n; k++)
        primary |= (net->edges[cand[k]].flags & CN_F_PRIMARY) != 0;
    int32_t m = 0;
    for (int32_t k = 0; k < n; k++) {
        const cn_edge *e = &net->edges[cand[k]], *f = &net->edges[cand[0]];
        int in = primary ? (e->flags & CN_F_PRIMARY) != 0
                         : e->period == f->period && e->basis == f->basis && e->year == f->year;
        if (in)
            ix[m++] = cand[k];
    }
    return m;
}

/* the edge cn_deps_run names as the top source of a row, among the group's edges */
static int32_t top_edge_of(const cn_net *net, const cn_deps_row *r, const int32_t *ix, int32_t n)
{
    if (r->top == CN_NONE)
        return -1;
    for (int32_t k = 0; k < n; k++) {
        const cn_edge *e = &net->edges[ix[k]];
        if (e->country != r->top)
            continue;
        if (isnan(r->imp.top_share) ? isnan(e->share) && e->rank == r->top_rank : e->share == r->imp.top_share)
            return ix[k];
    }
    return -1;
}

static int cand_cmp(const void *pa, const void *pb)
{
    const cn_edge *a = &g_net->edges[*(const int32_t *)pa], *b = &g_net->edges[*(const int32_t *)pb];
    if (a->consumer != b->consumer)
        return a->consumer < b->consumer ? -1 : 1;
    if (a->mineral != b->mineral)
        return a->mineral < b->mineral ? -1 : 1;
    int32_t ia = *(const int32_t *)pa, ib = *(const int32_t *)pb;
    return (ia > ib) - (ia < ib);
}

/* one consumer: a cn_deps_run run, then per mineral its headline suppliers and the relies edge */
static cn_status add_consumer(vb *b, int32_t c, const int32_t *cand, size_t ncand, int32_t *ix, cn_error *err)
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
        if (!mineral_wanted(b, m))
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
        int32_t n = headline_group(net, cand + lo, (int32_t)(end - lo), ix);
        int32_t top = top_edge_of(net, row, ix, n), hidden;
        int32_t kept = filter_group(b, ix, n, c, &hidden);
        if (b->country >= 0 && c != b->country && kept == 0)
            continue; /* --country: this mineral does not involve the country */
        int32_t mn = role_node(b, b->mineral_of, CN_VNODE_MINERAL, m);
        int32_t cn = role_node(b, b->consumer_of, CN_VNODE_CONSUMER, c);
        if (mn < 0 || cn < 0 || add_suppliers(b, ix, kept, mn, c, top) != CN_OK) {
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
            break;
        }
        b->v->nodes[mn].hidden += hidden;
        b->v->nodes[mn].highlight |= row->single_source;
        cn_view_edge *re = add_edge(b, mn, cn, CN_EDGE_RELIES, -1);
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

static cn_status build_imports(vb *b, cn_error *err)
{
    const cn_net *net = b->net;
    int32_t only = -1;
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
        if ((e->kind != CN_EDGE_SUPPLIES && e->kind != CN_EDGE_RELIES) || (only >= 0 && e->consumer != only) ||
            !mineral_wanted(b, e->mineral))
            continue;
        if (b->country < 0 || e->consumer == b->country || e->country == b->country)
            seen[e->consumer] = 1;
        if (e->kind == CN_EDGE_SUPPLIES)
            cand[ncand++] = i;
    }
    g_net = net;
    qsort(cand, ncand, sizeof *cand, cand_cmp);
    if (only >= 0)
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

/* production: per mineral, the primary produces edges, else those of the latest year with a world total,
 * else of the latest year; share = the edge's own share, else quantity / world total of the same year and
 * unit */
static cn_status add_production(vb *b, int32_t m, const int32_t *pe, int32_t n, int32_t *ix)
{
    const cn_net *net = b->net;
    int primary = 0;
    int32_t year = 0, wyear = 0;
    for (int32_t k = 0; k < n; k++) {
        const cn_edge *e = &net->edges[pe[k]];
        primary |= (e->flags & CN_F_PRIMARY) != 0;
        if (e->year > year)
            year = e->year;
        if (e->country == CN_WORLD && e->year > wyear)
            wyear = e->year;
    }
    if (wyear)
        year = wyear;
    const cn_edge *world = NULL;
    int32_t cnt = 0;
    for (int32_t k = 0; k < n; k++) {
        const cn_edge *e = &net->edges[pe[k]];
        if (primary ? !(e->flags & CN_F_PRIMARY) : e->year != year)
            continue;
        if (e->country == CN_WORLD)
            world = world ? world : e;
        else
            ix[cnt++] = pe[k];
    }
    size_t first = b->v->nedges;
    int32_t hidden;
    /* filter_group ranks by share, then quantity: the order the ranks below are given in */
    int32_t kept = filter_group(b, ix, cnt, -1, &hidden);
    if (kept == 0 && b->country >= 0)
        return CN_OK;
    int32_t mn = role_node(b, b->mineral_of, CN_VNODE_MINERAL, m);
    if (mn < 0 || add_suppliers(b, ix, kept, mn, -1, -1) != CN_OK)
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

static cn_status build_production(vb *b, cn_error *err)
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
        if (net->edges[i].kind == CN_EDGE_PRODUCES && mineral_wanted(b, net->edges[i].mineral))
            pe[n++] = i;
    g_net = net;
    qsort(pe, n, sizeof *pe, cand_cmp); /* by mineral (consumer is -1 on produces edges), then data order */
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

/* ---- scenario views: the rows of a cn_scenario_result ---- */

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
    return -1;
}

static cn_view_edge *scn_edge(vb *b, int32_t from, int32_t to, cn_edge_kind kind, int32_t edge, cn_view_mark what,
                          const cn_scenario_row *r, double share, int32_t rank)
{
    cn_view_edge *e = add_edge(b, from, to, kind, edge);
    if (e) {
        e->scn = what;
        e->row = r;
        e->share = share;
        e->rank = rank;
    }
    return e;
}

/* one row: its listed suppliers (kept, lost, replacing), the alternatives that replace, the impact edge */
static cn_status add_scn_row(vb *b, const cn_scenario_row *r)
{
    const cn_net *net = b->net;
    int32_t mn = role_node(b, b->mineral_of, CN_VNODE_MINERAL, r->mineral);
    int32_t cn = role_node(b, b->consumer_of, CN_VNODE_CONSUMER, r->consumer);
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
            from = role_node(b, b->supplier_of, CN_VNODE_SUPPLIER, f->country);
        } else {
            from = add_node(b, f->country == CN_UNNAMED ? CN_VNODE_UNNAMED : CN_VNODE_OTHER, r->mineral, r->consumer);
            if (from >= 0 && f->country == CN_UNNAMED)
                b->v->nodes[from].seq = ++seq;
            if (from >= 0 && f->country == CN_OTHER)
                b->v->nodes[from].share = f->share;
        }
        if (from < 0)
            return CN_ENOMEM;
        int32_t edge = f->supplier ? flow_edge(net, r, f) : -1;
        if (f->supplier && f->fraction < 1.0 &&
            !scn_edge(b, from, mn, CN_EDGE_SUPPLIES, edge, CN_VIEW_MARK_KEEP, r, f->remaining, f->rank))
            return CN_ENOMEM;
        if (f->supplier && f->fraction > 0 && !scn_edge(b, from, mn, CN_EDGE_SUPPLIES, edge, CN_VIEW_MARK_LOST, r, f->lost,
                                                        f->rank))
            return CN_ENOMEM;
        if (replaces && !scn_edge(b, from, mn, CN_EDGE_SUPPLIES, -1, CN_VIEW_MARK_REPLACE, r, f->replacement, 0))
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

static cn_status build_scenario(vb *b, cn_error *err)
{
    const cn_net *net = b->net;
    const cn_scenario_result *res = b->o->scn_result;
    int32_t only = -1;
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
        if ((only >= 0 && r->consumer != only) || !mineral_wanted(b, r->mineral))
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

cn_status cn_view_build(const cn_net *net, const cn_render_opts *o, cn_view *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->layer = o->layer;
    out->threshold = o->threshold;
    vb b = {.net = net, .o = o, .v = out, .mineral = o->mineral, .country = -1};
    if (!(o->threshold > 0.0 && o->threshold <= 1.0))
        return cn_error_set(err, CN_EUSAGE, "threshold must be in (0,1]");
    if (o->mineral) {
        int found = 0; /* the id itself, or only its stages ("cobalt" for cobalt:ore, cobalt:refined) */
        for (int32_t v = 0; v < net->nvertices && !found; v++)
            found = net->vertices[v].type == CN_VERTEX_MINERAL && mineral_wanted(&b, v);
        if (!found)
            return cn_error_set(err, CN_EUSAGE, "mineral '%s' is not a mineral of this network", o->mineral);
    }
    if (o->country) {
        b.country = cn_net_find(net, o->country);
        if (b.country < 0 || net->vertices[b.country].type != CN_VERTEX_COUNTRY)
            return cn_error_set(err, CN_EUSAGE, "country '%s' is not a country of this network", o->country);
    }
    size_t nv = (size_t)net->nvertices + 1;
    b.supplier_of = malloc(nv * sizeof(int32_t));
    b.mineral_of = malloc(nv * sizeof(int32_t));
    b.consumer_of = malloc(nv * sizeof(int32_t));
    cn_status st;
    if (!b.supplier_of || !b.mineral_of || !b.consumer_of) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
    } else {
        for (size_t i = 0; i < nv; i++)
            b.supplier_of[i] = b.mineral_of[i] = b.consumer_of[i] = -1;
        st = o->scn_result ? build_scenario(&b, err)
             : o->layer == CN_LAYER_PRODUCTION ? build_production(&b, err) : build_imports(&b, err);
    }
    free(b.supplier_of);
    free(b.mineral_of);
    free(b.consumer_of);
    if (st)
        cn_view_free(out);
    return st;
}

void cn_view_free(cn_view *v)
{
    free(v->nodes);
    free(v->edges);
    v->nodes = NULL;
    v->edges = NULL;
    v->nnodes = v->nedges = 0;
}

/* appends an id with '%' and '\' percent-encoded */
static size_t put_id(char *p, const char *id)
{
    size_t n = 0;
    for (; *id; id++) {
        if (*id == '%' || *id == '\\') {
            if (p)
                memcpy(p + n, *id == '%' ? "%25" : "%5C", 3);
            n += 3;
        } else {
            if (p)
                p[n] = *id;
            n++;
        }
    }
    return n;
}

char *cn_view_node_name(const cn_net *net, const cn_view *v, size_t i)
{
    static const char *const prefix[] = {"country:", "mineral:", "consumer:", "unnamed:", "other:"};
    const cn_view_node *n = &v->nodes[i];
    const char *parts[3] = {NULL, NULL, NULL};
    if ((n->kind == CN_VNODE_UNNAMED || n->kind == CN_VNODE_OTHER) && n->consumer >= 0) {
        parts[0] = net->vertices[n->consumer].id;
        parts[1] = net->vertices[n->vertex].id;
    } else {
        parts[0] = net->vertices[n->vertex].id;
    }
    char seq[16] = "";
    if (n->kind == CN_VNODE_UNNAMED)
        snprintf(seq, sizeof seq, ":%d", (int)n->seq);
    size_t len = strlen(prefix[n->kind]) + strlen(seq) + 2;
    for (int k = 0; k < 2; k++)
        len += parts[k] ? put_id(NULL, parts[k]) : 0;
    char *s = malloc(len), *p = s;
    if (!s)
        return NULL;
    p += sprintf(p, "%s", prefix[n->kind]);
    for (int k = 0; k < 2 && parts[k]; k++) {
        if (k)
            *p++ = ':';
        p += put_id(p, parts[k]);
    }
    sprintf(p, "%s", seq);
    return s;
}
