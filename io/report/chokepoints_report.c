/* io/report/chokepoints_report.c: chokepoint and country-profile results as text, CSV, Markdown and JSON.
 * Unknown figures are written as "unknown"/"-" in tables and null in JSON. Formatting only. */
#include "critnet/report.h"
#include "report/cells_i.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
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

static cn_status write_rows_table(const cn_net *net, const cn_chokepoints_result *r, cn_format fmt, FILE *fp,
                                  cn_error *err)
{
    int csv = fmt == CN_FORMAT_CSV;
    static const char *const th[] = {"CONSUMER", "MINERAL", "NIR", "SUPPLIERS", "COVERED", "CRITICAL", "MIN-CUT",
                                     "CUT", "STAGES", "DOMINATORS"};
    static const char *const ch[] = {"consumer", "mineral", "nir", "suppliers", "covered", "critical", "min_cut_size",
                                     "min_cut", "cut_status", "stages", "dominators"};
    cn_table t;
    cn_status st = cn_table_init(&t, csv ? 11 : 10, csv ? ch : th, err);
    if (st)
        return st;
    t.right = csv ? 0 : (1u << 2) | (1u << 3) | (1u << 4) | (1u << 8);
    for (size_t i = 0; i < r->n; i++) {
        const cn_chokepoints_row *x = &r->rows[i];
        char b[6][32], crit[1024], cut[2048], dom[2048], ncut[32];
        size_t len = 0;
        crit[0] = '\0';
        for (int32_t k = 0; k < x->ncritical && len < sizeof crit - 64; k++) {
            char p[32];
            len += (size_t)snprintf(crit + len, sizeof crit - len, "%s%s %s", k ? " " : "",
                                    cn_net_country_label(net, x->critical[k]),
                                    csv ? cn_fmt_num(p, x->critical_share[k], 6) : pct(p, x->critical_share[k]));
        }
        join_nodes(net, x->cut, x->ncut, cut, sizeof cut);
        join_nodes(net, x->dominators, x->ndominators, dom, sizeof dom);
        snprintf(ncut, sizeof ncut, "%d", (int)x->ncut);
        snprintf(b[0], 32, "%d", (int)x->nsuppliers);
        snprintf(b[1], 32, "%d", (int)x->stages);
        const char *cons = net->vertices[x->consumer].id, *min = net->vertices[x->mineral].id;
        if (csv) {
            const char *row[] = {cons, min, isnan(x->nir) ? "" : cn_fmt_num(b[2], x->nir, 6), b[0],
                                 isnan(x->covered) ? "" : cn_fmt_num(b[3], x->covered, 6), crit,
                                 x->cut_status == CN_CUT_NONE ? "" : ncut, cut, cut_names[x->cut_status], b[1], dom};
            if ((st = cn_table_add(&t, row, err)))
                goto oom;
        } else {
            char cutcell[2100];
            if (x->cut_status == CN_CUT_NONE)
                snprintf(cutcell, sizeof cutcell, "-");
            else
                snprintf(cutcell, sizeof cutcell, "%s: %s", ncut, cut);
            if (x->nir_net_exporter)
                snprintf(b[2], 32, "E");
            else if (x->nir_text)
                snprintf(b[2], 32, "%s%%", x->nir_text); /* a range: its lower bound is only used in sums */
            else if (!pct(b[2], x->nir))
                snprintf(b[2], 32, "unknown");
            const char *row[] = {cons, min, b[2], b[0],
                                 pct(b[3], x->covered) ? b[3] : "unknown", crit[0] ? crit : "-",
                                 x->cut_status == CN_CUT_OTHER && !x->ncut ? "-" : cutcell,
                                 cut_names[x->cut_status], b[1], dom[0] ? dom : "-"};
            if ((st = cn_table_add(&t, row, err)))
                goto oom;
        }
    }
    st = cn_table_write(&t, fp, fmt, err);
oom:
    cn_table_free(&t);
    return st;
}

