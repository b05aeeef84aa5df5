/* tests/fuzz/fuzz_trade_file.c: a trade table from a file: the first byte chooses a plain .csv or a .gz (the
 * input is then the gzip stream itself: truncated, corrupt, bombs), and one thread or two; for a plain BACI table
 * read with exporters_only, one thread and two threads must agree (issue 17 #4): the same status, the same rows
 * and the same world exports (to rounding). */
#include <math.h>
#include <stdlib.h>

#include "critnet/trade.h"
#include "fuzz_common.h"

static double total(const cn_trade *t)
{
    double v = 0;
    for (size_t i = 0; i < t->nflows; i++)
        if (!isnan(t->flows[i].value))
            v += t->flows[i].value;
    return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t sel = data[0];
    int gz = sel & 1;
    const char *path = fuzz_write(gz ? "t.csv.gz" : "t.csv", data + 1, size - 1);
    cn_trade_opts o = {.from = CN_TRADE_LAYOUT_BACI, .exporters_only = 1, .skip_bad = (sel >> 1) & 1};
    cn_trade *t[3] = {NULL, NULL, NULL};
    cn_status st[3];
    cn_error err[3];
    for (int th = 1; th <= (gz ? 1 : 2); th++) {
        o.threads = th;
        st[th] = cn_trade_load(path, &o, &t[th], &err[th]);
        if (st[th])
            fuzz_check_message(&err[th]);
    }
    if (!gz) {
        if (st[1] != st[2])
            abort(); /* one thread and two disagree */
        if (t[1] && (t[1]->rows != t[2]->rows || t[1]->nbad != t[2]->nbad ||
                     fabs(total(t[1]) - total(t[2])) > 1e-9 * (1 + fabs(total(t[1])))))
            abort();
    }
    cn_trade_free(t[1]);
    cn_trade_free(t[2]);
    return 0;
}
