/* cli/cmd_deps.c: `critnet deps`: where a consumer hangs on one supplier. */
#include <string.h>

#include "cli.h"
#include "critnet/countries.h"

static void help(void)
{
    printf("usage: critnet deps [--consumer ISO3] [--threshold X] [--supply-threshold X]\n"
           "                    [--list 2018|2022|all] [--data FILE | --dataset NAME]\n"
           "                    [--format table|json|csv|markdown] [-o FILE]\n\n"
           "Single-source dependencies: per mineral, the consumer's net import reliance (NIR), its known\n"
           "import sources, the top supplier and its share, the HHI of the known shares (a lower bound\n"
           "when an 'other' residual exists), the effective number of suppliers (1/HHI), the residual,\n"
           "and the world-production side (top producer, its share, HHI). Two flags, each from its own\n"
           "evidence:\n"
           "  SINGLE-SOURCE        imports: the top import source holds at least --threshold of the\n"
           "                       consumer's imports, or it is the only known source\n"
           "  CONCENTRATED-SUPPLY  world production: the top producer holds at least --supply-threshold\n"
           "SEVERITY = NIR x top import share (the part of apparent consumption that comes from the\n"
           "largest supplier); where import shares are unknown, NIR x top world-production share, marked\n"
           "'world production' in severity_basis (JSON, CSV). Sorted by severity; unknown figures say so.\n\n"
           "  --consumer ISO3       importing country (default USA)\n"
           "  --threshold X         SINGLE-SOURCE threshold, fraction or percentage (default 0.5)\n"
           "  --supply-threshold X  CONCENTRATED-SUPPLY threshold, fraction or percentage (default 0.5)\n"
           "  --list L              minerals of the 2018 (35) or 2022 (50) U.S. list, or all with data\n"
           "                        (default: 2018 when the dataset tags minerals, else all)\n");
}

static cn_status write_report(const cn_net *net, const void *res, cn_format fmt, FILE *fp, cn_error *err)
{
    return cn_report_deps(net, res, fmt, fp, err);
}

int cmd_deps(int argc, char **argv)
{
    enum { OPT_CONSUMER = OPT_FIRST_CMD };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {"consumer", required_argument, 0, OPT_CONSUMER},
                                             CLI_FLAG_LONGOPTS,
                                             {0, 0, 0, 0}};
    cli_common c = {.cmd = "deps", .help = help};
    cn_deps_opts o;
    cn_deps_opts_init(&o);
    int list_set = 0;
    int opt;
    while ((opt = cli_next_opt(&c, argc, argv, longopts)) > 0) {
        int f = cli_flag_opt(&c, opt, optarg, &o.threshold, &o.supply_threshold, &o.lists, &list_set);
        if (f < 0)
            return 64;
        if (f > 0)
            continue;
        if (opt != OPT_CONSUMER)
            return cli_bad_option(&c, opt, argv);
        o.consumer = optarg;
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
    else if ((rc = cli_check_list(&c, net, o.lists)) != 0) {
        cn_net_free(net);
        return rc;
    }
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
