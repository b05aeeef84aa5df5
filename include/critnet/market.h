/* critnet/market.h: concentration of each mineral's market, per layer: world production (produces edges,
 * shares of the world total) or one consumer's imports (supplies edges). Rows of plain numbers; no printing. */
#ifndef CRITNET_MARKET_H
#define CRITNET_MARKET_H

#include "critnet/analysis.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cn_market_opts {
    cn_layer layer;
    const char *mineral;  /**< only this id and its stages ("cobalt" also takes "cobalt:refinery"); NULL = all */
    int32_t year;         /**< production: this year; 0 = each mineral's latest year with known shares */
    const char *consumer; /**< imports: the importing country (default "USA") */
} cn_market_opts;

void cn_market_opts_init(cn_market_opts *o);

/** One mineral's market. */
typedef struct cn_market_row {
    int32_t mineral;
    int32_t year;          /**< production year, or 0 */
    const char *period;    /**< imports: the period of the import figures */
    const char *unit;      /**< production: the unit of total */
    double total;          /**< production: the world total, NAN when unknown */
    int32_t n_listed;      /**< named (or unnamed single) producers/suppliers listed */
    int32_t n_unknown;     /**< of which without a share (W, NA, rank only) */
    int32_t top;           /**< the top: vertex index, CN_UNNAMED, or -2 when none */
    int32_t top_rank;      /**< imports: its rank, 0 when none */
    double other_share;    /**< the share the source gives to "other countries", NAN when none */
    cn_conc c;             /**< concentration of the known shares (docs/measures-usgs.md) */
    int32_t source;
} cn_market_row;

typedef struct cn_market_result {
    cn_layer layer;
    int32_t consumer;      /**< imports: the consumer's vertex; -1 for production */
    cn_market_row *rows;
    size_t n;
} cn_market_result;

/** Concentration per mineral for one layer, sorted by HHI (highest first; unknown last), then id. Minerals
 * with no figure in the layer are left out. Errors: CN_EUSAGE (unknown consumer or mineral).
 * O(E log E). */
cn_status cn_market(const cn_net *net, const cn_market_opts *opts, cn_market_result *out, cn_error *err);
void cn_market_result_free(cn_market_result *r);

#ifdef __cplusplus
}
#endif
#endif
