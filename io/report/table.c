/* io/report/table.c: a table of strings written as aligned text, CSV (RFC 4180) or Markdown, and the column
 * tables of results (cells_i.h): one row filler, formatted as JSON objects or as table rows. */
#include "critnet/io.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/cells_i.h"

cn_status cn_table_init(cn_table *t, size_t ncols, const char *const *headers, cn_error *err)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols;
    t->cap = 16;
    t->cells = calloc(t->cap * ncols, sizeof *t->cells);
    if (!t->cells)
        return cn_i_oom(err);
    for (size_t c = 0; c < ncols; c++)
        if (!(t->cells[c] = cn_strdup(headers[c]))) {
            cn_table_free(t);
            return cn_i_oom(err);
        }
    return CN_OK;
}

cn_status cn_table_add(cn_table *t, const char *const *cells, cn_error *err)
{
    size_t row = t->nrows + 1;
    if (row == t->cap) {
        size_t cap = t->cap * 2;
        char **p = realloc(t->cells, cap * t->ncols * sizeof *p);
        if (!p)
            return cn_i_oom(err);
        memset(p + t->cap * t->ncols, 0, (cap - t->cap) * t->ncols * sizeof *p);
        t->cells = p;
        t->cap = cap;
    }
    for (size_t c = 0; c < t->ncols; c++) {
        const char *s = cells[c] ? cells[c] : "";
        if (!(t->cells[row * t->ncols + c] = cn_strdup(s))) {
            for (size_t k = 0; k < c; k++) {
                free(t->cells[row * t->ncols + k]);
                t->cells[row * t->ncols + k] = NULL;
            }
            return cn_i_oom(err);
        }
    }
    t->nrows++;
    return CN_OK;
}

