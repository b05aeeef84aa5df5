/* algorithms/risk.c: supply-risk measures per mineral: EU supply risk (HHI_WGI,t of world supply and of the
 * consumer's sourcing mix, IR, EoL_RIR, SI_SR), GeoPolRisk and the governance-weighted HHI. docs/risk.md */
#include "critnet/risk.h"
#include "critnet/graph.h"
#include "critnet/headline.h"

#include "edges_i.h"
#include "risk_i.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void cn_risk_opts_init(cn_risk_opts *o)
{
    o->method = CN_RISK_EU_SR;
    o->consumer = "USA";
    o->mineral = NULL;
    o->wgi_year = 0;
    o->threshold = 1.0;
}

void cn_risk_inputs_free(cn_risk_inputs *in)
{
    for (size_t i = 0; i < in->nparams; i++)
        free(in->params[i].mineral);
    for (size_t i = 0; i < in->ntrade; i++)
        free(in->trade[i].mineral);
    free(in->wgi);
    free(in->params);
    free(in->trade);
    free(in->wgi_source);
    free(in->params_source);
    memset(in, 0, sizeof *in);
}

double cn_risk_wgi_scaled(double mean)
{
    return (2.5 - mean) * 2.0;
}

static const char *const method_names[] = {"eu-sr", "geopolrisk", "hhi-wgi"};

const char *cn_risk_method_name(cn_risk_method m)
{
    return (unsigned)m < 3 ? method_names[m] : "?";
}

int cn_risk_method_parse(const char *s, cn_risk_method *out)
{
    int i = cn_i_enum_parse(method_names, 3, s);
    if (i >= 0)
        *out = (cn_risk_method)i;
    return i < 0 ? -1 : 0;
}

const char *cn_risk_stage_name(cn_risk_stage s)
{
    return s == CN_RISK_STAGE_EXTRACTION ? "extraction" : s == CN_RISK_STAGE_PROCESSING ? "processing" : NULL;
}

int cn_risk_stage_parse(const char *s, cn_risk_stage *out)
{
    if (strcmp(s, "extraction") == 0 || strcmp(s, "E") == 0)
        *out = CN_RISK_STAGE_EXTRACTION;
    else if (strcmp(s, "processing") == 0 || strcmp(s, "P") == 0)
        *out = CN_RISK_STAGE_PROCESSING;
    else
        return -1;
    return 0;
}

/* ---- governance lookup (risk_i.h): the WGI rows sorted by (iso3, year), binary search ---- */

static int wgi_cmp(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const cn_risk_wgi *a = *(const cn_risk_wgi *const *)pa, *b = *(const cn_risk_wgi *const *)pb;
    int c = strcmp(a->iso3, b->iso3);
    return c ? c : (a->year > b->year) - (a->year < b->year);
}

static int year_cmp(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    int32_t a = *(const int32_t *)pa, b = *(const int32_t *)pb;
    return (a > b) - (a < b);
}

int cn_i_wgi_index_build(const cn_risk_inputs *in, wgi_index *x)
{
    memset(x, 0, sizeof *x);
    x->by = malloc((in->nwgi + 1) * sizeof *x->by);
    x->years = malloc((in->nwgi + 1) * sizeof *x->years);
    if (!x->by || !x->years)
        return -1;
    for (size_t i = 0; i < in->nwgi; i++) {
        x->by[i] = &in->wgi[i];
        x->years[i] = in->wgi[i].year;
    }
    x->n = in->nwgi;
    cn_sort_r(x->by, x->n, sizeof *x->by, wgi_cmp, NULL);
    cn_sort_r(x->years, x->n, sizeof *x->years, year_cmp, NULL);
    for (size_t i = 0; i < x->n; i++)
        if (x->nyears == 0 || x->years[x->nyears - 1] != x->years[i])
            x->years[x->nyears++] = x->years[i];
    return 0;
}

void cn_i_wgi_index_free(wgi_index *x)
{
    free(x->by);
    free(x->years);
}

