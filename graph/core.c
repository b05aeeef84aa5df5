/* graph/core.c: status strings, the error buffer, the warning handler (both escape control characters and
 * invalid UTF-8, so no echoed value can forge a line or a terminal escape), allocation and number formatting
 * helpers. Shared by every layer; no dependencies beyond libc. */
#define _DEFAULT_SOURCE /* madvise */
#define __STDC_WANT_IEC_60559_BFP_EXT__ 1 /* strfromd */
#include "critnet/common.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/mman.h>

const char *cn_strerror(cn_status st)
{
    switch (st) {
    case CN_OK: return "success";
    case CN_ENOMEM: return "out of memory";
    case CN_EUSAGE: return "invalid argument";
    case CN_EDATA: return "invalid data";
    case CN_ENOINPUT: return "cannot read input";
    case CN_ECANTCREAT: return "cannot create output";
    case CN_EIO: return "write error";
    case CN_EINTERNAL: return "internal error";
    }
    return "unknown status";
}

int cn_status_exit(cn_status st)
{
    switch (st) {
    case CN_OK: return 0;
    case CN_ENOMEM: return 71;      /* EX_OSERR */
    case CN_EUSAGE: return 64;      /* EX_USAGE */
    case CN_EDATA: return 65;       /* EX_DATAERR */
    case CN_ENOINPUT: return 66;    /* EX_NOINPUT */
    case CN_ECANTCREAT: return 73;  /* EX_CANTCREAT */
    case CN_EIO: return 74;         /* EX_IOERR */
    case CN_EINTERNAL: return 70;   /* EX_SOFTWARE */
    }
    return 70;
}

size_t cn_utf8_len(const char *s, size_t avail)
{
    const unsigned char *p = (const unsigned char *)s;
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
    unsigned cp = c & (0xFFu >> (n + 1));
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

size_t cn_escape_text(char *dst, size_t cap, const char *src, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t o = 0;
    if (cap == 0)
        return 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)src[i];
        size_t n = cn_utf8_len(src + i, len - i);
        char esc[5];
        size_t k;
        if (c == '\n' || c == '\r' || c == '\t') {
            esc[0] = '\\';
            esc[1] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
            k = 2;
        } else if (n == 0 || c < 0x20 || c == 0x7F) { /* a control character or a byte that is not UTF-8 */
            esc[0] = '\\';
            esc[1] = 'x';
            esc[2] = hex[c >> 4];
            esc[3] = hex[c & 15];
            k = 4;
            n = 1;
        } else if (n == 2 && c == 0xC2 && (unsigned char)src[i + 1] < 0xA0) { /* C1 controls (U+0080..U+009F) */
            unsigned char d = (unsigned char)src[i + 1];
            memcpy(esc, "\\u00", 4);
            if (o + 6 >= cap)
                break;
            memcpy(dst + o, esc, 4);
            dst[o + 4] = hex[d >> 4];
            dst[o + 5] = hex[d & 15];
            o += 6;
            i += 2;
            continue;
        } else {
            if (o + n >= cap)
                break;
            memcpy(dst + o, src + i, n);
            o += n;
            i += n;
            continue;
        }
        if (o + k >= cap)
            break;
        memcpy(dst + o, esc, k);
        o += k;
        i += n;
    }
    dst[o] = '\0';
    return o;
}

cn_status cn_error_set(cn_error *err, cn_status st, const char *fmt, ...)
{
    if (err) {
        char raw[sizeof err->msg]; /* formatted apart: an argument may be err->msg itself */
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(raw, sizeof raw, fmt, ap);
        va_end(ap);
        size_t len = n < 0 ? 0 : (size_t)n >= sizeof raw ? sizeof raw - 1 : (size_t)n;
        cn_escape_text(err->msg, sizeof err->msg, raw, len);
        err->status = st;
    }
    return st;
}

/* the process-wide warning handler (critnet/common.h): none by default, since the library never prints */
static cn_warn_fn warn_fn;
static void *warn_ctx;

void cn_set_warning_handler(cn_warn_fn fn, void *ctx)
{
    warn_fn = fn;
    warn_ctx = ctx;
}

void cn_warn(const char *fmt, ...)
{
    if (!warn_fn)
        return;
    char raw[1024], msg[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    size_t len = n < 0 ? 0 : (size_t)n >= sizeof raw ? sizeof raw - 1 : (size_t)n;
    cn_escape_text(msg, sizeof msg, raw, len); /* one line, whatever the echoed values hold */
    warn_fn(warn_ctx, msg);
}

char *cn_strdup(const char *s)
{
    return s ? cn_strndup(s, strlen(s)) : NULL;
}

char *cn_strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

const char *cn_fmt_num(char *buf, double x, int decimals)
{
    if (isnan(x)) {
        snprintf(buf, 32, "NaN");
        return buf;
    }
    /* strfromd, not snprintf: libquadmath (loaded with igraph's LAPACK) registers a printf specifier, which sends
     * every printf-family call through glibc's slower positional path; strfromd formats as "%.Nf" does */
    int d = decimals < 0 ? 6 : decimals > 99 ? 99 : decimals; /* a negative precision is "%f"'s 6 */
    char fmt[8] = "%.", *f = fmt + 2;
    if (d >= 10)
        *f++ = (char)('0' + d / 10);
    *f++ = (char)('0' + d % 10);
    *f++ = 'f';
    *f = '\0';
    strfromd(buf, 32, fmt, x);
    /* never print a negative zero such as "-0.000" */
    if (buf[0] == '-') {
        const char *p = buf + 1;
        while (*p == '0' || *p == '.')
            p++;
        if (*p == '\0')
            memmove(buf, buf + 1, strlen(buf));
    }
    return buf;
}

void cn_hugepage_hint(void *p, size_t bytes)
{
#ifdef MADV_HUGEPAGE
    const uintptr_t huge = (uintptr_t)2 << 20;
    if (!p || bytes < 2 * huge)
        return;
    /* the whole 2 MiB pages inside [p, p + bytes): madvise wants page-aligned ranges */
    uintptr_t from = ((uintptr_t)p + huge - 1) & ~(huge - 1), to = ((uintptr_t)p + bytes) & ~(huge - 1);
    if (to > from)
        (void)madvise((void *)from, to - from, MADV_HUGEPAGE);
#else
    (void)p;
    (void)bytes;
#endif
}
