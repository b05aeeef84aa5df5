/* io/import/trade/read.c: reading trade tables (BACI, UN Comtrade, plain CSV) by streaming with the CSV
 * reader into a flows table (BACI/CSV: one flow per row; UN Comtrade: reconciled in hash maps). */
#include "critnet/trade.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "critnet/countries.h"
#include "critnet/csv.h"
#include "import/trade/codes_i.h"
#include "import/trade/read_i.h"

/* BACI files at least this large, read with exporters_only or importer, are read on two threads
 * (cn_trade_opts.threads) */
#define PARALLEL_MIN_BYTES ((uint64_t)4 << 20)

cn_status cn_i_trade_loader_init(cn_i_trade_loader *ld, const cn_trade_opts *opts, cn_error *err)
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

/* UN Comtrade: importer-reported flows first; an exporter's report fills a pair the importer did not report */
static cn_status merge_exports(struct cn_trade_maps *m, cn_error *err)
{
    for (size_t i = 0; i < m->xflows.cap; i++)
        if (cn_i_flowmap_used(&m->xflows, i) && !cn_i_flowmap_find(&m->flows, &m->xflows.slots[i]) &&
            cn_i_flowmap_add(&m->flows, &m->xflows.slots[i], err))
            return CN_ENOMEM;
    return CN_OK;
}

void cn_i_trade_loader_done(cn_i_trade_loader *ld)
{
    for (size_t i = 0; i < ld->nprefixes; i++)
        free(ld->prefixes[i]);
    free(ld->prefixes);
    cn_csv_close(ld->csv);
    struct cn_trade_maps *m = ld->m;
    cn_i_strmap_free(&m->countries);
    cn_i_strmap_free(&m->names);
    cn_i_strmap_free(&m->products);
    free(m->allowed);
    free(m->hs6);
    cn_i_flowmap_free(&m->xflows);
    free(m->bd);
    cn_i_expagg_free(&m->exp);
    if (ld->t->world_exports) {
        free(m->rows); /* the flows were taken from exp (take_exports) */
    } else if (ld->t->layout == CN_TRADE_LAYOUT_COMTRADE) {
        ld->t->flows = cn_i_flowmap_take(&m->flows, &ld->t->nflows);
        free(m->rows);
    } else {
        ld->t->flows = m->nrows < m->caprows ? realloc(m->rows, (m->nrows + 1) * sizeof *m->rows) : m->rows;
        if (!ld->t->flows)
            ld->t->flows = m->rows;
        ld->t->nflows = m->nrows;
    }
    ld->t->totals = cn_i_flowmap_take(&m->totals, &ld->t->ntotals);
    free(m);
    ld->t->maps = NULL;
}

/* exporters_only: the summed world exports become the table's flows; importer: its exports */
static cn_status take_exports(cn_i_trade_loader *ld, cn_error *err)
{
    if (ld->importer >= 0)
        return cn_i_expagg_take(&ld->m->exp, &ld->t->exports, &ld->t->nexports, err);
    ld->t->world_exports = 1;
    cn_status st = cn_i_expagg_importers(&ld->m->exp, &ld->t->importers, &ld->t->nimporters, err);
    if (st)
        return st;
    return cn_i_expagg_take(&ld->m->exp, &ld->t->flows, &ld->t->nflows, err);
}

