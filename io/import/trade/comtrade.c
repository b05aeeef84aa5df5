/* io/import/trade/comtrade.c: UN Comtrade breakdown rows (by mode of transport, customs procedure, second partner,
 * mode of supply), kept aside while reading (rows.c), used where their pair has no total row (docs/trade.md). */
#include <stdlib.h>

#include "import/trade/read_i.h"

static int bd_cmp(const void *pa, const void *pb)
{
    const struct cn_i_breakdown *a = pa, *b = pb;
    long ka[] = {a->target, a->f.exporter, a->f.importer, a->f.product, a->f.year, a->dim};
    long kb[] = {b->target, b->f.exporter, b->f.importer, b->f.product, b->f.year, b->dim};
    for (int i = 0; i < 6; i++)
        if (ka[i] != kb[i])
            return ka[i] < kb[i] ? -1 : 1;
    return 0;
}

/* whether two kept-aside rows are of one pair (and target) */
static int same_pair(const struct cn_i_breakdown *a, const struct cn_i_breakdown *b)
{
    return a->target == b->target && a->f.exporter == b->f.exporter && a->f.importer == b->f.importer &&
           a->f.product == b->f.product && a->f.year == b->f.year;
}

cn_status cn_i_trade_breakdowns(cn_i_trade_loader *ld, cn_error *err)
{
    struct cn_trade_maps *m = ld->m;
    cn_i_flowmap *maps[] = {&m->flows, &m->xflows, &m->totals};
    cn_status st = CN_OK;
    if (m->nbd)
        qsort(m->bd, m->nbd, sizeof *m->bd, bd_cmp);
    for (size_t i = 0; i < m->nbd && !st;) {
        const struct cn_i_breakdown *g = &m->bd[i];
        size_t end = i;
        while (end < m->nbd && same_pair(&m->bd[end], g))
            end++;
        /* no total row for the pair: the rows of its first broken-down dimension add up to it */
        if (!cn_i_flowmap_find(maps[g->target], &g->f))
            for (size_t k = i; k < end && m->bd[k].dim == g->dim && !st; k++) {
                st = cn_i_flowmap_add(maps[g->target], &m->bd[k].f, err);
                ld->t->dropped[CN_TRADE_DROP_BREAKDOWN]--;
                ld->t->nfiltered--;
            }
        i = end;
    }
    free(m->bd);
    m->bd = NULL;
    m->nbd = m->capbd = 0;
    return st;
}
