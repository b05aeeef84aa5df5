/* io/report/html.c: the HTML report of `critnet report`: one self-contained page (charts and diagrams as
 * data: URIs, no network access, no script) with a summary, the net-import-reliance chart, the supplier x
 * mineral heat map, the overview diagram, the deps, concentration and chokepoints tables, coalition with
 * --allies (the Markdown of their own writers made into HTML tables), and the sources. Every text from the data is escaped. */
#include "critnet/report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart_i.h"
#include "report/cells_i.h"

static void esc(FILE *fp, const char *s, size_t n)
{
    for (size_t i = 0; i < n && s[i]; i++) {
        switch (s[i]) {
        case '<': fputs("&lt;", fp); break;
        case '>': fputs("&gt;", fp); break;
        case '&': fputs("&amp;", fp); break;
        case '"': fputs("&quot;", fp); break;
        case '\'': fputs("&#39;", fp); break;
        default: fputc(s[i], fp);
        }
    }
}
#define ESC(fp, s) esc(fp, s, (size_t)-1)

/* an image as a data: URI (base64): charts keep their own glyph ids apart, and the page needs no network */
static void img(FILE *fp, const char *svg, const char *alt)
{
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    fputs("<p><img style=\"max-width:100%\" alt=\"", fp);
    ESC(fp, alt);
    fputs("\" src=\"data:image/svg+xml;base64,", fp);
    const unsigned char *s = (const unsigned char *)svg;
    size_t n = strlen(svg);
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0) | (i + 2 < n ? s[i + 2] : 0);
        fputc(b64[v >> 18 & 63], fp);
        fputc(b64[v >> 12 & 63], fp);
        fputc(i + 1 < n ? b64[v >> 6 & 63] : '=', fp);
        fputc(i + 2 < n ? b64[v & 63] : '=', fp);
    }
    fputs("\"></p>\n", fp);
}

/* Markdown from a report writer (text lines and pipe tables) as HTML paragraphs and tables */
static void md_to_html(FILE *fp, const char *md)
{
    int in_table = 0, row = 0;
    for (const char *line = md; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        if (len >= 2 && line[0] == '|') {
            if (!in_table)
                fputs("<table>\n", fp), in_table = 1, row = 0;
            if (row++ != 1) { /* row 1 is the |---| rule */
                fputs("<tr>", fp);
                const char *c = line + 1, *stop = line + len;
                while (c < stop) {
                    const char *bar = memchr(c, '|', (size_t)(stop - c));
                    if (!bar)
                        break;
                    const char *a = c, *b = bar;
                    while (a < b && *a == ' ')
                        a++;
                    while (b > a && b[-1] == ' ')
                        b--;
                    fputs(row == 1 ? "<th>" : "<td>", fp);
                    esc(fp, a, (size_t)(b - a));
                    fputs(row == 1 ? "</th>" : "</td>", fp);
                    c = bar + 1;
                }
                fputs("</tr>\n", fp);
            }
        } else {
            if (in_table)
                fputs("</table>\n", fp), in_table = 0;
            if (len) {
                fputs("<p>", fp);
                esc(fp, line, len);
                fputs("</p>\n", fp);
            }
        }
        line += len + (end != NULL);
    }
    if (in_table)
        fputs("</table>\n", fp);
}

/* runs a writer in Markdown into memory and appends it as HTML */
typedef cn_status (*md_writer)(const cn_net *net, const void *r, FILE *fp, cn_error *err);
static cn_status section(FILE *fp, const char *title, const char *id, md_writer w, const cn_net *net,
                         const void *r, cn_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return cn_i_oom(err);
    cn_status st = w(net, r, m, err);
    if (fclose(m) != 0 && !st)
        st = cn_i_oom(err);
    if (!st) {
        fprintf(fp, "<h2 id=\"%s\">", id);
        ESC(fp, title);
        fputs("</h2>\n", fp);
        md_to_html(fp, buf);
    }
    free(buf);
    return st;
}

static cn_status w_deps(const cn_net *n, const void *r, FILE *fp, cn_error *e)
{
    return cn_report_deps(n, r, CN_FORMAT_MARKDOWN, fp, e);
}
static cn_status w_conc(const cn_net *n, const void *r, FILE *fp, cn_error *e)
{
    return cn_report_concentration(n, r, CN_FORMAT_MARKDOWN, fp, e);
}
static cn_status w_choke(const cn_net *n, const void *r, FILE *fp, cn_error *e)
{
    return cn_report_chokepoints(n, r, CN_FORMAT_MARKDOWN, fp, e);
}

