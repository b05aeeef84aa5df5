/* io/import/usgs/chapters.c: cn_import_usgs_chapters(): MCS chapter tables (commodities.csv, import_sources.csv,
 * nir.csv, world_production.csv) -> the U.S. view with import shares by form (docs/usgs.md "MCS chapter tables"). */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "critnet/graph.h"
#include "critnet/io.h"
#include "import/usgs/chapters_i.h"

/* ---- the CSV helper ---- */

cn_status cn_i_ch_open(cn_i_ch_ctx *c, const char *name, const char *const cols[], cn_i_ch_table *t)
{
    memset(t, 0, sizeof *t);
    size_t len = strlen(c->dir) + strlen(name) + 2;
    t->path = malloc(len);
    if (!t->path)
        return cn_error_set(c->u.err, CN_ENOMEM, "out of memory");
    snprintf(t->path, len, "%s/%s", c->dir, name);
    /* every file must be UTF-8 (a Latin-1 export is refused with its line and column) */
    char *data;
    size_t n;
    cn_status st = cn_read_file(t->path, CN_MAX_WHOLE_FILE, &data, &n, c->u.err);
    if (!st) {
        st = cn_utf8_check(data, n, t->path, c->u.err);
        free(data);
    }
    if (!st)
        st = cn_csv_open(t->path, ',', &t->csv, c->u.err);
    if (st) {
        cn_i_ch_close(t);
        return st;
    }
    cn_csv_step s = cn_csv_next(t->csv, &t->row, c->u.err);
    if (s != CN_CSV_STEP_ROW) {
        cn_status e = s == CN_CSV_STEP_EOF ? cn_error_set(c->u.err, CN_EDATA, "%s: empty file; expected a header",
                                                          t->path)
                                           : c->u.err->status;
        cn_i_ch_close(t);
        return e;
    }
    for (int i = 0; cols[i]; i++) {
        int opt = cols[i][0] == '?';
        const char *want = cols[i] + opt;
        t->col[i] = -1;
        for (size_t k = 0; k < t->row.n; k++)
            if (strcmp(cn_i_usgs_trim(t->row.field[k]), want) == 0)
                t->col[i] = (int)k;
        if (t->col[i] < 0 && !opt) {
            st = cn_error_set(c->u.err, CN_EDATA, "%s:%ld: no column '%s' in the header; expected the columns of "
                              "the MCS chapter tables (docs/usgs.md)", t->path, t->row.line, want);
            cn_i_ch_close(t);
            return st;
        }
    }
    return CN_OK;
}

int cn_i_ch_next(cn_i_ch_ctx *c, cn_i_ch_table *t)
{
    for (;;) {
        cn_csv_step s = cn_csv_next(t->csv, &t->row, c->u.err);
        if (s != CN_CSV_STEP_ROW)
            return s == CN_CSV_STEP_EOF ? 0 : -1;
        if (!cn_i_usgs_row_empty(&t->row))
            return 1;
    }
}

const char *cn_i_ch_cell(cn_i_ch_table *t, int i)
{
    int k = t->col[i];
    if (k < 0 || (size_t)k >= t->row.n)
        return "";
    return cn_i_usgs_trim(t->row.field[k]);
}

void cn_i_ch_close(cn_i_ch_table *t)
{
    if (t->csv)
        cn_csv_close(t->csv);
    free(t->path);
    memset(t, 0, sizeof *t);
}

/* ---- chapters, minerals, notes ---- */

cn_i_ch_chapter *cn_i_ch_find(cn_i_ch_ctx *c, const char *slug)
{
    for (size_t i = 0; i < c->nch; i++)
        if (strcmp(c->ch[i].slug, slug) == 0)
            return &c->ch[i];
    return NULL;
}

