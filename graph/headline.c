/* graph/headline.c: the headline rules (critnet/headline.h): which of the figures a net holds for a (mineral,
 * consumer) a report cites. */
#include "critnet/headline.h"

static int same_group(const cn_edge *a, const cn_edge *b)
{
    return a->period == b->period && a->basis == b->basis && a->year == b->year; /* interned strings */
}

int32_t cn_headline_group(const cn_net *net, const int32_t *idx, int32_t n, int32_t *sel)
{
    const cn_edge *first = NULL;
    int any_primary = 0;
    for (int32_t k = 0; k < n; k++) {
        const cn_edge *e = &net->edges[idx[k]];
        if (e->kind != CN_EDGE_SUPPLIES)
            continue;
        if (!first)
            first = e;
        if ((e->flags & CN_F_PRIMARY) && !any_primary) {
            first = e;
            any_primary = 1;
        }
    }
    int32_t ns = 0;
    for (int32_t k = 0; first && k < n; k++) {
        const cn_edge *e = &net->edges[idx[k]];
        if (e->kind == CN_EDGE_SUPPLIES && (any_primary ? (e->flags & CN_F_PRIMARY) != 0 : same_group(e, first)))
            sel[ns++] = idx[k];
    }
    return ns;
}
