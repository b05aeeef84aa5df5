/* io/render/render.c: draws a cn_view it is given (never builds one) with Graphviz: the cgraph graph (shapes,
 * widths, colours, labels, title and legend; docs/render.md), laid out with gvc, as DOT, SVG, PNG or PDF. */
#include "critnet/render.h"

#include <gvc.h>
#include <math.h>
#include <stdarg.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "critnet/io.h"
#include "critnet/scenario.h"
#include "render/labels_i.h"
#include "render/render_i.h"
#include "report/cells_i.h"

#define HL "#c0392b"     /* top supplier, single-source dependency */
#define EDGE "#6b6b6b"   /* other edges */
#define LOST "#8b0000"   /* scenario: the restricted part of a flow */
#define REPL "#1e8449"   /* scenario: replacement flows */

/* The dot layout and core (dot, svg) plugins linked in (CMakeLists.txt): layout and SVG need no plugin
 * configuration and no fonts, and give the same bytes on every machine (../shared/NOTES-libs.md 4.4). */
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_core_LTX_library;
static const lt_symlist_t cn_gv_builtins[] = {
    {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
    {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
    {0, 0}};

int cn_render_format_parse(const char *s, cn_render_format *out)
{
    static const struct { const char *name; cn_render_format f; } t[] = {
        {"dot", CN_RENDER_FORMAT_DOT}, {"gv", CN_RENDER_FORMAT_DOT}, {"svg", CN_RENDER_FORMAT_SVG},
        {"png", CN_RENDER_FORMAT_PNG}, {"pdf", CN_RENDER_FORMAT_PDF}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strcmp(s, t[i].name) == 0) {
            *out = t[i].f;
            return 0;
        }
    return -1;
}

int cn_render_format_from_path(const char *path, cn_render_format *out)
{
    const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
    if (!dot || (slash && dot < slash))
        return -1;
    return cn_render_format_parse(dot + 1, out);
}

/* ---- Graphviz messages: collected line by line into the first error (agerr sends pieces) ---- */
static struct {
    cn_error *err;
    char line[512];
    size_t len;
    int errors;
} g_gv;

static int gv_errf(char *piece)
{
    for (; *piece; piece++) {
        if (*piece != '\n') {
            if (g_gv.len + 1 < sizeof g_gv.line)
                g_gv.line[g_gv.len++] = *piece;
            continue;
        }
        g_gv.line[g_gv.len] = '\0';
        const char *msg = strncmp(g_gv.line, "Error: ", 7) == 0 ? g_gv.line + 7 : g_gv.line;
        if (g_gv.errors++ == 0 && g_gv.err)
            cn_error_set(g_gv.err, CN_EINTERNAL, "graphviz: %s", msg);
        g_gv.len = 0;
    }
    return 0;
}

/* ---- the char * API of cgraph, wrapped once ---- */
void cn_i_gv_set(void *obj, const char *key, const char *value)
{
    agsafeset(obj, (char *)key, (char *)value, (char *)"");
}

void cn_i_gv_default(Agraph_t *g, int kind, const char *key, const char *value)
{
    agattr(g, kind, (char *)key, (char *)value);
}

/* sets an HTML-like label (the text is markup we escaped ourselves) */
void cn_i_gv_html(Agraph_t *g, void *obj, int kind, const char *key, const char *html)
{
    Agsym_t *sym = agattr(g, kind, (char *)key, NULL);
    if (!sym)
        sym = agattr(g, kind, (char *)key, (char *)"");
    char *h = agstrdup_html(g, (char *)html);
    agxset(obj, sym, h);
    agstrfree(g, h);
}

void cn_i_gv_setf(void *obj, const char *key, const char *fmt, ...)
{
    char buf[64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    cn_i_gv_set(obj, key, buf);
}

/* gvRenderData's length type changed in Graphviz 13 (unsigned int -> size_t): the one place that calls it */
static int gv_render_data(GVC_t *gvc, Agraph_t *g, const char *fmt, char **out, size_t *len)
{
    char *data = NULL;
    unsigned int n = 0;
    int rc = gvRenderData(gvc, g, fmt, &data, &n);
    *out = NULL;
    if (rc == 0 && data) {
        *out = malloc((size_t)n + 1);
        if (*out) {
            memcpy(*out, data, n);
            (*out)[n] = '\0';
            *len = n;
        } else {
            rc = -2;
        }
    }
    if (data)
        gvFreeRenderData(data);
    return rc;
}

/* ---- ids of the rank groups: cgraph 2.42 keeps subgraphs ordered by id, and a named object's id is the address
 * of its interned name, so the order of the three groups in the DOT text followed the heap (a change anywhere
 * in the process could swap "minerals" and "consumers"). Their ids here are 2, 4, 6 in this order (named ids
 * are even addresses, anonymous ones odd); every other id comes from cgraph's own discipline. ---- */
static const char *const group_names[] = {"suppliers", "minerals", "consumers"};

static int group_of(int objtype, const char *name)
{
    for (int k = 0; objtype == AGRAPH && name && k < 3; k++)
        if (strcmp(name, group_names[k]) == 0)
            return k;
    return -1;
}

static int group_id(int objtype, IDTYPE id)
{
    return objtype == AGRAPH && id >= 2 && id <= 6 && id % 2 == 0 ? (int)(id / 2 - 1) : -1;
}

/* the overview's clusters, "cluster_N" (overview.c), likewise: id 8 + 2N, so they are written (and laid out)
 * in the order overview.c numbers them, whatever the heap; N below 2^20 keeps the ids under 2 MiB, below any
 * heap address */
#define CLUSTER_MAX (1 << 20)
static int cluster_of(int objtype, const char *name)
{
    if (objtype != AGRAPH || !name || strncmp(name, "cluster_", 8) != 0 || name[8] < '0' || name[8] > '9' ||
        (name[8] == '0' && name[9]))
        return -1;
    long n = 0;
    for (const char *p = name + 8; *p; p++)
        if (*p < '0' || *p > '9' || (n = n * 10 + (*p - '0')) >= CLUSTER_MAX)
            return -1;
    return (int)n;
}

static int cluster_id(int objtype, IDTYPE id)
{
    return objtype == AGRAPH && id >= 8 && id < 8 + 2 * (IDTYPE)CLUSTER_MAX && id % 2 == 0 ? (int)(id / 2 - 4) : -1;
}

static long id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
    int k = group_of(objtype, str), c = cluster_of(objtype, str);
    if (k >= 0)
        *id = (IDTYPE)(2 * (k + 1));
    else if (c >= 0)
        *id = (IDTYPE)(8 + 2 * c);
    else
        return AgIdDisc.map(state, objtype, str, id, createflag);
    return 1;
}

static long id_alloc(void *state, int objtype, IDTYPE id)
{
    return group_id(objtype, id) >= 0 || cluster_id(objtype, id) >= 0 ? 1 : AgIdDisc.alloc(state, objtype, id);
}

static void id_free(void *state, int objtype, IDTYPE id)
{
    if (group_id(objtype, id) < 0 && cluster_id(objtype, id) < 0)
        AgIdDisc.free(state, objtype, id);
}

/* a name as cgraph's strings are (agwrite asks aghtmlstr() of it, which reads a header before the text): interned
 * once in cgraph's global string table, where it stays reachable for the life of the process */
static char *interned(const char *s)
{
    char *r = agstrbind(NULL, (char *)s);
    return r ? r : agstrdup(NULL, (char *)s);
}

static char *id_print(void *state, int objtype, IDTYPE id)
{
    char name[32];
    int k = group_id(objtype, id), c = cluster_id(objtype, id);
    if (k >= 0)
        return interned(group_names[k]);
    if (c >= 0) {
        snprintf(name, sizeof name, "cluster_%d", c);
        return interned(name);
    }
    return AgIdDisc.print(state, objtype, id);
}

/* filled in on first use: AgIdDisc's open, close and idregister with the four functions above */
static Agiddisc_t cn_id_disc;
static Agdisc_t cn_disc;

static Agdisc_t *graph_disc(void)
{
    if (!cn_disc.id) {
        cn_id_disc = AgIdDisc;
        cn_id_disc.map = id_map;
        cn_id_disc.alloc = id_alloc;
        cn_id_disc.free = id_free;
        cn_id_disc.print = id_print;
        cn_disc = AgDefaultDisc;
        cn_disc.id = &cn_id_disc;
    }
    return &cn_disc;
}

/* ---- the graph ---- */
const char *cn_i_vertex_name(const cn_net *net, int32_t v)
{
    const cn_vertex *x = &net->vertices[v];
    if (x->name && *x->name)
        return x->name;
    const char *n = x->type == CN_VERTEX_COUNTRY ? cn_country_name(x->id) : NULL;
    return n ? n : x->id;
}

static void node_label(cn_i_sb *sb, const cn_net *net, const cn_view *v, const cn_view_node *n)
{
    char pct[40];
    switch (n->kind) {
    case CN_VNODE_SUPPLIER:
        cn_i_sb_esc(sb, cn_i_vertex_name(net, n->vertex));
        break;
    case CN_VNODE_CONSUMER:
        cn_i_sb_puts(sb, "<B>");
        cn_i_sb_esc(sb, cn_i_vertex_name(net, n->vertex));
        cn_i_sb_puts(sb, "</B><BR/><FONT POINT-SIZE=\"9\">consumer</FONT>");
        break;
    case CN_VNODE_MINERAL:
        cn_i_sb_esc(sb, cn_i_vertex_name(net, n->vertex));
        if (n->highlight)
            cn_i_sb_printf(sb, "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"" HL "\">%s</FONT>",
                         v->layer == CN_LAYER_PRODUCTION ? "dominant producer" : "single source");
        if (n->hidden)
            cn_i_sb_printf(sb, "<BR/><FONT POINT-SIZE=\"8\">+%d not shown</FONT>", (int)n->hidden);
        break;
    case CN_VNODE_UNNAMED:
        cn_i_sb_puts(sb, "unnamed supplier");
        break;
    case CN_VNODE_OTHER:
        cn_i_sb_printf(sb, "other (%s)", isnan(n->share) ? "share unknown" : cn_i_pct_or(pct, n->share, "unknown"));
        break;
    }
}

static void node_style(void *gn, const cn_view_node *n)
{
    switch (n->kind) {
    case CN_VNODE_MINERAL:
        cn_i_gv_set(gn, "shape", "ellipse");
        cn_i_gv_set(gn, "fillcolor", n->highlight ? "#f8d7d3" : "#fff3cf");
        cn_i_gv_set(gn, "color", n->highlight ? HL : "#9a7b1c");
        if (n->highlight)
            cn_i_gv_set(gn, "penwidth", "2");
        break;
    case CN_VNODE_CONSUMER:
        cn_i_gv_set(gn, "peripheries", "2");
        cn_i_gv_set(gn, "fillcolor", "#dbe7f3");
        break;
    case CN_VNODE_UNNAMED:
        cn_i_gv_set(gn, "style", "rounded,dashed,filled");
        cn_i_gv_set(gn, "fillcolor", "#ffffff");
        break;
    case CN_VNODE_OTHER:
        cn_i_gv_set(gn, "style", "rounded,dotted,filled");
        cn_i_gv_set(gn, "fillcolor", "#f0f0f0");
        break;
    case CN_VNODE_SUPPLIER:
        break;
    }
}

/* a share of imports or supply: "33% of supply", else "16% of imports", else "unknown" */
static void put_loss(cn_i_sb *sb, const char *what, double supply, double imports)
{
    char buf[40];
    cn_i_sb_printf(sb, "<BR/>%s: ", what);
    if (!isnan(supply))
        cn_i_sb_printf(sb, "%s of supply", cn_i_pct_or(buf, supply, "unknown"));
    else if (!isnan(imports))
        cn_i_sb_printf(sb, "%s of imports (supply unknown)", cn_i_pct_or(buf, imports, "unknown"));
    else
        cn_i_sb_puts(sb, "unknown");
}

/* scenario edges other than the remaining flows: lost, replacement, and the impact on the consumer */
static void scn_label(cn_i_sb *sb, const cn_view_edge *e)
{
    char buf[40];
    if (e->scn == CN_VIEW_MARK_LOST && isnan(e->share)) {
        cn_i_sb_puts(sb, "lost: share unknown");
        if (e->rank > 0)
            cn_i_sb_printf(sb, " (rank %d)", (int)e->rank);
    } else if (e->scn == CN_VIEW_MARK_LOST) {
        cn_i_sb_printf(sb, "-%s lost", cn_i_pct_or(buf, e->share, "unknown"));
    } else if (e->scn == CN_VIEW_MARK_REPLACE) {
        cn_i_sb_printf(sb, "+%s replacement", cn_i_pct_or(buf, e->share, "unknown"));
    } else {
        const cn_scenario_row *r = e->row;
        put_loss(sb, "lost", r->lost, r->lost_imports);
        put_loss(sb, "replaced", r->covered, r->covered_imports);
        put_loss(sb, "shortfall", r->residual, r->residual_imports);
    }
}

void cn_i_share_label(cn_i_sb *sb, const cn_view_edge *e)
{
    char buf[40];
    if (!isnan(e->share))
        cn_i_sb_puts(sb, cn_i_pct_or(buf, e->share, "unknown"));
    else if (e->rank > 0)
        cn_i_sb_printf(sb, "rank %d", (int)e->rank);
    else
        cn_i_sb_puts(sb, "share unknown");
}

void cn_i_nir_label(cn_i_sb *sb, const cn_view_edge *e)
{
    char buf[40];
    if (!e || !e->known)
        cn_i_sb_puts(sb, "NIR: no data");
    else if (e->flags & CN_F_NET_EXPORTER)
        cn_i_sb_puts(sb, "net exporter");
    else if (e->text && *e->text) {
        cn_i_sb_puts(sb, "NIR ");
        cn_i_sb_esc(sb, e->text);
        cn_i_sb_puts(sb, "%");
    } else if (!isnan(e->share))
        cn_i_sb_printf(sb, "NIR %s", cn_i_pct_or(buf, e->share, "unknown"));
    else
        cn_i_sb_printf(sb, "NIR &#8805;%s", cn_i_pct_or(buf, e->lo, "unknown"));
}

static void edge_label(cn_i_sb *sb, const cn_net *net, const cn_view *v, const cn_view_edge *e)
{
    char buf[40];
    if (e->multi && e->row && e->kind != CN_EDGE_RELIES) {
        cn_i_sb_esc(sb, net->vertices[e->row->consumer].id);
        cn_i_sb_puts(sb, " ");
    }
    if (e->scn == CN_VIEW_MARK_LOST || e->scn == CN_VIEW_MARK_REPLACE) {
        scn_label(sb, e);
        return;
    }
    if (e->kind == CN_EDGE_RELIES) {
        cn_i_nir_label(sb, e);
        if (e->scn == CN_VIEW_MARK_IMPACT)
            scn_label(sb, e);
        return;
    }
    const cn_edge *d = e->edge >= 0 ? &net->edges[e->edge] : NULL;
    if (e->multi && !e->row) {
        cn_i_sb_esc(sb, net->vertices[d->consumer].id);
        cn_i_sb_puts(sb, " ");
    }
    cn_i_share_label(sb, e);
    if (v->layer == CN_LAYER_PRODUCTION && d && isnan(e->share) && !isnan(d->quantity)) {
        cn_i_sb_printf(sb, "<BR/>%s", cn_fmt_num(buf, d->quantity, d->quantity == floor(d->quantity) ? 0 : 2));
        if (d->unit) {
            cn_i_sb_puts(sb, " ");
            cn_i_sb_esc(sb, d->unit);
        }
    }
}

static void edge_style(void *ge, const cn_view_edge *e)
{
    if (e->kind == CN_EDGE_RELIES) {
        cn_i_gv_set(ge, "penwidth", "1.5");
        if (!e->known)
            cn_i_gv_set(ge, "style", "dotted");
    } else if (!isnan(e->share)) {
        cn_i_gv_setf(ge, "penwidth", "%.2f", 1.0 + 8.0 * e->share);
    } else if (e->rank > 0) {
        cn_i_gv_setf(ge, "penwidth", "%.2f", 1.0 + 8.0 / (e->rank + 1.0));
        cn_i_gv_set(ge, "style", "dashed");
    } else {
        cn_i_gv_set(ge, "style", "dotted");
    }
    if (e->highlight) {
        cn_i_gv_set(ge, "color", HL);
        cn_i_gv_set(ge, "fontcolor", HL);
    }
    if (e->scn == CN_VIEW_MARK_LOST || e->scn == CN_VIEW_MARK_REPLACE) {
        cn_i_gv_set(ge, "color", e->scn == CN_VIEW_MARK_LOST ? LOST : REPL);
        cn_i_gv_set(ge, "fontcolor", e->scn == CN_VIEW_MARK_LOST ? LOST : REPL);
        cn_i_gv_set(ge, "style", e->scn == CN_VIEW_MARK_LOST ? "dashed" : "solid");
        if (isnan(e->share))
            cn_i_gv_set(ge, "penwidth", "1");
    }
}

void cn_i_render_defaults(Agraph_t *g)
{
    cn_i_gv_default(g, AGRAPH, "rankdir", "LR");
    cn_i_gv_default(g, AGRAPH, "ranksep", "1.1");
    cn_i_gv_default(g, AGRAPH, "nodesep", "0.12");
    cn_i_gv_default(g, AGRAPH, "fontname", "Helvetica");
    cn_i_gv_default(g, AGRAPH, "labelloc", "t");
    cn_i_gv_default(g, AGRAPH, "labeljust", "l");
    cn_i_gv_default(g, AGRAPH, "pad", "0.2");
    cn_i_gv_default(g, AGRAPH, "bgcolor", "white");
    cn_i_gv_default(g, AGRAPH, "rank", "");
    cn_i_gv_default(g, AGNODE, "shape", "box");
    cn_i_gv_default(g, AGNODE, "style", "rounded,filled");
    cn_i_gv_default(g, AGNODE, "fillcolor", "#e8eef4");
    cn_i_gv_default(g, AGNODE, "color", "#46627f");
    cn_i_gv_default(g, AGNODE, "penwidth", "1");
    cn_i_gv_default(g, AGNODE, "fontname", "Helvetica");
    cn_i_gv_default(g, AGNODE, "fontsize", "11");
    cn_i_gv_default(g, AGNODE, "margin", "0.08,0.03");
    cn_i_gv_default(g, AGEDGE, "color", EDGE);
    cn_i_gv_default(g, AGEDGE, "fontcolor", "#333333");
    cn_i_gv_default(g, AGEDGE, "fontname", "Helvetica");
    cn_i_gv_default(g, AGEDGE, "fontsize", "9");
    cn_i_gv_default(g, AGEDGE, "penwidth", "1");
    cn_i_gv_default(g, AGEDGE, "style", "solid");
    cn_i_gv_default(g, AGEDGE, "arrowsize", "0.6");
}

static cn_status build_graph(const cn_net *net, const cn_view *v, const cn_render_title *t, Agraph_t *g)
{
    cn_i_sb sb = {0};
    Agnode_t **nodes = calloc(v->nnodes + 1, sizeof *nodes);
    if (!nodes)
        return CN_ENOMEM;
    cn_i_render_defaults(g);
    Agraph_t *groups[3];
    for (int k = 0; k < 3; k++) {
        groups[k] = agsubg(g, (char *)group_names[k], 1);
        cn_i_gv_set(groups[k], "rank", k == 0 ? "min" : k == 1 ? "same" : "max");
    }
    for (size_t i = 0; i < v->nnodes; i++) {
        const cn_view_node *n = &v->nodes[i];
        char *name = cn_view_node_name(net, v, i);
        if (!name) {
            free(nodes);
            cn_i_sb_free(&sb);
            return CN_ENOMEM;
        }
        nodes[i] = agnode(g, name, 1);
        free(name);
        int group = n->kind == CN_VNODE_MINERAL ? 1 : n->kind == CN_VNODE_CONSUMER ? 2 : 0;
        agsubnode(groups[group], nodes[i], 1);
        node_style(nodes[i], n);
        cn_i_sb_reset(&sb);
        node_label(&sb, net, v, n);
        cn_i_gv_html(g, nodes[i], AGNODE, "label", cn_i_sb_str(&sb));
    }
    for (size_t i = 0; i < v->nedges; i++) {
        const cn_view_edge *e = &v->edges[i];
        Agedge_t *ge = agedge(g, nodes[e->from], nodes[e->to], NULL, 1);
        edge_style(ge, e);
        cn_i_sb_reset(&sb);
        edge_label(&sb, net, v, e);
        cn_i_gv_html(g, ge, AGEDGE, "label", cn_i_sb_str(&sb));
    }
    cn_i_sb_reset(&sb);
    cn_i_render_title(&sb, net, v, t);
    cn_i_gv_html(g, g, AGRAPH, "label", cn_i_sb_str(&sb));
    int oom = sb.oom;
    cn_i_sb_free(&sb);
    free(nodes);
    return oom ? CN_ENOMEM : CN_OK;
}

/* renders g: DOT is written before layout; the others are laid out with dot first */
static cn_status emit(Agraph_t *g, cn_render_format fmt, FILE *fp, char **data, size_t *len, cn_error *err)
{
    if (fmt == CN_RENDER_FORMAT_DOT) {
        FILE *mem = NULL;
        if (!fp && !(fp = mem = open_memstream(data, len)))
            return cn_error_set(err, CN_ENOMEM, "out of memory");
        int bad = agwrite(g, fp) != 0;
        if (mem && fclose(mem) != 0)
            bad = 1;
        if (bad)
            return cn_error_set(err, CN_EIO, "write error: cannot write the DOT output");
        return CN_OK;
    }
    static const char *const names[] = {"dot", "svg", "png", "pdf"};
    /* PNG and PDF share one default context for the life of the process: Graphviz 2.42's pango plugin
     * caches a font name owned by the context, so a second context reads freed memory (seen under ASan) */
    static GVC_t *cairo_gvc;
    if (fmt != CN_RENDER_FORMAT_SVG && !cairo_gvc)
        cairo_gvc = gvContext();
    GVC_t *gvc = fmt == CN_RENDER_FORMAT_SVG ? gvContextPlugins(cn_gv_builtins, 0) : cairo_gvc;
    if (!gvc)
        return cn_error_set(err, CN_EINTERNAL, "graphviz: cannot create a context");
    cn_status st = CN_OK;
    if (gvLayout(gvc, g, "dot") != 0 || g_gv.errors) {
        st = CN_EINTERNAL;
    } else {
        /* always into memory, then written by us: Graphviz's own writer calls exit(1) on a write error */
        char *buf = NULL;
        size_t n = 0;
        int rc = gv_render_data(gvc, g, names[fmt], fp ? &buf : data, fp ? &n : len);
        if (rc == -2)
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
        else if (rc != 0 || g_gv.errors)
            st = CN_EINTERNAL;
        else if (fp && (fwrite(buf, 1, n, fp) != n || fflush(fp) != 0))
            st = cn_error_set(err, CN_EIO, "write error: %s", strerror(errno));
        free(buf);
        gvFreeLayout(gvc, g);
    }
    if (gvc != cairo_gvc)
        gvFreeContext(gvc);
    if (st == CN_EINTERNAL && !g_gv.errors)
        cn_error_set(err, CN_EINTERNAL, "graphviz: cannot render %s", names[fmt]);
    return st;
}

/* builds and draws one graph; columns: the overview's most columns (3; 1 for the fallback) */
static cn_status render_once(const cn_net *net, const cn_view *v, const cn_render_title *t, cn_render_format fmt,
                             FILE *fp, char **data, size_t *len, int columns, cn_error *err)
{
    cn_status st;
    g_gv.len = 0;
    g_gv.errors = 0;
    Agraph_t *g = agopen((char *)"critnet", Agdirected, graph_disc());
    if (!g)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    if ((st = t->overview ? cn_i_render_overview(net, v, t, columns, g) : build_graph(net, v, t, g)) != CN_OK)
        cn_error_set(err, st, "out of memory");
    else
        st = emit(g, fmt, fp, data, len, err);
    agclose(g);
    return st;
}

static cn_status render(const cn_net *net, const cn_view *v, const cn_render_title *t, cn_render_format fmt,
                        FILE *fp, char **data, size_t *len, cn_error *err)
{
    static const cn_render_title defaults = {0};
    if (!t)
        t = &defaults;
    if (t->overview && (v->layer != CN_LAYER_IMPORTS || v->nconsumers != 1 || t->scn))
        return cn_error_set(err, CN_EUSAGE, "the overview draws the imports of one consumer, without a scenario");
    g_gv.err = err;
    agusererrf old_f = agseterrf(gv_errf);
    agerrlevel_t old_level = agseterr(AGERR); /* warnings stay out of the way; errors fail the render */
    cn_status st = render_once(net, v, t, fmt, fp, data, len, 3, err);
    /* the overview's columns hang on invisible edges between clusters, which Graphviz 2.42/2.43 has failed to
     * route ("Pshortestpath failed"); no built-in dataset fails since the shares are xlabels (measured; and
     * tests/cli/test_render_dot.sh runs command-line dot on each), but should one, one column needs none of them */
    if (st == CN_EINTERNAL && t->overview && fmt != CN_RENDER_FORMAT_DOT)
        st = render_once(net, v, t, fmt, fp, data, len, 1, err);
    agseterr(old_level);
    agseterrf(old_f);
    g_gv.err = NULL;
    return st;
}

cn_status cn_render(const cn_net *net, const cn_view *v, const cn_render_title *t, cn_render_format fmt,
                    FILE *fp, cn_error *err)
{
    return render(net, v, t, fmt, fp, NULL, NULL, err);
}

cn_status cn_render_mem(const cn_net *net, const cn_view *v, const cn_render_title *t, cn_render_format fmt,
                        char **data, size_t *len, cn_error *err)
{
    *data = NULL;
    *len = 0;
    cn_status st = render(net, v, t, fmt, NULL, data, len, err);
    if (st) {
        free(*data);
        *data = NULL;
        *len = 0;
    }
    return st;
}
