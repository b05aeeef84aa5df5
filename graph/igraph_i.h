/* graph/igraph_i.h (private to graph/): igraph views of a cn_net. graph/ is the only folder that calls igraph, so an igraph 1.0
 * port touches graph/ alone (../shared/NOTES-libs.md §3.7). */
#ifndef CN_GRAPH_IGRAPH_I_H
#define CN_GRAPH_IGRAPH_I_H

#include <igraph.h>

#include "critnet/net.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Which edges a view takes (bits of cn_edge_kind). */
enum { CN_VIEW_PRODUCES = 1u << CN_EDGE_PRODUCES, CN_VIEW_SUPPLIES = 1u << CN_EDGE_SUPPLIES, CN_VIEW_RELIES = 1u << CN_EDGE_RELIES };

/** A bipartite igraph graph over all vertices of a net (vertex i of the graph is vertex i of the net).
 * Only edges whose both ends are vertices become igraph edges (never the unnamed/other/world pseudo-
 * countries). types[v] is true for minerals. edge_of[k] is the cn_net edge behind igraph edge k;
 * share[k] is that edge's share (NAN when unknown). */
typedef struct cn_i_igraph {
    igraph_t g;
    igraph_vector_bool_t types;
    igraph_vector_int_t edge_of;
    igraph_vector_t share;
    int directed;
} cn_i_igraph;

/** Builds the view. kinds: CN_VIEW_* bits. consumer >= 0 keeps only supplies/relies edges of that consumer.
 * directed: edges follow the flow of material (country -> mineral for produces/supplies, mineral ->
 * consumer for relies). O(V + E). */
cn_status cn_i_igraph_build(const cn_net *net, unsigned kinds, int32_t consumer, int directed, cn_i_igraph *out,
                         cn_error *err);
void cn_i_igraph_destroy(cn_i_igraph *g);

/** Installs critnet's igraph error and warning handlers (idempotent). Called by cn_i_igraph_build; call it
 * before any other igraph use. After a failed igraph call, cn_i_igraph_status() turns the code into a cn_status
 * with igraph's first, most specific message in err. */
void cn_i_igraph_init(void);
cn_status cn_i_igraph_status(igraph_error_t rc, const char *what, cn_error *err);

/** PageRank (PRPACK, damping d) of every vertex; weights are strengths (NULL = unweighted) and must be
 * finite and > 0. out must be initialised; it is resized. */
cn_status cn_i_igraph_pagerank(const igraph_t *g, const igraph_vector_t *weights, double damping,
                            igraph_vector_t *out, cn_error *err);

/** The one-mode projections of a bipartite graph (types: false/true sides). proj_false/proj_true may be
 * NULL; when given they are created here (not initialised by the caller) and mult_* hold the number of
 * shared neighbours per projected edge (initialised vectors, or NULL). */
cn_status cn_i_igraph_project(const igraph_t *g, const igraph_vector_bool_t *types, igraph_t *proj_false,
                           igraph_t *proj_true, igraph_vector_int_t *mult_false,
                           igraph_vector_int_t *mult_true, cn_error *err);

#ifdef __cplusplus
}
#endif
#endif
