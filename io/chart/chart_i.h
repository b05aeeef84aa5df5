/* io/chart/chart_i.h: charts drawn with cairo into SVG held in memory, for the HTML report (io/report/html.c).
 * Private to io/. Every function returns CN_OK with *svg a malloc'd, '\0'-terminated SVG document (the
 * caller frees it), or CN_ENOMEM / CN_EINTERNAL ("cairo: ...") with *svg NULL and nothing to free. */
#ifndef CN_IO_CHART_I_H
#define CN_IO_CHART_I_H

#include <stddef.h>

#include "critnet/common.h"

/* one bar of a horizontal bar chart: a label, a value in [0,1] (NAN: no bar, "no data"), the value as text
 * (">95%", "E"), and a note drawn right of the bar (e.g. the major sources) */
typedef struct cn_i_bar {
    const char *label;
    double value;
    const char *text;
    const char *note;
} cn_i_bar;

/* horizontal bars, 0-100%, one row each, with a title and a caption under them; as USGS's net import
 * reliance figure. O(n). */
cn_status cn_i_chart_bars(const char *title, const char *caption, const cn_i_bar *bars, size_t n, char **svg,
                          cn_error *err);

/* a heat map of rows x cols cells: share in [0,1] shades the cell; NAN with rank > 0 prints the rank ("#2",
 * hatched: share unknown); NAN with rank 0 leaves it blank. share and rank are row-major. O(rows x cols). */
cn_status cn_i_chart_heatmap(const char *title, const char *caption, const char *const *rows, size_t nrows,
                             const char *const *cols, size_t ncols, const double *share, const int *rank,
                             char **svg, cn_error *err);

#endif
