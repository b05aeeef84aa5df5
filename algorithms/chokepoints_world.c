/* algorithms/chokepoints_world.c: chokepoints of a world trade table, ranked: per product stage, the countries by
 * share of world exports, the products where each is the top exporter or in every importer's minimum supplier
 * cut, and the consumers exposed to it (it is a critical supplier). The cuts come from cn_chokepoints_run(). */
#include "critnet/chokepoints.h"

#include "critnet/graph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int cn_chokepoints_is_world(const cn_net *net)
{
    int32_t exports = 0, other = 0;
    for (int32_t i = 0; i < net->nedges; i++)
        if (net->edges[i].kind == CN_EDGE_PRODUCES) {
            const char *b = net->edges[i].basis;
            if (b && strncmp(b, "world exports", 13) == 0)
                exports++;
            else
                other++;
        }
    return exports > 0 && other == 0;
}

/* mineral id matches the filter: the id, its base before ':', or "hs:" + an HS code */
static int matches(const char *id, const char *want)
{
    if (!want)
        return 1;
    size_t n = strlen(want);
    if (strcmp(id, want) == 0 || (strncmp(id, want, n) == 0 && id[n] == ':'))
        return 1;
    return strncmp(id, "hs:", 3) == 0 && strcmp(id + 3, want) == 0;
}

static int stage_cmp(const char *a, const char *b)
{
    if (!a || !b)
        return (a == NULL) - (b == NULL);
    return strcmp(a, b);
}

static int id_cmp(const void *pa, const void *pb, void *arg)
{
    const cn_net *net = arg;
    return strcmp(net->vertices[*(const int32_t *)pa].id, net->vertices[*(const int32_t *)pb].id);
}

static int prod_cmp(const void *pa, const void *pb, void *arg)
{
    const cn_net *net = arg;
    const cn_vertex *a = &net->vertices[*(const int32_t *)pa], *b = &net->vertices[*(const int32_t *)pb];
    int c = stage_cmp(a->stage, b->stage);
    return c ? c : strcmp(a->id, b->id);
}

static int row_cmp(const void *pa, const void *pb, void *arg)
{
    const cn_net *net = arg;
    const cn_choke_world_row *a = pa, *b = pb;
    if (isnan(a->share) != isnan(b->share))
        return isnan(a->share) ? 1 : -1;
    if (!isnan(a->share) && a->share != b->share)
        return a->share > b->share ? -1 : 1;
    if (a->ntop != b->ntop)
        return a->ntop > b->ntop ? -1 : 1;
    if (a->nexposed != b->nexposed)
        return a->nexposed > b->nexposed ? -1 : 1;
    return strcmp(net->vertices[a->country].id, net->vertices[b->country].id);
}

/* a (country, consumer) pair: the country is critical to the consumer for some product of the group */
typedef struct pair {
    int32_t country, consumer;
} pair;

static int pair_cmp(const void *pa, const void *pb, void *arg)
{
    const cn_net *net = arg;
    const pair *a = pa, *b = pb;
    if (a->country != b->country)
        return a->country < b->country ? -1 : 1;
    return strcmp(net->vertices[a->consumer].id, net->vertices[b->consumer].id);
}

typedef struct scratch {
    double *val, *sum;     /* per country: value, sum of quantity shares */
    int32_t *ntop, *ncut;  /* per country */
    int32_t *cut;          /* per country: markets of the current product whose cut holds it */
    int32_t *gi;           /* per mineral: its group, -1 */
    int32_t *rows_of;      /* chokepoints rows bucketed by mineral */
    int32_t *rstart;
    int32_t *prod_of;      /* produces edges bucketed by mineral */
    int32_t *pstart;
    pair *pairs;
    size_t npairs, cappairs;
} scratch;

