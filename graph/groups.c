/* io/groups.c: named groups of countries (datasets/groups.json, embedded at build time) and the expansion
 * of an alliance such as "USA,CAN,@g7" into country codes. */
#include "critnet/countries.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/embedded.h"

CN_EMBED_DECLARE(cn_groups_json);

void cn_strv_free(char **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
}

static cJSON *groups(void)
{
    cJSON *root = cJSON_ParseWithLength((const char *)cn_groups_json, CN_EMBED_SIZE(cn_groups_json));
    return root;
}

static cn_status push(char ***v, size_t *n, size_t *cap, const char *s, size_t len, cn_error *err)
{
    for (size_t i = 0; i < *n; i++)
        if (strlen((*v)[i]) == len && strncmp((*v)[i], s, len) == 0)
            return CN_OK; /* already there */
    if (*n == *cap) {
        size_t nc = *cap ? 2 * *cap : 16;
        char **p = realloc(*v, nc * sizeof *p);
        if (!p)
            return cn_error_set(err, CN_ENOMEM, "out of memory");
        *v = p;
        *cap = nc;
    }
    if (!((*v)[*n] = cn_strndup(s, len)))
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    (*n)++;
    return CN_OK;
}

static cn_status expand_group(const cJSON *root, const char *name, size_t len, char ***v, size_t *n,
                              size_t *cap, cn_error *err)
{
    const cJSON *g;
    cJSON_ArrayForEach(g, cJSON_GetObjectItemCaseSensitive(root, "groups")) {
        const char *id = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(g, "id"));
        if (!id || strlen(id) != len || strncmp(id, name, len))
            continue;
        const cJSON *m;
        cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(g, "members")) {
            const char *s = cJSON_GetStringValue(m);
            cn_status st = s ? push(v, n, cap, s, strlen(s), err) : CN_OK;
            if (st)
                return st;
        }
        return CN_OK;
    }
    return cn_error_set(err, CN_EUSAGE, "unknown group '@%.*s'; see 'critnet coalition --help' for the groups",
                        (int)len, name);
}

cn_status cn_alliance_expand(const char *spec, char ***out, size_t *n, cn_error *err)
{
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    cJSON *root = NULL;
    cn_status st = CN_OK;
    const char *p = spec;
    while (st == CN_OK) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        while (len && (*p == ' ' || *p == '\t')) {
            p++;
            len--;
        }
        while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
            len--;
        if (len == 0 || (len == 1 && *p == '@')) {
            st = cn_error_set(err, CN_EUSAGE, "empty item in the alliance '%s'", spec);
        } else if (*p == '@') {
            if (!root && !(root = groups()))
                st = cn_error_set(err, CN_EINTERNAL, "the built-in groups file cannot be parsed");
            else
                st = expand_group(root, p + 1, len - 1, out, n, &cap, err);
        } else {
            st = push(out, n, &cap, p, len, err);
        }
        if (!end)
            break;
        p = end + 1;
    }
    cJSON_Delete(root);
    if (st) {
        cn_strv_free(*out, *n);
        *out = NULL;
        *n = 0;
    }
    return st;
}

char *cn_groups_describe(void)
{
    cJSON *root = groups();
    if (!root)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    if (buf)
        buf[0] = 0;
    const cJSON *g;
    cJSON_ArrayForEach(g, cJSON_GetObjectItemCaseSensitive(root, "groups")) {
        if (!buf)
            break;
        const char *id = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(g, "id"));
        const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(g, "name"));
        const char *asof = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(g, "as_of"));
        const char *src = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(g, "source"));
        char line[1024];
        int k = snprintf(line, sizeof line, "  @%-8s %s (as of %s; %s):", id ? id : "?", name ? name : "",
                         asof ? asof : "?", src ? src : "no source");
        const cJSON *m;
        cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(g, "members")) {
            const char *iso = cJSON_GetStringValue(m);
            if (iso && k > 0 && (size_t)k < sizeof line - 8)
                k += snprintf(line + k, sizeof line - (size_t)k, " %s", iso);
        }
        if (k < 0)
            continue;
        if (len + (size_t)k + 2 > cap) {
            char *nb = realloc(buf, cap = 2 * cap + (size_t)k);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
        }
        len += (size_t)snprintf(buf + len, cap - len, "%s\n", line);
    }
    cJSON_Delete(root);
    return buf;
}
