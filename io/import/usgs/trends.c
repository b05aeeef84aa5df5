/* io/import/usgs/trends.c: the U.S. side of an MCS release: net import reliance and ordered import sources (Fig2),
 * the 2022 critical-minerals list (T5), and per-year reliance from the salient tables (docs/usgs.md). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/usgs/usgs_i.h"

/* the column whose header starts with prefix (case-insensitive), or -1 */
static int column(const cn_csv_row *h, const char *prefix, int exact)
{
    for (size_t i = 0; i < h->n; i++) {
        char buf[128];
        snprintf(buf, sizeof buf, "%s", h->field[i]);
        const char *t = cn_i_usgs_trim(buf);
        if (cn_i_usgs_starts(t, prefix) && (!exact || strlen(t) == strlen(prefix)))
            return (int)i;
    }
    return -1;
}

/* the last 4-digit number in s when it is a plausible year, or 0 */
static int year_in(const char *s)
{
    int y = 0;
    for (const char *p = s; *p; p++)
        if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
            isdigit((unsigned char)p[3]) && !isdigit((unsigned char)p[4]) && (p == s || !isdigit((unsigned char)p[-1])))
            y = atoi(p);
    return cn_i_usgs_year_ok(y) ? y : 0;
}

/* what reliance() returns */
enum { RELIANCE_NOT = -1, RELIANCE_NONE = 0, RELIANCE_EDGE = 1 };

/* fills a relies edge from a reliance cell: RELIANCE_EDGE, RELIANCE_NONE (nothing to add: W, NA, XX, empty,
 * over 100%), or RELIANCE_NOT (the cell is not a reliance) */
static int reliance(cn_i_usgs_ctx *c, const char *file, long line, const char *cell, cn_edge *e)
{
    cn_i_usgs_val v;
    if (!cn_i_usgs_value(cell, &v) || v.kind == CN_I_USGS_TEXT)
        return RELIANCE_NOT;
    if (v.kind == CN_I_USGS_EMPTY || v.kind == CN_I_USGS_W || v.kind == CN_I_USGS_NA || v.kind == CN_I_USGS_XX)
        return RELIANCE_NONE;
    if (v.kind != CN_I_USGS_E && v.x > 100.0) {
        cn_i_usgs_warn(c, "%s:%ld: net import reliance '%s' is above 100%%; skipped", file, line, cell);
        return RELIANCE_NONE;
    }
    if (v.kind == CN_I_USGS_E)
        e->flags |= CN_F_NET_EXPORTER;
    else if (v.kind == CN_I_USGS_GT) {
        e->lo = v.x / 100.0;
        e->hi = 1.0;
    } else if (v.kind == CN_I_USGS_LT) {
        e->lo = 0.0;
        e->hi = v.x / 100.0;
    } else {
        e->share = v.x / 100.0;
    }
    /* the text as published, without a trailing period or percent sign ("Less than ½ unit.", ">50%") */
    char text[64];
    snprintf(text, sizeof text, "%s", cell);
    char *t = cn_i_usgs_trim(text);
    size_t n = strlen(t);
    while (n && (t[n - 1] == '.' || t[n - 1] == '%' || t[n - 1] == ' '))
        t[--n] = '\0';
    e->text = cn_net_intern(c->net, t);
    return RELIANCE_EDGE;
}

/* a relies edge of mineral m for the U.S. in year, citing src */
static void relies_init(const cn_i_usgs_ctx *c, cn_edge *e, int32_t m, int year, int32_t src)
{
    cn_edge_init(e, CN_EDGE_RELIES);
    e->mineral = m;
    e->consumer = c->usa;
    e->year = year;
    e->source = src;
}

static cn_status open_header(cn_i_usgs_ctx *c, const char *path, cn_csv **csv, cn_csv_row *h)
{
    cn_status st = cn_csv_open(path, ',', csv, c->err);
    if (st)
        return st;
    cn_csv_step rc = cn_csv_next(*csv, h, c->err);
    if (rc != CN_CSV_STEP_ROW) {
        cn_csv_close(*csv);
        *csv = NULL;
        return rc == CN_CSV_STEP_ERROR ? c->err->status
                                  : cn_error_set(c->err, CN_EDATA, "%s:1: empty file; expected a header", path);
    }
    return CN_OK;
}

