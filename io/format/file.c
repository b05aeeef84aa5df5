/* io/format/file.c: whole-file input with a size limit, UTF-8 validation and byte-offset -> line:col. */
#include "critnet/io.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

cn_status cn_read_file(const char *path, size_t limit, char **data, size_t *len, cn_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    const char *label = is_stdin ? "stdin" : path;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    if (!fp)
        return cn_error_set(err, CN_ENOINPUT, "%s: %s", label, strerror(errno));
    struct stat sb;
    if (fstat(fileno(fp), &sb) == 0) {
        if (S_ISDIR(sb.st_mode)) {
            if (!is_stdin)
                fclose(fp);
            return cn_error_set(err, CN_ENOINPUT, "%s: is a directory, expected a file", label);
        }
        if (S_ISREG(sb.st_mode) && (uint64_t)sb.st_size > limit) {
            if (!is_stdin)
                fclose(fp);
            return cn_error_set(err, CN_EDATA, "%s: file is %lld bytes, more than the %zu MiB limit",
                                label, (long long)sb.st_size, limit >> 20);
        }
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap + 1);
    cn_status st = CN_OK;
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, fp);
        n += got;
        if (got == 0)
            break;
        if (n == cap) {
            if (cap >= limit) {
                st = cn_error_set(err, CN_EDATA, "%s: input is more than the %zu MiB limit", label, limit >> 20);
                break;
            }
            cap = cap * 2 > limit ? limit : cap * 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
            } else {
                buf = nb;
            }
        }
    }
    if (!buf)
        st = cn_error_set(err, CN_ENOMEM, "%s: out of memory", label);
    else if (st == CN_OK && ferror(fp))
        st = cn_error_set(err, CN_ENOINPUT, "%s: read error: %s", label, strerror(errno));
    if (!is_stdin)
        fclose(fp);
    if (st != CN_OK) {
        free(buf);
        return st;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return CN_OK;
}

void cn_line_col(const char *data, size_t off, long *line, long *col)
{
    long l = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        if (data[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)data[i] & 0xC0) != 0x80) {
            c++; /* count characters, not continuation bytes */
        }
    }
    *line = l;
    *col = c;
}

/* length of the UTF-8 sequence at p (1..4), or 0 when invalid (overlongs, surrogates, > U+10FFFF) */
static size_t utf8_seq(const unsigned char *p, size_t avail)
{
    unsigned c = p[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (avail < n)
        return 0;
    unsigned cp = c & (0xFF >> (n + 1));
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

cn_status cn_utf8_check(const char *data, size_t len, const char *where, cn_error *err)
{
    const unsigned char *p = (const unsigned char *)data;
    for (size_t i = 0; i < len;) {
        if (p[i] < 0x80) { /* a run of ASCII: eight bytes at a time */
            uint64_t w;
            while (i + 8 <= len && (memcpy(&w, p + i, 8), (w & 0x8080808080808080u) == 0))
                i += 8;
            while (i < len && p[i] < 0x80)
                i++;
            continue;
        }
        size_t n = utf8_seq(p + i, len - i);
        if (n == 0) {
            long line, col;
            cn_line_col(data, i, &line, &col);
            return cn_error_set(err, CN_EDATA, "%s:%ld:%ld: not UTF-8 (byte 0x%02X); expected UTF-8 text",
                                where, line, col, p[i]);
        }
        i += n;
    }
    return CN_OK;
}