typedef struct coal_in {
    const cn_coalition_result *r;
    const char *const *allies;
    size_t n;
} coal_in;
static cn_status w_coal(const cn_net *n, const void *r, FILE *fp, cn_error *e)
{
    const coal_in *k = r;
    return cn_report_coalition(n, k->allies, k->n, k->r, CN_FORMAT_MARKDOWN, fp, e);
}

static const char *vname(const cn_net *net, int32_t v)
{
    return v >= 0 ? (net->vertices[v].name ? net->vertices[v].name : net->vertices[v].id)
                  : cn_net_country_label(net, v);
}

/* NULL in b matches anything */
static int same(const char *a, const char *b)
{
    return !b || (a && strcmp(a, b) == 0);
}

/* the consumer's headline import sources of a mineral (the deps row's period), best first, into out */
static size_t sources_of(const cn_net *net, const cn_deps_result *d, const cn_deps_row *r, int32_t *out, size_t max)
{
    size_t n = 0;
    for (int32_t i = 0; i < net->nedges && n < max; i++) {
        const cn_edge *e = &net->edges[i];
        if (e->kind != CN_EDGE_SUPPLIES || e->consumer != d->consumer || e->mineral != r->mineral ||
            e->country < 0 || !same(e->period, r->period) || !same(e->basis, r->basis))
            continue; /* the headline group only: one period and basis (a mineral may list several) */
        size_t k = n++;
        /* insertion by rank (ranked first), then share */
        while (k > 0) {
            const cn_edge *p = &net->edges[out[k - 1]];
            int before = e->rank && (!p->rank || e->rank < p->rank);
            if (!before && !e->rank && !p->rank && !isnan(e->share) && (isnan(p->share) || e->share > p->share))
                before = 1;
            if (!before)
                break;
            out[k] = out[k - 1];
            k--;
        }
        out[k] = i;
    }
    return n;
}

static cn_status nir_chart(FILE *fp, const cn_net *net, const cn_deps_result *d, cn_error *err)
{
    size_t n = 0;
    cn_i_bar *bars = calloc(d->n + 1, sizeof *bars);
    char (*text)[32] = calloc(d->n + 1, sizeof *text);
    char (*note)[160] = calloc(d->n + 1, sizeof *note);
    if (!bars || !text || !note) {
        free(bars), free(text), free(note);
        return cn_i_oom(err);
    }
    for (size_t i = 0; i < d->n; i++) {
        const cn_deps_row *r = &d->rows[i];
        if (!r->has_nir)
            continue;
        cn_i_bar *b = &bars[n];
        b->label = vname(net, r->mineral);
        b->value = !isnan(r->nir) ? r->nir : r->nir_lo;
        if (r->nir_text)
            snprintf(text[n], sizeof text[n], "%s%s", r->nir_text, strcmp(r->nir_text, "E") ? "%" : " (net exporter)");
        else
            cn_i_pct_or(text[n], b->value, "");
        if (r->nir_flags & CN_F_NET_EXPORTER)
            b->value = 0;
        b->text = text[n];
        int32_t src[4];
        size_t k = sources_of(net, d, r, src, 4), len = 0;
        for (size_t j = 0; j < k && len < sizeof note[n]; j++)
            len += (size_t)snprintf(note[n] + len, sizeof note[n] - len, "%s%s", j ? ", " : "",
                                    net->vertices[net->edges[src[j]].country].name
                                        ? net->vertices[net->edges[src[j]].country].name
                                        : net->vertices[net->edges[src[j]].country].id);
        b->note = note[n];
        n++;
    }
    /* most reliant first, as USGS draws it (a stable insertion sort: n is a few dozen) */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && (isnan(bars[j - 1].value) ? -1 : bars[j - 1].value) <
                                        (isnan(bars[j].value) ? -1 : bars[j].value); j--) {
            cn_i_bar t = bars[j];
            bars[j] = bars[j - 1];
            bars[j - 1] = t;
        }
    char title[160], *svg = NULL;
    snprintf(title, sizeof title, "Net import reliance of %s", vname(net, d->consumer));
    cn_status st = cn_i_chart_bars(title, "NIR as a percentage of apparent consumption; major import sources in "
                                          "order, as the source lists them.", bars, n, &svg, err);
    if (!st) {
        fputs("<h2 id=\"nir\">Net import reliance</h2>\n", fp);
        img(fp, svg, title);
    }
    free(svg), free(bars), free(text), free(note);
    return st;
}

