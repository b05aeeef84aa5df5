/* algorithms/chokepoints.c: where supply hangs on few suppliers: critical suppliers, minimum supplier cuts
 * and dominators on the supply flow network (multi-stage chains), cut vertices, bridges, exposure. */
#include "critnet/centrality.h"
#include "critnet/chokepoints.h"
#include "critnet/headline.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- bases: "cobalt:ore" and "cobalt:refined" share the base "cobalt" ---- */

static const cn_net *g_net; /* for the comparators; single-threaded */

static size_t prefix_len(const char *id)
{
    const char *c = strchr(id, ':');
    return c ? (size_t)(c - id) : strlen(id);
}

static int prefix_cmp(const void *pa, const void *pb)
{
    const char *a = g_net->vertices[*(const int32_t *)pa].id, *b = g_net->vertices[*(const int32_t *)pb].id;
    size_t la = prefix_len(a), lb = prefix_len(b);
    int c = strncmp(a, b, la < lb ? la : lb);
    return c ? c : (la > lb) - (la < lb);
}

/* base[m] = a group number shared by the minerals with the same prefix; returns the number of groups */
static int32_t bases(const cn_net *net, int32_t *base, int32_t *tmp)
{
    int32_t n = 0, g = -1;
    for (int32_t v = 0; v < net->nvertices; v++) {
        base[v] = -1;
        if (net->vertices[v].type == CN_VERTEX_MINERAL)
            tmp[n++] = v;
    }
    g_net = net;
    qsort(tmp, (size_t)n, sizeof *tmp, prefix_cmp);
    for (int32_t i = 0; i < n; i++) {
        if (i == 0 || prefix_cmp(&tmp[i - 1], &tmp[i]) != 0)
            g++;
        base[tmp[i]] = g;
    }
    return g + 1;
}

/* supplies edges sorted by (base, mineral, consumer, index) */
static const int32_t *g_base;
static int sup_cmp(const void *pa, const void *pb)
{
    int32_t ia = *(const int32_t *)pa, ib = *(const int32_t *)pb;
    const cn_edge *a = &g_net->edges[ia], *b = &g_net->edges[ib];
    if (g_base[a->mineral] != g_base[b->mineral])
        return g_base[a->mineral] < g_base[b->mineral] ? -1 : 1;
    if (a->mineral != b->mineral)
        return a->mineral < b->mineral ? -1 : 1;
    if (a->consumer != b->consumer)
        return a->consumer < b->consumer ? -1 : 1;
    return (ia > ib) - (ia < ib);
}

/* ---- the flow network of one base mineral ---- */

enum { NODE_S, NODE_MARKET, NODE_COUNTRY, NODE_UNNAMED, NODE_OTHER };

typedef struct {
    int32_t kind, country, mineral; /* market: mineral + importer in country */
} node;

typedef struct {
    node *nodes;
    int32_t nn, capn;
    int32_t *arcs;  /* pairs */
    int32_t na, capa;
} flownet;

static int fn_node(flownet *f, node x)
{
    if (f->nn == f->capn) {
        int32_t c = f->capn ? f->capn * 2 : 64;
        node *p = realloc(f->nodes, (size_t)c * sizeof *p);
        if (!p)
            return -1;
        f->nodes = p;
        f->capn = c;
    }
    f->nodes[f->nn] = x;
    return f->nn++;
}

static int fn_arc(flownet *f, int32_t a, int32_t b)
{
    if (f->na == f->capa) {
        int32_t c = f->capa ? f->capa * 2 : 64;
        int32_t *p = realloc(f->arcs, (size_t)c * 2 * sizeof *p);
        if (!p)
            return -1;
        f->arcs = p;
        f->capa = c;
    }
    f->arcs[2 * f->na] = a;
    f->arcs[2 * f->na + 1] = b;
    f->na++;
    return 0;
}

/* a market: the selected supplies edges of (mineral, importer) */
typedef struct {
    int32_t mineral, consumer, node;
    int32_t *sel, nsel;
} market;

typedef struct {
    const cn_net *net;
    int32_t want;           /* consumer filter, -1 = all */
    double threshold;
    int32_t *cnode;         /* country vertex -> node of the current base, -1 */
    int32_t *relies, nrelies; /* the relies edges, in index order */
    cn_chokepoints_result *out;
    size_t caprows;
    cn_error *err;
} ctx;

static int32_t country_node(ctx *c, flownet *f, int32_t v)
{
    if (c->cnode[v] < 0)
        c->cnode[v] = fn_node(f, (node){NODE_COUNTRY, v, -1});
    return c->cnode[v];
}

