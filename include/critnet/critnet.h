/* critnet/critnet.h: the public interface of libcritnet, a library for critical-mineral supply networks.
 * Single-threaded: igraph (this build) and Graphviz keep process-global state. */
#ifndef CRITNET_H
#define CRITNET_H

#include "critnet/common.h"
#include "critnet/net.h"
#include "critnet/io.h"
#include "critnet/analysis.h"
#include "critnet/report.h"
#include "critnet/graph.h"
#include "critnet/csv.h"
#include "critnet/render.h"
#include "critnet/centrality.h"
#include "critnet/chokepoints.h"
#include "critnet/report_network.h"
#include "critnet/edgelist.h"
#include "critnet/scenario.h"
#include "critnet/usgs.h"
#include "critnet/market.h"
#include "critnet/trade.h"

#endif
