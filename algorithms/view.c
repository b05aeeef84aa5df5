/* algorithms/view.c: what a diagram shows (critnet/view.h): the builder the layers share (nodes, edges,
 * filters), cn_view_build dispatching to a layer (view_imports.c, view_production.c, view_scenario.c), names. */
#include "view_i.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "critnet/graph.h"

void cn_view_opts_init(cn_view_opts *o)
{
    memset(o, 0, sizeof *o);
    o->layer = CN_LAYER_IMPORTS;
    o->threshold = 0.5;
}

int32_t cn_i_view_add_node(cn_i_vb *b, cn_view_node_kind kind, int32_t vertex, int32_t consumer)
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

int32_t cn_i_view_role_node(cn_i_vb *b, int32_t *map, cn_view_node_kind kind, int32_t vertex)
{
    if (map[vertex] < 0)
        map[vertex] = cn_i_view_add_node(b, kind, vertex, -1);
    return map[vertex];
}

cn_view_edge *cn_i_view_add_edge(cn_i_vb *b, int32_t from, int32_t to, cn_edge_kind kind, int32_t edge)
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
int cn_i_view_mineral_wanted(const cn_i_vb *b, int32_t m)
{
    if (!b->mineral)
        return 1;
    const char *want = b->mineral, *id = b->net->vertices[m].id;
    size_t n = strlen(want);
    return strncmp(id, want, n) == 0 && (id[n] == '\0' || id[n] == ':');
}

/* larger share first (unknown last), then lower rank (none last), then larger quantity, then data order */
static int supplier_cmp(const void *pa, const void *pb, void *ctx)
{
    const cn_net *net = ctx;
    const cn_edge *a = &net->edges[*(const int32_t *)pa], *b = &net->edges[*(const int32_t *)pb];
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

int32_t cn_i_view_filter_group(const cn_i_vb *b, int32_t *ix, int32_t n, int32_t consumer, int32_t *hidden)
{
    cn_sort_r(ix, (size_t)n, sizeof *ix, supplier_cmp, (void *)b->net);
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

cn_status cn_i_view_add_suppliers(cn_i_vb *b, const int32_t *ix, int32_t n, int32_t mn, int32_t consumer,
                                  int32_t top_edge)
{
    int32_t seq = 0;
    for (int32_t k = 0; k < n; k++) {
        const cn_edge *e = &b->net->edges[ix[k]];
        int32_t from;
        if (e->country >= 0) {
            from = cn_i_view_role_node(b, b->supplier_of, CN_VNODE_SUPPLIER, e->country);
        } else if (e->country == CN_UNNAMED || e->country == CN_OTHER) {
            from = cn_i_view_add_node(b, e->country == CN_UNNAMED ? CN_VNODE_UNNAMED : CN_VNODE_OTHER, e->mineral,
                                      consumer);
            if (from >= 0 && e->country == CN_UNNAMED)
                b->v->nodes[from].seq = ++seq;
            if (from >= 0 && e->country == CN_OTHER)
                b->v->nodes[from].share = e->share;
        } else {
            continue; /* the world total is not a supplier */
        }
        cn_view_edge *ve = cn_i_view_add_edge(b, from, mn, e->kind, ix[k]);
        if (!ve)
            return CN_ENOMEM;
        ve->highlight = ix[k] == top_edge;
    }
    return CN_OK;
}

static int market_cmp(const void *pa, const void *pb, void *ctx)
{
    const cn_net *net = ctx;
    const cn_edge *a = &net->edges[*(const int32_t *)pa], *b = &net->edges[*(const int32_t *)pb];
    if (a->consumer != b->consumer)
        return a->consumer < b->consumer ? -1 : 1;
    if (a->mineral != b->mineral)
        return a->mineral < b->mineral ? -1 : 1;
    int32_t ia = *(const int32_t *)pa, ib = *(const int32_t *)pb;
    return (ia > ib) - (ia < ib);
}

void cn_i_view_sort_by_market(const cn_net *net, int32_t *ix, size_t n)
{
    cn_sort_r(ix, n, sizeof *ix, market_cmp, (void *)net);
}

cn_status cn_view_build(const cn_net *net, const cn_view_opts *o, cn_view *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->layer = o->layer;
    out->threshold = o->threshold;
    cn_i_vb b = {.net = net, .o = o, .v = out, .mineral = o->mineral, .country = CN_I_NO_NODE};
    if (!(o->threshold > 0.0 && o->threshold <= 1.0))
        return cn_error_set(err, CN_EUSAGE, "threshold must be in (0,1]");
    if (o->mineral) {
        int found = 0; /* the id itself, or only its stages ("cobalt" for cobalt:ore, cobalt:refined) */
        for (int32_t v = 0; v < net->nvertices && !found; v++)
            found = net->vertices[v].type == CN_VERTEX_MINERAL && cn_i_view_mineral_wanted(&b, v);
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
            b.supplier_of[i] = b.mineral_of[i] = b.consumer_of[i] = CN_I_NO_NODE;
        st = o->scn_result ? cn_i_view_scenario(&b, err)
             : o->layer == CN_LAYER_PRODUCTION ? cn_i_view_production(&b, err) : cn_i_view_imports(&b, err);
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

