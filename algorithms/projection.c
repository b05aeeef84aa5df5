/* algorithms/projection.c: one-mode projection of the bipartite network onto countries or minerals, with
 * the number of shared neighbours and the sum over them of min(share_a, share_b). */
#include "critnet/centrality.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* adjacency in CSR form: for vertex v, nb[start[v] .. start[v+1]) with shares sh[] */
typedef struct {
    int32_t *start, *nb;
    double *sh;
} csr;

static void csr_free(csr *c)
{
    free(c->start);
    free(c->nb);
    free(c->sh);
}

/* side 0: from the country end (ends[2k]) to the mineral; side 1: the reverse. Neighbours ascending
 * because b's edges are sorted by (country, mineral) and the fill is stable. */
static int csr_build(const cn_bipartite *b, int side, csr *c)
{
    c->start = calloc((size_t)b->n + 2, sizeof *c->start);
    c->nb = malloc(((size_t)b->m + 1) * sizeof *c->nb);
    c->sh = malloc(((size_t)b->m + 1) * sizeof *c->sh);
    if (!c->start || !c->nb || !c->sh)
        return -1;
    for (int32_t e = 0; e < b->m; e++)
        c->start[b->ends[2 * e + side] + 1]++;
    for (int32_t v = 0; v < b->n; v++)
        c->start[v + 1] += c->start[v];
    int32_t *pos = malloc(((size_t)b->n + 1) * sizeof *pos);
    if (!pos)
        return -1;
    memcpy(pos, c->start, (size_t)b->n * sizeof *pos);
    for (int32_t e = 0; e < b->m; e++) {
        int32_t v = b->ends[2 * e + side];
        c->nb[pos[v]] = b->ends[2 * e + 1 - side];
        c->sh[pos[v]++] = b->share[e];
    }
    free(pos);
    return 0;
}

static int i32_cmp(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

cn_status cn_projection_run(const cn_net *net, const cn_bipartite *b, cn_projection_onto onto, cn_projection_result *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->onto = onto;
    cn_vertex_type side = onto == CN_PROJECTION_ONTO_MINERALS ? CN_VERTEX_MINERAL : CN_VERTEX_COUNTRY;
    csr own = {0}, other = {0};
    int32_t *cnt = calloc((size_t)b->n + 1, sizeof *cnt);
    double *sum = calloc((size_t)b->n + 1, sizeof *sum);
    int32_t *touched = malloc(((size_t)b->n + 1) * sizeof *touched);
    size_t cap = 64;
    out->edges = malloc(cap * sizeof *out->edges);
    out->vertices = malloc(((size_t)net->nvertices + 1) * sizeof *out->vertices);
    int s = side == CN_VERTEX_MINERAL; /* which end of a bip edge is on our side */
    if (!cnt || !sum || !touched || !out->edges || !out->vertices || csr_build(b, s, &own) ||
        csr_build(b, 1 - s, &other))
        goto oom;
    for (int32_t a = 0; a < net->nvertices; a++) {
        if (net->vertices[a].type != side)
            continue;
        out->vertices[out->nvertices++] = a;
        int32_t nt = 0;
        for (int32_t i = own.start[a]; i < own.start[a + 1]; i++) {
            int32_t x = own.nb[i];
            /* min(sa, sb), unknown (NAN) when either is: with sa known, sa < sb ? sa : sb is sb when sb is NAN */
            double sa = own.sh[i], unknown = isnan(sa) ? NAN : 0.0;
            for (int32_t j = other.start[x]; j < other.start[x + 1]; j++) {
                int32_t bb = other.nb[j];
                if (bb <= a)
                    continue;
                if (cnt[bb]++ == 0) {
                    touched[nt++] = bb;
                    sum[bb] = 0;
                }
                double sb = other.sh[j];
                sum[bb] += (sa < sb ? sa : sb) + unknown;
            }
        }
        qsort(touched, (size_t)nt, sizeof *touched, i32_cmp);
        for (int32_t k = 0; k < nt; k++) {
            int32_t bb = touched[k];
            if ((size_t)out->nedges == cap) {
                cap *= 2;
                cn_projection_edge *p = realloc(out->edges, cap * sizeof *p);
                if (!p)
                    goto oom;
                out->edges = p;
            }
            out->edges[out->nedges++] = (cn_projection_edge){a, bb, cnt[bb], sum[bb]};
            cnt[bb] = 0;
        }
    }
    csr_free(&own);
    csr_free(&other);
    free(cnt);
    free(sum);
    free(touched);
    return CN_OK;
oom:
    csr_free(&own);
    csr_free(&other);
    free(cnt);
    free(sum);
    free(touched);
    cn_projection_result_free(out);
    return cn_error_set(err, CN_ENOMEM, "out of memory");
}

void cn_projection_result_free(cn_projection_result *p)
{
    free(p->vertices);
    free(p->edges);
    p->vertices = NULL;
    p->edges = NULL;
    p->nvertices = p->nedges = 0;
}
