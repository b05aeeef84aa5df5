/* io/report_util.c: cell and JSON-field helpers of the report writers (io/report_*.c): unknown stays
 * unknown (an empty cell, JSON null). */
#include "report/cells_i.h"

#include <math.h>

#include "critnet/common.h"

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

const char *cn_i_num(char *buf, double x, int decimals)
{
    return isnan(x) ? NULL : cn_fmt_num(buf, x, decimals);
}

void cn_i_json_num(cJSON *o, const char *k, double x)
{
    if (isnan(x))
        cJSON_AddNullToObject(o, k);
    else
        cJSON_AddNumberToObject(o, k, x + 0.0);
}

void cn_i_json_str(cJSON *o, const char *k, const char *s)
{
    if (s)
        cJSON_AddStringToObject(o, k, s);
    else
        cJSON_AddNullToObject(o, k);
}

void cn_i_json_int(cJSON *o, const char *k, int n)
{
    if (n)
        cJSON_AddNumberToObject(o, k, n);
    else
        cJSON_AddNullToObject(o, k);
}

cn_status cn_i_json_finish(cJSON *root, FILE *fp)
{
    cn_status st = cn_json_write_value(root, fp);
    cJSON_Delete(root);
    return st;
}
