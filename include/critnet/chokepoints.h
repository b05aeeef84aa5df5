/* critnet/chokepoints.h: where a consumer's supply hangs on few suppliers (critical suppliers, minimum
 * supplier cuts, dominators of multi-stage chains, cut vertices, bridges, exposure) and one country's
 * profile. Algorithms in algorithms/chokepoints.c and algorithms/profile.c; docs/measures-network.md. */
#ifndef CRITNET_CHOKEPOINTS_H
#define CRITNET_CHOKEPOINTS_H

#include "critnet/net.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 2
#error "critnet/chokepoints.h belongs to algorithms/: graph/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

/** How far a minimum supplier cut goes. */
typedef enum cn_cut_status {
    CN_CUT_STATUS_OK = 0,       /**< removing the cut set removes all listed supply, and the list is complete */
    CN_CUT_STATUS_PARTIAL,      /**< the cut removes the listed suppliers, but the list does not cover all supply
                              (shares unknown or summing to less than 1) */
    CN_CUT_STATUS_OTHER,        /**< an "other" residual (many small suppliers) remains: no supplier set removes all */
    CN_CUT_STATUS_NONE          /**< no import supply is listed */
} cn_cut_status;

/** A node of the supply flow network: a country (mineral = -1) or the market of mineral m in importer
 * country c (c's imports of m). country may be CN_UNNAMED. */
typedef struct cn_flow_node {
    int32_t country, mineral;
} cn_flow_node;

typedef struct cn_chokepoints_row {
    int32_t consumer, mineral;
    double nir;               /**< net import reliance used for exposure (value, else lower bound), or NAN */
    const char *nir_text;     /**< its printed form when the source gives a range (">25", "<50"), or NULL */
    int nir_net_exporter;     /**< the source says "E": a net exporter (nir 0) */
    int32_t nsuppliers;       /**< direct suppliers in the headline group (named or unnamed) */
    double covered;           /**< sum of their known shares (and "other"), NAN when none is known */
    int32_t *critical;        /**< direct suppliers whose share alone >= threshold, share descending */
    double *critical_share;
    int32_t ncritical;
    cn_flow_node *cut;        /**< a smallest set of supplier countries whose loss removes all supply */
    int32_t ncut;
    cn_cut_status cut_status;
    cn_flow_node *dominators; /**< nodes on every supply path from the sources to this market, nearest first */
    int32_t ndominators;
    int32_t stages;           /**< 1 = direct imports only; more when suppliers' own imports are modelled */
} cn_chokepoints_row;

typedef struct cn_exposure_row {
    int32_t consumer, country;
    double exposure;          /**< sum over minerals of reliance x share */
    int32_t nminerals;        /**< minerals that enter the sum */
    int32_t nunknown;         /**< minerals it supplies where the share or the reliance is unknown */
} cn_exposure_row;

typedef struct cn_chokepoints_result {
    double threshold;
    cn_chokepoints_row *rows;
    size_t n;
    cn_exposure_row *exposure;
    size_t nexposure;
    int32_t *artic;           /**< articulation points of the undirected network (vertex ids sorted by id) */
    int32_t nartic;
    int32_t *bridges;         /**< 2 per bridge: country, mineral; sorted by their ids */
    int32_t nbridges;
    int world_consumer;       /**< 1: a world trade table (cn_chokepoints_is_world) with one consumer: only its
                                   own markets were built (each supplier exports, so is a source of its own:
                                   stages 1) and artic/bridges were not computed (none; nartic = nbridges = 0) */
} cn_chokepoints_result;

/** Chokepoints of every market (mineral, importer) over its headline import group and reliance
 * (critnet/headline.h). consumer: ISO3 or NULL for every consumer in the data. threshold in (0,1]. The caller
 * frees *out with cn_chokepoints_result_free(); on failure nothing is left to free. Errors: CN_EUSAGE for an
 * unknown consumer or a bad threshold, CN_ENOMEM, igraph's (CN_EINTERNAL). Time: one dominator tree per base
 * mineral and one cn_graph_flow_mincut() per market with several stages, on its base's flow network: with
 * V_b nodes and E_b arcs, O((V_b + E_b) alpha(V_b)) per base and O(V_b^2 E_b) at worst per such cut (far less
 * when the cut lies near the market); plus O(E log E) to sort the supplies edges, O(V + E) for the cut
 * vertices and bridges, and O(n log n) to sort the n rows and exposure rows.
 * cn_chokepoints_result_free() releases every row's arrays and the result's, and zeroes *r (a
 * zero-initialised struct is accepted): O(rows). */
cn_status cn_chokepoints_run(const cn_net *net, const char *consumer, double threshold, cn_chokepoints_result *out,
                             cn_error *err);
void cn_chokepoints_result_free(cn_chokepoints_result *r);

