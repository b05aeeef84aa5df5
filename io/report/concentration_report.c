/* io/report/concentration_report.c: the concentration result as a text table, CSV, Markdown or JSON, from
 * one column table. Shares (top, CR3, residual, other) are fractions in JSON and CSV and percentages in
 * tables (cells_i.h). Unknown figures are "-" / "unknown" in tables, empty in CSV and null in JSON. */
#include "critnet/report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "critnet/concentration.h"
#include "report/cells_i.h"

enum { MINERAL, STAGE, YEAR, PERIOD, LISTED, UNKNOWN, TOP, TOP_RANK, TOP_SHARE, CR3, HHI, HHI_MAX, EFFECTIVE,
       RESIDUAL, OTHER, TOTAL, UNIT, SOURCE, WHEN, SHARES_OF, STATUS, TOTAL_MIN, SHARES_MAX, NCOLS };

static const cn_i_col cols[NCOLS] = {
    [MINERAL] = {"mineral", CN_I_STR, 0},     [STAGE] = {"stage", CN_I_STR, 0},
    [YEAR] = {"year", CN_I_INT, 0},           [PERIOD] = {"period", CN_I_STR, 0},
    [LISTED] = {"listed", CN_I_INT, 0},       [UNKNOWN] = {"share_unknown", CN_I_INT, 0},
    [TOP] = {"top", CN_I_STR, 0},             [TOP_RANK] = {"top_rank", CN_I_INT, 0},
    [TOP_SHARE] = {"top_share", CN_I_PCT, 4}, [CR3] = {"cr3", CN_I_PCT, 4},
    [HHI] = {"hhi", CN_I_NUM, 4},             [HHI_MAX] = {"hhi_max", CN_I_NUM, 4},
    [EFFECTIVE] = {"effective", CN_I_NUM, 4}, [RESIDUAL] = {"residual", CN_I_PCT, 4},
    [OTHER] = {"other_share", CN_I_PCT, 4},   [TOTAL] = {"total", CN_I_NUM, 6},
    [UNIT] = {"unit", CN_I_STR, 0},           [SOURCE] = {"source", CN_I_STR, 0},
    [WHEN] = {NULL, CN_I_STR, 0}, /* tables: the year, else the period */
    [SHARES_OF] = {"shares_of", CN_I_STR, 0}, [STATUS] = {"status", CN_I_STR, 0}, /* reserves only */
    [TOTAL_MIN] = {"world_reserves_at_least", CN_I_BOOL, 0},    /* reserves only: world printed ">X" */
    [SHARES_MAX] = {"shares_are_upper_bounds", CN_I_BOOL, 0},   /* reserves only: shares of that bound */
};

static const cn_i_view csv_view[] = {
    {MINERAL, "mineral", -1, NULL, 0},     {YEAR, "year", -1, NULL, 0},
    {PERIOD, "period", -1, NULL, 0},       {LISTED, "listed", -1, NULL, 0},
    {UNKNOWN, "share_unknown", -1, NULL, 0}, {TOP, "top", -1, NULL, 0},
    {TOP_RANK, "top_rank", -1, NULL, 0},   {TOP_SHARE, "top_share", -1, NULL, 0},
    {CR3, "cr3", -1, NULL, 0},             {HHI, "hhi", -1, NULL, 0},
    {HHI_MAX, "hhi_max", -1, NULL, 0},     {EFFECTIVE, "effective", -1, NULL, 0},
    {RESIDUAL, "residual", -1, NULL, 0},   {OTHER, "other_share", -1, NULL, 0},
    {TOTAL, "total", -1, NULL, 0},         {UNIT, "unit", -1, NULL, 0},
};

/* column 1 is "YEAR" (world production) or "PERIOD" (imports) */
static const cn_i_view text_view[] = {
    {MINERAL, "MINERAL", -1, "-", 0}, {WHEN, "PERIOD", -1, "-", 1},  {LISTED, "LISTED", -1, "-", 1},
    {TOP, "TOP", -1, "-", 0},         {TOP_SHARE, "SHARE", 4, "-", 1}, {CR3, "CR3", 4, "-", 1},
    {HHI, "HHI", 4, "-", 1},          {EFFECTIVE, "EFF.N", 2, "-", 1}, {RESIDUAL, "RESIDUAL", 4, "-", 1},
    {OTHER, "OTHER", 4, "-", 1},
};

