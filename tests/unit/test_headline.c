/* tests/unit/test_headline.c: the headline rules of graph/headline.c on hand-built nets (each expected edge is
 * read off the net built just above it), and cn_sort_r (graph/sort.c) against its definition. */
#include "critnet/graph.h"
#include "critnet/headline.h"
#include "harness.h"

#include <stdlib.h>

/* graph/sort.c: cn_sort_r's fallback when it gets no scratch memory */
void cn_i_sort_r_in_place(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *, void *),
                          void *ctx);

static int32_t vertex(cn_net *n, cn_vertex_type t, const char *id)
{
    int32_t v = -1;
    cn_net_add_vertex(n, t, id, NULL, &v, NULL);
    return v;
}

/* adds an edge; returns its index */
static int32_t edge(cn_net *n, cn_edge_kind k, int32_t country, int32_t mineral, int32_t consumer, double share,
                    int32_t year, const char *period, unsigned flags)
{
    cn_edge e;
    cn_edge_init(&e, k);
    e.country = country;
    e.mineral = mineral;
    e.consumer = consumer;
    e.share = share;
    e.year = year;
    e.period = period;
    e.flags = flags;
    int32_t i = -1;
    cn_net_add_edge(n, &e, &i, NULL);
    return i;
}

static int32_t produces(cn_net *n, int32_t country, int32_t m, double share, double qty, int32_t year, unsigned flags)
{
    int32_t i = edge(n, CN_EDGE_PRODUCES, country, m, -1, share, year, NULL, flags);
    n->edges[i].quantity = qty;
    return i;
}

static void test_imports(void)
{
    cn_net *n = cn_net_new();
    int32_t usa = vertex(n, CN_VERTEX_COUNTRY, "USA"), can = vertex(n, CN_VERTEX_COUNTRY, "CAN");
    int32_t a = vertex(n, CN_VERTEX_COUNTRY, "AAA"), b = vertex(n, CN_VERTEX_COUNTRY, "BBB");
    int32_t m = vertex(n, CN_VERTEX_MINERAL, "m"), other = vertex(n, CN_VERTEX_MINERAL, "other");
    /* 0: another consumer, 1: another mineral, 2: relies; then USA's m in two groups, interleaved */
    edge(n, CN_EDGE_SUPPLIES, a, m, can, 0.5, 0, "2019-22", 0);
    edge(n, CN_EDGE_SUPPLIES, a, other, usa, 0.5, 0, "2019-22", 0);
    edge(n, CN_EDGE_RELIES, usa, m, usa, 0.5, 2022, NULL, 0);
    int32_t g1 = edge(n, CN_EDGE_SUPPLIES, a, m, usa, 0.6, 0, "2017-20", 0);
    int32_t h1 = edge(n, CN_EDGE_SUPPLIES, b, m, usa, 0.9, 0, "2019-22", 0);
    int32_t g2 = edge(n, CN_EDGE_SUPPLIES, b, m, usa, 0.4, 0, "2017-20", 0);
    int32_t g3 = edge(n, CN_EDGE_SUPPLIES, CN_OTHER, m, usa, NAN, 0, "2017-20", 0);
    int32_t h2 = edge(n, CN_EDGE_SUPPLIES, a, m, usa, 0.1, 2020, "2017-20", 0); /* same period, another year */

    /* no primary flag: the group of the first edge of the pair in data order (g1: "2017-20", year 0) */
    const cn_edge *lead = cn_headline_imports_lead(n, NULL, 0, m, usa);
    CHECK(lead == &n->edges[g1]);
    int32_t sel[16];
    int32_t ns = cn_headline_imports(n, NULL, 0, m, usa, sel);
    CHECK(ns == 3 && sel[0] == g1 && sel[1] == g2 && sel[2] == g3);
    CHECK(cn_headline_in_imports(&n->edges[g2], lead) && !cn_headline_in_imports(&n->edges[h1], lead));
    CHECK(!cn_headline_in_imports(&n->edges[h2], lead)); /* year differs */
    CHECK(!cn_headline_in_imports(&n->edges[0], lead) && !cn_headline_in_imports(&n->edges[1], lead));
    CHECK(!cn_headline_in_imports(&n->edges[g1], NULL));
    /* the order given decides: read from h1 on, h1 leads */
    int32_t idx[] = {h1, g2, g3, h2, g1};
    CHECK(cn_headline_imports_lead(n, idx, 5, m, usa) == &n->edges[h1]);
    ns = cn_headline_imports(n, idx, 5, m, usa, sel);
    CHECK(ns == 1 && sel[0] == h1);
    /* no supplies edge of the pair */
    CHECK(cn_headline_imports_lead(n, NULL, 0, other, can) == NULL);
    CHECK(cn_headline_imports(n, NULL, 0, other, can, sel) == 0);

    /* a primary edge anywhere: the primary edges, whatever their period */
    int32_t p1 = edge(n, CN_EDGE_SUPPLIES, b, m, usa, 0.7, 0, "2019-22", CN_F_PRIMARY);
    int32_t p2 = edge(n, CN_EDGE_SUPPLIES, a, m, usa, 0.3, 0, "2017-20", CN_F_PRIMARY);
    lead = cn_headline_imports_lead(n, NULL, 0, m, usa);
    CHECK(lead == &n->edges[p1]);
    ns = cn_headline_imports(n, NULL, 0, m, usa, sel);
    CHECK(ns == 2 && sel[0] == p1 && sel[1] == p2);
    CHECK(!cn_headline_in_imports(&n->edges[g1], lead));
    cn_net_free(n);
}

