/* io/format/json_strict.c: what cJSON accepts but a critnet input may not hold: a NUL byte or \u0000 inside a
 * string (cJSON cuts the string there), raw control characters in strings, duplicate keys in an object, a second
 * byte-order mark. One pass over the text before parsing; each problem reported with its JSON path. Syntax errors
 * are left to the parser (this pass stops quietly at anything it does not understand). */
#include "critnet/io.h"

#include <stdlib.h>
#include <string.h>

#include "format/json_read_i.h"

#define MAX_DEPTH 1100 /* deeper than cJSON's nesting limit: cJSON reports it */

typedef struct {
    char type;            /* '{' or '[' */
    long idx;             /* arrays: the element */
    const char *key;      /* objects: the current key (raw, between the quotes) */
    size_t keylen, keys0; /* keys0: where this object's keys start in the key list */
    int expect_key;
} level;

typedef struct {
    const char *p;
    size_t n;
} slice;

static int slice_cmp(const void *pa, const void *pb)
{
    const slice *a = pa, *b = pb;
    size_t n = a->n < b->n ? a->n : b->n;
    int c = memcmp(a->p, b->p, n);
    return c ? c : (a->n > b->n) - (a->n < b->n);
}

/* "$.edges[3].country" for the levels [0, depth) */
static void format_path(char *buf, size_t cap, const level *st, int depth)
{
    size_t o = (size_t)snprintf(buf, cap, "$");
    for (int d = 0; d < depth && o < cap; d++) {
        if (st[d].type == '[')
            o += (size_t)snprintf(buf + o, cap - o, "[%ld]", st[d].idx);
        else if (st[d].key)
            o += (size_t)snprintf(buf + o, cap - o, ".%.*s", (int)(st[d].keylen > 64 ? 64 : st[d].keylen),
                                  st[d].key);
    }
}

static cn_status fail(const char *where, const level *st, int depth, cn_error *err, const char *what)
{
    char path[512];
    format_path(path, sizeof path, st, depth);
    return cn_error_set(err, CN_EDATA, "%s: %s: %s", where, path, what);
}

cn_status cn_i_json_strict(const char *data, size_t len, const char *where, cn_error *err)
{
    const char *p = data, *e = data + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        p += 3;
        if (e - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
            return cn_error_set(err, CN_EDATA, "%s:1:2: a second byte-order mark; expected JSON text", where);
    }
    level *st = malloc(MAX_DEPTH * sizeof *st);
    slice *keys = NULL;
    size_t nkeys = 0, capkeys = 0;
    int depth = 0;
    cn_status rc = st ? CN_OK : cn_error_set(err, CN_ENOMEM, "out of memory");
    while (!rc && p < e) {
        char c = *p;
        level *top = depth ? &st[depth - 1] : NULL;
        if (c == '\0') {
            rc = fail(where, st, depth, err, "a NUL byte; expected JSON text");
        } else if (c == '{' || c == '[') {
            if (depth == MAX_DEPTH)
                break;
            st[depth++] = (level){c, 0, NULL, 0, nkeys, c == '{'};
            p++;
        } else if (c == '}' || c == ']') {
            if (!top || top->type != (c == '}' ? '{' : '['))
                break;
            if (c == '}' && nkeys - top->keys0 > 1) {
                qsort(keys + top->keys0, nkeys - top->keys0, sizeof *keys, slice_cmp);
                for (size_t k = top->keys0 + 1; k < nkeys && !rc; k++)
                    if (slice_cmp(&keys[k - 1], &keys[k]) == 0) {
                        char what[160];
                        snprintf(what, sizeof what, "the key \"%.*s\" appears twice; expected each key once",
                                 (int)(keys[k].n > 64 ? 64 : keys[k].n), keys[k].p);
                        top->key = NULL;
                        rc = fail(where, st, depth, err, what);
                    }
            }
            if (c == '}')
                nkeys = top->keys0;
            depth--;
            p++;
        } else if (c == ',') {
            if (top && top->type == '[')
                top->idx++;
            else if (top)
                top->expect_key = 1;
            p++;
        } else if (c == ':') {
            if (top && top->type == '{')
                top->expect_key = 0;
            p++;
        } else if (c == '"') {
            const char *s = ++p;
            while (p < e && *p != '"' && !rc) {
                unsigned char b = (unsigned char)*p;
                if (b < 0x20) {
                    rc = fail(where, st, depth, err, b ? "a raw control character in a string; expected it "
                              "escaped (\\n, \\t, \\u00XX)" : "a NUL byte in a string");
                } else if (b == '\\') {
                    if (e - p >= 6 && memcmp(p + 1, "u0000", 5) == 0)
                        rc = fail(where, st, depth, err, "\\u0000 (NUL) in a string; expected text without "
                                  "NUL characters");
                    p += 2;
                } else {
                    p++;
                }
            }
            if (rc || p >= e)
                break;
            if (top && top->type == '{' && top->expect_key) {
                top->key = s;
                top->keylen = (size_t)(p - s);
                if (nkeys == capkeys) {
                    capkeys = capkeys ? capkeys * 2 : 64;
                    slice *nk = realloc(keys, capkeys * sizeof *nk);
                    if (!nk) {
                        rc = cn_error_set(err, CN_ENOMEM, "out of memory");
                        break;
                    }
                    keys = nk;
                }
                keys[nkeys++] = (slice){s, (size_t)(p - s)};
            }
            p++;
        } else {
            p++; /* white space, numbers, true/false/null: the parser judges them */
        }
    }
    free(st);
    free(keys);
    return rc;
}
