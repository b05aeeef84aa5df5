/* io/import/risk_inputs.c: the inputs of the risk measures from CSV: WGI governance figures, parameter and
 * trade-parameter files, and the EU CRM 2023 tables through the EU-material -> critnet-id table. docs/risk.md */
#include "critnet/risk_io.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "critnet/countries.h"
#include "critnet/csv.h"

/* ---- a CSV read by header names ---- */

#define MAXCOLS 32

typedef struct hdr {
    char *name[MAXCOLS];
    size_t n;
} hdr;

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

static void hdr_free(hdr *h)
{
    for (size_t i = 0; i < h->n; i++)
        free(h->name[i]);
    h->n = 0;
}

static cn_status hdr_read(cn_csv *r, hdr *h, cn_error *err)
{
    cn_csv_row row;
    h->n = 0;
    cn_csv_step got = cn_csv_next(r, &row, err);
    if (got == CN_CSV_STEP_ERROR)
        return err->status;
    if (got == CN_CSV_STEP_EOF)
        return cn_error_set(err, CN_EDATA, "%s:1: expected a header line", cn_csv_path(r));
    for (size_t i = 0; i < row.n && i < MAXCOLS; i++) {
        if (!(h->name[i] = cn_strdup(trim(row.field[i])))) {
            hdr_free(h);
            return cn_error_set(err, CN_ENOMEM, "out of memory");
        }
        h->n++;
    }
    return CN_OK;
}

static int col(const hdr *h, const char *name)
{
    for (size_t i = 0; i < h->n; i++)
        if (strcmp(h->name[i], name) == 0)
            return (int)i;
    return -1;
}

/* field c of row (trimmed), "" when the row is short or c < 0 */
static char *field(const cn_csv_row *row, int c)
{
    return c >= 0 && (size_t)c < row->n ? trim(row->field[c]) : (char *)"";
}

/* a number (empty: NAN); CN_EDATA naming the column otherwise */
static cn_status num(cn_csv *r, const cn_csv_row *row, const hdr *h, int c, double *out, cn_error *err)
{
    const char *f = field(row, c);
    *out = NAN;
    if (!*f)
        return CN_OK;
    if (cn_parse_double(f, strlen(f), 0, out, NULL) != CN_OK || !isfinite(*out))
        return cn_error_set(err, CN_EDATA, "%s:%ld: column '%s': expected a number, got '%s'", cn_csv_path(r),
                            row->line, h->name[c], f);
    return CN_OK;
}

/* a country code or name as ISO3 (World Bank codes and "DR Congo" included), or NULL */
static const char *iso3_of(const char *s)
{
    static const char *const alias[][2] = {{"ZAR", "COD"}, {"ROM", "ROU"}, {"KSV", "XKX"}, {"TMP", "TLS"},
                                           {"ADO", "AND"}, {"WBG", "PSE"}, {"DR Congo", "COD"}, {"XKX", "XKX"},
                                           {"ANT", "ANT"} /* Netherlands Antilles, a withdrawn code */};
    for (size_t i = 0; i < sizeof alias / sizeof *alias; i++)
        if (strcmp(s, alias[i][0]) == 0)
            return alias[i][1];
    return cn_country_iso3(s);
}

/* reads the rows of a CSV after its header h into ctx (read_csv) */
typedef cn_status (*csv_reader)(cn_csv *r, const hdr *h, void *ctx, cn_error *err);

/* the CSV file at path, or (mem) data[len] in memory named path in messages: its header, then its rows read by
 * read into ctx; closed after */
static cn_status read_csv(const char *path, int mem, const char *data, size_t len, csv_reader read, void *ctx,
                          cn_error *err)
{
    cn_csv *r;
    hdr h = {0};
    cn_status st = mem ? cn_csv_open_mem(data, len, path, ',', &r, err) : cn_csv_open(path, ',', &r, err);
    if (st)
        return st;
    if (!(st = hdr_read(r, &h, err)))
        st = read(r, &h, ctx, err);
    hdr_free(&h);
    cn_csv_close(r);
    return st;
}

/* ---- WGI ---- */

