/* io/format/csv.c: streaming CSV reader. Reads 1 MiB blocks (64 KiB from memory); a record is parsed in place in the
 * buffer (quoted fields are unescaped by shifting bytes left), so no per-field allocation happens. */
#include "critnet/csv.h"
#include "critnet/io.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#ifdef CN_HAVE_ZLIB
#include <zlib.h>
#endif

#define BLOCK ((size_t)1 << 20)
/* an in-memory document is read (copied into the buffer) in blocks too, so a large read-only one (an embedded
 * dataset) costs 128 KiB of buffer, not a copy of itself */
#define MEM_BLOCK ((size_t)64 << 10)

struct cn_csv {
    FILE *fp;
#ifdef CN_HAVE_ZLIB
    gzFile gz;
#endif
    char *path;
    char sep;
    const char *src;/* in-memory document: [srcpos, srclen) not yet read */
    size_t srclen, srcpos;
    char *buf;      /* data in [pos, end) not yet parsed */
    size_t cap, pos, end, block;
    int eof;
    long line;      /* line of buf[pos] */
    uint64_t consumed, size;
    uint64_t base;  /* file offset where reading started (cn_csv_seek); consumed counts from there */
    uint64_t limit; /* plain files: file offset where the input ends for this reader; 0 = the end */
    uint64_t inflated, inflate_max; /* .gz: decompressed bytes so far, and the most allowed (cn_gz_limit) */
    size_t peeked;  /* the end of the line cn_csv_peek_line returned (past its newline) */
    char **field;
    size_t *len;
    size_t nfield_cap;
    int first;
};

/* a reader with its buffers (cap bytes), before a source is attached */
static cn_status csv_new(const char *name, char sep, size_t block, cn_csv **out, cn_error *err)
{
    cn_csv *r = calloc(1, sizeof *r);
    if (!(*out = r))
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    r->sep = sep;
    r->line = 1;
    r->first = 1;
    r->path = cn_strdup(name);
    r->block = block;
    r->cap = 2 * block;
    r->buf = malloc(r->cap + CN_CSV_PAD);
    r->nfield_cap = 64;
    r->field = malloc(r->nfield_cap * sizeof *r->field);
    r->len = malloc(r->nfield_cap * sizeof *r->len);
    if (!r->path || !r->buf || !r->field || !r->len) {
        cn_csv_close(r);
        *out = NULL;
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    return CN_OK;
}

cn_status cn_csv_open(const char *path, char sep, cn_csv **out, cn_error *err)
{
    *out = NULL;
    cn_csv *r;
    cn_status st = csv_new(strcmp(path, "-") == 0 ? "stdin" : path, sep, BLOCK, &r, err);
    if (st)
        return st;
    size_t pl = strlen(path);
    if (pl > 3 && strcmp(path + pl - 3, ".gz") == 0) {
#ifdef CN_HAVE_ZLIB
        struct stat sb;
        if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            cn_csv_close(r);
            return cn_error_set(err, CN_ENOINPUT, "%s: is a directory, expected a file", path);
        }
        r->gz = gzopen(path, "rb");
        if (!r->gz) {
            int e = errno;
            cn_csv_close(r);
            return cn_error_set(err, CN_ENOINPUT, "%s: %s", path, e ? strerror(e) : "cannot open");
        }
        if (S_ISREG(sb.st_mode) && sb.st_size == 0) {
            cn_csv_close(r);
            return cn_error_set(err, CN_EDATA, "%s: gzip: empty file; expected a gzip stream", path);
        }
        r->inflate_max = cn_gz_limit(S_ISREG(sb.st_mode) ? (uint64_t)sb.st_size : 0);
        gzbuffer(r->gz, 1 << 17);
#else
        cn_csv_close(r);
        return cn_error_set(err, CN_EUSAGE, "%s: built without zlib; decompress it first", path);
#endif
    } else {
        r->fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
        if (!r->fp) {
            int e = errno;
            cn_csv_close(r);
            return cn_error_set(err, CN_ENOINPUT, "%s: %s", path, strerror(e));
        }
        struct stat sb;
        if (fstat(fileno(r->fp), &sb) == 0) {
            if (S_ISDIR(sb.st_mode)) {
                cn_csv_close(r);
                return cn_error_set(err, CN_ENOINPUT, "%s: is a directory, expected a file", path);
            }
            if (S_ISREG(sb.st_mode))
                r->size = (uint64_t)sb.st_size;
        }
    }
    *out = r;
    return CN_OK;
}

