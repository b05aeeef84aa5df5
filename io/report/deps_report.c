/* io/report/deps_report.c: the deps result as a text table, CSV, Markdown or JSON, from one column table.
 * Unknown figures are "-" / "no data" / "unknown" in tables, empty in CSV and null in JSON. */
#include "critnet/report.h"

#include <math.h>
#include <stdio.h>

#include "report/cells_i.h"

enum { MINERAL, NAME, NIR, NIR_LOW, NIR_HIGH, NIR_TEXT, NET_EXPORTER, NIR_YEAR, SOURCES, SOURCES_SHARE, TOP,
       TOP_SHARE, TOP_RANK, HHI, HHI_MAX, EFFECTIVE, CR3, OTHER, RESIDUAL, PERIOD, BASIS, PROD_YEAR, PRODUCER,
       PRODUCER_SHARE, PRODUCTION_HHI, PRODUCERS, SEVERITY, SEVERITY_BASIS, SINGLE, CONCENTRATED, NOTE, SOURCE, NCOLS,
       SR = NCOLS, SR_OVER, NCOLS_RISK }; /* the EU supply risk: only with --with-risk (cn_deps_add_risk) */

static const cn_i_col cols[NCOLS_RISK] = {
    [MINERAL] = {"mineral", CN_I_STR, 0},
    [NAME] = {"name", CN_I_STR, 0},
    [NIR] = {"nir", CN_I_PCT, 4},
    [NIR_LOW] = {"nir_low", CN_I_NUM, 4},
    [NIR_HIGH] = {"nir_high", CN_I_NUM, 4},
    [NIR_TEXT] = {"nir_text", CN_I_STR, 0},
    [NET_EXPORTER] = {"net_exporter", CN_I_BOOL, 0},
    [NIR_YEAR] = {"nir_year", CN_I_INT, 0},
    [SOURCES] = {"sources", CN_I_INT, 0},
    [SOURCES_SHARE] = {"sources_with_share", CN_I_INT, 0},
    [TOP] = {"top_supplier", CN_I_STR, 0},
    [TOP_SHARE] = {"top_share", CN_I_PCT, 4},
    [TOP_RANK] = {"top_rank", CN_I_INT, 0},
    [HHI] = {"hhi", CN_I_NUM, 4},
    [HHI_MAX] = {"hhi_max", CN_I_NUM, 4},
    [EFFECTIVE] = {"effective_suppliers", CN_I_NUM, 4},
    [CR3] = {"cr3", CN_I_NUM, 4},
    [OTHER] = {"other_share", CN_I_PCT, 4},
    [RESIDUAL] = {"residual", CN_I_NUM, 4},
    [PERIOD] = {"period", CN_I_STR, 0},
    [BASIS] = {"basis", CN_I_STR, 0},
    [PROD_YEAR] = {"production_year", CN_I_INT, 0},
    [PRODUCER] = {"top_producer", CN_I_STR, 0},
    [PRODUCER_SHARE] = {"top_producer_share", CN_I_PCT, 4},
    [PRODUCTION_HHI] = {"production_hhi", CN_I_NUM, 4},
    [PRODUCERS] = {"effective_producers", CN_I_NUM, 4},
    [SEVERITY] = {"severity", CN_I_NUM, 4},
    [SEVERITY_BASIS] = {"severity_basis", CN_I_STR, 0},
    [SINGLE] = {"single_source", CN_I_BOOL, 0},
    [CONCENTRATED] = {"concentrated_supply", CN_I_BOOL, 0},
    [NOTE] = {"note", CN_I_STR, 0},
    [SOURCE] = {"source", CN_I_STR, 0},
    [SR] = {"supply_risk", CN_I_NUM, 4},
    [SR_OVER] = {"supply_risk_over_threshold", CN_I_BOOL, 0},
};

