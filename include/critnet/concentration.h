/* critnet/concentration.h: the Herfindahl-Hirschman index of a set of shares, and the concentration of each
 * mineral's market, per layer: world production (produces edges,
 * shares of the world total), one consumer's imports (supplies edges) or world reserves (the reserves of
 * produces edges). Rows of plain numbers; no printing. */
#ifndef CRITNET_CONCENTRATION_H
#define CRITNET_CONCENTRATION_H

#include "critnet/net.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 2
#error "critnet/concentration.h belongs to algorithms/: graph/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

/** Concentration of one market from the shares of its named (and unnamed-but-single) sources.
 * See docs/measures.md. Unknown values are NAN. */
typedef struct cn_hhi {
    int32_t n;         /**< sources with a known share > 0 */
    int32_t top;       /**< index (into the input) of the largest share, or -1 */
    double top_share;  /**< its share */
    double cr3;        /**< sum of the three largest shares */
    double sum;        /**< sum of the known shares */
    double residual;   /**< 1 - sum when the shares are fractions of a whole: the "other" suppliers */
    double hhi;        /**< sum of squared known shares: a lower bound when residual > 0 */
    double hhi_max;    /**< upper bound: hhi + residual * (smallest known share), the residual split into
                            parts no larger than the smallest listed source */
    double effective;  /**< 1 / hhi: the effective number of suppliers (an upper bound when residual > 0);
                            NAN when the residual dominates (residual > 0.5): 1 / hhi then says little more than
                            "many", up to 1e8 for one named source of 0.01% */
    double effective_min; /**< 1 / hhi_max: the lower bound of the effective number, the figure to print when
                               the residual dominates */
} cn_hhi;

/** Computes concentration over n shares (NAN entries are ignored). Ties for the top go to the lower index,
 * so callers order the input (by rank, then id) first. O(n). */
void cn_hhi_compute(const double *shares, size_t n, cn_hhi *out);


typedef struct cn_concentration_opts {
    cn_layer layer;       /**< CN_LAYER_PRODUCTION, CN_LAYER_IMPORTS or CN_LAYER_RESERVES */
    const char *mineral;  /**< only this id and its stages ("cobalt" also takes "cobalt:refinery"); NULL = all */
    int32_t year;         /**< production: this year (overrides the rule); 0 = each mineral's headline production
                               group: its primary edges, else its latest year with a world total or a known
                               share (critnet/headline.h); reserves: this year, 0 = the latest year with a
                               reserves figure (cn_reserves_group) */
    const char *consumer; /**< imports: the importing country (default "USA") */
} cn_concentration_opts;

/** Sets *o to the defaults: the production layer, every mineral, each mineral's headline year (year 0),
 * consumer "USA" (a string literal; the strings of *o are borrowed, never freed). Allocates nothing.
 * Constant time. */
void cn_concentration_opts_init(cn_concentration_opts *o);

/** One mineral's market. */
typedef struct cn_concentration_row {
    int32_t mineral;
    int32_t year;          /**< production: the headline group's year (0 unknown); imports: 0 */
    const char *period;    /**< imports: the period of the headline import group */
    const char *unit;      /**< production: the unit of total */
    double total;          /**< production: the world total, NAN when unknown */
    int32_t n_listed;      /**< named (or unnamed single) producers/suppliers listed */
    int32_t n_unknown;     /**< of which without a share (W, NA, rank only) */
    int32_t top;           /**< the top: vertex index, CN_UNNAMED, CN_OTHER, or CN_NONE when none */
    int32_t top_rank;      /**< imports: its rank, 0 when none */
    double other_share;    /**< the share the source gives to "other countries", NAN when none */
    cn_hhi c;             /**< concentration of the known shares (docs/measures-usgs.md) */
    int32_t source;
    int shares_of;         /**< reserves: 1 shares of the printed world total, 2 of the sum of the listed
                                figures (countries and "other"; no world total printed), 0 no data */
    int shares_max;        /**< reserves: 1 when top_share, cr3, hhi, hhi_max and other_share are upper bounds
                                (and effective, effective_min lower bounds): the world total is printed as a
                                lower bound (">21,000,000", cn_reserves_group.world_min) */
    int total_min;         /**< reserves: 1 when total is that lower bound */
} cn_concentration_row;

