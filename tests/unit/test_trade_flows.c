/* tests/unit/test_trade_flows.c: a BACI table whose every row is kept, read on one thread and on two (the same
 * flows in the same order, the same counts), and cn_trade_keep_strongest (io/import/trade/flows.c) against the
 * importer of the largest share, world exports and import totals computed here from the rows as written. */
#include "critnet/trade.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

enum { NC = 10, NP = 6, NROWS = 40000 };
static const int codes[NC] = {36, 76, 124, 156, 180, 251, 276, 392, 842, 894}; /* BACI numeric codes */
static const char *const iso[NC] = {"AUS", "BRA", "CAN", "CHN", "COD", "FRA", "DEU", "JPN", "USA", "ZMB"};
static const char *const hs[NP] = {"100190", "720110", "854140", "010121", "030211", "870323"}; /* unmapped */

/* the rows as written: year 2019 only counts; v < 0 = NA */
typedef struct row {
    int t, e, i, p;
    double v, q;
} row;
static row rows[NROWS];

static unsigned long long seed = 88172645463325252ull;
static unsigned long long next(void)
{
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
}

static void write_file(const char *path)
{
    FILE *fp = fopen(path, "wb");
    fputs("t,i,j,k,v,q\n", fp);
    for (int r = 0; r < NROWS; r++) {
        row *x = &rows[r];
        x->t = next() % 4 ? 2019 : 2018;
        x->e = (int)(next() % NC);
        x->i = (int)(next() % NC); /* sometimes the exporter itself: trade with itself */
        x->p = (int)(next() % NP);
        x->v = next() % 17 ? (double)(next() % 1000000) / 1000.0 + 0.001 : -1.0;
        x->q = (double)(next() % 100000) / 1000.0 + 0.001;
        if (x->v < 0)
            fprintf(fp, "%d,%d,%d,%s,NA,%.3f\n", x->t, codes[x->e], codes[x->i], hs[x->p], x->q);
        else
            fprintf(fp, "%d,%d,%d,%s,%.3f,%.3f\n", x->t, codes[x->e], codes[x->i], hs[x->p], x->v, x->q);
    }
    fclose(fp);
}

static cn_trade *load(const char *path, int threads)
{
    cn_error err = {0};
    cn_trade_opts o = {.from = CN_TRADE_LAYOUT_BACI, .threads = threads};
    cn_trade *t = NULL;
    if (cn_trade_load(path, &o, &t, &err) != CN_OK)
        fprintf(stderr, "%s, %d thread(s): %s\n", path, threads, err.msg);
    return t;
}

static int find(const char *const *names, int n, const char *s)
{
    for (int k = 0; k < n; k++)
        if (strcmp(names[k], s) == 0)
            return k;
    return -1;
}