static cn_status oom(ctx *c)
{
    return cn_error_set(c->err, CN_ENOMEM, "out of memory");
}

/* the net import reliance of consumer k for mineral m: the primary relies edge, else the latest; the value,
 * else the lower bound, 0 for a net exporter; NAN when unknown */
/* the relies edge that gives consumer k's reliance on m (the primary figure, else the latest), or NULL */
static const cn_edge *reliance_edge(const ctx *c, int32_t k, int32_t m)
{
    const cn_edge *best = NULL;
    for (int32_t i = 0; i < c->nrelies; i++) {
        const cn_edge *e = &c->net->edges[c->relies[i]];
        if (e->consumer != k || e->mineral != m)
            continue;
        if (!best || ((e->flags & CN_F_PRIMARY) && !(best->flags & CN_F_PRIMARY)) ||
            (!(best->flags & CN_F_PRIMARY) && e->year > best->year))
            best = e;
    }
    return best;
}

/* the reliance figure of k on m (a range: its lower bound; a net exporter: 0), or NAN */
static double reliance(const ctx *c, int32_t k, int32_t m)
{
    const cn_edge *best = reliance_edge(c, k, m);
    if (!best)
        return NAN;
    if (best->flags & CN_F_NET_EXPORTER)
        return 0.0;
    return !isnan(best->share) ? best->share : best->lo;
}

/* shortest number of markets between the sources and node t, walking arcs backwards: 1 = direct imports */
static int32_t stages(const flownet *f, const int32_t *in_start, const int32_t *in_arc, int32_t t, int32_t *dist,
                      int32_t *queue)
{
    for (int32_t v = 0; v < f->nn; v++)
        dist[v] = -1;
    int32_t qh = 0, qt = 0, best = 1;
    dist[t] = 0;
    queue[qt++] = t;
    while (qh < qt) {
        int32_t v = queue[qh++];
        if (f->nodes[v].kind == NODE_MARKET && dist[v] / 2 + 1 > best)
            best = dist[v] / 2 + 1;
        for (int32_t i = in_start[v]; i < in_start[v + 1]; i++) {
            int32_t u = f->arcs[2 * in_arc[i]];
            if (dist[u] < 0 && f->nodes[u].kind != NODE_S) {
                dist[u] = dist[v] + 1;
                queue[qt++] = u;
            }
        }
    }
    return best;
}

