/* graph/validate.c: the model's invariants. Every loader calls cn_net_validate() before a net is used,
 * so algorithms may assume finite shares in [0,1] and share sums of at most 1 per group. */
#include "critnet/net.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SUM_TOLERANCE 1e-6
/* World-production shares are fractions of a world total that USGS rounds to two or three significant
 * figures: a total rounded to two figures may be up to 5% below the sum of its parts (zeolites 2022:
 * 946,407 t listed, 900,000 t world total). Their sum may exceed 1 by that much, no more. */
#define WORLD_ROUNDING 0.06

static int bad_fraction(double x)
{
    return !isnan(x) && (!isfinite(x) || x < 0.0 || x > 1.0);
}

static int bad_amount(double x)
{
    return !isnan(x) && (!isfinite(x) || x < 0.0);
}

/* the group an edge's share belongs to: (kind, mineral, consumer, year, period, basis) */

static const cn_net *g_net; /* qsort has no context argument in C11; validation is single-threaded */

static int ptrcmp(const void *a, const void *b)
{
    return a == b ? 0 : (a ? (b ? strcmp(a, b) : 1) : -1);
}

static int group_cmp(const void *pa, const void *pb)
{
    const cn_edge *a = &g_net->edges[*(const int32_t *)pa];
    const cn_edge *b = &g_net->edges[*(const int32_t *)pb];
    if (a->kind != b->kind)
        return (int)a->kind - (int)b->kind;
    if (a->mineral != b->mineral)
        return a->mineral < b->mineral ? -1 : 1;
    if (a->consumer != b->consumer)
        return a->consumer < b->consumer ? -1 : 1;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    int c = ptrcmp(a->period, b->period);
    if (c)
        return c;
    c = ptrcmp(a->basis, b->basis);
    if (c)
        return c;
    return *(const int32_t *)pa < *(const int32_t *)pb ? -1 : 1;
}

cn_status cn_net_validate(const cn_net *net, const char *where, cn_error *err)
{
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        const char *what = NULL;
        if (bad_fraction(e->share))
            what = "share must be a finite number in [0,1]";
        else if (bad_fraction(e->lo) || bad_fraction(e->hi) ||
                 (!isnan(e->lo) && !isnan(e->hi) && e->lo > e->hi))
            what = "bounds must be finite numbers in [0,1] with low <= high";
        else if (bad_amount(e->quantity) || bad_amount(e->value) || bad_amount(e->reserves))
            what = "quantities and values must be finite and not negative";
        else if (e->rank < 0)
            what = "rank must be a positive integer";
        else if (e->kind == CN_SUPPLIES && e->consumer == e->country)
            what = "a country cannot supply its own imports";
        if (what)
            return cn_error_set(err, CN_EDATA, "%s: $.edges[%d]: %s", where, (int)i, what);
    }

    /* share sums per group */
    int32_t *ix = malloc(((size_t)net->nedges + 1) * sizeof *ix);
    if (!ix)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    int32_t n = 0;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if ((e->kind == CN_SUPPLIES || e->kind == CN_PRODUCES) && !isnan(e->share) && e->country != CN_WORLD)
            ix[n++] = i;
    }
    g_net = net;
    qsort(ix, (size_t)n, sizeof *ix, group_cmp);
    cn_status st = CN_OK;
    for (int32_t a = 0; a < n && st == CN_OK;) {
        int32_t b = a;
        double sum = 0.0;
        while (b < n) {
            const cn_edge *x = &net->edges[ix[a]], *y = &net->edges[ix[b]];
            if (x->kind != y->kind || x->mineral != y->mineral || x->consumer != y->consumer ||
                x->year != y->year || ptrcmp(x->period, y->period) || ptrcmp(x->basis, y->basis))
                break;
            sum += y->share;
            b++;
        }
        const cn_edge *x = &net->edges[ix[b - 1]];
        if (sum > 1.0 + (x->kind == CN_PRODUCES ? WORLD_ROUNDING : SUM_TOLERANCE)) {
            if (x->kind == CN_SUPPLIES)
                st = cn_error_set(err, CN_EDATA,
                                  "%s: $.edges[%d]: import shares of %s for %s sum to %.6g, more than 1",
                                  where, (int)ix[b - 1], net->vertices[x->mineral].id,
                                  net->vertices[x->consumer].id, sum);
            else
                st = cn_error_set(err, CN_EDATA,
                                  "%s: $.edges[%d]: world-production shares of %s sum to %.6g, more than 1",
                                  where, (int)ix[b - 1], net->vertices[x->mineral].id, sum);
        }
        a = b;
    }
    g_net = NULL;
    free(ix);
    return st;
}
