/* tests/unit/test_trade_read.c: io/import/trade/read.c: layout detection from the header, and reading a table with
 * a product filter (--products) and skip_bad (a malformed row counted, named by its line). */
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

int main(void)
{
    snprintf(path, sizeof path, "/tmp/cn_test_trade_read_%d.csv", (int)getpid());
    cn_error err;
    cn_trade_opts o = {0};
    cn_trade *t = NULL;

    char *baci[] = {"", "t", "i", "j", "k", "v", "q"};
    CHECK(cn_trade_detect(baci, 7) == CN_TRADE_LAYOUT_BACI);
    char *other[] = {"kind", "country", "mineral"};
    CHECK(cn_trade_detect(other, 3) == CN_TRADE_LAYOUT_AUTO);

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
