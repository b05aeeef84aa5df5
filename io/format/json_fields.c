/* io/format/json_fields.c: the fields of the native JSON format: typed getters that word every error with its
 * $.json.path, and the elements of the arrays (sources, countries, minerals, edges) added to the net. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/json_read_i.h"

cn_status cn_i_json_fail(cn_i_json_rd *r, const char *fmt, ...)
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

static void set_path(cn_i_json_rd *r, const char *arr, int i, const char *key)
{
    r->p_arr = arr;
    r->p_i = i;
    r->p_key = key;
}

const char *cn_i_json_type(const cJSON *x)
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
cn_status cn_i_json_get_str(cn_i_json_rd *r, const cJSON *x, int required, const char **out)
{
    *out = NULL;
    if (!x || cJSON_IsNull(x)) {
        if (required)
            return cn_i_json_fail(r, "missing required field; expected a string");
        return CN_OK;
    }
    if (!cJSON_IsString(x))
        return cn_i_json_fail(r, "expected a string, got %s", cn_i_json_type(x));
    *out = x->valuestring;
    return CN_OK;
}

static cn_status get_num(cn_i_json_rd *r, const cJSON *x, double lo, double hi, double *out)
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
        snprintf(msg, sizeof msg, "expected %s, got %s", range, cn_i_json_type(x));
    else
        snprintf(msg, sizeof msg, "expected %s, got %.17g", range, v);
    return cn_i_json_fail(r, "%s", msg);
}

cn_status cn_i_json_get_int(cn_i_json_rd *r, const cJSON *x, int32_t lo, int32_t hi, int32_t *out)
{
    *out = 0;
    if (!x || cJSON_IsNull(x))
        return CN_OK;
    if (!cJSON_IsNumber(x) || x->valuedouble != floor(x->valuedouble) || x->valuedouble < lo ||
        x->valuedouble > hi) {
        char msg[96];
        snprintf(msg, sizeof msg, "expected an integer in [%d,%d]", (int)lo, (int)hi);
        return cn_i_json_fail(r, "%s", msg);
    }
    *out = (int32_t)x->valuedouble;
    return CN_OK;
}

static cn_status get_bool(cn_i_json_rd *r, const cJSON *x, int *out)
{
    *out = 0;
    if (!x || cJSON_IsNull(x))
        return CN_OK;
    if (!cJSON_IsBool(x))
        return cn_i_json_fail(r, "expected true or false, got %s", cn_i_json_type(x));
    *out = cJSON_IsTrue(x);
    return CN_OK;
}

/* One pass over obj's members: slot[k] receives the first member named allowed[k] (the one
 * cJSON_GetObjectItemCaseSensitive would find), NULL when there is none; the first member with any other
 * name is an error. */
cn_status cn_i_json_collect(cn_i_json_rd *r, const cJSON *obj, const char *const *allowed, const cJSON **slot,
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
                CN_I_JSON_ROOT_PATH(r, "$.%s", key);
            return cn_i_json_fail(r, "unknown field '%s' (see docs/format.md)", key);
        }
        if (!slot[k])
            slot[k] = it;
    }
    return CN_OK;
}

cn_status cn_i_json_need_array(cn_i_json_rd *r, const cJSON *x, const char *key, int required,
                               const cJSON **out)
{
    *out = x;
    CN_I_JSON_ROOT_PATH(r, "$.%s", key);
    if (!x) {
        if (required)
            return cn_i_json_fail(r, "missing required field; expected an array");
        return CN_OK;
    }
    if (!cJSON_IsArray(x))
        return cn_i_json_fail(r, "expected an array, got %s", cn_i_json_type(x));
    return CN_OK;
}

