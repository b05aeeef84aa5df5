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

/** Opens path ("-" = stdin; a name ending in .gz is decompressed). sep is the field separator (','). */
cn_status cn_csv_open(const char *path, char sep, cn_csv **out, cn_error *err);
/** Opens an in-memory document; name is used in messages. It is read like a file, in blocks copied into the
 * reader's buffer (never modified), so data must stay valid until cn_csv_close(). */
cn_status cn_csv_open_mem(const char *data, size_t len, const char *name, char sep, cn_csv **out, cn_error *err);
/** After cn_csv_next() failed on a malformed record, skips to the line after it so reading can go on
 * (a caller that skips bad rows). Returns 0, or -1 when the input cannot be resumed (read errors, an
 * unterminated quote at the end). */
int cn_csv_recover(cn_csv *r);
/** Reads the next record: 1 = a record, 0 = end of input, -1 = error (err says FILE:LINE: what). Empty lines
 * are skipped. */
int cn_csv_next(cn_csv *r, cn_csv_row *row, cn_error *err);
/** The next line as it stands in the buffer (no quote handling, line ending excluded, not NUL-terminated;
 * valid until the next call on r), for callers with a faster way to read plain lines: 1 = a line, 0 = end
 * of input, -1 = error. The line stays unread: take it with cn_csv_skip_line(), or read it as a record with
 * cn_csv_next(). */
int cn_csv_peek_line(cn_csv *r, char **line, size_t *len, long *lineno, cn_error *err);
/** Passes over the line cn_csv_peek_line() returned. */
void cn_csv_skip_line(cn_csv *r);
/** Where the next unread byte is: its file offset and line. */
void cn_csv_tell(const cn_csv *r, uint64_t *offset, long *line);
/** Regular files: goes on reading at a file offset (the start of a line, numbered line), to the end. */
cn_status cn_csv_seek(cn_csv *r, uint64_t offset, long line, cn_error *err);
/** Regular files: the input ends at file offset limit for this reader (a part of a file read in parallel).
 * Returns -1 when it has already parsed past it. */
int cn_csv_set_limit(cn_csv *r, uint64_t limit);
/** Bytes consumed so far (compressed bytes for .gz), for progress reports. */
uint64_t cn_csv_offset(const cn_csv *r);
/** The input's size in bytes when known (a regular file), else 0. */
uint64_t cn_csv_size(const cn_csv *r);
const char *cn_csv_path(const cn_csv *r);
void cn_csv_close(cn_csv *r);

/** Parses a whole decimal number; returns 0 on success. Accepts thousands separators inside when
 * allow_commas ("7,900"). */
int cn_parse_double(const char *s, size_t len, int allow_commas, double *out);

CN_END_DECLS
#endif