typedef struct cn_concentration_result {
    cn_layer layer;
    int32_t consumer;      /**< imports: the consumer's vertex; -1 for production */
    cn_concentration_row *rows;
    size_t n;
} cn_concentration_result;

/** Concentration per mineral for one layer, sorted by HHI (highest first; unknown last), then id, over each
 * mineral's headline figures (critnet/headline.h): the consumer's headline import group, or the headline
 * production group (opts->year overrides its year). Minerals with no figure in the layer are left out, except
 * in the reserves layer: there every mineral with a produces edge has a row, shares_of 0 ("no data") when none
 * of its edges carries reserves (cn_reserves_group says which figures count). net
 * and opts are borrowed. The caller frees *out with cn_concentration_result_free() (constant time; accepts a
 * zero-initialised struct); on failure nothing is left to free. Errors: CN_EUSAGE (unknown consumer or
 * mineral), CN_ENOMEM. O(V + E log E). */
cn_status cn_concentration_run(const cn_net *net, const cn_concentration_opts *opts, cn_concentration_result *out, cn_error *err);
void cn_concentration_result_free(cn_concentration_result *r);

/** The reserves figures of one mineral: the produces edges of one year that carry reserves or sit beside them. */
typedef struct cn_reserves_group {
    int32_t mineral;
    int32_t year;          /**< the year the figures are filed under (MCS: the latest year), 0 = no reserves */
    double world;          /**< the printed world total (CN_WORLD row), NAN when none */
    double listed;         /**< sum of the known reserves of the countries, the unnamed and "other" */
    double other;          /**< "other countries", NAN when none */
    double denom;          /**< what shares are of: world when printed (> 0; printed as a bound: the larger of
                                world and listed, since the world holds at least both), else listed; NAN when
                                neither */
    int shares_of;         /**< 1 world total, 2 listed sum, 0 no data */
    int world_min;         /**< 1 when world is a lower bound (printed ">X", CN_F_RESERVES_MIN) */
    int listed_min;        /**< 1 when a listed figure is a lower bound (MCS nickel's "other" ">9,100,000") */
    int shares_max;        /**< 1 when shares of denom are upper bounds: denom is a lower bound of what they are
                                of (world_min, or listed_min when shares are of the listed sum) */
    int other_min;         /**< 1 when other is a lower bound */
    const char *unit;      /**< unit of the figures (interned in the net) */
    int32_t source;        /**< provenance of the first figure, or -1 */
} cn_reserves_group;

/** Finds the reserves group of mineral m among the edge indices idx[0..n) (NULL: every edge of the net): the
 * produces edges of m in year (0: the latest year where an edge of m carries reserves) and fills *out. A
 * country's share of reserves is cn_reserves_share(). Returns 1 when m has reserves figures, else 0 (out then
 * says no data). Cannot fail. O(n), or O(E) when idx is NULL. */
int cn_reserves_group_find(const cn_net *net, const int32_t *idx, int32_t n, int32_t m, int32_t year,
                           cn_reserves_group *out);
/** 1 when edge e belongs to group g (a produces edge of g's mineral and year), else 0. Constant time. */
int cn_reserves_in_group(const cn_edge *e, const cn_reserves_group *g);
/** e's share of g's reserves: e->reserves / g->denom, NAN when either is unknown, when e's reserves are
 * themselves a lower bound (CN_F_RESERVES_MIN: a bound over a bound says nothing) or when the share exceeds 1
 * (a rounded world total below one country's figure). An upper bound of the share when g->shares_max.
 * Constant time. */
double cn_reserves_share(const cn_edge *e, const cn_reserves_group *g);

CN_END_DECLS
#endif
