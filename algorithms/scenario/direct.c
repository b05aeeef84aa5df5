/* algorithms/scenario/direct.c: the direct effect of export restrictions on each consumer and mineral: supply lost,
 * the suppliers that remain, replacement by alternative producers (pro rata to world production, capped by
 * their spare share) and the shortfall left. docs/scenarios.md states the rule. */
#include "critnet/scenario.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/common_i.h"
#include "critnet/countries.h"
#include "critnet/graph.h"
#include "critnet/headline.h"

enum { ANY_CONSUMER = -1 }; /* cn_scenario_run's consumer filter: no one consumer, every one */

#define note(r, ...) cn_i_note_add((r)->note, sizeof (r)->note, __VA_ARGS__)

/* listed suppliers: larger share first (unknown last), then rank (none last), then label */
static int flow_cmp(const void *pa, const void *pb, void *ctx)
{
    const cn_net *net = ctx;
    const cn_scenario_flow *a = pa, *b = pb;
    if (a->supplier != b->supplier)
        return b->supplier - a->supplier;
    double as = a->supplier ? a->share : a->world_share, bs = b->supplier ? b->share : b->world_share;
    int an = isnan(as), bn = isnan(bs);
    if (an != bn)
        return an - bn;
    if (!an && as != bs)
        return as > bs ? -1 : 1;
    int ar = a->rank ? a->rank : INT32_MAX, br = b->rank ? b->rank : INT32_MAX;
    if (ar != br)
        return ar < br ? -1 : 1;
    return strcmp(cn_net_country_label(net, a->country), cn_net_country_label(net, b->country));
}

static int row_cmp(const void *pa, const void *pb, void *ctx)
{
    const cn_net *net = ctx;
    const cn_scenario_row *a = pa, *b = pb;
    int c = strcmp(net->vertices[a->consumer].id, net->vertices[b->consumer].id);
    if (c)
        return c;
    double x = isnan(a->lost) ? a->lost_imports : a->lost, y = isnan(b->lost) ? b->lost_imports : b->lost;
    int an = isnan(x), bn = isnan(y);
    if (an != bn)
        return an - bn;
    if (!an && x != y)
        return x > y ? -1 : 1;
    return strcmp(net->vertices[a->mineral].id, net->vertices[b->mineral].id);
}

/* context of one mineral: its edges, the restriction per country, world shares */
typedef struct {
    const cn_net *net;
    const cn_scenario *s;
    const int32_t *ix; /* edge indices of the mineral */
    int32_t nix;
    double *fr;        /* restricted fraction per vertex (0 = none) */
    cn_world_production prod;
    char *listed;      /* scratch per vertex */
    char *rmark;       /* 1 for the countries restricted for this mineral */
} mctx;

static void reliance(const mctx *x, int32_t c, int32_t m, cn_scenario_row *r)
{
    const cn_edge *rel = cn_headline_reliance(x->net, x->ix, x->nix, m, c);
    r->nir = NAN;
    r->nir_edge = rel ? (int32_t)(rel - x->net->edges) : -1;
    if (!rel || (isnan(rel->share) && isnan(rel->lo) && !(rel->flags & CN_F_NET_EXPORTER))) {
        note(r, "net import reliance unknown: supply loss unknown");
        return;
    }
    r->has_nir = 1;
    r->nir_text = rel->text;
    if (rel->flags & CN_F_NET_EXPORTER) {
        r->nir = 0.0;
        note(r, "net exporter: no supply lost");
    } else if (!isnan(rel->share)) {
        r->nir = rel->share;
    } else {
        r->nir = rel->lo;
        r->nir_bound = 1;
        note(r, "reliance %s%% is a bound: its lower bound is used, losses are at least the figure",
             rel->text ? rel->text : "");
    }
}

