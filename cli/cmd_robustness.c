/* cli/cmd_robustness.c: `critnet robustness`: supply still served and the largest component as supplier countries
 * are removed one by one (random or targeted), with the robustness R (Schneider et al. 2011); and `critnet render
 * --robustness`, the curves as an SVG chart. docs/risk.md */
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf("usage: critnet robustness [--mineral ID] [--consumer ISO3]\n"
           "                          [--strategy random|degree|strength|betweenness] [--adaptive]\n"
           "                          [--runs N] [--seed S] [--data FILE | --dataset NAME]\n"
           "                          [--format table|json|csv|markdown] [-o FILE]\n\n"
           "Removes supplier countries one by one and reports, after each removal Q, the supply still served\n"
           "(mean over minerals with known shares of the share left / the share at the start) and the largest\n"
           "connected component of the supplier-mineral graph as a fraction of its nodes at the start; and the\n"
           "robustness R = (1/N) sum over Q = 1..N of each curve (Schneider et al. 2011, PNAS 108:3838).\n"
           "Random orders are summarised by the mean and the standard deviation over the runs.\n"
           "CSV (q,removed,supply,supply_sd,lcc,lcc_sd) is for plotting. Each order costs O(N + E): the supply\n"
           "lost is a running sum, the largest component a union-find adding suppliers back in reverse order;\n"
           "betweenness costs O(V E) per computation and is refused above 2.5e8 steps (a world trade table:\n"
           "use --mineral or --products, or degree or strength).\n\n"
           "  --mineral ID      one mineral and its stages (default: every mineral)\n"
           "  --consumer ISO3   the consumer's import sources (default: world production)\n"
           "  --strategy S      random (default), degree (most minerals first), strength (largest sum of\n"
           "                    shares first), betweenness; ties go to the smaller country id\n"
           "  --adaptive        recompute the targeted scores after each removal (changes betweenness\n"
           "                    only: a supplier's degree and strength do not depend on the others)\n"
           "  --runs N          random orders (default 100)\n"
           "  --seed S          seed of the random generator (default 1)\n");
}

/* the options of both commands, handled by cli_risk_opt */
#define ROBUSTNESS_LONGOPTS                                                                                  \
    {"mineral", required_argument, 0, OPT_RISK_MINERAL}, {"consumer", required_argument, 0, OPT_RISK_CONSUMER}, \
        {"runs", required_argument, 0, OPT_RISK_RUNS}, {"seed", required_argument, 0, OPT_RISK_SEED}

/* after the options (both commands): the shared ones into o, and the network; of a trade table only the
 * consumer's rows are kept when there is one, else the exporters' world totals; returns an exit code */
static int load(cli_common *c, const cli_risk_args *a, cn_robustness_opts *o, cn_net **net)
{
    o->mineral = a->mineral;
    o->consumer = a->consumer;
    o->runs = a->runs;
    o->seed = a->seed;
    c->trade.importer = o->consumer;
    c->trade.exporters_only = o->consumer == NULL;
    return cli_load(c, net);
}

static cn_status write_report(const cn_net *net, const void *res, cn_format fmt, FILE *fp, cn_error *err)
{
    return cn_report_robustness(net, res, fmt, fp, err);
}

int cmd_robustness(int argc, char **argv)
{
    enum { OPT_STRATEGY = OPT_FIRST_CMD, OPT_ADAPTIVE };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS, ROBUSTNESS_LONGOPTS,
                                             {"strategy", required_argument, 0, OPT_STRATEGY},
                                             {"adaptive", no_argument, 0, OPT_ADAPTIVE},
                                             {0, 0, 0, 0}};
    cli_common c = {.cmd = "robustness", .help = help};
    cn_robustness_opts o;
    cn_robustness_opts_init(&o);
    cli_risk_args a = {.runs = o.runs, .seed = o.seed};
    int opt;
    while ((opt = cli_next_risk_opt(&c, argc, argv, longopts, &a)) > 0) {
        switch (opt) {
        case OPT_STRATEGY:
            if (cn_robustness_strategy_parse(optarg, &o.strategy))
                return cli_usage_error(&c, "--strategy '%s': expected random, degree, strength or betweenness",
                                       optarg);
            break;
        case OPT_ADAPTIVE:
            o.adaptive = 1;
            break;
        default:
            return cli_bad_option(&c, opt, argv);
        }
    }
    int rc = cli_opts_end(&c, opt, argc, argv);
    if (rc)
        return rc;
    if (o.adaptive && o.strategy == CN_ROBUSTNESS_RANDOM)
        return cli_usage_error(&c, "--adaptive applies to the targeted strategies (degree, strength, betweenness)");
    cn_net *net = NULL;
    if ((rc = load(&c, &a, &o, &net)))
        return rc;
    cn_robustness_result res;
    cn_error err = {0};
    if (cn_robustness_run(net, &o, &res, &err) != CN_OK) {
        cn_net_free(net);
        return err.status == CN_EUSAGE ? cli_usage_error(&c, "%s", err.msg) : cli_fail(&err);
    }
    rc = cli_write_report(&c, write_report, net, &res);
    cn_robustness_result_free(&res);
    cn_net_free(net);
    return rc;
}

