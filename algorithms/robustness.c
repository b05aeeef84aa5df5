/* algorithms/robustness.c: supply and connectivity as supplier countries are removed one by one (random, by
 * degree, strength or betweenness), and the robustness R of Schneider et al. (2011). docs/risk.md */
#include "critnet/robustness.h"
#include "critnet/graph.h"
#include "critnet/headline.h"

#include "edges_i.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void cn_robustness_opts_init(cn_robustness_opts *o)
{
    o->mineral = NULL;
    o->consumer = NULL;
    o->strategy = CN_ROBUSTNESS_RANDOM;
    o->adaptive = 0;
    o->runs = 100;
    o->seed = 1;
}

static const char *const strategy_names[] = {"random", "degree", "strength", "betweenness"};

const char *cn_robustness_strategy_name(cn_robustness_strategy s)
{
    return (unsigned)s < 4 ? strategy_names[s] : "?";
}

int cn_robustness_strategy_parse(const char *s, cn_robustness_strategy *out)
{
    int i = cn_i_enum_parse(strategy_names, 4, s);
    if (i >= 0)
        *out = (cn_robustness_strategy)i;
    return i < 0 ? -1 : 0;
}

/* the graph: suppliers 0..ns-1 (sorted by id), minerals ns..ns+nm-1, the consumer ns+nm (when there is one) */
typedef struct rgraph {
    int32_t ns, nm, nnodes;
    int32_t *sup_vertex;  /* ns: the country vertex of each supplier */
    int32_t nlinks;
    int32_t *lsup, *lmin; /* the supplier and the mineral (0..nm-1) of each link */
    double *lshare;       /* its share (NAN unknown) */
    double *total;        /* nm: the known shares of each mineral at Q = 0, NAN when unknown */
    int has_consumer;
} rgraph;

typedef struct work {
    int32_t *parent, *size;
    char *gone;     /* ns */
    int32_t *ends;  /* betweenness: 2 * links */
    double *bc;     /* nnodes */
} work;

static int32_t find(int32_t *p, int32_t x)
{
    while (p[x] != x)
        x = p[x] = p[p[x]];
    return x;
}

static void unite(work *w, int32_t a, int32_t b)
{
    a = find(w->parent, a);
    b = find(w->parent, b);
    if (a == b)
        return;
    if (w->size[a] < w->size[b]) {
        int32_t t = a;
        a = b;
        b = t;
    }
    w->parent[b] = a;
    w->size[a] += w->size[b];
}

/* scores of the remaining suppliers for a targeted strategy */
static cn_status scores(const rgraph *g, work *w, cn_robustness_strategy st, double *score, cn_error *err)
{
    if (st == CN_ROBUSTNESS_BETWEENNESS) {
        int32_t m = 0;
        for (int32_t k = 0; k < g->nlinks; k++)
            if (!w->gone[g->lsup[k]]) {
                w->ends[2 * m] = g->lsup[k];
                w->ends[2 * m + 1] = g->ns + g->lmin[k];
                m++;
            }
        for (int32_t i = 0; g->has_consumer && i < g->nm; i++) {
            w->ends[2 * m] = g->ns + g->nm;
            w->ends[2 * m + 1] = g->ns + i;
            m++;
        }
        cn_graph cg = {g->nnodes, m, w->ends, NULL, 0};
        cn_status s = cn_graph_betweenness(&cg, w->bc, err);
        if (s)
            return s;
        for (int32_t i = 0; i < g->ns; i++)
            score[i] = w->bc[i];
        return CN_OK;
    }
    for (int32_t i = 0; i < g->ns; i++)
        score[i] = 0;
    for (int32_t k = 0; k < g->nlinks; k++) {
        if (w->gone[g->lsup[k]])
            continue;
        if (st == CN_ROBUSTNESS_DEGREE)
            score[g->lsup[k]] += 1;
        else if (!isnan(g->lshare[k]))
            score[g->lsup[k]] += g->lshare[k];
    }
    return CN_OK;
}

/* the remaining supplier with the highest score; ties: the smaller id (suppliers are sorted by id) */
static int32_t pick(const rgraph *g, const work *w, const double *score)
{
    int32_t best = -1;
    for (int32_t i = 0; i < g->ns; i++)
        if (!w->gone[i] && (best < 0 || score[i] > score[best] + 1e-12 * fabs(score[best])))
            best = i;
    return best;
}

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* ---- building the graph ---- */

struct sel {
    cn_edge_kind kind;
    int32_t consumer;
};

static int take(const cn_edge *e, const void *ctx)
{
    const struct sel *s = ctx;
    return e->kind == s->kind && (s->kind == CN_EDGE_PRODUCES || e->consumer == s->consumer);
}

