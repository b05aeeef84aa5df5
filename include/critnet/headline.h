/* critnet/headline.h: the headline rules, in one place: which of the figures a net holds for a (mineral,
 * consumer) a report cites. Every analysis and the renderer use these. docs/format.md "Headline figures". */
#ifndef CRITNET_HEADLINE_H
#define CRITNET_HEADLINE_H

#include "critnet/net.h"

CN_BEGIN_DECLS

/** The headline import figures of (mineral, consumer) among the edge indices idx[0..n): the edges flagged
 * primary if any, else the group (period, basis, year) of the first supplies edge. Writes the chosen
 * supplies edges to sel (capacity n) and returns how many. */
int32_t cn_headline_group(const cn_net *net, const int32_t *idx, int32_t n, int32_t *sel);

CN_END_DECLS
#endif
