/* io/report/chokepoints_report.c: chokepoint and country-profile results as text, CSV, Markdown and JSON.
 * Unknown figures are written as "unknown"/"-" in tables and null in JSON. Formatting only. */
#include "critnet/report.h"
#include "report/cells_i.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

enum { CUT_SHOWN = 8 }; /* cut nodes named in a table cell */

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
        c[NIR].s = cn_i_nir_text(x->nir_text, c[NIR].buf, sizeof c[NIR].buf);
    c[SUPPLIERS].x = x->nsuppliers;
    c[COVERED].x = x->covered;
    critical_list(net, x, 1, k->crit_csv, sizeof k->crit_csv);
    critical_list(net, x, 0, k->crit_text, sizeof k->crit_text);
    c[CRITICAL].s = k->crit_csv;
    c[CRITICAL_TEXT].s = k->crit_text[0] ? k->crit_text : NULL;
    c[CUT_SIZE].x = x->cut_status == CN_CUT_STATUS_NONE ? NAN : x->ncut;
    c[MIN_CUT].s = join_nodes(net, x->cut, x->ncut, k->cut, sizeof k->cut);
    if (x->cut_status != CN_CUT_STATUS_NONE && !(x->cut_status == CN_CUT_STATUS_OTHER && !x->ncut)) {
        /* tables: a long cut names its first CUT_SHOWN nodes and counts the rest ("FRA ESP ... +23") */
        char head[2048];
        const char *shown = x->ncut > CUT_SHOWN ? join_nodes(net, x->cut, CUT_SHOWN, head, sizeof head) : k->cut;
        int w = snprintf(k->cut_text, sizeof k->cut_text, "%d: %s", (int)x->ncut, shown);
        if (x->ncut > CUT_SHOWN && w > 0 && (size_t)w < sizeof k->cut_text)
            snprintf(k->cut_text + w, sizeof k->cut_text - (size_t)w, " \xe2\x80\xa6 +%d", (int)(x->ncut - CUT_SHOWN));
        c[CUT_TEXT].s = k->cut_text;
    }
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
    if (r->world_consumer) { /* not computed: null, not an empty list */
        cJSON_AddNullToObject(root, "articulation_points");
        cJSON_AddNullToObject(root, "bridges");
        return cn_i_json_finish(root, fp, err);
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
    return cn_report_chokepoints_top(net, r, 0, fmt, fp, err);
}

/* tables of a world consumer: the first top rows, then one line counting the rest */
static cn_status rows_top(const cn_i_layout *l, cn_i_fill f, ctx *k, size_t n, size_t top, const char *what,
                          cn_format fmt, FILE *fp, cn_error *err)
{
    size_t shown = top && n > top ? top : n;
    cn_status st = cn_i_rows_write(l, f, k, shown, fmt, fp, err);
    if (!st && shown < n)
        fprintf(fp, "\xe2\x80\xa6 +%zu more %s (--top 0 lists all; CSV and JSON list all)\n", n - shown, what);
    return st;
}

