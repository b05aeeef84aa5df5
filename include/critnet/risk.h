/* critnet/risk.h: supply-risk measures per mineral (algorithms/risk.c, docs/risk.md): the EU supply risk
 * (EC 2017 methodology), GeoPolRisk (Gemechu et al. 2016) and the governance-weighted HHI, with their inputs
 * (World Bank WGI, EU CRM parameters) passed in as plain tables. Rows of numbers; no reading, no printing. */
#ifndef CRITNET_RISK_H
#define CRITNET_RISK_H

#include "critnet/net.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 2
#error "critnet/risk.h belongs to algorithms/: graph/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

/** The measure a risk run reports (and sorts by). */
typedef enum cn_risk_method {
    CN_RISK_EU_SR = 0,      /**< EU supply risk SR (METHODS-risk.md §1) */
    CN_RISK_GEOPOLRISK = 1, /**< GeoPolRisk of the consumer (§2), without the copper normalisation */
    CN_RISK_HHI_WGI = 2     /**< HHI_WGI,t of world supply alone */
} cn_risk_method;

/** The stage of a mineral the EU assesses: extraction (mining) or processing (refining, smelting). */
typedef enum cn_risk_stage { CN_RISK_STAGE_NONE = 0, CN_RISK_STAGE_EXTRACTION = 1, CN_RISK_STAGE_PROCESSING = 2 } cn_risk_stage;

/** Which supply mix a trade parameter t applies to. */
typedef enum cn_risk_scope { CN_RISK_SCOPE_BOTH = 0, CN_RISK_SCOPE_GS = 1, CN_RISK_SCOPE_SOURCING = 2 } cn_risk_scope;

/** One governance figure: the mean of the six WGI estimates of a country in a year (about -2.5..+2.5,
 * higher = better governance, unscaled), and the Political Stability estimate alone (NAN when not given). */
typedef struct cn_risk_wgi {
    char iso3[4];
    int32_t year;
    double mean;
    double pv;
} cn_risk_wgi;

/** The EU parameters of one mineral (a critnet mineral id, stage included, e.g. "cobalt:refinery") at one
 * stage; fractions, NAN when unknown. */
typedef struct cn_risk_param {
    char *mineral;
    cn_risk_stage stage;
    double ir;       /**< import reliance 0..1 */
    double eol_rir;  /**< end-of-life recycling input rate 0..1 */
    double si_sr;    /**< substitution index for supply risk (0, 1] */
} cn_risk_param;

/** A trade parameter t of one supplier country for one mineral and stage (1 when none is given). */
typedef struct cn_risk_trade {
    char *mineral;
    cn_risk_stage stage;   /**< CN_RISK_STAGE_NONE: any stage */
    char iso3[4];
    cn_risk_scope scope;
    double t;
} cn_risk_trade;

/** The inputs of the measures, owned by whoever made them (io/ readers, datasets/ built-ins: each frees them
 * with cn_risk_inputs_free()). The strings name where the figures come from, for reports. */
typedef struct cn_risk_inputs {
    cn_risk_wgi *wgi;
    size_t nwgi;
    cn_risk_param *params;
    size_t nparams;
    cn_risk_trade *trade;
    size_t ntrade;
    char *wgi_source;     /**< e.g. "World Bank WGI 2024 update (built-in)" or the file name */
    char *params_source;  /**< e.g. "EU CRM 2023 (built-in)" or the file name */
} cn_risk_inputs;

/** Frees everything *in holds and leaves it empty (zero); a zero-initialised *in is fine. O(rows). */
void cn_risk_inputs_free(cn_risk_inputs *in);

/** The EU's governance scaling: (2.5 - mean) * 2, 0..10, higher = worse governance. Constant time. */
double cn_risk_wgi_scaled(double mean);

