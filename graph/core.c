/* graph/core.c: status strings, the error buffer, the warning handler, allocation and number formatting
 * helpers. Shared by every layer; no dependencies beyond libc. */
#define _DEFAULT_SOURCE /* madvise */
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

cn_status cn_error_set(cn_error *err, cn_status st, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
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
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
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
    snprintf(buf, 32, "%.*f", decimals, x);
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
