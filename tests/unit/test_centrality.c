/* tests/unit/test_centrality.c: algorithms/centrality.c, cn_centrality_run on N1 of small_nets.h (7 vertices:
 * a 4-cycle USA-graphite-CAN-cobalt, CHN and AUS hanging off graphite, DEU isolated), each value worked out by
 * hand from the definitions in docs/measures-network.md (arithmetic in the comments). */
#include <math.h>

#include "critnet/centrality.h"
#include "harness.h"
#include "small_nets.h"

static const cn_centrality_row *row_of(const cn_net *net, const cn_centrality_result *r, const char *id)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(net->vertices[r->rows[i].vertex].id, id) == 0)
            return &r->rows[i];
    return NULL;
}

/* the value of measure m for vertex id, NAN when the row is missing */
static double val(const cn_net *net, const cn_centrality_result *r, const char *id, cn_measure m)
{
    const cn_centrality_row *row = row_of(net, r, id);
    return row ? row->v[m] : NAN;
}

int main(void)
{
    cn_net *net = small_net(N1, "n1");
    cn_centrality_opts o;
    cn_centrality_result r;
    cn_error err = {0};

    /* the bipartite network, unweighted, every measure */
    cn_centrality_opts_init(&o);
    CHECK(cn_centrality_run(net, &o, &r, &err) == CN_OK);
    CHECK_INT(r.n, 7);
    CHECK_INT(r.nedges, 6);      /* 6 (country, mineral) pairs; parallel figures collapse */
    CHECK_INT(r.ncomponents, 2); /* the 6 joined vertices, and DEU */
    CHECK_INT(row_of(net, &r, "USA") ? row_of(net, &r, "USA")->component : -1, 0);
    CHECK_INT(row_of(net, &r, "DEU") ? row_of(net, &r, "DEU")->component : -1, 1);
    /* degree; sorted by degree, descending: graphite (4) first */
    CHECK_NEAR(val(net, &r, "graphite", CN_MEASURE_DEGREE), 4, 0);
    CHECK_NEAR(val(net, &r, "USA", CN_MEASURE_DEGREE), 2, 0);
    CHECK_NEAR(val(net, &r, "CHN", CN_MEASURE_DEGREE), 1, 0);
    CHECK_NEAR(val(net, &r, "cobalt", CN_MEASURE_DEGREE), 2, 0);
    CHECK_NEAR(val(net, &r, "DEU", CN_MEASURE_DEGREE), 0, 0);
    CHECK_NEAR(val(net, &r, "CAN", CN_MEASURE_STRENGTH), 2, 0); /* unweighted: = degree */
    CHECK(r.n > 0 && r.rows[0].vertex == 5);
    /* betweenness x 2/((n-1)(n-2)) = 1/15. graphite: CHN-AUS 1, CHN and AUS to USA, CAN, cobalt 6 x 1, USA-CAN
     * half (two shortest paths, via graphite or cobalt) = 7.5 -> .5; USA: graphite-cobalt, CHN-cobalt, AUS-cobalt
     * each half = 1.5 -> .1, CAN likewise; cobalt: USA-CAN half -> 1/30; leaves 0 */
    CHECK_NEAR(val(net, &r, "graphite", CN_MEASURE_BETWEENNESS), 0.5, 1e-12);
    CHECK_NEAR(val(net, &r, "USA", CN_MEASURE_BETWEENNESS), 0.1, 1e-12);
    CHECK_NEAR(val(net, &r, "CAN", CN_MEASURE_BETWEENNESS), 0.1, 1e-12);
    CHECK_NEAR(val(net, &r, "cobalt", CN_MEASURE_BETWEENNESS), 1.0 / 30, 1e-12);
    CHECK_NEAR(val(net, &r, "CHN", CN_MEASURE_BETWEENNESS), 0, 1e-12);
    CHECK_NEAR(val(net, &r, "DEU", CN_MEASURE_BETWEENNESS), 0, 1e-12);
    /* closeness (r/(n-1)) r / sum d, r = 5 reached, n - 1 = 6: graphite sum 1+1+1+1+2 = 6 -> 25/36; USA
     * 1+1+2+2+2 = 8 -> 25/48; CHN 1+2+2+2+3 = 10 -> 25/60; DEU reaches nothing -> 0 */
    CHECK_NEAR(val(net, &r, "graphite", CN_MEASURE_CLOSENESS), 25.0 / 36, 1e-12);
    CHECK_NEAR(val(net, &r, "USA", CN_MEASURE_CLOSENESS), 25.0 / 48, 1e-12);
    CHECK_NEAR(val(net, &r, "CHN", CN_MEASURE_CLOSENESS), 25.0 / 60, 1e-12);
    CHECK_NEAR(val(net, &r, "cobalt", CN_MEASURE_CLOSENESS), 25.0 / 60, 1e-12);
    CHECK_NEAR(val(net, &r, "DEU", CN_MEASURE_CLOSENESS), 0, 0);
    /* harmonic sum 1/d / (n-1): graphite (4 + 1/2)/6 = .75; USA (1+1 + 3/2)/6; CHN (1 + 3/2 + 1/3)/6 */
    CHECK_NEAR(val(net, &r, "graphite", CN_MEASURE_HARMONIC), 0.75, 1e-12);
    CHECK_NEAR(val(net, &r, "USA", CN_MEASURE_HARMONIC), 3.5 / 6, 1e-12);
    CHECK_NEAR(val(net, &r, "CHN", CN_MEASURE_HARMONIC), (1 + 1.5 + 1.0 / 3) / 6, 1e-12);
    /* PageRank: a probability distribution over the 7 vertices; equal for the symmetric pairs */
    double sum = 0;
    for (size_t i = 0; i < r.n; i++)
        sum += r.rows[i].v[CN_MEASURE_PAGERANK];
    CHECK_NEAR(sum, 1, 1e-9);
    CHECK_NEAR(val(net, &r, "USA", CN_MEASURE_PAGERANK), val(net, &r, "CAN", CN_MEASURE_PAGERANK), 1e-9);
    CHECK_NEAR(val(net, &r, "CHN", CN_MEASURE_PAGERANK), val(net, &r, "AUS", CN_MEASURE_PAGERANK), 1e-9);
    /* eigenvector, graphite g = 1 (the largest): l g = 2u + 2p, l p = g, l u = g + c, l c = 2u (u = USA = CAN,
     * p = CHN = AUS, c = cobalt) give l^4 - 6 l^2 + 4 = 0, l^2 = 3 + sqrt 5; p = 1/l, u = l/(l^2 - 2) = 1/sqrt 2,
     * c = 2u/l = (sqrt 5 - 1)/2. DEU, a component of its own without edges, 0 */
    double l = sqrt(3 + sqrt(5));
    CHECK_NEAR(val(net, &r, "graphite", CN_MEASURE_EIGENVECTOR), 1, 1e-9);
    CHECK_NEAR(val(net, &r, "CHN", CN_MEASURE_EIGENVECTOR), 1 / l, 1e-6);
    CHECK_NEAR(val(net, &r, "USA", CN_MEASURE_EIGENVECTOR), 1 / sqrt(2), 1e-6);
    CHECK_NEAR(val(net, &r, "cobalt", CN_MEASURE_EIGENVECTOR), (sqrt(5) - 1) / 2, 1e-6);
    CHECK_NEAR(val(net, &r, "DEU", CN_MEASURE_EIGENVECTOR), 0, 0);
    cn_centrality_result_free(&r);

    /* weighted: strength = sum of pair weights (the largest share on each pair): graphite .8 + .7 + .3 + .1 = 1.9,
     * USA .8 + .5, CAN .3 + 1, cobalt .5 + 1, AUS .1; no pair is without a share */
    cn_centrality_opts_init(&o);
    o.measures = 1u << CN_MEASURE_STRENGTH;
    o.weighted = 1;
    CHECK(cn_centrality_run(net, &o, &r, &err) == CN_OK);
    CHECK_INT(r.dropped, 0);
    CHECK_NEAR(val(net, &r, "graphite", CN_MEASURE_STRENGTH), 1.9, 1e-12);
    CHECK_NEAR(val(net, &r, "USA", CN_MEASURE_STRENGTH), 1.3, 1e-12);
    CHECK_NEAR(val(net, &r, "CAN", CN_MEASURE_STRENGTH), 1.3, 1e-12);
    CHECK_NEAR(val(net, &r, "cobalt", CN_MEASURE_STRENGTH), 1.5, 1e-12);
    CHECK_NEAR(val(net, &r, "AUS", CN_MEASURE_STRENGTH), 0.1, 1e-12);
    CHECK(isnan(val(net, &r, "USA", CN_MEASURE_DEGREE))); /* not asked for */
    cn_centrality_result_free(&r);

    /* on the projection onto countries: USA, CHN, CAN, AUS all share graphite (a 4-clique), DEU nothing */
    cn_centrality_opts_init(&o);
    o.measures = 1u << CN_MEASURE_DEGREE;
    o.projection = CN_PROJECTION_ONTO_COUNTRIES;
    CHECK(cn_centrality_run(net, &o, &r, &err) == CN_OK);
    CHECK_INT(r.n, 5);
    CHECK_INT(r.nedges, 6);
    CHECK_NEAR(val(net, &r, "CHN", CN_MEASURE_DEGREE), 3, 0);
    CHECK_NEAR(val(net, &r, "DEU", CN_MEASURE_DEGREE), 0, 0);
    CHECK_MSG(row_of(net, &r, "graphite") == NULL, "no mineral on the countries' projection");
    cn_centrality_result_free(&r);

    /* combinations without a definition */
    o.measures = 1u << CN_MEASURE_HUB; /* hub scores need the bipartite digraph */
    CHECK(cn_centrality_run(net, &o, &r, &err) == CN_EUSAGE);
    o.measures = 0;
    CHECK(cn_centrality_run(net, &o, &r, &err) == CN_EUSAGE);

    /* a zero-filled struct (no cn_centrality_opts_init): max_edges 0 is the default limit (1,000,000), so the
     * 6-edge projection onto countries (projection 0) is listed and betweenness is computed on it: in the
     * 4-clique USA-CHN-CAN-AUS every pair is joined directly, so every betweenness is 0; DEU's too */
    cn_centrality_opts z = {0};
    z.measures = 1u << CN_MEASURE_BETWEENNESS;
    CHECK(cn_centrality_run(net, &z, &r, &err) == CN_OK);
    CHECK_INT(r.n, 5);
    CHECK_INT(r.nedges, 6);
    CHECK_NEAR(val(net, &r, "CHN", CN_MEASURE_BETWEENNESS), 0, 0);
    CHECK_NEAR(val(net, &r, "DEU", CN_MEASURE_BETWEENNESS), 0, 0);
    cn_centrality_result_free(&r);
    /* a limit under the 6 edges (5, or CN_CENTRALITY_MAX_EDGES_NONE: 0) refuses betweenness; at 6 it is listed */
    z.max_edges = 5;
    CHECK(cn_centrality_run(net, &z, &r, &err) == CN_EUSAGE);
    CHECK_MSG(strstr(err.msg, "6 edges, over the limit of 5") != NULL, "%s", err.msg);
    z.max_edges = CN_CENTRALITY_MAX_EDGES_NONE;
    CHECK(cn_centrality_run(net, &z, &r, &err) == CN_EUSAGE);
    CHECK_MSG(strstr(err.msg, "6 edges, over the limit of 0") != NULL, "%s", err.msg);
    z.max_edges = 6;
    CHECK(cn_centrality_run(net, &z, &r, &err) == CN_OK);
    cn_centrality_result_free(&r);
    /* over the limit, degree is still given (from the bitset rows): CHN is joined to USA, CAN and AUS */
    z.max_edges = CN_CENTRALITY_MAX_EDGES_NONE;
    z.measures = 1u << CN_MEASURE_DEGREE;
    CHECK(cn_centrality_run(net, &z, &r, &err) == CN_OK);
    CHECK_NEAR(val(net, &r, "CHN", CN_MEASURE_DEGREE), 3, 0);
    CHECK_NEAR(val(net, &r, "DEU", CN_MEASURE_DEGREE), 0, 0);
    cn_centrality_result_free(&r);
    cn_net_free(net);
    return cn_test_done();
}
