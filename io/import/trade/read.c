/* io/trade.c: reading trade tables (BACI, UN Comtrade, plain CSV) by streaming with the CSV reader into a flows
 * table (BACI/CSV: one flow per row; UN Comtrade: reconciled in hash maps); codes and names resolved to ISO3. */
#include "critnet/trade.h"

#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "critnet/csv.h"
#include "critnet/io.h"
#include "import/trade/aggregate_i.h"
#include "import/trade/codes_i.h"
#include "import/trade/maps_i.h"

/* BACI files at least this large, read with exporters_only or importer, are read on two threads
 * (cn_trade_opts.threads) */
#define PARALLEL_MIN_BYTES ((uint64_t)32 << 20)

enum { C_EXP, C_IMP, C_PROD, C_YEAR, C_VALUE, C_QTY, C_FLOW, C_PARTNER_CODE, C_NCOL };
static const char *const col_names[C_NCOL] = {"exporter", "importer", "product", "year", "value", "quantity",
                                              "flow", "partner code"};

/* header names per layout: alternatives separated by '|' */
static const char *const baci_cols[C_NCOL] = {"i", "j", "k", "t", "v", "q", NULL, NULL};
static const char *const comtrade_cols[C_NCOL] = {
    "reporterISO|Reporter ISO|reporterCode|Reporter Code", "partnerISO|Partner ISO|partnerCode|Partner Code",
    "cmdCode|Commodity Code", "refYear|Year|period|Period", "primaryValue|Trade Value (US$)",
    "netWgt|Netweight (kg)", "flowCode|Trade Flow Code", "partnerCode|Partner Code"};
static const char *const csv_cols[C_NCOL] = {"exporter", "importer", "product", "year", "value", "quantity",
                                             NULL, NULL};

struct cn_trade_maps {
    cn_strmap countries; /* iso3 -> index */
    cn_strmap names;     /* a name or code as written -> country index, or -1 (unknown) */
    cn_strmap products;  /* product as written (normalised) -> index */
    unsigned char *allowed;
    size_t allowed_cap;
    int32_t numeric[1000]; /* numeric country code -> index; -2 = not looked up, -1 = unknown */
    uint64_t *hs6;         /* small cache-resident hash: (HS6 code as a number + 1) << 32 | product index */
    size_t hs6_cap, hs6_n;
    cn_flowmap flows, totals, xflows; /* UN Comtrade: importer-reported, World totals, exporter-reported */
    cn_flow *rows;                    /* BACI and CSV: one flow per row (summed when the network is built) */
    size_t nrows, caprows;
    cn_expagg exp;                    /* exporters_only: world exports per (year, product, exporter) */
    cn_flow batch[256];               /* rows waiting to be summed into exp */
    size_t nbatch;
};

typedef struct loader {
    cn_trade *t;
    struct cn_trade_maps *m;
    const cn_trade_opts *o;
    cn_csv *csv;
    int col[C_NCOL];
    int numeric_countries; /* reporter/partner/i/j are numeric codes */
    size_t need;           /* fields a row must have */
    char **prefixes;       /* --products: HS prefixes and codes; NULL = all */
    size_t nprefixes;
    int fast;              /* reading a plain line in place (fast_row): a malformed row is re-read, not reported */
    int32_t importer;      /* opts->importer's country index, or -1 */
    int saw_quote;         /* fast_row met a quote (a record may span lines) */
    uint64_t progress_total;
    /* a part of the file read on a thread (read_parallel) */
    int part, stopped;     /* stopped: at a line it does not take, which starts at stop_off, line stop_line */
    uint64_t stop_off;
    long stop_line;
    cn_status part_st;
    cn_error part_err;
} loader;

int cn_trade_layout_parse(const char *s, cn_trade_layout *out)
{
    if (strcmp(s, "baci") == 0)
        *out = CN_TRADE_BACI;
    else if (strcmp(s, "comtrade") == 0)
        *out = CN_TRADE_COMTRADE;
    else if (strcmp(s, "csv") == 0)
        *out = CN_TRADE_CSV;
    else
        return -1;
    return 0;
}

static const char *layout_name(cn_trade_layout l)
{
    return l == CN_TRADE_BACI ? "BACI" : l == CN_TRADE_COMTRADE ? "UN Comtrade" : "CSV";
}

/* index of the first header field matching one of the '|'-separated names, or -1 */
static int find_col(char **field, size_t n, const char *names, int icase)
{
    if (!names)
        return -1;
    const char *p = names;
    while (*p) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        for (size_t i = 0; i < n; i++)
            if (strlen(field[i]) == len &&
                (icase ? strncasecmp(field[i], p, len) == 0 : strncmp(field[i], p, len) == 0))
                return (int)i;
        p += len + (bar ? 1 : 0);
    }
    return -1;
}

