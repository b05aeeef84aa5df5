/* io/report/diff_report.c: the diff result (critnet/diff.h) as text tables, CSV, Markdown or JSON: per mineral
 * then -> now, and per supplier its role then and now, from two column tables (cells_i.h). */
#include "critnet/report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/cells_i.h"

/* ---- per mineral ---- */

enum { MINERAL, NIR_THEN, NIR_NOW, NIR_TEXT_THEN, NIR_TEXT_NOW, TOP_THEN, SHARE_THEN, RANK_THEN, TOP_NOW, SHARE_NOW,
       RANK_NOW, SOURCES_THEN, SOURCES_NOW, GAINED, LOST, SINGLE_THEN, SINGLE_NOW, CONC_THEN, CONC_NOW, FLAGS_THEN,
       FLAGS_NOW, PERIOD_THEN, PERIOD_NOW, EDITION_THEN, EDITION_NOW, CHANGES, NCOLS };

static const cn_i_col cols[NCOLS] = {
    [MINERAL] = {"mineral", CN_I_STR, 0},
    [NIR_THEN] = {"nir_then", CN_I_PCT, 4},
    [NIR_NOW] = {"nir_now", CN_I_PCT, 4},
    [NIR_TEXT_THEN] = {"nir_text_then", CN_I_STR, 0},
    [NIR_TEXT_NOW] = {"nir_text_now", CN_I_STR, 0},
    [TOP_THEN] = {"top_supplier_then", CN_I_STR, 0},
    [SHARE_THEN] = {"top_share_then", CN_I_PCT, 4},
    [RANK_THEN] = {"top_rank_then", CN_I_INT, 0},
    [TOP_NOW] = {"top_supplier_now", CN_I_STR, 0},
    [SHARE_NOW] = {"top_share_now", CN_I_PCT, 4},
    [RANK_NOW] = {"top_rank_now", CN_I_INT, 0},
    [SOURCES_THEN] = {"sources_then", CN_I_STR, 0},
    [SOURCES_NOW] = {"sources_now", CN_I_STR, 0},
    [GAINED] = {"gained", CN_I_STR, 0},
    [LOST] = {"lost", CN_I_STR, 0},
    [SINGLE_THEN] = {"single_source_then", CN_I_BOOL, 0},
    [SINGLE_NOW] = {"single_source_now", CN_I_BOOL, 0},
    [CONC_THEN] = {"concentrated_supply_then", CN_I_BOOL, 0},
    [CONC_NOW] = {"concentrated_supply_now", CN_I_BOOL, 0},
    [FLAGS_THEN] = {NULL, CN_I_STR, 0},
    [FLAGS_NOW] = {NULL, CN_I_STR, 0},
    [PERIOD_THEN] = {"period_then", CN_I_STR, 0},
    [PERIOD_NOW] = {"period_now", CN_I_STR, 0},
    [EDITION_THEN] = {"edition_then", CN_I_STR, 0},
    [EDITION_NOW] = {"edition_now", CN_I_STR, 0},
    [CHANGES] = {"changes", CN_I_STR, 0},
};

static const cn_i_view csv_view[] = {
    {MINERAL, "mineral", -1, NULL, 0},           {NIR_THEN, "nir_then", -1, NULL, 0},
    {NIR_NOW, "nir_now", -1, NULL, 0},           {NIR_TEXT_THEN, "nir_text_then", -1, NULL, 0},
    {NIR_TEXT_NOW, "nir_text_now", -1, NULL, 0}, {TOP_THEN, "top_supplier_then", -1, NULL, 0},
    {SHARE_THEN, "top_share_then", -1, NULL, 0}, {RANK_THEN, "top_rank_then", -1, NULL, 0},
    {TOP_NOW, "top_supplier_now", -1, NULL, 0},  {SHARE_NOW, "top_share_now", -1, NULL, 0},
    {RANK_NOW, "top_rank_now", -1, NULL, 0},     {SOURCES_THEN, "sources_then", -1, NULL, 0},
    {SOURCES_NOW, "sources_now", -1, NULL, 0},   {GAINED, "gained", -1, NULL, 0},
    {LOST, "lost", -1, NULL, 0},                 {SINGLE_THEN, "single_source_then", -1, NULL, 0},
    {SINGLE_NOW, "single_source_now", -1, NULL, 0}, {CONC_THEN, "concentrated_supply_then", -1, NULL, 0},
    {CONC_NOW, "concentrated_supply_now", -1, NULL, 0}, {PERIOD_THEN, "period_then", -1, NULL, 0},
    {PERIOD_NOW, "period_now", -1, NULL, 0},     {EDITION_THEN, "edition_then", -1, NULL, 0},
    {EDITION_NOW, "edition_now", -1, NULL, 0},   {CHANGES, "changes", -1, NULL, 0},
};

