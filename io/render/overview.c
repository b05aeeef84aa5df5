/* io/render/overview.c: the one-page overview of one consumer's imports (cn_render_title.overview;
 * docs/render.md "The overview"): every mineral of the view in a cluster under its top supplier (the
 * highlighted supplies edge, as `critnet deps` names it), only that edge drawn with its share, the net import
 * reliance and the next sources in the mineral's label; the clusters balanced over columns (Graphviz ranks:
 * an invisible edge puts a column's suppliers right of the previous column's minerals), and the page sized for
 * A4 portrait (size, ratio=compress, margin 0). Nothing is placed by hand. The DOT written must lay out in
 * command-line `dot` as it does here: every cluster states its label, since DOT read back gives the root's label
 * (the title block) to each cluster without one, which made `dot` 2.43 lose the column edges ("lost ... edge",
 * "Pshortestpath failed", exit 1; tests/cli/test_render_dot.sh). The shares are external labels (xlabel): no
 * rank of label nodes, so the page is narrower (the 2018 list scaled 0.88 against 0.81) and routing simpler. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render/labels_i.h"
#include "render/render_i.h"
#include "report/cells_i.h"

#define HL "#c0392b"
#define DETAIL "10" /* point size of the detail lines and shares (8.6 pt on A4 at the 2022 list's scale 0.86) */
#define NEXT_SHOWN 2 /* other sources named in a mineral's label; the rest counted ("+2") */

typedef struct ov_mineral {
    int32_t node;    /* the mineral's view node */
    int32_t top;     /* its top supplies edge (view edge), or -1: none known */
    int32_t relies;  /* its mineral -> consumer edge, or -1 */
    int32_t group;   /* index into the groups */
    size_t in, nin;  /* its supplies edges: ins[in .. in + nin - 1], in view order */
} ov_mineral;

typedef struct ov_group {
    int32_t supplier; /* the top supplier's view node, or -1: the minerals without a known top source */
    int32_t n;        /* its minerals */
    int column;
} ov_group;

/* "China" / "unnamed supplier" / the residual's label, for a supplier view node */
static void supplier_label(cn_i_sb *sb, const cn_net *net, const cn_view *v, int32_t node, int short_form)
{
    const cn_view_node *n = &v->nodes[node];
    char pct[40];
    if (n->kind == CN_VNODE_SUPPLIER)
        cn_i_sb_esc(sb, short_form ? net->vertices[n->vertex].id : cn_i_vertex_name(net, n->vertex));
    else if (n->kind == CN_VNODE_UNNAMED)
        cn_i_sb_puts(sb, short_form ? "unnamed" : "unnamed supplier");
    else
        cn_i_sb_printf(sb, "other%s%s", short_form ? " " : " suppliers ",
                       isnan(n->share) ? "" : cn_i_pct_or(pct, n->share, ""));
}

/* the label of a mineral: its name, NIR, and the other sources, largest first (the view keeps them sorted) */
static void mineral_label(cn_i_sb *sb, const cn_net *net, const cn_view *v, const ov_mineral *m,
                          const int32_t *ins)
{
    const cn_view_node *n = &v->nodes[m->node];
    cn_i_sb_puts(sb, "<B>");
    cn_i_sb_esc(sb, cn_i_vertex_name(net, n->vertex));
    cn_i_sb_puts(sb, "</B><BR/><FONT POINT-SIZE=\"" DETAIL "\">");
    cn_i_nir_label(sb, m->relies >= 0 ? &v->edges[m->relies] : NULL);
    int shown = 0, more = (int)n->hidden;
    for (size_t k = 0; k < 2 * m->nin; k++) { /* named and unnamed suppliers first, then "other" */
        int32_t i = ins[m->in + k % m->nin];
        const cn_view_edge *e = &v->edges[i];
        if (i == m->top || (v->nodes[e->from].kind == CN_VNODE_OTHER) != (k >= m->nin))
            continue;
        if (shown == NEXT_SHOWN) {
            more++;
            continue;
        }
        cn_i_sb_puts(sb, shown++ ? ", " : m->top >= 0 ? "; then " : "; sources ");
        supplier_label(sb, net, v, e->from, 1);
        if (v->nodes[e->from].kind != CN_VNODE_OTHER) {
            cn_i_sb_puts(sb, " ");
            cn_i_share_label(sb, e);
        }
    }
    if (more)
        cn_i_sb_printf(sb, " +%d", more);
    if (m->top < 0 && !shown)
        cn_i_sb_puts(sb, "; no import source known");
    cn_i_sb_puts(sb, "</FONT>");
}

