/* algorithms/production.c: shares of world production of one mineral from its produces edges (the input of
 * scenario reallocation and of coalitions). Unknown figures stay NAN. */
#include "critnet/scenario.h"

#include <math.h>

void cn_world_shares(const cn_net *net, int32_t mineral, double *w, cn_prod *out)
{
    out->w = w;
    out->year = 0;
    out->any = 0;
    out->n_unknown = 0;
    out->basis = NULL;
    for (int32_t v = 0; v < net->nvertices; v++)
        w[v] = NAN;
    /* the group: primary edges if any are flagged, else the latest year with a figure */
    int primary = 0, found = 0;
    int32_t year = 0;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (e->kind != CN_EDGE_PRODUCES || e->mineral != mineral)
            continue;
        if (e->flags & CN_F_PRIMARY) {
            if (!primary)
                year = e->year;
            primary = 1;
        } else if (!primary && (!found || e->year > year)) {
            year = e->year;
        }
        found = 1;
    }
    if (!found)
        return;
    out->year = year;
    double world = NAN, listed = 0.0;
    int have_share = 0;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (e->kind != CN_EDGE_PRODUCES || e->mineral != mineral ||
            (primary ? !(e->flags & CN_F_PRIMARY) : e->year != year))
            continue;
        if (e->country == CN_WORLD) {
            world = e->quantity;
        } else if (e->country >= 0) {
            if (!isnan(e->share))
                have_share = 1;
            else if (!isnan(e->quantity))
                listed += e->quantity;
            else
                out->n_unknown++;
        }
    }
    int by_world = !isnan(world) && world > 0;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (e->kind != CN_EDGE_PRODUCES || e->mineral != mineral || e->country < 0 ||
            (primary ? !(e->flags & CN_F_PRIMARY) : e->year != year))
            continue;
        double x = NAN;
        if (!isnan(e->share))
            x = e->share;
        else if (!isnan(e->quantity) && by_world)
            x = e->quantity / world;
        else if (!isnan(e->quantity) && listed > 0)
            x = e->quantity / listed;
        if (isnan(x))
            continue;
        w[e->country] = isnan(w[e->country]) ? x : w[e->country] + x;
        out->any = 1;
    }
    if (out->any)
        out->basis = (have_share || by_world) ? "world production" : "listed producers";
}
