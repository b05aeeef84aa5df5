/* io/report/scenario_report.c: the direct scenario result as a text table, CSV, Markdown or JSON (with every
 * supplier's lost, remaining and replacement flow, for renderers). Formats only; computes nothing. */
#include "critnet/report.h"

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

static cJSON *row_json(const cn_net *net, const cn_scenario_row *r)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "consumer", net->vertices[r->consumer].id);
    cJSON_AddStringToObject(o, "mineral", net->vertices[r->mineral].id);
    cn_i_json_num(o, "nir", r->has_nir ? r->nir : NAN);
    cJSON_AddBoolToObject(o, "nir_is_lower_bound", r->nir_bound);
    cn_i_json_str(o, "nir_text", r->nir_text);
    cn_i_json_num(o, "lost_imports", r->lost_imports);
    cn_i_json_num(o, "lost_supply", r->lost);
    cn_i_json_num(o, "world_withheld", r->withheld);
    cn_i_json_num(o, "alternatives_world_share", r->alt_world);
    cn_i_json_num(o, "coverage", r->coverage);
    cn_i_json_num(o, "covered_imports", r->covered_imports);
    cn_i_json_num(o, "covered_supply", r->covered);
    cn_i_json_num(o, "shortfall_imports", r->residual_imports);
    cn_i_json_num(o, "shortfall_supply", r->residual);
    if (r->prod_year)
        cJSON_AddNumberToObject(o, "production_year", r->prod_year);
    else
        cJSON_AddNullToObject(o, "production_year");
    cn_i_json_str(o, "production_basis", r->prod_basis);
    cn_i_json_str(o, "note", r->note[0] ? r->note : NULL);
    cJSON *arr = cJSON_AddArrayToObject(o, "flows");
    for (size_t k = 0; k < r->nflows; k++)
        cJSON_AddItemToArray(arr, flow_json(net, &r->flows[k]));
    return o;
}

static const cn_scenario_flow *g_flows; /* for the comparator; single-threaded */

static int by_replacement(const void *pa, const void *pb)
{
    double a = g_flows[*(const size_t *)pa].replacement, b = g_flows[*(const size_t *)pb].replacement;
    if (a != b)
        return a > b ? -1 : 1;
    return *(const size_t *)pa < *(const size_t *)pb ? -1 : 1;
}

/* "MEX 24.0%, CAN 16.0%, ..." (at most four, then "+N"): the remaining suppliers in their order, or the
 * replacements, largest first */
static cn_status flow_list(const cn_net *net, const cn_scenario_row *r, int replacements, char *buf, size_t cap)
{
    size_t len = 0, shown = 0, more = 0, n = 0;
    size_t *ix = malloc((r->nflows + 1) * sizeof *ix);
    if (!ix)
        return CN_ENOMEM;
    for (size_t k = 0; k < r->nflows; k++) {
        const cn_scenario_flow *f = &r->flows[k];
        if (replacements ? f->replacement > 0 : (f->supplier && f->fraction < 1.0 && f->remaining != 0))
            ix[n++] = k;
    }
    g_flows = r->flows;
    if (replacements)
        qsort(ix, n, sizeof *ix, by_replacement);
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
    free(ix);
    if (more && len + 16 < cap)
        snprintf(buf + len, cap - len, " +%zu", more);
    if (!len)
        snprintf(buf, cap, "%s", replacements && isnan(r->covered_imports) ? "unknown" : "-");
    return CN_OK;
}

