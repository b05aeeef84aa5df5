/* io/import/usgs/names.c: names and cells of USGS MCS files: commodity codes and names -> mineral ids, country
 * cells -> ISO3 vertices, the value grammar, and one provenance record per file (docs/usgs.md). */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "critnet/io.h"
#include "import/places_i.h"
#include "import/usgs/usgs_i.h"

/* Commodity codes and names -> ids: datasets/forms.csv (forms.c). A name the table does not know becomes the slug
 * of its part before the first comma, without parentheses ("NEPHELINE SYENITE" -> nepheline_syenite). */

int cn_i_usgs_starts(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++)
        if (tolower((unsigned char)*s) != tolower((unsigned char)*prefix))
            return 0;
    return 1;
}

int cn_i_usgs_contains(const char *s, const char *needle)
{
    for (; *s; s++)
        if (cn_i_usgs_starts(s, needle))
            return 1;
    return 0;
}

int cn_i_usgs_row_empty(const cn_csv_row *row)
{
    for (size_t i = 0; i < row->n; i++)
        for (const char *p = row->field[i]; *p; p++)
            if (*p != ' ' && *p != '\t')
                return 0;
    return 1;
}

char *cn_i_usgs_trim(char *s)
{
    /* no-break spaces inside become plain spaces (same length: 2 bytes -> space + removed byte) */
    char *w = s;
    for (const char *r = s; *r;) {
        if ((unsigned char)r[0] == 0xC2 && (unsigned char)r[1] == 0xA0) {
            *w++ = ' ';
            r += 2;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

void cn_i_usgs_slug(const char *s, char *buf, size_t cap, int max_words)
{
    size_t n = 0;
    int words = 0, gap = 0;
    for (; *s && n + 2 < cap; s++) {
        unsigned char ch = (unsigned char)*s;
        if (isalnum(ch)) {
            if (gap && n) {
                if (max_words && words >= max_words)
                    break;
                buf[n++] = '_';
            }
            if (gap || !n)
                words++;
            gap = 0;
            buf[n++] = (char)tolower(ch);
        } else {
            gap = 1;
        }
    }
    buf[n] = '\0';
}

const char *cn_i_usgs_code_id(const char *code, int edition)
{
    const cn_i_form *f = cn_i_form_label(CN_I_FORM_CODE, code, edition);
    return f ? f->id : NULL;
}

const char *cn_i_usgs_name_id(const char *name, int kind, int edition, char *buf, size_t cap)
{
    const cn_i_form *f = cn_i_form_name(kind, name, edition);
    if (!f && kind != CN_I_FORM_NAME)
        f = cn_i_form_name(CN_I_FORM_NAME, name, edition);
    if (f) {
        snprintf(buf, cap, "%s", f->id);
        return buf;
    }
    char head[256];
    size_t n = 0;
    int depth = 0;
    for (const char *p = name; *p && *p != ',' && n + 1 < sizeof head; p++) {
        if (*p == '(')
            depth++;
        else if (*p == ')' && depth)
            depth--;
        else if (!depth)
            head[n++] = *p;
    }
    head[n] = '\0';
    cn_i_usgs_slug(head, buf, cap, 0);
    return buf;
}

/* ---- countries ---- */

static const char *try_iso3(const char *s, size_t len)
{
    char tmp[256];
    while (len && (s[len - 1] == ' ' || s[len - 1] == ','))
        len--;
    if (len == 0 || len >= sizeof tmp)
        return NULL;
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    const char *iso = cn_country_iso3(tmp);
    if (iso)
        return iso;
    /* footnote marks: trailing digits ("Germany6"), or one lower-case letter ("Russiae") */
    size_t k = len;
    while (k && isdigit((unsigned char)tmp[k - 1]))
        k--;
    if (k < len && k) {
        tmp[k] = '\0';
        if ((iso = cn_country_iso3(tmp)))
            return iso;
    }
    if (k == len && len > 2 && islower((unsigned char)tmp[len - 1]) && islower((unsigned char)tmp[len - 2])) {
        tmp[len - 1] = '\0';
        return cn_country_iso3(tmp);
    }
    return NULL;
}

/* the vertex of id (a country-type vertex), created on first use with name */
static cn_status place_vertex(cn_i_usgs_ctx *c, const char *id, const char *name, int32_t *out)
{
    int32_t v = cn_net_find(c->net, id);
    if (v < 0) {
        cn_status st = cn_net_add_vertex(c->net, CN_VERTEX_COUNTRY, id, name, &v, c->err);
        if (st)
            return st;
    }
    *out = v;
    return CN_OK;
}

/* a region, aggregate or historical country of io/import/places.c (the one table every importer uses), footnote
 * marks dropped ("Europe2"), or NULL */
static const cn_i_place *place_of(const char *s)
{
    char tmp[256];
    snprintf(tmp, sizeof tmp, "%s", s);
    size_t k = strlen(tmp);
    while (k && isdigit((unsigned char)tmp[k - 1]))
        tmp[--k] = '\0';
    return cn_i_place_by_name(tmp);
}

cn_status cn_i_usgs_country(cn_i_usgs_ctx *c, const char *cell, const char *file, long line, int32_t *out)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", cell);
    char *s = cn_i_usgs_trim(buf);
    if (cn_i_usgs_starts(s, "world")) {
        *out = CN_WORLD;
        return CN_OK;
    }
    if (cn_i_usgs_starts(s, "other countries") || strcasecmp(s, "Other") == 0 || strcasecmp(s, "Others") == 0) {
        *out = CN_OTHER;
        return CN_OK;
    }
    const char *iso = try_iso3(s, strlen(s));
    if (!iso) {
        const char *cut = strpbrk(s, "(,");
        if (cut)
            iso = try_iso3(s, (size_t)(cut - s));
    }
    if (iso)
        return place_vertex(c, iso, cn_country_name(iso), out);
    const cn_i_place *p = place_of(s);
    if (p && p->kind == CN_I_PLACE_WORLD) {
        *out = CN_WORLD;
        return CN_OK;
    }
    /* places.c's residual aliases ("All other", "Rest of world") are USGS's residual, as "Other countries" */
    if (p && strcmp(p->id, "region-other") == 0) {
        *out = CN_OTHER;
        return CN_OK;
    }
    if (p)
        return place_vertex(c, p->id, p->name, out);
    /* an unknown name: an error with --strict, else kept as an unmapped supplier "code-<name>", counted and
     * reported in one warning per import (cn_i_usgs_unknown_report) */
    if (c->strict)
        return cn_error_set(c->err, CN_EDATA,
                            "%s:%ld: unknown country '%s'; expected an ISO 3166-1 country name or code, a region, "
                            "World total or Other countries (--strict)", file, line, s);
    char id[300];
    snprintf(id, sizeof id, "code-%s", s);
    if (cn_net_find(c->net, id) < 0) {
        c->nunknown++;
        size_t n = strlen(c->unknown);
        if (c->nunknown <= 4 && n + strlen(s) + 8 < sizeof c->unknown)
            snprintf(c->unknown + n, sizeof c->unknown - n, "%s'%s'", n ? ", " : "", s);
    }
    return place_vertex(c, id, s, out);
}

void cn_i_usgs_unknown_report(cn_i_usgs_ctx *c, const char *dir)
{
    if (c->nunknown)
        cn_i_usgs_warn(c, "%s: %d supplier name%s not a country or a known region, kept as unmapped suppliers "
                       "('code-NAME'): %s%s", dir, c->nunknown, c->nunknown == 1 ? " is" : "s are", c->unknown,
                       c->nunknown > 4 ? ", ..." : "");
}

cn_status cn_i_usgs_mineral(cn_i_usgs_ctx *c, const char *id, const char *name, const char *stage, int32_t *out)
{
    /* the table's name and stage for the ids it knows */
    const cn_i_form *f = cn_i_form_by_id(id);
    if (f) {
        name = f->name;
        stage = f->stage;
    }
    int32_t v = cn_net_find(c->net, id);
    if (v >= 0) {
        if (c->net->vertices[v].type != CN_VERTEX_MINERAL)
            return cn_error_set(c->err, CN_EDATA, "mineral id '%s' is also a country", id);
        *out = v;
        if (stage && !c->net->vertices[v].stage)
            return cn_vertex_set(c->net, v, "stage", stage, c->err);
        return CN_OK;
    }
    cn_status st = cn_net_add_vertex(c->net, CN_VERTEX_MINERAL, id, name, &v, c->err);
    if (!st && stage)
        st = cn_vertex_set(c->net, v, "stage", stage, c->err);
    *out = v;
    return st;
}

/* ---- values ---- */

int cn_i_usgs_value(const char *cell, cn_i_usgs_val *v)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%s", cell);
    char *s = cn_i_usgs_trim(buf);
    v->kind = CN_I_USGS_EMPTY;
    v->x = NAN;
    v->est = 0;
    if (!*s)
        return 1;
    if (strcmp(s, "W") == 0) {
        v->kind = CN_I_USGS_W;
        return 1;
    }
    if (strcmp(s, "NA") == 0) {
        v->kind = CN_I_USGS_NA;
        return 1;
    }
    if (strcmp(s, "XX") == 0) {
        v->kind = CN_I_USGS_XX;
        return 1;
    }
    if (strcmp(s, "E") == 0) {
        v->kind = CN_I_USGS_E;
        return 1;
    }
    /* USGS tables print a zero as an em dash (U+2014) */
    if (strcmp(s, "\xE2\x80\x94") == 0 || strcmp(s, "--") == 0) {
        v->kind = CN_I_USGS_NUM;
        v->x = 0.0;
        return 1;
    }
    if (cn_i_usgs_starts(s, "less than")) {
        /* "Less than a half unit", "Less than 1/2 unit.", "Less than ½ unit." */
        v->kind = CN_I_USGS_LT;
        v->x = 0.5;
        return 1;
    }
    if (cn_i_usgs_starts(s, "included with")) {
        v->kind = CN_I_USGS_TEXT;
        return 1;
    }
    /* "'>50%" (MCS 2022 germanium): a percent sign after the figure */
    size_t len = strlen(s);
    if (len > 1 && s[len - 1] == '%')
        s[--len] = '\0';
    int kind = CN_I_USGS_NUM;
    if (*s == '<' || *s == '>') {
        kind = *s == '<' ? CN_I_USGS_LT : CN_I_USGS_GT;
        s++;
    } else if (*s == 'e' && isdigit((unsigned char)s[1])) {
        v->est = 1;
        s++;
    }
    double x;
    if (cn_parse_double(s, strlen(s), 1, &x, NULL) != CN_OK || x < 0)
        return 0;
    v->kind = kind;
    v->x = x;
    return 1;
}

/* ---- provenance ---- */

void cn_i_usgs_warn(cn_i_usgs_ctx *c, const char *fmt, ...)
{
    if (!c->warn)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->warn(c->warn_ctx, msg);
}

cn_status cn_i_usgs_source(cn_i_usgs_ctx *c, const char *path, int32_t *out)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char id[160], title[256], edition[32];
    snprintf(id, sizeof id, "%s", base);
    for (char *p = id; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    char *dot = strrchr(id, '.');
    if (dot)
        *dot = '\0';
    *out = cn_net_find_source(c->net, id);
    if (*out >= 0)
        return CN_OK;
    snprintf(title, sizeof title, "USGS Mineral Commodity Summaries data release, file %s", base);
    if (c->edition)
        snprintf(edition, sizeof edition, "MCS %d", c->edition);
    else
        snprintf(edition, sizeof edition, "MCS");
    /* the DOI of each edition's data release; other editions cite the MCS landing page */
    const char *url = c->edition == 2024
                          ? "https://doi.org/10.5066/P144BA54"
                          : "https://www.usgs.gov/centers/national-minerals-information-center/"
                            "mineral-commodity-summaries";
    return cn_net_add_source(c->net, id, title, edition, url, out, c->err);
}
