/* io/report/coalition_report.c: the coalition result as a text table, CSV, Markdown or JSON. A share that is a
 * lower bound (an unlisted residual may hold more allies) is written ">=x%" and flagged in JSON/CSV. */
#include "critnet/report.h"

#include <math.h>
#include <string.h>

#include "report/cells_i.h"

static const char *bounded(char *buf, double x, int at_least)
{
    char b[32];
    if (isnan(x))
        return "unknown";
    snprintf(buf, 40, "%s%s", at_least ? ">=" : "", cn_i_pct_or(b, x, "unknown"));
    return buf;
}

cn_status cn_report_coalition(const cn_net *net, const char *const *allies, size_t nallies,
                              const cn_coalition_result *r, cn_format fmt, FILE *fp, cn_error *err)
{
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject();
        cn_i_json_str(root, "dataset", net->name);
        cJSON_AddStringToObject(root, "consumer", net->vertices[r->consumer].id);
        cJSON *al = cJSON_AddArrayToObject(root, "allies");
        for (size_t i = 0; i < nallies; i++)
            cJSON_AddItemToArray(al, cJSON_CreateString(allies[i]));
        cJSON_AddNumberToObject(root, "threshold", r->threshold);
        cJSON *arr = cJSON_AddArrayToObject(root, "minerals");
        for (size_t i = 0; i < r->n; i++) {
            const cn_coalition_row *x = &r->rows[i];
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "mineral", net->vertices[x->mineral].id);
            cn_i_json_num(o, "imports_in_alliance", x->imports_in);
            cJSON_AddBoolToObject(o, "imports_at_least", x->imports_at_least);
            cn_i_json_num(o, "world_production_in_alliance", x->world_in);
            cJSON_AddBoolToObject(o, "world_at_least", x->world_at_least);
            if (x->world_year)
                cJSON_AddNumberToObject(o, "production_year", x->world_year);
            else
                cJSON_AddNullToObject(o, "production_year");
            cn_i_json_str(o, "production_basis", x->world_basis);
            cn_i_json_num(o, "gap", x->gap);
            cJSON_AddBoolToObject(o, "below_threshold", x->below);
            cn_i_json_str(o, "note", x->note[0] ? x->note : NULL);
            cJSON_AddItemToArray(arr, o);
        }
        return cn_i_json_finish(root, fp, err);
    }
    int csv = fmt == CN_FORMAT_CSV;
    static const char *const text_hdr[] = {"MINERAL", "IMPORTS IN ALLIANCE", "WORLD PRODUCTION IN ALLIANCE",
                                           "YEAR", "GAP", "FLAG", "NOTE"};
    static const char *const csv_hdr[] = {"mineral", "imports_in_alliance", "imports_at_least",
                                          "world_production_in_alliance", "world_at_least", "production_year",
                                          "gap", "below_threshold", "note"};
    cn_table t;
    cn_status st = cn_table_init(&t, csv ? 9 : 7, csv ? csv_hdr : text_hdr, err);
        if (st)
        return st;
    if (!csv)
        t.right = 0x1Eu;
    for (size_t i = 0; i < r->n; i++) {
        const cn_coalition_row *x = &r->rows[i];
        char b[4][40], year[16];
        snprintf(year, sizeof year, "%d", (int)x->world_year);
        const char *id = net->vertices[x->mineral].id, *note = x->note[0] ? x->note : NULL;
        if (csv) {
            const char *row[] = {id, cn_i_num(b[0], x->imports_in, 4), x->imports_at_least ? "1" : "0",
                                 cn_i_num(b[1], x->world_in, 4), x->world_at_least ? "1" : "0",
                                 x->world_year ? year : NULL, cn_i_num(b[2], x->gap, 4), x->below ? "1" : "0",
                                 note};
            st = cn_table_add(&t, row, err);
        } else {
            const char *row[] = {id, bounded(b[0], x->imports_in, x->imports_at_least),
                                 bounded(b[1], x->world_in, x->world_at_least), x->world_year ? year : "-",
                                 cn_i_pct_or(b[2], x->gap, "unknown"), x->below ? "BELOW" : "", note};
            st = cn_table_add(&t, row, err);
        }
        if (st) {
            cn_table_free(&t);
            return st;
        }
    }
    if (!csv) {
        fprintf(fp, "Alliance:");
        for (size_t i = 0; i < nallies; i++)
            fprintf(fp, " %s", allies[i]);
        fprintf(fp, "\nConsumer %s (%s); BELOW: the smaller known share is under %s\n\n",
                net->vertices[r->consumer].id, net->name ? net->name : "data",
                cn_i_pct_or((char[32]){0}, r->threshold, "unknown"));
    }
    st = cn_table_write(&t, fp, fmt, err);
    cn_table_free(&t);
    return st;
}
