/* io/report/chokepoints_report.c: chokepoint and country-profile results as text, CSV, Markdown and JSON.
 * Unknown figures are written as "unknown"/"-" in tables and null in JSON. Formatting only. */
#include "critnet/report.h"
#include "report/cells_i.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define pct cn_i_pct
#define add_num cn_i_json_num
#define add_str cn_i_json_str

static const char *const cut_names[] = {"complete", "partial", "other-remains", "no-supply"};

/* "CHN", "(unnamed)", or "cobalt:ore@CHN" for CHN's imports of cobalt:ore */
static const char *node_label(const cn_net *net, cn_flow_node x, char *buf, size_t n)
{
    if (x.mineral < 0)
        return cn_net_country_label(net, x.country);
    snprintf(buf, n, "%s@%s", net->vertices[x.mineral].id, cn_net_country_label(net, x.country));
    return buf;
}

/* appends labels joined by spaces into buf (truncated with "..." if long) */
static const char *join_nodes(const cn_net *net, const cn_flow_node *xs, int32_t n, char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int32_t i = 0; i < n; i++) {
        char tmp[160];
        const char *s = node_label(net, xs[i], tmp, sizeof tmp);
        int w = snprintf(buf + len, cap - len, "%s%s", i ? " " : "", s);
        if (w < 0 || (size_t)w >= cap - len) {
            if (cap > 4)
                strcpy(buf + cap - 4, "...");
            break;
        }
        len += (size_t)w;
    }
    return buf;
}

static cJSON *nodes_json(const cn_net *net, const cn_flow_node *xs, int32_t n)
{
    cJSON *a = cJSON_CreateArray();
    for (int32_t i = 0; i < n; i++) {
        char tmp[160];
        cJSON_AddItemToArray(a, cJSON_CreateString(node_label(net, xs[i], tmp, sizeof tmp)));
    }
    return a;
}

/* ---- chokepoints: one column table per list (rows, exposure) ---- */

enum { CONSUMER, MINERAL, NIR, NIR_TEXT, SUPPLIERS, COVERED, CRITICAL, CUT_SIZE, MIN_CUT, CUT_STATUS, STAGES,
       DOMINATORS, CRITICAL_TEXT, CUT_TEXT, NCOLS };

static const cn_i_col cols[NCOLS] = {
    [CONSUMER] = {"consumer", CN_I_STR, 0},
    [MINERAL] = {"mineral", CN_I_STR, 0},
    [NIR] = {"nir", CN_I_PCT, 6},
    [NIR_TEXT] = {"nir_text", CN_I_JSON, 0}, /* only when the source gives a range */
    [SUPPLIERS] = {"suppliers", CN_I_INT, 0},
    [COVERED] = {"covered", CN_I_PCT, 6},
    [CRITICAL] = {"critical", CN_I_JSON, 0}, /* [{country, share}]; CSV "CHN 0.530000 ..." */
    [CUT_SIZE] = {NULL, CN_I_INT, 0},        /* CSV only; unknown when there is no cut */
    [MIN_CUT] = {"min_cut", CN_I_JSON, 0},   /* [label]; CSV labels joined by spaces */
    [CUT_STATUS] = {"cut_status", CN_I_STR, 0},
    [STAGES] = {"stages", CN_I_INT, 0},
    [DOMINATORS] = {"dominators", CN_I_JSON, 0},
    [CRITICAL_TEXT] = {NULL, CN_I_STR, 0},   /* tables: "CHN 53% ARG 21%" */
    [CUT_TEXT] = {NULL, CN_I_STR, 0},        /* tables: "2: CHN ARG" */
};

static const cn_i_view csv_view[] = {
    {CONSUMER, "consumer", -1, NULL, 0},  {MINERAL, "mineral", -1, NULL, 0},
    {NIR, "nir", -1, NULL, 0},            {SUPPLIERS, "suppliers", -1, NULL, 0},
    {COVERED, "covered", -1, NULL, 0},    {CRITICAL, "critical", -1, NULL, 0},
    {CUT_SIZE, "min_cut_size", -1, NULL, 0}, {MIN_CUT, "min_cut", -1, NULL, 0},
    {CUT_STATUS, "cut_status", -1, NULL, 0}, {STAGES, "stages", -1, NULL, 0},
    {DOMINATORS, "dominators", -1, NULL, 0},
};

