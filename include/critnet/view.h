/* critnet/view.h: what a diagram shows, computed from a cn_net (algorithms/view.c): nodes and edges with their
 * shares, ranks, highlights and scenario marks. io/render draws a view; it does not compute one. */
#ifndef CRITNET_VIEW_H
#define CRITNET_VIEW_H

#include "critnet/net.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 2
#error "critnet/view.h belongs to algorithms/: graph/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

/** What to draw. Defaults from cn_view_opts_init(). */
typedef struct cn_view_opts {
    cn_layer layer;
    const char *consumer; /**< imports: one consumer (ISO3); NULL = "USA", or every consumer when mineral
                               or country is set */
    const char *mineral;  /**< only this mineral id (also matches its stages "id:stage"); NULL = all */
    const char *country;  /**< only what this country supplies (or produces) and what it imports */
    double min_share;     /**< drop edges whose known share is below this (unknown shares are kept); 0 */
    int top;              /**< keep the N largest suppliers per mineral and consumer; 0 = all */
    double threshold;     /**< single-source threshold, as cn_deps_run (0.5) */
    unsigned lists;       /**< imports: only minerals on these CN_LIST_* lists; 0 = every mineral */
    /** a disruption scenario (critnet/scenario.h): when scn_result is set, the imports view draws its rows
     * (each consumer and mineral it affects): lost, remaining and replacement flows (docs/render.md) */
    const struct cn_scenario *scn;
    const struct cn_scenario_result *scn_result;
} cn_view_opts;

/** Sets *o to the defaults: the imports layer, consumer, mineral and country NULL (see above), no minimum
 * share, every supplier (top 0), threshold 0.5, every mineral (lists 0), no scenario. The pointers of *o are
 * borrowed (cn_view_build() reads them, nothing frees them). Allocates nothing. Constant time. */
void cn_view_opts_init(cn_view_opts *o);

typedef enum cn_view_node_kind {
    CN_VNODE_SUPPLIER, /**< a named country on the supply side (supplier or producer) */
    CN_VNODE_MINERAL,
    CN_VNODE_CONSUMER, /**< an importing country */
    CN_VNODE_UNNAMED,  /**< one supplier whose name the source blanked */
    CN_VNODE_OTHER     /**< the residual of many small suppliers */
} cn_view_node_kind;

typedef struct cn_view_node {
    cn_view_node_kind kind;
    int32_t vertex;    /**< net vertex (country, mineral or consumer); for unnamed/other: the mineral */
    int32_t consumer;  /**< unnamed/other on the imports layer: the consumer; else -1 */
    int32_t seq;       /**< unnamed: 1, 2, ... per mineral and consumer in data order; else 0 */
    double share;      /**< other: its share, NAN when unknown */
    int highlight;     /**< mineral: a single-source dependency (imports) or a dominant producer (production) */
    int32_t hidden;    /**< mineral: suppliers left out by --top / --min-share */
} cn_view_node;

/** What a scenario edge shows (cn_view_edge.scn). */
typedef enum cn_view_mark {
    CN_VIEW_MARK_NONE,     /**< not a scenario view */
    CN_VIEW_MARK_KEEP,     /**< an unrestricted supply flow, or what remains of a partly restricted one */
    CN_VIEW_MARK_LOST,     /**< the restricted part of a flow: share = cn_scenario_flow.lost */
    CN_VIEW_MARK_REPLACE,  /**< a replacement flow: share = cn_scenario_flow.replacement */
    CN_VIEW_MARK_IMPACT    /**< mineral -> consumer: the row (reliance, loss, shortfall) */
} cn_view_mark;

typedef struct cn_view_edge {
    int32_t from, to;  /**< view node indices */
    cn_edge_kind kind;     /**< CN_EDGE_SUPPLIES, CN_EDGE_PRODUCES or CN_EDGE_RELIES */
    int32_t edge;      /**< the net edge, or -1 for a relies edge without data */
    double share;      /**< import share, world-production share, or net import reliance; NAN = unknown */
    int32_t rank;      /**< 1 = largest; 0 = none. Production: the rank by quantity when shares are unknown */
    int highlight;     /**< supplies/produces: the mineral's top supplier; relies: single-source dependency */
    int multi;         /**< supplies: the view has several consumers (labels name the consumer) */
    /* relies edges (from the cn_deps_run row): */
    int known;         /**< a reliance figure exists */
    double lo;         /**< its lower bound when only a range is known */
    const char *text;  /**< its printed form (">75"), or NULL */
    unsigned flags;    /**< CN_F_* (CN_F_NET_EXPORTER) */
    int32_t year;
    /* scenario views: */
    cn_view_mark scn;
    const struct cn_scenario_row *row; /**< the scenario row (consumer, mineral; CN_VIEW_MARK_IMPACT: its figures) */
} cn_view_edge;

typedef struct cn_view {
    cn_layer layer;
    cn_view_node *nodes;
    size_t nnodes;
    cn_view_edge *edges;
    size_t nedges;
    double threshold;
    int32_t nconsumers;
} cn_view;

/** Computes what to draw. Import edges are the headline group (critnet/headline.h) cn_deps_run() reads,
 * highlights its verdicts; production edges are the headline production group. The caller frees *out with
 * cn_view_free(); on failure nothing is left to free. Errors: CN_EUSAGE for an unknown consumer, mineral or
 * country (or a consumer on the production layer), CN_ENOMEM.
 * O(C * (V + E) + E log E) for C consumers. cn_view_free() releases the node and edge arrays and zeroes their
 * counts (it accepts a zero-initialised cn_view): constant time. */
cn_status cn_view_build(const cn_net *net, const cn_view_opts *o, cn_view *out, cn_error *err);
void cn_view_free(cn_view *v);

/** The Graphviz node name of a view node: "country:ID", "mineral:ID", "consumer:ID",
 * "unnamed:CONSUMER:MINERAL:SEQ", "other:CONSUMER:MINERAL" (production: "other:MINERAL"), with '%' and '\'
 * in ids written as %25 and %5C (a name ending in '\' would break Graphviz 2.42's DOT writer). net and v are
 * borrowed; i must be below v->nnodes. Returns a malloc'd string the caller frees with free(), or NULL when
 * out of memory (it takes no cn_error). O(length of the ids). */
char *cn_view_node_name(const cn_net *net, const cn_view *v, size_t i);

CN_END_DECLS
#endif
