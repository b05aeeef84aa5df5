/* io/render/labels.c: text of diagrams: the label string builder and escaping, percentages, and the title and
 * legend block (docs/render.md explains the encoding the legend states). */
#include "render/labels_i.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "critnet/scenario.h"
#include "report/cells_i.h"

static int sb_grow(cn_i_sb *sb, size_t more)
{
    if (sb->oom)
        return -1;
    if (sb->n + more + 1 <= sb->cap)
        return 0;
    size_t cap = sb->cap ? sb->cap : 256;
    while (cap < sb->n + more + 1)
        cap *= 2;
    char *p = realloc(sb->p, cap);
    if (!p) {
        sb->oom = 1;
        return -1;
    }
    sb->p = p;
    sb->cap = cap;
    return 0;
}

void cn_i_sb_puts(cn_i_sb *sb, const char *s)
{
    size_t n = strlen(s);
    if (sb_grow(sb, n) == 0) {
        memcpy(sb->p + sb->n, s, n + 1);
        sb->n += n;
    }
}

void cn_i_sb_printf(cn_i_sb *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || sb_grow(sb, (size_t)n) != 0)
        return;
    va_start(ap, fmt);
    vsnprintf(sb->p + sb->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->n += (size_t)n;
}

void cn_i_sb_esc(cn_i_sb *sb, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        char one[2] = {(char)c, '\0'};
        switch (c) {
        case '&': cn_i_sb_puts(sb, "&amp;"); break;
        case '<': cn_i_sb_puts(sb, "&lt;"); break;
        case '>': cn_i_sb_puts(sb, "&gt;"); break;
        case '"': cn_i_sb_puts(sb, "&quot;"); break;
        case '\'': cn_i_sb_puts(sb, "&#39;"); break;
        case '\n': cn_i_sb_puts(sb, "<BR/>"); break;
        case '\\': cn_i_sb_puts(sb, "\\\\"); break; /* Graphviz expands \N, \G... even in HTML text */
        default: cn_i_sb_puts(sb, c < 0x20 || c == 0x7F ? " " : one); break;
        }
    }
}

void cn_i_sb_reset(cn_i_sb *sb)
{
    sb->n = 0;
    if (sb->p)
        sb->p[0] = '\0';
}

const char *cn_i_sb_str(cn_i_sb *sb)
{
    return sb->p && !sb->oom ? sb->p : "";
}

void cn_i_sb_free(cn_i_sb *sb)
{
    free(sb->p);
    memset(sb, 0, sizeof *sb);
}

/* sorted distinct strings, joined with ", " */
static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void put_set(cn_i_sb *sb, char **s, size_t n)
{
    qsort(s, n, sizeof *s, str_cmp);
    for (size_t i = 0, k = 0; i < n; i++) {
        if (i && strcmp(s[i], s[i - 1]) == 0)
            continue;
        if (k++)
            cn_i_sb_puts(sb, ", ");
        cn_i_sb_esc(sb, s[i]);
    }
    if (n == 0)
        cn_i_sb_puts(sb, "not stated");
}

/* the periods (or years) of the drawn edges of one kind */
static void put_years(cn_i_sb *sb, const cn_net *net, const cn_view *v, cn_edge_kind kind)
{
    char **s = calloc(v->nedges + 1, sizeof *s);
    size_t n = 0;
    for (size_t i = 0; s && i < v->nedges; i++) {
        const cn_view_edge *e = &v->edges[i];
        const cn_edge *d = e->edge >= 0 ? &net->edges[e->edge] : NULL;
        if (e->kind != kind)
            continue;
        char y[16];
        int32_t year = d ? d->year : e->year;
        snprintf(y, sizeof y, "%d", (int)year);
        const char *p = d && d->period ? d->period : year > 0 ? y : NULL;
        if (p && (s[n] = cn_strdup(p)))
            n++;
    }
    if (!s) {
        sb->oom = 1;
        return;
    }
    put_set(sb, s, n);
    for (size_t i = 0; i < n; i++)
        free(s[i]);
    free(s);
}

static void put_source(cn_i_sb *sb, const cn_net *net, const cn_view *v, const cn_render_title *t)
{
    if (t->source) {
        cn_i_sb_esc(sb, t->source);
        return;
    }
    int32_t one = -1, count = 0;
    char *seen = calloc((size_t)net->nsources + 1, 1);
    for (size_t i = 0; seen && i < v->nedges; i++) {
        int32_t s = v->edges[i].edge >= 0 ? net->edges[v->edges[i].edge].source : -1;
        if (s >= 0 && !seen[s]) {
            seen[s] = 1;
            one = s;
            count++;
        }
    }
    free(seen);
    if (count == 1) {
        cn_i_sb_esc(sb, net->sources[one].title ? net->sources[one].title : net->sources[one].id);
        if (net->sources[one].edition) {
            cn_i_sb_puts(sb, ", ");
            cn_i_sb_esc(sb, net->sources[one].edition);
        }
    } else if (count > 1) {
        cn_i_sb_printf(sb, "%d sources, listed in the data file", (int)count);
    } else {
        cn_i_sb_puts(sb, "not stated");
    }
}

