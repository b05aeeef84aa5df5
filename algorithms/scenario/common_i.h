/* algorithms/scn_util.h: helpers the scenario and coalition computations share (internal): appending to a
 * row's note, and picking a consumer's headline group of import sources for one mineral. */
#ifndef CN_ALGORITHMS_SCN_UTIL_H
#define CN_ALGORITHMS_SCN_UTIL_H

#include <stddef.h>

#include "critnet/net.h"

/* appends "; " and a formatted clause to the NUL-terminated note buf (silently truncated) */
void cn_note_add(char *buf, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* the consumer's import-source group for mineral m among edges ix[0..nix) (all edges when ix is NULL):
 * the edges flagged primary, else the group (period, basis, year) of the first supplies edge in data order.
 * Returns that first edge, or NULL when there is none; *primary tells which rule applies. */
const cn_edge *cn_supplies_group(const cn_net *net, const int32_t *ix, int32_t nix, int32_t c, int32_t m,
                                 int *primary);

/* 1 when e is a supplies edge of consumer c, mineral m, in the group cn_supplies_group() picked */
int cn_in_supplies_group(const cn_edge *e, const cn_edge *first, int primary, int32_t c, int32_t m);

/* notes the countries flagged in mark[] (per vertex) that another group of import sources of (c, m) lists,
 * e.g. "CAN: rank 1 in another source (2020)": the headline group may leave them out */
void cn_note_other_groups(char *buf, size_t cap, const cn_net *net, const cn_edge *first, int primary,
                          int32_t c, int32_t m, const char *mark);

#endif
