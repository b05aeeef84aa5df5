/* Diagrams: views built with cn_view_build, drawn by cn_render as DOT, re-read with cgraph (agmemread) and checked
 * against the data files by hand (tests/data/render-*.json, ../datasets/us-mcs2020.json); a view is drawn as
 * given; the title's fields; SVG determinism, PNG/PDF magic bytes. */
#include <gvc.h>
#include <stdlib.h>
#include <string.h>

#include "critnet/io.h"
#include "critnet/render.h"
#include "harness.h"

#define HL "#c0392b"

static cn_net *load(const char *path)
{
    cn_net *net = NULL;
    cn_error err = {0};
    if (cn_json_load(path, &net, &err) != CN_OK)
        fprintf(stderr, "%s\n", err.msg);
    return net;
}

/* builds the view of o and draws it (the title: o's mineral and country, defaults otherwise) */
static cn_status render_mem(const cn_net *net, const cn_view_opts *o, cn_render_format fmt, char **data,
                            size_t *len, cn_error *err)
{
    cn_view v;
    *data = NULL;
    cn_status st = cn_view_build(net, o, &v, err);
    if (st)
        return st;
    cn_render_title t = {.mineral = o->mineral, .country = o->country};
    st = cn_render_mem(net, &v, &t, fmt, data, len, err);
    cn_view_free(&v);
    return st;
}

/* reads DOT text back with cgraph and frees it */
static Agraph_t *parse(char *dot)
{
    Agraph_t *g = dot ? agmemread(dot) : NULL;
    free(dot);
    return g;
}

/* renders DOT and reads it back with cgraph */
static Agraph_t *dot_of(const cn_net *net, const cn_view_opts *o)
{
    char *dot = NULL;
    size_t len = 0;
    cn_error err = {0};
    if (render_mem(net, o, CN_RENDER_FORMAT_DOT, &dot, &len, &err) != CN_OK) {
        fprintf(stderr, "render: %s\n", err.msg);
        return NULL;
    }
    return parse(dot);
}

static const char *attr(void *obj, const char *name)
{
    const char *v = agget(obj, (char *)name);
    return v ? v : "";
}

/* the edge tail -> head; NULL when either end or the edge is missing */
static Agedge_t *edge(Agraph_t *g, const char *tail, const char *head)
{
    Agnode_t *t = agnode(g, (char *)tail, 0), *h = agnode(g, (char *)head, 0);
    return t && h ? agedge(g, t, h, NULL, 0) : NULL;
}

/* checks one supplier edge: label, width, style, highlight */
static void check_edge(Agraph_t *g, const char *tail, const char *head, const char *label, const char *width,
                       const char *style, int highlighted)
{
    Agedge_t *e = edge(g, tail, head);
    CHECK(e != NULL);
    if (!e) {
        fprintf(stderr, "  missing edge %s -> %s\n", tail, head);
        return;
    }
    CHECK_STR(attr(e, "label"), label);
    CHECK_STR(attr(e, "penwidth"), width);
    CHECK_STR(attr(e, "style"), style);
    CHECK((strcmp(attr(e, "color"), HL) == 0) == highlighted);
}

static int count_nodes(Agraph_t *g)
{
    return agnnodes(g);
}

/* the names of the highlighted edges' tails (supplier edges) or heads' tails (relies), sorted, joined */
static void highlighted(Agraph_t *g, int relies, char *buf, size_t size)
{
    char *names[256];
    int n = 0;
    for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v))
        for (Agedge_t *e = agfstout(g, v); e; e = agnxtout(g, e)) {
            int is_relies = strncmp(agnameof(aghead(e)), "consumer:", 9) == 0;
            if (is_relies == relies && strcmp(attr(e, "color"), HL) == 0 && n < 256)
                names[n++] = relies ? agnameof(agtail(e)) : agnameof(aghead(e));
        }
    for (int i = 1; i < n; i++) /* insertion sort */
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        strncat(buf, i ? " " : "", size - strlen(buf) - 1);
        strncat(buf, names[i], size - strlen(buf) - 1);
    }
}