static cn_status fill_row(mctx *x, int32_t c, int32_t m, cn_scenario_row *r, cn_error *err)
{
    const cn_net *net = x->net;
    memset(r, 0, sizeof *r);
    r->consumer = c;
    r->mineral = m;
    reliance(x, c, m, r);

    /* the consumer's import sources: the headline group (critnet/headline.h) */
    const cn_edge *lead = cn_headline_imports_lead(net, x->ix, x->nix, m, c);
    size_t cap = (size_t)x->nix + (size_t)net->nvertices + 1;
    r->flows = calloc(cap, sizeof *r->flows);
    if (!r->flows)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    double sum = 0.0;
    int unknown_share = 0;
    for (int32_t k = 0; lead && k < x->nix; k++) {
        const cn_edge *e = &net->edges[x->ix[k]];
        if (!cn_headline_in_imports(e, lead))
            continue;
        cn_scenario_flow *f = &r->flows[r->nflows++];
        f->country = e->country;
        f->supplier = 1;
        f->share = e->share;
        f->rank = e->rank;
        f->fraction = e->country >= 0 ? x->fr[e->country] : 0.0;
        f->world_share = e->country >= 0 ? x->prod.w[e->country] : NAN;
        if (isnan(e->share))
            unknown_share = 1;
        else
            sum += e->share;
        if (e->country < 0 && !(e->share == 0.0))
            unknown_share = 1; /* "other" or an unnamed source may be any country */
        if (e->country >= 0)
            x->listed[e->country] = 1;
    }
    int residual = unknown_share || sum < 1.0 - 1e-6; /* the list may leave countries out */

    /* lost imports: listed restricted suppliers, and restricted countries that may hide in the residual */
    r->lost_imports = 0.0;
    if (!lead) {
        r->lost_imports = NAN;
        note(r, "no import sources: share unknown");
    }
    for (size_t k = 0; k < r->nflows; k++) {
        cn_scenario_flow *f = &r->flows[k];
        f->lost = f->share * f->fraction;
        f->remaining = f->share * (1.0 - f->fraction);
        if (f->fraction > 0 && isnan(f->share)) {
            r->lost_imports = NAN;
            if (f->rank)
                note(r, "%s: share unknown (rank %d)", cn_net_country_label(net, f->country), (int)f->rank);
            else
                note(r, "%s: share unknown", cn_net_country_label(net, f->country));
        } else if (f->fraction > 0) {
            r->lost_imports += f->lost;
        }
    }
    for (size_t i = 0; lead && i < x->s->n; i++) {
        const cn_restriction *q = &x->s->items[i];
        if (q->fraction == 0.0 || (q->mineral && q->m != m) || q->c == c)
            continue;
        if (q->c >= 0 && x->listed[q->c])
            continue; /* listed, or said already */
        if (residual) {
            r->lost_imports = NAN;
            note(r, "%s not listed: share unknown (may be among unlisted sources)", q->country);
        } else {
            note(r, "%s not a listed source", q->country);
        }
        if (q->c >= 0)
            x->listed[q->c] = 2;
    }
    cn_i_note_other_groups(r->note, sizeof r->note, net, lead, x->rmark);
    r->lost = r->has_nir ? r->nir * r->lost_imports : NAN;

    /* world market: the share withheld, the alternatives' share, the covered fraction */
    r->prod_year = x->prod.year;
    r->prod_basis = x->prod.basis;
    r->withheld = r->alt_world = r->coverage = NAN;
    if (!x->prod.any) {
        note(r, "no world production data: replacement unknown");
    } else {
        double withheld = 0.0, alt = 0.0;
        for (int32_t v = 0; v < net->nvertices; v++) {
            if (net->vertices[v].type != CN_VERTEX_COUNTRY)
                continue;
            if (x->fr[v] > 0) {
                if (isnan(x->prod.w[v]) && !isnan(withheld)) {
                    note(r, "%s: share of world production unknown", net->vertices[v].id);
                    withheld = NAN;
                } else {
                    withheld += x->fr[v] * x->prod.w[v];
                }
            } else if (v != c && x->prod.w[v] > 0) {
                alt += x->prod.w[v];
            }
        }
        for (size_t i = 0; i < x->s->n; i++)
            if (x->s->items[i].c < 0 && x->s->items[i].fraction > 0 &&
                (!x->s->items[i].mineral || x->s->items[i].m == m) && !isnan(withheld)) {
                note(r, "%s: share of world production unknown", x->s->items[i].country);
                withheld = NAN;
            }
        r->withheld = withheld;
        r->alt_world = alt;
        if (!isnan(withheld))
            r->coverage = withheld > 0 ? fmin(1.0, x->s->spare * alt / withheld)
                                       : (alt > 0 && x->s->spare > 0 ? 1.0 : 0.0);
        if (x->prod.n_unknown)
            note(r, "%d producer(s) without figures left out of the alternatives", (int)x->prod.n_unknown);
    }
    r->covered_imports = r->lost_imports * r->coverage;
    r->residual_imports = r->lost_imports - r->covered_imports;
    r->covered = r->has_nir ? r->nir * r->covered_imports : NAN;
    r->residual = r->has_nir ? r->nir * r->residual_imports : NAN;

    /* replacement flows: every alternative producer, listed or not (docs/scenarios.md) */
    size_t nlisted = r->nflows;
    for (int32_t v = 0; x->prod.any && v < net->nvertices; v++) {
        if (net->vertices[v].type != CN_VERTEX_COUNTRY || v == c || !(x->prod.w[v] > 0) || x->fr[v] > 0)
            continue;
        cn_scenario_flow *f = NULL;
        for (size_t k = 0; k < nlisted && !f; k++)
            if (r->flows[k].country == v)
                f = &r->flows[k];
        if (!f) { /* a producer the consumer does not import from (as far as the data say) */
            f = &r->flows[r->nflows++];
            f->country = v;
            f->share = f->lost = f->remaining = NAN;
        }
        f->world_share = x->prod.w[v];
        f->replacement = r->covered_imports * x->prod.w[v] / r->alt_world;
    }
    for (size_t k = 0; k < nlisted; k++) {
        cn_scenario_flow *f = &r->flows[k];
        if (f->country >= 0)
            x->listed[f->country] = 0;
        if (f->country < 0 || f->fraction > 0 || !(x->prod.w[f->country] > 0) || f->country == c)
            f->replacement = isnan(r->covered_imports) ? NAN : 0.0;
    }
    for (size_t i = 0; i < x->s->n; i++)
        if (x->s->items[i].c >= 0)
            x->listed[x->s->items[i].c] = 0;
    cn_sort_r(r->flows, r->nflows, sizeof *r->flows, flow_cmp, (void *)net);
    return CN_OK;
}

