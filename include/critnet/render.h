/* critnet/render.h: diagrams of a supply network. A view (which nodes and edges to draw, with their shares,
 * ranks and highlights) is computed from a cn_net, then drawn with Graphviz as DOT, SVG, PNG or PDF. */
#ifndef CRITNET_RENDER_H
#define CRITNET_RENDER_H

#include <stdio.h>

#include "critnet/view.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 3
#error "critnet/render.h belongs to io/: graph/ and algorithms/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

typedef enum cn_render_format { CN_RENDER_DOT, CN_RENDER_SVG, CN_RENDER_PNG, CN_RENDER_PDF } cn_render_format;

/** Parses "dot", "gv", "svg", "png" or "pdf"; returns 0 on success. */
int cn_render_format_parse(const char *s, cn_render_format *out);
/** The format a file name implies by its extension (".dot", ".gv", ".svg", ".png", ".pdf"); -1 if none. */
int cn_render_format_from_path(const char *path, cn_render_format *out);

/** Draws the view of net in fmt to fp. DOT is the graph before layout; SVG is laid out with Graphviz's
 * built-in dot layout and core renderer (text widths estimated: byte-identical on every machine); PNG and
 * PDF use the installed cairo/pango plugins. Errors: CN_EUSAGE, CN_ENOMEM, CN_EINTERNAL (Graphviz failed,
 * with its message), CN_EIO. Not thread-safe (Graphviz keeps global state). */
cn_status cn_render(const cn_net *net, const cn_render_opts *o, cn_render_format fmt, FILE *fp, cn_error *err);

/** The same into memory: *data is malloc'd (free with free()), *len its size in bytes. */
cn_status cn_render_mem(const cn_net *net, const cn_render_opts *o, cn_render_format fmt, char **data,
                        size_t *len, cn_error *err);

CN_END_DECLS
#endif
