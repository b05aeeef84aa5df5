/* tests/harness.h: a tiny assertion harness (in the manner of cmark's api_test). Each test program ends
 * with `return cn_test_done();`, which prints "N passed, N failed" and exits non-zero on any failure.
 * A failed check prints FILE:LINE, the expression as written and, where the macro has them, the values got
 * and expected (CHECK_NEAR, CHECK_STR, CHECK_INT) or a message saying what was checked (CHECK_MSG). */
#ifndef CN_TEST_HARNESS_H
#define CN_TEST_HARNESS_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int cn_t_pass, cn_t_fail;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (cond)                                                                                  \
            cn_t_pass++;                                                                           \
        else {                                                                                     \
            cn_t_fail++;                                                                           \
            fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond);               \
        }                                                                                          \
    } while (0)

/* CHECK_MSG(cond, "printf format", ...): as CHECK, and says what it checks in words */
#define CHECK_MSG(cond, ...)                                                                       \
    do {                                                                                           \
        if (cond)                                                                                  \
            cn_t_pass++;                                                                           \
        else {                                                                                     \
            cn_t_fail++;                                                                           \
            fprintf(stderr, "%s:%d: CHECK(%s) failed: ", __FILE__, __LINE__, #cond);               \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
        }                                                                                          \
    } while (0)

/* CHECK_INT(got, want): integers (any integer type, compared as long long) */
#define CHECK_INT(got, want)                                                                       \
    do {                                                                                           \
        long long g_ = (long long)(got), w_ = (long long)(want);                                   \
        if (g_ == w_)                                                                              \
            cn_t_pass++;                                                                           \
        else {                                                                                     \
            cn_t_fail++;                                                                           \
            fprintf(stderr, "%s:%d: %s = %lld, expected %lld\n", __FILE__, __LINE__, #got, g_, w_); \
        }                                                                                          \
    } while (0)

#define CHECK_NEAR(got, want, tol)                                                                 \
    do {                                                                                           \
        double g_ = (got), w_ = (want);                                                            \
        if (fabs(g_ - w_) <= (tol))                                                                \
            cn_t_pass++;                                                                           \
        else {                                                                                     \
            cn_t_fail++;                                                                           \
            fprintf(stderr, "%s:%d: %s = %.12g, expected %.12g\n", __FILE__, __LINE__, #got, g_, w_); \
        }                                                                                          \
    } while (0)

#define CHECK_STR(got, want)                                                                       \
    do {                                                                                           \
        const char *g_ = (got), *w_ = (want);                                                      \
        if (g_ && w_ && strcmp(g_, w_) == 0)                                                       \
            cn_t_pass++;                                                                           \
        else {                                                                                     \
            cn_t_fail++;                                                                           \
            fprintf(stderr, "%s:%d: %s = \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #got,     \
                    g_ ? g_ : "(null)", w_ ? w_ : "(null)");                                       \
        }                                                                                          \
    } while (0)

static inline int cn_test_done(void)
{
    printf("%d passed, %d failed\n", cn_t_pass, cn_t_fail);
    return cn_t_fail ? 1 : 0;
}

#endif
