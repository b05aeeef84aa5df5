/* io/report/cascade_report.c: the cascade result as a text table, CSV or Markdown (per country) or JSON (countries,
 * (country, product) nodes and every flow with its lost part, for renderers). Formats only. */
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

static cJSON *result_json(const cn_net *net, const cn_scenario *s, const cn_cascade_result *r)
{
    cJSON *root = cJSON_CreateObject();
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
    cJSON *arr = cJSON_AddArrayToObject(root, "countries");
    for (size_t i = 0; i < r->ncountries; i++) {
        const cn_cascade_country *c = &r->countries[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "country", net->vertices[c->country].id);
        cJSON_AddNumberToObject(o, "imports", c->imports);
        cJSON_AddNumberToObject(o, "lost_imports", c->lost_imports + 0.0);
        cn_i_json_num(o, "loss", c->loss);
        cJSON_AddNumberToObject(o, "exports", c->exports);
        cJSON_AddNumberToObject(o, "lost_exports", c->lost_exports + 0.0);
        cJSON_AddBoolToObject(o, "restricts", c->restricted);
        if (c->round)
            cJSON_AddNumberToObject(o, "first_hit_round", c->round);
        else
            cJSON_AddNullToObject(o, "first_hit_round");
        cJSON_AddBoolToObject(o, "hit_indirectly", c->round > 1);
        cJSON_AddItemToArray(arr, o);
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
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = result_json(net, s, r);
        return cn_i_json_finish(root, fp, err);
    }
    int csv = fmt == CN_FORMAT_CSV;
    static const char *const text_hdr[] = {"COUNTRY", "IMPORTS", "LOST", "LOSS", "EXPORTS", "EXPORTS CUT",
                                           "FIRST HIT (ROUND)", "HOW"};
    static const char *const csv_hdr[] = {"country", "imports", "lost_imports", "loss", "exports",
                                          "lost_exports", "first_hit_round", "restricts", "hit_indirectly"};
    cn_table t;
    cn_status st = cn_table_init(&t, csv ? 9 : 8, csv ? csv_hdr : text_hdr, err);
        if (st)
        return st;
    if (!csv)
        t.right = 0x7Eu;
    for (size_t i = 0; i < r->ncountries; i++) {
        const cn_cascade_country *c = &r->countries[i];
        char b[8][32], round[16];
        snprintf(round, sizeof round, "%d", (int)c->round);
        const char *id = net->vertices[c->country].id;
        if (csv) {
            const char *row[] = {id, cn_fmt_num(b[0], c->imports, 4), cn_fmt_num(b[1], c->lost_imports, 4),
                                 cn_i_num(b[2], c->loss, 4), cn_fmt_num(b[3], c->exports, 4),
                                 cn_fmt_num(b[4], c->lost_exports, 4), c->round ? round : NULL,
                                 c->restricted ? "1" : "0", c->round > 1 ? "1" : "0"};
            st = cn_table_add(&t, row, err);
        } else {
            const char *row[] = {id, cn_fmt_num(b[0], c->imports, 1), cn_fmt_num(b[1], c->lost_imports, 1),
                                 cn_i_pct_or(b[2], c->loss, "-"), cn_fmt_num(b[3], c->exports, 1),
                                 c->exports > 0 ? cn_i_pct_or(b[4], c->lost_exports / c->exports, "unknown") : "-",
                                 c->round ? round : "-", how(c)};
            st = cn_table_add(&t, row, err);
        }
        if (st) {
            cn_table_free(&t);
            return st;
        }
    }
    if (!csv) {
        fprintf(fp, "Cascade%s%s: ", s->name ? " " : "", s->name ? s->name : "");
        cn_i_shock_text(s, fp);
        fprintf(fp, " (%s, flows by %s); pass-through %s; %s after %d round%s\n\n",
                net->name ? net->name : "data", r->basis, cn_i_pct_or((char[32]){0}, r->pass_through, "unknown"),
                r->converged ? "fixed point" : "NOT converged", (int)r->rounds, r->rounds == 1 ? "" : "s");
    }
    st = cn_table_write(&t, fp, fmt, err);
    cn_table_free(&t);
    return st;
}
