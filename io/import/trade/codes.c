/* io/import/trade/codes.c: the code tables trade files need, embedded at build time: BACI's country codes
 * (datasets/baci/country_codes_V202201.csv, Latin-1 converted to UTF-8 here), the HS6 -> mineral map and the
 * HS product names (datasets/hs/hs_names.csv); the rule for a country field (cn_i_trade_classify). */
#include "import/trade/codes_i.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "critnet/csv.h"
#include "critnet/io.h"
#include "critnet/countries.h"
#include "format/embedded.h"
#include "import/places_i.h"

CN_EMBED_DECLARE(cn_i_baci_countries_csv);
CN_EMBED_DECLARE(cn_i_hs_minerals_csv);
CN_EMBED_DECLARE(cn_i_hs_names_csv);

static struct {
    cn_i_baci_country *rows;
    size_t n;
    cn_hs_mineral *hs;
    size_t nhs;
    char **names; /* hscode, description pairs (datasets/hs/hs_names.csv) */
    size_t nnames;
} tab;

/* Latin-1 -> UTF-8 (every byte >= 0x80 is one code point U+0080..U+00FF) */
static char *latin1_to_utf8(const char *s, size_t len)
{
    char *out = malloc(2 * len + 1), *w = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            *w++ = (char)c;
        } else {
            *w++ = (char)(0xC0 | (c >> 6));
            *w++ = (char)(0x80 | (c & 0x3F));
        }
    }
    *w = '\0';
    return out;
}

/* reads an embedded CSV into rows of ncol strings (the header is checked, not kept). On failure (CN_EDATA,
 * CN_ENOMEM) *rows is NULL and nothing is left to free. */
static cn_status read_table(const char *data, size_t len, const char *name, size_t ncol, char ***rows, size_t *n)
{
    cn_csv *r;
    cn_error err;
    cn_csv_row row;
    size_t cap = 0;
    *rows = NULL;
    *n = 0;
    cn_status st = cn_csv_open_mem(data, len, name, ',', &r, &err);
    if (st)
        return st;
    int header = 1;
    cn_csv_step rc;
    while ((rc = cn_csv_next(r, &row, &err)) == CN_CSV_STEP_ROW) {
        if (row.n < ncol) {
            st = cn_error_set(&err, CN_EDATA, "%s:%ld: expected %zu fields", name, row.line, ncol);
            break;
        }
        if (header) {
            header = 0;
            continue;
        }
        if (*n == cap) {
            cap = cap ? 2 * cap : 256;
            char **g = realloc(*rows, cap * ncol * sizeof *g);
            if (!g) {
                st = cn_error_set(&err, CN_ENOMEM, "out of memory");
                break;
            }
            *rows = g;
        }
        for (size_t i = 0; i < ncol; i++)
            (*rows)[*n * ncol + i] = cn_strdup(row.field[i]);
        (*n)++;
        for (size_t i = 0; i < ncol; i++)
            if (!(*rows)[(*n - 1) * ncol + i])
                st = cn_error_set(&err, CN_ENOMEM, "out of memory");
        if (st)
            break;
    }
    if (!st && rc == CN_CSV_STEP_ERROR)
        st = err.status;
    cn_csv_close(r);
    if (st) {
        for (size_t i = 0; i < *n * ncol; i++)
            free((*rows)[i]);
        free(*rows);
        *rows = NULL;
        *n = 0;
    }
    return st;
}

static void load_once(void)
{
    char *utf8 = latin1_to_utf8((const char *)cn_i_baci_countries_csv, CN_EMBED_SIZE(cn_i_baci_countries_csv));
    char **cells = NULL;
    size_t n = 0;
    /* country_code, country_name_abbreviation, country_name_full, iso_2digit_alpha, iso_3digit_alpha */
    if (utf8 && read_table(utf8, strlen(utf8), "country_codes_V202201.csv", 5, &cells, &n) == CN_OK) {
        tab.rows = calloc(n ? n : 1, sizeof *tab.rows);
        for (size_t i = 0; tab.rows && i < n; i++) {
            char **c = cells + 5 * i;
            cn_i_baci_country *b = &tab.rows[tab.n++];
            b->code = atoi(c[0]);
            b->abbrev = c[1];
            b->full = c[2];
            /* 490 "Other Asia, nes" is Taiwan in UN Comtrade and BACI; other N/A codes keep a BACI id */
            if (b->code == 490) {
                b->iso3 = cn_strdup("TWN");
            } else if (strcmp(c[4], "N/A") == 0) {
                char id[16];
                snprintf(id, sizeof id, "BACI%d", b->code);
                b->iso3 = cn_strdup(id);
            } else {
                b->iso3 = cn_strdup(c[4]);
            }
            free(c[0]);
            free(c[3]);
            free(c[4]);
        }
    }
    free(cells);
    free(utf8);
    cells = NULL;
    /* hs6, mineral, stage, description, note, weight (empty: none published), weight_source */
    if (read_table((const char *)cn_i_hs_minerals_csv, CN_EMBED_SIZE(cn_i_hs_minerals_csv), "hs_minerals.csv", 7,
                   &cells, &n) == CN_OK) {
        tab.hs = calloc(n + 1, sizeof *tab.hs);
        for (size_t i = 0; tab.hs && i < n; i++) {
            char **c = cells + 7 * i;
            char *end;
            double w = strtod(c[5], &end);
            if (!*c[5] || *end || !(w == 0 || w == 1))
                w = NAN; /* no weight; a fraction is not applied to flows yet, so it counts as none (left out
                          * unless --include-baskets; tests/cli/test_hs_baskets.sh rejects one in the table) */
            tab.hs[tab.nhs++] = (cn_hs_mineral){c[0], c[1], c[2], c[3], *c[4] ? c[4] : NULL, w, c[6]};
            if (!*c[4])
                free(c[4]);
            free(c[5]);
        }
    }
    free(cells);
}

