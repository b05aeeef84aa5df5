/* critnet/centrality.h: centralities and one-mode projections of the bipartite supply network, and the thin
 * igraph wrappers (graph/centrality.c) they and the chokepoint analysis run on. docs/measures-network.md. */
#ifndef CRITNET_CENTRALITY_H
#define CRITNET_CENTRALITY_H

#include "critnet/net.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- graph layer: a plain graph and the igraph algorithms on it (graph/centrality.c) ---- */

/** A graph given as arrays: n vertices 0..n-1, m edges ends[2k] -> ends[2k+1], optional weights w[k]
 * (NULL = unweighted). The caller owns the arrays; cn_pg_* functions only read them. */
typedef struct cn_pg {
    int32_t n;
    int32_t m;
    const int32_t *ends;
    const double *w;
    int directed;
} cn_pg;

/** Checks that every weight is finite and > 0 (igraph accepts some bad weights silently, NOTES-libs
 * §3.6); what names the weights in the message. */
cn_status cn_pg_check_weights(const cn_pg *g, const char *what, cn_error *err);

/* Every function below fills out[0..n-1] (caller-allocated) and returns CN_OK, or CN_EDATA for bad
 * weights, CN_ENOMEM / CN_EINTERNAL when igraph fails. Weights are read as the comment says: lengths
 * (path measures) or strengths (spectral measures). O(...) is igraph's. */

/** Degree (number of incident edges). O(V + E). */
cn_status cn_pg_degree(const cn_pg *g, double *out, cn_error *err);
/** Strength: sum of incident weights (strengths). O(V + E). */
cn_status cn_pg_strength(const cn_pg *g, double *out, cn_error *err);
/** Betweenness, raw (igraph's count: each unordered pair once in an undirected graph); weights are
 * lengths. O(V E + V^2 log V). */
cn_status cn_pg_betweenness(const cn_pg *g, double *out, cn_error *err);
/** Closeness pieces: inv_sum[v] = 1 / sum of distances to the vertices v reaches (NaN when it reaches
 * none), reached[v] = how many it reaches (not counting itself); weights are lengths. */
cn_status cn_pg_closeness(const cn_pg *g, double *inv_sum, int32_t *reached, cn_error *err);
/** Harmonic centrality, raw: sum over u != v of 1 / d(v,u); weights are lengths. */
cn_status cn_pg_harmonic(const cn_pg *g, double *out, cn_error *err);
/** PageRank (PRPACK, damping 0.85); weights are strengths. */
cn_status cn_pg_pagerank(const cn_pg *g, double *out, cn_error *err);
/** Connected components (weak): comp[v] in 0..*ncomp-1, numbered by their smallest vertex. */
cn_status cn_pg_components(const cn_pg *g, int32_t *comp, int32_t *ncomp, cn_error *err);
/** Eigenvector centrality of an undirected graph, computed per connected component and scaled so the
 * largest score of each component is 1; isolated vertices get 0. Weights are strengths. */
cn_status cn_pg_eigenvector(const cn_pg *g, double *out, cn_error *err);
/** Hub and authority scores (Kleinberg) of a directed graph, per weak component, each scaled to max 1
 * within the component; weights are strengths. hub or auth may be NULL. */
cn_status cn_pg_hits(const cn_pg *g, double *hub, double *auth, cn_error *err);
/** Articulation points of the undirected graph, sorted ascending: *out is malloc'd, *nout its length. */
cn_status cn_pg_articulation_points(const cn_pg *g, int32_t **out, int32_t *nout, cn_error *err);
/** Bridges (edge indices), sorted ascending: *out malloc'd. */
cn_status cn_pg_bridges(const cn_pg *g, int32_t **out, int32_t *nout, cn_error *err);
/** Dominator tree of a directed graph from root: idom[v] = immediate dominator, -1 for the root, -2 for
 * vertices root does not reach. O((V + E) alpha(V)). */
cn_status cn_pg_dominators(const cn_pg *g, int32_t root, int32_t *idom, cn_error *err);
/** Minimum s-t edge cut; w are capacities (> 0). *value = its capacity; cut_edges (caller-allocated,
 * m entries) receives the cut edges' indices sorted, *ncut their number. */
cn_status cn_pg_st_mincut(const cn_pg *g, int32_t s, int32_t t, double *value, int32_t *cut_edges,
                          int32_t *ncut, cn_error *err);

/** A flow network built once for many minimum cuts on the same graph (graph/flow.c). */
typedef struct cn_pg_flow cn_pg_flow;
/** Builds it from a directed graph with capacities (> 0, CN_EDATA otherwise); g->ends must outlive it.
 * Memory O(V + E). */
