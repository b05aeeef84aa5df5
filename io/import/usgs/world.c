/* io/import/usgs/world.c: one world production table (mcs<year>-<code>_world.csv) -> produces edges: columns found
 * by header pattern (Prod_[form_]<unit>[_est]_<year>, Reserves_..._<unit>), series by Type (docs/usgs.md). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/usgs/usgs_i.h"

#define MAXY 8   /* production columns per file */
#define MAXS 16  /* series per file */

/* units of the column names, per dimension, as a factor of the dimension's base */
static const struct unit {
    const char *token, *name;
    int dim;       /* 0 mass (t), 1 carats, 2 volume (cubic metres) */
    double factor;
} units[] = {
    {"t", "t", 0, 1.0},     {"kt", "kt", 0, 1e3},     {"mt", "Mt", 0, 1e6},   {"mmt", "Mt", 0, 1e6},
    {"kg", "kg", 0, 1e-3},  {"ct", "ct", 1, 1.0},     {"kct", "kct", 1, 1e3}, {"mct", "Mct", 1, 1e6},
    {"mcm", "Mm3", 2, 1e6},
};

static const struct unit *find_unit(const char *tok)
{
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strcmp(units[i].token, tok) == 0)
            return &units[i];
    return NULL;
}

typedef struct {
    int col, year, est;
    const struct unit *unit;
} prodcol;

typedef struct {
    char *country, *type, *cells[MAXY], *reserves, *res_note;
    long line;
    int32_t who;      /* vertex, CN_WORLD or CN_OTHER */
    int series;       /* index into the series table, -1 = excluded (capacity) */
} wrow;

typedef struct {
    char key[256];    /* the Type's words, lower case, without "world total" and "rounded" */
    char type[256];   /* the Type as printed (first country row) */
    int countries;    /* country rows */
    int world_row;    /* row index of its world total, or -1 */
} series;

/* splits a header into lower-case tokens at '_'; returns the count */
static int tokens(const char *h, char tok[][32], int max)
{
    int n = 0;
    size_t k = 0;
    for (const char *p = h;; p++) {
        if (*p == '_' || *p == '\0') {
            if (k && n < max) {
                tok[n][k] = '\0';
                n++;
            }
            k = 0;
            if (!*p)
                break;
        } else if (k + 1 < 32) {
            tok[n < max ? n : max - 1][k++] = (char)tolower((unsigned char)*p);
        }
    }
    return n;
}

static int is_year(const char *t)
{
    return strlen(t) == 4 && isdigit((unsigned char)t[0]) && isdigit((unsigned char)t[1]) &&
           isdigit((unsigned char)t[2]) && isdigit((unsigned char)t[3]);
}

static const char *const spelling[][2] = {
    {"ilmentite", "ilmenite"}, {"mne", "mine"}, {"poduction", "production"}, {"grosss", "gross"},
};

/* a series key: the words of a Type, lower case, without a leading "world"/"total" and "rounded" */
static void type_key(const char *type, char *key, size_t cap)
{
    char slug[256];
    cn_i_usgs_slug(type, slug, sizeof slug, 0);
    const char *s = slug;
    for (int again = 1; again;) {
        again = 0;
        if (strncmp(s, "world_", 6) == 0 || strncmp(s, "total_", 6) == 0) {
            s += 6;
            again = 1;
        }
    }
    size_t n = 0;
    key[0] = '\0';
    char buf[256];
    snprintf(buf, sizeof buf, "%s", s);
    for (char *w = strtok(buf, "_"); w; w = strtok(NULL, "_")) {
        if (strcmp(w, "rounded") == 0)
            continue;
        /* USGS's own misspellings, so that one series keeps one key (MCS 2022/2024 timin: "ilmentite") */
        for (size_t i = 0; i < sizeof spelling / sizeof spelling[0]; i++)
            if (strcmp(w, spelling[i][0]) == 0)
                w = (char *)spelling[i][1];
        n += (size_t)snprintf(key + n, n < cap ? cap - n : 0, "%s%s", n ? " " : "", w);
    }
}

static int has_word(const char *key, const char *w)
{
    size_t l = strlen(w);
    for (const char *p = key; (p = strstr(p, w)); p += l)
        if ((p == key || p[-1] == ' ') && (p[l] == ' ' || p[l] == '\0'))
            return 1;
    return 0;
}

