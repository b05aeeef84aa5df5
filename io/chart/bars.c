/* io/chart/bars.c: horizontal bar charts of fractions (0-100%) with cairo, one labelled row per item and a
 * note right of each bar: the net-import-reliance chart of the HTML report, drawn as USGS's MCS figure. */
#include <math.h>
#include <stdio.h>

#include "chart/chart_priv_i.h"

enum { LABEL_W = 230, BAR_W = 300, GAP = 60, NOTE_W = 330, ROW_H = 18, TOP = 44, BOTTOM = 40 };

cn_status cn_i_chart_bars(const char *title, const char *caption, const cn_i_bar *bars, size_t n, char **svg,
                          cn_error *err)
{
    cn_i_chart c;
    double w = LABEL_W + BAR_W + GAP + NOTE_W, h = TOP + (double)n * ROW_H + BOTTOM;
    cn_status st = cn_i_chart_begin(&c, w, h, title, err);
    if (st)
        return st;
    cairo_t *cr = c.cr;
    cn_i_chart_text(cr, LABEL_W + BAR_W + GAP, TOP - 8, 10, 1, -1, "Major import sources");
    /* the 0, 25, 50, 75, 100% grid */
    for (int g = 0; g <= 4; g++) {
        double x = LABEL_W + BAR_W * g / 4.0;
        cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
        cairo_set_line_width(cr, 0.5);
        cairo_move_to(cr, x, TOP - 4);
        cairo_line_to(cr, x, TOP + (double)n * ROW_H);
        cairo_stroke(cr);
        char t[8];
        snprintf(t, sizeof t, "%d%%", g * 25);
        cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
        cn_i_chart_text(cr, x, TOP - 8, 9, 0, 0, t);
    }
    for (size_t i = 0; i < n; i++) {
        const cn_i_bar *b = &bars[i];
        double y = TOP + (double)i * ROW_H;
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        double size = 10; /* long names shrink to fit the label column */
        cairo_text_extents_t te;
        cairo_set_font_size(cr, size);
        cairo_text_extents(cr, b->label ? b->label : "", &te);
        if (te.x_advance > LABEL_W - 12)
            size *= (LABEL_W - 12) / te.x_advance;
        cn_i_chart_text(cr, LABEL_W - 6, y + 13, size, 0, 1, b->label);
        if (isnan(b->value)) {
            cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
            cn_i_chart_text(cr, LABEL_W + 4, y + 13, 9, 0, -1, "no data");
        } else {
            double v = b->value < 0 ? 0 : b->value > 1 ? 1 : b->value;
            cairo_set_source_rgb(cr, 0.16, 0.38, 0.62); /* USGS blue */
            cairo_rectangle(cr, LABEL_W, y + 3, BAR_W * v, ROW_H - 5);
            cairo_fill(cr);
            cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
            cn_i_chart_text(cr, LABEL_W + BAR_W * v + 3, y + 13, 9, 0, -1, b->text);
        }
        cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
        cn_i_chart_text(cr, LABEL_W + BAR_W + GAP, y + 13, 9, 0, -1, b->note);
    }
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    cn_i_chart_text(cr, 10, h - 16, 9, 0, -1, caption);
    return cn_i_chart_end(&c, svg, err);
}
