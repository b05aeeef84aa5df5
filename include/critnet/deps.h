/* critnet/deps.h: single-source dependencies of one consumer on a cn_net. Results are plain arrays of rows
 * that the caller frees with the matching _free(); nothing here prints. */
#ifndef CRITNET_DEPS_H
#define CRITNET_DEPS_H

#include "critnet/concentration.h"
#include "critnet/risk.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 2
#error "critnet/deps.h belongs to algorithms/: graph/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

/** Options of cn_deps_run(). */
typedef struct cn_deps_opts {
    const char *consumer; /**< ISO3 of the importing country (default "USA") */
    double threshold;     /**< top share at or above which a dependency is single-source (default 0.5) */
    unsigned lists;       /**< CN_LIST_* bits: only minerals on one of these lists; 0 = every mineral */
    double supply_threshold; /**< top world-producer share at or above which world supply is concentrated
                                  (CONCENTRATED-SUPPLY; default 0.5) */
} cn_deps_opts;

/** Sets *o to the defaults: consumer "USA" (a string literal; the strings of *o are borrowed, never freed),
 * threshold 0.5, every mineral (lists 0), supply threshold 0.5. Allocates nothing. Constant time. */
void cn_deps_opts_init(cn_deps_opts *o);

/** One mineral's dependency of the consumer. */
typedef struct cn_deps_row {
    int32_t mineral;
    /* net import reliance (the headline relies edge, critnet/headline.h); has_nir = 0 means "no data" */
    int has_nir;
    double nir, nir_lo, nir_hi; /**< nir is NAN when only bounds are known */
    const char *nir_text;       /**< printed form, e.g. ">95" or "E" */
    int32_t nir_year;
    unsigned nir_flags;
    /* import sources (supplies edges for the consumer) */
    int32_t n_sources;        /**< named and unnamed sources, with a share or a rank */
    int32_t n_shares;         /**< of which with a known share */
    int32_t top;              /**< top source: vertex index, CN_UNNAMED, CN_OTHER, or CN_NONE when there is none */
    int32_t top_rank;
    cn_hhi imp;              /**< concentration of the known import shares */
    double other_share;       /**< the share given as "other" in the source, or NAN */
    const char *period;       /**< period of the headline import group (critnet/headline.h), e.g. "2015-18" */
    const char *basis;
    int32_t source;           /**< provenance of the import figures */
    /* world production of the mineral (its headline production group, as cn_concentration_run reads it) */
    int32_t prod_year;        /**< 0 when the dataset has no production figures for it */
    int32_t prod_top;         /**< top producer: vertex index, or CN_NONE when unknown */
    cn_hhi prod;             /**< concentration of the world-production shares */
    /* verdict */
    double severity;          /**< cn_deps_severity() of the row's NIR, top import share and top world-producer
                                   share; NAN when unknown */
    int severity_world;       /**< 1 when severity rests on world production (import shares unknown) */
    int single_source;        /**< SINGLE-SOURCE, import evidence only: the top import source holds >= threshold,
                                   or it is the only known source */
    int concentrated_supply;  /**< CONCENTRATED-SUPPLY, world production only: the top world producer holds >=
                                   the supply threshold (whatever the consumer imports) */
    const char *reason;       /**< why it is flagged single-source, or why nothing is known about imports */
    /* the EU supply risk (set by cn_deps_add_risk only) */
    double sr;                /**< SR of the mineral (critnet/risk.h), NAN: no data */
    int sr_over;              /**< 1 when sr >= the EU threshold (1.0) */
} cn_deps_row;

/** The severity of a dependency, defined here and nowhere else (docs/measures.md): nir x import_top, the
 * consumer's net import reliance times the top import source's share, that is the fraction of apparent
 * consumption that comes from the largest supplier; when import_top is unknown (NAN), nir x world_top, the
 * top world producer's share, and *world (may be NULL) is set to 1 (else 0). nir is the reliance as a
 * number: the value, else its lower bound, 0 for a net exporter. NAN when nir or both shares are unknown.
 * Cannot fail. Constant time. */
double cn_deps_severity(double nir, double import_top, double world_top, int *world);

typedef struct cn_deps_result {
    int32_t consumer;
    double threshold;
    double supply_threshold;
    cn_deps_row *rows;
    size_t n;
    int with_risk;            /**< 1 after cn_deps_add_risk: the rows' sr and sr_over are set */
    double sr_threshold;      /**< the threshold sr_over uses */
} cn_deps_result;

/** Single-source dependencies of one consumer, sorted by severity (most severe first; unknown last), from
 * the headline figures of each mineral (critnet/headline.h). The caller frees *out with
 * cn_deps_result_free(); on failure nothing is left to free. Errors: CN_EUSAGE when the consumer is not in
 * the network or a threshold is outside (0,1], CN_ENOMEM. O(E log E). */
cn_status cn_deps_run(const cn_net *net, const cn_deps_opts *opts, cn_deps_result *out, cn_error *err);
void cn_deps_result_free(cn_deps_result *r);

/** Adds the EU supply risk of risk (a cn_risk_run() result of method CN_RISK_EU_SR for the same net and
 * consumer; borrowed) to the rows of d: each row's sr (NAN when risk has no figure for its mineral) and
 * sr_over, d->with_risk 1 and d->sr_threshold. Allocates nothing; cannot fail. O(d->n x risk->n). */
void cn_deps_add_risk(cn_deps_result *d, const cn_risk_result *risk);
/** The risk figure of mineral in risk (a cn_risk_run() result; borrowed): its row's measure, NAN when risk has
 * no row for it or no figure; *over (not NULL) is set to the row's threshold mark (0 without a row). The one
 * lookup of --with-risk (deps, profile). Cannot fail. O(risk->n). */
