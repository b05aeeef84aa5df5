/* graph/headline.c: the headline rules (critnet/headline.h): which of the figures a net holds for a (mineral,
 * consumer), or for a mineral, a report cites: the import-source group, the reliance edge, the production group. */
#include "critnet/headline.h"

#include <math.h>

/* the k-th edge read: idx[k], or edge k when idx is NULL */
static const cn_edge *nth(const cn_net *net, const int32_t *idx, int32_t k)
{
    return &net->edges[idx ? idx[k] : k];
}

static int32_t count(const cn_net *net, const int32_t *idx, int32_t n)
{
    return idx ? n : net->nedges;
}

static int is_primary(const cn_edge *e)
{
    return (e->flags & CN_F_PRIMARY) != 0;
}

/* ---- (a) import sources ---- */

const cn_edge *cn_headline_imports_lead(const cn_net *net, const int32_t *idx, int32_t n, int32_t mineral,
                                        int32_t consumer)
{
    const cn_edge *first = NULL;
    for (int32_t k = 0, nk = count(net, idx, n); k < nk; k++) {
        const cn_edge *e = nth(net, idx, k);
        if (e->kind != CN_EDGE_SUPPLIES || e->mineral != mineral || e->consumer != consumer)
            continue;
        if (is_primary(e))
            return e;
        if (!first)
            first = e;
    }
    return first;
}

int cn_headline_in_imports(const cn_edge *e, const cn_edge *lead)
{
    if (!lead || e->kind != CN_EDGE_SUPPLIES || e->mineral != lead->mineral || e->consumer != lead->consumer)
        return 0;
    if (is_primary(lead))
        return is_primary(e);
    /* no edge of the pair is primary (the lead would be); period and basis are interned strings */
    return e->period == lead->period && e->basis == lead->basis && e->year == lead->year;
}

int32_t cn_headline_imports(const cn_net *net, const int32_t *idx, int32_t n, int32_t mineral, int32_t consumer,
                            int32_t *sel)
{
    const cn_edge *lead = cn_headline_imports_lead(net, idx, n, mineral, consumer);
    int32_t ns = 0;
    for (int32_t k = 0, nk = lead ? count(net, idx, n) : 0; k < nk; k++)
        if (cn_headline_in_imports(nth(net, idx, k), lead))
            sel[ns++] = idx ? idx[k] : k;
    return ns;
}

/* ---- (b) net import reliance ---- */

const cn_edge *cn_headline_reliance(const cn_net *net, const int32_t *idx, int32_t n, int32_t mineral,
                                    int32_t consumer)
{
    const cn_edge *best = NULL;
    for (int32_t k = 0, nk = count(net, idx, n); k < nk; k++) {
        const cn_edge *e = nth(net, idx, k);
        if (e->kind != CN_EDGE_RELIES || e->mineral != mineral || e->consumer != consumer)
            continue;
        if (is_primary(e))
            return e;
        if (!best || e->year > best->year)
            best = e;
    }
    return best;
}

/* ---- (c) world production ---- */

/* a figure a share of world production can be had from: a world total, or a producer's known share */
static int usable(const cn_edge *e)
{
    if (e->country == CN_WORLD)
        return !isnan(e->quantity) && e->quantity > 0;
    return e->country != CN_OTHER && !isnan(e->share);
}

int cn_headline_in_production(const cn_edge *e, const cn_headline_production_group *g)
{
    return e->kind == CN_EDGE_PRODUCES && e->mineral == g->mineral && (!g->primary || is_primary(e)) &&
           (!g->by_year || e->year == g->year);
}

int cn_headline_production(const cn_net *net, const int32_t *idx, int32_t n, int32_t mineral, int32_t year,
                           cn_headline_production_group *out)
{
    *out = (cn_headline_production_group){.mineral = mineral, .year = year, .by_year = year > 0};
    int found = 0, have_usable = 0;
    int32_t latest = 0, latest_usable = 0, primary_year = 0;
    for (int32_t k = 0, nk = count(net, idx, n); k < nk; k++) {
        const cn_edge *e = nth(net, idx, k);
        if (e->kind != CN_EDGE_PRODUCES || e->mineral != mineral || (year > 0 && e->year != year))
            continue;
        if (is_primary(e) && !out->primary) {
            out->primary = 1;
            primary_year = e->year;
        }
        if (!found || e->year > latest)
            latest = e->year;
        if (usable(e) && (!have_usable || e->year > latest_usable)) {
            latest_usable = e->year;
            have_usable = 1;
        }
        found = 1;
    }
    if (!found || year > 0)
        return found;
    if (out->primary) {
        out->year = primary_year;
        return 1;
    }
    out->year = have_usable ? latest_usable : latest;
    out->by_year = 1;
    return 1;
}
