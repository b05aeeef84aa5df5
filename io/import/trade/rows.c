/* io/import/trade/rows.c: one data row of a trade table -> a flow: countries and products resolved to indices,
 * amounts parsed, rows filtered and summed; plain BACI lines taken straight from the reader's buffer (plain.c
 * splits them), other BACI lines split in place, the rest read as CSV records. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "critnet/countries.h"
#include "critnet/io.h"
#include "import/trade/codes_i.h"
#include "import/trade/read_i.h"

/* what row_in and bad_row return */
enum {
    ROW_DONE = 0,     /* the row is in, filtered out, or counted as bad (skip_bad) */
    ROW_ERROR = -1,   /* err is set */
    ROW_REREAD = -2   /* malformed in the fast path: read the line again as a CSV record for the message */
};
enum { FAST_ERROR = -1, FAST_AS_CSV = 0, FAST_TAKEN = 1 }; /* what fast_row and plain_baci return */
/* numeric country codes not looked up yet (maps->numeric); names cached as unknown (maps->names) */
enum { NUMERIC_UNSEEN = -2, NAME_UNKNOWN = -4 };

/* reports a malformed row: fatal (ROW_ERROR, err set) or counted (ROW_DONE) with skip_bad; ROW_REREAD in the
 * fast path */
static int bad_row(cn_i_trade_loader *ld, cn_error *err, const cn_csv_row *row, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static int bad_row(cn_i_trade_loader *ld, cn_error *err, const cn_csv_row *row, int col, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    if (ld->fast)
        return ROW_REREAD; /* the CSV reader reads the line again and the message quotes its fields */
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
        return ROW_ERROR;
    if (!ld->t->first_bad)
        ld->t->first_bad = cn_strdup(err->msg);
    ld->t->nbad++;
    return 0;
}

int32_t cn_i_trade_add_country(cn_i_trade_loader *ld, const char *iso3)
{
    size_t slot;
    int32_t ix = cn_i_strmap_get(&ld->m->countries, iso3, strlen(iso3), &slot);
    if (ix >= 0)
        return ix;
    if (ld->t->ncountries >= CN_TRADE_WORLD)
        return CN_I_TRADE_NOMEM;
    char **c = realloc(ld->t->countries, (ld->t->ncountries + 1) * sizeof *c);
    if (!c)
        return CN_I_TRADE_NOMEM;
    ld->t->countries = c;
    if (!(c[ld->t->ncountries] = cn_strdup(iso3)) ||
        cn_i_strmap_put(&ld->m->countries, slot, iso3, strlen(iso3), (int32_t)ld->t->ncountries, NULL))
        return CN_I_TRADE_NOMEM;
    return (int32_t)ld->t->ncountries++;
}

/* a classified field -> index; CN_TRADE_WORLD; CN_I_TRADE_NONE (no country, with --strict) or _NOMEM */
static int32_t classified(cn_i_trade_loader *ld, const char *s, int numeric)
{
    char buf[96];
    const char *id = NULL;
    cn_i_code_kind k = cn_i_trade_classify(s, numeric, buf, sizeof buf, &id);
    if (k == CN_I_CODE_WORLD)
        return (int32_t)CN_TRADE_WORLD;
    if (ld->o->strict && (k == CN_I_CODE_REGION || k == CN_I_CODE_UNMAPPED))
        return CN_I_TRADE_NONE;
    return cn_i_trade_add_country(ld, id);
}

/* a country field -> index (a region or an unknown code is kept: docs/trade.md); CN_TRADE_WORLD for the world;
 * CN_I_TRADE_NONE (no country, with --strict) or CN_I_TRADE_NOMEM. numeric: the field is a numeric code column */
static int32_t country(cn_i_trade_loader *ld, const char *s, size_t len, int numeric)
{
    if (numeric && len > 0 && len <= 3) {
        int code = 0;
        size_t i = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            code = code * 10 + (s[i++] - '0');
        if (i == len) {
            int32_t *ix = &ld->m->numeric[code];
            if (*ix == NUMERIC_UNSEEN) {
                char field[4];
                memcpy(field, s, len);
                field[len] = '\0';
                *ix = classified(ld, field, 1);
            }
            return *ix;
        }
    }
    size_t slot;
    int32_t ix = cn_i_strmap_get(&ld->m->names, s, len, &slot);
    if (ix != -1) /* -1: not in the map */
        return ix == NAME_UNKNOWN ? CN_I_TRADE_NONE : ix;
    char *field = cn_strndup(s, len); /* the fast path's fields are not NUL-terminated */
    if (!field)
        return CN_I_TRADE_NOMEM;
    ix = classified(ld, field, numeric);
    free(field);
    if (ix == CN_I_TRADE_NOMEM ||
        cn_i_strmap_put(&ld->m->names, slot, s, len, ix == CN_I_TRADE_NONE ? NAME_UNKNOWN : ix, NULL))
        return CN_I_TRADE_NOMEM;
    return ix;
}

/* UN Comtrade decides per cell: the ISO3 column when it holds a known code, else the numeric code column */
static int32_t comtrade_country(cn_i_trade_loader *ld, const cn_csv_row *row, int iso_col, int code_col, int *used)
{
    int numeric_ok = code_col >= 0 && row->len[code_col] > 0;
    *used = iso_col;
    if (iso_col >= 0 && iso_col != code_col && row->len[iso_col] > 0) {
        char buf[96];
        const char *id;
        if (!numeric_ok ||
            cn_i_trade_classify(row->field[iso_col], 0, buf, sizeof buf, &id) != CN_I_CODE_UNMAPPED)
            return country(ld, row->field[iso_col], row->len[iso_col], 0);
    }
    if (numeric_ok) {
        *used = code_col;
        return country(ld, row->field[code_col], row->len[code_col], 1);
    }
    return country(ld, row->field[iso_col], row->len[iso_col], ld->numeric_countries);
}

/* a row left out on purpose: counted by reason */
static int drop(cn_trade *t, cn_trade_drop why)
{
    t->dropped[why]++;
    t->nfiltered++;
    return ROW_DONE;
}

/* UN Comtrade breakdown columns and the value of their "total" category: the one dimension a row breaks down
 * (0..3), -1 for a total row, -2 for a row that breaks down several */
static int breakdown_dim(const cn_i_trade_loader *ld, const cn_csv_row *row)
{
    static const struct { int col; const char *total; } dims[] = {
        {C_MOT, "0"}, {C_CUSTOMS, "C00"}, {C_PARTNER2, "0"}, {C_MOS, "0"}};
    int d = -1;
    for (int i = 0; i < (int)(sizeof dims / sizeof *dims); i++) {
        int c = ld->col[dims[i].col];
        if (c >= 0 && row->len[c] > 0 && strcmp(row->field[c], dims[i].total) != 0 &&
            !(dims[i].col == C_CUSTOMS && strcmp(row->field[c], "0") == 0))
            d = d == -1 ? i : -2;
    }
    return d;
}

/* a breakdown row kept aside: used only where its pair has no total row (cn_i_trade_breakdowns) */
static int stash_breakdown(cn_i_trade_loader *ld, const cn_flow *f, int target, int dim, cn_error *err)
{
    struct cn_trade_maps *m = ld->m;
    if (m->nbd == m->capbd) {
        size_t cap = m->capbd ? 2 * m->capbd : 64;
        struct cn_i_breakdown *b = realloc(m->bd, cap * sizeof *b);
        if (!b)
            return cn_error_set(err, CN_ENOMEM, "out of memory"), ROW_ERROR;
        m->bd = b;
        m->capbd = cap;
    }
    m->bd[m->nbd++] = (struct cn_i_breakdown){*f, target, dim};
    return drop(ld->t, CN_TRADE_DROP_BREAKDOWN); /* counted as dropped unless used */
}

/* whether a product passes --products */
static int product_allowed(const cn_i_trade_loader *ld, const char *code)
{
    if (!ld->prefixes)
        return 1;
    for (size_t i = 0; i < ld->nprefixes; i++)
        if (strncmp(code, ld->prefixes[i], strlen(ld->prefixes[i])) == 0)
            return 1;
    /* a 2- or 4-digit code that maps through its 6-digit children (cn_hs_lookup) to a code of the filter */
    const cn_hs_mineral *h = strlen(code) < 6 ? cn_hs_lookup(code) : NULL;
    for (size_t i = 0; h && i < ld->nprefixes; i++)
        if (strcmp(h->hs6, ld->prefixes[i]) == 0)
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

static cn_status hs6_put(struct cn_trade_maps *m, int32_t code, int32_t ix)
{
    if (2 * (m->hs6_n + 1) > m->hs6_cap) {
        uint64_t *old = m->hs6;
        size_t ocap = m->hs6_cap;
        m->hs6_cap = ocap ? 2 * ocap : 16384;
        if (!(m->hs6 = calloc(m->hs6_cap, sizeof *m->hs6))) {
            m->hs6 = old;
            m->hs6_cap = ocap;
            return CN_ENOMEM; /* the caller words it */
        }
        for (size_t i = 0; i < ocap; i++)
            if (old[i])
                m->hs6[hs6_slot(m, (int32_t)(old[i] >> 32) - 1)] = old[i];
        free(old);
    }
    m->hs6[hs6_slot(m, code)] = (uint64_t)(uint32_t)(code + 1) << 32 | (uint32_t)ix;
    m->hs6_n++;
    return CN_OK;
}

/* a product field -> index, CN_I_TRADE_NONE (filtered out), CN_I_TRADE_MALFORMED or CN_I_TRADE_NOMEM */
int32_t cn_i_trade_product(cn_i_trade_loader *ld, const char *s, size_t len)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf - 1)
        return CN_I_TRADE_MALFORMED;
    if (ld->t->layout != CN_TRADE_LAYOUT_CSV) {
        for (size_t i = 0; i < len; i++)
            if (s[i] < '0' || s[i] > '9')
                return ld->t->layout == CN_TRADE_LAYOUT_COMTRADE ? CN_I_TRADE_NONE /* "TOTAL": an aggregate */
                                                          : CN_I_TRADE_MALFORMED;
        if (len == 5) { /* an HS6 code whose leading zero a spreadsheet dropped */
            buf[0] = '0';
            memcpy(buf + 1, s, len);
            s = buf;
            len = 6;
        }
    }
    size_t slot;
    int32_t code = -1, ix;
    if (len == 6 && ld->t->layout != CN_TRADE_LAYOUT_CSV) { /* the common case: a small integer-keyed table */
        code = 0;
        for (size_t i = 0; i < 6; i++)
            code = code * 10 + (s[i] - '0');
        int32_t hit = hs6_get(ld->m, code);
        if (hit >= 0)
            return ld->m->allowed[hit] ? hit : CN_I_TRADE_NONE;
    }
    ix = cn_i_strmap_get(&ld->m->products, s, len, &slot);
    if (ix < 0) {
        cn_trade *t = ld->t;
        char **p = realloc(t->products, (t->nproducts + 1) * sizeof *p);
        if (!p)
            return CN_I_TRADE_NOMEM;
        t->products = p;
        if (t->nproducts + 1 > ld->m->allowed_cap) {
            size_t cap = ld->m->allowed_cap ? 2 * ld->m->allowed_cap : 1024;
            unsigned char *a = realloc(ld->m->allowed, cap);
            if (!a)
                return CN_I_TRADE_NOMEM;
            ld->m->allowed = a;
            ld->m->allowed_cap = cap;
        }
        if (!(p[t->nproducts] = cn_strndup(s, len)) ||
            cn_i_strmap_put(&ld->m->products, slot, s, len, (int32_t)t->nproducts, NULL))
            return CN_I_TRADE_NOMEM;
        ld->m->allowed[t->nproducts] = (unsigned char)product_allowed(ld, p[t->nproducts]);
        ix = (int32_t)t->nproducts++;
    }
    if (code >= 0 && hs6_put(ld->m, code, ix))
        return CN_I_TRADE_NOMEM;
    return ld->m->allowed[ix] ? ix : CN_I_TRADE_NONE;
}

