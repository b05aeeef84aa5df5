/* io/report/deps_years_report.c: the net import reliance series (deps --years) as a table with one column per
 * year (figures and bounds as printed, with their percent sign; "E" net exporter; "no data"), as CSV in long form
 * (one line per mineral and year) and as JSON (a series per mineral); numbers are fractions in CSV and JSON, with
 * the printed bound beside them. */
#include "critnet/report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/cells_i.h"

/* ---- CSV: one line per (mineral, year), from one column table ---- */

enum { MINERAL, YEAR, NIR, LOW, HIGH, BOUND, TEXT, EXPORTER, ESTIMATED, STATUS, BASIS, SOURCE, NCOLS };

/* where the series comes from, and why a year says "no data" (tables and JSON say the same) */
static const char series_note[] =
    "each row is one series: the figures that share the basis and edition of the mineral's headline figure (its "
    "source); the years come from the release's own per-year tables (MCS 2024: the commodity's salient-statistics "
    "file, mcs2024-<code>_salient.csv, beside Fig. 2's headline year; MCS 2026: the chapter's NIR row), and "
    "'no data' is a year that table prints no figure for (docs/usgs.md), never a figure dropped";

static const cn_i_col cols[NCOLS] = {
    [MINERAL] = {"mineral", CN_I_STR, 0}, [YEAR] = {"year", CN_I_INT, 0},
    [NIR] = {"nir", CN_I_NUM, 4},         [LOW] = {"nir_low", CN_I_NUM, 4},
    [HIGH] = {"nir_high", CN_I_NUM, 4},   [BOUND] = {"bound", CN_I_STR, 0},
    [TEXT] = {"text", CN_I_STR, 0},       [EXPORTER] = {"net_exporter", CN_I_BOOL, 0},
    [ESTIMATED] = {"estimated", CN_I_BOOL, 0}, [STATUS] = {"status", CN_I_STR, 0},
    [BASIS] = {"basis", CN_I_STR, 0},     [SOURCE] = {"source", CN_I_STR, 0},
};

static const cn_i_view csv_view[] = {
    {MINERAL, "mineral", -1, NULL, 0}, {YEAR, "year", -1, NULL, 0},       {NIR, "nir", -1, NULL, 0},
    {LOW, "nir_low", -1, NULL, 0},     {HIGH, "nir_high", -1, NULL, 0},   {BOUND, "bound", -1, NULL, 0},
    {TEXT, "text", -1, NULL, 0},       {EXPORTER, "net_exporter", -1, NULL, 0},
    {ESTIMATED, "estimated", -1, NULL, 0}, {STATUS, "status", -1, NULL, 0}, {BASIS, "basis", -1, NULL, 0},
    {SOURCE, "source", -1, NULL, 0},
};

typedef struct ctx {
    const cn_net *net;
    const cn_deps_years_result *r;
} ctx;

/* the bound the source printed: ">" or "<" before a figure, else NULL (a value, a net exporter, no data) */
static const char *bound_of(const cn_nir_point *p)
{
    if (!p->has || !p->text || (p->flags & CN_F_NET_EXPORTER))
        return NULL;
    return p->text[0] == '>' ? ">" : p->text[0] == '<' ? "<" : NULL;
}

static void fill_point(const cn_net *net, const cn_deps_years_row *row, int32_t year, const cn_nir_point *p,
                       cn_i_cell *c)
{
    c[MINERAL].s = net->vertices[row->mineral].id;
    c[YEAR].x = year;
    c[BASIS].s = row->basis;
    c[SOURCE].s = row->source >= 0 ? net->sources[row->source].id : NULL;
    c[EXPORTER].x = c[ESTIMATED].x = 0;
    if (!p->has) {
        c[STATUS].s = "no data";
        return;
    }
    c[NIR].x = p->nir;
    c[LOW].x = p->lo;
    c[HIGH].x = p->hi;
    c[BOUND].s = bound_of(p);
    c[TEXT].s = p->text;
    c[EXPORTER].x = (p->flags & CN_F_NET_EXPORTER) != 0;
    c[ESTIMATED].x = (p->flags & CN_F_ESTIMATED) != 0;
}

