/* io/table.c: a table of strings written as aligned text, CSV (RFC 4180) or Markdown. */
#include "critnet/io.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

cn_status cn_table_init(cn_table *t, size_t ncols, const char *const *headers)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols;
    t->cap = 16;
    t->cells = calloc(t->cap * ncols, sizeof *t->cells);
    if (!t->cells)
        return CN_ENOMEM;
    for (size_t c = 0; c < ncols; c++)
        if (!(t->cells[c] = cn_strdup(headers[c])))
            return CN_ENOMEM;
    return CN_OK;
}

cn_status cn_table_add(cn_table *t, const char *const *cells)
{
    size_t row = t->nrows + 1;
    if (row == t->cap) {
        size_t cap = t->cap * 2;
        char **p = realloc(t->cells, cap * t->ncols * sizeof *p);
        if (!p)
            return CN_ENOMEM;
        memset(p + t->cap * t->ncols, 0, (cap - t->cap) * t->ncols * sizeof *p);
        t->cells = p;
        t->cap = cap;
    }
    for (size_t c = 0; c < t->ncols; c++) {
        const char *s = cells[c] ? cells[c] : "";
        if (!(t->cells[row * t->ncols + c] = cn_strdup(s)))
            return CN_ENOMEM;
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

void cn_table_write(const cn_table *t, FILE *fp, cn_format style)
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
        return;
    }
    size_t *w = calloc(nc, sizeof *w);
    if (!w)
        return;
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
            size_t pad = w[c] - width(s);
            int right = (t->right >> c) & 1u;
            int last = c + 1 == nc;
            if (right)
                fprintf(fp, "%*s", (int)pad, "");
            fputs(s, fp);
            if (!right && (!last || style == CN_FORMAT_MARKDOWN))
                fprintf(fp, "%*s", (int)pad, "");
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
}

cn_status cn_json_write_value(const void *cjson, FILE *fp)
{
    char *s = cJSON_Print((const cJSON *)cjson);
    if (!s)
        return CN_ENOMEM;
    fputs(s, fp);
    fputc('\n', fp);
    cJSON_free(s);
    return CN_OK;
}