static const cn_i_view csv_view[] = {
    {MINERAL, "mineral", -1, NULL, 0},
    {NIR, "nir", -1, NULL, 0},
    {NIR_TEXT, "nir_text", -1, NULL, 0},
    {SOURCES, "sources", -1, NULL, 0},
    {TOP, "top_supplier", -1, NULL, 0},
    {TOP_SHARE, "top_share", -1, NULL, 0},
    {HHI, "hhi", -1, NULL, 0},
    {HHI_MAX, "hhi_max", -1, NULL, 0},
    {EFFECTIVE, "effective_suppliers", -1, NULL, 0},
    {OTHER, "other_share", -1, NULL, 0},
    {RESIDUAL, "residual", -1, NULL, 0},
    {SEVERITY, "severity", -1, NULL, 0},
    {SINGLE, "single_source", -1, NULL, 0},
    {PERIOD, "period", -1, NULL, 0},
    {NOTE, "note", -1, NULL, 0},
    {PROD_YEAR, "production_year", -1, NULL, 0},
    {PRODUCER, "top_producer", -1, NULL, 0},
    {PRODUCER_SHARE, "top_producer_share", -1, NULL, 0},
    {PRODUCTION_HHI, "production_hhi", -1, NULL, 0},
    {PRODUCERS, "effective_producers", -1, NULL, 0},
    {SEVERITY_BASIS, "severity_basis", -1, NULL, 0},
    {CONCENTRATED, "concentrated_supply", -1, NULL, 0},
    {SR, "supply_risk", -1, NULL, 0}, /* these two: only in layout_risk */
    {SR_OVER, "supply_risk_over_threshold", -1, NULL, 0},
};

static const cn_i_view text_view[] = {
    {MINERAL, "MINERAL", -1, "-", 0},
    {NIR, "NIR", -1, "no data", 1},
    {SOURCES, "SOURCES", -1, "-", 1},
    {TOP, "TOP", -1, "-", 0},
    {TOP_SHARE, "SHARE", -1, "-", 1},
    {HHI, "HHI", 4, "-", 1},
    {EFFECTIVE, "EFF.N", 2, "-", 1},
    {OTHER, "OTHER", -1, "-", 1},
    {PRODUCER, "PRODUCER", -1, "-", 0},
    {PRODUCER_SHARE, "P.SHARE", -1, "-", 1},
    {PRODUCTION_HHI, "P.HHI", 4, "-", 1},
    {SEVERITY, "SEVERITY", 2, "-", 1},
    {SINGLE, "FLAG", -1, "", 0},
    {CONCENTRATED, "WORLD SUPPLY", -1, "", 0},
    {NOTE, "NOTE", -1, NULL, 0},
    {SR, "SR", 2, "no data", 1}, /* these two: only in layout_risk */
    {SR_OVER, "SR>=1", -1, "", 0},
};

static const cn_i_layout layout = {cols, NCOLS, csv_view, text_view, sizeof csv_view / sizeof *csv_view - 2,
                                   sizeof text_view / sizeof *text_view - 2};

/* with the supply risk: the same views and their last two columns */
static const cn_i_layout layout_risk = {cols, NCOLS_RISK, csv_view, text_view, sizeof csv_view / sizeof *csv_view,
                                        sizeof text_view / sizeof *text_view};

typedef struct ctx {
    const cn_net *net;
    const cn_deps_result *r;
} ctx;

