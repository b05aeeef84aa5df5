/* io/json_read.c: the native JSON format (docs/format.md) -> cn_net, with cJSON. Every problem is reported
 * as "FILE: $.json.path: what was expected" (or FILE:LINE:COL for syntax errors) and nothing is half-built.
 * Two paths give the same net: a fast one for the layout cn_json_dump writes (each array element parsed by
 * cJSON on its own, in an arena), and the full cJSON tree, which finds and words every error. */
#include "critnet/io.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *where;
    cn_error *err;
    cn_net *net;
    char path[256];
    /* set_path() only records where we are (formatting every field's path cost half the load time of a
     * large dataset); fail() writes the text */
    const char *p_arr, *p_key;
    int p_i;
    int32_t last_source; /* edges of one source come together: a one-entry cache of the lookup */
} rd;

static cn_status fail(rd *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static cn_status fail(rd *r, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (r->p_arr && r->p_key)
        snprintf(r->path, sizeof r->path, "$.%s[%d].%s", r->p_arr, r->p_i, r->p_key);
    else if (r->p_arr)
        snprintf(r->path, sizeof r->path, "$.%s[%d]", r->p_arr, r->p_i);
    return cn_error_set(r->err, CN_EDATA, "%s: %s: %s", r->where, r->path, msg);
}

static void set_path(rd *r, const char *arr, int i, const char *key)
{
    r->p_arr = arr;
    r->p_i = i;
    r->p_key = key;
}

/* a path outside the arrays ("$.format"), written at once */
#define ROOT_PATH(r, ...) (snprintf((r)->path, sizeof (r)->path, __VA_ARGS__), (r)->p_arr = NULL)

static const char *json_type(const cJSON *x)
{
    if (cJSON_IsNull(x)) return "null";
    if (cJSON_IsBool(x)) return "a boolean";
    if (cJSON_IsNumber(x)) return "a number";
    if (cJSON_IsString(x)) return "a string";
    if (cJSON_IsArray(x)) return "an array";
    if (cJSON_IsObject(x)) return "an object";
    return "an invalid value";
}

/* optional string: absent or null -> NULL */
static cn_status get_str(rd *r, const cJSON *x, int required, const char **out)
{
    *out = NULL;
    if (!x || cJSON_IsNull(x)) {
        if (required)
            return fail(r, "missing required field; expected a string");
        return CN_OK;
    }
    if (!cJSON_IsString(x))
        return fail(r, "expected a string, got %s", json_type(x));
    *out = x->valuestring;
    return CN_OK;
}

static cn_status get_num(rd *r, const cJSON *x, double lo, double hi, double *out)
{
    *out = NAN;
    if (!x || cJSON_IsNull(x))
        return CN_OK;
    double v = x->valuedouble;
    if (cJSON_IsNumber(x) && isfinite(v) && v >= lo && v <= hi) {
        *out = v;
        return CN_OK;
    }
    char range[96], msg[160];
    if (isinf(hi))
        snprintf(range, sizeof range, "a finite number >= %g", lo);
    else
        snprintf(range, sizeof range, "a finite number in [%g,%g]", lo, hi);
    if (!cJSON_IsNumber(x))
        snprintf(msg, sizeof msg, "expected %s, got %s", range, json_type(x));
    else
        snprintf(msg, sizeof msg, "expected %s, got %.17g", range, v);
    return fail(r, "%s", msg);
}

static cn_status get_int(rd *r, const cJSON *x, int32_t lo, int32_t hi, int32_t *out)
{
    *out = 0;
    if (!x || cJSON_IsNull(x))
        return CN_OK;
    if (!cJSON_IsNumber(x) || x->valuedouble != floor(x->valuedouble) || x->valuedouble < lo ||
        x->valuedouble > hi) {
        char msg[96];
        snprintf(msg, sizeof msg, "expected an integer in [%d,%d]", (int)lo, (int)hi);
        return fail(r, "%s", msg);
    }
    *out = (int32_t)x->valuedouble;
    return CN_OK;
}

static cn_status get_bool(rd *r, const cJSON *x, int *out)
{
    *out = 0;
    if (!x || cJSON_IsNull(x))
        return CN_OK;
    if (!cJSON_IsBool(x))
        return fail(r, "expected true or false, got %s", json_type(x));
    *out = cJSON_IsTrue(x);
    return CN_OK;
}

/* One pass over obj's members: slot[k] receives the first member named allowed[k] (the one
 * cJSON_GetObjectItemCaseSensitive would find), NULL when there is none; the first member with any other
 * name is an error. */
static cn_status collect(rd *r, const cJSON *obj, const char *const *allowed, const cJSON **slot,
                         const char *arr, int i)
{
    size_t n = 0;
    while (allowed[n])
        slot[n++] = NULL;
    const cJSON *it;
    cJSON_ArrayForEach(it, obj) {
        const char *key = it->string;
        size_t k = 0;
        while (k < n && (allowed[k][0] != key[0] || strcmp(allowed[k], key) != 0))
            k++;
        if (k == n) {
            if (arr)
                set_path(r, arr, i, key);
            else
                ROOT_PATH(r, "$.%s", key);
            return fail(r, "unknown field '%s' (see docs/format.md)", key);
        }
        if (!slot[k])
            slot[k] = it;
    }
    return CN_OK;
}

static cn_status need_array(rd *r, const cJSON *x, const char *key, int required, const cJSON **out)
{
    *out = x;
    ROOT_PATH(r, "$.%s", key);
    if (!x) {
        if (required)
            return fail(r, "missing required field; expected an array");
        return CN_OK;
    }
    if (!cJSON_IsArray(x))
        return fail(r, "expected an array, got %s", json_type(x));
    return CN_OK;
}

static cn_status read_source(rd *r, const cJSON *it, int i)
{
    static const char *const keys[] = {"id", "title", "edition", "url", NULL};
    const cJSON *f[4];
    set_path(r, "sources", i, NULL);
    if (!cJSON_IsObject(it))
        return fail(r, "expected an object, got %s", json_type(it));
    cn_status st = collect(r, it, keys, f, "sources", i);
    const char *id, *title, *edition, *url;
    if (st) return st;
    set_path(r, "sources", i, "id");
    if ((st = get_str(r, f[0], 1, &id))) return st;
    set_path(r, "sources", i, "title");
    if ((st = get_str(r, f[1], 0, &title))) return st;
    set_path(r, "sources", i, "edition");
    if ((st = get_str(r, f[2], 0, &edition))) return st;
    set_path(r, "sources", i, "url");
    if ((st = get_str(r, f[3], 0, &url))) return st;
    set_path(r, "sources", i, "id");
    if (cn_net_find_source(r->net, id) >= 0)
        return fail(r, "duplicate source id '%s'", id);
    return cn_net_add_source(r->net, id, title, edition, url, NULL, r->err);
}

static cn_status get_source_ref(rd *r, const cJSON *x, int32_t *out)
{
    const char *sid;
    cn_status st = get_str(r, x, 0, &sid);
    *out = -1;
    if (st || !sid)
        return st;
    if (r->last_source >= 0 && strcmp(r->net->sources[r->last_source].id, sid) == 0)
        *out = r->last_source;
    else
        *out = r->last_source = cn_net_find_source(r->net, sid);
    if (*out < 0)
        return fail(r, "unknown source '%s'; expected an id from $.sources", sid);
    return CN_OK;
}

static int valid_id(const char *s, cn_vertex_type type)
{
    if (!*s || strlen(s) > 128)
        return 0;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= ' ' || c == '"' || c == '*' || c == 0x7F)
            return 0;
    }
    return type == CN_VERTEX_MINERAL || strlen(s) >= 2;
}