/* the HS names table, read on first use */
static void load_names_once(void)
{
    if (read_table((const char *)cn_i_hs_names_csv, CN_EMBED_SIZE(cn_i_hs_names_csv), "hs_names.csv", 2,
                   &tab.names, &tab.nnames) != CN_OK)
        tab.nnames = 0;
}

const char *cn_hs_name(const char *code)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, load_names_once);
    for (size_t i = 0; code && i < tab.nnames; i++)
        if (strcmp(tab.names[2 * i], code) == 0)
            return tab.names[2 * i + 1];
    return NULL;
}

/* once per process, also when files are read on several threads */
static void load(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, load_once);
}

const cn_i_baci_country *cn_i_baci_country_by_code(int code)
{
    load();
    for (size_t i = 0; i < tab.n; i++)
        if (tab.rows[i].code == code)
            return &tab.rows[i];
    return NULL;
}

const char *cn_i_baci_iso3_by_name(const char *name)
{
    load();
    for (size_t i = 0; i < tab.n; i++)
        if (strcmp(tab.rows[i].full, name) == 0 || strcmp(tab.rows[i].abbrev, name) == 0)
            return tab.rows[i].iso3;
    return NULL;
}

const char *cn_i_trade_country_name(const char *iso3)
{
    const char *n = cn_country_name(iso3);
    if (n)
        return n;
    const cn_i_place *p = cn_i_place_by_id(iso3);
    if (p)
        return p->name;
    if (strncmp(iso3, CN_I_PLACE_UNMAPPED, strlen(CN_I_PLACE_UNMAPPED)) == 0)
        return iso3 + strlen(CN_I_PLACE_UNMAPPED); /* the code as written */
    load();
    for (size_t i = 0; i < tab.n; i++)
        if (strcmp(tab.rows[i].iso3, iso3) == 0)
            return tab.rows[i].abbrev;
    return NULL;
}

const cn_hs_mineral *cn_hs_get(size_t i)
{
    load();
    return i < tab.nhs ? &tab.hs[i] : NULL;
}

static int include_baskets;

void cn_hs_include_baskets(int on)
{
    include_baskets = on != 0;
}

int cn_hs_baskets_included(void)
{
    return include_baskets;
}

double cn_hs_weight(const cn_hs_mineral *h)
{
    if (!h)
        return 0;
    return isnan(h->weight) ? (include_baskets ? 1.0 : 0.0) : h->weight;
}

const cn_hs_mineral *cn_hs_entry(const char *hs6)
{
    load();
    for (size_t i = 0; i < tab.nhs; i++)
        if (strcmp(tab.hs[i].hs6, hs6) == 0)
            return &tab.hs[i];
    return NULL;
}

/* appends "CODE (mineral:stage)" to buf once */
static void note_code(char *buf, size_t cap, size_t *len, const cn_hs_mineral *h, int *n)
{
    char item[96];
    snprintf(item, sizeof item, "%s (%s:%s)", h->hs6, h->mineral, h->stage);
    if (strstr(buf, item))
        return;
    int w = snprintf(buf + *len, cap - *len, "%s%s", *n ? ", " : "", item);
    (*n)++;
    if (w < 0 || (size_t)w >= cap - *len) {
        if (cap > 4)
            strcpy(buf + cap - 4, "...");
        *len = cap - 1;
        return;
    }
    *len += (size_t)w;
}

