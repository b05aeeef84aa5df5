/* tests/unit/test_trade_aggregate.c (io/import/trade/aggregate.c and read.c): cn_trade_opts.exporters_only (rows
 * summed per exporter, product and year while reading) and its two-thread read: the table against sums this test
 * computes itself from the generated file (sscanf, no critnet code); one thread and two give the same table, the
 * same message for a malformed row (its true line), the same skip counts, and the same result when quotes, CRLF or
 * empty lines turn up in either half. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "critnet/trade.h"
#include "harness.h"

/* the BACI codes used and their ISO3 codes (datasets/baci/country_codes_V202201.csv) */
static const struct {
    int code;
    const char *iso3;
} countries[] = {{4, "AFG"},   {8, "ALB"},   {12, "DZA"},  {36, "AUS"},  {124, "CAN"},
                 {156, "CHN"}, {251, "FRA"}, {276, "DEU"}, {392, "JPN"}, {842, "USA"}};
#define NC (sizeof countries / sizeof *countries)
static const char *const products[] = {"010121", "260500", "810520", "282200", "720221", "030111"};
#define NP (sizeof products / sizeof *products)
#define NY 2

/* expected world exports: per (year, exporter, product), sums of the known values and quantities */
typedef struct sums {
    double v, q;
    int v_known, q_known, seen;
} sums;
static sums want[NY][NC][NP];

static uint32_t rnd_state;
static uint32_t rnd(uint32_t n)
{
    rnd_state = rnd_state * 1103515245u + 12345u;
    return (rnd_state >> 16) % n;
}

static char path[64];

/* special lines: where (row number) and what; the rest are generated rows */
typedef struct special {
    long at;
    const char *text;
} special;

/* writes rows data rows (plus the specials) and fills want[] by reading the lines back with sscanf; returns
 * the line number (1-based, header = 1) of the first line containing "bad", or 0 */
static long make_file(long rows, const special *sp, size_t nsp, int crlf_every)
{
    memset(want, 0, sizeof want);
    rnd_state = 7;
    FILE *fp = fopen(path, "wb");
    fputs("t,i,j,k,v,q\n", fp);
    long line = 1, bad_line = 0;
    size_t s = 0;
    for (long r = 0; r < rows; r++) {
        char buf[160];
        if (s < nsp && sp[s].at == r && strlen(sp[s].text) >= sizeof buf) {
            fputs(sp[s++].text, fp); /* a long record: no sum of its own (it is malformed) */
            fputs("\n", fp);
            continue;
        }
        if (s < nsp && sp[s].at == r) {
            snprintf(buf, sizeof buf, "%s", sp[s++].text);
        } else {
            int y = 2021 + (int)rnd(NY), i = (int)rnd(NC), j = (int)rnd(NC), p = (int)rnd(NP);
            char v[32], q[32];
            snprintf(v, sizeof v, rnd(17) == 0 ? "NA" : "%u.%03u", rnd(100000), rnd(1000));
            snprintf(q, sizeof q, rnd(11) == 0 ? "NA" : "%u.%03u", rnd(5000), rnd(1000));
            snprintf(buf, sizeof buf, "%d,%d,%d,%s,%s,%s", y, countries[i].code, countries[j].code, products[p], v,
                     q);
        }
        fputs(buf, fp);
        fputs(crlf_every && r % crlf_every == 0 ? "\r\n" : "\n", fp);
        line++;
        if (strstr(buf, "bad") && !bad_line)
            bad_line = line;
        /* the oracle: quotes removed, then t,i,j,k,v,q */
        char plain[160], *w = plain;
        for (const char *c = buf; *c; c++)
            if (*c != '"')
                *w++ = *c;
        *w = '\0';
        int y, ci, cj;
        char k[16], v[32], q[32];
        if (sscanf(plain, "%d,%d,%d,%15[^,],%31[^,],%31s", &y, &ci, &cj, k, v, q) != 6 || ci == cj ||
            strstr(plain, "bad"))
            continue; /* an empty line, a country's trade with itself, the malformed row */
        if ((strcmp(v, "NA") == 0 || atof(v) == 0) && (strcmp(q, "NA") == 0 || atof(q) == 0))
            continue; /* no value and no quantity: not a supplier (docs/trade.md) */
        size_t ei = 0, pi = 0;
        while (ei < NC && countries[ei].code != ci)
            ei++;
        while (pi < NP && strcmp(products[pi], k) != 0)
            pi++;
        sums *x = &want[y - 2021][ei][pi];
        x->seen = 1;
        if (strcmp(v, "NA") != 0) {
            x->v += atof(v);
            x->v_known = 1;
        }
        if (strcmp(q, "NA") != 0) {
            x->q += atof(q);
            x->q_known = 1;
        }
    }
    fclose(fp);
    return bad_line;
}

