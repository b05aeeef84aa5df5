/* algorithms/scenario/common_i.h: helpers the scenario and coalition computations share (internal): appending
 * to a row's note, and naming the countries another group of import sources lists. */
#ifndef CN_ALGORITHMS_SCENARIO_COMMON_I_H
#define CN_ALGORITHMS_SCENARIO_COMMON_I_H

#include <stddef.h>

#include "critnet/net.h"

/* appends "; " and a formatted clause to the NUL-terminated note buf (silently truncated) */
void cn_i_note_add(char *buf, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* notes the countries flagged in mark[] (per vertex) that another group of import sources of lead's (consumer,
 * mineral) lists than the headline group lead heads (cn_headline_imports_lead), e.g. "CAN: rank 1 in another
 * source (2020)": the headline group may leave them out. Nothing for a NULL lead. O(E). */
void cn_i_note_other_groups(char *buf, size_t cap, const cn_net *net, const cn_edge *lead, const char *mark);

#endif
