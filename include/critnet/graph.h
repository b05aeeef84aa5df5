/* critnet/graph.h: graphs as plain arrays (cn_graph), the bipartite graph of a net (cn_bipartite), and the
 * igraph algorithms on them (graph/igraph_measures.c, graph/flow.c). No igraph type appears here. */
#ifndef CRITNET_GRAPH_H
#define CRITNET_GRAPH_H

#include <stdio.h>

#include "critnet/net.h"

CN_BEGIN_DECLS

/* ---- sorting with a context (graph/sort.c) ---- */

/** Sorts base[0..n) (elements of size bytes) by cmp, which receives ctx as its third argument: a reentrant
 * qsort for comparators that need the net or a sort key (no file-static globals). Stable: elements that
 * compare equal keep their order, so output does not depend on the C library. O(n log n) comparisons with
 * O(n * size) scratch memory; when that cannot be allocated it sorts in place in O(n log^2 n) instead, so
 * it never fails. */
void cn_sort_r(void *base, size_t n, size_t size, int (*cmp)(const void *a, const void *b, void *ctx), void *ctx);

/* ---- graph layer: a plain graph and the igraph algorithms on it (graph/igraph_measures.c, graph/flow.c) ---- */

/** A graph given as arrays: n vertices 0..n-1, m edges ends[2k] -> ends[2k+1], optional weights w[k]
 * (NULL = unweighted). The caller owns the arrays; cn_graph_* functions only read them. */
typedef struct cn_graph {
    int32_t n;
    int32_t m;
    const int32_t *ends;
    const double *w;
    int directed;
} cn_graph;

/** Checks that every weight is finite and > 0 (igraph accepts some bad weights silently, NOTES-libs
 * §3.6); what names the weights in the message. An unweighted graph (w NULL) passes. Errors: CN_EDATA
 * ("WHAT must be finite and > 0 (edge 3 is -1)"). O(E). */
cn_status cn_graph_check_weights(const cn_graph *g, const char *what, cn_error *err);

/* Every function below fills out[0..n-1] (caller-allocated) and returns CN_OK, or CN_EDATA for bad
 * weights, CN_ENOMEM / CN_EINTERNAL when igraph fails. Weights are read as the comment says: lengths
 * (path measures) or strengths (spectral measures). O(...) is igraph's. g is borrowed; its ends must lie in
 * 0..n-1 (not checked here). Each call also builds an igraph copy of g: O(V + E) time and memory, freed
 * before it returns. On failure the output arrays may be partly written. */

/** Degree (number of incident edges; a loop counts twice). Weights are ignored. Errors: CN_ENOMEM,
 * CN_EINTERNAL. O(V + E). */
cn_status cn_graph_degree(const cn_graph *g, double *out, cn_error *err);
/** Strength: sum of incident weights (strengths); the degree when g->w is NULL. Errors: CN_EDATA (a
 * weight not finite and > 0), CN_ENOMEM, CN_EINTERNAL. O(V + E). */
cn_status cn_graph_strength(const cn_graph *g, double *out, cn_error *err);
/** Betweenness, raw (igraph's count: each unordered pair once in an undirected graph); weights are
 * lengths. Errors: CN_EDATA (a length not finite and > 0), CN_ENOMEM, CN_EINTERNAL. O(V E + V^2 log V)
 * with lengths, O(V E) without (Brandes). */
cn_status cn_graph_betweenness(const cn_graph *g, double *out, cn_error *err);
/** Closeness pieces: inv_sum[v] = 1 / sum of distances to the vertices v reaches (NaN when it reaches
 * none), reached[v] = how many it reaches (not counting itself); weights are lengths. Both arrays are
 * caller-allocated, n entries. Errors: CN_EDATA (a length not finite and > 0), CN_ENOMEM, CN_EINTERNAL.
 * O(V (V + E)) without lengths (a breadth-first search per vertex), O(V (V + E) log V) with them
 * (Dijkstra per vertex). */
cn_status cn_graph_closeness(const cn_graph *g, double *inv_sum, int32_t *reached, cn_error *err);
/** Harmonic centrality, raw: sum over u != v of 1 / d(v,u); weights are lengths. Errors: CN_EDATA (a length
 * not finite and > 0), CN_ENOMEM, CN_EINTERNAL. O(V (V + E)) without lengths, O(V (V + E) log V) with
 * them. */
