/* graph/merge.c: cn_net_merge, one net over another, figure by figure (critnet/merge.h): the groups of edges
 * of OVER replace those of BASE with the same (kind, mineral, consumer); everything keeps its provenance. */
#include "critnet/merge.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cn_merge_opts_init(cn_merge_opts *o)
{
    memset(o, 0, sizeof *o);
}

/* the key of an edge's group in the merged net: kind, mineral and consumer (-1 for produces) */
static uint64_t edge_key(cn_edge_kind kind, int32_t mineral, int32_t consumer)
{
    return ((uint64_t)kind << 62) | ((uint64_t)(uint32_t)mineral << 31) | (uint64_t)(uint32_t)(consumer + 1);
}

static int key_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* adds the vertices of src to dst (those already there keep over's name; stage and note filled where
 * missing; lists OR'ed), and the sources; map[v] / smap[s] receive the indices in dst */
static cn_status add_net(cn_net *dst, const cn_net *src, const char *which, const char *other, int32_t *map,
                         int32_t *smap, cn_error *err)
{
    for (int32_t s = 0; s < src->nsources; s++) {
        const cn_source *x = &src->sources[s];
        smap[s] = cn_net_find_source(dst, x->id);
        if (smap[s] < 0) {
            cn_status st = cn_net_add_source(dst, x->id, x->title, x->edition, x->url, &smap[s], err);
            if (st)
                return st;
        }
    }
    for (int32_t v = 0; v < src->nvertices; v++) {
        const cn_vertex *x = &src->vertices[v];
        int32_t d = cn_net_find(dst, x->id);
        cn_status st = CN_OK;
        if (d < 0) {
            st = cn_net_add_vertex(dst, x->type, x->id, x->name, &d, err);
            if (!st && x->stage)
                st = cn_vertex_set(dst, d, "stage", x->stage, err);
            if (!st && x->note)
                st = cn_vertex_set(dst, d, "note", x->note, err);
            if (!st)
                dst->vertices[d].source = x->source >= 0 ? smap[x->source] : -1;
        } else if (dst->vertices[d].type != x->type) {
            return cn_error_set(err, CN_EDATA, "merge: '%s' is a %s in %s and a %s in %s", x->id,
                                dst->vertices[d].type == CN_VERTEX_COUNTRY ? "country" : "mineral", other,
                                x->type == CN_VERTEX_COUNTRY ? "country" : "mineral", which);
        } else {
            if (!dst->vertices[d].stage && x->stage)
                st = cn_vertex_set(dst, d, "stage", x->stage, err);
            if (!st && !dst->vertices[d].note && x->note)
                st = cn_vertex_set(dst, d, "note", x->note, err);
            if (!st && dst->vertices[d].source < 0 && x->source >= 0)
                dst->vertices[d].source = smap[x->source];
        }
        if (st)
            return st;
        dst->vertices[d].lists |= x->lists;
        map[v] = d;
    }
    return CN_OK;
}

static int32_t map_country(const int32_t *map, int32_t c)
{
    return c >= 0 ? map[c] : c; /* CN_UNNAMED, CN_OTHER, CN_WORLD stay */
}

/* copies src's edges into dst, all of them (keys NULL) or those whose group key is not in keys[0..nkeys) */
static cn_status add_edges(cn_net *dst, const cn_net *src, const int32_t *map, const int32_t *smap,
                           const uint64_t *keys, size_t nkeys, uint64_t *own_keys, cn_error *err)
{
    for (int32_t i = 0; i < src->nedges; i++) {
        cn_edge e = src->edges[i];
        e.country = map_country(map, e.country);
        e.mineral = map[e.mineral];
        e.consumer = e.consumer >= 0 ? map[e.consumer] : -1;
        e.source = e.source >= 0 ? smap[e.source] : -1;
        uint64_t k = edge_key(e.kind, e.mineral, e.kind == CN_EDGE_PRODUCES ? -1 : e.consumer);
        if (keys && bsearch(&k, keys, nkeys, sizeof *keys, key_cmp))
            continue;
        if (own_keys)
            own_keys[i] = k;
        cn_status st = cn_net_add_edge(dst, &e, NULL, err);
        if (st)
            return st;
    }
    return CN_OK;
}

cn_status cn_net_merge(const cn_net *over, const cn_net *base, const cn_merge_opts *opts, cn_net **out,
                       cn_error *err)
{
    *out = NULL;
    const char *on = over->name ? over->name : "over", *bn = base->name ? base->name : "base";
    cn_net *net = cn_net_new();
    int32_t *omap = malloc(((size_t)over->nvertices + 1) * sizeof *omap);
    int32_t *bmap = malloc(((size_t)base->nvertices + 1) * sizeof *bmap);
    int32_t *osmap = malloc(((size_t)over->nsources + 1) * sizeof *osmap);
    int32_t *bsmap = malloc(((size_t)base->nsources + 1) * sizeof *bsmap);
    uint64_t *keys = malloc(((size_t)over->nedges + 1) * sizeof *keys);
    size_t nmeta = strlen(on) + strlen(bn) + 2;
    char *name = malloc(nmeta);
    size_t ntitle = strlen(over->title ? over->title : on) + strlen(base->title ? base->title : bn) + 8;
    char *title = malloc(ntitle);
    cn_status st = CN_OK;
    if (!net || !omap || !bmap || !osmap || !bsmap || !keys || !name || !title) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    snprintf(name, nmeta, "%s+%s", on, bn);
    snprintf(title, ntitle, "%s, over %s", over->title ? over->title : on, base->title ? base->title : bn);
    st = cn_net_set_meta(net, opts && opts->name ? opts->name : name, opts && opts->title ? opts->title : title,
                         opts ? opts->description : NULL, err);
    if (!st)
        st = cn_net_reserve(net, over->nvertices + base->nvertices, over->nedges + base->nedges, err);
    if (!st)
        st = add_net(net, over, on, bn, omap, osmap, err);
    if (!st)
        st = add_net(net, base, bn, on, bmap, bsmap, err);
    if (!st)
        st = add_edges(net, over, omap, osmap, NULL, 0, keys, err);
    if (st)
        goto done;
    qsort(keys, (size_t)over->nedges, sizeof *keys, key_cmp);
    st = add_edges(net, base, bmap, bsmap, keys, (size_t)over->nedges, NULL, err);
done:
    free(omap);
    free(bmap);
    free(osmap);
    free(bsmap);
    free(keys);
    free(name);
    free(title);
    if (st)
        cn_net_free(net);
    else
        *out = net;
    return st;
}
