/* io/import/trade/flows_i.h: private to io/import/trade: the one rule for the id of a product's group, which
 * cn_trade_to_net (to_net.c) makes a vertex of and the selections of flows.c group by. */
#ifndef CN_IO_TRADE_FLOWS_H
#define CN_IO_TRADE_FLOWS_H

#include <stddef.h>

#include "critnet/trade.h"

/* writes the vertex id of product p's group to buf (n bytes): "MINERAL:STAGE" for a mapped HS code
 * (cn_hs_lookup), else "hs:" + the code; returns the map entry, or NULL for an unmapped code. O(entries). */
const cn_hs_mineral *cn_i_trade_group_id(const cn_trade *t, uint32_t p, char *buf, size_t n);

#endif