/* suppliers (rows: every top-4 source of a mineral with NIR) x minerals: the consumer's import share, or
 * its rank when the share is unknown */
static cn_status heat_map(FILE *fp, const cn_net *net, const cn_deps_result *d, cn_error *err)
{
    size_t nm = 0, ns = 0;
    const char **mins = calloc(d->n + 1, sizeof *mins);
    const char **sup = calloc((size_t)net->nvertices + 1, sizeof *sup);
    int32_t *sv = calloc((size_t)net->nvertices + 1, sizeof *sv), *col = calloc(d->n + 1, sizeof *col);
    double *share = NULL;
    int *rank = NULL;
    cn_status st = CN_OK;
    if (!mins || !sup || !sv || !col) {
        st = cn_i_oom(err);
        goto done;
    }
    for (size_t i = 0; i < d->n; i++) {
        int32_t src[4];
        if (!d->rows[i].has_nir || !sources_of(net, d, &d->rows[i], src, 4))
            continue;
        col[nm] = (int32_t)i;
        mins[nm++] = net->vertices[d->rows[i].mineral].id;
    }
    for (size_t j = 0; j < nm; j++) {
        int32_t src[4];
        size_t k = sources_of(net, d, &d->rows[col[j]], src, 4);
        for (size_t s = 0; s < k; s++) {
            int32_t c = net->edges[src[s]].country;
            size_t x = 0;
            while (x < ns && sv[x] != c)
                x++;
            if (x == ns)
                sv[ns] = c, sup[ns++] = vname(net, c);
        }
    }
    share = malloc((ns * nm + 1) * sizeof *share);
    rank = calloc(ns * nm + 1, sizeof *rank);
    if (!share || !rank) {
        st = cn_i_oom(err);
        goto done;
    }
    for (size_t x = 0; x < ns * nm; x++)
        share[x] = NAN;
    for (size_t j = 0; j < nm; j++) {
        int32_t src[4];
        size_t k = sources_of(net, d, &d->rows[col[j]], src, 4);
        for (size_t s = 0; s < k; s++) {
            const cn_edge *e = &net->edges[src[s]];
            size_t x = 0;
            while (sv[x] != e->country)
                x++;
            share[x * nm + j] = e->share;
            rank[x * nm + j] = e->rank ? e->rank : (int)s + 1;
        }
    }
    char *svg = NULL;
    char title[160];
    snprintf(title, sizeof title, "Import sources of %s: share of its imports (%%)", vname(net, d->consumer));
    st = cn_i_chart_heatmap(title, "Numbers: share of the consumer's imports in percent. Hatched #n: the source "
                                   "ranks the supplier n-th and gives no share (share unknown).",
                            sup, ns, mins, nm, share, rank, &svg, err);
    if (!st) {
        fputs("<h2 id=\"heatmap\">Who supplies what</h2>\n", fp);
        img(fp, svg, title);
    }
    free(svg);
done:
    free(mins), free(sup), free(sv), free(col), free(share), free(rank);
    return st;
}

static void summary(FILE *fp, const cn_net *net, const cn_report_html_in *in)
{
    const cn_deps_result *d = in->deps;
    fputs("<h2 id=\"summary\">Summary</h2>\n<ul>\n<li>Single-source dependencies: ", fp);
    int n = 0;
    for (size_t i = 0; i < d->n; i++)
        if (d->rows[i].single_source) {
            fputs(n++ ? ", " : "", fp);
            ESC(fp, vname(net, d->rows[i].mineral));
        }
    fprintf(fp, "%s (%d of %zu minerals, threshold ", n ? "" : "none", n, d->n);
    char b[32];
    fprintf(fp, "%s)</li>\n", cn_i_pct_or(b, d->threshold, "unknown"));
    if (in->conc && in->conc->n) {
        fputs("<li>Most concentrated world production (HHI): ", fp);
        for (size_t i = 0; i < in->conc->n && i < 5; i++) {
            const cn_concentration_row *r = &in->conc->rows[i];
            fputs(i ? ", " : "", fp);
            ESC(fp, vname(net, r->mineral));
            if (r->top != CN_NONE) {
                fputs(" (", fp);
                ESC(fp, cn_net_country_label(net, r->top));
                fprintf(fp, " %s)", cn_i_pct_or(b, r->c.top_share, "share unknown"));
            }
        }
        fputs("</li>\n", fp);
    }
    if (in->choke && in->choke->nexposure) {
        fputs("<li>Suppliers with the highest exposure (sum of reliance &#215; share): ", fp);
        const cn_exposure_row *x = in->choke->exposure;
        size_t nx = in->choke->nexposure, top[5], nt = 0; /* the five largest, largest first */
        for (size_t i = 0; i < nx; i++) {
            if (!(x[i].exposure > 0) || x[i].consumer != d->consumer) /* unknown or none */
                continue;
            size_t k = nt < 5 ? nt++ : 5;
            while (k > 0 && x[top[k - 1]].exposure < x[i].exposure) {
                if (k < 5)
                    top[k] = top[k - 1];
                k--;
            }
            if (k < 5)
                top[k] = i;
        }
        for (size_t i = 0; i < nt; i++) {
            fputs(i ? ", " : "", fp);
            ESC(fp, vname(net, x[top[i]].country));
            fprintf(fp, " (%.2f)", x[top[i]].exposure);
        }
        if (!nt)
            fputs("none known (the import shares are unknown: ranks only)", fp);
        fputs("</li>\n", fp);
    }
    fputs("</ul>\n", fp);
}

