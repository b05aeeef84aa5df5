/* critnet/risk_io.h: reading the inputs of the risk measures (WGI and parameter CSV files, the EU CRM 2023
 * tables) into a cn_risk_inputs (io/import/risk_inputs.c), and writing a risk result (io/report/risk_report.c) a robustness
 * result (io/report/robustness_report.c) and a systemic trade risk result (io/report/traderisk_report.c).
 * docs/risk.md describes the file formats. */
#ifndef CRITNET_RISK_IO_H
#define CRITNET_RISK_IO_H

#include <stdio.h>

#include "critnet/io.h"
#include "critnet/risk.h"
#include "critnet/robustness.h"
#include "critnet/traderisk.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 3
#error "critnet/risk_io.h belongs to io/: graph/ and algorithms/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

/** Appends the governance figures of a WGI CSV to in->wgi. Columns by header name (any order, others
 * ignored): a country code `iso3` or `iso3_wb` (World Bank codes ZAR, ROM, KSV, TMP, ADO, WBG become COD, ROU,
 * XKX, TLS, AND, PSE; ANT, the former Netherlands Antilles, is kept), `year`, and either `estimate` (the mean of the six indicators), `mean6_estimate`, or the six
 * indicator columns `va,pv,ge,rq,rl,cc`, averaged over those given (a row with none is skipped); a `pv`
 * column is also kept alone (cn_risk_wgi.pv, for systemic trade risk). path "-" is
 * stdin. Sets in->wgi_source to path when it is unset. Errors: CN_ENOINPUT, CN_EDATA "FILE:LINE: column
 * 'year': expected ..." (a missing column, a bad number or code), CN_ENOMEM; in then holds what it held
 * before plus nothing of this file. O(rows).
 * cn_risk_wgi_read_mem: the same from memory (data borrowed; name used in messages). */
cn_status cn_risk_wgi_read(const char *path, cn_risk_inputs *in, cn_error *err);
cn_status cn_risk_wgi_read_mem(const char *data, size_t len, const char *name, cn_risk_inputs *in, cn_error *err);

/** Appends a parameter CSV to in: columns `mineral` (a critnet mineral id) and `stage` (extraction,
 * processing, E, P, or empty for any), then the parameters `ir`, `eol_rir`, `si_sr` as fractions (or `ir_pct`,
 * `eol_rir_pct`, `si_sr_pct` in percent; empty = unknown), and/or `country` (ISO3 or a name) with `t` and
 * optionally `scope` (gs, sourcing, both; default both): a row with a country is a trade parameter, a row
 * without one a parameter row. Fractions outside [0,1], t outside (0,10], SI_SR of 0 are CN_EDATA. Sets
 * in->params_source to path when unset. Errors: CN_ENOINPUT, CN_EDATA "FILE:LINE: column 'ir': ...",
 * CN_ENOMEM; in then holds nothing of this file. O(rows). */
cn_status cn_risk_params_read(const char *path, cn_risk_inputs *in, cn_error *err);

/** Appends the EU CRM 2023 tables as the European Commission published them (datasets/eu-crm-2023/:
 * parameters.csv, trade_parameters.csv) through a table of EU material names to critnet ids (materials.csv:
 * eu_material,stage,critnet_id). Each mapped (material, stage) assessed by the EU gives one parameter row with
 * EoL_RIR and SI_SR; the EU's import reliance is the EU's own and is left unknown (critnet uses the consumer's),
 * rows the source flags as shifted are left out, and trade parameters are kept for the global-supply scope
 * only (the EU-sourcing ones concern EU trade agreements). All three documents are borrowed. Errors: CN_EDATA
 * (a malformed table, an unknown country name), CN_ENOMEM; in then holds nothing of these tables.
 * O(P * M + T * M) for P parameter, T trade and M material rows. */
cn_status cn_risk_params_read_eu_mem(const char *params, size_t nparams, const char *trade, size_t ntrade,
                                     const char *map, size_t nmap, cn_risk_inputs *in, cn_error *err);

/** Writes a risk result (docs/risk.md describes the columns) as text, CSV, Markdown or JSON; in names the
 * sources of the inputs. Errors: CN_ENOMEM, CN_EIO (critnet/report.h). O(rows). */
cn_status cn_report_risk(const cn_net *net, const cn_risk_result *r, const cn_risk_inputs *in, cn_format fmt,
                         FILE *fp, cn_error *err);

/** Writes a robustness result: R per curve and the curves, one row per Q (CSV: q, removed, supply, supply_sd, lcc,
 * lcc_sd, for plotting). Errors: CN_ENOMEM, CN_EIO (critnet/report.h). O(N). */
cn_status cn_report_robustness(const cn_net *net, const cn_robustness_result *r, cn_format fmt, FILE *fp,
                               cn_error *err);

/** Writes a systemic trade risk result: per mineral lambda_max, the largest SCC and the countries, then one row per
 * (mineral, country) with its direct and total TradeRisk exposure; in names the WGI source. Errors: CN_ENOMEM, CN_EIO
 * (critnet/report.h). O(rows). */
cn_status cn_report_traderisk(const cn_net *net, const cn_traderisk_result *r, const cn_risk_inputs *in,
                              cn_format fmt, FILE *fp, cn_error *err);

/** Draws the supply curves of n robustness results (one per strategy; a random one with its mean +- sd band) as
 * one SVG line chart with cairo (io/chart/line.c): Q on x, supply still served on y, R in the legend; title names
 * the dataset and what was removed. Errors: CN_EIO (write error), CN_EINTERNAL (cairo), CN_ENOMEM. O(total points).
 */
cn_status cn_render_robustness(const cn_net *net, const cn_robustness_result *r, size_t n, FILE *fp, cn_error *err);

CN_END_DECLS
#endif