/* relative difference, NAN-aware: 0 when both unknown */
static double rel(double got, int known, double expect)
{
    if (!known)
        return isnan(got) ? 0 : 1;
    return isnan(got) ? 1 : fabs(got - expect) / (fabs(expect) > 1 ? fabs(expect) : 1);
}

/* world exports (flows, n of them, indices into t) against want[]: every flow matches, every key has one */
static void check_exports(const cn_trade *t, const cn_flow *flows, size_t n, const char *what)
{
    size_t keys = 0, bad = 0;
    for (size_t y = 0; y < NY; y++)
        for (size_t e = 0; e < NC; e++)
            for (size_t p = 0; p < NP; p++)
                keys += want[y][e][p].seen;
    for (size_t f = 0; f < n; f++) {
        const cn_flow *x = &flows[f];
        size_t e = 0, p = 0;
        while (e < NC && strcmp(countries[e].iso3, t->countries[x->exporter]) != 0)
            e++;
        while (p < NP && strcmp(products[p], t->products[x->product]) != 0)
            p++;
        if (e == NC || p == NP || x->year < 2021 || x->year >= 2021 + NY || x->importer != CN_TRADE_WORLD) {
            bad++;
            continue;
        }
        const sums *w = &want[x->year - 2021][e][p];
        if (!w->seen || rel(x->value, w->v_known, w->v) > 1e-12 || rel(x->quantity, w->q_known, w->q) > 1e-12)
            bad++;
    }
    if (bad || n != keys)
        fprintf(stderr, "%s: %zu flows (want %zu), %zu wrong\n", what, n, keys, bad);
    CHECK(n == keys);
    CHECK(bad == 0);
}

/* an exporters_only table against want[] */
static void check_table(const cn_trade *t, const char *what)
{
    CHECK(t->world_exports == 1);
    check_exports(t, t->flows, t->nflows, what);
}

static cn_trade *load(int threads, int skip_bad, cn_status *st, cn_error *err)
{
    cn_trade_opts o = {.from = CN_TRADE_LAYOUT_BACI, .exporters_only = 1, .threads = threads, .skip_bad = skip_bad};
    cn_trade *t = NULL;
    *st = cn_trade_load(path, &o, &t, err);
    return t;
}

/* progress reports of the end of the file (done == total) */
static int ends;
static void count_end(uint64_t done, uint64_t total, void *ctx)
{
    (void)ctx;
    ends += total && done == total;
}

/* one thread and two threads on the current file: both against want[], and the same counts */
static void check_both(const char *what, long rows_expected)
{
    cn_error err;
    cn_status st;
    for (int threads = 1; threads <= 2; threads++) {
        cn_trade *t = load(threads, 0, &st, &err);
        CHECK(st == CN_OK);
        if (st) {
            fprintf(stderr, "%s, %d thread(s): %s\n", what, threads, err.msg);
            continue;
        }
        check_table(t, what);
        CHECK(t->rows == rows_expected);
        cn_trade_free(t);
    }
}

