/* critnet/report_network.h: writers of the network analyses (centrality, projection, chokepoints,
 * profile) as text tables, CSV, Markdown or JSON. They format; they do not compute. */
#ifndef CRITNET_REPORT_NETWORK_H
#define CRITNET_REPORT_NETWORK_H

#include <stdio.h>

#include "critnet/centrality.h"
#include "critnet/chokepoints.h"
#include "critnet/io.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Writes a centrality result: one row per vertex (docs/measures-network.md). CN_ENOMEM on failure. */
cn_status cn_report_centrality(const cn_net *net, const cn_centrality_result *r, cn_format fmt, FILE *fp);

/** Writes a projection as a table of edges, or as GraphML when graphml is set. weighted: the sum of min
 * shares is written (it is always in JSON). */
cn_status cn_report_projection(const cn_net *net, const cn_projection *p, cn_format fmt, int graphml, FILE *fp);

/** Writes a chokepoint result. */
cn_status cn_report_chokepoints(const cn_net *net, const cn_chokepoints *r, cn_format fmt, FILE *fp);

/** Writes a country profile. */
cn_status cn_report_profile(const cn_net *net, const cn_profile *r, cn_format fmt, FILE *fp);

#ifdef __cplusplus
}
#endif
#endif
