/* io/report/cascade_report.c: the cascade result as a text table, CSV or Markdown (per country, one column
 * table) or JSON (countries, (country, product) nodes and every flow with its lost part, for renderers). */
#include "critnet/report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "critnet/graph.h"

#include "report/cells_i.h"

static const char *how(const cn_cascade_country *c)
{
    if (c->round == 1)
        return c->restricted ? "restricts; hit directly" : "directly";
    if (c->round > 1)
        return c->restricted ? "restricts; hit indirectly" : "indirectly";
    return c->restricted ? "restricts" : "not hit";
}

enum { COUNTRY, IMPORTS, LOST_IMPORTS, LOSS, EXPORTS, LOST_EXPORTS, RESTRICTS, ROUND, INDIRECT, PRODUCTS, HIT,
       WORST, WORST_LOSS, EXPORTS_CUT, HOW, HIT_TEXT, WORST_TEXT, NCOLS };

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
    [PRODUCTS] = {"products", CN_I_INT, 0},
    [HIT] = {"products_hit", CN_I_INT, 0},
    [WORST] = {"worst_product", CN_I_STR, 0},
    [WORST_LOSS] = {"worst_product_loss", CN_I_PCT, 6},
    [EXPORTS_CUT] = {NULL, CN_I_PCT, 0}, /* tables: lost exports / exports */
    [HOW] = {NULL, CN_I_STR, 0},
    [HIT_TEXT] = {NULL, CN_I_STR, 0},   /* tables: "2 of 5" */
    [WORST_TEXT] = {NULL, CN_I_STR, 0}, /* tables: "bat:cell 18%" */
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
    {HIT_TEXT, "PRODUCTS HIT", -1, "-", 1},    {WORST_TEXT, "WORST PRODUCT", -1, "-", 0},
    {EXPORTS, "EXPORTS", 1, "-", 1},           {EXPORTS_CUT, "EXPORTS CUT", -1, "-", 1},
    {ROUND, "FIRST HIT (ROUND)", -1, "-", 1}, {HOW, "HOW", -1, "-", 0},
};

static const cn_i_layout layout = {cols, NCOLS, csv_view, text_view, sizeof csv_view / sizeof *csv_view,
                                   sizeof text_view / sizeof *text_view};

typedef struct ctx {
    const cn_net *net;
    const cn_cascade_result *r;
    char hit[48], worst[160];
    const cn_cascade_node **hitn; /* tables: the (country, product) pairs whose imports are cut */
} ctx;

static void fill(void *p, size_t i, cn_i_cell *c)
{
    ctx *k = p;
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
    c[PRODUCTS].x = x->nproducts;
    c[HIT].x = x->nhit;
    c[WORST].s = x->worst >= 0 ? k->net->vertices[x->worst].id : NULL;
    c[WORST_LOSS].x = x->worst >= 0 ? x->worst_loss : NAN;
    if (x->nproducts) {
        snprintf(k->hit, sizeof k->hit, "%d of %d", (int)x->nhit, (int)x->nproducts);
        c[HIT_TEXT].s = k->hit;
    }
    if (x->worst >= 0) {
        snprintf(k->worst, sizeof k->worst, "%s %s", k->net->vertices[x->worst].id,
                 cn_i_pct((char[32]){0}, x->worst_loss));
        c[WORST_TEXT].s = k->worst;
    }
}

/* ---- tables: the products hit, each in its own unit ---- */

enum { N_COUNTRY, N_PRODUCT, N_IMPORTS, N_LOST, N_LOSS, N_EXPORT_CUT, N_ROUND, N_NCOLS };

static const cn_i_col n_cols[N_NCOLS] = {
    {"country", CN_I_STR, 0}, {"product", CN_I_STR, 0}, {"imports", CN_I_NUM, 4}, {"lost", CN_I_NUM, 4},
    {"loss", CN_I_PCT, 4},    {"export_cut", CN_I_PCT, 4}, {"first_hit_round", CN_I_INT, 0}};
