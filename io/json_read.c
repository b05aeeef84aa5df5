/* io/json_read.c: the native JSON format (docs/format.md) -> cn_net, with cJSON. Every problem is reported
 * as "FILE: $.json.path: what was expected" (or FILE:LINE:COL for syntax errors) and nothing is half-built. */
#include "critnet/io.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
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
static cn_status get_str(rd *r, const cJSON *obj, const char *key, int required, const char **out)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(obj, key);
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

static cn_status get_num(rd *r, const cJSON *obj, const char *key, double lo, double hi, double *out)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = NAN;
    if (!x || cJSON_IsNull(x))
        return CN_OK;
    char range[96];
    if (isinf(hi))
        snprintf(range, sizeof range, "a finite number >= %g", lo);
    else
        snprintf(range, sizeof range, "a finite number in [%g,%g]", lo, hi);
    if (!cJSON_IsNumber(x)) {
        char msg[160];
        snprintf(msg, sizeof msg, "expected %s, got %s", range, json_type(x));
        return fail(r, "%s", msg);
    }
    double v = x->valuedouble;
    if (!isfinite(v) || v < lo || v > hi) {
        char msg[160];
        snprintf(msg, sizeof msg, "expected %s, got %.17g", range, v);
        return fail(r, "%s", msg);
    }
    *out = v;
    return CN_OK;
}

static cn_status get_int(rd *r, const cJSON *obj, const char *key, int32_t lo, int32_t hi, int32_t *out)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(obj, key);
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

static cn_status get_bool(rd *r, const cJSON *obj, const char *key, int *out)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = 0;
    if (!x || cJSON_IsNull(x))
        return CN_OK;
    if (!cJSON_IsBool(x))
        return fail(r, "expected true or false, got %s", json_type(x));
    *out = cJSON_IsTrue(x);
    return CN_OK;
}

static cn_status check_keys(rd *r, const cJSON *obj, const char *const *allowed, const char *arr, int i)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, obj) {
        int ok = 0;
        for (const char *const *a = allowed; *a; a++)
            if (strcmp(*a, it->string) == 0)
                ok = 1;
        if (!ok) {
            if (arr)
                set_path(r, arr, i, it->string);
            else
                ROOT_PATH(r, "$.%s", it->string);
            return fail(r, "unknown field '%s' (see docs/format.md)", it->string);
        }
    }
    return CN_OK;
}

static cn_status need_array(rd *r, const cJSON *root, const char *key, int required, const cJSON **out)
{
    *out = cJSON_GetObjectItemCaseSensitive(root, key);
    ROOT_PATH(r, "$.%s", key);
    if (!*out) {
        if (required)
            return fail(r, "missing required field; expected an array");
        return CN_OK;
    }
    if (!cJSON_IsArray(*out))
        return fail(r, "expected an array, got %s", json_type(*out));
    return CN_OK;
}

static cn_status read_sources(rd *r, const cJSON *arr)
{
    static const char *const keys[] = {"id", "title", "edition", "url", NULL};
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        set_path(r, "sources", i, NULL);
        if (!cJSON_IsObject(it))
            return fail(r, "expected an object, got %s", json_type(it));
        cn_status st = check_keys(r, it, keys, "sources", i);
        const char *id, *title, *edition, *url;
        if (st) return st;
        set_path(r, "sources", i, "id");
        if ((st = get_str(r, it, "id", 1, &id))) return st;
        set_path(r, "sources", i, "title");
        if ((st = get_str(r, it, "title", 0, &title))) return st;
        set_path(r, "sources", i, "edition");
        if ((st = get_str(r, it, "edition", 0, &edition))) return st;
        set_path(r, "sources", i, "url");
        if ((st = get_str(r, it, "url", 0, &url))) return st;
        set_path(r, "sources", i, "id");
        if (cn_net_find_source(r->net, id) >= 0)
            return fail(r, "duplicate source id '%s'", id);
        if ((st = cn_net_add_source(r->net, id, title, edition, url, NULL, r->err)))
            return st;
        i++;
    }
    return CN_OK;
}

static cn_status get_source_ref(rd *r, const cJSON *obj, int32_t *out)
{
    const char *sid;
    cn_status st = get_str(r, obj, "source", 0, &sid);
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

static int valid_id(const char *s, cn_vtype type)
{
    if (!*s || strlen(s) > 128)
        return 0;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= ' ' || c == '"' || c == '*' || c == 0x7F)
            return 0;
    }
    return type == CN_MINERAL || strlen(s) >= 2;
}