/* a mineral's group by its top supplier's view node s: the node itself; every unnamed supplier one group
 * (each is a different country the source blanked); nnodes when there is no known top source */
static size_t slot_of(const cn_view *v, int32_t s)
{
    return s < 0 ? v->nnodes : v->nodes[s].kind == CN_VNODE_UNNAMED ? v->nnodes + 1 : (size_t)s;
}

/* a group of one mineral with a known top source (drawn in the shared "singles" cluster) */
static int single(const ov_group *g)
{
    return g->n == 1 && g->supplier >= 0;
}

/* the order of the groups: largest first, then by name (qsort has no context: the view being drawn) */
static const cn_net *g_net;
static const cn_view *g_view;
static int cmp_groups(const void *a, const void *b)
{
    const ov_group *x = a, *y = b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    if ((x->supplier < 0) != (y->supplier < 0)) /* "no top source known" last among equals */
        return x->supplier < 0 ? 1 : -1;
    if (x->supplier < 0)
        return 0;
    const cn_view_node *p = &g_view->nodes[x->supplier], *q = &g_view->nodes[y->supplier];
    int c = strcmp(cn_i_vertex_name(g_net, p->vertex), cn_i_vertex_name(g_net, q->vertex));
    return c ? c : (x->supplier > y->supplier) - (x->supplier < y->supplier);
}

/* about 26 two-line minerals fill an A4 column at a readable size */
static int columns_for(size_t nminerals, size_t ngroups)
{
    size_t rows = nminerals + ngroups; /* a cluster's label takes about a row */
    return rows <= 22 ? 1 : rows <= 64 ? 2 : 3;
}

