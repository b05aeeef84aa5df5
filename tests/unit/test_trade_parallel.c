/* tests/unit/test_trade_parallel.c: issue 17 #4: a BACI file read on two threads gives what one thread gives,
 * wherever the midpoint falls: a record of 17+ fields whose quoted field holds a line break across the split,
 * at every offset around the midpoint, with and without --skip-bad. Expected sums by hand from the rows written. */
#include <stdlib.h>
#include <unistd.h>

#include "critnet/trade.h"
#include "harness.h"

static char path[] = "/tmp/critnet-par-XXXXXX";

/* exporter 156 sends value 1 per plain row (nplain rows) and the odd row sends 100: world exports of 156 */
static void write_file(int nbefore, int nafter, int pad)
{
    FILE *fp = fopen(path, "wb");
    fprintf(fp, "t,i,j,k,v,q\n");
    for (int i = 0; i < nbefore; i++)
        fprintf(fp, "2019,156,842,850650,1,2\n");
    /* the quoted field holds lines that look like rows: a reader that starts inside it would take them */
    fprintf(fp, "2019,156,842,850650,100,1,a,b,c,d,e,f,g,h,i,j,k,\"%*sx\n", pad, "");
    for (int i = 0; i < 20; i++)
        fprintf(fp, "2019,156,842,850650,1000,2\n");
    fprintf(fp, "y\"\n");
    for (int i = 0; i < nafter; i++)
        fprintf(fp, "2019,156,842,850650,1,2\n");
    fclose(fp);
}

static double exports_of_156(const cn_trade *t)
{
    double v = 0;
    for (size_t i = 0; i < t->nflows; i++)
        v += t->flows[i].value;
    return v;
}

int main(void)
{
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    /* the odd record sits in the middle; its padding moves the quoted line break across the midpoint */
    for (int skip = 0; skip <= 1; skip++) {
        for (int pad = 0; pad < 600; pad += 9) {
            write_file(40, 40, pad);
            cn_status st[3] = {CN_OK, CN_OK, CN_OK};
            cn_trade *t[3] = {NULL, NULL, NULL};
            cn_error err[3];
            for (int th = 1; th <= 2; th++) {
                cn_trade_opts o = {.from = CN_TRADE_LAYOUT_BACI, .exporters_only = 1, .threads = th,
                                   .skip_bad = skip};
                st[th] = cn_trade_load(path, &o, &t[th], &err[th]);
            }
            CHECK_MSG(st[1] == CN_OK, "pad %d: one thread reads it: %s", pad, err[1].msg);
            CHECK_MSG(st[2] == st[1], "pad %d skip %d: two threads: %s", pad, skip, st[2] ? err[2].msg : "ok");
            if (t[1] && t[2]) {
                /* by hand: 80 plain rows of 1 and the odd row's 100 */
                CHECK_NEAR(exports_of_156(t[1]), 180.0, 1e-9);
                CHECK_NEAR(exports_of_156(t[2]), 180.0, 1e-9);
                CHECK(t[1]->rows == 81 && t[2]->rows == 81);
                CHECK(t[1]->nbad == 0 && t[2]->nbad == 0);
            }
            cn_trade_free(t[1]);
            cn_trade_free(t[2]);
        }
    }
    unlink(path);
    return cn_test_done();
}
