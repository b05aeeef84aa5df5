/* critnet/traderisk.h: systemic trade risk after Klimek, Obersteiner & Thurner (2015, Sci. Adv. 1:e1500522)
 * (algorithms/traderisk.c, docs/risk.md): per mineral, the vulnerability matrix of import shares weighted by the
 * suppliers' political instability, a TradeRisk centrality per country, the largest eigenvalue and the largest
 * strongly connected component. Rows of numbers; no printing. */
#ifndef CRITNET_TRADERISK_H
#define CRITNET_TRADERISK_H

#include "critnet/risk.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 2
#error "critnet/traderisk.h belongs to algorithms/: graph/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

typedef struct cn_traderisk_opts {
    const char *mineral;  /**< only this mineral and its stages; NULL = all */
    int32_t wgi_year;     /**< the WGI year (0: the latest year of the table) */
    double damping;       /**< alpha of the propagation, in [0,1) (default 0.85) */
} cn_traderisk_opts;

/** Defaults: every mineral, the latest WGI year, damping 0.85. Constant time. */
void cn_traderisk_opts_init(cn_traderisk_opts *o);

/** One country's exposure for one mineral. */
typedef struct cn_traderisk_row {
    int32_t mineral, country;
    double direct;     /**< d_j = sum_i V_ij: its import shares weighted by its suppliers' instability */
    double traderisk;  /**< x_j, x = d + alpha V^T x: direct plus propagated exposure */
} cn_traderisk_row;

/** One mineral's matrix. */
typedef struct cn_traderisk_mineral {
    int32_t mineral;
    int32_t ncountries;  /**< countries in its trade (importers and named suppliers) */
    int32_t nlinks;      /**< V_ij > 0 entries */
    double lambda_max;   /**< spectral radius of V (its Perron root) */
    int32_t scc;         /**< countries in the largest strongly connected component of i -> j where V_ij > 0 */
    double no_pv;        /**< import share (summed over importers) from suppliers without a WGI figure: left out */
} cn_traderisk_mineral;

typedef struct cn_traderisk_result {
    int32_t wgi_year;
    double damping;
    cn_traderisk_mineral *minerals;
    size_t nminerals;
    cn_traderisk_row *rows;  /**< sorted by mineral id, then traderisk (highest first), then country id */
    size_t n;
} cn_traderisk_result;

/** Systemic trade risk of each mineral with supplies edges (every importer's headline import group): V_ij = s_ij
 * u_i, s_ij the share of j's imports from i, u_i = (2.5 - PV_i) / 5 the instability of i from the WGI Political
 * Stability estimate of in (0..1, higher = less stable; countries without one and "other" are left out). The
 * TradeRisk x solves x = d + alpha V^T x (d_j = sum_i V_ij), by iteration to 1e-13. lambda_max: power iteration on
 * V + I (shifted to converge on periodic matrices) to 1e-13. SCC: Tarjan's algorithm. in and net are borrowed; the
 * caller frees *out with cn_traderisk_result_free() (accepts a zero-initialised struct); on failure nothing is left
 * to free. Errors: CN_EUSAGE (unknown mineral, damping outside [0,1), no WGI figure has PV), CN_ENOMEM.
 * O(E log E + sum over minerals of (n^2 + k L)) for n countries, L links and k iterations. */
cn_status cn_traderisk_run(const cn_net *net, const cn_risk_inputs *in, const cn_traderisk_opts *opts,
                           cn_traderisk_result *out, cn_error *err);
void cn_traderisk_result_free(cn_traderisk_result *r);

CN_END_DECLS
#endif
