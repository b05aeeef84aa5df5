/* algorithms/risk_i.h: the WGI lookup the risk measures share (algorithms/risk.c, algorithms/traderisk.c). Private
 * to algorithms/. */
#ifndef CN_ALGORITHMS_RISK_I_H
#define CN_ALGORITHMS_RISK_I_H

#include "critnet/risk.h"

/* the WGI rows of a cn_risk_inputs sorted by (iso3, year), and its distinct years ascending */
typedef struct wgi_index {
    const cn_risk_wgi **by;
    size_t n;
    int32_t *years;
    size_t nyears;
} wgi_index;

/* builds x over in->wgi (borrowed: x points into it); returns 0, or -1 out of memory (x is then freeable).
 * O(W log W). */
int cn_i_wgi_index_build(const cn_risk_inputs *in, wgi_index *x);
void cn_i_wgi_index_free(wgi_index *x);
/* the row of iso3 in year, or NULL. O(log W). */
const cn_risk_wgi *cn_i_wgi_find(const wgi_index *x, const char *iso3, int32_t year);

#endif