static cn_status read_vertices(rd *r, const cJSON *arr, cn_vtype type)
{
    static const char *const ckeys[] = {"id", "name", "note", "source", NULL};
    static const char *const mkeys[] = {"id", "name", "stage", "lists", "note", "source", NULL};
    const char *an = type == CN_COUNTRY ? "countries" : "minerals";
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        set_path(r, an, i, NULL);
        if (!cJSON_IsObject(it))
            return fail(r, "expected an object, got %s", json_type(it));
        cn_status st = check_keys(r, it, type == CN_COUNTRY ? ckeys : mkeys, an, i);
        if (st) return st;
        const char *id, *name, *stage = NULL, *note;
        int32_t src;
        set_path(r, an, i, "id");
        if ((st = get_str(r, it, "id", 1, &id))) return st;
        if (!valid_id(id, type))
            return fail(r, "invalid id '%s'; expected a non-empty id without spaces, quotes or '*'", id);
        if (cn_net_find(r->net, id) >= 0)
            return fail(r, "duplicate id '%s'", id);
        set_path(r, an, i, "name");
        if ((st = get_str(r, it, "name", 0, &name))) return st;
        set_path(r, an, i, "note");
        if ((st = get_str(r, it, "note", 0, &note))) return st;
        set_path(r, an, i, "source");
        if ((st = get_source_ref(r, it, &src))) return st;
        if (type == CN_MINERAL) {
            set_path(r, an, i, "stage");
            if ((st = get_str(r, it, "stage", 0, &stage))) return st;
        }
        int32_t v;
        if ((st = cn_net_add_vertex(r->net, type, id, name, &v, r->err)))
            return st;
        r->net->vertices[v].source = src;
        if ((stage && cn_vertex_set(r->net, v, "stage", stage)) ||
            (note && cn_vertex_set(r->net, v, "note", note)))
            return cn_error_set(r->err, CN_ENOMEM, "out of memory");
        if (type == CN_MINERAL) {
            const cJSON *lists = cJSON_GetObjectItemCaseSensitive(it, "lists");
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
        i++;
    }
    return CN_OK;
}

static cn_status vertex_ref(rd *r, const cJSON *obj, const char *key, cn_vtype type, int32_t *out)
{
    const char *id;
    cn_status st = get_str(r, obj, key, 1, &id);
    if (st)
        return st;
    *out = cn_net_find(r->net, id);
    if (*out < 0)
        return fail(r, "unknown id '%s'", id);
    if (r->net->vertices[*out].type != type) {
        char msg[300];
        snprintf(msg, sizeof msg, "'%s' is a %s; expected a %s (edges join a country and a mineral)", id,
                 type == CN_COUNTRY ? "mineral" : "country", type == CN_COUNTRY ? "country" : "mineral");
        return fail(r, "%s", msg);
    }
    return CN_OK;
}

