/* tests/unit/test_igraph_measures.c: the graph/igraph_measures.c wrappers on tiny graphs, each value worked out by
 * hand (arithmetic in the comments). */
#include <math.h>
#include <stdlib.h>

#include "critnet/centrality.h"
#include "harness.h"

int main(void)
{
    cn_error err;
    double out[8], out2[8];
    int32_t reach[8];
    /* the star 0 - {1,2,3} */
    const int32_t star[] = {0, 1, 0, 2, 0, 3};
    cn_graph g = {.n = 4, .m = 3, .ends = star};
    CHECK(cn_graph_degree(&g, out, &err) == CN_OK);
    CHECK_NEAR(out[0], 3, 0);
    CHECK_NEAR(out[1], 1, 0);
    /* betweenness, raw: the centre lies on the C(3,2) = 3 leaf pairs */
    CHECK(cn_graph_betweenness(&g, out, &err) == CN_OK);
    CHECK_NEAR(out[0], 3, 1e-12);
    CHECK_NEAR(out[2], 0, 1e-12);
    /* closeness pieces: centre 1/(1+1+1), leaf 1/(1+2+2); each reaches 3 */
    CHECK(cn_graph_closeness(&g, out, reach, &err) == CN_OK);
    CHECK_NEAR(out[0], 1.0 / 3, 1e-12);
    CHECK_NEAR(out[1], 1.0 / 5, 1e-12);
    CHECK(reach[1] == 3);
    /* harmonic, raw: leaf 1 + 1/2 + 1/2 */
    CHECK(cn_graph_harmonic(&g, out, &err) == CN_OK);
    CHECK_NEAR(out[1], 2, 1e-12);
    /* PageRank, d = .85, n = 4: centre y = .15/4 + .85*3x, leaf x = .15/4 + .85*y/3 ->
     * y = .133125/.2775 = .4797297..., x = (1 - y)/3 */
    CHECK(cn_graph_pagerank(&g, out, &err) == CN_OK);
    CHECK_NEAR(out[0], 0.133125 / 0.2775, 1e-9);
    CHECK_NEAR(out[3], (1 - 0.133125 / 0.2775) / 3, 1e-9);
    /* strengths: weights 1, 2, 4 -> centre 7 */
    const double w[] = {1, 2, 4};
    cn_graph gw = g;
    gw.w = w;
    CHECK(cn_graph_strength(&gw, out, &err) == CN_OK);
    CHECK_NEAR(out[0], 7, 1e-12);
    CHECK_NEAR(out[3], 4, 1e-12);
    /* bad weights are rejected before igraph sees them */
    const double bad[][3] = {{1, 0, 1}, {1, -1, 1}, {1, NAN, 1}, {1, INFINITY, 1}};
    for (int i = 0; i < 4; i++) {
        cn_graph b = g;
        b.w = bad[i];
        CHECK(cn_graph_betweenness(&b, out, &err) == CN_EDATA);
        CHECK(cn_graph_pagerank(&b, out, &err) == CN_EDATA);
        CHECK(cn_graph_eigenvector(&b, out, &err) == CN_EDATA);
    }

    /* eigenvector per component: edge 0-1 (1, 1), star 2-{3,4,5} (1, 1/sqrt3 each: lambda = sqrt3), 6 alone (0) */
    const int32_t two[] = {0, 1, 2, 3, 2, 4, 2, 5};
    cn_graph g2 = {.n = 7, .m = 4, .ends = two};
    CHECK(cn_graph_eigenvector(&g2, out, &err) == CN_OK);
    CHECK_NEAR(out[0], 1, 1e-9);
    CHECK_NEAR(out[1], 1, 1e-9);
    CHECK_NEAR(out[2], 1, 1e-9);
    CHECK_NEAR(out[4], 1 / sqrt(3), 1e-9);
    CHECK_NEAR(out[6], 0, 0);
    int32_t comp[7], ncomp;
    CHECK(cn_graph_components(&g2, comp, &ncomp, &err) == CN_OK);
    CHECK(ncomp == 3 && comp[0] == 0 && comp[3] == 1 && comp[6] == 2);

    /* hubs and authorities: 0->2, 0->3, 1->3; B = [[1,1],[0,1]], B^T B = [[1,1],[1,2]]: authority
     * (1, phi) -> (1/phi, 1); hub B a = (1 + phi, phi) -> (1, 1/phi); phi = (1 + sqrt5)/2 */
    const int32_t hd[] = {0, 2, 0, 3, 1, 3};
    cn_graph g3 = {.n = 4, .m = 3, .ends = hd, .directed = 1};
    CHECK(cn_graph_hits(&g3, out, out2, &err) == CN_OK);
    double phi = (1 + sqrt(5)) / 2;
    CHECK_NEAR(out[0], 1, 1e-9);
    CHECK_NEAR(out[1], 1 / phi, 1e-9);
    CHECK_NEAR(out2[2], 1 / phi, 1e-9);
    CHECK_NEAR(out2[3], 1, 1e-9);
    CHECK(cn_graph_hits(&g, out, out2, &err) == CN_EUSAGE); /* undirected */

    /* articulation points and bridges: path 0-1-2 and triangle 2-3-4 -> points {1,2}, bridges edges 0, 1 */
    const int32_t pt[] = {0, 1, 1, 2, 2, 3, 3, 4, 4, 2};
    cn_graph g4 = {.n = 5, .m = 5, .ends = pt};
    int32_t *ap, nap, *br, nbr;
    CHECK(cn_graph_articulation_points(&g4, &ap, &nap, &err) == CN_OK);
    CHECK(nap == 2 && ap[0] == 1 && ap[1] == 2);
    CHECK(cn_graph_bridges(&g4, &br, &nbr, &err) == CN_OK);
    CHECK(nbr == 2 && br[0] == 0 && br[1] == 1);
    free(ap);
    free(br);

    /* dominators: diamond 0->1, 0->2, 1->3, 2->3, then 3->4; 5 unreachable */
    const int32_t dm[] = {0, 1, 0, 2, 1, 3, 2, 3, 3, 4};
    cn_graph g5 = {.n = 6, .m = 5, .ends = dm, .directed = 1};
    int32_t idom[6];
    CHECK(cn_graph_dominators(&g5, 0, idom, &err) == CN_OK);
    CHECK(idom[0] == -1 && idom[1] == 0 && idom[2] == 0 && idom[3] == 0 && idom[4] == 3 && idom[5] == -2);

    /* minimum cut 0 -> 3 with capacities 0->1: 2, 0->2: 1, 1->3: 1, 2->3: 3: flow 1 + 1 = 2; the only cut
     * of capacity 2 is {0->2, 1->3} (the others: {0->1,0->2} 3, {1->3,2->3} 4, {0->1,2->3} 5) */
    const int32_t fl[] = {0, 1, 0, 2, 1, 3, 2, 3};
    const double cap[] = {2, 1, 1, 3};
    cn_graph g6 = {.n = 4, .m = 4, .ends = fl, .w = cap, .directed = 1};
    double value;
    int32_t cut[4], ncut;
    CHECK(cn_graph_st_mincut(&g6, 0, 3, &value, cut, &ncut, &err) == CN_OK);
    CHECK_NEAR(value, 2, 1e-12);
    CHECK(ncut == 2 && cut[0] == 1 && cut[1] == 2);
    CHECK(cn_graph_st_mincut(&g6, 0, 0, &value, cut, &ncut, &err) == CN_EUSAGE);
    return cn_test_done();
}
