/* algorithms/chokepoints_i.h: what the two halves of the chokepoints analysis share (internal): a market (one
 * consumer's headline import group of one mineral), the run's context, the reliance figure, the flow step. */
#ifndef CN_ALGORITHMS_CHOKEPOINTS_I_H
#define CN_ALGORITHMS_CHOKEPOINTS_I_H

#include "critnet/chokepoints.h"

/* a market: the headline supplies edges of (mineral, importer) */
typedef struct cn_i_market {
    int32_t mineral, consumer, node;
    int32_t *sel, nsel;
} cn_i_market;

enum { CN_I_ANY_CONSUMER = -1 }; /* cn_i_choke_ctx.want: no consumer filter */

typedef struct cn_i_choke_ctx {
    const cn_net *net;
    int32_t want;             /* consumer filter, or CN_I_ANY_CONSUMER */
    int world;                /* a world trade table: every exporter is a source of its product (stages 1) */
    double threshold;
    int32_t *cnode;           /* country vertex -> node of the current base, -1 */
    int32_t *relies, nrelies; /* the relies edges, in index order */
    cn_chokepoints_result *out;
    size_t caprows;
    cn_error *err;
} cn_i_choke_ctx;

/* sets c->err to "out of memory" and returns CN_ENOMEM */
cn_status cn_i_choke_oom(cn_i_choke_ctx *c);

/* the headline relies edge of consumer k for mineral m (critnet/headline.h), or NULL. O(relies). */
const cn_edge *cn_i_choke_reliance_edge(const cn_i_choke_ctx *c, int32_t k, int32_t m);

/* its figure: the value, else the lower bound, 0 for a net exporter; NAN when unknown. O(relies). */
double cn_i_choke_reliance(const cn_i_choke_ctx *c, int32_t k, int32_t m);

/* builds the supply flow network of the markets mk[0..nm) of base mineral b (base[m] per mineral) and appends
 * a row per market (of the wanted consumer) to c->out: critical suppliers, dominators, the minimum supplier
 * cut. Errors: CN_ENOMEM, or igraph's through c->err. */
cn_status cn_i_choke_base(cn_i_choke_ctx *c, int32_t b, const int32_t *base, cn_i_market *mk, int32_t nm);

#endif