void cn_table_free(cn_table *t)
{
    if (!t->cells)
        return;
    for (size_t i = 0; i < t->cap * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    t->cells = NULL;
}

/* display width: count UTF-8 characters */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* n spaces (fwrite of a run: a "%*s" printf costs a positional-argument parse per cell) */
static void pad(FILE *fp, size_t n)
{
    static const char spaces[] = "                                                                ";
    for (; n > sizeof spaces - 1; n -= sizeof spaces - 1)
        fwrite(spaces, 1, sizeof spaces - 1, fp);
    fwrite(spaces, 1, n, fp);
}

static void csv_cell(FILE *fp, const char *s)
{
    if (strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', fp);
        fputc(*s, fp);
    }
    fputc('"', fp);
}

cn_status cn_table_write(const cn_table *t, FILE *fp, cn_format style, cn_error *err)
{
    size_t nc = t->ncols;
    if (style == CN_FORMAT_CSV) {
        for (size_t r = 0; r <= t->nrows; r++) {
            for (size_t c = 0; c < nc; c++) {
                if (c)
                    fputc(',', fp);
                csv_cell(fp, t->cells[r * nc + c]);
            }
            fputs("\r\n", fp);
        }
        return cn_i_check(fp, err);
    }
    size_t *w = calloc(nc, sizeof *w);
    if (!w)
        return cn_i_oom(err);
    for (size_t r = 0; r <= t->nrows; r++)
        for (size_t c = 0; c < nc; c++) {
            size_t x = width(t->cells[r * nc + c]);
            if (x > w[c])
                w[c] = x;
        }
    for (size_t r = 0; r <= t->nrows; r++) {
        if (style == CN_FORMAT_MARKDOWN)
            fputs("| ", fp);
        for (size_t c = 0; c < nc; c++) {
            const char *s = t->cells[r * nc + c];
            size_t gap = w[c] - width(s);
            int right = (t->right >> c) & 1u;
            int last = c + 1 == nc;
            if (right)
                pad(fp, gap);
            fputs(s, fp);
            if (!right && (!last || style == CN_FORMAT_MARKDOWN))
                pad(fp, gap);
            if (!last)
                fputs(style == CN_FORMAT_MARKDOWN ? " | " : "  ", fp);
        }
        fputs(style == CN_FORMAT_MARKDOWN ? " |\n" : "\n", fp);
        if (r == 0 && style == CN_FORMAT_MARKDOWN) {
            fputc('|', fp);
            for (size_t c = 0; c < nc; c++) {
                fputc(' ', fp);
                for (size_t i = 0; i < w[c]; i++)
                    fputc('-', fp);
                fputs(((t->right >> c) & 1u) ? ":|" : " |", fp);
            }
            fputc('\n', fp);
        }
    }
    free(w);
    return cn_i_check(fp, err);
}

cn_status cn_json_write_value(const void *cjson, FILE *fp, cn_error *err)
{
    char *s = cJSON_Print((const cJSON *)cjson);
    if (!s)
        return cn_i_oom(err);
    fputs(s, fp);
    fputc('\n', fp);
    cJSON_free(s);
    return cn_i_check(fp, err);
}

/* ---- column tables ---- */

static void cells_free(size_t n, cn_i_cell *cells)
{
    for (size_t c = 0; c < n; c++)
        cJSON_Delete(cells[c].j);
}

static void fill_row(const cn_i_layout *l, cn_i_fill fill, void *ctx, size_t i, cn_i_cell *cells)
{
    for (size_t c = 0; c < l->ncols; c++)
        cells[c] = (cn_i_cell){.x = NAN};
    fill(ctx, i, cells);
}

/* adds one cell to o; false when cJSON ran out of memory */
static int json_cell(cJSON *o, const cn_i_col *col, cn_i_cell *x)
{
    cJSON *v;
    switch (col->type) {
    case CN_I_STR: v = x->s ? cJSON_CreateString(x->s) : cJSON_CreateNull(); break;
    case CN_I_BOOL: v = cJSON_CreateBool(x->x != 0); break;
    case CN_I_JSON:
        if (!x->j)
            return 1; /* omitted */
        v = x->j;
        x->j = NULL;
        break;
    default: v = isnan(x->x) ? cJSON_CreateNull() : cJSON_CreateNumber(x->x + 0.0); break;
    }
    if (v && cJSON_AddItemToObject(o, col->key, v))
        return 1;
    cJSON_Delete(v);
    return 0;
}

cn_status cn_i_rows_json(const cn_i_layout *l, cn_i_fill fill, void *ctx, size_t nrows, cJSON *arr,
                         cn_error *err)
{
    cn_i_cell cells[64];
    if (!arr || l->ncols > 64)
        return cn_i_oom(err);
    for (size_t i = 0; i < nrows; i++) {
        fill_row(l, fill, ctx, i, cells);
        cJSON *o = cJSON_CreateObject();
        int ok = o && cJSON_AddItemToArray(arr, o);
        if (!ok)
            cJSON_Delete(o);
        for (size_t c = 0; ok && c < l->ncols; c++)
            if (l->cols[c].key)
                ok = json_cell(o, &l->cols[c], &cells[c]);
        cells_free(l->ncols, cells);
        if (!ok)
            return cn_i_oom(err);
    }
    return CN_OK;
}

cn_status cn_i_json_rows(cJSON *root, const char *key, const cn_i_layout *l, cn_i_fill fill, void *ctx, size_t nrows,
                         FILE *fp, cn_error *err)
{
    if (!root)
        return cn_i_oom(err);
    cn_status st = cn_i_rows_json(l, fill, ctx, nrows, cJSON_AddArrayToObject(root, key), err);
    if (st) {
        cJSON_Delete(root);
        return st;
    }
    return cn_i_json_finish(root, fp, err);
}

/* the text of one cell in a CSV (csv) or text layout; buf holds 32 bytes */
static const char *table_cell(const cn_i_col *col, const cn_i_view *v, const cn_i_cell *x, int csv, char *buf)
{
    int dec = v->decimals >= 0 ? v->decimals : col->decimals;
    const char *s = NULL;
    switch (col->type) {
    case CN_I_STR:
    case CN_I_JSON: s = x->s; break;
    case CN_I_BOOL: s = csv ? (x->x != 0 ? "1" : "0") : x->s; break;
    case CN_I_INT: s = !csv && x->s ? x->s : cn_i_num(buf, x->x, 0); break;
    case CN_I_PCT: s = !csv && x->s ? x->s : csv ? cn_i_num(buf, x->x, dec) : cn_i_pct(buf, x->x); break;
    case CN_I_NUM: s = !csv && x->s ? x->s : cn_i_num(buf, x->x, dec); break;
    }
    return s ? s : csv ? NULL : v->unknown;
}

cn_status cn_i_rows_table(const cn_i_layout *l, cn_i_fill fill, void *ctx, size_t nrows, cn_format fmt,
                          cn_table *t, cn_error *err)
{
    int csv = fmt == CN_FORMAT_CSV;
    const cn_i_view *vs = csv ? l->csv : l->text;
    size_t nv = csv ? l->ncsv : l->ntext;
    const char *hdr[32] = {0}, *row[32];
    char buf[32][32];
    cn_i_cell cells[64];
    memset(t, 0, sizeof *t);
    if (nv > 32 || l->ncols > 64)
        return cn_error_set(err, CN_EINTERNAL, "a report layout has %zu columns (at most 32 shown, 64 in all)",
                            l->ncols > 64 ? l->ncols : nv);
    for (size_t k = 0; k < nv; k++)
        hdr[k] = vs[k].header;
    cn_status st = cn_table_init(t, nv, hdr, err);
    if (st)
        return st;
    for (size_t k = 0; k < nv; k++)
        if (!csv && vs[k].right)
            t->right |= 1u << k;
    for (size_t i = 0; i < nrows && !st; i++) {
        fill_row(l, fill, ctx, i, cells);
        for (size_t k = 0; k < nv; k++)
            row[k] = table_cell(&l->cols[vs[k].col], &vs[k], &cells[vs[k].col], csv, buf[k]);
        st = cn_table_add(t, row, err);
        cells_free(l->ncols, cells);
    }
    return st;
}

cn_status cn_i_rows_write(const cn_i_layout *l, cn_i_fill fill, void *ctx, size_t nrows, cn_format fmt,
                          FILE *fp, cn_error *err)
{
    cn_table t;
    cn_status st = cn_i_rows_table(l, fill, ctx, nrows, fmt, &t, err);
    if (!st)
        st = cn_table_write(&t, fp, fmt, err);
    cn_table_free(&t);
    return st;
}
