/* graph/flow.c: a reusable flow network for many minimum s-t cuts on one graph (the chokepoint analysis cuts
 * every market of a flow network): built once; Dinic's blocking flows on levels searched back from the target. */
#include "critnet/graph.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct cn_graph_flow {
    int32_t n, m;
    const int32_t *ends;    /* the caller's, 2m */
    double *cap, *flow;     /* m */
    int32_t *in_start, *in_arc, *out_start, *out_arc; /* n + 1, m: arcs into / out of each vertex */
    int32_t *mark, stamp;   /* mark[v] == stamp: v reached by the current search */
    int32_t *queue, qmarked; /* n: the vertices the last search marked (s aside), their number */
    int32_t *dist, *cur;    /* n: residual distance to t, the next arc to try (blocking flow) */
    int32_t *path;          /* n: the arcs from s so far */
    int32_t *dirty, ndirty; /* arcs whose flow may be nonzero, to reset */
    char *isdirty;          /* m */
};

static int cmp_i32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* start[v]..start[v+1]: the arcs whose end e (0 tail, 1 head) is v, in index order */
static void csr(const int32_t *ends, int32_t n, int32_t m, int e, int32_t *start, int32_t *arc)
{
    memset(start, 0, ((size_t)n + 1) * sizeof *start);
    for (int32_t a = 0; a < m; a++)
        start[ends[2 * a + e] + 1]++;
    for (int32_t v = 0; v < n; v++)
        start[v + 1] += start[v];
    for (int32_t a = 0; a < m; a++)
        arc[start[ends[2 * a + e]]++] = a;
    for (int32_t v = n; v > 0; v--)
        start[v] = start[v - 1];
    start[0] = 0;
}

