/* io/import/usgs/chapters_i.h: what the importer of MCS chapter tables (cn_import_usgs_chapters, docs/usgs.md
 * "MCS chapter tables") shares between its files: the context, the CSV helper and the table of forms. Private. */
#ifndef CN_IO_USGS_CHAPTERS_I_H
#define CN_IO_USGS_CHAPTERS_I_H

#include "import/usgs/usgs_i.h"

/* one chapter (a row of commodities.csv) */
typedef struct cn_i_ch_chapter {
    char *slug, *name, *url, *period, *units;
    const char *unit;     /* "t", "kt", "Mt", "kg", "Mct"; NULL when the units note names none */
    int year_prev, year_latest; /* world table columns; 0 when the record has none */
    int32_t source;       /* the chapter's source record */
    int empty;            /* the record holds no table (cesium, rubidium) */
} cn_i_ch_chapter;

typedef struct cn_i_ch_ctx {
    cn_i_usgs_ctx u;      /* net, err, warnings, the consumer (USA), edition */
    const char *dir;
    cn_i_ch_chapter *ch;
    size_t nch;
} cn_i_ch_ctx;

/* a CSV table of the folder read by column name */
typedef struct cn_i_ch_table {
    cn_csv *csv;
    char *path;
    int col[24];          /* column index of each wanted name, -1 when absent (only optional ones) */
    cn_csv_row row;
} cn_i_ch_table;

/* opens DIR/name and finds the columns (NULL-terminated; a name starting with '?' is optional) */
cn_status cn_i_ch_open(cn_i_ch_ctx *c, const char *name, const char *const cols[], cn_i_ch_table *t);
/* the next record (blank records skipped): 1, 0 at the end, -1 on error (c->u.err set) */
int cn_i_ch_next(cn_i_ch_ctx *c, cn_i_ch_table *t);
/* the i-th wanted column of the current record, trimmed ("" when absent) */
const char *cn_i_ch_cell(cn_i_ch_table *t, int i);
void cn_i_ch_close(cn_i_ch_table *t);

/* the chapter of a slug, or NULL (CN_EDATA "FILE:LINE: unknown chapter" is the caller's) */
cn_i_ch_chapter *cn_i_ch_find(cn_i_ch_ctx *c, const char *slug);
/* the mineral vertex of an id of a chapter (created with the chapter's name and the id's stage) */
cn_status cn_i_ch_mineral(cn_i_ch_ctx *c, const cn_i_ch_chapter *ch, const char *id, int32_t *out);
/* appends a sentence to a mineral's note (once: a sentence already there is not repeated) */
cn_status cn_i_ch_note(cn_i_ch_ctx *c, int32_t mineral, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* ---- ids, forms and faults of the chapters (chapters_forms.c, over forms.c's datasets/forms.csv) ---- */

/* the mineral id of a chapter slug ("platinum-group-metals" -> "pgm:palladium", datasets/forms.csv kind mcs2026;
 * else the slug with '-' -> '_'); buf >= 64 */
const char *cn_i_ch_chapter_id(const char *slug, char *buf, size_t cap);

/* where an import-source category or an NIR row of a chapter goes: a mineral id (NULL: the chapter's; forms.csv
 * kind mcs2026 "slug/label"), the basis printed (NULL: the category or label as printed), and whether it is the
 * headline group (forms.csv kind mcs2026_group "slug/label") */
typedef struct cn_i_ch_form {
    const char *id, *basis;
    int headline;
} cn_i_ch_form;
/* kind 'I' (match = the category) or 'N' (match = the label, or "#ROW" for the row index); 1 when a rule
 * matched */
int cn_i_ch_form_of(const char *slug, char kind, const char *match, long row, cn_i_ch_form *out);

/* how a world table is read */
typedef struct cn_i_ch_world {
    const char *prod_id;     /* the mineral of the prev/latest columns; NULL: the table is not production */
    const char *sub_id;      /* the mineral of the second latest-year sub-column, or NULL */
    const char *reserves_id; /* the mineral that carries reserves; NULL: reserves not kept */
    int unit_unknown;        /* the column unit was not captured: quantities without a unit */
    const char *why;         /* the fault handled, for the mineral's note and the warning, or NULL */
} cn_i_ch_world;
void cn_i_ch_world_of(const char *slug, const char *chapter_id, cn_i_ch_world *out);

/* a fault of a chapter that no table shows (a label merge, a footnote) for the mineral's note, or NULL */
const char *cn_i_ch_fault(const char *slug, int i);
/* 1 when the chapter footnotes a country as "Includes Hong Kong." */
int cn_i_ch_hong_kong(const char *slug);

/* readers (chapters_world.c) */
cn_status cn_i_ch_read_world(cn_i_ch_ctx *c);

#endif