static int id_cmp(const void *pa, const void *pb, void *ctx)
{
    const cn_net *net = ctx;
    return strcmp(net->vertices[*(const int32_t *)pa].id, net->vertices[*(const int32_t *)pb].id);
}

static void rgraph_free(rgraph *g)
{
    free(g->sup_vertex);
    free(g->lsup);
    free(g->lmin);
    free(g->lshare);
    free(g->total);
    memset(g, 0, sizeof *g);
}

static cn_status build(const cn_net *net, const cn_robustness_opts *o, int32_t consumer, rgraph *g, cn_error *err)
{
    memset(g, 0, sizeof *g);
    struct sel s = {consumer >= 0 ? CN_EDGE_SUPPLIES : CN_EDGE_PRODUCES, consumer};
    int32_t *start = NULL, *bucket = NULL, *local = malloc(((size_t)net->nvertices + 1) * sizeof *local);
    int bad = cn_i_bucket_by_mineral(net, take, &s, &start, &bucket) || !local;
    size_t cap = (size_t)net->nedges + 1;
    g->sup_vertex = malloc(((size_t)net->nvertices + 1) * sizeof *g->sup_vertex);
    g->lsup = malloc(cap * sizeof *g->lsup);
    g->lmin = malloc(cap * sizeof *g->lmin);
    g->lshare = malloc(cap * sizeof *g->lshare);
    g->total = malloc(((size_t)net->nvertices + 1) * sizeof *g->total);
    cn_status st = CN_OK;
    if (bad || !g->sup_vertex || !g->lsup || !g->lmin || !g->lshare || !g->total) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    for (int32_t v = 0; v < net->nvertices; v++)
        local[v] = -1;
    for (int32_t v = 0; v < net->nvertices; v++) {
        const int32_t *mine = bucket + start[v];
        int32_t n = start[v + 1] - start[v];
        if (!cn_i_mineral_wanted(net, v, o->mineral) || n == 0)
            continue;
        const cn_edge *lead = NULL;
        cn_headline_production_group pg;
        if (consumer >= 0 ? !(lead = cn_headline_imports_lead(net, mine, n, v, consumer))
                          : !cn_headline_production(net, mine, n, v, 0, &pg))
            continue;
        double total = 0;
        int known = 1, links = 0;
        for (int32_t k = 0; k < n; k++) {
            const cn_edge *e = &net->edges[mine[k]];
            if (lead ? !cn_headline_in_imports(e, lead) : !cn_headline_in_production(e, &pg))
                continue;
            if (e->country == CN_WORLD || e->share == 0)
                continue;
            if (isnan(e->share))
                known = 0;
            else
                total += e->share;
            if (e->country < 0)
                continue; /* "other", unnamed: supplied, never removed */
            if (local[e->country] < 0) {
                local[e->country] = g->ns;
                g->sup_vertex[g->ns++] = e->country;
            }
            g->lsup[g->nlinks] = e->country; /* the vertex for now; renumbered below */
            g->lmin[g->nlinks] = g->nm;
            g->lshare[g->nlinks++] = e->share;
            links++;
        }
        if (!links)
            continue;
        g->total[g->nm++] = known && total > 0 ? total : NAN;
    }
    /* suppliers sorted by id: ties in the targeted orders and the random shuffle do not depend on data order */
    cn_sort_r(g->sup_vertex, (size_t)g->ns, sizeof *g->sup_vertex, id_cmp, (void *)net);
    for (int32_t i = 0; i < g->ns; i++)
        local[g->sup_vertex[i]] = i;
    for (int32_t k = 0; k < g->nlinks; k++)
        g->lsup[k] = local[g->lsup[k]];
    g->has_consumer = consumer >= 0;
    g->nnodes = g->ns + g->nm + g->has_consumer;
    if (g->ns == 0)
        st = cn_error_set(err, CN_EUSAGE, "no supplier country to remove%s%s", o->mineral ? " for " : "",
                          o->mineral ? o->mineral : "");
done:
    free(start);
    free(bucket);
    free(local);
    if (st)
        rgraph_free(g);
    return st;
}

/* ---- the curves of one removal order ---- */

/* per supplier: its links (CSR) and the supply it carries, sum over its links to minerals with known shares of
 * share / the mineral's total, so that supply(Q) = 1 - (sum of the removed suppliers' carries) / nknown */
typedef struct fast {
    int32_t *start, *mins; /* ns + 1; nlinks: the mineral nodes (ns + m) of each supplier's links */
    double *carry;         /* ns */
    int32_t nknown;
} fast;

static void fast_free(fast *f)
{
    free(f->start);
    free(f->mins);
    free(f->carry);
}

