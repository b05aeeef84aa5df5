/* cli/cmd_render.c: `critnet render`: draws a supply network (imports or world production) as DOT, SVG, PNG
 * or PDF with Graphviz (docs/render.md): the one-page overview by default for one consumer's imports of many
 * minerals (RENDER_FULL_MAX), else, or with --full, the full diagram. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scnopts.h"
#include "critnet/render.h"

/* the most minerals the full diagram draws by default: it takes about 117 pt of height a mineral (us-latest's
 * 2018 list: 35 minerals, 4094 pt), so 8 and the title fill an A4 page; more get the overview */
#define RENDER_FULL_MAX 8

static void help(void)
{
    printf("usage: critnet render [-o FILE] [--format dot|svg|png|pdf] [--layer imports|production]\n"
           "                      [--consumer ISO3] [--mineral ID] [--country ISO3] [--min-share X]\n"
           "                      [--top N] [--threshold X] [--list 2018|2022|all] [--overview | --full]\n"
           "                      [--restrict C:M[=F] ...] [--remove-country C] [--scenario FILE] [--spare X]\n"
           "                      [--data FILE | --dataset NAME]\n\n"
           "Draws the supply network with Graphviz, left to right: suppliers -> minerals -> consumer.\n"
           "Line width grows with the share (dashed and by rank when only ranks are known); each mineral's\n"
           "top supplier and every single-source dependency (as in 'critnet deps') are drawn in red.\n"
           "The picture carries a title (dataset, source, years) and a legend; docs/render.md explains it.\n\n"
           "  -o FILE           output file, written atomically (default: stdout)\n"
           "  --format F        dot (default), svg, png or pdf; default: from the extension of -o\n"
           "  --layer L         imports (default) or production (producers sized by world share)\n"
           "  --consumer ISO3   importing country (default USA; every consumer with --mineral/--country)\n"
           "  --mineral ID      one mineral (and its stages ID:stage): who supplies it, where it flows\n"
           "  --country ISO3    everything this country supplies, produces or imports\n"
           "  --min-share X     leave out suppliers with a known share below X (fraction or percentage)\n"
           "  --top N           keep the N largest suppliers of each mineral\n"
           "  --threshold X     single-source threshold (default 0.5)\n"
           "  --list L          only minerals of the 2018 (35) or 2022 (50) U.S. list; all (default)\n"
           "  --overview        one A4 page for a whole list: each mineral in a box under its top import\n"
           "                    source with that share, its NIR and next sources in its label; the default\n"
           "                    for the imports of one consumer with more than %d minerals and none of\n"
           "                    --mineral, --country, --top, --min-share, --layer production or a scenario\n"
           "  --full            the full diagram (every supplier and edge) even where the overview is default\n"
           "  --max-edges N     lay out (svg, png, pdf) at most N edges, else stop with a usage error\n"
           "                    (default 1000; 0: no limit); dot output is never limited\n\n"
           "A scenario (the options of 'critnet scenario') draws each consumer and mineral it affects: the\n"
           "lost part of a restricted flow dashed dark red (\"-33%% lost\"), replacement flows from alternative\n"
           "producers green (\"+2.1%% replacement\"), the supply lost and the shortfall on the mineral's edge.\n"
           "  --restrict C:M[=F] C withholds fraction F (default 1) of its M exports (repeatable)\n"
           "  --remove-country C C supplies nothing of any mineral\n"
           "  --scenario FILE    restrictions and options from a scenario file\n"
           "  --spare X          share of their production alternatives can divert (default 1)\n\n"
           "render --robustness draws the curves of 'critnet robustness' as an SVG chart instead\n"
           "(see 'critnet render --robustness --help').\n", RENDER_FULL_MAX);
}

/* the title's dataset name and source: the built-in dataset's, or the data file's name */
static void title_source(const cli_common *c, cn_render_title *t, cn_dataset_info *info)
{
    if (c->data) {
        t->dataset = c->data;
        return;
    }
    const char *name = c->dataset ? c->dataset : cn_dataset_default();
    for (size_t i = 0; cn_dataset_get(i, info); i++)
        if (strcmp(info->name, name) == 0) {
            t->dataset = info->name;
            t->source = info->source;
        }
}

/* the overview's note: the minerals of the selection the view does not draw (no figure for the consumer), or
 * NULL when every one is drawn */
