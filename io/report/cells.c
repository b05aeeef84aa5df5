/* io/report/cells.c: the cell, JSON-field and error helpers of the report writers (cells_i.h states the
 * rules: one number formatter, one percent formatter, unknown stays unknown). */
#include "report/cells_i.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "critnet/chokepoints.h"
#include "critnet/common.h"

const char *cn_i_num(char *buf, double x, int decimals)
{
    return isnan(x) ? NULL : cn_fmt_num(buf, x, decimals);
}

const char *cn_i_pct(char *buf, double x)
{
    if (isnan(x))
        return NULL;
    double p = x * 100.0;
    int whole = fabs(p - round(p)) < 1e-9;
    cn_fmt_num(buf, whole ? round(p) : p, whole ? 0 : 1);
    strcat(buf, "%");
    return buf;
}

const char *cn_i_pct_or(char *buf, double x, const char *unknown)
{
    return isnan(x) ? unknown : cn_i_pct(buf, x);
}

const char *cn_i_num_or(char *buf, double x, int decimals, const char *unknown)
{
    return isnan(x) ? unknown : cn_fmt_num(buf, x, decimals);
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

cn_status cn_i_oom(cn_error *err)
{
    return cn_error_set(err, CN_ENOMEM, "out of memory writing the report");
}

cn_status cn_i_check(FILE *fp, cn_error *err)
{
    if (ferror(fp))
        return errno ? cn_error_set(err, CN_EIO, "write error: %s", strerror(errno))
                     : cn_error_set(err, CN_EIO, "write error");
    return CN_OK;
}

cn_status cn_i_json_finish(cJSON *root, FILE *fp, cn_error *err)
{
    if (!root)
        return cn_i_oom(err);
    cn_status st = cn_json_write_value(root, fp, err);
    cJSON_Delete(root);
    return st;
}

/* ---- net import reliance as printed ---- */

const char *cn_i_nir_text(const char *text, char *buf, size_t cap)
{
    size_t n = strlen(text);
    int figure = n && text[n - 1] >= '0' && text[n - 1] <= '9';
    snprintf(buf, cap, "%s%s", text, figure ? "%" : "");
    return buf;
}

int cn_i_production_is_exports(const cn_net *net)
{
    return cn_chokepoints_is_world(net); /* the one rule: algorithms/chokepoints_world.c */
}