static cn_status add_row(ctx *c, const flownet *f, const market *mk, const int32_t *idom, const cn_graph *split,
                         cn_graph_flow *flow, int32_t nst, int32_t *scratch, double big)
{
    const cn_net *net = c->net;
    cn_chokepoints_result *o = c->out;
    if (o->n == c->caprows) {
        size_t cap = c->caprows ? c->caprows * 2 : 32;
        cn_chokepoints_row *p = realloc(o->rows, cap * sizeof *p);
        if (!p)
            return oom(c);
        o->rows = p;
        c->caprows = cap;
    }
    cn_chokepoints_row *r = &o->rows[o->n++];
    memset(r, 0, sizeof *r);
    r->consumer = mk->consumer;
    r->mineral = mk->mineral;
    r->nir = reliance(c, mk->consumer, mk->mineral);
    const cn_edge *re = reliance_edge(c, mk->consumer, mk->mineral);
    r->nir_net_exporter = re && (re->flags & CN_F_NET_EXPORTER);
    r->nir_text = re && isnan(re->share) && re->text && *re->text ? re->text : NULL;
    r->covered = NAN;
    r->stages = nst;
    r->critical = malloc(((size_t)mk->nsel + 1) * sizeof *r->critical);
    r->critical_share = malloc(((size_t)mk->nsel + 1) * sizeof *r->critical_share);
    r->cut = malloc(((size_t)(f->nn > mk->nsel ? f->nn : mk->nsel) + 1) * sizeof *r->cut);
    r->dominators = malloc(((size_t)f->nn + 1) * sizeof *r->dominators);
    if (!r->critical || !r->critical_share || !r->cut || !r->dominators)
        return oom(c);
    int other = 0, unknown = 0;
    for (int32_t i = 0; i < mk->nsel; i++) {
        const cn_edge *e = &net->edges[mk->sel[i]];
        if (!isnan(e->share))
            r->covered = (isnan(r->covered) ? 0 : r->covered) + e->share;
        else
            unknown = 1;
        if (e->country == CN_OTHER) {
            other = 1;
            continue;
        }
        r->nsuppliers++;
        if (!isnan(e->share) && e->share >= c->threshold - 1e-12) {
            int32_t j = r->ncritical++;
            while (j > 0 && r->critical_share[j - 1] < e->share) { /* insertion: share descending */
                r->critical[j] = r->critical[j - 1];
                r->critical_share[j] = r->critical_share[j - 1];
                j--;
            }
            r->critical[j] = e->country;
            r->critical_share[j] = e->share;
        }
    }
    /* dominators: the idom chain from the market up to the super-source */
    for (int32_t v = idom[mk->node]; v > 0; v = idom[v])
        r->dominators[r->ndominators++] = (cn_flow_node){f->nodes[v].kind == NODE_UNNAMED ? CN_UNNAMED : f->nodes[v].country,
                                                         f->nodes[v].kind == NODE_MARKET ? f->nodes[v].mineral : -1};
    /* minimum supplier cut */
    if ((r->nsuppliers == 0 && !other) || idom[mk->node] == -2) { /* nothing listed, or a closed loop */
        r->cut_status = CN_CUT_NONE;
    } else if (nst == 1) { /* direct imports only: every listed supplier is a path of its own */
        for (int32_t i = 0; i < mk->nsel; i++) {
            const cn_edge *e = &net->edges[mk->sel[i]];
            int dup = 0;
            for (int32_t j = 0; j < r->ncut && e->country >= 0; j++)
                dup |= r->cut[j].country == e->country;
            if (e->country != CN_OTHER && !dup)
                r->cut[r->ncut++] = (cn_flow_node){e->country, -1};
        }
        r->cut_status = other ? CN_CUT_OTHER : CN_CUT_OK;
    } else {
        double value;
        int32_t ncut;
        cn_status st = cn_graph_flow_mincut(flow, 0, mk->node, &value, scratch, &ncut, c->err);
        if (st)
            return st;
        if (value >= big) {
            r->cut_status = CN_CUT_OTHER;
        } else {
            for (int32_t i = 0; i < ncut; i++) {
                int32_t a = split->ends[2 * scratch[i]], b = split->ends[2 * scratch[i] + 1];
                if (b == a + f->nn) /* the inner arc of a split supplier node */
                    r->cut[r->ncut++] = (cn_flow_node){f->nodes[a].kind == NODE_UNNAMED ? CN_UNNAMED : f->nodes[a].country, -1};
            }
            r->cut_status = CN_CUT_OK;
        }
    }
    if (r->cut_status == CN_CUT_OK && (unknown || isnan(r->covered) || r->covered < 1 - 1e-6))
        r->cut_status = CN_CUT_PARTIAL;
    return CN_OK;
}

