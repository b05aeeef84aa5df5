/* io/import/usgs/import.c: cn_import_usgs_mcs(): walks a USGS MCS data-release folder (any depth, any file-name
 * case), picks the tables it knows by name pattern, and builds the U.S. view (docs/usgs.md). */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "critnet/graph.h"
#include "critnet/io.h"
#include "import/usgs/usgs_i.h"

/* The 2018 U.S. list of 35 critical minerals (83 FR 23295), as ids of this importer. "Aluminum (bauxite)"
 * is bauxite, as USGS's own critical-minerals table (T5) reports it. */
static const char *const list2018[][2] = {
    {"bauxite", "Aluminum (bauxite)"}, {"antimony", "Antimony"},   {"arsenic", "Arsenic"},
    {"barite", "Barite"},              {"beryllium", "Beryllium"}, {"bismuth", "Bismuth"},
    {"cesium", "Cesium"},              {"chromium", "Chromium"},   {"cobalt", "Cobalt"},
    {"fluorspar", "Fluorspar"},        {"gallium", "Gallium"},     {"germanium", "Germanium"},
    {"graphite", "Graphite (natural)"}, {"hafnium", "Hafnium"},    {"helium", "Helium"},
    {"indium", "Indium"},              {"lithium", "Lithium"},     {"magnesium", "Magnesium"},
    {"manganese", "Manganese"},        {"niobium", "Niobium"},     {"pgm", "Platinum group metals"},
    {"potash", "Potash"},              {"rare_earths", "Rare earth elements group"},
    {"rhenium", "Rhenium"},            {"rubidium", "Rubidium"},   {"scandium", "Scandium"},
    {"strontium", "Strontium"},        {"tantalum", "Tantalum"},   {"tellurium", "Tellurium"},
    {"tin", "Tin"},                    {"titanium", "Titanium"},   {"tungsten", "Tungsten"},
    {"uranium", "Uranium"},            {"vanadium", "Vanadium"},   {"zirconium", "Zirconium"},
};

enum { K_T5, K_SALIENT, K_FIG2, K_WORLD, K_NONE };

typedef struct {
    char **path;
    int *kind;
    size_t n, cap;
} flist;

static int kind_of(const char *base)
{
    char low[256];
    size_t n = strlen(base);
    if (n >= sizeof low)
        return K_NONE;
    for (size_t i = 0; i <= n; i++)
        low[i] = (char)tolower((unsigned char)base[i]);
    if (n < 4 || strcmp(low + n - 4, ".csv") != 0)
        return K_NONE;
    if (n > 10 && strcmp(low + n - 10, "_world.csv") == 0)
        return K_WORLD;
    if (strstr(low, "net_import_reliance"))
        return K_FIG2;
    if (strstr(low, "critical_minerals_salient"))
        return K_T5;
    if (n > 12 && strcmp(low + n - 12, "_salient.csv") == 0)
        return K_SALIENT;
    return K_NONE;
}