/* the next non-blank record with more than `need` fields: CN_CSV_STEP_ROW, CN_CSV_STEP_EOF, or CN_CSV_STEP_ERROR (err set) */
static cn_csv_step next_row(cn_i_usgs_ctx *c, cn_csv *csv, const char *path, int need, cn_csv_row *row)
{
    cn_csv_step rc;
    while ((rc = cn_csv_next(csv, row, c->err)) == CN_CSV_STEP_ROW) {
        if (cn_i_usgs_row_empty(row))
            continue; /* the trailing ",,,," rows */
        if ((int)row->n > need)
            return CN_CSV_STEP_ROW;
        cn_error_set(c->err, CN_EDATA, "%s:%ld: %zu fields; expected at least %d (truncated row?)", path,
                     row->line, row->n, need + 1);
        return CN_CSV_STEP_ERROR;
    }
    return rc;
}

static cn_status missing(cn_i_usgs_ctx *c, cn_csv *csv, const char *path, const char *what)
{
    cn_csv_close(csv);
    return cn_error_set(c->err, CN_EDATA, "%s:1: missing column %s", path, what);
}

/* ---- Fig2: net import reliance and the major import sources, in descending order of share ---- */

typedef struct {
    char *name, *nir, *sources;
    long line;
    char id[96];
} f2row;

cn_status cn_i_usgs_read_fig2(cn_i_usgs_ctx *c, const char *path)
{
    cn_csv *csv;
    cn_csv_row h;
    cn_status st = open_header(c, path, &csv, &h);
    if (st)
        return st;
    int ccom = column(&h, "Commodity", 1), cnir = column(&h, "Net_Import_Reliance", 0);
    int csrc = column(&h, "Major_Import_Sources", 0);
    if (ccom < 0)
        return missing(c, csv, path, "'Commodity'");
    if (cnir < 0)
        return missing(c, csv, path, "'Net_Import_Reliance_pct_<year>'");
    int year = year_in(h.field[cnir]);
    char period[16] = "";
    if (csrc >= 0) {
        int y1 = 0, y2 = year_in(h.field[csrc]);
        const char *p = strstr(h.field[csrc], "_");
        for (; p && *p && !y1; p++)
            if (isdigit((unsigned char)*p))
                y1 = atoi(p);
        if (y1 && y2 && y1 != y2)
            snprintf(period, sizeof period, "%d-%02d", y1, y2 % 100);
        else if (y2)
            snprintf(period, sizeof period, "%d", y2);
    }
    f2row *rows = NULL;
    int n = 0, cap = 0;
    cn_csv_step rc;
    cn_csv_row row;
    int need = ccom > cnir ? ccom : cnir;
    need = need > csrc ? need : csrc;
    while ((rc = next_row(c, csv, path, need, &row)) == CN_CSV_STEP_ROW) {
        if (!*row.field[ccom])
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            f2row *r = realloc(rows, (size_t)cap * sizeof *r);
            if (!r) {
                st = cn_error_set(c->err, CN_ENOMEM, "out of memory");
                break;
            }
            rows = r;
        }
        f2row *r = &rows[n++];
        r->line = row.line;
        r->name = cn_strdup(row.field[ccom]);
        r->nir = cn_strdup(row.field[cnir]);
        r->sources = cn_strdup(csrc >= 0 ? row.field[csrc] : "");
        if (!r->name || !r->nir || !r->sources) {
            st = cn_error_set(c->err, CN_ENOMEM, "out of memory");
            break;
        }
        cn_i_usgs_name_id(r->name, CN_I_FORM_NAME, c->edition, r->id, sizeof r->id);
    }
    if (rc == CN_CSV_STEP_ERROR)
        st = c->err->status;
    cn_csv_close(csv);
    int32_t src = -1;
    if (!st)
        st = cn_i_usgs_source(c, path, &src);
    for (int i = 0; !st && i < n; i++) {
        f2row *r = &rows[i];
        /* a commodity listed in several forms ("MICA (NATURAL), sheet" and "..., scrap and flake"): the form
         * becomes the stage */
        char id[160], stage[64] = "";
        for (int k = 0; k < n && !strchr(r->id, ':'); k++) {
            const char *q = strchr(r->name, ',');
            if (k != i && strcmp(rows[k].id, r->id) == 0 && q)
                cn_i_usgs_slug(q + 1, stage, sizeof stage, 4);
        }
        snprintf(id, sizeof id, "%s%s%s", r->id, *stage ? ":" : "", stage);
        int32_t m;
        st = cn_i_usgs_mineral(c, id, cn_i_usgs_trim(r->name), *stage ? stage : NULL, &m);
        cn_edge e;
        relies_init(c, &e, m, year, src);
        e.flags = CN_F_PRIMARY;
        const char *q = strchr(r->name, ',');
        char basis[128];
        if (q) {
            snprintf(basis, sizeof basis, "%s", q + 1);
            e.basis = cn_i_usgs_trim(basis);
        }
        int ok = st ? RELIANCE_NONE : reliance(c, path, r->line, r->nir, &e);
        if (ok == RELIANCE_NOT)
            st = cn_error_set(c->err, CN_EDATA,
                              "%s:%ld: net import reliance '%s' for %s; expected a percentage, >N, <N, E, NA or W",
                              path, r->line, cn_i_usgs_trim(r->nir), r->name);
        if (ok == RELIANCE_EDGE)
            st = cn_net_add_edge(c->net, &e, NULL, c->err);
        /* import sources: names only, in descending order of share: ranks 1..n */
        int rank = 0;
        for (char *tok = r->sources; !st && tok && *tok;) {
            char *comma = strchr(tok, ',');
            if (comma)
                *comma = '\0';
            char *name = cn_i_usgs_trim(tok);
            tok = comma ? comma + 1 : NULL;
            if (!*name)
                continue;
            cn_edge s;
            cn_edge_init(&s, CN_EDGE_SUPPLIES);
            st = cn_i_usgs_country(c, name, path, r->line, &s.country);
            if (st)
                break;
            if (s.country == CN_WORLD) {
                st = cn_error_set(c->err, CN_EDATA, "%s:%ld: '%s' is not an import source", path, r->line, name);
                break;
            }
            s.mineral = m;
            s.consumer = c->usa;
            s.rank = ++rank;
            s.period = *period ? period : NULL;
            s.flags = CN_F_PRIMARY;
            s.source = src;
            if (s.country == c->usa)
                continue; /* never listed in practice; a country cannot supply its own imports */
            st = cn_net_add_edge(c->net, &s, NULL, c->err);
        }
    }
    for (int i = 0; i < n; i++) {
        free(rows[i].name);
        free(rows[i].nir);
        free(rows[i].sources);
    }
    free(rows);
    return st;
}