/* builds and analyses the flow network of the markets mk[0..nm) (one base mineral) */
static cn_status do_base(ctx *c, int32_t b, const int32_t *base, market *mk, int32_t nm)
{
    const cn_net *net = c->net;
    flownet f = {0};
    cn_status st = CN_OK;
    int32_t *idom = NULL, *ends = NULL, *scratch = NULL, *in_start = NULL, *in_arc = NULL, *dist = NULL,
            *queue = NULL;
    double *cap = NULL;
    char *has_in = NULL;
    cn_graph_flow *flow = NULL;
    if (fn_node(&f, (node){NODE_S, -1, -1}) < 0)
        goto nomem;
    for (int32_t i = 0; i < nm; i++)
        if ((mk[i].node = fn_node(&f, (node){NODE_MARKET, mk[i].consumer, mk[i].mineral})) < 0)
            goto nomem;
    for (int32_t i = 0; i < nm; i++) {
        for (int32_t k = 0; k < mk[i].nsel; k++) {
            const cn_edge *e = &net->edges[mk[i].sel[k]];
            int32_t u = e->country >= 0 ? country_node(c, &f, e->country)
                                        : fn_node(&f, (node){e->country == CN_OTHER ? NODE_OTHER : NODE_UNNAMED,
                                                             e->country, -1});
            if (u < 0 || fn_arc(&f, u, mk[i].node))
                goto nomem;
        }
        int32_t k = country_node(c, &f, mk[i].consumer);
        if (k < 0 || fn_arc(&f, mk[i].node, k))
            goto nomem;
    }
    /* sources: producers of the base, and suppliers whose own inputs are not in the data */
    has_in = calloc((size_t)f.nn + 1, 1);
    if (!has_in)
        goto nomem;
    for (int32_t a = 0; a < f.na; a++)
        has_in[f.arcs[2 * a + 1]] = 1;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (e->kind == CN_EDGE_PRODUCES && e->country >= 0 && base[e->mineral] == b && c->cnode[e->country] >= 0 &&
            !(e->quantity == 0 || e->share == 0) && has_in[c->cnode[e->country]] != 2) {
            has_in[c->cnode[e->country]] = 2;
            if (fn_arc(&f, 0, c->cnode[e->country]))
                goto nomem;
        }
    }
    int32_t nn = f.nn;
    for (int32_t v = 1; v < nn; v++)
        if (f.nodes[v].kind != NODE_MARKET && !has_in[v] && fn_arc(&f, 0, v))
            goto nomem;
    /* dominators from the super-source */
    idom = malloc((size_t)nn * sizeof *idom);
    if (!idom)
        goto nomem;
    cn_graph g = {.n = nn, .m = f.na, .ends = f.arcs, .directed = 1};
    if ((st = cn_graph_dominators(&g, 0, idom, c->err)))
        goto done;
    /* reverse adjacency for the stage count */
    in_start = calloc((size_t)nn + 2, sizeof *in_start);
    in_arc = malloc(((size_t)f.na + 1) * sizeof *in_arc);
    dist = malloc((size_t)nn * sizeof *dist);
    queue = malloc((size_t)nn * sizeof *queue);
    if (!in_start || !in_arc || !dist || !queue)
        goto nomem;
    for (int32_t a = 0; a < f.na; a++)
        in_start[f.arcs[2 * a + 1] + 1]++;
    for (int32_t v = 0; v < nn; v++)
        in_start[v + 1] += in_start[v];
    for (int32_t a = 0; a < f.na; a++)
        in_arc[in_start[f.arcs[2 * a + 1]]++] = a;
    for (int32_t v = nn; v > 0; v--)
        in_start[v] = in_start[v - 1];
    in_start[0] = 0;
    /* the split network for vertex cuts: supplier v -> v (in) and v + nn (out), inner capacity 1 (or big for
     * "other"); every other arc has capacity big, more than all suppliers together */
    double big = (double)nn + 1;
    int32_t m2 = f.na + nn;
    ends = malloc(((size_t)m2 * 2 + 1) * sizeof *ends);
    cap = malloc(((size_t)m2 + 1) * sizeof *cap);
    scratch = malloc(((size_t)m2 + 1) * sizeof *scratch);
    if (!ends || !cap || !scratch)
        goto nomem;
    int32_t m = 0;
    for (int32_t a = 0; a < f.na; a++) {
        int32_t u = f.arcs[2 * a], v = f.arcs[2 * a + 1];
        int split_u = f.nodes[u].kind >= NODE_COUNTRY;
        ends[2 * m] = split_u ? u + nn : u;
        ends[2 * m + 1] = v;
        cap[m++] = big;
    }
    for (int32_t v = 0; v < nn; v++) {
        if (f.nodes[v].kind < NODE_COUNTRY)
            continue;
        ends[2 * m] = v;
        ends[2 * m + 1] = v + nn;
        cap[m++] = f.nodes[v].kind == NODE_OTHER ? big : 1.0;
    }
    cn_graph split = {.n = 2 * nn, .m = m, .ends = ends, .w = cap, .directed = 1};
    if ((st = cn_graph_flow_init(&split, &flow, c->err)))
        goto done;
    for (int32_t i = 0; i < nm && !st; i++) {
        if (c->want >= 0 && mk[i].consumer != c->want)
            continue;
        int32_t ns = stages(&f, in_start, in_arc, mk[i].node, dist, queue);
        st = add_row(c, &f, &mk[i], idom, &split, flow, ns, scratch, big);
    }
    goto done;
nomem:
    st = oom(c);
done:
    for (int32_t v = 0; v < f.nn; v++)
        if (f.nodes[v].kind == NODE_COUNTRY)
            c->cnode[f.nodes[v].country] = -1;
    free(f.nodes);
    free(f.arcs);
    free(has_in);
    free(idom);
    free(in_start);
    free(in_arc);
    free(dist);
    free(queue);
    free(ends);
    free(cap);
    free(scratch);
    cn_graph_flow_free(flow);
    return st;
}

/* ---- exposure, cut vertices, bridges ---- */

