/* io/report/scenario_report.c: the direct scenario result as a text table, CSV, Markdown or JSON from one
 * column table (JSON also has every supplier's lost, remaining and replacement flow, for renderers), and the
 * shock line shared with the cascade writer. Formats only; computes nothing. */
#include "critnet/report.h"
#include "critnet/graph.h"

#include <stdlib.h>
#include <math.h>
#include <string.h>

#include "report/cells_i.h"

cJSON *cn_i_shock_json(const cn_scenario *s)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < s->n; i++) {
        const cn_restriction *q = &s->items[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "country", q->country);
        cn_i_json_str(o, "mineral", q->mineral);
        cJSON_AddNumberToObject(o, "fraction", q->fraction);
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

/* "CHN restricts graphite by 100%; RUS removed" */
void cn_i_shock_text(const cn_scenario *s, FILE *fp)
{
    char b[32];
    for (size_t i = 0; i < s->n; i++) {
        const cn_restriction *q = &s->items[i];
        if (q->mineral)
            fprintf(fp, "%s%s restricts %s by %s", i ? "; " : "", q->country, q->mineral,
                    cn_i_pct_or(b, q->fraction, "unknown"));
        else
            fprintf(fp, "%s%s removed", i ? "; " : "", q->country);
    }
}

static cJSON *flow_json(const cn_net *net, const cn_scenario_flow *f)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "country", cn_net_country_label(net, f->country));
    cJSON_AddBoolToObject(o, "supplier", f->supplier);
    cn_i_json_num(o, "share", f->share);
    if (f->rank)
        cJSON_AddNumberToObject(o, "rank", f->rank);
    else
        cJSON_AddNullToObject(o, "rank");
    cJSON_AddNumberToObject(o, "restricted", f->fraction);
    cn_i_json_num(o, "lost", f->lost);
    cn_i_json_num(o, "remaining", f->remaining);
    cn_i_json_num(o, "world_share", f->world_share);
    cn_i_json_num(o, "replacement", f->replacement);
    return o;
}

/* replacements, largest first (cn_sort_r is stable: ties keep their order); ctx: the row's flows */
static int by_replacement(const void *pa, const void *pb, void *ctx)
{
    const cn_scenario_flow *flows = ctx;
    double a = flows[*(const size_t *)pa].replacement, b = flows[*(const size_t *)pb].replacement;
    if (a != b)
        return a > b ? -1 : 1;
    return *(const size_t *)pa < *(const size_t *)pb ? -1 : 1;
}

/* "MEX 24%, CAN 16%, ..." (at most four, then "+N"): the remaining suppliers in their order, or the
 * replacements, largest first */
static void flow_list(const cn_net *net, const cn_scenario_row *r, int replacements, size_t *ix, char *buf,
                      size_t cap)
{
    size_t len = 0, shown = 0, more = 0, n = 0;
    for (size_t k = 0; k < r->nflows; k++) {
        const cn_scenario_flow *f = &r->flows[k];
        if (replacements ? f->replacement > 0 : (f->supplier && f->fraction < 1.0 && f->remaining != 0))
            ix[n++] = k;
    }
    if (replacements)
        cn_sort_r(ix, n, sizeof *ix, by_replacement, (void *)r->flows);
    buf[0] = 0;
    for (size_t j = 0; j < n; j++) {
        const cn_scenario_flow *f = &r->flows[ix[j]];
        double x = replacements ? f->replacement : f->remaining;
        if (shown == 4) {
            more++;
            continue;
        }
        char b[32];
        int k;
        if (isnan(x) && f->rank)
            k = snprintf(buf + len, cap - len, "%s%s rank %d", len ? ", " : "",
                         cn_net_country_label(net, f->country), (int)f->rank);
        else
            k = snprintf(buf + len, cap - len, "%s%s %s", len ? ", " : "", cn_net_country_label(net, f->country),
                         cn_i_pct_or(b, x, "unknown"));
        if (k < 0 || (size_t)k >= cap - len)
            break;
        len += (size_t)k;
        shown++;
    }
    if (more && len + 16 < cap)
        snprintf(buf + len, cap - len, " +%zu", more);
    if (!len)
        snprintf(buf, cap, "%s", replacements && isnan(r->covered_imports) ? "unknown" : "-");
}

