/* io/report_util.h: cell and JSON-field helpers every report writer uses: unknown numbers become an empty
 * cell or JSON null, never a made-up value. Private to io/. */
#ifndef CN_IO_REPORT_UTIL_H
#define CN_IO_REPORT_UTIL_H

#include <cjson/cJSON.h>
#include <stdio.h>

#include "critnet/io.h"

/* a fraction as a percentage ("33%", "2.5%"), or NULL for NAN; buf holds 32 bytes */
const char *cn_rep_pct(char *buf, double x);
/* x with fixed decimals in buf (32 bytes), or NULL when x is NAN */
const char *cn_i_num(char *buf, double x, int decimals);
/* adds k: x (never -0), or k: null when x is NAN */
void cn_i_json_num(cJSON *o, const char *k, double x);
/* adds k: s, or k: null when s is NULL */
void cn_i_json_str(cJSON *o, const char *k, const char *s);
/* adds k: n, or k: null when n is 0 (an unknown year or rank) */
void cn_i_json_int(cJSON *o, const char *k, int n);
/* writes root (pretty, newline-terminated) and frees it */
cn_status cn_i_json_finish(cJSON *root, FILE *fp);

#endif
