/* io/import/trade/header.c: the layouts of trade tables (BACI, UN Comtrade, plain CSV): detecting one from a
 * header line, mapping its columns (--columns), and the --products filter. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "critnet/io.h"
#include "import/trade/read_i.h"

static const char *const col_names[C_NCOL] = {"exporter", "importer", "product", "year", "value", "quantity",
                                              "flow", "partner code", "reporter code"};

/* header names per layout: alternatives separated by '|' */
static const char *const baci_cols[C_NCOL] = {"i", "j", "k", "t", "v", "q", NULL, NULL};
static const char *const comtrade_cols[C_NCOL] = {
    "reporterISO|Reporter ISO|reporterCode|Reporter Code", "partnerISO|Partner ISO|partnerCode|Partner Code",
    "cmdCode|Commodity Code", "refYear|Year|period|Period", "primaryValue|Trade Value (US$)",
    "netWgt|Netweight (kg)", "flowCode|Trade Flow Code", "partnerCode|Partner Code",
    "reporterCode|Reporter Code", "motCode|Mode of Transport Code", "customsCode|Customs Proc. Code",
    "partner2Code|2nd Partner Code", "mosCode|Mode of Supply Code"};
/* plain CSV, any case; also the Atlas of Economic Complexity (location_code, partner_code, hs_product_code,
 * export_value: the location's exports to the partner) and OEC-style country-product tables (no partner) */
static const char *const csv_cols[C_NCOL] = {
    "exporter|location_code|origin|country_iso3_code|country_code|country",
    "importer|partner_code|destination|dest|partner_iso3_code",
    "product|hs_product_code|hs92|hs96|hs02|hs07|hs12|hs17|hs22|hs6|hs4|commodity_code",
    "year", "value|export_value|export_val|trade_value", "quantity|export_quantity", NULL, NULL};

cn_status cn_trade_layout_parse(const char *s, cn_trade_layout *out, cn_error *err)
{
    if (strcmp(s, "baci") == 0)
        *out = CN_TRADE_LAYOUT_BACI;
    else if (strcmp(s, "comtrade") == 0)
        *out = CN_TRADE_LAYOUT_COMTRADE;
    else if (strcmp(s, "csv") == 0)
        *out = CN_TRADE_LAYOUT_CSV;
    else
        return cn_error_set(err, CN_EUSAGE, "'%s': expected baci, comtrade or csv", s);
    return CN_OK;
}

static const char *layout_name(cn_trade_layout l)
{
    return l == CN_TRADE_LAYOUT_BACI ? "BACI" : l == CN_TRADE_LAYOUT_COMTRADE ? "UN Comtrade" : "CSV";
}

/* index of the first header field matching one of the '|'-separated names, or -1 */
static int find_col(char **field, size_t n, const char *names, int icase)
{
    if (!names)
        return -1;
    const char *p = names;
    while (*p) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        for (size_t i = 0; i < n; i++)
            if (strlen(field[i]) == len &&
                (icase ? strncasecmp(field[i], p, len) == 0 : strncmp(field[i], p, len) == 0))
                return (int)i;
        p += len + (bar ? 1 : 0);
    }
    return -1;
}

cn_trade_layout cn_trade_detect(char **field, size_t n)
{
    int baci = 1;
    for (int c = 0; c < C_FLOW; c++)
        baci &= find_col(field, n, baci_cols[c], 0) >= 0;
    if (baci)
        return CN_TRADE_LAYOUT_BACI;
    if (find_col(field, n, comtrade_cols[C_EXP], 0) >= 0 && find_col(field, n, comtrade_cols[C_PROD], 0) >= 0 &&
        find_col(field, n, comtrade_cols[C_FLOW], 0) >= 0)
        return CN_TRADE_LAYOUT_COMTRADE;
    /* exporter and product, and an importer or (an exporter-only table) a value */
    if (find_col(field, n, csv_cols[C_EXP], 1) >= 0 && find_col(field, n, csv_cols[C_PROD], 1) >= 0 &&
        (find_col(field, n, csv_cols[C_IMP], 1) >= 0 || find_col(field, n, csv_cols[C_VALUE], 1) >= 0))
        return CN_TRADE_LAYOUT_CSV;
    return CN_TRADE_LAYOUT_AUTO;
}