/* the WGI year for production year y: the fixed year, else the latest at or before y, else the earliest */
static int32_t wgi_year_for(const wgi_index *x, int32_t fixed, int32_t y)
{
    if (fixed)
        return fixed;
    if (x->nyears == 0)
        return 0;
    if (y == 0)
        return x->years[x->nyears - 1];
    int32_t best = x->years[0];
    for (size_t i = 0; i < x->nyears; i++)
        if (x->years[i] <= y)
            best = x->years[i];
    return best;
}

const cn_risk_wgi *cn_i_wgi_find(const wgi_index *x, const char *iso3, int32_t year)
{
    size_t lo = 0, hi = x->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const cn_risk_wgi *w = x->by[mid];
        int c = strcmp(w->iso3, iso3);
        if (c == 0)
            c = (w->year > year) - (w->year < year);
        if (c == 0)
            return w;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* the scaled governance (0..10) of iso3 in year, or NAN */
static double wgi_scaled(const wgi_index *x, const char *iso3, int32_t year)
{
    const cn_risk_wgi *w = cn_i_wgi_find(x, iso3, year);
    return w && !isnan(w->mean) ? cn_risk_wgi_scaled(w->mean) : NAN;
}

/* ---- parameters ---- */

static const cn_risk_param *find_param(const cn_risk_inputs *in, const char *id, cn_risk_stage want)
{
    const cn_risk_param *any = NULL;
    for (size_t i = 0; i < in->nparams; i++) {
        const cn_risk_param *p = &in->params[i];
        if (strcmp(p->mineral, id) != 0)
            continue;
        if (p->stage == want || p->stage == CN_RISK_STAGE_NONE)
            return p;
        if (!any)
            any = p;
    }
    return any;
}

static double trade_t(const cn_risk_inputs *in, const char *id, cn_risk_stage stage, const char *iso3,
                      cn_risk_scope scope)
{
    for (size_t i = 0; i < in->ntrade; i++) {
        const cn_risk_trade *t = &in->trade[i];
        if ((t->scope == scope || t->scope == CN_RISK_SCOPE_BOTH) &&
            (t->stage == stage || t->stage == CN_RISK_STAGE_NONE || stage == CN_RISK_STAGE_NONE) &&
            strcmp(t->iso3, iso3) == 0 && strcmp(t->mineral, id) == 0)
            return t->t;
    }
    return 1.0;
}

/* ---- one mineral ---- */

typedef struct env {
    const cn_net *net;
    const cn_risk_inputs *in;
    const cn_risk_opts *o;
    const wgi_index *wx;
    int32_t consumer;
} env;

/* adds s^2 * WGI_c * t_c to *sum for a supplier (a vertex, or a pseudo-country: no WGI); returns 1 when it
 * had a WGI figure, else adds s to *no_wgi */
static int add_term(const env *e, int32_t country, double s, const char *id, cn_risk_stage stage,
                    cn_risk_scope scope, int32_t year, double *sum, double *no_wgi, double *g)
{
    double w = NAN;
    const char *iso3 = NULL;
    if (country >= 0) {
        iso3 = e->net->vertices[country].id;
        w = wgi_scaled(e->wx, iso3, year);
    }
    *g = w / 10.0;
    if (isnan(w)) {
        *no_wgi += s;
        return 0;
    }
    /* the consumer's own production carries no trade parameter */
    double t = scope == CN_RISK_SCOPE_SOURCING && country == e->consumer ? 1.0 : trade_t(e->in, id, stage, iso3, scope);
    *sum += s * s * w * t;
    return 1;
}

static void fill(const env *e, int32_t m, const int32_t *mine, int32_t nmine, cn_risk_row *r)
{
    const cn_net *net = e->net;
    const char *id = net->vertices[m].id;
    memset(r, 0, sizeof *r);
    r->mineral = m;
    r->risk = r->hhi = r->hhi_wgi_gs = r->hhi_wgi_src = r->ir = r->eol_rir = r->si_sr = r->geo_sum = NAN;
    r->gs_no_wgi = r->src_no_wgi = 0;

    /* parameters: the stage of this vertex (a stage suffix means processed material) */
    cn_risk_stage want = net->vertices[m].stage ? CN_RISK_STAGE_PROCESSING : CN_RISK_STAGE_EXTRACTION;
    const cn_risk_param *p = find_param(e->in, id, want);
    cn_risk_stage stage = want;
    if (p) {
        stage = p->stage != CN_RISK_STAGE_NONE ? p->stage : want;
        r->stage = stage;
        r->eol_rir = p->eol_rir;
        r->si_sr = p->si_sr;
    }

    /* world supply: the headline production group */
    cn_headline_production_group g;
    int have_prod = cn_headline_production(net, mine, nmine, m, 0, &g);
    r->prod_year = have_prod ? g.year : 0;
    r->wgi_year = wgi_year_for(e->wx, e->o->wgi_year, r->prod_year);
    int n_gs = 0;
    double gsum = 0, hhi = 0, gdummy;
    int n_shares = 0;
    for (int32_t k = 0; have_prod && k < nmine; k++) {
        const cn_edge *x = &net->edges[mine[k]];
        if (!cn_headline_in_production(x, &g) || x->country == CN_WORLD || isnan(x->share))
            continue;
        if (x->country != CN_OTHER) {
            hhi += x->share * x->share;
            n_shares++;
        }
        n_gs += add_term(e, x->country, x->share, id, stage, CN_RISK_SCOPE_GS, r->wgi_year, &gsum, &r->gs_no_wgi,
                         &gdummy);
    }
    if (n_shares)
        r->hhi = hhi;
    if (n_gs)
        r->hhi_wgi_gs = gsum;

    /* import reliance: the parameters', else the consumer's headline figure */
    if (p && !isnan(p->ir)) {
        r->ir = p->ir;
        r->ir_from = CN_RISK_IR_PARAMS;
    } else {
        const cn_edge *rel = cn_headline_reliance(net, mine, nmine, m, e->consumer);
        if (rel && (rel->flags & CN_F_NET_EXPORTER))
            r->ir = 0;
        else if (rel)
            r->ir = rel->share;
        if (!isnan(r->ir))
            r->ir_from = CN_RISK_IR_DATASET;
    }

    /* sourcing mix: domestic 1 - IR, imports IR x import share by origin */
    const char *src_missing = NULL;
    if (isnan(r->ir)) {
        src_missing = "no import reliance";
    } else {
        double ssum = 0, geo = 0, gi;
        int n_src = 0, complete = 1;
        if (r->ir > 0) {
            const cn_edge *lead = cn_headline_imports_lead(net, mine, nmine, m, e->consumer);
            int any = 0;
            for (int32_t k = 0; lead && k < nmine; k++) {
                const cn_edge *x = &net->edges[mine[k]];
                if (!cn_headline_in_imports(x, lead))
                    continue;
                any = 1;
                if (isnan(x->share)) {
                    complete = 0;
                    continue;
                }
                if (add_term(e, x->country, r->ir * x->share, id, stage, CN_RISK_SCOPE_SOURCING, r->wgi_year, &ssum,
                             &r->src_no_wgi, &gi))
                    n_src++, geo += gi * x->share;
            }
            if (!any)
                src_missing = "no import sources";
            else if (!complete)
                src_missing = "import shares unknown";
        }
        if (!src_missing) {
            r->geo_sum = r->ir * geo;
            n_src += add_term(e, e->consumer, 1.0 - r->ir, id, stage, CN_RISK_SCOPE_SOURCING, r->wgi_year, &ssum,
                              &r->src_no_wgi, &gi);
            if (n_src)
                r->hhi_wgi_src = ssum;
        }
    }

    /* the measure */
    switch (e->o->method) {
    case CN_RISK_HHI_WGI:
        r->risk = r->hhi_wgi_gs;
        if (isnan(r->risk))
            r->note = have_prod ? "no governance data for the producers" : "no world production";
        break;
    case CN_RISK_GEOPOLRISK:
        if (isnan(r->hhi))
            r->note = "no world production shares";
        else if (src_missing)
            r->note = src_missing;
        else
            r->risk = r->hhi * r->geo_sum;
        break;
    case CN_RISK_EU_SR: {
        if (!p) {
            r->note = "no parameters for this mineral";
            break;
        }
        if (isnan(r->eol_rir) || isnan(r->si_sr)) {
            r->note = "parameters incomplete (EoL_RIR or SI_SR missing)";
            break;
        }
        double f = (1.0 - r->eol_rir) * r->si_sr;
        int gs = !isnan(r->hhi_wgi_gs), src = !isnan(r->hhi_wgi_src);
        if (gs && src) {
            r->risk = (r->hhi_wgi_gs * r->ir / 2.0 + r->hhi_wgi_src * (1.0 - r->ir / 2.0)) * f;
        } else if (gs) {
            r->risk = r->hhi_wgi_gs * f;
            r->note = src_missing && strcmp(src_missing, "import shares unknown") == 0
                          ? "global supply term alone: import shares unknown"
                      : src_missing && strcmp(src_missing, "no import sources") == 0
                          ? "global supply term alone: no import sources"
                      : src_missing ? "global supply term alone: no import reliance"
                                    : "global supply term alone: no governance data for the sourcing mix";
        } else if (src) {
            r->risk = r->hhi_wgi_src * f;
            r->note = "sourcing term alone: no world production with governance data";
        } else {
            r->note = "no supply mix with governance data";
        }
        r->over = !isnan(r->risk) && r->risk >= e->o->threshold;
        break;
    }
    }
}

static int row_cmp(const void *pa, const void *pb, void *ctx)
{
    const cn_net *net = ctx;
    const cn_risk_row *a = pa, *b = pb;
    int an = isnan(a->risk), bn = isnan(b->risk);
    if (an != bn)
        return an - bn;
    if (!an && a->risk != b->risk)
        return a->risk > b->risk ? -1 : 1;
    return strcmp(net->vertices[a->mineral].id, net->vertices[b->mineral].id);
}

struct sel {
    int32_t consumer;
};

static int take(const cn_edge *e, const void *ctx)
{
    const struct sel *s = ctx;
    return e->kind == CN_EDGE_PRODUCES || e->consumer == s->consumer;
}

cn_status cn_risk_run(const cn_net *net, const cn_risk_inputs *in, const cn_risk_opts *opts, cn_risk_result *out,
                      cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->method = opts->method;
    out->threshold = opts->threshold;
    out->consumer = cn_net_find(net, opts->consumer);
    if (out->consumer < 0 || net->vertices[out->consumer].type != CN_VERTEX_COUNTRY)
        return cn_error_set(err, CN_EUSAGE, "consumer '%s' is not a country of this network", opts->consumer);
    cn_status st = cn_i_check_mineral(net, opts->mineral, err);
    if (st)
        return st;

    struct sel s = {out->consumer};
    int32_t *start = NULL, *bucket = NULL;
    wgi_index wx;
    int bad = cn_i_bucket_by_mineral(net, take, &s, &start, &bucket);
    bad |= cn_i_wgi_index_build(in, &wx);
    out->rows = calloc((size_t)net->nvertices + 1, sizeof *out->rows);
    if (bad || !out->rows) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    env e = {net, in, opts, &wx, out->consumer};
    for (int32_t v = 0; v < net->nvertices; v++) {
        if (!cn_i_mineral_wanted(net, v, opts->mineral) || start[v + 1] == start[v])
            continue;
        fill(&e, v, bucket + start[v], start[v + 1] - start[v], &out->rows[out->n++]);
    }
    cn_sort_r(out->rows, out->n, sizeof *out->rows, row_cmp, (void *)net);
done:
    free(start);
    free(bucket);
    cn_i_wgi_index_free(&wx);
    if (st)
        cn_risk_result_free(out);
    return st;
}

void cn_risk_result_free(cn_risk_result *r)
{
    free(r->rows);
    r->rows = NULL;
    r->n = 0;
}