static const cn_i_view text_view[] = {
    {CONSUMER, "CONSUMER", -1, "-", 0},    {MINERAL, "MINERAL", -1, "-", 0},
    {NIR, "NIR", -1, "unknown", 1},        {SUPPLIERS, "SUPPLIERS", -1, "-", 1},
    {COVERED, "COVERED", -1, "unknown", 1}, {CRITICAL_TEXT, "CRITICAL", -1, "-", 0},
    {CUT_TEXT, "MIN-CUT", -1, "-", 0},     {CUT_STATUS, "CUT", -1, "-", 0},
    {STAGES, "STAGES", -1, "-", 1},        {DOMINATORS, "DOMINATORS", -1, "-", 0},
};

static const cn_i_layout layout = {cols, NCOLS, csv_view, text_view, sizeof csv_view / sizeof *csv_view,
                                   sizeof text_view / sizeof *text_view};

typedef struct ctx {
    const cn_net *net;
    const cn_chokepoints_result *r;
    int json; /* build the JSON items (else the table strings only) */
    char crit_csv[1024], crit_text[1024], cut[2048], cut_text[2100], dom[2048];
} ctx;

/* "CHN 0.530000 ARG 0.210000" (csv) or "CHN 53% ARG 21%" */
static void critical_list(const cn_net *net, const cn_chokepoints_row *x, int csv, char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int32_t k = 0; k < x->ncritical && len < cap - 64; k++) {
        char p[32];
        len += (size_t)snprintf(buf + len, cap - len, "%s%s %s", k ? " " : "",
                                cn_net_country_label(net, x->critical[k]),
                                csv ? cn_fmt_num(p, x->critical_share[k], 6) : cn_i_pct(p, x->critical_share[k]));
    }
}

static void fill(void *p, size_t i, cn_i_cell *c)
{
    ctx *k = p;
    const cn_net *net = k->net;
    const cn_chokepoints_row *x = &k->r->rows[i];
    c[CONSUMER].s = net->vertices[x->consumer].id;
    c[MINERAL].s = net->vertices[x->mineral].id;
    c[NIR].x = x->nir;
    if (x->nir_net_exporter)
        c[NIR].s = "E";
    else if (x->nir_text) /* a range: its lower bound is only used in sums */
        snprintf(c[NIR].buf, sizeof c[NIR].buf, "%s%%", x->nir_text), c[NIR].s = c[NIR].buf;
    c[SUPPLIERS].x = x->nsuppliers;
    c[COVERED].x = x->covered;
    critical_list(net, x, 1, k->crit_csv, sizeof k->crit_csv);
    critical_list(net, x, 0, k->crit_text, sizeof k->crit_text);
    c[CRITICAL].s = k->crit_csv;
    c[CRITICAL_TEXT].s = k->crit_text[0] ? k->crit_text : NULL;
    c[CUT_SIZE].x = x->cut_status == CN_CUT_NONE ? NAN : x->ncut;
    c[MIN_CUT].s = join_nodes(net, x->cut, x->ncut, k->cut, sizeof k->cut);
    if (x->cut_status != CN_CUT_NONE && !(x->cut_status == CN_CUT_OTHER && !x->ncut))
        snprintf(k->cut_text, sizeof k->cut_text, "%d: %s", (int)x->ncut, k->cut), c[CUT_TEXT].s = k->cut_text;
    c[CUT_STATUS].s = cut_names[x->cut_status];
    c[STAGES].x = x->stages;
    join_nodes(net, x->dominators, x->ndominators, k->dom, sizeof k->dom);
    c[DOMINATORS].s = k->dom[0] ? k->dom : NULL;
    if (!k->json)
        return;
    if (x->nir_text)
        c[NIR_TEXT].j = cJSON_CreateString(x->nir_text);
    cJSON *crit = c[CRITICAL].j = cJSON_CreateArray();
    for (int32_t j = 0; crit && j < x->ncritical; j++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "country", cn_net_country_label(net, x->critical[j]));
        cJSON_AddNumberToObject(o, "share", x->critical_share[j]);
        cJSON_AddItemToArray(crit, o);
    }
    c[MIN_CUT].j = nodes_json(net, x->cut, x->ncut);
    c[DOMINATORS].j = nodes_json(net, x->dominators, x->ndominators);
}

enum { X_CONSUMER, X_SUPPLIER, X_EXPOSURE, X_MINERALS, X_UNKNOWN, X_NCOLS };

static const cn_i_col x_cols[X_NCOLS] = {
    {"consumer", CN_I_STR, 0}, {"supplier", CN_I_STR, 0}, {"exposure", CN_I_NUM, 4},
    {"minerals", CN_I_INT, 0}, {"unknown", CN_I_INT, 0}};