typedef struct cn_risk_opts {
    cn_risk_method method;
    const char *consumer;  /**< whose sourcing mix and import reliance (default "USA") */
    const char *mineral;   /**< only this id and its stages; NULL = all */
    int32_t wgi_year;      /**< 0: for each mineral the latest WGI year at or before its production year
                                (the earliest year when all are later; the latest when the year is unknown) */
    double threshold;      /**< SR at or above it is marked (the EU's 1.0) */
} cn_risk_opts;

/** Sets *o to the defaults: eu-sr, consumer "USA" (a string literal; *o's strings are borrowed), every mineral,
 * WGI year by production year, threshold 1.0. Constant time. */
void cn_risk_opts_init(cn_risk_opts *o);

/** Where a row's import reliance came from. */
typedef enum cn_risk_ir_from { CN_RISK_IR_NONE = 0, CN_RISK_IR_PARAMS = 1, CN_RISK_IR_DATASET = 2 } cn_risk_ir_from;

/** One mineral's risk. Unknown numbers are NAN. */
typedef struct cn_risk_row {
    int32_t mineral;
    double risk;            /**< the method's figure (NAN: no data) */
    int over;               /**< eu-sr: risk >= threshold */
    cn_risk_stage stage;    /**< the stage whose parameters were used (NONE: no parameters) */
    int32_t prod_year;      /**< the year of the world-production group (0 unknown) */
    int32_t wgi_year;       /**< the WGI year used (0: none) */
    double hhi;             /**< HHI of world production, known shares (fractions) */
    double hhi_wgi_gs;      /**< HHI_WGI,t of world supply */
    double hhi_wgi_src;     /**< HHI_WGI,t of the consumer's sourcing mix (NAN: no sourcing mix) */
    double gs_no_wgi;       /**< share of world supply without a WGI figure ("other", regions): left out */
    double src_no_wgi;      /**< the same in the sourcing mix */
    double ir;              /**< import reliance used */
    cn_risk_ir_from ir_from;
    double eol_rir, si_sr;  /**< parameters used (NAN: missing) */
    double geo_sum;         /**< GeoPolRisk: IR * sum of g_i s_i over the import sources (g = scaled WGI / 10) */
    const char *note;       /**< why a figure is missing, or which term was used alone (library string) */
} cn_risk_row;

typedef struct cn_risk_result {
    cn_risk_method method;
    int32_t consumer;       /**< the consumer's vertex */
    double threshold;
    cn_risk_row *rows;
    size_t n;
} cn_risk_result;

/** Risk per mineral of net with inputs in (borrowed), one row per mineral with world-production figures,
 * sorted by the method's figure (highest first, no data last), then id. World supply: the headline production
 * group's known shares (critnet/headline.h). Sourcing mix of the consumer: domestic (1 - IR) plus IR times its
 * headline import shares by origin; IR from the parameters when they give one, else the consumer's headline
 * net import reliance (a net exporter: 0). Countries without a WGI figure in the year used (and "other",
 * unnamed suppliers) are left out of the sums and their share reported. Parameters are never defaulted:
 * without EoL_RIR and SI_SR the SR is "no data". The caller frees *out with cn_risk_result_free() (accepts a
 * zero-initialised struct); on failure nothing is left to free. Errors: CN_EUSAGE (unknown consumer or
 * mineral), CN_ENOMEM. O(E + V (W + P + T) + R log R) for W WGI, P parameter, T trade rows and R rows. */
cn_status cn_risk_run(const cn_net *net, const cn_risk_inputs *in, const cn_risk_opts *opts, cn_risk_result *out,
                      cn_error *err);
void cn_risk_result_free(cn_risk_result *r);

/** "eu-sr", "geopolrisk", "hhi-wgi" ("?" outside the enum); parse: 0 and *out set, or -1. Constant time. */
const char *cn_risk_method_name(cn_risk_method m);
int cn_risk_method_parse(const char *s, cn_risk_method *out);
/** "extraction", "processing" or NULL for NONE; parse also takes "E"/"P"; 0 and *out set, or -1. O(1). */
const char *cn_risk_stage_name(cn_risk_stage s);
int cn_risk_stage_parse(const char *s, cn_risk_stage *out);

CN_END_DECLS
#endif