int cn_hs_basket_note(const cn_net *net, char *buf, size_t cap)
{
    char out[512] = "", in[512] = "";
    size_t lo = 0, li = 0;
    int nout = 0, nin = 0;
    load();
    for (int32_t v = 0; v < net->nvertices; v++) {
        const cn_vertex *x = &net->vertices[v];
        if (x->type != CN_VERTEX_MINERAL)
            continue;
        for (size_t i = 0; i < tab.nhs; i++) {
            const cn_hs_mineral *h = &tab.hs[i];
            if (!h->note || strncmp(h->note, "basket:", 7) != 0)
                continue;
            if (strncmp(x->id, "hs:", 3) == 0 && strcmp(x->id + 3, h->hs6) == 0 && cn_hs_weight(h) == 0)
                note_code(out, sizeof out, &lo, h, &nout);
            else if (x->note && strncmp(x->note, "HS ", 3) == 0 && strstr(x->note, h->hs6) && cn_hs_weight(h) > 0)
                note_code(in, sizeof in, &li, h, &nin);
        }
    }
    const cn_hs_mineral *w1 = NULL;
    for (size_t i = 0; i < tab.nhs && !w1; i++)
        if (tab.hs[i].note && strncmp(tab.hs[i].note, "basket:", 7) == 0 && strstr(in, tab.hs[i].hs6))
            w1 = &tab.hs[i];
    if (nout)
        snprintf(buf, cap, "HS basket codes left out (no published share of the mineral in them; "
                           "--include-baskets maps them with weight 1): %s", out);
    else if (nin && w1 && isnan(w1->weight))
        snprintf(buf, cap, "HS basket codes weighted 1 (--include-baskets: the whole basket counts as the "
                           "mineral; no published share): %s", in);
    else if (nin)
        snprintf(buf, cap, "HS basket codes weighted (hs_minerals.csv, weight_source): %s", in);
    else if (cap)
        buf[0] = '\0';
    return nout ? nout : nin;
}

const cn_hs_mineral *cn_hs_lookup(const char *hs6)
{
    load();
    for (size_t i = 0; i < tab.nhs; i++)
        if (strcmp(tab.hs[i].hs6, hs6) == 0)
            return cn_hs_weight(&tab.hs[i]) > 0 ? &tab.hs[i] : NULL;
    /* a 2- or 4-digit code: through its 6-digit children in the map, when they are one mineral and stage */
    size_t len = strlen(hs6);
    if (len != 2 && len != 4)
        return NULL;
    const cn_hs_mineral *first = NULL;
    for (size_t i = 0; i < tab.nhs; i++) {
        const cn_hs_mineral *h = &tab.hs[i];
        if (strncmp(h->hs6, hs6, len) != 0 || cn_hs_weight(h) == 0)
            continue;
        if (!first)
            first = h;
        else if (strcmp(first->mineral, h->mineral) != 0 || strcmp(first->stage, h->stage) != 0)
            return NULL;
    }
    return first;
}

static cn_i_code_kind place_kind(const cn_i_place *p)
{
    return p->kind == CN_I_PLACE_WORLD ? CN_I_CODE_WORLD
         : p->kind == CN_I_PLACE_REGION ? CN_I_CODE_REGION : CN_I_CODE_HISTORICAL;
}

/* BACI's own ids for its codes without an ISO3 ("BACI697" Europe EFTA, n.e.s.) are regions */
static cn_i_code_kind iso3_kind(const char *iso3)
{
    return strncmp(iso3, "BACI", 4) == 0 ? CN_I_CODE_REGION : CN_I_CODE_COUNTRY;
}

cn_i_code_kind cn_i_trade_classify(const char *s, int numeric, char *buf, size_t cap, const char **id)
{
    size_t len = strlen(s);
    int digits = len > 0 && len <= 4;
    for (size_t i = 0; digits && i < len; i++)
        digits = s[i] >= '0' && s[i] <= '9';
    const cn_i_place *p;
    if (numeric && digits) {
        int code = atoi(s);
        const cn_i_baci_country *b;
        if ((p = cn_i_place_by_m49(code)))
            return *id = p->id, place_kind(p);
        if ((b = cn_i_baci_country_by_code(code)))
            return *id = b->iso3, iso3_kind(b->iso3);
    } else if (len) {
        const char *iso3;
        if ((p = cn_i_place_by_name(s)))
            return *id = p->id, place_kind(p);
        if ((iso3 = cn_i_baci_iso3_by_name(s)) || (iso3 = cn_country_iso3(s)))
            return *id = iso3, iso3_kind(iso3);
        if (strcmp(s, "S19") == 0) /* UN Comtrade's ISO field for 490, "Other Asia, nes": Taiwan */
            return *id = "TWN", CN_I_CODE_COUNTRY;
        /* OEC country ids: a continent ("af", "as", "eu", "na", "oc", "sa", "an", "xx") and the ISO3 ("eudeu") */
        static const char *const oec[] = {"af", "as", "eu", "na", "oc", "sa", "an", "xx"};
        for (size_t i = 0; len == 5 && i < sizeof oec / sizeof *oec; i++)
            if (strncmp(s, oec[i], 2) == 0) {
                cn_i_code_kind k = cn_i_trade_classify(s + 2, 0, buf, cap, id);
                if (k != CN_I_CODE_UNMAPPED)
                    return k;
            }
    }
    snprintf(buf, cap, "%s%s", CN_I_PLACE_UNMAPPED, len ? s : "(empty)");
    *id = buf;
    return CN_I_CODE_UNMAPPED;
}

cn_i_code_kind cn_i_trade_id_kind(const char *id)
{
    const cn_i_place *p = cn_i_place_by_id(id);
    if (p)
        return place_kind(p);
    if (strncmp(id, CN_I_PLACE_UNMAPPED, strlen(CN_I_PLACE_UNMAPPED)) == 0)
        return CN_I_CODE_UNMAPPED;
    return iso3_kind(id);
}