enum { CONSUMER, MINERAL, NIR, NIR_BOUND, NIR_TEXT, LOST_IMPORTS, LOST, WITHHELD, ALT_WORLD, COVERAGE,
       COVERED_IMPORTS, COVERED, RESIDUAL_IMPORTS, RESIDUAL, YEAR, BASIS, NOTE, FLOWS, REMAINING, REPLACED, NCOLS };

static const cn_i_col cols[NCOLS] = {
    [CONSUMER] = {"consumer", CN_I_STR, 0},
    [MINERAL] = {"mineral", CN_I_STR, 0},
    [NIR] = {"nir", CN_I_PCT, 4},
    [NIR_BOUND] = {"nir_is_lower_bound", CN_I_BOOL, 0},
    [NIR_TEXT] = {"nir_text", CN_I_STR, 0},
    [LOST_IMPORTS] = {"lost_imports", CN_I_PCT, 4},
    [LOST] = {"lost_supply", CN_I_PCT, 4},
    [WITHHELD] = {"world_withheld", CN_I_PCT, 4},
    [ALT_WORLD] = {"alternatives_world_share", CN_I_PCT, 4},
    [COVERAGE] = {"coverage", CN_I_PCT, 4},
    [COVERED_IMPORTS] = {"covered_imports", CN_I_PCT, 4},
    [COVERED] = {"covered_supply", CN_I_PCT, 4},
    [RESIDUAL_IMPORTS] = {"shortfall_imports", CN_I_PCT, 4},
    [RESIDUAL] = {"shortfall_supply", CN_I_PCT, 4},
    [YEAR] = {"production_year", CN_I_INT, 0},
    [BASIS] = {"production_basis", CN_I_STR, 0},
    [NOTE] = {"note", CN_I_STR, 0},
    [FLOWS] = {"flows", CN_I_JSON, 0},
    [REMAINING] = {NULL, CN_I_STR, 0}, /* tables: "MEX 24%, CAN 16%, ..." */
    [REPLACED] = {NULL, CN_I_STR, 0},
};

static const cn_i_view csv_view[] = {
    {CONSUMER, "consumer", -1, NULL, 0},
    {MINERAL, "mineral", -1, NULL, 0},
    {NIR, "nir", -1, NULL, 0},
    {NIR_BOUND, "nir_is_lower_bound", -1, NULL, 0},
    {LOST_IMPORTS, "lost_imports", -1, NULL, 0},
    {LOST, "lost_supply", -1, NULL, 0},
    {WITHHELD, "world_withheld", -1, NULL, 0},
    {ALT_WORLD, "alternatives_world_share", -1, NULL, 0},
    {COVERAGE, "coverage", -1, NULL, 0},
    {COVERED_IMPORTS, "covered_imports", -1, NULL, 0},
    {COVERED, "covered_supply", -1, NULL, 0},
    {RESIDUAL_IMPORTS, "shortfall_imports", -1, NULL, 0},
    {RESIDUAL, "shortfall_supply", -1, NULL, 0},
    {YEAR, "production_year", -1, NULL, 0},
    {BASIS, "production_basis", -1, NULL, 0},
    {NOTE, "note", -1, NULL, 0},
};

static const cn_i_view text_view[] = {
    {CONSUMER, "CONSUMER", -1, "-", 0},
    {MINERAL, "MINERAL", -1, "-", 0},
    {NIR, "NIR", -1, "unknown", 1},
    {LOST_IMPORTS, "LOST/IMPORTS", -1, "unknown", 1},
    {LOST, "LOST/SUPPLY", -1, "unknown", 1},
    {WITHHELD, "WORLD WITHHELD", -1, "unknown", 1},
    {COVERAGE, "GAP COVERED", -1, "unknown", 1},
    {RESIDUAL_IMPORTS, "SHORTFALL/IMPORTS", -1, "unknown", 1},
    {RESIDUAL, "SHORTFALL/SUPPLY", -1, "unknown", 1},
    {REMAINING, "REMAINING", -1, "-", 0},
    {REPLACED, "REPLACED BY (of imports)", -1, "-", 0},
    {NOTE, "NOTE", -1, NULL, 0},
};

