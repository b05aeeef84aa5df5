/* io/report/chokepoints_world_report.c: the chokepoints of a world trade table (cn_choke_world_result) as text,
 * Markdown, CSV and JSON: per product stage, countries ranked by share of world exports. Formatting only. */
#include "critnet/report.h"
#include "report/cells_i.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { STAGE, RANK, COUNTRY, SHARE, BASIS, TOP, ALL_CUTS, EXPOSED, CONSUMERS, CONSUMERS_TEXT, NCOLS };

static const cn_i_col cols[NCOLS] = {
    [STAGE] = {NULL, CN_I_STR, 0}, /* CSV only (JSON: the stage object) */
    [RANK] = {"rank", CN_I_INT, 0},
    [COUNTRY] = {"country", CN_I_STR, 0},
    [SHARE] = {"share", CN_I_PCT, 6},
    [BASIS] = {NULL, CN_I_STR, 0}, /* CSV only */
    [TOP] = {"top_exporter", CN_I_INT, 0},
    [ALL_CUTS] = {"in_every_cut", CN_I_INT, 0},
    [EXPOSED] = {"exposed", CN_I_INT, 0},
    [CONSUMERS] = {"consumers", CN_I_JSON, 0}, /* [id]; CSV ids joined by spaces */
    [CONSUMERS_TEXT] = {NULL, CN_I_STR, 0},    /* tables: "LBN PRT FRA … +168" */
};

static const cn_i_view csv_view[] = {
    {STAGE, "stage", -1, NULL, 0},         {RANK, "rank", -1, NULL, 0},
    {COUNTRY, "country", -1, NULL, 0},     {SHARE, "share", -1, NULL, 0},
    {BASIS, "share_basis", -1, NULL, 0},   {TOP, "top_exporter", -1, NULL, 0},
    {ALL_CUTS, "in_every_cut", -1, NULL, 0}, {EXPOSED, "exposed", -1, NULL, 0},
    {CONSUMERS, "consumers", -1, NULL, 0},
};

static const cn_i_view text_view[] = {
    {RANK, "RANK", -1, "-", 1},        {COUNTRY, "COUNTRY", -1, "-", 0},  {SHARE, "SHARE", -1, "unknown", 1},
    {TOP, "TOP", -1, "-", 1},          {ALL_CUTS, "ALL-CUTS", -1, "-", 1}, {EXPOSED, "EXPOSED", -1, "-", 1},
    {CONSUMERS_TEXT, "CONSUMERS EXPOSED", -1, "-", 0},
};

static const cn_i_layout layout = {cols, NCOLS, csv_view, text_view, sizeof csv_view / sizeof *csv_view,
                                   sizeof text_view / sizeof *text_view};

enum { SHOWN = 3 }; /* consumers named in a table cell before "… +N" */

typedef struct ctx {
    const cn_net *net;
    const cn_choke_world_result *r;
    const cn_choke_world_group *g; /* tables and JSON: the current group */
    size_t (*at)[2];               /* CSV: row i -> (group, row) */
    int json;
    char *list;                    /* CSV: the consumers joined */
    size_t cap;
    char text[256];
} ctx;

static const char *basis_name(const cn_choke_world_group *g)
{
    if (g->by_value)
        return "world exports by value";
    return g->nproducts == 1 ? "world exports by quantity" : "mean over products of world export shares by quantity";
}

static void fill(void *p, size_t i, cn_i_cell *c)
{
    ctx *k = p;
    const cn_net *net = k->net;
    const cn_choke_world_group *g = k->at ? &k->r->groups[k->at[i][0]] : k->g;
    size_t ri = k->at ? k->at[i][1] : i;
    const cn_choke_world_row *x = &g->rows[ri];
    c[STAGE].s = g->stage ? g->stage : "";
    c[RANK].x = (double)ri + 1;
    c[COUNTRY].s = net->vertices[x->country].id;
    c[SHARE].x = x->share;
    c[BASIS].s = g->by_value ? "value" : "quantity-mean";
    c[TOP].x = x->ntop;
    c[ALL_CUTS].x = x->nallcuts;
    c[EXPOSED].x = x->nexposed;
    size_t len = 0;
    k->text[0] = '\0';
    for (int32_t j = 0; j < x->nexposed && j < SHOWN; j++)
        len += (size_t)snprintf(k->text + len, sizeof k->text - len, "%s%s", j ? " " : "",
                                net->vertices[x->exposed[j]].id);
    if (x->nexposed > SHOWN)
        snprintf(k->text + len, sizeof k->text - len, " \xe2\x80\xa6 +%d", (int)(x->nexposed - SHOWN));
    c[CONSUMERS_TEXT].s = x->nexposed ? k->text : NULL;
    if (k->at) { /* CSV: every consumer */
        size_t need = (size_t)x->nexposed * 64 + 1;
        if (need > k->cap) {
            char *q = realloc(k->list, need);
            if (q)
                k->list = q, k->cap = need;
        }
        if (k->list && k->cap >= need) {
            len = 0;
            k->list[0] = '\0';
            for (int32_t j = 0; j < x->nexposed; j++)
                len += (size_t)snprintf(k->list + len, k->cap - len, "%s%s", j ? " " : "",
                                        net->vertices[x->exposed[j]].id);
            c[CONSUMERS].s = k->list;
        }
    }
    if (!k->json)
        return;
    cJSON *a = c[CONSUMERS].j = cJSON_CreateArray();
    for (int32_t j = 0; a && j < x->nexposed; j++)
        cJSON_AddItemToArray(a, cJSON_CreateString(net->vertices[x->exposed[j]].id));
}