cn_status cn_graph_harmonic(const cn_graph *g, double *out, cn_error *err);
/** PageRank (PRPACK, damping 0.85); weights are strengths. Errors: CN_EDATA (a weight not finite and > 0),
 * CN_ENOMEM, CN_EINTERNAL. PRPACK solves a linear system iteratively: O(V + E) per iteration, the number of
 * iterations set by convergence (no proven bound; a few dozen in practice). */
cn_status cn_graph_pagerank(const cn_graph *g, double *out, cn_error *err);
/** Connected components (weak): comp[v] in 0..*ncomp-1, numbered by their smallest vertex. comp is
 * caller-allocated, n entries. Weights are ignored. Errors: CN_ENOMEM, CN_EINTERNAL. O(V + E). */
cn_status cn_graph_components(const cn_graph *g, int32_t *comp, int32_t *ncomp, cn_error *err);
/** Eigenvector centrality of an undirected graph, computed per connected component and scaled so the
 * largest score of each component is 1; isolated vertices get 0. Weights are strengths.
 * Errors: CN_EUSAGE (a directed graph), CN_EDATA (a weight not finite and > 0), CN_ENOMEM, CN_EINTERNAL
 * (ARPACK fails, e.g. does not converge). O(C (V + E)) to cut g into its C components (isolated vertices
 * count), plus igraph's ARPACK solver on each component with edges: O(V + E) per iteration, the number of
 * iterations set by convergence. */
cn_status cn_graph_eigenvector(const cn_graph *g, double *out, cn_error *err);
/** Hub and authority scores (Kleinberg) of a directed graph, per weak component, each scaled to max 1
 * within the component; weights are strengths. hub or auth may be NULL; given, they are caller-allocated,
 * n entries. Errors: CN_EUSAGE (an undirected graph), CN_EDATA (a weight not finite and > 0), CN_ENOMEM,
 * CN_EINTERNAL. Time as cn_graph_eigenvector(): O(C (V + E)) plus ARPACK per component. */
cn_status cn_graph_hits(const cn_graph *g, double *hub, double *auth, cn_error *err);
/** Articulation points of the undirected graph (g->directed and weights are ignored), sorted ascending:
 * *out is malloc'd, *nout its length; the caller frees *out with free(). Errors: CN_ENOMEM, CN_EINTERNAL;
 * *out is then NULL and *nout 0. O(V + E + k log k) for k points. */
cn_status cn_graph_articulation_points(const cn_graph *g, int32_t **out, int32_t *nout, cn_error *err);
/** Bridges (edge indices) of the undirected graph (g->directed and weights are ignored), sorted ascending:
 * *out malloc'd, *nout its length; the caller frees *out with free(). Errors: CN_ENOMEM, CN_EINTERNAL;
 * *out is then NULL and *nout 0. O(V + E + k log k) for k bridges. */
cn_status cn_graph_bridges(const cn_graph *g, int32_t **out, int32_t *nout, cn_error *err);
/** What cn_graph_dominators() writes instead of a vertex: for the root, and for vertices it does not reach. */
enum { CN_DOM_ROOT = -1, CN_DOM_UNREACHED = -2 };
/** Dominator tree of a directed graph from root: idom[v] = immediate dominator, CN_DOM_ROOT (-1) for the
 * root, CN_DOM_UNREACHED (-2) for vertices root does not reach. idom is caller-allocated, n entries; weights
 * are ignored. Errors: CN_EUSAGE (an undirected graph, root outside 0..n-1), CN_ENOMEM, CN_EINTERNAL.
 * O((V + E) alpha(V)). */
cn_status cn_graph_dominators(const cn_graph *g, int32_t root, int32_t *idom, cn_error *err);
/** Minimum s-t edge cut; w are capacities (> 0). *value = its capacity; cut_edges (caller-allocated,
 * m entries) receives the cut edges' indices sorted, *ncut their number. Builds a new igraph graph on every
 * call: for many cuts on one graph use cn_graph_flow. Errors: CN_EUSAGE (s or t outside 0..n-1, s == t, no
 * capacities), CN_EDATA (a capacity not finite and > 0), CN_ENOMEM, CN_EINTERNAL. igraph's push-relabel
 * maximum flow, O(V^3), plus O(k log k) to sort the k cut edges. */
