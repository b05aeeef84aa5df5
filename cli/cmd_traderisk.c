/* cli/cmd_traderisk.c: `critnet traderisk`: systemic trade risk (Klimek, Obersteiner & Thurner 2015) per mineral of
 * a trade table: vulnerability matrix, TradeRisk per country, largest eigenvalue, largest SCC. docs/risk.md */
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf("usage: critnet traderisk [--mineral ID] [--wgi FILE] [--wgi-year Y] [--damping A]\n"
           "                         [--data FILE | --dataset NAME] [--format table|json|csv|markdown] [-o FILE]\n\n"
           "Systemic trade risk after Klimek, Obersteiner & Thurner (2015), per mineral with import shares of\n"
           "several importers (a trade table): the vulnerability matrix V_ij = share of j's imports from i x\n"
           "instability of i, u_i = (2.5 - PV_i)/5 from the WGI Political Stability estimate; the TradeRisk\n"
           "x = d + A V^T x (d_j = sum_i V_ij, direct plus propagated exposure); the largest eigenvalue of V and\n"
           "its largest strongly connected component. Suppliers without a PV figure are left out (share shown).\n\n"
           "  --mineral ID   one mineral and its stages\n"
           "  --wgi FILE     governance CSV with a pv column (default: built-in World Bank WGI 2010-2023)\n"
           "  --wgi-year Y   WGI year (default: the latest)\n"
           "  --damping A    propagation factor in [0,1) (default 0.85)\n");
}

typedef struct job {
    const cn_traderisk_result *res;
    const cn_risk_inputs *in;
} job;

static cn_status write_report(const cn_net *net, const void *p, cn_format fmt, FILE *fp, cn_error *err)
{
    const job *j = p;
    return cn_report_traderisk(net, j->res, j->in, fmt, fp, err);
}

int cmd_traderisk(int argc, char **argv)
{
    enum { OPT_DAMPING = OPT_FIRST_CMD };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {"mineral", required_argument, 0, OPT_RISK_MINERAL},
                                             {"wgi", required_argument, 0, OPT_RISK_WGI},
                                             {"wgi-year", required_argument, 0, OPT_RISK_WGI_YEAR},
                                             {"damping", required_argument, 0, OPT_DAMPING},
                                             {0, 0, 0, 0}};
    cli_common c = {.cmd = "traderisk", .help = help};
    cn_traderisk_opts o;
    cn_traderisk_opts_init(&o);
    cli_risk_args a = {0};
    int opt;
    while ((opt = cli_next_risk_opt(&c, argc, argv, longopts, &a)) > 0) {
        char *end;
        switch (opt) {
        case OPT_DAMPING:
            o.damping = strtod(optarg, &end);
            if (end == optarg || *end || !(o.damping >= 0 && o.damping < 1))
                return cli_usage_error(&c, "--damping '%s': expected a number in [0,1)", optarg);
            break;
        default:
            return cli_bad_option(&c, opt, argv);
        }
    }
    int rc = cli_opts_end(&c, opt, argc, argv);
    if (rc)
        return rc;
    cn_risk_inputs in = {0};
    if ((rc = cli_risk_inputs(a.wgi, NULL, 0, &in)))
        return rc;
    o.mineral = a.mineral;
    o.wgi_year = a.wgi_year;
    cn_net *net = NULL;
    rc = cli_load(&c, &net);
    if (rc) {
        cn_risk_inputs_free(&in);
        return rc;
    }
    cn_traderisk_result res;
    cn_error err = {0};
    if (cn_traderisk_run(net, &in, &o, &res, &err) != CN_OK) {
        cn_net_free(net);
        cn_risk_inputs_free(&in);
        return err.status == CN_EUSAGE ? cli_usage_error(&c, "%s", err.msg) : cli_fail(&err);
    }
    job j = {&res, &in};
    rc = cli_write_report(&c, write_report, net, &j);
    cn_traderisk_result_free(&res);
    cn_risk_inputs_free(&in);
    cn_net_free(net);
    return rc;
}
