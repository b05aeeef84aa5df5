/* algorithms/chokepoints.c: where supply hangs on few suppliers: the markets (headline import groups) by base
 * mineral, each base's flow network (chokepoints_flow.c), exposure, cut vertices, bridges. */
#include "chokepoints_i.h"

#include "critnet/graph.h"
#include "critnet/headline.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- bases: "cobalt:ore" and "cobalt:refined" share the base "cobalt" ---- */

typedef cn_i_market market;
typedef cn_i_choke_ctx ctx;

static size_t prefix_len(const char *id)
{
    const char *c = strchr(id, ':');
    return c ? (size_t)(c - id) : strlen(id);
}

static int prefix_cmp(const void *pa, const void *pb, void *arg)
{
    const cn_net *net = arg;
    const char *a = net->vertices[*(const int32_t *)pa].id, *b = net->vertices[*(const int32_t *)pb].id;
    size_t la = prefix_len(a), lb = prefix_len(b);
    int c = strncmp(a, b, la < lb ? la : lb);
    return c ? c : (la > lb) - (la < lb);
}

/* base[m] = a group number shared by the minerals with the same prefix; returns the number of groups */
static int32_t bases(const cn_net *net, int32_t *base, int32_t *tmp)
{
    int32_t n = 0, g = -1;
    for (int32_t v = 0; v < net->nvertices; v++) {
        base[v] = -1;
        if (net->vertices[v].type == CN_VERTEX_MINERAL)
            tmp[n++] = v;
    }
    cn_sort_r(tmp, (size_t)n, sizeof *tmp, prefix_cmp, (void *)net);
    for (int32_t i = 0; i < n; i++) {
        if (i == 0 || prefix_cmp(&tmp[i - 1], &tmp[i], (void *)net) != 0)
            g++;
        base[tmp[i]] = g;
    }
    return g + 1;
}

/* supplies edges sorted by (base, mineral, consumer, index) */
typedef struct by_base {
    const cn_net *net;
    const int32_t *base;
} by_base;

static int sup_cmp(const void *pa, const void *pb, void *arg)
{
    const by_base *k = arg;
    int32_t ia = *(const int32_t *)pa, ib = *(const int32_t *)pb;
    const cn_edge *a = &k->net->edges[ia], *b = &k->net->edges[ib];
    if (k->base[a->mineral] != k->base[b->mineral])
        return k->base[a->mineral] < k->base[b->mineral] ? -1 : 1;
    if (a->mineral != b->mineral)
        return a->mineral < b->mineral ? -1 : 1;
    if (a->consumer != b->consumer)
        return a->consumer < b->consumer ? -1 : 1;
    return (ia > ib) - (ia < ib);
}

cn_status cn_i_choke_oom(ctx *c)
{
    return cn_error_set(c->err, CN_ENOMEM, "out of memory");
}

/* ---- exposure, cut vertices, bridges ---- */

static int row_cmp(const void *pa, const void *pb, void *arg)
{
    const cn_net *net = arg;
    const cn_chokepoints_row *a = pa, *b = pb;
    int c = strcmp(net->vertices[a->consumer].id, net->vertices[b->consumer].id);
    if (c)
        return c;
    double x = a->ncritical ? a->critical_share[0] : -1, y = b->ncritical ? b->critical_share[0] : -1;
    if (x != y)
        return x > y ? -1 : 1;
    return strcmp(net->vertices[a->mineral].id, net->vertices[b->mineral].id);
}

static int exp_cmp(const void *pa, const void *pb, void *arg)
{
    const cn_net *net = arg;
    const cn_exposure_row *a = pa, *b = pb;
    int c = strcmp(net->vertices[a->consumer].id, net->vertices[b->consumer].id);
    if (c)
        return c;
    if ((a->nminerals == 0) != (b->nminerals == 0)) /* unknown last */
        return a->nminerals == 0 ? 1 : -1;
    if (a->exposure != b->exposure)
        return a->exposure > b->exposure ? -1 : 1;
    return strcmp(net->vertices[a->country].id, net->vertices[b->country].id);
}

