/* io/import/usgs/names.c: names and cells of USGS MCS files: commodity codes and names -> mineral ids, country
 * cells -> ISO3 vertices, the value grammar, and one provenance record per file (docs/usgs.md). */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "critnet/io.h"
#include "import/usgs/usgs_i.h"

/* USGS commodity codes (the <code> in mcs<year>-<code>_world.csv), stable across editions. Ids of the 2018
 * list follow the us-mcs2020 dataset (pgm, rare_earths). An unknown code falls back to the code itself. */
static const char *const codes[][2] = {
    {"abras", "abrasives"},        {"alum", "aluminum"},         {"alumi", "aluminum"},
    {"antim", "antimony"},         {"arsen", "arsenic"},         {"asbes", "asbestos"},
    {"barit", "barite"},           {"bauxi", "bauxite"},         {"beryl", "beryllium"},
    {"bismu", "bismuth"},          {"boron", "boron"},           {"bromi", "bromine"},
    {"cadmi", "cadmium"},          {"cemen", "cement"},          {"cesiu", "cesium"},
    {"chrom", "chromium"},         {"clays", "clays"},           {"cobal", "cobalt"},
    {"coppe", "copper"},           {"diamo", "diamond"},         {"diato", "diatomite"},
    {"felds", "feldspar"},         {"feore", "iron_ore"},        {"fepig", "iron_oxide_pigments"},
    {"fescr", "iron_and_steel_scrap"}, {"fesla", "iron_and_steel_slag"}, {"feste", "iron_and_steel"},
    {"fluor", "fluorspar"},        {"galli", "gallium"},         {"garne", "garnet"},
    {"gemst", "gemstones"},        {"germa", "germanium"},       {"gold", "gold"},
    {"graph", "graphite"},         {"gypsu", "gypsum"},          {"hafni", "hafnium"},
    {"heliu", "helium"},           {"indiu", "indium"},          {"iodin", "iodine"},
    {"kyani", "kyanite"},          {"lead", "lead"},             {"lime", "lime"},
    {"lithi", "lithium"},          {"manga", "manganese"},       {"mercu", "mercury"},
    {"mgcomp", "magnesium_compounds"}, {"mgmet", "magnesium"},   {"mica", "mica"},
    {"molyb", "molybdenum"},       {"nicke", "nickel"},          {"niobi", "niobium"},
    {"nitro", "nitrogen"},         {"peat", "peat"},             {"perli", "perlite"},
    {"phosp", "phosphate_rock"},   {"plati", "pgm"},             {"potas", "potash"},
    {"pumic", "pumice"},           {"quartz", "quartz_crystal"}, {"raree", "rare_earths"},
    {"rheni", "rhenium"},          {"rubid", "rubidium"},        {"salt", "salt"},
    {"sandc", "construction_sand"}, {"sandi", "industrial_sand"}, {"scand", "scandium"},
    {"selen", "selenium"},         {"silve", "silver"},          {"simet", "silicon"},
    {"sodaa", "soda_ash"},         {"stonc", "crushed_stone"},   {"stonec", "crushed_stone"},
    {"stond", "dimension_stone"},  {"stron", "strontium"},       {"sulfu", "sulfur"},
    {"talc", "talc"},              {"tanta", "tantalum"},        {"tellu", "tellurium"},
    {"thall", "thallium"},         {"thori", "thorium"},         {"timin", "titanium_minerals"},
    {"tin", "tin"},                {"titan", "titanium"},        {"tungs", "tungsten"},
    {"vanad", "vanadium"},         {"vermi", "vermiculite"},     {"wolla", "wollastonite"},
    {"yttri", "yttrium"},          {"zeoli", "zeolites"},        {"zinc", "zinc"},
    {"zirco", "zirconium"},
};

/* commodity names whose slug is not the id (keys are slugs of the name before its first comma, with and
 * without the parenthesis) */