static cn_status walk(const char *dir, flist *fl, int depth, cn_error *err)
{
    if (depth > 16)
        return cn_error_set(err, CN_EDATA, "%s: folders nested too deep", dir);
    DIR *d = opendir(dir);
    if (!d)
        return cn_error_set(err, CN_ENOINPUT, "%s: %s", dir, strerror(errno));
    cn_status st = CN_OK;
    struct dirent *de;
    while (!st && (de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        size_t len = strlen(dir) + strlen(de->d_name) + 2;
        char *path = malloc(len);
        if (!path) {
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
            break;
        }
        snprintf(path, len, "%s/%s", dir, de->d_name);
        struct stat sb;
        if (stat(path, &sb) != 0) {
            free(path);
            continue;
        }
        int k = K_NONE;
        if (S_ISDIR(sb.st_mode)) {
            st = walk(path, fl, depth + 1, err);
        } else if (S_ISREG(sb.st_mode) && (k = kind_of(de->d_name)) != K_NONE) {
            if (fl->n == fl->cap) {
                size_t cap = fl->cap ? fl->cap * 2 : 128;
                char **p = realloc(fl->path, cap * sizeof *p);
                int *kk = p ? realloc(fl->kind, cap * sizeof *kk) : NULL;
                if (p)
                    fl->path = p;
                if (!kk) {
                    free(path);
                    st = cn_error_set(err, CN_ENOMEM, "out of memory");
                    break;
                }
                fl->kind = kk;
                fl->cap = cap;
            }
            fl->path[fl->n] = path;
            fl->kind[fl->n++] = k;
            path = NULL;
        }
        free(path);
    }
    closedir(d);
    return st;
}

static const char *basename_of(const char *p)
{
    const char *b = strrchr(p, '/');
    return b ? b + 1 : p;
}

/* order: by kind (T5 and salient names first, world tables last), then by file name ignoring case */
static int file_cmp(const void *pa, const void *pb, void *ctx)
{
    const flist *fl = ctx;
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    if (fl->kind[a] != fl->kind[b])
        return fl->kind[a] - fl->kind[b];
    int c = strcasecmp(basename_of(fl->path[a]), basename_of(fl->path[b]));
    return c ? c : strcmp(fl->path[a], fl->path[b]);
}

/* the commodity code of a world/salient file name: "mcs2024-raree_world.csv" -> "raree" */
static void code_of(const char *base, char *code, size_t cap)
{
    const char *dash = strchr(base, '-');
    const char *s = dash ? dash + 1 : base;
    size_t n = 0;
    for (; *s && *s != '_' && n + 1 < cap; s++)
        code[n++] = (char)tolower((unsigned char)*s);
    code[n] = '\0';
}

static int edition_of(const char *base)
{
    for (const char *p = base; *p; p++)
        if (cn_i_usgs_starts(p, "mcs") && isdigit((unsigned char)p[3]) && isdigit((unsigned char)p[4]) &&
            isdigit((unsigned char)p[5]) && isdigit((unsigned char)p[6]))
            return atoi(p + 3);
    return 0;
}

static cn_status read_one(cn_i_usgs_ctx *c, const char *path, int kind)
{
    /* every file must be UTF-8 (a Latin-1 export is refused with its line and column) */
    char *data;
    size_t len;
    cn_status st = cn_read_file(path, CN_MAX_WHOLE_FILE, &data, &len, c->err);
    if (st)
        return st;
    st = cn_utf8_check(data, len, path, c->err);
    free(data);
    if (st)
        return st;
    char code[32];
    code_of(basename_of(path), code, sizeof code);
    switch (kind) {
    case K_T5: return cn_i_usgs_read_t5(c, path);
    case K_SALIENT: return cn_i_usgs_read_salient(c, path);
    case K_FIG2: return cn_i_usgs_read_fig2(c, path);
    case K_WORLD:
        if (!cn_i_usgs_code_id(code))
            cn_i_usgs_warn(c, "%s: unknown commodity code '%s'; used as the mineral id", path, code);
        return cn_i_usgs_read_world(c, path, code);
    }
    return CN_OK;
}

cn_status cn_import_usgs_mcs_ex(const char *dir, cn_warn_fn warn, void *ctx, cn_net **out, cn_error *err)
{
    *out = NULL;
    struct stat sb;
    if (stat(dir, &sb) != 0)
        return cn_error_set(err, CN_ENOINPUT, "%s: %s", dir, strerror(errno));
    if (!S_ISDIR(sb.st_mode))
        return cn_error_set(err, CN_ENOINPUT, "%s: not a folder; expected a USGS MCS data-release folder", dir);
    flist fl = {0};
    cn_status st = walk(dir, &fl, 0, err);
    size_t *order = st ? NULL : malloc((fl.n + 1) * sizeof *order);
    if (!st && !order)
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
    if (!st && fl.n == 0)
        st = cn_error_set(err, CN_EDATA, "%s: no MCS tables (*_world.csv, *_salient.csv, *Net_Import_Reliance*.csv) "
                          "in this folder", dir);
    cn_i_usgs_ctx c = {.err = err, .warn = warn, .warn_ctx = ctx};
    if (!st) {
        for (size_t i = 0; i < fl.n; i++)
            order[i] = i;
        cn_sort_r(order, fl.n, sizeof *order, file_cmp, &fl);
        for (size_t i = 0; i < fl.n && !c.edition; i++)
            c.edition = edition_of(basename_of(fl.path[i]));
        c.net = cn_net_new();
        if (!c.net)
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    if (!st) {
        char name[32], title[160];
        snprintf(name, sizeof name, "us-mcs%d", c.edition);
        snprintf(title, sizeof title, "U.S. view of USGS Mineral Commodity Summaries %d: net import reliance, "
                 "ordered import sources, world production and reserves", c.edition);
        st = cn_net_set_meta(c.net, name, title,
                             "Imported from the USGS MCS data release by critnet import --from usgs-mcs "
                             "(docs/usgs.md). Import sources are ranks without shares.",
                             err);
    }
    if (!st)
        st = cn_i_usgs_country(&c, "United States", dir, 0, &c.usa);
    for (size_t i = 0; !st && i < fl.n; i++)
        st = read_one(&c, fl.path[order[i]], fl.kind[order[i]]);
    for (size_t i = 0; !st && i < sizeof list2018 / sizeof list2018[0]; i++) {
        int32_t m;
        st = cn_i_usgs_mineral(&c, list2018[i][0], list2018[i][1], NULL, &m);
        if (!st)
            c.net->vertices[m].lists |= CN_LIST_2018;
    }
    if (!st)
        st = cn_net_validate(c.net, dir, err);
    for (size_t i = 0; i < fl.n; i++)
        free(fl.path[i]);
    free(fl.path);
    free(fl.kind);
    free(order);
    if (st) {
        cn_net_free(c.net);
        return st;
    }
    *out = c.net;
    return CN_OK;
}

cn_status cn_import_usgs_mcs(const char *dir, cn_net **out, cn_error *err)
{
    return cn_import_usgs_mcs_ex(dir, NULL, NULL, out, err);
}
