/* critnet/report.h: writers that turn analysis results into tables, JSON and CSV. They format; they do
 * not compute. */
#ifndef CRITNET_REPORT_H
#define CRITNET_REPORT_H

#include <stdio.h>

#include "critnet/analysis.h"
#include "critnet/io.h"
#include "critnet/market.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Writes a deps result (docs/deps.md describes the columns). */
cn_status cn_report_deps(const cn_net *net, const cn_deps_result *r, cn_format fmt, FILE *fp);

/** Writes a concentration (market) result (docs/measures-usgs.md describes the columns). */
cn_status cn_report_market(const cn_net *net, const cn_market_result *r, cn_format fmt, FILE *fp);

#ifdef __cplusplus
}
#endif
#endif