static cn_status group_rows(const cn_net *net, const cn_chokepoints_result *cp, scratch *s, cn_choke_world_group *g,
                            cn_error *err)
{
    size_t nv = (size_t)net->nvertices;
    memset(s->val, 0, nv * sizeof *s->val);
    memset(s->sum, 0, nv * sizeof *s->sum);
    memset(s->ntop, 0, nv * sizeof *s->ntop);
    memset(s->ncut, 0, nv * sizeof *s->ncut);
    g->by_value = 1;
    double total = 0.0;
    s->npairs = 0;
    for (int32_t p = 0; p < g->nproducts; p++) {
        int32_t m = g->products[p];
        double best = -1.0;
        for (int32_t k = s->pstart[m]; k < s->pstart[m + 1]; k++) {
            const cn_edge *e = &net->edges[s->prod_of[k]];
            if (e->country < 0)
                continue;
            if (isnan(e->value))
                g->by_value = 0;
            else
                s->val[e->country] += e->value, total += e->value;
            if (!isnan(e->share)) {
                s->sum[e->country] += e->share;
                if (e->share > best)
                    best = e->share;
            }
        }
        for (int32_t k = s->pstart[m]; best > 0 && k < s->pstart[m + 1]; k++) {
            const cn_edge *e = &net->edges[s->prod_of[k]];
            if (e->country >= 0 && e->share == best)
                s->ntop[e->country]++;
        }
        /* cuts and critical suppliers of the product's markets */
        int32_t nmk = 0;
        memset(s->cut, 0, nv * sizeof *s->cut);
        for (int32_t k = s->rstart[m]; k < s->rstart[m + 1]; k++) {
            const cn_chokepoints_row *r = &cp->rows[s->rows_of[k]];
            if (r->cut_status != CN_CUT_STATUS_NONE)
                nmk++;
            for (int32_t j = 0; j < r->ncut; j++)
                if (r->cut[j].mineral < 0 && r->cut[j].country >= 0)
                    s->cut[r->cut[j].country]++;
            for (int32_t j = 0; j < r->ncritical; j++) {
                if (r->critical[j] < 0)
                    continue;
                if (s->npairs == s->cappairs) {
                    size_t cap = s->cappairs ? 2 * s->cappairs : 256;
                    pair *q = realloc(s->pairs, cap * sizeof *q);
                    if (!q)
                        return cn_error_set(err, CN_ENOMEM, "out of memory");
                    s->pairs = q;
                    s->cappairs = cap;
                }
                s->pairs[s->npairs++] = (pair){r->critical[j], r->consumer};
            }
        }
        for (size_t v = 0; nmk > 0 && v < nv; v++)
            if (s->cut[v] == nmk)
                s->ncut[v]++;
    }
    if (!(total > 0))
        g->by_value = 0;
    cn_sort_r(s->pairs, s->npairs, sizeof *s->pairs, pair_cmp, (void *)net);
    size_t n = 0;
    for (size_t v = 0; v < nv; v++)
        if (net->vertices[v].type == CN_VERTEX_COUNTRY && (s->val[v] > 0 || s->sum[v] > 0 || s->ntop[v]))
            n++;
    for (size_t i = 0; i < s->npairs; i++) /* exposed countries with no exports listed */
        if (!(s->val[s->pairs[i].country] > 0 || s->sum[s->pairs[i].country] > 0 || s->ntop[s->pairs[i].country]) &&
            (i == 0 || s->pairs[i - 1].country != s->pairs[i].country))
            n++;
    g->rows = calloc(n + 1, sizeof *g->rows);
    if (!g->rows)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    size_t pi = 0;
    for (size_t v = 0; v < nv; v++) {
        while (pi < s->npairs && (size_t)s->pairs[pi].country < v)
            pi++;
        size_t pe = pi;
        while (pe < s->npairs && (size_t)s->pairs[pe].country == v)
            pe++;
        if (!(s->val[v] > 0 || s->sum[v] > 0 || s->ntop[v] || pe > pi))
            continue;
        cn_choke_world_row *w = &g->rows[g->n++];
        w->country = (int32_t)v;
        w->share = g->by_value ? s->val[v] / total : s->sum[v] / g->nproducts;
        w->ntop = s->ntop[v];
        w->nallcuts = s->ncut[v];
        w->exposed = malloc((pe - pi + 1) * sizeof *w->exposed);
        if (!w->exposed)
            return cn_error_set(err, CN_ENOMEM, "out of memory");
        for (size_t k = pi; k < pe; k++) /* unique consumers (sorted by id within the country) */
            if (k == pi || s->pairs[k].consumer != s->pairs[k - 1].consumer)
                w->exposed[w->nexposed++] = s->pairs[k].consumer;
        pi = pe;
    }
    cn_sort_r(g->rows, g->n, sizeof *g->rows, row_cmp, (void *)net);
    return CN_OK;
}

