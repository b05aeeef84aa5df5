/* cli/cmd_risk.c: `critnet risk`: supply risk per mineral (EU supply risk, GeoPolRisk, governance-weighted HHI)
 * from the network, WGI governance figures and EU parameters (built-in or --wgi/--params files). docs/risk.md */
#include <errno.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf("usage: critnet risk [--method eu-sr|geopolrisk|hhi-wgi] [--consumer ISO3] [--mineral ID]\n"
           "                    [--wgi FILE] [--params FILE] [--wgi-year Y] [--threshold X]\n"
           "                    [--data FILE | --dataset NAME] [--format table|json|csv|markdown] [-o FILE]\n\n"
           "Supply risk per mineral, one row each, sorted by risk (no data last):\n"
           "  eu-sr       EU supply risk (EC 2017 methodology): [HHI_WGI,t(world supply) IR/2 +\n"
           "              HHI_WGI,t(sourcing mix) (1 - IR/2)] (1 - EoL_RIR) SI_SR; SR >= 1 is marked.\n"
           "              Without a sourcing mix the world-supply term is used alone, and the row says so.\n"
           "  geopolrisk  GeoPolRisk: HHI of world production x IR x sum of g_i s_i over the consumer's\n"
           "              import sources (g = WGI scaled 0..1, higher = less stable)\n"
           "  hhi-wgi     HHI_WGI,t of world supply: sum of s_c^2 WGI_c t_c, WGI scaled 0..10\n"
           "World supply: each mineral's headline world-production shares. Sourcing mix: domestic 1 - IR plus\n"
           "IR x the consumer's import shares. IR: --params when it gives one, else the consumer's net import\n"
           "reliance. Countries without a WGI figure ('other', regions) are left out and their share shown.\n"
           "Missing parameters are 'no data', never a default.\n\n"
           "  --method M       eu-sr (default), geopolrisk or hhi-wgi\n"
           "  --consumer ISO3  whose sourcing mix and import reliance (default: the dataset's consumer)\n"
           "  --mineral ID     one mineral and its stages\n"
           "  --wgi FILE       governance CSV: iso3,year,estimate or the six columns va,pv,ge,rq,rl,cc\n"
           "                   (default: built-in World Bank WGI 2010-2023)\n"
           "  --params FILE    parameter CSV: mineral,stage,ir,eol_rir,si_sr (or *_pct in percent) and/or\n"
           "                   mineral,stage,country,t[,scope] (default: built-in EU CRM 2023, EoL_RIR and SI_SR)\n"
           "  --wgi-year Y     WGI year (default: the latest at or before each mineral's production year)\n"
           "  --threshold X    SR marked at or above X (default 1.0, the EU's)\n");
}

int cli_parse_wgi_year(const cli_common *c, const char *arg, int32_t *out)
{
    char *end;
    long y = strtol(arg, &end, 10);
    if (end == arg || *end || y < 1996 || y > 2100)
        return cli_usage_error(c, "--wgi-year '%s': expected a year", arg);
    *out = (int32_t)y;
    return 0;
}

int cli_risk_opt(const cli_common *c, int opt, const char *arg, cli_risk_args *a)
{
    switch (opt) {
    case OPT_RISK_MINERAL:
        a->mineral = arg;
        return 1;
    case OPT_RISK_CONSUMER:
        a->consumer = arg;
        return 1;
    case OPT_RISK_WGI:
        a->wgi = arg;
        return 1;
    case OPT_RISK_PARAMS:
        a->params = arg;
        return 1;
    case OPT_RISK_WGI_YEAR:
        return cli_parse_wgi_year(c, arg, &a->wgi_year) ? -1 : 1;
    case OPT_RISK_RUNS:
    case OPT_RISK_SEED: {
        int runs = opt == OPT_RISK_RUNS;
        char *end;
        errno = 0;
        unsigned long long v = strtoull(arg, &end, 10);
        if (end == arg || *end || errno || *arg == '-' || (runs && (v < 1 || v > 10000000))) {
            cli_usage_error(c, "%s '%s': expected a whole number %s", runs ? "--runs" : "--seed", arg,
                            runs ? "from 1 to 10000000" : ">= 0");
            return -1;
        }
        if (runs)
            a->runs = (int32_t)v;
        else
            a->seed = v;
        return 1;
    }
    default:
        return 0;
    }
}

