/* io/report/robustness_report.c: the robustness result (critnet/robustness.h): R of the supply and largest-component
 * curves, then the curves one row per number of suppliers removed, as text, CSV, Markdown or JSON. */
#include "critnet/risk_io.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chart/line_i.h"
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

cn_status cn_render_robustness(const cn_net *net, const cn_robustness_result *r, size_t n, FILE *fp, cn_error *err)
{
    if (n == 0 || n > 8)
        return cn_error_set(err, CN_EUSAGE, "a robustness chart takes 1 to 8 curves");
    int32_t N = r[0].nsuppliers;
    double *x = malloc(((size_t)N + 1) * sizeof *x), *y = malloc(n * ((size_t)N + 1) * sizeof *y);
    double *sd = malloc(n * ((size_t)N + 1) * sizeof *sd);
    cn_i_series se[8];
    char names[8][64], sub[160];
    if (!x || !y || !sd) {
        free(x), free(y), free(sd);
        return cn_i_oom(err);
    }
    for (int32_t q = 0; q <= N; q++)
        x[q] = q;
    for (size_t k = 0; k < n; k++) {
        char rb[32];
        double *yk = y + k * ((size_t)N + 1), *sk = sd + k * ((size_t)N + 1);
        for (int32_t q = 0; q <= N && q <= r[k].nsuppliers; q++)
            yk[q] = r[k].curve[q].supply, sk[q] = r[k].curve[q].supply_sd;
        snprintf(names[k], sizeof names[k], "%s%s R=%s", cn_robustness_strategy_name(r[k].strategy),
                 r[k].adaptive ? " (adaptive)" : "", cn_i_num_or(rb, r[k].r_supply, 3, "-"));
        se[k] = (cn_i_series){names[k], (size_t)N + 1, x, yk, r[k].strategy == CN_ROBUSTNESS_RANDOM ? sk : NULL};
    }
    snprintf(sub, sizeof sub, "%s: %d supplier countries; minerals %d, with shares %d; random: mean +- sd of %d runs",
             net->name ? net->name : "data", (int)N, (int)r[0].nminerals, (int)r[0].nknown, (int)r[0].runs);
    cn_i_line_chart c = {r[0].consumer >= 0 ? "Supply of the consumer still served as suppliers are removed"
                                            : "World supply still served as producer countries are removed",
                         sub, "supplier countries removed (Q)", "supply still served", N, se, n};
    cn_status st = cn_i_chart_lines_svg(&c, 780, 440, fp, err);
    free(x), free(y), free(sd);
    return st;
}
