/* io/report/risk_report.c: the risk result (critnet/risk.h) as a text table, CSV, Markdown or JSON, from one
 * column table; names the method, the consumer and where the governance and parameter figures come from. */
#include "critnet/risk_io.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/cells_i.h"

enum { MINERAL, RISK, OVER, STAGE, PROD_YEAR, WGI_YEAR, HHI, HHI_WGI_GS, HHI_WGI_SRC, GS_NO_WGI, SRC_NO_WGI, IR,
       IR_FROM, EOL_RIR, SI_SR, NOTE, FLAG, NCOLS };

static const cn_i_col cols[NCOLS] = {
    [MINERAL] = {"mineral", CN_I_STR, 0},        [RISK] = {"risk", CN_I_NUM, 12},
    [OVER] = {"over_threshold", CN_I_BOOL, 0},   [STAGE] = {"stage", CN_I_STR, 0},
    [PROD_YEAR] = {"production_year", CN_I_INT, 0}, [WGI_YEAR] = {"wgi_year", CN_I_INT, 0},
    [HHI] = {"hhi", CN_I_NUM, 12},               [HHI_WGI_GS] = {"hhi_wgi_gs", CN_I_NUM, 12},
    [HHI_WGI_SRC] = {"hhi_wgi_sourcing", CN_I_NUM, 12}, [GS_NO_WGI] = {"gs_share_without_wgi", CN_I_NUM, 6},
    [SRC_NO_WGI] = {"sourcing_share_without_wgi", CN_I_NUM, 6}, [IR] = {"ir", CN_I_NUM, 6},
    [IR_FROM] = {"ir_from", CN_I_STR, 0},        [EOL_RIR] = {"eol_rir", CN_I_NUM, 6},
    [SI_SR] = {"si_sr", CN_I_NUM, 6},            [NOTE] = {"note", CN_I_STR, 0},
    [FLAG] = {NULL, CN_I_STR, 0}, /* tables: "SR>=1", the EU threshold */
};

static const cn_i_view csv_view[] = {
    {MINERAL, "mineral", -1, NULL, 0},         {RISK, "risk", -1, NULL, 0},
    {OVER, "over_threshold", -1, NULL, 0},     {STAGE, "stage", -1, NULL, 0},
    {PROD_YEAR, "production_year", -1, NULL, 0}, {WGI_YEAR, "wgi_year", -1, NULL, 0},
    {HHI, "hhi", -1, NULL, 0},                 {HHI_WGI_GS, "hhi_wgi_gs", -1, NULL, 0},
    {HHI_WGI_SRC, "hhi_wgi_sourcing", -1, NULL, 0}, {GS_NO_WGI, "gs_share_without_wgi", -1, NULL, 0},
    {SRC_NO_WGI, "sourcing_share_without_wgi", -1, NULL, 0}, {IR, "ir", -1, NULL, 0},
    {IR_FROM, "ir_from", -1, NULL, 0},         {EOL_RIR, "eol_rir", -1, NULL, 0},
    {SI_SR, "si_sr", -1, NULL, 0},             {NOTE, "note", -1, NULL, 0},
};

static const cn_i_view text_view[] = {
    {MINERAL, "MINERAL", -1, "-", 0},   {RISK, "RISK", 4, "no data", 1},   {FLAG, "FLAG", -1, "", 0},
    {STAGE, "STAGE", -1, "-", 0},       {HHI_WGI_GS, "HHI_WGI.GS", 4, "-", 1},
    {HHI_WGI_SRC, "HHI_WGI.SRC", 4, "-", 1}, {IR, "IR", 2, "-", 1},   {IR_FROM, "IR.FROM", -1, "-", 0},
    {EOL_RIR, "EOL_RIR", 2, "-", 1},    {SI_SR, "SI_SR", 2, "-", 1},   {WGI_YEAR, "WGI", -1, "-", 1},
    {NOTE, "NOTE", -1, "", 0},
};

typedef struct ctx {
    const cn_net *net;
    const cn_risk_result *r;
} ctx;

static void fill(void *p, size_t i, cn_i_cell *c)
{
    const ctx *k = p;
    const cn_risk_row *r = &k->r->rows[i];
    static const char *const from[] = {NULL, "params", "dataset"};
    c[MINERAL].s = k->net->vertices[r->mineral].id;
    c[RISK].x = r->risk;
    c[OVER].x = r->over;
    c[STAGE].s = cn_risk_stage_name(r->stage);
    c[PROD_YEAR].x = r->prod_year ? r->prod_year : NAN;
    c[WGI_YEAR].x = r->wgi_year ? r->wgi_year : NAN;
    c[HHI].x = r->hhi;
    c[HHI_WGI_GS].x = r->hhi_wgi_gs;
    c[HHI_WGI_SRC].x = r->hhi_wgi_src;
    c[GS_NO_WGI].x = r->gs_no_wgi;
    c[SRC_NO_WGI].x = r->src_no_wgi;
    c[IR].x = r->ir;
    c[IR_FROM].s = (unsigned)r->ir_from < 3 ? from[r->ir_from] : NULL;
    c[EOL_RIR].x = r->eol_rir;
    c[SI_SR].x = r->si_sr;
    c[NOTE].s = r->note;
    if (r->over)
        snprintf(c[FLAG].buf, sizeof c[FLAG].buf, "SR>=%g", k->r->threshold), c[FLAG].s = c[FLAG].buf;
}

cn_status cn_report_risk(const cn_net *net, const cn_risk_result *r, const cn_risk_inputs *in, cn_format fmt,
                         FILE *fp, cn_error *err)
{
    ctx k = {net, r};
    int sr = r->method == CN_RISK_EU_SR;
    cn_i_layout layout = {cols, NCOLS, csv_view, text_view, sizeof csv_view / sizeof *csv_view,
                          sizeof text_view / sizeof *text_view};
    const char *consumer = net->vertices[r->consumer].id;
    const char *wsrc = in->wgi_source ? in->wgi_source : "none";
    const char *psrc = in->params_source ? in->params_source : "none";
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject(); /* NULL: every cJSON_Add below does nothing */
        if (net->name)
            cJSON_AddStringToObject(root, "dataset", net->name);
        cJSON_AddStringToObject(root, "method", cn_risk_method_name(r->method));
        cJSON_AddStringToObject(root, "consumer", consumer);
        if (sr)
            cn_i_json_num(root, "threshold", r->threshold);
        cJSON_AddStringToObject(root, "wgi_source", wsrc);
        cJSON_AddStringToObject(root, "params_source", psrc);
        return cn_i_json_rows(root, "minerals", &layout, fill, &k, r->n, fp, err);
    }
    if (fmt != CN_FORMAT_CSV) {
        static const char *const what[] = {
            "EU supply risk SR = [HHI_WGI,t(GS) IR/2 + HHI_WGI,t(sourcing) (1 - IR/2)] (1 - EoL_RIR) SI_SR",
            "GeoPolRisk = HHI x IR x sum of g_i s_i over import sources (g = WGI scaled 0..1)",
            "HHI_WGI,t of world supply = sum of s_c^2 WGI_c t_c (WGI scaled 0..10)"};
        fprintf(fp, "%s\nconsumer %s (%s); governance: %s; parameters: %s\n\n", what[(unsigned)r->method % 3],
                consumer, net->name ? net->name : "data", wsrc, psrc);
    }
    return cn_i_rows_write(&layout, fill, &k, r->n, fmt, fp, err);
}
