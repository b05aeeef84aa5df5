/* io/chart/line.c: a line chart with cairo's SVG surface (line_i.h): axes, ticks, series with optional bands, a
 * legend; used by `critnet render --robustness`. Colours from a fixed palette, so output is reproducible. */
#include "chart/line_i.h"

#include <cairo-svg.h>
#include <cairo.h>
#include <math.h>
#include <stdio.h>

static const double palette[][3] = {
    {0.00, 0.45, 0.70}, {0.84, 0.37, 0.00}, {0.00, 0.62, 0.45}, {0.80, 0.47, 0.65}, {0.34, 0.71, 0.91},
    {0.90, 0.62, 0.00},
};

static cairo_status_t write_fp(void *closure, const unsigned char *data, unsigned int length)
{
    return fwrite(data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void text(cairo_t *cr, double x, double y, const char *s, double size, double align)
{
    cairo_text_extents_t e;
    cairo_set_font_size(cr, size);
    cairo_text_extents(cr, s, &e);
    cairo_move_to(cr, x - align * e.x_advance, y);
    cairo_show_text(cr, s);
}

cn_status cn_i_chart_lines_svg(const cn_i_line_chart *c, double width, double height, FILE *fp, cn_error *err)
{
    cairo_surface_t *sf = cairo_svg_surface_create_for_stream(write_fp, fp, width, height);
    cairo_t *cr = cairo_create(sf);
    double l = 64, r = width - 240, t = c->subtitle ? 62 : 46, b = height - 52;
    double xm = c->x_max > 0 ? c->x_max : 1;
#define PX(v) (l + (v) / xm * (r - l))
#define PY(v) (b - (v) * (b - t))
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    if (c->title)
        text(cr, l, 24, c->title, 15, 0);
    if (c->subtitle)
        text(cr, l, 42, c->subtitle, 11, 0);
    /* grid and ticks: y every 0.2, x at about six round steps */
    double step = pow(10, floor(log10(xm / 5)));
    if (xm / step > 12)
        step *= 5;
    else if (xm / step > 6)
        step *= 2;
    char buf[32];
    cairo_set_line_width(cr, 0.5);
    for (int k = 0; k <= 5; k++) {
        double v = k / 5.0;
        cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
        cairo_move_to(cr, l, PY(v));
        cairo_line_to(cr, r, PY(v));
        cairo_stroke(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        snprintf(buf, sizeof buf, "%.1f", v);
        text(cr, l - 6, PY(v) + 4, buf, 10, 1);
    }
    for (double v = 0; v <= xm + 1e-9; v += step) {
        snprintf(buf, sizeof buf, "%g", v);
        text(cr, PX(v), b + 16, buf, 10, 0.5);
    }
    cairo_set_line_width(cr, 1);
    cairo_rectangle(cr, l, t, r - l, b - t);
    cairo_stroke(cr);
    if (c->xlabel)
        text(cr, (l + r) / 2, b + 36, c->xlabel, 11, 0.5);
    if (c->ylabel) {
        cairo_save(cr);
        cairo_translate(cr, 18, (t + b) / 2);
        cairo_rotate(cr, -1.57079632679489661923); /* -pi/2 */
        text(cr, 0, 0, c->ylabel, 11, 0.5);
        cairo_restore(cr);
    }
    /* series: the band first (translucent), then the line, then its legend entry */
    for (size_t s = 0; s < c->nseries; s++) {
        const cn_i_series *se = &c->series[s];
        const double *col = palette[s % (sizeof palette / sizeof *palette)];
        if (se->sd) {
            int open = 0;
            for (size_t i = 0; i < se->n; i++)
                if (!isnan(se->y[i])) {
                    double y = fmin(1, se->y[i] + se->sd[i]);
                    open ? cairo_line_to(cr, PX(se->x[i]), PY(y)) : cairo_move_to(cr, PX(se->x[i]), PY(y));
                    open = 1;
                }
            for (size_t i = se->n; i-- > 0;)
                if (!isnan(se->y[i]))
                    cairo_line_to(cr, PX(se->x[i]), PY(fmax(0, se->y[i] - se->sd[i])));
            cairo_close_path(cr);
            cairo_set_source_rgba(cr, col[0], col[1], col[2], 0.2);
            cairo_fill(cr);
        }
        cairo_set_source_rgb(cr, col[0], col[1], col[2]);
        cairo_set_line_width(cr, 2);
        int open = 0;
        for (size_t i = 0; i < se->n; i++) {
            if (isnan(se->y[i])) {
                open = 0;
                continue;
            }
            open ? cairo_line_to(cr, PX(se->x[i]), PY(se->y[i])) : cairo_move_to(cr, PX(se->x[i]), PY(se->y[i]));
            open = 1;
        }
        cairo_stroke(cr);
        double ly = t + 14 + 18 * (double)s;
        cairo_move_to(cr, r + 12, ly - 4);
        cairo_line_to(cr, r + 32, ly - 4);
        cairo_stroke(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        text(cr, r + 38, ly, se->name, 11, 0);
    }
#undef PX
#undef PY
    cairo_status_t cs = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(sf);
    if (!cs)
        cs = cairo_surface_status(sf);
    cairo_surface_destroy(sf);
    if (cs == CAIRO_STATUS_WRITE_ERROR || ferror(fp))
        return cn_error_set(err, CN_EIO, "write error");
    if (cs)
        return cn_error_set(err, CN_EINTERNAL, "cairo: %s", cairo_status_to_string(cs));
    return CN_OK;
}