static void fill(void *arg, size_t i, cn_i_cell *c)
{
    const ctx *k = arg;
    const cn_deps_years_row *row = &k->r->rows[i / k->r->nyears];
    size_t y = i % k->r->nyears;
    fill_point(k->net, row, k->r->years[y], &row->points[y], c);
}

/* ---- JSON: a series per mineral ---- */

static cn_status write_json(const cn_net *net, const cn_deps_years_result *r, FILE *fp, cn_error *err)
{
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return cn_i_oom(err);
    if (net->name)
        cJSON_AddStringToObject(root, "dataset", net->name);
    cJSON_AddStringToObject(root, "consumer", net->vertices[r->consumer].id);
    cJSON_AddStringToObject(root, "consumer_name", net->vertices[r->consumer].name);
    cJSON_AddStringToObject(root, "series", series_note);
    cJSON *ys = cJSON_AddArrayToObject(root, "years");
    for (size_t y = 0; y < r->nyears; y++)
        cJSON_AddItemToArray(ys, cJSON_CreateNumber(r->years[y]));
    cJSON *ms = cJSON_AddArrayToObject(root, "minerals");
    int ok = ys && ms;
    for (size_t i = 0; ok && i < r->n; i++) {
        const cn_deps_years_row *row = &r->rows[i];
        cJSON *o = cJSON_CreateObject();
        ok = o && cJSON_AddItemToArray(ms, o);
        if (!ok) {
            cJSON_Delete(o);
            break;
        }
        cJSON_AddStringToObject(o, "mineral", net->vertices[row->mineral].id);
        cJSON_AddStringToObject(o, "name", net->vertices[row->mineral].name);
        cn_i_json_str(o, "basis", row->basis);
        cn_i_json_str(o, "source", row->source >= 0 ? net->sources[row->source].id : NULL);
        cJSON *arr = cJSON_AddArrayToObject(o, "nir");
        cn_i_layout one = {cols + NIR, STATUS - NIR + 1, NULL, NULL, 0, 0}; /* nir .. status of a point */
        for (size_t y = 0; ok && y < r->nyears; y++) {
            cn_i_cell cells[NCOLS];
            for (size_t k = 0; k < NCOLS; k++)
                cells[k] = (cn_i_cell){.x = NAN};
            fill_point(net, row, r->years[y], &row->points[y], cells);
            cJSON *p = cJSON_CreateObject();
            ok = arr && p && cJSON_AddItemToArray(arr, p);
            if (!ok) {
                cJSON_Delete(p);
                break;
            }
            cJSON_AddNumberToObject(p, "year", r->years[y]);
            for (size_t k = 0; k < one.ncols; k++) {
                const cn_i_col *col = &one.cols[k];
                const cn_i_cell *x = &cells[NIR + k];
                if (col->type == CN_I_STR)
                    cn_i_json_str(p, col->key, x->s);
                else if (col->type == CN_I_BOOL)
                    cJSON_AddBoolToObject(p, col->key, x->x == 1);
                else if (isnan(x->x))
                    cJSON_AddNullToObject(p, col->key);
                else
                    cJSON_AddNumberToObject(p, col->key, x->x);
            }
        }
    }
    if (!ok) {
        cJSON_Delete(root);
        return cn_i_oom(err);
    }
    return cn_i_json_finish(root, fp, err);
}

/* the rows with a figure in one year only, when the table has more years (MCS 2024: no salient file, a salient
 * table of another layout, figures above 100%, or the years under the base id: docs/usgs.md) */