/* the processing class of a series: mine, refinery, smelter or plant; "" when none */
static const char *stage_class(const char *key)
{
    if (has_word(key, "refinery"))
        return "refinery";
    if (has_word(key, "smelter"))
        return "smelter";
    if (has_word(key, "mine"))
        return "mine";
    if (has_word(key, "plant"))
        return "plant";
    return "";
}

static int stopword(const char *w)
{
    static const char *const stop[] = {"production", "world", "total", "and", "of", "the", "metric",
                                       "tons", "thousand", "million", "mine", "plant", "refinery",
                                       "smelter", "rounded", "a", "or"};
    for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++)
        if (strcmp(w, stop[i]) == 0)
            return 1;
    return 0;
}

/* the stage of series s among ns: its class when the classes differ, else up to 3 of its words that the
 * other series lack */
static void stage_of(const series *sr, int ns, int s, char *out, size_t cap)
{
    int classes_differ = 0;
    for (int k = 0; k < ns; k++)
        if (sr[k].countries && strcmp(stage_class(sr[k].key), stage_class(sr[s].key)) != 0)
            classes_differ = 1;
    if (classes_differ && *stage_class(sr[s].key)) {
        snprintf(out, cap, "%s", stage_class(sr[s].key));
        return;
    }
    char buf[256];
    snprintf(buf, sizeof buf, "%s", sr[s].key);
    size_t n = 0;
    int words = 0;
    out[0] = '\0';
    for (char *w = strtok(buf, " "); w && words < 3; w = strtok(NULL, " ")) {
        if (stopword(w))
            continue;
        int everywhere = 1;
        for (int k = 0; k < ns; k++)
            if (k != s && sr[k].countries && !has_word(sr[k].key, w))
                everywhere = 0;
        if (everywhere)
            continue;
        n += (size_t)snprintf(out + n, n < cap ? cap - n : 0, "%s%s", n ? "_" : "", w);
        words++;
    }
    if (!*out)
        snprintf(out, cap, "s%d", s + 1);
}

typedef struct {
    const char *path;
    int ncol, country, type, reserves, res_note; /* res_note: the Reserves_notes column after reserves, or -1 */
    prodcol prod[MAXY];
    int nprod;
    const struct unit *unit, *res_unit;
    wrow *rows;
    int nrows, caprows;
    series sr[MAXS];
    int ns;
} wfile;

static void wfile_free(wfile *f)
{
    for (int i = 0; i < f->nrows; i++) {
        free(f->rows[i].country);
        free(f->rows[i].type);
        free(f->rows[i].reserves);
        free(f->rows[i].res_note);
        for (int k = 0; k < f->nprod; k++)
            free(f->rows[i].cells[k]);
    }
    free(f->rows);
}

/* whether one of the series the table names already has the id */
static int series_named(const cn_i_form *const *named, int ns, const char *id)
{
    for (int s = 0; s < ns; s++)
        if (named[s] && strcmp(named[s]->id, id) == 0)
            return 1;
    return 0;
}