enum { V_ID, V_NAME, V_NOTE, V_SOURCE, V_STAGE, V_LISTS };

static cn_status read_vertex(rd *r, const cJSON *it, int i, cn_vertex_type type)
{
    /* the same order as V_*: countries have the first four */
    static const char *const ckeys[] = {"id", "name", "note", "source", NULL};
    static const char *const mkeys[] = {"id", "name", "note", "source", "stage", "lists", NULL};
    const char *an = type == CN_VERTEX_COUNTRY ? "countries" : "minerals";
    const cJSON *f[6] = {NULL};
    set_path(r, an, i, NULL);
    if (!cJSON_IsObject(it))
        return fail(r, "expected an object, got %s", json_type(it));
    cn_status st = collect(r, it, type == CN_VERTEX_COUNTRY ? ckeys : mkeys, f, an, i);
    if (st) return st;
    const char *id, *name, *stage = NULL, *note;
    int32_t src;
    set_path(r, an, i, "id");
    if ((st = get_str(r, f[V_ID], 1, &id))) return st;
    if (!valid_id(id, type))
        return fail(r, "invalid id '%s'; expected a non-empty id without spaces, quotes or '*'", id);
    if (cn_net_find(r->net, id) >= 0)
        return fail(r, "duplicate id '%s'", id);
    set_path(r, an, i, "name");
    if ((st = get_str(r, f[V_NAME], 0, &name))) return st;
    set_path(r, an, i, "note");
    if ((st = get_str(r, f[V_NOTE], 0, &note))) return st;
    set_path(r, an, i, "source");
    if ((st = get_source_ref(r, f[V_SOURCE], &src))) return st;
    if (type == CN_VERTEX_MINERAL) {
        set_path(r, an, i, "stage");
        if ((st = get_str(r, f[V_STAGE], 0, &stage))) return st;
    }
    int32_t v;
    if ((st = cn_net_add_vertex(r->net, type, id, name, &v, r->err)))
        return st;
    r->net->vertices[v].source = src;
    if ((stage && cn_vertex_set(r->net, v, "stage", stage)) ||
        (note && cn_vertex_set(r->net, v, "note", note)))
        return cn_error_set(r->err, CN_ENOMEM, "out of memory");
    if (type == CN_VERTEX_MINERAL) {
        const cJSON *lists = f[V_LISTS];
        set_path(r, an, i, "lists");
        if (lists && !cJSON_IsArray(lists))
            return fail(r, "expected an array of list names (\"2018\", \"2022\")");
        const cJSON *l;
        cJSON_ArrayForEach(l, lists) {
            const char *s = cJSON_GetStringValue(l);
            if (s && strcmp(s, "2018") == 0)
                r->net->vertices[v].lists |= CN_LIST_2018;
            else if (s && strcmp(s, "2022") == 0)
                r->net->vertices[v].lists |= CN_LIST_2022;
            else
                return fail(r, "unknown list; expected \"2018\" or \"2022\"");
        }
    }
    return CN_OK;
}

