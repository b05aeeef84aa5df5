/* io/report/report_model.c: the content of `critnet report`, built once for both writers (html.c, report_md.c):
 * the title and dataset, a summary (single-source dependencies, the most concentrated minerals, the suppliers
 * with the highest exposure), the net-import-reliance chart and the supplier x mineral heat map (cairo,
 * io/chart/), the overview diagram, one diagram per critical dependency, the deps, concentration, chokepoints
 * (and coalition) tables in the Markdown of their own writers (cells.c), and the sources. */
#include "report/report_model_i.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart_i.h"
#include "report/cells_i.h"

/* a new block with printf text; returns nonzero when out of memory (nothing added) */
static int add(cn_i_rdoc *doc, cn_i_rkind kind, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int add(cn_i_rdoc *doc, cn_i_rkind kind, const char *id, const char *fmt, ...)
{
    if (doc->n == doc->cap) {
        size_t cap = doc->cap ? 2 * doc->cap : 32;
        cn_i_rblock *b = realloc(doc->b, cap * sizeof *b);
        if (!b)
            return -1;
        doc->b = b, doc->cap = cap;
    }
    cn_i_rblock *b = &doc->b[doc->n];
    memset(b, 0, sizeof *b);
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    b->text = len >= 0 ? malloc((size_t)len + 1) : NULL;
    b->id = id ? strdup(id) : NULL;
    if (!b->text || (id && !b->id)) {
        free(b->text), free(b->id);
        return -1;
    }
    va_start(ap, fmt);
    vsnprintf(b->text, (size_t)len + 1, fmt, ap);
    va_end(ap);
    b->kind = kind;
    doc->n++;
    return 0;
}

/* appends printf text to the last block; nonzero when out of memory (the text is then unchanged) */
static int cat(cn_i_rdoc *doc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int cat(cn_i_rdoc *doc, const char *fmt, ...)
{
    cn_i_rblock *b = &doc->b[doc->n - 1];
    size_t old = strlen(b->text);
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *t = len >= 0 ? realloc(b->text, old + (size_t)len + 1) : NULL;
    if (!t)
        return -1;
    b->text = t;
    va_start(ap, fmt);
    vsnprintf(t + old, (size_t)len + 1, fmt, ap);
    va_end(ap);
    return 0;
}

/* a picture: the document takes svg (malloc'd) on success only */
static int add_image(cn_i_rdoc *doc, const char *id, char *svg, const char *alt)
{
    if (add(doc, CN_I_RB_IMAGE, id, "%s", alt))
        return -1;
    doc->b[doc->n - 1].svg = svg;
    return 0;
}

/* a copy of an SVG document the caller keeps */
static int add_image_copy(cn_i_rdoc *doc, const char *id, const char *svg, const char *alt)
{
    char *copy = strdup(svg);
    if (!copy || add_image(doc, id, copy, alt)) {
        free(copy);
        return -1;
    }
    return 0;
}

void cn_i_report_model_free(cn_i_rdoc *doc)
{
    for (size_t i = 0; i < doc->n; i++)
        free(doc->b[i].id), free(doc->b[i].text), free(doc->b[i].svg);
    free(doc->b);
    memset(doc, 0, sizeof *doc);
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

static cn_status nir_chart(cn_i_rdoc *doc, const cn_net *net, const cn_deps_result *d, cn_error *err)
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
    if (!st && (add(doc, CN_I_RB_H2, "nir", "Net import reliance") || add_image(doc, "nir", svg, title)))
        st = cn_i_oom(err);
    else if (!st)
        svg = NULL; /* the document owns it */
    free(svg), free(bars), free(text), free(note);
    return st;
}

/* suppliers (rows: every top-4 source of a mineral with NIR) x minerals: the consumer's import share, or
 * its rank when the share is unknown */
static cn_status heat_map(cn_i_rdoc *doc, const cn_net *net, const cn_deps_result *d, cn_error *err)
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
    if (!st && (add(doc, CN_I_RB_H2, "heatmap", "Who supplies what") || add_image(doc, "heatmap", svg, title)))
        st = cn_i_oom(err);
    else if (!st)
        svg = NULL; /* the document owns it */
    free(svg);
done:
    free(mins), free(sup), free(sv), free(col), free(share), free(rank);
    return st;
}


/* runs a writer in Markdown into memory: one TABLES block under an H2 */
typedef cn_status (*md_writer)(const cn_net *net, const void *r, FILE *fp, cn_error *err);
static cn_status section(cn_i_rdoc *doc, const char *title, const char *id, md_writer w, const cn_net *net,
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
    if (!st && (add(doc, CN_I_RB_H2, id, "%s", title) || add(doc, CN_I_RB_TABLES, NULL, "%s", buf)))
        st = cn_i_oom(err);
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

/* the five largest known exposures of the consumer, largest first, into top; returns how many */
static size_t top_exposures(const cn_chokepoints_result *c, int32_t consumer, size_t top[5])
{
    const cn_exposure_row *x = c->exposure;
    size_t nt = 0;
    for (size_t i = 0; i < c->nexposure; i++) {
        if (!(x[i].exposure > 0) || x[i].consumer != consumer) /* unknown or none */
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
    return nt;
}

static int summary(cn_i_rdoc *doc, const cn_net *net, const cn_report_html_in *in)
{
    const cn_deps_result *d = in->deps;
    char b[32];
    int n = 0, bad = add(doc, CN_I_RB_H2, "summary", "Summary") ||
                     add(doc, CN_I_RB_ITEM, NULL, "Single-source dependencies: ");
    for (size_t i = 0; !bad && i < d->n; i++)
        if (d->rows[i].single_source)
            bad = cat(doc, "%s%s", n++ ? ", " : "", vname(net, d->rows[i].mineral));
    bad = bad || cat(doc, "%s (%d of %zu minerals, threshold %s)", n ? "" : "none", n, d->n,
                     cn_i_pct_or(b, d->threshold, "unknown"));
    if (!bad && in->conc && in->conc->n) {
        bad = add(doc, CN_I_RB_ITEM, NULL, "Most concentrated world production (HHI): ");
        for (size_t i = 0; !bad && i < in->conc->n && i < 5; i++) {
            const cn_concentration_row *r = &in->conc->rows[i];
            bad = cat(doc, "%s%s", i ? ", " : "", vname(net, r->mineral));
            if (!bad && r->top != CN_NONE)
                bad = cat(doc, " (%s %s)", cn_net_country_label(net, r->top),
                          cn_i_pct_or(b, r->c.top_share, "share unknown"));
        }
    }
    if (!bad && in->choke && in->choke->nexposure) {
        size_t top[5], nt = top_exposures(in->choke, d->consumer, top);
        bad = add(doc, CN_I_RB_ITEM, NULL, "Suppliers with the highest exposure (sum of reliance \u00d7 share): ");
        for (size_t i = 0; !bad && i < nt; i++)
            bad = cat(doc, "%s%s (%.2f)", i ? ", " : "", vname(net, in->choke->exposure[top[i]].country),
                      in->choke->exposure[top[i]].exposure);
        if (!bad && !nt)
            bad = cat(doc, "none known (the import shares are unknown: ranks only)");
    }
    return bad;
}

/* the critical-dependency diagrams: "dep-" and the mineral id, lower case, other than [a-z0-9] as '-' */
static int dep_images(cn_i_rdoc *doc, const cn_net *net, const cn_report_html_in *in)
{
    if (!in->ndeps)
        return 0;
    if (add(doc, CN_I_RB_H2, "critical", "Critical dependencies"))
        return -1;
    for (size_t i = 0; i < in->ndeps; i++) {
        const char *name = vname(net, in->dep_minerals[i]), *id = net->vertices[in->dep_minerals[i]].id;
        char file[96];
        size_t k = (size_t)snprintf(file, sizeof file, "dep-");
        for (const char *s = id; *s && k + 1 < sizeof file; s++)
            file[k++] = (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ? *s
                        : (*s >= 'A' && *s <= 'Z')                             ? (char)(*s - 'A' + 'a')
                                                                               : '-';
        file[k] = '\0';
        if (add(doc, CN_I_RB_H3, NULL, "%s", name) || add_image_copy(doc, file, in->dep_svgs[i], name))
            return -1;
    }
    return 0;
}

static int sources(cn_i_rdoc *doc, const cn_net *net)
{
    if (add(doc, CN_I_RB_H2, "sources", "Sources"))
        return -1;
    for (int32_t i = 0; i < net->nsources; i++) {
        const cn_source *s = &net->sources[i];
        int dup = 0; /* one line per edition and address (a release's many files are one source) */
        for (int32_t j = 0; j < i && !dup; j++)
            dup = s->url && s->edition && net->sources[j].url && net->sources[j].edition &&
                  strcmp(net->sources[j].url, s->url) == 0 && strcmp(net->sources[j].edition, s->edition) == 0;
        if (!dup && add(doc, CN_I_RB_ITEM, NULL, "%s%s%s%s%s", s->title ? s->title : s->id, s->edition ? ", " : "",
                        s->edition ? s->edition : "", s->url ? ": " : "", s->url ? s->url : ""))
            return -1;
    }
    return 0;
}

cn_status cn_i_report_model(const cn_net *net, const cn_report_html_in *in, cn_i_rdoc *doc, cn_error *err)
{
    const cn_deps_result *d = in->deps;
    memset(doc, 0, sizeof *doc);
    cn_status st = CN_OK;
    const char *ds = in->dataset ? in->dataset : net->name ? net->name : "data";
    if (add(doc, CN_I_RB_TITLE, NULL, "Critical-mineral dependencies of %s", vname(net, d->consumer)) ||
        add(doc, CN_I_RB_PARA, NULL, "Dataset: %s%s%s", ds, net->title ? " \u2014 " : "", net->title ? net->title : "") ||
        summary(doc, net, in))
        st = cn_i_oom(err);
    if (!st)
        st = nir_chart(doc, net, d, err);
    if (!st)
        st = heat_map(doc, net, d, err);
    if (!st && in->overview_svg &&
        (add(doc, CN_I_RB_H2, "overview", "Overview") ||
         add_image_copy(doc, "overview", in->overview_svg, "overview diagram") ||
         (in->overview_caption && add(doc, CN_I_RB_PARA, NULL, "%s", in->overview_caption))))
        st = cn_i_oom(err);
    if (!st && dep_images(doc, net, in))
        st = cn_i_oom(err);
    if (!st)
        st = section(doc, "Dependencies", "deps", w_deps, net, d, err);
    if (!st && in->conc)
        st = section(doc, "Concentration", "concentration", w_conc, net, in->conc, err);
    if (!st && in->choke)
        st = section(doc, "Chokepoints", "chokepoints", w_choke, net, in->choke, err);
    if (!st && in->coal) {
        coal_in k = {in->coal, in->allies, in->nallies};
        st = section(doc, "Coalition", "coalition", w_coal, net, &k, err);
    }
    if (!st && sources(doc, net))
        st = cn_i_oom(err);
    if (st)
        cn_i_report_model_free(doc);
    return st;
}
