/* cli/cmd_diff.c: `critnet diff THEN NOW`: two datasets or files compared for one consumer, mineral by mineral,
 * and each supplier's role then and now (critnet/diff.h). */
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf("usage: critnet diff THEN NOW [--consumer ISO3] [--mineral ID] [--supplier ISO3]\n"
           "                   [--threshold X] [--supply-threshold X] [--list 2018|2022|all]\n"
           "                   [--format table|json|csv|markdown] [-o FILE]\n\n"
           "Compares two networks (built-in dataset names or files; a file when one exists at that path) for\n"
           "one consumer: per mineral, the net import reliance then and now, the top supplier and its share\n"
           "(or rank) then and now, the sources gained and lost, and the SINGLE-SOURCE and\n"
           "CONCENTRATED-SUPPLY flags (as 'critnet deps'); CHANGED lists what differs (new, gone, nir, top,\n"
           "share, sources, single-source, concentrated-supply). Then per supplier: of how many minerals it\n"
           "is a named import source then and now, and where it is first and second (by share, else rank).\n"
           "CSV holds the minerals; JSON both tables.\n\n"
           "  --consumer ISO3       importing country, in both networks (default USA)\n"
           "  --mineral ID          only this mineral (and its stages, ID:stage)\n"
           "  --supplier ISO3       only this supplier in the summary, with a sentence on its role\n"
           "  --threshold X         SINGLE-SOURCE threshold (default 0.5)\n"
           "  --supply-threshold X  CONCENTRATED-SUPPLY threshold (default 0.5)\n"
           "  --list L              minerals of the 2018 or 2022 U.S. list, or all with figures (default:\n"
           "                        2018 when both networks tag minerals, else all)\n"
           "Example: critnet diff us-mcs2020 us-mcs2024 --supplier CAN\n");
}

typedef struct diff_out {
    const cn_net *then, *now;
    const cn_diff_result *r;
} diff_out;

static cn_status write_report(const cn_net *net, const void *res, cn_format fmt, FILE *fp, cn_error *err)
{
    (void)net;
    const diff_out *d = res;
    return cn_report_diff(d->then, d->now, d->r, fmt, fp, err);
}

int cli_diff_run(cli_common *c, const char *then_arg, const char *now_arg, cn_diff_opts *o, int list_set)
{
    cn_net *then = NULL, *now = NULL;
    int rc = cli_load_arg(c, then_arg, &then);
    if (!rc)
        rc = cli_load_arg(c, now_arg, &now);
    if (!rc && !list_set) {
        unsigned a = cli_default_lists(then), b = cli_default_lists(now);
        o->lists = a & b;
    }
    cn_diff_result res;
    cn_error err = {0};
    if (!rc && cn_diff_run(then, now, o, &res, &err) != CN_OK)
        rc = cli_fail(&err);
    else if (!rc) {
        diff_out d = {then, now, &res};
        rc = cli_write_report(c, write_report, now, &d);
        cn_diff_result_free(&res);
    }
    cn_net_free(then);
    cn_net_free(now);
    return rc;
}

int cmd_diff(int argc, char **argv)
{
    enum { OPT_CONSUMER = OPT_FIRST_CMD, OPT_MINERAL, OPT_SUPPLIER };
    static const int refused[] = {OPT_DATA, OPT_DATASET, 0};
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {"consumer", required_argument, 0, OPT_CONSUMER},
                                             {"mineral", required_argument, 0, OPT_MINERAL},
                                             {"supplier", required_argument, 0, OPT_SUPPLIER},
                                             CLI_FLAG_LONGOPTS,
                                             {0, 0, 0, 0}};
    cli_common c = {.cmd = "diff", .help = help, .own = refused};
    cn_diff_opts o;
    cn_diff_opts_init(&o);
    int list_set = 0, opt;
    while ((opt = cli_next_opt(&c, argc, argv, longopts)) > 0) {
        int f = cli_flag_opt(&c, opt, optarg, &o.threshold, &o.supply_threshold, &o.lists, &list_set);
        if (f < 0)
            return 64;
        if (f > 0)
            continue;
        switch (opt) {
        case OPT_CONSUMER: o.consumer = optarg; break;
        case OPT_MINERAL: o.mineral = optarg; break;
        case OPT_SUPPLIER: o.supplier = optarg; break;
        default: return cli_bad_option(&c, opt, argv);
        }
    }
    if (opt < 0)
        return 64;
    if (argc - optind != 2)
        return cli_usage_error(&c, "expected two networks, THEN and NOW (built-in dataset names or files)");
    return cli_diff_run(&c, argv[optind], argv[optind + 1], &o, list_set);
}