cn_status cn_pg_flow_init(const cn_pg *g, cn_pg_flow **out, cn_error *err);
/** The same cut as cn_pg_st_mincut (the arcs into the vertices with a residual path to t, sorted), by
 * Dinic's blocking flows, each level graph searched backwards from t and only as far as s: O(V^2 E) at
 * worst, a few searches of the part near t when the cut lies there. Exact for integer capacities below
 * 2^53. Resets the previous call's flow in time proportional to the arcs it used. */
cn_status cn_pg_flow_mincut(cn_pg_flow *f, int32_t s, int32_t t, double *value, int32_t *cut_edges,
                            int32_t *ncut, cn_error *err);
void cn_pg_flow_free(cn_pg_flow *f);

/* ---- the bipartite view the analyses share (algorithms/bipartite.c) ---- */

/** The simple bipartite graph of a net: one edge per (country, mineral) pair joined by an edge of the
 * chosen kinds (relies edges join the mineral and the consumer); weight = the largest known share among
 * those edges (NAN when none is known). Vertices are the net's (isolated ones included). */
typedef struct cn_bip {
    int32_t n;        /**< = net->nvertices */
    int32_t m;
    int32_t *ends;    /**< 2m: country, mineral */
    double *share;    /**< m */
} cn_bip;

/** kinds: bits 1u << cn_ekind (0 = all). If weighted, pairs without a known share > 0 are left out and
 * counted in *dropped (may be NULL). Sorted by (country, mineral). O(E log E). */
cn_status cn_bip_build(const cn_net *net, unsigned kinds, int weighted, cn_bip *out, int32_t *dropped,
                       cn_error *err);
void cn_bip_free(cn_bip *b);

/* ---- centrality (algorithms/centrality.c) ---- */

typedef enum cn_measure {
    CN_M_DEGREE, CN_M_STRENGTH, CN_M_BETWEENNESS, CN_M_CLOSENESS, CN_M_HARMONIC, CN_M_PAGERANK,
    CN_M_EIGENVECTOR, CN_M_HUB, CN_M_COUNT
} cn_measure;

const char *cn_measure_name(cn_measure m);
int cn_measure_parse(const char *s, cn_measure *out);

typedef enum cn_onto { CN_ONTO_NONE = -1, CN_ONTO_COUNTRIES = 0, CN_ONTO_MINERALS = 1 } cn_onto;

typedef struct cn_centrality_opts {
    unsigned measures;     /**< bits 1u << cn_measure */
    int weighted;          /**< weights = shares (strengths; lengths 1/share for path measures) */
    cn_onto projection;    /**< CN_ONTO_NONE: the bipartite graph itself */
    int bipartite_norm;    /**< Borgatti-Everett normalisation of degree, betweenness, closeness */
    unsigned kinds;        /**< edge kinds (bits 1u << cn_ekind), 0 = all */
} cn_centrality_opts;

void cn_centrality_opts_init(cn_centrality_opts *o);

typedef struct cn_centrality_row {
    int32_t vertex;        /**< net vertex index */
    int32_t component;     /**< connected component (0 = the one holding the lowest vertex index) */
    double v[CN_M_COUNT];  /**< NAN where not computed */
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
 * countries or minerals, weighted by the sum of min shares). Errors: CN_EUSAGE for option combinations
 * without a definition (see docs/measures-network.md). */
cn_status cn_centrality(const cn_net *net, const cn_centrality_opts *opts, cn_centrality_result *out,
                        cn_error *err);
void cn_centrality_result_free(cn_centrality_result *r);

/* ---- one-mode projection (algorithms/projection.c) ---- */

typedef struct cn_proj_edge {
    int32_t a, b;          /**< net vertex indices, a < b */
    int32_t shared;        /**< shared neighbours */
    double min_share;      /**< sum over shared neighbours x of min(share(a,x), share(b,x)); NAN when a
                                share is unknown on any shared neighbour */
} cn_proj_edge;

typedef struct cn_projection {
    cn_onto onto;
    int32_t *vertices;     /**< the net vertices of that side, ascending */
    int32_t nvertices;
    cn_proj_edge *edges;   /**< sorted by (a, b) */
    int32_t nedges;
} cn_projection;

/** Projects b onto one side. O(sum over vertices of the other side of deg^2) time, O(V) extra memory. */
cn_status cn_project(const cn_net *net, const cn_bip *b, cn_onto onto, cn_projection *out, cn_error *err);
void cn_projection_free(cn_projection *p);

#ifdef __cplusplus
}
#endif
#endif
