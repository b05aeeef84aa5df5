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
    int threads;            /**< BACI files (every row kept, or exporters_only or importer): 0 = two threads
                                 when the file is large (4 MiB) and two processors are online; 1 = one thread;
                                 2 = two threads whatever the size */
    /** progress callback (done, total bytes; total 0 when unknown), called every few thousand rows */
    void (*progress)(uint64_t done, uint64_t total, void *ctx);
    void *progress_ctx;
    int strict;             /**< a supplier code that is no country (a region, an aggregate, an unknown code) is
                                 an error (CN_EDATA, FILE:LINE:COL) instead of a kept supplier and a warning */
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

/** Why rows were left out on purpose (cn_trade.dropped). */
typedef enum cn_trade_drop {
    CN_TRADE_DROP_PRODUCT = 0, /**< the product filter (--products), or an aggregate product (cmdCode TOTAL) */
    CN_TRADE_DROP_YEAR,        /**< the year filter (--year) */
    CN_TRADE_DROP_FLOW,        /**< UN Comtrade flows other than imports and exports (re-exports, re-imports) */
    CN_TRADE_DROP_WORLD,       /**< a world total that is no import total (exporter's world, reporter World) */
    CN_TRADE_DROP_ZERO,        /**< value and quantity both zero or missing: not a supplier */
    CN_TRADE_DROP_BREAKDOWN,   /**< UN Comtrade breakdown rows (motCode, customsCode, partner2Code, mosCode) */
    CN_TRADE_DROP_SELF,        /**< a country's trade with itself (exporters_only/importer) */
    CN_TRADE_NDROP
} cn_trade_drop;
/** cn_trade_drop_name: a short phrase for a reason ("zero value and quantity"), static storage; "?" when out of
 * range. Cannot fail. O(1). */
const char *cn_trade_drop_name(int d);

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
    cn_flow *importers;   /**< exporters_only: the importers of the rows summed, one entry per (year, importer)
                               (exporter CN_TRADE_WORLD, product 0, figures NAN), so that a network built from
                               world exports can still have every country of the full one
                               (cn_trade_net_opts.importer_vertices); NULL otherwise */
    size_t nimporters;
    cn_flow *imports;     /**< cn_trade_keep_strongest: each importer's imports per (product, year) from every
                               flow (exporter CN_TRADE_WORLD), the denominators of import shares once flows
                               hold a selection; NULL otherwise */
    size_t nimports;
    /* private */
    struct cn_trade_maps *maps;
    long dropped[CN_TRADE_NDROP]; /**< rows left out on purpose, by reason (their sum is nfiltered) */
    long nkept;           /**< supplier codes kept that are no current country: regions and aggregates
                               ("region-...", BACI's n.e.s. codes) and unknown codes ("code-" + the code) */
    char *kept;           /**< the first few of them, comma-separated, or NULL (owned by the table) */
    long nhistorical;     /**< historical countries kept (SUN, YUG, CSK, SCG, ANT, BLX, DDR) */
    int exporter_only;    /**< the file has no partner column (one row per country and product): flows are
                               world exports, as with exporters_only */
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

/**
 * cn_trade_keep_strongest: cuts a table of every flow (BACI or CSV read without exporters_only or importer)
 * down to what the weights of the bipartite network (one edge per exporter-product pair, weighted by its
 * largest known share: graph/bipartite.c) need, for the year given (0 = the latest): world exports per
 * (exporter, product) in t->exports, each importer's import totals per product in t->imports, the importers
 * in t->importers, and in t->flows only, per (exporter, product group as cn_trade_to_net() groups them), the
 * flows to the importer it supplies the largest share of (by value, or by quantity for a group without
 * values). cn_trade_to_net() then builds produces edges and, per pair, that one supplies edge. Other years'
 * flows are dropped. A UN Comtrade table, a table with reported totals, one already summed, or one with more
 * than 2^25 product x country cells is left whole. Errors: CN_ENOMEM (the table is then whole, its flows in
 * their order). Time O(F + products x countries) for F flows; memory 4 bytes per flow (an index by importer)
 * and 4 dense tables of products x countries cells (about 20 MB each for 5,000 x 231).
 */
cn_status cn_trade_keep_strongest(cn_trade *t, int year, cn_error *err);

/** The HS6 -> mineral map (datasets/hs_minerals.csv, embedded). */
typedef struct cn_hs_mineral {
    const char *hs6, *mineral, *stage, *description, *note;
    double weight;             /**< the part of the code's trade that is the mineral's: 1 for a specific code,
                                    NAN when no share is published (a basket left out by default); 0 = left
                                    out. A fraction is not applied to flows yet and reads as NAN */
    const char *weight_source; /**< where weight comes from ("specific code", a publication), or why it is absent */
} cn_hs_mineral;
/**
 * cn_hs_include_baskets: on = 1 maps the basket codes that have no published weight (cn_hs_mineral.weight NAN)
 * with weight 1 (`--include-baskets`); 0 (the default) leaves them out: cn_hs_lookup() then skips them, so their
 * trade stays a product of its own ("hs:282739"). A process-wide setting: set it before any table is read (not
 * while another thread reads one). Cannot fail. O(1).
 */