/* --layer reserves: world reserves, what the shares are of, and "no data" where a mineral has no figure */
static const cn_i_view res_csv[] = {
    {MINERAL, "mineral", -1, NULL, 0},       {YEAR, "year", -1, NULL, 0},
    {LISTED, "listed", -1, NULL, 0},         {UNKNOWN, "share_unknown", -1, NULL, 0},
    {TOP, "top", -1, NULL, 0},               {TOP_SHARE, "top_share", -1, NULL, 0},
    {CR3, "cr3", -1, NULL, 0},               {HHI, "hhi", -1, NULL, 0},
    {HHI_MAX, "hhi_max", -1, NULL, 0},       {EFFECTIVE, "effective", -1, NULL, 0},
    {RESIDUAL, "residual", -1, NULL, 0},     {OTHER, "other_share", -1, NULL, 0},
    {TOTAL, "world_reserves", -1, NULL, 0},  {UNIT, "unit", -1, NULL, 0},
    {SHARES_OF, "shares_of", -1, NULL, 0},   {STATUS, "status", -1, NULL, 0},
    {TOTAL_MIN, "world_reserves_at_least", -1, NULL, 0}, {SHARES_MAX, "shares_are_upper_bounds", -1, NULL, 0},
};
static const cn_i_view res_text[] = {
    {MINERAL, "MINERAL", -1, "-", 0},    {YEAR, "YEAR", -1, "-", 1},       {LISTED, "KNOWN", -1, "-", 1},
    {TOP, "TOP", -1, "-", 0},            {TOP_SHARE, "SHARE", 4, "-", 1},  {CR3, "CR3", 4, "-", 1},
    {HHI, "HHI", 4, "-", 1},             {EFFECTIVE, "EFF.N", 2, "-", 1},  {OTHER, "OTHER", 4, "-", 1},
    {TOTAL, "WORLD", 6, "-", 1},         {UNIT, "UNIT", -1, "", 0},        {SHARES_OF, "OF", -1, "", 0},
};
static const char *const shares_of_names[] = {NULL, "world total", "listed figures"};

/* tables: a figure that is a bound, written with its sign ("<=65.6%", ">=1.91"); unknown stays unknown */
static void bounded(cn_i_cell *c, const char *sign, int pct, int decimals)
{
    char b[32];
    if (isnan(c->x))
        return;
    snprintf(c->buf, sizeof c->buf, "%s%s", sign, pct ? cn_i_pct(b, c->x) : cn_i_num(b, c->x, decimals));
    c->s = c->buf;
}

typedef struct ctx {
    const cn_net *net;
    const cn_concentration_result *r;
    int table; /* a text or Markdown table (not CSV or JSON) */
} ctx;

static void fill(void *p, size_t i, cn_i_cell *c)
{
    const ctx *k = p;
    const cn_net *net = k->net;
    const cn_concentration_row *r = &k->r->rows[i];
    const cn_vertex *m = &net->vertices[r->mineral];
    c[MINERAL].s = m->id;
    c[STAGE].s = m->stage;
    c[YEAR].x = r->year ? r->year : NAN;
    c[PERIOD].s = r->period;
    c[LISTED].x = r->n_listed;
    c[UNKNOWN].x = r->n_unknown;
    c[TOP].s = r->top == CN_NONE ? NULL : cn_net_country_label(net, r->top);
    c[TOP_RANK].x = r->top_rank ? r->top_rank : NAN;
    c[TOP_SHARE].x = r->c.top_share;
    if (isnan(r->c.top_share) && c[TOP].s)
        c[TOP_SHARE].s = "unknown";
    c[CR3].x = r->c.cr3;
    c[HHI].x = r->c.hhi;
    c[HHI_MAX].x = r->c.hhi_max;
    c[EFFECTIVE].x = r->c.effective;
    if (isnan(r->c.effective) && !isnan(r->c.effective_min)) /* "other" dominates: the bound, said so */
        snprintf(c[EFFECTIVE].buf, sizeof c[EFFECTIVE].buf, ">=%.2f", r->c.effective_min),
            c[EFFECTIVE].s = c[EFFECTIVE].buf;
    c[RESIDUAL].x = r->c.residual;
    c[OTHER].x = r->other_share;
    c[TOTAL].x = r->total;
    c[UNIT].s = r->unit;
    c[SOURCE].s = r->source >= 0 ? net->sources[r->source].url : NULL;
    if (r->year)
        snprintf(c[WHEN].buf, sizeof c[WHEN].buf, "%d", (int)r->year), c[WHEN].s = c[WHEN].buf;
    else
        c[WHEN].s = r->period;
    c[SHARES_OF].s = shares_of_names[r->shares_of];
    if (k->r->layer == CN_LAYER_RESERVES && !isnan(r->total)) /* tables: reserves as printed, no decimals added */
        snprintf(c[TOTAL].buf, sizeof c[TOTAL].buf, "%.10g", r->total), c[TOTAL].s = c[TOTAL].buf;
    c[STATUS].s = NULL;
    if (k->r->layer == CN_LAYER_RESERVES && !r->shares_of) { /* no reserves figure: said, never a blank row */
        c[STATUS].s = "no data";
        c[TOP].s = k->table ? "no data" : NULL;
    }
    c[TOTAL_MIN].x = r->total_min;
    c[SHARES_MAX].x = r->shares_max;
    if (k->r->layer == CN_LAYER_RESERVES && k->table && r->total_min) /* as printed: at least that */
        snprintf(c[TOTAL].buf, sizeof c[TOTAL].buf, ">%.10g", r->total), c[TOTAL].s = c[TOTAL].buf;
    if (k->r->layer == CN_LAYER_RESERVES && k->table && r->shares_max) { /* shares of a lower bound: at most */
        bounded(&c[TOP_SHARE], "<=", 1, 0);
        bounded(&c[CR3], "<=", 1, 0);
        bounded(&c[OTHER], "<=", 1, 0);
        bounded(&c[HHI], "<=", 0, 4);
        bounded(&c[HHI_MAX], "<=", 0, 4);
        c[EFFECTIVE].x = !isnan(r->c.effective) ? r->c.effective : r->c.effective_min;
        bounded(&c[EFFECTIVE], ">=", 0, 2);
    }
    if (k->r->layer == CN_LAYER_RESERVES && k->table && r->n_unknown) /* "2/8": 6 listed without a figure */
        snprintf(c[LISTED].buf, sizeof c[LISTED].buf, "%d/%d", (int)(r->n_listed - r->n_unknown), (int)r->n_listed),
            c[LISTED].s = c[LISTED].buf;
}

