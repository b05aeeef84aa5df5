/* algorithms/edges_i.h: helpers the per-mineral analyses share (deps, concentration): edges bucketed by mineral,
 * and the order of a market's sources. Private to algorithms/. */
#ifndef CN_ALGORITHMS_EDGES_I_H
#define CN_ALGORITHMS_EDGES_I_H

#include "critnet/net.h"

/* the edges take() accepts, bucketed by mineral in data order (a counting sort, O(V + E)): the edges of
 * vertex v are bucket[start[v] .. start[v + 1]). Both arrays are malloc'd. Returns 0, or -1 out of memory. */
int cn_i_bucket_by_mineral(const cn_net *net, int (*take)(const cn_edge *e, const void *ctx), const void *ctx,
                           int32_t **start, int32_t **bucket);

/* sorts edge indices: larger known share first (unknown last), then lower rank (none last), then the
 * country label, then the order given (a stable sort). O(n log n). */
void cn_i_sort_sources(const cn_net *net, int32_t *ix, size_t n);

/* 1 when vertex v is a mineral chosen by the filter mineral: NULL takes every mineral, "cobalt" takes cobalt and
 * its stages ("cobalt:refinery"). O(length of the id). */
int cn_i_mineral_wanted(const cn_net *net, int32_t v, const char *mineral);
/* CN_EUSAGE "no mineral 'X' in this network" when the filter mineral (not NULL) takes no vertex, else CN_OK.
 * O(V). */
cn_status cn_i_check_mineral(const cn_net *net, const char *mineral, cn_error *err);
/* the index of s in names[0..n), or -1: the parse half of an enum's name table. O(n). */
int cn_i_enum_parse(const char *const *names, int n, const char *s);

#endif
