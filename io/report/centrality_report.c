/* io/report/centrality_report.c: centrality results and one-mode projections as text, CSV, Markdown, JSON, and
 * projections as GraphML. Formatting only. */
#include "critnet/report.h"
#include "report/cells_i.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *graph_name(cn_projection_onto onto)
{
    return onto == CN_PROJECTION_ONTO_COUNTRIES ? "countries" : onto == CN_PROJECTION_ONTO_MINERALS ? "minerals" : "bipartite";
}

static const char *type_name(const cn_net *net, int32_t v)
{
    return net->vertices[v].type == CN_VERTEX_COUNTRY ? "country" : "mineral";
}

/* the measures a result has columns for: those asked for and defined on its graph */
static int shown(const cn_centrality_result *r, int m)
{
    return (r->opts.measures & (1u << m)) && !(m == CN_MEASURE_HUB && r->opts.projection != CN_PROJECTION_ONTO_NONE);
}

static const char *const notes[] = {
    "eigenvector and hub scores are computed per connected component, scaled to 1 in each",
    "hub: hub score for countries, authority score for minerals (country -> mineral)",
    "path measures use the length 1/share; strength, PageRank, eigenvector and hub use the share",
};

/* columns: id, type, component, then one per measure (CN_MEASURE_COUNT of them) */
enum { ID, TYPE, COMPONENT, FIRST_MEASURE, NCOLS = FIRST_MEASURE + CN_MEASURE_COUNT };

typedef struct ctx {
    const cn_net *net;
    const cn_centrality_result *r;
} ctx;

static void fill(void *p, size_t i, cn_i_cell *c)
{
    const ctx *k = p;
    const cn_centrality_row *x = &k->r->rows[i];
    c[ID].s = k->net->vertices[x->vertex].id;
    c[TYPE].s = type_name(k->net, x->vertex);
    c[COMPONENT].x = x->component;
    for (int m = 0; m < CN_MEASURE_COUNT; m++)
        c[FIRST_MEASURE + m].x = x->v[m];
}

cn_status cn_report_centrality(const cn_net *net, const cn_centrality_result *r, cn_format fmt, FILE *fp,
                               cn_error *err)
{
    const cn_centrality_opts *o = &r->opts;
    cn_i_col cols[NCOLS] = {[ID] = {"id", CN_I_STR, 0}, [TYPE] = {"type", CN_I_STR, 0},
                            [COMPONENT] = {"component", CN_I_INT, 0}};
    cn_i_view csv[NCOLS] = {{ID, "id", -1, NULL, 0}, {TYPE, "type", -1, NULL, 0},
                            {COMPONENT, "component", -1, NULL, 0}};
    cn_i_view text[NCOLS] = {{ID, "VERTEX", -1, "-", 0}, {TYPE, "TYPE", -1, "-", 0},
                             {COMPONENT, "COMP", -1, "-", 1}};
    char up[CN_MEASURE_COUNT][16];
    size_t nv = FIRST_MEASURE;
    for (int m = 0; m < CN_MEASURE_COUNT; m++) {
        const char *name = cn_measure_name((cn_measure)m);
        int integral = m == CN_MEASURE_DEGREE && !o->bipartite_norm;
        cols[FIRST_MEASURE + m] = (cn_i_col){shown(r, m) ? name : NULL, CN_I_NUM, integral ? 0 : 12};
        if (!shown(r, m))
            continue;
        size_t j = 0;
        for (; name[j] && j < sizeof up[m] - 1; j++)
            up[m][j] = (char)(name[j] - 32 * (name[j] >= 'a' && name[j] <= 'z'));
        up[m][j] = '\0';
        csv[nv] = (cn_i_view){FIRST_MEASURE + m, name, -1, NULL, 0};
        text[nv++] = (cn_i_view){FIRST_MEASURE + m, up[m], integral ? 0 : 4, "-", 1};
    }
    cn_i_layout layout = {cols, NCOLS, csv, text, nv, nv};
    ctx k = {net, r};
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject(); /* NULL: every cJSON_Add below does nothing */
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
        return cn_i_json_rows(root, "rows", &layout, fill, &k, r->n, fp, err);
    }
    if (fmt != CN_FORMAT_CSV) {
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
    return cn_i_rows_write(&layout, fill, &k, r->n, fmt, fp, err);
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
        const cn_projection_edge *x = &p->edges[e];
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

enum { EDGE_A, EDGE_B, EDGE_SHARED, EDGE_MIN_SHARE, EDGE_NCOLS };

static const cn_i_col edge_cols[EDGE_NCOLS] = {
    {"a", CN_I_STR, 0}, {"b", CN_I_STR, 0}, {"shared", CN_I_INT, 0}, {"min_share", CN_I_NUM, 12}};
static const cn_i_view edge_csv[] = {{EDGE_A, "a", -1, NULL, 0}, {EDGE_B, "b", -1, NULL, 0},
                                     {EDGE_SHARED, "shared", -1, NULL, 0}, {EDGE_MIN_SHARE, "min_share", -1, NULL, 0}};
static const cn_i_view edge_text[] = {{EDGE_A, "A", -1, "-", 0}, {EDGE_B, "B", -1, "-", 0},
                                      {EDGE_SHARED, "SHARED", -1, "-", 1},
                                      {EDGE_MIN_SHARE, "MIN-SHARE SUM", 4, "unknown", 1}};
static const cn_i_layout edge_layout = {edge_cols, EDGE_NCOLS, edge_csv, edge_text, 4, 4};

typedef struct edge_ctx {
    const cn_net *net;
    const cn_projection_result *p;
} edge_ctx;

static void fill_edge(void *p, size_t i, cn_i_cell *c)
{
    const edge_ctx *k = p;
    const cn_projection_edge *x = &k->p->edges[i];
    c[EDGE_A].s = k->net->vertices[x->a].id;
    c[EDGE_B].s = k->net->vertices[x->b].id;
    c[EDGE_SHARED].x = x->shared;
    c[EDGE_MIN_SHARE].x = x->min_share;
}

cn_status cn_report_projection(const cn_net *net, const cn_projection_result *p, cn_format fmt, int as_graphml,
                               FILE *fp, cn_error *err)
{
    if (as_graphml) {
        graphml(net, p, fp);
        return cn_i_check(fp, err);
    }
    edge_ctx k = {net, p};
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject(); /* NULL: every cJSON_Add below does nothing */
        if (net->name)
            cJSON_AddStringToObject(root, "dataset", net->name);
        cJSON_AddStringToObject(root, "onto", graph_name(p->onto));
        cJSON *vs = cJSON_AddArrayToObject(root, "vertices");
        for (int32_t i = 0; i < p->nvertices; i++)
            cJSON_AddItemToArray(vs, cJSON_CreateString(net->vertices[p->vertices[i]].id));
        return cn_i_json_rows(root, "edges", &edge_layout, fill_edge, &k, (size_t)p->nedges, fp, err);
    }
    if (fmt != CN_FORMAT_CSV)
        fprintf(fp, "Projection of %s onto %s: %d vertices, %d edges (shared neighbours; sum of min shares)\n\n",
                net->name ? net->name : "the data", graph_name(p->onto), (int)p->nvertices, (int)p->nedges);
    return cn_i_rows_write(&edge_layout, fill_edge, &k, (size_t)p->nedges, fmt, fp, err);
}
