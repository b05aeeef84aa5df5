/* io/import/trade/aggregate.c: world exports summed per (year, product, exporter) while a trade table is read: a row of
 * ROW cells per (year, product), cut from large blocks, so a flow costs one indexed add. More exporters than
 * ROW, or more cells than MAX_CELLS, and the sums move to a hash map (cn_i_flowmap). */
#include "import/trade/aggregate_i.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ROW 256                      /* exporters per row: BACI has 238 country codes */
#define SLAB_ROWS 1024               /* rows per block (4 MiB) */
#define MAX_CELLS ((size_t)1 << 22)  /* 64 MiB of cells: 16,384 (year, product) rows */

typedef struct cell {
    double v, q; /* v == -1: not seen (figures are >= 0 or NAN) */
} cell;

struct agg_year {
    int32_t year;
    cell **rows; /* per product index, NULL until seen */
    size_t nrows;
    unsigned char *imp; /* per country index (CN_TRADE_WORLD entries): an importer of a row summed this year */
};

struct agg_slab {
    cell *c;
    size_t used; /* rows handed out */
};

static void add_known(double *acc, double x)
{
    if (isnan(*acc))
        *acc = x;
    else if (!isnan(x))
        *acc += x;
}

static void sum_cell(cell *c, double v, double q)
{
    if (c->v == -1.0) {
        c->v = v;
        c->q = q;
    } else {
        add_known(&c->v, v);
        add_known(&c->q, q);
    }
}

static cell *new_row(cn_i_expagg *a)
{
    struct agg_slab *s = a->nslabs ? &a->slabs[a->nslabs - 1] : NULL;
    if (!s || s->used == SLAB_ROWS) {
        struct agg_slab *ns = realloc(a->slabs, (a->nslabs + 1) * sizeof *ns);
        if (!ns)
            return NULL;
        a->slabs = ns;
        s = &a->slabs[a->nslabs];
        size_t bytes = (size_t)SLAB_ROWS * ROW * sizeof(cell);
        if (!(s->c = cn_i_trade_big_alloc(bytes))) /* huge pages: few page faults */
            return NULL;
        s->used = 0;
        a->nslabs++;
    }
    cell *row = s->c + s->used++ * ROW;
    for (size_t i = 0; i < ROW; i++)
        row[i].v = -1.0;
    a->cells += ROW;
    return row;
}

/* the slot of year, made when missing; NULL when out of memory */
static struct agg_year *year_of(cn_i_expagg *a, int32_t year)
{
    for (size_t i = 0; i < a->nyears; i++)
        if (a->years[i].year == year)
            return &a->years[i];
    struct agg_year *ny = realloc(a->years, (a->nyears + 1) * sizeof *ny);
    if (!ny)
        return NULL;
    a->years = ny;
    struct agg_year *y = &a->years[a->nyears];
    memset(y, 0, sizeof *y);
    if (!(y->imp = calloc(CN_TRADE_WORLD, 1)))
        return NULL;
    y->year = year;
    a->nyears++;
    return y;
}

/* the row of (year, product), made when missing; NULL when out of memory or when it would pass MAX_CELLS
 * (*spill set) */
static cell *row_of(cn_i_expagg *a, int32_t year, uint32_t product, int *spill)
{
    struct agg_year *y = year_of(a, year);
    if (!y)
        return NULL;
    if (product < y->nrows && y->rows[product])
        return y->rows[product];
    if (a->cells + ROW > MAX_CELLS) {
        *spill = 1;
        return NULL;
    }
    if (product >= y->nrows) {
        size_t n = y->nrows ? 2 * y->nrows : 4096;
        while (n <= product)
            n *= 2;
        cell **r = realloc(y->rows, n * sizeof *r);
        if (!r)
            return NULL;
        memset(r + y->nrows, 0, (n - y->nrows) * sizeof *r);
        y->rows = r;
        y->nrows = n;
    }
    return y->rows[product] = new_row(a);
}

/* the cell of f, or NULL when out of memory or when f does not fit the rows (*spill set) */
static cell *cell_of(cn_i_expagg *a, const cn_flow *f, int *spill)
{
    if (f->exporter >= ROW) {
        *spill = 1;
        return NULL;
    }
    cell *row = row_of(a, f->year, f->product, spill);
    return row ? &row[f->exporter] : NULL;
}

