/* io/trade_agg.c: world exports summed per (year, product, exporter) while a trade table is read: a row of
 * ROW cells per (year, product), cut from large blocks, so a flow costs one indexed add. More exporters than
 * ROW, or more cells than MAX_CELLS, and the sums move to a hash map (cn_flowmap). */
#include "io/trade_agg.h"

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

static void sum_into(cell *c, const cn_flow *f)
{
    if (c->v == -1.0) {
        c->v = f->value;
        c->q = f->quantity;
    } else {
        add_known(&c->v, f->value);
        add_known(&c->q, f->quantity);
    }
}

static cell *new_row(cn_expagg *a)
{
    struct agg_slab *s = a->nslabs ? &a->slabs[a->nslabs - 1] : NULL;
    if (!s || s->used == SLAB_ROWS) {
        struct agg_slab *ns = realloc(a->slabs, (a->nslabs + 1) * sizeof *ns);
        if (!ns)
            return NULL;
        a->slabs = ns;
        s = &a->slabs[a->nslabs];
        size_t bytes = (size_t)SLAB_ROWS * ROW * sizeof(cell);
        if (!(s->c = malloc(bytes)))
            return NULL;
        cn_hugepage_hint(s->c, bytes);
        s->used = 0;
        a->nslabs++;
    }
    cell *row = s->c + s->used++ * ROW;
    for (size_t i = 0; i < ROW; i++)
        row[i].v = -1.0;
    a->cells += ROW;
    return row;
}

/* the cell of f, or NULL when out of memory or when f does not fit the rows (*spill set) */
static cell *cell_of(cn_expagg *a, const cn_flow *f, int *spill)
{
    if (f->exporter >= ROW || a->cells + ROW > MAX_CELLS) {
        *spill = 1;
        return NULL;
    }
    struct agg_year *y = NULL;
    for (size_t i = 0; i < a->nyears && !y; i++)
        if (a->years[i].year == f->year)
            y = &a->years[i];
    if (!y) {
        struct agg_year *ny = realloc(a->years, (a->nyears + 1) * sizeof *ny);
        if (!ny)
            return NULL;
        a->years = ny;
        y = &a->years[a->nyears++];
        memset(y, 0, sizeof *y);
        y->year = f->year;
    }
    if (f->product >= y->nrows) {
        size_t n = y->nrows ? 2 * y->nrows : 4096;
        while (n <= f->product)
            n *= 2;
        cell **r = realloc(y->rows, n * sizeof *r);
        if (!r)
            return NULL;
        memset(r + y->nrows, 0, (n - y->nrows) * sizeof *r);
        y->rows = r;
        y->nrows = n;
    }
    if (!y->rows[f->product] && !(y->rows[f->product] = new_row(a)))
        return NULL;
    return &y->rows[f->product][f->exporter];
}

/* every sum so far into the hash map, which takes all flows from now on */
static int spill(cn_expagg *a)
{
    size_t n;
    cn_flow *f;
    if (cn_expagg_take(a, &f, &n))
        return -1;
    a->spilled = 1;
    int rc = cn_flowmap_add_many(&a->spill, f, n);
    free(f);
    return rc;
}

int cn_expagg_add(cn_expagg *a, const cn_flow *f, size_t n)
{
    enum { BATCH = 256 };
    cell *at[BATCH];
    while (n && !a->spilled) {
        size_t k = n < BATCH ? n : BATCH, i = 0;
        int full = 0;
        for (; i < k; i++) { /* the cells of the batch first: their cache misses overlap */
            if (!(at[i] = cell_of(a, &f[i], &full)))
                break;
#if defined(__GNUC__)
            __builtin_prefetch(at[i], 1);
#endif
        }
        for (size_t j = 0; j < i; j++)
            sum_into(at[j], &f[j]);
        f += i;
        n -= i;
        if (i < k && !full)
            return -1;
        if (full && spill(a))
            return -1;
    }
    for (size_t i = 0; i < n; i++) {
        cn_flow x = f[i];
        x.importer = CN_TRADE_WORLD;
        if (cn_flowmap_add(&a->spill, &x))
            return -1;
    }
    return 0;
}

int cn_expagg_take(cn_expagg *a, cn_flow **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (a->spilled) {
        *out = cn_flowmap_take(&a->spill, n);
        return *n && !*out ? -1 : 0;
    }
    size_t count = 0, k = 0;
    for (size_t y = 0; y < a->nyears; y++)
        for (size_t p = 0; p < a->years[y].nrows; p++)
            for (size_t e = 0; a->years[y].rows[p] && e < ROW; e++)
                count += a->years[y].rows[p][e].v != -1.0;
    cn_flow *f = count ? malloc(count * sizeof *f) : NULL;
    if (count && !f)
        return -1;
    for (size_t y = 0; y < a->nyears; y++)
        for (size_t p = 0; p < a->years[y].nrows; p++)
            for (size_t e = 0; a->years[y].rows[p] && e < ROW; e++) {
                const cell *c = &a->years[y].rows[p][e];
                if (c->v != -1.0)
                    f[k++] = (cn_flow){(uint16_t)e, CN_TRADE_WORLD, (uint32_t)p, a->years[y].year, c->v, c->q};
            }
    cn_expagg_free(a); /* not spilled: the hash map is empty */
    *out = f;
    *n = count;
    return 0;
}

void cn_expagg_free(cn_expagg *a)
{
    for (size_t y = 0; y < a->nyears; y++)
        free(a->years[y].rows);
    for (size_t s = 0; s < a->nslabs; s++)
        free(a->slabs[s].c);
    free(a->years);
    free(a->slabs);
    cn_flowmap_free(&a->spill);
    memset(a, 0, sizeof *a);
}