/* ---- a table of the critical minerals (T5 in MCS 2024, T4 in others): checked against the 2022 list ---- */

cn_status cn_i_usgs_read_list(cn_i_usgs_ctx *c, const char *path)
{
    cn_csv *csv;
    cn_csv_row h;
    cn_status st = open_header(c, path, &csv, &h);
    if (st)
        return st;
    int cm = -1;
    for (size_t i = 0; i < h.n && cm < 0; i++) {
        char slug[64];
        cn_i_usgs_slug(h.field[i], slug, sizeof slug, 0);
        if (strcmp(slug, "critical_mineral") == 0)
            cm = (int)i;
    }
    if (cm < 0) {
        /* a file named like the list table that is not one: reported, not read */
        cn_i_usgs_warn(c, "%s:1: no 'Critical_mineral' column: not a table of the critical minerals; skipped", path);
        cn_csv_close(csv);
        return CN_OK;
    }
    cn_csv_step rc = CN_CSV_STEP_EOF;
    cn_csv_row row;
    char off[256] = "";
    int noff = 0, nrows = 0;
    while (!st && (rc = next_row(c, csv, path, cm, &row)) == CN_CSV_STEP_ROW) {
        char *name = cn_i_usgs_trim(row.field[cm]);
        if (!*name)
            continue;
        nrows++;
        /* the tags come from datasets/forms.csv; a name not on its 2022 list is reported */
        char id[96];
        if (cn_i_form_name(CN_I_FORM_LIST2022, name, c->edition) ||
            cn_i_form_on_list(cn_i_usgs_name_id(name, CN_I_FORM_NAME, c->edition, id, sizeof id), CN_LIST_2022))
            continue; /* "Rare earths (compounds and metals)": the group the 2022 list names element by element */
        size_t n = strlen(off);
        if (noff++ < 4 && n + strlen(name) + 4 < sizeof off)
            snprintf(off + n, sizeof off - n, "%s'%s'", n ? ", " : "", name);
    }
    if (!st && rc == CN_CSV_STEP_ERROR)
        st = c->err->status;
    cn_csv_close(csv);
    if (!st && noff)
        cn_i_usgs_warn(c, "%s: %d of %d names are not on the 2022 U.S. list (datasets/forms.csv): %s%s; not tagged",
                       path, noff, nrows, off, noff > 4 ? ", ..." : "");
    return st;
}

