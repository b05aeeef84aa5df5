/* critnet/common.h: the contract every libcritnet function keeps (below), status codes, the error buffer, the
 * warning handler, the export macros and small shared helpers. */
#ifndef CRITNET_COMMON_H
#define CRITNET_COMMON_H

/*
 * The contract, for every public function of libcritnet (the headers in include/critnet/):
 *
 * Errors. A function that can fail returns a cn_status (CN_OK is 0) and takes `cn_error *err` as its last
 *   parameter. On failure it returns the status and, if err is not NULL, writes one line of text into
 *   err->msg ("FILE:LINE:COL: message" or "FILE: $.path: message", no program name, no newline). Functions
 *   that cannot fail return their value directly and take no err. Invalid arguments are CN_EUSAGE, never
 *   an assertion.
 * Failure leaves nothing behind. On failure nothing is left for the caller to free: a partly built result
 *   is released before returning, and no output pointer holds anything the caller must free.
 * Ownership. The documentation of each function says who releases what, in these words:
 *   "caller frees with X" (the caller owns the result): an object returned through a pointer (cn_net **out)
 *     is released with X(ptr), which accepts NULL; a result written into the caller's struct
 *     (cn_deps_result *out) is released with X(&result), which accepts a zero-initialised struct;
 *   "borrows": the function uses the object during the call only and the caller keeps it; a returned
 *     pointer that borrows (a name, a row) stays valid as long as the object it was taken from;
 *   "takes": the callee takes over the object, even on failure.
 *   Strings and tables returned without one of these words are the library's, valid for the process.
 * No output, no exit. The library never writes to stdout or stderr on its own (it writes only to a FILE * or
 *   file name the caller passes), never calls exit() or abort(), and never installs signal handlers. Things
 *   worth telling a user that are not errors (a skipped row, an igraph warning) go to the warning handler
 *   (cn_set_warning_handler); with none installed they are dropped.
 * Threads. Not thread-safe: igraph and Graphviz keep process-global state. Use the library from one thread at
 *   a time; set the warning handler before other calls.
 * Symbols. Everything public is named cn_* (types cn_*, enum values and macros CN_*); the shared library
 *   exports nothing else. Names cn_i_* are internal and not exported.
 */

#include <stddef.h>
#include <stdint.h>

/* CN_EXPORT marks a symbol as part of the shared library's interface (it is built with -fvisibility=hidden).
 * CN_BEGIN_DECLS / CN_END_DECLS open and close every public header's declarations: C linkage for C++, and
 * default visibility for everything declared in between, so that the headers need no per-function mark. */
#if defined(__GNUC__) || defined(__clang__)
#define CN_EXPORT __attribute__((visibility("default")))
#define CN_I_VISIBILITY_PUSH _Pragma("GCC visibility push(default)")
#define CN_I_VISIBILITY_POP _Pragma("GCC visibility pop")
#else
#define CN_EXPORT
#define CN_I_VISIBILITY_PUSH
#define CN_I_VISIBILITY_POP
#endif
#ifdef __cplusplus
#define CN_BEGIN_DECLS extern "C" { CN_I_VISIBILITY_PUSH
#define CN_END_DECLS CN_I_VISIBILITY_POP }
#else
#define CN_BEGIN_DECLS CN_I_VISIBILITY_PUSH
#define CN_END_DECLS CN_I_VISIBILITY_POP
#endif

CN_BEGIN_DECLS

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

/** cn_strerror: a short English description of st ("out of memory", "invalid data"; "unknown status" for a
 * value outside the enum), the library's string. Cannot fail. Constant time. */
const char *cn_strerror(cn_status st);
/** cn_status_exit: the <sysexits.h> exit code for st (0 for CN_OK, the codes listed above, 70 for a value
 * outside the enum), for programs that end with the status of a failed call. Cannot fail. Constant time. */
int cn_status_exit(cn_status st);

/** Sets err (if not NULL) and returns st. printf-style: the message is formatted, escaped (cn_escape_text:
 * control characters and invalid UTF-8 become \n, \xNN, ...) into err->msg, truncated to 1023 bytes, and
 * err->status is set to st. Errors: none of its own; it returns st whatever it is, so a
 * failing function can end with `return cn_error_set(err, CN_EDATA, "%s: ...", where);`.
 * O(length of the message). */
cn_status cn_error_set(cn_error *err, cn_status st, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/** Allocation helpers that return NULL on failure (never abort). cn_strdup copies the NUL-terminated s
 * (NULL gives NULL); cn_strndup copies exactly n bytes of s, which must all be readable (it does not stop at
 * a NUL), and appends a NUL. The caller frees the copy with free(). O(length of the copy). */
char *cn_strdup(const char *s);
char *cn_strndup(const char *s, size_t n);

/** Advises the kernel to back a large array (at least a few MB) with transparent huge pages, before it is
 * filled: far fewer page faults, which are costly in virtual machines. Advice only: a no-op for small arrays
 * (below 4 MiB; only the whole 2 MiB pages inside [p, p + bytes) are advised), on systems without it, or when
 * the kernel declines. p stays the caller's. Cannot fail. Constant time (one madvise call). */
void cn_hugepage_hint(void *p, size_t bytes);

/** Formats a fraction 0..1 (any double, in fact) as a fixed-point number with `decimals` decimals, never
 * "-0" (a negative value that rounds to zero loses its sign), "NaN" for NaN. buf (the caller's) must hold 32
 * bytes; longer output is truncated. Returns buf. Cannot fail. Constant time (at most 32 bytes written). */
const char *cn_fmt_num(char *buf, double x, int decimals);

/** Receives one warning line, without the program prefix and without a newline. ctx is the pointer given
 * with the handler. */
typedef void (*cn_warn_fn)(void *ctx, const char *msg);

/** Installs the process-wide warning handler (NULL: warnings are dropped, the default) and its context
 * pointer, which the library borrows until the handler is replaced. Not synchronised: call it before other
 * calls. Programs usually print the message to stderr with their name in front. Cannot fail.
 * Constant time. */
void cn_set_warning_handler(cn_warn_fn fn, void *ctx);

/** Formats a warning (printf-style, escaped as cn_error_set does, truncated to 1023 bytes) and passes it to the installed handler, if any
 * (with none it returns at once, formatting nothing). Used by the library for what is worth telling but is
 * not an error. The message is only valid during the handler's call. Cannot fail. O(length of the message)
 * plus the handler's own time. */
void cn_warn(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/** cn_utf8_len: the length (1..4) of the well-formed UTF-8 sequence at s (avail >= 1 bytes readable), or 0
 * when it is not one (a stray continuation byte, an overlong form, a surrogate, > U+10FFFF, cut short).
 * Cannot fail. O(1). */
size_t cn_utf8_len(const char *s, size_t avail);

/** cn_escape_text: copies src[0..len) into dst (cap bytes, the caller's, always NUL-terminated when cap > 0)
 * with newline, CR and tab written as \n \r \t, other control characters (C0, DEL) and bytes that are not
 * UTF-8 as \xNN, C1 controls as \u00NN; truncated at a whole character or escape. cn_error_set and cn_warn
 * pass every message through it, so an echoed value cannot forge a line or a terminal escape. Returns the
 * bytes written (without the NUL). Cannot fail. O(len). */
size_t cn_escape_text(char *dst, size_t cap, const char *src, size_t len);

CN_END_DECLS
#endif
