/* tests/unit/test_json.c: io/format/json_read.c and json_write.c, the native JSON format: a hand-written network
 * reads with the expected figures, writes, and reads back to the same network; figures round-trip bit for bit. */
#include <stdlib.h>
#include <string.h>

#include "critnet/critnet.h"
#include "harness.h"

static const char *doc =
    "{\"format\":\"critnet\",\"version\":1,\"name\":\"t\",\n"
    " \"sources\":[{\"id\":\"s1\",\"title\":\"T\",\"url\":\"https://example.org/a\"}],\n"
    " \"countries\":[{\"id\":\"USA\",\"name\":\"United States\"},{\"id\":\"CHN\"},{\"id\":\"CAN\"}],\n"
    " \"minerals\":[{\"id\":\"graphite\",\"name\":\"Graphite\",\"lists\":[\"2018\"]},{\"id\":\"cobalt:ore\",\"stage\":\"ore\"}],\n"
    " \"edges\":[\n"
    "  {\"kind\":\"relies\",\"mineral\":\"graphite\",\"consumer\":\"USA\",\"share\":1,\"year\":2019,\"estimated\":true},\n"
    "  {\"kind\":\"supplies\",\"country\":\"CHN\",\"mineral\":\"graphite\",\"consumer\":\"USA\",\"share\":0.33,\"period\":\"2015-18\",\"source\":\"s1\"},\n"
    "  {\"kind\":\"supplies\",\"country\":null,\"mineral\":\"graphite\",\"consumer\":\"USA\",\"share\":0.24,\"period\":\"2015-18\"},\n"
    "  {\"kind\":\"supplies\",\"country\":\"*other*\",\"mineral\":\"graphite\",\"consumer\":\"USA\",\"share\":0.43,\"period\":\"2015-18\"},\n"
    "  {\"kind\":\"produces\",\"country\":\"CAN\",\"mineral\":\"cobalt:ore\",\"quantity\":3000,\"unit\":\"t\",\"year\":2023},\n"
    "  {\"kind\":\"produces\",\"country\":\"*world*\",\"mineral\":\"cobalt:ore\",\"quantity\":230000,\"unit\":\"t\",\"year\":2023},\n"
    "  {\"kind\":\"relies\",\"mineral\":\"cobalt:ore\",\"consumer\":\"USA\",\"low\":0.5,\"high\":1,\"text\":\">50\"}\n"
    " ]}\n";

static void check_net(const cn_net *net)
{
    CHECK(net->nvertices == 5);
    CHECK(net->nedges == 7);
    CHECK(net->nsources == 1);
    int32_t usa = cn_net_find(net, "USA"), chn = cn_net_find(net, "CHN"), g = cn_net_find(net, "graphite");
    CHECK(usa >= 0 && chn >= 0 && g >= 0);
    CHECK(cn_net_find(net, "XXX") == -1);
    CHECK_STR(net->vertices[usa].name, "United States");
    CHECK_STR(net->vertices[chn].name, "CHN"); /* name defaults to the id */
    CHECK(net->vertices[g].type == CN_VERTEX_MINERAL && net->vertices[g].lists == CN_LIST_2018);
    CHECK_STR(net->vertices[cn_net_find(net, "cobalt:ore")].stage, "ore");
    const cn_edge *e = &net->edges[1];
    CHECK(e->kind == CN_EDGE_SUPPLIES && e->country == chn && e->mineral == g && e->consumer == usa);
    CHECK_NEAR(e->share, 0.33, 0);
    CHECK_STR(e->period, "2015-18");
    CHECK(e->source == 0);
    CHECK(net->edges[2].country == CN_UNNAMED);
    CHECK(net->edges[3].country == CN_OTHER);
    CHECK(net->edges[5].country == CN_WORLD);
    CHECK(net->edges[0].flags & CN_F_ESTIMATED);
    CHECK(net->edges[0].country == usa); /* relies: the consumer */
    CHECK(isnan(net->edges[6].share));
    CHECK_NEAR(net->edges[6].lo, 0.5, 0);
    CHECK_STR(net->edges[6].text, ">50");
    CHECK(net->edges[1].period == net->edges[2].period); /* interned */
}

