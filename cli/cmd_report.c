/* cli/cmd_report.c: `critnet report`: one self-contained HTML page (or Markdown with the SVG files beside it)
 * to hand to a colleague: summary, charts, the overview diagram, the deps, concentration and chokepoints
 * tables, and the sources (io/report/report_model.c, html.c, report_md.c). */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "critnet/countries.h"
#include "critnet/render.h"
#include "scnopts.h"

static void help(void)
{
    printf("usage: critnet report [-o FILE.html | -o FILE.md | -o DIR] [--format html|md] [--consumer ISO3]\n"
           "                      [--list 2018|2022|all] [--threshold X] [--allies LIST]\n"
           "                      [--data FILE | --dataset NAME]\n\n"
           "Writes one self-contained HTML page (no script; charts and diagram embedded, so it opens with no\n"
           "network): a summary (single-source dependencies, the most concentrated minerals, the suppliers\n"
           "with the highest exposure), the net-import-reliance chart (bars per mineral with the major import\n"
           "sources, as USGS's MCS figure), a supplier x mineral heat map of import shares (ranks, hatched,\n"
           "where the source gives no share), the overview diagram (each mineral's top supplier), one diagram\n"
           "per single-source dependency, the tables of 'critnet deps', 'critnet concentration' and\n"
           "'critnet chokepoints' (and 'critnet coalition' with --allies), and the sources. Exit 65 when the consumer has no import figures.\n\n"
           "With --format md (or -o FILE.md) the same report is Markdown, each chart and diagram an SVG file\n"
           "beside it (STEM-nir.svg, STEM-heatmap.svg, STEM-overview.svg, STEM-dep-MINERAL.svg for FILE\n"
           "STEM.md), linked by relative paths; it needs -o.\n\n"
           "  -o FILE|DIR       the page (default: stdout); a directory gets DIR/report.html (DIR/report.md)\n"
           "  --format F        html (default) or md; without it, -o FILE.md picks md\n"
           "  --consumer ISO3   importing country (default USA)\n"
           "  --threshold X     single-source threshold (default 0.5)\n"
           "  --list L          minerals of the 2018 (35) or 2022 (50) U.S. list, or all with data\n"
           "                    (default: 2018 when the dataset tags minerals, else all)\n"
           "  --allies LIST     adds the coalition section: countries (ISO3 or names) and @groups,\n"
           "                    comma-separated, repeatable, as 'critnet coalition --allies' (its threshold\n"
           "                    is --threshold)\n");
}

typedef struct parts {
    cn_deps_result deps;
    cn_concentration_result conc;
    cn_chokepoints_result choke;
    cn_coalition_result coal;
    char **allies; /* --allies: the coalition section when nallies > 0 */
    size_t nallies;
    char *svg;
    char **dep_svgs;       /* one diagram per single-source dependency */
    int32_t *dep_minerals;
    size_t ndeps;
} parts;

/* one SVG of the view o into *svg; returns an exit code */
static int draw(const cli_common *c, const cn_net *net, const cn_view_opts *o, char **svg)
{
    cn_error err = {0};
    cn_view v;
    size_t len;
    cn_render_title t = {.dataset = c->dataset ? c->dataset : c->data, .mineral = o->mineral,
                         .overview = !o->mineral};
    if (cn_view_build(net, o, &v, &err))
        return cli_fail(&err);
    char buf[512];
    t.note = t.overview ? cli_overview_note(net, &v, o->lists, buf, sizeof buf) : NULL;
    cn_status st = cn_render_mem(net, &v, &t, CN_RENDER_FORMAT_SVG, svg, &len, &err);
    cn_view_free(&v);
    return st ? cli_fail(&err) : 0;
}

