/* io/report/traderisk_report.c: the systemic trade risk result (critnet/traderisk.h): per mineral the largest
 * eigenvalue and SCC of its vulnerability matrix, then each country's TradeRisk, as text, CSV, Markdown or JSON. */
#include "critnet/risk_io.h"

#include <math.h>
#include <stdio.h>

#include "report/cells_i.h"

enum { MINERAL, COUNTRY, DIRECT, TRADERISK, NCOLS };

static const cn_i_col cols[NCOLS] = {
    [MINERAL] = {"mineral", CN_I_STR, 0}, [COUNTRY] = {"country", CN_I_STR, 0},
    [DIRECT] = {"direct", CN_I_NUM, 12},  [TRADERISK] = {"traderisk", CN_I_NUM, 12},
};

static const cn_i_view csv_view[] = {
    {MINERAL, "mineral", -1, NULL, 0}, {COUNTRY, "country", -1, NULL, 0},
    {DIRECT, "direct", -1, NULL, 0},   {TRADERISK, "traderisk", -1, NULL, 0},
};

static const cn_i_view text_view[] = {
    {MINERAL, "MINERAL", -1, "-", 0}, {COUNTRY, "COUNTRY", -1, "-", 0},
    {DIRECT, "DIRECT", 4, "-", 1},    {TRADERISK, "TRADERISK", 4, "-", 1},
};

typedef struct ctx {
    const cn_net *net;
    const cn_traderisk_result *r;
} ctx;

static void fill(void *p, size_t i, cn_i_cell *c)
{
    const ctx *k = p;
    const cn_traderisk_row *r = &k->r->rows[i];
    c[MINERAL].s = k->net->vertices[r->mineral].id;
    c[COUNTRY].s = k->net->vertices[r->country].id;
    c[DIRECT].x = r->direct;
    c[TRADERISK].x = r->traderisk;
}

cn_status cn_report_traderisk(const cn_net *net, const cn_traderisk_result *r, const cn_risk_inputs *in,
                              cn_format fmt, FILE *fp, cn_error *err)
{
    ctx k = {net, r};
    cn_i_layout layout = {cols, NCOLS, csv_view, text_view, sizeof csv_view / sizeof *csv_view,
                          sizeof text_view / sizeof *text_view};
    const char *wsrc = in->wgi_source ? in->wgi_source : "none";
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject(); /* NULL: every cJSON_Add below does nothing */
        if (net->name)
            cJSON_AddStringToObject(root, "dataset", net->name);
        cJSON_AddStringToObject(root, "wgi_source", wsrc);
        cJSON_AddNumberToObject(root, "wgi_year", r->wgi_year);
        cJSON_AddNumberToObject(root, "damping", r->damping);
        cJSON *ms = cJSON_AddArrayToObject(root, "matrices");
        for (size_t i = 0; i < r->nminerals; i++) {
            const cn_traderisk_mineral *m = &r->minerals[i];
            cJSON *o = cJSON_CreateObject();
            cJSON_AddItemToArray(ms, o);
            cJSON_AddStringToObject(o, "mineral", net->vertices[m->mineral].id);
            cJSON_AddNumberToObject(o, "countries", m->ncountries);
            cJSON_AddNumberToObject(o, "links", m->nlinks);
            cn_i_json_num(o, "lambda_max", m->lambda_max);
            cJSON_AddNumberToObject(o, "largest_scc", m->scc);
            cn_i_json_num(o, "import_share_without_pv", m->no_pv);
        }
        return cn_i_json_rows(root, "countries", &layout, fill, &k, r->n, fp, err);
    }
    if (fmt != CN_FORMAT_CSV) {
        char a[32], b[32];
        fprintf(fp, "Systemic trade risk (Klimek et al. 2015) (%s): V_ij = share of j's imports from i x (2.5 - PV_i)/5,\n"
                    "TradeRisk x = d + %.2f V^T x, d_j = sum_i V_ij; governance: %s, %d\n\n",
                net->name ? net->name : "data", r->damping, wsrc, (int)r->wgi_year);
        fprintf(fp, "%-24s %9s %6s %11s %6s %12s\n", "MINERAL", "COUNTRIES", "LINKS", "LAMBDA_MAX", "SCC", "NO_PV_SHARE");
        for (size_t i = 0; i < r->nminerals; i++) {
            const cn_traderisk_mineral *m = &r->minerals[i];
            fprintf(fp, "%-24s %9d %6d %11s %6d %12s\n", net->vertices[m->mineral].id, (int)m->ncountries,
                    (int)m->nlinks, cn_i_num_or(a, m->lambda_max, 4, "-"), (int)m->scc, cn_i_num_or(b, m->no_pv, 4, "-"));
        }
        fputc('\n', fp);
    }
    return cn_i_rows_write(&layout, fill, &k, r->n, fmt, fp, err);
}
