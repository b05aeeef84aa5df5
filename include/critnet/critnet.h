/* critnet/critnet.h: the public interface of libcritnet, a library for critical-mineral supply networks, by
 * layer (docs/ARCHITECTURE.md). Single-threaded: igraph (this build) and Graphviz keep process-global state. */
#ifndef CRITNET_H
#define CRITNET_H

#if defined(CN_BUILD_LAYER)
#error "critnet/critnet.h is for programs that use libcritnet: the library's own layers include the headers they may use"
#endif

/* graph/: the model, its views and the rules every analysis shares */
#include "critnet/common.h"
#include "critnet/net.h"
#include "critnet/graph.h"
#include "critnet/countries.h"
#include "critnet/headline.h"
#include "critnet/merge.h"
/* algorithms/: computations on the model, results as plain rows */
#include "critnet/concentration.h"
#include "critnet/deps.h"
#include "critnet/diff.h"
#include "critnet/centrality.h"
#include "critnet/chokepoints.h"
#include "critnet/scenario.h"
#include "critnet/view.h"
/* io/: files in and out, importers, writers, diagrams */
#include "critnet/io.h"
#include "critnet/csv.h"
#include "critnet/edgelist.h"
#include "critnet/trade.h"
#include "critnet/usgs.h"
#include "critnet/report.h"
#include "critnet/render.h"
/* datasets/: the built-in datasets */
#include "critnet/datasets.h"
/* supply-risk measures, their inputs and report */
#include "critnet/risk.h"
#include "critnet/robustness.h"
#include "critnet/traderisk.h"
#include "critnet/risk_io.h"

#endif