static void fill(void *p, size_t i, cn_i_cell *c)
{
    const ctx *k = p;
    const cn_net *net = k->net;
    const cn_deps_row *r = &k->r->rows[i];
    const cn_vertex *m = &net->vertices[r->mineral];
    c[MINERAL].s = m->id;
    c[NAME].s = m->name;
    if (r->has_nir) {
        c[NIR].x = r->nir;
        c[NIR_LOW].x = r->nir_lo;
        c[NIR_HIGH].x = r->nir_hi;
        /* the table writes the reliance as the source gave it */
        if (r->nir_flags & CN_F_NET_EXPORTER)
            c[NIR].s = "E (net exporter)";
        else if (r->nir_text && *r->nir_text)
            c[NIR].s = cn_i_nir_text(r->nir_text, c[NIR].buf, sizeof c[NIR].buf);
    }
    c[NIR_TEXT].s = r->nir_text;
    c[NET_EXPORTER].x = (r->nir_flags & CN_F_NET_EXPORTER) != 0;
    c[NIR_YEAR].x = r->nir_year ? r->nir_year : NAN;
    c[SOURCES].x = r->n_sources;
    c[SOURCES_SHARE].x = r->n_shares;
    c[TOP].s = r->top == CN_NONE ? NULL : cn_net_country_label(net, r->top);
    c[TOP_SHARE].x = r->imp.top_share;
    if (isnan(r->imp.top_share) && c[TOP].s)
        c[TOP_SHARE].s = "unknown";
    c[TOP_RANK].x = r->top_rank ? r->top_rank : NAN;
    c[HHI].x = r->imp.hhi;
    c[HHI_MAX].x = r->imp.hhi_max;
    c[EFFECTIVE].x = r->imp.effective;
    if (isnan(r->imp.effective) && !isnan(r->imp.effective_min)) /* "other" dominates: the bound, said so */
        snprintf(c[EFFECTIVE].buf, sizeof c[EFFECTIVE].buf, ">=%.2f", r->imp.effective_min),
            c[EFFECTIVE].s = c[EFFECTIVE].buf;
    c[CR3].x = r->imp.cr3;
    c[OTHER].x = r->other_share;
    c[RESIDUAL].x = r->imp.residual;
    c[PERIOD].s = r->period;
    c[BASIS].s = r->basis;
    c[PROD_YEAR].x = r->prod_year ? r->prod_year : NAN;
    c[PRODUCER].s = r->prod_top == CN_NONE ? NULL : cn_net_country_label(net, r->prod_top);
    c[PRODUCER_SHARE].x = r->prod.top_share;
    c[PRODUCTION_HHI].x = r->prod.hhi;
    c[PRODUCERS].x = r->prod.effective;
    c[SEVERITY].x = r->severity;
    if (!isnan(r->severity) && r->severity_world) /* tables say when severity rests on world production */
        snprintf(c[SEVERITY].buf, sizeof c[SEVERITY].buf, "%s (world)", cn_fmt_num((char[32]){0}, r->severity, 2)),
            c[SEVERITY].s = c[SEVERITY].buf;
    c[SEVERITY_BASIS].s = isnan(r->severity) ? NULL : r->severity_world ? "world production" : "imports";
    c[SINGLE].x = r->single_source;
    c[SINGLE].s = r->single_source ? "SINGLE-SOURCE" : "";
    c[CONCENTRATED].x = r->concentrated_supply;
    c[CONCENTRATED].s = r->concentrated_supply ? "CONCENTRATED-SUPPLY" : "";
    c[NOTE].s = r->reason && *r->reason ? r->reason : NULL;
    if (r->source >= 0)
        c[SOURCE].s = net->sources[r->source].url ? net->sources[r->source].url : net->sources[r->source].title;
    if (k->r->with_risk) { /* the risk layout only: the plain one has no cells for these */
        c[SR].x = r->sr;
        c[SR_OVER].x = r->sr_over;
        c[SR_OVER].s = r->sr_over ? "SR>=1" : "";
    }
}

cn_status cn_report_deps(const cn_net *net, const cn_deps_result *r, cn_format fmt, FILE *fp, cn_error *err)
{
    ctx k = {net, r};
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject(); /* NULL: every cJSON_Add below does nothing */
        cn_i_json_str(root, "dataset", net->name);
        cJSON_AddStringToObject(root, "consumer", net->vertices[r->consumer].id);
        cJSON_AddNumberToObject(root, "threshold", r->threshold);
        cJSON_AddNumberToObject(root, "supply_threshold", r->supply_threshold);
        if (r->with_risk)
            cJSON_AddNumberToObject(root, "supply_risk_threshold", r->sr_threshold);
        return cn_i_json_rows(root, "minerals", r->with_risk ? &layout_risk : &layout, fill, &k, r->n, fp, err);
    }
    if (fmt != CN_FORMAT_CSV)
        fprintf(fp, "Import dependencies of %s (%s), threshold %s, supply threshold %s\n\n",
                net->vertices[r->consumer].id, net->name ? net->name : "data",
                cn_fmt_num((char[32]){0}, r->threshold, 2), cn_fmt_num((char[32]){0}, r->supply_threshold, 2));
    if (r->with_risk && fmt != CN_FORMAT_CSV)
        fprintf(fp, "SR: EU supply risk (EC 2017 method; docs/risk.md), marked SR>=1 at or above %s\n\n",
                cn_fmt_num((char[32]){0}, r->sr_threshold, 2));
    return cn_i_rows_write(r->with_risk ? &layout_risk : &layout, fill, &k, r->n, fmt, fp, err);
}
