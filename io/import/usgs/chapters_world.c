/* io/import/usgs/chapters_world.c: world_production.csv of the MCS chapter tables -> produces edges (2024, 2025e)
 * with shares of the world total and reserves, each chapter read as chapters_forms.c says (docs/usgs.md). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "critnet/countries.h"
#include "import/usgs/chapters_i.h"

typedef struct {
    char *slug, *country, *raw[2], *reserves, *sub;
    int year[2];
    long line;
} wrow;

enum { C_SLUG, C_COUNTRY, C_YPREV, C_YLATEST, C_PREV, C_LATEST, C_RES, C_SUB };

static void free_rows(wrow *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(w[i].slug);
        free(w[i].country);
        free(w[i].raw[0]);
        free(w[i].raw[1]);
        free(w[i].reserves);
        free(w[i].sub);
    }
    free(w);
}

/* the second "Name=value" of a sub-column cell ("Pig iron=21; Raw steel=82" -> "82"), "" when none */
static void second_sub(const char *s, char *buf, size_t cap)
{
    const char *semi = strchr(s, ';');
    const char *eq = semi ? strchr(semi, '=') : NULL;
    snprintf(buf, cap, "%s", eq ? eq + 1 : "");
}

/* a number cell, NAN for anything else */
static double number(const char *cell)
{
    cn_i_usgs_val v;
    return cn_i_usgs_value(cell, &v) && v.kind == CN_I_USGS_NUM ? v.x : NAN;
}

typedef struct {
    cn_i_ch_ctx *c;
    const cn_i_ch_chapter *ch;
    const char *path;
    const char *unit;
} wjob;

/* one produces edge of a country (or the world total) for a mineral and year from a printed cell; rflags:
 * CN_F_RESERVES_MIN when reserves is a printed lower bound (">21,000,000") */
static cn_status add(wjob *j, const wrow *w, int32_t who, int32_t mineral, int year, int latest, const char *cell,
                     double world, double reserves, unsigned rflags, const char *basis)
{
    cn_i_usgs_val v;
    if (!cn_i_usgs_value(cell, &v)) {
        cn_i_usgs_warn(&j->c->u, "%s:%ld: %s, %s %d: '%s' is not a figure: production unknown", j->path, w->line,
                       j->ch->slug, w->country, year, cell);
        v.kind = CN_I_USGS_EMPTY;
    }
    if ((v.kind == CN_I_USGS_EMPTY || v.kind == CN_I_USGS_XX) && isnan(reserves))
        return CN_OK;
    cn_edge e;
    cn_edge_init(&e, CN_EDGE_PRODUCES);
    e.country = who;
    e.mineral = mineral;
    e.year = year;
    e.unit = j->unit;
    e.basis = basis;
    e.source = j->ch->source;
    e.reserves = reserves;
    e.flags |= isnan(reserves) ? 0u : rflags;
    if (latest) /* MCS prints the latest year as an estimate (2025e) */
        e.flags |= CN_F_ESTIMATED;
    switch (v.kind) {
    case CN_I_USGS_NUM:
        e.quantity = v.x;
        if (who != CN_WORLD && world > 0 && v.x <= world)
            e.share = v.x / world;
        break;
    case CN_I_USGS_W: e.flags |= CN_F_WITHHELD; break;
    case CN_I_USGS_NA: e.flags |= CN_F_NA; break;
    case CN_I_USGS_LT:
    case CN_I_USGS_GT: e.text = cell; break;
    default: break;
    }
    return cn_net_add_edge(j->c->u.net, &e, NULL, j->c->u.err);
}

