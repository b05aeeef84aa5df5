/* algorithms/chokepoints_flow.c: the supply flow network of one base mineral (multi-stage chains) and what
 * each market's row reads from it: critical suppliers, dominators, the minimum supplier cut, stages. */
#include "chokepoints_i.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "critnet/graph.h"
#include "critnet/headline.h"

typedef cn_i_market market;
typedef cn_i_choke_ctx ctx;

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

static int32_t country_node(ctx *c, flownet *f, int32_t v)
{
    if (c->cnode[v] < 0)
        c->cnode[v] = fn_node(f, (node){NODE_COUNTRY, v, -1});
    return c->cnode[v];
}

const cn_edge *cn_i_choke_reliance_edge(const ctx *c, int32_t k, int32_t m)
{
    return cn_headline_reliance(c->net, c->relies, c->nrelies, m, k);
}

double cn_i_choke_reliance(const ctx *c, int32_t k, int32_t m)
{
    const cn_edge *best = cn_i_choke_reliance_edge(c, k, m);
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
            return cn_i_choke_oom(c);
        o->rows = p;
        c->caprows = cap;
    }
    cn_chokepoints_row *r = &o->rows[o->n++];
    memset(r, 0, sizeof *r);
    r->consumer = mk->consumer;
    r->mineral = mk->mineral;
    r->nir = cn_i_choke_reliance(c, mk->consumer, mk->mineral);
    const cn_edge *re = cn_i_choke_reliance_edge(c, mk->consumer, mk->mineral);
    r->nir_net_exporter = re && (re->flags & CN_F_NET_EXPORTER);
    r->nir_text = re && isnan(re->share) && re->text && *re->text ? re->text : NULL;
    r->covered = NAN;
    r->stages = nst;
    r->critical = malloc(((size_t)mk->nsel + 1) * sizeof *r->critical);
    r->critical_share = malloc(((size_t)mk->nsel + 1) * sizeof *r->critical_share);
    /* sized to what they hold (a world table has a million markets: never one node array per row) */
    int32_t ndom = 0;
    for (int32_t v = idom[mk->node]; v > 0; v = idom[v])
        ndom++;
    r->cut = malloc(((size_t)(nst > 1 && f->nn > mk->nsel ? f->nn : mk->nsel) + 1) * sizeof *r->cut);
    r->dominators = malloc(((size_t)ndom + 1) * sizeof *r->dominators);
    if (!r->critical || !r->critical_share || !r->cut || !r->dominators)
        return cn_i_choke_oom(c);
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
    /* dominators: the idom chain from the market up to the super-source (node 0, not itself listed) */
    for (int32_t v = idom[mk->node]; v > 0; v = idom[v])
        r->dominators[r->ndominators++] = (cn_flow_node){f->nodes[v].kind == NODE_UNNAMED ? CN_UNNAMED : f->nodes[v].country,
                                                         f->nodes[v].kind == NODE_MARKET ? f->nodes[v].mineral : -1};
    /* minimum supplier cut */
    if ((r->nsuppliers == 0 && !other) || idom[mk->node] == CN_DOM_UNREACHED) { /* nothing listed, or a closed loop */
        r->cut_status = CN_CUT_STATUS_NONE;
    } else if (nst == 1) { /* direct imports only: every listed supplier is a path of its own */
        for (int32_t i = 0; i < mk->nsel; i++) {
            const cn_edge *e = &net->edges[mk->sel[i]];
            int dup = 0;
            for (int32_t j = 0; j < r->ncut && e->country >= 0; j++)
                dup |= r->cut[j].country == e->country;
            if (e->country != CN_OTHER && !dup)
                r->cut[r->ncut++] = (cn_flow_node){e->country, -1};
        }
        r->cut_status = other ? CN_CUT_STATUS_OTHER : CN_CUT_STATUS_OK;
    } else {
        double value;
        int32_t ncut;
        cn_status st = cn_graph_flow_mincut(flow, 0, mk->node, &value, scratch, &ncut, c->err);
        if (st)
            return st;
        if (value >= big) {
            r->cut_status = CN_CUT_STATUS_OTHER;
        } else {
            for (int32_t i = 0; i < ncut; i++) {
                int32_t a = split->ends[2 * scratch[i]], b = split->ends[2 * scratch[i] + 1];
                if (b == a + f->nn) /* the inner arc of a split supplier node */
                    r->cut[r->ncut++] = (cn_flow_node){f->nodes[a].kind == NODE_UNNAMED ? CN_UNNAMED : f->nodes[a].country, -1};
            }
            r->cut_status = CN_CUT_STATUS_OK;
        }
    }
    if (r->cut_status == CN_CUT_STATUS_OK && (unknown || isnan(r->covered) || r->covered < 1 - 1e-6))
        r->cut_status = CN_CUT_STATUS_PARTIAL;
    return CN_OK;
}

cn_status cn_i_choke_base(ctx *c, int32_t b, const int32_t *base, market *mk, int32_t nm)
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
        if (c->want != CN_I_ANY_CONSUMER && mk[i].consumer != c->want)
            continue;
        /* a world table: each supplier exports the product, so is a source of its own; the market's cut is
         * its direct suppliers (what the split network would find, without a walk over every market) */
        int32_t ns = c->world ? 1 : stages(&f, in_start, in_arc, mk[i].node, dist, queue);
        st = add_row(c, &f, &mk[i], idom, &split, flow, ns, scratch, big);
    }
    goto done;
nomem:
    st = cn_i_choke_oom(c);
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