static void test_shares(void)
{
    cn_net *net = load("data/render-shares.json");
    CHECK(net != NULL);
    if (!net)
        return;
    cn_view_opts o;
    cn_view_opts_init(&o);
    Agraph_t *g = dot_of(net, &o);
    CHECK(g != NULL);
    if (!g)
        return;
    /* consumer USA: graphite (CHN, MEX, other) and cobalt (CAN, unnamed, CHN, other) -> 4 suppliers/residuals
     * named or not + 2 others + 1 unnamed... nodes: CHN MEX CAN, other x2, unnamed x1, 2 minerals, USA = 9 */
    CHECK(count_nodes(g) == 9);
    /* width = 1 + 8 * share: .60 -> 5.80, .25 -> 3.00, .15 -> 2.20, .30 -> 3.40, .20 -> 2.60 */
    check_edge(g, "country:CHN", "mineral:graphite", "60%", "5.80", "solid", 1);
    check_edge(g, "country:MEX", "mineral:graphite", "25%", "3.00", "solid", 0);
    check_edge(g, "other:USA:graphite", "mineral:graphite", "15%", "2.20", "solid", 0);
    check_edge(g, "country:CAN", "mineral:cobalt", "30%", "3.40", "solid", 1); /* top: CAN .30 */
    check_edge(g, "unnamed:USA:cobalt:1", "mineral:cobalt", "20%", "2.60", "solid", 0);
    check_edge(g, "country:CHN", "mineral:cobalt", "20%", "2.60", "solid", 0);
    check_edge(g, "other:USA:cobalt", "mineral:cobalt", "30%", "3.40", "solid", 0);
    CHECK_STR(attr(agnode(g, "other:USA:graphite", 0), "label"), "other (15%)");
    CHECK_STR(attr(agnode(g, "unnamed:USA:cobalt:1", 0), "label"), "unnamed supplier");
    /* graphite is single-source (CHN .60 >= .5); cobalt is not (top .30) */
    Agedge_t *r = edge(g, "mineral:graphite", "consumer:USA");
    CHECK(r && strcmp(attr(r, "color"), HL) == 0);
    CHECK(r && strcmp(attr(r, "label"), "NIR 100%") == 0);
    r = edge(g, "mineral:cobalt", "consumer:USA");
    CHECK(r && strcmp(attr(r, "color"), HL) != 0);
    CHECK(r && strcmp(attr(r, "label"), "NIR &gt;75%") == 0);
    CHECK(strstr(attr(agnode(g, "mineral:graphite", 0), "label"), "single source") != NULL);
    CHECK(strstr(attr(agnode(g, "mineral:cobalt", 0), "label"), "single source") == NULL);
    CHECK_STR(attr(agnode(g, "mineral:graphite", 0), "shape"), "ellipse");
    CHECK_STR(attr(agnode(g, "country:CHN", 0), "shape"), "box");
    CHECK_STR(attr(g, "rankdir"), "LR");
    /* the title names dataset, source and years; the legend is part of it */
    const char *title = attr(g, "label");
    CHECK(strstr(title, "Import dependencies of United States") != NULL);
    CHECK(strstr(title, "Dataset: render-shares") != NULL);
    CHECK(strstr(title, "Source: Hand-made test figures, 2024") != NULL);
    CHECK(strstr(title, "import sources 2015-18; net import reliance (NIR) 2019") != NULL);
    CHECK(strstr(title, "dashed: share unknown") != NULL);
    agclose(g);

    /* --top 1: graphite keeps CHN (+ the residual), hides MEX; cobalt keeps CAN, hides unnamed and CHN */
    o.top = 1;
    g = dot_of(net, &o);
    CHECK(g && edge(g, "country:MEX", "mineral:graphite") == NULL);
    CHECK(g && strstr(attr(agnode(g, "mineral:graphite", 0), "label"), "+1 not shown") != NULL);
    CHECK(g && strstr(attr(agnode(g, "mineral:cobalt", 0), "label"), "+2 not shown") != NULL);
    CHECK(g && count_nodes(g) == 7); /* CHN CAN, 2 others, 2 minerals, USA */
    if (g)
        agclose(g);
    /* --min-share .25: cobalt's .20 suppliers go, the .30 residual stays */
    o.top = 0;
    o.min_share = 0.25;
    g = dot_of(net, &o);
    CHECK(g && edge(g, "country:CHN", "mineral:cobalt") == NULL);
    CHECK(g && agnode(g, "unnamed:USA:cobalt:1", 0) == NULL);
    CHECK(g && edge(g, "other:USA:cobalt", "mineral:cobalt") != NULL);
    CHECK(g && edge(g, "country:MEX", "mineral:graphite") != NULL);
    if (g)
        agclose(g);

    /* --mineral cobalt: every consumer (USA and CAN); labels name the consumer */
    cn_view_opts_init(&o);
    o.mineral = "cobalt";
    g = dot_of(net, &o);
    CHECK(g && agnode(g, "consumer:CAN", 0) && agnode(g, "consumer:USA", 0));
    CHECK(g && agnode(g, "mineral:graphite", 0) == NULL);
    int with_can = 0;
    for (Agedge_t *e = g ? agfstout(g, agnode(g, "country:CHN", 0)) : NULL; e; e = agnxtout(g, e))
        with_can += strcmp(attr(e, "label"), "CAN 50%") == 0;
    CHECK(with_can == 1);
    if (g)
        agclose(g);

    /* production: 2020 has a world total of 200 t: COD 120/200 = 60%, AUS 20/200 = 10%, other 40/200 = 20%.
     * Uranium has no world total: ranks by quantity (KAZ 22808 > CAN 6938), dashed. */
    cn_view_opts_init(&o);
    o.layer = CN_LAYER_PRODUCTION;
    g = dot_of(net, &o);
    CHECK(g != NULL);
    if (g) {
        check_edge(g, "country:COD", "mineral:cobalt", "60%", "5.80", "solid", 1);
        check_edge(g, "country:AUS", "mineral:cobalt", "10%", "1.80", "solid", 0);
        check_edge(g, "other:cobalt", "mineral:cobalt", "20%", "2.60", "solid", 0);
        CHECK_STR(attr(agnode(g, "other:cobalt", 0), "label"), "other (20%)");
        CHECK(strstr(attr(agnode(g, "mineral:cobalt", 0), "label"), "dominant producer") != NULL);
        /* rank 1 -> 1 + 8/2 = 5.00, rank 2 -> 1 + 8/3 = 3.67 */
        check_edge(g, "country:KAZ", "mineral:uranium", "rank 1<BR/>22808 t U", "5.00", "dashed", 1);
        check_edge(g, "country:CAN", "mineral:uranium", "rank 2<BR/>6938 t U", "3.67", "dashed", 0);
        CHECK(strstr(attr(agnode(g, "mineral:uranium", 0), "label"), "dominant") == NULL);
        CHECK(count_nodes(g) == 7); /* COD AUS other KAZ CAN + 2 minerals */
        CHECK(strstr(attr(g, "label"), "production 2019, 2020") != NULL);
        agclose(g);
    }

    /* errors */
    cn_error err = {0};
    char *data = NULL;
    size_t len = 0;
    cn_view_opts_init(&o);
    o.mineral = "unobtainium";
    CHECK(render_mem(net, &o, CN_RENDER_FORMAT_DOT, &data, &len, &err) == CN_EUSAGE && data == NULL);
    CHECK(strstr(err.msg, "unobtainium") != NULL);
    cn_view_opts_init(&o);
    o.layer = CN_LAYER_PRODUCTION;
    o.consumer = "USA";
    CHECK(render_mem(net, &o, CN_RENDER_FORMAT_DOT, &data, &len, &err) == CN_EUSAGE);

    /* SVG: byte-identical runs, one node group per node; PNG and PDF magic bytes */
    cn_view_opts_init(&o);
    char *a = NULL, *b = NULL;
    size_t la = 0, lb = 0;
    CHECK(render_mem(net, &o, CN_RENDER_FORMAT_SVG, &a, &la, &err) == CN_OK);
    CHECK(render_mem(net, &o, CN_RENDER_FORMAT_SVG, &b, &lb, &err) == CN_OK);
    CHECK(a && b && la == lb && memcmp(a, b, la) == 0);
    int groups = 0;
    for (const char *p = a; p && (p = strstr(p, "<g id=\"node")); p++)
        groups++;
    CHECK(groups == 9);
    free(a);
    free(b);
    CHECK(render_mem(net, &o, CN_RENDER_FORMAT_PNG, &a, &la, &err) == CN_OK);
    CHECK(a && la > 8 && memcmp(a, "\x89PNG\r\n\x1a\n", 8) == 0);
    free(a);
    CHECK(render_mem(net, &o, CN_RENDER_FORMAT_PDF, &a, &la, &err) == CN_OK);
    CHECK(a && la > 5 && memcmp(a, "%PDF-", 5) == 0);
    free(a);
    cn_net_free(net);
}

