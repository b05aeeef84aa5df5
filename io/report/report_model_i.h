/* io/report/report_model_i.h (private to io/report/): the content of `critnet report` as a list of blocks
 * (headings, paragraphs, list items, pictures, tables in Markdown), built once by report_model.c and written
 * by two writers: html.c (one self-contained page) and report_md.c (Markdown with the SVG files beside it).
 * Block text is plain data text: each writer escapes it for its format. */
#ifndef CN_IO_REPORT_MODEL_I_H
#define CN_IO_REPORT_MODEL_I_H

#include <stddef.h>

#include "critnet/report.h"

typedef enum cn_i_rkind {
    CN_I_RB_TITLE, /* the document's title (one, first) */
    CN_I_RB_H2,    /* a section heading; id: its anchor */
    CN_I_RB_H3,    /* a sub-heading */
    CN_I_RB_PARA,  /* a paragraph */
    CN_I_RB_ITEM,  /* a list item; consecutive items are one list */
    CN_I_RB_IMAGE, /* a picture: svg (an SVG document), text (its alt text), id (its file name part) */
    CN_I_RB_TABLES /* text: Markdown from a report writer (text lines and pipe tables, already escaped) */
} cn_i_rkind;

typedef struct cn_i_rblock {
    cn_i_rkind kind;
    char *id;   /* anchor of an H2, file name part of an IMAGE ("nir", "dep-cobalt"), else NULL */
    char *text; /* never NULL */
    char *svg;  /* IMAGE only */
} cn_i_rblock;

typedef struct cn_i_rdoc {
    cn_i_rblock *b;
    size_t n, cap;
} cn_i_rdoc;

/* builds the report's content from in into *doc (zeroed first). Errors: CN_ENOMEM, CN_EIO, CN_EINTERNAL
 * (cairo failed drawing a chart); *doc then holds nothing. O(rows x E) for the import sources of each
 * mineral, plus the tables. */
cn_status cn_i_report_model(const cn_net *net, const cn_report_html_in *in, cn_i_rdoc *doc, cn_error *err);
void cn_i_report_model_free(cn_i_rdoc *doc);

#endif
