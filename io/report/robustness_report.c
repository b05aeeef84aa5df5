/* io/report/robustness_report.c: the robustness result (critnet/robustness.h): R of the supply and largest-component
 * curves, then the curves one row per number of suppliers removed, as text, CSV, Markdown or JSON. */
#include "critnet/risk_io.h"

#include <math.h>
#include <stdio.h>

#include "report/cells_i.h"

enum { Q, REMOVED, SUPPLY, SUPPLY_SD, LCC, LCC_SD, NCOLS };

static const cn_i_col cols[NCOLS] = {
    [Q] = {"q", CN_I_INT, 0},           [REMOVED] = {"removed", CN_I_STR, 0},
    [SUPPLY] = {"supply", CN_I_NUM, 12}, [SUPPLY_SD] = {"supply_sd", CN_I_NUM, 12},
    [LCC] = {"lcc", CN_I_NUM, 12},       [LCC_SD] = {"lcc_sd", CN_I_NUM, 12},
};

static const cn_i_view csv_view[] = {
    {Q, "q", -1, NULL, 0},     {REMOVED, "removed", -1, NULL, 0}, {SUPPLY, "supply", -1, NULL, 0},
    {SUPPLY_SD, "supply_sd", -1, NULL, 0}, {LCC, "lcc", -1, NULL, 0}, {LCC_SD, "lcc_sd", -1, NULL, 0},
};

static const cn_i_view text_view[] = {
    {Q, "Q", -1, "-", 1},        {REMOVED, "REMOVED", -1, "-", 0}, {SUPPLY, "SUPPLY", 4, "no data", 1},
    {SUPPLY_SD, "SD", 4, "-", 1}, {LCC, "LCC", 4, "-", 1},          {LCC_SD, "SD", 4, "-", 1},
};

typedef struct ctx {
    const cn_net *net;
    const cn_robustness_result *r;
} ctx;

static void fill(void *p, size_t i, cn_i_cell *c)
{
    const ctx *k = p;
    const cn_robustness_point *pt = &k->r->curve[i];
    c[Q].x = (double)i;
    c[REMOVED].s = pt->removed >= 0 ? k->net->vertices[pt->removed].id : NULL;
    c[SUPPLY].x = pt->supply;
    c[SUPPLY_SD].x = pt->supply_sd;
    c[LCC].x = pt->lcc;
    c[LCC_SD].x = pt->lcc_sd;
}

cn_status cn_report_robustness(const cn_net *net, const cn_robustness_result *r, cn_format fmt, FILE *fp,
                               cn_error *err)
{
    ctx k = {net, r};
    cn_i_layout layout = {cols, NCOLS, csv_view, text_view, sizeof csv_view / sizeof *csv_view,
                          sizeof text_view / sizeof *text_view};
    const char *strategy = cn_robustness_strategy_name(r->strategy);
    const char *scope = r->consumer >= 0 ? net->vertices[r->consumer].id : "world production";
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject(); /* NULL: every cJSON_Add below does nothing */
        if (net->name)
            cJSON_AddStringToObject(root, "dataset", net->name);
        cJSON_AddStringToObject(root, "supply_of", scope);
        cJSON_AddStringToObject(root, "strategy", strategy);
        cJSON_AddBoolToObject(root, "adaptive", r->adaptive);
        cJSON_AddNumberToObject(root, "runs", r->runs);
        if (r->strategy == CN_ROBUSTNESS_RANDOM)
            cJSON_AddNumberToObject(root, "seed", (double)r->seed);
        cJSON_AddNumberToObject(root, "suppliers", r->nsuppliers);
        cJSON_AddNumberToObject(root, "minerals", r->nminerals);
        cJSON_AddNumberToObject(root, "minerals_with_shares", r->nknown);
        cJSON_AddNumberToObject(root, "nodes", r->nnodes);
        cn_i_json_num(root, "r_supply", r->r_supply);
        cn_i_json_num(root, "r_supply_sd", r->r_supply_sd);
        cn_i_json_num(root, "r_lcc", r->r_lcc);
        cn_i_json_num(root, "r_lcc_sd", r->r_lcc_sd);
        return cn_i_json_rows(root, "curve", &layout, fill, &k, (size_t)r->nsuppliers + 1, fp, err);
    }
    if (fmt != CN_FORMAT_CSV) {
        char a[32], b[32], c[32], d[32];
        fprintf(fp, "Robustness of %s (%s) as supplier countries are removed: %s%s", scope,
                net->name ? net->name : "data", strategy, r->adaptive ? " (adaptive)" : "");
        if (r->strategy == CN_ROBUSTNESS_RANDOM)
            fprintf(fp, ", %d runs, seed %llu", (int)r->runs, (unsigned long long)r->seed);
        fprintf(fp, "\n%d suppliers, %d minerals (%d with shares), %d nodes\n", (int)r->nsuppliers, (int)r->nminerals,
                (int)r->nknown, (int)r->nnodes);
        fprintf(fp, "R (supply still served) = %s", cn_i_num_or(a, r->r_supply, 4, "no data"));
        if (r->runs > 1)
            fprintf(fp, " (sd %s)", cn_i_num_or(b, r->r_supply_sd, 4, "-"));
        fprintf(fp, "; R (largest component, Schneider et al. 2011) = %s", cn_i_num_or(c, r->r_lcc, 4, "-"));
        if (r->runs > 1)
            fprintf(fp, " (sd %s)", cn_i_num_or(d, r->r_lcc_sd, 4, "-"));
        fprintf(fp, "\n\n");
    }
    return cn_i_rows_write(&layout, fill, &k, (size_t)r->nsuppliers + 1, fmt, fp, err);
}