static int fast_build(const rgraph *g, fast *f)
{
    memset(f, 0, sizeof *f);
    f->start = calloc((size_t)g->ns + 1, sizeof *f->start);
    f->mins = malloc(((size_t)g->nlinks + 1) * sizeof *f->mins);
    f->carry = calloc((size_t)g->ns + 1, sizeof *f->carry);
    if (!f->start || !f->mins || !f->carry)
        return -1;
    for (int32_t k = 0; k < g->nlinks; k++)
        f->start[g->lsup[k] + 1]++;
    for (int32_t s = 0; s < g->ns; s++)
        f->start[s + 1] += f->start[s];
    /* links are in mineral order; a stable fill keeps each supplier's links (and its carry's sum) in that order */
    for (int32_t k = 0; k < g->nlinks; k++) {
        int32_t s = g->lsup[k], m = g->lmin[k];
        f->mins[f->start[s]++] = g->ns + m;
        if (!isnan(g->total[m]) && !isnan(g->lshare[k]))
            f->carry[s] += g->lshare[k] / g->total[m];
    }
    for (int32_t s = g->ns; s > 0; s--)
        f->start[s] = f->start[s - 1];
    f->start[0] = 0;
    for (int32_t m = 0; m < g->nm; m++)
        f->nknown += !isnan(g->total[m]);
    return 0;
}

/* supply[Q] and lcc[Q], Q = 0..ns, when the suppliers are removed in order: supply by the running sum of the
 * removed carries, the largest component by union-find adding the suppliers back in reverse order (the largest
 * component only grows as nodes and links are added). O(S + E alpha(V)). */
static void curves(const rgraph *g, const fast *f, work *w, const int32_t *order, double *supply, double *lcc)
{
    double gone = 0;
    supply[0] = f->nknown ? 1.0 : NAN;
    for (int32_t q = 1; q <= g->ns; q++) {
        gone += f->carry[order[q - 1]];
        supply[q] = f->nknown ? 1.0 - gone / f->nknown : NAN;
    }
    for (int32_t i = 0; i < g->nnodes; i++)
        w->parent[i] = i, w->size[i] = 1;
    int32_t best = 1;
    if (g->has_consumer) {
        for (int32_t m = 0; m < g->nm; m++)
            unite(w, g->ns + g->nm, g->ns + m);
        best = g->nm + 1;
    }
    lcc[g->ns] = (double)best / g->nnodes;
    for (int32_t q = g->ns - 1; q >= 0; q--) {
        int32_t s = order[q];
        for (int32_t k = f->start[s]; k < f->start[s + 1]; k++)
            unite(w, s, f->mins[k]);
        int32_t n = w->size[find(w->parent, s)];
        if (n > best)
            best = n;
        lcc[q] = (double)best / g->nnodes;
    }
}

/* betweenness costs O(V E) per computation: refused above this many steps (1.2e9 took 21 s of CPU on the 1 M-row BACI-shaped table, bench/RESULTS-risk.md) */
#define BETWEENNESS_MAX_STEPS 2.5e8

/* the removal order of a targeted strategy: the highest score first, scores computed once (degree and strength
 * of a remaining supplier do not change when others are removed, so adaptive gives the same order) or, adaptive
 * betweenness, on the remaining graph before each removal */
static cn_status targeted_order(const rgraph *g, work *w, const cn_robustness_opts *o, double *score, int32_t *order,
                                cn_error *err)
{
    int adaptive = o->adaptive && o->strategy == CN_ROBUSTNESS_BETWEENNESS;
    if (o->strategy == CN_ROBUSTNESS_BETWEENNESS) {
        double steps = (double)g->nnodes * (double)(g->nlinks + g->nm) * (adaptive ? g->ns : 1);
        if (steps > BETWEENNESS_MAX_STEPS)
            return cn_error_set(err, CN_EUSAGE,
                                "betweenness on %d nodes and %d links costs about %.1e steps%s (limit %.1e): choose "
                                "--mineral or fewer products, or --strategy degree or strength",
                                g->nnodes, g->nlinks, steps, adaptive ? " recomputed after each of the removals" : "",
                                BETWEENNESS_MAX_STEPS);
    }
    memset(w->gone, 0, (size_t)g->ns);
    cn_status st = scores(g, w, o->strategy, score, err);
    for (int32_t q = 0; !st && q < g->ns; q++) {
        if (adaptive && q > 0 && (st = scores(g, w, o->strategy, score, err)))
            break;
        order[q] = pick(g, w, score);
        w->gone[order[q]] = 1;
    }
    return st;
}

/* ---- the run ---- */

