/* io/render/labels_i.h (private to io/render/): a growing string for HTML-like labels, escaping of data text
 * into them, percentages, and the title-and-legend block of a diagram. */
#ifndef CN_IO_RENDER_LABELS_I_H
#define CN_IO_RENDER_LABELS_I_H

#include <stddef.h>

#include "critnet/render.h"

typedef struct cn_i_sb {
    char *p;
    size_t n, cap;
    int oom; /* an allocation failed: the text is truncated */
} cn_i_sb;

void cn_i_sb_puts(cn_i_sb *sb, const char *s);
void cn_i_sb_printf(cn_i_sb *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* appends data text escaped for an HTML-like label: & < > " ' as entities, a newline as <BR/>, a backslash
 * doubled (Graphviz substitutes \N, \G, \L... inside HTML text too), other control characters as spaces */
void cn_i_sb_esc(cn_i_sb *sb, const char *s);
void cn_i_sb_reset(cn_i_sb *sb);
const char *cn_i_sb_str(cn_i_sb *sb);
void cn_i_sb_free(cn_i_sb *sb);


/* the graph label: title, dataset, source, the years of the figures, and the legend; t is never NULL */
void cn_i_render_title(cn_i_sb *sb, const cn_net *net, const cn_view *v, const cn_render_title *t);

/* the title block of the overview (render_i.h): the same rows, and its own short legend */
void cn_i_render_overview_title(cn_i_sb *sb, const cn_net *net, const cn_view *v, const cn_render_title *t);

#endif
