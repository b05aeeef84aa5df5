/* graph/bipartite.c: the simple bipartite graph the network analyses share: one edge per joined
 * (country, mineral) pair, weighted by the largest known share (docs/measures-network.md). */
#include "critnet/graph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int32_t c, m;
    double share;
} pair;

static int pair_cmp(const void *pa, const void *pb)
{
    const pair *a = pa, *b = pb;
    if (a->c != b->c)
        return a->c < b->c ? -1 : 1;
    return (a->m > b->m) - (a->m < b->m);
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
    pair *p = malloc(((size_t)net->nedges + 1) * sizeof *p);
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
    qsort(p, n, sizeof *p, pair_cmp);
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
