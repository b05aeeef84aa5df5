/* io/import/trade/parallel.c: a large BACI file read on two threads: the second half on a thread into its own
 * tables (sums, kept rows), merged into the first's after. */
#define _DEFAULT_SOURCE /* madvise */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "critnet/csv.h"
#include "import/trade/read_i.h"

static void *part_main(void *arg)
{
    cn_i_trade_loader *ld = arg;
    ld->part_st = cn_i_trade_read_rows(ld, &ld->part_err);
    if (!ld->part_st && ld->m->nbatch)
        ld->part_st = cn_i_trade_flush_batch(ld->m, &ld->part_err);
    return NULL;
}

/* the second part's world exports, summed into the first's (country and product indices translated) */
static cn_status merge_part(cn_i_trade_loader *a, cn_i_trade_loader *b, cn_error *err)
{
    int32_t *cix = malloc((b->t->ncountries + 1) * sizeof *cix), *pix = malloc((b->t->nproducts + 1) * sizeof *pix);
    cn_status st = !cix || !pix ? CN_ENOMEM : CN_OK;
    for (uint32_t i = 0; !st && i < b->t->ncountries; i++)
        if ((cix[i] = cn_i_trade_add_country(a, b->t->countries[i])) < 0)
            st = CN_ENOMEM;
    for (uint32_t i = 0; !st && i < b->t->nproducts; i++) /* none is new to a's filter: not CN_I_TRADE_NONE */
        if ((pix[i] = cn_i_trade_product(a, b->t->products[i], strlen(b->t->products[i]))) < CN_I_TRADE_NONE)
            st = CN_ENOMEM;
    if (st)
        cn_error_set(err, st, "out of memory");
    else
        st = cn_i_expagg_merge(&a->m->exp, &b->m->exp, cix, b->t->ncountries, pix, err);
    uintptr_t gone = ((uintptr_t)b->m->rows + 4095) & ~(uintptr_t)4095;
    for (size_t i = 0; !st && i < b->m->nrows; i++) { /* the rows kept (every row, or opts->importer's) */
        cn_flow f = b->m->rows[i];
        f.exporter = (uint16_t)cix[f.exporter];
        f.importer = (uint16_t)cix[f.importer];
        f.product = (uint32_t)pix[f.product];
        st = cn_i_trade_push_row(a->m, &f, err);
        uintptr_t end = (uintptr_t)(b->m->rows + i + 1) & ~(uintptr_t)4095;
        if ((i & 0xFFFF) == 0xFFFF && end > gone) { /* rows copied give their memory back: none held twice */
            (void)madvise((void *)gone, end - gone, MADV_DONTNEED);
            gone = end;
        }
    }
    a->t->rows += b->t->rows;
    a->t->nfiltered += b->t->nfiltered;
    for (int d = 0; d < CN_TRADE_NDROP; d++)
        a->t->dropped[d] += b->t->dropped[d];
    free(cix);
    free(pix);
    return st;
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
 * reads the first. Both sum into their own tables (and keep the importer's rows), merged after; the result is
 * that of reading in order (sums may differ in the last bits). A line the thread does not take (a malformed
 * row, quotes) is read again here, in order, with its true line number; a quote, a data error or a skipped
 * row in the first half (a record might span the split) makes the caller read the whole file again in order
 * (*redo), so any split gives what one thread gives. */
cn_status cn_i_trade_read_parallel(cn_i_trade_loader *a, const char *path, uint64_t total, int *redo,
                                   cn_error *err)
{
    uint64_t from, split;
    long line;
    cn_csv_tell(a->csv, &from, &line);
    if (total <= from || !(split = line_start_after(path, from + (total - from) / 2)))
        return cn_i_trade_read_rows(a, err);
    cn_trade_opts bo = *a->o;
    bo.progress = NULL;
    bo.skip_bad = 0;
    cn_i_trade_loader b;
    cn_status st = cn_i_trade_loader_init(&b, &bo, err);
    if (st)
        return st;
    b.t->layout = a->t->layout;
    memcpy(b.col, a->col, sizeof b.col);
    b.numeric_countries = a->numeric_countries;
    b.need = a->need;
    b.prefixes = a->prefixes; /* shared, read-only; a frees them */
    b.nprefixes = a->nprefixes;
    b.part = 1;
    if (a->m->caprows >= total / 25) { /* every row kept, the first part's table sized for the file: this one too */
        b.m->caprows = (size_t)((total - split) / 25) + 1;
        if (!(b.m->rows = cn_i_trade_big_alloc(b.m->caprows * sizeof *b.m->rows)))
            b.m->caprows = 0; /* grown as it goes */
    }
    if (a->importer >= 0 && (b.importer = cn_i_trade_add_country(&b, a->t->countries[a->importer])) < 0) {
        b.prefixes = NULL;
        cn_i_trade_loader_done(&b);
        cn_trade_free(b.t);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    pthread_t th;
    int started = 0;
    /* when the second reader cannot be set up, this one reads it all */
    if (cn_csv_open(path, ',', &b.csv, &b.part_err) == CN_OK && cn_csv_seek(b.csv, split, 1, &b.part_err) == CN_OK)
        started = pthread_create(&th, NULL, part_main, &b) == 0;
    cn_error lerr;
    if (started && cn_csv_set_limit(a->csv, split, &lerr) != CN_OK) { /* not expected: only the header was read */
        pthread_join(th, NULL);
        started = 0;
    }
    a->progress_total = started ? split : total;
    st = cn_i_trade_read_rows(a, err);
    if (started)
        pthread_join(th, NULL);
    a->progress_total = total;
    /* anything but plain lines on either side of the split (a quote, a record cut by the split, a malformed
     * row, an error in either part): the whole file again on one thread, whose answer (or message) is the
     * reference. Fields in plain quotes ("842") are read in place by the fast path (rows.c, fast_row) and do
     * not count: only a quote it cannot vouch for (an escaped quote, a line break or comma inside, a quote in a
     * plain field) sets saw_quote; an error or a skipped row of the first part counts as well. */
    *redo = a->saw_quote || (started && (st == CN_EDATA || b.part_st == CN_EDATA || a->t->nbad > 0));
    if (*redo)
        st = CN_OK;
    if (!st && started && b.part_st)
        st = (*err = b.part_err, b.part_st);
    if (!st && started && !*redo) {
        long at_split;
        cn_csv_tell(a->csv, &from, &at_split);
        st = merge_part(a, &b, err);
        if (!st && b.stopped && !(st = cn_csv_seek(a->csv, b.stop_off, at_split + b.stop_line - 1, err)))
            st = cn_i_trade_read_rows(a, err);
    }
    b.prefixes = NULL;
    b.nprefixes = 0;
    cn_i_trade_loader_done(&b);
    cn_trade_free(b.t);
    return st;
}