static const cn_i_view x_text[] = {{X_CONSUMER, "CONSUMER", -1, "-", 0}, {X_SUPPLIER, "SUPPLIER", -1, "-", 0},
                                   {X_EXPOSURE, "EXPOSURE", -1, "unknown", 1},
                                   {X_MINERALS, "MINERALS", -1, "-", 1}, {X_UNKNOWN, "UNKNOWN", -1, "-", 1}};
/* exposure is not in CSV (one table per file): its CSV layout is empty */
static const cn_i_layout x_layout = {x_cols, X_NCOLS, NULL, x_text, 0, sizeof x_text / sizeof *x_text};

static void fill_exposure(void *p, size_t i, cn_i_cell *c)
{
    const ctx *k = p;
    const cn_exposure_row *x = &k->r->exposure[i];
    c[X_CONSUMER].s = k->net->vertices[x->consumer].id;
    c[X_SUPPLIER].s = k->net->vertices[x->country].id;
    c[X_EXPOSURE].x = x->nminerals ? x->exposure : NAN;
    c[X_MINERALS].x = x->nminerals;
    c[X_UNKNOWN].x = x->nunknown;
}

static cn_status chokepoints_json(ctx *k, FILE *fp, cn_error *err)
{
    const cn_net *net = k->net;
    const cn_chokepoints_result *r = k->r;
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return cn_i_oom(err);
    if (net->name)
        cJSON_AddStringToObject(root, "dataset", net->name);
    cJSON_AddNumberToObject(root, "threshold", r->threshold);
    cn_status st = cn_i_rows_json(&layout, fill, k, r->n, cJSON_AddArrayToObject(root, "minerals"), err);
    if (!st)
        st = cn_i_rows_json(&x_layout, fill_exposure, k, r->nexposure, cJSON_AddArrayToObject(root, "exposure"),
                            err);
    if (st) {
        cJSON_Delete(root);
        return st;
    }
    cJSON *ap = cJSON_AddArrayToObject(root, "articulation_points");
    for (int32_t i = 0; i < r->nartic; i++)
        cJSON_AddItemToArray(ap, cJSON_CreateString(net->vertices[r->artic[i]].id));
    cJSON *br = cJSON_AddArrayToObject(root, "bridges");
    for (int32_t i = 0; i < r->nbridges; i++) {
        cJSON *p = cJSON_CreateArray();
        cJSON_AddItemToArray(p, cJSON_CreateString(net->vertices[r->bridges[2 * i]].id));
        cJSON_AddItemToArray(p, cJSON_CreateString(net->vertices[r->bridges[2 * i + 1]].id));
        cJSON_AddItemToArray(br, p);
    }
    return cn_i_json_finish(root, fp, err);
}

cn_status cn_report_chokepoints(const cn_net *net, const cn_chokepoints_result *r, cn_format fmt, FILE *fp,
                                cn_error *err)
{
    ctx *k = calloc(1, sizeof *k); /* the row buffers are large */
    if (!k)
        return cn_i_oom(err);
    k->net = net;
    k->r = r;
    k->json = fmt == CN_FORMAT_JSON;
    cn_status st;
    if (fmt == CN_FORMAT_JSON) {
        st = chokepoints_json(k, fp, err);
    } else if (fmt == CN_FORMAT_CSV) {
        st = cn_i_rows_write(&layout, fill, k, r->n, fmt, fp, err);
    } else {
        fprintf(fp, "Chokepoints (%s), threshold %s\n\nPer consumer and mineral: critical suppliers (share >= "
                    "threshold), a smallest supplier set\nwhose loss removes all listed supply, and the nodes every "
                    "supply path passes through\n(X@C = country C's imports of X)\n\n",
                net->name ? net->name : "data", cn_fmt_num((char[32]){0}, r->threshold, 2));
        st = cn_i_rows_write(&layout, fill, k, r->n, fmt, fp, err);
        if (!st) {
            fprintf(fp, "\nExposure: sum over minerals of net import reliance x the supplier's share\n\n");
            st = cn_i_rows_write(&x_layout, fill_exposure, k, r->nexposure, fmt, fp, err);
        }
        if (!st) {
            fprintf(fp, "\nArticulation points of the undirected network (%d):", (int)r->nartic);
            for (int32_t i = 0; i < r->nartic; i++)
                fprintf(fp, " %s", net->vertices[r->artic[i]].id);
            fprintf(fp, "\nBridges (%d):", (int)r->nbridges);
            for (int32_t i = 0; i < r->nbridges; i++)
                fprintf(fp, " %s-%s", net->vertices[r->bridges[2 * i]].id, net->vertices[r->bridges[2 * i + 1]].id);
            fputc('\n', fp);
            st = cn_i_check(fp, err);
        }
    }
    free(k);
    return st;
}