cn_status cn_csv_open_mem(const char *data, size_t len, const char *name, char sep, cn_csv **out, cn_error *err)
{
    *out = NULL;
    cn_csv *r;
    cn_status st = csv_new(name, sep, MEM_BLOCK, &r, err);
    if (st)
        return st;
    r->src = data;
    r->srclen = r->size = len;
    *out = r;
    return CN_OK;
}

void cn_csv_close(cn_csv *r)
{
    if (!r)
        return;
    if (r->fp && r->fp != stdin)
        fclose(r->fp);
#ifdef CN_HAVE_ZLIB
    if (r->gz)
        gzclose(r->gz);
#endif
    free(r->path);
    free(r->buf);
    free(r->field);
    free(r->len);
    free(r);
}

uint64_t cn_csv_offset(const cn_csv *r) { return r->base + r->consumed; }

void cn_csv_tell(const cn_csv *r, uint64_t *offset, long *line)
{
    *offset = r->base + r->consumed - (r->end - r->pos);
    *line = r->line;
}

cn_status cn_csv_seek(cn_csv *r, uint64_t offset, long line, cn_error *err)
{
    if (!r->fp || r->fp == stdin || r->size == 0)
        return cn_error_set(err, CN_EUSAGE, "%s: not a regular file; cannot seek", r->path);
    if (fseeko(r->fp, (off_t)offset, SEEK_SET) != 0)
        return cn_error_set(err, CN_ENOINPUT, "%s: seek: %s", r->path, strerror(errno));
    r->base = offset;
    r->consumed = 0;
    r->pos = r->end = 0;
    r->eof = 0;
    r->first = 0;
    r->limit = 0;
    r->line = line;
    return CN_OK;
}

cn_status cn_csv_set_limit(cn_csv *r, uint64_t limit, cn_error *err)
{
    uint64_t at = r->base + r->consumed; /* the file offset of buf[end] */
    if (!r->fp || r->size == 0)
        return cn_error_set(err, CN_EUSAGE, "%s: a limit needs a regular file", r->path);
    if (at > limit) { /* read ahead past it: drop those bytes, unless they were parsed already */
        if (at - limit > r->end - r->pos)
            return cn_error_set(err, CN_EUSAGE, "%s: already read past offset %llu", r->path,
                                (unsigned long long)limit);
        r->end -= (size_t)(at - limit);
        r->consumed -= at - limit;
        memset(r->buf + r->end, 0, CN_CSV_PAD);
        r->eof = 1;
    }
    r->limit = limit;
    return CN_OK;
}
uint64_t cn_csv_size(const cn_csv *r) { return r->size; }
const char *cn_csv_path(const cn_csv *r) { return r->path; }

/* moves unparsed bytes to the front and reads more; returns bytes read, 0 at EOF, -1 on error */
static long fill(cn_csv *r, cn_error *err)
{
    if (r->eof)
        return 0;
    if (r->pos > 0) {
        memmove(r->buf, r->buf + r->pos, r->end - r->pos);
        r->end -= r->pos;
        r->pos = 0;
    }
    size_t room = r->cap - r->end;
    if (room < r->block && (!r->src || room < r->srclen - r->srcpos)) {
        if (r->cap >= CN_CSV_MAX_RECORD + 2 * r->block) {
            cn_error_set(err, CN_EDATA, "%s:%ld: record longer than %zu MiB; expected CSV lines", r->path,
                         r->line, CN_CSV_MAX_RECORD >> 20);
            return -1;
        }
        size_t cap = r->cap * 2;
        char *b = realloc(r->buf, cap + CN_CSV_PAD);
        if (!b) {
            cn_error_set(err, CN_ENOMEM, "out of memory");
            return -1;
        }
        r->buf = b;
        r->cap = cap;
    }
    size_t want = r->cap - r->end, got;
    if (r->limit) {
        uint64_t at = r->base + r->consumed;
        want = at >= r->limit ? 0 : r->limit - at < want ? (size_t)(r->limit - at) : want;
    }
    if (r->src) {
        got = want < r->srclen - r->srcpos ? want : r->srclen - r->srcpos;
        memcpy(r->buf + r->end, r->src + r->srcpos, got);
        r->srcpos += got;
        r->consumed += got;
    } else
#ifdef CN_HAVE_ZLIB
    if (r->gz) {
        int n = gzread(r->gz, r->buf + r->end, (unsigned)(want > (1u << 30) ? (1u << 30) : want));
        int zerr = Z_OK;
        const char *m = gzerror(r->gz, &zerr);
        size_t pl = strlen(r->path); /* zlib's message starts with the path it was opened with */
        if (strncmp(m, r->path, pl) == 0 && strncmp(m + pl, ": ", 2) == 0)
            m += pl + 2;
        if (n < 0 || (n == 0 && zerr != Z_OK)) { /* Z_BUF_ERROR at the end: cut before the gzip trailer */
            cn_error_set(err, CN_EDATA, "%s: gzip: %s%s", r->path,
                         zerr == Z_BUF_ERROR ? "unexpected end of file" : m,
                         zerr == Z_BUF_ERROR ? " (the .gz is truncated); expected a complete gzip stream" : "");
            return -1;
        }
        if (n > 0 && gzdirect(r->gz)) {
            cn_error_set(err, CN_EDATA, "%s: gzip: not in gzip format; expected a .gz file", r->path);
            return -1;
        }
        got = (size_t)n;
        r->inflated += got;
        if (r->inflate_max && r->inflated > r->inflate_max) {
            cn_error_set(err, CN_EDATA, "%s: gzip: expands to more than %llu MiB (cn_gz_limit); decompress it "
                         "first if that is intended", r->path, (unsigned long long)(r->inflate_max >> 20));
            return -1;
        }
        r->consumed = (uint64_t)gzoffset(r->gz);
    } else
#endif
    {
        got = want ? fread(r->buf + r->end, 1, want, r->fp) : 0;
        if (got == 0 && ferror(r->fp)) {
            cn_error_set(err, CN_ENOINPUT, "%s: read error: %s", r->path, strerror(errno));
            return -1;
        }
        r->consumed += got;
    }
    if (got == 0)
        r->eof = 1;
    r->end += got;
    memset(r->buf + r->end, 0, CN_CSV_PAD); /* a NUL ends the data; cn_csv_peek_line promises readable bytes */
    if (r->first && r->end - r->pos >= 3 && memcmp(r->buf + r->pos, "\xEF\xBB\xBF", 3) == 0)
        r->pos += 3;
    if (r->end - r->pos >= 3 || r->eof)
        r->first = 0;
    return (long)got;
}