cn_trade_layout cn_trade_detect(char **field, size_t n)
{
    int baci = 1;
    for (int c = 0; c < C_FLOW; c++)
        baci &= find_col(field, n, baci_cols[c], 0) >= 0;
    if (baci)
        return CN_TRADE_BACI;
    if (find_col(field, n, comtrade_cols[C_EXP], 0) >= 0 && find_col(field, n, comtrade_cols[C_PROD], 0) >= 0 &&
        find_col(field, n, comtrade_cols[C_FLOW], 0) >= 0)
        return CN_TRADE_COMTRADE;
    if (find_col(field, n, "exporter", 1) >= 0 && find_col(field, n, "importer", 1) >= 0 &&
        find_col(field, n, "product", 1) >= 0)
        return CN_TRADE_CSV;
    return CN_TRADE_AUTO;
}

int cn_trade_sniff(const char *path)
{
    if (strcmp(path, "-") == 0)
        return 0;
    cn_csv *r;
    cn_error err;
    cn_csv_row row;
    if (cn_csv_open(path, ',', &r, &err) != CN_OK)
        return 0;
    int yes = cn_csv_next(r, &row, &err) == 1 && cn_trade_detect(row.field, row.n) != CN_TRADE_AUTO;
    cn_csv_close(r);
    return yes;
}

/* --columns exporter=COL,...: sets ld->col from the header */
static cn_status csv_columns(loader *ld, char **field, size_t n, cn_error *err)
{
    const char *spec = ld->o->columns;
    if (!spec) {
        for (int c = 0; c < C_FLOW; c++)
            ld->col[c] = find_col(field, n, csv_cols[c], 1);
        return CN_OK;
    }
    char *copy = cn_strdup(spec);
    if (!copy)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    cn_status st = CN_OK;
    for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok && !st; tok = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(tok, '=');
        int c = -1;
        if (eq) {
            *eq = '\0';
            for (int k = 0; k < C_FLOW; k++)
                if (strcmp(tok, col_names[k]) == 0)
                    c = k;
        }
        if (c < 0) {
            st = cn_error_set(err, CN_EUSAGE, "--columns '%s': expected KEY=COLUMN with KEY one of exporter, "
                              "importer, product, year, value, quantity", spec);
        } else if ((ld->col[c] = find_col(field, n, eq + 1, 0)) < 0) {
            st = cn_error_set(err, CN_EDATA, "%s:1: no column '%s' (for %s) in the header", cn_csv_path(ld->csv),
                              eq + 1, tok);
        }
    }
    free(copy);
    return st;
}

static cn_status read_header(loader *ld, cn_error *err)
{
    cn_csv_row row;
    int rc = cn_csv_next(ld->csv, &row, err);
    if (rc < 0)
        return err->status;
    const char *path = cn_csv_path(ld->csv);
    if (rc == 0)
        return cn_error_set(err, CN_EDATA, "%s: empty file; expected a trade table with a header", path);
    cn_trade_layout l = ld->o->from;
    if (l == CN_TRADE_AUTO && ld->o->columns)
        l = CN_TRADE_CSV;
    if (l == CN_TRADE_AUTO)
        l = cn_trade_detect(row.field, row.n);
    if (l == CN_TRADE_AUTO)
        return cn_error_set(err, CN_EDATA, "%s:1: not a known trade-table header (BACI t,i,j,k,v,q; UN Comtrade "
                            "reporterCode,...,cmdCode; or exporter,importer,product); give --from and --columns",
                            path);
    ld->t->layout = l;
    for (int c = 0; c < C_NCOL; c++)
        ld->col[c] = -1;
    if (l == CN_TRADE_CSV) {
        cn_status st = csv_columns(ld, row.field, row.n, err);
        if (st)
            return st;
    } else {
        const char *const *names = l == CN_TRADE_BACI ? baci_cols : comtrade_cols;
        for (int c = 0; c < C_NCOL; c++)
            ld->col[c] = find_col(row.field, row.n, names[c], 0);
    }
    ld->numeric_countries = l == CN_TRADE_BACI;
    if (l == CN_TRADE_COMTRADE) {
        /* ISO columns first; numeric reporter/partner codes otherwise */
        ld->numeric_countries = find_col(row.field, row.n, "reporterISO|Reporter ISO", 0) < 0;
        if (ld->col[C_FLOW] < 0 || ld->col[C_PARTNER_CODE] < 0)
            ld->col[C_PARTNER_CODE] = -1;
    }
    static const int required[] = {C_EXP, C_IMP, C_PROD};
    for (size_t k = 0; k < sizeof required / sizeof *required; k++)
        if (ld->col[required[k]] < 0)
            return cn_error_set(err, CN_EDATA, "%s:1: %s header has no %s column%s", path, layout_name(l),
                                col_names[required[k]],
                                l == CN_TRADE_CSV ? "; name it with --columns" : "");
    if (ld->col[C_VALUE] < 0 && ld->col[C_QTY] < 0)
        return cn_error_set(err, CN_EDATA, "%s:1: %s header has neither a value nor a quantity column", path,
                            layout_name(l));
    if (l == CN_TRADE_COMTRADE && ld->col[C_FLOW] < 0)
        return cn_error_set(err, CN_EDATA, "%s:1: UN Comtrade header has no flowCode column", path);
    for (int c = 0; c < C_NCOL; c++)
        if (ld->col[c] >= 0 && (size_t)ld->col[c] + 1 > ld->need)
            ld->need = (size_t)ld->col[c] + 1;
    return CN_OK;
}

