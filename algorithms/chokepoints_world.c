/* algorithms/chokepoints_world.c: chokepoints of a world trade table, ranked: per product stage, the countries by
 * share of world exports, the products where each is the top exporter or in every importer's minimum supplier
 * cut, and the consumers exposed to it (it is a critical supplier). The cuts come from cn_chokepoints_run(), or,
 * for a trade table, from its flows (cn_choke_world_markets: io/import/trade/flows.c); one ranking for both. */
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
    int32_t *astart, *acountry; /* countries in every cut, bucketed by mineral */
    int32_t *cstart, *ccrit;    /* (country, consumer) critical pairs, bucketed by mineral (2 per pair) */
    int32_t *prod_of;      /* produces edges bucketed by mineral */
    int32_t *pstart;
    pair *pairs;           /* the critical pairs of the current group (room for all of them) */
    size_t npairs;
} scratch;

static cn_status group_rows(const cn_net *net, scratch *s, cn_choke_world_group *g, cn_error *err)
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
        /* the countries in every cut of the product's markets, and its critical suppliers */
        for (int32_t k = s->astart[m]; k < s->astart[m + 1]; k++)
            s->ncut[s->acountry[k]]++;
        for (int32_t k = s->cstart[m]; k < s->cstart[m + 1]; k++) /* room for every pair: made once */
            s->pairs[s->npairs++] = (pair){s->ccrit[2 * k], s->ccrit[2 * k + 1]};
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

/* start[m] .. start[m + 1]: the entries (stride ints each, the mineral first) of mineral m, their other ints
 * copied to out in order (a counting sort); start has nv + 2 entries, zeroed */
static void bucket(const int32_t *in, size_t n, int stride, size_t nv, int32_t *start, int32_t *out)
{
    for (size_t i = 0; i < n; i++)
        start[in[(size_t)stride * i] + 1]++;
    for (size_t v = 0; v < nv; v++)
        start[v + 1] += start[v];
    for (size_t i = 0; i < n; i++) {
        int32_t at = start[in[(size_t)stride * i]]++;
        for (int k = 1; k < stride; k++)
            out[(size_t)(stride - 1) * (size_t)at + (size_t)k - 1] = in[(size_t)stride * i + (size_t)k];
    }
    for (size_t v = nv; v > 0; v--)
        start[v] = start[v - 1];
    start[0] = 0;
}

cn_status cn_chokepoints_world_rank(const cn_net *net, const cn_choke_world_markets *mk, const char *mineral,
                                    cn_choke_world_result *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->threshold = mk->threshold;
    if (!(mk->threshold > 0.0 && mk->threshold <= 1.0))
        return cn_error_set(err, CN_EUSAGE, "threshold must be in (0,1]");
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
    cn_status st = CN_OK;
    scratch s = {0};
    s.val = malloc((nv + 1) * sizeof *s.val);
    s.sum = malloc((nv + 1) * sizeof *s.sum);
    s.ntop = malloc((nv + 1) * sizeof *s.ntop);
    s.ncut = malloc((nv + 1) * sizeof *s.ncut);
    s.astart = calloc(nv + 2, sizeof *s.astart);
    s.acountry = malloc((mk->nallcuts + 1) * sizeof *s.acountry);
    s.cstart = calloc(nv + 2, sizeof *s.cstart);
    s.ccrit = malloc((2 * mk->ncritical + 1) * sizeof *s.ccrit);
    s.pstart = calloc(nv + 2, sizeof *s.pstart);
    s.prod_of = malloc(((size_t)net->nedges + 1) * sizeof *s.prod_of);
    s.pairs = malloc((mk->ncritical + 1) * sizeof *s.pairs);
    out->groups = calloc((size_t)np, sizeof *out->groups);
    if (!s.val || !s.sum || !s.ntop || !s.ncut || !s.astart || !s.acountry || !s.cstart || !s.ccrit || !s.pstart ||
        !s.prod_of || !s.pairs || !out->groups) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    bucket(mk->allcuts, mk->nallcuts, 2, nv, s.astart, s.acountry);
    bucket(mk->critical, mk->ncritical, 3, nv, s.cstart, s.ccrit);
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
        st = group_rows(net, &s, g, err);
        i = j;
    }
done:
    free(s.val);
    free(s.sum);
    free(s.ntop);
    free(s.ncut);
    free(s.astart);
    free(s.acountry);
    free(s.cstart);
    free(s.ccrit);
    free(s.pstart);
    free(s.prod_of);
    free(s.pairs);
    free(prods);
    if (st)
        cn_choke_world_result_free(out);
    return st;
}

