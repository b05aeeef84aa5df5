/* The trade-table pieces below the CLI: the CSV fast path (lone CR, recovery after a bad record), plain-decimal
 * parsing against strtod, the HS -> mineral map, layout detection, and flows -> network on a tiny table whose
 * shares are worked out by hand. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "critnet/csv.h"
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
    snprintf(path, sizeof path, "/tmp/cn_test_trade_%d.csv", (int)getpid());
    cn_error err;
    cn_csv *r;
    cn_csv_row row;

    /* a CR inside a line is an error at its column; reading resumes on the next line after recover */
    write_file("a,b\n1,2\r3\n4,5\r\n");
    CHECK(cn_csv_open(path, ',', &r, &err) == CN_OK);
    CHECK(cn_csv_next(r, &row, &err) == 1);
    CHECK(cn_csv_next(r, &row, &err) == -1);
    CHECK(strstr(err.msg, ":2:4: unexpected carriage return") != NULL);
    CHECK(cn_csv_recover(r, &err) == CN_OK);
    CHECK(cn_csv_next(r, &row, &err) == 1);
    CHECK(row.line == 3 && row.n == 2);
    CHECK_STR(row.field[1], "5"); /* CRLF's CR dropped */
    CHECK(cn_csv_next(r, &row, &err) == 0);
    cn_csv_close(r);

    /* plain decimals: the fast path must give strtod's (correctly rounded) double */
    const char *nums[] = {"0.1", "123.456", "-0.5", "9007199254740.993", "0.001", "271.828182845904", "7"};
    for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
        double x = NAN;
        CHECK(cn_parse_double(nums[i], strlen(nums[i]), 0, &x, NULL) == 0);
        CHECK(x == strtod(nums[i], NULL));
    }
    double y;
    CHECK(cn_parse_double("1e3", 3, 0, &y, NULL) == 0 && y == 1000.0); /* slow path */
    CHECK(cn_parse_double("12x", 3, 0, &y, NULL) != 0);
    CHECK(cn_parse_double("1.2.3", 5, 0, &y, NULL) != 0);
    CHECK(cn_parse_double(".", 1, 0, &y, NULL) != 0);

    /* the HS map: codes as strings with their stage */
    const cn_hs_mineral *h = cn_hs_lookup("260500");
    CHECK(h && strcmp(h->mineral, "cobalt") == 0 && strcmp(h->stage, "ore") == 0);
    CHECK(cn_hs_lookup("999999") == NULL);

    char *baci[] = {"", "t", "i", "j", "k", "v", "q"};
    CHECK(cn_trade_detect(baci, 7) == CN_TRADE_BACI);
    char *other[] = {"kind", "country", "mineral"};
    CHECK(cn_trade_detect(other, 3) == CN_TRADE_AUTO);

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
    CHECK(t->layout == CN_TRADE_BACI && t->rows == 6);
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

    /* --products cobalt keeps 260500 only; skip_bad counts a bad row */
    write_file("t,i,j,k,v,q\n2019,156,276,260500,1,1\n2019,4,276,010121,1,1\n2019,4,276,260500,bad,1\n");
    o.products = "cobalt";
    o.skip_bad = 1;
    CHECK(cn_trade_load(path, &o, &t, &err) == CN_OK);
    CHECK(t->nflows == 1 && t->nbad == 1 && t->nfiltered == 1);
    CHECK(t->first_bad && strstr(t->first_bad, ":4:") != NULL);
    cn_trade_free(t);
    o.products = "unobtainium";
    CHECK(cn_trade_load(path, &o, &t, &err) == CN_EUSAGE);
    unlink(path);
    return cn_test_done();
}
