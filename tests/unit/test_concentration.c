/* tests/unit/test_concentration.c: algorithms/concentration.c, cn_concentration_run (world-production and import
 * concentration) and what deps takes from world production where import shares are unknown, on a small
 * network whose figures are worked out by hand in the comments; then the two flags of deps, each from its own evidence, and the one severity rule
 * (cn_deps_severity) on four hand-built minerals: SINGLE-SOURCE from imports only, CONCENTRATED-SUPPLY from
 * world production only, both, and neither. */
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
    /* reliance: a 60% (top producer .6 >= .5: CONCENTRATED-SUPPLY, never SINGLE-SOURCE: no import shares);
     * b ">50" (bound .5, no shares -> nothing); c 100% with import shares: import rule (top .5 >= .5) */
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
    CHECK(x && !x->single_source && x->concentrated_supply && x->severity_world && x->prod_year == 2023);
    CHECK_NEAR(x ? x->severity : NAN, 0.6 * 0.6, 1e-12);
    CHECK(x && x->prod_top == cn_net_find(net, "AAA") && x->top == cn_net_find(net, "AAA"));
    x = drow(&dr, "b");
    CHECK(x && !x->single_source && !x->concentrated_supply && isnan(x->prod.top_share)); /* no shares */
    x = drow(&dr, "c");
    CHECK(x && x->single_source && x->concentrated_supply && !x->severity_world);
    CHECK_NEAR(x ? x->severity : NAN, 1.0 * 0.5, 1e-12); /* the import share is used, not production .9 */
    cn_deps_result_free(&dr);
    /* supply threshold .61: a's top producer .6 is below -> not concentrated, severity still .36 */
    d.supply_threshold = 0.61;
    CHECK(cn_deps_run(net, &d, &dr, &err) == CN_OK);
    x = drow(&dr, "a");
    CHECK(x && !x->single_source && !x->concentrated_supply);
    CHECK_NEAR(x ? x->severity : NAN, 0.36, 1e-12);
    cn_deps_result_free(&dr);

    /* ---- the two flags and severity, on a fresh network. Production: year 2024, world total 100 t, so a
     * producer's share is q / 100. Imports: period 2019-22. ---- */
    int w;
    /* cn_deps_severity: NIR x import share; NIR x world share when the import share is unknown */
    w = -1;
    CHECK_NEAR(cn_deps_severity(0.8, 0.5, 0.9, &w), 0.4, 1e-12);
    CHECK(w == 0);
    CHECK_NEAR(cn_deps_severity(0.8, NAN, 0.9, &w), 0.72, 1e-12);
    CHECK(w == 1);
    CHECK(isnan(cn_deps_severity(NAN, 0.5, 0.9, &w)) && w == 0);
    CHECK(isnan(cn_deps_severity(0.8, NAN, NAN, NULL)));

    cn_net_free(net);
    net = cn_net_new();
    V(CN_VERTEX_COUNTRY, "USA");
    /* imp: imports from JPN 70% and DEU 30% (SINGLE-SOURCE: .7 >= .5); world output spread: CHN 30, AUS 30,
     * BRA 40 of 100 (top .4 < .5: not concentrated). severity = .9 x .7 = .63, from imports */
    rel("imp", 0.9, NAN, NULL, 0);
    sup("JPN", "imp", 1, 0.7);
    sup("DEU", "imp", 2, 0.3);
    prod("CHN", "imp", 2024, 30, 30 / 100.0, 0);
    prod("AUS", "imp", 2024, 30, 30 / 100.0, 0);
    prod("BRA", "imp", 2024, 40, 40 / 100.0, 0);
    prod("*world*", "imp", 2024, 100, NAN, 0);
    /* world: imports JPN 40, CAN 35, MEX 25 (top .4 < .5: not single-source); world output CHN 90 of 100
     * (CONCENTRATED-SUPPLY); severity = 1.0 x .4 = .4, from imports (world production not used) */
    rel("world", 1.0, NAN, NULL, 0);
    sup("JPN", "world", 1, 0.4);
    sup("CAN", "world", 2, 0.35);
    sup("MEX", "world", 3, 0.25);
    prod("CHN", "world", 2024, 90, 90 / 100.0, 0);
    prod("*world*", "world", 2024, 100, NAN, 0);
    /* both: imports CHN 100% (only and top source), world CHN 60 of 100 -> both flags; severity .5 x 1 = .5 */
    rel("both", 0.5, NAN, NULL, 0);
    sup("CHN", "both", 1, 1.0);
    prod("CHN", "both", 2024, 60, 60 / 100.0, 0);
    prod("*world*", "both", 2024, 100, NAN, 0);
    /* neither: imports ranked, shares unknown (CAN 1, MEX 2): no import evidence of a single source; world
     * CAN 45 of 100 -> not concentrated; severity = .8 x .45 = .36, from world production */
    rel("neither", 0.8, NAN, NULL, 0);
    sup("CAN", "neither", 1, NAN);
    sup("MEX", "neither", 2, NAN);
    prod("CAN", "neither", 2024, 45, 45 / 100.0, 0);
    prod("*world*", "neither", 2024, 100, NAN, 0);
    /* gallium as in MCS 2024: shares unknown, top import source JPN by rank, CHN 98% of world output: concentrated
     * supply, not single-source (the old rule flagged it SINGLE-SOURCE from world production) */
    rel("gallium", 1.0, NAN, NULL, 0);
    sup("JPN", "gallium", 1, NAN);
    sup("CHN", "gallium", 2, NAN);
    prod("CHN", "gallium", 2024, 98, 98 / 100.0, 0);
    prod("*world*", "gallium", 2024, 100, NAN, 0);
    CHECK(cn_net_validate(net, "test", &err) == CN_OK);

    cn_deps_opts_init(&d);
    CHECK_NEAR(d.supply_threshold, 0.5, 0.0);
    CHECK(cn_deps_run(net, &d, &dr, &err) == CN_OK);
    CHECK(dr.n == 5);
    x = drow(&dr, "imp");
    CHECK(x && x->single_source && !x->concentrated_supply && !x->severity_world);
    CHECK_NEAR(x ? x->severity : NAN, 0.63, 1e-12);
    x = drow(&dr, "world");
    CHECK(x && !x->single_source && x->concentrated_supply && !x->severity_world);
    CHECK_NEAR(x ? x->severity : NAN, 0.4, 1e-12);
    x = drow(&dr, "both");
    CHECK(x && x->single_source && x->concentrated_supply);
    CHECK_NEAR(x ? x->severity : NAN, 0.5, 1e-12);
    x = drow(&dr, "neither");
    CHECK(x && !x->single_source && !x->concentrated_supply && x->severity_world);
    CHECK_NEAR(x ? x->severity : NAN, 0.36, 1e-12);
    x = drow(&dr, "gallium");
    CHECK(x && !x->single_source && x->concentrated_supply && x->top == cn_net_find(net, "JPN"));
    CHECK(x && x->prod_top == cn_net_find(net, "CHN"));
    /* sorted by severity: gallium .98 (world), imp .63, both .5, world .4, neither .36 */
    CHECK(dr.n == 5 && strcmp(net->vertices[dr.rows[0].mineral].id, "gallium") == 0 &&
          strcmp(net->vertices[dr.rows[1].mineral].id, "imp") == 0 &&
          strcmp(net->vertices[dr.rows[4].mineral].id, "neither") == 0);
    cn_deps_result_free(&dr);

    /* the thresholds are separate: --supply-threshold .95 keeps only gallium (.98) concentrated, and the
     * SINGLE-SOURCE verdicts do not move; --threshold .75 drops imp (.7) but not both (only source) */
    d.supply_threshold = 0.95;
    d.threshold = 0.75;
    CHECK(cn_deps_run(net, &d, &dr, &err) == CN_OK);
    CHECK((x = drow(&dr, "world")) && !x->concentrated_supply);
    CHECK((x = drow(&dr, "gallium")) && x->concentrated_supply);
    CHECK((x = drow(&dr, "imp")) && !x->single_source);
    CHECK((x = drow(&dr, "both")) && x->single_source && !x->concentrated_supply);
    cn_deps_result_free(&dr);
    d.supply_threshold = 0.0;
    CHECK(cn_deps_run(net, &d, &dr, &err) == CN_EUSAGE);
    d.supply_threshold = 1.5;
    CHECK(cn_deps_run(net, &d, &dr, &err) == CN_EUSAGE);
    cn_net_free(net);
    return cn_test_done();
}
