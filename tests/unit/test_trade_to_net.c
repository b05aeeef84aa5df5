/* tests/unit/test_trade_to_net.c: io/import/trade/to_net.c: flows -> the supply network of one year (importers'
 * shares by exporter, exporters' shares of world exports) on a tiny BACI table whose shares are worked out by hand. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "critnet/trade.h"
#include "harness.h"

static char path[64];

static void write_file(const char *data)
{
    FILE *fp = fopen(path, "wb");
    fputs(data, fp);
    fclose(fp);
}

static const cn_edge *find_edge(const cn_net *net, cn_edge_kind k, const char *country, const char *consumer)
{
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (e->kind == k && strcmp(cn_net_country_label(net, e->country), country) == 0 &&
            (!consumer || (e->consumer >= 0 && strcmp(net->vertices[e->consumer].id, consumer) == 0)))
            return e;
    }
    return NULL;
}

int main(void)
{
    snprintf(path, sizeof path, "/tmp/cn_test_trade_to_net_%d.csv", (int)getpid());
    cn_error err;

    /* flows: 156 CHN, 4 AFG, 276 DEU, 8 ALB. The CHN->DEU key appears twice (10 + 20 = 30). 2018 rows are
     * older than the latest year (2019) and left out. 5-digit 10121 is HS 010121.
     * DEU imports of 260500: CHN 30, AFG 10 -> .75, .25. World exports: CHN 30 + 60 = 90, AFG 10 -> .9, .1 */
    write_file("t,i,j,k,v,q\n"
               "2019,156,276,260500,10,1\n"
               "2019,156,276,260500,20,NA\n"
               "2019,4,276,260500,10,2\n"
               "2019,156,8,260500,60,3\n"
               "2018,4,276,260500,99,9\n"
               "2019,4,8,10121,5,1\n");
    cn_trade_opts o = {0};
    cn_trade *t = NULL;
    CHECK(cn_trade_load(path, &o, &t, &err) == CN_OK);
    CHECK(t->layout == CN_TRADE_LAYOUT_BACI && t->rows == 6);
    int padded = 0;
    for (uint32_t p = 0; p < t->nproducts; p++)
        padded |= strcmp(t->products[p], "010121") == 0;
    CHECK(padded);
    cn_trade_net_opts no = {0};
    cn_net *net = NULL;
    CHECK(cn_trade_to_net(t, &no, &net, &err) == CN_OK);
    const cn_edge *e = find_edge(net, CN_EDGE_SUPPLIES, "CHN", "DEU");
    CHECK(e && fabs(e->share - 0.75) < 1e-12 && e->rank == 1 && e->year == 2019);
    CHECK(e && e->value == 30.0 && e->quantity == 1.0); /* NA quantity left out of the sum */
    e = find_edge(net, CN_EDGE_SUPPLIES, "AFG", "DEU");
    CHECK(e && fabs(e->share - 0.25) < 1e-12 && e->rank == 2);
    e = find_edge(net, CN_EDGE_PRODUCES, "CHN", NULL);
    CHECK(e && fabs(e->share - 0.9) < 1e-12 && strcmp(net->vertices[e->mineral].id, "cobalt:ore") == 0);
    e = find_edge(net, CN_EDGE_PRODUCES, "(world)", NULL);
    CHECK(e && e->value == 100.0 && isnan(e->share));
    cn_net_free(net);

    /* --year 2018: AFG is DEU's only source */
    no.year = 2018;
    CHECK(cn_trade_to_net(t, &no, &net, &err) == CN_OK);
    e = find_edge(net, CN_EDGE_SUPPLIES, "AFG", "DEU");
    CHECK(e && e->share == 1.0 && e->value == 99.0);
    cn_net_free(net);
    no.year = 2000;
    CHECK(cn_trade_to_net(t, &no, &net, &err) == CN_EDATA && strstr(err.msg, "year 2000"));
    cn_trade_free(t);
    unlink(path);
    return cn_test_done();
}