static void test_reliance(void)
{
    cn_net *n = cn_net_new();
    int32_t usa = vertex(n, CN_VERTEX_COUNTRY, "USA"), can = vertex(n, CN_VERTEX_COUNTRY, "CAN");
    int32_t m = vertex(n, CN_VERTEX_MINERAL, "m");
    CHECK(cn_headline_reliance(n, NULL, 0, m, usa) == NULL);
    edge(n, CN_EDGE_RELIES, usa, m, usa, 0.1, 0, NULL, 0);
    edge(n, CN_EDGE_RELIES, usa, m, usa, 0.2, 2019, NULL, 0);
    int32_t r21 = edge(n, CN_EDGE_RELIES, usa, m, usa, 0.3, 2021, NULL, 0);
    edge(n, CN_EDGE_RELIES, usa, m, usa, 0.4, 2021, NULL, 0); /* a tie: the first read wins */
    edge(n, CN_EDGE_RELIES, usa, m, usa, 0.5, 2020, NULL, 0);
    edge(n, CN_EDGE_RELIES, can, m, can, 0.6, 2023, NULL, 0); /* another consumer */
    CHECK(cn_headline_reliance(n, NULL, 0, m, usa) == &n->edges[r21]);
    int32_t idx[] = {4, 3, 2};
    CHECK(cn_headline_reliance(n, idx, 3, m, usa) == &n->edges[3]);
    /* a primary edge wins over later years */
    int32_t p = edge(n, CN_EDGE_RELIES, usa, m, usa, 0.7, 2018, NULL, CN_F_PRIMARY);
    edge(n, CN_EDGE_RELIES, usa, m, usa, 0.8, 2017, NULL, CN_F_PRIMARY);
    CHECK(cn_headline_reliance(n, NULL, 0, m, usa) == &n->edges[p]);
    cn_net_free(n);
}

static void test_production(void)
{
    cn_net *n = cn_net_new();
    int32_t a = vertex(n, CN_VERTEX_COUNTRY, "AAA"), b = vertex(n, CN_VERTEX_COUNTRY, "BBB");
    int32_t m = vertex(n, CN_VERTEX_MINERAL, "m"), q = vertex(n, CN_VERTEX_MINERAL, "q");
    int32_t z = vertex(n, CN_VERTEX_MINERAL, "z"), p = vertex(n, CN_VERTEX_MINERAL, "p");
    cn_headline_production_group g;
    CHECK(cn_headline_production(n, NULL, 0, m, 0, &g) == 0);
    /* m: 2021 world total + quantities; 2022 a share, no world total; 2023 withheld only -> 2022 */
    int32_t e21 = produces(n, a, m, NAN, 60, 2021, 0);
    produces(n, CN_WORLD, m, NAN, 100, 2021, 0);
    int32_t e22 = produces(n, b, m, 0.5, NAN, 2022, 0);
    int32_t e22o = produces(n, CN_OTHER, m, 0.2, NAN, 2022, 0);
    int32_t e23 = produces(n, a, m, NAN, NAN, 2023, CN_F_WITHHELD);
    CHECK(cn_headline_production(n, NULL, 0, m, 0, &g) == 1);
    CHECK(g.mineral == m && g.year == 2022 && g.by_year && !g.primary);
    CHECK(cn_headline_in_production(&n->edges[e22], &g) && cn_headline_in_production(&n->edges[e22o], &g));
    CHECK(!cn_headline_in_production(&n->edges[e21], &g) && !cn_headline_in_production(&n->edges[e23], &g));
    /* an explicit year overrides the rule; a year without edges gives nothing */
    CHECK(cn_headline_production(n, NULL, 0, m, 2023, &g) == 1 && g.year == 2023 && g.by_year);
    CHECK(cn_headline_in_production(&n->edges[e23], &g) && !cn_headline_in_production(&n->edges[e22], &g));
    CHECK(cn_headline_production(n, NULL, 0, m, 2030, &g) == 0);
    /* only the edges given count: without e22 and e22o, 2021 (a world total) is the latest usable */
    int32_t idx[] = {e21, e21 + 1, e23};
    CHECK(cn_headline_production(n, idx, 3, m, 0, &g) == 1 && g.year == 2021);

    /* q: an "other" share, a zero world total and quantities are not usable: the latest year listed */
    produces(n, CN_OTHER, q, 0.3, NAN, 2020, 0);
    produces(n, CN_WORLD, q, NAN, 0, 2019, 0);
    produces(n, a, q, NAN, 40, 2018, 0);
    produces(n, b, q, NAN, NAN, 2017, 0);
    CHECK(cn_headline_production(n, NULL, 0, q, 0, &g) == 1 && g.year == 2020 && g.by_year);
    /* z: a world total alone makes a year usable; year 0 (unknown) is the earliest */
    produces(n, a, z, 0.9, NAN, 0, 0);
    produces(n, CN_WORLD, z, NAN, 10, 2015, 0);
    produces(n, b, z, NAN, 5, 2016, 0);
    CHECK(cn_headline_production(n, NULL, 0, z, 0, &g) == 1 && g.year == 2015);

    /* p: primary edges win over a later usable year; their year is the first one's */
    int32_t p1 = produces(n, a, p, 0.7, NAN, 2020, CN_F_PRIMARY);
    int32_t p2 = produces(n, b, p, 0.2, NAN, 2020, CN_F_PRIMARY);
    int32_t later = produces(n, b, p, 0.9, NAN, 2021, 0);
    int32_t same_year = produces(n, a, p, 0.1, NAN, 2020, 0);
    CHECK(cn_headline_production(n, NULL, 0, p, 0, &g) == 1 && g.primary && !g.by_year && g.year == 2020);
    CHECK(cn_headline_in_production(&n->edges[p1], &g) && cn_headline_in_production(&n->edges[p2], &g));
    CHECK(!cn_headline_in_production(&n->edges[later], &g) && !cn_headline_in_production(&n->edges[same_year], &g));
    CHECK(!cn_headline_in_production(&n->edges[e22], &g)); /* another mineral */
    /* a year asked for: its primary edges if it has any, else all of its edges */
    CHECK(cn_headline_production(n, NULL, 0, p, 2020, &g) == 1 && g.primary && g.by_year);
    CHECK(cn_headline_in_production(&n->edges[p1], &g) && !cn_headline_in_production(&n->edges[same_year], &g));
    CHECK(cn_headline_production(n, NULL, 0, p, 2021, &g) == 1 && !g.primary && g.year == 2021);
    CHECK(cn_headline_in_production(&n->edges[later], &g) && !cn_headline_in_production(&n->edges[p1], &g));
    cn_net_free(n);
}