/* ---- salient statistics: net import reliance by year (the file's first NIR_ column) ---- */

/* a salient table's NIR column: its id (forms.csv "code/column", else the file's id for the first) */
typedef struct {
    int col;
    char name[64];
    char id[96];
} nircol;

cn_status cn_i_usgs_read_salient(cn_i_usgs_ctx *c, const char *path, const char *code)
{
    cn_csv *csv;
    cn_csv_row h;
    cn_status st = open_header(c, path, &csv, &h);
    if (st)
        return st;
    int ccom = column(&h, "Commodity", 1), cyear = column(&h, "Year", 1);
    if (ccom < 0 || cyear < 0) {
        /* mcs2024-cobal_salient.csv holds a world production table: not what its name says */
        cn_i_usgs_warn(c, "%s:1: no Commodity and Year columns: not a salient-statistics table; skipped", path);
        cn_csv_close(csv);
        return CN_OK;
    }
    const char *code_id = cn_i_usgs_code_id(code, c->edition);
    nircol nir[8];
    int nn = 0, nskip = 0, need = ccom > cyear ? ccom : cyear;
    char skipped[256] = "";
    /* a column the table names for the file's own id (zinc/NIR_Refined_pct: "ZINC, refined") is its series:
     * then no unnamed column takes the id (zinc's first column, NIR_Ores_pct, is another figure) */
    int own_named = 0;
    for (size_t i = 0; i < h.n && code_id; i++) {
        char buf[128], label[160];
        snprintf(buf, sizeof buf, "%s", h.field[i]);
        snprintf(label, sizeof label, "%s/%s", code, cn_i_usgs_trim(buf));
        const cn_i_form *f = cn_i_form_label(CN_I_FORM_NIR_COLUMN, label, c->edition);
        own_named |= f && strcmp(f->id, code_id) == 0;
    }
    for (size_t i = 0; i < h.n; i++) {
        char buf[128], label[160];
        snprintf(buf, sizeof buf, "%s", h.field[i]);
        const char *t = cn_i_usgs_trim(buf);
        if (!cn_i_usgs_starts(t, "NIR") && !cn_i_usgs_contains(t, "_NIR_"))
            continue;
        snprintf(label, sizeof label, "%s/%s", code, t);
        const cn_i_form *f = cn_i_form_label(CN_I_FORM_NIR_COLUMN, label, c->edition);
        if (!f && (nn > 0 || own_named)) {
            size_t len = strlen(skipped);
            if (len + strlen(t) + 4 < sizeof skipped)
                snprintf(skipped + len, sizeof skipped - len, "%s'%s'", len ? ", " : "", t);
            nskip++;
            continue;
        }
        if (nn == (int)(sizeof nir / sizeof nir[0]))
            break;
        nir[nn].col = (int)i;
        snprintf(nir[nn].name, sizeof nir[nn].name, "%s", t);
        snprintf(nir[nn].id, sizeof nir[nn].id, "%s", f ? f->id : code_id ? code_id : "");
        need = need > (int)i ? need : (int)i;
        nn++;
    }
    if (nskip)
        cn_i_usgs_warn(c, "%s:1: %d more net import reliance column%s with no form in datasets/forms.csv, not "
                       "read: %s", path, nskip, nskip == 1 ? "" : "s", skipped);
    if (nn == 0) {
        cn_csv_close(csv);
        return CN_OK; /* no reliance figures (e.g. diamond): reported with the minerals that lack them */
    }
    int32_t src = -1;
    st = cn_i_usgs_source(c, path, &src);
    cn_csv_step rc = CN_CSV_STEP_EOF;
    cn_csv_row row;
    while (!st && (rc = next_row(c, csv, path, need, &row)) == CN_CSV_STEP_ROW) {
        char *name = cn_i_usgs_trim(row.field[ccom]);
        char *ys = cn_i_usgs_trim(row.field[cyear]);
        if (!*name && !*ys)
            continue;
        int year = atoi(ys);
        if (strlen(ys) != 4 || year_in(ys) != year || !cn_i_usgs_year_ok(year)) {
            st = cn_error_set(c->err, CN_EDATA, "%s:%ld: Year '%s'; expected a year such as 2023", path, row.line, ys);
            break;
        }
        for (int k = 0; !st && k < nn; k++) {
            char id[96];
            if (nir[k].id[0])
                snprintf(id, sizeof id, "%s", nir[k].id);
            else
                cn_i_usgs_name_id(name, CN_I_FORM_NAME, c->edition, id, sizeof id);
            int32_t m;
            st = cn_i_usgs_mineral(c, id, name, NULL, &m);
            if (st)
                break;
            cn_edge e;
            relies_init(c, &e, m, year, src);
            int ok = reliance(c, path, row.line, row.field[nir[k].col], &e);
            if (ok == RELIANCE_NOT)
                st = cn_error_set(c->err, CN_EDATA,
                                  "%s:%ld: %s '%s'; expected a percentage, >N, <N, E, NA or W", path, row.line,
                                  nir[k].name, cn_i_usgs_trim(row.field[nir[k].col]));
            else if (ok == RELIANCE_EDGE)
                st = cn_net_add_edge(c->net, &e, NULL, c->err);
        }
    }
    if (!st && rc == CN_CSV_STEP_ERROR)
        st = c->err->status;
    cn_csv_close(csv);
    return st;
}