static cn_status header(cn_i_usgs_ctx *c, wfile *f, const cn_csv_row *row)
{
    f->country = f->type = f->reserves = f->res_note = -1;
    f->ncol = (int)row->n;
    for (int i = 0; i < (int)row->n; i++) {
        const char *h = row->field[i];
        char tok[8][32];
        int nt = tokens(h, tok, 8);
        if (nt == 0)
            continue;
        if (strcmp(tok[0], "country") == 0 && nt == 1) {
            f->country = i;
        } else if (strcmp(tok[0], "type") == 0 && nt == 1) {
            f->type = i;
        } else if (strcmp(tok[0], "prod") == 0 && is_year(tok[nt - 1])) {
            prodcol pc = {.col = i, .year = atoi(tok[nt - 1])};
            if (!cn_i_usgs_year_ok(pc.year))
                return cn_error_set(c->err, CN_EDATA,
                                    "%s:1: column '%s': '%s' is not a plausible year; expected "
                                    "Prod_<unit>[_est]_<year> with a year of four digits, 1000-9999", f->path, h,
                                    tok[nt - 1]);
            for (int k = 1; k < nt - 1; k++) {
                if (strcmp(tok[k], "est") == 0)
                    pc.est = 1;
                else if (!pc.unit)
                    pc.unit = find_unit(tok[k]);
            }
            if (!pc.unit)
                return cn_error_set(c->err, CN_EDATA,
                                    "%s:1: column '%s': no unit; expected Prod_<unit>[_est]_<year> with unit "
                                    "t, kt, Mt (mt, mmt), kg, ct, kct, mct or mcm", f->path, h);
            if (f->unit && pc.unit->dim != f->unit->dim)
                return cn_error_set(c->err, CN_EDATA, "%s:1: column '%s': unit '%s' does not convert to '%s'",
                                    f->path, h, pc.unit->token, f->unit->token);
            if (f->nprod == MAXY)
                return cn_error_set(c->err, CN_EDATA, "%s:1: more than %d production columns", f->path, MAXY);
            if (!f->unit)
                f->unit = pc.unit;
            f->prod[f->nprod++] = pc;
        } else if (strcmp(tok[0], "reserves") == 0 && !cn_i_usgs_contains(h, "note")) {
            const struct unit *u = NULL;
            for (int k = 1; k < nt && !u; k++)
                u = find_unit(tok[k]);
            if (u) { /* the last such column: potash lists ore, then K2O equivalent, as production is */
                f->reserves = i;
                f->res_unit = u;
            }
        }
    }
    /* a Type column may carry a Type value as its header (fluorspar): the column after Country */
    if (f->type < 0 && f->country >= 0 && f->country + 1 < (int)row->n && f->nprod &&
        f->prod[0].col > f->country + 1)
        f->type = f->country + 1;
    /* the notes of the reserves column: MCS 2024 prints a world total known only as a bound there when the
     * figure column says NA (niobium: NA, ">17,000,000") */
    if (f->reserves >= 0 && f->reserves + 1 < (int)row->n && cn_i_usgs_starts(row->field[f->reserves + 1], "reserves") &&
        cn_i_usgs_contains(row->field[f->reserves + 1], "note"))
        f->res_note = f->reserves + 1;
    if (f->country < 0)
        return cn_error_set(c->err, CN_EDATA, "%s:1: missing column 'Country'; expected a world production "
                            "table (Source,Country,Type,Prod_<unit>_<year>,...)", f->path);
    return CN_OK;
}

static cn_status read_rows(cn_i_usgs_ctx *c, wfile *f, cn_csv *csv)
{
    cn_csv_row row;
    cn_csv_step rc;
    while ((rc = cn_csv_next(csv, &row, c->err)) == CN_CSV_STEP_ROW) {
        if (cn_i_usgs_row_empty(&row))
            continue; /* trailing empty rows */
        if ((int)row.n <= f->country || (f->nprod && (int)row.n <= f->prod[f->nprod - 1].col))
            return cn_error_set(c->err, CN_EDATA, "%s:%ld: %zu fields; expected at least %d (truncated row?)",
                                f->path, row.line, row.n, f->nprod ? f->prod[f->nprod - 1].col + 1 : f->country + 1);
        if (f->nrows == f->caprows) {
            int cap = f->caprows ? f->caprows * 2 : 32;
            wrow *r = realloc(f->rows, (size_t)cap * sizeof *r);
            if (!r)
                return cn_error_set(c->err, CN_ENOMEM, "out of memory");
            f->rows = r;
            f->caprows = cap;
        }
        wrow *w = &f->rows[f->nrows];
        memset(w, 0, sizeof *w);
        f->nrows++;
        w->line = row.line;
        w->country = cn_strdup(row.field[f->country]);
        w->type = cn_strdup(f->type >= 0 && f->type < (int)row.n ? row.field[f->type] : "");
        w->reserves = cn_strdup(f->reserves >= 0 && f->reserves < (int)row.n ? row.field[f->reserves] : "");
        w->res_note = cn_strdup(f->res_note >= 0 && f->res_note < (int)row.n ? row.field[f->res_note] : "");
        int ok = w->country && w->type && w->reserves && w->res_note;
        for (int k = 0; k < f->nprod; k++)
            ok &= (w->cells[k] = cn_strdup(row.field[f->prod[k].col])) != NULL;
        if (!ok)
            return cn_error_set(c->err, CN_ENOMEM, "out of memory");
        if (!*cn_i_usgs_trim(w->country))
            return cn_error_set(c->err, CN_EDATA, "%s:%ld: empty Country; expected a country name", f->path,
                                row.line);
        cn_status st = cn_i_usgs_country(c, w->country, f->path, row.line, &w->who);
        if (st)
            return st;
    }
    return rc == CN_CSV_STEP_ERROR ? c->err->status : CN_OK;
}

/* groups rows into series: one when the file has at most one world total (the Type then describes each
 * country's form, e.g. boron, talc), else by Type */