static cn_status wgi_read(cn_csv *r, const hdr *h, void *ctx, cn_error *err)
{
    cn_risk_inputs *in = ctx;
    const char *where = cn_csv_path(r);
    cn_status st = CN_OK;
    size_t n0 = in->nwgi, cap = in->nwgi;
    int ciso = col(h, "iso3"), cyear = col(h, "year"), cest = col(h, "estimate");
    if (ciso < 0)
        ciso = col(h, "iso3_wb");
    if (cest < 0)
        cest = col(h, "mean6_estimate");
    static const char *const six[6] = {"va", "pv", "ge", "rq", "rl", "cc"};
    int csix[6], nsix = 0;
    for (int i = 0; i < 6; i++)
        nsix += (csix[i] = col(h, six[i])) >= 0;
    if (ciso < 0 || cyear < 0 || (cest < 0 && nsix == 0)) {
        st = cn_error_set(err, CN_EDATA, "%s:1: expected columns iso3 (or iso3_wb), year, and estimate (or "
                                         "mean6_estimate, or the six indicators va,pv,ge,rq,rl,cc)", where);
        goto done;
    }
    cn_csv_row row;
    cn_csv_step got;
    while ((got = cn_csv_next(r, &row, err)) == CN_CSV_STEP_ROW) {
        const char *code = field(&row, ciso), *iso = iso3_of(code);
        if (!iso) {
            st = cn_error_set(err, CN_EDATA, "%s:%ld: column '%s': expected a country code, got '%s'", where,
                              row.line, h->name[ciso], code);
            goto done;
        }
        double year, mean = NAN;
        if ((st = num(r, &row, h, cyear, &year, err)))
            goto done;
        if (isnan(year) || year != floor(year) || year < 1900 || year > 2200) {
            st = cn_error_set(err, CN_EDATA, "%s:%ld: column 'year': expected a year, got '%s'", where, row.line,
                              field(&row, cyear));
            goto done;
        }
        if (cest >= 0) {
            if ((st = num(r, &row, h, cest, &mean, err)))
                goto done;
        } else {
            double sum = 0, x;
            int k = 0;
            for (int i = 0; i < 6; i++) {
                if (csix[i] < 0)
                    continue;
                if ((st = num(r, &row, h, csix[i], &x, err)))
                    goto done;
                if (!isnan(x))
                    sum += x, k++;
            }
            mean = k ? sum / k : NAN;
        }
        if (isnan(mean))
            continue; /* no figure: the country stays without governance data for that year */
        if (mean < -5 || mean > 5) {
            st = cn_error_set(err, CN_EDATA, "%s:%ld: expected a WGI estimate in about -2.5..2.5, got %g", where,
                              row.line, mean);
            goto done;
        }
        if (in->nwgi == cap) {
            cap = cap ? cap * 2 : 1024;
            cn_risk_wgi *p = realloc(in->wgi, cap * sizeof *p);
            if (!p) {
                st = cn_error_set(err, CN_ENOMEM, "out of memory");
                goto done;
            }
            in->wgi = p;
        }
        cn_risk_wgi *w = &in->wgi[in->nwgi++];
        memcpy(w->iso3, iso, 4);
        w->year = (int32_t)year;
        w->mean = mean;
        w->pv = NAN;
        if (csix[1] >= 0 && (st = num(r, &row, h, csix[1], &w->pv, err)))
            goto done;
    }
    if (got == CN_CSV_STEP_ERROR)
        st = err->status;
    if (!st && !in->wgi_source && !(in->wgi_source = cn_strdup(where)))
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
done:
    if (st)
        in->nwgi = n0;
    return st;
}

cn_status cn_risk_wgi_read(const char *path, cn_risk_inputs *in, cn_error *err)
{
    return read_csv(path, 0, NULL, 0, wgi_read, in, err);
}

cn_status cn_risk_wgi_read_mem(const char *data, size_t len, const char *name, cn_risk_inputs *in, cn_error *err)
{
    return read_csv(name, 1, data, len, wgi_read, in, err);
}

/* ---- parameters ---- */

static int push_param(cn_risk_inputs *in, const char *mineral, cn_risk_stage stage, double ir, double eol, double si)
{
    cn_risk_param *p = realloc(in->params, (in->nparams + 1) * sizeof *p);
    if (!p)
        return -1;
    in->params = p;
    char *m = cn_strdup(mineral);
    if (!m)
        return -1;
    in->params[in->nparams++] = (cn_risk_param){m, stage, ir, eol, si};
    return 0;
}