/* reports a malformed row: fatal (-1, err set) or counted (0) with skip_bad */
static int bad_row(loader *ld, cn_error *err, const cn_csv_row *row, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static int bad_row(loader *ld, cn_error *err, const cn_csv_row *row, int col, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    if (ld->fast)
        return -2; /* the CSV reader reads the line again and the message quotes its fields */
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    for (char *c = msg; *c; c++)
        if ((unsigned char)*c < 0x20)
            *c = ' '; /* a quoted field may hold line breaks: the message stays one line */
    long c = col >= 0 && (size_t)col < row->n ? (long)(row->field[col] - row->field[0]) + 1 : 1;
    if (c < 1)
        c = 1;
    cn_error_set(err, CN_EDATA, "%s:%ld:%ld: %s", cn_csv_path(ld->csv), row->line, c, msg);
    if (!ld->o->skip_bad)
        return -1;
    if (!ld->t->first_bad)
        ld->t->first_bad = cn_strdup(err->msg);
    ld->t->nbad++;
    return 0;
}

static int32_t add_country(loader *ld, const char *iso3)
{
    size_t slot;
    int32_t ix = cn_strmap_get(&ld->m->countries, iso3, strlen(iso3), &slot);
    if (ix >= 0)
        return ix;
    if (ld->t->ncountries >= CN_TRADE_WORLD)
        return -3;
    char **c = realloc(ld->t->countries, (ld->t->ncountries + 1) * sizeof *c);
    if (!c)
        return -3;
    ld->t->countries = c;
    if (!(c[ld->t->ncountries] = cn_strdup(iso3)) ||
        cn_strmap_put(&ld->m->countries, slot, iso3, strlen(iso3), (int32_t)ld->t->ncountries))
        return -3;
    return (int32_t)ld->t->ncountries++;
}

/* a country field -> index; -1 unknown, -3 out of memory */
static int32_t country(loader *ld, const char *s, size_t len)
{
    if (ld->numeric_countries && len > 0 && len <= 3) {
        int code = 0;
        size_t i = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            code = code * 10 + (s[i++] - '0');
        if (i == len) {
            int32_t *ix = &ld->m->numeric[code];
            if (*ix == -2) {
                const cn_baci_country *b = cn_baci_country_by_code(code);
                *ix = b ? add_country(ld, b->iso3) : -1;
            }
            return *ix;
        }
    }
    if (ld->numeric_countries || len == 0)
        return -1;
    size_t slot;
    int32_t ix = cn_strmap_get(&ld->m->names, s, len, &slot);
    if (ix != -1)
        return ix == -4 ? -1 : ix; /* -4: cached as unknown */
    const char *iso3 = cn_baci_iso3_by_name(s); /* s is NUL-terminated: a field of the reader */
    if (!iso3)
        iso3 = cn_country_iso3(s);
    ix = iso3 ? add_country(ld, iso3) : -4;
    if (ix == -3 || cn_strmap_put(&ld->m->names, slot, s, len, ix))
        return -3;
    return ix == -4 ? -1 : ix;
}

/* whether a product passes --products */
static int product_allowed(const loader *ld, const char *code)
{
    if (!ld->prefixes)
        return 1;
    for (size_t i = 0; i < ld->nprefixes; i++)
        if (strncmp(code, ld->prefixes[i], strlen(ld->prefixes[i])) == 0)
            return 1;
    return 0;
}

static size_t hs6_slot(const struct cn_trade_maps *m, int32_t code)
{
    size_t j = (size_t)(((uint32_t)code * 2654435761u) >> 8) & (m->hs6_cap - 1);
    while (m->hs6[j] && (int32_t)(m->hs6[j] >> 32) - 1 != code)
        j = (j + 1) & (m->hs6_cap - 1);
    return j;
}

static int32_t hs6_get(const struct cn_trade_maps *m, int32_t code)
{
    if (!m->hs6_cap)
        return -1;
    uint64_t x = m->hs6[hs6_slot(m, code)];
    return x ? (int32_t)(uint32_t)x : -1;
}

static int hs6_put(struct cn_trade_maps *m, int32_t code, int32_t ix)
{
    if (2 * (m->hs6_n + 1) > m->hs6_cap) {
        uint64_t *old = m->hs6;
        size_t ocap = m->hs6_cap;
        m->hs6_cap = ocap ? 2 * ocap : 16384;
        if (!(m->hs6 = calloc(m->hs6_cap, sizeof *m->hs6))) {
            m->hs6 = old;
            m->hs6_cap = ocap;
            return -1;
        }
        for (size_t i = 0; i < ocap; i++)
            if (old[i])
                m->hs6[hs6_slot(m, (int32_t)(old[i] >> 32) - 1)] = old[i];
        free(old);
    }
    m->hs6[hs6_slot(m, code)] = (uint64_t)(uint32_t)(code + 1) << 32 | (uint32_t)ix;
    m->hs6_n++;
    return 0;
}

/* a product field -> index, -1 filtered out, -2 malformed, -3 out of memory */
static int32_t product(loader *ld, const char *s, size_t len)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf - 1)
        return -2;
    if (ld->t->layout != CN_TRADE_CSV) {
        for (size_t i = 0; i < len; i++)
            if (s[i] < '0' || s[i] > '9')
                return ld->t->layout == CN_TRADE_COMTRADE ? -1 : -2; /* Comtrade "TOTAL": an aggregate */
        if (len == 5) { /* an HS6 code whose leading zero a spreadsheet dropped */
            buf[0] = '0';
            memcpy(buf + 1, s, len);
            s = buf;
            len = 6;
        }
    }
    size_t slot;
    int32_t code = -1, ix;
    if (len == 6 && ld->t->layout != CN_TRADE_CSV) { /* the common case: a small integer-keyed table */
        code = 0;
        for (size_t i = 0; i < 6; i++)
            code = code * 10 + (s[i] - '0');
        int32_t hit = hs6_get(ld->m, code);
        if (hit >= 0)
            return ld->m->allowed[hit] ? hit : -1;
    }
    ix = cn_strmap_get(&ld->m->products, s, len, &slot);
    if (ix < 0) {
        cn_trade *t = ld->t;
        char **p = realloc(t->products, (t->nproducts + 1) * sizeof *p);
        if (!p)
            return -3;
        t->products = p;
        if (t->nproducts + 1 > ld->m->allowed_cap) {
            size_t cap = ld->m->allowed_cap ? 2 * ld->m->allowed_cap : 1024;
            unsigned char *a = realloc(ld->m->allowed, cap);
            if (!a)
                return -3;
            ld->m->allowed = a;
            ld->m->allowed_cap = cap;
        }
        if (!(p[t->nproducts] = cn_strndup(s, len)) ||
            cn_strmap_put(&ld->m->products, slot, s, len, (int32_t)t->nproducts))
            return -3;
        ld->m->allowed[t->nproducts] = (unsigned char)product_allowed(ld, p[t->nproducts]);
        ix = (int32_t)t->nproducts++;
    }
    if (code >= 0 && hs6_put(ld->m, code, ix))
        return -3;
    return ld->m->allowed[ix] ? ix : -1;
}