/* rank-only import sources (the shape of MCS 2024): dashed, width by rank, top = rank 1, never single-source */
static void test_ranks(void)
{
    cn_net *net = load("data/render-ranks.json");
    CHECK(net != NULL);
    if (!net)
        return;
    cn_view_opts o;
    cn_view_opts_init(&o);
    Agraph_t *g = dot_of(net, &o);
    CHECK(g != NULL);
    if (!g)
        return;
    /* 1 + 8/(rank + 1): 5.00, 3.67, 3.00 */
    check_edge(g, "country:CHN", "mineral:gallium", "rank 1", "5.00", "dashed", 1);
    check_edge(g, "country:DEU", "mineral:gallium", "rank 2", "3.67", "dashed", 0);
    check_edge(g, "country:JPN", "mineral:gallium", "rank 3", "3.00", "dashed", 0);
    /* potash: one source without share or rank: the only known source -> single-source, dotted */
    check_edge(g, "country:CAN", "mineral:potash", "share unknown", "1", "dotted", 0); /* deps names no top */
    char buf[512];
    highlighted(g, 1, buf, sizeof buf);
    CHECK_STR(buf, "mineral:potash");
    agclose(g);
    cn_net_free(net);
}

/* names with quotes, tags, ampersands, newlines and backslashes draw as text and cannot inject DOT */
static void test_hostile(void)
{
    cn_net *net = load("data/render-hostile.json");
    CHECK(net != NULL);
    if (!net)
        return;
    cn_view_opts o;
    cn_view_opts_init(&o);
    Agraph_t *g = dot_of(net, &o);
    CHECK(g != NULL);
    if (!g)
        return;
    CHECK(count_nodes(g) == 5); /* ZZA ZZB, two minerals, USA: nothing injected */
    CHECK(agnode(g, "injected", 0) == NULL && agnode(g, "a", 0) == NULL);
    CHECK_STR(attr(agnode(g, "country:ZZA", 0), "label"),
              "Evil &quot;quote&quot; &lt;b&gt;&amp;amp;&lt;/b&gt;<BR/>second line");
    CHECK_STR(attr(agnode(g, "country:ZZB", 0), "label"),
              "x&quot;]; injected [shape=none label=&quot;boo&quot;]; a -&gt; b; //");
    /* ids: '\' and '%' percent-encoded in node names ("x\" -> "x%5C", "p%25<&>" -> "p%2525<&>") */
    CHECK(agnode(g, "mineral:x%5C", 0) != NULL);
    CHECK(agnode(g, "mineral:p%2525<&>", 0) != NULL);
    /* a backslash is doubled: Graphviz would otherwise replace "\N" by the node's name when drawing */
    const char *want = "Back\\\\slash \\\\N \\\\G ]]&gt; &lt;!-- --&gt;<BR/>";
    CHECK(strncmp(attr(agnode(g, "mineral:x%5C", 0), "label"), want, strlen(want)) == 0);
    CHECK(aghtmlstr(agget(agnode(g, "country:ZZA", 0), (char *)"label")));
    check_edge(g, "country:ZZA", "mineral:x%5C", "50%", "5.00", "solid", 1);
    check_edge(g, "country:ZZB", "mineral:p%2525<&>", "100%", "9.00", "solid", 1);
    CHECK(strstr(attr(g, "label"), "import sources 2020, &lt;2020&gt;") != NULL);
    agclose(g);
    cn_error err = {0};
    char *svg = NULL;
    size_t len = 0;
    CHECK(render_mem(net, &o, CN_RENDER_FORMAT_SVG, &svg, &len, &err) == CN_OK);
    CHECK(svg && strstr(svg, "Evil &quot;quote&quot; &lt;b&gt;&amp;amp;&lt;/b&gt;") != NULL);
    CHECK(svg && strstr(svg, ">Back\\slash \\N \\G ]]&gt; &lt;!&#45;&#45; &#45;&#45;&gt;<") != NULL);
    free(svg);
    cn_net_free(net);
}