cn_status cn_i_json_read_source(cn_i_json_rd *r, const cJSON *it, int i)
{
    static const char *const keys[] = {"id", "title", "edition", "url", NULL};
    const cJSON *f[4];
    set_path(r, "sources", i, NULL);
    if (!cJSON_IsObject(it))
        return cn_i_json_fail(r, "expected an object, got %s", cn_i_json_type(it));
    cn_status st = cn_i_json_collect(r, it, keys, f, "sources", i);
    const char *id, *title, *edition, *url;
    if (st) return st;
    set_path(r, "sources", i, "id");
    if ((st = cn_i_json_get_str(r, f[0], 1, &id))) return st;
    set_path(r, "sources", i, "title");
    if ((st = cn_i_json_get_str(r, f[1], 0, &title))) return st;
    set_path(r, "sources", i, "edition");
    if ((st = cn_i_json_get_str(r, f[2], 0, &edition))) return st;
    set_path(r, "sources", i, "url");
    if ((st = cn_i_json_get_str(r, f[3], 0, &url))) return st;
    set_path(r, "sources", i, "id");
    if (cn_net_find_source(r->net, id) >= 0)
        return cn_i_json_fail(r, "duplicate source id '%s'", id);
    return cn_net_add_source(r->net, id, title, edition, url, NULL, r->err);
}

static cn_status get_source_ref(cn_i_json_rd *r, const cJSON *x, int32_t *out)
{
    const char *sid;
    cn_status st = cn_i_json_get_str(r, x, 0, &sid);
    *out = -1;
    if (st || !sid)
        return st;
    if (r->last_source >= 0 && strcmp(r->net->sources[r->last_source].id, sid) == 0)
        *out = r->last_source;
    else
        *out = r->last_source = cn_net_find_source(r->net, sid);
    if (*out < 0)
        return cn_i_json_fail(r, "unknown source '%s'; expected an id from $.sources", sid);
    return CN_OK;
}

int cn_i_valid_id(const char *s, cn_vertex_type type)
{
    if (!*s || strlen(s) > 128)
        return 0;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= ' ' || c == '"' || c == '*' || c == 0x7F)
            return 0;
    }
    (void)type; /* both sides: one rule (an edge list's one-letter ids must export and read back) */
    return 1;
}

enum { V_ID, V_NAME, V_NOTE, V_SOURCE, V_STAGE, V_LISTS };

cn_status cn_i_json_read_vertex(cn_i_json_rd *r, const cJSON *it, int i, cn_vertex_type type)
{
    /* the same order as V_*: countries have the first four */
    static const char *const ckeys[] = {"id", "name", "note", "source", NULL};
    static const char *const mkeys[] = {"id", "name", "note", "source", "stage", "lists", NULL};
    const char *an = type == CN_VERTEX_COUNTRY ? "countries" : "minerals";
    const cJSON *f[6] = {NULL};
    set_path(r, an, i, NULL);
    if (!cJSON_IsObject(it))
        return cn_i_json_fail(r, "expected an object, got %s", cn_i_json_type(it));
    cn_status st = cn_i_json_collect(r, it, type == CN_VERTEX_COUNTRY ? ckeys : mkeys, f, an, i);
    if (st) return st;
    const char *id, *name, *stage = NULL, *note;
    int32_t src;
    set_path(r, an, i, "id");
    if ((st = cn_i_json_get_str(r, f[V_ID], 1, &id))) return st;
    if (!cn_i_valid_id(id, type))
        return cn_i_json_fail(r, "invalid id '%s'; expected " CN_I_ID_RULE, id);
    if (cn_net_find(r->net, id) >= 0)
        return cn_i_json_fail(r, "duplicate id '%s'", id);
    set_path(r, an, i, "name");
    if ((st = cn_i_json_get_str(r, f[V_NAME], 0, &name))) return st;
    set_path(r, an, i, "note");
    if ((st = cn_i_json_get_str(r, f[V_NOTE], 0, &note))) return st;
    set_path(r, an, i, "source");
    if ((st = get_source_ref(r, f[V_SOURCE], &src))) return st;
    if (type == CN_VERTEX_MINERAL) {
        set_path(r, an, i, "stage");
        if ((st = cn_i_json_get_str(r, f[V_STAGE], 0, &stage))) return st;
    }
    int32_t v;
    if ((st = cn_net_add_vertex(r->net, type, id, name, &v, r->err)))
        return st;
    r->net->vertices[v].source = src;
    st = stage ? cn_vertex_set(r->net, v, "stage", stage, r->err) : CN_OK;
    if (!st && note)
        st = cn_vertex_set(r->net, v, "note", note, r->err);
    if (st)
        return st;
    if (type == CN_VERTEX_MINERAL) {
        const cJSON *lists = f[V_LISTS];
        set_path(r, an, i, "lists");
        if (lists && !cJSON_IsArray(lists))
            return cn_i_json_fail(r, "expected an array of list names (\"2018\", \"2022\")");
        const cJSON *l;
        cJSON_ArrayForEach(l, lists) {
            const char *s = cJSON_GetStringValue(l);
            if (s && strcmp(s, "2018") == 0)
                r->net->vertices[v].lists |= CN_LIST_2018;
            else if (s && strcmp(s, "2022") == 0)
                r->net->vertices[v].lists |= CN_LIST_2022;
            else
                return cn_i_json_fail(r, "unknown list; expected \"2018\" or \"2022\"");
        }
    }
    return CN_OK;
}