/* product_code: cn_i_trade_product for a 6-digit field whose number is known (a plain BACI line) */
static int32_t product_code(cn_i_trade_loader *ld, int32_t code, const char *s, size_t len)
{
    int32_t hit = len == 6 ? hs6_get(ld->m, code) : -1;
    if (hit >= 0)
        return ld->m->allowed[hit] ? hit : CN_I_TRADE_NONE;
    return cn_i_trade_product(ld, s, len);
}

/* The largest value or quantity a row may hold: rows are summed (per flow, per mineral, per importer), and a sum
 * of even 2^64 rows of at most this stays finite, so an overflowing sum is refused at the row that holds the huge
 * number, with its file, line and column (docs/trade.md), never later as an invalid figure without a place. */
#define MAX_AMOUNT 1e280

/* a value or quantity: 0 = ok (NAN for an empty or NA cell), -1 = not a number >= 0, -2 = above MAX_AMOUNT */
static int amount(const char *s, size_t len, int zero_missing, double *out)
{
    if (len == 0 || (len == 2 && s[0] == 'N' && s[1] == 'A')) {
        *out = NAN;
        return 0;
    }
    if (cn_parse_double(s, len, 0, out, NULL) != CN_OK || *out < 0)
        return -1;
    if (*out > MAX_AMOUNT)
        return -2;
    if (zero_missing && *out == 0.0)
        *out = NAN;
    return 0;
}