static cn_status exposure(ctx *c, const market *mk, int32_t nm)
{
    const cn_net *net = c->net;
    cn_chokepoints_result *o = c->out;
    /* one slot per (consumer, country): slot[consumer][country], a row of nvertices made when the consumer
     * first comes */
    size_t cap = 16, nv = (size_t)net->nvertices;
    cn_status st = CN_OK;
    int32_t **slot = calloc(nv + 1, sizeof *slot);
    o->exposure = malloc(cap * sizeof *o->exposure);
    if (!o->exposure || !slot) {
        free(slot);
        return cn_i_choke_oom(c);
    }
    for (int32_t i = 0; i < nm && !st; i++) {
        if (c->want != CN_I_ANY_CONSUMER && mk[i].consumer != c->want)
            continue;
        double nir = cn_i_choke_reliance(c, mk[i].consumer, mk[i].mineral);
        int32_t *row = slot[mk[i].consumer];
        if (!row) {
            if (!(row = slot[mk[i].consumer] = malloc((nv + 1) * sizeof *row))) {
                st = cn_i_choke_oom(c);
                break;
            }
            for (size_t v = 0; v < nv; v++)
                row[v] = -1;
        }
        for (int32_t k = 0; k < mk[i].nsel; k++) {
            const cn_edge *e = &net->edges[mk[i].sel[k]];
            if (e->country < 0)
                continue;
            size_t j = row[e->country] >= 0 ? (size_t)row[e->country] : o->nexposure;
            if (j == o->nexposure) {
                row[e->country] = (int32_t)j;
                if (o->nexposure == cap) {
                    cap *= 2;
                    cn_exposure_row *p = realloc(o->exposure, cap * sizeof *p);
                    if (!p) {
                        st = cn_i_choke_oom(c);
                        break;
                    }
                    o->exposure = p;
                }
                o->exposure[o->nexposure++] = (cn_exposure_row){mk[i].consumer, e->country, 0.0, 0, 0};
            }
            if (isnan(nir) || isnan(e->share)) {
                o->exposure[j].nunknown++;
            } else {
                o->exposure[j].exposure += nir * e->share;
                o->exposure[j].nminerals++;
            }
        }
    }
    for (size_t v = 0; v < nv; v++)
        free(slot[v]);
    free(slot);
    if (st)
        return st;
    cn_sort_r(o->exposure, o->nexposure, sizeof *o->exposure, exp_cmp, (void *)net);
    return CN_OK;
}

static int id_cmp(const void *pa, const void *pb, void *arg)
{
    const cn_net *net = arg;
    return strcmp(net->vertices[*(const int32_t *)pa].id, net->vertices[*(const int32_t *)pb].id);
}

static int pair_cmp(const void *pa, const void *pb, void *arg)
{
    const cn_net *net = arg;
    const int32_t *a = pa, *b = pb;
    int c = strcmp(net->vertices[a[0]].id, net->vertices[b[0]].id);
    return c ? c : strcmp(net->vertices[a[1]].id, net->vertices[b[1]].id);
}

static cn_status cut_vertices(ctx *c)
{
    cn_bipartite b;
    cn_status st = cn_bipartite_build(c->net, 0, 0, &b, NULL, c->err);
    if (st)
        return st;
    cn_graph g = {.n = b.n, .m = b.m, .ends = b.ends};
    int32_t *br = NULL, nbr = 0;
    cn_chokepoints_result *o = c->out;
    if (!(st = cn_graph_articulation_points(&g, &o->artic, &o->nartic, c->err)) &&
        !(st = cn_graph_bridges(&g, &br, &nbr, c->err))) {
        o->bridges = malloc(((size_t)nbr * 2 + 1) * sizeof *o->bridges);
        if (!o->bridges) {
            st = cn_i_choke_oom(c);
        } else {
            for (int32_t i = 0; i < nbr; i++) {
                o->bridges[2 * i] = b.ends[2 * br[i]];
                o->bridges[2 * i + 1] = b.ends[2 * br[i] + 1];
            }
            o->nbridges = nbr;
            cn_sort_r(o->artic, (size_t)o->nartic, sizeof *o->artic, id_cmp, (void *)c->net);
            cn_sort_r(o->bridges, (size_t)nbr, 2 * sizeof *o->bridges, pair_cmp, (void *)c->net);
        }
    }
    free(br);
    cn_bipartite_free(&b);
    return st;
}

