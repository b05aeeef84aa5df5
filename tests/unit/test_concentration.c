/* tests/unit/test_concentration.c: algorithms/concentration.c, cn_concentration_run (world-production and import
 * concentration) and the deps rule for unknown import shares, on a small network whose figures are worked out by
 * hand in the comments. */
#include <math.h>
#include <string.h>

#include "critnet/critnet.h"
#include "harness.h"

static cn_net *net;

static int32_t V(cn_vertex_type t, const char *id)
{
    int32_t v = cn_net_find(net, id);
    if (v < 0)
        cn_net_add_vertex(net, t, id, id, &v, NULL);
    return v;
}

static void prod(const char *country, const char *mineral, int year, double q, double share, unsigned flags)
{
    cn_edge e;
    cn_edge_init(&e, CN_EDGE_PRODUCES);
    e.country = strcmp(country, "*world*") == 0 ? CN_WORLD
                : strcmp(country, "*other*") == 0 ? CN_OTHER : V(CN_VERTEX_COUNTRY, country);
    e.mineral = V(CN_VERTEX_MINERAL, mineral);
    e.year = year;
    e.quantity = q;
    e.share = share;
    e.flags = flags;
    e.unit = "t";
    cn_net_add_edge(net, &e, NULL, NULL);
}

static void rel(const char *mineral, double share, double lo, const char *text, unsigned flags)
{
    cn_edge e;
    cn_edge_init(&e, CN_EDGE_RELIES);
    e.mineral = V(CN_VERTEX_MINERAL, mineral);
    e.consumer = V(CN_VERTEX_COUNTRY, "USA");
    e.share = share;
    e.lo = lo;
    e.hi = isnan(lo) ? NAN : 1.0;
    e.text = text;
    e.year = 2023;
    e.flags = flags | CN_F_PRIMARY;
    cn_net_add_edge(net, &e, NULL, NULL);
}

static void sup(const char *country, const char *mineral, int rank, double share)
{
    cn_edge e;
    cn_edge_init(&e, CN_EDGE_SUPPLIES);
    e.country = V(CN_VERTEX_COUNTRY, country);
    e.mineral = V(CN_VERTEX_MINERAL, mineral);
    e.consumer = V(CN_VERTEX_COUNTRY, "USA");
    e.rank = rank;
    e.share = share;
    e.period = "2019-22";
    cn_net_add_edge(net, &e, NULL, NULL);
}

static const cn_concentration_row *row(const cn_concentration_result *r, const char *id)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(net->vertices[r->rows[i].mineral].id, id) == 0)
            return &r->rows[i];
    return NULL;
}

static const cn_deps_row *drow(const cn_deps_result *r, const char *id)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(net->vertices[r->rows[i].mineral].id, id) == 0)
            return &r->rows[i];
    return NULL;
}

