/* critnet/merge.h: composing two networks, figure by figure: the figures of OVER where it has them, those of
 * BASE otherwise, each keeping its own source, edition and period (graph/merge.c, docs/merge.md). */
#ifndef CRITNET_MERGE_H
#define CRITNET_MERGE_H

#include "critnet/net.h"

CN_BEGIN_DECLS

/** Options of cn_net_merge(). Strings are borrowed. */
typedef struct cn_merge_opts {
    const char *name;        /**< the merged net's name; NULL: "OVER+BASE" from the two nets' names */
    const char *title;       /**< its title; NULL: "OVER title, over BASE title" (or the names) */
    const char *description; /**< NULL: none */
} cn_merge_opts;

/** Sets *o to the defaults (every field NULL). Constant time. */
void cn_merge_opts_init(cn_merge_opts *o);

/** Composes over and base into a new net *out: per figure, the one of over where it has one, base's
 * otherwise. A figure is a group of edges of one kind for one mineral (and one consumer for supplies and
 * relies): the import sources of (mineral, consumer), the net import reliance of (mineral, consumer), and the
 * world production of a mineral (its produces edges, which carry the reserves). Over's group, when it has
 * any edge of that key, replaces base's whole group, so shares from two editions never mix in one list.
 * Edges are copied with every field (year, period, basis, flags such as CN_F_PRIMARY) and keep their own
 * source record; sources are the union of both nets' (matched by id, over's record when both have it).
 * Vertices are the union, matched by id: over's name, base's stage and note where over has none, the list
 * tags of both (OR). Edges come in order: over's, then base's that over does not replace, so groups stay
 * together. over and base are borrowed and unchanged; the caller frees *out with cn_net_free(). Errors:
 * CN_EDATA when a vertex id is a country in one net and a mineral in the other ("merge: 'X' is a country in
 * OVER and a mineral in BASE"), CN_ENOMEM; *out is then NULL and nothing is left to free.
 * O((V + S) S + E log E) for V vertices, S sources and E edges of the two nets. */
cn_status cn_net_merge(const cn_net *over, const cn_net *base, const cn_merge_opts *opts, cn_net **out,
                       cn_error *err);

CN_END_DECLS
#endif
