/* critnet/io.h: reading inputs (files, the native JSON format), writing outputs atomically, and the small
 * table writer every report uses. No computation happens here. */
#ifndef CRITNET_IO_H
#define CRITNET_IO_H

#include <stdio.h>

#include "critnet/net.h"
#include "critnet/scenario.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 3
#error "critnet/io.h belongs to io/: graph/ and algorithms/ may not use it (docs/ARCHITECTURE.md)"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** Largest input read whole into memory (native JSON): 256 MiB. */
#define CN_MAX_WHOLE_FILE ((size_t)256 << 20)

/** Reads a whole file ("-" = stdin) into a NUL-terminated buffer; refuses files over limit bytes.
 * Errors: CN_ENOINPUT (cannot open/read), CN_EDATA (too large). */
cn_status cn_read_file(const char *path, size_t limit, char **data, size_t *len, cn_error *err);

/** Checks that data is UTF-8; on failure reports "where:LINE:COL: not UTF-8 ...". */
cn_status cn_utf8_check(const char *data, size_t len, const char *where, cn_error *err);

/** 1-based line and column of byte offset off in data. */
void cn_line_col(const char *data, size_t off, long *line, long *col);

/** Parses the native JSON format (docs/format.md) and validates it. where names the input in messages. */
cn_status cn_json_parse(const char *data, size_t len, const char *where, cn_net **out, cn_error *err);

/** Reads and parses a native JSON file ("-" = stdin). */
cn_status cn_json_load(const char *path, cn_net **out, cn_error *err);

/** Serialises a net to the native JSON format. Returns a malloc'd string (free with free()). */
char *cn_json_dump(const cn_net *net);

/** An output: stdout, a device or pipe written directly, or a regular file written atomically. */
typedef struct cn_out {
    FILE *fp;
    char *path;   /**< the target, or NULL for stdout */
    char *tmp;    /**< temporary file in the target's folder, or NULL when written directly */
    const char *label; /**< for messages: the path or "stdout" */
} cn_out;

/** Opens path for writing: NULL or "-" is stdout; an existing non-regular file (a device, a pipe) is
 * opened directly; anything else gets a temporary file beside it, renamed over it by cn_out_commit(). */
cn_status cn_out_open(cn_out *o, const char *path, cn_error *err);

/** Flushes, checks for write errors, closes, and renames the temporary file into place. */
cn_status cn_out_commit(cn_out *o, cn_error *err);

/** Discards the output: closes and removes the temporary file. Safe after commit (does nothing). */
void cn_out_abort(cn_out *o);

/** A text table: cells are strings; written as aligned text, CSV (RFC 4180) or Markdown. */
typedef struct cn_table {
    size_t ncols, nrows, cap;
    char **cells;      /**< (nrows + 1) * ncols, row 0 is the header */
    unsigned right;    /**< bit i: right-align column i in text output */
} cn_table;

/** Starts a table with ncols columns (at most 32) and their headers (copied). Errors: CN_ENOMEM ("out of
 * memory writing the report"); t is then empty (cn_table_free is still safe). O(ncols). */
cn_status cn_table_init(cn_table *t, size_t ncols, const char *const *headers, cn_error *err);
/** Appends a row; cells may be NULL (written as empty). Copies the strings. Errors: CN_ENOMEM (the row is
 * not added; the table stays valid). Amortised O(ncols). */
cn_status cn_table_add(cn_table *t, const char *const *cells, cn_error *err);
/** Frees the cells; t may be zeroed or already freed. */
void cn_table_free(cn_table *t);

/** Output formats of every report. */
typedef enum cn_format { CN_FORMAT_TABLE, CN_FORMAT_JSON, CN_FORMAT_CSV, CN_FORMAT_MARKDOWN } cn_format;

/** Writes the table as aligned text, CSV or Markdown (CN_FORMAT_JSON is not a table format: text is used).
 * Errors: CN_ENOMEM, CN_EIO ("write error", when fp's error flag is set afterwards). */
cn_status cn_table_write(const cn_table *t, FILE *fp, cn_format style, cn_error *err);

/** Writes a JSON value (a cJSON tree, passed as void * to keep cJSON out of this header) pretty-printed
 * with a trailing newline; the tree stays the caller's. Errors: CN_ENOMEM, CN_EIO (as cn_table_write). */
cn_status cn_json_write_value(const void *cjson, FILE *fp, cn_error *err);

/** Reads a scenario file (docs/scenarios.md) into s, adding to what it holds. Errors: CN_ENOINPUT, CN_EDATA
 * ("FILE: $.restrict[0].fraction: expected a number in [0,1]"). */
cn_status cn_scenario_load(const char *path, cn_scenario *s, cn_error *err);
cn_status cn_scenario_parse(const char *data, size_t len, const char *where, cn_scenario *s, cn_error *err);

/** Resolves the countries and minerals of s against net. Unknown ids are CN_EUSAGE when given on the command
 * line and CN_EDATA (with the file and JSON path) when they came from a file. A valid ISO3 code that is not
 * in the network resolves to c = -1 (it supplies nothing here). */
#ifdef __cplusplus
}
#endif
#endif
