/* io/import/trade/aggregate_i.h: world exports summed per (year, product, exporter) while a trade table is
 * read (cn_trade_opts.exporters_only): dense rows of cells, one row per (year, product), indexed by exporter. */
#ifndef CN_IO_TRADE_AGG_H
#define CN_IO_TRADE_AGG_H

#include "critnet/trade.h"
#include "import/trade/maps_i.h"

typedef struct cn_i_expagg {
    struct agg_year *years;
    size_t nyears;
    struct agg_slab *slabs; /* the rows live in a few large blocks: few page faults */
    size_t nslabs;
    size_t cells;           /* cells allocated in all */
    cn_i_flowmap spill;     /* used instead once exporters or cells outgrow the rows */
    int spilled;
} cn_i_expagg;

/* sums n flows into their cells (the importer is only recorded: cn_i_expagg_importers). Errors: CN_ENOMEM (err may be NULL); a is then still
 * valid (some flows may be in) and is freed as usual */
cn_status cn_i_expagg_add(cn_i_expagg *a, const cn_flow *f, size_t n, cn_error *err);
/* sums b (another part of the same table, with its own indices: a's index of b's exporter e is exporter[e],
 * e < nexporters, of b's product p product[p]) into a, row by row; b is left as it was. Errors: CN_ENOMEM,
 * as cn_i_expagg_add */
cn_status cn_i_expagg_merge(cn_i_expagg *a, const cn_i_expagg *b, const int32_t *exporter, size_t nexporters,
                            const int32_t *product, cn_error *err);
/* the sums as flows with importer CN_TRADE_WORLD (*n of them, in (year, product, exporter) order unless they
 * moved to the hash map); a is empty afterwards. *out is malloc'd, the caller's. Errors: CN_ENOMEM; *out is
 * then NULL and a is freed as usual */
cn_status cn_i_expagg_take(cn_i_expagg *a, cn_flow **out, size_t *n, cn_error *err);
/* the importers of the rows summed (cn_i_expagg_add records a row's importer unless it is CN_TRADE_WORLD):
 * one flow per (year, importer), exporter CN_TRADE_WORLD, product 0, figures NAN, in (year slot, importer)
 * order; a is unchanged. *out is malloc'd, the caller's. Errors: CN_ENOMEM (*out then NULL) */
cn_status cn_i_expagg_importers(const cn_i_expagg *a, cn_flow **out, size_t *n, cn_error *err);
void cn_i_expagg_free(cn_i_expagg *a);

#endif