static cn_status vertex_ref(cn_i_json_rd *r, const cJSON *x, cn_vertex_type type, int32_t *out)
{
    const char *id;
    cn_status st = cn_i_json_get_str(r, x, 1, &id);
    if (st)
        return st;
    *out = cn_net_find(r->net, id);
    if (*out < 0)
        return cn_i_json_fail(r, "unknown id '%s'", id);
    if (r->net->vertices[*out].type != type) {
        char msg[300];
        snprintf(msg, sizeof msg, "'%s' is a %s; expected a %s (edges join a country and a mineral)", id,
                 type == CN_VERTEX_COUNTRY ? "mineral" : "country", type == CN_VERTEX_COUNTRY ? "country" : "mineral");
        return cn_i_json_fail(r, "%s", msg);
    }
    return CN_OK;
}

static const char *const edge_keys[] = {"kind", "country", "mineral", "consumer", "share", "low", "high",
                                        "rank", "value", "quantity", "reserves", "unit", "year", "period",
                                        "text", "basis", "estimated", "withheld", "na", "net_exporter",
                                        "primary", "source", "reserves_at_least", NULL};
enum {
    E_KIND, E_COUNTRY, E_MINERAL, E_CONSUMER, E_SHARE, E_LOW, E_HIGH, E_RANK, E_VALUE, E_QUANTITY,
    E_RESERVES, E_UNIT, E_YEAR, E_PERIOD, E_TEXT, E_BASIS, E_ESTIMATED, E_WITHHELD, E_NA, E_NET_EXPORTER,
    E_PRIMARY, E_SOURCE, E_RESERVES_MIN, E_NKEYS
};