static const char *first_name(const cn_net *net, const cn_view *v, cn_view_node_kind kind)
{
    for (size_t i = 0; i < v->nnodes; i++)
        if (v->nodes[i].kind == kind) {
            const cn_vertex *x = &net->vertices[v->nodes[i].vertex];
            return x->name && *x->name ? x->name : x->id;
        }
    return NULL;
}

#define ROW "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\">"
#define BAR(h, colour) "<TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"36\" HEIGHT=\"" h "\" BGCOLOR=\"" colour "\"></TD>"
#define KEY "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">"
#define END "</FONT></TD></TR>"

/* "CHN restricts graphite exports by 100%; RUS removed" */
static void put_restrictions(cn_i_sb *sb, const cn_scenario *s)
{
    char t[40];
    for (size_t i = 0; i < s->n; i++) {
        const cn_restriction *q = &s->items[i];
        if (i)
            cn_i_sb_puts(sb, "; ");
        cn_i_sb_esc(sb, q->country);
        if (!q->mineral) {
            cn_i_sb_puts(sb, " removed (every mineral)");
            continue;
        }
        cn_i_sb_puts(sb, " restricts ");
        cn_i_sb_esc(sb, q->mineral);
        cn_i_sb_printf(sb, " exports by %s", cn_i_pct_or(t, q->fraction, "unknown"));
    }
    if (s->n == 0)
        cn_i_sb_puts(sb, "no restriction");
}

static void put_headline(cn_i_sb *sb, const cn_net *net, const cn_view *v, const cn_render_title *t)
{
    const char *consumer = first_name(net, v, CN_VNODE_CONSUMER);
    if (t->scn) {
        cn_i_sb_puts(sb, "Disruption scenario");
        if (v->nconsumers == 1 && consumer) {
            cn_i_sb_puts(sb, " for ");
            cn_i_sb_esc(sb, consumer);
        }
        cn_i_sb_puts(sb, ": ");
        put_restrictions(sb, t->scn);
        return;
    }
    if (v->layer == CN_LAYER_PRODUCTION) {
        cn_i_sb_puts(sb, cn_i_production_is_exports(net) ? "World exports by country" : "World production by country");
    } else if (v->nconsumers == 1 && consumer) {
        cn_i_sb_puts(sb, "Import dependencies of ");
        cn_i_sb_esc(sb, consumer);
        if (t->overview)
            cn_i_sb_puts(sb, ", each mineral under its top import source");
    } else {
        cn_i_sb_printf(sb, "Import dependencies of %d consumers", (int)v->nconsumers);
    }
    int32_t m = t->mineral ? cn_net_find(net, t->mineral) : -1, c = t->country ? cn_net_find(net, t->country) : -1;
    if (m >= 0) {
        cn_i_sb_puts(sb, ": ");
        cn_i_sb_esc(sb, net->vertices[m].name ? net->vertices[m].name : net->vertices[m].id);
    }
    if (c >= 0) {
        cn_i_sb_puts(sb, ", involving ");
        cn_i_sb_esc(sb, net->vertices[c].name ? net->vertices[c].name : net->vertices[c].id);
    }
}


/* the title rows: headline, dataset, source, the years of the figures, the note; opens the table */
/* s escaped, a line break at the last space before each `width` characters (the overview's title block: a
 * long dataset title would set the width of the whole page, and so the scale of every label) */
static void put_wrapped(cn_i_sb *sb, const char *s, size_t width)
{
    char line[160];
    size_t n = strlen(s);
    while (n > width && width < sizeof line) {
        size_t cut = width;
        while (cut > 0 && s[cut] != ' ')
            cut--;
        if (cut == 0)
            break;
        memcpy(line, s, cut);
        line[cut] = '\0';
        cn_i_sb_esc(sb, line);
        cn_i_sb_puts(sb, "<BR/>");
        s += cut + 1;
        n -= cut + 1;
    }
    cn_i_sb_esc(sb, s);
}

