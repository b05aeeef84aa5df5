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

CN_BEGIN_DECLS

/** Largest input read whole into memory (native JSON): 256 MiB. */
#define CN_MAX_WHOLE_FILE ((size_t)256 << 20)

/**
 * cn_read_file: reads a whole file ("-" = stdin) into a buffer; gzip data (magic 1F 8B) is decompressed
 * (cn_gunzip, the same limit on the decompressed size).
 * *data: malloc'd, NUL-terminated (the NUL is not counted in *len), owned by the caller (free()).
 * limit: the largest size accepted, in bytes. Errors: CN_ENOINPUT (cannot open or read, a directory),
 * CN_EDATA (more than limit bytes), CN_ENOMEM; *data is then untouched and nothing is left to free.
 * Time: O(size); memory: at most twice the size while growing.
 */
cn_status cn_read_file(const char *path, size_t limit, char **data, size_t *len, cn_error *err);

/**
 * cn_utf8_check: checks that data[0..len) is well-formed UTF-8 (no overlong forms or surrogates).
 * where names the input in messages. Errors: CN_EDATA "where:LINE:COL: not UTF-8 ...". Time: O(len).
 */
cn_status cn_utf8_check(const char *data, size_t len, const char *where, cn_error *err);

/** A .gz may expand to CN_MAX_WHOLE_FILE bytes, or to this many times its own size when that is more. */
#define CN_GZ_MAX_RATIO 20u

/**
 * cn_gz_limit: the most bytes a .gz of `compressed` bytes may expand to: max(CN_MAX_WHOLE_FILE,
 * CN_GZ_MAX_RATIO * compressed), so a gzip bomb stops early while real tables (5-10:1) load. Cannot fail. O(1).
 */
uint64_t cn_gz_limit(uint64_t compressed);

/** cn_is_gzip: 1 when data starts with the gzip magic bytes 1F 8B. Cannot fail. O(1). */
int cn_is_gzip(const char *data, size_t len);

/**
 * cn_gunzip: decompresses the gzip stream data[0..len) (concatenated members allowed) into *out (malloc'd,
 * NUL-terminated, owned by the caller; *outlen excludes the NUL). where names the input in messages.
 * Errors: CN_EDATA "where: gzip: ..." for a truncated stream (no trailer), a CRC or length mismatch, corrupt
 * data, trailing bytes, or more than limit bytes of output; CN_ENOMEM; CN_EUSAGE when built without zlib.
 * Nothing is left to free on failure. Time: O(output); memory: at most twice the output while growing.
 */
cn_status cn_gunzip(const char *data, size_t len, const char *where, size_t limit, char **out, size_t *outlen,
                    cn_error *err);

/** cn_line_col: the 1-based line and column (in bytes) of byte offset off in data. Cannot fail. O(off). */
void cn_line_col(const char *data, size_t off, long *line, long *col);

/**
 * cn_json_parse: parses the native JSON format (docs/format.md) and validates the network
 * (cn_net_validate). data is borrowed (not modified, need not be NUL-terminated); where names the input in
 * messages. *out: a new network owned by the caller (cn_net_free()), NULL on failure.
 * Errors: CN_EDATA "where:LINE:COL: JSON syntax error ..." or "where: $.edges[3].share: expected ...",
 * CN_ENOMEM; nothing is left to free. Time: O(len + E log E). Not thread-safe: cJSON's allocation hooks
 * are process-wide and set while it runs.
 */
cn_status cn_json_parse(const char *data, size_t len, const char *where, cn_net **out, cn_error *err);

/**
 * cn_json_load: cn_read_file() (at most CN_MAX_WHOLE_FILE bytes) then cn_json_parse(); "-" is stdin.
 * Errors: those of both. Time: O(size + E log E).
 */
cn_status cn_json_load(const char *path, cn_net **out, cn_error *err);