/* appends the ints x[0..k) to the growing array *a (*n entries of k, *cap) */
static int push(int32_t **a, size_t *n, size_t *cap, const int32_t *x, int k)
{
    if (*n == *cap) {
        size_t c = *cap ? 2 * *cap : 256;
        int32_t *p = realloc(*a, c * (size_t)k * sizeof *p);
        if (!p)
            return -1;
        *a = p;
        *cap = c;
    }
    memcpy(*a + *n * (size_t)k, x, (size_t)k * sizeof *x);
    (*n)++;
    return 0;
}

/* what the ranking reads of cn_chokepoints_run()'s rows: per mineral, the countries in the cut of every market
 * with listed supply (cut status other than none), and the critical suppliers of each market */
static cn_status markets_of(const cn_net *net, const cn_chokepoints_result *cp, cn_choke_world_markets *mk,
                            cn_error *err)
{
    size_t nv = (size_t)net->nvertices, capa = 0, capc = 0;
    int32_t *rstart = calloc(nv + 2, sizeof *rstart), *rows_of = malloc((cp->n + 1) * sizeof *rows_of);
    int32_t *cut = calloc(nv + 1, sizeof *cut), *touched = malloc((nv + 1) * sizeof *touched);
    cn_status st = CN_OK;
    if (!rstart || !rows_of || !cut || !touched)
        goto nomem;
    for (size_t i = 0; i < cp->n; i++) /* the rows by mineral (counting sort) */
        rstart[cp->rows[i].mineral + 1]++;
    for (size_t v = 0; v < nv; v++)
        rstart[v + 1] += rstart[v];
    for (size_t i = 0; i < cp->n; i++)
        rows_of[rstart[cp->rows[i].mineral]++] = (int32_t)i;
    for (size_t v = nv; v > 0; v--)
        rstart[v] = rstart[v - 1];
    rstart[0] = 0;
    for (size_t m = 0; m < nv; m++) {
        int32_t nmk = 0, nt = 0;
        for (int32_t k = rstart[m]; k < rstart[m + 1]; k++) {
            const cn_chokepoints_row *r = &cp->rows[rows_of[k]];
            if (r->cut_status != CN_CUT_STATUS_NONE)
                nmk++;
            for (int32_t j = 0; j < r->ncut; j++)
                if (r->cut[j].mineral < 0 && r->cut[j].country >= 0 && cut[r->cut[j].country]++ == 0)
                    touched[nt++] = r->cut[j].country;
            for (int32_t j = 0; j < r->ncritical; j++) {
                int32_t x[3] = {(int32_t)m, r->critical[j], r->consumer};
                if (r->critical[j] >= 0 && push(&mk->critical, &mk->ncritical, &capc, x, 3))
                    goto nomem;
            }
        }
        for (int32_t k = 0; k < nt; k++) {
            if (nmk > 0 && cut[touched[k]] == nmk &&
                push(&mk->allcuts, &mk->nallcuts, &capa, (int32_t[2]){(int32_t)m, touched[k]}, 2))
                goto nomem;
            cut[touched[k]] = 0;
        }
    }
    mk->known = 1;
    goto done;
nomem:
    st = cn_error_set(err, CN_ENOMEM, "out of memory");
done:
    free(rstart);
    free(rows_of);
    free(cut);
    free(touched);
    return st;
}

cn_status cn_chokepoints_world_run(const cn_net *net, const char *mineral, double threshold,
                                   cn_choke_world_result *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->threshold = threshold;
    int32_t any = 0; /* no matching product: said before the cuts are sought */
    for (int32_t v = 0; v < net->nvertices && !any; v++)
        any = net->vertices[v].type == CN_VERTEX_MINERAL && matches(net->vertices[v].id, mineral);
    if (!any)
        return cn_error_set(err, CN_EUSAGE, "no product of this network matches '%s'", mineral ? mineral : "");
    cn_chokepoints_result cp;
    cn_status st = cn_chokepoints_run(net, NULL, threshold, &cp, err);
    if (st)
        return st;
    cn_choke_world_markets mk = {.threshold = threshold};
    st = markets_of(net, &cp, &mk, err);
    cn_chokepoints_result_free(&cp);
    if (!st)
        st = cn_chokepoints_world_rank(net, &mk, mineral, out, err);
    cn_choke_world_markets_free(&mk);
    return st;
}

void cn_choke_world_markets_free(cn_choke_world_markets *m)
{
    free(m->allcuts);
    free(m->critical);
    double threshold = m->threshold;
    memset(m, 0, sizeof *m);
    m->threshold = threshold;
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