cn_status cn_graph_st_mincut(const cn_graph *g, int32_t s, int32_t t, double *value, int32_t *cut_edges,
                          int32_t *ncut, cn_error *err);

/** A flow network built once for many minimum cuts on the same graph (graph/flow.c). */
typedef struct cn_graph_flow cn_graph_flow;
/** Builds it from a directed graph with capacities (> 0, CN_EDATA otherwise); g->ends must outlive it
 * (borrowed), the capacities are copied. *out: owned by the caller, freed with cn_graph_flow_free().
 * Errors: CN_EUSAGE (an undirected graph, no capacities, an edge end outside 0..n-1), CN_EDATA (a capacity
 * not finite and > 0), CN_ENOMEM; *out is then NULL. O(V + E) time and memory. */
cn_status cn_graph_flow_init(const cn_graph *g, cn_graph_flow **out, cn_error *err);
/** The same cut as cn_graph_st_mincut (the arcs into the vertices with a residual path to t, sorted), by
 * Dinic's blocking flows, each level graph searched backwards from t and only as far as s: O(V^2 E) at
 * worst, a few searches of the part near t when the cut lies there. Exact for integer capacities below
 * 2^53. Resets the previous call's flow in time proportional to the arcs it used. cut_edges is
 * caller-allocated, m entries; f is borrowed and keeps this cut's flow until the next call. Allocates
 * nothing. Errors: CN_EUSAGE (s or t outside 0..n-1, or s == t); *value and *ncut are then 0. */
cn_status cn_graph_flow_mincut(cn_graph_flow *f, int32_t s, int32_t t, double *value, int32_t *cut_edges,
                            int32_t *ncut, cn_error *err);
/** Frees a flow network (f may be NULL); the graph it was built from is untouched. Constant time. */
void cn_graph_flow_free(cn_graph_flow *f);

/* ---- the bipartite view the analyses share (graph/bipartite.c) ---- */

/** The simple bipartite graph of a net: one edge per (country, mineral) pair joined by an edge of the
 * chosen kinds (relies edges join the mineral and the consumer); weight = the largest known share among
 * those edges (NAN when none is known). Vertices are the net's (isolated ones included). */
typedef struct cn_bipartite {
    int32_t n;        /**< = net->nvertices */
    int32_t m;
    int32_t *ends;    /**< 2m: country, mineral */
    double *share;    /**< m */
} cn_bipartite;

/** kinds: bits 1u << cn_edge_kind (0 = all). If weighted, pairs without a known share > 0 are left out and
 * counted in *dropped (may be NULL). Sorted by (country, mineral). Edges whose country side is CN_UNNAMED,
 * CN_OTHER or CN_WORLD are left out (not vertices). net is borrowed; *out (the caller's struct, overwritten)
 * is released with cn_bipartite_free(&b). Errors: CN_ENOMEM; *out then holds nothing to free.
 * O(V + E) time (two counting sorts); while it runs, 16 bytes per edge of net and 16 per pair taken. */
cn_status cn_bipartite_build(const cn_net *net, unsigned kinds, int weighted, cn_bipartite *out, int32_t *dropped,
                       cn_error *err);
/** Frees the arrays of b and leaves it empty (m = 0, NULL arrays); a zero-initialised or already freed b is
 * fine. Constant time. */
void cn_bipartite_free(cn_bipartite *b);

/**
 * cn_net_write_graphml: writes net as GraphML with igraph's writer, so it opens in Gephi, Cytoscape, networkx
 * or R igraph. Vertices in net's order with id, label (the name), type (country/mineral), stage and lists
 * ("2018,2022"); one directed edge per figure (produces and supplies: country -> mineral; relies: mineral ->
 * consumer) with kind, consumer, share, low, high, rank, year, value, quantity, unit, period, text, basis and
 * source (unknown numbers NaN, unknown strings empty). Figures of "other", "world" or unnamed suppliers have
 * no vertex: they are left out and counted in the graph attribute edges_without_vertex. Sets igraph's
 * attribute table for the call and puts the previous one back (not thread-safe). fp is borrowed. Errors:
 * CN_ENOMEM, CN_EINTERNAL (igraph), CN_EIO (write error). O(V + E).
 */
cn_status cn_net_write_graphml(const cn_net *net, FILE *fp, cn_error *err);

CN_END_DECLS
#endif
