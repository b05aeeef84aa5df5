/* io/chart/chart.c: what the charts share: an SVG surface of cairo writing into memory, and text helpers
 * (left- and right-aligned labels in a sans-serif face). */
#include "chart/chart_priv_i.h"

#include <stdlib.h>
#include <string.h>

static cairo_status_t append(void *p, const unsigned char *data, unsigned int len)
{
    cn_i_chart *c = p;
    if (c->len + len + 1 > c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16384;
        while (cap < c->len + len + 1)
            cap *= 2;
        char *b = realloc(c->buf, cap);
        if (!b)
            return CAIRO_STATUS_NO_MEMORY;
        c->buf = b, c->cap = cap;
    }
    memcpy(c->buf + c->len, data, len);
    c->len += len;
    c->buf[c->len] = '\0';
    return CAIRO_STATUS_SUCCESS;
}

cn_status cn_i_chart_begin(cn_i_chart *c, double width, double height, const char *title, cn_error *err)
{
    memset(c, 0, sizeof *c);
    c->surface = cairo_svg_surface_create_for_stream(append, c, width, height);
    c->cr = cairo_create(c->surface);
    if (cairo_status(c->cr) != CAIRO_STATUS_SUCCESS) {
        cn_status st = cn_error_set(err, CN_EINTERNAL, "cairo: %s", cairo_status_to_string(cairo_status(c->cr)));
        cairo_destroy(c->cr);
        cairo_surface_destroy(c->surface);
        return st;
    }
    cairo_set_source_rgb(c->cr, 1, 1, 1);
    cairo_paint(c->cr);
    cairo_set_source_rgb(c->cr, 0.1, 0.1, 0.1);
    cn_i_chart_text(c->cr, 10, 18, 14, 1, -1, title);
    return CN_OK;
}

cn_status cn_i_chart_end(cn_i_chart *c, char **svg, cn_error *err)
{
    cairo_status_t s = cairo_status(c->cr);
    cairo_destroy(c->cr);
    cairo_surface_finish(c->surface);
    if (s == CAIRO_STATUS_SUCCESS)
        s = cairo_surface_status(c->surface);
    cairo_surface_destroy(c->surface);
    *svg = NULL;
    if (s != CAIRO_STATUS_SUCCESS || !c->buf) {
        free(c->buf);
        return s == CAIRO_STATUS_NO_MEMORY || !c->buf ? cn_error_set(err, CN_ENOMEM, "out of memory drawing a chart")
                                                      : cn_error_set(err, CN_EINTERNAL, "cairo: %s",
                                                                     cairo_status_to_string(s));
    }
    *svg = c->buf;
    return CN_OK;
}

void cn_i_chart_text(cairo_t *cr, double x, double y, double size, int bold, int align, const char *s)
{
    if (!s)
        return;
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_text_extents_t te;
    cairo_text_extents(cr, s, &te);
    double dx = align > 0 ? -te.x_advance : align == 0 ? -te.x_advance / 2 : 0;
    cairo_move_to(cr, x + dx, y);
    cairo_show_text(cr, s);
}