static cn_status read_edges(rd *r, const cJSON *arr)
{
    static const char *const keys[] = {"kind", "country", "mineral", "consumer", "share", "low", "high",
                                       "rank", "value", "quantity", "reserves", "unit", "year", "period",
                                       "text", "basis", "estimated", "withheld", "na", "net_exporter",
                                       "primary", "source", NULL};
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        set_path(r, "edges", i, NULL);
        if (!cJSON_IsObject(it))
            return fail(r, "expected an object, got %s", json_type(it));
        cn_status st = check_keys(r, it, keys, "edges", i);
        if (st) return st;
        const char *kind;
        set_path(r, "edges", i, "kind");
        if ((st = get_str(r, it, "kind", 1, &kind))) return st;
        cn_edge e;
        cn_ekind k;
        if (cn_ekind_parse(kind, &k) != 0)
            return fail(r, "unknown kind '%s'; expected \"produces\", \"supplies\" or \"relies\"", kind);
        cn_edge_init(&e, k);
        set_path(r, "edges", i, "mineral");
        if ((st = vertex_ref(r, it, "mineral", CN_MINERAL, &e.mineral))) return st;
        if (k != CN_PRODUCES) {
            set_path(r, "edges", i, "consumer");
            if ((st = vertex_ref(r, it, "consumer", CN_COUNTRY, &e.consumer))) return st;
        } else if (cJSON_GetObjectItemCaseSensitive(it, "consumer")) {
            set_path(r, "edges", i, "consumer");
            return fail(r, "a produces edge has no consumer");
        }
        set_path(r, "edges", i, "country");
        const cJSON *c = cJSON_GetObjectItemCaseSensitive(it, "country");
        if (k == CN_RELIES) {
            if (c)
                return fail(r, "a relies edge joins a mineral and its consumer; remove \"country\"");
            e.country = e.consumer;
        } else if (!c) {
            return fail(r, "missing required field; expected a country id, \"*other*\", %s", 
                        k == CN_PRODUCES ? "\"*world*\"" : "or null (unnamed supplier)");
        } else if (cJSON_IsNull(c)) {
            if (k != CN_SUPPLIES)
                return fail(r, "null (unnamed supplier) is allowed on supplies edges only");
            e.country = CN_UNNAMED;
        } else if (cJSON_IsString(c) && strcmp(c->valuestring, "*other*") == 0) {
            e.country = CN_OTHER;
        } else if (cJSON_IsString(c) && strcmp(c->valuestring, "*world*") == 0) {
            if (k != CN_PRODUCES)
                return fail(r, "\"*world*\" is allowed on produces edges only");
            e.country = CN_WORLD;
        } else if ((st = vertex_ref(r, it, "country", CN_COUNTRY, &e.country))) {
            return st;
        }
        struct { const char *key; double lo, hi; double *dst; } nums[] = {
            {"share", 0, 1, &e.share},         {"low", 0, 1, &e.lo},
            {"high", 0, 1, &e.hi},             {"value", 0, INFINITY, &e.value},
            {"quantity", 0, INFINITY, &e.quantity}, {"reserves", 0, INFINITY, &e.reserves}};
        for (size_t n = 0; n < sizeof nums / sizeof nums[0]; n++) {
            set_path(r, "edges", i, nums[n].key);
            if ((st = get_num(r, it, nums[n].key, nums[n].lo, nums[n].hi, nums[n].dst))) return st;
        }
        set_path(r, "edges", i, "low");
        if (!isnan(e.lo) && !isnan(e.hi) && e.lo > e.hi)
            return fail(r, "low is greater than high");
        set_path(r, "edges", i, "rank");
        if ((st = get_int(r, it, "rank", 1, 100000, &e.rank))) return st;
        set_path(r, "edges", i, "year");
        if ((st = get_int(r, it, "year", 1000, 9999, &e.year))) return st;
        struct { const char *key; const char **dst; } strs[] = {
            {"unit", &e.unit}, {"period", &e.period}, {"text", &e.text}, {"basis", &e.basis}};
        for (size_t n = 0; n < sizeof strs / sizeof strs[0]; n++) {
            set_path(r, "edges", i, strs[n].key);
            if ((st = get_str(r, it, strs[n].key, 0, strs[n].dst))) return st;
        }
        struct { const char *key; unsigned flag; } flags[] = {
            {"estimated", CN_F_ESTIMATED}, {"withheld", CN_F_WITHHELD}, {"na", CN_F_NA},
            {"net_exporter", CN_F_NET_EXPORTER}, {"primary", CN_F_PRIMARY}};
        for (size_t n = 0; n < sizeof flags / sizeof flags[0]; n++) {
            int b;
            set_path(r, "edges", i, flags[n].key);
            if ((st = get_bool(r, it, flags[n].key, &b))) return st;
            if (b)
                e.flags |= flags[n].flag;
        }
        set_path(r, "edges", i, "source");
        if ((st = get_source_ref(r, it, &e.source))) return st;
        if ((st = cn_net_add_edge(r->net, &e, NULL, r->err))) {
            set_path(r, "edges", i, NULL);
            char msg[sizeof r->err->msg];
            snprintf(msg, sizeof msg, "%s", r->err->msg);
            return fail(r, "%s", msg);
        }
        i++;
    }
    return CN_OK;
}

static cn_status parse_root(rd *r, const cJSON *root)
{
    static const char *const keys[] = {"format", "version", "name", "title", "description", "sources",
                                       "countries", "minerals", "edges", NULL};
    ROOT_PATH(r, "$");
    if (!cJSON_IsObject(root))
        return fail(r, "expected an object at the top level, got %s", json_type(root));
    cn_status st = check_keys(r, root, keys, NULL, 0);
    if (st)
        return st;
    const char *fmt, *name, *title, *desc;
    ROOT_PATH(r, "$.format");
    if ((st = get_str(r, root, "format", 1, &fmt)))
        return st;
    if (strcmp(fmt, "critnet") != 0)
        return fail(r, "expected \"critnet\", got \"%s\"", fmt);
    int32_t version;
    ROOT_PATH(r, "$.version");
    if ((st = get_int(r, root, "version", 1, 1, &version)))
        return st;
    if (version != 1)
        return fail(r, "missing required field; expected 1");
    ROOT_PATH(r, "$.name");
    if ((st = get_str(r, root, "name", 0, &name))) return st;
    ROOT_PATH(r, "$.title");
    if ((st = get_str(r, root, "title", 0, &title))) return st;
    ROOT_PATH(r, "$.description");
    if ((st = get_str(r, root, "description", 0, &desc))) return st;
    if (cn_net_set_meta(r->net, name, title, desc))
        return cn_error_set(r->err, CN_ENOMEM, "out of memory");
    const cJSON *sources, *countries, *minerals, *edges;
    if ((st = need_array(r, root, "sources", 0, &sources)) || (st = read_sources(r, sources)))
        return st;
    if ((st = need_array(r, root, "countries", 1, &countries)) ||
        (st = read_vertices(r, countries, CN_COUNTRY)))
        return st;
    if ((st = need_array(r, root, "minerals", 1, &minerals)) ||
        (st = read_vertices(r, minerals, CN_MINERAL)))
        return st;
    if ((st = need_array(r, root, "edges", 1, &edges)) || (st = read_edges(r, edges)))
        return st;
    return cn_net_validate(r->net, r->where, r->err);
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
    st = parse_root(&r, root);
    cJSON_Delete(root);
    if (st) {
        cn_net_free(r.net);
        return st;
    }
    *out = r.net;
    return CN_OK;
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