const char *cli_overview_note(const cn_net *net, const cn_view *v, unsigned lists, char *buf, size_t size)
{
    size_t n = 0, len = 0, line = 0;
    for (int32_t m = 0; m < net->nvertices; m++) {
        const cn_vertex *x = &net->vertices[m];
        if (x->type != CN_VERTEX_MINERAL || (lists && !(x->lists & lists)))
            continue;
        size_t i = 0;
        while (i < v->nnodes && !(v->nodes[i].kind == CN_VNODE_MINERAL && v->nodes[i].vertex == m))
            i++;
        if (i < v->nnodes)
            continue;
        if (n++ == 0)
            len = (size_t)snprintf(buf, size, "Not drawn (no import or reliance figure for this consumer): ");
        if (len < size) /* a line break about every 80 characters: the title block stays page-wide */
            len += (size_t)snprintf(buf + len, size - len, "%s%s", n == 1 ? "" : len - line > 80 ? ",\n" : ", ",
                                    x->id);
        if (len < size && buf[len - strlen(x->id) - 1] == '\n')
            line = len - strlen(x->id);
    }
    if (len >= size && size > 4)
        strcpy(buf + size - 4, "...");
    return n ? buf : NULL;
}

static int render_main(int argc, char **argv, cli_scn *so)
{
    enum { OPT_CONSUMER = OPT_FIRST_CMD, OPT_MINERAL, OPT_COUNTRY, OPT_MIN_SHARE, OPT_TOP, OPT_LAYER,
           OPT_THRESHOLD, OPT_LIST, OPT_MAX_EDGES, OPT_OVERVIEW, OPT_FULL };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {"consumer", required_argument, 0, OPT_CONSUMER},
                                             {"mineral", required_argument, 0, OPT_MINERAL},
                                             {"country", required_argument, 0, OPT_COUNTRY},
                                             {"min-share", required_argument, 0, OPT_MIN_SHARE},
                                             {"top", required_argument, 0, OPT_TOP},
                                             {"layer", required_argument, 0, OPT_LAYER},
                                             {"threshold", required_argument, 0, OPT_THRESHOLD},
                                             {"list", required_argument, 0, OPT_LIST},
                                             {"max-edges", required_argument, 0, OPT_MAX_EDGES},
                                             {"overview", no_argument, 0, OPT_OVERVIEW},
                                             {"full", no_argument, 0, OPT_FULL},
                                             CLI_SCN_LONGOPTS,
                                             {0, 0, 0, 0}};
    static const int own[] = {OPT_FORMAT, 0}; /* render's formats are dot|svg|png|pdf */
    cli_common c = {.cmd = "render", .help = help, .own = own};
    cn_view_opts o;
    cn_view_opts_init(&o);
    cn_render_format fmt = CN_RENDER_FORMAT_DOT;
    int fmt_set = 0, opt, overview = 0, full = 0;
    char *end;
    long max_edges = 1000;
    while ((opt = cli_next_opt(&c, argc, argv, longopts)) > 0) {
        switch (opt) {
        case OPT_FORMAT:
            if (cn_render_format_parse(optarg, &fmt) != 0)
                return cli_usage_error(&c, "unknown format '%s'; expected dot, svg, png or pdf", optarg);
            fmt_set = 1;
            continue;
        case OPT_CONSUMER:
            o.consumer = optarg;
            continue;
        case OPT_MINERAL:
            o.mineral = optarg;
            continue;
        case OPT_COUNTRY:
            o.country = optarg;
            continue;
        case OPT_MIN_SHARE:
            if (cli_parse_fraction(optarg, &o.min_share) != 0)
                return cli_usage_error(&c, "--min-share '%s': expected a number in [0,1] or a percentage", optarg);
            continue;
        case OPT_LIST:
            if (cli_parse_list(&c, optarg, "all", &o.lists))
                return 64;
            continue;
        case OPT_THRESHOLD:
            if (cli_parse_threshold(&c, optarg, &o.threshold))
                return 64;
            continue;
        case OPT_SCN_RESTRICT:
        case OPT_SCN_REMOVE:
        case OPT_SCN_FILE:
        case OPT_SCN_SPARE: {
            int r = cli_scn_opt(&c, so, opt, optarg);
            if (r)
                return r;
            continue;
        }
        case OPT_TOP:
            errno = 0;
            long n = strtol(optarg, &end, 10);
            if (end == optarg || *end || errno || n < 1 || n > 100000)
                return cli_usage_error(&c, "--top '%s': expected a positive whole number", optarg);
            o.top = (int)n;
            continue;
        case OPT_OVERVIEW:
            overview = 1;
            continue;
        case OPT_FULL:
            full = 1;
            continue;
        case OPT_MAX_EDGES:
            errno = 0;
            max_edges = strtol(optarg, &end, 10);
            if (end == optarg || *end || errno || max_edges < 0)
                return cli_usage_error(&c, "--max-edges '%s': expected a whole number (0: no limit)", optarg);
            continue;
        case OPT_LAYER:
            if (strcmp(optarg, "imports") == 0)
                o.layer = CN_LAYER_IMPORTS;
            else if (strcmp(optarg, "production") == 0)
                o.layer = CN_LAYER_PRODUCTION;
            else
                return cli_usage_error(&c, "--layer '%s': expected imports or production", optarg);
            continue;
        default:
            return cli_bad_option(&c, opt, argv);
        }
    }
    int rc = cli_opts_end(&c, opt, argc, argv);
    if (rc)
        return rc;
    if (!fmt_set && c.output && strcmp(c.output, "-") != 0 && cn_render_format_from_path(c.output, &fmt) != 0)
        return cli_usage_error(&c, "cannot tell the format of '%s' from its extension; use --format "
                                   "dot|svg|png|pdf", c.output);

    /* the overview draws the imports of one consumer, whole: without these it is the default for many minerals */
    int narrowed = o.mineral || o.country || o.top || o.min_share > 0 || o.layer != CN_LAYER_IMPORTS || so->given;
    if (overview && full)
        return cli_usage_error(&c, "--overview and --full: choose one");
    if (overview && narrowed)
        return cli_usage_error(&c, "--overview draws the imports of one consumer: it takes no --mineral, --country, "
                                   "--top, --min-share, --layer production or scenario");
    if (!so->given && so->spare >= 0)
        return cli_usage_error(&c, "--spare needs a scenario (--restrict, --remove-country or --scenario)");
    so->consumer = o.consumer;
    rc = so->given ? cli_scn_finish(&c, so) : 0;
    if (rc)
        return rc;

    /* one mineral of a trade table, no scenario: only its products are read (every stage of its base) */
    char products[64];
    if (o.mineral && !so->given && !c.trade.products && cli_trade_mineral_products(o.mineral, products, sizeof products))
        c.trade.products = products;
    cn_net *net = NULL;
    rc = cli_load(&c, &net);
    if (rc)
        return rc;
    if ((rc = cli_check_list(&c, net, o.lists)) != 0 ||
        (o.consumer && (rc = cli_resolve_country(&c, net, "--consumer", o.consumer, &o.consumer))) ||
        (o.country && (rc = cli_resolve_country(&c, net, "--country", o.country, &o.country))) ||
        (o.mineral && (rc = cli_resolve_mineral(&c, net, "--mineral", o.mineral, &o.mineral)))) {
        cn_net_free(net);
        return rc;
    }
    cn_dataset_info info;
    cn_render_title t = {.mineral = o.mineral, .country = o.country};
    title_source(&c, &t, &info);
    cn_error err = {0};
    cn_scenario_result res = {0};
    if (so->given) {
        if ((rc = cli_scn_minerals(&c, net, &so->s)) != 0) {
            cn_net_free(net);
            return rc;
        }
        if (cn_scenario_resolve(net, &so->s, &err) || cn_scenario_run(net, &so->s, &res, &err)) {
            cn_net_free(net);
            return cli_scn_fail(&c, &err);
        }
        o.scn = &so->s;
        o.scn_result = &res;
        t.scn = &so->s;
    }
    /* the view is built before the output is created, so a usage error leaves nothing behind */
    cn_view v;
    if (cn_view_build(net, &o, &v, &err) != CN_OK) {
        cn_scenario_result_free(&res);
        cn_net_free(net);
        return cli_fail(&err);
    }
    size_t nminerals = 0;
    for (size_t i = 0; i < v.nnodes; i++)
        nminerals += v.nodes[i].kind == CN_VNODE_MINERAL;
    if (!overview && !full && !narrowed && v.nconsumers == 1 && nminerals > RENDER_FULL_MAX)
        overview = 1;
    /* Graphviz lays out a few hundred edges in a second; thousands take minutes and nobody can read them (the
     * overview draws one edge a mineral) */
    size_t nedges = overview ? nminerals : v.nedges;
    if (fmt != CN_RENDER_FORMAT_DOT && max_edges && nedges > (size_t)max_edges) {
        cn_view_free(&v);
        cn_scenario_result_free(&res);
        cn_net_free(net);
        return cli_usage_error(&c, "the picture would have %zu edges (more than %ld: minutes of layout, and "
                               "unreadable); narrow it with --consumer, --top N or --min-share X, or raise "
                               "--max-edges", nedges, max_edges);
    }
    char note[512];
    t.overview = overview;
    t.note = overview ? cli_overview_note(net, &v, o.lists, note, sizeof note) : NULL;
    cn_out out;
    rc = cli_out_open(&c, &out);
    if (!rc) {
        if (cn_render(net, &v, &t, fmt, out.fp, &err) != CN_OK) {
            rc = err.status == CN_EIO ? cli_out_fail(&out, &err) : (cn_out_abort(&out), cli_fail(&err));
        } else {
            rc = cli_out_close(&out);
        }
    }
    cn_view_free(&v);
    cn_scenario_result_free(&res);
    cn_net_free(net);
    return rc;
}

int cmd_render(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) /* render --robustness: a chart of critnet robustness (cli/cmd_robustness.c) */
        if (strcmp(argv[i], "--robustness") == 0)
            return cmd_render_robustness(argc, argv);
    cli_scn so;
    cli_scn_init(&so);
    int rc = render_main(argc, argv, &so);
    cli_scn_free(&so);
    return rc;
}