static int push_trade(cn_risk_inputs *in, const char *mineral, cn_risk_stage stage, const char *iso3,
                      cn_risk_scope scope, double t)
{
    cn_risk_trade *p = realloc(in->trade, (in->ntrade + 1) * sizeof *p);
    if (!p)
        return -1;
    in->trade = p;
    char *m = cn_strdup(mineral);
    if (!m)
        return -1;
    cn_risk_trade *x = &in->trade[in->ntrade++];
    x->mineral = m;
    x->stage = stage;
    memcpy(x->iso3, iso3, 4);
    x->scope = scope;
    x->t = t;
    return 0;
}

/* drops the rows appended since (np, nt) */
static void rollback(cn_risk_inputs *in, size_t np, size_t nt)
{
    while (in->nparams > np)
        free(in->params[--in->nparams].mineral);
    while (in->ntrade > nt)
        free(in->trade[--in->ntrade].mineral);
}

/* a fraction column: "name" in [0,1] or "name_pct" in [0,100] */
static cn_status frac(cn_csv *r, const cn_csv_row *row, const hdr *h, const char *name, double *out, cn_error *err)
{
    char pct[32];
    snprintf(pct, sizeof pct, "%s_pct", name);
    int c = col(h, name), cp = col(h, pct);
    *out = NAN;
    if (c < 0 && cp < 0)
        return CN_OK;
    int use = c >= 0 ? c : cp;
    cn_status st = num(r, row, h, use, out, err);
    if (st || isnan(*out))
        return st;
    if (use == cp)
        *out /= 100.0;
    if (*out < 0 || *out > 1)
        return cn_error_set(err, CN_EDATA, "%s:%ld: column '%s': expected %s, got '%s'", cn_csv_path(r), row->line,
                            h->name[use], use == cp ? "a percentage in [0,100]" : "a fraction in [0,1]",
                            field(row, use));
    return CN_OK;
}

static cn_status params_read(cn_csv *r, const hdr *h, void *ctx, cn_error *err)
{
    cn_risk_inputs *in = ctx;
    const char *where = cn_csv_path(r);
    size_t np = in->nparams, nt = in->ntrade;
    cn_status st = CN_OK;
    int cmin = col(h, "mineral"), cstage = col(h, "stage"), ccty = col(h, "country"), ct = col(h, "t"),
        cscope = col(h, "scope");
    int has_params = col(h, "ir") >= 0 || col(h, "ir_pct") >= 0 || col(h, "eol_rir") >= 0 ||
                     col(h, "eol_rir_pct") >= 0 || col(h, "si_sr") >= 0 || col(h, "si_sr_pct") >= 0;
    if (cmin < 0 || (!has_params && (ccty < 0 || ct < 0))) {
        st = cn_error_set(err, CN_EDATA, "%s:1: expected columns mineral, stage, and ir, eol_rir, si_sr (or "
                                         "ir_pct, eol_rir_pct, si_sr_pct) and/or country, t", where);
        goto done;
    }
    cn_csv_row row;
    cn_csv_step got;
    while ((got = cn_csv_next(r, &row, err)) == CN_CSV_STEP_ROW) {
        const char *mineral = field(&row, cmin), *sg = field(&row, cstage), *cty = field(&row, ccty);
        cn_risk_stage stage = CN_RISK_STAGE_NONE;
        if (!*mineral) {
            st = cn_error_set(err, CN_EDATA, "%s:%ld: column 'mineral': expected a critnet mineral id", where,
                              row.line);
            goto done;
        }
        if (*sg && cn_risk_stage_parse(sg, &stage)) {
            st = cn_error_set(err, CN_EDATA, "%s:%ld: column 'stage': expected extraction or processing, got '%s'",
                              where, row.line, sg);
            goto done;
        }
        if (*cty) {
            const char *iso = iso3_of(cty), *sc = field(&row, cscope);
            double t;
            cn_risk_scope scope = CN_RISK_SCOPE_BOTH;
            if (!iso) {
                st = cn_error_set(err, CN_EDATA, "%s:%ld: column 'country': expected an ISO3 code or a country "
                                                 "name, got '%s'", where, row.line, cty);
                goto done;
            }
            if ((st = num(r, &row, h, ct, &t, err)))
                goto done;
            if (isnan(t) || t <= 0 || t > 10) {
                st = cn_error_set(err, CN_EDATA, "%s:%ld: column 't': expected a trade parameter in (0,10], got '%s'",
                                  where, row.line, field(&row, ct));
                goto done;
            }
            if (strcmp(sc, "gs") == 0)
                scope = CN_RISK_SCOPE_GS;
            else if (strcmp(sc, "sourcing") == 0)
                scope = CN_RISK_SCOPE_SOURCING;
            else if (*sc && strcmp(sc, "both") != 0) {
                st = cn_error_set(err, CN_EDATA, "%s:%ld: column 'scope': expected gs, sourcing or both, got '%s'",
                                  where, row.line, sc);
                goto done;
            }
            if (push_trade(in, mineral, stage, iso, scope, t)) {
                st = cn_error_set(err, CN_ENOMEM, "out of memory");
                goto done;
            }
            continue;
        }
        double ir, eol, si;
        if ((st = frac(r, &row, h, "ir", &ir, err)) || (st = frac(r, &row, h, "eol_rir", &eol, err)) ||
            (st = frac(r, &row, h, "si_sr", &si, err)))
            goto done;
        if (si == 0) {
            st = cn_error_set(err, CN_EDATA, "%s:%ld: column 'si_sr': expected a substitution index in (0,1]",
                              where, row.line);
            goto done;
        }
        if (push_param(in, mineral, stage, ir, eol, si)) {
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
            goto done;
        }
    }
    if (got == CN_CSV_STEP_ERROR)
        st = err->status;
    if (!st && !in->params_source && !(in->params_source = cn_strdup(where)))
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
done:
    if (st)
        rollback(in, np, nt);
    return st;
}

