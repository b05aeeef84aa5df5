/* critnet/scenario.h: disruption scenarios (export restrictions, a country removed), the cascade of a shock
 * through a trade network, and the share of supply inside an alliance. docs/scenarios.md has the equations. */
#ifndef CRITNET_SCENARIO_H
#define CRITNET_SCENARIO_H

#include "critnet/countries.h"
#include "critnet/net.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 2
#error "critnet/scenario.h belongs to algorithms/: graph/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

/* ---------------------------------------------------------------- the scenario */

/** One restriction: country cuts a fraction of its exports of mineral (NULL mineral: every mineral, the
 * country is removed). Strings are owned by the scenario. */
typedef struct cn_restriction {
    char *country;   /**< ISO3 or a country name, as given */
    char *mineral;   /**< mineral id, or NULL for every mineral */
    double fraction; /**< 0..1 of its exports withheld */
    char *origin;    /**< where it was given, for messages ("FILE: $.restrict[2]"), or NULL (command line) */
    int32_t c, m;    /**< resolved vertex indices (cn_scenario_resolve); c may be -1: not in the network */
} cn_restriction;

typedef struct cn_scenario {
    char *name, *description;
    cn_restriction *items;
    size_t n, cap;
    char *consumer;        /**< ISO3, or NULL for every consumer of the network */
    char *consumer_origin; /**< where the consumer was given, or NULL */
    double spare;          /**< share of its production each alternative supplier can divert (default 1) */
    int cascade;           /**< 1: run the cascade model (cn_cascade_run) */
    double pass_through;   /**< cascade: fraction of a supply loss passed on to exports (default 1) */
    char **chains;         /**< cascade: processing chains, each "stage1,stage2,..." of mineral ids */
    size_t nchains;
} cn_scenario;

/** cn_scenario_init: an empty scenario (no restriction, no name, every consumer, no chain) with spare and
 * pass_through 1. It allocates nothing, but the functions below fill it with strings and arrays that the
 * scenario owns: the caller releases them with cn_scenario_free(). Constant time.
 * cn_scenario_free: frees every string and array the scenario owns (whatever set them: the functions below,
 * a scenario file reader, or the caller with malloc'd strings) and leaves *s as cn_scenario_init() does, so
 * it may be reused or freed again. O(restrictions + chains). */
void cn_scenario_init(cn_scenario *s);
void cn_scenario_free(cn_scenario *s);

/** Adds a restriction (strings copied; mineral NULL = remove the country). country, mineral and origin are
 * borrowed; the copies belong to s (cn_scenario_free()). Nothing is checked here: cn_scenario_resolve() checks
 * the names and the fraction. On failure s is unchanged but for the capacity of its array. Errors: CN_ENOMEM.
 * Amortised O(length of the strings). */
cn_status cn_scenario_add(cn_scenario *s, const char *country, const char *mineral, double fraction,
                          const char *origin, cn_error *err);

/** Parses the command-line form "CHN:rare_earths" or "CHN:rare_earths=0.5" (or "=50%") and adds it with
 * cn_scenario_add() (no fraction: 1, the whole of its exports). arg is borrowed.
 * Errors: CN_EUSAGE (no "COUNTRY:MINERAL", or a fraction that is not a number in [0,1] or a percentage),
 * CN_ENOMEM. O(length of arg). */
cn_status cn_scenario_parse_restrict(cn_scenario *s, const char *arg, cn_error *err);

/** Adds a processing chain "a,b,c" (copied; chain is borrowed, the copy belongs to s). The mineral ids are
 * checked by cn_cascade_run(), not here. Errors: CN_ENOMEM. O(chains + length of chain). */
cn_status cn_scenario_add_chain(cn_scenario *s, const char *chain, cn_error *err);

/** Resolves the scenario against net (borrowed): sets each restriction's c (the country by id, ISO3, name or
 * alias; -1 for a real country the network does not list) and m (the mineral), and checks the consumer, the
 * fractions and spare and pass_through. Required before cn_scenario_run() and cn_cascade_run(). Allocates
 * nothing. Errors: CN_EUSAGE for an empty scenario, an unknown country or mineral, a fraction, spare or
 * pass-through outside [0,1], or a consumer that is not a country of the network; CN_EDATA instead for a
 * faulty restriction or consumer read from a scenario file (its origin is set; the message names FILE: $.path).
 * O(restrictions x (length of a name + the aliases cn_country_iso3() scans)), with O(1) expected look-ups. */
