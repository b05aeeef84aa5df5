/* tests/unit/test_flow.c: graph/flow.c, the reusable flow network's minimum cuts, by hand on tiny graphs and
 * against igraph's push-relabel (cn_graph_st_mincut, an independent implementation) on random graphs. */
#include <math.h>
#include <stdlib.h>

#include "critnet/centrality.h"
#include "harness.h"

static uint32_t rnd_state = 12345;
static uint32_t rnd(uint32_t n)
{
    rnd_state = rnd_state * 1103515245u + 12345u;
    return (rnd_state >> 16) % n;
}

int main(void)
{
    cn_error err;
    double value;
    int32_t cut[64], ncut;
    cn_graph_flow *f = NULL;

    /* 0 -> 3 with capacities 0->1: 2, 0->2: 1, 1->3: 1, 2->3: 3: flow 1 + 1 = 2; the only cut of capacity 2
     * is {0->2, 1->3} = edges {1, 2} (the others: {0->1,0->2} 3, {1->3,2->3} 4, {0->1,2->3} 5) */
    const int32_t fl[] = {0, 1, 0, 2, 1, 3, 2, 3};
    const double cap[] = {2, 1, 1, 3};
    cn_graph g = {.n = 4, .m = 4, .ends = fl, .w = cap, .directed = 1};
    CHECK(cn_graph_flow_init(&g, &f, &err) == CN_OK);
    CHECK(cn_graph_flow_mincut(f, 0, 3, &value, cut, &ncut, &err) == CN_OK);
    CHECK_NEAR(value, 2, 0);
    CHECK(ncut == 2 && cut[0] == 1 && cut[1] == 2);
    /* the same object again, 0 -> 1: only the edge 0->1 (capacity 2) enters 1 */
    CHECK(cn_graph_flow_mincut(f, 0, 1, &value, cut, &ncut, &err) == CN_OK);
    CHECK_NEAR(value, 2, 0);
    CHECK(ncut == 1 && cut[0] == 0);
    /* and back to 0 -> 3: no flow left over from the previous cuts */
    CHECK(cn_graph_flow_mincut(f, 0, 3, &value, cut, &ncut, &err) == CN_OK);
    CHECK_NEAR(value, 2, 0);
    CHECK(ncut == 2 && cut[0] == 1 && cut[1] == 2);
    /* 3 reaches nothing: value 0, empty cut */
    CHECK(cn_graph_flow_mincut(f, 3, 0, &value, cut, &ncut, &err) == CN_OK);
    CHECK(value == 0 && ncut == 0);
    CHECK(cn_graph_flow_mincut(f, 1, 1, &value, cut, &ncut, &err) == CN_EUSAGE);
    CHECK(cn_graph_flow_mincut(f, 0, 4, &value, cut, &ncut, &err) == CN_EUSAGE);
    cn_graph_flow_free(f);

    /* the chain 0 -> 1 -> 2, capacities 1 and 1: both edges are cuts of capacity 1; the one nearest the
     * target is chosen (after the unit of flow, only 2 has a residual path to 2), i.e. edge 1 */
    const int32_t ch[] = {0, 1, 1, 2};
    const double cch[] = {1, 1};
    cn_graph gc = {.n = 3, .m = 2, .ends = ch, .w = cch, .directed = 1};
    CHECK(cn_graph_flow_init(&gc, &f, &err) == CN_OK);
    CHECK(cn_graph_flow_mincut(f, 0, 2, &value, cut, &ncut, &err) == CN_OK);
    CHECK_NEAR(value, 1, 0);
    CHECK(ncut == 1 && cut[0] == 1);
    cn_graph_flow_free(f);

    /* bad input */
    cn_graph gu = gc;
    gu.directed = 0;
    CHECK(cn_graph_flow_init(&gu, &f, &err) == CN_EUSAGE && f == NULL);
    const double czero[] = {1, 0};
    cn_graph gz = gc;
    gz.w = czero;
    CHECK(cn_graph_flow_init(&gz, &f, &err) == CN_EDATA && f == NULL);
    const int32_t out[] = {0, 1, 1, 3};
    cn_graph go = gc;
    go.ends = out;
    CHECK(cn_graph_flow_init(&go, &f, &err) == CN_EUSAGE && f == NULL);

    /* random graphs, integer capacities (some "big", as the chokepoint network has): every (s, t) pair of
     * each graph on one object agrees with igraph's st-mincut, value and edges */
    for (int round = 0; round < 60; round++) {
        int32_t n = 3 + (int32_t)rnd(10), m = (int32_t)rnd(40);
        int32_t ends[80];
        double w[40];
        for (int32_t a = 0; a < m; a++) {
            ends[2 * a] = (int32_t)rnd((uint32_t)n);
            ends[2 * a + 1] = (int32_t)rnd((uint32_t)n);
            w[a] = rnd(4) == 0 ? 100 : 1 + rnd(3);
        }
        cn_graph gr = {.n = n, .m = m, .ends = ends, .w = w, .directed = 1};
        CHECK(cn_graph_flow_init(&gr, &f, &err) == CN_OK);
        for (int32_t s = 0; s < n; s++) {
            for (int32_t t = 0; t < n; t++) {
                if (s == t)
                    continue;
                double v1, v2;
                int32_t c1[40], c2[40], n1, n2;
                CHECK(cn_graph_flow_mincut(f, s, t, &v1, c1, &n1, &err) == CN_OK);
                CHECK(cn_graph_st_mincut(&gr, s, t, &v2, c2, &n2, &err) == CN_OK);
                int same = v1 == v2 && n1 == n2;
                for (int32_t i = 0; same && i < n1; i++)
                    same = c1[i] == c2[i];
                CHECK(same);
            }
        }
        cn_graph_flow_free(f);
    }
    return cn_test_done();
}
