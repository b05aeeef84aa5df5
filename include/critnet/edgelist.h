/* critnet/edgelist.h: a plain bipartite edge list (CSV: country side, mineral side, optional share or
 * weight) read as a network, so any two-mode network can be analysed. io/format/edgelist.c. */
#ifndef CRITNET_EDGELIST_H
#define CRITNET_EDGELIST_H

#include "critnet/net.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 3
#error "critnet/edgelist.h belongs to io/: graph/ and algorithms/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

/**
 * cn_edgelist_detect: 1 when path names a regular CSV file (.csv or .csv.gz) whose first record has 2 or 3 fields:
 * an edge list (cn_edgelist_load then checks the header's names); 0 otherwise, also when it cannot be
 * read: a probe, not a reader. O(first record).
 */
int cn_edgelist_detect(const char *path);

/**
 * cn_edgelist_load: reads an edge list ("-" = stdin; ".gz" decompressed): a header line, then one row per
 * edge: the country-side id, the mineral-side id, and (if the header has a third column) the share (a
 * fraction in [0,1]) or weight (finite, >= 0; empty = unknown). Ids are kept as written (trimmed); a side's
 * ids must not appear on the other side, and a pair must not repeat. Each row becomes a produces edge
 * country -> mineral carrying the share, or the weight as its quantity (a weight is no share). The net is
 * checked by cn_net_validate (shares of a mineral sum to at most 1, within world rounding), the message naming
 * the line. *out: a new network owned by the caller (cn_net_free()), NULL on failure. Errors: CN_ENOINPUT,
 * CN_EDATA "FILE:LINE: ..." naming the column, CN_ENOMEM; nothing is left to free. Time: O(rows log rows).
 */
cn_status cn_edgelist_load(const char *path, cn_net **out, cn_error *err);

/**
 * cn_edgelist_parse: as cn_edgelist_load() for an edge list in memory: data[0..len) is borrowed for the call
 * (not modified); name is used in messages. Errors: as cn_edgelist_load() less CN_ENOINPUT. O(rows log rows).
 */
cn_status cn_edgelist_parse(const char *data, size_t len, const char *name, cn_net **out, cn_error *err);

CN_END_DECLS
#endif
