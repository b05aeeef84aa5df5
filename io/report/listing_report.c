/* io/report/listing_report.c: what a network holds, for `critnet minerals` and `critnet countries`: one row
 * per mineral (id, name, stage, lists, how many producers, suppliers and consumers with a reliance figure)
 * or per country (id, name, how many minerals it produces, supplies and imports), from one column table. */
#include "critnet/report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/cells_i.h"

enum { ID, NAME, STAGE, LISTS, PRODUCES, SUPPLIES, IMPORTS, NCOLS };

static const cn_i_col country_cols[NCOLS] = {
    [ID] = {"id", CN_I_STR, 0},          [NAME] = {"name", CN_I_STR, 0},
    [STAGE] = {NULL, CN_I_STR, 0},       [LISTS] = {NULL, CN_I_JSON, 0},
    [PRODUCES] = {"produces", CN_I_INT, 0}, [SUPPLIES] = {"supplies", CN_I_INT, 0},
    [IMPORTS] = {"imports", CN_I_INT, 0},
};
static const cn_i_col mineral_cols[NCOLS] = {
    [ID] = {"id", CN_I_STR, 0},           [NAME] = {"name", CN_I_STR, 0},
    [STAGE] = {"stage", CN_I_STR, 0},     [LISTS] = {"lists", CN_I_JSON, 0},
    [PRODUCES] = {"producers", CN_I_INT, 0}, [SUPPLIES] = {"suppliers", CN_I_INT, 0},
    [IMPORTS] = {"consumers", CN_I_INT, 0},
};

/* minerals: PRODUCES = producers, SUPPLIES = supplier countries, IMPORTS = consumers with figures */
static const cn_i_view mineral_csv[] = {
    {ID, "id", -1, NULL, 0},          {NAME, "name", -1, NULL, 0},         {STAGE, "stage", -1, NULL, 0},
    {LISTS, "lists", -1, NULL, 0},    {PRODUCES, "producers", -1, NULL, 0}, {SUPPLIES, "suppliers", -1, NULL, 0},
    {IMPORTS, "consumers", -1, NULL, 0},
};
static const cn_i_view mineral_text[] = {
    {ID, "ID", -1, "-", 0},           {NAME, "NAME", -1, "-", 0},           {STAGE, "STAGE", -1, "-", 0},
    {LISTS, "LISTS", -1, "-", 0},     {PRODUCES, "PRODUCERS", -1, "0", 1}, {SUPPLIES, "SUPPLIERS", -1, "0", 1},
    {IMPORTS, "CONSUMERS", -1, "0", 1},
};
/* countries: minerals it produces, supplies (to any consumer), imports (as a consumer) */
static const cn_i_view country_csv[] = {
    {ID, "id", -1, NULL, 0},            {NAME, "name", -1, NULL, 0},          {PRODUCES, "produces", -1, NULL, 0},
    {SUPPLIES, "supplies", -1, NULL, 0}, {IMPORTS, "imports", -1, NULL, 0},
};
static const cn_i_view country_text[] = {
    {ID, "ID", -1, "-", 0},              {NAME, "NAME", -1, "-", 0},          {PRODUCES, "PRODUCES", -1, "0", 1},
    {SUPPLIES, "SUPPLIES", -1, "0", 1}, {IMPORTS, "IMPORTS", -1, "0", 1},
};

typedef struct ctx {
    const cn_net *net;
    int32_t *rows;    /* vertex indices listed */
    int32_t (*n)[3];  /* per vertex: distinct counterparts for PRODUCES, SUPPLIES, IMPORTS */
} ctx;

static void fill(void *p, size_t i, cn_i_cell *c)
{
    const ctx *k = p;
    int32_t v = k->rows[i];
    const cn_vertex *x = &k->net->vertices[v];
    c[ID].s = x->id;
    c[NAME].s = x->name;
    c[STAGE].s = x->stage;
    c[PRODUCES].x = k->n[v][0];
    c[SUPPLIES].x = k->n[v][1];
    c[IMPORTS].x = k->n[v][2];
    if (x->type != CN_VERTEX_MINERAL)
        return;
    snprintf(c[LISTS].buf, sizeof c[LISTS].buf, "%s%s%s", x->lists & CN_LIST_2018 ? "2018" : "",
             (x->lists & CN_LIST_2018) && (x->lists & CN_LIST_2022) ? "," : "", x->lists & CN_LIST_2022 ? "2022" : "");
    c[LISTS].s = c[LISTS].buf[0] ? c[LISTS].buf : NULL;
    c[LISTS].j = cJSON_CreateArray();
    if (x->lists & CN_LIST_2018)
        cJSON_AddItemToArray(c[LISTS].j, cJSON_CreateNumber(2018));
    if (x->lists & CN_LIST_2022)
        cJSON_AddItemToArray(c[LISTS].j, cJSON_CreateNumber(2022));
}

