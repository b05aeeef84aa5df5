/* io/format/scenario_file.c: scenario files (docs/scenarios.md) -> cn_scenario, with cJSON. Problems are reported
 * as "FILE: $.restrict[1].fraction: what was expected", syntax errors as FILE:LINE:COL. */
#include "critnet/scenario.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "critnet/io.h"
#include "format/json_read_i.h"

static cn_status at(cn_error *err, const char *where, const char *path, const char *msg)
{
    return cn_error_set(err, CN_EDATA, "%s: %s: %s", where, path, msg);
}

/* a string field, or NULL when absent; *bad set when present but not a non-empty string */
static const char *str_field(const cJSON *o, const char *key, int *bad)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, key);
    *bad = 0;
    if (!x)
        return NULL;
    if (!cJSON_IsString(x) || !*x->valuestring) {
        *bad = 1;
        return NULL;
    }
    return x->valuestring;
}

static int unknown_key(const cJSON *o, const char *const *keys, const char **which)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, o) {
        const char *const *k = keys;
        while (*k && strcmp(*k, it->string))
            k++;
        if (!*k) {
            *which = it->string;
            return 1;
        }
    }
    return 0;
}

static cn_status fraction_field(const cJSON *o, const char *key, double *out, const char *where,
                                const char *path, cn_error *err)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!x)
        return CN_OK;
    if (!cJSON_IsNumber(x) || !isfinite(x->valuedouble) || x->valuedouble < 0 || x->valuedouble > 1)
        return at(err, where, path, "expected a number in [0,1]");
    *out = x->valuedouble;
    return CN_OK;
}

static cn_status read_restrict(const cJSON *arr, const char *where, cn_scenario *s, cn_error *err)
{
    static const char *const keys[] = {"country", "mineral", "fraction", "note", NULL};
    char path[96], origin[512];
    if (!cJSON_IsArray(arr))
        return at(err, where, "$.restrict", "expected an array of {country, mineral, fraction}");
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        const char *k, *country, *mineral;
        int bad;
        snprintf(path, sizeof path, "$.restrict[%d]", i);
        if (!cJSON_IsObject(it))
            return at(err, where, path, "expected an object {country, mineral, fraction}");
        if (unknown_key(it, keys, &k)) {
            snprintf(path, sizeof path, "$.restrict[%d].%s", i, k);
            return at(err, where, path, "unknown field; expected country, mineral, fraction or note");
        }
        snprintf(path, sizeof path, "$.restrict[%d].country", i);
        if (!(country = str_field(it, "country", &bad)))
            return at(err, where, path, "expected a country code (ISO3) or name");
        snprintf(path, sizeof path, "$.restrict[%d].mineral", i);
        if (!(mineral = str_field(it, "mineral", &bad)))
            return at(err, where, path, "expected a mineral id (use $.remove for every mineral)");
        double f = 1.0;
        snprintf(path, sizeof path, "$.restrict[%d].fraction", i);
        cn_status st = fraction_field(it, "fraction", &f, where, path, err);
        if (st)
            return st;
        snprintf(origin, sizeof origin, "%s: $.restrict[%d]", where, i);
        if ((st = cn_scenario_add(s, country, mineral, f, origin, err)))
            return st;
        i++;
    }
    return CN_OK;
}

static cn_status read_remove(const cJSON *arr, const char *where, cn_scenario *s, cn_error *err)
{
    char path[64], origin[512];
    if (!cJSON_IsArray(arr))
        return at(err, where, "$.remove", "expected an array of country codes");
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        snprintf(path, sizeof path, "$.remove[%d]", i);
        if (!cJSON_IsString(it) || !*it->valuestring)
            return at(err, where, path, "expected a country code (ISO3) or name");
        /* the origin names the item; resolve appends ".country" */
        snprintf(origin, sizeof origin, "%s: $.remove[%d]", where, i);
        cn_status st = cn_scenario_add(s, it->valuestring, NULL, 1.0, origin, err);
        if (st)
            return st;
        i++;
    }
    return CN_OK;
}

static cn_status read_chains(const cJSON *arr, const char *where, cn_scenario *s, cn_error *err)
{
    char path[64], buf[1024];
    if (!cJSON_IsArray(arr))
        return at(err, where, "$.chains", "expected an array of arrays of mineral ids");
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        snprintf(path, sizeof path, "$.chains[%d]", i);
        if (!cJSON_IsArray(it) || cJSON_GetArraySize(it) < 2)
            return at(err, where, path, "expected an array of at least two mineral ids, upstream first");
        size_t len = 0;
        buf[0] = 0;
        const cJSON *m;
        cJSON_ArrayForEach(m, it) {
            if (!cJSON_IsString(m) || !*m->valuestring || strchr(m->valuestring, ','))
                return at(err, where, path, "expected mineral ids (strings without commas)");
            int k = snprintf(buf + len, sizeof buf - len, "%s%s", len ? "," : "", m->valuestring);
            if (k < 0 || (size_t)k >= sizeof buf - len)
                return at(err, where, path, "chain too long");
            len += (size_t)k;
        }
        cn_status st = cn_scenario_add_chain(s, buf, err);
        if (st)
            return st;
        i++;
    }
    return CN_OK;
}