/* a value or quantity: NAN when missing ("", "NA"); -1 when malformed or negative */
static int amount(const char *s, size_t len, int zero_missing, double *out)
{
    if (len == 0 || (len == 2 && s[0] == 'N' && s[1] == 'A')) {
        *out = NAN;
        return 0;
    }
    if (cn_parse_double(s, len, 0, out) != 0 || *out < 0)
        return -1;
    if (zero_missing && *out == 0.0)
        *out = NAN;
    return 0;
}

static int push_row(struct cn_trade_maps *m, const cn_flow *f)
{
    if (m->nrows == m->caprows) {
        size_t cap = m->caprows ? m->caprows + m->caprows / 2 : 4096;
        cn_flow *r = realloc(m->rows, cap * sizeof *r);
        if (!r)
            return -1;
        cn_hugepage_hint(r, cap * sizeof *r);
        m->rows = r;
        m->caprows = cap;
    }
    m->rows[m->nrows++] = *f;
    return 0;
}

/* exporters_only: sums the waiting rows into the (exporter, world, product, year) flows */
static int flush_batch(struct cn_trade_maps *m)
{
    int rc = cn_expagg_add(&m->exp, m->batch, m->nbatch);
    m->nbatch = 0;
    return rc;
}

/* parses and aggregates one data row: 0 ok or skipped, -1 error (-2 malformed, in fast mode) */
static int row_in(loader *ld, const cn_csv_row *row, cn_error *err)
{
    cn_trade *t = ld->t;
    const int *col = ld->col;
    if (row->n < ld->need)
        return bad_row(ld, err, row, (int)row->n - 1, "expected at least %zu fields, found %zu", ld->need, row->n);
    cn_flow f = {0, 0, 0, 0, NAN, NAN};
    int comtrade = t->layout == CN_TRADE_COMTRADE, imports = 0;
    if (comtrade) {
        const char *fl = row->field[col[C_FLOW]];
        if (strcmp(fl, "M") == 0 || strcmp(fl, "1") == 0)
            imports = 1;
        else if (strcmp(fl, "X") != 0 && strcmp(fl, "2") != 0) {
            t->nfiltered++; /* re-exports, re-imports and other flows */
            return 0;
        }
    }
    if (col[C_YEAR] >= 0) {
        const char *y = row->field[col[C_YEAR]];
        size_t yl = row->len[col[C_YEAR]];
        if (comtrade && yl == 6)
            yl = 4; /* period YYYYMM */
        int year = 0;
        for (size_t i = 0; i < yl; i++) {
            if (y[i] < '0' || y[i] > '9' || i >= 4)
                return bad_row(ld, err, row, col[C_YEAR], "year '%s': expected a 4-digit year", y);
            year = year * 10 + (y[i] - '0');
        }
        if (yl != 4)
            return bad_row(ld, err, row, col[C_YEAR], "year '%s': expected a 4-digit year", y);
        if (ld->o->year && year != ld->o->year) {
            t->nfiltered++;
            return 0;
        }
        f.year = year;
    }
    int32_t p = product(ld, row->field[col[C_PROD]], row->len[col[C_PROD]]);
    if (p == -3)
        return cn_error_set(err, CN_ENOMEM, "out of memory"), -1;
    if (p == -2)
        return bad_row(ld, err, row, col[C_PROD], "product '%s': expected an HS code (digits)",
                       row->field[col[C_PROD]]);
    if (p == -1) {
        t->nfiltered++;
        return 0;
    }
    f.product = (uint32_t)p;
    int world = 0;
    if (comtrade) {
        const char *pc = row->field[col[C_IMP]];
        world = strcmp(pc, "0") == 0 || strcmp(pc, "W00") == 0 || strcasecmp(pc, "World") == 0 ||
                (col[C_PARTNER_CODE] >= 0 && strcmp(row->field[col[C_PARTNER_CODE]], "0") == 0);
    }
    int32_t a = country(ld, row->field[col[C_EXP]], row->len[col[C_EXP]]);
    int32_t b = world ? (int32_t)CN_TRADE_WORLD : country(ld, row->field[col[C_IMP]], row->len[col[C_IMP]]);
    if (a == -3 || b == -3)
        return cn_error_set(err, CN_ENOMEM, "out of memory (or more than 65534 countries)"), -1;
    if (a < 0 || b < 0) {
        int c = a < 0 ? col[C_EXP] : col[C_IMP];
        return bad_row(ld, err, row, c, "unknown country %s '%s'",
                       ld->numeric_countries ? "code" : "name", row->field[c]);
    }
    if (col[C_VALUE] >= 0 && amount(row->field[col[C_VALUE]], row->len[col[C_VALUE]], 0, &f.value))
        return bad_row(ld, err, row, col[C_VALUE], "value '%s': expected a number >= 0 or NA",
                       row->field[col[C_VALUE]]);
    if (col[C_QTY] >= 0 && amount(row->field[col[C_QTY]], row->len[col[C_QTY]], comtrade, &f.quantity))
        return bad_row(ld, err, row, col[C_QTY], "quantity '%s': expected a number >= 0 or NA",
                       row->field[col[C_QTY]]);
    cn_flowmap *into = &ld->m->flows;
    if (comtrade) {
        f.value /= 1000.0;    /* US dollars -> thousand US dollars */
        f.quantity /= 1000.0; /* kg -> metric tons */
        if (world) {
            if (!imports) {
                t->nfiltered++; /* an exporter's world total: world exports come from the flows */
                return 0;
            }
            f.exporter = CN_TRADE_WORLD;
            f.importer = (uint16_t)a;
            into = &ld->m->totals;
        } else {
            f.exporter = (uint16_t)(imports ? b : a);
            f.importer = (uint16_t)(imports ? a : b);
            if (!imports)
                into = &ld->m->xflows;
        }
    } else {
        f.exporter = (uint16_t)a;
        f.importer = (uint16_t)b;
    }
    if (!comtrade && (ld->o->exporters_only || ld->importer >= 0)) {
        if (f.exporter == f.importer)
            return 0; /* a country's trade with itself (merged BACI codes): never part of world exports */
        if (f.importer == ld->importer && push_row(ld->m, &f))
            return cn_error_set(err, CN_ENOMEM, "out of memory"), -1;
        f.importer = CN_TRADE_WORLD;
        ld->m->batch[ld->m->nbatch++] = f;
        if (ld->m->nbatch == sizeof ld->m->batch / sizeof *ld->m->batch && flush_batch(ld->m))
            return cn_error_set(err, CN_ENOMEM, "out of memory"), -1;
        return 0;
    }
    if (!comtrade)
        return push_row(ld->m, &f) ? (cn_error_set(err, CN_ENOMEM, "out of memory"), -1) : 0;
    if (cn_flowmap_add(into, &f))
        return cn_error_set(err, CN_ENOMEM, "out of memory"), -1;
    return 0;
}