static cn_status write_exposure_table(const cn_net *net, const cn_chokepoints_result *r, cn_format fmt, FILE *fp,
                                      cn_error *err)
{
    static const char *const th[] = {"CONSUMER", "SUPPLIER", "EXPOSURE", "MINERALS", "UNKNOWN"};
    cn_table t;
    cn_status st = cn_table_init(&t, 5, th, err);
    if (st)
        return st;
    t.right = (1u << 2) | (1u << 3) | (1u << 4);
    for (size_t i = 0; i < r->nexposure; i++) {
        const cn_exposure_row *x = &r->exposure[i];
        char b[3][32];
        snprintf(b[1], 32, "%d", (int)x->nminerals);
        snprintf(b[2], 32, "%d", (int)x->nunknown);
        const char *row[] = {net->vertices[x->consumer].id, net->vertices[x->country].id,
                             x->nminerals ? cn_fmt_num(b[0], x->exposure, 4) : "unknown", b[1], b[2]};
        if ((st = cn_table_add(&t, row, err))) {
            cn_table_free(&t);
            return st;
        }
    }
    st = cn_table_write(&t, fp, fmt, err);
    cn_table_free(&t);
    return st;
}

static cn_status chokepoints_json(const cn_net *net, const cn_chokepoints_result *r, FILE *fp, cn_error *err)
{
    cJSON *root = cJSON_CreateObject();
    if (net->name)
        cJSON_AddStringToObject(root, "dataset", net->name);
    cJSON_AddNumberToObject(root, "threshold", r->threshold);
    cJSON *rows = cJSON_AddArrayToObject(root, "minerals");
    for (size_t i = 0; i < r->n; i++) {
        const cn_chokepoints_row *x = &r->rows[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "consumer", net->vertices[x->consumer].id);
        cJSON_AddStringToObject(o, "mineral", net->vertices[x->mineral].id);
        add_num(o, "nir", x->nir);
        if (x->nir_text)
            cJSON_AddStringToObject(o, "nir_text", x->nir_text);
        cJSON_AddNumberToObject(o, "suppliers", x->nsuppliers);
        add_num(o, "covered", x->covered);
        cJSON *crit = cJSON_AddArrayToObject(o, "critical");
        for (int32_t k = 0; k < x->ncritical; k++) {
            cJSON *c = cJSON_CreateObject();
            cJSON_AddStringToObject(c, "country", cn_net_country_label(net, x->critical[k]));
            cJSON_AddNumberToObject(c, "share", x->critical_share[k]);
            cJSON_AddItemToArray(crit, c);
        }
        cJSON_AddItemToObject(o, "min_cut", nodes_json(net, x->cut, x->ncut));
        cJSON_AddStringToObject(o, "cut_status", cut_names[x->cut_status]);
        cJSON_AddNumberToObject(o, "stages", x->stages);
        cJSON_AddItemToObject(o, "dominators", nodes_json(net, x->dominators, x->ndominators));
        cJSON_AddItemToArray(rows, o);
    }
    cJSON *ex = cJSON_AddArrayToObject(root, "exposure");
    for (size_t i = 0; i < r->nexposure; i++) {
        const cn_exposure_row *x = &r->exposure[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "consumer", net->vertices[x->consumer].id);
        cJSON_AddStringToObject(o, "supplier", net->vertices[x->country].id);
        add_num(o, "exposure", x->nminerals ? x->exposure : NAN);
        cJSON_AddNumberToObject(o, "minerals", x->nminerals);
        cJSON_AddNumberToObject(o, "unknown", x->nunknown);
        cJSON_AddItemToArray(ex, o);
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
    if (fmt == CN_FORMAT_JSON)
        return chokepoints_json(net, r, fp, err);
    if (fmt == CN_FORMAT_CSV)
        return write_rows_table(net, r, fmt, fp, err);
    char th[32];
    fprintf(fp, "Chokepoints (%s), threshold %s\n\nPer consumer and mineral: critical suppliers (share >= threshold), "
                "a smallest supplier set\nwhose loss removes all listed supply, and the nodes every supply path "
                "passes through\n(X@C = country C's imports of X)\n\n",
            net->name ? net->name : "data", cn_fmt_num(th, r->threshold, 2));
    cn_status st = write_rows_table(net, r, fmt, fp, err);
    if (st)
        return st;
    fprintf(fp, "\nExposure: sum over minerals of net import reliance x the supplier's share\n\n");
    if ((st = write_exposure_table(net, r, fmt, fp, err)))
        return st;
    fprintf(fp, "\nArticulation points of the undirected network (%d):", (int)r->nartic);
    for (int32_t i = 0; i < r->nartic; i++)
        fprintf(fp, " %s", net->vertices[r->artic[i]].id);
    fprintf(fp, "\nBridges (%d):", (int)r->nbridges);
    for (int32_t i = 0; i < r->nbridges; i++)
        fprintf(fp, " %s-%s", net->vertices[r->bridges[2 * i]].id, net->vertices[r->bridges[2 * i + 1]].id);
    fputc('\n', fp);
    return cn_i_check(fp, err);
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