int cli_next_risk_opt(cli_common *c, int argc, char **argv, const struct option *longopts, cli_risk_args *a)
{
    int opt, got;
    while ((opt = cli_next_opt(c, argc, argv, longopts)) > 0 && (got = cli_risk_opt(c, opt, optarg, a)) != 0)
        if (got < 0)
            return -1;
    return opt;
}

int cli_risk_inputs(const char *wgi, const char *params, int with_params, cn_risk_inputs *in)
{
    cn_error err = {0};
    if ((wgi && cn_risk_wgi_read(wgi, in, &err)) || (params && cn_risk_params_read(params, in, &err)) ||
        cn_risk_builtin_load(!wgi, with_params && !params, in, &err)) {
        cn_risk_inputs_free(in);
        return cli_fail(&err);
    }
    return 0;
}

typedef struct job {
    const cn_risk_result *res;
    const cn_risk_inputs *in;
} job;

static cn_status write_report(const cn_net *net, const void *p, cn_format fmt, FILE *fp, cn_error *err)
{
    const job *j = p;
    return cn_report_risk(net, j->res, j->in, fmt, fp, err);
}

/* the dataset's consumer: that of its first relies edge, else of its first supplies edge, else USA */
static const char *dataset_consumer(const cn_net *net)
{
    for (int k = 0; k < 2; k++)
        for (int32_t i = 0; i < net->nedges; i++)
            if (net->edges[i].kind == (k ? CN_EDGE_SUPPLIES : CN_EDGE_RELIES) && net->edges[i].consumer >= 0)
                return net->vertices[net->edges[i].consumer].id;
    return "USA";
}

int cmd_risk(int argc, char **argv)
{
    enum { OPT_METHOD = OPT_FIRST_CMD, OPT_THRESHOLD };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {"method", required_argument, 0, OPT_METHOD},
                                             {"consumer", required_argument, 0, OPT_RISK_CONSUMER},
                                             {"mineral", required_argument, 0, OPT_RISK_MINERAL},
                                             {"wgi", required_argument, 0, OPT_RISK_WGI},
                                             {"params", required_argument, 0, OPT_RISK_PARAMS},
                                             {"wgi-year", required_argument, 0, OPT_RISK_WGI_YEAR},
                                             {"threshold", required_argument, 0, OPT_THRESHOLD},
                                             {0, 0, 0, 0}};
    cli_common c = {.cmd = "risk", .help = help};
    cn_risk_opts o;
    cn_risk_opts_init(&o);
    cli_risk_args a = {0};
    int opt;
    while ((opt = cli_next_risk_opt(&c, argc, argv, longopts, &a)) > 0) {
        char *end;
        switch (opt) {
        case OPT_METHOD:
            if (cn_risk_method_parse(optarg, &o.method))
                return cli_usage_error(&c, "--method '%s': expected eu-sr, geopolrisk or hhi-wgi", optarg);
            break;
        case OPT_THRESHOLD:
            o.threshold = strtod(optarg, &end);
            if (end == optarg || *end || !(o.threshold > 0) || o.threshold > 1e6)
                return cli_usage_error(&c, "--threshold '%s': expected a number > 0", optarg);
            break;
        default:
            return cli_bad_option(&c, opt, argv);
        }
    }
    int rc = cli_opts_end(&c, opt, argc, argv);
    if (rc)
        return rc;

    cn_risk_inputs in = {0};
    if ((rc = cli_risk_inputs(a.wgi, a.params, 1, &in)))
        return rc;
    /* a trade table: only the consumer's rows are kept (world exports are summed from every row) */
    c.trade.importer = a.consumer ? a.consumer : "USA";
    cn_net *net = NULL;
    rc = cli_load(&c, &net);
    if (rc) {
        cn_risk_inputs_free(&in);
        return rc;
    }
    o.consumer = a.consumer ? a.consumer : dataset_consumer(net);
    o.mineral = a.mineral;
    o.wgi_year = a.wgi_year;
    cn_risk_result res;
    cn_error err = {0};
    if (cn_risk_run(net, &in, &o, &res, &err) != CN_OK) {
        cn_net_free(net);
        cn_risk_inputs_free(&in);
        return err.status == CN_EUSAGE ? cli_usage_error(&c, "%s", err.msg) : cli_fail(&err);
    }
    job j = {&res, &in};
    rc = cli_write_report(&c, write_report, net, &j);
    cn_risk_result_free(&res);
    cn_risk_inputs_free(&in);
    cn_net_free(net);
    return rc;
}
