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

/* The lists (2018: 35 names, 2022: 50) and the ids they stand for are datasets/forms.csv's (forms.c): every
 * edition is tagged with both, so `--list 2022` holds the same ids whatever the release. */

enum { K_LIST, K_SALIENT, K_FIG2, K_WORLD, K_OTHER, K_NONE };

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
    if (strstr(low, "critical_minerals"))
        return K_LIST; /* T5 (2024: ..._Salient) or T4 (..._End_Use): either holds the list */
    if (n > 12 && strcmp(low + n - 12, "_salient.csv") == 0)
        return K_SALIENT;
    return K_OTHER; /* a CSV file of no layout this importer reads: reported by name */
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

/* order: by kind (list tables and salient names first, world tables last), then by file name ignoring case */
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
    if (kind == K_OTHER)
        return CN_OK; /* reported together (report_other) */
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
    case K_LIST: return cn_i_usgs_read_list(c, path);
    case K_SALIENT: return cn_i_usgs_read_salient(c, path, code);
    case K_FIG2: return cn_i_usgs_read_fig2(c, path);
    case K_WORLD:
        if (!cn_i_usgs_code_id(code, c->edition))
            cn_i_usgs_warn(c, "%s: unknown commodity code '%s'; used as the mineral id", path, code);
        return cn_i_usgs_read_world(c, path, code);
    }
    return CN_OK;
}

/* the ids of both U.S. lists (forms.csv), created when the release has no figures for them ("no data") */
static cn_status tag_lists(cn_i_usgs_ctx *c)
{
    if (!cn_i_form_ready())
        return cn_error_set(c->err, CN_ENOMEM, "out of memory");
    static const unsigned lists[] = {CN_LIST_2018, CN_LIST_2022};
    for (size_t l = 0; l < 2; l++) {
        const cn_i_form *forms[64];
        const char *labels[64];
        size_t n = cn_i_form_list(lists[l], forms, labels, 64);
        for (size_t i = 0; i < n && i < 64; i++) {
            int32_t m;
            cn_status st = cn_i_usgs_mineral(c, forms[i]->id, forms[i]->name, forms[i]->stage, &m);
            if (st)
                return st;
            c->net->vertices[m].lists |= lists[l];
        }
    }
    return CN_OK;
}

/* one warning naming the CSV files of the folder that no reader took (never skipped in silence) */
static void report_other(cn_i_usgs_ctx *c, const flist *fl, const char *dir)
{
    char names[400] = "";
    int n = 0;
    for (size_t i = 0; i < fl->n; i++) {
        if (fl->kind[i] != K_OTHER)
            continue;
        size_t len = strlen(names);
        const char *b = basename_of(fl->path[i]);
        if (n < 6 && len + strlen(b) + 8 < sizeof names)
            snprintf(names + len, sizeof names - len, "%s%s", len ? ", " : "", b);
        n++;
    }
    if (n)
        cn_i_usgs_warn(c, "%s: %d CSV table%s of no layout this importer reads (it reads *_world.csv, *_salient.csv, "
                       "*Net_Import_Reliance*.csv, *Critical_Minerals*.csv), not read: %s%s", dir, n,
                       n == 1 ? "" : "s", names, n > 6 ? ", ..." : "");
}

/* the minerals with reliance figures but no production figures, and the reverse: one warning each */
static void report_figures(cn_i_usgs_ctx *c, const char *dir)
{
    const cn_net *net = c->net;
    unsigned char *has = calloc((size_t)net->nvertices + 1, 1);
    if (!has)
        return;
    for (int32_t k = 0; k < net->nedges; k++) {
        const cn_edge *e = &net->edges[k];
        if (e->kind == CN_EDGE_RELIES)
            has[e->mineral] |= 1;
        else if (e->kind == CN_EDGE_PRODUCES)
            has[e->mineral] |= 2;
    }
    for (int want = 1; want <= 2; want++) {
        char names[400] = "";
        int n = 0;
        for (int32_t v = 0; v < net->nvertices; v++) {
            if (net->vertices[v].type != CN_VERTEX_MINERAL || has[v] != want)
                continue;
            size_t len = strlen(names);
            if (n < 8 && len + strlen(net->vertices[v].id) + 8 < sizeof names)
                snprintf(names + len, sizeof names - len, "%s%s", len ? ", " : "", net->vertices[v].id);
            n++;
        }
        if (n)
            cn_i_usgs_warn(c, "%s: %d mineral%s %s: %s%s", dir, n, n == 1 ? " has" : "s have",
                           want == 1 ? "net import reliance but no world production figures"
                                     : "world production but no net import reliance figures",
                           names, n > 8 ? ", ..." : "");
    }
    free(has);
}

void cn_usgs_opts_init(cn_usgs_opts *o)
{
    memset(o, 0, sizeof *o);
}

cn_status cn_import_usgs_mcs_opts(const char *dir, const cn_usgs_opts *opts, cn_warn_fn warn, void *ctx,
                                  cn_net **out, cn_error *err)
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
    size_t nread = 0;
    for (size_t i = 0; i < fl.n; i++)
        nread += fl.kind[i] != K_OTHER;
    if (!st && nread == 0)
        st = cn_error_set(err, CN_EDATA, "%s: no MCS tables (*_world.csv, *_salient.csv, *Net_Import_Reliance*.csv) "
                          "in this folder", dir);
    cn_i_usgs_ctx c = {.err = err, .warn = warn, .warn_ctx = ctx, .strict = opts ? opts->strict : 0};
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
    if (!st)
        st = tag_lists(&c);
    if (!st)
        st = cn_i_usgs_join_series(&c);
    if (!st) {
        report_other(&c, &fl, dir);
        report_figures(&c, dir);
        cn_i_usgs_unknown_report(&c, dir);
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

cn_status cn_import_usgs_mcs_ex(const char *dir, cn_warn_fn warn, void *ctx, cn_net **out, cn_error *err)
{
    return cn_import_usgs_mcs_opts(dir, NULL, warn, ctx, out, err);
}

cn_status cn_import_usgs_mcs(const char *dir, cn_net **out, cn_error *err)
{
    return cn_import_usgs_mcs_opts(dir, NULL, NULL, NULL, out, err);
}
