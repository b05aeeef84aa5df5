/* critnet/headline.h: the headline rules, in one place: which of the figures a net holds for a (mineral,
 * consumer), or for a mineral, a report cites. Every analysis and the view use these (graph/headline.c);
 * docs/format.md "Headline figures" states them for users. */
#ifndef CRITNET_HEADLINE_H
#define CRITNET_HEADLINE_H

#include "critnet/net.h"

CN_BEGIN_DECLS

/* Each rule picks, among the figures a net holds for one (mineral, consumer) or one mineral, the ones a report
 * cites. Every function reads the edges idx[0..n) (edge indices, in the order given: "data order" is that
 * order), or every edge of the net in index order when idx is NULL (n is then ignored); edges of another
 * kind, mineral or consumer among them are skipped. Results point into the net (borrowed, valid while it
 * is) or are indices the caller's arrays receive; nothing is allocated, nothing fails. */

/* ---- (a) import sources: which group of a consumer's supplies edges of a mineral ---- */

/** The lead edge of the headline import group of (mineral, consumer): the first supplies edge of the pair
 * flagged CN_F_PRIMARY, else the first supplies edge of the pair. NULL when the pair has none. The group
 * is every primary supplies edge of the pair when the lead is primary, else every supplies edge of the pair
 * with the lead's period, basis and year (cn_headline_in_imports). O(n). */
const cn_edge *cn_headline_imports_lead(const cn_net *net, const int32_t *idx, int32_t n, int32_t mineral,
                                        int32_t consumer);

/** 1 when e belongs to the headline import group that lead (from cn_headline_imports_lead) heads, else 0
 * (always 0 for a NULL lead). O(1). */
int cn_headline_in_imports(const cn_edge *e, const cn_edge *lead);

/** The headline import group of (mineral, consumer): writes the indices of its edges, in the order read,
 * to sel (room for n indices, or net->nedges when idx is NULL) and returns how many (0: the pair has no
 * supplies edge). O(n). */
int32_t cn_headline_imports(const cn_net *net, const int32_t *idx, int32_t n, int32_t mineral, int32_t consumer,
                            int32_t *sel);

/* ---- (b) net import reliance: which relies edge of a (mineral, consumer) ---- */

/** The headline relies edge of (mineral, consumer): the first flagged CN_F_PRIMARY, else the one of the
 * latest year (year 0, unknown, is the earliest; ties go to the first read). NULL when the pair has none.
 * O(n). */
const cn_edge *cn_headline_reliance(const cn_net *net, const int32_t *idx, int32_t n, int32_t mineral,
                                    int32_t consumer);

/* ---- (c) world production: which produces edges of a mineral ---- */

/** A mineral's headline group of produces edges, as cn_headline_production() chose it. */
typedef struct cn_headline_production_group {
    int32_t mineral;
    int32_t year;    /**< the group's year (primary group: the year of its first edge); 0 = unknown */
    int primary;     /**< 1: the group is the edges flagged CN_F_PRIMARY (of year, when by_year) */
    int by_year;     /**< 1: the group's edges are those of year */
} cn_headline_production_group;

/** Chooses the headline production group of mineral. With year > 0 (asked for): the produces edges of that
 * year, only the primary ones among them if any is flagged. With year 0: the edges flagged CN_F_PRIMARY if
 * any; else the edges of the latest year with usable figures, that is a world total (a *world* edge with a
 * quantity > 0) or a producer (named or unnamed) with a known share; else the edges of the latest year
 * listed. Fills *out and returns 1 when the group has an edge, 0 when not (the mineral has no produces
 * edge, or none in the year asked for). O(n). */
int cn_headline_production(const cn_net *net, const int32_t *idx, int32_t n, int32_t mineral, int32_t year,
                           cn_headline_production_group *out);

/** 1 when e is a produces edge of the group g (from cn_headline_production), else 0. O(1). */
int cn_headline_in_production(const cn_edge *e, const cn_headline_production_group *g);

CN_END_DECLS
#endif