static const cn_i_view n_text[] = {
    {N_COUNTRY, "COUNTRY", -1, "-", 0}, {N_PRODUCT, "PRODUCT", -1, "-", 0}, {N_IMPORTS, "IMPORTS", 1, "-", 1},
    {N_LOST, "LOST", 1, "-", 1},        {N_LOSS, "LOSS", -1, "-", 1},      {N_EXPORT_CUT, "EXPORTS CUT", -1, "-", 1},
    {N_ROUND, "FIRST HIT (ROUND)", -1, "-", 1}};
static const cn_i_layout n_layout = {n_cols, N_NCOLS, NULL, n_text, 0, sizeof n_text / sizeof *n_text};

static void fill_node(void *p, size_t i, cn_i_cell *c)
{
    const ctx *k = p;
    const cn_cascade_node *n = k->hitn[i];
    c[N_COUNTRY].s = k->net->vertices[n->country].id;
    c[N_PRODUCT].s = k->net->vertices[n->mineral].id;
    c[N_IMPORTS].x = n->imports;
    c[N_LOST].x = n->imports * n->import_loss;
    c[N_LOSS].x = n->import_loss;
    c[N_EXPORT_CUT].x = n->exports > 0 ? n->export_cut : NAN;
    c[N_ROUND].x = n->round ? n->round : NAN;
}

static int node_cmp(const void *pa, const void *pb, void *arg)
{
    const cn_net *net = arg;
    const cn_cascade_node *a = *(const cn_cascade_node *const *)pa, *b = *(const cn_cascade_node *const *)pb;
    if (a->import_loss != b->import_loss)
        return a->import_loss > b->import_loss ? -1 : 1;
    int c = strcmp(net->vertices[a->country].id, net->vertices[b->country].id);
    return c ? c : strcmp(net->vertices[a->mineral].id, net->vertices[b->mineral].id);
}

static cJSON *result_json(ctx *k, const cn_scenario *s, cn_error *err)
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
    ctx k = {.net = net, .r = r};
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = result_json(&k, s, err);
        return root ? cn_i_json_finish(root, fp, err) : cn_i_oom(err);
    }
    if (fmt == CN_FORMAT_CSV)
        return cn_i_rows_write(&layout, fill, &k, r->ncountries, fmt, fp, err);
    int by_value = strcmp(r->basis, "value") == 0;
    fprintf(fp, "Cascade%s%s: ", s->name ? " " : "", s->name ? s->name : "");
    cn_i_shock_text(s, fp);
    fprintf(fp, " (%s, flows by %s); pass-through %s; %s after %d round%s\n%s\n\n",
            net->name ? net->name : "data", r->basis, cn_i_pct_or((char[32]){0}, r->pass_through, "unknown"),
            r->converged ? "fixed point" : "NOT converged", (int)r->rounds, r->rounds == 1 ? "" : "s",
            by_value ? "Country totals: imports and losses summed by value over its products (value-weighted)."
                     : "No trade values: a country's total is not computed (tons of different products are never "
                       "added);\nits losses are per product (PRODUCTS HIT, WORST PRODUCT, and the table below).");
    cn_status st = cn_i_rows_write(&layout, fill, &k, r->ncountries, fmt, fp, err);
    size_t nh = 0;
    k.hitn = st ? NULL : malloc((r->nnodes + 1) * sizeof *k.hitn);
    if (!st && !k.hitn)
        return cn_i_oom(err);
    for (size_t i = 0; !st && i < r->nnodes; i++)
        if (r->nodes[i].import_loss > 0)
            k.hitn[nh++] = &r->nodes[i];
    if (!st && nh) {
        cn_sort_r(k.hitn, nh, sizeof *k.hitn, node_cmp, (void *)net);
        fprintf(fp, "\nImports lost per product (IMPORTS and LOST in each product's own %s):\n\n",
                by_value ? "value" : "quantity unit");
        st = cn_i_rows_write(&n_layout, fill_node, &k, nh, fmt, fp, err);
    }
    free(k.hitn);
    return st;
}