/**
 * cn_json_dump: serialises a network to the native JSON format: one object per line inside each array,
 * numbers with the fewest digits that read back to the same double, so that cn_json_parse() of the text
 * gives the same network. net is borrowed. *out: a malloc'd, NUL-terminated string owned by the caller
 * (free()), NULL on failure. Errors: CN_ENOMEM. Time: O(V + E).
 */
cn_status cn_json_dump(const cn_net *net, char **out, cn_error *err);

/** An output: stdout, a device or pipe written directly, or a regular file written atomically. */
typedef struct cn_out {
    FILE *fp;
    char *path;   /**< the target, or NULL for stdout */
    char *tmp;    /**< temporary file in the target's folder, or NULL when written directly */
    const char *label; /**< for messages: the path or "stdout" */
    FILE *stage;  /**< an anonymous temporary file copied into path at commit (hard links, a folder not
                       writable), or NULL */
} cn_out;

/**
 * cn_out_open: opens path for writing into *o (the caller's struct; path is copied): NULL or "-" is
 * stdout; an existing non-regular file (a device, a pipe) is opened directly; anything else gets a
 * temporary file beside it (with the permissions the file has, or would get), renamed over it by
 * cn_out_commit(). A symlink is followed: its target is replaced, the link kept. An existing file with other
 * hard links, or in a folder the user cannot write, is written to an anonymous temporary file (tmpfile())
 * and copied into the file by cn_out_commit(), so links and inode stay. Every opened output ends with
 * cn_out_commit() or cn_out_abort(); a temporary file in progress is removed by cn_out_remove_temps().
 * Errors: CN_ECANTCREAT (a directory, a read-only file, cannot create), CN_ENOMEM; o then holds nothing to
 * free. O(1).
 */
cn_status cn_out_open(cn_out *o, const char *path, cn_error *err);

/**
 * cn_out_commit: flushes, checks for write errors, closes, and renames the temporary file into place;
 * o then holds nothing. Errors: CN_EIO "PATH: write error: ..." (a full disk, a closed pipe),
 * CN_ECANTCREAT (the rename failed); the temporary file is then removed and the target left as it was.
 * O(bytes still buffered).
 */
cn_status cn_out_commit(cn_out *o, cn_error *err);

/** cn_out_abort: discards the output: closes and removes the temporary file. Safe after commit and after a
 * failed open (does nothing). Cannot fail. O(1). */
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
/** Frees the cells; t may be zeroed or already freed. O(nrows * ncols) (one free per cell). */
void cn_table_free(cn_table *t);

/** Output formats of every report. */
typedef enum cn_format { CN_FORMAT_TABLE, CN_FORMAT_JSON, CN_FORMAT_CSV, CN_FORMAT_MARKDOWN } cn_format;

/** Writes the table as aligned text, CSV or Markdown (CN_FORMAT_JSON is not a table format: text is used).
 * t and fp stay the caller's; fp is written, not closed nor flushed. Errors: CN_ENOMEM (text and Markdown
 * only: the column widths), CN_EIO ("write error", when fp's error flag is set afterwards); part of the
 * table may then be written. O(nrows * ncols + total bytes of the cells). */
cn_status cn_table_write(const cn_table *t, FILE *fp, cn_format style, cn_error *err);

/** Writes a JSON value (a cJSON tree, passed as void * to keep cJSON out of this header) pretty-printed
 * with a trailing newline; the tree stays the caller's, fp too (written, not closed). Errors: CN_ENOMEM
 * (printing the tree; nothing is written), CN_EIO (as cn_table_write). O(size of the printed text). */
cn_status cn_json_write_value(const void *cjson, FILE *fp, cn_error *err);

/**
 * cn_scenario_load: reads a scenario file (docs/scenarios.md; "-" is stdin, at most 16 MiB) into s, adding
 * to what s holds (the command line's items may already be there). s stays the caller's; strings are
 * copied into it. Errors: CN_ENOINPUT, CN_EDATA ("FILE: $.restrict[0].fraction: expected a number in
 * [0,1]", "FILE:LINE:COL: JSON syntax error"), CN_ENOMEM. On failure s may hold some of the file's items;
 * the caller frees s as always (cn_scenario_free). Time: O(file size).
 */
