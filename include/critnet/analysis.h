/* critnet/analysis.h: concentration and dependency analyses on a cn_net. Results are plain arrays of rows
 * that the caller frees with the matching _free(); nothing here prints. */
#ifndef CRITNET_ANALYSIS_H
#define CRITNET_ANALYSIS_H

#include "critnet/net.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Concentration of one market from the shares of its named (and unnamed-but-single) sources.
 * See docs/measures.md. Unknown values are NAN. */
typedef struct cn_conc {
    int32_t n;         /**< sources with a known share > 0 */
    int32_t top;       /**< index (into the input) of the largest share, or -1 */
    double top_share;  /**< its share */
    double cr3;        /**< sum of the three largest shares */
    double sum;        /**< sum of the known shares */
    double residual;   /**< 1 - sum when the shares are fractions of a whole: the "other" suppliers */
    double hhi;        /**< sum of squared known shares: a lower bound when residual > 0 */
    double hhi_max;    /**< upper bound: hhi + residual * (smallest known share), the residual split into
                            parts no larger than the smallest listed source */
    double effective;  /**< 1 / hhi: the effective number of suppliers (an upper bound when residual > 0) */
} cn_conc;

/** Computes concentration over n shares (NAN entries are ignored). Ties for the top go to the lower index,
 * so callers order the input (by rank, then id) first. O(n). */
void cn_concentration(const double *shares, size_t n, cn_conc *out);

/** Options of cn_deps(). */
typedef struct cn_deps_opts {
    const char *consumer; /**< ISO3 of the importing country (default "USA") */
    double threshold;     /**< top share at or above which a dependency is single-source (default 0.5) */
    unsigned lists;       /**< CN_LIST_* bits: only minerals on one of these lists; 0 = every mineral */
} cn_deps_opts;

void cn_deps_opts_init(cn_deps_opts *o);

/** One mineral's dependency of the consumer. */
typedef struct cn_deps_row {
    int32_t mineral;
    /* net import reliance (relies edge); has_nir = 0 means "no data" */
    int has_nir;
    double nir, nir_lo, nir_hi; /**< nir is NAN when only bounds are known */
    const char *nir_text;       /**< printed form, e.g. ">95" or "E" */
    int32_t nir_year;
    unsigned nir_flags;
    /* import sources (supplies edges for the consumer) */
    int32_t n_sources;        /**< named and unnamed sources, with a share or a rank */
    int32_t n_shares;         /**< of which with a known share */
    int32_t top;              /**< top source: vertex index, CN_UNNAMED, or -2 when there is none */
    int32_t top_rank;
    cn_conc imp;              /**< concentration of the known import shares */
    double other_share;       /**< the share given as "other" in the source, or NAN */
    const char *period;       /**< import-source period, e.g. "2015-18" */
    const char *basis;
    int32_t source;           /**< provenance of the import figures */
    /* world production of the mineral (produces edges of its latest year with known shares) */
    int32_t prod_year;        /**< 0 when the dataset has no production figures for it */
    int32_t prod_top;         /**< top producer: vertex index, or -2 when unknown */
    cn_conc prod;             /**< concentration of the world-production shares */
    /* verdict */
    double severity;          /**< nir * top share (docs/measures.md), NAN when either is unknown; when the
                                   import shares are unknown, nir * top world-production share */
    int severity_world;       /**< 1 when severity (and the flag) rest on world production */
    int single_source;        /**< 1 when the top source holds >= threshold or is the only known source, or
                                   (import shares unknown) NIR >= CN_DEPS_NIR_MIN and the top world producer
                                   holds >= threshold (docs/measures-usgs.md) */
    const char *reason;       /**< why it is flagged, or why nothing is known */
} cn_deps_row;

/** The net import reliance at or above which world-production concentration stands in for unknown import
 * shares in the single-source rule. */
#define CN_DEPS_NIR_MIN 0.5

typedef struct cn_deps_result {
    int32_t consumer;
    double threshold;
    cn_deps_row *rows;
    size_t n;
} cn_deps_result;

/** Single-source dependencies of one consumer, sorted by severity (most severe first; unknown last).
 * Errors: CN_EUSAGE when the consumer is not in the network. O(E log E). */
cn_status cn_deps(const cn_net *net, const cn_deps_opts *opts, cn_deps_result *out, cn_error *err);
void cn_deps_result_free(cn_deps_result *r);

#ifdef __cplusplus
}
#endif
#endif
