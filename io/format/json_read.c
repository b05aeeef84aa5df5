/* io/format/json_read.c: the native JSON format (docs/format.md) -> cn_net, with cJSON: the document walk.
 * Every problem is reported as "FILE: $.json.path: what was expected" (or FILE:LINE:COL for syntax errors)
 * and nothing is half-built.
 * Two paths give the same net: a fast one for the layout cn_json_dump writes (each array element parsed by
 * cJSON on its own, in an arena), and the full cJSON tree, which finds and words every error. */
#include "critnet/io.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "format/json_read_i.h"

static const char *const root_keys[] = {"format", "version", "name", "title", "description", "sources",
                                        "countries", "minerals", "edges", NULL};
enum { R_FORMAT, R_VERSION, R_NAME, R_TITLE, R_DESCRIPTION, R_SOURCES, R_COUNTRIES, R_MINERALS, R_EDGES,
       R_NKEYS };

/* one element of the array root_keys[a] */
static cn_status read_element(cn_i_json_rd *r, int a, const cJSON *it, int i)
{
    switch (a) {
    case R_SOURCES: return cn_i_json_read_source(r, it, i);
    case R_COUNTRIES: return cn_i_json_read_vertex(r, it, i, CN_VERTEX_COUNTRY);
    case R_MINERALS: return cn_i_json_read_vertex(r, it, i, CN_VERTEX_MINERAL);
    default: return cn_i_json_read_edge(r, it, i);
    }
}

/* the members before the arrays: format, version, name, title, description (f indexed by R_*) */
static cn_status read_header(cn_i_json_rd *r, const cJSON *const *f)
{
    cn_status st;
    const char *fmt, *name, *title, *desc;
    CN_I_JSON_ROOT_PATH(r, "$.format");
    if ((st = cn_i_json_get_str(r, f[R_FORMAT], 1, &fmt)))
        return st;
    if (strcmp(fmt, "critnet") != 0)
        return cn_i_json_fail(r, "expected \"critnet\", got \"%s\"", fmt);
    int32_t version;
    CN_I_JSON_ROOT_PATH(r, "$.version");
    if ((st = cn_i_json_get_int(r, f[R_VERSION], 1, 1, &version)))
        return st;
    if (version != 1)
        return cn_i_json_fail(r, "missing required field; expected 1");
    CN_I_JSON_ROOT_PATH(r, "$.name");
    if ((st = cn_i_json_get_str(r, f[R_NAME], 0, &name))) return st;
    CN_I_JSON_ROOT_PATH(r, "$.title");
    if ((st = cn_i_json_get_str(r, f[R_TITLE], 0, &title))) return st;
    CN_I_JSON_ROOT_PATH(r, "$.description");
    if ((st = cn_i_json_get_str(r, f[R_DESCRIPTION], 0, &desc))) return st;
    return cn_net_set_meta(r->net, name, title, desc, r->err);
}

static cn_status parse_root(cn_i_json_rd *r, const cJSON *root)
{
    const cJSON *f[R_NKEYS];
    CN_I_JSON_ROOT_PATH(r, "$");
    if (!cJSON_IsObject(root))
        return cn_i_json_fail(r, "expected an object at the top level, got %s", cn_i_json_type(root));
    cn_status st = cn_i_json_collect(r, root, root_keys, f, NULL, 0);
    if (st || (st = read_header(r, f)))
        return st;
    for (int a = R_SOURCES; a <= R_EDGES; a++) {
        const cJSON *arr, *it;
        if ((st = cn_i_json_need_array(r, f[a], root_keys[a], a != R_SOURCES, &arr)))
            return st;
        int i = 0;
        cJSON_ArrayForEach(it, arr) {
            if ((st = read_element(r, a, it, i++)))
                return st;
        }
    }
    return cn_net_validate(r->net, r->where, r->err);
}

/* ---- an arena for cJSON: bump allocation from large blocks, free does nothing ----
 * cJSON's hooks are global; critnet is single-threaded and sets them only while it parses. */

typedef struct arena_blk {
    struct arena_blk *next;
    size_t used, cap;
    max_align_t data[];
} arena_blk;

static arena_blk *arena;

static void *arena_alloc(size_t n)
{
    n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t);
    if (!arena || arena->cap - arena->used < n) {
        size_t cap = n > 8192 ? n : 8192; /* in max_align_t units: 128 KiB on x86-64 */
        arena_blk *b = malloc(sizeof *b + cap * sizeof(max_align_t));
        if (!b)
            return NULL;
        b->next = arena;
        b->used = 0;
        b->cap = cap;
        arena = b;
    }
    void *p = arena->data + arena->used;
    arena->used += n;
    return p;
}