static size_t shown(const cn_choke_world_group *g, size_t top)
{
    return top && top < g->n ? top : g->n;
}

static cn_status world_json(ctx *k, size_t top, FILE *fp, cn_error *err)
{
    const cn_net *net = k->net;
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return cn_i_oom(err);
    if (net->name)
        cJSON_AddStringToObject(root, "dataset", net->name);
    cJSON_AddNumberToObject(root, "threshold", k->r->threshold);
    cJSON *stages = cJSON_AddArrayToObject(root, "stages");
    cn_status st = CN_OK;
    for (size_t i = 0; i < k->r->ngroups && !st; i++) {
        const cn_choke_world_group *g = k->g = &k->r->groups[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToArray(stages, o);
        cn_i_json_str(o, "stage", g->stage);
        cJSON *pr = cJSON_AddArrayToObject(o, "products");
        for (int32_t j = 0; j < g->nproducts; j++)
            cJSON_AddItemToArray(pr, cJSON_CreateString(net->vertices[g->products[j]].id));
        cJSON_AddStringToObject(o, "share_basis", basis_name(g));
        cJSON_AddNumberToObject(o, "countries_total", (double)g->n);
        st = cn_i_rows_json(&layout, fill, k, shown(g, top), cJSON_AddArrayToObject(o, "countries"), err);
    }
    if (st) {
        cJSON_Delete(root);
        return st;
    }
    return cn_i_json_finish(root, fp, err);
}

cn_status cn_report_chokepoints_world(const cn_net *net, const cn_choke_world_result *r, size_t top, cn_format fmt,
                                      FILE *fp, cn_error *err)
{
    ctx k = {.net = net, .r = r, .json = fmt == CN_FORMAT_JSON};
    cn_status st = CN_OK;
    if (fmt == CN_FORMAT_JSON)
        return world_json(&k, top, fp, err);
    if (fmt == CN_FORMAT_CSV) {
        size_t n = 0;
        for (size_t i = 0; i < r->ngroups; i++)
            n += shown(&r->groups[i], top);
        k.at = malloc((n + 1) * sizeof *k.at);
        if (!k.at)
            return cn_i_oom(err);
        n = 0;
        for (size_t i = 0; i < r->ngroups; i++)
            for (size_t j = 0; j < shown(&r->groups[i], top); j++)
                k.at[n][0] = i, k.at[n][1] = j, n++;
        st = cn_i_rows_write(&layout, fill, &k, n, fmt, fp, err);
        free(k.at);
        free(k.list);
        return st;
    }
    fprintf(fp, "Chokepoints of world trade (%s), threshold %s: countries ranked per product stage\n\n"
                "SHARE     share of the stage's world exports\n"
                "TOP       products of the stage where the country is the top exporter\n"
                "ALL-CUTS  products where it is in the minimum supplier cut of every importer\n"
                "EXPOSED   consumers for which it is a critical supplier (import share >= threshold) of a product\n",
            net->name ? net->name : "data", cn_fmt_num((char[32]){0}, r->threshold, 2));
    for (size_t i = 0; i < r->ngroups && !st; i++) {
        const cn_choke_world_group *g = k.g = &r->groups[i];
        fprintf(fp, "\nStage %s: %d product%s (", g->stage ? g->stage : "(none)", (int)g->nproducts,
                g->nproducts == 1 ? "" : "s");
        for (int32_t j = 0; j < g->nproducts && j < 6; j++)
            fprintf(fp, "%s%s", j ? " " : "", net->vertices[g->products[j]].id);
        if (g->nproducts > 6)
            fprintf(fp, " \xe2\x80\xa6 +%d", (int)(g->nproducts - 6));
        fprintf(fp, "); SHARE: %s\n\n", basis_name(g));
        st = cn_i_rows_write(&layout, fill, &k, shown(g, top), fmt, fp, err);
        if (!st && shown(g, top) < g->n)
            fprintf(fp, "(%d of %d countries; --top 0 lists all)\n", (int)shown(g, top), (int)g->n);
    }
    return st ? st : cn_i_check(fp, err);
}
