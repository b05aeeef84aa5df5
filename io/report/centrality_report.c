/* io/report_centrality.c: centrality results and one-mode projections as text, CSV, Markdown, JSON, and
 * projections as GraphML. Formatting only. */
#include "critnet/report.h"
#include "report/cells_i.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define add_num cn_i_json_num

static const char *graph_name(cn_onto onto)
{
    return onto == CN_ONTO_COUNTRIES ? "countries" : onto == CN_ONTO_MINERALS ? "minerals" : "bipartite";
}

static const char *type_name(const cn_net *net, int32_t v)
{
    return net->vertices[v].type == CN_VERTEX_COUNTRY ? "country" : "mineral";
}

/* the measures a result has columns for: those asked for and defined on its graph */
static int shown(const cn_centrality_result *r, int m)
{
    return (r->opts.measures & (1u << m)) && !(m == CN_MEASURE_HUB && r->opts.projection != CN_ONTO_NONE);
}

static const char *const notes[] = {
    "eigenvector and hub scores are computed per connected component, scaled to 1 in each",
    "hub: hub score for countries, authority score for minerals (country -> mineral)",
    "path measures use the length 1/share; strength, PageRank, eigenvector and hub use the share",
};

cn_status cn_report_centrality(const cn_net *net, const cn_centrality_result *r, cn_format fmt, FILE *fp)
{
    const cn_centrality_opts *o = &r->opts;
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject();
        if (net->name)
            cJSON_AddStringToObject(root, "dataset", net->name);
        cJSON_AddStringToObject(root, "graph", graph_name(o->projection));
        cJSON_AddStringToObject(root, "weights", o->weighted ? "share" : "none");
        cJSON_AddBoolToObject(root, "bipartite_normalized", o->bipartite_norm);
        cJSON_AddNumberToObject(root, "vertices", (double)r->n);
        cJSON_AddNumberToObject(root, "edges", r->nedges);
        cJSON_AddNumberToObject(root, "edges_without_share", r->dropped);
        cJSON_AddNumberToObject(root, "components", r->ncomponents);
        cJSON_AddStringToObject(root, "sorted_by", cn_measure_name(r->sort_by));
        cJSON *nt = cJSON_AddArrayToObject(root, "notes");
        if (r->ncomponents > 1 && (shown(r, CN_MEASURE_EIGENVECTOR) || shown(r, CN_MEASURE_HUB)))
            cJSON_AddItemToArray(nt, cJSON_CreateString(notes[0]));
        cJSON *arr = cJSON_AddArrayToObject(root, "rows");
        for (size_t i = 0; i < r->n; i++) {
            const cn_centrality_row *x = &r->rows[i];
            cJSON *row = cJSON_CreateObject();
            cJSON_AddStringToObject(row, "id", net->vertices[x->vertex].id);
            cJSON_AddStringToObject(row, "type", type_name(net, x->vertex));
            cJSON_AddNumberToObject(row, "component", x->component);
            for (int m = 0; m < CN_MEASURE_COUNT; m++)
                if (shown(r, m))
                    add_num(row, cn_measure_name((cn_measure)m), x->v[m]);
            cJSON_AddItemToArray(arr, row);
        }
        cn_status st = cn_json_write_value(root, fp);
        cJSON_Delete(root);
        return st;
    }
    const char *hdr[3 + CN_MEASURE_COUNT];
    char up[CN_MEASURE_COUNT][16];
    size_t nc = 0;
    int csv = fmt == CN_FORMAT_CSV;
    hdr[nc++] = csv ? "id" : "VERTEX";
    hdr[nc++] = csv ? "type" : "TYPE";
    hdr[nc++] = csv ? "component" : "COMP";
    for (int m = 0; m < CN_MEASURE_COUNT; m++) {
        if (!shown(r, m))
            continue;
        const char *s = cn_measure_name((cn_measure)m);
        size_t j = 0;
        for (; s[j] && j < sizeof up[m] - 1; j++)
            up[m][j] = csv ? s[j] : (char)(s[j] - 32 * (s[j] >= 'a' && s[j] <= 'z'));
        up[m][j] = '\0';
        hdr[nc++] = up[m];
    }
    cn_table t;
    if (cn_table_init(&t, nc, hdr))
        return CN_ENOMEM;
    if (!csv)
        t.right = ~0u << 2;
    for (size_t i = 0; i < r->n; i++) {
        const cn_centrality_row *x = &r->rows[i];
        const char *cells[3 + CN_MEASURE_COUNT];
        char buf[CN_MEASURE_COUNT + 1][32];
        size_t k = 0;
        cells[k++] = net->vertices[x->vertex].id;
        cells[k++] = type_name(net, x->vertex);
        snprintf(buf[CN_MEASURE_COUNT], 32, "%d", (int)x->component);
        cells[k++] = buf[CN_MEASURE_COUNT];
        for (int m = 0; m < CN_MEASURE_COUNT; m++) {
            if (!shown(r, m))
                continue;
            int integral = m == CN_MEASURE_DEGREE && !o->bipartite_norm;
            cells[k++] = isnan(x->v[m]) ? (csv ? "" : "-") : cn_fmt_num(buf[m], x->v[m], integral ? 0 : csv ? 12 : 4);
        }
        if (cn_table_add(&t, cells)) {
            cn_table_free(&t);
            return CN_ENOMEM;
        }
    }
    if (!csv) {
        fprintf(fp, "Centrality on the %s graph of %s: %zu vertices, %d edges, %d component%s; weights: %s%s\n",
                graph_name(o->projection), net->name ? net->name : "the data", r->n, (int)r->nedges,
                (int)r->ncomponents, r->ncomponents == 1 ? "" : "s", o->weighted ? "share" : "none",
                o->bipartite_norm ? "; bipartite normalisation (Borgatti-Everett)" : "");
        if (r->dropped)
            fprintf(fp, "%d edge%s without a known share left out\n", (int)r->dropped, r->dropped == 1 ? "" : "s");
        if (r->ncomponents > 1 && (shown(r, CN_MEASURE_EIGENVECTOR) || shown(r, CN_MEASURE_HUB)))
            fprintf(fp, "note: %s\n", notes[0]);
        if (shown(r, CN_MEASURE_HUB))
            fprintf(fp, "note: %s\n", notes[1]);
        if (o->weighted)
            fprintf(fp, "note: %s\n", notes[2]);
        fprintf(fp, "sorted by %s\n\n", cn_measure_name(r->sort_by));
    }
    cn_table_write(&t, fp, fmt);
    cn_table_free(&t);
    return CN_OK;
}

