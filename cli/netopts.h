/* cli/netopts.h: options the network-analysis commands share (--kinds, --weights, --onto/--projection). */
#ifndef CN_CLI_NETOPTS_H
#define CN_CLI_NETOPTS_H

#include "cli.h"
#include "critnet/centrality.h"
#include "critnet/report.h"

/* "produces,supplies,relies" (or "all") -> bits 1u << cn_edge_kind; returns 0 on success */
int cli_parse_kinds(const char *s, unsigned *out);
/* "countries" / "minerals" -> cn_projection_onto; returns 0 on success */
int cli_parse_onto(const char *s, cn_projection_onto *out);

#endif