/* BACI lines are plain numbers: split in one pass where they stand in the reader's buffer. 1: the row is
 * in; 0: read the line as a CSV record instead (quotes, carriage returns, an empty line, a malformed row:
 * the record reader and row_in then give the exact message); -1: error */
static int fast_row(loader *ld, char *line, size_t len, long lineno, cn_error *err)
{
    enum { MAXF = 16 };
    char *field[MAXF];
    size_t flen[MAXF], n = 0;
    if (len && line[len - 1] == '\r')
        len--; /* CRLF line ending */
    char *f = line, *end = line + len;
    for (char *q = line;; q++) {
        if (q == end || *q == ',') {
            if (n == MAXF)
                return 0;
            field[n] = f;
            flen[n++] = (size_t)(q - f);
            if (q == end)
                break;
            f = q + 1;
        } else if (*q == '"' || *q == '\r') {
            ld->saw_quote |= *q == '"';
            return 0;
        }
    }
    if (len == 0)
        return 0; /* an empty line: the reader skips it */
    cn_csv_row row = {field, flen, n, lineno};
    ld->fast = 1;
    int rc = row_in(ld, &row, err);
    ld->fast = 0;
    if (rc == -2)
        return 0;
    ld->t->rows += rc == 0;
    return rc < 0 ? -1 : 1;
}