/* every sum so far into the hash map, which takes all flows from now on */
static cn_status spill(cn_i_expagg *a, cn_error *err)
{
    size_t n;
    cn_flow *f;
    cn_status st = cn_i_expagg_take(a, &f, &n, err);
    if (st)
        return st;
    a->spilled = 1;
    st = cn_i_flowmap_add_many(&a->spill, f, n, err);
    free(f);
    return st;
}

cn_status cn_i_expagg_add(cn_i_expagg *a, const cn_flow *f, size_t n, cn_error *err)
{
    enum { BATCH = 256 };
    cell *at[BATCH];
    struct agg_year *y = NULL;
    for (size_t i = 0; i < n; i++) { /* the importers of the rows (rows of one year come together) */
        if (f[i].importer == CN_TRADE_WORLD)
            continue;
        if ((!y || y->year != f[i].year) && !(y = year_of(a, f[i].year)))
            return cn_error_set(err, CN_ENOMEM, "out of memory");
        y->imp[f[i].importer] = 1;
    }
    while (n && !a->spilled) {
        size_t k = n < BATCH ? n : BATCH, i = 0;
        int full = 0;
        for (; i < k; i++) { /* the cells of the batch first: their cache misses overlap */
            const cn_flow *x = &f[i];
            cell *row; /* the row is usually there already: found without a call */
            if (y && y->year == x->year && x->exporter < ROW && x->product < y->nrows && (row = y->rows[x->product]))
                at[i] = row + x->exporter;
            else if (!(at[i] = cell_of(a, x, &full)))
                break;
            else
                y = year_of(a, x->year); /* found: it exists */
#if defined(__GNUC__)
            __builtin_prefetch(at[i], 1);
#endif
        }
        for (size_t j = 0; j < i; j++)
            sum_cell(at[j], f[j].value, f[j].quantity);
        f += i;
        n -= i;
        if (i < k && !full)
            return cn_error_set(err, CN_ENOMEM, "out of memory");
        cn_status st = full ? spill(a, err) : CN_OK;
        if (st)
            return st;
    }
    for (size_t i = 0; i < n; i++) {
        cn_flow x = f[i];
        x.importer = CN_TRADE_WORLD;
        cn_status st = cn_i_flowmap_add(&a->spill, &x, err);
        if (st)
            return st;
    }
    return CN_OK;
}

/* b's rows from (year slot y0, product p0) on, as flows with a's indices, summed into a */
static cn_status merge_flows(cn_i_expagg *a, const cn_i_expagg *b, const int32_t *exporter, size_t nexporters,
                             const int32_t *product, size_t y0, size_t p0, cn_error *err)
{
    enum { BATCH = 256 };
    cn_flow f[BATCH];
    size_t n = 0;
    for (size_t y = y0; y < b->nyears; y++)
        for (size_t p = y == y0 ? p0 : 0; p < b->years[y].nrows; p++)
            for (size_t e = 0; b->years[y].rows[p] && e < ROW && e < nexporters; e++) {
                const cell *c = &b->years[y].rows[p][e];
                if (c->v == -1.0)
                    continue;
                f[n++] = (cn_flow){(uint16_t)exporter[e], CN_TRADE_WORLD, (uint32_t)product[p], b->years[y].year,
                                   c->v, c->q};
                if (n == BATCH) {
                    cn_status st = cn_i_expagg_add(a, f, n, err);
                    if (st)
                        return st;
                    n = 0;
                }
            }
    cn_status st = n ? cn_i_expagg_add(a, f, n, err) : CN_OK;
    if (st)
        return st;
    for (size_t i = 0; b->spilled && i < b->spill.cap; i++) {
        if (!cn_i_flowmap_used(&b->spill, i))
            continue;
        cn_flow x = b->spill.slots[i];
        x.exporter = (uint16_t)exporter[x.exporter];
        x.product = (uint32_t)product[x.product];
        if ((st = cn_i_expagg_add(a, &x, 1, err)))
            return st;
    }
    return CN_OK;
}