static cn_status group(cn_i_usgs_ctx *c, wfile *f)
{
    int worlds = 0;
    for (int i = 0; i < f->nrows; i++) {
        wrow *w = &f->rows[i];
        w->series = cn_i_usgs_contains(w->type, "capacity") && !cn_i_usgs_contains(w->type, "production") ? -1 : 0;
        worlds += w->series == 0 && w->who == CN_WORLD;
    }
    for (int i = 0; i < f->nrows; i++) {
        wrow *w = &f->rows[i];
        if (w->series < 0)
            continue;
        char key[256];
        type_key(w->type, key, sizeof key);
        int s = 0;
        if (worlds > 1 || f->ns == 0) {
            for (s = 0; s < f->ns; s++)
                if (worlds <= 1 || strcmp(f->sr[s].key, key) == 0)
                    break;
            if (s == f->ns) {
                if (f->ns == MAXS)
                    return cn_error_set(c->err, CN_EDATA, "%s:%ld: more than %d Types", f->path, w->line, MAXS);
                memset(&f->sr[s], 0, sizeof f->sr[s]);
                snprintf(f->sr[s].key, sizeof f->sr[s].key, "%s", key);
                f->sr[s].world_row = -1;
                f->ns++;
            }
        }
        w->series = s;
        series *sr = &f->sr[s];
        if (w->who == CN_WORLD) {
            if (sr->world_row >= 0)
                return cn_error_set(c->err, CN_EDATA, "%s:%ld: a second world total for '%s'", f->path, w->line,
                                    w->type);
            sr->world_row = i;
        } else {
            if (!sr->countries++)
                snprintf(sr->type, sizeof sr->type, "%s", cn_i_usgs_trim(w->type));
        }
    }
    return CN_OK;
}

/* the first row of series s for the same country as row i (i itself unless a duplicate) */
static int first_row(const wfile *f, int s, int i)
{
    for (int j = 0; j < i; j++)
        if (f->rows[j].series == s && f->rows[j].who == f->rows[i].who)
            return j;
    return i;
}

/* row i's cell of column k, summed with the later rows of the same country in series s (duplicate rows, e.g.
 * a country printed twice): numbers add; a number and an empty/XX cell give the number; a withheld or
 * unavailable cell makes the sum unknown (its kind kept). 0 when a cell is not a production figure (*bad). */
static int combined(const wfile *f, int s, int i, int k, cn_i_usgs_val *v, int *bad)
{
    *bad = i;
    if (!cn_i_usgs_value(f->rows[i].cells[k], v))
        return 0;
    for (int j = i + 1; j < f->nrows; j++) {
        if (f->rows[j].series != s || f->rows[j].who != f->rows[i].who)
            continue;
        cn_i_usgs_val u;
        *bad = j;
        if (!cn_i_usgs_value(f->rows[j].cells[k], &u))
            return 0;
        if (u.kind == CN_I_USGS_EMPTY || u.kind == CN_I_USGS_XX)
            continue;
        if (v->kind == CN_I_USGS_EMPTY || v->kind == CN_I_USGS_XX) {
            *v = u;
        } else if (v->kind == CN_I_USGS_NUM && u.kind == CN_I_USGS_NUM) {
            v->x += u.x;
            v->est |= u.est;
        } else if (v->kind == CN_I_USGS_NUM && u.kind == CN_I_USGS_LT) {
            v->est |= u.est; /* less than half a unit adds nothing at the table's precision */
        } else if (v->kind == CN_I_USGS_LT && u.kind == CN_I_USGS_NUM) {
            *v = u;
        } else if (v->kind == CN_I_USGS_NUM || v->kind == CN_I_USGS_LT) {
            *v = u; /* W, NA, text: the sum is not known */
        }
    }
    return 1;
}

/* the reserves of one row: a number, or a lower bound (*min set) when printed ">X" in the cell or, when the cell
 * says NA or nothing, at the start of its note (MCS 2024 niobium: NA, ">17,000,000"); NAN when none */