double cn_deps_risk_of(const cn_risk_result *risk, int32_t mineral, int *over);

/* ---- the reverse view: who hangs on one supplier (algorithms/deps_supplier.c) ---- */

/** One (consumer, mineral) that imports from the supplier of cn_deps_supplier_run(). */
typedef struct cn_deps_supplier_row {
    int32_t consumer;      /**< vertex index of the importing country */
    int32_t mineral;       /**< vertex index of the mineral */
    double share;          /**< the supplier's share of the consumer's imports (headline import group); NAN
                                when the source names it without a share */
    int32_t rank;          /**< its rank among the consumer's sources (1 = largest), 0 when none is given */
    int top;               /**< 1 when it is the consumer's top source (cn_deps_run's rule) */
    int32_t n_sources;     /**< the consumer's named and unnamed sources in that group */
    int has_nir;           /**< 0: no net import reliance for the pair ("no data") */
    double nir;            /**< the reliance as a number: the value, else its lower bound, 0 for a net exporter */
    const char *nir_text;  /**< printed form, e.g. ">95" or "E" */
    double exposure;       /**< nir x share: the part of the consumer's apparent consumption that comes from
                                the supplier; NAN when either is unknown */
    double world_share;    /**< the supplier's share of world production of the mineral (its headline
                                production group), NAN when not listed or unknown */
    const char *period;    /**< period of the import group, e.g. "2015-18" */
    int32_t source;        /**< provenance of the import figures, or -1 */
} cn_deps_supplier_row;

typedef struct cn_deps_supplier_result {
    int32_t supplier;      /**< vertex index of the supplier */
    int32_t consumers;     /**< distinct consumers among the rows */
    cn_deps_supplier_row *rows;
    size_t n;
} cn_deps_supplier_result;

/** The reverse view of cn_deps_run(): every (consumer, mineral) whose headline import group (critnet/
 * headline.h) names supplier, ranked by exposure (most exposed first, unknown last), then by share, rank,
 * consumer and mineral id. consumer (may be NULL: every consumer) keeps one importing country; lists
 * (CN_LIST_* bits, 0 = every mineral) keeps the minerals on one of those lists. Strings are borrowed. The
 * caller frees *out with cn_deps_supplier_result_free(); on failure nothing is left to free. Errors:
 * CN_EUSAGE when supplier or consumer is not a country of the network, CN_ENOMEM. O(V + E log E). */
cn_status cn_deps_supplier_run(const cn_net *net, const char *supplier, const char *consumer, unsigned lists,
                               cn_deps_supplier_result *out, cn_error *err);
/** Frees the rows of r (not r itself) and leaves it empty; NULL rows are fine. Cannot fail. O(1). */
void cn_deps_supplier_result_free(cn_deps_supplier_result *r);

/* ---- the net import reliance series: one figure per year (algorithms/deps_years.c) ---- */

/** One year's net import reliance, as the source printed it. */
typedef struct cn_nir_point {
    int has;               /**< 0: no figure for that year ("no data"); the other fields are then unknown */
    double nir;            /**< 0..1, NAN when only bounds are known (">95") or for a net exporter */
    double lo, hi;         /**< bounds of nir (equal to nir when it is known) */
    const char *text;      /**< the printed form (">95", "E", "73"), or NULL */
    unsigned flags;        /**< CN_F_ESTIMATED, CN_F_NET_EXPORTER as the source marks them */
} cn_nir_point;

/** One mineral's series: points[k] is the figure for year years[k] of the result. */
typedef struct cn_deps_years_row {
    int32_t mineral;
    const char *basis;     /**< what the series covers (the headline relies edge's basis), or NULL */
    int32_t source;        /**< provenance of the series (its headline figure's source), or -1 when it has none */
    cn_nir_point *points;  /**< nyears points, into the result's storage */
} cn_deps_years_row;

typedef struct cn_deps_years_result {
    int32_t consumer;
    int32_t *years;        /**< ascending */
    size_t nyears;
    cn_deps_years_row *rows;
    size_t n;
    cn_nir_point *points;  /**< storage of every row's points (n x nyears) */
} cn_deps_years_result;

/** The net import reliance of the consumer per mineral and year: for each mineral, the series of relies edges
 * that shares the headline relies edge's basis and edition (critnet/headline.h; the source's edition field, else
 * the same source): one edition, never years spliced from two; a year given twice takes the primary edge. The years are those [from, to] (0: open) that some series has, or
 * every year of [from, to] when both are given. The minerals are those on lists (CN_LIST_* bits; a mineral
 * without a series is a row of "no data"), or with lists 0 every mineral with a relies edge of the consumer;
 * no rows at all when no year is left.
 * Rows are sorted by the latest year's reliance (the value, else its lower bound, 0 for a net exporter;
 * highest first, unknown last), then by id. Strings are borrowed. The caller frees *out with
 * cn_deps_years_result_free(); on failure nothing is left to free. Errors: CN_EUSAGE (consumer not a country of
 * the network; from > to; a range of more than 200 years), CN_ENOMEM. O(V + E log E). */
cn_status cn_deps_years_run(const cn_net *net, const char *consumer, unsigned lists, int32_t from, int32_t to,
                            cn_deps_years_result *out, cn_error *err);
/** Frees what r holds (not r itself) and leaves it empty; a zero-initialised struct is fine. O(1). */
void cn_deps_years_result_free(cn_deps_years_result *r);

CN_END_DECLS
#endif