/* the default picture of the built-in us-mcs2020 data, checked by hand against datasets/us-mcs2020.json */
static void test_mcs2020(void)
{
    cn_net *net = load("../datasets/us-mcs2020.json");
    CHECK(net != NULL);
    if (!net)
        return;
    cn_view_opts o;
    cn_view_opts_init(&o);
    Agraph_t *g = dot_of(net, &o);
    CHECK(g != NULL);
    if (!g)
        return;
    /* graphite 2015-18: China 33%, Mexico 24%, Canada 16%, India 9%, other 18% */
    check_edge(g, "country:CHN", "mineral:graphite", "33%", "3.64", "solid", 1);
    check_edge(g, "country:MEX", "mineral:graphite", "24%", "2.92", "solid", 0);
    check_edge(g, "country:CAN", "mineral:graphite", "16%", "2.28", "solid", 0);
    check_edge(g, "country:IND", "mineral:graphite", "9%", "1.72", "solid", 0);
    check_edge(g, "other:USA:graphite", "mineral:graphite", "18%", "2.44", "solid", 0);
    /* aluminum (bauxite) 2015-18: four sources the copy left unnamed, 51/23/10/7%, other 9% */
    check_edge(g, "unnamed:USA:aluminum:bauxite:1", "mineral:aluminum:bauxite", "51%", "5.08", "solid", 1);
    check_edge(g, "unnamed:USA:aluminum:bauxite:4", "mineral:aluminum:bauxite", "7%", "1.56", "solid", 0);
    /* aluminum metal: NRCan ranks Canada first (datasets/forms.csv maps NRCan's "aluminum" to the metal) */
    check_edge(g, "country:CAN", "mineral:aluminum:metal", "rank 1", "5.00", "dashed", 1);
    /* niobium: the group flagged primary ("Total imports"): Brazil 66%, Canada 22%, Germany 4%, Russia 3% */
    check_edge(g, "country:BRA", "mineral:niobium", "66%", "6.28", "solid", 1);
    check_edge(g, "country:RUS", "mineral:niobium", "3%", "1.24", "solid", 0);
    /* potash: NRCan ranks Canada first, share unknown */
    check_edge(g, "country:CAN", "mineral:potash", "rank 1", "5.00", "dashed", 1);
    /* Single-source at 50%, by hand: aluminum:bauxite (unnamed 51%), fluorspar (Mexico 69%), lithium (Argentina
     * 53%), niobium (Brazil 66%). Germanium (Belgium, China, no shares), potash and tellurium (Canada, rank 1)
     * and magnesium (Canada, rank 2) are not: ranks place a source among several. */
    char buf[2048];
    highlighted(g, 1, buf, sizeof buf);
    CHECK_STR(buf, "mineral:aluminum:bauxite mineral:fluorspar mineral:lithium mineral:niobium");
    /* Top supplier of each mineral: the largest share (uranium: Canada and Kazakhstan 22% each, the tie goes to
     * the first id, CAN), else rank 1; germanium and magnesium have none. One red edge per mineral: */
    highlighted(g, 0, buf, sizeof buf);
    CHECK_STR(buf, "mineral:aluminum:alumina mineral:aluminum:bauxite mineral:aluminum:metal mineral:barite "
                   "mineral:cobalt mineral:fluorspar mineral:graphite mineral:indium mineral:lithium "
                   "mineral:niobium mineral:potash mineral:tellurium mineral:titanium:concentrates "
                   "mineral:tungsten mineral:uranium");
    check_edge(g, "country:CAN", "mineral:uranium", "22%", "2.76", "solid", 1);
    check_edge(g, "country:KAZ", "mineral:uranium", "22%", "2.76", "solid", 0);
    /* every supplies edge of the headline groups is drawn: 5+3+5+5+5+2+5+5+4+4+5+5+7+1+1+1 = 63, and NRCan's
     * rank for aluminum metal, now its own id: 64 */
    int supplies = 0;
    for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v))
        for (Agedge_t *e = agfstout(g, v); e; e = agnxtout(g, e))
            supplies += strncmp(agnameof(aghead(e)), "mineral:", 8) == 0;
    CHECK(supplies == 64);
    agclose(g);
    cn_net_free(net);
}