cn_status cn_scenario_run(const cn_net *net, const cn_scenario *s, cn_scenario_result *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->spare = s->spare;
    size_t nv = (size_t)net->nvertices, ne = (size_t)net->nedges;
    int32_t *start = calloc(nv + 2, sizeof *start), *bucket = malloc((ne + 1) * sizeof *bucket);
    double *fr = calloc(nv + 1, sizeof *fr), *w = malloc((nv + 1) * sizeof *w);
    char *listed = calloc(nv + 1, 1), *has = calloc(nv + 1, 1), *rmark = calloc(nv + 1, 1);
    size_t cap = 0;
    cn_status st = CN_OK;
    int32_t only = ANY_CONSUMER;
    if (!start || !bucket || !fr || !w || !listed || !has || !rmark) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    if (s->consumer) {
        only = cn_net_find(net, s->consumer);
        if (only >= 0 && net->vertices[only].type != CN_VERTEX_COUNTRY)
            only = ANY_CONSUMER;
        const char *iso = only < 0 ? cn_country_iso3(s->consumer) : NULL;
        if (iso)
            only = cn_net_find(net, iso);
        if (only < 0 || net->vertices[only].type != CN_VERTEX_COUNTRY) {
            st = cn_error_set(err, CN_EUSAGE, "consumer '%s' is not a country of this network", s->consumer);
            goto done;
        }
    }
    /* no consumer given: a network with a single consumer (a one-country view) uses it */
    for (int32_t i = 0; !s->consumer && i < net->nedges; i++) {
        int32_t k = net->edges[i].kind == CN_EDGE_PRODUCES ? ANY_CONSUMER : net->edges[i].consumer;
        if (k >= 0 && only >= 0 && k != only) {
            only = ANY_CONSUMER; /* several consumers: every one */
            break;
        }
        if (k >= 0)
            only = k;
    }
    /* edges bucketed by mineral, in data order: O(V + E) */
    for (size_t i = 0; i < ne; i++)
        start[net->edges[i].mineral + 1]++;
    for (size_t v = 0; v < nv; v++)
        start[v + 1] += start[v];
    for (size_t i = 0; i < ne; i++)
        bucket[start[net->edges[i].mineral]++] = (int32_t)i;
    for (size_t v = nv; v > 0; v--)
        start[v] = start[v - 1];
    start[0] = 0;

    for (int32_t m = 0; m < net->nvertices; m++) {
        if (net->vertices[m].type != CN_VERTEX_MINERAL)
            continue;
        int specific = 0, removal = 0;
        for (size_t i = 0; i < s->n; i++) {
            const cn_restriction *q = &s->items[i];
            if (q->mineral ? q->m != m : q->c < 0)
                continue;
            if (q->mineral)
                specific = 1;
            else
                removal = 1;
            if (q->c >= 0 && q->fraction > fr[q->c])
                fr[q->c] = q->fraction;
            if (q->c >= 0 && q->fraction > 0)
                rmark[q->c] = 1;
        }
        if (!specific && !removal)
            continue;
        mctx x = {net, s, bucket + start[m], start[m + 1] - start[m], fr, {0}, listed, rmark};
        /* which consumers: those with figures for m; removals count where the removed country trades m */
        int removed_here = 0;
        for (int32_t k = 0; k < x.nix; k++) {
            const cn_edge *e = &net->edges[x.ix[k]];
            if (e->kind == CN_EDGE_RELIES || e->kind == CN_EDGE_SUPPLIES)
                has[e->consumer] = 1;
            if (e->country >= 0 && fr[e->country] > 0 && e->kind == CN_EDGE_PRODUCES)
                removed_here = 1;
        }
        for (int32_t k = 0; !specific && k < x.nix; k++) {
            const cn_edge *e = &net->edges[x.ix[k]];
            if (e->kind == CN_EDGE_SUPPLIES && e->country >= 0 && fr[e->country] > 0)
                has[e->consumer] = 3; /* a removed country supplies this consumer */
        }
        cn_world_shares(net, m, w, &x.prod);
        for (int32_t c = 0; c < net->nvertices && st == CN_OK; c++) {
            if (net->vertices[c].type != CN_VERTEX_COUNTRY || (only >= 0 && c != only))
                continue;
            int want = specific ? (has[c] || c == only) : (has[c] == 3 || (has[c] && removed_here));
            if (!want)
                continue;
            if (out->n == cap) {
                size_t nc = cap ? 2 * cap : 16;
                cn_scenario_row *p = realloc(out->rows, nc * sizeof *p);
                if (!p) {
                    st = cn_error_set(err, CN_ENOMEM, "out of memory");
                    break;
                }
                out->rows = p;
                cap = nc;
            }
            st = fill_row(&x, c, m, &out->rows[out->n], err);
            out->n++; /* kept even on failure so that its flows are freed */
        }
        for (int32_t k = 0; k < x.nix; k++) {
            const cn_edge *e = &net->edges[x.ix[k]];
            if (e->consumer >= 0)
                has[e->consumer] = 0;
        }
        for (size_t i = 0; i < s->n; i++)
            if (s->items[i].c >= 0) {
                fr[s->items[i].c] = 0.0;
                rmark[s->items[i].c] = 0;
            }
        if (st)
            break;
    }
    if (st == CN_OK)
        cn_sort_r(out->rows, out->n, sizeof *out->rows, row_cmp, (void *)net);
done:
    free(start);
    free(bucket);
    free(fr);
    free(w);
    free(listed);
    free(has);
    free(rmark);
    if (st)
        cn_scenario_result_free(out);
    return st;
}

void cn_scenario_result_free(cn_scenario_result *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->rows[i].flows);
    free(r->rows);
    r->rows = NULL;
    r->n = 0;
}
