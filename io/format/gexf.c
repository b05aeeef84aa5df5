/* io/format/gexf.c: the network as GEXF 1.3 (https://gexf.net/, the format Gephi reads natively) through libxml2's
 * xmlTextWriter, with the vertex and edge attributes the GraphML export carries (graph/graphml.c). igraph 0.10 has
 * no GEXF writer (igraph issue #613). docs/format.md "GEXF" */
#include "critnet/io.h"

#include <libxml/xmlwriter.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the attribute columns, declared once per class; ids are their positions */
enum { NA_TYPE, NA_STAGE, NA_LISTS, N_NODE_ATTRS };
static const char *const node_attrs[N_NODE_ATTRS][2] = {
    {"type", "string"}, {"stage", "string"}, {"lists", "string"}};
enum {
    EA_KIND, EA_CONSUMER, EA_SHARE, EA_LOW, EA_HIGH, EA_RANK, EA_YEAR, EA_VALUE, EA_QUANTITY, EA_UNIT, EA_PERIOD,
    EA_TEXT, EA_BASIS, EA_SOURCE, N_EDGE_ATTRS
};
static const char *const edge_attrs[N_EDGE_ATTRS][2] = {
    {"kind", "string"},  {"consumer", "string"}, {"share", "double"},  {"low", "double"},   {"high", "double"},
    {"rank", "integer"}, {"year", "integer"},    {"value", "double"},  {"quantity", "double"},
    {"unit", "string"},  {"period", "string"},   {"text", "string"},   {"basis", "string"}, {"source", "string"}};

typedef struct gx {
    xmlTextWriterPtr w;
    int rc;     /* the first negative return of the writer */
    char *buf;  /* clean(): a copy without the control characters XML 1.0 cannot carry */
    size_t cap;
    int oom;
} gx;

#define X(call)                                                                                              \
    do {                                                                                                     \
        if (g->rc >= 0 && !g->oom) {                                                                         \
            int r_ = (call);                                                                                 \
            if (r_ < 0)                                                                                      \
                g->rc = r_;                                                                                  \
        }                                                                                                    \
    } while (0)

#define XC(s) ((const xmlChar *)(s))

/* s as XML 1.0 can carry it: C0 controls other than tab, newline and carriage return become U+FFFD */
static const char *clean(gx *g, const char *s)
{
    size_t n = 0, bad = 0;
    for (; s[n]; n++)
        bad += (unsigned char)s[n] < 0x20 && s[n] != '\t' && s[n] != '\n' && s[n] != '\r';
    if (!bad)
        return s;
    size_t need = n + 2 * bad + 1;
    if (need > g->cap) {
        char *p = realloc(g->buf, need);
        if (!p) {
            g->oom = 1;
            return "";
        }
        g->buf = p;
        g->cap = need;
    }
    char *d = g->buf;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            memcpy(d, "\xEF\xBF\xBD", 3);
            d += 3;
        } else {
            *d++ = (char)c;
        }
    }
    *d = '\0';
    return g->buf;
}

static void attr(gx *g, const char *name, const char *value)
{
    X(xmlTextWriterWriteAttribute(g->w, XC(name), XC(clean(g, value))));
}

static void declare(gx *g, const char *cls, const char *const (*cols)[2], int n)
{
    X(xmlTextWriterStartElement(g->w, XC("attributes")));
    attr(g, "class", cls);
    for (int i = 0; i < n; i++) {
        char id[16];
        snprintf(id, sizeof id, "%d", i);
        X(xmlTextWriterStartElement(g->w, XC("attribute")));
        attr(g, "id", id);
        attr(g, "title", cols[i][0]);
        attr(g, "type", cols[i][1]);
        X(xmlTextWriterEndElement(g->w));
    }
    X(xmlTextWriterEndElement(g->w));
}