cn_status cn_i_ch_mineral(cn_i_ch_ctx *c, const cn_i_ch_chapter *ch, const char *id, int32_t *out)
{
    /* an id of datasets/forms.csv takes its name and stage from there (cn_i_usgs_mineral) */
    const char *colon = strchr(id, ':');
    return cn_i_usgs_mineral(&c->u, id, ch ? ch->name : id, colon ? colon + 1 : NULL, out);
}

cn_status cn_i_ch_note(cn_i_ch_ctx *c, int32_t mineral, const char *fmt, ...)
{
    char add[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(add, sizeof add, fmt, ap);
    va_end(ap);
    const char *old = c->u.net->vertices[mineral].note;
    if (old && strstr(old, add))
        return CN_OK;
    size_t len = (old ? strlen(old) + 2 : 0) + strlen(add) + 2;
    char *s = malloc(len);
    if (!s)
        return cn_error_set(c->u.err, CN_ENOMEM, "out of memory");
    snprintf(s, len, "%s%s%s.", old ? old : "", old ? " " : "", add);
    cn_status st = cn_vertex_set(c->u.net, mineral, "note", s, c->u.err);
    free(s);
    return st;
}

/* "(Data in thousand metric tons, ...)" -> "kt"; NULL when the note names no unit */
static const char *unit_of(const char *note)
{
    static const char *const u[][2] = {
        {"data in thousand metric tons", "kt"}, {"data in million metric tons", "Mt"},
        {"data in metric tons", "t"},           {"data in kilograms", "kg"},
        {"data in million carats", "Mct"},
    };
    for (const char *p = note; *p; p++)
        for (size_t i = 0; i < sizeof u / sizeof u[0]; i++)
            if (cn_i_usgs_starts(p, u[i][0]))
                return u[i][1];
    return NULL;
}

/* "2021-2024" -> "2021-24": one period spelling for every chapter */
static void period_of(const char *s, char *buf, size_t cap)
{
    if (strlen(s) == 9 && s[4] == '-' && isdigit((unsigned char)s[5]) && strncmp(s, s + 5, 2) == 0)
        snprintf(buf, cap, "%.5s%s", s, s + 7);
    else
        snprintf(buf, cap, "%s", s);
}

static cn_status read_commodities(cn_i_ch_ctx *c)
{
    static const char *const cols[] = {"slug", "name", "source_url", "edition", "import_sources_range", "year_prev",
                                       "year_latest", "units_note", "n_salient_rows", "n_import_groups",
                                       "n_world_rows", NULL};
    cn_i_ch_table t;
    cn_status st = cn_i_ch_open(c, "commodities.csv", cols, &t);
    if (st)
        return st;
    int r;
    size_t cap = 0;
    while (!st && (r = cn_i_ch_next(c, &t)) > 0) {
        if (c->nch == cap) {
            cap = cap ? cap * 2 : 64;
            cn_i_ch_chapter *p = realloc(c->ch, cap * sizeof *p);
            if (!p) {
                st = cn_error_set(c->u.err, CN_ENOMEM, "out of memory");
                break;
            }
            c->ch = p;
        }
        cn_i_ch_chapter *ch = &c->ch[c->nch];
        memset(ch, 0, sizeof *ch);
        char period[32];
        period_of(cn_i_ch_cell(&t, 4), period, sizeof period);
        ch->slug = cn_strdup(cn_i_ch_cell(&t, 0));
        ch->name = cn_strdup(cn_i_ch_cell(&t, 1));
        ch->url = cn_strdup(cn_i_ch_cell(&t, 2));
        ch->period = cn_strdup(period);
        ch->units = cn_strdup(cn_i_ch_cell(&t, 7));
        c->nch++;
        if (!ch->slug || !ch->name || !ch->url || !ch->period || !ch->units) {
            st = cn_error_set(c->u.err, CN_ENOMEM, "out of memory");
            break;
        }
        if (!*ch->slug) {
            st = cn_error_set(c->u.err, CN_EDATA, "%s:%ld: empty slug; expected a chapter name", t.path,
                              t.row.line);
            break;
        }
        const char *ed = cn_i_ch_cell(&t, 3);
        if (!c->u.edition && cn_i_usgs_starts(ed, "MCS "))
            c->u.edition = atoi(ed + 4);
        ch->year_prev = atoi(cn_i_ch_cell(&t, 5));
        ch->year_latest = atoi(cn_i_ch_cell(&t, 6));
        ch->unit = unit_of(ch->units);
        ch->empty = atoi(cn_i_ch_cell(&t, 8)) == 0 && atoi(cn_i_ch_cell(&t, 9)) == 0 &&
                    atoi(cn_i_ch_cell(&t, 10)) == 0;
        char id[96], title[256], edition[32];
        snprintf(id, sizeof id, "mcs%d-%s", c->u.edition, ch->slug);
        snprintf(title, sizeof title, "USGS Mineral Commodity Summaries %d: %s", c->u.edition, ch->name);
        snprintf(edition, sizeof edition, "MCS %d", c->u.edition);
        st = cn_net_add_source(c->u.net, id, title, edition, *ch->url ? ch->url : NULL, &ch->source, c->u.err);
    }
    if (!st && r < 0)
        st = c->u.err->status;
    if (!st && c->nch == 0)
        st = cn_error_set(c->u.err, CN_EDATA, "%s: no chapters; expected one row per commodity", t.path);
    cn_i_ch_close(&t);
    return st;
}

/* ---- import sources ---- */

typedef struct {
    int32_t mineral;
    char basis[256];
    int headline;
    double sum;        /* printed percentages */
    int32_t first, last; /* edges */
    int32_t other;     /* the residual's edge, or -1 */
} igroup;

static cn_status close_group(cn_i_ch_ctx *c, const cn_i_ch_chapter *ch, igroup *g, const char *path)
{
    if (g->mineral < 0)
        return CN_OK;
    cn_net *net = c->u.net;
    const char *what = *g->basis ? g->basis : "(one list)";
    if (g->sum > 100.0 + 1e-9) {
        /* printed percentages rounded to units: a residual that pushes the sum above 100% loses its share
         * (the text keeps the printed figure), the named countries keep theirs */
        if (g->other < 0)
            return cn_error_set(c->u.err, CN_EDATA, "%s: %s, %s: import shares sum to %g%% without a residual; "
                                "expected at most 100", path, ch->slug, what, g->sum);
        net->edges[g->other].share = NAN;
        cn_i_usgs_warn(&c->u, "%s: %s, %s: import shares sum to %g%% (rounding): the residual's share is "
                       "left unknown", path, ch->slug, what, g->sum);
        return cn_i_ch_note(c, g->mineral, "MCS 2026 import shares '%s' sum to %g%% (rounded figures): the "
                            "residual 'other' share is left unknown", what, g->sum);
    }
    if (g->sum < 98.0 - 1e-9) {
        cn_i_usgs_warn(&c->u, "%s: %s, %s: import shares sum to %g%%: the missing %g%% stays unknown", path,
                       ch->slug, what, g->sum, 100.0 - g->sum);
        return cn_i_ch_note(c, g->mineral, "MCS 2026 import shares '%s' sum to %g%%: the missing %g%% is "
                            "unknown (not spread over the countries named)", what, g->sum, 100.0 - g->sum);
    }
    return CN_OK;
}

/* "Chile and Turkey": two countries in one entry */
static int merged_entry(const char *s)
{
    const char *and = strstr(s, " and ");
    if (!and)
        return 0;
    char a[128];
    snprintf(a, sizeof a, "%.*s", (int)(and - s), s);
    return cn_country_iso3(a) && cn_country_iso3(and + 5);
}

static cn_status read_imports(cn_i_ch_ctx *c)
{
    static const char *const cols[] = {"slug", "category", "seq", "country", "share_pct", "period", NULL};
    cn_i_ch_table t;
    cn_status st = cn_i_ch_open(c, "import_sources.csv", cols, &t);
    if (st)
        return st;
    igroup g = {.mineral = -1, .other = -1};
    char gslug[96] = "", gcat[256] = "";
    const cn_i_ch_chapter *gch = NULL;
    int r;
    while (!st && (r = cn_i_ch_next(c, &t)) > 0) {
        const char *slug = cn_i_ch_cell(&t, 0), *cat = cn_i_ch_cell(&t, 1), *who = cn_i_ch_cell(&t, 3);
        const cn_i_ch_chapter *ch = cn_i_ch_find(c, slug);
        if (!ch) {
            st = cn_error_set(c->u.err, CN_EDATA, "%s:%ld: chapter '%s' is not in commodities.csv", t.path,
                              t.row.line, slug);
            break;
        }
        if (strcmp(slug, gslug) != 0 || strcmp(cat, gcat) != 0) {
            if ((st = close_group(c, gch, &g, t.path)))
                break;
            snprintf(gslug, sizeof gslug, "%s", slug);
            snprintf(gcat, sizeof gcat, "%s", cat);
            gch = ch;
            cn_i_ch_form f;
            char cid[96];
            cn_i_ch_form_of(slug, 'I', cat, 0, &f);
            const char *id = f.id ? f.id : cn_i_ch_chapter_id(slug, cid, sizeof cid);
            memset(&g, 0, sizeof g);
            g.other = -1;
            snprintf(g.basis, sizeof g.basis, "%s", f.basis ? f.basis : cat);
            g.headline = f.headline;
            if ((st = cn_i_ch_mineral(c, ch, id, &g.mineral)))
                break;
            g.first = c->u.net->nedges;
        }
        cn_i_usgs_val v;
        const char *pct = cn_i_ch_cell(&t, 4);
        if (!cn_i_usgs_value(pct, &v) || v.kind != CN_I_USGS_NUM || v.x > 100) {
            st = cn_error_set(c->u.err, CN_EDATA, "%s:%ld: share_pct '%s'; expected a percentage 0-100", t.path,
                              t.row.line, pct);
            break;
        }
        int32_t country;
        if (strcmp(who, "other") == 0 || strcmp(who, "others") == 0) {
            country = CN_OTHER;
        } else if (merged_entry(who)) {
            /* the share of two countries together cannot be split: unknown for each, and said so */
            cn_i_usgs_warn(&c->u, "%s:%ld: '%s' %g%% is one entry for two countries: not assigned", t.path,
                           t.row.line, who, v.x);
            g.sum += v.x;
            if ((st = cn_i_ch_note(c, g.mineral, "MCS 2026 import list entry '%s' %g%% is not assigned to either "
                                   "country", who, v.x)))
                break;
            continue;
        } else if ((st = cn_i_usgs_country(&c->u, who, t.path, t.row.line, &country))) {
            break;
        }
        char period[32];
        period_of(*cn_i_ch_cell(&t, 5) ? cn_i_ch_cell(&t, 5) : ch->period, period, sizeof period);
        cn_edge e;
        cn_edge_init(&e, CN_EDGE_SUPPLIES);
        e.country = country;
        e.mineral = g.mineral;
        e.consumer = c->u.usa;
        e.share = v.x / 100.0;
        e.period = period;
        e.basis = *g.basis ? g.basis : NULL;
        e.source = ch->source;
        e.flags = g.headline ? CN_F_PRIMARY : 0;
        if (country == CN_OTHER) {
            g.other = c->u.net->nedges;
            e.text = pct;
        }
        g.sum += v.x;
        st = cn_net_add_edge(c->u.net, &e, NULL, c->u.err);
    }
    if (!st && r < 0)
        st = c->u.err->status;
    if (!st)
        st = close_group(c, gch, &g, t.path);
    cn_i_ch_close(&t);
    return st;
}

/* ---- net import reliance ---- */

static cn_status read_nir(cn_i_ch_ctx *c)
{
    static const char *const cols[] = {"slug", "row_index", "label", "year", "raw", NULL};
    cn_i_ch_table t;
    cn_status st = cn_i_ch_open(c, "nir.csv", cols, &t);
    if (st)
        return st;
    int r;
    while (!st && (r = cn_i_ch_next(c, &t)) > 0) {
        const char *slug = cn_i_ch_cell(&t, 0), *label = cn_i_ch_cell(&t, 2), *year = cn_i_ch_cell(&t, 3);
        const char *raw = cn_i_ch_cell(&t, 4);
        const cn_i_ch_chapter *ch = cn_i_ch_find(c, slug);
        if (!ch) {
            st = cn_error_set(c->u.err, CN_EDATA, "%s:%ld: chapter '%s' is not in commodities.csv", t.path,
                              t.row.line, slug);
            break;
        }
        long row = atol(cn_i_ch_cell(&t, 1));
        int y = atoi(year);
        if (y < 1900 || y > 2100) {
            st = cn_error_set(c->u.err, CN_EDATA, "%s:%ld: year '%s'; expected a year such as 2024 or 2025e",
                              t.path, t.row.line, year);
            break;
        }
        cn_i_ch_form f;
        char cid[96];
        cn_i_ch_form_of(slug, 'N', label, row, &f);
        const char *id = f.id ? f.id : cn_i_ch_chapter_id(slug, cid, sizeof cid);
        /* the basis: a form's label ("Refined zinc"), or what follows "consumption, " in the generic label */
        const char *basis = f.basis ? f.basis : label;
        if (!f.basis && cn_i_usgs_contains(label, "net import reliance")) {
            const char *p = strstr(label, "consumption, ");
            basis = p ? p + 13 : "";
        }
        int32_t m;
        if ((st = cn_i_ch_mineral(c, ch, id, &m)))
            break;
        cn_i_usgs_val v;
        if (!cn_i_usgs_value(raw, &v) || v.kind == CN_I_USGS_TEXT || v.kind == CN_I_USGS_XX ||
            ((v.kind == CN_I_USGS_NUM || v.kind == CN_I_USGS_LT || v.kind == CN_I_USGS_GT) && v.x > 100)) {
            st = cn_error_set(c->u.err, CN_EDATA, "%s:%ld: net import reliance '%s'; expected 0-100, >N, <N, E, "
                              "NA or W", t.path, t.row.line, raw);
            break;
        }
        if (v.kind == CN_I_USGS_EMPTY)
            continue;
        cn_edge e;
        cn_edge_init(&e, CN_EDGE_RELIES);
        e.country = c->u.usa;
        e.consumer = c->u.usa;
        e.mineral = m;
        e.year = y;
        e.text = raw;
        e.basis = *basis ? basis : NULL;
        e.source = ch->source;
        if (strchr(year, 'e'))
            e.flags |= CN_F_ESTIMATED;
        /* the headline row's latest year (2025e) is the figure every command cites */
        if (f.headline && y == (ch->year_latest ? ch->year_latest : c->u.edition - 1))
            e.flags |= CN_F_PRIMARY;
        switch (v.kind) {
        case CN_I_USGS_NUM: e.share = v.x / 100.0; break;
        case CN_I_USGS_GT: e.lo = v.x / 100.0; e.hi = 1.0; break;
        case CN_I_USGS_LT: e.lo = 0.0; e.hi = v.x / 100.0; break;
        case CN_I_USGS_E: e.flags |= CN_F_NET_EXPORTER; break;
        case CN_I_USGS_NA: e.flags |= CN_F_NA; break;
        case CN_I_USGS_W: e.flags |= CN_F_WITHHELD; break;
        }
        st = cn_net_add_edge(c->u.net, &e, NULL, c->u.err);
    }
    if (!st && r < 0)
        st = c->u.err->status;
    cn_i_ch_close(&t);
    return st;
}

/* ---- headlines ---- */

static int same_basis(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* A mineral whose supplies (or relies) edges form one group (one basis) and that no rule made primary has
 * that group as its headline: flagged primary (relies: its latest year). Several groups without a headline
 * rule: reported, and the headline rule of data order applies. O(V + E). */
static cn_status single_groups(cn_i_ch_ctx *c, cn_edge_kind kind)
{
    cn_net *net = c->u.net;
    typedef struct {
        const char *basis;
        int32_t n, latest;
        int multi, primary;
    } mstate;
    mstate *m = calloc((size_t)net->nvertices + 1, sizeof *m);
    if (!m)
        return cn_error_set(c->u.err, CN_ENOMEM, "out of memory");
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (e->kind != kind)
            continue;
        mstate *s = &m[e->mineral];
        if (s->n++ == 0)
            s->basis = e->basis;
        else if (!same_basis(s->basis, e->basis))
            s->multi = 1;
        s->primary |= (e->flags & CN_F_PRIMARY) != 0;
        if (s->n == 1 || e->year > net->edges[s->latest].year)
            s->latest = i;
    }
    for (int32_t i = 0; i < net->nedges; i++) {
        cn_edge *e = &net->edges[i];
        mstate *s = &m[e->mineral];
        if (e->kind != kind || s->primary || s->multi)
            continue;
        if (kind == CN_EDGE_SUPPLIES || i == s->latest)
            e->flags |= CN_F_PRIMARY;
    }
    for (int32_t v = 0; v < net->nvertices; v++)
        if (m[v].multi && !m[v].primary)
            cn_i_usgs_warn(&c->u, "%s: %s: %s figures of several forms and no headline among them: the first "
                           "in data order is cited", c->dir, net->vertices[v].id, cn_edge_kind_name(kind));
    free(m);
    return CN_OK;
}

/* ---- notes and lists ---- */

static cn_status chapter_notes(cn_i_ch_ctx *c)
{
    cn_status st = CN_OK;
    for (size_t i = 0; !st && i < c->nch; i++) {
        cn_i_ch_chapter *ch = &c->ch[i];
        char cid[96];
        int32_t m;
        if ((st = cn_i_ch_mineral(c, ch, cn_i_ch_chapter_id(ch->slug, cid, sizeof cid), &m)))
            break;
        const char *f;
        for (int k = 0; !st && (f = cn_i_ch_fault(ch->slug, k)); k++)
            st = cn_i_ch_note(c, m, "%s", f);
        if (!st && cn_i_ch_hong_kong(ch->slug))
            st = cn_i_ch_note(c, m, "MCS 2026: the chapter footnotes a country as 'Includes Hong Kong.' without "
                              "the record saying which: China is kept as CHN and may include Hong Kong");
        if (!st && ch->empty)
            cn_i_usgs_warn(&c->u, "%s/commodities.csv: %s: the record holds no tables: no figures", c->dir,
                           ch->slug);
    }
    return st;
}

/* the 2018 list of 35 (83 FR 23295) and the 2022 list of 50 (87 FR 10381): datasets/forms.csv's kinds list2018
 * and list2022 (the 2022 list's lanthanides are the rare_earths group, as MCS reports them); an id without an
 * MCS 2026 chapter gets a vertex without figures */
static cn_status tag_lists(cn_i_ch_ctx *c)
{
    cn_status st = CN_OK;
    for (int l = 0; l < 2 && !st; l++) {
        const cn_i_form *forms[64];
        const char *labels[64];
        unsigned list = l ? CN_LIST_2022 : CN_LIST_2018;
        size_t n = cn_i_form_list(list, forms, labels, 64);
        if (n == 0 || n > 64)
            return cn_error_set(c->u.err, CN_EINTERNAL, "datasets/forms.csv: %zu names on the %d list", n,
                                l ? 2022 : 2018);
        for (size_t i = 0; !st && i < n; i++) {
            const char *id = forms[i]->id;
            int32_t m = cn_net_find(c->u.net, id);
            if (m < 0) {
                if ((st = cn_i_ch_mineral(c, NULL, id, &m)))
                    break;
                const char *why = "MCS 2026 reference data: no chapter table for it; no figures";
                if ((st = cn_i_ch_note(c, m, "%s", why)))
                    break;
            }
            if (c->u.net->vertices[m].type != CN_VERTEX_MINERAL) {
                st = cn_error_set(c->u.err, CN_EDATA, "list id '%s' is a country", id);
                break;
            }
            c->u.net->vertices[m].lists |= list;
        }
    }
    return st;
}

cn_status cn_import_usgs_chapters_opts(const char *dir, const cn_usgs_opts *opts, cn_warn_fn warn, void *ctx,
                                       cn_net **out, cn_error *err)
{
    *out = NULL;
    struct stat sb;
    if (stat(dir, &sb) != 0)
        return cn_error_set(err, CN_ENOINPUT, "%s: %s", dir, strerror(errno));
    if (!S_ISDIR(sb.st_mode))
        return cn_error_set(err, CN_ENOINPUT, "%s: not a folder; expected a folder of MCS chapter tables", dir);
    cn_i_ch_ctx c = {.u = {.err = err, .warn = warn, .warn_ctx = ctx, .strict = opts ? opts->strict : 0}, .dir = dir};
    c.u.net = cn_net_new();
    cn_status st = c.u.net ? CN_OK : cn_error_set(err, CN_ENOMEM, "out of memory");
    if (!st)
        st = read_commodities(&c);
    if (!st) {
        char name[32], title[200];
        snprintf(name, sizeof name, "us-mcs%d", c.u.edition);
        snprintf(title, sizeof title, "U.S. view of USGS Mineral Commodity Summaries %d chapters: import shares by "
                 "form, net import reliance, world production and reserves", c.u.edition);
        st = cn_net_set_meta(c.u.net, name, title,
                             "Imported from the MCS chapter tables by critnet import --from usgs-chapters "
                             "(docs/usgs.md). Import shares by form with a headline group per mineral; "
                             "incomplete share lists stay incomplete.",
                             err);
    }
    if (!st)
        st = cn_i_usgs_country(&c.u, "United States", dir, 0, &c.u.usa);
    if (!st)
        st = read_imports(&c);
    if (!st)
        st = read_nir(&c);
    if (!st)
        st = single_groups(&c, CN_EDGE_SUPPLIES);
    if (!st)
        st = single_groups(&c, CN_EDGE_RELIES);
    if (!st)
        st = cn_i_ch_read_world(&c);
    if (!st)
        st = chapter_notes(&c);
    if (!st)
        st = tag_lists(&c);
    if (!st)
        st = cn_net_validate(c.u.net, dir, err);
    if (!st)
        cn_i_usgs_unknown_report(&c.u, dir);
    for (size_t i = 0; i < c.nch; i++) {
        free(c.ch[i].slug);
        free(c.ch[i].name);
        free(c.ch[i].url);
        free(c.ch[i].period);
        free(c.ch[i].units);
    }
    free(c.ch);
    if (st) {
        cn_net_free(c.u.net);
        return st;
    }
    *out = c.u.net;
    return CN_OK;
}

cn_status cn_import_usgs_chapters_ex(const char *dir, cn_warn_fn warn, void *ctx, cn_net **out, cn_error *err)
{
    return cn_import_usgs_chapters_opts(dir, NULL, warn, ctx, out, err);
}

cn_status cn_import_usgs_chapters(const char *dir, cn_net **out, cn_error *err)
{
    return cn_import_usgs_chapters_ex(dir, NULL, NULL, out, err);
}