cn_status cn_chokepoints_world_run(const cn_net *net, const char *mineral, double threshold,
                                   cn_choke_world_result *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->threshold = threshold;
    size_t nv = (size_t)net->nvertices;
    int32_t *prods = malloc((nv + 1) * sizeof *prods), np = 0;
    if (!prods)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    for (size_t v = 0; v < nv; v++)
        if (net->vertices[v].type == CN_VERTEX_MINERAL && matches(net->vertices[v].id, mineral))
            prods[np++] = (int32_t)v;
    if (np == 0) {
        free(prods);
        return cn_error_set(err, CN_EUSAGE, "no product of this network matches '%s'", mineral ? mineral : "");
    }
    cn_chokepoints_result cp;
    cn_status st = cn_chokepoints_run(net, NULL, threshold, &cp, err);
    if (st) {
        free(prods);
        return st;
    }
    scratch s = {0};
    s.val = malloc((nv + 1) * sizeof *s.val);
    s.sum = malloc((nv + 1) * sizeof *s.sum);
    s.ntop = malloc((nv + 1) * sizeof *s.ntop);
    s.ncut = malloc((nv + 1) * sizeof *s.ncut);
    s.cut = malloc((nv + 1) * sizeof *s.cut);
    s.rstart = calloc(nv + 2, sizeof *s.rstart);
    s.rows_of = malloc((cp.n + 1) * sizeof *s.rows_of);
    s.pstart = calloc(nv + 2, sizeof *s.pstart);
    s.prod_of = malloc(((size_t)net->nedges + 1) * sizeof *s.prod_of);
    out->groups = calloc((size_t)np, sizeof *out->groups);
    if (!s.val || !s.sum || !s.ntop || !s.ncut || !s.cut || !s.rstart || !s.rows_of || !s.pstart || !s.prod_of ||
        !out->groups) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < cp.n; i++) /* bucket the rows by mineral (counting sort) */
        s.rstart[cp.rows[i].mineral + 1]++;
    for (size_t v = 0; v < nv; v++)
        s.rstart[v + 1] += s.rstart[v];
    for (size_t i = 0; i < cp.n; i++)
        s.rows_of[s.rstart[cp.rows[i].mineral]++] = (int32_t)i;
    for (size_t v = nv; v > 0; v--)
        s.rstart[v] = s.rstart[v - 1];
    s.rstart[0] = 0;
    for (int32_t i = 0; i < net->nedges; i++) /* the same for the produces edges */
        if (net->edges[i].kind == CN_EDGE_PRODUCES)
            s.pstart[net->edges[i].mineral + 1]++;
    for (size_t v = 0; v < nv; v++)
        s.pstart[v + 1] += s.pstart[v];
    for (int32_t i = 0; i < net->nedges; i++)
        if (net->edges[i].kind == CN_EDGE_PRODUCES)
            s.prod_of[s.pstart[net->edges[i].mineral]++] = i;
    for (size_t v = nv; v > 0; v--)
        s.pstart[v] = s.pstart[v - 1];
    s.pstart[0] = 0;
    cn_sort_r(prods, (size_t)np, sizeof *prods, prod_cmp, (void *)net);
    for (int32_t i = 0; i < np && !st;) {
        int32_t j = i;
        while (j < np && stage_cmp(net->vertices[prods[j]].stage, net->vertices[prods[i]].stage) == 0)
            j++;
        cn_choke_world_group *g = &out->groups[out->ngroups++];
        g->stage = net->vertices[prods[i]].stage;
        g->products = malloc((size_t)(j - i) * sizeof *g->products);
        if (!g->products) {
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
            break;
        }
        memcpy(g->products, prods + i, (size_t)(j - i) * sizeof *g->products);
        g->nproducts = j - i;
        cn_sort_r(g->products, (size_t)g->nproducts, sizeof *g->products, id_cmp, (void *)net);
        st = group_rows(net, &cp, &s, g, err);
        i = j;
    }
done:
    free(s.val);
    free(s.sum);
    free(s.ntop);
    free(s.ncut);
    free(s.cut);
    free(s.rstart);
    free(s.rows_of);
    free(s.pstart);
    free(s.prod_of);
    free(s.pairs);
    free(prods);
    cn_chokepoints_result_free(&cp);
    if (st)
        cn_choke_world_result_free(out);
    return st;
}

void cn_choke_world_result_free(cn_choke_world_result *r)
{
    for (size_t i = 0; i < r->ngroups; i++) {
        for (size_t k = 0; k < r->groups[i].n; k++)
            free(r->groups[i].rows[k].exposed);
        free(r->groups[i].rows);
        free(r->groups[i].products);
    }
    free(r->groups);
    memset(r, 0, sizeof *r);
}
