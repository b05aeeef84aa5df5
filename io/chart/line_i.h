/* io/chart/line_i.h: a line chart drawn with cairo into an SVG stream (io/chart/line.c): series of points, each
 * optionally with a band (mean +- sd), axes 0..x_max and 0..1, a legend. Private to io/. */
#ifndef CN_IO_CHART_LINE_H
#define CN_IO_CHART_LINE_H

#include <stdio.h>

#include "critnet/common.h"

typedef struct cn_i_series {
    const char *name;     /* legend text */
    size_t n;
    const double *x, *y;  /* n points; NAN y values break the line */
    const double *sd;     /* NULL, or n half-widths of a band drawn around y */
} cn_i_series;

typedef struct cn_i_line_chart {
    const char *title, *subtitle, *xlabel, *ylabel;
    double x_max;         /* the x axis runs 0..x_max; y runs 0..1 */
    const cn_i_series *series;
    size_t nseries;
} cn_i_line_chart;

/* draws the chart as SVG (width x height points) to fp. Errors: CN_EINTERNAL (cairo failed), CN_EIO (a write
 * error on fp). O(total points). */
cn_status cn_i_chart_lines_svg(const cn_i_line_chart *c, double width, double height, FILE *fp, cn_error *err);

#endif
