/* tests/unit/test_trade_plain.c: io/import/trade/rows.c: the one-pass path for plain BACI lines (plain_baci) reads
 * every value as libc's strtod reads the same text (the oracle: correctly rounded), NA as unknown, 5-digit codes
 * with their leading zero, CRLF endings and a last line without its newline; lines of other forms (too many
 * digits, signs, exponents, spaces) go the general way and give the same figures or the same errors. */
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

/* the figure a cell holds: NAN for NA, else strtod of its text */
static double oracle(const char *cell)
{
    return strcmp(cell, "NA") == 0 ? NAN : strtod(cell, NULL);
}

static int same(double got, double want)
{
    return (isnan(got) && isnan(want)) || got == want;
}

/* each line's importer is a distinct BACI code, so the flow of line k is found by its importer */
static const cn_flow *flow_to(const cn_trade *t, const char *iso3)
{
    for (size_t i = 0; i < t->nflows; i++)
        if (strcmp(t->countries[t->flows[i].importer], iso3) == 0)
            return &t->flows[i];
    return NULL;
}

int main(void)
{
    snprintf(path, sizeof path, "/tmp/cn_test_trade_plain_%d.csv", (int)getpid());
    cn_error err;
    cn_trade_opts o = {0};
    cn_trade *t = NULL;

    /* importer code -> its ISO3 (BACI's table): 4 AFG, 8 ALB, 12 DZA, 20 AND, 24 AGO, 28 ATG, 31 AZE, 32 ARG,
     * 36 AUS, 40 AUT, 44 BHS, 48 BHR, 50 BGD */
    static const struct {
        const char *imp, *iso3, *k, *v, *q;
    } rows[] = {
        {"4", "AFG", "260500", "1.523", "0.023"},
        {"8", "ALB", "260500", "167.645", "NA"},
        {"12", "DZA", "10121", "0.001", "12"},                       /* 5 digits: 010121 */
        {"20", "AND", "260500", "1234567.1234567", "7."},             /* 14 digits; "7." */
        {"24", "AGO", "260500", ".5", "00000000.25"},                 /* no integer part; 8 leading zeros */
        {"28", "ATG", "260500", "12345678.5", "1"},                   /* 8 integer digits: the general path */
        {"31", "AZE", "260500", "1e3", "2.5E-1"},                      /* exponents: the general path */
        {"32", "ARG", "260500", "0.1234567890123456", "3"},            /* 17 digits: strtod's path */
        {"36", "AUS", "282200", "99999999999999.9", "NA"},            /* 15 digits */
        {"40", "AUT", "282200", "0.3", "0.7"},
        {"44", "BHS", "282200", "+5", "1"},                           /* a sign: the general path */
        {"48", "BHR", "282200", "5", "1"},                            /* CRLF, below */
        {"50", "BGD", "282200", "2.675", "9.995"},                    /* the last line, no newline */
    };
    size_t n = sizeof rows / sizeof *rows;
    char data[4096] = "t,i,j,k,v,q\n";
    for (size_t i = 0; i < n; i++) {
        char line[160];
        snprintf(line, sizeof line, "2021,156,%s,%s,%s,%s%s", rows[i].imp, rows[i].k, rows[i].v, rows[i].q,
                 i + 1 == n ? "" : strcmp(rows[i].iso3, "BHR") == 0 ? "\r\n" : "\n");
        strcat(data, line);
    }
    write_file(data);
    CHECK(cn_trade_load(path, &o, &t, &err) == CN_OK);
    CHECK_INT((long)t->rows, (long)n);
    CHECK_INT((long)t->nflows, (long)n);
    for (size_t i = 0; t && i < n; i++) {
        const cn_flow *f = flow_to(t, rows[i].iso3);
        CHECK_MSG(f != NULL, "a flow to %s", rows[i].iso3);
        if (!f)
            continue;
        CHECK_MSG(same(f->value, oracle(rows[i].v)), "%s: value '%s' read as %.17g, strtod %.17g", rows[i].iso3,
                  rows[i].v, f->value, oracle(rows[i].v));
        CHECK_MSG(same(f->quantity, oracle(rows[i].q)), "%s: quantity '%s' read as %.17g, strtod %.17g",
                  rows[i].iso3, rows[i].q, f->quantity, oracle(rows[i].q));
        CHECK_INT(f->year, 2021);
        CHECK_STR(t->countries[f->exporter], "CHN");
        char want[8];
        snprintf(want, sizeof want, "%06d", atoi(rows[i].k));
        CHECK_STR(t->products[f->product], want);
    }
    cn_trade_free(t);
    t = NULL;

    /* malformed lines give the general path's message, with line and column */
    write_file("t,i,j,k,v,q\n2021,156,4,260500,1.5,2\n2021,156,4,260500,-1.5,2\n");
    CHECK(cn_trade_load(path, &o, &t, &err) == CN_EDATA);
    CHECK_MSG(strstr(err.msg, ":3:") && strstr(err.msg, "value '-1.5'"), "message: %s", err.msg);
    write_file("t,i,j,k,v,q\n2021,156,4,26050A,1.5,2\n");
    CHECK(cn_trade_load(path, &o, &t, &err) == CN_EDATA);
    CHECK_MSG(strstr(err.msg, ":2:") && strstr(err.msg, "product '26050A'"), "message: %s", err.msg);
    write_file("t,i,j,k,v,q\n2021,156,4,260500,1.5\n");
    CHECK(cn_trade_load(path, &o, &t, &err) == CN_EDATA);
    CHECK_MSG(strstr(err.msg, ":2:") && strstr(err.msg, "expected at least 6 fields"), "message: %s", err.msg);
    /* the year filter and zero rows count as with any row */
    write_file("t,i,j,k,v,q\n2020,156,4,260500,1.5,2\n2021,156,4,260500,0,NA\n2021,156,8,260500,3,NA\n");
    o.year = 2021;
    CHECK(cn_trade_load(path, &o, &t, &err) == CN_OK);
    CHECK(t && t->nflows == 1 && t->dropped[CN_TRADE_DROP_YEAR] == 1 && t->dropped[CN_TRADE_DROP_ZERO] == 1);
    cn_trade_free(t);
    unlink(path);
    return cn_test_done();
}
