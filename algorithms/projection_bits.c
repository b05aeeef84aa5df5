/* algorithms/projection_bits.c: the unweighted one-mode projection as bitset rows (which pairs share a
 * neighbour, nothing else), its connected components, and its PageRank without materialising the edges
 * (a world trade table's minerals projection joins nearly every pair of 5,000 products: 12 M edges). */
#include "projection_i.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void cn_i_projbits_free(cn_i_projbits *p)
{
    free(p->rows);
    free(p->vertices);
    free(p->deg);
    memset(p, 0, sizeof *p);
}

int cn_i_projbits_build(const cn_net *net, const cn_bipartite *b, cn_vertex_type side, cn_i_projbits *out)
{
    memset(out, 0, sizeof *out);
    int32_t n = 0, nother = 0;
    for (int32_t v = 0; v < net->nvertices; v++)
        n += net->vertices[v].type == side;
    if (n > CN_I_PROJBITS_MAX_N)
        return 1;
    int32_t words = (n + 63) / 64;
    int32_t *local = malloc(((size_t)net->nvertices + 1) * sizeof *local);
    out->vertices = malloc(((size_t)n + 1) * sizeof *out->vertices);
    out->deg = calloc((size_t)n + 1, sizeof *out->deg);
    if (!local || !out->vertices || !out->deg)
        goto oom;
    for (int32_t v = 0; v < net->nvertices; v++) {
        if (net->vertices[v].type == side) {
            local[v] = out->n;
            out->vertices[out->n++] = v;
        } else {
            local[v] = nother++;
        }
    }
    out->words = words;
    /* each vertex of the other side as the bitset of its neighbours on this side, then each row the union
     * of its neighbours' bitsets */
    uint64_t *xbits = calloc((size_t)nother * words + 1, sizeof *xbits);
    out->rows = calloc((size_t)n * words + 1, sizeof *out->rows);
    if (!xbits || !out->rows) {
        free(xbits);
        goto oom;
    }
    cn_hugepage_hint(out->rows, (size_t)n * words * sizeof *out->rows);
    int s = side == CN_VERTEX_MINERAL; /* which end of a bipartite edge is on this side */
    for (int32_t e = 0; e < b->m; e++) {
        int32_t a = local[b->ends[2 * e + s]], x = local[b->ends[2 * e + 1 - s]];
        xbits[(size_t)x * words + a / 64] |= 1ull << (a % 64);
    }
    for (int32_t e = 0; e < b->m; e++) {
        int32_t a = local[b->ends[2 * e + s]], x = local[b->ends[2 * e + 1 - s]];
        uint64_t *row = out->rows + (size_t)a * words;
        const uint64_t *xb = xbits + (size_t)x * words;
        for (int32_t w = 0; w < words; w++)
            row[w] |= xb[w];
    }
    free(xbits);
    free(local);
    for (int32_t a = 0; a < n; a++) {
        uint64_t *row = out->rows + (size_t)a * words;
        row[a / 64] &= ~(1ull << (a % 64));
        int32_t d = 0;
        for (int32_t w = 0; w < words; w++)
            d += __builtin_popcountll(row[w]);
        out->deg[a] = d;
        out->nedges += d;
    }
    out->nedges /= 2;
    return 0;
oom:
    free(local);
    cn_i_projbits_free(out);
    return -1;
}

cn_status cn_i_projbits_components(const cn_i_projbits *p, int32_t *comp, int32_t *ncomp, cn_error *err)
{
    int32_t nc = 0;
    int32_t *stack = malloc(((size_t)p->n + 1) * sizeof *stack);
    if (!stack)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    for (int32_t v = 0; v < p->n; v++)
        comp[v] = -1; /* not reached yet */
    for (int32_t r = 0; r < p->n; r++) {
        if (comp[r] >= 0)
            continue;
        int32_t top = 0;
        comp[r] = nc;
        stack[top++] = r;
        while (top) {
            const uint64_t *row = p->rows + (size_t)stack[--top] * p->words;
            for (int32_t w = 0; w < p->words; w++)
                for (uint64_t bits = row[w]; bits; bits &= bits - 1) {
                    int32_t b = w * 64 + __builtin_ctzll(bits);
                    if (comp[b] < 0) {
                        comp[b] = nc;
                        stack[top++] = b;
                    }
                }
        }
        nc++;
    }
    free(stack);
    *ncomp = nc;
    return CN_OK;
}

cn_status cn_i_projbits_pagerank(const cn_i_projbits *p, double damping, double *out, cn_error *err)
{
    int32_t n = p->n;
    if (n == 0)
        return CN_OK;
    /* row a as a list: its neighbours (sparse) or, when it has more than half, its non-neighbours but a */
    size_t total = 0;
    for (int32_t a = 0; a < n; a++) {
        int32_t d = p->deg[a];
        total += (size_t)(d <= n - 1 - d ? d : n - 1 - d);
    }
    int64_t *start = malloc(((size_t)n + 1) * sizeof *start);
    int32_t *list = malloc((total + 1) * sizeof *list);
    double *x = malloc((size_t)n * sizeof *x), *z = malloc((size_t)n * sizeof *z);
    if (!start || !list || !x || !z) {
        free(start);
        free(list);
        free(x);
        free(z);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    cn_hugepage_hint(list, total * sizeof *list);
    size_t k = 0;
    for (int32_t a = 0; a < n; a++) {
        start[a] = (int64_t)k;
        const uint64_t *row = p->rows + (size_t)a * p->words;
        int sparse = p->deg[a] <= n - 1 - p->deg[a];
        for (int32_t w = 0; w < p->words; w++) {
            uint64_t bits = sparse ? row[w] : ~row[w];
            if (w == p->words - 1 && n % 64)
                bits &= (1ull << (n % 64)) - 1; /* no vertex past n */
            for (; bits; bits &= bits - 1) {
                int32_t b = w * 64 + __builtin_ctzll(bits);
                if (b != a)
                    list[k++] = b;
            }
        }
    }
    start[n] = (int64_t)k;
    for (int32_t a = 0; a < n; a++)
        x[a] = 1.0 / n;
    int converged = 0;
    for (int it = 0; it < 10000 && !converged; it++) {
        /* z_b: the rank b sends along each of its edges; a vertex without edges sends to every vertex */
        double zsum = 0, dangling = 0;
        for (int32_t b = 0; b < n; b++) {
            z[b] = p->deg[b] ? x[b] / p->deg[b] : 0.0;
            zsum += z[b];
            if (!p->deg[b])
                dangling += x[b];
        }
        double base = (1.0 - damping) / n + damping * dangling / n, diff = 0, sum = 0;
        for (int32_t a = 0; a < n; a++) {
            double y = 0;
            for (int64_t i = start[a]; i < start[a + 1]; i++)
                y += z[list[i]];
            if (p->deg[a] > n - 1 - p->deg[a])
                y = zsum - z[a] - y;
            double nx = base + damping * y;
            sum += nx;
            out[a] = nx;
        }
        for (int32_t a = 0; a < n; a++) {
            out[a] /= sum;
            diff += fabs(out[a] - x[a]);
            x[a] = out[a];
        }
        converged = diff < 1e-14;
    }
    free(start);
    free(list);
    free(x);
    free(z);
    return converged ? CN_OK : cn_error_set(err, CN_EINTERNAL, "PageRank on the projection did not converge");
}
