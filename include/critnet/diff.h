/* critnet/diff.h: two networks compared for one consumer, mineral by mineral (then -> now): net import
 * reliance, top supplier and share, sources gained and lost, the SINGLE-SOURCE and CONCENTRATED-SUPPLY flags
 * (critnet/deps.h); and per supplier, how many minerals it supplies and where it is first and second. */
#ifndef CRITNET_DIFF_H
#define CRITNET_DIFF_H

#include "critnet/deps.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 2
#error "critnet/diff.h belongs to algorithms/: graph/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

/** Options of cn_diff_run(). Strings are borrowed. */
typedef struct cn_diff_opts {
    const char *consumer;    /**< ISO3 of the importing country, in both networks (default "USA") */
    const char *mineral;     /**< only this mineral id and its stages ("id:stage"); NULL: every mineral */
    const char *supplier;    /**< only this country in the supplier summary, and only the minerals it is a
                                  named source of on either side; NULL: every supplier and mineral */
    double threshold;        /**< SINGLE-SOURCE threshold, as cn_deps_run (default 0.5) */
    double supply_threshold; /**< CONCENTRATED-SUPPLY threshold, as cn_deps_run (default 0.5) */
    unsigned lists;          /**< CN_LIST_* bits, as cn_deps_run (0: every mineral with figures) */
} cn_diff_opts;

/** Sets *o to the defaults: consumer "USA" (a string literal, borrowed), every mineral and supplier,
 * thresholds 0.5, lists 0. Allocates nothing; cannot fail. O(1). */
void cn_diff_opts_init(cn_diff_opts *o);

/** What changed in a row (cn_diff_row.changes bits). */
enum {
    CN_DIFF_NEW = 1u << 0,          /**< the mineral has figures now, none then */
    CN_DIFF_GONE = 1u << 1,         /**< it had figures then, none now */
    CN_DIFF_NIR = 1u << 2,          /**< net import reliance (value, bounds or printed form) */
    CN_DIFF_TOP = 1u << 3,          /**< the top supplier */
    CN_DIFF_SHARE = 1u << 4,        /**< the top supplier's share */
    CN_DIFF_SOURCES = 1u << 5,      /**< sources gained or lost */
    CN_DIFF_SINGLE = 1u << 6,       /**< the SINGLE-SOURCE flag */
    CN_DIFF_CONCENTRATED = 1u << 7  /**< the CONCENTRATED-SUPPLY flag */
};

/** One side (then or now) of a mineral. Strings point into that side's network (borrowed) or the result. */
typedef struct cn_diff_side {
    int present;             /**< the mineral has a deps row (figures for the consumer) on this side */
    int has_nir;
    double nir, nir_lo;      /**< NAN when unknown; nir NAN with nir_lo set for a printed range (">75") */
    const char *nir_text;
    unsigned nir_flags;      /**< CN_F_NET_EXPORTER etc. */
    int32_t nir_year;
    const char *top;         /**< id (or "(unnamed)") of the top supplier, NULL when none is known */
    double top_share;        /**< NAN when unknown */
    int32_t top_rank;        /**< 0: no rank */
    const char *sources;     /**< the named sources, best first (share, then rank), comma-separated; "" none */
    const char *period;      /**< period of the import figures */
    const char *edition;     /**< edition (else title, else id) of the import figures' source record */
    int single_source, concentrated_supply;
} cn_diff_side;

typedef struct cn_diff_row {
    const char *mineral;     /**< id (borrowed from the network that has it, now's first) */
    cn_diff_side then, now;
    const char *gained, *lost; /**< named sources now and not then / then and not now, comma-separated ("" none;
                                    always "" for a new or gone mineral; unnamed sources are not compared) */
    unsigned changes;        /**< CN_DIFF_* bits */
} cn_diff_row;

/** One supplier's role then and now: in how many minerals it is a named import source (in the headline
 * import group, as deps reads it), first, second. Position p (0-based) in the sources sorted by share, then
 * rank, counts only when that source's share is known or its rank is p + 1. */
typedef struct cn_diff_supplier {
    const char *country;     /**< id */
    int32_t n_then, n_now, first_then, first_now, second_then, second_now;
    const char *firsts_then, *firsts_now, *seconds_then, *seconds_now; /**< mineral ids, comma-separated */
} cn_diff_supplier;

typedef struct cn_diff_result {
    const char *consumer;
    int32_t minerals_then, minerals_now; /**< minerals with a row on each side (before the supplier filter) */
    cn_diff_row *rows;       /**< sorted by mineral id */
    size_t n;
    cn_diff_supplier *suppliers; /**< sorted by n_now, then n_then (most first), then id */
    size_t nsuppliers;
    struct cn_diff_pool *pool;   /**< private: the strings the result owns */
} cn_diff_result;

/** Compares then and now (both borrowed; they must outlive *out, whose strings point into them) for
 * opts->consumer: a cn_deps_run on each side with the same options, rows matched by mineral id. The caller
 * frees *out with cn_diff_result_free(); on failure nothing is left to free. Errors: CN_EUSAGE when the
 * consumer is not a country of both networks ("consumer 'X' is not a country of then"), a threshold is
 * outside (0,1], or opts->mineral matches nothing on either side; CN_ENOMEM. O(E log E + M S) for E edges,
 * M minerals and S sources per mineral. */
cn_status cn_diff_run(const cn_net *then, const cn_net *now, const cn_diff_opts *opts, cn_diff_result *out,
                      cn_error *err);
/** Frees what *r holds (rows, suppliers, the strings it owns) and empties it; r itself is the caller's. A
 * result emptied by a failed cn_diff_run is fine. O(rows + suppliers). */
void cn_diff_result_free(cn_diff_result *r);

CN_END_DECLS
#endif
