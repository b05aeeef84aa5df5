/* cli/cmd_deps.c: `critnet deps`: where a consumer hangs on one supplier. */
#include <string.h>

#include "cli.h"
#include "critnet/countries.h"

static void help(void)
{
    printf("usage: critnet deps [--consumer ISO3] [--threshold X] [--list 2018|2022|all]\n"
           "                    [--data FILE | --dataset NAME] [--format table|json|csv|markdown] [-o FILE]\n\n"
           "Single-source dependencies: per mineral, the consumer's net import reliance (NIR), its known\n"
           "import sources, the top supplier and its share, the HHI of the known shares (a lower bound\n"
           "when an 'other' residual exists), the effective number of suppliers (1/HHI), the residual,\n"
           "and severity = NIR x top share. SINGLE-SOURCE marks a top supplier holding at least the\n"
           "threshold, or the only known source. Sorted by severity; unknown figures say so.\n\n"
           "  --consumer ISO3   importing country (default USA)\n"
           "  --threshold X     fraction or percentage (default 0.5)\n"
           "  --list L          minerals of the 2018 (35) or 2022 (50) U.S. list, or all with data\n"
           "                    (default: 2018 when the dataset tags minerals, else all)\n");
}

static cn_status write_report(const cn_net *net, const void *res, cn_format fmt, FILE *fp, cn_error *err)
{
    return cn_report_deps(net, res, fmt, fp, err);
}

int cmd_deps(int argc, char **argv)
{
    enum { OPT_CONSUMER = OPT_FIRST_CMD, OPT_THRESHOLD, OPT_LIST };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {"consumer", required_argument, 0, OPT_CONSUMER},
                                             {"threshold", required_argument, 0, OPT_THRESHOLD},
                                             {"list", required_argument, 0, OPT_LIST},
                                             {0, 0, 0, 0}};
    cli_common c = {.cmd = "deps", .help = help};
    cn_deps_opts o;
    cn_deps_opts_init(&o);
    int list_set = 0;
    int opt;
    while ((opt = cli_next_opt(&c, argc, argv, longopts)) > 0) {
        switch (opt) {
        case OPT_CONSUMER:
            o.consumer = optarg;
            break;
        case OPT_THRESHOLD:
            if (cli_parse_threshold(&c, optarg, &o.threshold))
                return 64;
            break;
        case OPT_LIST:
            if (cli_parse_list(&c, optarg, "all", &o.lists))
                return 64;
            list_set = 1;
            break;
        default:
            return cli_bad_option(&c, opt, argv);
        }
    }
    int rc = cli_opts_end(&c, opt, argc, argv);
    if (rc)
        return rc;

    /* a trade table: only the consumer's rows are kept (world exports are summed from every row) */
    c.trade.importer = o.consumer && cn_country_iso3(o.consumer) ? cn_country_iso3(o.consumer) : o.consumer;
    cn_net *net = NULL;
    rc = cli_load(&c, &net);
    if (rc)
        return rc;
    if (o.consumer && (rc = cli_resolve_country(&c, net, "--consumer", o.consumer, &o.consumer))) {
        cn_net_free(net);
        return rc;
    }
    if (!list_set)
        o.lists = cli_default_lists(net);
    cn_deps_result res;
    cn_error err = {0};
    if (cn_deps_run(net, &o, &res, &err) != CN_OK) {
        cn_net_free(net);
        return cli_fail(&err);
    }
    cli_note_no_imports(&c, net, net->vertices[res.consumer].id); /* an empty result says why */
    rc = cli_write_report(&c, write_report, net, &res);
    cn_deps_result_free(&res);
    cn_net_free(net);
    return rc;
}
