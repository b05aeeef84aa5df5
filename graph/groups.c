/* graph/groups.c: named groups of countries (datasets/groups.json, made into a C table at build time,
 * tables_i.h) and the expansion of an alliance such as "USA,CAN,@g7" into country codes. */
#include "critnet/countries.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tables_i.h"

void cn_strv_free(char **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
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

static cn_status expand_group(const char *name, size_t len, char ***v, size_t *n, size_t *cap, cn_error *err)
{
    for (size_t g = 0; g < cn_i_ngroups; g++) {
        const char *id = cn_i_groups[g].id;
        if (!id || strlen(id) != len || strncmp(id, name, len))
            continue;
        for (size_t m = 0; m < cn_i_groups[g].nmembers; m++) {
            const char *s = cn_i_groups[g].members[m];
            cn_status st = push(v, n, cap, s, strlen(s), err);
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
            st = expand_group(p + 1, len - 1, out, n, &cap, err);
        } else {
            st = push(out, n, &cap, p, len, err);
        }
        if (!end)
            break;
        p = end + 1;
    }
    if (st) {
        cn_strv_free(*out, *n);
        *out = NULL;
        *n = 0;
    }
    return st;
}

cn_status cn_groups_describe(char **out, cn_error *err)
{
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    *out = NULL;
    if (buf)
        buf[0] = 0;
    for (size_t g = 0; buf && g < cn_i_ngroups; g++) {
        const cn_i_group *gr = &cn_i_groups[g];
        char line[1024];
        int k = snprintf(line, sizeof line, "  @%-8s %s (as of %s; %s):", gr->id ? gr->id : "?",
                         gr->name ? gr->name : "", gr->as_of ? gr->as_of : "?", gr->source ? gr->source : "no source");
        for (size_t m = 0; m < gr->nmembers; m++)
            if (k > 0 && (size_t)k < sizeof line - 8)
                k += snprintf(line + k, sizeof line - (size_t)k, " %s", gr->members[m]);
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
    if (!buf)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    *out = buf;
    return CN_OK;
}