static cn_status vertex_ref(rd *r, const cJSON *x, cn_vertex_type type, int32_t *out)
{
    const char *id;
    cn_status st = get_str(r, x, 1, &id);
    if (st)
        return st;
    *out = cn_net_find(r->net, id);
    if (*out < 0)
        return fail(r, "unknown id '%s'", id);
    if (r->net->vertices[*out].type != type) {
        char msg[300];
        snprintf(msg, sizeof msg, "'%s' is a %s; expected a %s (edges join a country and a mineral)", id,
                 type == CN_VERTEX_COUNTRY ? "mineral" : "country", type == CN_VERTEX_COUNTRY ? "country" : "mineral");
        return fail(r, "%s", msg);
    }
    return CN_OK;
}

static const char *const edge_keys[] = {"kind", "country", "mineral", "consumer", "share", "low", "high",
                                        "rank", "value", "quantity", "reserves", "unit", "year", "period",
                                        "text", "basis", "estimated", "withheld", "na", "net_exporter",
                                        "primary", "source", NULL};
enum {
    E_KIND, E_COUNTRY, E_MINERAL, E_CONSUMER, E_SHARE, E_LOW, E_HIGH, E_RANK, E_VALUE, E_QUANTITY,
    E_RESERVES, E_UNIT, E_YEAR, E_PERIOD, E_TEXT, E_BASIS, E_ESTIMATED, E_WITHHELD, E_NA, E_NET_EXPORTER,
    E_PRIMARY, E_SOURCE, E_NKEYS
};

