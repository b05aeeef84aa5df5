/* algorithms/view_i.h: the view builder the layers share (internal, algorithms/view*.c): the state, nodes and
 * edges created on demand, the filters (--mineral, --country, --min-share, --top), and the layers' builders. */
#ifndef CN_ALGORITHMS_VIEW_I_H
#define CN_ALGORITHMS_VIEW_I_H

#include "critnet/view.h"

/* "none" in the builder's fields: a vertex without a node in that role (or no --country filter), a view edge
 * without a net edge, no one consumer chosen */
enum { CN_I_NO_NODE = -1, CN_I_NO_EDGE = -1, CN_I_ALL_CONSUMERS = -1 };

typedef struct cn_i_vb {
    const cn_net *net;
    const cn_view_opts *o;
    cn_view *v;
    size_t capn, cape;
    int32_t *supplier_of, *mineral_of, *consumer_of; /* vertex -> view node, or CN_I_NO_NODE */
    const char *mineral;                              /* filter: a mineral id (also its stages) or NULL */
    int32_t country;                                  /* filter: a country vertex or CN_I_NO_NODE */
} cn_i_vb;

/* a new node; its index, or -1 out of memory */
int32_t cn_i_view_add_node(cn_i_vb *b, cn_view_node_kind kind, int32_t vertex, int32_t consumer);

/* the node of a vertex in one role (map: b->supplier_of, ...), created on first use; -1 out of memory */
int32_t cn_i_view_role_node(cn_i_vb *b, int32_t *map, cn_view_node_kind kind, int32_t vertex);

/* a new edge from -> to for net edge edge (-1: none), share and rank taken from it; NULL when from or to is
 * negative or out of memory */
cn_view_edge *cn_i_view_add_edge(cn_i_vb *b, int32_t from, int32_t to, cn_edge_kind kind, int32_t edge);

/* 1 when mineral m passes --mineral (the id itself or one of its stages "ID:stage") */
int cn_i_view_mineral_wanted(const cn_i_vb *b, int32_t m);

/* sorts ix[0..n) by size (share, then rank, then quantity, then data order) and keeps the edges that pass
 * --country, --min-share and --top; returns how many remain; *hidden counts the suppliers left out */
int32_t cn_i_view_filter_group(const cn_i_vb *b, int32_t *ix, int32_t n, int32_t consumer, int32_t *hidden);

/* the supply side of one group: nodes for ix[0..n) and edges into mineral node mn; top_edge is highlighted.
 * CN_ENOMEM out of memory. */
cn_status cn_i_view_add_suppliers(cn_i_vb *b, const int32_t *ix, int32_t n, int32_t mn, int32_t consumer,
                                  int32_t top_edge);

/* sorts edge indices by (consumer, mineral, index) */
void cn_i_view_sort_by_market(const cn_net *net, int32_t *ix, size_t n);

/* the layers (view_imports.c, view_production.c, view_scenario.c) */
cn_status cn_i_view_imports(cn_i_vb *b, cn_error *err);
cn_status cn_i_view_production(cn_i_vb *b, cn_error *err);
cn_status cn_i_view_scenario(cn_i_vb *b, cn_error *err);

#endif