static void render_help(void)
{
    printf("usage: critnet render --robustness [--mineral ID] [--consumer ISO3] [--runs N] [--seed S]\n"
           "                      [--data FILE | --dataset NAME] [--format svg] [-o FILE]\n\n"
           "Plots the supply still served as supplier countries are removed (critnet robustness) for the random\n"
           "strategy (mean and +- one standard deviation over --runs orders, default 100, --seed 1) and the\n"
           "targeted ones (degree, strength, adaptive betweenness), with each R in the legend, as one SVG chart\n"
           "drawn with cairo. The gap between the random and the targeted curves is the robust-yet-fragile\n"
           "signature (docs/risk.md). Where betweenness would exceed its cost limit (critnet robustness --help),\n"
           "the chart is drawn without it and a note on stderr says so.\n");
}

int cmd_render_robustness(int argc, char **argv)
{
    enum { OPT_ROBUSTNESS = OPT_FIRST_CMD };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS, ROBUSTNESS_LONGOPTS,
                                             {"robustness", no_argument, 0, OPT_ROBUSTNESS},
                                             {0, 0, 0, 0}};
    static const int own[] = {OPT_FORMAT, 0}; /* SVG only */
    cli_common c = {.cmd = "render", .help = render_help, .own = own};
    cn_robustness_opts o;
    cn_robustness_opts_init(&o);
    cli_risk_args a = {.runs = o.runs, .seed = o.seed};
    int opt;
    while ((opt = cli_next_risk_opt(&c, argc, argv, longopts, &a)) > 0) {
        switch (opt) {
        case OPT_FORMAT:
            if (strcmp(optarg, "svg") != 0)
                return cli_usage_error(&c, "--robustness draws SVG only, not '%s'", optarg);
            break;
        case OPT_ROBUSTNESS:
            break;
        default:
            return cli_bad_option(&c, opt, argv);
        }
    }
    int rc = cli_opts_end(&c, opt, argc, argv);
    if (rc)
        return rc;
    cn_net *net = NULL;
    if ((rc = load(&c, &a, &o, &net)))
        return rc;
    static const cn_robustness_strategy order[4] = {CN_ROBUSTNESS_RANDOM, CN_ROBUSTNESS_DEGREE, CN_ROBUSTNESS_STRENGTH,
                                                     CN_ROBUSTNESS_BETWEENNESS};
    cn_robustness_result res[4] = {{0}};
    cn_error err = {0};
    size_t n = 0;
    for (; n < 4; n++) {
        o.strategy = order[n];
        o.adaptive = order[n] == CN_ROBUSTNESS_BETWEENNESS;
        if (cn_robustness_run(net, &o, &res[n], &err) != CN_OK) {
            if (order[n] == CN_ROBUSTNESS_BETWEENNESS && err.status == CN_EUSAGE) { /* too large: drawn without */
                cli_say(&c, 0, "betweenness left out of the chart: %s", err.msg);
                break;
            }
            rc = err.status == CN_EUSAGE ? cli_usage_error(&c, "%s", err.msg) : cli_fail(&err);
            break;
        }
    }
    cn_out out;
    if (!rc && !(rc = cli_out_open(&c, &out))) {
        if (cn_render_robustness(net, res, n, out.fp, &err) != CN_OK)
            rc = cli_out_fail(&out, &err);
        else
            rc = cli_out_close(&out);
    }
    for (size_t k = 0; k < 4; k++)
        cn_robustness_result_free(&res[k]);
    cn_net_free(net);
    return rc;
}