cn_status cn_i_trade_push_row(struct cn_trade_maps *m, const cn_flow *f, cn_error *err)
{
    if (m->nrows == m->caprows) {
        size_t cap = m->caprows ? m->caprows + m->caprows / 2 : 4096;
        cn_flow *r = realloc(m->rows, cap * sizeof *r);
        if (!r)
            return cn_error_set(err, CN_ENOMEM, "out of memory");
        cn_hugepage_hint(r, cap * sizeof *r);
        m->rows = r;
        m->caprows = cap;
    }
    m->rows[m->nrows++] = *f;
    return CN_OK;
}

/* exporters_only: sums the waiting rows into the (exporter, world, product, year) flows */
cn_status cn_i_trade_flush_batch(struct cn_trade_maps *m, cn_error *err)
{
    cn_status st = cn_i_expagg_add(&m->exp, m->batch, m->nbatch, err);
    m->nbatch = 0;
    return st;
}

/* parses and aggregates one data row: ROW_DONE, ROW_ERROR, or ROW_REREAD (malformed, in the fast path). pre: the
 * row's numbers already parsed (a plain BACI line), or NULL */
static int row_in(cn_i_trade_loader *ld, const cn_csv_row *row, const cn_i_plain *pre, cn_error *err)
{
    cn_trade *t = ld->t;
    const int *col = ld->col;
    if (row->n < ld->need)
        return bad_row(ld, err, row, (int)row->n - 1, "expected at least %zu fields, found %zu", ld->need, row->n);
    cn_flow f = {0, 0, 0, 0, NAN, NAN};
    int comtrade = t->layout == CN_TRADE_LAYOUT_COMTRADE, imports = 0, bdim = -1;
    if (comtrade) {
        const char *fl = row->field[col[C_FLOW]];
        if (strcmp(fl, "M") == 0 || strcmp(fl, "1") == 0)
            imports = 1;
        else if (strcmp(fl, "X") != 0 && strcmp(fl, "2") != 0)
            return drop(t, CN_TRADE_DROP_FLOW); /* re-exports, re-imports and other flows */
        if ((bdim = breakdown_dim(ld, row)) == -2)
            return drop(t, CN_TRADE_DROP_BREAKDOWN); /* breaks down several dimensions at once */
    }
    if (pre) {
        if (ld->o->year && pre->year != ld->o->year)
            return drop(t, CN_TRADE_DROP_YEAR);
        f.year = pre->year;
    } else if (col[C_YEAR] >= 0) {
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
        if (ld->o->year && year != ld->o->year)
            return drop(t, CN_TRADE_DROP_YEAR);
        f.year = year;
    }
    int32_t p = pre ? product_code(ld, pre->product, row->field[col[C_PROD]], row->len[col[C_PROD]])
                    : cn_i_trade_product(ld, row->field[col[C_PROD]], row->len[col[C_PROD]]);
    if (p == CN_I_TRADE_NOMEM)
        return cn_error_set(err, CN_ENOMEM, "out of memory"), ROW_ERROR;
    if (p == CN_I_TRADE_MALFORMED)
        return bad_row(ld, err, row, col[C_PROD], "product '%s': expected an HS code (digits)",
                       row->field[col[C_PROD]]);
    if (p == CN_I_TRADE_NONE)
        return drop(t, CN_TRADE_DROP_PRODUCT);
    f.product = (uint32_t)p;
    static const char *const too_big = " and at most 1e+280 (sums of rows must stay finite)";
    int rc;
    if (pre) {
        f.value = pre->value;
        f.quantity = pre->quantity;
    } else if (col[C_VALUE] >= 0 && (rc = amount(row->field[col[C_VALUE]], row->len[col[C_VALUE]], 0, &f.value)))
        return bad_row(ld, err, row, col[C_VALUE], "value '%s': expected a number >= 0%s or NA",
                       row->field[col[C_VALUE]], rc == -2 ? too_big : "");
    if (!pre && col[C_QTY] >= 0 &&
        (rc = amount(row->field[col[C_QTY]], row->len[col[C_QTY]], comtrade, &f.quantity)))
        return bad_row(ld, err, row, col[C_QTY], "quantity '%s': expected a number >= 0%s or NA",
                       row->field[col[C_QTY]], rc == -2 ? too_big : "");
    if ((isnan(f.value) || f.value == 0.0) && (isnan(f.quantity) || f.quantity == 0.0))
        return drop(t, CN_TRADE_DROP_ZERO); /* no amount: not a supplier, its countries not looked up */
    int world = 0, ca = col[C_EXP], cb = col[C_IMP];
    int32_t a, b;
    if (comtrade) {
        world = col[C_PARTNER_CODE] >= 0 && strcmp(row->field[col[C_PARTNER_CODE]], "0") == 0;
        a = comtrade_country(ld, row, col[C_EXP], col[C_REPORTER_CODE], &ca);
        b = world ? (int32_t)CN_TRADE_WORLD : comtrade_country(ld, row, col[C_IMP], col[C_PARTNER_CODE], &cb);
    } else {
        a = pre && ld->m->numeric[pre->exporter] != NUMERIC_UNSEEN
                ? ld->m->numeric[pre->exporter]
                : country(ld, row->field[col[C_EXP]], row->len[col[C_EXP]], ld->numeric_countries);
        b = ld->exporter_only ? (int32_t)CN_TRADE_WORLD
            : pre && ld->m->numeric[pre->importer] != NUMERIC_UNSEEN
                ? ld->m->numeric[pre->importer]
                : country(ld, row->field[col[C_IMP]], row->len[col[C_IMP]], ld->numeric_countries);
    }
    if (a == CN_I_TRADE_NOMEM || b == CN_I_TRADE_NOMEM)
        return cn_error_set(err, CN_ENOMEM, "out of memory (or more than 65534 countries)"), ROW_ERROR;
    if (a == CN_I_TRADE_NONE || b == CN_I_TRADE_NONE) {
        int c = a == CN_I_TRADE_NONE ? ca : cb;
        return bad_row(ld, err, row, c, "'%s' is no country (a region, an aggregate or an unknown code; "
                       "without --strict it is kept as a named supplier)", row->field[c]);
    }
    world = b == (int32_t)CN_TRADE_WORLD;
    if (a == (int32_t)CN_TRADE_WORLD && !comtrade && !world) {
        a = b; /* exporter World: the importer's total imports, as UN Comtrade's partner World */
        b = (int32_t)CN_TRADE_WORLD;
        imports = world = 1;
    } else if (a == (int32_t)CN_TRADE_WORLD) {
        return drop(t, CN_TRADE_DROP_WORLD); /* a reporter World, or World to World */
    }
    cn_i_flowmap *into = &ld->m->flows;
    if (comtrade) {
        f.value /= 1000.0;    /* US dollars -> thousand US dollars */
        f.quantity /= 1000.0; /* kg -> metric tons */
    }
    if (world && !ld->exporter_only) {
        if (!imports)
            return drop(t, CN_TRADE_DROP_WORLD); /* an exporter's world total: world exports come from the flows */
        f.exporter = CN_TRADE_WORLD;
        f.importer = (uint16_t)a;
        if (bdim >= 0)
            return stash_breakdown(ld, &f, 2, bdim, err);
        return cn_i_flowmap_add(&ld->m->totals, &f, err) ? ROW_ERROR : ROW_DONE;
    }
    if (comtrade) {
        f.exporter = (uint16_t)(imports ? b : a);
        f.importer = (uint16_t)(imports ? a : b);
        if (!imports)
            into = &ld->m->xflows;
    } else {
        f.exporter = (uint16_t)a;
        f.importer = (uint16_t)b;
    }
    if (!comtrade && (ld->o->exporters_only || ld->importer >= 0 || ld->exporter_only)) {
        if (f.exporter == f.importer)
            return drop(t, CN_TRADE_DROP_SELF); /* a country's trade with itself (merged BACI codes) */
        if (f.importer == ld->importer && cn_i_trade_push_row(ld->m, &f, err))
            return ROW_ERROR;
        ld->m->batch[ld->m->nbatch++] = f;
        if (ld->m->nbatch == sizeof ld->m->batch / sizeof *ld->m->batch && cn_i_trade_flush_batch(ld->m, err))
            return ROW_ERROR;
        return ROW_DONE;
    }
    if (!comtrade)
        return cn_i_trade_push_row(ld->m, &f, err) ? ROW_ERROR : ROW_DONE;
    if (bdim >= 0)
        return stash_breakdown(ld, &f, into == &ld->m->flows ? 0 : 1, bdim, err);
    return cn_i_flowmap_add(into, &f, err) ? ROW_ERROR : ROW_DONE;
}