static void arena_free_nothing(void *p)
{
    (void)p;
}

/* empties the arena, keeping its newest block for reuse (keep = 0: frees everything) */
static void arena_reset(int keep)
{
    arena_blk *b = keep && arena ? arena->next : arena;
    if (keep && arena) {
        arena->next = NULL;
        arena->used = 0;
    } else {
        arena = NULL;
    }
    while (b) {
        arena_blk *next = b->next;
        free(b);
        b = next;
    }
}

static const char *skip_ws(const char *p, const char *e)
{
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    return p;
}

/* what next_item returns */
enum { ITEM_BAD = -1, ITEM_CLOSED = 0, ITEM_MORE = 1 };

/* after a member or an element: ITEM_MORE past a ',' (and white space), ITEM_CLOSED past the closing
 * character, ITEM_BAD else */
static int next_item(const char **pp, const char *e, char close)
{
    const char *p = skip_ws(*pp, e);
    if (p < e && (*p == ',' || *p == close)) {
        *pp = *p == ',' ? skip_ws(p + 1, e) : p + 1;
        return *p == ',' ? ITEM_MORE : ITEM_CLOSED;
    }
    return ITEM_BAD;
}

/* what fast_parse returns */
enum { FAST_TAKEN = 0, FAST_GIVE_UP = -1 };

/* The fast path for well-formed files. It reads the top-level object member by member and the arrays
 * element by element, parsing each element with cJSON on its own and emptying the arena after it, so the
 * whole tree never exists. It takes only the layout cn_json_dump writes (the other members first; plain keys;
 * sources, countries, minerals, edges in this order) and gives up (FAST_GIVE_UP) on anything else and on any error;
 * the caller then parses the whole file with the full tree, which finds the error and words it. */
static int fast_parse(cn_i_json_rd *r, const char *p, const char *e)
{
    cJSON *head = cJSON_CreateObject(); /* the members before the arrays */
    int next = R_SOURCES;               /* the arrays still allowed */
    p = skip_ws(p, e);
    if (!head || p == e || *p++ != '{')
        return FAST_GIVE_UP;
    p = skip_ws(p, e);
    for (;;) {
        char key[32];
        const char *k = p + 1;
        if (p == e || *p != '"')
            return FAST_GIVE_UP;
        for (p = k; p < e && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20; p++)
            continue;
        if (p == e || *p != '"' || (size_t)(p - k) >= sizeof key)
            return FAST_GIVE_UP;
        memcpy(key, k, (size_t)(p - k));
        key[p - k] = '\0';
        p = skip_ws(p + 1, e);
        if (p == e || *p++ != ':')
            return FAST_GIVE_UP;
        p = skip_ws(p, e);
        int a = R_SOURCES;
        while (a <= R_EDGES && strcmp(root_keys[a], key) != 0)
            a++;
        const char *end = NULL;
        if (a <= R_EDGES) {
            if (a < next || p == e || *p != '[')
                return FAST_GIVE_UP;
            if (next == R_SOURCES) {
                const cJSON *f[R_NKEYS];
                if (cn_i_json_collect(r, head, root_keys, f, NULL, 0) || read_header(r, f))
                    return FAST_GIVE_UP;
                arena_reset(1); /* head is gone */
            }
            if (a != next && !(a == R_COUNTRIES && next == R_SOURCES))
                return FAST_GIVE_UP; /* a required array is missing */
            next = a + 1;
            p = skip_ws(p + 1, e);
            if (p < e && *p == ']') {
                p++;
            } else {
                for (int i = 0;; i++) {
                    const cJSON *it;
                    if (p == e || *p != '{')
                        return FAST_GIVE_UP;
                    if (!(it = cJSON_ParseWithLengthOpts(p, (size_t)(e - p), &end, 0)) ||
                        read_element(r, a, it, i))
                        return FAST_GIVE_UP;
                    arena_reset(1);
                    p = end;
                    int more = next_item(&p, e, ']');
                    if (more == ITEM_BAD)
                        return FAST_GIVE_UP;
                    if (more == ITEM_CLOSED)
                        break;
                }
            }
        } else {
            /* a value starting as JSON values do (cJSON would skip a byte-order mark here) */
            cJSON *v;
            if (next != R_SOURCES || p == e || !(*p && strchr("\"-0123456789tfn", *p)) ||
                !(v = cJSON_ParseWithLengthOpts(p, (size_t)(e - p), &end, 0)) ||
                !cJSON_AddItemToObject(head, key, v))
                return FAST_GIVE_UP;
            p = end;
        }
        int more = next_item(&p, e, '}');
        if (more == ITEM_BAD)
            return FAST_GIVE_UP;
        if (more == ITEM_CLOSED)
            break;
    }
    if (skip_ws(p, e) != e || next <= R_EDGES)
        return FAST_GIVE_UP;
    return cn_net_validate(r->net, r->where, r->err) ? FAST_GIVE_UP : FAST_TAKEN;
}

