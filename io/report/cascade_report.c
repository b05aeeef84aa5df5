/* io/report/cascade_report.c: the cascade result as a text table, CSV or Markdown (per country, one column
 * table) or JSON (countries, (country, product) nodes and every flow with its lost part, for renderers). */
#include "critnet/report.h"

#include <math.h>
#include <string.h>

#include "report/cells_i.h"

static const char *how(const cn_cascade_country *c)
{
    if (c->round == 1)
        return c->restricted ? "restricts; hit directly" : "directly";
    if (c->round > 1)
        return c->restricted ? "restricts; hit indirectly" : "indirectly";
    return c->restricted ? "restricts" : "not hit";
}

enum { COUNTRY, IMPORTS, LOST_IMPORTS, LOSS, EXPORTS, LOST_EXPORTS, RESTRICTS, ROUND, INDIRECT, EXPORTS_CUT, HOW,
       NCOLS };

static const cn_i_col cols[NCOLS] = {
    [COUNTRY] = {"country", CN_I_STR, 0},
    [IMPORTS] = {"imports", CN_I_NUM, 4},
    [LOST_IMPORTS] = {"lost_imports", CN_I_NUM, 4},
    [LOSS] = {"loss", CN_I_PCT, 4},
    [EXPORTS] = {"exports", CN_I_NUM, 4},
    [LOST_EXPORTS] = {"lost_exports", CN_I_NUM, 4},
    [RESTRICTS] = {"restricts", CN_I_BOOL, 0},
    [ROUND] = {"first_hit_round", CN_I_INT, 0},
    [INDIRECT] = {"hit_indirectly", CN_I_BOOL, 0},
    [EXPORTS_CUT] = {NULL, CN_I_PCT, 0}, /* tables: lost exports / exports */
    [HOW] = {NULL, CN_I_STR, 0},
};

static const cn_i_view csv_view[] = {
    {COUNTRY, "country", -1, NULL, 0},       {IMPORTS, "imports", -1, NULL, 0},
    {LOST_IMPORTS, "lost_imports", -1, NULL, 0}, {LOSS, "loss", -1, NULL, 0},
    {EXPORTS, "exports", -1, NULL, 0},       {LOST_EXPORTS, "lost_exports", -1, NULL, 0},
    {ROUND, "first_hit_round", -1, NULL, 0}, {RESTRICTS, "restricts", -1, NULL, 0},
    {INDIRECT, "hit_indirectly", -1, NULL, 0},
};

static const cn_i_view text_view[] = {
    {COUNTRY, "COUNTRY", -1, "-", 0},          {IMPORTS, "IMPORTS", 1, "-", 1},
    {LOST_IMPORTS, "LOST", 1, "-", 1},         {LOSS, "LOSS", -1, "-", 1},
    {EXPORTS, "EXPORTS", 1, "-", 1},           {EXPORTS_CUT, "EXPORTS CUT", -1, "-", 1},
    {ROUND, "FIRST HIT (ROUND)", -1, "-", 1}, {HOW, "HOW", -1, "-", 0},
};

static const cn_i_layout layout = {cols, NCOLS, csv_view, text_view, sizeof csv_view / sizeof *csv_view,
                                   sizeof text_view / sizeof *text_view};

typedef struct ctx {
    const cn_net *net;
    const cn_cascade_result *r;
} ctx;

static void fill(void *p, size_t i, cn_i_cell *c)
{
    const ctx *k = p;
    const cn_cascade_country *x = &k->r->countries[i];
    c[COUNTRY].s = k->net->vertices[x->country].id;
    c[IMPORTS].x = x->imports;
    c[LOST_IMPORTS].x = x->lost_imports;
    c[LOSS].x = x->loss;
    c[EXPORTS].x = x->exports;
    c[LOST_EXPORTS].x = x->lost_exports;
    c[RESTRICTS].x = x->restricted;
    c[ROUND].x = x->round ? x->round : NAN;
    c[INDIRECT].x = x->round > 1;
    c[EXPORTS_CUT].x = x->exports > 0 ? x->lost_exports / x->exports : NAN;
    c[HOW].s = how(x);
}