/* ---- cn_sort_r: sorted by key, ties in their original order (stable), the context passed through */

typedef struct item {
    int key, pos;
} item;

static int by_key(const void *pa, const void *pb, void *ctx)
{
    const item *a = pa, *b = pb;
    (*(int *)ctx)++;
    return (a->key > b->key) - (a->key < b->key);
}

static void check_sort(size_t n, int keys, int in_place)
{
    item *v = malloc((n + 1) * sizeof *v);
    unsigned x = 12345u + (unsigned)n;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u; /* a fixed LCG: the same input on every run */
        v[i] = (item){(int)((x >> 16) % (unsigned)keys), (int)i};
    }
    int calls = 0;
    if (in_place)
        cn_i_sort_r_in_place(v, n, sizeof *v, by_key, &calls);
    else
        cn_sort_r(v, n, sizeof *v, by_key, &calls);
    int ok = 1;
    for (size_t i = 1; i < n; i++)
        ok &= v[i - 1].key < v[i].key || (v[i - 1].key == v[i].key && v[i - 1].pos < v[i].pos);
    /* a permutation: every position once */
    char *seen = calloc(n + 1, 1);
    for (size_t i = 0; i < n; i++) {
        ok &= v[i].pos >= 0 && (size_t)v[i].pos < n && !seen[v[i].pos];
        seen[v[i].pos] = 1;
    }
    CHECK(ok);
    CHECK(n < 2 || calls > 0);
    free(seen);
    free(v);
}

struct wide {
    int key;
    char pad[100];
};

static int wide_cmp(const void *pa, const void *pb, void *ctx)
{
    const struct wide *a = pa, *b = pb;
    (void)ctx;
    return (a->key > b->key) - (a->key < b->key);
}

static void test_sort(void)
{
    size_t sizes[] = {0, 1, 2, 3, 12, 13, 100, 1000, 4097};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
        for (int in_place = 0; in_place < 2; in_place++) {
            check_sort(sizes[i], 5, in_place);     /* many ties */
            check_sort(sizes[i], 1000000, in_place); /* few ties */
        }
    /* elements wider than the swap buffer */
    struct wide w[40];
    for (int i = 0; i < 40; i++) {
        w[i].key = (i * 17) % 40;
        memset(w[i].pad, i, sizeof w[i].pad);
    }
    cn_i_sort_r_in_place(w, 40, sizeof *w, wide_cmp, NULL);
    int ok = 1;
    for (int i = 0; i < 40; i++)
        ok &= w[i].key == i && w[i].pad[99] == (char)((i * 33) % 40); /* 17 * 33 = 561 = 1 (mod 40) */
    CHECK(ok);
}

int main(void)
{
    test_imports();
    test_reliance();
    test_production();
    test_sort();
    return cn_test_done();
}