static cn_status push_field(cn_csv *r, size_t *n, char *start, size_t len, cn_error *err)
{
    if (*n == r->nfield_cap) {
        size_t cap = r->nfield_cap * 2;
        char **f = realloc(r->field, cap * sizeof *f);
        size_t *l = f ? realloc(r->len, cap * sizeof *l) : NULL;
        if (f)
            r->field = f;
        if (!f || !l)
            return cn_error_set(err, CN_ENOMEM, "out of memory");
        r->len = l;
        r->nfield_cap = cap;
    }
    r->field[*n] = start;
    r->len[*n] = len;
    (*n)++;
    return CN_OK;
}

/* what parse() returns */
enum { PARSE_ERROR = -1, PARSE_MORE = 0, PARSE_DONE = 1 };

/* Tries to parse one record starting at r->pos: PARSE_DONE, PARSE_MORE when more input is needed, or
 * PARSE_ERROR with err set. */
static int parse(cn_csv *r, cn_csv_row *row, cn_error *err)
{
    char *p = r->buf + r->pos, *end = r->buf + r->end;
    /* fast path: a whole line without quotes (nearly every line of a trade table) is split in one pass */
    {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl && !r->eof)
            return PARSE_MORE;
        char *le = nl ? nl : end;
        if (!memchr(p, '"', (size_t)(le - p))) {
            if (le > p && le[-1] == '\r')
                le--;
            const char sep = r->sep;
            size_t n = 0;
            char *f = p, *q = p;
            for (; q < le; q++) {
                if (*q == sep) {
                    if (push_field(r, &n, f, (size_t)(q - f), err))
                        return PARSE_ERROR;
                    *q = '\0';
                    f = q + 1;
                } else if (*q == '\r') {
                    cn_error_set(err, CN_EDATA, "%s:%ld:%ld: unexpected carriage return inside a line", r->path,
                                 r->line, (long)(q - p) + 1);
                    return PARSE_ERROR;
                }
            }
            if (push_field(r, &n, f, (size_t)(q - f), err))
                return PARSE_ERROR;
            *le = '\0';
            row->field = r->field;
            row->len = r->len;
            row->n = n;
            row->line = r->line;
            r->line += nl != NULL;
            r->pos = nl ? (size_t)(nl + 1 - r->buf) : r->end;
            return PARSE_DONE;
        }
    }
    /* first make sure the whole record is in the buffer (quote-aware), so the in-place unescaping below
     * never has to be undone */
    {
        const char *q = p;
        int inq = 0, complete = 0;
        while (q < end) {
            if (inq) {
                const char *c = memchr(q, '"', (size_t)(end - q));
                if (!c)
                    break;
                if (c + 1 < end && c[1] == '"') {
                    q = c + 2;
                    continue;
                }
                if (c + 1 >= end && !r->eof)
                    break;
                inq = 0;
                q = c + 1;
            } else {
                const char *nl = q;
                while (nl < end && *nl != '\n' && *nl != '"')
                    nl++;
                if (nl == end)
                    break;
                if (*nl == '\n') {
                    complete = 1;
                    break;
                }
                inq = 1;
                q = nl + 1;
            }
        }
        if (!complete && !r->eof)
            return PARSE_MORE;
        if (!complete && inq) {
            cn_error_set(err, CN_EDATA, "%s:%ld: unterminated quoted field", r->path, r->line);
            return PARSE_ERROR;
        }
    }
    size_t n = 0;
    long lines = 0;
    const char sep = r->sep;
    for (;;) {
        char *start = p;
        if (p < end && *p == '"') {
            /* quoted field: unescape in place */
            char *w = p;
            p++;
            for (;;) {
                char *q = memchr(p, '"', (size_t)(end - p));
                if (!q) {
                    if (r->eof) {
                        cn_error_set(err, CN_EDATA, "%s:%ld: unterminated quoted field", r->path, r->line);
                        return PARSE_ERROR;
                    }
                    return PARSE_MORE;
                }
                for (char *c = p; c < q; c++)
                    lines += *c == '\n';
                memmove(w, p, (size_t)(q - p));
                w += q - p;
                if (q + 1 < end && q[1] == '"') {
                    *w++ = '"';
                    p = q + 2;
                    continue;
                }
                if (q + 1 >= end && !r->eof)
                    return PARSE_MORE;
                p = q + 1;
                break;
            }
            if (p < end && *p != sep && *p != '\n' && *p != '\r') {
                cn_error_set(err, CN_EDATA, "%s:%ld: unexpected character after a quoted field", r->path,
                             r->line + lines);
                return PARSE_ERROR;
            }
            size_t len = (size_t)(w - start);
            if (push_field(r, &n, start, len, err))
                return PARSE_ERROR;
        } else {
            /* plain field: up to sep or newline */
            char *q = p;
            while (q < end && *q != sep && *q != '\n')
                q++;
            if (q == end && !r->eof)
                return PARSE_MORE;
            p = q;
            size_t len = (size_t)(q - start);
            if (len && start[len - 1] == '\r' && (q == end || *q == '\n'))
                len--;
            if (push_field(r, &n, start, len, err))
                return PARSE_ERROR;
        }
        if (p < end && *p == sep) {
            *p = '\0';
            p++;
            continue;
        }
        if (p < end && *p == '\r')
            *p++ = '\0';
        if (p < end && *p == '\n') {
            *p++ = '\0';
            lines++;
        } else if (p < end) {
            cn_error_set(err, CN_EDATA, "%s:%ld: unexpected carriage return", r->path, r->line + lines);
            return PARSE_ERROR;
        } else {
            *p = '\0'; /* end of input without a final newline: buf has room for the NUL */
        }
        break;
    }
    for (size_t i = 0; i < n; i++)
        r->field[i][r->len[i]] = '\0';
    row->field = r->field;
    row->len = r->len;
    row->n = n;
    row->line = r->line;
    r->line += lines;
    r->pos = (size_t)(p - r->buf);
    return PARSE_DONE;
}

