/* io/import/trade/read_i.h: private to io/import/trade: the state of reading one trade table, shared by
 * header.c (layouts, the header), rows.c (rows, the fused BACI line path), parallel.c (two threads) and read.c. */
#ifndef CN_IO_TRADE_READ_I_H
#define CN_IO_TRADE_READ_I_H

#include <stdint.h>

#include "critnet/csv.h"
#include "critnet/trade.h"
#include "import/trade/aggregate_i.h"
#include "import/trade/maps_i.h"

/* the columns a trade table may have, in cn_i_trade_loader.col */
enum { C_EXP, C_IMP, C_PROD, C_YEAR, C_VALUE, C_QTY, C_FLOW, C_PARTNER_CODE,
       C_REPORTER_CODE, C_MOT, C_CUSTOMS, C_PARTNER2, C_MOS, /* UN Comtrade: numeric reporter, breakdowns */
       C_NCOL };

/* what cn_i_trade_add_country and cn_i_trade_product return instead of an index */
enum {
    CN_I_TRADE_NONE = -1,      /* an unknown country; a product filtered out (--products, Comtrade "TOTAL") */
    CN_I_TRADE_MALFORMED = -2, /* a product that is not an HS code */
    CN_I_TRADE_NOMEM = -3      /* out of memory (or more than CN_TRADE_WORLD - 1 countries) */
};

/* a UN Comtrade breakdown row kept aside (rows.c) */
struct cn_i_breakdown {
    cn_flow f;
    int target; /* 0 importer-reported flows, 1 exporter-reported, 2 World totals */
    int dim;    /* 0 motCode, 1 customsCode, 2 partner2Code, 3 mosCode */
};

struct cn_trade_maps {
    cn_i_strmap countries; /* iso3 -> index */
    cn_i_strmap names;     /* a name or code as written -> country index, or -1 (unknown) */
    cn_i_strmap products;  /* product as written (normalised) -> index */
    unsigned char *allowed;
    size_t allowed_cap;
    int32_t numeric[1000]; /* numeric country code -> index; -2 = not looked up, -1 = unknown */
    uint64_t *hs6;         /* small cache-resident hash: (HS6 code as a number + 1) << 32 | product index */
    size_t hs6_cap, hs6_n;
    cn_i_flowmap flows, totals, xflows; /* UN Comtrade: importer-reported, World totals, exporter-reported */
    cn_flow *rows;                    /* BACI and CSV: one flow per row (summed when the network is built) */
    size_t nrows, caprows;
    cn_i_expagg exp;                    /* exporters_only: world exports per (year, product, exporter) */
    cn_flow batch[256];               /* rows waiting to be summed into exp */
    size_t nbatch;
    struct cn_i_breakdown *bd;        /* UN Comtrade breakdown rows, used where a pair has no total row */
    size_t nbd, capbd;
};

typedef struct cn_i_trade_loader {
    cn_trade *t;
    struct cn_trade_maps *m;
    const cn_trade_opts *o;
    cn_csv *csv;
    int col[C_NCOL];
    int numeric_countries; /* reporter/partner/i/j are numeric codes */
    size_t need;           /* fields a row must have */
    char **prefixes;       /* --products: HS prefixes and codes; NULL = all */
    size_t nprefixes;
    int fast;              /* reading a plain line in place (fast_row): a malformed row is re-read, not reported */
    int32_t importer;      /* opts->importer's country index, or -1 */
    int saw_quote;         /* fast_row met a quote (a record may span lines) */
    uint64_t progress_total;
    /* a part of the file read on a thread (read_parallel) */
    int part, stopped;     /* stopped: at a line it does not take, which starts at stop_off, line stop_line */
    uint64_t stop_off;
    long stop_line;
    cn_status part_st;
    cn_error part_err;
    int exporter_only;     /* no partner column: rows are world exports by country (cn_trade.exporter_only) */
} cn_i_trade_loader;


/* header.c: reads the header line and sets the layout and ld->col; CN_EDATA when it is not a trade table */
cn_status cn_i_trade_read_header(cn_i_trade_loader *ld, cn_error *err);
/* header.c: --products -> ld->prefixes; CN_EUSAGE for an unknown mineral */
cn_status cn_i_trade_products_filter(cn_i_trade_loader *ld, cn_error *err);

/* rows.c: the index of the country iso3 in ld->t->countries, added when new, or CN_I_TRADE_NOMEM */
int32_t cn_i_trade_add_country(cn_i_trade_loader *ld, const char *iso3);
/* rows.c: the index of a product field, added when new; or CN_I_TRADE_NONE, _MALFORMED, _NOMEM */
int32_t cn_i_trade_product(cn_i_trade_loader *ld, const char *s, size_t len);
/* rows.c: appends one flow to m->rows. Errors: CN_ENOMEM (the rows are then unchanged) */
cn_status cn_i_trade_push_row(struct cn_trade_maps *m, const cn_flow *f, cn_error *err);
/* rows.c: exporters_only: sums the waiting rows (m->batch) into m->exp and empties the batch. Errors: CN_ENOMEM */
cn_status cn_i_trade_flush_batch(struct cn_trade_maps *m, cn_error *err);
/* rows.c: UN Comtrade, after the rows: a pair with breakdown rows and no total row gets the rows of its first
 * broken-down dimension (they add up to the total); the others stay dropped. Errors: CN_ENOMEM */
cn_status cn_i_trade_breakdowns(cn_i_trade_loader *ld, cn_error *err);
/* a plain BACI line's numbers (plain.c) */
typedef struct cn_i_plain {
    int32_t year, product;      /* product: the HS6 code as a number */
    int32_t exporter, importer; /* numeric country codes (0-999) */
    double value, quantity;     /* NAN for NA */
} cn_i_plain;
/* plain.c: 1 when line (in a buffer with CN_CSV_PAD readable bytes after it) starts with a plain BACI line: its
 * six fields in field/flen (not NUL-terminated), its numbers in *out, its bytes with the line break in *used;
 * 0 (nothing set) for any other form, or a line not whole before the data's end. O(line length). */
int cn_i_trade_plain_line(char *line, char **field, size_t *flen, cn_i_plain *out, size_t *used);

/* rows.c: reads the records of ld->csv to its end (a part on a thread: to its first line that is not plain) */
cn_status cn_i_trade_read_rows(cn_i_trade_loader *ld, cn_error *err);

/* read.c: the regions, aggregates and unknown codes kept as suppliers (t->nkept, t->kept, t->nhistorical),
 * counted from the table's country ids. Errors: CN_ENOMEM */
cn_status cn_i_trade_count_kept(cn_trade *t, cn_error *err);

/* read.c: a loader with an empty table and maps; CN_ENOMEM */
cn_status cn_i_trade_loader_init(cn_i_trade_loader *ld, const cn_trade_opts *opts, cn_error *err);
/* read.c: frees the loader's maps and moves the rows read into ld->t (which the caller keeps or frees) */
void cn_i_trade_loader_done(cn_i_trade_loader *ld);

/* parallel.c: reads the rest of a large BACI file on two threads; *redo set when it must be read again in
 * order (a quote in the first half) */
cn_status cn_i_trade_read_parallel(cn_i_trade_loader *a, const char *path, uint64_t total, int *redo,
                                   cn_error *err);

#endif
