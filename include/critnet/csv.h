/* critnet/csv.h: a streaming CSV reader (RFC 4180: quoted fields, "" escapes, CRLF or LF, a UTF-8 BOM
 * skipped), reading files, stdin ("-") or gzip files (.gz, with zlib) in bounded memory. */
#ifndef CRITNET_CSV_H
#define CRITNET_CSV_H

#include "critnet/common.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 3
#error "critnet/csv.h belongs to io/: graph/ and algorithms/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

/** Longest record accepted: a longer one is an error (a "1 GB line" never exhausts memory). */
#define CN_CSV_MAX_RECORD ((size_t)16 << 20)

typedef struct cn_csv cn_csv;

/** One record. Fields point into the reader's buffer and stay valid until the next cn_csv_next().
 * Quoted fields are unescaped in place; each field is NUL-terminated. */
typedef struct cn_csv_row {
    char **field;
    size_t *len;
    size_t n;      /**< number of fields */
    long line;     /**< 1-based line where the record starts */
} cn_csv_row;

/** What cn_csv_next() and cn_csv_peek_line() return: a record (a line), the end of the input, or an error
 * (err set). */
typedef enum cn_csv_step { CN_CSV_STEP_ERROR = -1, CN_CSV_STEP_EOF = 0, CN_CSV_STEP_ROW = 1 } cn_csv_step;

/**
 * cn_csv_open: opens a CSV file for reading.
 * path: the file; "-" is stdin; a name ending in .gz is decompressed (when built with zlib). sep: the field
 * separator (','). *out: the reader, owned by the caller (cn_csv_close()); it copies path.
 * Errors: CN_ENOINPUT (cannot open, a directory), CN_EUSAGE (.gz without zlib), CN_ENOMEM; *out is then
 * NULL and nothing is left to free. Time: O(1); memory: a 2 MiB buffer (grows to hold the longest record,
 * at most CN_CSV_MAX_RECORD).
 */
cn_status cn_csv_open(const char *path, char sep, cn_csv **out, cn_error *err);

/**
 * cn_csv_open_mem: opens an in-memory document, read like a file (in blocks copied into the reader's
 * buffer). data is borrowed, never modified, and must stay valid until cn_csv_close(); name is copied and
 * used in messages. Errors: CN_ENOMEM; *out is then NULL. Time: O(1).
 */
cn_status cn_csv_open_mem(const char *data, size_t len, const char *name, char sep, cn_csv **out, cn_error *err);

/**
 * cn_csv_recover: after cn_csv_next() failed on a malformed record (CN_EDATA), skips to the line after it
 * so that reading can go on (a caller that skips bad rows). Errors: CN_ENOINPUT (a read error: the input
 * cannot be resumed); the reader must then only be closed. Time: O(length of the bad record).
 */
cn_status cn_csv_recover(cn_csv *r, cn_error *err);

/**
 * cn_csv_next: reads the next record into *row, whose fields point into the reader's buffer (valid until
 * the next call on r). Empty lines are skipped. Returns CN_CSV_STEP_ROW, CN_CSV_STEP_EOF at the end of the input,
 * or CN_CSV_STEP_ERROR with err set: CN_EDATA "FILE:LINE:COL: what" (an unterminated quote, a stray quote or
 * carriage return, a record over CN_CSV_MAX_RECORD), CN_ENOINPUT (a read error), CN_ENOMEM.
 * Time: O(record length), amortised.
 */
cn_csv_step cn_csv_next(cn_csv *r, cn_csv_row *row, cn_error *err);

/** Bytes past the end of a line from cn_csv_peek_line() that may be read (its line ending, the next lines, or
 * zeros after the data): a parser may load 8 bytes at any position of the line without a bounds check. */
#define CN_CSV_PAD 16

/**
 * cn_csv_peek_line: the next line as it stands in the buffer (no quote handling, line ending excluded, not
 * NUL-terminated; valid until the next call on r), for callers with a faster way to read plain lines. The
 * CN_CSV_PAD bytes after the line are readable (the data is followed by zeros).
 * Returns CN_CSV_STEP_ROW (a line), CN_CSV_STEP_EOF, or CN_CSV_STEP_ERROR (err set: CN_ENOINPUT, CN_ENOMEM). The line
 * stays unread: take it with cn_csv_skip_line(), or read it as a record with cn_csv_next().
 * Time: O(line length), amortised.
 */
cn_csv_step cn_csv_peek_line(cn_csv *r, char **line, size_t *len, long *lineno, cn_error *err);

/**
 * cn_csv_peek_data: the unread bytes in the reader's buffer, [*data, *data + *n), for callers that split lines
 * themselves: they hold a line break, or are the input's last bytes (more is read first when they hold none).
 * *lineno: the line they start on. The CN_CSV_PAD bytes after them are readable (zeros). Valid until the next
 * call on r; nothing is consumed:
 * take whole lines with cn_csv_take(). Returns as cn_csv_peek_line().
 * Time: O(bytes up to the first line break), amortised.
 */
cn_csv_step cn_csv_peek_data(cn_csv *r, char **data, size_t *n, long *lineno, cn_error *err);

/**
 * cn_csv_take: consumes bytes (whole lines, line breaks included) from the front of what cn_csv_peek_data()
 * returned, lines of them. Cannot fail. O(1).
 */
void cn_csv_take(cn_csv *r, size_t bytes, long lines);

/** cn_csv_skip_line: passes over the line cn_csv_peek_line() returned. O(1). */
void cn_csv_skip_line(cn_csv *r);

/** cn_csv_tell: where the next unread byte is: its file offset and line. O(1). */
void cn_csv_tell(const cn_csv *r, uint64_t *offset, long *line);

/**
 * cn_csv_seek: regular files: goes on reading at a file offset (the start of a line, numbered line), to
 * the end. Errors: CN_EUSAGE (not a regular file), CN_ENOINPUT (the seek failed). O(1).
 */
cn_status cn_csv_seek(cn_csv *r, uint64_t offset, long line, cn_error *err);

/**
 * cn_csv_set_limit: regular files: the input ends at file offset limit for this reader (a part of a file
 * read in parallel). Errors: CN_EUSAGE (not a regular file, or the reader already parsed past limit); the
 * reader is then unchanged. O(1).
 */
cn_status cn_csv_set_limit(cn_csv *r, uint64_t limit, cn_error *err);

/** cn_csv_offset: bytes consumed so far (compressed bytes for .gz), for progress reports. O(1). */
uint64_t cn_csv_offset(const cn_csv *r);
/** cn_csv_size: the input's size in bytes when known (a regular file or memory), else 0. O(1). */
uint64_t cn_csv_size(const cn_csv *r);
/** cn_csv_path: the name given to cn_csv_open() or cn_csv_open_mem(), owned by r. O(1). */
const char *cn_csv_path(const cn_csv *r);
/** cn_csv_close: closes the input (never stdin, which stays open) and frees the reader; rows and lines taken
 * from it are then invalid. r may be NULL. Cannot fail. Constant time. */
void cn_csv_close(cn_csv *r);

/**
 * cn_parse_double: parses s[0..len) (not necessarily NUL-terminated) as a whole decimal number, spaces and
 * tabs around it allowed; thousands separators inside ("7,900") when allow_commas. No hex, inf or nan.
 * Errors: CN_EDATA "'TEXT': expected a decimal number" (err may be NULL when the caller words its own
 * message); *out is then unchanged. Time: O(len).
 */
cn_status cn_parse_double(const char *s, size_t len, int allow_commas, double *out, cn_error *err);

CN_END_DECLS
#endif
