/* algorithms/scenario/cascade.c: the cascade of an export restriction through trade flows (supplies edges with a
 * value): lost imports are passed on to exports of the same product and of downstream stages, iterated to
 * the least fixed point. docs/scenarios.md has the equations, the stop rule and why it converges. */
#include "critnet/graph.h"
#include "critnet/scenario.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CASCADE_TOL 1e-12
#define CASCADE_MAX_ROUNDS 10000

typedef struct {
    size_t nc, nm;      /* countries, minerals */
    int32_t *ci, *mi;   /* vertex -> dense country / mineral index, or -1 */
    int32_t *cv, *mv;   /* dense index -> vertex */
    double *imp, *exp, *f, *e, *m, *dI;
    int32_t *hit;
    int32_t *up_start, *up; /* upstream minerals of each mineral (dense indices) */
} cx;

static void cx_free(cx *x)
{
    free(x->ci); free(x->mi); free(x->cv); free(x->mv);
    free(x->imp); free(x->exp); free(x->f); free(x->e); free(x->m); free(x->dI); free(x->hit);
    free(x->up_start); free(x->up);
}

/* the chain links a -> b as pairs of dense mineral indices; from s->chains, else "base:stage" ids of one
 * base in data order */
static cn_status links(const cn_net *net, const cn_scenario *s, cx *x, int32_t **pairs, size_t *np,
                       cn_error *err)
{
    size_t cap = (size_t)net->nvertices * 2 + 2, n = 0;
    for (size_t i = 0; i < s->nchains; i++)
        cap += strlen(s->chains[i]) + 1;
    int32_t *p = malloc(cap * 2 * sizeof *p);
    if (!p)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    for (size_t i = 0; i < s->nchains; i++) {
        char *copy = cn_strdup(s->chains[i]), *save = NULL, *tok;
        if (!copy) {
            free(p);
            return cn_error_set(err, CN_ENOMEM, "out of memory");
        }
        int32_t prev = -1;
        for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
            int32_t v = cn_net_find(net, tok);
            if (v < 0 || net->vertices[v].type != CN_VERTEX_MINERAL) {
                cn_error_set(err, CN_EUSAGE, "chain '%s': unknown mineral '%s'", s->chains[i], tok);
                free(copy);
                free(p);
                return CN_EUSAGE;
            }
            if (prev >= 0) {
                p[2 * n] = x->mi[prev];
                p[2 * n + 1] = x->mi[v];
                n++;
            }
            prev = v;
        }
        free(copy);
    }
    if (s->nchains == 0) {
        /* ids "base:stage": each stage is downstream of the previous one of the same base (not "hs:") */
        for (int32_t v = 0; v < net->nvertices; v++) {
            const char *id = net->vertices[v].id, *colon = strchr(id, ':');
            if (net->vertices[v].type != CN_VERTEX_MINERAL || !colon || strncmp(id, "hs:", 3) == 0)
                continue; /* "hs:CODE": an HS product without a mineral, no stage of a chain */
            for (int32_t u = v - 1; u >= 0; u--) {
                const char *uid = net->vertices[u].id;
                if (net->vertices[u].type == CN_VERTEX_MINERAL && strncmp(uid, id, (size_t)(colon - id) + 1) == 0) {
                    p[2 * n] = x->mi[u];
                    p[2 * n + 1] = x->mi[v];
                    n++;
                    break;
                }
            }
        }
    }
    *pairs = p;
    *np = n;
    return CN_OK;
}