static const cn_i_view text_view[] = {
    {MINERAL, "MINERAL", -1, "-", 0},      {NIR_THEN, "NIR THEN", -1, "no data", 1},
    {NIR_NOW, "NIR NOW", -1, "no data", 1}, {TOP_THEN, "TOP THEN", -1, "-", 0},
    {SHARE_THEN, "SHARE", -1, "-", 1},     {TOP_NOW, "TOP NOW", -1, "-", 0},
    {SHARE_NOW, "SHARE", -1, "-", 1},      {GAINED, "GAINED", -1, "", 0},
    {LOST, "LOST", -1, "", 0},             {FLAGS_THEN, "FLAGS THEN", -1, "", 0},
    {FLAGS_NOW, "FLAGS NOW", -1, "", 0},   {CHANGES, "CHANGED", -1, "", 0},
};

static const cn_i_layout layout = {cols, NCOLS, csv_view, text_view, sizeof csv_view / sizeof *csv_view,
                                   sizeof text_view / sizeof *text_view};

typedef struct ctx {
    const cn_diff_result *r;
    char changes[160];
} ctx;

/* the reliance as the source printed it: "E (net exporter)", ">75%", or the value */
static void nir_cells(const cn_diff_side *s, cn_i_cell *num, cn_i_cell *text)
{
    text->s = s->nir_text;
    if (!s->has_nir)
        return;
    num->x = !isnan(s->nir) ? s->nir : s->nir_lo;
    if (s->nir_flags & CN_F_NET_EXPORTER)
        num->s = "E (net exporter)";
    else if (s->nir_text && *s->nir_text)
        snprintf(num->buf, sizeof num->buf, "%s%%", s->nir_text), num->s = num->buf;
}

static void top_cells(const cn_diff_side *s, cn_i_cell *top, cn_i_cell *share, cn_i_cell *rank)
{
    top->s = s->top;
    share->x = s->top_share;
    rank->x = s->top_rank ? s->top_rank : NAN;
    if (s->top && isnan(s->top_share)) {
        if (s->top_rank)
            snprintf(share->buf, sizeof share->buf, "rank %d", (int)s->top_rank), share->s = share->buf;
        else
            share->s = "unknown";
    }
}

static const char *flag_words(const cn_diff_side *s)
{
    if (!s->present)
        return "(not listed)";
    return s->single_source && s->concentrated_supply ? "SINGLE-SOURCE, CONCENTRATED"
           : s->single_source                         ? "SINGLE-SOURCE"
           : s->concentrated_supply                   ? "CONCENTRATED"
                                                      : "";
}

static void fill(void *p, size_t i, cn_i_cell *c)
{
    ctx *k = p;
    const cn_diff_row *w = &k->r->rows[i];
    c[MINERAL].s = w->mineral;
    nir_cells(&w->then, &c[NIR_THEN], &c[NIR_TEXT_THEN]);
    nir_cells(&w->now, &c[NIR_NOW], &c[NIR_TEXT_NOW]);
    top_cells(&w->then, &c[TOP_THEN], &c[SHARE_THEN], &c[RANK_THEN]);
    top_cells(&w->now, &c[TOP_NOW], &c[SHARE_NOW], &c[RANK_NOW]);
    c[SOURCES_THEN].s = w->then.present ? w->then.sources : NULL;
    c[SOURCES_NOW].s = w->now.present ? w->now.sources : NULL;
    c[GAINED].s = w->gained;
    c[LOST].s = w->lost;
    c[SINGLE_THEN].x = w->then.single_source;
    c[SINGLE_NOW].x = w->now.single_source;
    c[CONC_THEN].x = w->then.concentrated_supply;
    c[CONC_NOW].x = w->now.concentrated_supply;
    c[FLAGS_THEN].s = flag_words(&w->then);
    c[FLAGS_NOW].s = flag_words(&w->now);
    c[PERIOD_THEN].s = w->then.period;
    c[PERIOD_NOW].s = w->now.period;
    c[EDITION_THEN].s = w->then.edition;
    c[EDITION_NOW].s = w->now.edition;
    static const char *const words[] = {"new", "gone", "nir", "top", "share", "sources", "single-source",
                                        "concentrated-supply"};
    size_t len = 0;
    k->changes[0] = 0;
    for (unsigned b = 0; b < sizeof words / sizeof *words; b++)
        if (w->changes & (1u << b))
            len += (size_t)snprintf(k->changes + len, sizeof k->changes - len, "%s%s", len ? "," : "", words[b]);
    c[CHANGES].s = k->changes;
}

/* ---- per supplier ---- */

enum { S_COUNTRY, S_THEN, S_NOW, S_FIRST_THEN, S_FIRST_NOW, S_SECOND_THEN, S_SECOND_NOW, S_FIRSTS_THEN,
       S_FIRSTS_NOW, S_SECONDS_THEN, S_SECONDS_NOW, S_NCOLS };

static const cn_i_col s_cols[S_NCOLS] = {
    [S_COUNTRY] = {"supplier", CN_I_STR, 0},
    [S_THEN] = {"minerals_then", CN_I_INT, 0},
    [S_NOW] = {"minerals_now", CN_I_INT, 0},
    [S_FIRST_THEN] = {"first_then", CN_I_INT, 0},
    [S_FIRST_NOW] = {"first_now", CN_I_INT, 0},
    [S_SECOND_THEN] = {"second_then", CN_I_INT, 0},
    [S_SECOND_NOW] = {"second_now", CN_I_INT, 0},
    [S_FIRSTS_THEN] = {"first_in_then", CN_I_STR, 0},
    [S_FIRSTS_NOW] = {"first_in_now", CN_I_STR, 0},
    [S_SECONDS_THEN] = {"second_in_then", CN_I_STR, 0},
    [S_SECONDS_NOW] = {"second_in_now", CN_I_STR, 0},
};