static void xml_text(FILE *fp, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", fp); break;
        case '>': fputs("&gt;", fp); break;
        case '&': fputs("&amp;", fp); break;
        case '"': fputs("&quot;", fp); break;
        default: fputc(*s, fp);
        }
    }
}

static void graphml(const cn_net *net, const cn_projection_result *p, FILE *fp)
{
    char b[32];
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
          "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
          "  <key id=\"shared\" for=\"edge\" attr.name=\"shared\" attr.type=\"int\"/>\n"
          "  <key id=\"min_share\" for=\"edge\" attr.name=\"min_share\" attr.type=\"double\"/>\n",
          fp);
    fprintf(fp, "  <graph id=\"%s\" edgedefault=\"undirected\">\n", graph_name(p->onto));
    for (int32_t i = 0; i < p->nvertices; i++) {
        const cn_vertex *v = &net->vertices[p->vertices[i]];
        fputs("    <node id=\"", fp);
        xml_text(fp, v->id);
        fputs("\"><data key=\"name\">", fp);
        xml_text(fp, v->name);
        fputs("</data></node>\n", fp);
    }
    for (int32_t e = 0; e < p->nedges; e++) {
        const cn_proj_edge *x = &p->edges[e];
        fputs("    <edge source=\"", fp);
        xml_text(fp, net->vertices[x->a].id);
        fputs("\" target=\"", fp);
        xml_text(fp, net->vertices[x->b].id);
        fprintf(fp, "\"><data key=\"shared\">%d</data>", (int)x->shared);
        if (!isnan(x->min_share))
            fprintf(fp, "<data key=\"min_share\">%s</data>", cn_fmt_num(b, x->min_share, 12));
        fputs("</edge>\n", fp);
    }
    fputs("  </graph>\n</graphml>\n", fp);
}

cn_status cn_report_projection(const cn_net *net, const cn_projection_result *p, cn_format fmt, int as_graphml, FILE *fp)
{
    if (as_graphml) {
        graphml(net, p, fp);
        return CN_OK;
    }
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject();
        if (net->name)
            cJSON_AddStringToObject(root, "dataset", net->name);
        cJSON_AddStringToObject(root, "onto", graph_name(p->onto));
        cJSON *vs = cJSON_AddArrayToObject(root, "vertices");
        for (int32_t i = 0; i < p->nvertices; i++)
            cJSON_AddItemToArray(vs, cJSON_CreateString(net->vertices[p->vertices[i]].id));
        cJSON *es = cJSON_AddArrayToObject(root, "edges");
        for (int32_t e = 0; e < p->nedges; e++) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "a", net->vertices[p->edges[e].a].id);
            cJSON_AddStringToObject(o, "b", net->vertices[p->edges[e].b].id);
            cJSON_AddNumberToObject(o, "shared", p->edges[e].shared);
            add_num(o, "min_share", p->edges[e].min_share);
            cJSON_AddItemToArray(es, o);
        }
        cn_status st = cn_json_write_value(root, fp);
        cJSON_Delete(root);
        return st;
    }
    int csv = fmt == CN_FORMAT_CSV;
    static const char *const th[] = {"A", "B", "SHARED", "MIN-SHARE SUM"};
    static const char *const ch[] = {"a", "b", "shared", "min_share"};
    cn_table t;
    if (cn_table_init(&t, 4, csv ? ch : th))
        return CN_ENOMEM;
    t.right = csv ? 0 : (1u << 2) | (1u << 3);
    for (int32_t e = 0; e < p->nedges; e++) {
        char b1[32], b2[32];
        const cn_proj_edge *x = &p->edges[e];
        snprintf(b1, sizeof b1, "%d", (int)x->shared);
        const char *ms = isnan(x->min_share) ? (csv ? "" : "unknown") : cn_fmt_num(b2, x->min_share, csv ? 12 : 4);
        const char *cells[] = {net->vertices[x->a].id, net->vertices[x->b].id, b1, ms};
        if (cn_table_add(&t, cells)) {
            cn_table_free(&t);
            return CN_ENOMEM;
        }
    }
    if (!csv)
        fprintf(fp, "Projection of %s onto %s: %d vertices, %d edges (shared neighbours; sum of min shares)\n\n",
                net->name ? net->name : "the data", graph_name(p->onto), (int)p->nvertices, (int)p->nedges);
    cn_table_write(&t, fp, fmt);
    cn_table_free(&t);
    return CN_OK;
}
