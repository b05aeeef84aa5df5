/* io/report/report_md.c: the Markdown writer of `critnet report --format md`: the report's content
 * (report_model.c) as a Markdown document, each picture an SVG file beside it (DIR/STEM-nir.svg ...), linked by
 * a path relative to the document. Tables are the Markdown of the result writers (cells.c); other data text is
 * escaped so it reads as text. */
#include "critnet/report.h"

#include <stdlib.h>
#include <string.h>

#include "critnet/io.h"
#include "report/cells_i.h"
#include "report/report_model_i.h"

/* data text as Markdown text: the characters Markdown would read as markup get a backslash; a newline is a space */
static void md_esc(FILE *fp, const char *s)
{
    for (; *s; s++) {
        if (strchr("\\`*_[]<>|&", *s))
            fputc('\\', fp);
        fputc(*s == '\n' || *s == '\r' ? ' ' : *s, fp);
    }
}

/* a file name in a link: anything but [A-Za-z0-9._~-] percent-encoded */
static void url(FILE *fp, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("._~-", c))
            fputc(c, fp);
        else
            fprintf(fp, "%%%02X", c);
    }
}

/* writes svg to DIR/STEM-ID.svg atomically (cn_out) */
static cn_status write_svg(const char *dir, const char *stem, const cn_i_rblock *b, cn_error *err)
{
    size_t n = strlen(dir) + strlen(stem) + strlen(b->id) + 8;
    char *path = malloc(n);
    if (!path)
        return cn_i_oom(err);
    snprintf(path, n, "%s/%s-%s.svg", dir, stem, b->id);
    cn_out o;
    cn_status st = cn_out_open(&o, path, err);
    free(path);
    if (st)
        return st;
    size_t len = strlen(b->svg);
    if (fwrite(b->svg, 1, len, o.fp) != len) {
        st = cn_i_check(o.fp, err);
        cn_out_abort(&o);
        return st ? st : cn_error_set(err, CN_EIO, "%s: write error", o.label);
    }
    return cn_out_commit(&o, err);
}

cn_status cn_report_md(const cn_net *net, const cn_report_html_in *in, const char *dir, const char *stem, FILE *fp,
                       cn_error *err)
{
    cn_i_rdoc doc;
    cn_status st = cn_i_report_model(net, in, &doc, err);
    for (size_t i = 0; !st && i < doc.n; i++) {
        const cn_i_rblock *b = &doc.b[i];
        switch (b->kind) {
        case CN_I_RB_TITLE: fputs("# ", fp); md_esc(fp, b->text); fputs("\n\n", fp); break;
        case CN_I_RB_H2: fputs("## ", fp); md_esc(fp, b->text); fputs("\n\n", fp); break;
        case CN_I_RB_H3: fputs("### ", fp); md_esc(fp, b->text); fputs("\n\n", fp); break;
        case CN_I_RB_PARA: md_esc(fp, b->text); fputs("\n\n", fp); break;
        case CN_I_RB_ITEM:
            fputs("- ", fp);
            md_esc(fp, b->text);
            fputs(i + 1 == doc.n || doc.b[i + 1].kind != CN_I_RB_ITEM ? "\n\n" : "\n", fp);
            break;
        case CN_I_RB_IMAGE:
            st = write_svg(dir, stem, b, err);
            fputs("![", fp);
            md_esc(fp, b->text);
            fputs("](", fp); /* relative to the document: beside it */
            url(fp, stem);
            fprintf(fp, "-%s.svg)\n\n", b->id);
            break;
        case CN_I_RB_TABLES: {
            size_t len = strlen(b->text);
            fputs(b->text, fp);
            fputs(len && b->text[len - 1] != '\n' ? "\n\n" : "\n", fp);
            break;
        }
        }
    }
    cn_i_report_model_free(&doc);
    return st ? st : cn_i_check(fp, err);
}