cn_status cn_report_html(const cn_net *net, const cn_report_html_in *in, FILE *fp, cn_error *err)
{
    const cn_deps_result *d = in->deps;
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>", fp);
    fputs("Critical-mineral dependencies of ", fp);
    ESC(fp, vname(net, d->consumer));
    fputs("</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
          "table{border-collapse:collapse;font-size:12px;margin:1em 0}td,th{border:1px solid #ccc;padding:2px 6px}"
          "th{background:#eee}h2{border-bottom:1px solid #ccc}</style>\n</head>\n<body>\n<h1>", fp);
    fputs("Critical-mineral dependencies of ", fp);
    ESC(fp, vname(net, d->consumer));
    fputs("</h1>\n<p>Dataset: ", fp);
    ESC(fp, in->dataset ? in->dataset : net->name ? net->name : "data");
    if (net->title) {
        fputs(" &#8212; ", fp);
        ESC(fp, net->title);
    }
    fputs("</p>\n", fp);
    summary(fp, net, in);
    cn_status st = nir_chart(fp, net, d, err);
    if (!st)
        st = heat_map(fp, net, d, err);
    if (!st && in->overview_svg) {
        fputs("<h2 id=\"overview\">Overview</h2>\n", fp);
        img(fp, in->overview_svg, "overview diagram");
        if (in->overview_caption) {
            fputs("<p>", fp);
            ESC(fp, in->overview_caption);
            fputs("</p>\n", fp);
        }
    }
    if (!st && in->ndeps) {
        fputs("<h2 id=\"critical\">Critical dependencies</h2>\n", fp);
        for (size_t i = 0; i < in->ndeps; i++) {
            fputs("<h3>", fp);
            ESC(fp, vname(net, in->dep_minerals[i]));
            fputs("</h3>\n", fp);
            img(fp, in->dep_svgs[i], vname(net, in->dep_minerals[i]));
        }
    }
    if (!st)
        st = section(fp, "Dependencies", "deps", w_deps, net, d, err);
    if (!st && in->conc)
        st = section(fp, "Concentration", "concentration", w_conc, net, in->conc, err);
    if (!st && in->choke)
        st = section(fp, "Chokepoints", "chokepoints", w_choke, net, in->choke, err);
    if (!st && in->coal) {
        coal_in k = {in->coal, in->allies, in->nallies};
        st = section(fp, "Coalition", "coalition", w_coal, net, &k, err);
    }
    if (st)
        return st;
    fputs("<h2 id=\"sources\">Sources</h2>\n<ul>\n", fp);
    for (int32_t i = 0; i < net->nsources; i++) {
        const cn_source *s = &net->sources[i];
        int dup = 0; /* one line per edition and address (a release's many files are one source) */
        for (int32_t j = 0; j < i && !dup; j++)
            dup = s->url && s->edition && net->sources[j].url && net->sources[j].edition &&
                  strcmp(net->sources[j].url, s->url) == 0 && strcmp(net->sources[j].edition, s->edition) == 0;
        if (dup)
            continue;
        fputs("<li>", fp);
        ESC(fp, s->title ? s->title : s->id);
        if (s->edition) {
            fputs(", ", fp);
            ESC(fp, s->edition);
        }
        if (s->url) {
            fputs(": ", fp);
            ESC(fp, s->url);
        }
        fputs("</li>\n", fp);
    }
    fputs("</ul>\n</body>\n</html>\n", fp);
    return cn_i_check(fp, err);
}