cn_status cn_risk_params_read(const char *path, cn_risk_inputs *in, cn_error *err)
{
    return read_csv(path, 0, NULL, 0, params_read, in, err);
}

/* ---- the EU CRM 2023 tables ---- */

typedef struct eumap {
    char *material, *id;
    cn_risk_stage stage;
} eumap;

static void map_free(eumap *m, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(m[i].material), free(m[i].id);
    free(m);
}

/* the EU-material -> critnet-id table and the rows read into in (read_csv's ctx for the EU CRM 2023 tables) */
typedef struct eu_ctx {
    eumap *m;
    size_t nm;
    cn_risk_inputs *in;
} eu_ctx;

/* materials.csv: one row per EU material and stage, its critnet id */
static cn_status map_read(cn_csv *r, const hdr *h, void *ctx, cn_error *err)
{
    eu_ctx *x = ctx;
    int cm = col(h, "eu_material"), cs = col(h, "stage"), ci = col(h, "critnet_id");
    if (cm < 0 || cs < 0 || ci < 0)
        return cn_error_set(err, CN_EDATA, "materials.csv:1: expected columns eu_material, stage, critnet_id");
    cn_csv_row row;
    cn_csv_step got;
    while ((got = cn_csv_next(r, &row, err)) == CN_CSV_STEP_ROW) {
        cn_risk_stage stage;
        if (cn_risk_stage_parse(field(&row, cs), &stage))
            return cn_error_set(err, CN_EDATA, "materials.csv:%ld: column 'stage': expected E or P", row.line);
        eumap *p = realloc(x->m, (x->nm + 1) * sizeof *p);
        if (!p)
            return cn_error_set(err, CN_ENOMEM, "out of memory");
        x->m = p;
        p = &x->m[x->nm++];
        *p = (eumap){cn_strdup(field(&row, cm)), cn_strdup(field(&row, ci)), stage};
        if (!p->material || !p->id)
            return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    return got == CN_CSV_STEP_ERROR ? err->status : CN_OK;
}

/* the n columns names of an EU table into c; CN_EDATA "FILE:1: expected the EU CRM 2023 columns" when one is
 * missing */
static cn_status eu_cols(cn_csv *r, const hdr *h, const char *const *names, size_t n, int *c, cn_error *err)
{
    for (size_t i = 0; i < n; i++)
        if ((c[i] = col(h, names[i])) < 0)
            return cn_error_set(err, CN_EDATA, "%s:1: expected the EU CRM 2023 columns", cn_csv_path(r));
    return CN_OK;
}

/* parameters.csv: one row per material, its SI_SR and EoL_RIR for each stage assessed */
static cn_status eu_params_read(cn_csv *r, const hdr *h, void *ctx, cn_error *err)
{
    const eu_ctx *x = ctx;
    enum { MAT, STAGES, SI, EOL, FLAG };
    static const char *const names[] = {"material", "stages_assessed", "si_sr", "eol_rir_pct", "row_quality_flag"};
    int c[5];
    cn_status st = eu_cols(r, h, names, 5, c, err);
    if (st)
        return st;
    cn_csv_row row;
    cn_csv_step got;
    while ((got = cn_csv_next(r, &row, err)) == CN_CSV_STEP_ROW) {
        const char *mat = field(&row, c[MAT]), *stages = field(&row, c[STAGES]);
        if (*field(&row, c[FLAG]))
            continue; /* shifted columns in the source: not usable */
        double si, eol;
        if ((st = num(r, &row, h, c[SI], &si, err)) || (st = num(r, &row, h, c[EOL], &eol, err)))
            return st;
        for (size_t i = 0; i < x->nm; i++) {
            const eumap *m = &x->m[i];
            if (strcmp(m->material, mat) != 0)
                continue;
            if (!strchr(stages, m->stage == CN_RISK_STAGE_EXTRACTION ? 'E' : 'P'))
                continue;
            if (push_param(x->in, m->id, m->stage, NAN, eol / 100.0, si))
                return cn_error_set(err, CN_ENOMEM, "out of memory");
        }
    }
    return got == CN_CSV_STEP_ERROR ? err->status : CN_OK;
}

/* trade_parameters.csv: one row per material, country, stage and scope; the global-supply ones are used */
static cn_status eu_trade_read(cn_csv *r, const hdr *h, void *ctx, cn_error *err)
{
    const eu_ctx *x = ctx;
    enum { MAT, COUNTRY, T, STAGE, SCOPE };
    static const char *const names[] = {"material", "country", "trade_parameter_t", "stage", "supply_scope"};
    int c[5];
    cn_status st = eu_cols(r, h, names, 5, c, err);
    if (st)
        return st;
    cn_csv_row row;
    cn_csv_step got;
    while ((got = cn_csv_next(r, &row, err)) == CN_CSV_STEP_ROW) {
        const char *mat = field(&row, c[MAT]), *cty = field(&row, c[COUNTRY]), *iso = iso3_of(cty);
        cn_risk_stage stage;
        double t;
        if (strncmp(field(&row, c[SCOPE]), "global supply", 13) != 0)
            continue;
        if (!iso || cn_risk_stage_parse(field(&row, c[STAGE]), &stage))
            return cn_error_set(err, CN_EDATA, "eu-crm-2023/trade_parameters.csv:%ld: unknown country '%s' or stage",
                                row.line, cty);
        if ((st = num(r, &row, h, c[T], &t, err)))
            return st;
        for (size_t i = 0; i < x->nm; i++)
            if (strcmp(x->m[i].material, mat) == 0 && x->m[i].stage == stage && !isnan(t) &&
                push_trade(x->in, x->m[i].id, stage, iso, CN_RISK_SCOPE_GS, t))
                return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    return got == CN_CSV_STEP_ERROR ? err->status : CN_OK;
}

cn_status cn_risk_params_read_eu_mem(const char *params, size_t nparams, const char *trade, size_t ntrade,
                                     const char *map, size_t nmap, cn_risk_inputs *in, cn_error *err)
{
    eu_ctx x = {NULL, 0, in};
    size_t np = in->nparams, nt = in->ntrade;
    cn_status st = read_csv("materials.csv", 1, map, nmap, map_read, &x, err);
    if (!st)
        st = read_csv("eu-crm-2023/parameters.csv", 1, params, nparams, eu_params_read, &x, err);
    if (!st)
        st = read_csv("eu-crm-2023/trade_parameters.csv", 1, trade, ntrade, eu_trade_read, &x, err);
    map_free(x.m, x.nm);
    if (st)
        rollback(in, np, nt);
    return st;
}
