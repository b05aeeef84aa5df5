/* io/format/file.c: whole-file input with a size limit (gzip decompressed, with the same limit on what it expands
 * to), UTF-8 validation and byte-offset -> line:col. */
#include "critnet/io.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#ifdef CN_HAVE_ZLIB
#include <zlib.h>
#endif

uint64_t cn_gz_limit(uint64_t compressed)
{
    uint64_t ratio = compressed * CN_GZ_MAX_RATIO;
    return ratio > CN_MAX_WHOLE_FILE ? ratio : CN_MAX_WHOLE_FILE;
}

int cn_is_gzip(const char *data, size_t len)
{
    return len >= 2 && (unsigned char)data[0] == 0x1F && (unsigned char)data[1] == 0x8B;
}

cn_status cn_gunzip(const char *data, size_t len, const char *where, size_t limit, char **out, size_t *outlen,
                    cn_error *err)
{
#ifdef CN_HAVE_ZLIB
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 16) != Z_OK)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    size_t cap = len < (1u << 20) ? (size_t)1 << 16 : len * 4, n = 0;
    if (cap > limit)
        cap = limit;
    char *buf = malloc(cap + 1);
    cn_status st = buf ? CN_OK : cn_error_set(err, CN_ENOMEM, "out of memory");
    z.next_in = (Bytef *)(uintptr_t)data;
    z.avail_in = 0;
    size_t fed = 0;
    int ret = Z_OK;
    while (!st) {
        if (z.avail_in == 0 && fed < len) {
            size_t chunk = len - fed > (1u << 30) ? (1u << 30) : len - fed;
            z.next_in = (Bytef *)(uintptr_t)(data + fed);
            z.avail_in = (uInt)chunk;
            fed += chunk;
        }
        if (n == cap) {
            if (cap >= limit) {
                st = cn_error_set(err, CN_EDATA, "%s: gzip: expands to more than the %zu MiB limit", where,
                                  limit >> 20);
                break;
            }
            cap = cap * 2 > limit ? limit : cap * 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb) {
                st = cn_error_set(err, CN_ENOMEM, "out of memory");
                break;
            }
            buf = nb;
        }
        z.next_out = (Bytef *)(buf + n);
        z.avail_out = (uInt)(cap - n > (1u << 30) ? (1u << 30) : cap - n);
        uInt before = z.avail_out;
        ret = inflate(&z, Z_NO_FLUSH);
        n += before - z.avail_out;
        if (ret == Z_STREAM_END) {
            /* concatenated members are one stream (as gzip -d reads them); anything else after it is an error */
            if (z.avail_in == 0 && fed == len)
                break;
            if (z.avail_in < 2 || z.next_in[0] != 0x1F || z.next_in[1] != 0x8B) {
                st = cn_error_set(err, CN_EDATA, "%s: gzip: trailing bytes after the compressed stream; expected "
                                  "a .gz file", where);
                break;
            }
            inflateReset(&z);
            continue;
        }
        if (ret == Z_BUF_ERROR && z.avail_in == 0 && fed == len) {
            st = cn_error_set(err, CN_EDATA, "%s: gzip: unexpected end of file (the .gz is truncated); expected a "
                              "complete gzip stream", where);
            break;
        }
        if (ret != Z_OK && ret != Z_BUF_ERROR) {
            st = ret == Z_MEM_ERROR ? cn_error_set(err, CN_ENOMEM, "out of memory")
                                    : cn_error_set(err, CN_EDATA, "%s: gzip: %s; expected a .gz file", where,
                                                   z.msg ? z.msg : "corrupt data");
            break;
        }
    }
    inflateEnd(&z);
    if (st) {
        free(buf);
        return st;
    }
    buf[n] = '\0';
    *out = buf;
    *outlen = n;
    return CN_OK;
#else
    (void)data;
    (void)len;
    (void)limit;
    (void)out;
    (void)outlen;
    return cn_error_set(err, CN_EUSAGE, "%s: built without zlib; decompress it first", where);
#endif
}

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
    if (cn_is_gzip(buf, n)) { /* never UTF-8 text: a .gz, decompressed under the same limit */
        char *plain;
        size_t plen;
        st = cn_gunzip(buf, n, label, limit, &plain, &plen, err);
        free(buf);
        if (st)
            return st;
        buf = plain;
        n = plen;
    } else if (n == 0 && !is_stdin && strlen(path) > 3 && strcmp(path + strlen(path) - 3, ".gz") == 0) {
        free(buf);
        return cn_error_set(err, CN_EDATA, "%s: gzip: empty file; expected a gzip stream", label);
    }
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
        size_t n = cn_utf8_len(data + i, len - i);
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