cn_status cn_graph_flow_init(const cn_graph *g, cn_graph_flow **out, cn_error *err)
{
    *out = NULL;
    if (!g->directed || !g->w)
        return cn_error_set(err, CN_EUSAGE, "flow network: needs a directed graph and capacities");
    cn_status st = cn_graph_check_weights(g, "capacities", err);
    if (st)
        return st;
    for (int32_t a = 0; a < 2 * g->m; a++)
        if (g->ends[a] < 0 || g->ends[a] >= g->n)
            return cn_error_set(err, CN_EUSAGE, "flow network: edge %d has an end outside 0..%d", (int)(a / 2),
                                (int)g->n - 1);
    cn_graph_flow *f = calloc(1, sizeof *f);
    if (!f)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    size_t n = (size_t)g->n + 1, m = (size_t)g->m + 1;
    f->n = g->n;
    f->m = g->m;
    f->ends = g->ends;
    f->cap = malloc(m * sizeof *f->cap);
    f->flow = calloc(m, sizeof *f->flow);
    f->in_start = malloc(n * sizeof *f->in_start);
    f->out_start = malloc(n * sizeof *f->out_start);
    f->in_arc = malloc(m * sizeof *f->in_arc);
    f->out_arc = malloc(m * sizeof *f->out_arc);
    f->mark = calloc(n, sizeof *f->mark);
    f->queue = malloc(n * sizeof *f->queue);
    f->dist = malloc(n * sizeof *f->dist);
    f->cur = malloc(n * sizeof *f->cur);
    f->path = malloc(n * sizeof *f->path);
    f->dirty = malloc(m * sizeof *f->dirty);
    f->isdirty = calloc(m, 1);
    if (!f->cap || !f->flow || !f->in_start || !f->out_start || !f->in_arc || !f->out_arc || !f->mark || !f->dist ||
        !f->cur || !f->path || !f->queue || !f->dirty || !f->isdirty) {
        cn_graph_flow_free(f);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    memcpy(f->cap, g->w, (size_t)g->m * sizeof *f->cap);
    csr(g->ends, g->n, g->m, 1, f->in_start, f->in_arc);
    csr(g->ends, g->n, g->m, 0, f->out_start, f->out_arc);
    *out = f;
    return CN_OK;
}

void cn_graph_flow_free(cn_graph_flow *f)
{
    if (!f)
        return;
    free(f->cap);
    free(f->flow);
    free(f->in_start);
    free(f->out_start);
    free(f->in_arc);
    free(f->out_arc);
    free(f->mark);
    free(f->dist);
    free(f->cur);
    free(f->path);
    free(f->queue);
    free(f->dirty);
    free(f->isdirty);
    free(f);
}

/* breadth-first search backwards from t over the residual arcs: dist[v] = residual arcs from v to t; returns 1
 * when it reaches s (and stops there: every vertex nearer t than s has its distance). The vertices it marks
 * are those with a residual path to t (all of them when it does not reach s). */
static int search(cn_graph_flow *f, int32_t s, int32_t t)
{
    if (f->stamp == INT32_MAX) {
        memset(f->mark, 0, ((size_t)f->n + 1) * sizeof *f->mark);
        f->stamp = 0;
    }
    int32_t qh = 0, qt = 0, stamp = ++f->stamp;
    f->mark[t] = stamp;
    f->dist[t] = 0;
    f->queue[qt++] = t;
    while (qh < qt) {
        int32_t x = f->queue[qh++];
        for (int32_t i = f->in_start[x]; i < f->in_start[x + 1]; i++) { /* y -> x with room left */
            int32_t a = f->in_arc[i], y = f->ends[2 * a];
            if (f->mark[y] != stamp && f->cap[a] - f->flow[a] > 0) {
                f->mark[y] = stamp;
                f->dist[y] = f->dist[x] + 1;
                if (y == s) {
                    f->qmarked = qt;
                    return 1;
                }
                f->queue[qt++] = y;
            }
        }
        for (int32_t i = f->out_start[x]; i < f->out_start[x + 1]; i++) { /* x -> y carrying flow: undo it */
            int32_t a = f->out_arc[i], y = f->ends[2 * a + 1];
            if (f->mark[y] != stamp && f->flow[a] > 0) {
                f->mark[y] = stamp;
                f->dist[y] = f->dist[x] + 1;
                if (y == s) {
                    f->qmarked = qt;
                    return 1;
                }
                f->queue[qt++] = y;
            }
        }
    }
    f->qmarked = qt;
    return 0;
}

/* the k-th residual arc out of v: out arcs with room, then in arcs carrying flow (~a); its head in *w, its room
 * in *room; -1 past the end */
static int32_t res_arc(const cn_graph_flow *f, int32_t v, int32_t k, int32_t *w, double *room)
{
    int32_t no = f->out_start[v + 1] - f->out_start[v];
    if (k < no) {
        int32_t a = f->out_arc[f->out_start[v] + k];
        *w = f->ends[2 * a + 1];
        *room = f->cap[a] - f->flow[a];
        return a;
    }
    k -= no;
    if (k >= f->in_start[v + 1] - f->in_start[v])
        return -1;
    int32_t a = f->in_arc[f->in_start[v] + k];
    *w = f->ends[2 * a];
    *room = f->flow[a];
    return ~a;
}

static void push(cn_graph_flow *f, int32_t a, double d)
{
    int32_t b = a >= 0 ? a : ~a;
    if (!f->isdirty[b]) {
        f->isdirty[b] = 1;
        f->dirty[f->ndirty++] = b;
    }
    f->flow[b] += a >= 0 ? d : -d;
}

/* a blocking flow along the arcs that step one nearer t (Dinic); returns the amount sent */
static double blocking(cn_graph_flow *f, int32_t s, int32_t t)
{
    int32_t stamp = f->stamp, np = 0, v = s;
    double total = 0;
    for (int32_t i = 0; i < f->qmarked; i++)
        f->cur[f->queue[i]] = 0;
    f->cur[s] = 0;
    for (;;) {
        if (v == t) {
            double d = -1;
            for (int32_t i = 0; i < np; i++) {
                int32_t a = f->path[i];
                double room = a >= 0 ? f->cap[a] - f->flow[a] : f->flow[~a];
                if (d < 0 || room < d)
                    d = room;
            }
            for (int32_t i = 0; i < np; i++)
                push(f, f->path[i], d);
            total += d;
            np = 0;
            v = s;
            continue;
        }
        int32_t w, a;
        double room;
        while ((a = res_arc(f, v, f->cur[v], &w, &room)) != -1 &&
               !(room > 0 && f->mark[w] == stamp && f->dist[w] == f->dist[v] - 1))
            f->cur[v]++;
        if (a != -1) {
            f->path[np++] = a;
            v = w;
            continue;
        }
        f->dist[v] = -1; /* dead end */
        if (v == s)
            return total;
        a = f->path[--np];
        v = a >= 0 ? f->ends[2 * a] : f->ends[2 * ~a + 1];
        f->cur[v]++;
    }
}

cn_status cn_graph_flow_mincut(cn_graph_flow *f, int32_t s, int32_t t, double *value, int32_t *cut_edges,
                            int32_t *ncut, cn_error *err)
{
    *ncut = 0;
    *value = 0;
    if (s < 0 || s >= f->n || t < 0 || t >= f->n || s == t)
        return cn_error_set(err, CN_EUSAGE, "minimum cut: needs distinct source and target");
    for (int32_t i = 0; i < f->ndirty; i++) { /* the previous cut's flow */
        f->flow[f->dirty[i]] = 0;
        f->isdirty[f->dirty[i]] = 0;
    }
    f->ndirty = 0;
    double total = 0;
    while (search(f, s, t))
        total += blocking(f, s, t);
    /* the cut: arcs from the unmarked side into the vertices with a residual path to t (igraph's choice) */
    int32_t stamp = f->stamp;
    for (int32_t x = 0; x < f->n; x++) {
        if (f->mark[x] != stamp)
            continue;
        for (int32_t i = f->in_start[x]; i < f->in_start[x + 1]; i++)
            if (f->mark[f->ends[2 * f->in_arc[i]]] != stamp)
                cut_edges[(*ncut)++] = f->in_arc[i];
    }
    qsort(cut_edges, (size_t)*ncut, sizeof *cut_edges, cmp_i32);
    *value = total;
    return CN_OK;
}