static int build(const cli_common *c, const cn_net *net, const cn_deps_opts *d, parts *p, char *caption,
                 size_t size)
{
    cn_error err = {0};
    cn_concentration_opts co;
    cn_concentration_opts_init(&co);
    if (cn_deps_run(net, d, &p->deps, &err) || cn_concentration_run(net, &co, &p->conc, &err) ||
        cn_chokepoints_run(net, d->consumer, d->threshold, &p->choke, &err))
        return cli_fail(&err);
    if (p->nallies && cn_coalition_run(net, (const char *const *)p->allies, p->nallies, d->consumer, d->threshold,
                                       &p->coal, &err))
        return err.status == CN_EUSAGE ? cli_usage_error(c, "%s", err.msg) : cli_fail(&err);
    /* the overview: the minerals grouped under their top supplier, so 35-50 minerals read on one A4 page */
    cn_view_opts o;
    cn_view_opts_init(&o);
    o.consumer = d->consumer;
    o.lists = d->lists;
    o.threshold = d->threshold;
    size_t with = 0;
    for (size_t i = 0; i < p->deps.n; i++)
        with += p->deps.rows[i].top != CN_NONE;
    snprintf(caption, size, "Each mineral under its top import source, with that source's share; the other sources "
             "are named under the mineral. %zu of the %zu minerals have no known top source (no share or rank) "
             "and are grouped apart. The tables below list every source.", p->deps.n - with, p->deps.n);
    int rc = draw(c, net, &o, &p->svg);
    /* one small diagram per critical (single-source) dependency: every source of that mineral */
    p->dep_svgs = calloc(p->deps.n + 1, sizeof *p->dep_svgs);
    p->dep_minerals = calloc(p->deps.n + 1, sizeof *p->dep_minerals);
    if (!p->dep_svgs || !p->dep_minerals) {
        fprintf(stderr, CLI_PROG ": out of memory\n");
        return 71;
    }
    o.top = 0;
    for (size_t i = 0; !rc && i < p->deps.n; i++) {
        if (!p->deps.rows[i].single_source)
            continue;
        o.mineral = net->vertices[p->deps.rows[i].mineral].id;
        p->dep_minerals[p->ndeps] = p->deps.rows[i].mineral;
        rc = draw(c, net, &o, &p->dep_svgs[p->ndeps]);
        p->ndeps += !rc;
    }
    return rc;
}