static double row_reserves(const wrow *w, int *min)
{
    cn_i_usgs_val r;
    *min = 0;
    if (cn_i_usgs_value(w->reserves, &r) && (r.kind == CN_I_USGS_NUM || r.kind == CN_I_USGS_GT)) {
        *min = r.kind == CN_I_USGS_GT;
        return r.x;
    }
    if (cn_i_usgs_value(w->reserves, &r) && r.kind != CN_I_USGS_NA && r.kind != CN_I_USGS_EMPTY)
        return NAN;
    char buf[64];
    const char *n = w->res_note;
    while (*n == ' ')
        n++;
    if (*n != '>')
        return NAN;
    size_t k = 0; /* ">2,000,000. In addition to ...": the bound, up to the first character not of a number */
    for (buf[k++] = *n++; k + 1 < sizeof buf && (isdigit((unsigned char)*n) || *n == ','); n++)
        buf[k++] = *n;
    buf[k] = '\0';
    if (k < 2 || !cn_i_usgs_value(buf, &r) || r.kind != CN_I_USGS_GT)
        return NAN;
    *min = 1;
    return r.x;
}

/* the reserves of row i summed over its duplicates (numbers and bounds; a bound makes the sum one: *min),
 * NAN when none is a figure */
static double combined_reserves(const wfile *f, int s, int i, int *min)
{
    double sum = NAN;
    *min = 0;
    for (int j = i; j < f->nrows; j++) {
        if (f->rows[j].series != s || f->rows[j].who != f->rows[i].who)
            continue;
        int m;
        double x = row_reserves(&f->rows[j], &m);
        if (!isnan(x)) {
            sum = isnan(sum) ? x : sum + x;
            *min |= m;
        }
    }
    return sum;
}

static cn_status add_edges(cn_i_usgs_ctx *c, wfile *f, int s, int32_t mineral, int32_t src)
{
    const series *sr = &f->sr[s];
    int latest = 0;
    for (int k = 1; k < f->nprod; k++)
        if (f->prod[k].year > f->prod[latest].year)
            latest = k;
    /* a country printed twice in one series: summed, one warning per country (at its second row) */
    for (int i = 0; i < f->nrows; i++) {
        const wrow *w = &f->rows[i];
        if (w->series != s || w->who == CN_WORLD)
            continue;
        int j = first_row(f, s, i), between = 0;
        for (int q = j + 1; q < i && j != i; q++)
            between |= f->rows[q].series == s && f->rows[q].who == w->who;
        if (j != i && !between)
            cn_i_usgs_warn(c, "%s:%ld: '%s' has a second row for '%s' (first at line %ld); figures summed", f->path,
                           w->line, cn_i_usgs_trim(w->country), sr->type[0] ? sr->type : "the table",
                           f->rows[j].line);
    }
    for (int k = 0; k < f->nprod; k++) {
        const prodcol *pc = &f->prod[k];
        double scale = pc->unit->factor / f->unit->factor;
        double world = NAN;
        if (sr->world_row >= 0) {
            cn_i_usgs_val v;
            if (cn_i_usgs_value(f->rows[sr->world_row].cells[k], &v) && v.kind == CN_I_USGS_NUM && v.x > 0)
                world = v.x * scale;
        }
        for (int i = 0; i < f->nrows; i++) {
            const wrow *w = &f->rows[i];
            if (w->series != s || first_row(f, s, i) != i)
                continue;
            cn_i_usgs_val v;
            int bad;
            if (!combined(f, s, i, k, &v, &bad) || v.kind == CN_I_USGS_E || v.kind == CN_I_USGS_GT)
                return cn_error_set(c->err, CN_EDATA,
                                    "%s:%ld: %s for %d: '%s' is not a production figure; expected a number, "
                                    "W, NA, XX or \xE2\x80\x94", f->path, f->rows[bad].line,
                                    cn_i_usgs_trim(f->rows[bad].country), pc->year,
                                    cn_i_usgs_trim(f->rows[bad].cells[k]));
            int rmin = 0;
            double r = k == latest && f->res_unit && f->res_unit->dim == f->unit->dim ? combined_reserves(f, s, i, &rmin)
                                                                                     : NAN;
            /* no production figure: no edge, unless the row has reserves (kept; production stays unknown) */
            if ((v.kind == CN_I_USGS_EMPTY || v.kind == CN_I_USGS_XX) && isnan(r))
                continue;
            cn_edge e;
            cn_edge_init(&e, CN_EDGE_PRODUCES);
            e.country = w->who;
            e.mineral = mineral;
            e.year = pc->year;
            e.unit = f->unit->name;
            e.source = src;
            e.flags = (pc->est || v.est) ? CN_F_ESTIMATED : 0;
            if (v.kind == CN_I_USGS_W)
                e.flags |= CN_F_WITHHELD;
            else if (v.kind == CN_I_USGS_NA)
                e.flags |= CN_F_NA;
            else if (v.kind == CN_I_USGS_TEXT) {
                e.flags |= CN_F_NA;
                e.text = cn_i_usgs_trim(w->cells[k]);
            } else if (v.kind == CN_I_USGS_LT) {
                e.text = "less than 1/2 unit";
            } else if (v.kind == CN_I_USGS_NUM) {
                e.quantity = v.x * scale;
                if (w->who != CN_WORLD && !isnan(world))
                    e.share = e.quantity / world;
                if (e.share > 1.0) /* a rounded world total below one country's figure: share unknown */
                    e.share = NAN;
            }
            if (!isnan(r)) {
                e.reserves = r * f->res_unit->factor / f->unit->factor;
                e.flags |= rmin ? CN_F_RESERVES_MIN : 0u;
            }
            cn_status st = cn_net_add_edge(c->net, &e, NULL, c->err);
            if (st)
                return st;
        }
    }
    return CN_OK;
}

