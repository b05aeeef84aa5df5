/* io/report/cells_i.h: the one writer toolkit of io/report/: number and percent cells, JSON fields, the
 * column table of a result (one row-filling function feeds JSON, CSV, Markdown and text), errors. Private.
 *
 * The rules every writer follows:
 * - Numbers: fixed decimals chosen per column (cn_i_num), never "-0".
 * - Percentages (cn_i_pct): a fraction x is written as 100x percent, a whole percent without decimals
 *   ("33%", "100%", "0%") and anything else with one decimal ("2.5%", "33.3%"). Shares in the data are
 *   mostly whole percents (USGS rounds them), so they read as in the source; computed figures show the
 *   decimal. "33.0%" therefore means "about 33%, not exactly".
 * - Unknown: NAN (or a NULL string) is never made up. JSON writes null; CSV an empty cell; tables the
 *   column's own word, which each command keeps ("-", "unknown", "no data").
 * - Errors: out of memory and write errors (ferror) become a cn_error message; nothing is printed. */
#ifndef CN_IO_REPORT_CELLS_H
#define CN_IO_REPORT_CELLS_H

#include <cjson/cJSON.h>
#include <stdio.h>

#include "critnet/io.h"
#include "critnet/scenario.h"

/* a fraction as a percentage (the rule above) in buf (32 bytes), or NULL for NAN */
const char *cn_i_pct(char *buf, double x);
/* x with fixed decimals in buf (32 bytes), or NULL when x is NAN */
const char *cn_i_num(char *buf, double x, int decimals);
/* the same, with the word for unknown instead of NULL */
const char *cn_i_pct_or(char *buf, double x, const char *unknown);
const char *cn_i_num_or(char *buf, double x, int decimals, const char *unknown);

/* adds k: x (never -0), or k: null when x is NAN */
void cn_i_json_num(cJSON *o, const char *k, double x);
/* adds k: s, or k: null when s is NULL */
void cn_i_json_str(cJSON *o, const char *k, const char *s);
/* adds k: n, or k: null when n is 0 (an unknown year or rank) */
void cn_i_json_int(cJSON *o, const char *k, int n);
/* writes root (pretty, newline-terminated), frees it, and checks fp for a write error. root NULL (a cJSON
 * allocation failed) is CN_ENOMEM. */
cn_status cn_i_json_finish(cJSON *root, FILE *fp, cn_error *err);

/* CN_ENOMEM with the message "out of memory writing the report" */
cn_status cn_i_oom(cn_error *err);
/* CN_EIO if fp has its error flag set ("write error: No space left on device"), else CN_OK */
cn_status cn_i_check(FILE *fp, cn_error *err);

/* ---- column tables ----
 * A result is described once as columns. Each column has a JSON key and type; a CSV layout and a text
 * layout list which columns they show, in their order, under which header. A row filler turns one result
 * row into one cn_i_cell per column; cn_i_rows_json and cn_i_rows_table format the cells. */
typedef enum cn_i_type {
    CN_I_STR,  /* s; unknown: NULL */
    CN_I_NUM,  /* x; unknown: NAN */
    CN_I_PCT,  /* x, a fraction: a number in JSON and CSV, a percentage in tables; unknown: NAN */
    CN_I_INT,  /* x, a whole number (%.0f); unknown: NAN */
    CN_I_BOOL, /* x != 0: true/false in JSON, 1/0 in CSV */
    CN_I_JSON  /* j (a cJSON item the filler made; the key is left out when j is NULL) in JSON; s in tables */
} cn_i_type;

typedef struct cn_i_col {
    const char *key; /* JSON key; NULL: not in JSON */
    cn_i_type type;
    int decimals;    /* CN_I_NUM in CSV (and in tables unless the text layout says otherwise) */
} cn_i_col;

typedef struct cn_i_cell {
    double x;        /* CN_I_NUM, PCT, INT, BOOL */
    const char *s;   /* CN_I_STR; in tables, when set, replaces the formatted x (e.g. "E (net exporter)") */
    cJSON *j;        /* CN_I_JSON: owned by the cell until written (freed if it is not) */
    char buf[48];    /* room for the filler's own text; s may point here */
} cn_i_cell;

/* one column of a CSV or text layout: which column, its header, decimals (-1: the column's), the word for
 * an unknown cell in tables (NULL: empty), right-aligned in text */
typedef struct cn_i_view {
    int col;
    const char *header;
    int decimals;
    const char *unknown;
    int right;
} cn_i_view;

typedef struct cn_i_layout {
    const cn_i_col *cols;
    size_t ncols;
    const cn_i_view *csv, *text; /* CSV layout; text/Markdown layout (NULL: no table) */
    size_t ncsv, ntext;
} cn_i_layout;

/* fills cells[0..ncols) (preset to unknown) for row i of a result. ctx is the writer's own context, and may
 * hold larger scratch buffers that s points into until the next call. */
typedef void (*cn_i_fill)(void *ctx, size_t i, cn_i_cell *cells);

/* an object per row, added to arr (a JSON array); JSON keys in column order */
cn_status cn_i_rows_json(const cn_i_layout *l, cn_i_fill fill, void *ctx, size_t nrows, cJSON *arr,
                         cn_error *err);
/* the common end of a JSON writer: adds the rows as an array under key to root (the last member), writes
 * root (see cn_i_json_finish) and frees it; root NULL is CN_ENOMEM */
cn_status cn_i_json_rows(cJSON *root, const char *key, const cn_i_layout *l, cn_i_fill fill, void *ctx, size_t nrows,
                         FILE *fp, cn_error *err);
/* the rows as a table in the CSV layout (fmt CN_FORMAT_CSV) or the text layout, into t (initialised here;
 * the caller frees it, also on failure) */
cn_status cn_i_rows_table(const cn_i_layout *l, cn_i_fill fill, void *ctx, size_t nrows, cn_format fmt,
                          cn_table *t, cn_error *err);
/* writes the rows as a table (see cn_i_rows_table) to fp */
cn_status cn_i_rows_write(const cn_i_layout *l, cn_i_fill fill, void *ctx, size_t nrows, cn_format fmt,
                          FILE *fp, cn_error *err);

/* 1 when every production figure of net is a share of world exports (a network made from trade tables:
 * world exports play the production layer, and reports and pictures must say "exports"); O(E) */
int cn_i_production_is_exports(const cn_net *net);

/* ---- shared by the scenario and cascade writers (scenario_report.c) ---- */
/* the shock of a scenario: "CHN restricts graphite by 100%; RUS removed", and as a JSON array */
void cn_i_shock_text(const cn_scenario *s, FILE *fp);
cJSON *cn_i_shock_json(const cn_scenario *s);

/* ---- net import reliance as printed (usgs helper) ---- */
/* writes a reliance text as the source printed it into buf: a figure or bound gets its percent sign (">95" ->
 * ">95%", "75" -> "75%"), words do not ("Less than ½ unit"). Returns buf. */
const char *cn_i_nir_text(const char *text, char *buf, size_t cap);

#endif