cn_status cn_scenario_resolve(const cn_net *net, cn_scenario *s, cn_error *err);

/* ---------------------------------------------------------------- world production shares */

/** Shares of world production of one mineral, per vertex (NAN where unknown), from its headline production
 * group (critnet/headline.h: the primary edges, else the latest year with a world total or a known share):
 * the share given on the edge, else quantity / world total of that group, else quantity / the sum over the
 * listed producers (basis "listed producers"). */
typedef struct cn_world_production {
    double *w;          /**< per vertex index; NAN for countries without a figure */
    int32_t year;       /**< 0 when the mineral has no produces edge */
    int any;            /**< 1 when the mineral has produces edges with a known share or quantity */
    int32_t n_unknown;  /**< producers listed that year without a share or quantity (withheld, NA) */
    const char *basis;  /**< "world production", "listed producers", or NULL */
} cn_world_production;

/** w must hold net->nvertices doubles. O(E). */
void cn_world_shares(const cn_net *net, int32_t mineral, double *w, cn_world_production *out);

/* ---------------------------------------------------------------- direct scenario */

/** One supplier of one consumer's mineral: what it sent, what is lost, what it could add. These are the
 * flows a renderer draws: lost (restricted) flows, remaining flows, replacement flows. */
typedef struct cn_scenario_flow {
    int32_t country;     /**< vertex index, CN_UNNAMED or CN_OTHER */
    int supplier;        /**< 1 when listed among the consumer's import sources */
    double share;        /**< share of the consumer's imports before the shock; NAN unknown */
    int32_t rank;        /**< import rank, 0 none */
    double fraction;     /**< fraction of its exports restricted (0 when not restricted) */
    double lost;         /**< share of the consumer's imports lost = share * fraction; NAN unknown */
    double remaining;    /**< share * (1 - fraction); NAN unknown */
    double world_share;  /**< its share of world production (NAN unknown) */
    double replacement;  /**< share of the consumer's imports it adds under the rule; NAN unknown */
} cn_scenario_flow;

typedef struct cn_scenario_row {
    int32_t consumer, mineral;
    int has_nir;          /**< a net import reliance is known (value, bound or net exporter) */
    double nir;           /**< the reliance used: the value, else the lower bound, 0 for a net exporter */
    int nir_bound;        /**< 1 when only a lower bound is known: supply losses are at least the figure */
    const char *nir_text; /**< printed form (">25"), or NULL */
    int32_t nir_edge;     /**< the headline relies edge (critnet/headline.h), or -1 */
    double lost_imports;  /**< share of the consumer's imports lost; NAN unknown */
    double lost;          /**< share of its supply lost = nir * lost_imports; NAN unknown */
    double withheld;      /**< share of world production withheld = sum fraction * world share; NAN unknown */
    double alt_world;     /**< sum of the alternatives' world-production shares; NAN unknown */
    double coverage;      /**< fraction of the gap alternatives cover: min(1, spare * alt_world / withheld) */
    double covered_imports, covered;   /**< gap covered, as a share of imports and of supply */
    double residual_imports, residual; /**< shortfall left */
    int32_t prod_year;
    const char *prod_basis; /**< see cn_world_production.basis */
    char note[256];         /**< what is unknown and why; what a bound means */
    cn_scenario_flow *flows;     /**< suppliers (as listed), then other alternatives by replacement */
    size_t nflows;
} cn_scenario_row;

typedef struct cn_scenario_result {
    double spare;
    cn_scenario_row *rows;
    size_t n;
} cn_scenario_result;

/** The direct effect of a resolved scenario (cn_scenario_resolve()) on each affected consumer and mineral
 * (docs/scenarios.md); s->consumer, when set, limits it to that consumer. net and s are borrowed (rows and
 * flows point to vertex indices of net; nothing in *out points into s). The caller frees *out with
 * cn_scenario_result_free() (O(rows); accepts a zero-initialised struct); on failure nothing is left to free.
 * Errors: CN_EUSAGE when s->consumer is not a country of the network, CN_ENOMEM.
 * O(V + E + M x R) to bucket the edges and match the R restrictions to the M minerals, then per restricted
 * mineral O(V + E) for its world shares and per row O(E + V x suppliers) (alternatives, notes on other
 * import groups); then O(rows log rows) to sort. */
cn_status cn_scenario_run(const cn_net *net, const cn_scenario *s, cn_scenario_result *out, cn_error *err);
void cn_scenario_result_free(cn_scenario_result *r);

