/* critnet/render.h: diagrams of a supply network. A view (which nodes and edges to draw, with their shares,
 * ranks and highlights) is computed from a cn_net, then drawn with Graphviz as DOT, SVG, PNG or PDF. */
#ifndef CRITNET_RENDER_H
#define CRITNET_RENDER_H

#include <stdio.h>

#include "critnet/net.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cn_render_format { CN_RENDER_DOT, CN_RENDER_SVG, CN_RENDER_PNG, CN_RENDER_PDF } cn_render_format;

/** Parses "dot", "gv", "svg", "png" or "pdf"; returns 0 on success. */
int cn_render_format_parse(const char *s, cn_render_format *out);
/** The format a file name implies by its extension (".dot", ".gv", ".svg", ".png", ".pdf"); -1 if none. */
int cn_render_format_from_path(const char *path, cn_render_format *out);

/** What to draw. Defaults from cn_render_opts_init(). */
typedef struct cn_render_opts {
    cn_layer layer;
    const char *consumer; /**< imports: one consumer (ISO3); NULL = "USA", or every consumer when mineral
                               or country is set */
    const char *mineral;  /**< only this mineral id (also matches its stages "id:stage"); NULL = all */
    const char *country;  /**< only what this country supplies (or produces) and what it imports */
    double min_share;     /**< drop edges whose known share is below this (unknown shares are kept); 0 */
    int top;              /**< keep the N largest suppliers per mineral and consumer; 0 = all */
    double threshold;     /**< single-source threshold, as cn_deps (0.5) */
    unsigned lists;       /**< imports: only minerals on these CN_LIST_* lists; 0 = every mineral */
    const char *dataset;  /**< for the title: dataset name (NULL: the net's name) */
    const char *source;   /**< for the title: where the figures come from (NULL: from the net's sources) */
    /** a disruption scenario (critnet/scenario.h): when scn_result is set, the imports view draws its rows
     * (each consumer and mineral it affects): lost, remaining and replacement flows (docs/render.md) */
    const struct cn_scenario *scn;
    const struct cn_scn_result *scn_result;
} cn_render_opts;

void cn_render_opts_init(cn_render_opts *o);

typedef enum cn_vnode_kind {
    CN_VN_SUPPLIER, /**< a named country on the supply side (supplier or producer) */
    CN_VN_MINERAL,
    CN_VN_CONSUMER, /**< an importing country */
    CN_VN_UNNAMED,  /**< one supplier whose name the source blanked */
    CN_VN_OTHER     /**< the residual of many small suppliers */
} cn_vnode_kind;

typedef struct cn_vnode {
    cn_vnode_kind kind;
    int32_t vertex;    /**< net vertex (country, mineral or consumer); for unnamed/other: the mineral */
    int32_t consumer;  /**< unnamed/other on the imports layer: the consumer; else -1 */
    int32_t seq;       /**< unnamed: 1, 2, ... per mineral and consumer in data order; else 0 */
    double share;      /**< other: its share, NAN when unknown */
    int highlight;     /**< mineral: a single-source dependency (imports) or a dominant producer (production) */
    int32_t hidden;    /**< mineral: suppliers left out by --top / --min-share */
} cn_vnode;

/** What a scenario edge shows (cn_vedge.scn). */
typedef enum cn_vscn {
    CN_VS_NONE,     /**< not a scenario view */
    CN_VS_KEEP,     /**< an unrestricted supply flow, or what remains of a partly restricted one */
    CN_VS_LOST,     /**< the restricted part of a flow: share = cn_scn_flow.lost */
    CN_VS_REPLACE,  /**< a replacement flow: share = cn_scn_flow.replacement */
    CN_VS_IMPACT    /**< mineral -> consumer: the row (reliance, loss, shortfall) */
} cn_vscn;

typedef struct cn_vedge {
    int32_t from, to;  /**< view node indices */
    cn_ekind kind;     /**< CN_SUPPLIES, CN_PRODUCES or CN_RELIES */
    int32_t edge;      /**< the net edge, or -1 for a relies edge without data */
    double share;      /**< import share, world-production share, or net import reliance; NAN = unknown */
    int32_t rank;      /**< 1 = largest; 0 = none. Production: the rank by quantity when shares are unknown */
    int highlight;     /**< supplies/produces: the mineral's top supplier; relies: single-source dependency */
    int multi;         /**< supplies: the view has several consumers (labels name the consumer) */
    /* relies edges (from the cn_deps row): */
    int known;         /**< a reliance figure exists */
    double lo;         /**< its lower bound when only a range is known */
    const char *text;  /**< its printed form (">75"), or NULL */
    unsigned flags;    /**< CN_F_* (CN_F_NET_EXPORTER) */
    int32_t year;
    /* scenario views: */
    cn_vscn scn;
    const struct cn_scn_row *row; /**< the scenario row (consumer, mineral; CN_VS_IMPACT: its figures) */
} cn_vedge;

typedef struct cn_view {
    cn_layer layer;
    cn_vnode *nodes;
    size_t nnodes;
    cn_vedge *edges;
    size_t nedges;
    double threshold;
    int32_t nconsumers;
} cn_view;

/** Computes what to draw. Errors: CN_EUSAGE for an unknown consumer, mineral or country (or a consumer on the
 * production layer), CN_ENOMEM. Import edges are the headline group cn_deps() uses, highlights its verdicts.
 * O(C * (V + E) + E log E) for C consumers. */
cn_status cn_view_build(const cn_net *net, const cn_render_opts *o, cn_view *out, cn_error *err);
void cn_view_free(cn_view *v);

/** The Graphviz node name of a view node: "country:ID", "mineral:ID", "consumer:ID",
 * "unnamed:CONSUMER:MINERAL:SEQ", "other:CONSUMER:MINERAL" (production: "other:MINERAL"), with '%' and '\'
 * in ids written as %25 and %5C (a name ending in '\' would break Graphviz 2.42's DOT writer). */
char *cn_view_node_name(const cn_net *net, const cn_view *v, size_t i);

/** Draws the view of net in fmt to fp. DOT is the graph before layout; SVG is laid out with Graphviz's
 * built-in dot layout and core renderer (text widths estimated: byte-identical on every machine); PNG and
 * PDF use the installed cairo/pango plugins. Errors: CN_EUSAGE, CN_ENOMEM, CN_EINTERNAL (Graphviz failed,
 * with its message), CN_EIO. Not thread-safe (Graphviz keeps global state). */
cn_status cn_render(const cn_net *net, const cn_render_opts *o, cn_render_format fmt, FILE *fp, cn_error *err);

/** The same into memory: *data is malloc'd (free with free()), *len its size in bytes. */
cn_status cn_render_mem(const cn_net *net, const cn_render_opts *o, cn_render_format fmt, char **data,
                        size_t *len, cn_error *err);

#ifdef __cplusplus
}
#endif
#endif