/* ---- one country's place in the network (algorithms/profile.c) ---- */

typedef struct cn_profile_supply {
    int32_t consumer, mineral;
    int32_t rank;             /**< best rank any figure gives it (1 = largest supplier), 0 = none */
    double share;             /**< its share of the consumer's imports (headline group), NAN unknown */
    int on_list;              /**< the mineral (or its base mineral) is on the chosen list */
    int32_t rank_source;      /**< source record (index) of the figure that gives rank, or -1 */
    int32_t share_source;     /**< source record of the figure that gives share, or -1 */
    int32_t share_rank;       /**< its place by share among the named sources of the headline group (1 =
                                   largest known share; ties share the place), 0 when share is unknown */
    int disagree;             /**< 1 when rank and share_rank are both known and differ: the rank and the
                                   share tell different stories (e.g. from two sources) */
} cn_profile_supply;

typedef struct cn_profile_count {
    int32_t consumer;
    int32_t nminerals;        /**< distinct (base) minerals it supplies to the consumer */
    int32_t on_list;          /**< of which on the list */
} cn_profile_count;

typedef struct cn_profile_production {
    int32_t mineral, year;
    double quantity;
    const char *unit;
    double share;             /**< share of world production, NAN unknown */
    int share_of;             /**< 0 given by the source, 1 of the world total, 2 of the listed producers only */
    int produced;             /**< 0: a row for reserves only (no figure in the headline production group) */
    double reserves;          /**< its reserves (cn_reserves_group_find's group), in reserves_unit; NAN unknown */
    double reserves_share;    /**< its share of world reserves (cn_reserves_share), NAN unknown */
    int reserves_of;          /**< what reserves_share is of: 1 the world total, 2 the listed figures, 0 none */
    int32_t reserves_year;    /**< the year the reserves are filed under, 0 when the mineral has none */
    const char *reserves_unit;
    int reserves_min;         /**< 1 when reserves is a lower bound (printed ">X"; its share is then unknown) */
    int reserves_share_max;   /**< 1 when reserves_share is an upper bound: world reserves are printed as a
                                   lower bound (cn_reserves_group.shares_max) */
} cn_profile_production;

typedef struct cn_profile_reliance {
    int32_t mineral, year;
    double nir, lo, hi;
    const char *text;
    unsigned flags;
    int32_t top;              /**< its top supplier (country, CN_UNNAMED, CN_OTHER), or CN_NONE */
    double top_share;
    double sr;                /**< cn_profile_add_risk only: the mineral's risk measure, NAN no data */
    int sr_over;              /**< 1 when sr >= the risk result's threshold */
} cn_profile_reliance;

typedef struct cn_profile_result {
    int32_t country;
    unsigned list;            /**< CN_LIST_* bit counted against, 0 = none */
    int32_t list_size;        /**< minerals on that list in the data */
    cn_profile_supply *supplies;
    size_t nsupplies;
    cn_profile_count *counts;
    size_t ncounts;
    cn_profile_production *prod;
    size_t nprod;
    cn_profile_reliance *relies;
    size_t nrelies;
    int with_risk;            /**< 1 after cn_profile_add_risk: the relies rows' sr and sr_over are set */
    int risk_method;          /**< the cn_risk_method of the measure added */
    double sr_threshold;      /**< the threshold sr_over uses */
} cn_profile_result;

/** The profile of country iso3 over the headline figures (critnet/headline.h): its share in each consumer's
 * headline import group, its figure in each mineral's headline production group (a mineral where it has no
 * figure in that group is left out) with its reserves and share of world reserves beside it (a mineral where it
 * holds reserves but has no production figure is a row with produced 0), its headline reliance. list: CN_LIST_2018, CN_LIST_2022 or 0. The caller
 * frees *out with cn_profile_result_free(); on failure nothing is left to free. Errors: CN_EUSAGE if not a
 * country, CN_ENOMEM. O(M * E) for the M minerals and markets it appears in. */
cn_status cn_profile_run(const cn_net *net, const char *iso3, unsigned list, cn_profile_result *out, cn_error *err);
void cn_profile_result_free(cn_profile_result *p);
struct cn_risk_result; /* critnet/risk.h */
/** Adds the risk measure of risk (a cn_risk_run() result for the same net, with the profile's country as
 * consumer; borrowed) to p's relies rows, as cn_deps_add_risk does to deps rows (cn_deps_risk_of, the one
 * lookup): each row's sr (NAN when risk has no figure for its mineral) and sr_over, p->with_risk 1,
 * p->risk_method and p->sr_threshold. Allocates nothing; cannot fail. O(p->nrelies x risk->n). */
void cn_profile_add_risk(cn_profile_result *p, const struct cn_risk_result *risk);

/* ---- world tables: countries ranked per product stage (algorithms/chokepoints_world.c) ---- */