/* the whole file as one cJSON tree: every syntax and data error is found and worded here */
static cn_status full_parse(const char *data, size_t len, size_t skip, const char *where, cn_net **out,
                            cn_error *err)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(data + skip, len - skip, &end, 0);
    if (!root) {
        long line, col;
        size_t off = end ? (size_t)(end - data) : len;
        if (off > len)
            off = len;
        cn_line_col(data, off, &line, &col);
        /* cJSON stops at CJSON_NESTING_LIMIT levels: say so rather than "syntax error" */
        long depth = 0;
        int in_str = 0;
        for (size_t k = skip; k < off; k++) {
            char ch = data[k];
            if (in_str) {
                if (ch == '\\')
                    k++;
                else if (ch == '"')
                    in_str = 0;
            } else if (ch == '"') {
                in_str = 1;
            } else if (ch == '[' || ch == '{') {
                depth++;
            } else if (ch == ']' || ch == '}') {
                depth--;
            }
        }
        if (depth >= CJSON_NESTING_LIMIT)
            return cn_error_set(err, CN_EDATA, "%s:%ld:%ld: JSON nested more than %d levels deep", where,
                                line, col, CJSON_NESTING_LIMIT);
        return cn_error_set(err, CN_EDATA, "%s:%ld:%ld: JSON syntax error; expected a valid JSON value",
                            where, line, col);
    }
    /* anything but white space after the value is an error too */
    size_t off = (size_t)(end - data);
    while (off < len && (data[off] == ' ' || data[off] == '\t' || data[off] == '\n' || data[off] == '\r'))
        off++;
    if (off < len) {
        long line, col;
        cJSON_Delete(root);
        cn_line_col(data, off, &line, &col);
        return cn_error_set(err, CN_EDATA, "%s:%ld:%ld: unexpected text after the JSON value", where, line,
                            col);
    }
    cn_i_json_rd r = {where, err, cn_net_new(), "", NULL, NULL, 0, -1};
    if (!r.net) {
        cJSON_Delete(root);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    cn_status st = parse_root(&r, root);
    cJSON_Delete(root);
    if (st) {
        cn_net_free(r.net);
        return st;
    }
    *out = r.net;
    return CN_OK;
}

cn_status cn_json_parse(const char *data, size_t len, const char *where, cn_net **out, cn_error *err)
{
    *out = NULL;
    size_t skip = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        skip = 3; /* a UTF-8 byte-order mark */
    size_t i = skip;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
        i++;
    if (i == len)
        return cn_error_set(err, CN_EDATA, "%s: empty file; expected a JSON object", where);
    cn_status st = cn_utf8_check(data, len, where, err);
    if (!st)
        st = cn_i_json_strict(data, len, where, err);
    if (st)
        return st;
    cJSON_Hooks hooks = {arena_alloc, arena_free_nothing};
    cJSON_InitHooks(&hooks);
    cn_error scratch;
    cn_i_json_rd r = {where, &scratch, cn_net_new(), "", NULL, NULL, 0, -1};
    if (r.net && fast_parse(&r, data + skip, data + len) == FAST_TAKEN) {
        *out = r.net;
        st = CN_OK;
    } else {
        cn_net_free(r.net);
        st = full_parse(data, len, skip, where, out, err);
    }
    arena_reset(0);
    cJSON_InitHooks(NULL);
    return st;
}

cn_status cn_json_load(const char *path, cn_net **out, cn_error *err)
{
    char *data;
    size_t len;
    cn_status st = cn_read_file(path, CN_MAX_WHOLE_FILE, &data, &len, err);
    if (st)
        return st;
    st = cn_json_parse(data, len, strcmp(path, "-") == 0 ? "stdin" : path, out, err);
    free(data);
    return st;
}
