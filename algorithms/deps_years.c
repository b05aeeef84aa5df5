/* algorithms/deps_years.c: the net import reliance series of one consumer, per mineral and year, from the relies
 * edges of the edition and basis its headline figure comes from (MCS 2026's 2021-2025e row; MCS 2024's salient
 * years with its Fig. 2 figure). Bounds and net-exporter marks are kept as printed; a year without a figure stays "no data". */
#include "critnet/deps.h"
#include "critnet/graph.h"
#include "critnet/headline.h"
#include "edges_i.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_YEARS = 200 };

static int consumer_relies(const cn_edge *e, const void *ctx)
{
    return e->kind == CN_EDGE_RELIES && e->consumer == *(const int32_t *)ctx;
}

/* the headline relies edge of mineral m, whose basis and edition the series shares; NULL: none */
static const cn_edge *headline(const cn_net *net, int32_t c, int32_t m, const int32_t *mine, int32_t nmine)
{
    return nmine ? cn_headline_reliance(net, mine, nmine, m, c) : NULL;
}

/* the same edition: the same source, or two sources of one edition (MCS 2024: the headline figure from the
 * Fig. 2 file, the years from the chapter's salient file) */
static int same_edition(const cn_net *net, int32_t a, int32_t b)
{
    if (a == b)
        return 1;
    if (a < 0 || b < 0 || !net->sources[a].edition || !net->sources[b].edition)
        return 0;
    return strcmp(net->sources[a].edition, net->sources[b].edition) == 0;
}

static int in_series(const cn_net *net, const cn_edge *e, const cn_edge *h)
{
    return e->kind == CN_EDGE_RELIES && e->mineral == h->mineral && e->consumer == h->consumer &&
           e->basis == h->basis && e->year > 0 && same_edition(net, e->source, h->source); /* interned strings */
}

/* the reliance as a number, for ordering: the value, else the lower bound, 0 for a net exporter */
static double as_number(const cn_nir_point *p)
{
    if (!p->has)
        return NAN;
    if (p->flags & CN_F_NET_EXPORTER)
        return 0.0;
    return !isnan(p->nir) ? p->nir : p->lo;
}

typedef struct sort_ctx {
    const cn_net *net;
    size_t nyears;
} sort_ctx;

static int row_cmp(const void *pa, const void *pb, void *ctx)
{
    const sort_ctx *k = ctx;
    const cn_deps_years_row *a = pa, *b = pb;
    double x = NAN, y = NAN;
    for (size_t i = k->nyears; i-- > 0 && (isnan(x) || isnan(y));) { /* each row's latest known year */
        if (isnan(x))
            x = as_number(&a->points[i]);
        if (isnan(y))
            y = as_number(&b->points[i]);
    }
    int xn = isnan(x), yn = isnan(y);
    if (xn != yn)
        return xn - yn;
    if (!xn && x != y)
        return x > y ? -1 : 1;
    return strcmp(k->net->vertices[a->mineral].id, k->net->vertices[b->mineral].id);
}