cn_status cn_report_chokepoints_top(const cn_net *net, const cn_chokepoints_result *r, size_t top, cn_format fmt,
                                    FILE *fp, cn_error *err)
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
        size_t ncrit = 0;
        for (size_t i = 0; i < r->n; i++)
            ncrit += r->rows[i].ncritical > 0;
        if (r->world_consumer)
            fprintf(fp, "%zu of %zu products have a critical supplier; they come first, by its share\n\n", ncrit,
                    r->n);
        st = rows_top(&layout, fill, k, r->n, top, "products", fmt, fp, err);
        if (!st) {
            fprintf(fp, "\nExposure: sum over minerals of net import reliance x the supplier's share\n\n");
            st = rows_top(&x_layout, fill_exposure, k, r->nexposure, top, "suppliers", fmt, fp, err);
        }
        if (!st && r->world_consumer) {
            fprintf(fp, "\nArticulation points and bridges: not computed on a world trade table (every country "
                        "trades nearly every product: no informative cut vertex)\n");
            st = cn_i_check(fp, err);
        } else if (!st) {
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

/* ---- profile: one column table per list (supplies, production, relies on) ---- */

static const char *const share_of_names[] = {"source", "world total", "listed producers"};

enum { S_CONSUMER, S_MINERAL, S_RANK, S_SHARE, S_ON_LIST, S_ON_LIST_CSV, S_RANK_SOURCE, S_SHARE_SOURCE,
       S_SHARE_RANK, S_DISAGREE, S_NOTE, S_NCOLS };

static const cn_i_col s_cols[S_NCOLS] = {
    {"consumer", CN_I_STR, 0}, {"mineral", CN_I_STR, 0}, {"rank", CN_I_INT, 0}, {"share", CN_I_PCT, 6},
    {"on_list", CN_I_BOOL, 0}, {NULL, CN_I_STR, 0} /* CSV: 1/0, empty without a list */,
    {"rank_source", CN_I_STR, 0}, {"share_source", CN_I_STR, 0}, {"share_rank", CN_I_INT, 0},
    {"disagree", CN_I_BOOL, 0}, {NULL, CN_I_STR, 0} /* tables: what the rank and the share say, and whence */};
static const cn_i_view s_csv[] = {{S_CONSUMER, "consumer", -1, NULL, 0},        {S_MINERAL, "mineral", -1, NULL, 0},
                                  {S_RANK, "rank", -1, NULL, 0},                {S_SHARE, "share", -1, NULL, 0},
                                  {S_ON_LIST_CSV, "on_list", -1, NULL, 0},      {S_RANK_SOURCE, "rank_source", -1, NULL, 0},
                                  {S_SHARE_SOURCE, "share_source", -1, NULL, 0}, {S_SHARE_RANK, "share_rank", -1, NULL, 0},
                                  {S_DISAGREE, "disagree", -1, NULL, 0}};
static const cn_i_view s_text[] = {{S_CONSUMER, "CONSUMER", -1, "-", 0}, {S_MINERAL, "MINERAL", -1, "-", 0},
                                   {S_RANK, "RANK", -1, "-", 1},         {S_SHARE, "SHARE", -1, "unknown", 1},
                                   {S_ON_LIST, "ON LIST", -1, "", 0},    {S_NOTE, "NOTE", -1, "", 0}};
static const cn_i_layout s_layout = {s_cols, S_NCOLS, s_csv, s_text, 9, 6};

enum { P_MINERAL, P_YEAR, P_QUANTITY, P_UNIT, P_SHARE, P_SHARE_OF, P_RESERVES, P_RES_SHARE, P_RES_OF, P_RES_YEAR,
       P_RES_MIN, P_RES_SHARE_MAX, P_NCOLS };

static const cn_i_col p_cols[P_NCOLS] = {{"mineral", CN_I_STR, 0},       {"year", CN_I_INT, 0},
                                         {"quantity", CN_I_NUM, 0},      {"unit", CN_I_STR, 0},
                                         {"share", CN_I_PCT, 6},         {"share_of", CN_I_STR, 0},
                                         {"reserves", CN_I_NUM, 0},      {"reserves_share", CN_I_PCT, 6},
                                         {"reserves_share_of", CN_I_STR, 0}, {"reserves_year", CN_I_INT, 0},
                                         {"reserves_at_least", CN_I_BOOL, 0},
                                         {"reserves_share_upper_bound", CN_I_BOOL, 0}};
static const cn_i_view p_text[] = {{P_MINERAL, "MINERAL", -1, "-", 0},      {P_YEAR, "YEAR", -1, "-", 1},
                                   {P_QUANTITY, "QUANTITY", -1, "unknown", 1}, {P_UNIT, "UNIT", -1, "", 0},
                                   {P_SHARE, "SHARE", -1, "unknown", 1},    {P_SHARE_OF, "OF", -1, "", 0},
                                   {P_RESERVES, "RESERVES", -1, "no data", 1}, {P_RES_SHARE, "OF WORLD", -1, "-", 1}};
static const cn_i_layout p_layout = {p_cols, P_NCOLS, NULL, p_text, 0, 8};

enum { R_MINERAL, R_NIR, R_LOW, R_HIGH, R_TEXT, R_EXPORTER, R_TOP, R_TOP_SHARE, R_SR, R_SR_OVER, R_NCOLS };

static const cn_i_col r_cols[R_NCOLS] = {
    {"mineral", CN_I_STR, 0}, {"nir", CN_I_PCT, 6},           {"nir_low", CN_I_NUM, 6},
    {"nir_high", CN_I_NUM, 6}, {"nir_text", CN_I_STR, 0},     {"net_exporter", CN_I_BOOL, 0},
    {"top_supplier", CN_I_STR, 0}, {"top_share", CN_I_PCT, 6},
    {"supply_risk", CN_I_NUM, 4}, {"supply_risk_over_threshold", CN_I_BOOL, 0}}; /* as deps --with-risk names them */
static const cn_i_view r_text[] = {{R_MINERAL, "MINERAL", -1, "-", 0}, {R_NIR, "NIR", -1, "unknown", 1},
                                   {R_TOP, "TOP SUPPLIER", -1, "-", 0}, {R_TOP_SHARE, "SHARE", -1, "-", 1},
                                   {R_SR, "SR", 2, "no data", 1}, {R_SR_OVER, "SR>=1", -1, "", 0}};
static const cn_i_layout r_layout = {r_cols, R_SR, NULL, r_text, 0, 4}; /* the risk columns: --with-risk only */
static const cn_i_layout r_layout_risk = {r_cols, R_NCOLS, NULL, r_text, 0, 6};

typedef struct pctx {
    const cn_net *net;
    const cn_profile_result *p;
    char note[256];
} pctx;

static const char *source_id(const cn_net *net, int32_t s)
{
    return s >= 0 && s < net->nsources ? net->sources[s].id : NULL;
}

static void fill_supply(void *arg, size_t i, cn_i_cell *c)
{
    const pctx *k = arg;
    const cn_profile_supply *s = &k->p->supplies[i];
    c[S_CONSUMER].s = k->net->vertices[s->consumer].id;
    c[S_MINERAL].s = k->net->vertices[s->mineral].id;
    c[S_RANK].x = s->rank ? s->rank : NAN;
    c[S_SHARE].x = s->share;
    c[S_ON_LIST].x = s->on_list;
    c[S_ON_LIST].s = k->p->list ? (s->on_list ? "yes" : "no") : "";
    c[S_ON_LIST_CSV].s = k->p->list ? (s->on_list ? "1" : "0") : NULL;
    const char *rs = source_id(k->net, s->rank_source), *ss = source_id(k->net, s->share_source);
    c[S_RANK_SOURCE].s = s->rank ? rs : NULL;
    c[S_SHARE_SOURCE].s = isnan(s->share) ? NULL : ss;
    c[S_SHARE_RANK].x = s->share_rank ? s->share_rank : NAN;
    c[S_DISAGREE].x = s->disagree;
    /* a rank and a share from two figures: name both sources, and say when they disagree */
    pctx *w = arg;
    w->note[0] = 0;
    if (s->disagree)
        snprintf(w->note, sizeof w->note, "disagree: rank %d (%s), but #%d by share (%s)", (int)s->rank,
                 rs ? rs : "no source", (int)s->share_rank, ss ? ss : "no source");
    else if (s->rank && !isnan(s->share) && (rs != ss || s->rank_source != s->share_source))
        snprintf(w->note, sizeof w->note, "rank: %s; share: %s", rs ? rs : "no source", ss ? ss : "no source");
    c[S_NOTE].s = w->note;
}

static void fill_prod(void *arg, size_t i, cn_i_cell *c)
{
    const pctx *k = arg;
    const cn_profile_production *x = &k->p->prod[i];
    c[P_MINERAL].s = k->net->vertices[x->mineral].id;
    c[P_YEAR].x = x->year ? x->year : NAN;
    c[P_QUANTITY].x = x->quantity;
    c[P_UNIT].s = x->unit;
    c[P_SHARE].x = x->share;
    c[P_SHARE_OF].s = isnan(x->share) ? NULL : share_of_names[x->share_of];
    if (!x->produced) /* a row for reserves: no production figure listed, not an unknown one */
        c[P_QUANTITY].s = c[P_SHARE].s = "-", c[P_UNIT].s = x->reserves_unit;
    c[P_RESERVES].x = x->reserves;
    c[P_RES_SHARE].x = x->reserves_share;
    c[P_RES_OF].s = x->reserves_of == 1 ? "world total" : x->reserves_of == 2 ? "listed figures" : NULL;
    c[P_RES_YEAR].x = x->reserves_year ? x->reserves_year : NAN;
    c[P_RES_MIN].x = x->reserves_min;
    c[P_RES_SHARE_MAX].x = x->reserves_share_max;
    char b[32];
    if (x->reserves_min && !isnan(x->reserves)) /* tables: as printed, at least that */
        snprintf(c[P_RESERVES].buf, sizeof c[P_RESERVES].buf, ">%s", cn_i_num(b, x->reserves, 0)),
            c[P_RESERVES].s = c[P_RESERVES].buf;
    if (x->reserves_share_max && !isnan(x->reserves_share)) /* a share of a world total known as "> X": at most */
        snprintf(c[P_RES_SHARE].buf, sizeof c[P_RES_SHARE].buf, "<=%s", cn_i_pct(b, x->reserves_share)),
            c[P_RES_SHARE].s = c[P_RES_SHARE].buf;
}

static void fill_rely(void *arg, size_t i, cn_i_cell *c)
{
    const pctx *k = arg;
    const cn_profile_reliance *x = &k->p->relies[i];
    c[R_MINERAL].s = k->net->vertices[x->mineral].id;
    c[R_NIR].x = x->nir;
    if (x->flags & CN_F_NET_EXPORTER)
        c[R_NIR].s = "E (net exporter)";
    else if (x->text && *x->text)
        c[R_NIR].s = cn_i_nir_text(x->text, c[R_NIR].buf, sizeof c[R_NIR].buf);
    c[R_LOW].x = x->lo;
    c[R_HIGH].x = x->hi;
    c[R_TEXT].s = x->text;
    c[R_EXPORTER].x = (x->flags & CN_F_NET_EXPORTER) != 0;
    c[R_TOP].s = x->top == CN_NONE ? NULL : cn_net_country_label(k->net, x->top);
    c[R_TOP_SHARE].x = x->top_share;
    if (isnan(x->top_share) && c[R_TOP].s)
        c[R_TOP_SHARE].s = "unknown";
    c[R_SR].x = x->sr;
    c[R_SR_OVER].x = x->sr_over;
    c[R_SR_OVER].s = x->sr_over ? "SR>=1" : ""; /* the threshold reading, as deps --with-risk marks it */
}

static cn_status profile_json(pctx *k, FILE *fp, cn_error *err)
{
    const cn_net *net = k->net;
    const cn_profile_result *p = k->p;
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return cn_i_oom(err);
    if (net->name)
        cJSON_AddStringToObject(root, "dataset", net->name);
    cJSON_AddStringToObject(root, "country", net->vertices[p->country].id);
    cJSON_AddStringToObject(root, "name", net->vertices[p->country].name);
    cn_i_json_str(root, "list", !p->list ? NULL : p->list == CN_LIST_2018 ? "2018" : "2022");
    cJSON_AddNumberToObject(root, "list_size", p->list_size);
    cJSON *cs = cJSON_AddArrayToObject(root, "counts");
    for (size_t i = 0; i < p->ncounts; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "consumer", net->vertices[p->counts[i].consumer].id);
        cJSON_AddNumberToObject(o, "minerals", p->counts[i].nminerals);
        cJSON_AddNumberToObject(o, "on_list", p->counts[i].on_list);
        cJSON_AddItemToArray(cs, o);
    }
    cn_status st = cn_i_rows_json(&s_layout, fill_supply, k, p->nsupplies, cJSON_AddArrayToObject(root, "supplies"),
                                  err);
    if (!st)
        st = cn_i_rows_json(&p_layout, fill_prod, k, p->nprod, cJSON_AddArrayToObject(root, "production"), err);
    if (!st)
        st = cn_i_rows_json(p->with_risk ? &r_layout_risk : &r_layout, fill_rely, k, p->nrelies,
                            cJSON_AddArrayToObject(root, "relies_on"), err);
    if (st) {
        cJSON_Delete(root);
        return st;
    }
    return cn_i_json_finish(root, fp, err);
}

