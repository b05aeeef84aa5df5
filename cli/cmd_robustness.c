/* cli/cmd_robustness.c: `critnet robustness`: supply still served and the largest component as supplier countries
 * are removed one by one (random or targeted), with the robustness R (Schneider et al. 2011). docs/risk.md */
#include <errno.h>
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
           "CSV (q,removed,supply,supply_sd,lcc,lcc_sd) is for plotting.\n\n"
           "  --mineral ID      one mineral and its stages (default: every mineral)\n"
           "  --consumer ISO3   the consumer's import sources (default: world production)\n"
           "  --strategy S      random (default), degree (most minerals first), strength (largest sum of\n"
           "                    shares first), betweenness; ties go to the smaller country id\n"
           "  --adaptive        recompute the targeted scores after each removal\n"
           "  --runs N          random orders (default 100)\n"
           "  --seed S          seed of the random generator (default 1)\n");
}

static cn_status write_report(const cn_net *net, const void *res, cn_format fmt, FILE *fp, cn_error *err)
{
    return cn_report_robustness(net, res, fmt, fp, err);
}

int cmd_robustness(int argc, char **argv)
{
    enum { OPT_MINERAL = OPT_FIRST_CMD, OPT_CONSUMER, OPT_STRATEGY, OPT_ADAPTIVE, OPT_RUNS, OPT_SEED };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {"mineral", required_argument, 0, OPT_MINERAL},
                                             {"consumer", required_argument, 0, OPT_CONSUMER},
                                             {"strategy", required_argument, 0, OPT_STRATEGY},
                                             {"adaptive", no_argument, 0, OPT_ADAPTIVE},
                                             {"runs", required_argument, 0, OPT_RUNS},
                                             {"seed", required_argument, 0, OPT_SEED},
                                             {0, 0, 0, 0}};
    cli_common c = {.cmd = "robustness", .help = help};
    cn_robustness_opts o;
    cn_robustness_opts_init(&o);
    int opt;
    while ((opt = cli_next_opt(&c, argc, argv, longopts)) > 0) {
        char *end;
        switch (opt) {
        case OPT_MINERAL:
            o.mineral = optarg;
            break;
        case OPT_CONSUMER:
            o.consumer = optarg;
            break;
        case OPT_STRATEGY:
            if (cn_robustness_strategy_parse(optarg, &o.strategy))
                return cli_usage_error(&c, "--strategy '%s': expected random, degree, strength or betweenness",
                                       optarg);
            break;
        case OPT_ADAPTIVE:
            o.adaptive = 1;
            break;
        case OPT_RUNS: {
            long n = strtol(optarg, &end, 10);
            if (end == optarg || *end || n < 1 || n > 10000000)
                return cli_usage_error(&c, "--runs '%s': expected a whole number from 1 to 10000000", optarg);
            o.runs = (int32_t)n;
            break;
        }
        case OPT_SEED:
            errno = 0;
            o.seed = strtoull(optarg, &end, 10);
            if (end == optarg || *end || errno || *optarg == '-')
                return cli_usage_error(&c, "--seed '%s': expected a whole number >= 0", optarg);
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
    /* a trade table: only the consumer's rows are kept when there is one */
    c.trade.importer = o.consumer;
    c.trade.exporters_only = o.consumer == NULL;
    cn_net *net = NULL;
    rc = cli_load(&c, &net);
    if (rc)
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