static cJSON *result_json(const ctx *k, const cn_scenario *s, cn_error *err)
{
    const cn_net *net = k->net;
    const cn_cascade_result *r = k->r;
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    cn_i_json_str(root, "dataset", net->name);
    cJSON *sc = cJSON_AddObjectToObject(root, "scenario");
    cn_i_json_str(sc, "name", s->name);
    cJSON_AddItemToObject(sc, "restrictions", cn_i_shock_json(s));
    cJSON_AddStringToObject(root, "model", "cascade");
    cJSON_AddStringToObject(root, "basis", r->basis);
    cJSON_AddNumberToObject(root, "pass_through", r->pass_through);
    cJSON_AddNumberToObject(root, "rounds", r->rounds);
    cJSON_AddBoolToObject(root, "converged", r->converged);
    cJSON_AddNumberToObject(root, "tolerance", r->tolerance);
    cJSON_AddNumberToObject(root, "flows_without_figures", (double)r->n_skipped);
    cJSON *arr;
    if (cn_i_rows_json(&layout, fill, (void *)k, r->ncountries, cJSON_AddArrayToObject(root, "countries"), err)) {
        cJSON_Delete(root);
        return NULL;
    }
    arr = cJSON_AddArrayToObject(root, "nodes");
    for (size_t i = 0; i < r->nnodes; i++) {
        const cn_cascade_node *n = &r->nodes[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "country", net->vertices[n->country].id);
        cJSON_AddStringToObject(o, "mineral", net->vertices[n->mineral].id);
        cJSON_AddNumberToObject(o, "imports", n->imports);
        cJSON_AddNumberToObject(o, "exports", n->exports);
        cJSON_AddNumberToObject(o, "restricted", n->restricted);
        cJSON_AddNumberToObject(o, "import_loss", n->import_loss + 0.0);
        cJSON_AddNumberToObject(o, "export_cut", n->export_cut + 0.0);
        if (n->round)
            cJSON_AddNumberToObject(o, "first_hit_round", n->round);
        else
            cJSON_AddNullToObject(o, "first_hit_round");
        cJSON_AddItemToArray(arr, o);
    }
    arr = cJSON_AddArrayToObject(root, "flows");
    for (size_t i = 0; i < r->nflows; i++) {
        const cn_cascade_flow *f = &r->flows[i];
        const cn_edge *e = &net->edges[f->edge];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "exporter", cn_net_country_label(net, e->country));
        cJSON_AddStringToObject(o, "importer", net->vertices[e->consumer].id);
        cJSON_AddStringToObject(o, "mineral", net->vertices[e->mineral].id);
        cJSON_AddNumberToObject(o, "flow", f->value);
        cJSON_AddNumberToObject(o, "lost", f->lost + 0.0);
        cJSON_AddItemToArray(arr, o);
    }
    return root;
}

cn_status cn_report_cascade(const cn_net *net, const cn_scenario *s, const cn_cascade_result *r,
                            cn_format fmt, FILE *fp, cn_error *err)
{
    ctx k = {net, r};
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = result_json(&k, s, err);
        return root ? cn_i_json_finish(root, fp, err) : cn_i_oom(err);
    }
    if (fmt != CN_FORMAT_CSV) {
        fprintf(fp, "Cascade%s%s: ", s->name ? " " : "", s->name ? s->name : "");
        cn_i_shock_text(s, fp);
        fprintf(fp, " (%s, flows by %s); pass-through %s; %s after %d round%s\n\n",
                net->name ? net->name : "data", r->basis, cn_i_pct_or((char[32]){0}, r->pass_through, "unknown"),
                r->converged ? "fixed point" : "NOT converged", (int)r->rounds, r->rounds == 1 ? "" : "s");
    }
    return cn_i_rows_write(&layout, fill, &k, r->ncountries, fmt, fp, err);
}