int main(void)
{
    snprintf(path, sizeof path, "/tmp/cn_test_trade_exp_%d.csv", (int)getpid());
    const long N = 40000;
    cn_error err1, err2;
    cn_status st1, st2;

    /* plain rows: every (year, exporter, product) sum */
    make_file(N, NULL, 0, 0);
    check_both("plain", N);

    /* one importer's rows kept (USA, code 842), world exports summed from every row; one thread and two */
    for (int threads = 1; threads <= 2; threads++) {
        long usa_rows = 0;
        double usa_value = 0;
        char line[256];
        FILE *fp = fopen(path, "rb");
        while (fgets(line, sizeof line, fp)) {
            int y, ci, cj;
            char v[32], q[32];
            if (sscanf(line, "%d,%d,%d,%*[^,],%31[^,],%31[^,\n]", &y, &ci, &cj, v, q) == 5 && cj == 842 &&
                ci != 842 && !((strcmp(v, "NA") == 0 || atof(v) == 0) && (strcmp(q, "NA") == 0 || atof(q) == 0))) {
                usa_rows++;
                usa_value += strcmp(v, "NA") ? atof(v) : 0;
            }
        }
        fclose(fp);
        cn_trade_opts o = {.from = CN_TRADE_LAYOUT_BACI, .importer = "USA", .threads = threads};
        cn_trade *t = NULL;
        CHECK(cn_trade_load(path, &o, &t, &err1) == CN_OK);
        if (t) {
            CHECK(t->world_exports == 0);
            CHECK((long)t->nflows == usa_rows && usa_rows > 0);
            int only_usa = 1;
            double value = 0;
            for (size_t i = 0; i < t->nflows; i++) {
                only_usa &= strcmp(t->countries[t->flows[i].importer], "USA") == 0;
                value += isnan(t->flows[i].value) ? 0 : t->flows[i].value;
            }
            CHECK(only_usa);
            CHECK_NEAR(value, usa_value, 1e-9 * usa_value);
            check_exports(t, t->exports, t->nexports, "importer USA: exports");
        }
        cn_trade_free(t);
    }

    /* the full table (one flow per row) summed by cn_trade_to_net gives the same world exports */
    {
        cn_trade_opts o = {.from = CN_TRADE_LAYOUT_BACI};
        cn_trade *all = NULL, *exp = load(2, 0, &st2, &err2);
        CHECK(cn_trade_load(path, &o, &all, &err1) == CN_OK && st2 == CN_OK);
        cn_trade_net_opts no = {.year = 2022};
        cn_net *a = NULL, *b = NULL;
        CHECK(cn_trade_to_net(all, &no, &a, &err1) == CN_OK);
        CHECK(cn_trade_to_net(exp, &no, &b, &err2) == CN_OK);
        int32_t pa = 0, pb = 0, same = 1;
        for (int32_t i = 0; a && b && i < a->nedges; i++) {
            if (a->edges[i].kind != CN_EDGE_PRODUCES)
                continue;
            while (pb < b->nedges && b->edges[pb].kind != CN_EDGE_PRODUCES)
                pb++;
            if (pb == b->nedges) {
                same = 0;
                break;
            }
            const cn_edge *x = &a->edges[i], *y = &b->edges[pb++];
            same &= x->country == y->country && x->mineral == y->mineral &&
                    (isnan(x->share) ? isnan(y->share) : fabs(x->share - y->share) < 1e-12);
            pa++;
        }
        CHECK(same && pa > 0);
        CHECK(b && b->nedges == pa); /* produces edges only: no per-importer layer */
        cn_net_free(a);
        cn_net_free(b);
        cn_trade_free(all);
        cn_trade_free(exp);
    }

    /* a malformed row in the second half: the same message from one thread and two, with its true line */
    {
        special sp[] = {{3 * N / 4, "2022,842,156,260500,bad,1.0"}};
        long line = make_file(N, sp, 1, 0);
        cn_trade *t1 = load(1, 0, &st1, &err1), *t2 = load(2, 0, &st2, &err2);
        CHECK(st1 == CN_EDATA && st2 == CN_EDATA && !t1 && !t2);
        char where[96];
        snprintf(where, sizeof where, "%s:%ld:21: value 'bad'", path, line);
        CHECK(strstr(err1.msg, where) != NULL);
        CHECK_STR(err2.msg, err1.msg);
        /* skipped: counted, the first message kept, the rest summed */
        t1 = load(1, 1, &st1, &err1);
        t2 = load(2, 1, &st2, &err2);
        CHECK(st1 == CN_OK && st2 == CN_OK);
        if (t1 && t2) {
            CHECK(t1->nbad == 1 && t2->nbad == 1);
            CHECK(t1->first_bad && strstr(t1->first_bad, where));
            CHECK_STR(t2->first_bad, t1->first_bad);
            CHECK(t1->rows == N && t2->rows == N);
            check_table(t1, "skip, 1 thread");
            check_table(t2, "skip, 2 threads");
        }
        cn_trade_free(t1);
        cn_trade_free(t2);
    }

    /* malformed rows in both halves: the first in file order is the one reported */
    {
        special sp[] = {{N / 4, "2022,842,156,260500,1.0,bad"}, {3 * N / 4, "2022,842,156,260500,bad,1.0"}};
        long line = make_file(N, sp, 2, 0);
        load(2, 0, &st2, &err2);
        char where[96];
        snprintf(where, sizeof where, "%s:%ld:", path, line);
        CHECK(st2 == CN_EDATA && strncmp(err2.msg, where, strlen(where)) == 0);
    }

    /* quotes (a record could span lines), CRLF and empty lines in the second half, then in the first */
    {
        special sp[] = {{N / 2 + 100, ""}, {3 * N / 4, "2022,\"842\",156,\"260500\",12.5,NA"}, {3 * N / 4 + 1, ""}};
        make_file(N, sp, 3, 7);
        check_both("second half: quotes, CRLF, empty lines", N - 2);
        special sp2[] = {{10, "2021,\"124\",842,\"260500\",5.0,1.0"}, {N / 4, ""}};
        make_file(N, sp2, 2, 0);
        check_both("first half: quotes, an empty line", N - 1);
    }

    /* fields in plain quotes in the first half (and a line of 17 fields with a quote after the 16th) are read
     * in place on two threads: the same table as one thread, and the file is read once (a second reading in
     * order would report the end of the file twice to the progress callback) */
    {
        special sp[] = {{10, "\"2021\",\"124\",842,\"260500\",\"5.5\",\"NA\""},
                        {N / 8, "2022,156,\"276\",\"810520\",7.25,1.5"},
                        {N / 4, "2021,36,842,282200,3.0,2.0,a,b,c,d,e,f,g,h,i,j,\"k\""},
                        {3 * N / 4, "2022,\"842\",156,030111,\"1.0\",NA"}};
        make_file(N, sp, 4, 0);
        check_both("quoted fields in both halves", N);
        for (int threads = 1; threads <= 2; threads++) {
            cn_trade_opts o = {.from = CN_TRADE_LAYOUT_BACI, .exporters_only = 1, .threads = threads,
                               .progress = count_end};
            cn_trade *t = NULL;
            ends = 0;
            CHECK(cn_trade_load(path, &o, &t, &err1) == CN_OK);
            CHECK(ends == 1);
            if (t)
                check_table(t, "quoted fields, progress");
            cn_trade_free(t);
        }
    }

    /* a quoted field with 100,000 line breaks across the middle of the file, where the second reader would
     * start: the file is read again in order, so the message is the one reading in order gives */
    {
        size_t n = 100000;
        char *big = malloc(2 * n + 64), *w = big + sprintf(big, "2022,842,156,\"");
        for (size_t i = 0; i < n; i++)
            w += sprintf(w, "x\n");
        strcpy(w, "\",1.0,2.0");
        special sp[] = {{N / 2, big}};
        make_file(N, sp, 1, 0);
        free(big);
        load(1, 0, &st1, &err1);
        load(2, 0, &st2, &err2);
        CHECK(st1 == CN_EDATA && st2 == CN_EDATA);
        char where[96];
        snprintf(where, sizeof where, "%s:%ld:14: product 'x x x ", path, (long)N / 2 + 2);
        CHECK(strncmp(err1.msg, where, strlen(where)) == 0);
        CHECK(strchr(err1.msg, '\n') == NULL); /* one line, though the field has line breaks */
        CHECK_STR(err2.msg, err1.msg);
    }

    /* more (year, product) pairs than the dense rows hold (16,384): the sums move to the hash map midway and
     * stay right. A plain CSV table: 20,000 products, each exported by Canada (twice) and by Japan. */
    {
        FILE *fp = fopen(path, "wb");
        fputs("exporter,importer,product,year,value,quantity\n", fp);
        for (int p = 0; p < 20000; p++)
            fprintf(fp, "Canada,Japan,P%05d,2020,%d.5,NA\nJapan,Canada,P%05d,2020,1,2\nCanada,Germany,P%05d,2020,2,NA\n",
                    p, p, p, p);
        fclose(fp);
        cn_trade_opts o = {.from = CN_TRADE_LAYOUT_CSV, .exporters_only = 1};
        cn_trade *t = NULL;
        CHECK(cn_trade_load(path, &o, &t, &err1) == CN_OK);
        size_t ok = 0;
        for (size_t i = 0; t && i < t->nflows; i++) {
            const cn_flow *f = &t->flows[i];
            int p = atoi(t->products[f->product] + 1);
            if (strcmp(t->countries[f->exporter], "CAN") == 0) /* p + 0.5 + 2, quantity unknown */
                ok += fabs(f->value - (p + 2.5)) < 1e-9 && isnan(f->quantity) && f->year == 2020;
            else if (strcmp(t->countries[f->exporter], "JPN") == 0)
                ok += f->value == 1 && f->quantity == 2;
        }
        CHECK(t && t->nflows == 40000);
        CHECK(ok == 40000);
        cn_trade_free(t);
    }

    /* two threads when the rows run out (16,384 (year, product) rows): the first reader's table fills up while
     * the second's is merged in (10,000 + 10,000 products), or the second reader's own fills up (100 products
     * repeated, then 17,000 distinct). Every product ends with its one sum. */
    for (int round = 0; round < 2; round++) {
        FILE *fp = fopen(path, "wb");
        fputs("t,i,j,k,v,q\n", fp);
        int first = round == 0 ? 10000 : 17000, second = round == 0 ? 10000 : 17000;
        for (int i = 0; i < first; i++)
            fprintf(fp, "2020,124,842,%06d,1.5,2\n", round == 0 ? 100000 + i : 200000 + i % 100);
        for (int i = 0; i < second; i++)
            fprintf(fp, "2020,156,842,%06d,2.5,NA\n", round == 0 ? 110000 + i : 300000 + i);
        fclose(fp);
        for (int threads = 1; threads <= 2; threads++) {
            cn_trade *t = load(threads, 0, &st1, &err1);
            CHECK(st1 == CN_OK);
            size_t ok = 0, want_flows = round == 0 ? 20000 : 100 + 17000;
            for (size_t i = 0; t && i < t->nflows; i++) {
                const cn_flow *f = &t->flows[i];
                int code = atoi(t->products[f->product]);
                if (strcmp(t->countries[f->exporter], "CAN") == 0) /* round 1: 170 rows of 1.5 per product */
                    ok += f->value == (round == 0 ? 1.5 : 1.5 * 170) && f->quantity == (round == 0 ? 2 : 340) &&
                          code < (round == 0 ? 110000 : 300000);
                else if (strcmp(t->countries[f->exporter], "CHN") == 0)
                    ok += f->value == 2.5 && isnan(f->quantity) && code >= (round == 0 ? 110000 : 300000);
            }
            CHECK(t && t->nflows == want_flows);
            CHECK(ok == want_flows);
            cn_trade_free(t);
        }
    }

    unlink(path);
    return cn_test_done();
}
