/* algorithms/scenario/common.c: helpers the scenario and coalition computations share
 * (scenario/common_i.h): row notes, and the countries another group of import sources lists. */
#include "scenario/common_i.h"

#include "critnet/headline.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void cn_i_note_add(char *buf, size_t cap, const char *fmt, ...)
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

void cn_i_note_other_groups(char *buf, size_t cap, const cn_net *net, const cn_edge *lead, const char *mark)
{
    for (int32_t i = 0; lead && i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (e->kind != CN_EDGE_SUPPLIES || e->consumer != lead->consumer || e->mineral != lead->mineral ||
            e->country < 0 || !mark[e->country] || cn_headline_in_imports(e, lead))
            continue;
        char what[64];
        if (!isnan(e->share))
            snprintf(what, sizeof what, "share %.0f%%", e->share * 100.0);
        else if (e->rank)
            snprintf(what, sizeof what, "rank %d", (int)e->rank);
        else
            snprintf(what, sizeof what, "listed");
        cn_i_note_add(buf, cap, "%s: %s in another source%s%s%s", net->vertices[e->country].id, what,
                    e->period ? " (" : "", e->period ? e->period : "", e->period ? ")" : "");
    }
}