static int row_cmp(const void *pa, const void *pb)
{
    const cn_chokepoints_row *a = pa, *b = pb;
    int c = strcmp(g_net->vertices[a->consumer].id, g_net->vertices[b->consumer].id);
    if (c)
        return c;
    double x = a->ncritical ? a->critical_share[0] : -1, y = b->ncritical ? b->critical_share[0] : -1;
    if (x != y)
        return x > y ? -1 : 1;
    return strcmp(g_net->vertices[a->mineral].id, g_net->vertices[b->mineral].id);
}

static int exp_cmp(const void *pa, const void *pb)
{
    const cn_exposure_row *a = pa, *b = pb;
    int c = strcmp(g_net->vertices[a->consumer].id, g_net->vertices[b->consumer].id);
    if (c)
        return c;
    if ((a->nminerals == 0) != (b->nminerals == 0)) /* unknown last */
        return a->nminerals == 0 ? 1 : -1;
    if (a->exposure != b->exposure)
        return a->exposure > b->exposure ? -1 : 1;
    return strcmp(g_net->vertices[a->country].id, g_net->vertices[b->country].id);
}

static cn_status exposure(ctx *c, const market *mk, int32_t nm)
{
    const cn_net *net = c->net;
    cn_chokepoints_result *o = c->out;
    /* one slot per (consumer, country): slot[consumer][country], a row of nvertices made when the consumer
     * first comes */
    size_t cap = 16, nv = (size_t)net->nvertices;
    cn_status st = CN_OK;
    int32_t **slot = calloc(nv + 1, sizeof *slot);
    o->exposure = malloc(cap * sizeof *o->exposure);
    if (!o->exposure || !slot) {
        free(slot);
        return oom(c);
    }
    for (int32_t i = 0; i < nm && !st; i++) {
        if (c->want >= 0 && mk[i].consumer != c->want)
            continue;
        double nir = reliance(c, mk[i].consumer, mk[i].mineral);
        int32_t *row = slot[mk[i].consumer];
        if (!row) {
            if (!(row = slot[mk[i].consumer] = malloc((nv + 1) * sizeof *row))) {
                st = oom(c);
                break;
            }
            for (size_t v = 0; v < nv; v++)
                row[v] = -1;
        }
        for (int32_t k = 0; k < mk[i].nsel; k++) {
            const cn_edge *e = &net->edges[mk[i].sel[k]];
            if (e->country < 0)
                continue;
            size_t j = row[e->country] >= 0 ? (size_t)row[e->country] : o->nexposure;
            if (j == o->nexposure) {
                row[e->country] = (int32_t)j;
                if (o->nexposure == cap) {
                    cap *= 2;
                    cn_exposure_row *p = realloc(o->exposure, cap * sizeof *p);
                    if (!p) {
                        st = oom(c);
                        break;
                    }
                    o->exposure = p;
                }
                o->exposure[o->nexposure++] = (cn_exposure_row){mk[i].consumer, e->country, 0.0, 0, 0};
            }
            if (isnan(nir) || isnan(e->share)) {
                o->exposure[j].nunknown++;
            } else {
                o->exposure[j].exposure += nir * e->share;
                o->exposure[j].nminerals++;
            }
        }
    }
    for (size_t v = 0; v < nv; v++)
        free(slot[v]);
    free(slot);
    if (st)
        return st;
    g_net = net;
    qsort(o->exposure, o->nexposure, sizeof *o->exposure, exp_cmp);
    return CN_OK;
}

static int id_cmp(const void *pa, const void *pb)
{
    return strcmp(g_net->vertices[*(const int32_t *)pa].id, g_net->vertices[*(const int32_t *)pb].id);
}

static int pair_cmp(const void *pa, const void *pb)
{
    const int32_t *a = pa, *b = pb;
    int c = strcmp(g_net->vertices[a[0]].id, g_net->vertices[b[0]].id);
    return c ? c : strcmp(g_net->vertices[a[1]].id, g_net->vertices[b[1]].id);
}