static cn_status read_edge(rd *r, const cJSON *it, int i)
{
    const cJSON *f[E_NKEYS];
    set_path(r, "edges", i, NULL);
    if (!cJSON_IsObject(it))
        return fail(r, "expected an object, got %s", json_type(it));
    cn_status st = collect(r, it, edge_keys, f, "edges", i);
    if (st) return st;
    const char *kind;
    set_path(r, "edges", i, "kind");
    if ((st = get_str(r, f[E_KIND], 1, &kind))) return st;
    cn_edge e;
    cn_edge_kind k;
    if (cn_edge_kind_parse(kind, &k) != 0)
        return fail(r, "unknown kind '%s'; expected \"produces\", \"supplies\" or \"relies\"", kind);
    cn_edge_init(&e, k);
    set_path(r, "edges", i, "mineral");
    if ((st = vertex_ref(r, f[E_MINERAL], CN_VERTEX_MINERAL, &e.mineral))) return st;
    if (k != CN_EDGE_PRODUCES) {
        set_path(r, "edges", i, "consumer");
        if ((st = vertex_ref(r, f[E_CONSUMER], CN_VERTEX_COUNTRY, &e.consumer))) return st;
    } else if (f[E_CONSUMER]) {
        set_path(r, "edges", i, "consumer");
        return fail(r, "a produces edge has no consumer");
    }
    set_path(r, "edges", i, "country");
    const cJSON *c = f[E_COUNTRY];
    if (k == CN_EDGE_RELIES) {
        if (c)
            return fail(r, "a relies edge joins a mineral and its consumer; remove \"country\"");
        e.country = e.consumer;
    } else if (!c) {
        return fail(r, "missing required field; expected a country id, \"*other*\", %s",
                    k == CN_EDGE_PRODUCES ? "\"*world*\"" : "or null (unnamed supplier)");
    } else if (cJSON_IsNull(c)) {
        if (k != CN_EDGE_SUPPLIES)
            return fail(r, "null (unnamed supplier) is allowed on supplies edges only");
        e.country = CN_UNNAMED;
    } else if (cJSON_IsString(c) && strcmp(c->valuestring, "*other*") == 0) {
        e.country = CN_OTHER;
    } else if (cJSON_IsString(c) && strcmp(c->valuestring, "*world*") == 0) {
        if (k != CN_EDGE_PRODUCES)
            return fail(r, "\"*world*\" is allowed on produces edges only");
        e.country = CN_WORLD;
    } else if ((st = vertex_ref(r, c, CN_VERTEX_COUNTRY, &e.country))) {
        return st;
    }
    struct { int key; double lo, hi; double *dst; } nums[] = {
        {E_SHARE, 0, 1, &e.share},         {E_LOW, 0, 1, &e.lo},
        {E_HIGH, 0, 1, &e.hi},             {E_VALUE, 0, INFINITY, &e.value},
        {E_QUANTITY, 0, INFINITY, &e.quantity}, {E_RESERVES, 0, INFINITY, &e.reserves}};
    for (size_t n = 0; n < sizeof nums / sizeof nums[0]; n++) {
        set_path(r, "edges", i, edge_keys[nums[n].key]);
        if ((st = get_num(r, f[nums[n].key], nums[n].lo, nums[n].hi, nums[n].dst))) return st;
    }
    set_path(r, "edges", i, "low");
    if (!isnan(e.lo) && !isnan(e.hi) && e.lo > e.hi)
        return fail(r, "low is greater than high");
    set_path(r, "edges", i, "rank");
    if ((st = get_int(r, f[E_RANK], 1, 100000, &e.rank))) return st;
    set_path(r, "edges", i, "year");
    if ((st = get_int(r, f[E_YEAR], 1000, 9999, &e.year))) return st;
    struct { int key; const char **dst; } strs[] = {
        {E_UNIT, &e.unit}, {E_PERIOD, &e.period}, {E_TEXT, &e.text}, {E_BASIS, &e.basis}};
    for (size_t n = 0; n < sizeof strs / sizeof strs[0]; n++) {
        set_path(r, "edges", i, edge_keys[strs[n].key]);
        if ((st = get_str(r, f[strs[n].key], 0, strs[n].dst))) return st;
    }
    struct { int key; unsigned flag; } flags[] = {
        {E_ESTIMATED, CN_F_ESTIMATED}, {E_WITHHELD, CN_F_WITHHELD}, {E_NA, CN_F_NA},
        {E_NET_EXPORTER, CN_F_NET_EXPORTER}, {E_PRIMARY, CN_F_PRIMARY}};
    for (size_t n = 0; n < sizeof flags / sizeof flags[0]; n++) {
        int b;
        set_path(r, "edges", i, edge_keys[flags[n].key]);
        if ((st = get_bool(r, f[flags[n].key], &b))) return st;
        if (b)
            e.flags |= flags[n].flag;
    }
    set_path(r, "edges", i, "source");
    if ((st = get_source_ref(r, f[E_SOURCE], &e.source))) return st;
    if ((st = cn_net_add_edge(r->net, &e, NULL, r->err))) {
        set_path(r, "edges", i, NULL);
        char msg[sizeof r->err->msg];
        snprintf(msg, sizeof msg, "%s", r->err->msg);
        return fail(r, "%s", msg);
    }
    return CN_OK;
}