void cn_hs_include_baskets(int on);
/** cn_hs_baskets_included: the setting above (0 or 1). O(1). */
int cn_hs_baskets_included(void);
/**
 * cn_hs_entry: the map entry of an HS6 code whether or not it is mapped now (a basket left out too), or NULL
 * when the code is not in the map. Static storage. O(entries).
 */
const cn_hs_mineral *cn_hs_entry(const char *hs6);
/**
 * cn_hs_weight: the weight applied to an entry's quantities and values: weight when stated, 1 for a basket
 * without one under cn_hs_include_baskets(1), else 0 (left out). h may be NULL (0). O(1).
 */
double cn_hs_weight(const cn_hs_mineral *h);
/**
 * cn_hs_basket_note: one line (no newline) naming the basket codes among the products of net (mineral vertex
 * ids "hs:CODE", and the HS codes a mineral vertex's note lists) that were left out or weighted, e.g.
 * "HS basket codes left out (no published share of the mineral in them; --include-baskets maps them with
 * weight 1): 282739 (cobalt:refined), 283329 (cobalt:refined)"; written to buf (cap bytes, cut with "...").
 * Returns the number of basket codes named (0: buf is ""). Cannot fail. O(V x entries).
 */
int cn_hs_basket_note(const cn_net *net, char *buf, size_t cap);
/**
 * cn_hs_lookup: the map entry of an HS6 code ("260500"), or NULL when it is not a mapped code (a basket code
 * left out, cn_hs_weight() 0, is not mapped). A 2- or 4-digit
 * code ("2605") maps through its 6-digit children in the map: the first child's entry when all its mapped
 * children are one mineral and stage, else NULL. The entry is static storage (loaded once per process,
 * thread-safe); NULL too if the embedded map could not be loaded (out of memory). O(entries).
 */
const cn_hs_mineral *cn_hs_lookup(const char *hs6);
/** cn_hs_get: the i-th entry of the map (static storage), or NULL past the end; to list the map. O(1). */
/**
 * cn_hs_name: the HS 1992 name of a 2-, 4- or 6-digit HS code ("2605": "Cobalt ores and concentrates"), from the
 * table embedded at build time (datasets/hs/hs_names.csv: every chapter and heading, and the subheadings of the
 * chapters that hold critical minerals; datasets/hs/SOURCE.md), or NULL when the code is not in it (or the table
 * could not be loaded: out of memory). Static storage, loaded once per process, thread-safe. O(entries).
 */
const char *cn_hs_name(const char *code);
const cn_hs_mineral *cn_hs_get(size_t i);

/** Options of cn_trade_to_net(). */
typedef struct cn_trade_net_opts {
    int year;              /**< the year to take; 0 = the latest in the table */
    const char *period;    /**< printed period for undated tables (e.g. "2018-2020"), or NULL */
    const char *name, *title, *source_id, *source_title;  /**< metadata; NULL = from the layout */
    int produces_only;     /**< 1: only the world-exports (produces) layer, no per-importer edges (large tables);
                                implied when the table holds world exports only (cn_trade_opts.exporters_only) */
    int importer_vertices; /**< 1: every importer of the year's flows is a country vertex even when no supplies
                                edge is built (an exporters_only table: cn_trade.importers), so the vertices
                                are those of the full network (centralities count isolated countries) */
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

/* ---- the world chokepoints ranking from the flows (io/import/trade/flows.c) ---- */
struct cn_choke_world_markets; /* critnet/chokepoints.h */
/**
 * cn_trade_choke_world: what `chokepoints` on a world table (no consumer) needs, without a network of every flow:
 * from a table of every flow (as cn_trade_keep_strongest() takes it), for opts->year (0 = the latest), the flows
 * summed per (importer, exporter, product group) give each market's critical suppliers (import share >=
 * mk->threshold, in (0,1]) and the suppliers of every market of a group (on a world table every exporter is a
 * source of its own, so a market's minimum supplier cut is its suppliers); they go to *mk in vertex indices of
 * *out, the network of world exports (produces edges) with every country of the year as a vertex (opts with
 * importer_vertices set). No flow is left in t. mk->known is then 1 and cn_chokepoints_world_rank() ranks.
 * When the flows cannot decide it (a UN Comtrade table or one with reported totals, more than 2^25 product x
 * country cells, or a supplier that is no source of the flow network: every one of its world exports of a base
 * mineral zero, and imports of it), *out is the whole network (cn_trade_to_net()), t is unchanged and mk->known
 * is 0: cn_chokepoints_world_run() on it gives the answer. *out is owned by the caller (cn_net_free()), *mk's
 * arrays too (cn_choke_world_markets_free()); nothing to free on failure. Errors: CN_EUSAGE (threshold), those of
 * cn_trade_to_net(), CN_ENOMEM. Time O(F + products x countries) for F flows, plus cn_trade_to_net() of the
 * world exports; memory: 4 bytes per flow and 3 dense tables of products x countries cells.
 */
cn_status cn_trade_choke_world(cn_trade *t, const cn_trade_net_opts *opts, struct cn_choke_world_markets *mk,
                               cn_net **out, cn_error *err);

CN_END_DECLS
#endif
