/* cli/cmd_concentration.c: `critnet concentration`: how concentrated each mineral's world production (or
 * a consumer's imports) is: HHI, top share, CR3, effective number, residual. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf("usage: critnet concentration [--layer production|imports|reserves] [--mineral ID] [--year Y]\n"
           "                             [--consumer ISO3] [--data FILE | --dataset NAME]\n"
           "                             [--format table|json|csv|markdown] [-o FILE]\n\n"
           "Per mineral (each stage is its own row, e.g. copper and copper:refinery): the top producer or\n"
           "supplier and its share, CR3, the HHI of the known shares (a lower bound when a residual is\n"
           "left), the effective number 1/HHI, the residual 1 - sum of listed shares, and the share the\n"
           "source gives to 'other countries'. Sorted by HHI. Shares that are unknown (withheld, not\n"
           "available, ranks only) are counted, never guessed.\n\n"
           "  --layer L        production (default): shares of the world total, headline year (latest with\n"
           "                   a world total or shares, docs/format.md);\n"
           "                   imports: shares of the consumer's imports (ranks only: share unknown);\n"
           "                   reserves: shares of world reserves (of the printed world total, else of the\n"
           "                   listed figures, said in OF), the latest year with reserves; a mineral\n"
           "                   without reserve figures says 'no data'; a world total printed as a bound\n"
           "                   (>X, at least X) makes the shares upper bounds (<=), EFF.N a lower bound\n"
           "  --mineral ID     one mineral and its stages (cobalt also shows cobalt:refinery)\n"
           "  --year Y         production (or reserves) year (default: each mineral's headline year)\n"
           "  --consumer ISO3  importing country for --layer imports (default USA)\n");
}

static cn_status write_report(const cn_net *net, const void *res, cn_format fmt, FILE *fp, cn_error *err)
{
    return cn_report_concentration(net, res, fmt, fp, err);
}

int cmd_concentration(int argc, char **argv)
{
    enum { OPT_LAYER = OPT_FIRST_CMD, OPT_MINERAL, OPT_CONSUMER };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {"layer", required_argument, 0, OPT_LAYER},
                                             {"mineral", required_argument, 0, OPT_MINERAL},
                                             {"consumer", required_argument, 0, OPT_CONSUMER},
                                             {0, 0, 0, 0}};
    cli_common c = {.cmd = "concentration", .help = help};
    cn_concentration_opts o;
    cn_concentration_opts_init(&o);
    int opt;
    while ((opt = cli_next_opt(&c, argc, argv, longopts)) > 0) {
        switch (opt) {
        case OPT_LAYER:
            if (strcmp(optarg, "production") == 0)
                o.layer = CN_LAYER_PRODUCTION;
            else if (strcmp(optarg, "imports") == 0)
                o.layer = CN_LAYER_IMPORTS;
            else if (strcmp(optarg, "reserves") == 0)
                o.layer = CN_LAYER_RESERVES;
            else
                return cli_usage_error(&c, "--layer '%s': expected production, imports or reserves", optarg);
            break;
        case OPT_MINERAL:
            o.mineral = optarg;
            break;
        case OPT_CONSUMER:
            o.consumer = optarg;
            break;
        default:
            return cli_bad_option(&c, opt, argv);
        }
    }
    int rc = cli_opts_end(&c, opt, argc, argv);
    if (rc)
        return rc;
    o.year = c.trade.year; /* --year, a common option (it also selects a trade table's year) */
    if (o.year && o.layer == CN_LAYER_IMPORTS)
        return cli_usage_error(&c, "--year applies to --layer production or reserves");

    /* a trade table: the production layer is world exports, which can be summed while reading */
    c.trade.exporters_only = o.layer == CN_LAYER_PRODUCTION;
    cn_net *net = NULL;
    rc = cli_load(&c, &net);
    if (rc)
        return rc;
    if ((o.mineral && (rc = cli_resolve_mineral(&c, net, "--mineral", o.mineral, &o.mineral))) ||
        (o.consumer && (rc = cli_resolve_country(&c, net, "--consumer", o.consumer, &o.consumer)))) {
        cn_net_free(net);
        return rc;
    }
    cn_concentration_result res;
    cn_error err = {0};
    if (cn_concentration_run(net, &o, &res, &err) != CN_OK) {
        cn_net_free(net);
        return err.status == CN_EUSAGE ? cli_usage_error(&c, "%s", err.msg) : cli_fail(&err);
    }
    /* an empty result says why (exit status 0: an empty answer is an answer) */
    size_t with_reserves = 0;
    for (size_t i = 0; i < res.n; i++)
        with_reserves += res.rows[i].shares_of != 0;
    if (o.layer == CN_LAYER_IMPORTS)
        cli_note_no_imports(&c, net, net->vertices[res.consumer].id);
    else if (o.layer == CN_LAYER_RESERVES && !with_reserves && !(o.year && cli_note_years(&c, net, CN_EDGE_PRODUCES, o.year)))
        cli_say(&c, 0, "no reserves figures%s%s in this dataset%s", o.mineral ? " for " : "", o.mineral ? o.mineral : "",
                o.year ? " in that year" : "");
    else if (res.n == 0 && !(o.year && cli_note_years(&c, net, CN_EDGE_PRODUCES, o.year)))
        cli_say(&c, 0, "no production figures%s%s%s", o.mineral ? " for " : "", o.mineral ? o.mineral : "",
                       o.year ? " in that year" : "");
    cli_note_baskets(&c, net); /* HS basket codes left out or weighted: one line on stderr */
    rc = cli_write_report(&c, write_report, net, &res);
    cn_concentration_result_free(&res);
    cn_net_free(net);
    return rc;
}