cn_status cn_i_usgs_read_world(cn_i_usgs_ctx *c, const char *path, const char *code)
{
    wfile f;
    memset(&f, 0, sizeof f);
    f.path = path;
    cn_csv *csv = NULL;
    cn_status st = cn_csv_open(path, ',', &csv, c->err);
    if (st)
        return st;
    cn_csv_row row;
    cn_csv_step rc = cn_csv_next(csv, &row, c->err);
    if (rc != CN_CSV_STEP_ROW) {
        cn_csv_close(csv);
        return rc == CN_CSV_STEP_ERROR ? c->err->status
                                  : cn_error_set(c->err, CN_EDATA, "%s:1: empty file; expected a header", path);
    }
    st = header(c, &f, &row);
    if (!st && f.nprod == 0) {
        cn_i_usgs_warn(c, "%s:1: no production columns (Prod_<unit>_<year>); capacity-only table skipped", path);
        cn_csv_close(csv);
        return CN_OK;
    }
    if (!st)
        st = read_rows(c, &f, csv);
    cn_csv_close(csv);
    if (!st)
        st = group(c, &f);
    int32_t src = -1;
    if (!st)
        st = cn_i_usgs_source(c, path, &src);
    /* the headline series takes the code's id: the first mine series, else the first */
    int head = -1;
    for (int s = 0; !st && s < f.ns; s++)
        if (f.sr[s].countries && (head < 0 || (!strcmp(stage_class(f.sr[s].key), "mine") &&
                                               strcmp(stage_class(f.sr[head].key), "mine"))))
            head = s;
    const char *base = cn_i_usgs_code_id(code, c->edition);
    char mineral[96];
    snprintf(mineral, sizeof mineral, "%s", base ? base : code);
    char *colon = strchr(mineral, ':');
    if (colon)
        *colon = '\0';
    /* ids: a series datasets/forms.csv names ("plati/platinum" -> pgm:platinum), else the headline the code's
     * id, else <mineral>:<stage words>. A series with only a world total is a sum of others and not kept,
     * unless the table names it (timin's ilmenite + rutile total is titanium:concentrates). */
    const cn_i_form *named[MAXS] = {0};
    for (int s = 0; !st && s < f.ns; s++)
        named[s] = cn_i_form_world(code, f.sr[s].key, c->edition);
    for (int s = 0; !st && s < f.ns; s++) {
        if (!f.sr[s].countries && !named[s])
            continue; /* a world total with no country rows (e.g. soda ash, synthetic): a sum of others */
        char id[200], stage[96];
        stage[0] = '\0';
        if (named[s]) {
            snprintf(id, sizeof id, "%s", named[s]->id);
        } else if (s == head && !(base && series_named(named, f.ns, base))) {
            snprintf(id, sizeof id, "%s", base ? base : code);
        } else {
            stage_of(f.sr, f.ns, s, stage, sizeof stage);
            snprintf(id, sizeof id, "%s:%s", mineral, stage);
        }
        const char *type = f.sr[s].type[0] ? f.sr[s].type
                           : f.sr[s].world_row >= 0 ? cn_i_usgs_trim(f.rows[f.sr[s].world_row].type) : "";
        int32_t m;
        st = cn_i_usgs_mineral(c, id, *type ? type : id, *stage ? stage : NULL, &m);
        /* the Type as printed says what the figures measure ("Mine production, contained cobalt") */
        if (!st && *type && !c->net->vertices[m].note)
            st = cn_vertex_set(c->net, m, "note", type, c->err);
        if (!st)
            st = add_edges(c, &f, s, m, src);
    }
    wfile_free(&f);
    return st;
}