static void put_head(cn_i_sb *sb, const cn_net *net, const cn_view *v, const cn_render_title *t)
{
    char pct[40];
    int prod = v->layer == CN_LAYER_PRODUCTION;
    int exports = prod && cn_i_production_is_exports(net); /* trade data: world exports, not production */
    cn_i_sb_puts(sb, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">");
    cn_i_sb_puts(sb, ROW "<FONT POINT-SIZE=\"16\"><B>");
    put_headline(sb, net, v, t);
    cn_i_sb_puts(sb, "</B></FONT></TD></TR>");
    if (t->scn)
        cn_i_sb_printf(sb, ROW "Replacement: alternative producers pro rata to their share of world production, "
                             "each diverting up to %s of its output</TD></TR>", cn_i_pct_or(pct, t->scn->spare, "unknown"));
    cn_i_sb_puts(sb, t->overview ? "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" COLSPAN=\"2\">Dataset: " : ROW "Dataset: ");
    cn_i_sb_esc(sb, t->dataset ? t->dataset : net->name ? net->name : "(unnamed)");
    if (net->title) {
        cn_i_sb_puts(sb, " (");
        if (t->overview)
            put_wrapped(sb, net->title, 90);
        else
            cn_i_sb_esc(sb, net->title);
        cn_i_sb_puts(sb, ")");
    }
    cn_i_sb_puts(sb, "</TD></TR>" ROW "Source: ");
    put_source(sb, net, v, t);
    cn_i_sb_puts(sb, "</TD></TR>" ROW "Figures: ");
    if (prod) {
        cn_i_sb_puts(sb, exports ? "world exports " : "production ");
        put_years(sb, net, v, CN_EDGE_PRODUCES);
    } else {
        cn_i_sb_puts(sb, "import sources ");
        put_years(sb, net, v, CN_EDGE_SUPPLIES);
        cn_i_sb_puts(sb, "; net import reliance (NIR) ");
        put_years(sb, net, v, CN_EDGE_RELIES);
    }
    cn_i_sb_puts(sb, "</TD></TR>");
    if (t->note) { /* its lines (newlines become <BR/>) left-aligned too */
        cn_i_sb_puts(sb, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" COLSPAN=\"2\">");
        cn_i_sb_esc(sb, t->note);
        cn_i_sb_puts(sb, "</TD></TR>");
    }
}

void cn_i_render_title(cn_i_sb *sb, const cn_net *net, const cn_view *v, const cn_render_title *t)
{
    char pct[40];
    int prod = v->layer == CN_LAYER_PRODUCTION;
    int exports = prod && cn_i_production_is_exports(net); /* trade data: world exports, not production */
    put_head(sb, net, v, t);
    /* the legend */
    const char *what = exports ? "share of world exports"
                       : prod  ? "share of world production"
                               : "share of the consumer's imports";
    cn_i_sb_printf(sb, BAR("9", "#6b6b6b") KEY "%s 100%%: line width 1 + 8 &#215; share (pt)" END, what);
    cn_i_sb_printf(sb, BAR("3", "#6b6b6b") KEY "%s 25%%" END, what);
    cn_i_sb_puts(sb, "<TR><TD>- - - -</TD>" KEY "dashed: share unknown; width by rank, 1 + 8 / (rank + 1)" END);
    cn_i_sb_puts(sb, "<TR><TD>&#183; &#183; &#183;</TD>" KEY "dotted: neither share nor rank known" END);
    if (prod)
        cn_i_sb_printf(sb, BAR("4", "#c0392b") KEY "each mineral's top %s; red mineral: its share &#8805; %s" END,
                     exports ? "exporter" : "producer", cn_i_pct_or(pct, v->threshold, "unknown"));
    else if (!t->scn)
        cn_i_sb_printf(sb,
                     BAR("4", "#c0392b") KEY "each mineral's top supplier; red mineral: single-source dependency "
                                             "(top import share &#8805; %s, or the only known source)" END,
                     cn_i_pct_or(pct, v->threshold, "unknown"));
    if (t->scn) {
        cn_i_sb_puts(sb, BAR("4", "#8b0000") KEY "dashed dark red: the part of a flow the scenario cuts "
                       "(&#8722;x% lost, of the consumer's imports)" END);
        cn_i_sb_puts(sb, BAR("4", "#1e8449") KEY "green: replacement from an alternative producer "
                       "(+x% of the consumer's imports)" END);
        cn_i_sb_puts(sb, "<TR><TD></TD>" KEY "grey: the flows that remain; mineral &#8594; consumer: reliance, "
                       "supply lost, replaced and the shortfall left" END);
    }
    cn_i_sb_puts(sb, "<TR><TD></TD>" KEY "boxes: countries (double border: the consumer); ellipses: minerals; "
                   "dashed box: a supplier the source left unnamed; dotted box: all other suppliers" END);
    cn_i_sb_puts(sb, "</TABLE>");
}

void cn_i_render_overview_title(cn_i_sb *sb, const cn_net *net, const cn_view *v, const cn_render_title *t)
{
    char pct[40];
    put_head(sb, net, v, t);
    cn_i_sb_puts(sb, BAR("3", "#c0392b") KEY "top import source, its share of the consumer's imports (width "
                   "1 + 4 &#215; share; dashed: rank only)" END);
    cn_i_sb_printf(sb, "<TR><TD BGCOLOR=\"#f8d7d3\"></TD>" KEY "red mineral: single-source dependency (top share &#8805; %s, or "
                   "the only known source)" END, cn_i_pct_or(pct, v->threshold, "unknown"));
    cn_i_sb_puts(sb, "<TR><TD></TD>" KEY "under each mineral: net import reliance (NIR), then other sources "
                   "(ISO3, share or rank; +n more)" END);
    cn_i_sb_puts(sb, "</TABLE>");
}
