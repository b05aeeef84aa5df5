/* algorithms/hhi.c: Herfindahl-Hirschman index, top share, CR3 and the effective number of
 * suppliers from a list of market shares, with the bounds that an unlisted residual allows. */
#include "critnet/deps.h"

#include <math.h>

void cn_hhi_compute(const double *shares, size_t n, cn_hhi *out)
{
    double top3[3] = {0, 0, 0};
    double smallest = INFINITY;
    out->n = 0;
    out->top = -1;
    out->top_share = out->cr3 = out->sum = out->residual = out->hhi = out->hhi_max = out->effective = NAN;
    out->effective_min = NAN;
    double sum = 0.0, hhi = 0.0;
    for (size_t i = 0; i < n; i++) {
        double s = shares[i];
        if (isnan(s) || s <= 0.0)
            continue;
        out->n++;
        sum += s;
        hhi += s * s;
        if (s < smallest)
            smallest = s;
        if (out->top < 0 || s > out->top_share) {
            out->top = (int32_t)i;
            out->top_share = s;
        }
        /* keep the three largest */
        if (s > top3[2]) {
            top3[2] = s;
            for (int k = 2; k > 0 && top3[k] > top3[k - 1]; k--) {
                double t = top3[k];
                top3[k] = top3[k - 1];
                top3[k - 1] = t;
            }
        }
    }
    if (out->n == 0)
        return;
    out->sum = sum;
    out->hhi = hhi;
    out->cr3 = top3[0] + top3[1] + top3[2];
    out->residual = sum < 1.0 ? 1.0 - sum : 0.0;
    out->hhi_max = hhi + out->residual * smallest;
    if (out->hhi_max > 1.0)
        out->hhi_max = 1.0;
    out->effective_min = 1.0 / out->hhi_max;
    /* most of the market is "other": 1/hhi of the few named shares is no figure (docs/measures.md) */
    out->effective = out->residual > 0.5 ? NAN : 1.0 / hhi;
}
