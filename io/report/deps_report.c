/* io/report_deps.c: the deps result as a text table, CSV, Markdown or JSON. Unknown figures are written as
 * "no data" / "share unknown" in tables and null in JSON; nothing is filled in. */
#include "critnet/report.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/cells_i.h"

static const char *pct(char *buf, double x)
{
    if (isnan(x))
        return NULL;
    double p = x * 100.0;
    if (fabs(p - round(p)) < 1e-9)
        snprintf(buf, 32, "%.0f%%", round(p) + 0.0);
    else
        snprintf(buf, 32, "%.1f%%", p);
    return buf;
}

static const char *nir_cell(char *buf, const cn_deps_row *r)
{
    if (!r->has_nir)
        return "no data";
    if (r->nir_flags & CN_F_NET_EXPORTER)
        return "E (net exporter)";
    if (r->nir_text && *r->nir_text) {
        snprintf(buf, 32, "%s%%", r->nir_text);
        return buf;
    }
    return pct(buf, r->nir);
}




static const char *top_label(const cn_net *net, const cn_deps_row *r)
{
    if (r->top == CN_NONE)
        return NULL;
    return cn_net_country_label(net, r->top);
}

static cJSON *row_json(const cn_net *net, const cn_deps_row *r)
{
    cJSON *o = cJSON_CreateObject();
    const cn_vertex *m = &net->vertices[r->mineral];
    cJSON_AddStringToObject(o, "mineral", m->id);
    cJSON_AddStringToObject(o, "name", m->name);
    cn_i_json_num(o, "nir", r->has_nir ? r->nir : NAN);
    cn_i_json_num(o, "nir_low", r->has_nir ? r->nir_lo : NAN);
    cn_i_json_num(o, "nir_high", r->has_nir ? r->nir_hi : NAN);
    cn_i_json_str(o, "nir_text", r->nir_text);
    cJSON_AddBoolToObject(o, "net_exporter", (r->nir_flags & CN_F_NET_EXPORTER) != 0);
    cn_i_json_int(o, "nir_year", r->nir_year);
    cJSON_AddNumberToObject(o, "sources", r->n_sources);
    cJSON_AddNumberToObject(o, "sources_with_share", r->n_shares);
    cn_i_json_str(o, "top_supplier", r->top == CN_UNNAMED ? "(unnamed)" : top_label(net, r));
    cn_i_json_num(o, "top_share", r->imp.top_share);
    cn_i_json_int(o, "top_rank", r->top_rank);
    cn_i_json_num(o, "hhi", r->imp.hhi);
    cn_i_json_num(o, "hhi_max", r->imp.hhi_max);
    cn_i_json_num(o, "effective_suppliers", r->imp.effective);
    cn_i_json_num(o, "cr3", r->imp.cr3);
    cn_i_json_num(o, "other_share", r->other_share);
    cn_i_json_num(o, "residual", r->imp.residual);
    cn_i_json_str(o, "period", r->period);
    cn_i_json_str(o, "basis", r->basis);
    cn_i_json_int(o, "production_year", r->prod_year);
    cn_i_json_str(o, "top_producer", r->prod_top == CN_NONE ? NULL : cn_net_country_label(net, r->prod_top));
    cn_i_json_num(o, "top_producer_share", r->prod.top_share);
    cn_i_json_num(o, "production_hhi", r->prod.hhi);
    cn_i_json_num(o, "effective_producers", r->prod.effective);
    cn_i_json_num(o, "severity", r->severity);
    cJSON_AddStringToObject(o, "severity_basis", r->severity_world ? "world production" : "imports");
    cJSON_AddBoolToObject(o, "single_source", r->single_source);
    cn_i_json_str(o, "note", r->reason && *r->reason ? r->reason : NULL);
    if (r->source >= 0) {
        const cn_source *s = &net->sources[r->source];
        cn_i_json_str(o, "source", s->url ? s->url : s->title);
    } else {
        cJSON_AddNullToObject(o, "source");
    }
    return o;
}