/* --products: HS codes (prefixes) and mineral ids (every HS code of the mineral in hs_minerals.csv) */
static cn_status products_filter(loader *ld, cn_error *err)
{
    const char *spec = ld->o->products;
    if (!spec)
        return CN_OK;
    char *copy = cn_strdup(spec);
    if (!copy)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    cn_status st = CN_OK;
    for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok && !st; tok = strtok_r(NULL, ",", &save)) {
        int digits = 1, found = 0;
        for (const char *c = tok; *c; c++)
            digits &= isdigit((unsigned char)*c) != 0;
        char *colon = strchr(tok, ':');
        for (size_t i = 0; !digits && cn_hs_get(i); i++) {
            const cn_hs_mineral *h = cn_hs_get(i);
            int match = colon ? strncmp(h->mineral, tok, (size_t)(colon - tok)) == 0 &&
                                    h->mineral[colon - tok] == '\0' && strcmp(h->stage, colon + 1) == 0
                              : strcmp(h->mineral, tok) == 0;
            if (!match)
                continue;
            found = 1;
            char **p = realloc(ld->prefixes, (ld->nprefixes + 1) * sizeof *p);
            if (!p || !(p[ld->nprefixes] = cn_strdup(h->hs6))) {
                if (p)
                    ld->prefixes = p;
                st = cn_error_set(err, CN_ENOMEM, "out of memory");
                break;
            }
            ld->prefixes = p;
            ld->nprefixes++;
        }
        if (digits && *tok) {
            char **p = realloc(ld->prefixes, (ld->nprefixes + 1) * sizeof *p);
            if (p)
                ld->prefixes = p;
            if (!p || !(p[ld->nprefixes] = cn_strdup(tok)))
                st = cn_error_set(err, CN_ENOMEM, "out of memory");
            else
                ld->nprefixes++;
        } else if (!found && !st) {
            st = cn_error_set(err, CN_EUSAGE, "--products '%s': not an HS code or a mineral of hs_minerals.csv "
                              "(mineral or mineral:stage)", tok);
        }
    }
    free(copy);
    if (!st && !ld->prefixes)
        st = cn_error_set(err, CN_EUSAGE, "--products '%s': expected HS codes or minerals", spec);
    return st;
}

/* UN Comtrade: importer-reported flows first; an exporter's report fills a pair the importer did not report */
static int merge_exports(struct cn_trade_maps *m)
{
    for (size_t i = 0; i < m->xflows.cap; i++)
        if (cn_flowmap_used(&m->xflows, i) && !cn_flowmap_find(&m->flows, &m->xflows.slots[i]) &&
            cn_flowmap_add(&m->flows, &m->xflows.slots[i]))
            return -1;
    return 0;
}

static void loader_done(loader *ld)
{
    for (size_t i = 0; i < ld->nprefixes; i++)
        free(ld->prefixes[i]);
    free(ld->prefixes);
    cn_csv_close(ld->csv);
    struct cn_trade_maps *m = ld->m;
    cn_strmap_free(&m->countries);
    cn_strmap_free(&m->names);
    cn_strmap_free(&m->products);
    free(m->allowed);
    free(m->hs6);
    cn_flowmap_free(&m->xflows);
    cn_expagg_free(&m->exp);
    if (ld->t->world_exports) {
        free(m->rows); /* the flows were taken from exp (take_exports) */
    } else if (ld->t->layout == CN_TRADE_COMTRADE) {
        ld->t->flows = cn_flowmap_take(&m->flows, &ld->t->nflows);
        free(m->rows);
    } else {
        ld->t->flows = m->nrows < m->caprows ? realloc(m->rows, (m->nrows + 1) * sizeof *m->rows) : m->rows;
        if (!ld->t->flows)
            ld->t->flows = m->rows;
        ld->t->nflows = m->nrows;
    }
    ld->t->totals = cn_flowmap_take(&m->totals, &ld->t->ntotals);
    free(m);
    ld->t->maps = NULL;
}

/* reads the table at path, or in data[0..len) (named path in messages) when data is not NULL */
/* reads the records of ld->csv to its end. A part read on a thread (ld->part) takes plain lines only: the
 * first line fast_row does not take ends the part, its place kept to be read again in file order. */
static cn_status read_rows(loader *ld, cn_error *err)
{
    cn_trade *t = ld->t;
    const cn_trade_opts *opts = ld->o;
    cn_csv_row row;
    int rc, fast = t->layout == CN_TRADE_BACI;
    for (;;) {
        int have = 0; /* a line is waiting that fast_row did not take */
        if (fast) {
            char *line;
            size_t len;
            long lineno;
            if ((have = cn_csv_peek_line(ld->csv, &line, &len, &lineno, err)) < 0)
                return err->status;
            int got = have ? fast_row(ld, line, len, lineno, err) : 0;
            if (got < 0)
                return err->status;
            if (got > 0) {
                cn_csv_skip_line(ld->csv);
                if (opts->progress && (t->rows & 0xFFFF) == 0)
                    opts->progress(cn_csv_offset(ld->csv), ld->progress_total, opts->progress_ctx);
                continue;
            }
        }
        if (ld->part) {
            if ((ld->stopped = have > 0))
                cn_csv_tell(ld->csv, &ld->stop_off, &ld->stop_line);
            return CN_OK;
        }
        if ((rc = cn_csv_next(ld->csv, &row, err)) == 0)
            return CN_OK;
        if (rc < 0) {
            if (!opts->skip_bad || err->status != CN_EDATA || cn_csv_recover(ld->csv) != 0)
                return err->status;
            if (!t->first_bad)
                t->first_bad = cn_strdup(err->msg);
            t->nbad++;
            continue;
        }
        t->rows++;
        if (row_in(ld, &row, err) < 0)
            return err->status;
        if (opts->progress && (t->rows & 0xFFFF) == 0)
            opts->progress(cn_csv_offset(ld->csv), ld->progress_total, opts->progress_ctx);
    }
}