cn_status cn_report_scenario(const cn_net *net, const cn_scenario *s, const cn_scenario_result *r, cn_format fmt,
                             FILE *fp, cn_error *err)
{
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject();
        cn_i_json_str(root, "dataset", net->name);
        cJSON *sc = cJSON_AddObjectToObject(root, "scenario");
        cn_i_json_str(sc, "name", s->name);
        cJSON_AddItemToObject(sc, "restrictions", cn_i_shock_json(s));
        cJSON_AddNumberToObject(sc, "spare", s->spare);
        cJSON *arr = cJSON_AddArrayToObject(root, "rows");
        for (size_t i = 0; i < r->n; i++)
            cJSON_AddItemToArray(arr, row_json(net, &r->rows[i]));
        return cn_i_json_finish(root, fp, err);
    }
    int csv = fmt == CN_FORMAT_CSV;
    static const char *const text_hdr[] = {"CONSUMER", "MINERAL", "NIR", "LOST/IMPORTS", "LOST/SUPPLY",
                                           "WORLD WITHHELD", "GAP COVERED", "SHORTFALL/IMPORTS",
                                           "SHORTFALL/SUPPLY", "REMAINING",
                                           "REPLACED BY (of imports)", "NOTE"};
    static const char *const csv_hdr[] = {"consumer", "mineral", "nir", "nir_is_lower_bound", "lost_imports",
                                          "lost_supply", "world_withheld", "alternatives_world_share",
                                          "coverage", "covered_imports", "covered_supply",
                                          "shortfall_imports", "shortfall_supply", "production_year",
                                          "production_basis", "note"};
    cn_table t;
    cn_status st = cn_table_init(&t, csv ? 16 : 12, csv ? csv_hdr : text_hdr, err);
        if (st)
        return st;
    if (!csv)
        t.right = 0x1FCu; /* columns 2-8 */
    for (size_t i = 0; i < r->n; i++) {
        const cn_scenario_row *x = &r->rows[i];
        char b[16][32];
        const char *note = x->note[0] ? x->note : NULL;
        const char *cons = net->vertices[x->consumer].id, *min = net->vertices[x->mineral].id;
        double nir = x->has_nir ? x->nir : NAN;
        if (csv) {
            char year[16];
            snprintf(year, sizeof year, "%d", (int)x->prod_year);
            const char *row[] = {cons, min, cn_i_num(b[0], nir, 4), x->nir_bound ? "1" : "0",
                                 cn_i_num(b[1], x->lost_imports, 4), cn_i_num(b[2], x->lost, 4),
                                 cn_i_num(b[3], x->withheld, 4), cn_i_num(b[4], x->alt_world, 4),
                                 cn_i_num(b[5], x->coverage, 4), cn_i_num(b[6], x->covered_imports, 4),
                                 cn_i_num(b[7], x->covered, 4), cn_i_num(b[8], x->residual_imports, 4),
                                 cn_i_num(b[9], x->residual, 4), x->prod_year ? year : NULL, x->prod_basis,
                                 note};
            st = cn_table_add(&t, row, err);
        } else {
            char rem[256], rep[256], nirb[40];
            if (flow_list(net, x, 0, rem, sizeof rem) || flow_list(net, x, 1, rep, sizeof rep)) {
                cn_table_free(&t);
                return cn_i_oom(err);
            }
            if (x->nir_bound)
                snprintf(nirb, sizeof nirb, ">=%s", cn_i_pct_or(b[0], nir, "unknown"));
            else
                snprintf(nirb, sizeof nirb, "%s", cn_i_pct_or(b[0], nir, "unknown"));
            const char *row[] = {cons, min, nirb, cn_i_pct_or(b[1], x->lost_imports, "unknown"),
                                 cn_i_pct_or(b[2], x->lost, "unknown"), cn_i_pct_or(b[3], x->withheld, "unknown"),
                                 cn_i_pct_or(b[4], x->coverage, "unknown"), cn_i_pct_or(b[5], x->residual_imports, "unknown"),
                                 cn_i_pct_or(b[6], x->residual, "unknown"), rem, rep,
                                 note};
            st = cn_table_add(&t, row, err);
        }
        if (st) {
            cn_table_free(&t);
            return st;
        }
    }
    if (!csv) {
        fprintf(fp, "Scenario%s%s: ", s->name ? " " : "", s->name ? s->name : "");
        cn_i_shock_text(s, fp);
        fprintf(fp, " (%s); alternatives divert up to %s of their production\n\n",
                net->name ? net->name : "data", cn_i_pct_or((char[32]){0}, s->spare, "unknown"));
    }
    st = cn_table_write(&t, fp, fmt, err);
    cn_table_free(&t);
    return st;
}