int cn_trade_sniff(const char *path)
{
    struct stat sb; /* stdin, a FIFO or a pipe is never probed: reading would consume it (cn_input_sniff) */
    if (strcmp(path, "-") == 0 || stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
        return 0;
    cn_csv *r;
    cn_error err;
    cn_csv_row row;
    if (cn_csv_open(path, ',', &r, &err) != CN_OK)
        return 0;
    int yes = cn_csv_next(r, &row, &err) == CN_CSV_STEP_ROW && cn_trade_detect(row.field, row.n) != CN_TRADE_LAYOUT_AUTO;
    cn_csv_close(r);
    return yes;
}

/* --columns exporter=COL,...: sets ld->col from the header */
static cn_status csv_columns(cn_i_trade_loader *ld, char **field, size_t n, cn_error *err)
{
    const char *spec = ld->o->columns;
    if (!spec) {
        for (int c = 0; c < C_FLOW; c++)
            ld->col[c] = find_col(field, n, csv_cols[c], 1);
        return CN_OK;
    }
    char *copy = cn_strdup(spec);
    if (!copy)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    cn_status st = CN_OK;
    for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok && !st; tok = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(tok, '=');
        int c = -1;
        if (eq) {
            *eq = '\0';
            for (int k = 0; k < C_FLOW; k++)
                if (strcmp(tok, col_names[k]) == 0)
                    c = k;
        }
        if (c < 0) {
            st = cn_error_set(err, CN_EUSAGE, "--columns '%s': expected KEY=COLUMN with KEY one of exporter, "
                              "importer, product, year, value, quantity (no importer: an exporter-only table)",
                              spec);
        } else if ((ld->col[c] = find_col(field, n, eq + 1, 0)) < 0) {
            st = cn_error_set(err, CN_EDATA, "%s:1: no column '%s' (for %s) in the header", cn_csv_path(ld->csv),
                              eq + 1, tok);
        }
    }
    free(copy);
    return st;
}

cn_status cn_i_trade_read_header(cn_i_trade_loader *ld, cn_error *err)
{
    cn_csv_row row;
    cn_csv_step rc = cn_csv_next(ld->csv, &row, err);
    if (rc == CN_CSV_STEP_ERROR)
        return err->status;
    const char *path = cn_csv_path(ld->csv);
    if (rc == CN_CSV_STEP_EOF)
        return cn_error_set(err, CN_EDATA, "%s: empty file; expected a trade table with a header", path);
    cn_trade_layout l = ld->o->from;
    if (l == CN_TRADE_LAYOUT_AUTO && ld->o->columns)
        l = CN_TRADE_LAYOUT_CSV;
    if (l == CN_TRADE_LAYOUT_AUTO)
        l = cn_trade_detect(row.field, row.n);
    if (l == CN_TRADE_LAYOUT_AUTO)
        return cn_error_set(err, CN_EDATA, "%s:1: not a known trade-table header (BACI t,i,j,k,v,q; UN Comtrade "
                            "reporterCode,...,cmdCode; or exporter,importer,product); give --from and --columns",
                            path);
    ld->t->layout = l;
    for (int c = 0; c < C_NCOL; c++)
        ld->col[c] = -1;
    if (l == CN_TRADE_LAYOUT_CSV) {
        cn_status st = csv_columns(ld, row.field, row.n, err);
        if (st)
            return st;
    } else {
        const char *const *names = l == CN_TRADE_LAYOUT_BACI ? baci_cols : comtrade_cols;
        for (int c = 0; c < C_NCOL; c++)
            ld->col[c] = find_col(row.field, row.n, names[c], 0);
    }
    ld->numeric_countries = l == CN_TRADE_LAYOUT_BACI;
    if (l == CN_TRADE_LAYOUT_COMTRADE) {
        /* ISO columns first; numeric reporter/partner codes otherwise */
        ld->numeric_countries = find_col(row.field, row.n, "reporterISO|Reporter ISO", 0) < 0;
        if (ld->col[C_FLOW] < 0 || ld->col[C_PARTNER_CODE] < 0)
            ld->col[C_PARTNER_CODE] = -1;
    }
    /* a CSV with a country and a product but no partner: world exports by country (OEC country-product) */
    if (l == CN_TRADE_LAYOUT_CSV && ld->col[C_IMP] < 0 && ld->col[C_EXP] >= 0 && ld->col[C_PROD] >= 0)
        ld->exporter_only = ld->t->exporter_only = 1;
    if (ld->exporter_only && ld->o->importer)
        return cn_error_set(err, CN_EDATA, "%s:1: an exporter-only table (a country and a product per row, no "
                            "partner column): it holds world exports, the production layer only, and no "
                            "importer's suppliers; use a table with partners for %s", path, ld->o->importer);
    static const int required[] = {C_EXP, C_IMP, C_PROD};
    for (size_t k = 0; k < sizeof required / sizeof *required; k++)
        if (ld->col[required[k]] < 0 && !(required[k] == C_IMP && ld->exporter_only))
            return cn_error_set(err, CN_EDATA, "%s:1: %s header has no %s column%s", path, layout_name(l),
                                col_names[required[k]],
                                l == CN_TRADE_LAYOUT_CSV ? "; name it with --columns" : "");
    if (ld->col[C_VALUE] < 0 && ld->col[C_QTY] < 0)
        return cn_error_set(err, CN_EDATA, "%s:1: %s header has neither a value nor a quantity column", path,
                            layout_name(l));
    if (l == CN_TRADE_LAYOUT_COMTRADE && ld->col[C_FLOW] < 0)
        return cn_error_set(err, CN_EDATA, "%s:1: UN Comtrade header has no flowCode column", path);
    for (int c = 0; c < C_NCOL; c++)
        if (ld->col[c] >= 0 && (size_t)ld->col[c] + 1 > ld->need)
            ld->need = (size_t)ld->col[c] + 1;
    return CN_OK;
}

