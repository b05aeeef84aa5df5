/* io/report_market.c: the concentration (market) result as a text table, CSV, Markdown or JSON. Unknown
 * figures are "-" / "unknown" in tables and null in JSON; nothing is filled in. */
#include "critnet/report.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>

#include "critnet/concentration.h"
#include "report/cells_i.h"



static const char *top_of(const cn_net *net, const cn_concentration_row *r)
{
    return r->top == CN_NONE ? NULL : cn_net_country_label(net, r->top);
}

static cJSON *row_json(const cn_net *net, const cn_concentration_row *r)
{
    cJSON *o = cJSON_CreateObject();
    const cn_vertex *m = &net->vertices[r->mineral];
    cJSON_AddStringToObject(o, "mineral", m->id);
    cn_i_json_str(o, "stage", m->stage);
    cn_i_json_int(o, "year", r->year);
    cn_i_json_str(o, "period", r->period);
    cJSON_AddNumberToObject(o, "listed", r->n_listed);
    cJSON_AddNumberToObject(o, "share_unknown", r->n_unknown);
    cn_i_json_str(o, "top", top_of(net, r));
    cn_i_json_int(o, "top_rank", r->top_rank);
    cn_i_json_num(o, "top_share", r->c.top_share);
    cn_i_json_num(o, "cr3", r->c.cr3);
    cn_i_json_num(o, "hhi", r->c.hhi);
    cn_i_json_num(o, "hhi_max", r->c.hhi_max);
    cn_i_json_num(o, "effective", r->c.effective);
    cn_i_json_num(o, "residual", r->c.residual);
    cn_i_json_num(o, "other_share", r->other_share);
    cn_i_json_num(o, "total", r->total);
    cn_i_json_str(o, "unit", r->unit);
    cn_i_json_str(o, "source", r->source >= 0 ? net->sources[r->source].url : NULL);
    return o;
}

cn_status cn_report_concentration(const cn_net *net, const cn_concentration_result *r, cn_format fmt, FILE *fp)
{
    int prod = r->layer == CN_LAYER_PRODUCTION;
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject();
        if (net->name)
            cJSON_AddStringToObject(root, "dataset", net->name);
        cJSON_AddStringToObject(root, "layer", prod ? "production" : "imports");
        if (!prod)
            cJSON_AddStringToObject(root, "consumer", net->vertices[r->consumer].id);
        cJSON *arr = cJSON_AddArrayToObject(root, "minerals");
        for (size_t i = 0; i < r->n; i++)
            cJSON_AddItemToArray(arr, row_json(net, &r->rows[i]));
        return cn_i_json_finish(root, fp);
    }
    int csv = fmt == CN_FORMAT_CSV;
    const char *const text_hdr[] = {"MINERAL", prod ? "YEAR" : "PERIOD", "LISTED", "TOP", "SHARE", "CR3", "HHI", "EFF.N",
                                           "RESIDUAL", "OTHER"};
    static const char *const csv_hdr[] = {"mineral", "year", "period", "listed", "share_unknown", "top",
                                          "top_rank", "top_share", "cr3", "hhi", "hhi_max", "effective",
                                          "residual", "other_share", "total", "unit"};
    cn_table t;
    if (cn_table_init(&t, csv ? 16 : 10, csv ? csv_hdr : text_hdr))
        return CN_ENOMEM;
    if (!csv)
        t.right = 0x3F6u; /* every column but MINERAL and TOP */
    for (size_t i = 0; i < r->n; i++) {
        const cn_concentration_row *x = &r->rows[i];
        char b[12][32], year[16], listed[16], unknown[16], rank[16];
        snprintf(year, sizeof year, "%d", (int)x->year);
        snprintf(listed, sizeof listed, "%d", (int)x->n_listed);
        snprintf(unknown, sizeof unknown, "%d", (int)x->n_unknown);
        snprintf(rank, sizeof rank, "%d", (int)x->top_rank);
        const char *top = top_of(net, x);
        const char *when = x->year ? year : x->period;
        if (csv) {
            const char *row[] = {net->vertices[x->mineral].id, x->year ? year : NULL, x->period, listed, unknown,
                                 top, x->top_rank ? rank : NULL, cn_i_num(b[0], x->c.top_share, 4),
                                 cn_i_num(b[1], x->c.cr3, 4), cn_i_num(b[2], x->c.hhi, 4), cn_i_num(b[3], x->c.hhi_max, 4),
                                 cn_i_num(b[4], x->c.effective, 4), cn_i_num(b[5], x->c.residual, 4),
                                 cn_i_num(b[6], x->other_share, 4), cn_i_num(b[7], x->total, 6), x->unit};
            if (cn_table_add(&t, row))
                goto oom;
        } else {
            const char *share = cn_i_num(b[0], x->c.top_share, 4);
            const char *row[] = {net->vertices[x->mineral].id, when ? when : "-", listed, top ? top : "-",
                                 share ? share : (top ? "unknown" : "-"),
                                 cn_i_num(b[1], x->c.cr3, 4) ? b[1] : "-", cn_i_num(b[2], x->c.hhi, 4) ? b[2] : "-",
                                 cn_i_num(b[3], x->c.effective, 2) ? b[3] : "-",
                                 cn_i_num(b[4], x->c.residual, 4) ? b[4] : "-",
                                 cn_i_num(b[5], x->other_share, 4) ? b[5] : "-"};
            if (cn_table_add(&t, row))
                goto oom;
        }
    }
    if (!csv) {
        if (prod)
            fprintf(fp, "World-production concentration (%s): shares of the world total\n\n",
                    net->name ? net->name : "data");
        else
            fprintf(fp, "Import concentration of %s (%s): shares of its imports\n\n", net->vertices[r->consumer].id,
                    net->name ? net->name : "data");
    }
    cn_table_write(&t, fp, fmt);
    cn_table_free(&t);
    return CN_OK;
oom:
    cn_table_free(&t);
    return CN_ENOMEM;
}