/* cn_render draws the view it is given, changed or not, and the title block says what cn_render_title says */
static void test_given_view(void)
{
    cn_net *net = load("data/render-shares.json");
    CHECK(net != NULL);
    if (!net)
        return;
    cn_view_opts o;
    cn_view_opts_init(&o);
    cn_view v;
    cn_error err = {0};
    CHECK(cn_view_build(net, &o, &v, &err) == CN_OK);
    /* the view's first edge is CHN -> graphite (60%, top supplier: red); give it 50% and no highlight */
    CHECK(v.nedges > 0 && v.edges[0].kind == CN_EDGE_SUPPLIES && v.edges[0].highlight);
    v.edges[0].share = 0.5;
    v.edges[0].highlight = 0;
    char *dot = NULL;
    size_t len = 0;
    CHECK(cn_render_mem(net, &v, NULL, CN_RENDER_FORMAT_DOT, &dot, &len, &err) == CN_OK);
    CHECK(dot && len == strlen(dot));
    /* the rank groups in creation order, whatever the heap (cgraph 2.42 orders subgraphs by id) */
    const char *gs = dot ? strstr(dot, "subgraph suppliers") : NULL;
    const char *gm = dot ? strstr(dot, "subgraph minerals") : NULL;
    const char *gc = dot ? strstr(dot, "subgraph consumers") : NULL;
    CHECK(gs && gm && gc && gs < gm && gm < gc);
    Agraph_t *g = parse(dot);
    CHECK(g != NULL);
    if (g) {
        check_edge(g, "country:CHN", "mineral:graphite", "50%", "5.00", "solid", 0); /* 1 + 8 * .5 */
        /* NULL title: the net's name, the single source record of the drawn edges, no scenario */
        const char *title = attr(g, "label");
        CHECK(strstr(title, "Dataset: render-shares (Small import-share network for the render tests)") != NULL);
        CHECK(strstr(title, "Source: Hand-made test figures, 2024") != NULL);
        CHECK(strstr(title, "Import dependencies of United States<") != NULL);
        agclose(g);
    }
    /* no edges: the nodes alone; no figures to date */
    size_t ne = v.nedges;
    v.nedges = 0;
    CHECK(cn_render_mem(net, &v, NULL, CN_RENDER_FORMAT_DOT, &dot, &len, &err) == CN_OK);
    g = parse(dot);
    CHECK(g && agnedges(g) == 0 && agnnodes(g) == 9);
    CHECK(g && strstr(attr(g, "label"), "import sources not stated; net import reliance (NIR) not stated") != NULL);
    CHECK(g && strstr(attr(g, "label"), "Source: not stated") != NULL);
    if (g)
        agclose(g);
    v.nedges = ne;

    /* the title's fields: dataset and source as given, the mineral and country named, a scenario's
     * restrictions and spare share (the view itself is not a scenario view: cn_render draws what it is told) */
    cn_restriction r = {.country = "CHN", .mineral = "graphite", .fraction = 0.25};
    cn_scenario scn = {.items = &r, .n = 1, .spare = 0.1};
    cn_render_title t = {.dataset = "mine & yours", .source = "by hand", .mineral = "cobalt", .country = "CHN"};
    CHECK(cn_render_mem(net, &v, &t, CN_RENDER_FORMAT_DOT, &dot, &len, &err) == CN_OK);
    g = parse(dot);
    CHECK(g && strstr(attr(g, "label"), "Dataset: mine &amp; yours (") != NULL);
    CHECK(g && strstr(attr(g, "label"), "Source: by hand<") != NULL);
    CHECK(g && strstr(attr(g, "label"), "Import dependencies of United States: Cobalt, involving China<") != NULL);
    if (g)
        agclose(g);
    t.scn = &scn;
    CHECK(cn_render_mem(net, &v, &t, CN_RENDER_FORMAT_DOT, &dot, &len, &err) == CN_OK);
    g = parse(dot);
    const char *title = g ? attr(g, "label") : "";
    CHECK(strstr(title, "Disruption scenario for United States: CHN restricts graphite exports by 25%<") != NULL);
    CHECK(strstr(title, "each diverting up to 10% of its output") != NULL);
    CHECK(strstr(title, "replacement from an alternative producer") != NULL);
    CHECK(strstr(title, "single-source dependency") == NULL); /* the scenario legend replaces it */
    if (g)
        agclose(g);
    cn_view_free(&v);
    cn_net_free(net);
}

int main(void)
{
    test_shares();
    test_given_view();
    test_ranks();
    test_hostile();
    test_mcs2020();
    return cn_test_done();
}
