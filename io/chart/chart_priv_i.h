/* io/chart/chart_priv_i.h: the drawing toolkit the chart files share (io/chart/chart.c). Private. */
#ifndef CN_IO_CHART_PRIV_I_H
#define CN_IO_CHART_PRIV_I_H

#include <cairo-svg.h>
#include <cairo.h>

#include "chart/chart_i.h"

typedef struct cn_i_chart {
    cairo_surface_t *surface;
    cairo_t *cr;
    char *buf; /* the SVG so far */
    size_t len, cap;
} cn_i_chart;

/* a white canvas of width x height points drawing into memory, with the title (bold, top left) drawn and the
 * colour left dark grey; CN_EINTERNAL when cairo fails */
cn_status cn_i_chart_begin(cn_i_chart *c, double width, double height, const char *title, cn_error *err);
/* finishes the drawing: *svg is the document (malloc'd); frees the rest, also on failure */
cn_status cn_i_chart_end(cn_i_chart *c, char **svg, cn_error *err);
/* text at (x, baseline y), size points, aligned left (align < 0), centred (0) or right (> 0); s NULL: none */
void cn_i_chart_text(cairo_t *cr, double x, double y, double size, int bold, int align, const char *s);

#endif
