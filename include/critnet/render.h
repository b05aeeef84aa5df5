/* critnet/render.h: drawing a diagram of a supply network. The caller computes a view (critnet/view.h,
 * cn_view_build: which nodes and edges, with shares, ranks and highlights); cn_render draws it with Graphviz. */
#ifndef CRITNET_RENDER_H
#define CRITNET_RENDER_H

#include <stdio.h>

#include "critnet/view.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 3
#error "critnet/render.h belongs to io/: graph/ and algorithms/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

typedef enum cn_render_format {
    CN_RENDER_FORMAT_DOT,
    CN_RENDER_FORMAT_SVG,
    CN_RENDER_FORMAT_PNG,
    CN_RENDER_FORMAT_PDF
} cn_render_format;

/** What the title block names that the view does not hold: where the figures come from and what the view
 * was narrowed to. Zero-initialise it (or pass NULL) for the defaults. The strings and the scenario are
 * borrowed: they must outlive the cn_render call, which copies what it prints. */
typedef struct cn_render_title {
    const char *dataset; /**< "Dataset:" line; NULL: the net's name */
    const char *source;  /**< "Source:" line; NULL: the source records of the drawn edges (one: its title and
                              edition; several: their count) */
    const char *mineral; /**< the mineral id the view was narrowed to (cn_view_opts.mineral), named in the
                              headline; NULL: none */
    const char *country; /**< the country id the view was narrowed to (cn_view_opts.country); NULL: none */
    /** the scenario of a scenario view (cn_view_opts.scn_result was set): the headline names its
     * restrictions, the title its spare share, the legend the lost and replacement styles. NULL: not one */
    const struct cn_scenario *scn;
    /** 1: draw the view as the one-page overview (docs/render.md "The overview"): each mineral in a cluster
     * under its top supplier (the highlighted supplies edge), only that edge drawn with its share, the NIR and
     * the next sources in the mineral's label, the clusters balanced over columns, sized for A4 portrait.
     * Needs an imports view of one consumer without a scenario (else cn_render fails with CN_EUSAGE).
     * 0: the full diagram. */
    int overview;
    /** a line printed under the title (e.g. which minerals of the selection are not drawn, and why); NULL: none */
    const char *note;
} cn_render_title;

/** Parses a format name: "dot", "gv", "svg", "png" or "pdf" (exact, lower case) into *out.
 * Returns 0 on success, -1 (and *out untouched) for any other string. O(1). */
int cn_render_format_parse(const char *s, cn_render_format *out);

/** The format a file name implies by its extension (".dot", ".gv", ".svg", ".png", ".pdf", after the last
 * '/'): 0 and *out set, or -1 when there is none. O(length of path). */
int cn_render_format_from_path(const char *path, cn_render_format *out);

/** Draws the view v (built from net by cn_view_build, unchanged since) in fmt to fp: node and edge styles and
 * labels from v alone, the title block from v, net and t (NULL: defaults), the legend (docs/render.md).
 * Computes no view: what v says is drawn. DOT is the graph before layout; SVG is laid out with Graphviz's
 * built-in dot layout and core renderer (text widths estimated: byte-identical on every machine); PNG and
 * PDF use the installed cairo/pango plugins.
 * Ownership: net, v, t and fp stay the caller's; fp is written, not closed (a partial write may be left on
 * failure: write through cn_out to commit only a finished picture).
 * Errors: CN_ENOMEM; CN_EINTERNAL when Graphviz fails (with its first message, "graphviz: ..."); CN_EIO
 * when the DOT text cannot be written.
 * Complexity: O(N + E) to build the graph for N nodes and E edges, plus Graphviz's dot layout (SVG, PNG,
 * PDF), which grows much faster: a few hundred edges take a second, thousands minutes.
 * Not thread-safe (Graphviz keeps global state). */
cn_status cn_render(const cn_net *net, const cn_view *v, const cn_render_title *t, cn_render_format fmt,
                    FILE *fp, cn_error *err);

/** As cn_render, into memory: on success *data is a malloc'd buffer (free it with free()) of *len bytes,
 * followed by a '\0' not counted in *len. On failure *data is NULL and *len 0: nothing to free. net, v and
 * t stay the caller's. Errors: as cn_render: CN_ENOMEM; CN_EINTERNAL when Graphviz fails ("graphviz: ...");
 * CN_EIO when the DOT text cannot be written to memory. Complexity: as cn_render, O(N + E) for N nodes and
 * E edges plus Graphviz's dot layout (SVG, PNG, PDF), and O(*len) to write the output. Not thread-safe. */
cn_status cn_render_mem(const cn_net *net, const cn_view *v, const cn_render_title *t, cn_render_format fmt,
                        char **data, size_t *len, cn_error *err);

CN_END_DECLS
#endif