cn_status cn_csv_recover(cn_csv *r, cn_error *err)
{
    for (;;) {
        char *nl = memchr(r->buf + r->pos, '\n', r->end - r->pos);
        if (nl) {
            r->pos = (size_t)(nl + 1 - r->buf);
            r->line++;
            return CN_OK;
        }
        if (r->eof) {
            r->pos = r->end;
            return CN_OK;
        }
        r->pos = r->end;
        if (fill(r, err) < 0)
            return err ? err->status : CN_ENOINPUT;
    }
}

cn_csv_step cn_csv_peek_line(cn_csv *r, char **line, size_t *len, long *lineno, cn_error *err)
{
    for (;;) {
        if (!r->first) {
            char *p = r->buf + r->pos, *nl = memchr(p, '\n', r->end - r->pos);
            if (nl || (r->eof && r->pos < r->end)) {
                *line = p;
                *len = nl ? (size_t)(nl - p) : r->end - r->pos;
                *lineno = r->line;
                r->peeked = nl ? (size_t)(nl + 1 - r->buf) : r->end;
                return CN_CSV_STEP_ROW;
            }
            if (r->eof)
                return CN_CSV_STEP_EOF;
        }
        if (fill(r, err) < 0)
            return CN_CSV_STEP_ERROR;
    }
}