static int report_main(int argc, char **argv, parts *p)
{
    enum { OPT_CONSUMER = OPT_FIRST_CMD, OPT_THRESHOLD, OPT_LIST, OPT_ALLIES };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {"consumer", required_argument, 0, OPT_CONSUMER},
                                             {"threshold", required_argument, 0, OPT_THRESHOLD},
                                             {"list", required_argument, 0, OPT_LIST},
                                             {"allies", required_argument, 0, OPT_ALLIES},
                                             {0, 0, 0, 0}};
    static const int own[] = {OPT_FORMAT, 0};
    cli_common c = {.cmd = "report", .help = help, .own = own};
    cn_deps_opts d;
    cn_deps_opts_init(&d);
    int list_set = 0, opt, rc, md = -1; /* md: -1 not given, 0 html, 1 Markdown */
    while ((opt = cli_next_opt(&c, argc, argv, longopts)) > 0) {
        switch (opt) {
        case OPT_FORMAT:
            if (strcmp(optarg, "html") != 0 && strcmp(optarg, "md") != 0 && strcmp(optarg, "markdown") != 0)
                return cli_usage_error(&c, "unknown format '%s'; report writes html or md", optarg);
            md = optarg[0] == 'm' ? 1 : 0;
            break;
        case OPT_CONSUMER:
            d.consumer = optarg;
            break;
        case OPT_THRESHOLD:
            if (cli_parse_threshold(&c, optarg, &d.threshold))
                return 64;
            break;
        case OPT_LIST:
            if (cli_parse_list(&c, optarg, "all", &d.lists))
                return 64;
            list_set = 1;
            break;
        case OPT_ALLIES:
            if ((rc = cli_allies_opt(&c, optarg, &p->allies, &p->nallies)))
                return rc;
            break;
        default:
            return cli_bad_option(&c, opt, argv);
        }
    }
    rc = cli_opts_end(&c, opt, argc, argv);
    if (rc)
        return rc;
    char path[4096], dir[4096], stem[256];
    struct stat sb;
    if (c.output && stat(c.output, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        if ((size_t)snprintf(path, sizeof path, "%s/report.%s", c.output, md == 1 ? "md" : "html") >= sizeof path)
            return cli_usage_error(&c, "-o '%s': path too long", c.output);
        c.output = path;
    } else if (c.output && strcmp(c.output, "-") != 0) {
        const char *dot = strrchr(c.output, '.'), *slash = strrchr(c.output, '/');
        int is_md = dot && (!slash || dot > slash) && strcmp(dot, ".md") == 0;
        int is_html = dot && (!slash || dot > slash) && (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0);
        if (md == -1 ? !is_md && !is_html : md ? !is_md : !is_html)
            return cli_usage_error(&c, "-o '%s': expected %s or a directory", c.output,
                                   md == -1 ? "FILE.html, FILE.md" : md ? "FILE.md" : "FILE.html");
        if (md == -1)
            md = is_md;
    }
    if (md == 1 && (!c.output || strcmp(c.output, "-") == 0))
        return cli_usage_error(&c, "--format md writes SVG files beside the document: give -o FILE.md or -o DIR");
    if (md == 1) { /* the pictures go beside the document: its folder and its name without .md */
        const char *slash = strrchr(c.output, '/'), *base = slash ? slash + 1 : c.output;
        size_t dl = slash ? (size_t)(slash - c.output) : 0, bl = strlen(base) - 3;
        if (dl >= sizeof dir || bl >= sizeof stem || bl == 0)
            return cli_usage_error(&c, "-o '%s': expected FILE.md with a name", c.output);
        if (!slash)
            strcpy(dir, ".");
        else if (dl == 0)
            strcpy(dir, "/"); /* -o /report.md */
        else
            memcpy(dir, c.output, dl), dir[dl] = '\0';
        memcpy(stem, base, bl), stem[bl] = '\0';
    }
    c.trade.importer = d.consumer && cn_country_iso3(d.consumer) ? cn_country_iso3(d.consumer) : d.consumer;
    cn_net *net = NULL;
    rc = cli_load(&c, &net);
    if (rc)
        return rc;
    if ((rc = cli_resolve_country(&c, net, "--consumer", d.consumer, &d.consumer))) {
        cn_net_free(net);
        return rc;
    }
    if (!list_set)
        d.lists = cli_default_lists(net);
    char caption[512];
    rc = build(&c, net, &d, p, caption, sizeof caption);
    if (!rc && !cli_note_no_imports(&c, net, d.consumer)) {
        cn_report_html_in in = {.dataset = c.dataset ? c.dataset : c.data, .deps = &p->deps, .conc = &p->conc,
                                .choke = &p->choke, .overview_svg = p->svg, .overview_caption = caption,
                                .dep_svgs = (const char *const *)p->dep_svgs, .dep_minerals = p->dep_minerals,
                                .ndeps = p->ndeps, .coal = p->nallies ? &p->coal : NULL,
                                .allies = (const char *const *)p->allies, .nallies = p->nallies};
        cn_out out;
        rc = cli_out_open(&c, &out);
        cn_error err = {0};
        if (!rc)
            rc = (md == 1 ? cn_report_md(net, &in, dir, stem, out.fp, &err) : cn_report_html(net, &in, out.fp, &err))
                     ? cli_out_fail(&out, &err)
                     : cli_out_close(&out);
    } else if (!rc) {
        rc = 65; /* nothing to report on: said why above */
    }
    cn_net_free(net);
    return rc;
}

int cmd_report(int argc, char **argv)
{
    parts p;
    memset(&p, 0, sizeof p);
    int rc = report_main(argc, argv, &p);
    cn_deps_result_free(&p.deps);
    cn_concentration_result_free(&p.conc);
    cn_chokepoints_result_free(&p.choke);
    cn_coalition_result_free(&p.coal);
    cn_strv_free(p.allies, p.nallies);
    free(p.svg);
    for (size_t i = 0; i < p.ndeps; i++)
        free(p.dep_svgs[i]);
    free(p.dep_svgs);
    free(p.dep_minerals);
    return rc;
}