/* ---- profile ---- */

static const char *const share_of_names[] = {"source", "world total", "listed producers"};

static cn_status profile_json(const cn_net *net, const cn_profile_result *p, FILE *fp, cn_error *err)
{
    cJSON *root = cJSON_CreateObject();
    if (net->name)
        cJSON_AddStringToObject(root, "dataset", net->name);
    cJSON_AddStringToObject(root, "country", net->vertices[p->country].id);
    cJSON_AddStringToObject(root, "name", net->vertices[p->country].name);
    add_str(root, "list", !p->list ? NULL : p->list == CN_LIST_2018 ? "2018" : "2022");
    cJSON_AddNumberToObject(root, "list_size", p->list_size);
    cJSON *cs = cJSON_AddArrayToObject(root, "counts");
    for (size_t i = 0; i < p->ncounts; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "consumer", net->vertices[p->counts[i].consumer].id);
        cJSON_AddNumberToObject(o, "minerals", p->counts[i].nminerals);
        cJSON_AddNumberToObject(o, "on_list", p->counts[i].on_list);
        cJSON_AddItemToArray(cs, o);
    }
    cJSON *ss = cJSON_AddArrayToObject(root, "supplies");
    for (size_t i = 0; i < p->nsupplies; i++) {
        const cn_profile_supply *s = &p->supplies[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "consumer", net->vertices[s->consumer].id);
        cJSON_AddStringToObject(o, "mineral", net->vertices[s->mineral].id);
        if (s->rank)
            cJSON_AddNumberToObject(o, "rank", s->rank);
        else
            cJSON_AddNullToObject(o, "rank");
        add_num(o, "share", s->share);
        cJSON_AddBoolToObject(o, "on_list", s->on_list);
        cJSON_AddItemToArray(ss, o);
    }
    cJSON *ps = cJSON_AddArrayToObject(root, "production");
    for (size_t i = 0; i < p->nprod; i++) {
        const cn_profile_prod *x = &p->prod[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "mineral", net->vertices[x->mineral].id);
        if (x->year)
            cJSON_AddNumberToObject(o, "year", x->year);
        else
            cJSON_AddNullToObject(o, "year");
        add_num(o, "quantity", x->quantity);
        add_str(o, "unit", x->unit);
        add_num(o, "share", x->share);
        add_str(o, "share_of", isnan(x->share) ? NULL : share_of_names[x->share_of]);
        cJSON_AddItemToArray(ps, o);
    }
    cJSON *rs = cJSON_AddArrayToObject(root, "relies_on");
    for (size_t i = 0; i < p->nrelies; i++) {
        const cn_profile_rely *x = &p->relies[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "mineral", net->vertices[x->mineral].id);
        add_num(o, "nir", x->nir);
        add_num(o, "nir_low", x->lo);
        add_num(o, "nir_high", x->hi);
        add_str(o, "nir_text", x->text);
        cJSON_AddBoolToObject(o, "net_exporter", (x->flags & CN_F_NET_EXPORTER) != 0);
        add_str(o, "top_supplier", x->top == CN_NONE ? NULL : cn_net_country_label(net, x->top));
        add_num(o, "top_share", x->top_share);
        cJSON_AddItemToArray(rs, o);
    }
    return cn_i_json_finish(root, fp, err);
}

static const char *nir_text(char *buf, const cn_profile_rely *x)
{
    if (x->flags & CN_F_NET_EXPORTER)
        return "E (net exporter)";
    if (x->text && *x->text) {
        snprintf(buf, 32, "%s%%", x->text);
        return buf;
    }
    return pct(buf, x->nir) ? buf : "unknown";
}