static cn_status one_chapter(cn_i_ch_ctx *c, const char *path, wrow *rows, size_t n)
{
    const cn_i_ch_chapter *ch = cn_i_ch_find(c, rows[0].slug);
    if (!ch)
        return cn_error_set(c->u.err, CN_EDATA, "%s:%ld: chapter '%s' is not in commodities.csv", path, rows[0].line,
                            rows[0].slug);
    char cid[96];
    cn_i_ch_world r;
    cn_i_ch_world_of(ch->slug, cn_i_ch_chapter_id(ch->slug, cid, sizeof cid), &r);
    int32_t own;
    cn_status st = cn_i_ch_mineral(c, ch, cid, &own);
    if (st)
        return st;
    if (r.why) {
        cn_i_usgs_warn(&c->u, "%s:%ld: %s: %s", path, rows[0].line, ch->slug, r.why);
        if ((st = cn_i_ch_note(c, own, "MCS 2026: %s", r.why)))
            return st;
    }
    if (!r.prod_id)
        return CN_OK;
    int32_t prod, sub = -1, res = -1;
    if ((st = cn_i_ch_mineral(c, ch, r.prod_id, &prod)) ||
        (r.sub_id && (st = cn_i_ch_mineral(c, ch, r.sub_id, &sub))) ||
        (r.reserves_id && (st = cn_i_ch_mineral(c, ch, r.reserves_id, &res))))
        return st;
    wjob j = {c, ch, path, r.unit_unknown ? NULL : ch->unit};
    if (!j.unit && !r.unit_unknown) {
        cn_i_usgs_warn(&c->u, "%s:%ld: %s: the units note names no unit: quantities without a unit", path,
                       rows[0].line, ch->slug);
        if ((st = cn_i_ch_note(c, prod, "MCS 2026: the record's units note names no unit: world quantities "
                               "without a unit")))
            return st;
    }
    /* years: the row's, else the chapter's, else the layout of every MCS world table (edition-2, edition-1) */
    int years[2];
    for (int k = 0; k < 2; k++) {
        years[k] = rows[0].year[k] ? rows[0].year[k] : k ? ch->year_latest : ch->year_prev;
        if (!years[k])
            years[k] = c->u.edition - 2 + k;
    }
    if (!rows[0].year[0] || !rows[0].year[1])
        cn_i_usgs_warn(&c->u, "%s:%ld: %s: no year columns; read as %d and %de (the MCS %d world-table layout)",
                       path, rows[0].line, ch->slug, years[0], years[1], c->u.edition);
    /* the world totals: prev, latest and the latest second sub-column */
    double world[3] = {NAN, NAN, NAN};
    for (size_t i = 0; i < n; i++)
        if (cn_i_usgs_starts(rows[i].country, "world total")) {
            char s2[64];
            second_sub(rows[i].sub, s2, sizeof s2);
            world[0] = number(rows[i].raw[0]);
            world[1] = number(rows[i].raw[1]);
            world[2] = number(s2);
        }
    int bad_reserves = 0;
    for (size_t i = 0; i < n && !st; i++) {
        wrow *w = &rows[i];
        int32_t who;
        const char *basis = NULL;
        if ((st = cn_i_usgs_country(&c->u, w->country, path, w->line, &who)))
            break;
        /* boron: the country cell carries the product form ("Chile, ulexite"): kept as the basis */
        const char *comma = strchr(w->country, ',');
        if (who >= 0 && comma && !cn_country_iso3(w->country))
            basis = comma + 2 <= w->country + strlen(w->country) ? comma + 2 : NULL;
        cn_i_usgs_val rv;
        double reserves = NAN;
        unsigned rflags = 0; /* a world total printed as a bound (niobium ">21,000,000") is kept as one */
        if (cn_i_usgs_value(w->reserves, &rv)) {
            if (rv.kind == CN_I_USGS_NUM || rv.kind == CN_I_USGS_GT)
                reserves = rv.x;
            if (rv.kind == CN_I_USGS_GT)
                rflags = CN_F_RESERVES_MIN;
        } else if (strcmp(w->reserves, "( )") != 0 && strcmp(w->reserves, "Small") != 0 &&
                   strcmp(w->reserves, "Large") != 0) {
            bad_reserves++; /* "( )": included in the world total; "Small", "Large": printed words */
        }
        double res_here = r.reserves_id && res == prod ? reserves : NAN;
        for (int k = 0; k < 2 && !st; k++)
            st = add(&j, w, who, prod, years[k], k, w->raw[k], world[k], k ? res_here : NAN, rflags, basis);
        if (!st && sub >= 0) {
            char s2[64];
            second_sub(w->sub, s2, sizeof s2);
            st = add(&j, w, who, sub, years[1], 1, s2, world[2], NAN, 0, basis);
        }
        if (!st && res >= 0 && res != prod && !isnan(reserves))
            st = add(&j, w, who, res, years[1], 1, "", NAN, reserves, rflags, basis);
    }
    if (!st && bad_reserves)
        cn_i_usgs_warn(&c->u, "%s: %s: %d reserves cells are not figures: reserves unknown there",
                       path, ch->slug, bad_reserves);
    return st;
}

cn_status cn_i_ch_read_world(cn_i_ch_ctx *c)
{
    static const char *const cols[] = {"slug", "country", "year_prev", "year_latest", "year_prev_raw",
                                       "year_latest_raw", "reserves_raw", "?sub_columns_latest", NULL};
    cn_i_ch_table t;
    cn_status st = cn_i_ch_open(c, "world_production.csv", cols, &t);
    if (st)
        return st;
    wrow *rows = NULL;
    size_t n = 0, cap = 0;
    int r;
    while (!st && (r = cn_i_ch_next(c, &t)) > 0) {
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            wrow *p = realloc(rows, cap * sizeof *p);
            if (!p) {
                st = cn_error_set(c->u.err, CN_ENOMEM, "out of memory");
                break;
            }
            rows = p;
        }
        wrow *w = &rows[n++];
        memset(w, 0, sizeof *w);
        w->line = t.row.line;
        w->slug = cn_strdup(cn_i_ch_cell(&t, C_SLUG));
        w->country = cn_strdup(cn_i_ch_cell(&t, C_COUNTRY));
        w->raw[0] = cn_strdup(cn_i_ch_cell(&t, C_PREV));
        w->raw[1] = cn_strdup(cn_i_ch_cell(&t, C_LATEST));
        w->reserves = cn_strdup(cn_i_ch_cell(&t, C_RES));
        w->sub = cn_strdup(cn_i_ch_cell(&t, C_SUB));
        w->year[0] = atoi(cn_i_ch_cell(&t, C_YPREV));
        w->year[1] = atoi(cn_i_ch_cell(&t, C_YLATEST));
        if (!w->slug || !w->country || !w->raw[0] || !w->raw[1] || !w->reserves || !w->sub)
            st = cn_error_set(c->u.err, CN_ENOMEM, "out of memory");
        for (int k = 0; k < 2 && !st; k++)
            if (w->year[k] && (w->year[k] < 1900 || w->year[k] > 2100))
                st = cn_error_set(c->u.err, CN_EDATA, "%s:%ld: year %d; expected a year such as 2024", t.path,
                                  w->line, w->year[k]);
    }
    if (!st && r < 0)
        st = c->u.err->status;
    /* one chapter at a time (the rows of a chapter are together) */
    for (size_t i = 0; !st && i < n;) {
        size_t k = i + 1;
        while (k < n && strcmp(rows[k].slug, rows[i].slug) == 0)
            k++;
        st = one_chapter(c, t.path, rows + i, k - i);
        i = k;
    }
    free_rows(rows, n);
    cn_i_ch_close(&t);
    return st;
}
