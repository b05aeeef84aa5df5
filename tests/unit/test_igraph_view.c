/* tests/unit/test_igraph_view.c: graph/igraph_view.c, the bipartite igraph view of a cn_net: vertex i is net
 * vertex i, edges only between real vertices, types = minerals. */
#include <string.h>

#include "critnet/critnet.h"
#include "igraph_i.h"
#include "harness.h"

int main(void)
{
    const char *doc = "{\"format\":\"critnet\",\"version\":1,\"countries\":[{\"id\":\"USA\"},{\"id\":\"CHN\"},{\"id\":\"CAN\"}],"
                      "\"minerals\":[{\"id\":\"g\"}],\"edges\":["
                      "{\"kind\":\"supplies\",\"country\":\"CHN\",\"mineral\":\"g\",\"consumer\":\"USA\",\"share\":0.6},"
                      "{\"kind\":\"supplies\",\"country\":null,\"mineral\":\"g\",\"consumer\":\"USA\",\"share\":0.1},"
                      "{\"kind\":\"supplies\",\"country\":\"CAN\",\"mineral\":\"g\",\"consumer\":\"USA\",\"share\":0.3},"
                      "{\"kind\":\"relies\",\"mineral\":\"g\",\"consumer\":\"USA\",\"share\":1}]}";
    cn_net *net;
    cn_error err;
    CHECK(cn_json_parse(doc, strlen(doc), "t", &net, &err) == CN_OK);
    cn_i_igraph g;
    CHECK(cn_i_igraph_build(net, CN_VIEW_SUPPLIES | CN_VIEW_RELIES, -1, 1, &g, &err) == CN_OK);
    CHECK(igraph_vcount(&g.g) == 4);
    CHECK(igraph_ecount(&g.g) == 3); /* the unnamed supplier is not a vertex */
    CHECK(VECTOR(g.edge_of)[0] == 0 && VECTOR(g.edge_of)[1] == 2 && VECTOR(g.edge_of)[2] == 3);
    CHECK(!VECTOR(g.types)[0] && VECTOR(g.types)[3]);
    CHECK(IGRAPH_FROM(&g.g, 2) == 3 && IGRAPH_TO(&g.g, 2) == 0); /* relies: mineral -> consumer */
    igraph_bool_t bip;
    CHECK(igraph_is_bipartite(&g.g, &bip, NULL) == IGRAPH_SUCCESS && bip);
    cn_i_igraph_destroy(&g);
    cn_net_free(net);
    return cn_test_done();
}