cn_status cn_report_concentration(const cn_net *net, const cn_concentration_result *r, cn_format fmt, FILE *fp,
                                  cn_error *err)
{
    int prod = r->layer == CN_LAYER_PRODUCTION, reserves = r->layer == CN_LAYER_RESERVES;
    int exports = prod && cn_i_production_is_exports(net);
    ctx k = {net, r, fmt != CN_FORMAT_CSV && fmt != CN_FORMAT_JSON};
    cn_i_view text[sizeof text_view / sizeof *text_view];
    memcpy(text, text_view, sizeof text);
    text[1].header = prod ? "YEAR" : "PERIOD";
    cn_i_layout layout = {cols, SHARES_OF, csv_view, text, sizeof csv_view / sizeof *csv_view,
                          sizeof text / sizeof *text}; /* the reserves columns are the reserves layer's only */
    cn_i_col rcols[NCOLS];
    memcpy(rcols, cols, sizeof rcols);
    rcols[TOTAL].key = "world_reserves";
    rcols[PERIOD].key = rcols[TOP_RANK].key = NULL; /* no periods or ranks among reserves */
    if (reserves)
        layout = (cn_i_layout){rcols, NCOLS, res_csv, res_text, sizeof res_csv / sizeof *res_csv,
                               sizeof res_text / sizeof *res_text};
    if (fmt == CN_FORMAT_JSON && reserves) {
        cJSON *root = cJSON_CreateObject();
        if (net->name)
            cJSON_AddStringToObject(root, "dataset", net->name);
        cJSON_AddStringToObject(root, "layer", "reserves");
        return cn_i_json_rows(root, "minerals", &layout, fill, &k, r->n, fp, err);
    }
    if (reserves && fmt != CN_FORMAT_CSV)
        fprintf(fp, "World-reserves concentration (%s): shares of world reserves (OF: the printed world total, else "
                "the sum of the listed figures); KNOWN: holders with a figure / listed; a world total printed as a "
                "bound (>X: at least X) makes the shares upper bounds (<=) and EFF.N a lower bound (>=)\n\n",
                net->name ? net->name : "data");
    if (reserves)
        return cn_i_rows_write(&layout, fill, &k, r->n, fmt, fp, err);
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject(); /* NULL: every cJSON_Add below does nothing */
        if (net->name)
            cJSON_AddStringToObject(root, "dataset", net->name);
        cJSON_AddStringToObject(root, "layer", prod ? "production" : "imports");
        if (exports)
            cJSON_AddStringToObject(root, "shares_of", "world exports");
        if (!prod)
            cJSON_AddStringToObject(root, "consumer", net->vertices[r->consumer].id);
        return cn_i_json_rows(root, "minerals", &layout, fill, &k, r->n, fp, err);
    }
    if (fmt != CN_FORMAT_CSV) {
        if (prod && exports)
            fprintf(fp, "World-export concentration (%s): shares of world exports (trade data: exports, not "
                    "production)\n\n", net->name ? net->name : "data");
        else if (prod)
            fprintf(fp, "World-production concentration (%s): shares of the world total\n\n",
                    net->name ? net->name : "data");
        else
            fprintf(fp, "Import concentration of %s (%s): shares of its imports\n\n", net->vertices[r->consumer].id,
                    net->name ? net->name : "data");
    }
    return cn_i_rows_write(&layout, fill, &k, r->n, fmt, fp, err);
}