/* reads the table at path, or in data[0..len) (named path in messages) when data is not NULL */
static cn_status trade_read(const char *path, const char *data, size_t len, const cn_trade_opts *opts,
                            int parallel, cn_trade **out, cn_error *err)
{
    *out = NULL;
    cn_i_trade_loader ld;
    cn_status st = cn_i_trade_loader_init(&ld, opts, err);
    if (st)
        return st;
    cn_trade *t = ld.t;
    struct cn_trade_maps *m = ld.m;
    st = cn_i_trade_products_filter(&ld, err);
    if (!st)
        st = data ? cn_csv_open_mem(data, len, path, ',', &ld.csv, err) : cn_csv_open(path, ',', &ld.csv, err);
    if (!st)
        st = cn_i_trade_read_header(&ld, err);
    uint64_t total = ld.csv ? cn_csv_size(ld.csv) : 0;
    ld.progress_total = total;
    /* a whole file, unfiltered: size the rows once (about 25 bytes a BACI row) so they are never copied */
    if (!st && t->layout != CN_TRADE_LAYOUT_COMTRADE && opts->importer && !opts->exporters_only) {
        /* an importer that is no country filters nothing: the caller finds it is not in the network */
        const char *iso3 = cn_country_iso3(opts->importer);
        if (iso3 && (ld.importer = cn_i_trade_add_country(&ld, iso3)) == -3)
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    /* world exports summed while reading (exporters_only, importer) */
    int summing = t->layout != CN_TRADE_LAYOUT_COMTRADE && (opts->exporters_only || ld.importer >= 0 ||
                                                            ld.exporter_only);
    if (!st && total && !opts->products && !opts->year && !summing && t->layout != CN_TRADE_LAYOUT_COMTRADE) {
        m->caprows = (size_t)(total / 25) + 1;
        if (!(m->rows = cn_i_trade_big_alloc(m->caprows * sizeof *m->rows)))
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    int redo = 0;
    parallel = parallel && !data && t->layout == CN_TRADE_LAYOUT_BACI && total && /* rows kept too (flows.c) */
               (opts->threads == 2 || (opts->threads == 0 && total >= PARALLEL_MIN_BYTES &&
                                       sysconf(_SC_NPROCESSORS_ONLN) >= 2));
    if (!st)
        st = parallel ? cn_i_trade_read_parallel(&ld, path, total, &redo, err) : cn_i_trade_read_rows(&ld, err);
    if (!st && m->nbatch)
        st = cn_i_trade_flush_batch(m, err);
    if (!st && summing)
        st = take_exports(&ld, err);
    if (!st && t->layout == CN_TRADE_LAYOUT_COMTRADE)
        st = cn_i_trade_breakdowns(&ld, err);
    if (!st && t->layout == CN_TRADE_LAYOUT_COMTRADE)
        st = merge_exports(m, err);
    if (!st && opts->progress)
        opts->progress(total ? total : cn_csv_offset(ld.csv), total, opts->progress_ctx);
    cn_i_trade_loader_done(&ld);
    if (!st && !redo)
        st = cn_i_trade_count_kept(t, err);
    if (!st && !redo && t->nkept)
        cn_warn("warning: %s: kept %ld supplier code%s that %s no country, as named suppliers whose shares count "
                "in the totals: %s (--strict makes this an error)", path, t->nkept, t->nkept == 1 ? "" : "s",
                t->nkept == 1 ? "is" : "are", t->kept);
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

cn_status cn_i_trade_count_kept(cn_trade *t, cn_error *err)
{
    enum { FIRST = 5 };
    char buf[512] = "";
    size_t used = 0;
    t->nkept = t->nhistorical = 0;
    for (uint32_t i = 0; i < t->ncountries; i++) {
        const char *id = t->countries[i];
        cn_i_code_kind k = cn_i_trade_id_kind(id);
        t->nhistorical += k == CN_I_CODE_HISTORICAL;
        if (k != CN_I_CODE_REGION && k != CN_I_CODE_UNMAPPED)
            continue;
        if (t->nkept++ < FIRST && used < sizeof buf) {
            const char *name = cn_i_trade_country_name(id);
            int w = k == CN_I_CODE_UNMAPPED
                        ? snprintf(buf + used, sizeof buf - used, "%s'%s' (unmapped)", used ? ", " : "", name)
                        : snprintf(buf + used, sizeof buf - used, "%s%s (%s)", used ? ", " : "", id,
                                   name ? name : "region");
            used = w < 0 ? sizeof buf : used + (size_t)w;
        }
    }
    if (t->nkept > FIRST && used + 8 < sizeof buf)
        snprintf(buf + used, sizeof buf - used, ", ...");
    free(t->kept);
    t->kept = NULL;
    if (t->nkept && !(t->kept = cn_strdup(buf)))
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    return CN_OK;
}

const char *cn_trade_drop_name(int d)
{
    static const char *const names[CN_TRADE_NDROP] = {
        "product filter or aggregate product", "year filter", "re-exports, re-imports and other flows",
        "world totals not used", "zero value and quantity", "breakdown rows (transport, customs, 2nd partner, supply)",
        "trade with itself"};
    return d >= 0 && d < CN_TRADE_NDROP ? names[d] : "?";
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
    free(t->importers);
    free(t->imports);
    free(t->products);
    free(t->flows);
    free(t->exports);
    free(t->totals);
    free(t->first_bad);
    free(t->kept);
    free(t);
}