static void one_year_rows(const cn_net *net, const cn_deps_years_result *r, FILE *fp)
{
    size_t n = 0;
    for (size_t i = 0; r->nyears > 1 && i < r->n; i++) {
        size_t has = 0;
        for (size_t y = 0; y < r->nyears; y++)
            has += r->rows[i].points[y].has != 0;
        if (has != 1)
            continue;
        if (n < 12)
            fprintf(fp, "%s%s", n ? " " : "One year only in their series (docs/usgs.md says why, per mineral): ",
                    net->vertices[r->rows[i].mineral].id);
        n++;
    }
    if (n > 12)
        fprintf(fp, " ... +%zu", n - 12);
    if (n)
        fputc('\n', fp);
}

/* ---- tables: one column per year ---- */

static cn_status write_table(const cn_net *net, const cn_deps_years_result *r, cn_format fmt, FILE *fp,
                             cn_error *err)
{
    enum { MAXCOLS = 32 };
    size_t ny = r->nyears < MAXCOLS - 1 ? r->nyears : MAXCOLS - 1;
    if (ny < r->nyears)
        return cn_error_set(err, CN_EUSAGE, "%zu years do not fit a table (at most %d): ask for fewer with "
                            "--years FROM-TO, or write CSV or JSON", r->nyears, MAXCOLS - 1);
    char hbuf[MAXCOLS][16], cbuf[MAXCOLS][48];
    const char *hdr[MAXCOLS], *cells[MAXCOLS];
    hdr[0] = "MINERAL";
    for (size_t y = 0; y < ny; y++) { /* "2025e" when a figure of that year is an estimate, as USGS prints it */
        int est = 0;
        for (size_t i = 0; i < r->n; i++)
            est |= r->rows[i].points[y].has && (r->rows[i].points[y].flags & CN_F_ESTIMATED);
        snprintf(hbuf[y], sizeof hbuf[y], "%d%s", (int)r->years[y], est ? "e" : "");
        hdr[y + 1] = hbuf[y];
    }
    cn_table t;
    cn_status st = cn_table_init(&t, ny + 1, hdr, err);
    for (size_t k = 1; !st && k <= ny; k++)
        t.right |= 1u << k;
    for (size_t i = 0; !st && i < r->n; i++) {
        const cn_deps_years_row *row = &r->rows[i];
        cells[0] = net->vertices[row->mineral].id;
        for (size_t y = 0; y < ny; y++) {
            const cn_nir_point *p = &row->points[y];
            if (!p->has)
                cells[y + 1] = "no data";
            else if (p->flags & CN_F_NET_EXPORTER)
                cells[y + 1] = "E";
            else if (p->text && *p->text)
                cells[y + 1] = cn_i_nir_text(p->text, cbuf[y], sizeof cbuf[y]);
            else
                cells[y + 1] = cn_i_pct_or(cbuf[y], p->nir, "no data");
        }
        st = cn_table_add(&t, cells, err);
    }
    if (!st) {
        fprintf(fp, "Net import reliance of %s (%s) by year, %s: as printed (>50%%: more than 50%%; E: net exporter; "
                "e: estimated)\n\n", net->vertices[r->consumer].id, net->vertices[r->consumer].name,
                net->name ? net->name : "data");
        st = cn_table_write(&t, fp, fmt, err);
    }
    if (!st) {
        fprintf(fp, "\nSeries: %s.\n", series_note);
        one_year_rows(net, r, fp);
    }
    cn_table_free(&t);
    return st;
}

cn_status cn_report_deps_years(const cn_net *net, const cn_deps_years_result *r, cn_format fmt, FILE *fp,
                               cn_error *err)
{
    if (fmt == CN_FORMAT_JSON)
        return write_json(net, r, fp, err);
    if (fmt == CN_FORMAT_CSV) {
        cn_i_layout l = {cols, NCOLS, csv_view, NULL, sizeof csv_view / sizeof *csv_view, 0};
        return cn_i_rows_write(&l, fill, &(ctx){net, r}, r->n * r->nyears, fmt, fp, err);
    }
    return write_table(net, r, fmt, fp, err);
}