/* BACI lines are plain numbers: split in one pass where they stand in the reader's buffer. A field in plain
 * quotes ("842", no quote, comma or carriage return inside) is taken without them, as the CSV reader takes it, so
 * a quoted file keeps this path and its two threads (parallel.c). FAST_TAKEN: the row is in; FAST_AS_CSV: read
 * the line as a CSV record instead (other quotes, carriage returns, an empty line, more than MAXF fields, a
 * malformed row: the record reader and row_in then give the exact message); FAST_ERROR: err is set. ld->saw_quote
 * is set only for a line whose quotes this path cannot vouch for (a record that may span lines). */
static const unsigned char field_stop[256] = {[','] = 1, ['"'] = 1, ['\r'] = 1};

static int fast_row(cn_i_trade_loader *ld, char *line, size_t len, long lineno, cn_error *err)
{
    enum { MAXF = 16 };
    char *field[MAXF];
    size_t flen[MAXF], n = 0;
    if (len && line[len - 1] == '\r')
        len--; /* CRLF line ending */
    char *q = line, *end = line + len;
    int as_csv = 0;
    for (;;) {
        char *f = q;
        size_t fl;
        if (q < end && *q == '"') { /* "...": up to the next quote, which must end the field */
            char *c = q + 1;
            while (c < end && !field_stop[(unsigned char)*c])
                c++;
            if (c == end || *c != '"' || (c + 1 < end && c[1] != ',')) {
                ld->saw_quote = 1; /* an escaped quote, a comma or line break inside, text after: the reader */
                return FAST_AS_CSV;
            }
            f = q + 1;
            fl = (size_t)(c - f);
            q = c + 1;
        } else {
            while (q < end && !field_stop[(unsigned char)*q])
                q++;
            if (q < end && *q != ',') {
                ld->saw_quote |= *q == '"'; /* a quote inside a plain field */
                return FAST_AS_CSV;
            }
            fl = (size_t)(q - f);
        }
        if (n < MAXF) {
            field[n] = f;
            flen[n++] = fl;
        } else {
            as_csv = 1; /* read as a record; the rest of the line is still looked at for quotes */
        }
        if (q == end)
            break;
        q++; /* the comma */
    }
    if (as_csv)
        return FAST_AS_CSV;
    if (len == 0)
        return FAST_AS_CSV; /* an empty line: the reader skips it */
    cn_csv_row row = {field, flen, n, lineno};
    ld->fast = 1;
    int rc = row_in(ld, &row, NULL, err);
    ld->fast = 0;
    if (rc == ROW_REREAD)
        return FAST_AS_CSV;
    ld->t->rows += rc == ROW_DONE;
    return rc == ROW_ERROR ? FAST_ERROR : FAST_TAKEN;
}