static const char *const name_alias[][2] = {
    {"aluminum_bauxite", "bauxite"},       /* the 2018 list's "aluminum (bauxite)", T5 */
    {"alumina", "bauxite:refinery"},
    {"bauxite_and_alumina", "bauxite"},
    {"platinum_group_metals", "pgm"},
    {"platinum_group_metal", "pgm"},
    {"palladium", "pgm"},                  /* the pgm file's headline series is palladium */
    {"platinum", "pgm:platinum"},
    {"rare_earth_elements_group", "rare_earths"},
    {"rare_earth_elements", "rare_earths"},
    {"stone_dimension", "dimension_stone"},
    {"stone_crushed", "crushed_stone"},
    {"magnesium_metal", "magnesium"},
    {"titanium_mineral_concentrates", "titanium_minerals"},
    {"titanium_and_titanium_dioxide", "titanium"},
    {"sand_and_gravel_industrial", "industrial_sand"},
    {"sand_and_gravel_construction", "construction_sand"},
    {"nitrogen_fixed_ammonia", "nitrogen"},
    {"zirconium_and_hafnium", "zirconium"},
    {"feldspar_and_nepheline_syenite", "feldspar"},
    {"talc_and_pyrophyllite", "talc"},
    {"pumice_and_pumicite", "pumice"},
    {"iron_and_steel_scrap", "iron_and_steel_scrap"},
    {"quartz_crystal_industrial", "quartz_crystal"},
};

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

const char *cn_i_usgs_code_id(const char *code)
{
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (strcmp(codes[i][0], code) == 0)
            return codes[i][1];
    return NULL;
}

static const char *alias(const char *slug)
{
    for (size_t i = 0; i < sizeof name_alias / sizeof name_alias[0]; i++)
        if (strcmp(name_alias[i][0], slug) == 0)
            return name_alias[i][1];
    return NULL;
}

const char *cn_i_usgs_name_id(const char *name, char *buf, size_t cap)
{
    char head[256], bare[256];
    size_t n = 0, m = 0;
    int depth = 0;
    for (const char *p = name; *p && *p != ',' && n + 1 < sizeof head; p++) {
        head[n++] = *p;
        if (*p == '(')
            depth++;
        else if (*p == ')' && depth)
            depth--;
        else if (!depth)
            bare[m++] = *p;
    }
    head[n] = bare[m] = '\0';
    cn_i_usgs_slug(head, buf, cap, 0);
    const char *a = alias(buf);
    if (!a) {
        cn_i_usgs_slug(bare, buf, cap, 0);
        a = alias(buf);
    }
    if (a)
        snprintf(buf, cap, "%s", a);
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

cn_status cn_i_usgs_country(cn_i_usgs_ctx *c, const char *cell, const char *file, long line, int32_t *out)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", cell);
    char *s = cn_i_usgs_trim(buf);
    if (cn_i_usgs_starts(s, "world")) {
        *out = CN_WORLD;
        return CN_OK;
    }
    if (cn_i_usgs_starts(s, "other countries") || strcmp(s, "Other") == 0) {
        *out = CN_OTHER;
        return CN_OK;
    }
    const char *iso = try_iso3(s, strlen(s));
    if (!iso) {
        const char *cut = strpbrk(s, "(,");
        if (cut)
            iso = try_iso3(s, (size_t)(cut - s));
    }
    if (!iso)
        return cn_error_set(c->err, CN_EDATA,
                            "%s:%ld: unknown country '%s'; expected an ISO 3166-1 country name or code", file,
                            line, s);
    int32_t v = cn_net_find(c->net, iso);
    if (v < 0) {
        cn_status st = cn_net_add_vertex(c->net, CN_VERTEX_COUNTRY, iso, cn_country_name(iso), &v, c->err);
        if (st)
            return st;
    }
    *out = v;
    return CN_OK;
}

cn_status cn_i_usgs_mineral(cn_i_usgs_ctx *c, const char *id, const char *name, const char *stage, int32_t *out)
{
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