static const cn_i_view s_text[] = {
    {S_COUNTRY, "SUPPLIER", -1, "-", 0},       {S_THEN, "THEN", -1, "0", 1},
    {S_NOW, "NOW", -1, "0", 1},                {S_FIRST_THEN, "1ST THEN", -1, "0", 1},
    {S_FIRST_NOW, "1ST NOW", -1, "0", 1},      {S_SECOND_THEN, "2ND THEN", -1, "0", 1},
    {S_SECOND_NOW, "2ND NOW", -1, "0", 1},     {S_FIRSTS_THEN, "FIRST IN, THEN", -1, "", 0},
    {S_FIRSTS_NOW, "FIRST IN, NOW", -1, "", 0}, {S_SECONDS_THEN, "SECOND IN, THEN", -1, "", 0},
    {S_SECONDS_NOW, "SECOND IN, NOW", -1, "", 0},
};

static const cn_i_layout s_layout = {s_cols, S_NCOLS, s_text, s_text, sizeof s_text / sizeof *s_text,
                                     sizeof s_text / sizeof *s_text};

static void s_fill(void *p, size_t i, cn_i_cell *c)
{
    const cn_diff_supplier *s = &((ctx *)p)->r->suppliers[i];
    c[S_COUNTRY].s = s->country;
    c[S_THEN].x = s->n_then;
    c[S_NOW].x = s->n_now;
    c[S_FIRST_THEN].x = s->first_then;
    c[S_FIRST_NOW].x = s->first_now;
    c[S_SECOND_THEN].x = s->second_then;
    c[S_SECOND_NOW].x = s->second_now;
    c[S_FIRSTS_THEN].s = s->firsts_then;
    c[S_FIRSTS_NOW].s = s->firsts_now;
    c[S_SECONDS_THEN].s = s->seconds_then;
    c[S_SECONDS_NOW].s = s->seconds_now;
}

cn_status cn_report_diff(const cn_net *then, const cn_net *now, const cn_diff_result *r, cn_format fmt, FILE *fp,
                         cn_error *err)
{
    ctx k = {.r = r};
    const char *tn = then->name ? then->name : "then", *nn = now->name ? now->name : "now";
    if (fmt == CN_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject(); /* NULL: every cJSON_Add below does nothing */
        cJSON_AddStringToObject(root, "then", tn);
        cJSON_AddStringToObject(root, "now", nn);
        cJSON_AddStringToObject(root, "consumer", r->consumer);
        cJSON_AddNumberToObject(root, "minerals_then", r->minerals_then);
        cJSON_AddNumberToObject(root, "minerals_now", r->minerals_now);
        cn_status st = cn_i_rows_json(&layout, fill, &k, r->n, root ? cJSON_AddArrayToObject(root, "minerals") : NULL,
                                      err);
        if (st) {
            cJSON_Delete(root);
            return st;
        }
        return cn_i_json_rows(root, "suppliers", &s_layout, s_fill, &k, r->nsuppliers, fp, err);
    }
    if (fmt == CN_FORMAT_CSV) /* one table per file: the minerals (the suppliers are in the other formats) */
        return cn_i_rows_write(&layout, fill, &k, r->n, fmt, fp, err);
    fprintf(fp, "Changes for %s: then %s (%d minerals), now %s (%d minerals)\n\n", r->consumer, tn,
            (int)r->minerals_then, nn, (int)r->minerals_now);
    cn_status st = cn_i_rows_write(&layout, fill, &k, r->n, fmt, fp, err);
    if (st)
        return st;
    fprintf(fp, "\nSuppliers of %s: named import sources of how many minerals, and where first and second\n\n",
            r->consumer);
    st = cn_i_rows_write(&s_layout, s_fill, &k, r->nsuppliers, fmt, fp, err);
    /* one sentence per supplier when one was asked for (profile --diff, diff --supplier) */
    if (!st && r->nsuppliers == 1) {
        const cn_diff_supplier *s = &r->suppliers[0];
        fprintf(fp, "\n%s supplies %d of %d minerals then and %d of %d now; first in %d then (%s) and %d now (%s); "
                    "second in %d then (%s) and %d now (%s).\n",
                s->country, (int)s->n_then, (int)r->minerals_then, (int)s->n_now, (int)r->minerals_now,
                (int)s->first_then, *s->firsts_then ? s->firsts_then : "none", (int)s->first_now,
                *s->firsts_now ? s->firsts_now : "none", (int)s->second_then,
                *s->seconds_then ? s->seconds_then : "none", (int)s->second_now,
                *s->seconds_now ? s->seconds_now : "none");
        st = cn_i_check(fp, err);
    }
    return st;
}