/* The salient tables give each year's reliance without the basis Fig. 2 prints ("ANTIMONY, metal and oxide":
 * basis "metal and oxide"), so a series stood apart from its headline figure and `deps --years` showed "no
 * data" before the headline year. A salient series of a mineral (its edges from one file) is the headline's
 * series when it prints the same figure for the headline's year: its edges take the headline's basis. A series
 * that prints another figure (zinc's ores "E" against Fig. 2's refined "77") is not joined and is reported. */
cn_status cn_i_usgs_join_series(cn_i_usgs_ctx *c)
{
    cn_net *net = c->net;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *p = &net->edges[i];
        if (p->kind != CN_EDGE_RELIES || !(p->flags & CN_F_PRIMARY) || !p->basis || !p->year)
            continue;
        for (int32_t k = 0; k < net->nedges; k++) {
            const cn_edge *s = &net->edges[k];
            if (s->kind != CN_EDGE_RELIES || s->mineral != p->mineral || s->consumer != p->consumer || s->basis ||
                s->year != p->year || s->source == p->source || (s->flags & CN_F_PRIMARY))
                continue;
            int same = s->text && p->text && strcmp(s->text, p->text) == 0;
            if (!same) {
                cn_i_usgs_warn(c, "%s: net import reliance of %s in %d is '%s' where %s prints '%s' (%s): its years "
                               "are not that figure's series (deps --years: no data before %d)",
                               s->source >= 0 ? net->sources[s->source].title : "a salient table",
                               net->vertices[p->mineral].id, (int)p->year, s->text ? s->text : "?",
                               p->source >= 0 ? net->sources[p->source].title : "Fig. 2", p->text ? p->text : "?",
                               p->basis, (int)p->year);
                continue;
            }
            for (int32_t j = 0; j < net->nedges; j++) {
                cn_edge *e = &net->edges[j];
                if (e->kind == CN_EDGE_RELIES && e->mineral == p->mineral && e->consumer == p->consumer &&
                    !e->basis && e->source == s->source)
                    e->basis = p->basis; /* interned in the net */
            }
        }
    }
    return CN_OK;
}