int main(void)
{
    cn_net *net = NULL, *again = NULL;
    cn_error err = {0};
    CHECK(cn_json_parse(doc, strlen(doc), "t.json", &net, &err) == CN_OK);
    if (!net) {
        fprintf(stderr, "%s\n", err.msg);
        return cn_test_done();
    }
    check_net(net);
    char *out = NULL;
    CHECK(cn_json_dump(net, &out, &err) == CN_OK && out != NULL);
    CHECK(cn_json_parse(out, strlen(out), "dump", &again, &err) == CN_OK);
    if (again) {
        check_net(again);
        char *out2 = NULL;
        CHECK(cn_json_dump(again, &out2, &err) == CN_OK);
        CHECK_STR(out2, out); /* a fixed point */
        free(out2);
    }
    free(out);
    cn_net_free(again);

    /* shares of one consumer and mineral above 1 are rejected, naming the edge */
    cn_edge x;
    cn_edge_init(&x, CN_EDGE_SUPPLIES);
    x.country = cn_net_find(net, "CAN");
    x.mineral = cn_net_find(net, "graphite");
    x.consumer = cn_net_find(net, "USA");
    x.share = 0.01;
    x.period = "2015-18";
    CHECK(cn_net_add_edge(net, &x, NULL, &err) == CN_OK);
    CHECK(cn_net_validate(net, "t.json", &err) == CN_EDATA);
    CHECK(strstr(err.msg, "t.json: $.edges[7]: import shares of graphite for USA sum to 1.01") != NULL);

    /* an edge between two countries is refused */
    x.mineral = cn_net_find(net, "CHN");
    CHECK(cn_net_add_edge(net, &x, NULL, &err) == CN_EDATA);
    /* duplicate ids are refused */
    CHECK(cn_net_add_vertex(net, CN_VERTEX_COUNTRY, "USA", NULL, NULL, &err) == CN_EDATA);
    cn_net_free(net);

    /* computed figures read back bit for bit: 0.1 + 0.2 and 1.1 + 2.2 are 0.30000000000000004 and
     * 3.3000000000000003 (Python's repr), not the 0.3 and 3.3 that 15 digits give (cJSON's own printing accepts
     * those: they read back within its epsilon); 1/3 needs 16 digits, 0.1 itself 1, and -0.0 is written "0" */
    net = cn_net_new();
    int32_t can = -1, gr = -1, usa2 = -1;
    CHECK(cn_net_add_vertex(net, CN_VERTEX_COUNTRY, "CAN", NULL, &can, &err) == CN_OK);
    CHECK(cn_net_add_vertex(net, CN_VERTEX_COUNTRY, "USA", NULL, &usa2, &err) == CN_OK);
    CHECK(cn_net_add_vertex(net, CN_VERTEX_MINERAL, "graphite", NULL, &gr, &err) == CN_OK);
    const double figures[][2] = {{0.1 + 0.2, 1.1 + 2.2}, {1.0 / 3, 0.1}, {-0.0, 2018}};
    for (int i = 0; i < 3; i++) {
        cn_edge_init(&x, CN_EDGE_PRODUCES);
        x.country = can;
        x.mineral = gr;
        x.share = figures[i][0];
        x.quantity = figures[i][1];
        x.year = 2020 + i;
        CHECK(cn_net_add_edge(net, &x, NULL, &err) == CN_OK);
    }
    CHECK(cn_json_dump(net, &out, &err) == CN_OK);
    CHECK(out && strstr(out, "\"share\":0.30000000000000004,") != NULL);
    CHECK(out && strstr(out, "\"quantity\":3.3000000000000003,") != NULL);
    CHECK(out && strstr(out, "\"share\":0.3333333333333333,") != NULL);
    CHECK(out && strstr(out, "\"quantity\":0.1,") != NULL);
    CHECK(out && strstr(out, "\"share\":0,") != NULL);
    again = NULL;
    CHECK(out && cn_json_parse(out, strlen(out), "dump", &again, &err) == CN_OK);
    if (again && again->nedges == 3)
        for (int i = 0; i < 3; i++)
            CHECK(again->edges[i].share == figures[i][0] && again->edges[i].quantity == figures[i][1]);
    free(out);
    cn_net_free(again);
    cn_net_free(net);

    return cn_test_done();
}