cn_status cn_robustness_run(const cn_net *net, const cn_robustness_opts *opts, cn_robustness_result *out,
                            cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->strategy = opts->strategy;
    out->adaptive = opts->adaptive;
    out->runs = opts->strategy == CN_ROBUSTNESS_RANDOM ? opts->runs : 1;
    out->seed = opts->seed;
    out->consumer = -1;
    if (opts->runs < 1)
        return cn_error_set(err, CN_EUSAGE, "runs must be at least 1");
    if (opts->consumer) {
        out->consumer = cn_net_find(net, opts->consumer);
        if (out->consumer < 0 || net->vertices[out->consumer].type != CN_VERTEX_COUNTRY)
            return cn_error_set(err, CN_EUSAGE, "consumer '%s' is not a country of this network", opts->consumer);
    }
    cn_status st = cn_i_check_mineral(net, opts->mineral, err);
    if (st)
        return st;
    rgraph g;
    if ((st = build(net, opts, out->consumer, &g, err)))
        return st;
    int32_t ns = g.ns, nn = g.nnodes;
    work w = {0};
    fast f = {0};
    w.parent = malloc((size_t)nn * sizeof *w.parent);
    w.size = malloc((size_t)nn * sizeof *w.size);
    w.gone = malloc((size_t)ns);
    w.ends = malloc((2 * (size_t)(g.nlinks + g.nm) + 2) * sizeof *w.ends);
    w.bc = malloc((size_t)nn * sizeof *w.bc);
    double *score = malloc((size_t)ns * sizeof *score);
    int32_t *order = malloc((size_t)ns * sizeof *order);
    double *acc = calloc(4 * ((size_t)ns + 1), sizeof *acc); /* per Q: sum, sum^2 of supply and lcc */
    double *sup = malloc(2 * ((size_t)ns + 1) * sizeof *sup), *lcc = sup ? sup + ns + 1 : NULL;
    out->curve = calloc((size_t)ns + 1, sizeof *out->curve);
    if (fast_build(&g, &f) || !w.parent || !w.size || !w.gone || !w.ends || !w.bc || !score || !order || !acc ||
        !sup || !out->curve) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    out->nsuppliers = ns;
    out->nminerals = g.nm;
    out->nnodes = nn;
    out->nknown = f.nknown;
    if (opts->strategy != CN_ROBUSTNESS_RANDOM) {
        if ((st = targeted_order(&g, &w, opts, score, order, err)))
            goto done;
        for (int32_t q = 1; q <= ns; q++)
            out->curve[q].removed = g.sup_vertex[order[q - 1]];
    }
    uint64_t rng = opts->seed;
    double rs = 0, rs2 = 0, rl = 0, rl2 = 0;
    for (int32_t run = 0; run < out->runs; run++) {
        if (opts->strategy == CN_ROBUSTNESS_RANDOM) {
            for (int32_t i = 0; i < ns; i++)
                order[i] = i;
            for (int32_t i = ns - 1; i > 0; i--) {
                int32_t j = (int32_t)(splitmix64(&rng) % (uint64_t)(i + 1));
                int32_t t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        curves(&g, &f, &w, order, sup, lcc);
        double r1 = 0, r2 = 0;
        for (int32_t q = 0; q <= ns; q++) {
            double *a = acc + 4 * (size_t)q;
            a[0] += sup[q], a[1] += sup[q] * sup[q], a[2] += lcc[q], a[3] += lcc[q] * lcc[q];
            if (q > 0)
                r1 += sup[q], r2 += lcc[q];
        }
        r1 /= ns, r2 /= ns;
        rs += r1, rs2 += r1 * r1, rl += r2, rl2 += r2 * r2;
    }
    double n = out->runs;
    for (int32_t q = 0; q <= ns; q++) {
        cn_robustness_point *p = &out->curve[q];
        const double *a = acc + 4 * (size_t)q;
        if (opts->strategy == CN_ROBUSTNESS_RANDOM || q == 0)
            p->removed = CN_NONE;
        p->supply = a[0] / n;
        p->lcc = a[2] / n;
        p->supply_sd = n > 1 ? sqrt(fmax(0, (a[1] - a[0] * a[0] / n) / (n - 1))) : 0;
        p->lcc_sd = n > 1 ? sqrt(fmax(0, (a[3] - a[2] * a[2] / n) / (n - 1))) : 0;
    }
    out->r_supply = rs / n;
    out->r_lcc = rl / n;
    out->r_supply_sd = n > 1 ? sqrt(fmax(0, (rs2 - rs * rs / n) / (n - 1))) : 0;
    out->r_lcc_sd = n > 1 ? sqrt(fmax(0, (rl2 - rl * rl / n) / (n - 1))) : 0;
    if (out->nknown == 0)
        out->r_supply = out->r_supply_sd = NAN;
done:
    free(w.parent);
    free(w.size);
    free(w.gone);
    free(w.ends);
    free(w.bc);
    free(score);
    free(order);
    free(acc);
    free(sup);
    fast_free(&f);
    rgraph_free(&g);
    if (st)
        cn_robustness_result_free(out);
    return st;
}

void cn_robustness_result_free(cn_robustness_result *r)
{
    free(r->curve);
    r->curve = NULL;
    r->nsuppliers = 0;
}