int main(void)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/cn_test_trade_flows_%d.csv", (int)getpid());
    write_file(path);
    cn_trade *one = load(path, 1), *two = load(path, 2);
    CHECK(one && two);
    if (!one || !two)
        return cn_test_done();
    /* two readers: every row, in file order, the same figures and counts */
    CHECK_INT(one->nflows, NROWS);
    CHECK_INT(two->nflows, one->nflows);
    CHECK_INT(two->rows, one->rows);
    CHECK_INT(two->nfiltered, one->nfiltered);
    for (int d = 0; d < CN_TRADE_NDROP; d++)
        CHECK_INT(two->dropped[d], one->dropped[d]);
    int same = 1;
    for (size_t k = 0; k < one->nflows && k < two->nflows; k++) {
        const cn_flow *a = &one->flows[k], *b = &two->flows[k];
        same &= strcmp(one->countries[a->exporter], two->countries[b->exporter]) == 0 &&
                strcmp(one->countries[a->importer], two->countries[b->importer]) == 0 &&
                strcmp(one->products[a->product], two->products[b->product]) == 0 && a->year == b->year &&
                memcmp(&a->value, &b->value, sizeof a->value) == 0 && a->quantity == b->quantity;
    }
    CHECK_MSG(same, "the two-thread table holds the one-thread table's flows, in order");
    for (size_t k = 0; k < one->nflows; k++) {
        const cn_flow *a = &one->flows[k];
        const row *x = &rows[k];
        same &= strcmp(one->countries[a->exporter], iso[x->e]) == 0 && strcmp(one->products[a->product], hs[x->p]) == 0;
    }
    CHECK_MSG(same, "the flows are the rows as written, in file order");
    cn_trade_free(two);

    /* from the rows: per (exporter, importer, product) of 2019 the sum, per (importer, product) the total, by
     * value when a row of the product has one, else by quantity */
    static double s[NC][NC][NP], tot[NC][NP], wexp[NC][NP];
    int by_value[NP] = {0}, any[NC][NC][NP] = {{{0}}};
    for (int r = 0; r < NROWS; r++)
        if (rows[r].t == 2019 && rows[r].e != rows[r].i && rows[r].v >= 0)
            by_value[rows[r].p] = 1;
    for (int r = 0; r < NROWS; r++) {
        const row *x = &rows[r];
        if (x->t != 2019 || x->e == x->i)
            continue;
        double f = by_value[x->p] ? x->v : x->q;
        any[x->e][x->i][x->p] = 1;
        if (f >= 0) {
            s[x->e][x->i][x->p] += f;
            tot[x->i][x->p] += f;
        }
        if (x->v >= 0)
            wexp[x->e][x->p] += x->v;
    }
    int best[NC][NP];
    for (int e = 0; e < NC; e++)
        for (int p = 0; p < NP; p++) {
            best[e][p] = -1;
            double b = -1;
            for (int i = 0; i < NC; i++)
                if (any[e][i][p] && tot[i][p] > 0 && s[e][i][p] / tot[i][p] > b) {
                    b = s[e][i][p] / tot[i][p];
                    best[e][p] = i;
                }
        }
    cn_error err = {0};
    CHECK(cn_trade_keep_strongest(one, 0, &err) == CN_OK);
    size_t want = 0;
    for (int r = 0; r < NROWS; r++)
        want += rows[r].t == 2019 && rows[r].e != rows[r].i && best[rows[r].e][rows[r].p] == rows[r].i;
    CHECK_INT(one->nflows, want);
    int ok = 1;
    for (size_t k = 0; k < one->nflows; k++) {
        const cn_flow *f = &one->flows[k];
        int e = find(iso, NC, one->countries[f->exporter]), i = find(iso, NC, one->countries[f->importer]);
        int p = find(hs, NP, one->products[f->product]);
        ok &= e >= 0 && i >= 0 && p >= 0 && f->year == 2019 && best[e][p] == i;
    }
    CHECK_MSG(ok, "every flow kept goes to the importer of its exporter's largest share of the product");
    ok = one->exports != NULL && one->imports != NULL;
    for (size_t k = 0; ok && k < one->nexports; k++) {
        const cn_flow *f = &one->exports[k];
        int e = find(iso, NC, one->countries[f->exporter]), p = find(hs, NP, one->products[f->product]);
        ok &= fabs(f->value - wexp[e][p]) <= 1e-9 * (1 + wexp[e][p]);
    }
    CHECK_MSG(ok, "world exports per (exporter, product) = the rows' sums by value");
    size_t nimp = 0;
    for (int i = 0; i < NC; i++)
        for (int p = 0; p < NP; p++)
            for (int e = 0; e < NC; e++)
                if (any[e][i][p]) {
                    nimp++;
                    break;
                }
    CHECK_INT(one->nimports, nimp);
    for (size_t k = 0; ok && k < one->nimports; k++) {
        const cn_flow *f = &one->imports[k];
        int i = find(iso, NC, one->countries[f->importer]), p = find(hs, NP, one->products[f->product]);
        ok &= fabs((by_value[p] ? f->value : f->quantity) - tot[i][p]) <= 1e-9 * (1 + tot[i][p]);
    }
    CHECK_MSG(ok, "import totals per (importer, product) = the rows' sums");
    cn_trade_free(one);
    unlink(path);
    return cn_test_done();
}