static const cn_i_layout layout = {cols, NCOLS, csv_view, text_view, sizeof csv_view / sizeof *csv_view,
                                   sizeof text_view / sizeof *text_view};

typedef struct ctx {
    const cn_net *net;
    const cn_scenario_result *r;
    cn_format fmt;
    size_t *ix; /* flow_list's scratch: as many as the most flows of a row */
    char rem[256], rep[256];
} ctx;

static void fill(void *p, size_t i, cn_i_cell *c)
{
    ctx *k = p;
    const cn_net *net = k->net;
    const cn_scenario_row *x = &k->r->rows[i];
    c[CONSUMER].s = net->vertices[x->consumer].id;
    c[MINERAL].s = net->vertices[x->mineral].id;
    c[NIR].x = x->has_nir ? x->nir : NAN;
    if (x->nir_bound) {
        char b[32];
        snprintf(c[NIR].buf, sizeof c[NIR].buf, ">=%s", cn_i_pct_or(b, c[NIR].x, "unknown"));
        c[NIR].s = c[NIR].buf;
    }
    c[NIR_BOUND].x = x->nir_bound;
    c[NIR_TEXT].s = x->nir_text;
    c[LOST_IMPORTS].x = x->lost_imports;
    c[LOST].x = x->lost;
    c[WITHHELD].x = x->withheld;
    c[ALT_WORLD].x = x->alt_world;
    c[COVERAGE].x = x->coverage;
    c[COVERED_IMPORTS].x = x->covered_imports;
    c[COVERED].x = x->covered;
    c[RESIDUAL_IMPORTS].x = x->residual_imports;
    c[RESIDUAL].x = x->residual;
    c[YEAR].x = x->prod_year ? x->prod_year : NAN;
    c[BASIS].s = x->prod_basis;
    c[NOTE].s = x->note[0] ? x->note : NULL;
    if (k->fmt == CN_FORMAT_JSON) {
        cJSON *arr = c[FLOWS].j = cJSON_CreateArray();
        for (size_t f = 0; arr && f < x->nflows; f++)
            cJSON_AddItemToArray(arr, flow_json(net, &x->flows[f]));
    } else if (k->fmt != CN_FORMAT_CSV) {
        flow_list(net, x, 0, k->ix, k->rem, sizeof k->rem);
        flow_list(net, x, 1, k->ix, k->rep, sizeof k->rep);
        c[REMAINING].s = k->rem;
        c[REPLACED].s = k->rep;
    }
}

cn_status cn_report_scenario(const cn_net *net, const cn_scenario *s, const cn_scenario_result *r, cn_format fmt,
                             FILE *fp, cn_error *err)
{
    size_t most = 0;
    for (size_t i = 0; i < r->n; i++)
        most = r->rows[i].nflows > most ? r->rows[i].nflows : most;
    ctx k = {net, r, fmt, malloc((most + 1) * sizeof *k.ix), "", ""};
    if (!k.ix)
        return cn_i_oom(err);
    cn_status st;
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject(); /* NULL: every cJSON_Add below does nothing */
        cn_i_json_str(root, "dataset", net->name);
        cJSON *sc = cJSON_AddObjectToObject(root, "scenario");
        cn_i_json_str(sc, "name", s->name);
        cJSON_AddItemToObject(sc, "restrictions", cn_i_shock_json(s));
        cJSON_AddNumberToObject(sc, "spare", s->spare);
        st = cn_i_json_rows(root, "rows", &layout, fill, &k, r->n, fp, err);
    } else {
        if (fmt != CN_FORMAT_CSV) {
            fprintf(fp, "Scenario%s%s: ", s->name ? " " : "", s->name ? s->name : "");
            cn_i_shock_text(s, fp);
            fprintf(fp, " (%s); alternatives divert up to %s of their production\n\n",
                    net->name ? net->name : "data", cn_i_pct_or((char[32]){0}, s->spare, "unknown"));
        }
        st = cn_i_rows_write(&layout, fill, &k, r->n, fmt, fp, err);
    }
    free(k.ix);
    return st;
}