static cn_status cut_vertices(ctx *c)
{
    cn_bipartite b;
    cn_status st = cn_bipartite_build(c->net, 0, 0, &b, NULL, c->err);
    if (st)
        return st;
    cn_graph g = {.n = b.n, .m = b.m, .ends = b.ends};
    int32_t *br = NULL, nbr = 0;
    cn_chokepoints_result *o = c->out;
    if (!(st = cn_graph_articulation_points(&g, &o->artic, &o->nartic, c->err)) &&
        !(st = cn_graph_bridges(&g, &br, &nbr, c->err))) {
        o->bridges = malloc(((size_t)nbr * 2 + 1) * sizeof *o->bridges);
        if (!o->bridges) {
            st = oom(c);
        } else {
            for (int32_t i = 0; i < nbr; i++) {
                o->bridges[2 * i] = b.ends[2 * br[i]];
                o->bridges[2 * i + 1] = b.ends[2 * br[i] + 1];
            }
            o->nbridges = nbr;
            g_net = c->net;
            qsort(o->artic, (size_t)o->nartic, sizeof *o->artic, id_cmp);
            qsort(o->bridges, (size_t)nbr, 2 * sizeof *o->bridges, pair_cmp);
        }
    }
    free(br);
    cn_bipartite_free(&b);
    return st;
}

cn_status cn_chokepoints_run(const cn_net *net, const char *consumer, double threshold, cn_chokepoints_result *out,
                             cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->threshold = threshold;
    ctx c = {.net = net, .want = -1, .threshold = threshold, .out = out, .err = err};
    if (consumer) {
        c.want = cn_net_find(net, consumer);
        if (c.want < 0 || net->vertices[c.want].type != CN_VERTEX_COUNTRY)
            return cn_error_set(err, CN_EUSAGE, "consumer '%s' is not a country of this network", consumer);
    }
    if (!(threshold > 0.0 && threshold <= 1.0))
        return cn_error_set(err, CN_EUSAGE, "threshold must be in (0,1]");
    size_t nv = (size_t)net->nvertices + 1, ne = (size_t)net->nedges + 1;
    int32_t *base = malloc(nv * sizeof *base), *tmp = malloc(nv * sizeof *tmp);
    int32_t *sup = malloc(ne * sizeof *sup), *sel = malloc(ne * sizeof *sel);
    market *mk = malloc(ne * sizeof *mk);
    c.cnode = malloc(nv * sizeof *c.cnode);
    c.relies = malloc(ne * sizeof *c.relies);
    cn_status st = CN_OK;
    if (!base || !tmp || !sup || !sel || !mk || !c.cnode || !c.relies) {
        st = oom(&c);
        goto done;
    }
    for (size_t v = 0; v < nv; v++)
        c.cnode[v] = -1;
    bases(net, base, tmp);
    int32_t ns = 0;
    for (int32_t i = 0; i < net->nedges; i++)
        if (net->edges[i].kind == CN_EDGE_SUPPLIES)
            sup[ns++] = i;
        else if (net->edges[i].kind == CN_EDGE_RELIES)
            c.relies[c.nrelies++] = i;
    g_net = net;
    g_base = base;
    qsort(sup, (size_t)ns, sizeof *sup, sup_cmp);
    /* markets, each with its headline group; sel is carved up among them */
    int32_t nm = 0, used = 0;
    for (int32_t i = 0; i < ns;) {
        int32_t j = i;
        const cn_edge *e = &net->edges[sup[i]];
        while (j < ns && net->edges[sup[j]].mineral == e->mineral && net->edges[sup[j]].consumer == e->consumer)
            j++;
        mk[nm] = (market){e->mineral, e->consumer, -1, sel + used, 0};
        mk[nm].nsel = cn_headline_group(net, sup + i, j - i, sel + used);
        used += mk[nm].nsel;
        nm++;
        i = j;
    }
    for (int32_t i = 0; i < nm && !st;) {
        int32_t j = i;
        while (j < nm && base[mk[j].mineral] == base[mk[i].mineral])
            j++;
        int any = c.want < 0;
        for (int32_t k = i; k < j && !any; k++)
            any = mk[k].consumer == c.want;
        if (any)
            st = do_base(&c, base[mk[i].mineral], base, mk + i, j - i);
        i = j;
    }
    if (!st)
        st = exposure(&c, mk, nm);
    if (!st)
        st = cut_vertices(&c);
    if (!st && out->n) {
        g_net = net;
        qsort(out->rows, out->n, sizeof *out->rows, row_cmp);
    }
done:
    free(base);
    free(tmp);
    free(sup);
    free(sel);
    free(mk);
    free(c.cnode);
    free(c.relies);
    if (st)
        cn_chokepoints_result_free(out);
    return st;
}

void cn_chokepoints_result_free(cn_chokepoints_result *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->rows[i].critical);
        free(r->rows[i].critical_share);
        free(r->rows[i].cut);
        free(r->rows[i].dominators);
    }
    free(r->rows);
    free(r->exposure);
    free(r->artic);
    free(r->bridges);
    memset(r, 0, sizeof *r);
}