cn_status cn_report_profile(const cn_net *net, const cn_profile_result *p, cn_format fmt, FILE *fp, cn_error *err)
{
    if (fmt == CN_FORMAT_JSON)
        return profile_json(net, p, fp, err);
    int csv = fmt == CN_FORMAT_CSV;
    static const char *const th[] = {"CONSUMER", "MINERAL", "RANK", "SHARE", "ON LIST"};
    static const char *const ch[] = {"consumer", "mineral", "rank", "share", "on_list"};
    cn_table t;
    cn_status st = cn_table_init(&t, 5, csv ? ch : th, err);
    if (st)
        return st;
    t.right = csv ? 0 : (1u << 2) | (1u << 3);
    for (size_t i = 0; i < p->nsupplies; i++) {
        const cn_profile_supply *s = &p->supplies[i];
        char b[2][32];
        snprintf(b[0], 32, "%d", (int)s->rank);
        const char *share = csv ? (isnan(s->share) ? "" : cn_fmt_num(b[1], s->share, 6))
                                : (pct(b[1], s->share) ? b[1] : "unknown");
        const char *row[] = {net->vertices[s->consumer].id, net->vertices[s->mineral].id, s->rank ? b[0] : (csv ? "" : "-"),
                             share, p->list ? (s->on_list ? (csv ? "1" : "yes") : (csv ? "0" : "no")) : ""};
        if ((st = cn_table_add(&t, row, err))) {
            cn_table_free(&t);
            return st;
        }
    }
    if (csv) {
        st = cn_table_write(&t, fp, fmt, err);
        cn_table_free(&t);
        return st;
    }
    const cn_vertex *c = &net->vertices[p->country];
    fprintf(fp, "Profile of %s (%s), %s\n\n", c->id, c->name, net->name ? net->name : "data");
    if (!p->ncounts)
        fprintf(fp, "%s supplies no consumer in the data\n", c->id);
    for (size_t i = 0; i < p->ncounts; i++) {
        const cn_profile_count *k = &p->counts[i];
        fprintf(fp, "%s supplies %d mineral%s to %s", c->id, (int)k->nminerals, k->nminerals == 1 ? "" : "s",
                net->vertices[k->consumer].id);
        if (p->list)
            fprintf(fp, ": %d of the %d on the %s list", (int)k->on_list, (int)p->list_size,
                    p->list == CN_LIST_2018 ? "2018" : "2022");
        fputs(" (as listed in the data)\n", fp);
    }
    fputs("\nSupplies\n\n", fp);
    if (t.nrows)
        st = cn_table_write(&t, fp, fmt, err);
    else
        fputs("(none in the data)\n", fp);
    cn_table_free(&t);
    if (st)
        return st;

    static const char *const ph[] = {"MINERAL", "YEAR", "QUANTITY", "UNIT", "SHARE", "OF"};
    if ((st = cn_table_init(&t, 6, ph, err)))
        return st;
    t.right = (1u << 1) | (1u << 2) | (1u << 4);
    for (size_t i = 0; i < p->nprod; i++) {
        const cn_profile_prod *x = &p->prod[i];
        char b[3][32];
        snprintf(b[0], 32, "%d", (int)x->year);
        const char *row[] = {net->vertices[x->mineral].id, x->year ? b[0] : "-",
                             isnan(x->quantity) ? "unknown" : cn_fmt_num(b[1], x->quantity, 0), x->unit ? x->unit : "",
                             pct(b[2], x->share) ? b[2] : "unknown", isnan(x->share) ? "" : share_of_names[x->share_of]};
        if ((st = cn_table_add(&t, row, err))) {
            cn_table_free(&t);
            return st;
        }
    }
    fputs("\nProduction (latest year; share of world production)\n\n", fp);
    if (t.nrows)
        st = cn_table_write(&t, fp, fmt, err);
    else
        fputs("(none in the data)\n", fp);
    cn_table_free(&t);
    if (st)
        return st;

    static const char *const rh[] = {"MINERAL", "NIR", "TOP SUPPLIER", "SHARE"};
    if ((st = cn_table_init(&t, 4, rh, err)))
        return st;
    t.right = (1u << 1) | (1u << 3);
    for (size_t i = 0; i < p->nrelies; i++) {
        const cn_profile_rely *x = &p->relies[i];
        char b[2][32];
        const char *row[] = {net->vertices[x->mineral].id, nir_text(b[0], x),
                             x->top == CN_NONE ? "-" : cn_net_country_label(net, x->top),
                             pct(b[1], x->top_share) ? b[1] : (x->top == CN_NONE ? "-" : "unknown")};
        if ((st = cn_table_add(&t, row, err))) {
            cn_table_free(&t);
            return st;
        }
    }
    fputs("\nRelies on (net import reliance)\n\n", fp);
    if (t.nrows)
        st = cn_table_write(&t, fp, fmt, err);
    else
        fputs("(none in the data)\n", fp);
    cn_table_free(&t);
    if (st)
        return st;
    return cn_i_check(fp, err);
}
