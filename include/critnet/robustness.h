/* critnet/robustness.h: robustness of supply under the removal of supplier countries (algorithms/robustness.c,
 * docs/risk.md): the curves of supply still served and of the largest connected component as suppliers are removed
 * one by one, and the robustness R of Schneider et al. (2011, PNAS 108:3838). Rows of numbers; no printing. */
#ifndef CRITNET_ROBUSTNESS_H
#define CRITNET_ROBUSTNESS_H

#include "critnet/net.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 2
#error "critnet/robustness.h belongs to algorithms/: graph/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

/** The order suppliers are removed in. */
typedef enum cn_robustness_strategy {
    CN_ROBUSTNESS_RANDOM = 0,     /**< uniformly random order, `runs` times from `seed` */
    CN_ROBUSTNESS_DEGREE = 1,     /**< most minerals supplied first */
    CN_ROBUSTNESS_STRENGTH = 2,   /**< largest sum of known shares first */
    CN_ROBUSTNESS_BETWEENNESS = 3 /**< highest betweenness in the supplier-mineral(-consumer) graph first */
} cn_robustness_strategy;

typedef struct cn_robustness_opts {
    const char *mineral;   /**< only this mineral and its stages; NULL = all */
    const char *consumer;  /**< NULL: world production (produces edges); else this consumer's import sources */
    cn_robustness_strategy strategy;
    int adaptive;          /**< targeted strategies: recompute the scores after each removal */
    int32_t runs;          /**< random: how many orders (>= 1) */
    uint64_t seed;         /**< random: the seed of the generator (splitmix64) */
} cn_robustness_opts;

/** Defaults: every mineral, world production, random, not adaptive, 100 runs, seed 1. Constant time. */
void cn_robustness_opts_init(cn_robustness_opts *o);

/** The state after Q removals (Q = index in the curve, 0..n). Random: means and standard deviations over the
 * runs; targeted: the sd are 0. */
typedef struct cn_robustness_point {
    int32_t removed;   /**< targeted: the country vertex removed at this step (CN_NONE at Q = 0 and for random) */
    double supply;     /**< mean over minerals with known shares of (share still supplied / share at Q = 0) */
    double supply_sd;
    double lcc;        /**< largest connected component / nodes at Q = 0 */
    double lcc_sd;
} cn_robustness_point;

typedef struct cn_robustness_result {
    cn_robustness_strategy strategy;
    int adaptive;
    int32_t runs;
    uint64_t seed;
    int32_t consumer;      /**< the consumer's vertex, or -1 for world production */
    int32_t nsuppliers;    /**< N: supplier countries (named; "other" and unnamed are not removable) */
    int32_t nminerals;     /**< minerals in the graph */
    int32_t nknown;        /**< of which with known shares (the supply curve's minerals) */
    int32_t nnodes;        /**< nodes of the graph: suppliers + minerals (+ the consumer) */
    double r_supply, r_supply_sd; /**< R = (1/N) sum_{Q=1..N} supply(Q); NAN when no mineral has known shares */
    double r_lcc, r_lcc_sd;       /**< R = (1/N) sum_{Q=1..N} lcc(Q) (Schneider et al.'s definition) */
    cn_robustness_point *curve;   /**< n + 1 points, Q = 0..N */
} cn_robustness_result;

/** Removes the supplier countries of the selected layer one by one and records the curves. The graph: supplier
 * countries and minerals joined by each mineral's headline production group (or the consumer's headline import
 * group), plus the consumer joined to each of its minerals; "other" and unnamed suppliers stay (their shares are
 * supplied) but are not nodes. Scores for the targeted strategies are computed on the remaining graph (adaptive)
 * or once (degree and strength give the same order either way); ties go to the smaller country id. The caller
 * frees *out with cn_robustness_result_free() (accepts a zero-initialised struct); on failure nothing is left to
 * free. Errors: CN_EUSAGE (unknown consumer or mineral, runs < 1, no supplier; betweenness whose O(V E) cost,
 * times N when adaptive, exceeds 2.5e8 steps), CN_ENOMEM, CN_EINTERNAL (igraph). O(N log N + E alpha(V)) per
 * order (the supply lost is a running sum; the largest component a union-find adding the suppliers back in
 * reverse order), times runs (random); targeted orders add O(N^2 + E) once; betweenness O(V E) per computation. */
cn_status cn_robustness_run(const cn_net *net, const cn_robustness_opts *opts, cn_robustness_result *out,
                            cn_error *err);
void cn_robustness_result_free(cn_robustness_result *r);

/** "random", "degree", "strength", "betweenness" ("?" outside the enum); parse: 0 and *out set, or -1. O(1). */
const char *cn_robustness_strategy_name(cn_robustness_strategy s);
int cn_robustness_strategy_parse(const char *s, cn_robustness_strategy *out);

CN_END_DECLS
#endif