cn_csv_step cn_csv_peek_data(cn_csv *r, char **data, size_t *n, long *lineno, cn_error *err)
{
    for (;;) {
        if (!r->first && (memchr(r->buf + r->pos, '\n', r->end - r->pos) || (r->eof && r->pos < r->end))) {
            *data = r->buf + r->pos;
            *n = r->end - r->pos;
            *lineno = r->line;
            return CN_CSV_STEP_ROW;
        }
        if (!r->first && r->eof)
            return CN_CSV_STEP_EOF;
        if (fill(r, err) < 0)
            return CN_CSV_STEP_ERROR;
    }
}

void cn_csv_take(cn_csv *r, size_t bytes, long lines)
{
    r->pos += bytes;
    r->line += lines;
}

void cn_csv_skip_line(cn_csv *r)
{
    r->pos = r->peeked;
    r->line++;
}

cn_csv_step cn_csv_next(cn_csv *r, cn_csv_row *row, cn_error *err)
{
    for (;;) {
        if (r->first || r->pos == r->end) {
            long got = fill(r, err);
            if (got < 0)
                return CN_CSV_STEP_ERROR;
            if (r->pos == r->end && r->eof)
                return CN_CSV_STEP_EOF;
        }
        /* skip empty lines */
        while (r->pos < r->end && (r->buf[r->pos] == '\n' || r->buf[r->pos] == '\r')) {
            if (r->buf[r->pos] == '\n')
                r->line++;
            r->pos++;
        }
        if (r->pos == r->end) {
            if (r->eof)
                return CN_CSV_STEP_EOF;
            continue;
        }
        int rc = parse(r, row, err);
        if (rc != PARSE_MORE)
            return rc == PARSE_DONE ? CN_CSV_STEP_ROW : CN_CSV_STEP_ERROR;
        /* the record is not complete in the buffer yet (parse() changed nothing): read more */
        if (r->end - r->pos > CN_CSV_MAX_RECORD) {
            cn_error_set(err, CN_EDATA, "%s:%ld: record longer than %zu MiB; expected CSV lines", r->path,
                         r->line, CN_CSV_MAX_RECORD >> 20);
            return CN_CSV_STEP_ERROR;
        }
        long got = fill(r, err);
        if (got < 0)
            return CN_CSV_STEP_ERROR;
        if (got == 0 && !r->eof)
            continue;
    }
}

/* exact powers of ten: a mantissa below 2^53 divided by one of these is correctly rounded */
static const double pow10_exact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                     1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* plain decimals ("-12.345", at most 15 significant digits, no exponent): 1 and *out set; else 0 */
static int parse_simple(const char *s, size_t len, double *out)
{
    size_t i = 0;
    int neg = 0;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    uint64_t m = 0;
    int digits = 0, frac = -1;
    for (; i < len; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (d < 10) {
            m = m * 10 + d;
            digits++;
            if (frac >= 0)
                frac++;
        } else if (s[i] == '.' && frac < 0) {
            frac = 0;
        } else {
            return 0;
        }
    }
    if (digits == 0 || digits > 15)
        return 0;
    double x = (double)m;
    if (frac > 0)
        x /= pow10_exact[frac];
    *out = neg ? -x : x;
    return 1;
}

static cn_status not_a_number(const char *s, size_t len, cn_error *err)
{
    return cn_error_set(err, CN_EDATA, "'%.*s': expected a decimal number", len > 64 ? 64 : (int)len, s);
}

cn_status cn_parse_double(const char *s, size_t len, int allow_commas, double *out, cn_error *err)
{
    if (parse_simple(s, len, out))
        return CN_OK;
    const char *s0 = s;
    size_t len0 = len;
    char tmp[64];
    size_t n = 0;
    while (len && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (len == 0 || len >= sizeof tmp)
        return not_a_number(s0, len0, err);
    for (size_t i = 0; i < len; i++) {
        if (s[i] == ',' && allow_commas)
            continue;
        tmp[n++] = s[i];
    }
    tmp[n] = '\0';
    char *end;
    errno = 0;
    double x = strtod(tmp, &end);
    if (end == tmp || *end || errno == ERANGE || !isfinite(x))
        return not_a_number(s0, len0, err);
    /* strtod accepts hex, inf, nan: reject anything that is not plain decimal */
    for (size_t i = 0; i < n; i++) {
        char c = tmp[i];
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'))
            return not_a_number(s0, len0, err);
    }
    *out = x;
    return CN_OK;
}
