/* io/format/input.c: what kind of input --data names (native JSON, an edge list, a trade table), decided from a
 * buffered prefix so that a FIFO, a pipe or stdin is read once: such a source is read whole into memory (at most
 * CN_MAX_WHOLE_FILE bytes, decompressed when gzip) and the loaders then parse that copy. */
#include "critnet/io.h"
#include "critnet/csv.h"
#include "critnet/trade.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#ifdef CN_HAVE_ZLIB
#include <zlib.h>
#endif

#define PREFIX ((size_t)64 << 10)

static int has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n > k && strcasecmp(s + n - k, suf) == 0;
}

/* the first PREFIX bytes of a regular file, decompressed when it is a .gz */
static cn_status read_prefix(const char *path, char **out, size_t *len, int *whole, cn_error *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return cn_error_set(err, CN_ENOINPUT, "%s: %s", path, strerror(errno));
    char *buf = malloc(PREFIX + 1);
    if (!buf) {
        fclose(fp);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    size_t n = fread(buf, 1, PREFIX, fp);
    int bad = ferror(fp);
    fclose(fp);
    if (bad) {
        free(buf);
        return cn_error_set(err, CN_ENOINPUT, "%s: read error", path);
    }
    buf[n] = '\0';
    if (cn_is_gzip(buf, n) && !has_suffix(path, ".gz")) { /* the streaming readers go by the name: read it whole */
        free(buf);
        *whole = 1;
        return CN_OK;
    }
    if (has_suffix(path, ".gz")) {
        /* the prefix of the decompressed text; the CSV reader checks the whole stream (and its trailer) later */
#ifdef CN_HAVE_ZLIB
        size_t raw = n;
        n = 0;
        gzFile gz = raw ? gzopen(path, "rb") : NULL;
        int zerr = Z_OK, direct = 0;
        const char *m = "empty file; expected a gzip stream";
        if (gz) {
            int got = gzread(gz, buf, (unsigned)PREFIX);
            m = gzerror(gz, &zerr);
            if (strncmp(m, path, strlen(path)) == 0 && strncmp(m + strlen(path), ": ", 2) == 0)
                m += strlen(path) + 2; /* zlib's message starts with the path */
            direct = gzdirect(gz);
            n = got > 0 ? (size_t)got : 0;
            if (got < 0 || (got == 0 && zerr != Z_OK && zerr != Z_BUF_ERROR))
                m = zerr == Z_ERRNO ? strerror(errno) : m;
            else if (direct)
                m = "not in gzip format; expected a .gz file";
            else if (got == 0 && zerr == Z_BUF_ERROR)
                m = "unexpected end of file (the .gz is truncated); expected a complete gzip stream";
            else
                m = NULL;
            if (m) { /* m may be zlib's, freed by gzclose */
                cn_error_set(err, CN_EDATA, "%s: gzip: %s", path, m);
                gzclose(gz);
                free(buf);
                return CN_EDATA;
            }
            gzclose(gz);
        } else {
            free(buf);
            return cn_error_set(err, CN_EDATA, "%s: gzip: %s", path, m);
        }
        buf[n] = '\0';
#else
        free(buf);
        return cn_error_set(err, CN_EUSAGE, "%s: built without zlib; decompress it first", path);
#endif
    }
    *out = buf;
    *len = n;
    return CN_OK;
}

/* the first record of text: fields split on ',' (quotes honoured) by the CSV reader */
static cn_input_kind kind_of(const char *text, size_t len, const char *name, cn_error *err, cn_status *st)
{
    *st = CN_OK;
    size_t i = 0;
    while (len - i >= 3 && memcmp(text + i, "\xEF\xBB\xBF", 3) == 0)
        i += 3; /* byte-order marks: the readers judge a second one */
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
        i++;
    const char *nl = memchr(text + i, '\n', len - i);
    size_t linelen = nl ? (size_t)(nl - (text + i)) : len - i;
    int csvname = has_suffix(name, ".csv") || has_suffix(name, ".csv.gz");
    if (i == len || text[i] == '{' || text[i] == '[' || (!csvname && !memchr(text + i, ',', linelen)))
        return CN_INPUT_JSON; /* the JSON parser names what is wrong with anything else */
    cn_csv *r;
    if ((*st = cn_csv_open_mem(text, len, name, ',', &r, err)) != CN_OK)
        return CN_INPUT_JSON;
    cn_csv_row row;
    cn_input_kind k = CN_INPUT_JSON;
    cn_csv_step got = cn_csv_next(r, &row, err);
    if (got == CN_CSV_STEP_ROW && cn_trade_detect(row.field, row.n) != CN_TRADE_LAYOUT_AUTO)
        k = CN_INPUT_TRADE;
    else if (got == CN_CSV_STEP_ROW && (row.n == 2 || row.n == 3))
        k = CN_INPUT_EDGELIST;
    else if (got == CN_CSV_STEP_ROW || got == CN_CSV_STEP_ERROR) {
        int cut = linelen > 120;
        *st = cn_error_set(err, CN_EDATA, "%s:1: unrecognised CSV header: %.*s%s; use --from csv --columns "
                           "exporter=COL,importer=COL,product=COL[,value=COL] for a trade table (or give a 2- or "
                           "3-column edge list, or native JSON)", name, (int)(cut ? 120 : linelen), text + i,
                           cut ? "..." : "");
    }
    cn_csv_close(r);
    return k;
}

cn_status cn_input_sniff(const char *path, cn_input *in, cn_error *err)
{
    memset(in, 0, sizeof *in);
    int is_stdin = strcmp(path, "-") == 0;
    in->name = is_stdin ? "stdin" : path;
    struct stat sb;
    int regular = !is_stdin && stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
    if (!is_stdin && !regular && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return cn_error_set(err, CN_ENOINPUT, "%s: is a directory, expected a file", path);
    char *text;
    size_t len;
    /* a FIFO, a pipe, a device or stdin: read once, whole; a regular file: its first 64 KiB */
    int whole = !regular;
    cn_status st = regular ? read_prefix(path, &text, &len, &whole, err) : CN_OK;
    if (!st && whole)
        st = cn_read_file(path, CN_MAX_WHOLE_FILE, &text, &len, err);
    if (st)
        return st;
    in->kind = kind_of(text, len, in->name, err, &st);
    if (st) {
        free(text);
        return st;
    }
    if (!whole)
        free(text);
    else {
        in->data = text;
        in->len = len;
    }
    return CN_OK;
}

void cn_input_free(cn_input *in)
{
    free(in->data);
    in->data = NULL;
}
