/* algorithms/edges.c: edges bucketed by mineral and the order of a market's sources, shared by the
 * per-mineral analyses (algorithms/deps.c, algorithms/concentration.c,
 * algorithms/risk.c). */
#include "edges_i.h"

#include "critnet/graph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int cn_i_bucket_by_mineral(const cn_net *net, int (*take)(const cn_edge *e, const void *ctx), const void *ctx,
                           int32_t **start_out, int32_t **bucket_out)
{
    int32_t *start = calloc((size_t)net->nvertices + 2, sizeof *start);
    int32_t *bucket = malloc(((size_t)net->nedges + 1) * sizeof *bucket);
    *start_out = start;
    *bucket_out = bucket;
    if (!start || !bucket)
        return -1;
    for (int32_t i = 0; i < net->nedges; i++)
        if (take(&net->edges[i], ctx))
            start[net->edges[i].mineral + 1]++;
    for (int32_t v = 0; v < net->nvertices; v++)
        start[v + 1] += start[v];
    for (int32_t i = 0; i < net->nedges; i++)
        if (take(&net->edges[i], ctx))
            bucket[start[net->edges[i].mineral]++] = i; /* start[v] ends as the beginning of v + 1 */
    for (int32_t v = net->nvertices; v > 0; v--)
        start[v] = start[v - 1];
    start[0] = 0;
    return 0;
}

static int src_cmp(const void *pa, const void *pb, void *ctx)
{
    const cn_net *net = ctx;
    const cn_edge *a = &net->edges[*(const int32_t *)pa];
    const cn_edge *b = &net->edges[*(const int32_t *)pb];
    int an = isnan(a->share), bn = isnan(b->share);
    if (an != bn)
        return an - bn;
    if (!an && a->share != b->share)
        return a->share > b->share ? -1 : 1;
    int ar = a->rank ? a->rank : INT32_MAX, br = b->rank ? b->rank : INT32_MAX;
    if (ar != br)
        return ar < br ? -1 : 1;
    return strcmp(cn_net_country_label(net, a->country), cn_net_country_label(net, b->country));
}

void cn_i_sort_sources(const cn_net *net, int32_t *ix, size_t n)
{
    cn_sort_r(ix, n, sizeof *ix, src_cmp, (void *)net);
}

int cn_i_mineral_wanted(const cn_net *net, int32_t v, const char *mineral)
{
    if (net->vertices[v].type != CN_VERTEX_MINERAL)
        return 0;
    if (!mineral)
        return 1;
    const char *id = net->vertices[v].id;
    size_t n = strlen(mineral);
    return strncmp(id, mineral, n) == 0 && (id[n] == '\0' || id[n] == ':');
}

cn_status cn_i_check_mineral(const cn_net *net, const char *mineral, cn_error *err)
{
    if (!mineral)
        return CN_OK;
    for (int32_t v = 0; v < net->nvertices; v++)
        if (cn_i_mineral_wanted(net, v, mineral))
            return CN_OK;
    return cn_error_set(err, CN_EUSAGE, "no mineral '%s' in this network", mineral);
}

int cn_i_enum_parse(const char *const *names, int n, const char *s)
{
    for (int i = 0; i < n; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    return -1;
}
