/* algorithms/coalition.c: per mineral, the share of a consumer's imports and of world production that lies
 * inside an alliance, sorted by the gap; unknown shares stay unknown (docs/scenarios.md). */
#include "critnet/scenario.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/common_i.h"
#include "critnet/countries.h"
#include "critnet/graph.h"
#include "critnet/headline.h"

static int row_cmp(const void *pa, const void *pb, void *ctx)
{
    const cn_net *net = ctx;
    const cn_coalition_row *a = pa, *b = pb;
    int an = isnan(a->gap), bn = isnan(b->gap);
    if (an != bn)
        return an - bn;
    if (!an && a->gap != b->gap)
        return a->gap > b->gap ? -1 : 1;
    return strcmp(net->vertices[a->mineral].id, net->vertices[b->mineral].id);
}

#define add_note(r, ...) cn_i_note_add((r)->note, sizeof (r)->note, __VA_ARGS__)

/* the consumer's import sources of m inside the alliance */
static void imports_in(const cn_net *net, int32_t c, int32_t m, const char *ally, cn_coalition_row *r)
{
    const cn_edge *lead = cn_headline_imports_lead(net, NULL, 0, m, c);
    r->imports_in = NAN;
    if (!lead) {
        add_note(r, "no import sources");
        return;
    }
    double in = 0.0, sum = 0.0;
    int known = 0, residual = 0, unknown_ally = 0;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (!cn_headline_in_imports(e, lead))
            continue;
        int is_ally = e->country >= 0 && ally[e->country];
        if (isnan(e->share)) {
            residual = 1;
            if (is_ally) {
                unknown_ally = 1;
                add_note(r, "%s: import share unknown", net->vertices[e->country].id);
            }
            continue;
        }
        known = 1;
        sum += e->share;
        if (e->country < 0 && e->share > 0)
            residual = 1; /* "other" or an unnamed source may be an ally */
        if (is_ally)
            in += e->share;
    }
    cn_i_note_other_groups(r->note, sizeof r->note, net, lead, ally);
    if (unknown_ally)
        return;
    if (!known) {
        add_note(r, "import shares unknown (ranks only)");
        return;
    }
    r->imports_in = in;
    r->imports_at_least = residual || sum < 1.0 - 1e-6;
}

cn_status cn_coalition_run(const cn_net *net, const char *const *allies, size_t nallies, const char *consumer,
                       double threshold, cn_coalition_result *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    if (nallies == 0)
        return cn_error_set(err, CN_EUSAGE, "empty alliance: give at least one country or @group");
    if (!(threshold > 0.0 && threshold <= 1.0))
        return cn_error_set(err, CN_EUSAGE, "threshold must be in (0,1]");
    int32_t c = consumer ? cn_net_find(net, consumer) : -1;
    if (consumer && (c < 0 || net->vertices[c].type != CN_VERTEX_COUNTRY)) {
        const char *iso = cn_country_iso3(consumer);
        c = iso ? cn_net_find(net, iso) : -1;
    }
    if (c < 0 || net->vertices[c].type != CN_VERTEX_COUNTRY)
        return cn_error_set(err, CN_EUSAGE, "consumer '%s' is not a country of this network",
                            consumer ? consumer : "(none)");
    out->consumer = c;
    out->threshold = threshold;
    size_t nv = (size_t)net->nvertices;
    char *ally = calloc(nv + 1, 1), *want = calloc(nv + 1, 1);
    double *w = malloc((nv + 1) * sizeof *w);
    size_t *start = NULL;
    cn_edge *by_m = NULL;
    cn_status st = CN_OK;
    if (!ally || !want || !w) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < nallies; i++) {
        int32_t v = cn_net_find(net, allies[i]);
        if (v < 0 || net->vertices[v].type != CN_VERTEX_COUNTRY) {
            const char *iso = cn_country_iso3(allies[i]);
            if (!iso) {
                st = cn_error_set(err, CN_EUSAGE, "unknown country '%s' in the alliance", allies[i]);
                goto done;
            }
            v = cn_net_find(net, iso);
        }
        if (v >= 0 && net->vertices[v].type == CN_VERTEX_COUNTRY)
            ally[v] = 1; /* a real country the network does not list supplies nothing here */
    }
    /* minerals with a figure for the consumer, or with production figures */
    size_t n = 0;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (e->kind == CN_EDGE_PRODUCES || e->consumer == c)
            want[e->mineral] = 1;
    }
    for (size_t v = 0; v < nv; v++)
        n += want[v];
    out->rows = calloc(n + 1, sizeof *out->rows);
    if (!out->rows) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    /* each mineral's edges together, in their order: every rule below reads one mineral's edges only, so it is
     * given a view of the network that holds those (a world trade table has thousands of minerals) */
    start = calloc(nv + 2, sizeof *start);
    by_m = malloc(((size_t)net->nedges + 1) * sizeof *by_m);
    if (!start || !by_m) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    for (int32_t i = 0; i < net->nedges; i++)
        start[net->edges[i].mineral + 1]++;
    for (size_t v = 0; v < nv; v++)
        start[v + 1] += start[v];
    for (int32_t i = 0; i < net->nedges; i++)
        by_m[start[net->edges[i].mineral]++] = net->edges[i];
    for (size_t v = nv; v > 0; v--)
        start[v] = start[v - 1];
    start[0] = 0;
    for (int32_t m = 0; m < net->nvertices; m++) {
        if (!want[m])
            continue;
        cn_net view = *net;
        view.edges = by_m + start[m];
        view.nedges = (int32_t)(start[m + 1] - start[m]);
        cn_coalition_row *r = &out->rows[out->n++];
        r->mineral = m;
        imports_in(&view, c, m, ally, r);
        cn_world_production prod;
        cn_world_shares(&view, m, w, &prod);
        r->world_in = NAN;
        r->world_year = prod.year;
        r->world_basis = prod.basis;
        if (!prod.any) {
            add_note(r, "no world production data");
        } else {
            double in = 0.0, total = 0.0;
            for (size_t v = 0; v < nv; v++) {
                if (isnan(w[v]))
                    continue;
                total += w[v];
                if (ally[v])
                    in += w[v];
            }
            /* a share of the listed producers is not a share of the world: unknown without a world total */
            if (prod.basis && strcmp(prod.basis, "listed producers") == 0) {
                add_note(r, "world total unknown: allies hold %s%% of the listed producers' output, not a world share",
                         cn_fmt_num((char[32]){0}, 100.0 * in, 1));
                r->world_basis = NULL;
            } else {
                r->world_in = in;
                r->world_at_least = prod.n_unknown > 0 || total < 1.0 - 1e-6;
            }
            if (prod.n_unknown)
                add_note(r, "%d producer(s) without figures", (int)prod.n_unknown);
        }
        double lo = fmin(isnan(r->imports_in) ? INFINITY : r->imports_in,
                         isnan(r->world_in) ? INFINITY : r->world_in);
        r->gap = isinf(lo) ? NAN : 1.0 - lo;
        r->below = !isinf(lo) && lo < threshold;
    }
    cn_sort_r(out->rows, out->n, sizeof *out->rows, row_cmp, (void *)net);
done:
    free(ally);
    free(want);
    free(w);
    free(start);
    free(by_m);
    if (st)
        cn_coalition_result_free(out);
    return st;
}

void cn_coalition_result_free(cn_coalition_result *r)
{
    free(r->rows);
    r->rows = NULL;
    r->n = 0;
}
