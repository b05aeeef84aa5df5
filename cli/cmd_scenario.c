/* cli/cmd_scenario.c: `critnet scenario`: what an export restriction costs each consumer, who can fill the
 * gap, and (--cascade) how the shock propagates through a trade network. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "critnet/countries.h"
#include "scnopts.h"

static void help(void)
{
    printf("usage: critnet scenario --restrict COUNTRY:MINERAL[=FRACTION] ... [--remove-country ISO3] ...\n"
           "                        [--scenario FILE.json] [--consumer ISO3] [--spare X]\n"
           "                        [--cascade [--pass-through X] [--chain M1,M2,...]]\n"
           "                        [--data FILE | --dataset NAME] [--format table|json|csv|markdown] [-o FILE]\n\n"
           "Direct model (default): per affected consumer and mineral, supply lost = NIR x import share x\n"
           "fraction; the suppliers that remain; the part of the gap alternative producers cover, pro rata\n"
           "to their share of world production and capped by the spare share of their production; the\n"
           "shortfall left. Unknown shares stay unknown; a reliance given as a bound (\">25\") is used at\n"
           "its lower bound and said so. Cascade model: a country that loses imports of a product cuts its\n"
           "exports of it and of downstream stages proportionally, iterated to a fixed point (trade flows\n"
           "with values needed). docs/scenarios.md has the equations and the scenario file format.\n\n"
           "  --restrict C:M[=F]    C withholds fraction F (default 1, or a percentage) of its M exports\n"
           "  --remove-country C    C supplies nothing of any mineral\n"
           "  --scenario FILE       restrictions and options from a scenario file (added to the options)\n"
           "  --consumer ISO3       only this consumer (default: every consumer with figures)\n"
           "  --spare X             share of their production alternatives can divert (default 1: upper bound)\n"
           "  --cascade             run the cascade model instead of the direct one\n"
           "  --pass-through X      cascade: fraction of a supply loss passed on to exports (default 1)\n"
           "  --chain M1,M2,...     cascade: processing stages, upstream first (default: ids base:stage in\n"
           "                        data order)\n");
}

static int write_result(const cli_common *c, const cn_net *net, const cn_scenario *s, const void *res,
                        int cascade)
{
    cn_out out;
    int rc = cli_out_open(c, &out);
    if (rc)
        return rc;
    cn_error err = {0};
    cn_status st = cascade ? cn_report_cascade(net, s, res, c->format, out.fp, &err)
                           : cn_report_scenario(net, s, res, c->format, out.fp, &err);
    if (st != CN_OK)
        return cli_out_fail(&out, &err);
    return cli_out_close(&out);
}

int cmd_scenario(int argc, char **argv)
{
    enum { OPT_CONSUMER = OPT_FIRST_CMD, OPT_CASCADE, OPT_PASS, OPT_CHAIN };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             CLI_SCN_LONGOPTS,
                                             {"consumer", required_argument, 0, OPT_CONSUMER},
                                             {"cascade", no_argument, 0, OPT_CASCADE},
                                             {"pass-through", required_argument, 0, OPT_PASS},
                                             {"chain", required_argument, 0, OPT_CHAIN},
                                             {0, 0, 0, 0}};
    cli_common c = {.cmd = "scenario", .help = help};
    cli_scn so;
    cli_scn_init(&so);
    cn_scenario *sp = &so.s;
    cn_error err = {0};
    double pass = -1;
    int cascade = 0, opt, rc = 0, r;
    while (!rc && (opt = cli_next_opt(&c, argc, argv, longopts)) != 0) {
        if (opt < 0) {
            rc = 64;
            break;
        }
        if ((r = cli_scn_opt(&c, &so, opt, optarg)) >= 0) {
            rc = r;
            continue;
        }
        switch (opt) {
        case OPT_CONSUMER:
            so.consumer = optarg;
            break;
        case OPT_PASS:
            if (cli_parse_fraction(optarg, &pass))
                rc = cli_usage_error(&c, "--pass-through '%s': expected a number in [0,1] or a percentage",
                                     optarg);
            break;
        case OPT_CASCADE:
            cascade = 1;
            break;
        case OPT_CHAIN:
            if (!strchr(optarg, ','))
                rc = cli_usage_error(&c, "--chain '%s': expected at least two mineral ids, M1,M2", optarg);
            else if (cn_scenario_add_chain(sp, optarg, &err))
                rc = cli_scn_fail(&c, &err);
            break;
        default:
            rc = cli_bad_option(&c, opt, argv);
        }
    }
    if (!rc)
        rc = cli_opts_end(&c, 0, argc, argv);
    if (!rc)
        rc = cli_scn_finish(&c, &so);
    if (rc) {
        cli_scn_free(&so);
        return rc;
    }
    if (pass >= 0)
        sp->pass_through = pass;
    sp->cascade |= cascade;

    /* a trade table and one consumer, direct model: only that consumer's rows are needed */
    if (!sp->cascade && sp->consumer)
        c.trade.importer = sp->consumer;
    cn_net *net = NULL;
    rc = cli_load(&c, &net);
    if (!rc)
        rc = cli_scn_minerals(&c, net, sp);
    /* outputs echo the canonical ids: "--restrict china:graphite" is CHN's restriction */
    for (size_t i = 0; !rc && i < sp->n; i++)
        rc = cli_canonical_country(&c, net, sp->items[i].origin ? sp->items[i].origin
                               : sp->items[i].mineral ? "--restrict" : "--remove-country", &sp->items[i].country);
    if (!rc && sp->consumer)
        rc = cli_canonical_country(&c, net, sp->consumer_origin ? sp->consumer_origin : "--consumer", &sp->consumer);
    if (!rc && cn_scenario_resolve(net, sp, &err))
        rc = cli_scn_fail(&c, &err);
    if (!rc && sp->cascade) {
        cn_cascade_result res;
        if (cn_cascade_run(net, sp, &res, &err)) {
            rc = cli_scn_fail(&c, &err);
        } else {
            rc = write_result(&c, net, sp, &res, 1);
            cn_cascade_result_free(&res);
        }
    } else if (!rc) {
        cn_scenario_result res;
        if (cn_scenario_run(net, sp, &res, &err)) {
            rc = cli_scn_fail(&c, &err);
        } else {
            rc = write_result(&c, net, sp, &res, 0);
            cn_scenario_result_free(&res);
        }
    }
    cn_net_free(net);
    cli_scn_free(&so);
    return rc;
}