/* <attvalue for=ID value=V/>: unknown values (NULL, empty) are left out, never written as a placeholder */
static void value_str(gx *g, int id, const char *v)
{
    if (!v || !*v)
        return;
    char f[16];
    snprintf(f, sizeof f, "%d", id);
    X(xmlTextWriterStartElement(g->w, XC("attvalue")));
    attr(g, "for", f);
    attr(g, "value", v);
    X(xmlTextWriterEndElement(g->w));
}

/* v with 15 significant digits when they read back to the same double (0.92, not 0.92000000000000004), else 17 */
static const char *num(char *buf, size_t cap, double v)
{
    snprintf(buf, cap, "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, cap, "%.17g", v);
    return buf;
}

/* NAN (unknown) is left out */
static void value_num(gx *g, int id, double v)
{
    char buf[40];
    if (!isnan(v))
        value_str(g, id, num(buf, sizeof buf, v));
}

static void value_int(gx *g, int id, int32_t v)
{
    char buf[16];
    if (v == 0) /* rank and year: 0 is unknown */
        return;
    snprintf(buf, sizeof buf, "%d", (int)v);
    value_str(g, id, buf);
}

static void write_nodes(gx *g, const cn_net *net)
{
    X(xmlTextWriterStartElement(g->w, XC("nodes")));
    for (int32_t v = 0; v < net->nvertices; v++) {
        const cn_vertex *x = &net->vertices[v];
        char lists[16];
        snprintf(lists, sizeof lists, "%s%s%s", x->lists & CN_LIST_2018 ? "2018" : "",
                 (x->lists & CN_LIST_2018) && (x->lists & CN_LIST_2022) ? "," : "", x->lists & CN_LIST_2022 ? "2022" : "");
        X(xmlTextWriterStartElement(g->w, XC("node")));
        attr(g, "id", x->id);
        attr(g, "label", x->name ? x->name : x->id);
        X(xmlTextWriterStartElement(g->w, XC("attvalues")));
        value_str(g, NA_TYPE, x->type == CN_VERTEX_MINERAL ? "mineral" : "country");
        value_str(g, NA_STAGE, x->stage);
        value_str(g, NA_LISTS, lists);
        X(xmlTextWriterEndElement(g->w));
        X(xmlTextWriterEndElement(g->w));
    }
    X(xmlTextWriterEndElement(g->w));
}

/* the two vertices of an edge (country/supplier -> mineral, mineral -> consumer for relies); 0 when one has none */
static int ends(const cn_edge *e, int32_t *a, int32_t *b)
{
    *a = e->kind == CN_EDGE_RELIES ? e->mineral : e->country;
    *b = e->kind == CN_EDGE_RELIES ? e->consumer : e->mineral;
    return *a >= 0 && *b >= 0;
}

static void write_edges(gx *g, const cn_net *net)
{
    X(xmlTextWriterStartElement(g->w, XC("edges")));
    int32_t k = 0;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        int32_t a, b;
        if (!ends(e, &a, &b))
            continue;
        char id[16], kind[96], weight[40];
        const char *consumer = e->consumer >= 0 ? net->vertices[e->consumer].id : NULL;
        snprintf(id, sizeof id, "e%d", (int)k++);
        /* GEXF 1.3's edge kind keeps parallel edges apart in Gephi: one kind per edge kind and consumer */
        snprintf(kind, sizeof kind, "%s%s%s", cn_edge_kind_name(e->kind),
                 consumer && e->kind == CN_EDGE_SUPPLIES ? ":" : "",
                 consumer && e->kind == CN_EDGE_SUPPLIES ? consumer : "");
        X(xmlTextWriterStartElement(g->w, XC("edge")));
        attr(g, "id", id);
        attr(g, "source", net->vertices[a].id);
        attr(g, "target", net->vertices[b].id);
        attr(g, "kind", kind);
        if (!isnan(e->share)) { /* Gephi's edge weight: the share when known (GEXF's default weight is 1) */
            attr(g, "weight", num(weight, sizeof weight, e->share));
        }
        X(xmlTextWriterStartElement(g->w, XC("attvalues")));
        value_str(g, EA_KIND, cn_edge_kind_name(e->kind));
        value_str(g, EA_CONSUMER, consumer);
        value_num(g, EA_SHARE, e->share);
        value_num(g, EA_LOW, e->lo);
        value_num(g, EA_HIGH, e->hi);
        value_int(g, EA_RANK, e->rank);
        value_int(g, EA_YEAR, e->year);
        value_num(g, EA_VALUE, e->value);
        value_num(g, EA_QUANTITY, e->quantity);
        value_str(g, EA_UNIT, e->unit);
        value_str(g, EA_PERIOD, e->period);
        value_str(g, EA_TEXT, e->text);
        value_str(g, EA_BASIS, e->basis);
        value_str(g, EA_SOURCE, e->source >= 0 ? net->sources[e->source].id : NULL);
        X(xmlTextWriterEndElement(g->w));
        X(xmlTextWriterEndElement(g->w));
    }
    X(xmlTextWriterEndElement(g->w));
}

