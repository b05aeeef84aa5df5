/* tests/unit/test_report.c: the writers of io/report/ (cn_report_deps, _chokepoints, _coalition, _profile,
 * _centrality, _projection) on results for N1 of small_nets.h, written into memory (open_memstream): specific
 * cells of the CSV, fields of the JSON, and rows of the Markdown and text tables, against the figures worked
 * out by hand in small_nets.h and the algorithm tests. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <math.h>
#include <stdio.h>

#include "critnet/report.h"
#include "harness.h"
#include "small_nets.h"

/* ---- capture: a writer's output as a string (caller frees) ---- */
static char *buf;
static size_t len;
static FILE *mem(void)
{
    free(buf);
    buf = NULL;
    return open_memstream(&buf, &len);
}
static const char *done(FILE *fp, cn_status st)
{
    fclose(fp);
    CHECK_MSG(st == CN_OK, "the writer returns CN_OK, got %d", (int)st);
    return buf ? buf : "";
}

/* ---- CSV: the cell of column `col` in the row whose column `key` is `val` (quotes handled); "" if none ---- */
#define MAXF 64
static int split(const char **p, char f[MAXF][256])
{
    int n = 0;
    size_t k = 0;
    int q = 0;
    f[0][0] = 0;
    for (; **p; (*p)++) {
        char ch = **p;
        if (q && ch == '"' && (*p)[1] == '"')
            (*p)++;
        else if (ch == '"') {
            q = !q;
            continue;
        } else if (!q && ch == ',') {
            f[n][k] = 0;
            if (++n == MAXF)
                return n;
            k = 0;
            continue;
        } else if (!q && ch == '\r') {
            continue; /* rows end in CRLF (RFC 4180) */
        } else if (!q && ch == '\n') {
            (*p)++;
            break;
        }
        if (k < 255)
            f[n][k++] = ch;
    }
    f[n][k] = 0;
    return n + 1;
}
static char cell_buf[256];
static const char *cell(const char *csv, const char *key, const char *val, const char *col)
{
    static char head[MAXF][256], row[MAXF][256];
    const char *p = csv;
    int nh = split(&p, head), ki = -1, ci = -1;
    for (int i = 0; i < nh; i++) {
        if (strcmp(head[i], key) == 0)
            ki = i;
        if (strcmp(head[i], col) == 0)
            ci = i;
    }
    cell_buf[0] = 0;
    if (ki < 0 || ci < 0)
        return "(no such column)";
    while (*p) {
        int n = split(&p, row);
        if (ki < n && ci < n && strcmp(row[ki], val) == 0) {
            snprintf(cell_buf, sizeof cell_buf, "%s", row[ci]);
            return cell_buf;
        }
    }
    return "(no such row)";
}

