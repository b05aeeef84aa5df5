/* io/render/render_i.h (private to io/render/): the cgraph helpers render.c wraps once (the char * API), shared
 * with the overview (overview.c), and the overview's graph builder. */
#ifndef CN_IO_RENDER_RENDER_I_H
#define CN_IO_RENDER_RENDER_I_H

#include <gvc.h>

#include "critnet/render.h"

/* sets attribute key of a graph, node or edge (declared with an empty default when new) */
void cn_i_gv_set(void *obj, const char *key, const char *value);
void cn_i_gv_setf(void *obj, const char *key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* declares the default of attribute key for kind (AGRAPH, AGNODE, AGEDGE) */
void cn_i_gv_default(Agraph_t *g, int kind, const char *key, const char *value);
/* sets an HTML-like label (markup the caller escaped) */
void cn_i_gv_html(Agraph_t *g, void *obj, int kind, const char *key, const char *html);
/* declares the attribute defaults of the full diagram (fonts, shapes, colours, rankdir=LR) on root graph g */
void cn_i_render_defaults(Agraph_t *g);
/* the net import reliance of a relies edge as the diagrams print it: "NIR 100%", "NIR >75%", "net exporter",
 * "NIR: no data" (also for e NULL) */
struct cn_i_sb;
void cn_i_nir_label(struct cn_i_sb *sb, const cn_view_edge *e);
/* the figure of a supplies edge: "33%", "rank 2" or "share unknown" */
void cn_i_share_label(struct cn_i_sb *sb, const cn_view_edge *e);
/* a vertex's display name: its name, the country's name, else its id */
const char *cn_i_vertex_name(const cn_net *net, int32_t v);

/* builds the one-page overview of v into the empty graph g (overview.c): the minerals in clusters under their
 * top supplier, the clusters balanced over at most max_columns columns (1-3); CN_ENOMEM out of memory */
cn_status cn_i_render_overview(const cn_net *net, const cn_view *v, const cn_render_title *t, int max_columns,
                               Agraph_t *g);

#endif
