/* critnet/centrality.h: centralities and one-mode projections of the bipartite supply network, on the plain graphs of
 * critnet/graph.h. docs/measures-network.md. */
#ifndef CRITNET_CENTRALITY_H
#define CRITNET_CENTRALITY_H

#include "critnet/graph.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 2
#error "critnet/centrality.h belongs to algorithms/: graph/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

/* ---- centrality (algorithms/centrality.c) ---- */

typedef enum cn_measure {
    CN_MEASURE_DEGREE, CN_MEASURE_STRENGTH, CN_MEASURE_BETWEENNESS, CN_MEASURE_CLOSENESS, CN_MEASURE_HARMONIC, CN_MEASURE_PAGERANK,
    CN_MEASURE_EIGENVECTOR, CN_MEASURE_HUB, CN_MEASURE_COUNT
} cn_measure;

/** cn_measure_name: the name of a measure as the CLI and the reports write it ("degree", "betweenness", ...),
 * in static storage (the library's, valid for the process); "?" for a value outside the enum.
 * cn_measure_parse: the inverse: sets *out and returns 0 when s is one of those names (exactly, case
 * included), else returns -1 and leaves *out alone; s is borrowed. Neither can fail otherwise nor allocates.
 * Time: constant time for cn_measure_name; O(CN_MEASURE_COUNT * length of s) for cn_measure_parse. */
const char *cn_measure_name(cn_measure m);
int cn_measure_parse(const char *s, cn_measure *out);

typedef enum cn_projection_onto {
    CN_PROJECTION_ONTO_NONE = -1,
    CN_PROJECTION_ONTO_COUNTRIES = 0,
    CN_PROJECTION_ONTO_MINERALS = 1
} cn_projection_onto;

typedef struct cn_centrality_opts {
    unsigned measures;     /**< bits 1u << cn_measure */
    int weighted;          /**< weights = shares (strengths; lengths 1/share for path measures) */
    cn_projection_onto projection;    /**< CN_PROJECTION_ONTO_NONE: the bipartite graph itself */
    int bipartite_norm;    /**< Borgatti-Everett normalisation of degree, betweenness, closeness */
    unsigned kinds;        /**< edge kinds (bits 1u << cn_edge_kind), 0 = all */
    int64_t max_edges;     /**< a projection with more edges is not materialised: only degree, strength and
                                PageRank, unweighted, are computed on it (others: CN_EUSAGE); 0 (a zero-filled
                                struct) = the default CN_CENTRALITY_MAX_EDGES; CN_CENTRALITY_MAX_EDGES_NONE (or any
                                negative value) = a limit of 0 edges: every projection with an edge is measured
                                without listing them */
} cn_centrality_opts;

/** The default cn_centrality_opts.max_edges: 1,000,000 projected edges (what 0 stands for). */
#define CN_CENTRALITY_MAX_EDGES 1000000
/** cn_centrality_opts.max_edges for "no projected edge is listed" (the CLI's --max-edges 0). */
#define CN_CENTRALITY_MAX_EDGES_NONE (-1)

/** Sets *o to the defaults: every measure, unweighted, on the bipartite network itself (CN_PROJECTION_ONTO_NONE), no
 * bipartite normalisation, every edge kind, max_edges CN_CENTRALITY_MAX_EDGES. Allocates nothing, so there is nothing to free. Constant time. */
void cn_centrality_opts_init(cn_centrality_opts *o);

typedef struct cn_centrality_row {
    int32_t vertex;        /**< net vertex index */
    int32_t component;     /**< connected component (0 = the one holding the lowest vertex index) */
    double v[CN_MEASURE_COUNT];  /**< NAN where not computed */
} cn_centrality_row;

typedef struct cn_centrality_result {
    cn_centrality_opts opts;
    cn_centrality_row *rows;
    size_t n;
    int32_t nedges;        /**< edges of the graph the measures ran on */
    int32_t dropped;       /**< weighted: pairs left out because no share is known */
    int32_t ncomponents;   /**< connected components (isolated vertices count) */
    cn_measure sort_by;    /**< rows sorted by this measure, descending, then by id */
} cn_centrality_result;

/** Centralities of every vertex of the graph (the bipartite network, or the one-mode projection onto
 * countries or minerals, weighted by the sum of min shares). net and opts are borrowed. The caller frees *out
 * with cn_centrality_result_free(), which accepts a zero-initialised struct; on failure nothing is left to
 * free. Errors: CN_EUSAGE for no measure chosen or option combinations without a definition (see
 * docs/measures-network.md); CN_ENOMEM; CN_EDATA when a weight is not both finite and > 0 (the weight check);
 * CN_EINTERNAL (or CN_ENOMEM) when igraph fails; CN_EUSAGE when a projection has more edges than the limit
 * opts.max_edges stands for (0: CN_CENTRALITY_MAX_EDGES, negative: 0) and a measure other than degree, strength and
 * PageRank, or weights, are asked for.
 * A projection is first found as one bitset row per vertex (which pairs share a neighbour: O(E_b * V / 64) for
 * the E_b edges of the bipartite graph, V^2 / 8 bytes, up to 32,768 vertices); over opts.max_edges its edges
 * are never listed, and its PageRank is a power iteration on those rows, each kept as its neighbours or its
 * non-neighbours, whichever is fewer (O(sum of min(deg, V - 1 - deg)) per iteration), equal to igraph's
 * (PRPACK) to about 1e-12.
 * Time, for the V vertices and E edges of the graph measured: building it costs O(E log E) over the net's
 * edges (plus cn_projection_run() for a projection); degree and strength O(V + E); the path measures
 * (betweenness, closeness, harmonic) O(V (V + E)) unweighted and O(V (V + E) log V) weighted, which dominate;
 * PageRank, eigenvector and hub scores O(V + E) per iteration; then O(V log V) to sort the rows.
 * cn_centrality_result_free() releases r->rows and zeroes the count: constant time. */
cn_status cn_centrality_run(const cn_net *net, const cn_centrality_opts *opts, cn_centrality_result *out,
                        cn_error *err);
void cn_centrality_result_free(cn_centrality_result *r);

/* ---- one-mode projection (algorithms/projection.c) ---- */

typedef struct cn_projection_edge {
    int32_t a, b;          /**< net vertex indices, a < b */
    int32_t shared;        /**< shared neighbours */
    double min_share;      /**< sum over shared neighbours x of min(share(a,x), share(b,x)); NAN when a
                                share is unknown on any shared neighbour */
} cn_projection_edge;

typedef struct cn_projection_result {
    cn_projection_onto onto;
    int32_t *vertices;     /**< the net vertices of that side, ascending */
    int32_t nvertices;
    cn_projection_edge *edges;   /**< sorted by (a, b) */
    int32_t nedges;
} cn_projection_result;

/** Projects b onto one side: an edge between two vertices of that side for every pair with a shared
 * neighbour. net and b are borrowed. The caller frees *out with cn_projection_result_free(), which accepts a
 * zero-initialised struct; on failure nothing is left to free. Errors: CN_ENOMEM only.
 * O(sum over vertices of the other side of deg^2) time, plus the sort of each vertex's new neighbours,
 * O(V) extra memory. cn_projection_result_free(): constant time. */
cn_status cn_projection_run(const cn_net *net, const cn_bipartite *b, cn_projection_onto onto, cn_projection_result *out, cn_error *err);
void cn_projection_result_free(cn_projection_result *p);

CN_END_DECLS
#endif
