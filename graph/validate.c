/* graph/validate.c: the model's invariants. Every loader calls cn_net_validate() before a net is used,
 * so algorithms may assume finite shares in [0,1] and share sums of at most 1 per group. */
#include "critnet/graph.h"
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

static int ptrcmp(const void *a, const void *b)
{
    return a == b ? 0 : (a ? (b ? strcmp(a, b) : 1) : -1);
}

/* orders edges by the group their share counts towards; 0 = the same group */
static int group_cmp(const cn_edge *a, const cn_edge *b)
{
    if (a->kind != b->kind)
        return (int)a->kind - (int)b->kind;
    if (a->mineral != b->mineral)
        return a->mineral < b->mineral ? -1 : 1;
    if (a->consumer != b->consumer)
        return a->consumer < b->consumer ? -1 : 1;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    int c = ptrcmp(a->period, b->period);
    return c ? c : ptrcmp(a->basis, b->basis);
}

/* consecutive edges of one group (first..last, other edges between them excluded) and their share sum */
typedef struct run {
    int32_t first, last;
    double sum;
} run;

static int run_cmp(const void *pa, const void *pb, void *ctx)
{
    const cn_net *net = ctx;
    const run *a = pa, *b = pb;
    int c = group_cmp(&net->edges[a->first], &net->edges[b->first]);
    return c ? c : a->first < b->first ? -1 : 1;
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
        else if (e->kind == CN_EDGE_SUPPLIES && e->consumer == e->country)
            what = "a country cannot supply its own imports";
        if (what)
            return cn_error_set(err, CN_EDATA, "%s: $.edges[%d]: %s", where, (int)i, what);
    }

    /* share sums per group. Loaders write a group's edges together, so the edges are summed in runs of one
     * group first; the runs (far fewer than edges) are then sorted so that a group split over several runs is
     * summed whole. */
    run *runs = malloc(((size_t)net->nedges + 1) * sizeof *runs);
    if (!runs)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    cn_hugepage_hint(runs, ((size_t)net->nedges + 1) * sizeof *runs);
    int32_t n = 0;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if ((e->kind != CN_EDGE_SUPPLIES && e->kind != CN_EDGE_PRODUCES) || isnan(e->share) || e->country == CN_WORLD)
            continue;
        if (n && group_cmp(&net->edges[runs[n - 1].last], e) == 0) {
            runs[n - 1].sum += e->share;
            runs[n - 1].last = i;
        } else {
            runs[n++] = (run){i, i, e->share};
        }
    }
    cn_sort_r(runs, (size_t)n, sizeof *runs, run_cmp, (void *)net);
    cn_status st = CN_OK;
    for (int32_t a = 0; a < n && st == CN_OK;) {
        int32_t b = a + 1, last = runs[a].last;
        double sum = runs[a].sum;
        for (; b < n && group_cmp(&net->edges[runs[a].first], &net->edges[runs[b].first]) == 0; b++) {
            sum += runs[b].sum;
            if (runs[b].last > last)
                last = runs[b].last;
        }
        const cn_edge *x = &net->edges[last];
        if (sum > 1.0 + (x->kind == CN_EDGE_PRODUCES ? WORLD_ROUNDING : SUM_TOLERANCE)) {
            if (x->kind == CN_EDGE_SUPPLIES)
                st = cn_error_set(err, CN_EDATA,
                                  "%s: $.edges[%d]: import shares of %s for %s sum to %.6g, more than 1",
                                  where, (int)last, net->vertices[x->mineral].id,
                                  net->vertices[x->consumer].id, sum);
            else
                st = cn_error_set(err, CN_EDATA,
                                  "%s: $.edges[%d]: world-production shares of %s sum to %.6g, more than 1",
                                  where, (int)last, net->vertices[x->mineral].id, sum);
        }
        a = b;
    }
    free(runs);
    return st;
}