/* The common BACI line at line in the reader's buffer (cn_i_trade_plain_line, plain.c: split and its numbers
 * parsed in one pass), then row_in as for any row. *used: its bytes, line break included. FAST_AS_CSV: the line is not of that
 * form, or not whole in the buffer (nothing was done: the line-by-line path takes it); else as fast_row. */
static int plain_baci(cn_i_trade_loader *ld, char *line, long lineno, size_t *used, cn_error *err)
{
    char *field[6];
    size_t flen[6];
    cn_i_plain pre;
    if (!cn_i_trade_plain_line(line, field, flen, &pre, used))
        return FAST_AS_CSV;
    cn_csv_row row = {field, flen, 6, lineno};
    ld->fast = 1;
    int rc = row_in(ld, &row, &pre, err);
    ld->fast = 0;
    if (rc == ROW_REREAD)
        return FAST_AS_CSV;
    ld->t->rows += rc == ROW_DONE;
    return rc == ROW_ERROR ? FAST_ERROR : FAST_TAKEN;
}

/* plain BACI lines from the reader's buffer as long as they come (plain_baci); CN_OK at the first line they do
 * not take (or the end), which the caller then reads line by line */
static cn_status plain_lines(cn_i_trade_loader *ld, cn_error *err)
{
    const cn_trade_opts *opts = ld->o;
    for (;;) {
        char *data;
        size_t n, at = 0, used;
        long lines = 0, line0;
        cn_csv_step step = cn_csv_peek_data(ld->csv, &data, &n, &line0, err);
        if (step != CN_CSV_STEP_ROW)
            return step == CN_CSV_STEP_ERROR ? err->status : CN_OK;
        int got = FAST_TAKEN;
        long rows0 = ld->t->rows;
        while (at < n && (got = plain_baci(ld, data + at, line0 + lines, &used, err)) == FAST_TAKEN) {
            at += used;
            lines++;
        }
        cn_csv_take(ld->csv, at, lines);
        if (got == FAST_ERROR)
            return err->status;
        if (opts->progress && (ld->t->rows >> 16) != (rows0 >> 16))
            opts->progress(cn_csv_offset(ld->csv), ld->progress_total, opts->progress_ctx);
        if (got == FAST_AS_CSV || at == 0)
            return CN_OK;
    }
}

