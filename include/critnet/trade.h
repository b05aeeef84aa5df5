/* critnet/trade.h: world trade tables (CEPII BACI, UN Comtrade, plain CSV) read by streaming into a flows table,
 * the HS6 -> mineral map, and the supply network built from the flows in hash maps (docs/trade.md). */
#ifndef CRITNET_TRADE_H
#define CRITNET_TRADE_H

#include "critnet/net.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 3
#error "critnet/trade.h belongs to io/: graph/ and algorithms/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

typedef enum cn_trade_layout {
    CN_TRADE_LAYOUT_AUTO = 0,
    CN_TRADE_LAYOUT_BACI,
    CN_TRADE_LAYOUT_COMTRADE,
    CN_TRADE_LAYOUT_CSV
} cn_trade_layout;

/**
 * cn_trade_layout_parse: parses a layout name, "baci", "comtrade" or "csv" (as --from takes it), into *out.
 * Errors: CN_EUSAGE "'S': expected baci, comtrade or csv" (err may be NULL); *out is then unchanged. O(1).
 */
cn_status cn_trade_layout_parse(const char *s, cn_trade_layout *out, cn_error *err);

/** Options of cn_trade_load(). Zero-initialise, then set what you need. */
typedef struct cn_trade_opts {
    cn_trade_layout from;   /**< CN_TRADE_LAYOUT_AUTO: detected from the header */
    const char *columns;    /**< CSV layout: "exporter=COL,importer=COL,product=COL,year=COL,value=COL,quantity=COL"
                                 (exporter, importer, product and value or quantity required) */
    const char *products;   /**< comma-separated HS codes (2 to 6 digits, prefixes match) or mineral ids
                                 (hs_minerals.csv); NULL = every product */
    int year;               /**< keep only this year; 0 = every year */
    int skip_bad;           /**< skip malformed rows (counted in nbad) instead of failing */
    int exporters_only;     /**< BACI and CSV: sum the rows per (exporter, product, year) while reading and keep
                                 no per-row flows (memory grows with exporters x products, not with rows). The
                                 table then holds world exports only and cn_trade_to_net() builds the produces
                                 layer only. Every field of every row is still parsed and checked. Ignored for
                                 UN Comtrade (its flows are reconciled per pair). */
    const char *importer;   /**< BACI and CSV: keep the rows of this importer only (ISO3), and sum every row into
                                 world exports as exporters_only does (cn_trade.exports): the network then has
                                 this importer's supplies edges and the whole production layer, in memory that
                                 grows with its rows, not the file's. Ignored for UN Comtrade. */
    int threads;            /**< BACI files with exporters_only or importer: 0 = two threads when the file is
                                 large (32 MiB) and two processors are online; 1 = one thread; 2 = two threads
                                 whatever the size */
    /** progress callback (done, total bytes; total 0 when unknown), called every few thousand rows */
    void (*progress)(uint64_t done, uint64_t total, void *ctx);
    void *progress_ctx;
} cn_trade_opts;

/** One aggregated flow. Indices point into cn_trade.countries / .products. NAN = unknown. */
typedef struct cn_flow {
    uint16_t exporter, importer;
    uint32_t product;
    int32_t year;         /**< 0 = not given */
    double value;         /**< thousand US dollars */
    double quantity;      /**< metric tons */
} cn_flow;

/** A flows table: BACI and CSV keep one flow per row (a key repeated in the file is summed when the network
 * is built); UN Comtrade flows are reconciled per (exporter, importer, product, year). totals: reported
 * totals of an importer's imports (UN Comtrade partner "World" rows), with exporter = CN_TRADE_WORLD. */
#define CN_TRADE_WORLD 0xFFFFu
typedef struct cn_trade {
    char **countries;     /**< ISO 3166-1 alpha-3 (or "BACI<code>" for BACI's non-ISO groupings) */
    uint32_t ncountries;
    char **products;      /**< HS6 codes as written (leading zeros kept) */
    uint32_t nproducts;
    cn_flow *flows;
    size_t nflows;
    cn_flow *totals;
    size_t ntotals;
    cn_trade_layout layout;
    long rows;            /**< data rows read */
    long nbad;            /**< malformed rows skipped (skip_bad) */
    long nfiltered;       /**< rows left out by the product or year filter, or partner-World/re-export rows */
    char *first_bad;      /**< the first skipped row's message, or NULL */
    int world_exports;    /**< flows are exporters' world exports (importer CN_TRADE_WORLD; exporters_only) */
    cn_flow *exports;     /**< opts.importer: world exports per (exporter, product, year) of every row (importer
                               CN_TRADE_WORLD); flows then hold that importer's rows only. NULL otherwise */
    size_t nexports;
    /* private */
    struct cn_trade_maps *maps;
} cn_trade;