static cn_status setup(const cn_net *net, const cn_scenario *s, cx *x, cn_error *err)
{
    size_t nv = (size_t)net->nvertices;
    x->ci = malloc((nv + 1) * sizeof *x->ci);
    x->mi = malloc((nv + 1) * sizeof *x->mi);
    x->cv = malloc((nv + 1) * sizeof *x->cv);
    x->mv = malloc((nv + 1) * sizeof *x->mv);
    if (!x->ci || !x->mi || !x->cv || !x->mv)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    for (int32_t v = 0; v < net->nvertices; v++) {
        x->ci[v] = x->mi[v] = -1;
        if (net->vertices[v].type == CN_VERTEX_COUNTRY) {
            x->cv[x->nc] = v;
            x->ci[v] = (int32_t)x->nc++;
        } else {
            x->mv[x->nm] = v;
            x->mi[v] = (int32_t)x->nm++;
        }
    }
    size_t nn = x->nc * x->nm + 1;
    x->imp = calloc(nn, sizeof *x->imp);
    x->exp = calloc(nn, sizeof *x->exp);
    x->f = calloc(nn, sizeof *x->f);
    x->e = calloc(nn, sizeof *x->e);
    x->m = calloc(nn, sizeof *x->m);
    x->dI = calloc(nn, sizeof *x->dI);
    x->hit = calloc(nn, sizeof *x->hit);
    x->up_start = calloc(x->nm + 2, sizeof *x->up_start);
    if (!x->imp || !x->exp || !x->f || !x->e || !x->m || !x->dI || !x->hit || !x->up_start)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    for (size_t i = 0; i < s->n; i++) {
        const cn_restriction *q = &s->items[i];
        if (q->c < 0)
            continue;
        for (size_t k = 0; k < x->nm; k++) {
            if (q->mineral && x->mi[q->m] != (int32_t)k)
                continue;
            double *f = &x->f[(size_t)x->ci[q->c] * x->nm + k];
            if (q->fraction > *f)
                *f = q->fraction;
        }
    }
    int32_t *pairs = NULL;
    size_t np = 0;
    cn_status st = links(net, s, x, &pairs, &np, err);
    if (st)
        return st;
    x->up = malloc((np + 1) * sizeof *x->up);
    if (!x->up) {
        free(pairs);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    for (size_t k = 0; k < np; k++)
        x->up_start[pairs[2 * k + 1] + 1]++;
    for (size_t k = 0; k < x->nm; k++)
        x->up_start[k + 1] += x->up_start[k];
    int32_t *fill = calloc(x->nm + 1, sizeof *fill);
    if (!fill) {
        free(pairs);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    for (size_t k = 0; k < np; k++) {
        int32_t q = pairs[2 * k + 1];
        x->up[x->up_start[q] + fill[q]++] = pairs[2 * k];
    }
    free(fill);
    free(pairs);
    return CN_OK;
}

static double flow_of(const cn_edge *e, int by_value)
{
    double v = by_value ? e->value : e->quantity;
    return e->kind == CN_EDGE_SUPPLIES && !isnan(v) && v > 0 ? v : 0.0;
}

static int country_cmp(const void *pa, const void *pb, void *ctx);

cn_status cn_cascade_run(const cn_net *net, const cn_scenario *s, cn_cascade_result *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->tolerance = CASCADE_TOL;
    out->pass_through = s->pass_through;
    /* the flows: values if any supplies edge has one, else quantities */
    int by_value = 0, by_qty = 0;
    for (int32_t i = 0; i < net->nedges; i++) {
        by_value |= flow_of(&net->edges[i], 1) > 0;
        by_qty |= flow_of(&net->edges[i], 0) > 0;
    }
    if (!by_value && !by_qty)
        return cn_error_set(err, CN_EDATA, "%s: the cascade needs trade flows (supplies edges with a value "
                            "or quantity); this network has none", net->name ? net->name : "data");
    out->basis = by_value ? "value" : "quantity";
    cx x;
    memset(&x, 0, sizeof x);
    cn_status st = setup(net, s, &x, err);
    size_t nm = x.nm;
    for (int32_t i = 0; st == CN_OK && i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        double v = flow_of(e, by_value);
        if (e->kind != CN_EDGE_SUPPLIES)
            continue;
        if (v == 0.0) {
            out->n_skipped++;
            continue;
        }
        x.imp[(size_t)x.ci[e->consumer] * nm + (size_t)x.mi[e->mineral]] += v;
        if (e->country >= 0)
            x.exp[(size_t)x.ci[e->country] * nm + (size_t)x.mi[e->mineral]] += v;
        out->nflows++;
    }
    if (st) {
        cx_free(&x);
        return st;
    }
    size_t nn = x.nc * nm;
    memcpy(x.e, x.f, nn * sizeof *x.e);
    double beta = s->pass_through;
    out->converged = 0;
    for (int32_t round = 1; round <= CASCADE_MAX_ROUNDS; round++) {
        int changed = 0;
        memset(x.dI, 0, nn * sizeof *x.dI);
        for (int32_t i = 0; i < net->nedges; i++) {
            const cn_edge *e = &net->edges[i];
            double v = flow_of(e, by_value);
            if (v > 0 && e->country >= 0)
                x.dI[(size_t)x.ci[e->consumer] * nm + (size_t)x.mi[e->mineral]] +=
                    v * x.e[(size_t)x.ci[e->country] * nm + (size_t)x.mi[e->mineral]];
        }
        for (size_t k = 0; k < nn; k++) {
            double m = x.imp[k] > 0 ? fmin(1.0, x.dI[k] / x.imp[k]) : 0.0;
            if (fabs(m - x.m[k]) > CASCADE_TOL)
                changed = 1;
            if (m > CASCADE_TOL && !x.hit[k])
                x.hit[k] = round;
            x.m[k] = m;
        }
        for (size_t k = 0; k < nn; k++) {
            size_t c = k / nm, q = k % nm;
            /* same product: the lost volume as a fraction of its exports, at most the import-loss fraction */
            double u = x.imp[k] > 0 ? x.dI[k] / fmax(x.imp[k], x.exp[k]) : 0.0;
            for (int32_t j = x.up_start[q]; j < x.up_start[q + 1]; j++)
                u = fmax(u, x.m[c * nm + (size_t)x.up[j]]); /* an upstream input: Leontief, all imported */
            u = fmin(1.0, beta * u);
            double e = 1.0 - (1.0 - x.f[k]) * (1.0 - u);
            if (fabs(e - x.e[k]) > CASCADE_TOL)
                changed = 1;
            x.e[k] = e;
        }
        if (!changed) {
            out->converged = 1;
            break;
        }
        out->rounds = round;
    }

    /* results: flows, nodes that trade, countries */
    out->flows = calloc(out->nflows + 1, sizeof *out->flows);
    size_t nnodes = 0;
    for (size_t k = 0; k < nn; k++)
        nnodes += x.imp[k] > 0 || x.exp[k] > 0;
    out->nodes = calloc(nnodes + 1, sizeof *out->nodes);
    out->countries = calloc(x.nc + 1, sizeof *out->countries);
    if (!out->flows || !out->nodes || !out->countries) {
        cx_free(&x);
        cn_cascade_result_free(out);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    size_t nf = 0;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        double v = flow_of(e, by_value);
        if (v == 0.0)
            continue;
        cn_cascade_flow *fl = &out->flows[nf++];
        fl->edge = i;
        fl->value = v;
        fl->lost = e->country >= 0 ? v * x.e[(size_t)x.ci[e->country] * nm + (size_t)x.mi[e->mineral]] : 0.0;
    }
    for (size_t c = 0; c < x.nc; c++) {
        cn_cascade_country *cc = &out->countries[c];
        cc->country = x.cv[c];
        cc->worst = -1;
        for (size_t q = 0; q < nm; q++) {
            size_t k = c * nm + q;
            if (!(x.imp[k] > 0 || x.exp[k] > 0))
                continue;
            cn_cascade_node *nd = &out->nodes[out->nnodes++];
            nd->country = x.cv[c];
            nd->mineral = x.mv[q];
            nd->imports = x.imp[k];
            nd->exports = x.exp[k];
            nd->restricted = x.f[k];
            nd->import_loss = x.m[k];
            nd->export_cut = x.e[k];
            nd->round = x.hit[k];
            cc->imports += x.imp[k];
            cc->lost_imports += x.dI[k];
            cc->exports += x.exp[k];
            cc->lost_exports += x.exp[k] * x.e[k];
            if (x.imp[k] > 0) {
                cc->nproducts++;
                cc->nhit += x.m[k] > CASCADE_TOL;
                if (x.m[k] > CASCADE_TOL && x.m[k] > cc->worst_loss) {
                    cc->worst = x.mv[q];
                    cc->worst_loss = x.m[k];
                }
            }
            cc->restricted |= x.f[k] > 0;
            if (x.hit[k] && (!cc->round || x.hit[k] < cc->round))
                cc->round = x.hit[k];
        }
        cc->loss = cc->imports > 0 ? cc->lost_imports / cc->imports : NAN;
        if (!by_value) /* tons of different products are never added: per product only (nodes, worst) */
            cc->loss = NAN;
    }
    /* keep the countries that trade; without values, no totals across products */
    size_t kept = 0;
    for (size_t c = 0; c < x.nc; c++)
        if (out->countries[c].imports > 0 || out->countries[c].exports > 0) {
            cn_cascade_country *cc = &out->countries[kept++];
            *cc = out->countries[c];
            if (!by_value)
                cc->imports = cc->lost_imports = cc->exports = cc->lost_exports = NAN;
        }
    out->ncountries = kept;
    cn_sort_r(out->countries, kept, sizeof *out->countries, country_cmp, (void *)net);
    cx_free(&x);
    return CN_OK;
}

/* larger loss first (none last), then the larger loss of one product, then id */
static int country_cmp(const void *pa, const void *pb, void *ctx)
{
    const cn_net *net = ctx;
    const cn_cascade_country *a = pa, *b = pb;
    int an = isnan(a->loss), bn = isnan(b->loss);
    if (an != bn)
        return an - bn;
    if (!an && a->loss != b->loss)
        return a->loss > b->loss ? -1 : 1;
    if (a->worst_loss != b->worst_loss)
        return a->worst_loss > b->worst_loss ? -1 : 1;
    return strcmp(net->vertices[a->country].id, net->vertices[b->country].id);
}

void cn_cascade_result_free(cn_cascade_result *r)
{
    free(r->countries);
    free(r->nodes);
    free(r->flows);
    memset(r, 0, sizeof *r);
}