/* ---- JSON without the whitespace between tokens (strings kept as they are) ---- */
static char *squeeze(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    int q = 0;
    for (; *s; s++) {
        if (q && *s == '\\' && s[1]) {
            *o++ = *s++;
            *o++ = *s;
            continue;
        }
        if (*s == '"')
            q = !q;
        if (!q && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
            continue;
        *o++ = *s;
    }
    *o = 0;
    return out;
}
#define CHECK_JSON(json, frag)                                                                     \
    do {                                                                                           \
        char *sq_ = squeeze(json);                                                                 \
        CHECK_MSG(strstr(sq_, frag) != NULL, "the JSON holds %s", frag);                           \
        free(sq_);                                                                                 \
    } while (0)

/* the line of text that starts with `start` (after leading spaces) and holds `frag` */
static int line_with(const char *text, const char *start, const char *frag)
{
    for (const char *l = text; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        const char *e = strchr(l, '\n');
        size_t n = e ? (size_t)(e - l) : strlen(l);
        char line[1024];
        snprintf(line, sizeof line, "%.*s", (int)(n < 1023 ? n : 1023), l);
        const char *s = line + strspn(line, " ");
        if (strncmp(s, start, strlen(start)) == 0 && strstr(s, frag))
            return 1;
    }
    return 0;
}

static void deps(const cn_net *net)
{
    cn_deps_opts o;
    cn_deps_opts_init(&o);
    cn_deps_result r;
    cn_error err = {0};
    CHECK(cn_deps_run(net, &o, &r, &err) == CN_OK);
    /* graphite: NIR .8, 3 sources, top CHN .6, HHI .36 + .09 + .01 = .46, effective 1/.46 = 2.1739,
     * severity .8 x .6 = .48, single source; production HHI .49 + .04 = .53. cobalt: CAN 1, HHI 1, severity .5 */
    FILE *fp = mem();
    const char *csv = done(fp, cn_report_deps(net, &r, CN_FORMAT_CSV, fp, &err));
    CHECK_STR(cell(csv, "mineral", "graphite", "nir"), "0.8000");
    CHECK_STR(cell(csv, "mineral", "graphite", "sources"), "3");
    CHECK_STR(cell(csv, "mineral", "graphite", "top_supplier"), "CHN");
    CHECK_STR(cell(csv, "mineral", "graphite", "top_share"), "0.6000");
    CHECK_STR(cell(csv, "mineral", "graphite", "hhi"), "0.4600");
    CHECK_STR(cell(csv, "mineral", "graphite", "effective_suppliers"), "2.1739");
    CHECK_STR(cell(csv, "mineral", "graphite", "severity"), "0.4800");
    CHECK_STR(cell(csv, "mineral", "graphite", "single_source"), "1");
    CHECK_STR(cell(csv, "mineral", "graphite", "top_producer"), "CHN");
    CHECK_STR(cell(csv, "mineral", "graphite", "production_hhi"), "0.5300");
    CHECK_STR(cell(csv, "mineral", "cobalt", "top_supplier"), "CAN");
    CHECK_STR(cell(csv, "mineral", "cobalt", "hhi"), "1.0000");
    CHECK_STR(cell(csv, "mineral", "cobalt", "severity"), "0.5000");
    CHECK_MSG(strncmp(csv, "mineral,", 8) == 0 && strstr(csv, "\ncobalt,") && strstr(csv, "\ncobalt,") < strstr(csv, "\ngraphite,"),
              "a header, then rows by severity: cobalt (.5) before graphite (.48)");

    fp = mem();
    const char *json = done(fp, cn_report_deps(net, &r, CN_FORMAT_JSON, fp, &err));
    CHECK_JSON(json, "\"consumer\":\"USA\"");
    CHECK_JSON(json, "\"mineral\":\"graphite\"");
    CHECK_JSON(json, "\"top_supplier\":\"CHN\",\"top_share\":0.6,");
    CHECK_JSON(json, "\"hhi\":0.46,");
    CHECK_JSON(json, "\"nir_text\":null");

    fp = mem();
    const char *md = done(fp, cn_report_deps(net, &r, CN_FORMAT_MARKDOWN, fp, &err));
    CHECK_MSG(line_with(md, "| MINERAL ", "| TOP "), "a Markdown header row");
    CHECK_MSG(line_with(md, "| graphite ", "| CHN ") && line_with(md, "| graphite ", "| 0.4600 |"),
              "a Markdown row: graphite, CHN, HHI 0.4600");
    fp = mem();
    const char *txt = done(fp, cn_report_deps(net, &r, CN_FORMAT_TABLE, fp, &err));
    CHECK_MSG(line_with(txt, "graphite ", " CHN ") && line_with(txt, "graphite ", " 60% "),
              "a text row: graphite, CHN, 60%%");
    CHECK_MSG(line_with(txt, "cobalt ", "SINGLE-SOURCE"), "cobalt flagged in the text table");
    cn_deps_result_free(&r);
}

static void chokepoints(const cn_net *net)
{
    cn_chokepoints_result r;
    cn_error err = {0};
    CHECK(cn_chokepoints_run(net, "USA", 0.5, &r, &err) == CN_OK);
    FILE *fp = mem();
    const char *csv = done(fp, cn_report_chokepoints(net, &r, CN_FORMAT_CSV, fp, &err));
    CHECK_STR(cell(csv, "mineral", "graphite", "min_cut_size"), "3");
    CHECK_STR(cell(csv, "mineral", "graphite", "min_cut"), "CHN CAN AUS");
    CHECK_STR(cell(csv, "mineral", "graphite", "cut_status"), "complete");
    CHECK_STR(cell(csv, "mineral", "graphite", "dominators"), "");
    CHECK_STR(cell(csv, "mineral", "cobalt", "dominators"), "CAN");
    fp = mem();
    const char *json = done(fp, cn_report_chokepoints(net, &r, CN_FORMAT_JSON, fp, &err));
    CHECK_JSON(json, "\"min_cut\":[\"CHN\",\"CAN\",\"AUS\"]");
    CHECK_JSON(json, "\"supplier\":\"CAN\",\"exposure\":0.74,");
    CHECK_JSON(json, "\"articulation_points\":[\"graphite\"]");
    CHECK_JSON(json, "\"bridges\":[[\"AUS\",\"graphite\"],[\"CHN\",\"graphite\"]]");
    fp = mem();
    const char *txt = done(fp, cn_report_chokepoints(net, &r, CN_FORMAT_TABLE, fp, &err));
    CHECK_MSG(line_with(txt, "USA ", "0.7400"), "the exposure table: USA, CAN, 0.7400");
    cn_chokepoints_result_free(&r);
}

static void coalition(const cn_net *net)
{
    const char *allies[] = {"CAN", "AUS"};
    cn_coalition_result r;
    cn_error err = {0};
    CHECK(cn_coalition_run(net, allies, 2, "USA", 0.5, &r, &err) == CN_OK);
    /* cobalt: world 3/230 = 0.01304, gap 227/230 = 0.98696; graphite: imports .4, world >= .2, gap .8 */
    FILE *fp = mem();
    const char *csv = done(fp, cn_report_coalition(net, allies, 2, &r, CN_FORMAT_CSV, fp, &err));
    CHECK_STR(cell(csv, "mineral", "cobalt", "world_production_in_alliance"), "0.0130");
    CHECK_STR(cell(csv, "mineral", "cobalt", "gap"), "0.9870");
    CHECK_STR(cell(csv, "mineral", "graphite", "imports_in_alliance"), "0.4000");
    CHECK_STR(cell(csv, "mineral", "graphite", "world_at_least"), "1");
    CHECK_STR(cell(csv, "mineral", "graphite", "below_threshold"), "1");
    fp = mem();
    const char *json = done(fp, cn_report_coalition(net, allies, 2, &r, CN_FORMAT_JSON, fp, &err));
    CHECK_JSON(json, "\"allies\":[\"CAN\",\"AUS\"]");
    CHECK_JSON(json, "\"imports_in_alliance\":0.4,\"imports_at_least\":false,\"world_production_in_alliance\":0.2,"
                     "\"world_at_least\":true");
    fp = mem();
    const char *txt = done(fp, cn_report_coalition(net, allies, 2, &r, CN_FORMAT_TABLE, fp, &err));
    CHECK_MSG(line_with(txt, "graphite ", ">=20%") && line_with(txt, "graphite ", "BELOW"),
              "a text row: graphite, >=20%% (a lower bound; a whole percent has no decimal), BELOW");
    cn_coalition_result_free(&r);
}

static void profile(const cn_net *net)
{
    cn_profile_result p;
    cn_error err = {0};
    CHECK(cn_profile_run(net, "CAN", CN_LIST_2018, &p, &err) == CN_OK);
    FILE *fp = mem();
    const char *csv = done(fp, cn_report_profile(net, &p, CN_FORMAT_CSV, fp, &err));
    CHECK_STR(cell(csv, "mineral", "graphite", "rank"), "2");
    CHECK_STR(cell(csv, "mineral", "graphite", "share"), "0.300000");
    CHECK_STR(cell(csv, "mineral", "graphite", "on_list"), "1");
    CHECK_STR(cell(csv, "mineral", "cobalt", "on_list"), "0");
    fp = mem();
    const char *txt = done(fp, cn_report_profile(net, &p, CN_FORMAT_TABLE, fp, &err));
    CHECK_MSG(strstr(txt, "CAN supplies 2 minerals to USA: 1 of the 1 on the 2018 list") != NULL,
              "the count line: 2 minerals, 1 of the 1 on the list");
    CHECK_MSG(line_with(txt, "cobalt ", "1.3%") && line_with(txt, "cobalt ", "world total"),
              "cobalt production: 3,000 of 230,000 t = 1.3%% of the world total");
    cn_profile_result_free(&p);
}

static void centrality_and_projection(const cn_net *net)
{
    cn_centrality_opts o;
    cn_centrality_opts_init(&o);
    o.measures = 1u << CN_MEASURE_DEGREE | 1u << CN_MEASURE_BETWEENNESS | 1u << CN_MEASURE_CLOSENESS;
    cn_centrality_result r;
    cn_error err = {0};
    CHECK(cn_centrality_run(net, &o, &r, &err) == CN_OK);
    /* graphite: degree 4, betweenness .5, closeness 25/36 = 0.694444444444 */
    FILE *fp = mem();
    const char *csv = done(fp, cn_report_centrality(net, &r, CN_FORMAT_CSV, fp, &err));
    CHECK_STR(cell(csv, "id", "graphite", "type"), "mineral");
    CHECK_STR(cell(csv, "id", "graphite", "degree"), "4");
    CHECK_STR(cell(csv, "id", "graphite", "betweenness"), "0.500000000000");
    CHECK_STR(cell(csv, "id", "graphite", "closeness"), "0.694444444444");
    CHECK_STR(cell(csv, "id", "DEU", "component"), "1");
    cn_centrality_result_free(&r);

    cn_bipartite b;
    cn_projection_result p;
    CHECK(cn_bipartite_build(net, 0, 1, &b, NULL, &err) == CN_OK);
    CHECK(cn_projection_run(net, &b, CN_PROJECTION_ONTO_COUNTRIES, &p, &err) == CN_OK);
    /* USA-CAN: 2 shared minerals, min(.8, .3) + min(.5, 1) = .8 */
    fp = mem();
    csv = done(fp, cn_report_projection(net, &p, CN_FORMAT_CSV, 0, fp, &err));
    CHECK_MSG(strstr(csv, "\r\nUSA,CAN,2,0.800000000000\r\n") != NULL, "the projection row USA,CAN,2,0.8");
    fp = mem();
    const char *gml = done(fp, cn_report_projection(net, &p, CN_FORMAT_CSV, 1, fp, &err));
    CHECK_MSG(strstr(gml, "<graphml") != NULL && strstr(gml, "edgedefault=\"undirected\"") != NULL,
              "GraphML, undirected");
    cn_projection_result_free(&p);
    cn_bipartite_free(&b);
}

int main(void)
{
    cn_net *net = small_net(N1, "n1");
    deps(net);
    chokepoints(net);
    coalition(net);
    profile(net);
    centrality_and_projection(net);
    cn_net_free(net);
    free(buf);
    return cn_test_done();
}