cn_status cn_chokepoints_run(const cn_net *net, const char *consumer, double threshold, cn_chokepoints_result *out,
                             cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->threshold = threshold;
    ctx c = {.net = net, .want = CN_I_ANY_CONSUMER, .threshold = threshold, .out = out, .err = err};
    if (consumer) {
        c.want = cn_net_find(net, consumer);
        if (c.want < 0 || net->vertices[c.want].type != CN_VERTEX_COUNTRY)
            return cn_error_set(err, CN_EUSAGE, "consumer '%s' is not a country of this network", consumer);
    }
    if (!(threshold > 0.0 && threshold <= 1.0))
        return cn_error_set(err, CN_EUSAGE, "threshold must be in (0,1]");
    size_t nv = (size_t)net->nvertices + 1, ne = (size_t)net->nedges + 1;
    int32_t *base = malloc(nv * sizeof *base), *tmp = malloc(nv * sizeof *tmp);
    int32_t *sup = malloc(ne * sizeof *sup), *sel = malloc(ne * sizeof *sel);
    market *mk = malloc(ne * sizeof *mk);
    c.cnode = malloc(nv * sizeof *c.cnode);
    c.relies = malloc(ne * sizeof *c.relies);
    cn_status st = CN_OK;
    if (!base || !tmp || !sup || !sel || !mk || !c.cnode || !c.relies) {
        st = cn_i_choke_oom(&c);
        goto done;
    }
    for (size_t v = 0; v < nv; v++)
        c.cnode[v] = -1;
    bases(net, base, tmp);
    /* a world trade table with a consumer: every exporter's world exports are its production layer, so each
     * of the consumer's suppliers is a source of its own; the consumer's markets alone decide its critical
     * suppliers, cuts and dominators (the whole table and the consumer's rows then answer alike), and the
     * undirected cut vertices of a country-product network of the world say nothing (left out) */
    c.world = cn_chokepoints_is_world(net);
    out->world_consumer = c.want != CN_I_ANY_CONSUMER && c.world;
    int32_t ns = 0;
    for (int32_t i = 0; i < net->nedges; i++)
        if (net->edges[i].kind == CN_EDGE_SUPPLIES && (!out->world_consumer || net->edges[i].consumer == c.want))
            sup[ns++] = i;
        else if (net->edges[i].kind == CN_EDGE_RELIES)
            c.relies[c.nrelies++] = i;
    by_base key = {net, base};
    cn_sort_r(sup, (size_t)ns, sizeof *sup, sup_cmp, &key);
    /* markets, each with its headline group; sel is carved up among them */
    int32_t nm = 0, used = 0;
    for (int32_t i = 0; i < ns;) {
        int32_t j = i;
        const cn_edge *e = &net->edges[sup[i]];
        while (j < ns && net->edges[sup[j]].mineral == e->mineral && net->edges[sup[j]].consumer == e->consumer)
            j++;
        mk[nm] = (market){e->mineral, e->consumer, -1, sel + used, 0};
        mk[nm].nsel = cn_headline_imports(net, sup + i, j - i, e->mineral, e->consumer, sel + used);
        used += mk[nm].nsel;
        nm++;
        i = j;
    }
    for (int32_t i = 0; i < nm && !st;) {
        int32_t j = i;
        while (j < nm && base[mk[j].mineral] == base[mk[i].mineral])
            j++;
        int any = c.want == CN_I_ANY_CONSUMER;
        for (int32_t k = i; k < j && !any; k++)
            any = mk[k].consumer == c.want;
        if (any)
            st = cn_i_choke_base(&c, base[mk[i].mineral], base, mk + i, j - i);
        i = j;
    }
    if (!st)
        st = exposure(&c, mk, nm);
    if (!st && !out->world_consumer)
        st = cut_vertices(&c);
    if (!st)
        cn_sort_r(out->rows, out->n, sizeof *out->rows, row_cmp, (void *)net);
done:
    free(base);
    free(tmp);
    free(sup);
    free(sel);
    free(mk);
    free(c.cnode);
    free(c.relies);
    if (st)
        cn_chokepoints_result_free(out);
    return st;
}

void cn_chokepoints_result_free(cn_chokepoints_result *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->rows[i].critical);
        free(r->rows[i].critical_share);
        free(r->rows[i].cut);
        free(r->rows[i].dominators);
    }
    free(r->rows);
    free(r->exposure);
    free(r->artic);
    free(r->bridges);
    memset(r, 0, sizeof *r);
}
