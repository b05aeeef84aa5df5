/* tests/unit/test_cascade.c: algorithms/scenario/cascade.c, cn_cascade_run against the closed forms of
 * docs/scenarios.md: a 3-stage chain (m_B = s1 f, m_C = s2 b s1 f, m_D = s3 b^2 s2 s1 f) and a re-export loop
 * whose least fixed point solves a linear equation. */
#include <math.h>

#include "critnet/scenario.h"
#include "harness.h"
#include "small_nets.h"

static const cn_cascade_country *country_of(const cn_net *net, const cn_cascade_result *r, const char *id)
{
    for (size_t i = 0; i < r->ncountries; i++)
        if (strcmp(net->vertices[r->countries[i].country].id, id) == 0)
            return &r->countries[i];
    return NULL;
}

/* runs the cascade of "country:mineral=1" with pass-through b */
static cn_status cascade(const cn_net *net, const char *country, const char *mineral, double b, cn_cascade_result *r)
{
    cn_scenario s;
    cn_error err = {0};
    cn_scenario_init(&s);
    s.cascade = 1;
    s.pass_through = b;
    cn_status st = cn_scenario_add(&s, country, mineral, 1.0, NULL, &err);
    if (!st)
        st = cn_scenario_resolve(net, &s, &err);
    if (!st)
        st = cn_cascade_run(net, &s, r, &err);
    cn_scenario_free(&s);
    return st;
}

/* A -ore-> B -refined-> C -cell-> D; B's ore: A 60, G 40 (s1 = .6); C's refined: B 30, H 70 (s2 = .3); D's
 * cells: C 50, all (s3 = 1). Stages linked by the ids' order bat:ore, bat:refined, bat:cell. */
static const char CHAIN[] =
    "{\"format\":\"critnet\",\"version\":1,\"countries\":[{\"id\":\"AAA\"},{\"id\":\"GGG\"},{\"id\":\"BBB\"},"
    "{\"id\":\"HHH\"},{\"id\":\"CCC\"},{\"id\":\"DDD\"}],"
    "\"minerals\":[{\"id\":\"bat:ore\"},{\"id\":\"bat:refined\"},{\"id\":\"bat:cell\"}],\"edges\":["
    "{\"kind\":\"supplies\",\"mineral\":\"bat:ore\",\"country\":\"AAA\",\"consumer\":\"BBB\",\"value\":60},"
    "{\"kind\":\"supplies\",\"mineral\":\"bat:ore\",\"country\":\"GGG\",\"consumer\":\"BBB\",\"value\":40},"
    "{\"kind\":\"supplies\",\"mineral\":\"bat:refined\",\"country\":\"BBB\",\"consumer\":\"CCC\",\"value\":30},"
    "{\"kind\":\"supplies\",\"mineral\":\"bat:refined\",\"country\":\"HHH\",\"consumer\":\"CCC\",\"value\":70},"
    "{\"kind\":\"supplies\",\"mineral\":\"bat:cell\",\"country\":\"CCC\",\"consumer\":\"DDD\",\"value\":50}]}";

/* a re-export loop in one product: A -> B 60, C -> B 40, B -> C 50 */
static const char LOOP[] =
    "{\"format\":\"critnet\",\"version\":1,\"countries\":[{\"id\":\"AAA\"},{\"id\":\"BBB\"},{\"id\":\"CCC\"}],"
    "\"minerals\":[{\"id\":\"x\"}],\"edges\":["
    "{\"kind\":\"supplies\",\"mineral\":\"x\",\"country\":\"AAA\",\"consumer\":\"BBB\",\"value\":60},"
    "{\"kind\":\"supplies\",\"mineral\":\"x\",\"country\":\"CCC\",\"consumer\":\"BBB\",\"value\":40},"
    "{\"kind\":\"supplies\",\"mineral\":\"x\",\"country\":\"BBB\",\"consumer\":\"CCC\",\"value\":50}]}";

int main(void)
{
    cn_net *net = small_net(CHAIN, "chain");
    cn_cascade_result r;
    const cn_cascade_country *c;

    /* f = 1, b = .5: m_B = .6; B's refined exports cut .5 x .6 = .3, so C loses 30 x .3 = 9 of 100: m_C = .09
     * (= s2 b s1 f); C's cell exports cut .5 x .09 = .045: m_D = 1 x .045 (= s3 b^2 s2 s1 f); 3 rounds */
    CHECK(cascade(net, "AAA", "bat:ore", 0.5, &r) == CN_OK);
    CHECK_NEAR(r.pass_through, 0.5, 0);
    CHECK_INT(r.converged, 1);
    CHECK_INT(r.rounds, 3);
    CHECK_NEAR((c = country_of(net, &r, "BBB")) ? c->loss : NAN, 0.6, 1e-12);
    CHECK(c && c->round == 1 && c->imports == 100);
    CHECK_NEAR(c ? c->lost_imports : NAN, 60, 1e-9);
    CHECK_NEAR(c ? c->lost_exports : NAN, 30 * 0.3, 1e-9);
    CHECK_NEAR((c = country_of(net, &r, "CCC")) ? c->loss : NAN, 0.09, 1e-12);
    CHECK(c && c->round == 2);
    CHECK_NEAR((c = country_of(net, &r, "DDD")) ? c->loss : NAN, 0.045, 1e-12);
    CHECK(c && c->round == 3);
    /* the restricting country imports nothing: its loss is unknown, not 0 */
    CHECK((c = country_of(net, &r, "AAA")) && c->restricted && isnan(c->loss));
    CHECK((c = country_of(net, &r, "HHH")) && c->round == 0); /* never cut */
    cn_cascade_result_free(&r);

    /* b = 1: m_C = s2 s1 f = .18, m_D = .18 */
    CHECK(cascade(net, "AAA", "bat:ore", 1, &r) == CN_OK);
    CHECK_NEAR((c = country_of(net, &r, "CCC")) ? c->loss : NAN, 0.18, 1e-12);
    CHECK_NEAR((c = country_of(net, &r, "DDD")) ? c->loss : NAN, 0.18, 1e-12);
    cn_cascade_result_free(&r);
    cn_net_free(net);

    /* the loop, f = 1 on A, b = .5: B imports 100, exports 50; C imports 50, exports 40.
     * m_B = (60 + 40 e_C)/100, e_B = .5 m_B (its lost volume over max(I, X) = 100), m_C = e_B, e_C = .5 m_C;
     * so e_B = .3 + .1 e_B = 1/3, m_B = 2/3, m_C = 1/3: approached geometrically, converged */
    net = small_net(LOOP, "loop");
    CHECK(cascade(net, "AAA", "x", 0.5, &r) == CN_OK);
    CHECK_INT(r.converged, 1);
    CHECK_NEAR((c = country_of(net, &r, "BBB")) ? c->loss : NAN, 2.0 / 3, 1e-9);
    CHECK_NEAR((c = country_of(net, &r, "CCC")) ? c->loss : NAN, 1.0 / 3, 1e-9);
    CHECK(c && c->round == 2); /* C buys only from B: hit indirectly */
    CHECK_MSG(strcmp(r.basis, "value") == 0, "flows read as values, got %s", r.basis);
    cn_cascade_result_free(&r);
    cn_net_free(net);

    /* no supplies edge with a value or quantity: nothing to propagate */
    net = small_net(N1, "n1");
    CHECK(cascade(net, "CHN", "graphite", 1, &r) == CN_EDATA);
    cn_net_free(net);
    return cn_test_done();
}
