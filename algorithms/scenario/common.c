/* algorithms/scn_util.c: helpers the scenario and coalition computations share (algorithms/scn_util.h). */
#include "scenario/common_i.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void cn_note_add(char *buf, size_t cap, const char *fmt, ...)
{
    size_t len = strlen(buf);
    if (len + 3 >= cap)
        return;
    if (len) {
        memcpy(buf + len, "; ", 3);
        len += 2;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + len, cap - len, fmt, ap);
    va_end(ap);
}

const cn_edge *cn_supplies_group(const cn_net *net, const int32_t *ix, int32_t nix, int32_t c, int32_t m,
                                 int *primary)
{
    const cn_edge *first = NULL;
    *primary = 0;
    int32_t n = ix ? nix : net->nedges;
    for (int32_t k = 0; k < n; k++) {
        const cn_edge *e = &net->edges[ix ? ix[k] : k];
        if (e->kind != CN_EDGE_SUPPLIES || e->consumer != c || e->mineral != m)
            continue;
        if (!first || ((e->flags & CN_F_PRIMARY) && !*primary))
            first = e;
        *primary |= (e->flags & CN_F_PRIMARY) != 0;
    }
    return first;
}

int cn_in_supplies_group(const cn_edge *e, const cn_edge *first, int primary, int32_t c, int32_t m)
{
    if (!first || e->kind != CN_EDGE_SUPPLIES || e->consumer != c || e->mineral != m)
        return 0;
    if (primary)
        return (e->flags & CN_F_PRIMARY) != 0;
    /* period and basis are interned strings */
    return e->period == first->period && e->basis == first->basis && e->year == first->year;
}

void cn_note_other_groups(char *buf, size_t cap, const cn_net *net, const cn_edge *first, int primary,
                          int32_t c, int32_t m, const char *mark)
{
    for (int32_t i = 0; first && i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (e->kind != CN_EDGE_SUPPLIES || e->consumer != c || e->mineral != m || e->country < 0 ||
            !mark[e->country] || cn_in_supplies_group(e, first, primary, c, m))
            continue;
        char what[64];
        if (!isnan(e->share))
            snprintf(what, sizeof what, "share %.0f%%", e->share * 100.0);
        else if (e->rank)
            snprintf(what, sizeof what, "rank %d", (int)e->rank);
        else
            snprintf(what, sizeof what, "listed");
        cn_note_add(buf, cap, "%s: %s in another source%s%s%s", net->vertices[e->country].id, what,
                    e->period ? " (" : "", e->period ? e->period : "", e->period ? ")" : "");
    }
}
