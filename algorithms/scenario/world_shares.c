/* algorithms/scenario/world_shares.c: shares of world production of one mineral from its headline produces
 * edges (the input of scenario reallocation and of coalitions). Unknown figures stay NAN. */
#include "critnet/headline.h"
#include "critnet/scenario.h"

#include <math.h>

void cn_world_shares(const cn_net *net, int32_t mineral, double *w, cn_world_production *out)
{
    out->w = w;
    out->year = 0;
    out->any = 0;
    out->n_unknown = 0;
    out->basis = NULL;
    for (int32_t v = 0; v < net->nvertices; v++)
        w[v] = NAN;
    /* the headline group (critnet/headline.h): primary edges, else the latest year with usable figures */
    cn_headline_production_group g;
    if (!cn_headline_production(net, NULL, 0, mineral, 0, &g))
        return;
    out->year = g.year;
    double world = NAN, listed = 0.0;
    int have_share = 0;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (!cn_headline_in_production(e, &g))
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
        if (e->country < 0 || !cn_headline_in_production(e, &g))
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
