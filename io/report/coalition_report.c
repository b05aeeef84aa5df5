/* io/report/coalition_report.c: the coalition result as a text table, CSV, Markdown or JSON, from one column
 * table. A share that is a lower bound (an unlisted residual may hold more allies) is written ">=x%" in
 * tables and flagged in JSON/CSV. */
#include "critnet/report.h"

#include <math.h>
#include <string.h>

#include "critnet/countries.h"
#include "report/cells_i.h"

enum { MINERAL, IMPORTS, IMPORTS_AT_LEAST, WORLD, WORLD_AT_LEAST, YEAR, BASIS, GAP, BELOW, NOTE, NCOLS };

static const cn_i_col cols[NCOLS] = {
    [MINERAL] = {"mineral", CN_I_STR, 0},
    [IMPORTS] = {"imports_in_alliance", CN_I_PCT, 4},
    [IMPORTS_AT_LEAST] = {"imports_at_least", CN_I_BOOL, 0},
    [WORLD] = {"world_production_in_alliance", CN_I_PCT, 4},
    [WORLD_AT_LEAST] = {"world_at_least", CN_I_BOOL, 0},
    [YEAR] = {"production_year", CN_I_INT, 0},
    [BASIS] = {"production_basis", CN_I_STR, 0},
    [GAP] = {"gap", CN_I_PCT, 4},
    [BELOW] = {"below_threshold", CN_I_BOOL, 0},
    [NOTE] = {"note", CN_I_STR, 0},
};

static const cn_i_view csv_view[] = {
    {MINERAL, "mineral", -1, NULL, 0},
    {IMPORTS, "imports_in_alliance", -1, NULL, 0},
    {IMPORTS_AT_LEAST, "imports_at_least", -1, NULL, 0},
    {WORLD, "world_production_in_alliance", -1, NULL, 0},
    {WORLD_AT_LEAST, "world_at_least", -1, NULL, 0},
    {YEAR, "production_year", -1, NULL, 0},
    {GAP, "gap", -1, NULL, 0},
    {BELOW, "below_threshold", -1, NULL, 0},
    {NOTE, "note", -1, NULL, 0},
};

static const cn_i_view text_view[] = {
    {MINERAL, "MINERAL", -1, "-", 0},
    {IMPORTS, "IMPORTS IN ALLIANCE", -1, "unknown", 1},
    {WORLD, "WORLD PRODUCTION IN ALLIANCE", -1, "unknown", 1},
    {YEAR, "YEAR", -1, "-", 1},
    {GAP, "GAP", -1, "unknown", 1},
    {BELOW, "FLAG", -1, "", 0},
    {NOTE, "NOTE", -1, NULL, 0},
};

static const cn_i_layout layout = {cols, NCOLS, csv_view, text_view, sizeof csv_view / sizeof *csv_view,
                                   sizeof text_view / sizeof *text_view};

typedef struct ctx {
    const cn_net *net;
    const cn_coalition_result *r;
} ctx;

/* a lower bound in tables: ">=" and the percentage */
static void at_least(cn_i_cell *c, int bound)
{
    char b[32];
    if (bound && !isnan(c->x))
        snprintf(c->buf, sizeof c->buf, ">=%s", cn_i_pct(b, c->x)), c->s = c->buf;
}

static void fill(void *p, size_t i, cn_i_cell *c)
{
    const ctx *k = p;
    const cn_coalition_row *x = &k->r->rows[i];
    c[MINERAL].s = k->net->vertices[x->mineral].id;
    c[IMPORTS].x = x->imports_in;
    at_least(&c[IMPORTS], x->imports_at_least);
    c[IMPORTS_AT_LEAST].x = x->imports_at_least;
    c[WORLD].x = x->world_in;
    at_least(&c[WORLD], x->world_at_least);
    c[WORLD_AT_LEAST].x = x->world_at_least;
    c[YEAR].x = x->world_year ? x->world_year : NAN;
    c[BASIS].s = x->world_basis;
    c[GAP].x = x->gap;
    c[BELOW].x = x->below;
    c[BELOW].s = x->below ? "BELOW" : "";
    c[NOTE].s = x->note[0] ? x->note : NULL;
}

cn_status cn_report_coalition(const cn_net *net, const char *const *allies, size_t nallies,
                              const cn_coalition_result *r, cn_format fmt, FILE *fp, cn_error *err)
{
    ctx k = {net, r};
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject(); /* NULL: every cJSON_Add below does nothing */
        cn_i_json_str(root, "dataset", net->name);
        cJSON_AddStringToObject(root, "consumer", net->vertices[r->consumer].id);
        cJSON *al = cJSON_AddArrayToObject(root, "allies");
        for (size_t i = 0; i < nallies; i++)
            cJSON_AddItemToArray(al, cJSON_CreateString(allies[i]));
        cJSON_AddNumberToObject(root, "threshold", r->threshold);
        return cn_i_json_rows(root, "minerals", &layout, fill, &k, r->n, fp, err);
    }
    if (fmt != CN_FORMAT_CSV) {
        fprintf(fp, "Alliance:");
        for (size_t i = 0; i < nallies; i++) { /* the canonical id and its name */
            int32_t v = cn_net_find(net, allies[i]);
            const char *name = v >= 0 ? net->vertices[v].name : cn_country_name(allies[i]);
            fprintf(fp, "%s %s%s%s%s", i ? "," : "", allies[i], name && strcmp(name, allies[i]) ? " (" : "",
                    name && strcmp(name, allies[i]) ? name : "", name && strcmp(name, allies[i]) ? ")" : "");
        }
        fprintf(fp, "\nConsumer %s (%s); BELOW: the smaller known share is under %s\n\n",
                net->vertices[r->consumer].id, net->name ? net->name : "data",
                cn_i_pct_or((char[32]){0}, r->threshold, "unknown"));
    }
    return cn_i_rows_write(&layout, fill, &k, r->n, fmt, fp, err);
}
