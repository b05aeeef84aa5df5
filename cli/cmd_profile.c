/* cli/cmd_profile.c: `critnet profile ISO3`: a country's place in the network: what it supplies to whom
 * (rank, share, count against a critical-mineral list), its production shares, what it relies on. */
#include <string.h>

#include "netopts.h"

static void help(void)
{
    printf("usage: critnet profile ISO3 [--list 2018|2022|none] [--diff THEN,NOW]\n"
           "                      [--with-risk [--wgi FILE] [--params FILE]]\n"
           "                      [--data FILE | --dataset NAME] [--format table|json|csv|markdown] [-o FILE]\n\n"
           "One country's place in the network: the minerals it supplies to each consumer (its best rank and\n"
           "its share of the consumer's imports in the headline figures), how many distinct minerals that is\n"
           "and how many are on a critical-mineral list (\"CAN supplies N of the 35\"), its share of world\n"
           "production per mineral (given, else from quantities: of the world total, else of the listed\n"
           "producers, and said so) with its reserves and share of world reserves beside it (of the printed\n"
           "world total, else of the listed figures, as 'concentration --layer reserves' reads them; 'no\n"
           "data' where the source gives none; '<=' of a world total printed as a bound, >X), and its own\n"
           "net import reliance with its top supplier.\n"
           "CSV has the supplies rows only.\n\n"
           "  --list L   count against the 2018 (35) or 2022 (50) U.S. list (default: 2018 when the data tags\n"
           "             minerals with lists), or none\n"
           "  --diff THEN,NOW  the country's role as a supplier of the USA then and now (two datasets or files):\n"
           "             'critnet diff THEN NOW --supplier ISO3' (docs/diff.md)\n"
           "  --with-risk  adds the EU supply risk SR of each mineral the country relies on (as 'critnet risk\n"
           "             --consumer ISO3' computes it, and as 'deps --with-risk' shows it), marked SR>=1 at the\n"
           "             EU's threshold; 'no data' where parameters or production figures are missing\n"
           "  --wgi FILE, --params FILE  with --with-risk: your own governance and EU parameter tables\n");
}


static cn_status write_it(const cn_net *net, const void *result, cn_format fmt, FILE *fp, cn_error *err)
{
    return cn_report_profile(net, (const cn_profile_result *)result, fmt, fp, err);
}

int cmd_profile(int argc, char **argv)
{
    enum { OPT_LIST = OPT_FIRST_CMD, OPT_DIFF, OPT_WITH_RISK, OPT_WGI, OPT_PARAMS };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS, {"list", required_argument, 0, OPT_LIST},
                                             {"diff", required_argument, 0, OPT_DIFF},
                                             {"with-risk", no_argument, 0, OPT_WITH_RISK},
                                             {"wgi", required_argument, 0, OPT_WGI},
                                             {"params", required_argument, 0, OPT_PARAMS}, {0, 0, 0, 0}};
    cli_common c = {.cmd = "profile", .help = help};
    const char *diff = NULL, *wgi = NULL, *params = NULL;
    int with_risk = 0;
    unsigned bits = 0;
    int list_set = 0;
    int opt;
    while ((opt = cli_next_opt(&c, argc, argv, longopts)) > 0) {
        switch (opt) {
        case OPT_LIST:
            if (cli_parse_list(&c, optarg, "none", &bits))
                return 64;
            list_set = 1;
            break;
        case OPT_DIFF:
            diff = optarg;
            break;
        case OPT_WITH_RISK:
            with_risk = 1;
            break;
        case OPT_WGI:
            wgi = optarg;
            break;
        case OPT_PARAMS:
            params = optarg;
            break;
        default:
            return cli_bad_option(&c, opt, argv);
        }
    }
    if (opt < 0)
        return 64;
    if (optind + 1 != argc)
        return cli_usage_error(&c, optind < argc ? "expected one country, got '%s' too" : "expected a country (ISO3)%s",
                               optind < argc ? argv[argc - 1] : "");
    if (!with_risk && (wgi || params))
        return cli_usage_error(&c, "--wgi and --params go with --with-risk");
    if (diff && with_risk)
        return cli_usage_error(&c, "--with-risk adds a column to the profile; not with --diff");
    if (diff) { /* the supplier's role in two networks: diff THEN NOW --supplier ISO3 */
        const char *comma = strchr(diff, ',');
        if (!comma || comma == diff || !comma[1] || c.data || c.dataset)
            return cli_usage_error(&c, "--diff '%s': expected THEN,NOW (two datasets or files), without --data or "
                                       "--dataset", diff);
        char then[512];
        snprintf(then, sizeof then, "%.*s", (int)(comma - diff), diff);
        cn_diff_opts o;
        cn_diff_opts_init(&o);
        o.supplier = argv[optind];
        o.lists = bits;
        return cli_diff_run(&c, then, comma + 1, &o, list_set);
    }
    cn_net *net = NULL;
    int rc = cli_load(&c, &net);
    if (rc)
        return rc;
    const char *country;
    if ((rc = cli_resolve_country(&c, net, "country", argv[optind], &country))) {
        cn_net_free(net);
        return rc;
    }
    if (!list_set)
        bits = cli_default_lists(net);
    else if ((rc = cli_check_list(&c, net, bits)) != 0) {
        cn_net_free(net);
        return rc;
    }
    cn_profile_result p;
    cn_error err = {0};
    if (cn_profile_run(net, country, bits, &p, &err) != CN_OK) {
        cn_net_free(net);
        return cli_fail(&err);
    }
    cn_risk_result risk;
    if (with_risk && (rc = cli_with_risk(net, country, wgi, params, &risk)) == 0) {
        cn_profile_add_risk(&p, &risk);
        cn_risk_result_free(&risk);
    }
    if (!rc)
        rc = cli_write_report(&c, write_it, net, &p);
    cn_profile_result_free(&p);
    cn_net_free(net);
    return rc;
}
