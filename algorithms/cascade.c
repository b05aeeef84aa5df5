/* algorithms/cascade.c: the cascade of an export restriction through trade flows (supplies edges with a
 * value): lost imports are passed on to exports of the same product and of downstream stages. */
#include "critnet/scenario.h"

#include <stdlib.h>
#include <string.h>

cn_status cn_cascade(const cn_net *net, const cn_scenario *s, cn_cascade_result *out, cn_error *err)
{
    (void)net;
    (void)s;
    memset(out, 0, sizeof *out);
    return cn_error_set(err, CN_EINTERNAL, "not yet");
}

void cn_cascade_result_free(cn_cascade_result *r)
{
    free(r->countries);
    free(r->nodes);
    free(r->flows);
    memset(r, 0, sizeof *r);
}
