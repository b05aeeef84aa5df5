/* graph/bipartite.c: the simple bipartite graph the network analyses share: one edge per joined
 * (country, mineral) pair, weighted by the largest known share (docs/measures-network.md). Pairs are sorted by
 * two stable counting sorts (O(V + E)), not a comparison sort. */
#include "critnet/graph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int32_t c, m;
    double share;
} pair;

/* stable counting sort of p[0..n) by key (0..nv-1) into out: O(n + nv) */
static int sort_by(const pair *p, size_t n, int by_country, int32_t nv, pair *out)
{
    size_t *start = calloc((size_t)nv + 2, sizeof *start);
    if (!start)
        return -1;
    for (size_t i = 0; i < n; i++)
        start[(by_country ? p[i].c : p[i].m) + 1]++;
    for (int32_t v = 0; v < nv; v++)
        start[v + 1] += start[v];
    for (size_t i = 0; i < n; i++)
        out[start[by_country ? p[i].c : p[i].m]++] = p[i];
    free(start);
    return 0;
}

cn_status cn_bipartite_build(const cn_net *net, unsigned kinds, int weighted, cn_bipartite *out, int32_t *dropped,
                       cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->n = net->nvertices;
    if (dropped)
        *dropped = 0;
    if (!kinds)
        kinds = ~0u;
    pair *p = malloc(((size_t)net->nedges + 1) * sizeof *p), *q = NULL;
    if (!p)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    size_t n = 0;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (!((kinds >> e->kind) & 1u))
            continue;
        int32_t c = e->kind == CN_EDGE_RELIES ? e->consumer : e->country;
        if (c < 0)
            continue; /* unnamed, other, world: not vertices */
        p[n++] = (pair){c, e->mineral, isfinite(e->share) ? e->share : NAN};
    }
    /* by (country, mineral), equal pairs in edge order: by mineral, then stably by country */
    q = malloc((n + 1) * sizeof *q);
    if (!q || sort_by(p, n, 0, net->nvertices, q) || sort_by(q, n, 1, net->nvertices, p)) {
        free(p);
        free(q);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    free(q);
    /* collapse equal pairs, keeping the largest known share */
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k && p[k - 1].c == p[i].c && p[k - 1].m == p[i].m) {
            if (!isnan(p[i].share) && (isnan(p[k - 1].share) || p[i].share > p[k - 1].share))
                p[k - 1].share = p[i].share;
        } else {
            p[k++] = p[i];
        }
    }
    out->ends = malloc((2 * k + 1) * sizeof *out->ends);
    out->share = malloc((k + 1) * sizeof *out->share);
    if (!out->ends || !out->share) {
        free(p);
        cn_bipartite_free(out);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < k; i++) {
        if (weighted && !(p[i].share > 0)) {
            if (dropped)
                (*dropped)++;
            continue;
        }
        out->ends[2 * out->m] = p[i].c;
        out->ends[2 * out->m + 1] = p[i].m;
        out->share[out->m++] = p[i].share;
    }
    free(p);
    return CN_OK;
}

void cn_bipartite_free(cn_bipartite *b)
{
    free(b->ends);
    free(b->share);
    b->ends = NULL;
    b->share = NULL;
    b->m = 0;
}
