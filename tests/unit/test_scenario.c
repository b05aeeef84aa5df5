/* tests/unit/test_scenario.c: algorithms/scenario/ building blocks: the --restrict syntax, world-production
 * shares, alliance expansion, and the direct model on a net built in code (figures worked out by hand in the
 * comments). */
#include <stdlib.h>

#include "critnet/scenario.h"
#include "harness.h"

static int32_t country(cn_net *n, const char *id)
{
    int32_t v;
    cn_net_add_vertex(n, CN_VERTEX_COUNTRY, id, NULL, &v, NULL);
    return v;
}

static void produces(cn_net *n, int32_t c, int32_t m, double share, double qty, int32_t year)
{
    cn_edge e;
    cn_edge_init(&e, CN_EDGE_PRODUCES);
    e.country = c;
    e.mineral = m;
    e.share = share;
    e.quantity = qty;
    e.year = year;
    cn_net_add_edge(n, &e, NULL, NULL);
}

static void supplies(cn_net *n, int32_t c, int32_t m, int32_t k, double share)
{
    cn_edge e;
    cn_edge_init(&e, CN_EDGE_SUPPLIES);
    e.country = c;
    e.mineral = m;
    e.consumer = k;
    e.share = share;
    cn_net_add_edge(n, &e, NULL, NULL);
}

int main(void)
{
    cn_error err;
    cn_scenario s;
    cn_scenario_init(&s);
    CHECK(cn_scenario_parse_restrict(&s, "CHN:graphite", &err) == CN_OK);
    CHECK(cn_scenario_parse_restrict(&s, "CHN:cobalt:ore=25%", &err) == CN_OK);
    CHECK(s.n == 2);
    CHECK_STR(s.items[0].mineral, "graphite");
    CHECK_NEAR(s.items[0].fraction, 1.0, 0);
    CHECK_STR(s.items[1].mineral, "cobalt:ore");
    CHECK_NEAR(s.items[1].fraction, 0.25, 1e-15);
    CHECK(cn_scenario_parse_restrict(&s, "CHN:x=1.01", &err) == CN_EUSAGE);
    CHECK(cn_scenario_parse_restrict(&s, "CHN:x=abc", &err) == CN_EUSAGE);
    CHECK(cn_scenario_parse_restrict(&s, ":x", &err) == CN_EUSAGE);
    CHECK(cn_scenario_parse_restrict(&s, "CHN:", &err) == CN_EUSAGE);
    CHECK(s.n == 2);
    cn_scenario_free(&s);

    /* world shares from quantities: 2023 world total 200: A 100 -> .5, B 50 -> .25; 2022 is older and
     * ignored; C withheld (no figure) is counted as unknown */
    cn_net *n = cn_net_new();
    int32_t a = country(n, "AAA"), b = country(n, "BBB"), c = country(n, "CCC"), k = country(n, "USA"), m;
    cn_net_add_vertex(n, CN_VERTEX_MINERAL, "min", NULL, &m, NULL);
    produces(n, a, m, NAN, 90, 2022);
    produces(n, a, m, NAN, 100, 2023);
    produces(n, b, m, NAN, 50, 2023);
    produces(n, c, m, NAN, NAN, 2023);
    produces(n, CN_WORLD, m, NAN, 200, 2023);
    double *w = malloc((size_t)n->nvertices * sizeof *w);
    cn_world_production p;
    cn_world_shares(n, m, w, &p);
    CHECK(p.year == 2023 && p.any && p.n_unknown == 1);
    CHECK_STR(p.basis, "world production");
    CHECK_NEAR(w[a], 0.5, 1e-15);
    CHECK_NEAR(w[b], 0.25, 1e-15);
    CHECK(isnan(w[c]) && isnan(w[k]));

    /* direct model: USA imports A .6, B .4 (complete list), no NIR edge. Restrict A fully, spare .2:
     * lost .6 of imports; W = .5; alternatives B .25 (C has no figure); c = min(1, .2*.25/.5) = .1;
     * B replaces .06; shortfall .54 of imports; supply figures unknown (no NIR) */
    supplies(n, a, m, k, 0.6);
    supplies(n, b, m, k, 0.4);
    cn_scenario_init(&s);
    s.spare = 0.2;
    cn_scenario_add(&s, "AAA", "min", 1.0, NULL, &err);
    CHECK(cn_scenario_resolve(n, &s, &err) == CN_OK);
    cn_scenario_result r;
    CHECK(cn_scenario_run(n, &s, &r, &err) == CN_OK);
    CHECK(r.n == 1);
    if (r.n == 1) {
        CHECK_NEAR(r.rows[0].lost_imports, 0.6, 1e-15);
        CHECK(isnan(r.rows[0].lost));
        CHECK_NEAR(r.rows[0].coverage, 0.1, 1e-15);
        CHECK_NEAR(r.rows[0].residual_imports, 0.54, 1e-15);
        for (size_t i = 0; i < r.rows[0].nflows; i++)
            if (r.rows[0].flows[i].country == b)
                CHECK_NEAR(r.rows[0].flows[i].replacement, 0.06, 1e-15);
    }
    cn_scenario_result_free(&r);
    cn_scenario_free(&s);
    /* unknown ids: usage errors from the command line */
    cn_scenario_init(&s);
    cn_scenario_add(&s, "Narnia", "min", 1.0, NULL, &err);
    CHECK(cn_scenario_resolve(n, &s, &err) == CN_EUSAGE);
    cn_scenario_free(&s);
    cn_scenario_init(&s);
    cn_scenario_add(&s, "AAA", "nothing", 1.0, "f.json: $.restrict[0]", &err);
    CHECK(cn_scenario_resolve(n, &s, &err) == CN_EDATA);
    CHECK_STR(err.msg, "f.json: $.restrict[0].mineral: unknown mineral (not in this network) 'nothing'");
    cn_scenario_free(&s);
    free(w);
    cn_net_free(n);

    /* alliances: groups expand, duplicates go, order kept */
    char **v;
    size_t nv;
    CHECK(cn_alliance_expand("USA, @usmca,AUS", &v, &nv, &err) == CN_OK);
    CHECK(nv == 4);
    if (nv == 4) {
        CHECK_STR(v[0], "USA");
        CHECK_STR(v[1], "CAN");
        CHECK_STR(v[2], "MEX");
        CHECK_STR(v[3], "AUS");
    }
    cn_strv_free(v, nv);
    CHECK(cn_alliance_expand("@eu", &v, &nv, &err) == CN_OK && nv == 27);
    cn_strv_free(v, nv);
    CHECK(cn_alliance_expand("USA,", &v, &nv, &err) == CN_EUSAGE);
    CHECK(cn_alliance_expand("@nope", &v, &nv, &err) == CN_EUSAGE);
    return cn_test_done();
}