cn_status cn_i_json_read_edge(cn_i_json_rd *r, const cJSON *it, int i)
{
    const cJSON *f[E_NKEYS];
    set_path(r, "edges", i, NULL);
    if (!cJSON_IsObject(it))
        return cn_i_json_fail(r, "expected an object, got %s", cn_i_json_type(it));
    cn_status st = cn_i_json_collect(r, it, edge_keys, f, "edges", i);
    if (st) return st;
    const char *kind;
    set_path(r, "edges", i, "kind");
    if ((st = cn_i_json_get_str(r, f[E_KIND], 1, &kind))) return st;
    cn_edge e;
    cn_edge_kind k;
    if (cn_edge_kind_parse(kind, &k) != 0)
        return cn_i_json_fail(r, "unknown kind '%s'; expected \"produces\", \"supplies\" or \"relies\"", kind);
    cn_edge_init(&e, k);
    set_path(r, "edges", i, "mineral");
    if ((st = vertex_ref(r, f[E_MINERAL], CN_VERTEX_MINERAL, &e.mineral))) return st;
    if (k != CN_EDGE_PRODUCES) {
        set_path(r, "edges", i, "consumer");
        if ((st = vertex_ref(r, f[E_CONSUMER], CN_VERTEX_COUNTRY, &e.consumer))) return st;
    } else if (f[E_CONSUMER]) {
        set_path(r, "edges", i, "consumer");
        return cn_i_json_fail(r, "a produces edge has no consumer");
    }
    set_path(r, "edges", i, "country");
    const cJSON *c = f[E_COUNTRY];
    if (k == CN_EDGE_RELIES) {
        if (c)
            return cn_i_json_fail(r, "a relies edge joins a mineral and its consumer; remove \"country\"");
        e.country = e.consumer;
    } else if (!c) {
        return cn_i_json_fail(r, "missing required field; expected a country id, \"*other*\", %s",
                    k == CN_EDGE_PRODUCES ? "\"*world*\"" : "or null (unnamed supplier)");
    } else if (cJSON_IsNull(c)) {
        if (k != CN_EDGE_SUPPLIES)
            return cn_i_json_fail(r, "null (unnamed supplier) is allowed on supplies edges only");
        e.country = CN_UNNAMED;
    } else if (cJSON_IsString(c) && strcmp(c->valuestring, "*other*") == 0) {
        e.country = CN_OTHER;
    } else if (cJSON_IsString(c) && strcmp(c->valuestring, "*world*") == 0) {
        if (k != CN_EDGE_PRODUCES)
            return cn_i_json_fail(r, "\"*world*\" is allowed on produces edges only");
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
        return cn_i_json_fail(r, "low is greater than high");
    set_path(r, "edges", i, "rank");
    if ((st = cn_i_json_get_int(r, f[E_RANK], 1, 100000, &e.rank))) return st;
    set_path(r, "edges", i, "year");
    if ((st = cn_i_json_get_int(r, f[E_YEAR], 1000, 9999, &e.year))) return st;
    struct { int key; const char **dst; } strs[] = {
        {E_UNIT, &e.unit}, {E_PERIOD, &e.period}, {E_TEXT, &e.text}, {E_BASIS, &e.basis}};
    for (size_t n = 0; n < sizeof strs / sizeof strs[0]; n++) {
        set_path(r, "edges", i, edge_keys[strs[n].key]);
        if ((st = cn_i_json_get_str(r, f[strs[n].key], 0, strs[n].dst))) return st;
    }
    struct { int key; unsigned flag; } flags[] = {
        {E_ESTIMATED, CN_F_ESTIMATED}, {E_WITHHELD, CN_F_WITHHELD}, {E_NA, CN_F_NA},
        {E_NET_EXPORTER, CN_F_NET_EXPORTER}, {E_PRIMARY, CN_F_PRIMARY}, {E_RESERVES_MIN, CN_F_RESERVES_MIN}};
    for (size_t n = 0; n < sizeof flags / sizeof flags[0]; n++) {
        int b;
        set_path(r, "edges", i, edge_keys[flags[n].key]);
        if ((st = get_bool(r, f[flags[n].key], &b))) return st;
        if (b)
            e.flags |= flags[n].flag;
    }
    set_path(r, "edges", i, "reserves_at_least");
    if ((e.flags & CN_F_RESERVES_MIN) && (k != CN_EDGE_PRODUCES || isnan(e.reserves)))
        return cn_i_json_fail(r, "a lower bound of reserves needs a produces edge with \"reserves\"");
    set_path(r, "edges", i, "source");
    if ((st = get_source_ref(r, f[E_SOURCE], &e.source))) return st;
    if ((st = cn_net_add_edge(r->net, &e, NULL, r->err))) {
        set_path(r, "edges", i, NULL);
        char msg[sizeof r->err->msg];
        snprintf(msg, sizeof msg, "%s", r->err->msg);
        return cn_i_json_fail(r, "%s", msg);
    }
    return CN_OK;
}