static const char *const root_keys[] = {"format", "version", "name", "title", "description", "sources",
                                        "countries", "minerals", "edges", NULL};
enum { R_FORMAT, R_VERSION, R_NAME, R_TITLE, R_DESCRIPTION, R_SOURCES, R_COUNTRIES, R_MINERALS, R_EDGES,
       R_NKEYS };

/* one element of the array root_keys[a] */
static cn_status read_element(rd *r, int a, const cJSON *it, int i)
{
    switch (a) {
    case R_SOURCES: return read_source(r, it, i);
    case R_COUNTRIES: return read_vertex(r, it, i, CN_VERTEX_COUNTRY);
    case R_MINERALS: return read_vertex(r, it, i, CN_VERTEX_MINERAL);
    default: return read_edge(r, it, i);
    }
}

/* the members before the arrays: format, version, name, title, description (f indexed by R_*) */
static cn_status read_header(rd *r, const cJSON *const *f)
{
    cn_status st;
    const char *fmt, *name, *title, *desc;
    ROOT_PATH(r, "$.format");
    if ((st = get_str(r, f[R_FORMAT], 1, &fmt)))
        return st;
    if (strcmp(fmt, "critnet") != 0)
        return fail(r, "expected \"critnet\", got \"%s\"", fmt);
    int32_t version;
    ROOT_PATH(r, "$.version");
    if ((st = get_int(r, f[R_VERSION], 1, 1, &version)))
        return st;
    if (version != 1)
        return fail(r, "missing required field; expected 1");
    ROOT_PATH(r, "$.name");
    if ((st = get_str(r, f[R_NAME], 0, &name))) return st;
    ROOT_PATH(r, "$.title");
    if ((st = get_str(r, f[R_TITLE], 0, &title))) return st;
    ROOT_PATH(r, "$.description");
    if ((st = get_str(r, f[R_DESCRIPTION], 0, &desc))) return st;
    if (cn_net_set_meta(r->net, name, title, desc))
        return cn_error_set(r->err, CN_ENOMEM, "out of memory");
    return CN_OK;
}

