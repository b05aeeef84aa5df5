/* tests/unit/test_hhi.c: algorithms/hhi.c, concentration measures against values worked out by hand (docs/measures.md). */
#include "critnet/deps.h"
#include "harness.h"

int main(void)
{
    cn_hhi c;
    /* graphite, MCS 2020 import sources 2015-18: China 33, Mexico 24, Canada 16, India 9, other 18.
     * HHI = .33^2 + .24^2 + .16^2 + .09^2 = .1089 + .0576 + .0256 + .0081 = .2002 (lower bound);
     * residual .18; upper bound .2002 + .18 * .09 = .2164; effective number 1/.2002 = 4.995...; CR3 .73 */
    const double graphite[] = {0.33, 0.24, 0.16, 0.09};
    cn_hhi_compute(graphite, 4, &c);
    CHECK(c.n == 4);
    CHECK(c.top == 0);
    CHECK_NEAR(c.top_share, 0.33, 1e-12);
    CHECK_NEAR(c.hhi, 0.2002, 1e-12);
    CHECK_NEAR(c.residual, 0.18, 1e-12);
    CHECK_NEAR(c.hhi_max, 0.2164, 1e-12);
    CHECK_NEAR(c.effective, 1.0 / 0.2002, 1e-9);
    CHECK_NEAR(c.cr3, 0.73, 1e-12);

    /* a monopoly: HHI 1, one effective supplier, no residual */
    const double mono[] = {1.0};
    cn_hhi_compute(mono, 1, &c);
    CHECK_NEAR(c.hhi, 1.0, 0);
    CHECK_NEAR(c.effective, 1.0, 0);
    CHECK_NEAR(c.residual, 0.0, 0);

    /* four equal suppliers: HHI 4 * 1/16 = .25, effective number 4 */
    const double equal[] = {0.25, 0.25, 0.25, 0.25};
    cn_hhi_compute(equal, 4, &c);
    CHECK_NEAR(c.hhi, 0.25, 1e-15);
    CHECK_NEAR(c.effective, 4.0, 1e-12);
    CHECK(c.top == 0); /* ties go to the first listed */

    /* unknown shares are skipped; none known -> everything unknown */
    const double unknown[] = {NAN, NAN};
    cn_hhi_compute(unknown, 2, &c);
    CHECK(c.n == 0 && c.top == -1 && isnan(c.hhi) && isnan(c.top_share));

    const double mixed[] = {NAN, 0.4, 0.1};
    cn_hhi_compute(mixed, 3, &c);
    CHECK(c.top == 1);
    CHECK_NEAR(c.hhi, 0.17, 1e-12);
    CHECK_NEAR(c.hhi_max, 0.17 + 0.5 * 0.1, 1e-12);
    CHECK_NEAR(c.effective, 1.0 / 0.17, 1e-12); /* residual .5: not more than half, the figure stands */
    CHECK_NEAR(c.effective_min, 1.0 / 0.22, 1e-12);

    /* most imports "other" (issue 12): one named source of 0.01%. 1/hhi = 1/1e-8 = 1e8 is no figure: effective
     * is unknown, its bound 1/hhi_max = 1/(1e-8 + .9999 * 1e-4) = 1/1e-4 = 10000 */
    const double tiny[] = {0.0001};
    cn_hhi_compute(tiny, 1, &c);
    CHECK(isnan(c.effective));
    CHECK_NEAR(c.effective_min, 10000.0, 1e-6);
    return cn_test_done();
}
