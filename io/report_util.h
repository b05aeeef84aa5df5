/* io/report_util.h: small formatting helpers the network report writers share (internal to io/). */
#ifndef CN_IO_REPORT_UTIL_H
#define CN_IO_REPORT_UTIL_H

#include <cjson/cJSON.h>

/* a fraction as a percentage ("33%", "2.5%"), or NULL for NAN; buf holds 32 bytes */
const char *cn_rep_pct(char *buf, double x);
/* adds a number, or null for NAN, never -0 */
void cn_rep_add_num(cJSON *o, const char *k, double x);
/* adds a string, or null for NULL */
void cn_rep_add_str(cJSON *o, const char *k, const char *s);

#endif