static cn_status parse_root(rd *r, const cJSON *root)
{
    const cJSON *f[R_NKEYS];
    ROOT_PATH(r, "$");
    if (!cJSON_IsObject(root))
        return fail(r, "expected an object at the top level, got %s", json_type(root));
    cn_status st = collect(r, root, root_keys, f, NULL, 0);
    if (st || (st = read_header(r, f)))
        return st;
    for (int a = R_SOURCES; a <= R_EDGES; a++) {
        const cJSON *arr, *it;
        if ((st = need_array(r, f[a], root_keys[a], a != R_SOURCES, &arr)))
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

/* after a member or an element: 1 past a ',' (and white space), 0 past the closing character, -1 else */
static int next_item(const char **pp, const char *e, char close)
{
    const char *p = skip_ws(*pp, e);
    if (p < e && (*p == ',' || *p == close)) {
        *pp = *p == ',' ? skip_ws(p + 1, e) : p + 1;
        return *p == ',';
    }
    return -1;
}

/* The fast path for well-formed files. It reads the top-level object member by member and the arrays
 * element by element, parsing each element with cJSON on its own and emptying the arena after it, so the
 * whole tree never exists. It takes only the layout cn_json_dump writes (the other members first; plain keys;
 * sources, countries, minerals, edges in this order) and gives up (-1) on anything else and on any error;
 * the caller then parses the whole file with the full tree, which finds the error and words it. */
static int fast_parse(rd *r, const char *p, const char *e)
{
    cJSON *head = cJSON_CreateObject(); /* the members before the arrays */
    int next = R_SOURCES;               /* the arrays still allowed */
    p = skip_ws(p, e);
    if (!head || p == e || *p++ != '{')
        return -1;
    p = skip_ws(p, e);
    for (;;) {
        char key[32];
        const char *k = p + 1;
        if (p == e || *p != '"')
            return -1;
        for (p = k; p < e && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20; p++)
            continue;
        if (p == e || *p != '"' || (size_t)(p - k) >= sizeof key)
            return -1;
        memcpy(key, k, (size_t)(p - k));
        key[p - k] = '\0';
        p = skip_ws(p + 1, e);
        if (p == e || *p++ != ':')
            return -1;
        p = skip_ws(p, e);
        int a = R_SOURCES;
        while (a <= R_EDGES && strcmp(root_keys[a], key) != 0)
            a++;
        const char *end = NULL;
        if (a <= R_EDGES) {
            if (a < next || p == e || *p != '[')
                return -1;
            if (next == R_SOURCES) {
                const cJSON *f[R_NKEYS];
                if (collect(r, head, root_keys, f, NULL, 0) || read_header(r, f))
                    return -1;
                arena_reset(1); /* head is gone */
            }
            if (a != next && !(a == R_COUNTRIES && next == R_SOURCES))
                return -1; /* a required array is missing */
            next = a + 1;
            p = skip_ws(p + 1, e);
            if (p < e && *p == ']') {
                p++;
            } else {
                for (int i = 0;; i++) {
                    const cJSON *it;
                    if (p == e || *p != '{')
                        return -1;
                    if (!(it = cJSON_ParseWithLengthOpts(p, (size_t)(e - p), &end, 0)) ||
                        read_element(r, a, it, i))
                        return -1;
                    arena_reset(1);
                    p = end;
                    int more = next_item(&p, e, ']');
                    if (more < 0)
                        return -1;
                    if (!more)
                        break;
                }
            }
        } else {
            /* a value starting as JSON values do (cJSON would skip a byte-order mark here) */
            cJSON *v;
            if (next != R_SOURCES || p == e || !(*p && strchr("\"-0123456789tfn", *p)) ||
                !(v = cJSON_ParseWithLengthOpts(p, (size_t)(e - p), &end, 0)) ||
                !cJSON_AddItemToObject(head, key, v))
                return -1;
            p = end;
        }
        int more = next_item(&p, e, '}');
        if (more < 0)
            return -1;
        if (!more)
            break;
    }
    if (skip_ws(p, e) != e || next <= R_EDGES)
        return -1;
    return cn_net_validate(r->net, r->where, r->err) ? -1 : 0;
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
    rd r = {where, err, cn_net_new(), "", NULL, NULL, 0, -1};
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
    if (st)
        return st;
    cJSON_Hooks hooks = {arena_alloc, arena_free_nothing};
    cJSON_InitHooks(&hooks);
    cn_error scratch;
    rd r = {where, &scratch, cn_net_new(), "", NULL, NULL, 0, -1};
    if (r.net && fast_parse(&r, data + skip, data + len) == 0) {
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
