/* io/report_util.c: formatting helpers shared by the network report writers (percentages, JSON numbers and
 * strings where unknown is null). */
#include "io/report_util.h"

#include <math.h>
#include <stdio.h>

const char *cn_rep_pct(char *buf, double x)
{
    if (isnan(x))
        return NULL;
    double p = x * 100.0;
    if (fabs(p - round(p)) < 1e-9)
        snprintf(buf, 32, "%.0f%%", round(p) + 0.0);
    else
        snprintf(buf, 32, "%.1f%%", p + 0.0);
    return buf;
}

void cn_rep_add_num(cJSON *o, const char *k, double x)
{
    if (isnan(x))
        cJSON_AddNullToObject(o, k);
    else
        cJSON_AddNumberToObject(o, k, x + 0.0);
}

void cn_rep_add_str(cJSON *o, const char *k, const char *s)
{
    if (s)
        cJSON_AddStringToObject(o, k, s);
    else
        cJSON_AddNullToObject(o, k);
}