cn_status cn_i_expagg_merge(cn_i_expagg *a, const cn_i_expagg *b, const int32_t *exporter, size_t nexporters,
                            const int32_t *product, cn_error *err)
{
    for (size_t y = 0; y < b->nyears; y++) {
        struct agg_year *ay = year_of(a, b->years[y].year);
        if (!ay)
            return cn_error_set(err, CN_ENOMEM, "out of memory");
        for (size_t c = 0; c < nexporters && c < CN_TRADE_WORLD; c++)
            if (b->years[y].imp[c])
                ay->imp[exporter[c]] = 1;
    }
    int rows = !a->spilled && !b->spilled;
    for (size_t e = 0; rows && e < nexporters && e < ROW; e++)
        rows = exporter[e] < ROW;
    if (!rows)
        return merge_flows(a, b, exporter, nexporters, product, 0, 0, err);
    /* row by row: one source row read in order, one destination row */
    for (size_t y = 0; y < b->nyears; y++)
        for (size_t p = 0; p < b->years[y].nrows; p++) {
            const cell *src = b->years[y].rows[p];
            if (!src)
                continue;
            int full = 0;
            cell *dst = row_of(a, b->years[y].year, (uint32_t)product[p], &full);
            if (!dst && !full)
                return cn_error_set(err, CN_ENOMEM, "out of memory");
            if (!dst) { /* a outgrew its rows: the hash map takes the rest */
                cn_status st = spill(a, err);
                return st ? st : merge_flows(a, b, exporter, nexporters, product, y, p, err);
            }
            for (size_t e = 0; e < ROW && e < nexporters; e++)
                if (src[e].v != -1.0)
                    sum_cell(&dst[exporter[e]], src[e].v, src[e].q);
        }
    return CN_OK;
}

cn_status cn_i_expagg_take(cn_i_expagg *a, cn_flow **out, size_t *n, cn_error *err)
{
    *out = NULL;
    *n = 0;
    if (a->spilled) {
        *out = cn_i_flowmap_take(&a->spill, n);
        return *n && !*out ? cn_error_set(err, CN_ENOMEM, "out of memory") : CN_OK;
    }
    /* room for every cell of the rows; only the pages written are touched, the rest is given back */
    cn_flow *f = a->cells ? cn_i_trade_big_alloc(a->cells * sizeof *f) : NULL;
    if (a->cells && !f)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    size_t k = 0;
    for (size_t y = 0; y < a->nyears; y++)
        for (size_t p = 0; p < a->years[y].nrows; p++)
            for (size_t e = 0; a->years[y].rows[p] && e < ROW; e++) {
                const cell *c = &a->years[y].rows[p][e];
                if (c->v != -1.0)
                    f[k++] = (cn_flow){(uint16_t)e, CN_TRADE_WORLD, (uint32_t)p, a->years[y].year, c->v, c->q};
            }
    if (k && k < a->cells) {
        cn_flow *shrunk = realloc(f, k * sizeof *f);
        if (shrunk)
            f = shrunk;
    } else if (!k) {
        free(f);
        f = NULL;
    }
    cn_i_expagg_free(a); /* not spilled: the hash map is empty */
    *out = f;
    *n = k;
    return CN_OK;
}

cn_status cn_i_expagg_importers(const cn_i_expagg *a, cn_flow **out, size_t *n, cn_error *err)
{
    size_t k = 0;
    for (size_t y = 0; y < a->nyears; y++)
        for (size_t c = 0; c < CN_TRADE_WORLD; c++)
            k += a->years[y].imp[c];
    *n = 0;
    if (!(*out = malloc((k + 1) * sizeof **out)))
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    for (size_t y = 0; y < a->nyears; y++)
        for (size_t c = 0; c < CN_TRADE_WORLD; c++)
            if (a->years[y].imp[c])
                (*out)[(*n)++] = (cn_flow){CN_TRADE_WORLD, (uint16_t)c, 0, a->years[y].year, NAN, NAN};
    return CN_OK;
}

void cn_i_expagg_free(cn_i_expagg *a)
{
    for (size_t y = 0; y < a->nyears; y++) {
        free(a->years[y].rows);
        free(a->years[y].imp);
    }
    for (size_t s = 0; s < a->nslabs; s++)
        free(a->slabs[s].c);
    free(a->years);
    free(a->slabs);
    cn_i_flowmap_free(&a->spill);
    memset(a, 0, sizeof *a);
}