/* one (vertex, counterpart, column) fact; sorted and deduplicated to count distinct counterparts */
typedef struct pair {
    int32_t a, b, kind;
} pair;

static int pair_cmp(const void *x, const void *y)
{
    const pair *p = x, *q = y;
    if (p->kind != q->kind)
        return p->kind < q->kind ? -1 : 1;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

/* counts, per vertex and column, the distinct vertices on the other side: a mineral's producers, suppliers
 * and consumers; a country's produced, supplied and imported minerals */
static cn_status count(const cn_net *net, int32_t (*n)[3], cn_error *err)
{
    size_t np = 0;
    pair *p = malloc(((size_t)net->nedges * 4 + 1) * sizeof *p);
    if (!p)
        return cn_i_oom(err);
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        int col = e->kind == CN_EDGE_PRODUCES ? 0 : e->kind == CN_EDGE_SUPPLIES ? 1 : 2;
        int32_t country = e->kind == CN_EDGE_RELIES ? e->consumer : e->country;
        if (country >= 0) { /* (other), (world), (unnamed) are no vertex */
            p[np++] = (pair){country, e->mineral, col};
            p[np++] = (pair){e->mineral, country, col};
        }
        if (e->kind == CN_EDGE_SUPPLIES && e->consumer >= 0) { /* the consumer imports the mineral */
            p[np++] = (pair){e->consumer, e->mineral, 2};
            p[np++] = (pair){e->mineral, e->consumer, 2};
        }
    }
    qsort(p, np, sizeof *p, pair_cmp);
    for (size_t j = 0; j < np; j++)
        if (!j || pair_cmp(&p[j - 1], &p[j]))
            n[p[j].a][p[j].kind]++;
    free(p);
    return CN_OK;
}

cn_status cn_report_vertices(const cn_net *net, cn_vertex_type type, unsigned lists, cn_format fmt, FILE *fp,
                             cn_error *err)
{
    int32_t *rows = malloc(((size_t)net->nvertices + 1) * sizeof *rows);
    int32_t(*n)[3] = calloc((size_t)net->nvertices + 1, sizeof *n);
    if (!rows || !n) {
        free(rows);
        free(n);
        return cn_i_oom(err);
    }
    size_t nrows = 0;
    for (int32_t v = 0; v < net->nvertices; v++)
        if (net->vertices[v].type == type && (!lists || (net->vertices[v].lists & lists)))
            rows[nrows++] = v;
    cn_status st = count(net, n, err);
    int min = type == CN_VERTEX_MINERAL;
    cn_i_layout layout = {min ? mineral_cols : country_cols, NCOLS, country_csv, country_text,
                          sizeof country_csv / sizeof *country_csv, sizeof country_text / sizeof *country_text};
    if (min) {
        layout.csv = mineral_csv, layout.ncsv = sizeof mineral_csv / sizeof *mineral_csv;
        layout.text = mineral_text, layout.ntext = sizeof mineral_text / sizeof *mineral_text;
    }
    ctx k = {net, rows, n};
    if (!st && fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject();
        cn_i_json_str(root, "dataset", net->name);
        st = cn_i_json_rows(root, min ? "minerals" : "countries", &layout, fill, &k, nrows, fp, err);
    } else if (!st) {
        if (fmt != CN_FORMAT_CSV)
            fprintf(fp, "%zu %s in %s%s\n\n", nrows, min ? "minerals" : "countries", net->name ? net->name : "data",
                    min ? " (PRODUCERS, SUPPLIERS, CONSUMERS: distinct countries with figures)"
                        : " (PRODUCES, SUPPLIES, IMPORTS: distinct minerals with figures)");
        st = cn_i_rows_write(&layout, fill, &k, nrows, fmt, fp, err);
    }
    free(rows);
    free(n);
    return st;
}
