/* io/report_coalition.c: the coalition result as a text table, CSV, Markdown or JSON. A share that is a
 * lower bound (an unlisted residual may hold more allies) is written ">=x%" and flagged in JSON/CSV. */
#include "critnet/report.h"

#include <string.h>

#include "report/fmt_i.h"

static const char *bounded(char *buf, double x, int at_least)
{
    char b[32];
    if (isnan(x))
        return "unknown";
    snprintf(buf, 40, "%s%s", at_least ? ">=" : "", cn_rf_pct(b, x));
    return buf;
}

cn_status cn_report_coalition(const cn_net *net, const char *const *allies, size_t nallies,
                              const cn_coalition_result *r, cn_format fmt, FILE *fp)
{
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject();
        cn_rf_jstr(root, "dataset", net->name);
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
            cn_rf_jnum(o, "imports_in_alliance", x->imports_in);
            cJSON_AddBoolToObject(o, "imports_at_least", x->imports_at_least);
            cn_rf_jnum(o, "world_production_in_alliance", x->world_in);
            cJSON_AddBoolToObject(o, "world_at_least", x->world_at_least);
            if (x->world_year)
                cJSON_AddNumberToObject(o, "production_year", x->world_year);
            else
                cJSON_AddNullToObject(o, "production_year");
            cn_rf_jstr(o, "production_basis", x->world_basis);
            cn_rf_jnum(o, "gap", x->gap);
            cJSON_AddBoolToObject(o, "below_threshold", x->below);
            cn_rf_jstr(o, "note", x->note[0] ? x->note : NULL);
            cJSON_AddItemToArray(arr, o);
        }
        cn_status st = cn_json_write_value(root, fp);
        cJSON_Delete(root);
        return st;
    }
    int csv = fmt == CN_FORMAT_CSV;
    static const char *const text_hdr[] = {"MINERAL", "IMPORTS IN ALLIANCE", "WORLD PRODUCTION IN ALLIANCE",
                                           "YEAR", "GAP", "FLAG", "NOTE"};
    static const char *const csv_hdr[] = {"mineral", "imports_in_alliance", "imports_at_least",
                                          "world_production_in_alliance", "world_at_least", "production_year",
                                          "gap", "below_threshold", "note"};
    cn_table t;
    if (cn_table_init(&t, csv ? 9 : 7, csv ? csv_hdr : text_hdr))
        return CN_ENOMEM;
    if (!csv)
        t.right = 0x1Eu;
    for (size_t i = 0; i < r->n; i++) {
        const cn_coalition_row *x = &r->rows[i];
        char b[4][40], year[16];
        snprintf(year, sizeof year, "%d", (int)x->world_year);
        const char *id = net->vertices[x->mineral].id, *note = x->note[0] ? x->note : NULL;
        cn_status st;
        if (csv) {
            const char *row[] = {id, cn_rf_csv(b[0], x->imports_in), x->imports_at_least ? "1" : "0",
                                 cn_rf_csv(b[1], x->world_in), x->world_at_least ? "1" : "0",
                                 x->world_year ? year : NULL, cn_rf_csv(b[2], x->gap), x->below ? "1" : "0",
                                 note};
            st = cn_table_add(&t, row);
        } else {
            const char *row[] = {id, bounded(b[0], x->imports_in, x->imports_at_least),
                                 bounded(b[1], x->world_in, x->world_at_least), x->world_year ? year : "-",
                                 cn_rf_pct(b[2], x->gap), x->below ? "BELOW" : "", note};
            st = cn_table_add(&t, row);
        }
        if (st) {
            cn_table_free(&t);
            return CN_ENOMEM;
        }
    }
    if (!csv) {
        fprintf(fp, "Alliance:");
        for (size_t i = 0; i < nallies; i++)
            fprintf(fp, " %s", allies[i]);
        fprintf(fp, "\nConsumer %s (%s); BELOW: the smaller known share is under %s\n\n",
                net->vertices[r->consumer].id, net->name ? net->name : "data",
                cn_rf_pct((char[32]){0}, r->threshold));
    }
    cn_table_write(&t, fp, fmt);
    cn_table_free(&t);
    return CN_OK;
}
