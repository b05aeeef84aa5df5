/* critnet/common.h: status codes, the error buffer and small shared helpers.
 * Every library function returns a cn_status; on failure it fills a cn_error with one line of text. */
#ifndef CRITNET_COMMON_H
#define CRITNET_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Status codes. The CLI maps them to <sysexits.h> codes with cn_status_exit(). */
typedef enum cn_status {
    CN_OK = 0,
    CN_ENOMEM,     /**< out of memory (EX_OSERR 71) */
    CN_EUSAGE,     /**< invalid argument from the caller (EX_USAGE 64) */
    CN_EDATA,      /**< input data is malformed or inconsistent (EX_DATAERR 65) */
    CN_ENOINPUT,   /**< an input file cannot be opened or read (EX_NOINPUT 66) */
    CN_ECANTCREAT, /**< an output file cannot be created (EX_CANTCREAT 73) */
    CN_EIO,        /**< an output write failed (EX_IOERR 74) */
    CN_EINTERNAL   /**< a library (igraph, Graphviz, cJSON) failed unexpectedly (EX_SOFTWARE 70) */
} cn_status;

/** One diagnostic line, without the program prefix: "FILE:LINE:COL: message" or "FILE: $.path: message". */
typedef struct cn_error {
    cn_status status;
    char msg[1024];
} cn_error;

const char *cn_strerror(cn_status st);
int cn_status_exit(cn_status st);

/** Sets err (if not NULL) and returns st. printf-style. */
cn_status cn_error_set(cn_error *err, cn_status st, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/** Allocation helpers that return NULL on failure (never abort). */
char *cn_strdup(const char *s);
char *cn_strndup(const char *s, size_t n);

/** Advises the kernel to back a large array (at least a few MB) with transparent huge pages, before it is
 * filled: far fewer page faults, which are costly in virtual machines. Advice only: a no-op for small arrays,
 * on systems without it, or when the kernel declines. */
void cn_hugepage_hint(void *p, size_t bytes);

/** Formats a fraction 0..1 as a fixed-point number, never "-0". buf must hold 32 bytes. */
const char *cn_fmt_num(char *buf, double x, int decimals);

#ifdef __cplusplus
}
#endif
#endif
