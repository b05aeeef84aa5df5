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
    int strict;         /* unknown supplier names are errors, not warnings */
    int nunknown;       /* supplier names kept as unmapped (not a country, not a known region) */
    char unknown[160];  /* the first few of them, for the one warning */
} cn_i_usgs_ctx;

/* one source record per file; *out receives its index */
cn_status cn_i_usgs_source(cn_i_usgs_ctx *c, const char *path, int32_t *out);
void cn_i_usgs_warn(cn_i_usgs_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* trims spaces, tabs and no-break spaces (U+00A0) at both ends, in place; NBSPs inside become spaces */
char *cn_i_usgs_trim(char *s);

/* a country cell -> vertex index, CN_WORLD ("World total...") or CN_OTHER ("Other countries...", "Other").
 * Footnote marks ("Germany6", "Russiae") and qualifiers ("India (ocher)", "Chile, ulexite") are dropped when
 * the full name is unknown. A region ("Europe") is a named non-country vertex "region-<slug>"; any other name
 * is kept as "code-<name>" and counted (c->nunknown), or with c->strict is CN_EDATA "FILE:LINE: unknown
 * country 'X'". */
cn_status cn_i_usgs_country(cn_i_usgs_ctx *c, const char *cell, const char *file, long line, int32_t *out);
/* the one warning line for the names kept as unmapped suppliers (nothing when none) */
void cn_i_usgs_unknown_report(cn_i_usgs_ctx *c, const char *dir);

/* a mineral vertex (created on first use, named name); stage may be NULL */
cn_status cn_i_usgs_mineral(cn_i_usgs_ctx *c, const char *id, const char *name, const char *stage, int32_t *out);

/* ---- datasets/forms.csv (forms.c): mineral ids and forms across editions ---- */
typedef struct cn_i_form {
    const char *id;       /* "titanium:sponge", "cobalt" */
    const char *mineral;  /* "titanium" */
    const char *stage;    /* "sponge", or NULL */
    const char *name;     /* display name */
    int headline;         /* 1 for the headline form of its mineral */
} cn_i_form;
/* where a label appears (the table's kind column) */
enum {
    CN_I_FORM_ID, CN_I_FORM_CODE, CN_I_FORM_WORLD, CN_I_FORM_NIR_COLUMN, CN_I_FORM_NAME, CN_I_FORM_LIST2018,
    CN_I_FORM_LIST2022, CN_I_FORM_MCS2020, CN_I_FORM_MCS2026, CN_I_FORM_MCS2026_GROUP
};
/* 1 when the embedded table is loaded (0 only when out of memory); loads it once, thread-safe */
int cn_i_form_ready(void);
/* the form with this id, or NULL. O(rows) */
const cn_i_form *cn_i_form_by_id(const char *id);
/* the form whose label of this kind equals label ignoring case (codes, "code/column" NIR columns), in edition
 * (0 = any), or NULL. O(rows) */
const cn_i_form *cn_i_form_label(int kind, const char *label, int edition);
/* the form a printed name stands for (kind CN_I_FORM_NAME or CN_I_FORM_LIST*): slugs compared, the whole name,
 * then the part before its comma, then that without parentheses. NULL when none. O(rows) */
const cn_i_form *cn_i_form_name(int kind, const char *name, int edition);
/* the form of the world-table series of file code `code` whose Type words (key, ' '-separated, spelling fixed)
 * hold every word of a "code/words" row; the first such row wins. NULL when none. O(rows) */
const cn_i_form *cn_i_form_world(const char *code, const char *key, int edition);
/* 1 when id is on the list (CN_LIST_2018 or CN_LIST_2022) of the table. O(rows) */
int cn_i_form_on_list(const char *id, unsigned list);
/* the names of a U.S. list (CN_LIST_2018 or CN_LIST_2022) and their forms, in table order: writes up to cap,
 * returns how many there are. O(rows) */
size_t cn_i_form_list(unsigned list, const cn_i_form **forms, const char **labels, size_t cap);

/* the mineral id of a USGS commodity code ("raree" -> "rare_earths", forms.csv), or NULL when unknown */
const char *cn_i_usgs_code_id(const char *code, int edition);
/* the mineral id of a printed commodity name: forms.csv's rows of kind (CN_I_FORM_NAME, or CN_I_FORM_LIST*
 * then CN_I_FORM_NAME), else the slug of the name before its comma without parentheses; buf >= 64 */
const char *cn_i_usgs_name_id(const char *name, int kind, int edition, char *buf, size_t cap);
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
cn_status cn_i_usgs_read_list(cn_i_usgs_ctx *c, const char *path);
cn_status cn_i_usgs_read_salient(cn_i_usgs_ctx *c, const char *path, const char *code);
/* after every file is read: a salient NIR series takes the basis of the mineral's primary (Fig. 2) figure when it
 * prints the same figure for that year, so the years and the headline are one series (deps --years); one warning
 * per series that does not agree. O(P * E) for P primary relies edges */
cn_status cn_i_usgs_join_series(cn_i_usgs_ctx *c);

/* a plausible year: four digits, 1000-9999, as the native format requires (io/format/json_fields.c); a column
 * such as Prod_t_0753 is not a year */
static inline int cn_i_usgs_year_ok(int y)
{
    return y >= 1000 && y <= 9999;
}

#endif
