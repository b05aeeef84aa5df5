/* io/chart/heatmap.c: a heat map of shares with cairo: rows (e.g. suppliers) x columns (e.g. minerals), each
 * cell shaded by its share and labelled with it; a cell with only a rank is hatched and says "#rank", so an
 * unknown share is never drawn as a number. */
#include <math.h>
#include <stdio.h>

#include "chart/chart_priv_i.h"

enum { LEFT = 140, CELL_W = 34, CELL_H = 18, HEAD = 110, FOOT = 40 };

cn_status cn_i_chart_heatmap(const char *title, const char *caption, const char *const *rows, size_t nrows,
                             const char *const *cols, size_t ncols, const double *share, const int *rank,
                             char **svg, cn_error *err)
{
    cn_i_chart c;
    double w = LEFT + (double)ncols * CELL_W + 20, h = HEAD + (double)nrows * CELL_H + FOOT;
    if (w < 600)
        w = 600;
    cn_status st = cn_i_chart_begin(&c, w, h, title, err);
    if (st)
        return st;
    cairo_t *cr = c.cr;
    for (size_t j = 0; j < ncols; j++) { /* column heads, rotated */
        cairo_save(cr);
        cairo_translate(cr, LEFT + (double)j * CELL_W + CELL_W / 2.0 + 3, HEAD - 6);
        cairo_rotate(cr, -1.0471975511965976); /* -60 degrees */
        cn_i_chart_text(cr, 0, 0, 9, 0, -1, cols[j]);
        cairo_restore(cr);
    }
    for (size_t i = 0; i < nrows; i++) {
        double y = HEAD + (double)i * CELL_H;
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        cn_i_chart_text(cr, LEFT - 6, y + 13, 10, 0, 1, rows[i]);
        for (size_t j = 0; j < ncols; j++) {
            double x = LEFT + (double)j * CELL_W, s = share[i * ncols + j];
            int r = rank[i * ncols + j];
            char t[16];
            cairo_rectangle(cr, x + 1, y + 1, CELL_W - 2, CELL_H - 2);
            if (!isnan(s)) { /* white (0) to dark red (1) */
                double v = s < 0 ? 0 : s > 1 ? 1 : s;
                cairo_set_source_rgb(cr, 1 - 0.25 * v, 1 - 0.85 * v, 1 - 0.85 * v);
                cairo_fill(cr);
                snprintf(t, sizeof t, "%.0f", s * 100);
                cairo_set_source_rgb(cr, v > 0.6 ? 1 : 0.1, v > 0.6 ? 1 : 0.1, v > 0.6 ? 1 : 0.1);
                cn_i_chart_text(cr, x + CELL_W / 2.0, y + 13, 9, 0, 0, t);
            } else if (r > 0) { /* rank only: hatched, share unknown */
                cairo_set_source_rgb(cr, 0.93, 0.93, 0.93);
                cairo_fill(cr);
                cairo_save(cr);
                cairo_rectangle(cr, x + 1, y + 1, CELL_W - 2, CELL_H - 2);
                cairo_clip(cr);
                cairo_set_source_rgb(cr, 0.7, 0.7, 0.7);
                cairo_set_line_width(cr, 0.6);
                for (double d = 0; d < CELL_W + CELL_H; d += 5) {
                    cairo_move_to(cr, x + 1 + d, y + 1);
                    cairo_line_to(cr, x + 1 + d - (CELL_H - 2), y + CELL_H - 1);
                }
                cairo_stroke(cr);
                cairo_restore(cr);
                snprintf(t, sizeof t, "#%d", r);
                cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
                cn_i_chart_text(cr, x + CELL_W / 2.0, y + 13, 9, 1, 0, t);
            } else {
                cairo_new_path(cr);
            }
        }
    }
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    cn_i_chart_text(cr, 10, h - 16, 9, 0, -1, caption);
    return cn_i_chart_end(&c, svg, err);
}
