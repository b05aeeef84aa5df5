/* io/usgs_internal.h: what the USGS importer's files share: the import context, names -> ids, and the
 * grammar of USGS cells (numbers, W, NA, XX, >95, E, "Less than 1/2 unit"). Private to io/. */
#ifndef CN_IO_USGS_INTERNAL_H
#define CN_IO_USGS_INTERNAL_H

#include "critnet/csv.h"
#include "critnet/usgs.h"

typedef struct usgs_ctx {
    cn_net *net;
    cn_error *err;
    cn_warn_fn warn;
    void *warn_ctx;
    int32_t usa;        /* the consumer of the U.S. view */
    int edition;        /* e.g. 2024, from the file names; 0 when unknown */
} usgs_ctx;

/* one source record per file; *out receives its index */
cn_status usgs_source(usgs_ctx *c, const char *path, int32_t *out);
void usgs_warn(usgs_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* trims spaces, tabs and no-break spaces (U+00A0) at both ends, in place; NBSPs inside become spaces */
char *usgs_trim(char *s);

/* a country cell -> vertex index, CN_WORLD ("World total...") or CN_OTHER ("Other countries..."). Footnote
 * marks ("Germany6", "Russiae") and qualifiers ("India (ocher)", "Chile, ulexite") are dropped when the
 * full name is unknown. Unknown: CN_EDATA "FILE:LINE: unknown country 'X'". */
cn_status usgs_country(usgs_ctx *c, const char *cell, const char *file, long line, int32_t *out);

/* a mineral vertex (created on first use, named name); stage may be NULL */
cn_status usgs_mineral(usgs_ctx *c, const char *id, const char *name, const char *stage, int32_t *out);

/* the mineral id of a USGS commodity code ("raree" -> "rare_earths"), or NULL when the code is unknown */
const char *usgs_code_id(const char *code);
/* the mineral id of a commodity name ("RARE EARTHS, compounds and metals" -> "rare_earths"); buf >= 64 */
const char *usgs_name_id(const char *name, char *buf, size_t cap);
/* lower-case slug of s: runs of other characters become one '_'; at most max words */
void usgs_slug(const char *s, char *buf, size_t cap, int max_words);

/* A value cell. kind: */
enum { USGS_EMPTY, USGS_NUM, USGS_W, USGS_NA, USGS_XX, USGS_LT, USGS_GT, USGS_E, USGS_TEXT };
typedef struct usgs_val {
    int kind;
    double x;      /* the number (USGS_NUM/LT/GT) */
    int est;       /* an "e" prefix marks an estimate */
} usgs_val;
/* parses a cell: numbers ("7,900", "e3,900"), W, NA, XX, "—" (zero), "<50", ">95", "E", "Less than 1/2
 * unit" (USGS_LT 0.5), "included with ..." (USGS_TEXT). Returns -1 for anything else. */
int usgs_value(const char *cell, usgs_val *v);

/* 1 when every field of a record is blank (the trailing ",,,,," rows) */
int usgs_row_empty(const cn_csv_row *row);
/* case-insensitive helpers */
int usgs_starts(const char *s, const char *prefix);
int usgs_contains(const char *s, const char *needle);

/* readers of the release's files (io/usgs_world.c, io/usgs_trends.c) */
cn_status usgs_read_world(usgs_ctx *c, const char *path, const char *code);
cn_status usgs_read_fig2(usgs_ctx *c, const char *path);
cn_status usgs_read_t5(usgs_ctx *c, const char *path);
cn_status usgs_read_salient(usgs_ctx *c, const char *path);

#endif