cn_status cn_scenario_load(const char *path, cn_scenario *s, cn_error *err);
/** cn_scenario_parse: as cn_scenario_load() for a document in memory (borrowed; need not be NUL-terminated);
 * where names it in messages. Errors: CN_EDATA ("where:LINE:COL: not UTF-8 ...", "where:LINE:COL: JSON
 * syntax error; expected one JSON object", "where: $.remove[0]: expected a country code (ISO3) or name"),
 * CN_ENOMEM; s may then hold some of the document's items, freed with s as always (cn_scenario_free).
 * Time: O(len). */
cn_status cn_scenario_parse(const char *data, size_t len, const char *where, cn_scenario *s, cn_error *err);

/** What kind of input --data names (cn_input_sniff). */
typedef enum cn_input_kind { CN_INPUT_JSON, CN_INPUT_EDGELIST, CN_INPUT_TRADE } cn_input_kind;

/** An input whose kind is known: data is NULL for a regular file (the loaders read path), else the whole input. */
typedef struct cn_input {
    cn_input_kind kind;
    const char *name; /* borrowed: the path, or "stdin" */
    char *data;       /* owned: a FIFO, pipe, device or stdin read once, whole and decompressed; or NULL */
    size_t len;
} cn_input;

/**
 * cn_input_sniff: decides what path ("-" = stdin) holds from a buffered prefix: native JSON (starts with '{' or
 * '[', or a first line without a comma), a trade table (cn_trade_detect on the first record), an edge list (2 or
 * 3 header fields). A regular file is probed through its first 64 KiB (decompressed for .gz) and read again by
 * the loader; anything else (stdin, a FIFO, process substitution) is read once, whole (at most
 * CN_MAX_WHOLE_FILE bytes, gzip decompressed) into in->data, which the loader must use instead of path.
 * in: filled; cn_input_free() releases in->data. Errors: CN_EDATA "NAME:1: unrecognised CSV header: ...; use
 * --from csv --columns ..." for a CSV header of another layout, "NAME: gzip: ..." for an empty, corrupt or
 * truncated .gz; CN_ENOINPUT; CN_ENOMEM; nothing to free on failure. Time: O(prefix), O(size) when read whole.
 */
cn_status cn_input_sniff(const char *path, cn_input *in, cn_error *err);

/** cn_input_free: frees in->data (NULL afterwards); in may hold no data. O(1). */
void cn_input_free(cn_input *in);

/**
 * cn_out_remove_temps: unlinks every temporary file of an output still being written (opened by cn_out_open,
 * not yet committed or aborted). Async-signal-safe: for a SIGINT/SIGTERM/SIGHUP handler of a program, which
 * then dies by the signal; the targets stay as they were. Cannot fail. O(outputs open).
 */
void cn_out_remove_temps(void);

/**
 * cn_net_write_gexf: writes net as GEXF 1.3 (https://gexf.net/, Gephi's own format) to fp through libxml2's
 * xmlTextWriter (igraph 0.10 has no GEXF writer): nodes with id (the vertex id), label and the attributes type,
 * stage, lists; one directed edge per figure between two vertices (supplies/produces country -> mineral, relies
 * mineral -> consumer), with GEXF kind "supplies:CONSUMER"/"produces"/"relies", weight = the share when known,
 * and the attributes kind, consumer, share, low, high, rank, year, value, quantity, unit, period, text, basis,
 * source (those of cn_net_write_graphml; unknown values are left out). Figures of "other", "world" or unnamed
 * suppliers have no vertex: their count is stated in <meta><description>. net and fp are borrowed; fp is
 * flushed, not closed. Errors: CN_ENOMEM, CN_EIO (a write failed). O(V + E).
 */
cn_status cn_net_write_gexf(const cn_net *net, FILE *fp, cn_error *err);

CN_END_DECLS
#endif