/**
 * cn_trade_load: reads a trade table (path "-" = stdin; ".gz" decompressed) by streaming it through the CSV
 * reader (critnet/csv.h): the layout from the header (or opts->from, opts->columns), countries resolved to
 * ISO3 (BACI codes, names through cn_country_iso3), products and years filtered, flows kept or summed as
 * opts says. opts is borrowed for the call. *out: a new table owned by the caller (cn_trade_free()),
 * NULL on failure; a progress callback, if set, is called from the calling thread.
 * Errors: CN_ENOINPUT (cannot open or read), CN_EDATA ("FILE:1: not a known trade-table header ...",
 * "FILE:LINE:COL: unknown country name 'X'" and other malformed rows, unless opts->skip_bad: they are then
 * counted in nbad), CN_EUSAGE (a bad opts->columns or opts->products), CN_ENOMEM; nothing is left to free.
 * Time: O(rows); memory: the kept flows (or the sums, with exporters_only/importer) plus one read buffer.
 * Large BACI files may be read on two threads (opts->threads).
 */
cn_status cn_trade_load(const char *path, const cn_trade_opts *opts, cn_trade **out, cn_error *err);
/**
 * cn_trade_load_mem: as cn_trade_load() for a table in memory: data[0..len) is borrowed for the call only
 * (read in blocks, never modified); name is used in messages. Always one thread. Errors: as
 * cn_trade_load(), less CN_ENOINPUT. Time: O(rows).
 */
cn_status cn_trade_load_mem(const char *data, size_t len, const char *name, const cn_trade_opts *opts,
                            cn_trade **out, cn_error *err);
/** cn_trade_free: frees a table and everything it holds; t may be NULL. O(countries + products). */
void cn_trade_free(cn_trade *t);

/**
 * cn_trade_detect: the layout of a header line given as its fields (borrowed): BACI (t,i,j,k,v,q),
 * UN Comtrade (reporter, partner, commodity and flow columns) or plain CSV (exporter, importer, product);
 * CN_TRADE_LAYOUT_AUTO when it is none of them. Cannot fail. O(n x names).
 */
cn_trade_layout cn_trade_detect(char **field, size_t n);

/**
 * cn_trade_sniff: 1 when the file at path starts with a trade-table header (reads its first record),
 * 0 otherwise, also when it cannot be read: a probe, not a reader (only a regular file is probed: stdin, a
 * FIFO or a pipe would be consumed; cn_input_sniff reads those once). O(first record).
 */
int cn_trade_sniff(const char *path);

/** The HS6 -> mineral map (datasets/hs_minerals.csv, embedded). */
typedef struct cn_hs_mineral {
    const char *hs6, *mineral, *stage, *description, *note;
} cn_hs_mineral;
/**
 * cn_hs_lookup: the map entry of an HS6 code ("260500"), or NULL when it is not a mapped code. The entry is
 * static storage (loaded once per process, thread-safe); NULL too if the embedded map could not be loaded
 * (out of memory). O(entries).
 */
const cn_hs_mineral *cn_hs_lookup(const char *hs6);
/** cn_hs_get: the i-th entry of the map (static storage), or NULL past the end; to list the map. O(1). */
const cn_hs_mineral *cn_hs_get(size_t i);

/** Options of cn_trade_to_net(). */
typedef struct cn_trade_net_opts {
    int year;              /**< the year to take; 0 = the latest in the table */
    const char *period;    /**< printed period for undated tables (e.g. "2018-2020"), or NULL */
    const char *name, *title, *source_id, *source_title;  /**< metadata; NULL = from the layout */
    int produces_only;     /**< 1: only the world-exports (produces) layer, no per-importer edges (large tables);
                                implied when the table holds world exports only (cn_trade_opts.exporters_only) */
} cn_trade_net_opts;

/**
 * cn_trade_to_net: builds the supply network of one year from a table: per product (mapped HS codes grouped
 * as "mineral:stage"), supplies edges exporter -> product for each importer (share of that importer's
 * imports, ranked; an "other" residual when a reported total exceeds the named partners) and produces
 * edges exporter -> product (share of world exports: world exports play the production layer), with a
 * world-total edge. Shares are by value, or by quantity when the product has no values.
 * t and opts are borrowed. *out: a new network owned by the caller (cn_net_free()), NULL on failure.
 * Errors: CN_EDATA ("no trade flows for year Y"), CN_ENOMEM; nothing is left to free. Time: O(F log F)
 * for F flows.
 */
cn_status cn_trade_to_net(const cn_trade *t, const cn_trade_net_opts *opts, cn_net **out, cn_error *err);

CN_END_DECLS
#endif