cn_status cn_i_render_overview(const cn_net *net, const cn_view *v, const cn_render_title *t, int max_columns,
                               Agraph_t *g)
{
    cn_status st = CN_OK;
    cn_i_sb sb = {0};
    ov_mineral *ms = calloc(v->nnodes + 1, sizeof *ms);
    ov_group *gs = calloc(v->nnodes + 2, sizeof *gs);
    int32_t *group_of = malloc((v->nnodes + 2) * sizeof *group_of); /* slot_of() -> group */
    Agnode_t **gn = calloc(v->nnodes + 1, sizeof *gn);
    Agraph_t **clusters = calloc(v->nnodes + 2, sizeof *clusters);
    int32_t *mineral_of = malloc((v->nnodes + 1) * sizeof *mineral_of); /* view node -> ms index, or -1 */
    int32_t *ins = malloc((v->nedges + 1) * sizeof *ins);                /* supplies edges by mineral */
    if (!ms || !gs || !group_of || !gn || !clusters || !mineral_of || !ins) {
        st = CN_ENOMEM;
        goto done;
    }
    size_t nm = 0, ng = 0;
    group_of[v->nnodes] = group_of[v->nnodes + 1] = -1; /* no top source known; unnamed suppliers */
    for (size_t i = 0; i < v->nnodes; i++) {
        group_of[i] = mineral_of[i] = -1;
        if (v->nodes[i].kind == CN_VNODE_MINERAL) {
            mineral_of[i] = (int32_t)nm;
            ms[nm++] = (ov_mineral){.node = (int32_t)i, .top = -1, .relies = -1};
        }
    }
    /* one pass over the edges (a trade table's view has millions): each mineral's reliance (the last), top
     * (the first highlighted) and supplies edges, counted then placed in view order */
    for (size_t i = 0; i < v->nedges; i++) {
        const cn_view_edge *e = &v->edges[i];
        if (e->kind == CN_EDGE_RELIES && mineral_of[e->from] >= 0) {
            ms[mineral_of[e->from]].relies = (int32_t)i;
        } else if (e->kind == CN_EDGE_SUPPLIES && mineral_of[e->to] >= 0) {
            ov_mineral *m = &ms[mineral_of[e->to]];
            m->nin++;
            if (e->highlight && m->top < 0)
                m->top = (int32_t)i;
        }
    }
    for (size_t k = 1; k < nm; k++)
        ms[k].in = ms[k - 1].in + ms[k - 1].nin;
    for (size_t k = 0; k < nm; k++)
        ms[k].nin = 0;
    for (size_t i = 0; i < v->nedges; i++) {
        const cn_view_edge *e = &v->edges[i];
        if (e->kind == CN_EDGE_SUPPLIES && mineral_of[e->to] >= 0) {
            ov_mineral *m = &ms[mineral_of[e->to]];
            ins[m->in + m->nin++] = (int32_t)i;
        }
    }
    for (size_t k = 0; k < nm; k++) {
        int32_t s = ms[k].top >= 0 ? v->edges[ms[k].top].from : -1;
        int32_t *slot = &group_of[slot_of(v, s)];
        if (*slot < 0) {
            gs[ng] = (ov_group){.supplier = s};
            *slot = (int32_t)ng++;
        }
        gs[*slot].n++;
    }
    /* sort the groups, then find each mineral's group again by its supplier */
    g_net = net, g_view = v;
    qsort(gs, ng, sizeof *gs, cmp_groups);
    for (size_t x = 0; x < ng; x++)
        group_of[slot_of(v, gs[x].supplier)] = (int32_t)x;
    for (size_t k = 0; k < nm; k++)
        ms[k].group = group_of[slot_of(v, ms[k].top >= 0 ? v->edges[ms[k].top].from : -1)];
    /* the groups of one mineral share one cluster ("singles"): a cluster's frame costs a row */
    size_t nsingle = 0;
    for (size_t x = 0; x < ng; x++)
        nsingle += single(&gs[x]);
    int ncol = columns_for(nm, ng - nsingle + (nsingle > 0)), singles_col = -1;
    if (ncol > max_columns)
        ncol = max_columns;
    double height[3] = {0, 0, 0};
    /* greedy, largest first: each group (the singles as one) into the lowest column so far */
    for (size_t x = 0; x <= ng; x++) {
        int place_singles = nsingle && singles_col < 0 && (x == ng || single(&gs[x]) || gs[x].n < (int32_t)nsingle);
        for (int pass = place_singles ? 0 : 1; pass < 2 && x <= ng; pass++) {
            if (pass == 1 && (x == ng || single(&gs[x]))) {
                if (x < ng)
                    gs[x].column = singles_col;
                continue;
            }
            int c = 0;
            for (int j = 1; j < ncol; j++)
                if (height[j] < height[c])
                    c = j;
            height[c] += (pass == 0 ? (double)nsingle : gs[x].n) + 0.5;
            if (pass == 0)
                singles_col = c;
            else
                gs[x].column = c;
        }
    }

    /* the full diagram's defaults (render.c), then what differs: a denser page sized for A4 */
    cn_i_render_defaults(g);
    static const struct { int kind; const char *key, *value; } dense[] = {
        {AGRAPH, "newrank", "true"},     {AGRAPH, "size", "8.1,11.5"}, /* A4 portrait less a margin, inches */
        {AGRAPH, "ratio", "compress"},   {AGRAPH, "ranksep", "0.4"},    {AGRAPH, "nodesep", "0.03"},
        {AGRAPH, "pad", "0.05"},         {AGRAPH, "fontsize", "11"},    {AGRAPH, "style", ""},
        {AGRAPH, "margin", "0"}, /* the PDF page's default 0.5 in each side would widen it past A4 */
        {AGRAPH, "color", ""},           {AGNODE, "fillcolor", "#fff3cf"}, {AGNODE, "color", "#9a7b1c"},
        {AGNODE, "margin", "0.05,0.01"}, {AGNODE, "fontsize", "10"},    {AGEDGE, "color", HL},
        {AGEDGE, "fontcolor", HL},       {AGEDGE, "fontsize", DETAIL},  {AGEDGE, "arrowsize", "0.5"},
        {AGRAPH, "forcelabels", "true"}};
    for (size_t i = 0; i < sizeof dense / sizeof dense[0]; i++)
        cn_i_gv_default(g, dense[i].kind, dense[i].key, dense[i].value);

    /* one cluster per group with its supplier node (a dashed "top source unknown" box for the rest) */
    Agnode_t *first[3] = {NULL, NULL, NULL}; /* a mineral of each column: the anchor of the next column */
    Agraph_t *singles = NULL;
    for (size_t x = 0; x < ng && !st; x++) {
        char name[32];
        snprintf(name, sizeof name, "cluster_%zu", x);
        if (single(&gs[x]) && singles) {
            clusters[x] = singles;
        } else {
            clusters[x] = agsubg(g, name, 1);
            cn_i_gv_set(clusters[x], "style", "rounded");
            cn_i_gv_set(clusters[x], "color", "#46627f");
            cn_i_gv_set(clusters[x], "margin", "5");
            cn_i_gv_html(g, clusters[x], AGRAPH, "label", ""); /* written, so DOT read back has no title here */
            if (single(&gs[x])) {
                singles = clusters[x];
                cn_i_gv_html(g, singles, AGRAPH, "label", "Top source of one mineral each");
            }
        }
        char *id = gs[x].supplier >= 0 ? cn_view_node_name(net, v, (size_t)gs[x].supplier) : strdup("no-top-source");
        if (!id) {
            st = CN_ENOMEM;
            break;
        }
        Agnode_t *sn = agnode(clusters[x], id, 1);
        free(id);
        cn_i_gv_set(sn, "fillcolor", "#e8eef4");
        cn_i_gv_set(sn, "color", "#46627f");
        cn_i_sb_reset(&sb);
        if (gs[x].supplier >= 0) {
            cn_i_sb_puts(&sb, "<B>");
            supplier_label(&sb, net, v, gs[x].supplier, 0);
            cn_i_sb_puts(&sb, "</B>");
            if (v->nodes[gs[x].supplier].kind == CN_VNODE_UNNAMED)
                cn_i_sb_puts(&sb, "<BR/><FONT POINT-SIZE=\"" DETAIL "\">blanked in the source,<BR/>"
                                  "not one country</FONT>");
            if (!single(&gs[x]))
                cn_i_sb_printf(&sb, "<BR/><FONT POINT-SIZE=\"" DETAIL "\">top source of %d</FONT>", (int)gs[x].n);
        } else {
            cn_i_sb_puts(&sb, "<B>No top source</B><BR/><FONT POINT-SIZE=\"" DETAIL "\">share and rank<BR/>"
                              "unknown</FONT>");
        }
        if (gs[x].supplier < 0 || v->nodes[gs[x].supplier].kind != CN_VNODE_SUPPLIER)
            cn_i_gv_set(sn, "style", "rounded,dashed,filled");
        cn_i_gv_html(g, sn, AGNODE, "label", cn_i_sb_str(&sb));
        gn[x] = sn;
    }
    for (size_t k = 0; k < nm && !st; k++) {
        const ov_mineral *m = &ms[k];
        char *id = cn_view_node_name(net, v, (size_t)m->node);
        if (!id) {
            st = CN_ENOMEM;
            break;
        }
        Agnode_t *mn = agnode(clusters[m->group], id, 1);
        free(id);
        if (v->nodes[m->node].highlight) {
            cn_i_gv_set(mn, "fillcolor", "#f8d7d3");
            cn_i_gv_set(mn, "color", HL);
            cn_i_gv_set(mn, "penwidth", "2");
        }
        cn_i_sb_reset(&sb);
        mineral_label(&sb, net, v, m, ins);
        cn_i_gv_html(g, mn, AGNODE, "label", cn_i_sb_str(&sb));
        Agedge_t *ge = agedge(g, gn[m->group], mn, NULL, 1);
        cn_i_sb_reset(&sb);
        if (m->top >= 0) {
            const cn_view_edge *e = &v->edges[m->top];
            cn_i_share_label(&sb, e);
            if (!isnan(e->share))
                cn_i_gv_setf(ge, "penwidth", "%.2f", 1.0 + 4.0 * e->share);
            else
                cn_i_gv_set(ge, "style", "dashed");
        } else {
            cn_i_gv_set(ge, "style", "dotted");
            cn_i_gv_set(ge, "color", "#6b6b6b");
        }
        cn_i_gv_html(g, ge, AGEDGE, "xlabel", cn_i_sb_str(&sb)); /* forcelabels: drawn even where crowded */
        if (!first[gs[m->group].column])
            first[gs[m->group].column] = mn;
    }
    /* the columns: each group's supplier ranks right of a mineral of the column before it */
    for (size_t x = 0; x < ng && !st; x++) {
        int c = gs[x].column;
        if (c > 0 && first[c - 1]) {
            Agedge_t *ge = agedge(g, first[c - 1], gn[x], NULL, 1);
            cn_i_gv_set(ge, "style", "invis");
            cn_i_gv_set(ge, "weight", "0");
        }
    }
    if (!st) {
        cn_i_sb_reset(&sb);
        cn_i_render_overview_title(&sb, net, v, t);
        cn_i_gv_html(g, g, AGRAPH, "label", cn_i_sb_str(&sb));
        if (sb.oom)
            st = CN_ENOMEM;
    }
done:
    cn_i_sb_free(&sb);
    free(ms), free(gs), free(group_of), free(gn), free(clusters), free(mineral_of), free(ins);
    return st;
}
