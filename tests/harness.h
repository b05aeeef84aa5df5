/* tests/harness.h: a tiny assertion harness (in the manner of cmark's api_test). Each test program ends
 * with `return cn_test_done();`, which prints "N passed, N failed" and exits non-zero on any failure. */
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
