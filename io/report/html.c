/* io/report/html.c: the HTML writer of `critnet report`: the report's content (report_model.c) as one
 * self-contained page (charts and diagrams as data: URIs, no network access, no script); the Markdown tables of
 * the result writers made into HTML tables. Every text from the data is escaped. */
#include "critnet/report.h"

#include <stdlib.h>
#include <string.h>

#include "report/cells_i.h"
#include "report/report_model_i.h"

static void esc(FILE *fp, const char *s, size_t n)
{
    for (size_t i = 0; i < n && s[i]; i++) {
        switch (s[i]) {
        case '<': fputs("&lt;", fp); break;
        case '>': fputs("&gt;", fp); break;
        case '&': fputs("&amp;", fp); break;
        case '"': fputs("&quot;", fp); break;
        case '\'': fputs("&#39;", fp); break;
        default: fputc(s[i], fp);
        }
    }
}
#define ESC(fp, s) esc(fp, s, (size_t)-1)

/* an image as a data: URI (base64): charts keep their own glyph ids apart, and the page needs no network */
static void img(FILE *fp, const char *svg, const char *alt)
{
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    fputs("<p><img style=\"max-width:100%\" alt=\"", fp);
    ESC(fp, alt);
    fputs("\" src=\"data:image/svg+xml;base64,", fp);
    const unsigned char *s = (const unsigned char *)svg;
    size_t n = strlen(svg);
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0) | (i + 2 < n ? s[i + 2] : 0);
        fputc(b64[v >> 18 & 63], fp);
        fputc(b64[v >> 12 & 63], fp);
        fputc(i + 1 < n ? b64[v >> 6 & 63] : '=', fp);
        fputc(i + 2 < n ? b64[v & 63] : '=', fp);
    }
    fputs("\"></p>\n", fp);
}

/* Markdown from a report writer (text lines and pipe tables) as HTML paragraphs and tables */
static void md_to_html(FILE *fp, const char *md)
{
    int in_table = 0, row = 0;
    for (const char *line = md; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        if (len >= 2 && line[0] == '|') {
            if (!in_table)
                fputs("<table>\n", fp), in_table = 1, row = 0;
            if (row++ != 1) { /* row 1 is the |---| rule */
                fputs("<tr>", fp);
                const char *c = line + 1, *stop = line + len;
                while (c < stop) {
                    const char *bar = memchr(c, '|', (size_t)(stop - c));
                    if (!bar)
                        break;
                    const char *a = c, *b = bar;
                    while (a < b && *a == ' ')
                        a++;
                    while (b > a && b[-1] == ' ')
                        b--;
                    fputs(row == 1 ? "<th>" : "<td>", fp);
                    esc(fp, a, (size_t)(b - a));
                    fputs(row == 1 ? "</th>" : "</td>", fp);
                    c = bar + 1;
                }
                fputs("</tr>\n", fp);
            }
        } else {
            if (in_table)
                fputs("</table>\n", fp), in_table = 0;
            if (len) {
                fputs("<p>", fp);
                esc(fp, line, len);
                fputs("</p>\n", fp);
            }
        }
        line += len + (end != NULL);
    }
    if (in_table)
        fputs("</table>\n", fp);
}

cn_status cn_report_html(const cn_net *net, const cn_report_html_in *in, FILE *fp, cn_error *err)
{
    cn_i_rdoc doc;
    cn_status st = cn_i_report_model(net, in, &doc, err);
    if (st)
        return st;
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>", fp);
    ESC(fp, doc.b[0].text);
    fputs("</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
          "table{border-collapse:collapse;font-size:12px;margin:1em 0}td,th{border:1px solid #ccc;padding:2px 6px}"
          "th{background:#eee}h2{border-bottom:1px solid #ccc}</style>\n</head>\n<body>\n", fp);
    for (size_t i = 0; i < doc.n; i++) {
        const cn_i_rblock *b = &doc.b[i];
        switch (b->kind) {
        case CN_I_RB_TITLE: fputs("<h1>", fp); ESC(fp, b->text); fputs("</h1>\n", fp); break;
        case CN_I_RB_H2:
            fprintf(fp, "<h2 id=\"%s\">", b->id);
            ESC(fp, b->text);
            fputs("</h2>\n", fp);
            break;
        case CN_I_RB_H3: fputs("<h3>", fp); ESC(fp, b->text); fputs("</h3>\n", fp); break;
        case CN_I_RB_PARA: fputs("<p>", fp); ESC(fp, b->text); fputs("</p>\n", fp); break;
        case CN_I_RB_ITEM:
            if (i == 0 || doc.b[i - 1].kind != CN_I_RB_ITEM)
                fputs("<ul>\n", fp);
            fputs("<li>", fp);
            ESC(fp, b->text);
            fputs("</li>\n", fp);
            if (i + 1 == doc.n || doc.b[i + 1].kind != CN_I_RB_ITEM)
                fputs("</ul>\n", fp);
            break;
        case CN_I_RB_IMAGE: img(fp, b->svg, b->text); break;
        case CN_I_RB_TABLES: md_to_html(fp, b->text); break;
        }
    }
    fputs("</body>\n</html>\n", fp);
    cn_i_report_model_free(&doc);
    return cn_i_check(fp, err);
}
