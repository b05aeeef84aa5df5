/* tests/unit/test_projection.c: algorithms/projection.c, cn_projection_run on N1 of small_nets.h: the shared
 * neighbours and the min-share overlap of every pair, worked out by hand (docs/measures-network.md). */
#include <math.h>

#include "critnet/centrality.h"
#include "harness.h"
#include "small_nets.h"

static const cn_projection_edge *edge_of(const cn_projection_result *p, int32_t a, int32_t b)
{
    for (int32_t i = 0; i < p->nedges; i++)
        if (p->edges[i].a == a && p->edges[i].b == b)
            return &p->edges[i];
    return NULL;
}

int main(void)
{
    cn_net *net = small_net(N1, "n1");
    enum { USA, CHN, CAN, AUS, DEU, GRAPHITE, COBALT };
    cn_bipartite b;
    cn_projection_result p;
    cn_error err = {0};
    int32_t dropped = -1;
    CHECK(cn_bipartite_build(net, 0, 1, &b, &dropped, &err) == CN_OK);
    CHECK_INT(dropped, 0);
    CHECK_INT(b.m, 6);

    /* onto countries: graphite joins USA, CHN, CAN, AUS pairwise (6 pairs); cobalt joins USA and CAN again.
     * Pair weights: graphite USA .8, CHN .7, CAN .3, AUS .1; cobalt USA .5, CAN 1.
     * min_share(USA, CAN) = min(.8, .3) + min(.5, 1) = .8; (USA, CHN) = min(.8, .7) = .7; (CHN, CAN) = .3;
     * every pair with AUS min(x, .1) = .1 */
    CHECK(cn_projection_run(net, &b, CN_PROJECTION_ONTO_COUNTRIES, &p, &err) == CN_OK);
    CHECK_INT(p.onto, CN_PROJECTION_ONTO_COUNTRIES);
    CHECK_INT(p.nvertices, 5); /* the five countries, DEU included, ascending */
    CHECK(p.nvertices == 5 && p.vertices[0] == USA && p.vertices[4] == DEU);
    CHECK_INT(p.nedges, 6);
    const cn_projection_edge *e = edge_of(&p, USA, CAN);
    CHECK(e && e->shared == 2);
    CHECK_NEAR(e ? e->min_share : NAN, 0.8, 1e-12);
    CHECK_NEAR((e = edge_of(&p, USA, CHN)) ? e->min_share : NAN, 0.7, 1e-12);
    CHECK(e && e->shared == 1);
    CHECK_NEAR((e = edge_of(&p, CHN, CAN)) ? e->min_share : NAN, 0.3, 1e-12);
    CHECK_NEAR((e = edge_of(&p, USA, AUS)) ? e->min_share : NAN, 0.1, 1e-12);
    CHECK_NEAR((e = edge_of(&p, CHN, AUS)) ? e->min_share : NAN, 0.1, 1e-12);
    CHECK_NEAR((e = edge_of(&p, CAN, AUS)) ? e->min_share : NAN, 0.1, 1e-12);
    int sorted = 1; /* by (a, b), a < b */
    for (int32_t i = 0; i < p.nedges; i++)
        sorted &= p.edges[i].a < p.edges[i].b &&
                  (i == 0 || p.edges[i - 1].a < p.edges[i].a ||
                   (p.edges[i - 1].a == p.edges[i].a && p.edges[i - 1].b < p.edges[i].b));
    CHECK_MSG(sorted, "edges sorted by (a, b) with a < b");
    CHECK_MSG(edge_of(&p, USA, DEU) == NULL && edge_of(&p, DEU, DEU) == NULL, "DEU shares nothing");
    cn_projection_result_free(&p);

    /* onto minerals: graphite and cobalt share USA and CAN: min(.8, .5) + min(.3, 1) = .8 */
    CHECK(cn_projection_run(net, &b, CN_PROJECTION_ONTO_MINERALS, &p, &err) == CN_OK);
    CHECK(p.nvertices == 2 && p.vertices[0] == GRAPHITE && p.vertices[1] == COBALT);
    CHECK(p.nedges == 1 && p.edges[0].a == GRAPHITE && p.edges[0].b == COBALT && p.edges[0].shared == 2);
    CHECK_NEAR(p.nedges == 1 ? p.edges[0].min_share : NAN, 0.8, 1e-12);
    cn_projection_result_free(&p);
    cn_bipartite_free(&b);

    /* one unknown term makes the sum unknown: a rank-only supplier of graphite (no share) joins USA */
    static const char doc[] =
        "{\"format\":\"critnet\",\"version\":1,\"countries\":[{\"id\":\"USA\"},{\"id\":\"CHN\"},{\"id\":\"CAN\"}],"
        "\"minerals\":[{\"id\":\"graphite\"},{\"id\":\"cobalt\"}],\"edges\":["
        "{\"kind\":\"supplies\",\"country\":\"CHN\",\"mineral\":\"graphite\",\"consumer\":\"USA\",\"rank\":1},"
        "{\"kind\":\"supplies\",\"country\":\"CAN\",\"mineral\":\"graphite\",\"consumer\":\"USA\",\"share\":0.4},"
        "{\"kind\":\"supplies\",\"country\":\"CHN\",\"mineral\":\"cobalt\",\"consumer\":\"USA\",\"share\":0.5},"
        "{\"kind\":\"supplies\",\"country\":\"CAN\",\"mineral\":\"cobalt\",\"consumer\":\"USA\",\"share\":0.5}]}";
    cn_net_free(net);
    net = small_net(doc, "rank-only");
    CHECK(cn_bipartite_build(net, 0, 0, &b, NULL, &err) == CN_OK);
    CHECK(cn_projection_run(net, &b, CN_PROJECTION_ONTO_COUNTRIES, &p, &err) == CN_OK);
    /* CHN-CAN share graphite (CHN's share unknown) and cobalt (.5, .5): 2 shared, the sum unknown */
    e = edge_of(&p, 1, 2);
    CHECK(e && e->shared == 2);
    CHECK_MSG(e && isnan(e->min_share), "min_share unknown when one term is unknown");
    cn_projection_result_free(&p);
    cn_bipartite_free(&b);
    cn_net_free(net);

    /* the same with the unknown share on the higher-numbered end of the pair (CAN's graphite) */
    static const char doc2[] =
        "{\"format\":\"critnet\",\"version\":1,\"countries\":[{\"id\":\"USA\"},{\"id\":\"CHN\"},{\"id\":\"CAN\"}],"
        "\"minerals\":[{\"id\":\"graphite\"},{\"id\":\"cobalt\"}],\"edges\":["
        "{\"kind\":\"supplies\",\"country\":\"CHN\",\"mineral\":\"graphite\",\"consumer\":\"USA\",\"share\":0.4},"
        "{\"kind\":\"supplies\",\"country\":\"CAN\",\"mineral\":\"graphite\",\"consumer\":\"USA\",\"rank\":1},"
        "{\"kind\":\"supplies\",\"country\":\"CHN\",\"mineral\":\"cobalt\",\"consumer\":\"USA\",\"share\":0.5},"
        "{\"kind\":\"supplies\",\"country\":\"CAN\",\"mineral\":\"cobalt\",\"consumer\":\"USA\",\"share\":0.5}]}";
    net = small_net(doc2, "rank-only-2");
    CHECK(cn_bipartite_build(net, 0, 0, &b, NULL, &err) == CN_OK);
    CHECK(cn_projection_run(net, &b, CN_PROJECTION_ONTO_COUNTRIES, &p, &err) == CN_OK);
    e = edge_of(&p, 1, 2);
    CHECK(e && e->shared == 2);
    CHECK_MSG(e && isnan(e->min_share), "min_share unknown when the other end's term is unknown");
    cn_projection_result_free(&p);
    /* onto minerals: graphite and cobalt share CHN (min(.4, .5) = .4) and CAN (unknown): unknown */
    CHECK(cn_projection_run(net, &b, CN_PROJECTION_ONTO_MINERALS, &p, &err) == CN_OK);
    CHECK(p.nedges == 1 && p.edges[0].shared == 2 && isnan(p.edges[0].min_share));
    cn_projection_result_free(&p);
    cn_bipartite_free(&b);
    cn_net_free(net);
    return cn_test_done();
}