cn_status cn_net_write_gexf(const cn_net *net, FILE *fp, cn_error *err)
{
    LIBXML_TEST_VERSION
    xmlOutputBufferPtr ob = xmlOutputBufferCreateFile(fp, NULL); /* flushed, never closed, by the writer */
    gx gs = {0}, *g = &gs;
    g->w = ob ? xmlNewTextWriter(ob) : NULL;
    if (!g->w) {
        if (ob)
            xmlOutputBufferClose(ob);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    int32_t left_out = 0;
    for (int32_t i = 0; i < net->nedges; i++) {
        int32_t a, b;
        left_out += !ends(&net->edges[i], &a, &b);
    }
    const char *title = net->title ? net->title : (net->name ? net->name : "");
    char *desc = NULL;
#define DESC_ARGS                                                                                            \
    "%s%s%d figure%s of 'other', 'world' or unnamed suppliers ha%s no vertex and %s left out.", title,          \
        *title ? ". " : "", (int)left_out, left_out == 1 ? "" : "s", left_out == 1 ? "s" : "ve",                \
        left_out == 1 ? "is" : "are"
    int len = snprintf(NULL, 0, DESC_ARGS);
    if (len < 0 || !(desc = malloc((size_t)len + 1)))
        g->oom = 1;
    else
        snprintf(desc, (size_t)len + 1, DESC_ARGS);
#undef DESC_ARGS
    X(xmlTextWriterSetIndent(g->w, 1));
    X(xmlTextWriterSetIndentString(g->w, XC(" ")));
    X(xmlTextWriterStartDocument(g->w, "1.0", "UTF-8", NULL));
    X(xmlTextWriterStartElement(g->w, XC("gexf")));
    attr(g, "xmlns", "http://gexf.net/1.3");
    attr(g, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    attr(g, "xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd");
    attr(g, "version", "1.3");
    X(xmlTextWriterStartElement(g->w, XC("meta")));
    X(xmlTextWriterWriteElement(g->w, XC("creator"), XC("critnet")));
    X(xmlTextWriterWriteElement(g->w, XC("description"), XC(clean(g, desc ? desc : ""))));
    X(xmlTextWriterEndElement(g->w));
    X(xmlTextWriterStartElement(g->w, XC("graph")));
    attr(g, "defaultedgetype", "directed");
    attr(g, "mode", "static");
    declare(g, "node", node_attrs, N_NODE_ATTRS);
    declare(g, "edge", edge_attrs, N_EDGE_ATTRS);
    write_nodes(g, net);
    write_edges(g, net);
    X(xmlTextWriterEndDocument(g->w)); /* closes every open element */
    X(xmlTextWriterFlush(g->w));
    xmlFreeTextWriter(g->w);
    free(g->buf);
    free(desc);
    if (g->oom)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    if (g->rc < 0 || ferror(fp))
        return cn_error_set(err, CN_EIO, "write error (GEXF)");
    return CN_OK;
}
