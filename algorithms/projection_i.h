/* algorithms/projection_i.h: the unweighted one-mode projection as one bitset row per vertex, and PageRank on
 * it without materialising its edges. Private to algorithms/ (projection_bits.c, pagerank_implicit.c). */
#ifndef CN_ALGORITHMS_PROJECTION_I_H
#define CN_ALGORITHMS_PROJECTION_I_H

#include "critnet/graph.h"

/* the projection of a bipartite graph onto one side: vertices[0..n) are that side's net vertices, ascending;
 * bit b of row a (rows + a * words) is set when a != b share a neighbour in the bipartite graph. */
typedef struct cn_i_projbits {
    int32_t n, words;
    uint64_t *rows;     /* n * words */
    int32_t *vertices;  /* compact index -> net vertex */
    int32_t *deg;       /* degree in the projection */
    int64_t nedges;
} cn_i_projbits;

/* the most vertices cn_i_projbits_build takes: n * n bits (32,768 vertices: 128 MiB) */
#define CN_I_PROJBITS_MAX_N 32768

/* Builds the projection of b onto side (CN_VERTEX_COUNTRY or CN_VERTEX_MINERAL) of net. Returns 0, 1 when
 * the side has more than CN_I_PROJBITS_MAX_N vertices (nothing built), -1 out of memory; *out then holds
 * nothing. O(nnz(b) * n / 64 + n^2 / 64) time, O((n + other side) * n / 64) memory. */
int cn_i_projbits_build(const cn_net *net, const cn_bipartite *b, cn_vertex_type side, cn_i_projbits *out);
void cn_i_projbits_free(cn_i_projbits *p);

/* connected components of the projection, numbered in order of their lowest compact vertex (igraph's
 * numbering). comp: n entries. Errors: CN_ENOMEM. O(n^2 / 64). */
cn_status cn_i_projbits_components(const cn_i_projbits *p, int32_t *comp, int32_t *ncomp, cn_error *err);

/* PageRank of the unweighted projection with igraph's conventions (each edge both ways, damping, a vertex
 * without edges spreads its rank over every vertex, ranks summing to 1), by power iteration on the rows: each
 * row kept as its neighbours or, when it has more, as its non-neighbours, so an iteration costs
 * O(sum over rows of min(deg, n - 1 - deg)). Iterates until the ranks move by less than 1e-14 (L1).
 * out: n entries. Errors: CN_ENOMEM, CN_EINTERNAL when it does not converge in 10,000 iterations. */
cn_status cn_i_projbits_pagerank(const cn_i_projbits *p, double damping, double *out, cn_error *err);

#endif