int main(void)
{
    net = cn_net_new();
    V(CN_VERTEX_COUNTRY, "USA");
    /* "a": 2022 A .5 B .3 (world 10); 2023 A 6 of 10 (.6), B W (withheld), C 2 (.2), other 1 (.1), world 10.
     * Latest year with shares: 2023. Listed A, B, C; B's share unknown. HHI .36 + .04 = .40; CR3 .8;
     * effective 2.5; residual 1 - .8 = .2; hhi_max .40 + .2 * .2 = .44; other .1 */
    prod("AAA", "a", 2022, 5, 0.5, 0);
    prod("BBB", "a", 2022, 3, 0.3, 0);
    prod("*world*", "a", 2022, 10, NAN, 0);
    prod("AAA", "a", 2023, 6, 0.6, 0);
    prod("BBB", "a", 2023, NAN, NAN, CN_F_WITHHELD);
    prod("CCC", "a", 2023, 2, 0.2, 0);
    prod("*other*", "a", 2023, 1, 0.1, 0);
    prod("*world*", "a", 2023, 10, NAN, 0);
    /* "a:refinery": a stage of its own: D 1.0 */
    prod("DDD", "a:refinery", 2023, 4, 1.0, 0);
    /* "b": no world total -> no shares: listed, unknown */
    prod("AAA", "b", 2023, 7, NAN, 0);
    /* imports: "a" ranks only (A 1, C 2); "c" with shares .5 .3 (HHI .34) */
    sup("CCC", "a", 2, NAN);
    sup("AAA", "a", 1, NAN);
    sup("AAA", "c", 1, 0.5);
    sup("BBB", "c", 2, 0.3);
    prod("AAA", "c", 2023, 9, 0.9, 0);
    /* reliance: a 60% (>= .5, top producer .6 >= .5 -> flagged by the world rule); b ">50" (bound .5, no
     * shares -> not flagged); c 100% with import shares: import rule (top .5 >= .5) */
    rel("a", 0.6, NAN, "60", 0);
    rel("b", NAN, 0.5, ">50", 0);
    rel("c", 1.0, NAN, "100", 0);
    cn_error err = {0};
    CHECK(cn_net_validate(net, "test", &err) == CN_OK);

    cn_concentration_opts o;
    cn_concentration_opts_init(&o);
    cn_concentration_result r;
    CHECK(cn_concentration_run(net, &o, &r, &err) == CN_OK);
    const cn_concentration_row *a = row(&r, "a");
    CHECK(a && a->year == 2023 && a->n_listed == 3 && a->n_unknown == 1);
    CHECK(a && a->top == cn_net_find(net, "AAA"));
    CHECK_NEAR(a ? a->c.top_share : NAN, 0.6, 1e-12);
    CHECK_NEAR(a ? a->c.hhi : NAN, 0.40, 1e-12);
    CHECK_NEAR(a ? a->c.cr3 : NAN, 0.8, 1e-12);
    CHECK_NEAR(a ? a->c.effective : NAN, 2.5, 1e-12);
    CHECK_NEAR(a ? a->c.residual : NAN, 0.2, 1e-12);
    CHECK_NEAR(a ? a->c.hhi_max : NAN, 0.44, 1e-12);
    CHECK_NEAR(a ? a->other_share : NAN, 0.1, 1e-12);
    CHECK(a && a->total == 10);
    const cn_concentration_row *b = row(&r, "b");
    CHECK(b && b->n_listed == 1 && b->n_unknown == 1 && isnan(b->c.hhi) && b->top == CN_NONE);
    /* sorted by HHI: a:refinery (1.0), c (.81), a (.40), b (unknown) */
    CHECK(r.n == 4 && strcmp(net->vertices[r.rows[0].mineral].id, "a:refinery") == 0 &&
          strcmp(net->vertices[r.rows[3].mineral].id, "b") == 0);
    cn_concentration_result_free(&r);
    /* --year 2022: A .5, B .3 -> HHI .34; --mineral a takes a:refinery too */
    o.year = 2022;
    o.mineral = "a";
    CHECK(cn_concentration_run(net, &o, &r, &err) == CN_OK);
    CHECK(r.n == 1 && (a = row(&r, "a")) != NULL);
    CHECK_NEAR(a ? a->c.hhi : NAN, 0.34, 1e-12);
    cn_concentration_result_free(&r);
    o.year = 0;
    CHECK(cn_concentration_run(net, &o, &r, &err) == CN_OK);
    CHECK(r.n == 2);
    cn_concentration_result_free(&r);
    o.mineral = "zz";
    CHECK(cn_concentration_run(net, &o, &r, &err) == CN_EUSAGE);
    /* imports layer: a ranks only -> top A (rank 1), share unknown; c .5/.3 -> HHI .34 */
    cn_concentration_opts_init(&o);
    o.layer = CN_LAYER_IMPORTS;
    CHECK(cn_concentration_run(net, &o, &r, &err) == CN_OK);
    a = row(&r, "a");
    CHECK(a && a->top == cn_net_find(net, "AAA") && a->top_rank == 1 && isnan(a->c.top_share));
    const cn_concentration_row *c = row(&r, "c");
    CHECK_NEAR(c ? c->c.hhi : NAN, 0.34, 1e-12);
    cn_concentration_result_free(&r);
    o.consumer = "ZZZ";
    CHECK(cn_concentration_run(net, &o, &r, &err) == CN_EUSAGE);

    /* deps */
    cn_deps_opts d;
    cn_deps_opts_init(&d);
    cn_deps_result dr;
    CHECK(cn_deps_run(net, &d, &dr, &err) == CN_OK);
    const cn_deps_row *x = drow(&dr, "a");
    CHECK(x && x->single_source && x->severity_world && x->prod_year == 2023);
    CHECK_NEAR(x ? x->severity : NAN, 0.6 * 0.6, 1e-12);
    CHECK(x && x->prod_top == cn_net_find(net, "AAA") && x->top == cn_net_find(net, "AAA"));
    x = drow(&dr, "b");
    CHECK(x && !x->single_source && isnan(x->prod.top_share)); /* no shares: nothing to stand in */
    x = drow(&dr, "c");
    CHECK(x && x->single_source && !x->severity_world);
    CHECK_NEAR(x ? x->severity : NAN, 1.0 * 0.5, 1e-12); /* the import share is used, not production .9 */
    cn_deps_result_free(&dr);
    /* threshold .61: a's top producer .6 is below -> not flagged, severity still .36 */
    d.threshold = 0.61;
    CHECK(cn_deps_run(net, &d, &dr, &err) == CN_OK);
    x = drow(&dr, "a");
    CHECK(x && !x->single_source);
    CHECK_NEAR(x ? x->severity : NAN, 0.36, 1e-12);
    cn_deps_result_free(&dr);
    cn_net_free(net);
    return cn_test_done();
}
