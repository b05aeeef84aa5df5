/* algorithms/traderisk.c: systemic trade risk (Klimek, Obersteiner & Thurner 2015): per mineral the vulnerability
 * matrix V_ij = import share x supplier instability, TradeRisk x = d + alpha V^T x, lambda_max(V), largest SCC. */
#include "critnet/traderisk.h"
#include "critnet/graph.h"
#include "critnet/headline.h"

#include "edges_i.h"
#include "risk_i.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void cn_traderisk_opts_init(cn_traderisk_opts *o)
{
    o->mineral = NULL;
    o->wgi_year = 0;
    o->damping = 0.85;
}

typedef struct link {
    int32_t i, j; /* local supplier, local importer */
    double v;
} link;

typedef struct scratch {
    int32_t *local;   /* nvertices: vertex -> local index, -1 */
    int32_t *vertex;  /* local -> vertex */
    int32_t *consumers;
    link *links;
    double *x, *y, *d;
    int32_t *start, *adj, *idx, *low, *stack, *call, *pos;
    char *on;
} scratch;

static int take(const cn_edge *e, const void *ctx)
{
    (void)ctx;
    return e->kind == CN_EDGE_SUPPLIES;
}

static int32_t local_of(scratch *s, int32_t *n, int32_t v)
{
    if (s->local[v] < 0) {
        s->local[v] = *n;
        s->vertex[(*n)++] = v;
    }
    return s->local[v];
}

/* the spectral radius of V (links, n x n) by power iteration on V + I from the uniform vector */
static double lambda_max(const link *l, int32_t nl, int32_t n, double *x, double *y)
{
    for (int32_t i = 0; i < n; i++)
        x[i] = 1.0 / n;
    double lam = 0;
    for (int it = 0; it < 200000; it++) {
        memcpy(y, x, (size_t)n * sizeof *y);
        for (int32_t k = 0; k < nl; k++)
            y[l[k].i] += l[k].v * x[l[k].j];
        double sum = 0, diff = 0;
        for (int32_t i = 0; i < n; i++)
            sum += y[i];
        for (int32_t i = 0; i < n; i++) {
            y[i] /= sum;
            diff = fmax(diff, fabs(y[i] - x[i]));
        }
        memcpy(x, y, (size_t)n * sizeof *x);
        double prev = lam;
        lam = sum - 1.0;
        if (it > 0 && diff < 1e-15 && fabs(lam - prev) < 1e-15)
            break;
    }
    return lam;
}

/* the largest strongly connected component of i -> j over the links (Tarjan, iterative) */
static int32_t largest_scc(const link *l, int32_t nl, int32_t n, scratch *s)
{
    memset(s->start, 0, ((size_t)n + 1) * sizeof *s->start);
    for (int32_t k = 0; k < nl; k++)
        s->start[l[k].i + 1]++;
    for (int32_t i = 0; i < n; i++)
        s->start[i + 1] += s->start[i];
    for (int32_t i = 0; i < n; i++)
        s->pos[i] = s->start[i];
    for (int32_t k = 0; k < nl; k++)
        s->adj[s->pos[l[k].i]++] = l[k].j;
    for (int32_t i = 0; i < n; i++)
        s->idx[i] = -1, s->on[i] = 0;
    int32_t counter = 0, sp = 0, best = 0;
    for (int32_t root = 0; root < n; root++) {
        if (s->idx[root] >= 0)
            continue;
        int32_t depth = 0;
        s->call[depth] = root;
        s->pos[root] = s->start[root];
        s->idx[root] = s->low[root] = counter++;
        s->stack[sp++] = root;
        s->on[root] = 1;
        while (depth >= 0) {
            int32_t v = s->call[depth];
            if (s->pos[v] < s->start[v + 1]) {
                int32_t w = s->adj[s->pos[v]++];
                if (s->idx[w] < 0) {
                    s->idx[w] = s->low[w] = counter++;
                    s->pos[w] = s->start[w];
                    s->stack[sp++] = w;
                    s->on[w] = 1;
                    s->call[++depth] = w;
                } else if (s->on[w] && s->idx[w] < s->low[v]) {
                    s->low[v] = s->idx[w];
                }
                continue;
            }
            if (s->low[v] == s->idx[v]) {
                int32_t size = 0, w;
                do {
                    w = s->stack[--sp];
                    s->on[w] = 0;
                    size++;
                } while (w != v);
                if (size > best)
                    best = size;
            }
            if (--depth >= 0) {
                int32_t u = s->call[depth];
                if (s->low[v] < s->low[u])
                    s->low[u] = s->low[v];
            }
        }
    }
    return best;
}