/** One country in one stage group of a world table. */
typedef struct cn_choke_world_row {
    int32_t country;
    double share;        /**< its share of the group's world exports: by value when every product of the group has
                              values, else the mean over the group's products of its share by quantity (tons are
                              never added across products); NAN when unknown */
    int32_t ntop;        /**< products of the group where it is the top exporter (ties count for each) */
    int32_t nallcuts;    /**< products where it is in the minimum supplier cut of every importer's market */
    int32_t *exposed;    /**< consumers for which it is a critical supplier (import share >= threshold) of at
                              least one product of the group, sorted by id */
    int32_t nexposed;
} cn_choke_world_row;

/** The products of one stage (cn_vertex.stage; NULL for products without a stage). */
typedef struct cn_choke_world_group {
    const char *stage;   /**< points into the net; NULL = no stage */
    int32_t *products;   /**< mineral vertices, sorted by id */
    int32_t nproducts;
    int by_value;        /**< 1: shares by value; 0: mean of per-product shares by quantity */
    cn_choke_world_row *rows; /**< ranked: share descending (unknown last), top count, consumers exposed, id */
    size_t n;
} cn_choke_world_group;

typedef struct cn_choke_world_result {
    double threshold;
    cn_choke_world_group *groups; /**< sorted by stage (no stage last) */
    size_t ngroups;
} cn_choke_world_result;

/** 1 when net is a world trade table: its production layer is world exports (every produces edge has a basis
 * starting "world exports", as io/import/trade writes), else 0. O(E). */
int cn_chokepoints_is_world(const cn_net *net);

/** Countries ranked per product stage of a world table: share of world exports, products where the country is
 * the top exporter or in every importer's minimum supplier cut, consumers exposed (it is a critical supplier).
 * mineral: NULL for every product, else a mineral id, its base ("cobalt" for cobalt:ore, cobalt:refined...), or
 * an HS code ("840690" for hs:840690). Cuts and critical suppliers come from cn_chokepoints_run() over every
 * consumer. The caller frees *out with cn_choke_world_result_free(); on failure nothing is left to free.
 * Errors: CN_EUSAGE (bad threshold, no product matches), CN_ENOMEM, those of cn_chokepoints_run(). Time: that
 * of cn_chokepoints_run() plus O(V + E + R log R) for the R (country, consumer) exposure pairs.
 * cn_choke_world_result_free() releases everything and zeroes *r (a zeroed struct is accepted): O(rows). */
cn_status cn_chokepoints_world_run(const cn_net *net, const char *mineral, double threshold,
                                   cn_choke_world_result *out, cn_error *err);
void cn_choke_world_result_free(cn_choke_world_result *r);

/* ---- the world ranking from what each market gives it (algorithms/chokepoints_world.c) ---- */

/** What the world ranking reads of the (product, importer) markets of a world table: which countries are in the
 * minimum supplier cut of every market of a product, and which are critical suppliers of which consumer. Filled
 * from cn_chokepoints_run() rows by cn_chokepoints_world_run(), or from a trade table's flows without building
 * their network (cn_trade_choke_world() in critnet/trade.h). Vertex indices of the net the ranking is run on. */
typedef struct cn_choke_world_markets {
    double threshold;  /**< the critical-supplier threshold the pairs were found with, in (0,1] */
    int known;         /**< 1 once filled; 0: nothing was computed (the caller runs cn_chokepoints_world_run) */
    int32_t *allcuts;  /**< pairs (mineral, country): the country is in the minimum supplier cut of every market of
                            the mineral that has listed supply (at least one) */
    size_t nallcuts;
    int32_t *critical; /**< triples (mineral, country, consumer): the country's import share in the consumer's
                            market of the mineral is at least threshold (critical supplier) */
    size_t ncritical;
} cn_choke_world_markets;

/** cn_chokepoints_world_rank: the ranking of cn_chokepoints_world_run() from markets already summed (mk,
 * borrowed; mk->threshold is the result's): shares and top exporters from net's produces edges, ALL-CUTS and
 * EXPOSED from mk. mineral as for cn_chokepoints_world_run(). The caller frees *out with
 * cn_choke_world_result_free(); on failure nothing is left to free. Errors: CN_EUSAGE (no product matches, a
 * threshold outside (0,1]), CN_ENOMEM. Time O(V + E + A + C log C) for A allcuts pairs and C critical triples. */
cn_status cn_chokepoints_world_rank(const cn_net *net, const cn_choke_world_markets *mk, const char *mineral,
                                    cn_choke_world_result *out, cn_error *err);
/** cn_choke_world_markets_free: frees the arrays of m and zeroes it but for threshold (a zeroed struct is
 * accepted). O(1). */
void cn_choke_world_markets_free(cn_choke_world_markets *m);

CN_END_DECLS
#endif