cn_status cn_report_deps(const cn_net *net, const cn_deps_result *r, cn_format fmt, FILE *fp)
{
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject();
        cn_i_json_str(root, "dataset", net->name);
        cJSON_AddStringToObject(root, "consumer", net->vertices[r->consumer].id);
        cJSON_AddNumberToObject(root, "threshold", r->threshold);
        cJSON *arr = cJSON_AddArrayToObject(root, "minerals");
        for (size_t i = 0; i < r->n; i++)
            cJSON_AddItemToArray(arr, row_json(net, &r->rows[i]));
        return cn_i_json_finish(root, fp);
    }
    int csv = fmt == CN_FORMAT_CSV;
    static const char *const text_hdr[] = {"MINERAL", "NIR", "SOURCES", "TOP", "SHARE", "HHI", "EFF.N",
                                           "OTHER", "PRODUCER", "P.SHARE", "P.HHI", "SEVERITY", "FLAG", "NOTE"};
    static const char *const csv_hdr[] = {"mineral", "nir", "nir_text", "sources", "top_supplier",
                                          "top_share", "hhi", "hhi_max", "effective_suppliers", "other_share",
                                          "residual", "severity", "single_source", "period", "note",
                                          "production_year", "top_producer", "top_producer_share",
                                          "production_hhi", "effective_producers", "severity_basis"};
    cn_table t;
    if (cn_table_init(&t, csv ? 21 : 14, csv ? csv_hdr : text_hdr))
        return CN_ENOMEM;
    if (!csv)
        t.right = (1u << 1) | (1u << 2) | (1u << 4) | (1u << 5) | (1u << 6) | (1u << 7) | (1u << 9) |
                  (1u << 10) | (1u << 11);
    for (size_t i = 0; i < r->n; i++) {
        const cn_deps_row *x = &r->rows[i];
        char b[16][32], nsrc[16], pyear[16];
        snprintf(pyear, sizeof pyear, "%d", (int)x->prod_year);
        const char *producer = x->prod_top == CN_NONE ? NULL : cn_net_country_label(net, x->prod_top);
        const char *basis = isnan(x->severity) ? NULL : x->severity_world ? "world production" : "imports";
        snprintf(nsrc, sizeof nsrc, "%d", (int)x->n_sources);
        const char *top = x->top == CN_NONE ? NULL : cn_net_country_label(net, x->top);
        const char *note = x->reason && *x->reason ? x->reason : NULL;
        if (csv) {
            const char *row[] = {net->vertices[x->mineral].id, cn_i_num(b[0], x->has_nir ? x->nir : NAN, 4),
                                 x->nir_text, nsrc, top, cn_i_num(b[1], x->imp.top_share, 4),
                                 cn_i_num(b[2], x->imp.hhi, 4), cn_i_num(b[3], x->imp.hhi_max, 4),
                                 cn_i_num(b[4], x->imp.effective, 4), cn_i_num(b[5], x->other_share, 4),
                                 cn_i_num(b[7], x->imp.residual, 4), cn_i_num(b[6], x->severity, 4), x->single_source ? "1" : "0", x->period, note,
                                 x->prod_year ? pyear : NULL, producer, cn_i_num(b[8], x->prod.top_share, 4),
                                 cn_i_num(b[9], x->prod.hhi, 4), cn_i_num(b[10], x->prod.effective, 4), basis};
            if (cn_table_add(&t, row))
                goto oom;
        } else {
            const char *share = pct(b[1], x->imp.top_share);
            if (!share && top)
                share = "unknown";
            const char *row[] = {net->vertices[x->mineral].id, nir_cell(b[0], x), nsrc, top ? top : "-",
                                 share ? share : "-", cn_i_num(b[2], x->imp.hhi, 4) ? b[2] : "-",
                                 cn_i_num(b[3], x->imp.effective, 2) ? b[3] : "-",
                                 pct(b[4], x->other_share) ? b[4] : "-", producer ? producer : "-",
                                 pct(b[11], x->prod.top_share) ? b[11] : "-",
                                 cn_i_num(b[12], x->prod.hhi, 4) ? b[12] : "-",
                                 cn_i_num(b[5], x->severity, 2) ? b[5] : "-",
                                 x->single_source ? "SINGLE-SOURCE" : "", note};
            if (cn_table_add(&t, row))
                goto oom;
        }
    }
    if (!csv)
        fprintf(fp, "Import dependencies of %s (%s), threshold %s\n\n", net->vertices[r->consumer].id,
                net->name ? net->name : "data", cn_fmt_num((char[32]){0}, r->threshold, 2));
    cn_table_write(&t, fp, fmt);
    cn_table_free(&t);
    return CN_OK;
oom:
    cn_table_free(&t);
    return CN_ENOMEM;
}