static int row_cmp(const void *pa, const void *pb, void *ctx)
{
    const cn_net *net = ctx;
    const cn_traderisk_row *a = pa, *b = pb;
    int c = strcmp(net->vertices[a->mineral].id, net->vertices[b->mineral].id);
    if (c)
        return c;
    if (a->traderisk != b->traderisk)
        return a->traderisk > b->traderisk ? -1 : 1;
    return strcmp(net->vertices[a->country].id, net->vertices[b->country].id);
}

static void scratch_free(scratch *s)
{
    free(s->local), free(s->vertex), free(s->consumers), free(s->links), free(s->x), free(s->y), free(s->d);
    free(s->start), free(s->adj), free(s->idx), free(s->low), free(s->stack), free(s->call), free(s->pos);
    free(s->on);
}

/* one mineral: its links into s->links; appends rows and the mineral summary */
static void one(const cn_net *net, const wgi_index *wx, const cn_traderisk_opts *o, int32_t year, int32_t m,
                const int32_t *mine, int32_t nmine, scratch *s, cn_traderisk_result *out)
{
    int32_t n = 0, nl = 0, nc = 0;
    cn_traderisk_mineral *sum = &out->minerals[out->nminerals];
    memset(sum, 0, sizeof *sum);
    sum->mineral = m;
    /* the importers, in data order */
    for (int32_t k = 0; k < nmine; k++) {
        int32_t c = net->edges[mine[k]].consumer;
        if (s->local[c] < 0) {
            local_of(s, &n, c);
            s->consumers[nc++] = c;
        }
    }
    for (int32_t q = 0; q < nc; q++) {
        int32_t c = s->consumers[q];
        const cn_edge *lead = cn_headline_imports_lead(net, mine, nmine, m, c);
        for (int32_t k = 0; lead && k < nmine; k++) {
            const cn_edge *e = &net->edges[mine[k]];
            if (!cn_headline_in_imports(e, lead) || isnan(e->share) || e->share <= 0)
                continue;
            const cn_risk_wgi *w = e->country >= 0 ? cn_i_wgi_find(wx, net->vertices[e->country].id, year) : NULL;
            if (!w || isnan(w->pv)) {
                sum->no_pv += e->share;
                continue;
            }
            double u = (2.5 - w->pv) / 5.0;
            u = u < 0 ? 0 : u > 1 ? 1 : u;
            if (u == 0)
                continue;
            s->links[nl++] = (link){local_of(s, &n, e->country), s->local[c], e->share * u};
        }
    }
    sum->ncountries = n;
    sum->nlinks = nl;
    for (int32_t i = 0; i < n; i++)
        s->d[i] = 0, s->x[i] = 0;
    for (int32_t k = 0; k < nl; k++)
        s->d[s->links[k].j] += s->links[k].v;
    /* x = d + alpha V^T x by fixed-point iteration (a contraction: column sums of V are at most 1) */
    for (int it = 0; it < 100000; it++) {
        for (int32_t i = 0; i < n; i++)
            s->y[i] = s->d[i];
        for (int32_t k = 0; k < nl; k++)
            s->y[s->links[k].j] += o->damping * s->links[k].v * s->x[s->links[k].i];
        double diff = 0;
        for (int32_t i = 0; i < n; i++)
            diff = fmax(diff, fabs(s->y[i] - s->x[i]));
        memcpy(s->x, s->y, (size_t)n * sizeof *s->x);
        if (diff < 1e-13)
            break;
    }
    for (int32_t i = 0; i < n; i++)
        if (s->d[i] > 0)
            out->rows[out->n++] = (cn_traderisk_row){m, s->vertex[i], s->d[i], s->x[i]};
    sum->lambda_max = n ? lambda_max(s->links, nl, n, s->x, s->y) : NAN;
    sum->scc = n ? largest_scc(s->links, nl, n, s) : 0;
    for (int32_t i = 0; i < n; i++)
        s->local[s->vertex[i]] = -1;
    out->nminerals++;
}