static int int_cmp(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* the result's years: every year of [from, to] when both are given, else the years the series have */
static cn_status collect_years(const cn_net *net, int32_t c, const char *want, const int32_t *start,
                               const int32_t *bucket, int32_t from, int32_t to, cn_deps_years_result *out)
{
    if (from && to) {
        out->years = malloc((size_t)(to - from + 1) * sizeof *out->years);
        if (!out->years)
            return CN_ENOMEM;
        for (int32_t y = from; y <= to; y++)
            out->years[out->nyears++] = y;
        return CN_OK;
    }
    out->years = malloc(((size_t)net->nedges + 1) * sizeof *out->years);
    if (!out->years)
        return CN_ENOMEM;
    for (int32_t m = 0; m < net->nvertices; m++) {
        const cn_edge *h = want[m] ? headline(net, c, m, bucket + start[m], start[m + 1] - start[m]) : NULL;
        for (int32_t k = start[m]; h && k < start[m + 1]; k++) {
            const cn_edge *e = &net->edges[bucket[k]];
            if (in_series(net, e, h) && (!from || e->year >= from) && (!to || e->year <= to))
                out->years[out->nyears++] = e->year;
        }
    }
    qsort(out->years, out->nyears, sizeof *out->years, int_cmp);
    size_t n = 0;
    for (size_t i = 0; i < out->nyears; i++)
        if (n == 0 || out->years[n - 1] != out->years[i])
            out->years[n++] = out->years[i];
    out->nyears = n;
    return CN_OK;
}

/* row r's points from mineral m's series (the primary edge first when a year is given twice) */
static void fill_row(const cn_net *net, int32_t c, int32_t m, const int32_t *mine, int32_t nmine,
                     const cn_deps_years_result *out, cn_deps_years_row *r)
{
    r->mineral = m;
    r->source = -1;
    const cn_edge *h = headline(net, c, m, mine, nmine);
    if (!h)
        return;
    r->basis = h->basis;
    r->source = h->source;
    for (int32_t k = 0; k < nmine; k++) {
        const cn_edge *e = &net->edges[mine[k]];
        if (!in_series(net, e, h))
            continue;
        const int32_t *y = bsearch(&e->year, out->years, out->nyears, sizeof *out->years, int_cmp);
        if (!y)
            continue;
        cn_nir_point *p = &r->points[y - out->years];
        if (p->has && !(e->flags & CN_F_PRIMARY))
            continue;
        *p = (cn_nir_point){1, e->share, !isnan(e->lo) ? e->lo : e->share, !isnan(e->hi) ? e->hi : e->share,
                            e->text, e->flags & (CN_F_ESTIMATED | CN_F_NET_EXPORTER)};
    }
}

cn_status cn_deps_years_run(const cn_net *net, const char *consumer, unsigned lists, int32_t from, int32_t to,
                            cn_deps_years_result *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    int32_t c = cn_net_find(net, consumer);
    if (c < 0 || net->vertices[c].type != CN_VERTEX_COUNTRY)
        return cn_error_set(err, CN_EUSAGE, "consumer '%s' is not a country of this network", consumer);
    if (from && to && from > to)
        return cn_error_set(err, CN_EUSAGE, "years %d-%d: the first year is after the last", (int)from, (int)to);
    if (from && to && to - from >= MAX_YEARS)
        return cn_error_set(err, CN_EUSAGE, "years %d-%d: at most %d years", (int)from, (int)to, MAX_YEARS);
    out->consumer = c;

    char *want = calloc((size_t)net->nvertices + 1, 1);
    int32_t *start = NULL, *bucket = NULL;
    int bad = cn_i_bucket_by_mineral(net, consumer_relies, &c, &start, &bucket);
    cn_status st = want && !bad ? CN_OK : CN_ENOMEM;
    size_t n = 0;
    for (int32_t v = 0; !st && v < net->nvertices; v++) {
        if (net->vertices[v].type != CN_VERTEX_MINERAL)
            continue;
        want[v] = lists ? (net->vertices[v].lists & lists) != 0 : start[v + 1] > start[v];
        n += want[v];
    }
    if (!st)
        st = collect_years(net, c, want, start, bucket, from, to, out);
    if (!st && out->nyears == 0)
        n = 0; /* no figure in any year: no rows either (the caller says why) */
    if (!st) {
        out->rows = calloc(n + 1, sizeof *out->rows);
        out->points = calloc(n * out->nyears + 1, sizeof *out->points);
        st = out->rows && out->points ? CN_OK : CN_ENOMEM;
    }
    for (int32_t v = 0; !st && n && v < net->nvertices; v++) {
        if (!want[v])
            continue;
        cn_deps_years_row *r = &out->rows[out->n];
        r->points = out->points + out->n * out->nyears;
        fill_row(net, c, v, bucket + start[v], start[v + 1] - start[v], out, r);
        out->n++;
    }
    if (!st) {
        sort_ctx k = {net, out->nyears};
        cn_sort_r(out->rows, out->n, sizeof *out->rows, row_cmp, &k);
    }
    free(want);
    free(start);
    free(bucket);
    if (st) {
        cn_deps_years_result_free(out);
        return cn_error_set(err, st, "out of memory");
    }
    return CN_OK;
}

void cn_deps_years_result_free(cn_deps_years_result *r)
{
    free(r->years);
    free(r->rows);
    free(r->points);
    memset(r, 0, sizeof *r);
}
