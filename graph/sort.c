/* graph/sort.c: cn_sort_r (critnet/graph.h), one reentrant, stable sort for every comparator that needs a
 * context (the net, a key): a merge sort, in place by rotations when no scratch memory can be had. */
#include "critnet/graph.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct sorter {
    size_t size;
    int (*cmp)(const void *, const void *, void *);
    void *ctx;
} sorter;

#define AT(base, i, size) ((char *)(base) + (i) * (size))

/* runs at most this long are sorted by insertion */
enum { INSERTION_MAX = 12 };

static void swap_bytes(char *a, char *b, size_t size)
{
    if (size == 4) { /* the common cases as plain moves */
        uint32_t x, y;
        memcpy(&x, a, 4);
        memcpy(&y, b, 4);
        memcpy(a, &y, 4);
        memcpy(b, &x, 4);
        return;
    }
    if (size == 8) {
        uint64_t x, y;
        memcpy(&x, a, 8);
        memcpy(&y, b, 8);
        memcpy(a, &y, 8);
        memcpy(b, &x, 8);
        return;
    }
    char tmp[64];
    while (size) {
        size_t k = size < sizeof tmp ? size : sizeof tmp;
        memcpy(tmp, a, k);
        memcpy(a, b, k);
        memcpy(b, tmp, k);
        a += k;
        b += k;
        size -= k;
    }
}

/* stable insertion sort of base[0..n), by adjacent swaps (no scratch element needed) */
static void insertion(const sorter *s, char *base, size_t n)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && s->cmp(AT(base, j - 1, s->size), AT(base, j, s->size), s->ctx) > 0; j--)
            swap_bytes(AT(base, j - 1, s->size), AT(base, j, s->size), s->size);
}

/* one element: constant sizes for the common cases, which the compiler turns into plain moves */
static void copy1(char *dst, const char *src, size_t z)
{
    switch (z) {
    case 4: memcpy(dst, src, 4); break;
    case 8: memcpy(dst, src, 8); break;
    default: memcpy(dst, src, z); break;
    }
}

/* merges the sorted runs src[0..mid) and src[mid..n) into dst (stable: ties take the left run first) */
static void merge_into(const sorter *s, const char *src, size_t mid, size_t n, char *dst)
{
    size_t i = 0, j = mid, k = 0, z = s->size;
    while (i < mid && j < n) {
        if (s->cmp(src + j * z, src + i * z, s->ctx) < 0)
            copy1(dst + k++ * z, src + j++ * z, z);
        else
            copy1(dst + k++ * z, src + i++ * z, z);
    }
    memcpy(dst + k * z, src + i * z, (mid - i) * z);
    k += mid - i;
    memcpy(dst + k * z, src + j * z, (n - j) * z);
}

/* sorts base[0..n) using tmp (n elements) as scratch: the halves are sorted in place, then merged into tmp
 * and copied back */
static void merge_sort(const sorter *s, char *base, size_t n, char *tmp)
{
    if (n <= INSERTION_MAX) {
        insertion(s, base, n);
        return;
    }
    size_t mid = n / 2, z = s->size;
    merge_sort(s, base, mid, tmp);
    merge_sort(s, base + mid * z, n - mid, tmp);
    if (s->cmp(base + (mid - 1) * z, base + mid * z, s->ctx) <= 0)
        return; /* already in order */
    merge_into(s, base, mid, n, tmp);
    memcpy(base, tmp, n * z);
}

/* reverses base[0..n) */
static void reverse(const sorter *s, char *base, size_t n)
{
    for (size_t i = 0; n > 1 && i < n / 2; i++)
        swap_bytes(AT(base, i, s->size), AT(base, n - 1 - i, s->size), s->size);
}

/* turns [a..a+na)[a+na..a+na+nb) into [a+na..)[a..a+na) */
static void rotate(const sorter *s, char *a, size_t na, size_t nb)
{
    reverse(s, a, na);
    reverse(s, AT(a, na, s->size), nb);
    reverse(s, a, na + nb);
}

/* first index in base[0..n) whose element is > key (upper) or >= key (lower) */
static size_t bound(const sorter *s, const char *base, size_t n, const char *key, int upper)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = s->cmp(AT(base, mid, s->size), key, s->ctx);
        if (upper ? c <= 0 : c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* stable merge of the sorted runs base[0..na) and base[na..na+nb) without scratch memory: split the longer
 * run at its middle, find the matching cut of the other by binary search, rotate, recurse */
static void merge_in_place(const sorter *s, char *base, size_t na, size_t nb)
{
    if (na == 0 || nb == 0)
        return;
    if (na + nb == 2) {
        if (s->cmp(AT(base, 1, s->size), base, s->ctx) < 0)
            swap_bytes(base, AT(base, 1, s->size), s->size);
        return;
    }
    size_t ca, cb;
    if (na >= nb) {
        ca = na / 2;
        cb = bound(s, AT(base, na, s->size), nb, AT(base, ca, s->size), 0);
    } else {
        cb = nb / 2;
        ca = bound(s, base, na, AT(base, na + cb, s->size), 1);
    }
    rotate(s, AT(base, ca, s->size), na - ca, cb);
    merge_in_place(s, base, ca, cb);
    merge_in_place(s, AT(base, ca + cb, s->size), na - ca, nb - cb);
}

static void sort_in_place(const sorter *s, char *base, size_t n)
{
    if (n <= INSERTION_MAX) {
        insertion(s, base, n);
        return;
    }
    size_t mid = n / 2;
    sort_in_place(s, base, mid);
    sort_in_place(s, AT(base, mid, s->size), n - mid);
    merge_in_place(s, base, mid, n - mid);
}

/* the fallback of cn_sort_r on its own, so that tests/unit/test_headline.c can reach it (not in a header:
 * nothing else should call it) */
void cn_i_sort_r_in_place(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *, void *),
                          void *ctx);
void cn_i_sort_r_in_place(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *, void *),
                          void *ctx)
{
    sorter s = {size, cmp, ctx};
    if (n >= 2 && size > 0)
        sort_in_place(&s, base, n);
}

void cn_sort_r(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *, void *), void *ctx)
{
    if (n < 2 || size == 0)
        return;
    sorter s = {size, cmp, ctx};
    char *tmp = n > INSERTION_MAX && n <= SIZE_MAX / size ? malloc(n * size) : NULL;
    if (tmp)
        merge_sort(&s, base, n, tmp);
    else
        sort_in_place(&s, base, n); /* small, or no memory: O(n log^2 n) but never fails */
    free(tmp);
}
