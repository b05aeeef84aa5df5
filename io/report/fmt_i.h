/* io/report_fmt.h: cell and JSON helpers shared by the scenario, cascade and coalition writers: unknown
 * numbers become "unknown" (tables), an empty cell (CSV) or null (JSON); percentages have one decimal. */
#ifndef CN_IO_REPORT_FMT_H
#define CN_IO_REPORT_FMT_H

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "critnet/scenario.h"

/* the shock of a scenario: "CHN restricts graphite by 100.0%; RUS removed", and as a JSON array
 * (io/report_scenario.c) */
void cn_rf_shock_text(const cn_scenario *s, FILE *fp);
cJSON *cn_rf_shock_json(const cn_scenario *s);

/* a fraction as a percentage with one decimal ("33.0%"), or "unknown"; buf holds 32 bytes */
static inline const char *cn_rf_pct(char *buf, double x)
{
    if (isnan(x))
        return "unknown";
    cn_fmt_num(buf, x * 100.0, 1);
    size_t n = strlen(buf);
    buf[n] = '%';
    buf[n + 1] = 0;
    return buf;
}

/* a number with 4 decimals for CSV, or NULL (an empty cell) */
static inline const char *cn_rf_csv(char *buf, double x)
{
    return isnan(x) ? NULL : cn_fmt_num(buf, x, 4);
}

static inline void cn_rf_jnum(cJSON *o, const char *k, double x)
{
    if (isnan(x))
        cJSON_AddNullToObject(o, k);
    else
        cJSON_AddNumberToObject(o, k, x + 0.0);
}

static inline void cn_rf_jstr(cJSON *o, const char *k, const char *s)
{
    if (s)
        cJSON_AddStringToObject(o, k, s);
    else
        cJSON_AddNullToObject(o, k);
}

#endif
