/* tests/unit/test_trade_codes.c: io/import/trade/codes.c: the HS6 -> mineral map (codes as strings, with their
 * stage) embedded from datasets/hs_minerals.csv. */
#include <string.h>

#include "critnet/trade.h"
#include "harness.h"

int main(void)
{
    /* the HS map: codes as strings with their stage */
    const cn_hs_mineral *h = cn_hs_lookup("260500");
    CHECK(h && strcmp(h->mineral, "cobalt") == 0 && strcmp(h->stage, "ore") == 0);
    CHECK(cn_hs_lookup("999999") == NULL);

    return cn_test_done();
}