cn_status cn_traderisk_run(const cn_net *net, const cn_risk_inputs *in, const cn_traderisk_opts *opts,
                           cn_traderisk_result *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->damping = opts->damping;
    if (!(opts->damping >= 0 && opts->damping < 1))
        return cn_error_set(err, CN_EUSAGE, "damping must be in [0,1), got %g", opts->damping);
    cn_status st = cn_i_check_mineral(net, opts->mineral, err);
    if (st)
        return st;
    wgi_index wx;
    scratch s = {0};
    int32_t *start = NULL, *bucket = NULL;
    size_t nv = (size_t)net->nvertices + 1, ne = (size_t)net->nedges + 1;
    int bad = cn_i_wgi_index_build(in, &wx) | cn_i_bucket_by_mineral(net, take, NULL, &start, &bucket);
    s.local = malloc(nv * sizeof *s.local);
    s.vertex = malloc(nv * sizeof *s.vertex);
    s.consumers = malloc(nv * sizeof *s.consumers);
    s.links = malloc(ne * sizeof *s.links);
    s.x = malloc(nv * sizeof *s.x), s.y = malloc(nv * sizeof *s.y), s.d = malloc(nv * sizeof *s.d);
    s.start = malloc((nv + 1) * sizeof *s.start), s.adj = malloc(ne * sizeof *s.adj);
    s.idx = malloc(nv * sizeof *s.idx), s.low = malloc(nv * sizeof *s.low), s.stack = malloc(nv * sizeof *s.stack);
    s.call = malloc(nv * sizeof *s.call), s.pos = malloc(nv * sizeof *s.pos), s.on = malloc(nv);
    out->minerals = calloc(nv, sizeof *out->minerals);
    out->rows = malloc(ne * sizeof *out->rows); /* at most one row per supplies edge */
    if (bad || !s.local || !s.vertex || !s.consumers || !s.links || !s.x || !s.y || !s.d || !s.start || !s.adj ||
        !s.idx || !s.low || !s.stack || !s.call || !s.pos || !s.on || !out->minerals || !out->rows) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    /* the WGI year: asked for, else the latest with a Political Stability figure */
    out->wgi_year = opts->wgi_year;
    for (size_t i = 0; !opts->wgi_year && i < in->nwgi; i++)
        if (!isnan(in->wgi[i].pv) && in->wgi[i].year > out->wgi_year)
            out->wgi_year = in->wgi[i].year;
    if (!out->wgi_year) {
        st = cn_error_set(err, CN_EUSAGE, "no WGI Political Stability (pv) figures: a WGI file needs a pv column");
        goto done;
    }
    for (size_t v = 0; v < nv; v++)
        s.local[v] = -1;
    for (int32_t v = 0; v < net->nvertices; v++)
        if (cn_i_mineral_wanted(net, v, opts->mineral) && start[v + 1] > start[v])
            one(net, &wx, opts, out->wgi_year, v, bucket + start[v], start[v + 1] - start[v], &s, out);
    cn_sort_r(out->rows, out->n, sizeof *out->rows, row_cmp, (void *)net);
done:
    free(start);
    free(bucket);
    cn_i_wgi_index_free(&wx);
    scratch_free(&s);
    if (st)
        cn_traderisk_result_free(out);
    return st;
}

void cn_traderisk_result_free(cn_traderisk_result *r)
{
    free(r->minerals);
    free(r->rows);
    memset(r, 0, sizeof *r);
}