/* a titled table, or "(none in the data)" */
static cn_status section(const char *title, const cn_i_layout *l, cn_i_fill fill_row, pctx *k, size_t n, cn_format fmt,
                         FILE *fp, cn_error *err)
{
    fputs(title, fp);
    if (n)
        return cn_i_rows_write(l, fill_row, k, n, fmt, fp, err);
    fputs("(none in the data)\n", fp);
    return CN_OK;
}

cn_status cn_report_profile(const cn_net *net, const cn_profile_result *p, cn_format fmt, FILE *fp, cn_error *err)
{
    pctx k = {.net = net, .p = p};
    if (fmt == CN_FORMAT_JSON)
        return profile_json(&k, fp, err);
    if (fmt == CN_FORMAT_CSV) /* the supplies only */
        return cn_i_rows_write(&s_layout, fill_supply, &k, p->nsupplies, fmt, fp, err);
    const cn_vertex *c = &net->vertices[p->country];
    fprintf(fp, "Profile of %s (%s), %s\n\n", c->id, c->name, net->name ? net->name : "data");
    if (!p->ncounts)
        fprintf(fp, "%s supplies no consumer in the data\n", c->id);
    for (size_t i = 0; i < p->ncounts; i++) {
        const cn_profile_count *n = &p->counts[i];
        fprintf(fp, "%s supplies %d mineral%s to %s", c->id, (int)n->nminerals, n->nminerals == 1 ? "" : "s",
                net->vertices[n->consumer].id);
        if (p->list)
            fprintf(fp, ": %d of the %d on the %s list", (int)n->on_list, (int)p->list_size,
                    p->list == CN_LIST_2018 ? "2018" : "2022");
        fputs(" (as listed in the data)\n", fp);
    }
    cn_status st = section("\nSupplies\n\n", &s_layout, fill_supply, &k, p->nsupplies, fmt, fp, err);
    if (!st)
        st = section("\nProduction (headline year; share of world production) and reserves (share of world "
                     "reserves)\n\n", &p_layout, fill_prod, &k, p->nprod, fmt, fp, err);
    int bounded = 0;
    for (size_t i = 0; i < p->nprod; i++)
        bounded |= p->prod[i].reserves_share_max;
    if (!st && bounded)
        fputs("\n<=: a share of world reserves printed as a lower bound (>X: at least X): at most that\n", fp);
    if (!st && p->with_risk)
        fprintf(fp, "\nSR: EU supply risk (EC 2017 method; docs/risk.md), marked SR>=1 at or above %s\n",
                cn_fmt_num((char[32]){0}, p->sr_threshold, 2));
    if (!st)
        st = section("\nRelies on (net import reliance)\n\n", p->with_risk ? &r_layout_risk : &r_layout, fill_rely, &k,
                     p->nrelies, fmt, fp, err);
    return st ? st : cn_i_check(fp, err);
}
