/* tests/unit/test_net.c: graph/net.c (vertices, edges, the id index, interning, country labels) and
 * graph/validate.c (the invariants cn_net_validate checks), on networks built in code. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "critnet/net.h"
#include "harness.h"

int main(void)
{
    cn_error err = {0};
    cn_net *net = cn_net_new();
    int32_t usa = -1, chn = -1, can = -1, gr = -1;
    CHECK(cn_net_add_vertex(net, CN_VERTEX_COUNTRY, "USA", "United States", &usa, &err) == CN_OK);
    CHECK(cn_net_add_vertex(net, CN_VERTEX_COUNTRY, "CHN", NULL, &chn, &err) == CN_OK);
    CHECK(cn_net_add_vertex(net, CN_VERTEX_COUNTRY, "CAN", NULL, &can, &err) == CN_OK);
    CHECK(cn_net_add_vertex(net, CN_VERTEX_MINERAL, "graphite", NULL, &gr, &err) == CN_OK);
    /* indices in insertion order; find by id; names default to the id */
    CHECK(usa == 0 && chn == 1 && can == 2 && gr == 3 && net->nvertices == 4);
    CHECK(cn_net_find(net, "CHN") == chn && cn_net_find(net, "graphite") == gr);
    CHECK(cn_net_find(net, "XXX") == -1);
    CHECK_STR(net->vertices[usa].name, "United States");
    CHECK_STR(net->vertices[chn].name, "CHN");
    /* ids are unique across both types */
    CHECK(cn_net_add_vertex(net, CN_VERTEX_COUNTRY, "USA", NULL, NULL, &err) == CN_EDATA);
    CHECK(cn_net_add_vertex(net, CN_VERTEX_MINERAL, "CHN", NULL, NULL, &err) == CN_EDATA);

    /* setters: a known field is copied; an unknown field or vertex is a usage error with a message, and the
     * vertex keeps its fields */
    CHECK(cn_vertex_set(net, gr, "stage", "refined", &err) == CN_OK && strcmp(net->vertices[gr].stage, "refined") == 0);
    CHECK(cn_vertex_set(net, gr, "colour", "red", &err) == CN_EUSAGE && strstr(err.msg, "'colour': not a vertex field"));
    CHECK(cn_vertex_set(net, net->nvertices, "name", "x", &err) == CN_EUSAGE && strstr(err.msg, "not a vertex"));
    CHECK(cn_vertex_set(net, gr, "stage", NULL, &err) == CN_OK && net->vertices[gr].stage == NULL);
    CHECK(cn_net_set_meta(net, "n", "t", NULL, &err) == CN_OK && strcmp(net->name, "n") == 0 && !net->description);
    CHECK(net->nvertices == 4);

    /* edges join a country and a mineral: CHN and CAN supply 0.6 and 0.3 of USA's graphite imports */
    cn_edge x;
    cn_edge_init(&x, CN_EDGE_SUPPLIES);
    CHECK(isnan(x.share) && x.rank == 0 && x.year == 0 && x.unit == NULL); /* unknown until set */
    x.country = chn;
    x.mineral = gr;
    x.consumer = usa;
    x.share = 0.6;
    x.period = "2019-22";
    int32_t e0 = -1;
    CHECK(cn_net_add_edge(net, &x, &e0, &err) == CN_OK && e0 == 0);
    x.country = can;
    x.share = 0.3;
    CHECK(cn_net_add_edge(net, &x, NULL, &err) == CN_OK);
    CHECK(net->edges[0].period == net->edges[1].period); /* interned: one copy */
    CHECK(cn_net_intern(net, "2019-22") == net->edges[0].period);
    CHECK(cn_net_validate(net, "t", &err) == CN_OK); /* 0.6 + 0.3 <= 1 */
    /* a country as the mineral, or a vertex that does not exist, is refused */
    x.mineral = chn;
    CHECK(cn_net_add_edge(net, &x, NULL, &err) == CN_EDATA);
    x.mineral = 99;
    CHECK(cn_net_add_edge(net, &x, NULL, &err) != CN_OK);
    CHECK(net->nedges == 2);
    /* labels of the pseudo-countries */
    CHECK_STR(cn_net_country_label(net, chn), "CHN");
    CHECK_STR(cn_net_country_label(net, CN_OTHER), "(other)");
    CHECK_STR(cn_net_country_label(net, CN_UNNAMED), "(unnamed)");
    CHECK_STR(cn_net_country_label(net, CN_WORLD), "(world)");

    /* validate: 0.6 + 0.3 + 0.2 = 1.1 of USA's graphite imports is more than 1, named at the edge that
     * passes 1 (edges[2]) */
    x.mineral = gr;
    x.country = CN_OTHER;
    x.share = 0.2;
    CHECK(cn_net_add_edge(net, &x, NULL, &err) == CN_OK);
    CHECK(cn_net_validate(net, "t.json", &err) == CN_EDATA);
    CHECK(strstr(err.msg, "t.json: $.edges[2]: import shares of graphite for USA sum to 1.1") != NULL);
    cn_net_free(net);

    /* many vertices: the index keeps finding them all after growing */
    net = cn_net_new();
    char id[16];
    for (int i = 0; i < 5000; i++) {
        snprintf(id, sizeof id, "m%d", i);
        cn_net_add_vertex(net, CN_VERTEX_MINERAL, id, NULL, NULL, &err);
    }
    int found = 0;
    for (int i = 0; i < 5000; i++) {
        snprintf(id, sizeof id, "m%d", i);
        found += cn_net_find(net, id) == i;
    }
    CHECK(found == 5000);
    cn_net_free(net);
    return cn_test_done();
}
