/* io/import/usgs/usgs_i.h: what the USGS importer's files share: the import context, names -> ids, and the
 * grammar of USGS cells (numbers, W, NA, XX, >95, E, "Less than 1/2 unit"). Private to io/. */
#ifndef CN_IO_USGS_I_H
#define CN_IO_USGS_I_H

#include "critnet/csv.h"
#include "critnet/usgs.h"

typedef struct cn_i_usgs_ctx {
    cn_net *net;
    cn_error *err;
    cn_warn_fn warn;
    void *warn_ctx;
    int32_t usa;        /* the consumer of the U.S. view */
    int edition;        /* e.g. 2024, from the file names; 0 when unknown */
} cn_i_usgs_ctx;

/* one source record per file; *out receives its index */
cn_status cn_i_usgs_source(cn_i_usgs_ctx *c, const char *path, int32_t *out);
void cn_i_usgs_warn(cn_i_usgs_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* trims spaces, tabs and no-break spaces (U+00A0) at both ends, in place; NBSPs inside become spaces */
char *cn_i_usgs_trim(char *s);

/* a country cell -> vertex index, CN_WORLD ("World total...") or CN_OTHER ("Other countries..."). Footnote
 * marks ("Germany6", "Russiae") and qualifiers ("India (ocher)", "Chile, ulexite") are dropped when the
 * full name is unknown. Unknown: CN_EDATA "FILE:LINE: unknown country 'X'". */
cn_status cn_i_usgs_country(cn_i_usgs_ctx *c, const char *cell, const char *file, long line, int32_t *out);

/* a mineral vertex (created on first use, named name); stage may be NULL */
cn_status cn_i_usgs_mineral(cn_i_usgs_ctx *c, const char *id, const char *name, const char *stage, int32_t *out);

/* the mineral id of a USGS commodity code ("raree" -> "rare_earths"), or NULL when the code is unknown */
const char *cn_i_usgs_code_id(const char *code);
/* the mineral id of a commodity name ("RARE EARTHS, compounds and metals" -> "rare_earths"); buf >= 64 */
const char *cn_i_usgs_name_id(const char *name, char *buf, size_t cap);
/* lower-case slug of s: runs of other characters become one '_'; at most max words */
void cn_i_usgs_slug(const char *s, char *buf, size_t cap, int max_words);

/* A value cell. kind: */
enum {
    CN_I_USGS_EMPTY, CN_I_USGS_NUM, CN_I_USGS_W, CN_I_USGS_NA, CN_I_USGS_XX, CN_I_USGS_LT, CN_I_USGS_GT, CN_I_USGS_E,
    CN_I_USGS_TEXT
};
typedef struct cn_i_usgs_val {
    int kind;
    double x;      /* the number (CN_I_USGS_NUM/LT/GT) */
    int est;       /* an "e" prefix marks an estimate */
} cn_i_usgs_val;
/* parses a cell: numbers ("7,900", "e3,900"), W, NA, XX, "—" (zero), "<50", ">95", "E", "Less than 1/2
 * unit" (CN_I_USGS_LT 0.5), "included with ..." (CN_I_USGS_TEXT). Returns 1, or 0 for anything else. */
int cn_i_usgs_value(const char *cell, cn_i_usgs_val *v);

/* 1 when every field of a record is blank (the trailing ",,,,," rows) */
int cn_i_usgs_row_empty(const cn_csv_row *row);
/* case-insensitive helpers */
int cn_i_usgs_starts(const char *s, const char *prefix);
int cn_i_usgs_contains(const char *s, const char *needle);

/* readers of the release's files (world.c, trends.c) */
cn_status cn_i_usgs_read_world(cn_i_usgs_ctx *c, const char *path, const char *code);
cn_status cn_i_usgs_read_fig2(cn_i_usgs_ctx *c, const char *path);
cn_status cn_i_usgs_read_t5(cn_i_usgs_ctx *c, const char *path);
cn_status cn_i_usgs_read_salient(cn_i_usgs_ctx *c, const char *path);

#endif