/* --products: HS codes (prefixes) and mineral ids (every HS code of the mineral in hs_minerals.csv) */
cn_status cn_i_trade_products_filter(cn_i_trade_loader *ld, cn_error *err)
{
    const char *spec = ld->o->products;
    if (!spec)
        return CN_OK;
    char *copy = cn_strdup(spec);
    if (!copy)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    cn_status st = CN_OK;
    for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok && !st; tok = strtok_r(NULL, ",", &save)) {
        int digits = 1, found = 0;
        for (const char *c = tok; *c; c++)
            digits &= isdigit((unsigned char)*c) != 0;
        char *colon = strchr(tok, ':');
        for (size_t i = 0; !digits && cn_hs_get(i); i++) {
            const cn_hs_mineral *h = cn_hs_get(i);
            int match = colon ? strncmp(h->mineral, tok, (size_t)(colon - tok)) == 0 &&
                                    h->mineral[colon - tok] == '\0' && strcmp(h->stage, colon + 1) == 0
                              : strcmp(h->mineral, tok) == 0;
            if (!match || cn_hs_weight(h) == 0) /* a basket code left out is not the mineral's */
                continue;
            found = 1;
            char **p = realloc(ld->prefixes, (ld->nprefixes + 1) * sizeof *p);
            if (!p || !(p[ld->nprefixes] = cn_strdup(h->hs6))) {
                if (p)
                    ld->prefixes = p;
                st = cn_error_set(err, CN_ENOMEM, "out of memory");
                break;
            }
            ld->prefixes = p;
            ld->nprefixes++;
        }
        if (digits && *tok) {
            char **p = realloc(ld->prefixes, (ld->nprefixes + 1) * sizeof *p);
            if (p)
                ld->prefixes = p;
            if (!p || !(p[ld->nprefixes] = cn_strdup(tok)))
                st = cn_error_set(err, CN_ENOMEM, "out of memory");
            else
                ld->nprefixes++;
        } else if (!found && !st) {
            st = cn_error_set(err, CN_EUSAGE, "--products '%s': not an HS code or a mineral of hs_minerals.csv "
                              "(mineral or mineral:stage)", tok);
        }
    }
    free(copy);
    if (!st && !ld->prefixes)
        st = cn_error_set(err, CN_EUSAGE, "--products '%s': expected HS codes or minerals", spec);
    return st;
}