/* ---------------------------------------------------------------- cascade */

typedef struct cn_cascade_flow {
    int32_t edge;   /**< supplies edge index */
    double value;   /**< the flow before the shock (value, else quantity) */
    double lost;    /**< the part cut at the fixed point */
} cn_cascade_flow;

/** One (country, product) pair that trades. */
typedef struct cn_cascade_node {
    int32_t country, mineral;
    double imports, exports;   /**< before the shock */
    double restricted;         /**< own restriction f */
    double import_loss;        /**< fraction of its imports lost at the fixed point (m) */
    double export_cut;         /**< fraction of its exports cut (e) */
    int32_t round;             /**< round its imports were first cut, 0 never */
} cn_cascade_node;

typedef struct cn_cascade_country {
    int32_t country;
    double imports, lost_imports, exports, lost_exports; /**< summed over products by value; NAN when the
                           flows are quantities (tons of different products are never added) */
    double loss;      /**< lost_imports / imports: the value-weighted loss over its products; NAN when it imports
                           nothing or the flows are quantities */
    int32_t nproducts;  /**< products it imports */
    int32_t nhit;       /**< of which some imports are lost */
    int32_t worst;      /**< the product (mineral vertex) with the largest import loss, -1 when none is hit */
    double worst_loss;  /**< that product's import loss, in its own unit (fraction); 0 when none is hit */
    int restricted;   /**< it restricts its own exports */
    int32_t round;    /**< first round its imports were cut: 1 = directly by a restricting supplier;
                           >= 2 = indirectly; 0 = never */
} cn_cascade_country;

typedef struct cn_cascade_result {
    int32_t rounds;     /**< the last round in which anything changed by more than the tolerance */
    int converged;
    double tolerance, pass_through;
    const char *basis;  /**< "value" or "quantity" */
    size_t n_skipped;   /**< supplies edges without a value (not in the model) */
    cn_cascade_country *countries; size_t ncountries; /**< sorted by loss (unknown last), worst_loss, id */
    cn_cascade_node *nodes; size_t nnodes;
    cn_cascade_flow *flows; size_t nflows;
} cn_cascade_result;

/** Propagates a resolved scenario through the trade flows (supplies edges) to the least fixed point
 * (docs/scenarios.md). Chains come from s->chains, else from mineral ids "base:stage" in data order.
 * net and s are borrowed. The caller frees *out with cn_cascade_result_free() (constant time; accepts a
 * zero-initialised struct); on failure nothing is left to free. Errors: CN_EDATA when no supplies edge has a
 * value or quantity, CN_EUSAGE for a chain naming an unknown mineral, CN_ENOMEM. O(rounds * (E + links)). */
cn_status cn_cascade_run(const cn_net *net, const cn_scenario *s, cn_cascade_result *out, cn_error *err);
void cn_cascade_result_free(cn_cascade_result *r);

/* ---------------------------------------------------------------- coalitions */

typedef struct cn_coalition_row {
    int32_t mineral;
    double imports_in;    /**< share of the consumer's imports from allies; NAN unknown */
    int imports_at_least; /**< 1 when an unnamed "other" residual may hide more allies */
    double world_in;      /**< share of world production in allied countries; NAN unknown */
    int world_at_least;   /**< 1 when the listed producers leave a residual that may hold more allies */
    int32_t world_year;
    const char *world_basis;
    double gap;           /**< 1 - the smaller known coverage; NAN when both are unknown */
    int below;            /**< the smaller known coverage is below the threshold */
    char note[160];
} cn_coalition_row;

typedef struct cn_coalition_result {
    int32_t consumer;
    double threshold;
    cn_coalition_row *rows;
    size_t n;
} cn_coalition_result;

/** Share of supply inside an alliance (ISO3 codes or names; need not be in the network), per mineral,
 * sorted by gap (largest first, unknown last). Errors: CN_EUSAGE (empty alliance, unknown country or
 * consumer, threshold outside (0,1]), CN_ENOMEM. net, allies and consumer are borrowed; the caller frees
 * *out with cn_coalition_result_free() (constant time); on failure nothing is left to free.
 * O(E + minerals * V). */
cn_status cn_coalition_run(const cn_net *net, const char *const *allies, size_t nallies, const char *consumer,
                       double threshold, cn_coalition_result *out, cn_error *err);
void cn_coalition_result_free(cn_coalition_result *r);

CN_END_DECLS
#endif
