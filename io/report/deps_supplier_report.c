/* io/report/deps_supplier_report.c: the reverse view of deps (who hangs on one supplier) as a text table, CSV,
 * Markdown or JSON, from one column table. Unknown figures are "-" / "no data" in tables, empty in CSV and
 * null in JSON. */
#include "critnet/report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/cells_i.h"

enum { CONSUMER, CONSUMER_NAME, MINERAL, NAME, SHARE, RANK, TOP, SOURCES, NIR, NIR_TEXT, EXPOSURE, WORLD,
       PERIOD, SOURCE, NCOLS };

static const cn_i_col cols[NCOLS] = {
    [CONSUMER] = {"consumer", CN_I_STR, 0},
    [CONSUMER_NAME] = {"consumer_name", CN_I_STR, 0},
    [MINERAL] = {"mineral", CN_I_STR, 0},
    [NAME] = {"name", CN_I_STR, 0},
    [SHARE] = {"share", CN_I_PCT, 4},
    [RANK] = {"rank", CN_I_INT, 0},
    [TOP] = {"top_supplier", CN_I_BOOL, 0},
    [SOURCES] = {"sources", CN_I_INT, 0},
    [NIR] = {"nir", CN_I_PCT, 4},
    [NIR_TEXT] = {"nir_text", CN_I_STR, 0},
    [EXPOSURE] = {"exposure", CN_I_NUM, 4},
    [WORLD] = {"world_share", CN_I_PCT, 4},
    [PERIOD] = {"period", CN_I_STR, 0},
    [SOURCE] = {"source", CN_I_STR, 0},
};

static const cn_i_view csv_view[] = {
    {CONSUMER, "consumer", -1, NULL, 0},    {MINERAL, "mineral", -1, NULL, 0},
    {SHARE, "share", -1, NULL, 0},          {RANK, "rank", -1, NULL, 0},
    {TOP, "top_supplier", -1, NULL, 0},     {SOURCES, "sources", -1, NULL, 0},
    {NIR, "nir", -1, NULL, 0},              {NIR_TEXT, "nir_text", -1, NULL, 0},
    {EXPOSURE, "exposure", -1, NULL, 0},    {WORLD, "world_share", -1, NULL, 0},
    {PERIOD, "period", -1, NULL, 0},
};

static const cn_i_view text_view[] = {
    {CONSUMER, "CONSUMER", -1, "-", 0}, {MINERAL, "MINERAL", -1, "-", 0},  {SHARE, "SHARE", -1, "unknown", 1},
    {RANK, "RANK", -1, "-", 1},         {SOURCES, "SOURCES", -1, "-", 1}, {TOP, "TOP", -1, "", 0},
    {NIR, "NIR", -1, "no data", 1},     {EXPOSURE, "EXPOSURE", 2, "-", 1}, {WORLD, "WORLD", -1, "-", 1},
    {PERIOD, "PERIOD", -1, "-", 0},
};

static const cn_i_layout layout = {cols, NCOLS, csv_view, text_view, sizeof csv_view / sizeof *csv_view,
                                   sizeof text_view / sizeof *text_view};

typedef struct ctx {
    const cn_net *net;
    const cn_deps_supplier_result *r;
} ctx;

static void fill(void *p, size_t i, cn_i_cell *c)
{
    const ctx *k = p;
    const cn_net *net = k->net;
    const cn_deps_supplier_row *r = &k->r->rows[i];
    c[CONSUMER].s = net->vertices[r->consumer].id;
    c[CONSUMER_NAME].s = net->vertices[r->consumer].name;
    c[MINERAL].s = net->vertices[r->mineral].id;
    c[NAME].s = net->vertices[r->mineral].name;
    c[SHARE].x = r->share;
    c[RANK].x = r->rank ? r->rank : NAN;
    c[TOP].x = r->top;
    c[TOP].s = r->top ? "top" : "";
    c[SOURCES].x = r->n_sources;
    if (r->has_nir) {
        c[NIR].x = r->nir;
        if (r->nir_text && *r->nir_text) /* the table writes the reliance as the source gave it */
            c[NIR].s = cn_i_nir_text(r->nir_text, c[NIR].buf, sizeof c[NIR].buf);
    }
    c[NIR_TEXT].s = r->nir_text;
    c[EXPOSURE].x = r->exposure;
    c[WORLD].x = r->world_share;
    c[PERIOD].s = r->period;
    if (r->source >= 0)
        c[SOURCE].s = net->sources[r->source].url ? net->sources[r->source].url : net->sources[r->source].title;
}

cn_status cn_report_deps_supplier(const cn_net *net, const cn_deps_supplier_result *r, cn_format fmt, FILE *fp,
                                  cn_error *err)
{
    ctx k = {net, r};
    const cn_vertex *s = &net->vertices[r->supplier];
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject(); /* NULL: every cJSON_Add below does nothing */
        cn_i_json_str(root, "dataset", net->name);
        cJSON_AddStringToObject(root, "supplier", s->id);
        cn_i_json_str(root, "supplier_name", s->name);
        cn_i_json_int(root, "consumers", (int)r->consumers);
        return cn_i_json_rows(root, "dependents", &layout, fill, &k, r->n, fp, err);
    }
    if (fmt != CN_FORMAT_CSV)
    {
        int named = s->name && strcmp(s->name, s->id) != 0;
        fprintf(fp,
                "Who hangs on %s%s%s%s (%s): %zu dependenc%s of %d consumer%s; EXPOSURE = NIR x SHARE, the part of\n"
                "the consumer's apparent consumption that comes from %s; WORLD = its share of world %s\n\n",
                s->id, named ? " (" : "", named ? s->name : "", named ? ")" : "", net->name ? net->name : "data",
                r->n, r->n == 1 ? "y" : "ies", (int)r->consumers, r->consumers == 1 ? "" : "s", s->id,
                cn_i_production_is_exports(net) ? "exports" : "production");
    }
    return cn_i_rows_write(&layout, fill, &k, r->n, fmt, fp, err);
}