static cn_status parse_root(const cJSON *root, const char *where, cn_scenario *s, cn_error *err)
{
    static const char *const keys[] = {"format", "version", "name", "description", "consumer", "restrict",
                                       "remove", "spare", "model", "pass_through", "chains", NULL};
    const char *k;
    char path[96];
    int bad;
    if (!cJSON_IsObject(root))
        return at(err, where, "$", "expected an object at the top level");
    if (unknown_key(root, keys, &k)) {
        snprintf(path, sizeof path, "$.%s", k);
        return at(err, where, path, "unknown field (see docs/scenarios.md)");
    }
    const char *fmt = str_field(root, "format", &bad);
    if (!fmt || strcmp(fmt, "critnet-scenario"))
        return at(err, where, "$.format", "expected \"critnet-scenario\"");
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "version");
    if (!cJSON_IsNumber(v) || v->valuedouble != 1)
        return at(err, where, "$.version", "expected 1");
    const char *name = str_field(root, "name", &bad);
    if (bad)
        return at(err, where, "$.name", "expected a string");
    const char *desc = str_field(root, "description", &bad);
    if (bad)
        return at(err, where, "$.description", "expected a string");
    const char *consumer = str_field(root, "consumer", &bad);
    if (bad)
        return at(err, where, "$.consumer", "expected a country code (ISO3) or name");
    const char *model = str_field(root, "model", &bad);
    if (bad || (model && strcmp(model, "direct") && strcmp(model, "cascade")))
        return at(err, where, "$.model", "expected \"direct\" or \"cascade\"");
    cn_status st;
    if ((st = fraction_field(root, "spare", &s->spare, where, "$.spare", err)) ||
        (st = fraction_field(root, "pass_through", &s->pass_through, where, "$.pass_through", err)))
        return st;
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(root, "restrict");
    const cJSON *rm = cJSON_GetObjectItemCaseSensitive(root, "remove");
    const cJSON *ch = cJSON_GetObjectItemCaseSensitive(root, "chains");
    if (!r && !rm)
        return at(err, where, "$", "expected \"restrict\" or \"remove\" (a scenario needs a shock)");
    if ((r && (st = read_restrict(r, where, s, err))) || (rm && (st = read_remove(rm, where, s, err))) ||
        (ch && (st = read_chains(ch, where, s, err))))
        return st;
    if (model && strcmp(model, "cascade") == 0)
        s->cascade = 1;
    if ((name && !(s->name = cn_strdup(name))) || (desc && !(s->description = cn_strdup(desc))))
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    if (consumer) {
        char origin[512];
        snprintf(origin, sizeof origin, "%s: $.consumer", where);
        free(s->consumer);
        free(s->consumer_origin);
        s->consumer = cn_strdup(consumer);
        s->consumer_origin = cn_strdup(origin);
        if (!s->consumer || !s->consumer_origin)
            return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    return CN_OK;
}

cn_status cn_scenario_parse(const char *data, size_t len, const char *where, cn_scenario *s, cn_error *err)
{
    cn_status st = cn_utf8_check(data, len, where, err);
    if (!st)
        st = cn_i_json_strict(data, len, where, err);
    if (st)
        return st;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(data, len, &end, 0);
    size_t off = end ? (size_t)(end - data) : len;
    while (root && off < len && (data[off] == ' ' || data[off] == '\t' || data[off] == '\r' || data[off] == '\n'))
        off++;
    if (!root || off < len) {
        long line, col;
        cn_line_col(data, off > len ? len : off, &line, &col);
        cJSON_Delete(root);
        return cn_error_set(err, CN_EDATA, "%s:%ld:%ld: JSON syntax error; expected one JSON object", where,
                            line, col);
    }
    st = parse_root(root, where, s, err);
    cJSON_Delete(root);
    return st;
}

cn_status cn_scenario_load(const char *path, cn_scenario *s, cn_error *err)
{
    char *data;
    size_t len;
    cn_status st = cn_read_file(path, (size_t)16 << 20, &data, &len, err);
    if (st)
        return st;
    st = cn_scenario_parse(data, len, strcmp(path, "-") == 0 ? "stdin" : path, s, err);
    free(data);
    return st;
}