static cn_status loader_init(loader *ld, const cn_trade_opts *opts, cn_error *err)
{
    memset(ld, 0, sizeof *ld);
    ld->t = calloc(1, sizeof *ld->t);
    ld->m = calloc(1, sizeof *ld->m);
    if (!ld->t || !ld->m) {
        free(ld->t);
        free(ld->m);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    for (int i = 0; i < 1000; i++)
        ld->m->numeric[i] = -2;
    ld->t->maps = ld->m;
    ld->o = opts;
    ld->importer = -1;
    return CN_OK;
}

static void *part_main(void *arg)
{
    loader *ld = arg;
    ld->part_st = read_rows(ld, &ld->part_err);
    if (!ld->part_st && ld->m->nbatch && flush_batch(ld->m))
        ld->part_st = cn_error_set(&ld->part_err, CN_ENOMEM, "out of memory");
    return NULL;
}

/* exporters_only: the summed world exports become the table's flows; importer: its exports */
static int take_exports(loader *ld)
{
    if (ld->importer >= 0)
        return cn_expagg_take(&ld->m->exp, &ld->t->exports, &ld->t->nexports);
    ld->t->world_exports = 1;
    return cn_expagg_take(&ld->m->exp, &ld->t->flows, &ld->t->nflows);
}

/* the second part's world exports, summed into the first's (country and product indices translated) */
static int merge_part(loader *a, loader *b)
{
    int32_t *cix = malloc((b->t->ncountries + 1) * sizeof *cix), *pix = malloc((b->t->nproducts + 1) * sizeof *pix);
    int rc = !cix || !pix ? -1 : 0;
    for (uint32_t i = 0; !rc && i < b->t->ncountries; i++)
        rc = (cix[i] = add_country(a, b->t->countries[i])) < 0 ? -1 : 0;
    for (uint32_t i = 0; !rc && i < b->t->nproducts; i++)
        rc = (pix[i] = product(a, b->t->products[i], strlen(b->t->products[i]))) < -1 ? -1 : 0;
    if (!rc)
        rc = cn_expagg_merge(&a->m->exp, &b->m->exp, cix, b->t->ncountries, pix);
    for (size_t i = 0; !rc && i < b->m->nrows; i++) { /* the importer's rows (opts->importer) */
        cn_flow f = b->m->rows[i];
        f.exporter = (uint16_t)cix[f.exporter];
        f.importer = (uint16_t)cix[f.importer];
        f.product = (uint32_t)pix[f.product];
        rc = push_row(a->m, &f);
    }
    a->t->rows += b->t->rows;
    a->t->nfiltered += b->t->nfiltered;
    free(cix);
    free(pix);
    return rc;
}

/* the start of the first line at or after offset at, or 0 when there is none */
static uint64_t line_start_after(const char *path, uint64_t at)
{
    FILE *fp = fopen(path, "rb");
    char buf[1 << 16];
    uint64_t found = 0;
    if (fp && fseeko(fp, (off_t)at, SEEK_SET) == 0) {
        size_t got = fread(buf, 1, sizeof buf, fp);
        char *nl = memchr(buf, '\n', got);
        if (nl && (size_t)(nl - buf) + 1 < got)
            found = at + (uint64_t)(nl - buf) + 1;
    }
    if (fp)
        fclose(fp);
    return found;
}

/* exporters_only or importer, BACI, a large regular file: the second half is read on a thread while this one
 * reads the first. Both sum into their own tables (and keep the importer's rows), merged after; the result is that of reading in order (sums may
 * differ in the last bits). A line the thread does not take (a malformed row, quotes) is read again here, in
 * order, with its true line number; a quote in the first half (a record might span the split) makes the
 * caller read the whole file again in order (*redo). */
static cn_status read_parallel(loader *a, const char *path, uint64_t total, int *redo, cn_error *err)
{
    uint64_t from, split;
    long line;
    cn_csv_tell(a->csv, &from, &line);
    if (total <= from || !(split = line_start_after(path, from + (total - from) / 2)))
        return read_rows(a, err);
    cn_trade_opts bo = *a->o;
    bo.progress = NULL;
    bo.skip_bad = 0;
    loader b;
    cn_status st = loader_init(&b, &bo, err);
    if (st)
        return st;
    b.t->layout = a->t->layout;
    memcpy(b.col, a->col, sizeof b.col);
    b.numeric_countries = a->numeric_countries;
    b.need = a->need;
    b.prefixes = a->prefixes; /* shared, read-only; a frees them */
    b.nprefixes = a->nprefixes;
    b.part = 1;
    if (a->importer >= 0 && (b.importer = add_country(&b, a->t->countries[a->importer])) < 0) {
        b.prefixes = NULL;
        loader_done(&b);
        cn_trade_free(b.t);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    pthread_t th;
    int started = 0;
    /* when the second reader cannot be set up, this one reads it all */
    if (cn_csv_open(path, ',', &b.csv, &b.part_err) == CN_OK && cn_csv_seek(b.csv, split, 1, &b.part_err) == CN_OK)
        started = pthread_create(&th, NULL, part_main, &b) == 0;
    if (started && cn_csv_set_limit(a->csv, split) != 0) { /* not expected: only the header was parsed */
        pthread_join(th, NULL);
        started = 0;
    }
    a->progress_total = started ? split : total;
    st = read_rows(a, err);
    if (started)
        pthread_join(th, NULL);
    a->progress_total = total;
    *redo = a->saw_quote;
    if (!st && started && b.part_st)
        st = (*err = b.part_err, b.part_st);
    if (!st && started && !*redo) {
        long at_split;
        cn_csv_tell(a->csv, &from, &at_split);
        if (merge_part(a, &b))
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
        else if (b.stopped && !(st = cn_csv_seek(a->csv, b.stop_off, at_split + b.stop_line - 1, err)))
            st = read_rows(a, err);
    }
    b.prefixes = NULL;
    b.nprefixes = 0;
    loader_done(&b);
    cn_trade_free(b.t);
    return st;
}

/* reads the table at path, or in data[0..len) (named path in messages) when data is not NULL */
static cn_status trade_read(const char *path, const char *data, size_t len, const cn_trade_opts *opts,
                            int parallel, cn_trade **out, cn_error *err)
{
    *out = NULL;
    loader ld;
    cn_status st = loader_init(&ld, opts, err);
    if (st)
        return st;
    cn_trade *t = ld.t;
    struct cn_trade_maps *m = ld.m;
    st = products_filter(&ld, err);
    if (!st)
        st = data ? cn_csv_open_mem(data, len, path, ',', &ld.csv, err) : cn_csv_open(path, ',', &ld.csv, err);
    if (!st)
        st = read_header(&ld, err);
    uint64_t total = ld.csv ? cn_csv_size(ld.csv) : 0;
    ld.progress_total = total;
    /* a whole file, unfiltered: size the rows once (about 25 bytes a BACI row) so they are never copied */
    if (!st && t->layout != CN_TRADE_COMTRADE && opts->importer && !opts->exporters_only) {
        /* an importer that is no country filters nothing: the caller finds it is not in the network */
        const char *iso3 = cn_country_iso3(opts->importer);
        if (iso3 && (ld.importer = add_country(&ld, iso3)) == -3)
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    /* world exports summed while reading (exporters_only, importer) */
    int summing = t->layout != CN_TRADE_COMTRADE && (opts->exporters_only || ld.importer >= 0);
    if (!st && total && !opts->products && !opts->year && !summing && t->layout != CN_TRADE_COMTRADE) {
        m->caprows = (size_t)(total / 25) + 1;
        if (!(m->rows = malloc(m->caprows * sizeof *m->rows)))
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
        cn_hugepage_hint(m->rows, m->caprows * sizeof *m->rows);
    }
    int redo = 0;
    parallel = parallel && !data && summing && t->layout == CN_TRADE_BACI && total &&
               (opts->threads == 2 || (opts->threads == 0 && total >= PARALLEL_MIN_BYTES &&
                                       sysconf(_SC_NPROCESSORS_ONLN) >= 2));
    if (!st)
        st = parallel ? read_parallel(&ld, path, total, &redo, err) : read_rows(&ld, err);
    if (!st && m->nbatch && flush_batch(m))
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
    if (!st && summing && take_exports(&ld))
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
    if (!st && t->layout == CN_TRADE_COMTRADE && merge_exports(m))
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
    if (!st && opts->progress)
        opts->progress(total ? total : cn_csv_offset(ld.csv), total, opts->progress_ctx);
    loader_done(&ld);
    if (redo) {
        cn_trade_free(t);
        return trade_read(path, data, len, opts, 0, out, err);
    }
    if (st) {
        cn_trade_free(t);
        return st;
    }
    *out = t;
    return CN_OK;
}

cn_status cn_trade_load(const char *path, const cn_trade_opts *opts, cn_trade **out, cn_error *err)
{
    return trade_read(path, NULL, 0, opts, 1, out, err);
}

cn_status cn_trade_load_mem(const char *data, size_t len, const char *name, const cn_trade_opts *opts,
                            cn_trade **out, cn_error *err)
{
    return trade_read(name, data ? data : "", len, opts, 0, out, err);
}

void cn_trade_free(cn_trade *t)
{
    if (!t)
        return;
    for (uint32_t i = 0; i < t->ncountries; i++)
        free(t->countries[i]);
    for (uint32_t i = 0; i < t->nproducts; i++)
        free(t->products[i]);
    free(t->countries);
    free(t->products);
    free(t->flows);
    free(t->exports);
    free(t->totals);
    free(t->first_bad);
    free(t);
}