/* reads the records of ld->csv to its end. A part read on a thread (ld->part) takes plain lines only: the
 * first line fast_row does not take ends the part, its place kept to be read again in file order. */
cn_status cn_i_trade_read_rows(cn_i_trade_loader *ld, cn_error *err)
{
    cn_trade *t = ld->t;
    const cn_trade_opts *opts = ld->o;
    cn_csv_row row;
    int fast = t->layout == CN_TRADE_LAYOUT_BACI;
    const int *col = ld->col; /* t,i,j,k,v,q and nothing else: plain_lines first */
    int plain = fast && ld->need == 6 && col[C_YEAR] == 0 && col[C_EXP] == 1 && col[C_IMP] == 2 &&
                col[C_PROD] == 3 && col[C_VALUE] == 4 && col[C_QTY] == 5 && ld->numeric_countries;
    int misses = 0; /* blocks whose first line plain_lines did not take: past 64, a table of another form */
    for (;;) {
        int have = 0; /* a line is waiting that fast_row did not take */
        if (plain) {
            long before = t->rows;
            cn_status st = plain_lines(ld, err);
            if (st)
                return st;
            misses = t->rows == before ? misses + 1 : 0;
            plain = misses < 64;
        }
        if (fast) {
            char *line;
            size_t len;
            long lineno;
            cn_csv_step got_line = cn_csv_peek_line(ld->csv, &line, &len, &lineno, err);
            if (got_line == CN_CSV_STEP_ERROR)
                return err->status;
            have = got_line == CN_CSV_STEP_ROW;
            int got = have ? fast_row(ld, line, len, lineno, err) : FAST_AS_CSV;
            if (got == FAST_ERROR)
                return err->status;
            if (got == FAST_TAKEN) {
                cn_csv_skip_line(ld->csv);
                if (opts->progress && (t->rows & 0xFFFF) == 0)
                    opts->progress(cn_csv_offset(ld->csv), ld->progress_total, opts->progress_ctx);
                continue;
            }
        }
        if (ld->part) {
            if ((ld->stopped = have))
                cn_csv_tell(ld->csv, &ld->stop_off, &ld->stop_line);
            return CN_OK;
        }
        cn_csv_step rc = cn_csv_next(ld->csv, &row, err);
        if (rc == CN_CSV_STEP_EOF)
            return CN_OK;
        if (rc == CN_CSV_STEP_ERROR) {
            cn_error rerr; /* a record that cannot be skipped fails with its own message */
            if (!opts->skip_bad || err->status != CN_EDATA || cn_csv_recover(ld->csv, &rerr) != CN_OK)
                return err->status;
            if (!t->first_bad)
                t->first_bad = cn_strdup(err->msg);
            t->nbad++;
            continue;
        }
        t->rows++;
        if (row_in(ld, &row, NULL, err) == ROW_ERROR)
            return err->status;
        if (opts->progress && (t->rows & 0xFFFF) == 0)
            opts->progress(cn_csv_offset(ld->csv), ld->progress_total, opts->progress_ctx);
    }
}
