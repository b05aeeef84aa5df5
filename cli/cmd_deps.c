/* cli/cmd_deps.c: `critnet deps`: where a consumer hangs on one supplier; with --supplier, the reverse view:
 * who hangs on that supplier. */
#include <string.h>

#include "cli.h"
#include "critnet/countries.h"

static void help(void)
{
    printf("usage: critnet deps [--consumer ISO3] [--threshold X] [--supply-threshold X]\n"
           "                    [--with-risk [--wgi FILE] [--params FILE]]\n"
           "       critnet deps --supplier ISO3 [--consumer ISO3]\n"
           "       critnet deps --years [FROM-TO] [--consumer ISO3]\n"
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
           "                        (default: 2018 when the dataset tags minerals, else all)\n"
           "  --supplier ISO3       the reverse view: every consumer and mineral whose import sources name\n"
           "                        this country, with its SHARE of the consumer's imports, its RANK, the\n"
           "                        consumer's NIR, EXPOSURE = NIR x SHARE (the part of the consumer's\n"
           "                        apparent consumption that comes from the supplier; unknown when either\n"
           "                        is) and WORLD, the supplier's share of world production; ranked by\n"
           "                        exposure. --consumer then keeps one consumer (default: every one)\n"
           "  --with-risk           adds the EU supply risk SR of each mineral (as 'critnet risk' computes\n"
           "                        it from the built-in WGI and EU CRM 2023 data, for the consumer) and\n"
           "                        marks SR >= 1, the EU's criticality threshold; 'no data' where the EU\n"
           "                        parameters or world-production figures are missing\n"
           "  --wgi FILE, --params FILE  with --with-risk: your own governance and EU parameter tables,\n"
           "                        as 'critnet risk' reads them (docs/risk.md)\n"
           "  --years [FROM-TO]     the NIR series instead: per mineral, the consumer's net import reliance\n"
           "                        in each year the source's table gives (MCS 2026: 2021-2025e; MCS 2024:\n"
           "                        the salient years), one column per year, bounds as printed ('>50%%'),\n"
           "                        'E' for a net exporter, 'no data' where the table has no figure; a\n"
           "                        year header ending in 'e' holds estimates. FROM-TO (or one year) keeps\n"
           "                        those years, every one of them a column. CSV: one line per mineral\n"
           "                        and year; CSV and JSON give fractions with the printed bound beside\n");
}

static cn_status write_report(const cn_net *net, const void *res, cn_format fmt, FILE *fp, cn_error *err)
{
    return cn_report_deps(net, res, fmt, fp, err);
}

static cn_status write_years(const cn_net *net, const void *res, cn_format fmt, FILE *fp, cn_error *err)
{
    return cn_report_deps_years(net, res, fmt, fp, err);
}

/* --years [FROM-TO | YEAR]: 0 0 for every year; -1 when arg is not a year or a range */
static int parse_years(const char *arg, int32_t *from, int32_t *to)
{
    *from = *to = 0;
    if (!arg)
        return 0;
    int a, b, n = 0;
    if (sscanf(arg, "%4d-%4d%n", &a, &b, &n) == 2 && arg[n] == '\0' && a >= 1000 && b >= 1000) {
        *from = a;
        *to = b;
        return 0;
    }
    if (sscanf(arg, "%4d%n", &a, &n) == 1 && arg[n] == '\0' && a >= 1000) {
        *from = *to = a;
        return 0;
    }
    return -1;
}

/* deps --years: the NIR series of the consumer */
static int run_years(cli_common *c, cn_net *net, const char *consumer, unsigned lists, const char *years)
{
    int32_t from, to;
    parse_years(years, &from, &to); /* checked before loading */
    cn_deps_years_result res;
    cn_error err = {0};
    if (cn_deps_years_run(net, consumer, lists, from, to, &res, &err) != CN_OK)
        return err.status == CN_EUSAGE ? cli_usage_error(c, "%s", err.msg) : cli_fail(&err);
    size_t known = 0;
    for (size_t i = 0; i < res.n * res.nyears; i++)
        known += res.points[i].has;
    if (known == 0) /* an empty result says why */
        cli_say(c, 0, "no net import reliance figures for %s%s", net->vertices[res.consumer].id,
                years ? " in those years" : " in this dataset");
    int rc = cli_write_report(c, write_years, net, &res);
    cn_deps_years_result_free(&res);
    return rc;
}

static cn_status write_supplier(const cn_net *net, const void *res, cn_format fmt, FILE *fp, cn_error *err)
{
    return cn_report_deps_supplier(net, res, fmt, fp, err);
}

int cli_with_risk(const cn_net *net, const char *consumer, const char *wgi, const char *params, cn_risk_result *out)
{
    cn_risk_inputs in = {0};
    int rc = cli_risk_inputs(wgi, params, 1, &in);
    if (rc)
        return rc;
    cn_risk_opts ro;
    cn_risk_opts_init(&ro);
    ro.consumer = consumer;
    cn_error err = {0};
    rc = cn_risk_run(net, &in, &ro, out, &err) != CN_OK ? cli_fail(&err) : 0;
    cn_risk_inputs_free(&in);
    return rc;
}

/* --with-risk: the EU supply risk of each row */
static int add_risk(const cn_net *net, const char *consumer, const char *const files[2], cn_deps_result *res)
{
    cn_risk_result risk;
    int rc = cli_with_risk(net, consumer, files[0], files[1], &risk);
    if (rc)
        return rc;
    cn_deps_add_risk(res, &risk);
    cn_risk_result_free(&risk);
    return 0;
}

/* deps --supplier: the reverse view on a loaded net (consumer NULL: every consumer) */
static int run_supplier(cli_common *c, cn_net *net, const char *supplier, const char *consumer, unsigned lists)
{
    int rc = cli_resolve_country(c, net, "--supplier", supplier, &supplier);
    if (!rc && consumer)
        rc = cli_resolve_country(c, net, "--consumer", consumer, &consumer);
    if (rc)
        return rc;
    cn_deps_supplier_result res;
    cn_error err = {0};
    if (cn_deps_supplier_run(net, supplier, consumer, lists, &res, &err) != CN_OK)
        return cli_fail(&err);
    if (res.n == 0) /* an empty result says why */
        cli_say(c, 0, "no consumer%s%s in this dataset names %s among its import sources%s", consumer ? " " : "",
                consumer ? consumer : "", supplier, lists ? " (for the minerals of the list chosen)" : "");
    rc = cli_write_report(c, write_supplier, net, &res);
    cn_deps_supplier_result_free(&res);
    return rc;
}

int cmd_deps(int argc, char **argv)
{
    enum { OPT_CONSUMER = OPT_FIRST_CMD, OPT_SUPPLIER, OPT_WITH_RISK, OPT_WGI, OPT_PARAMS, OPT_YEARS };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {"consumer", required_argument, 0, OPT_CONSUMER},
                                             {"supplier", required_argument, 0, OPT_SUPPLIER},
                                             {"with-risk", no_argument, 0, OPT_WITH_RISK},
                                             {"wgi", required_argument, 0, OPT_WGI},
                                             {"params", required_argument, 0, OPT_PARAMS},
                                             {"years", optional_argument, 0, OPT_YEARS},
                                             CLI_FLAG_LONGOPTS,
                                             {0, 0, 0, 0}};
    cli_common c = {.cmd = "deps", .help = help};
    cn_deps_opts o;
    cn_deps_opts_init(&o);
    int list_set = 0, with_risk = 0, years_set = 0;
    const char *years = NULL; /* --years' range, NULL: every year */
    const char *supplier = NULL, *consumer_set = NULL, *risk_files[2] = {NULL, NULL}; /* --wgi, --params */
    int opt;
    while ((opt = cli_next_opt(&c, argc, argv, longopts)) > 0) {
        int f = cli_flag_opt(&c, opt, optarg, &o.threshold, &o.supply_threshold, &o.lists, &list_set);
        if (f < 0)
            return 64;
        if (f > 0)
            continue;
        if (opt == OPT_WITH_RISK || opt == OPT_WGI || opt == OPT_PARAMS) {
            with_risk |= opt == OPT_WITH_RISK;
            if (opt != OPT_WITH_RISK)
                risk_files[opt == OPT_PARAMS] = optarg;
            continue;
        }
        if (opt == OPT_SUPPLIER) {
            supplier = optarg;
            continue;
        }
        if (opt == OPT_YEARS) { /* "--years 2021-2025" as well as "--years=2021-2025" */
            int32_t y0, y1;
            years_set = 1;
            years = optarg;
            if (!years && optind < argc && parse_years(argv[optind], &y0, &y1) == 0)
                years = argv[optind++];
            if (parse_years(years, &y0, &y1) != 0)
                return cli_usage_error(&c, "--years '%s': expected a year or FROM-TO, e.g. 2021-2025", years);
            continue;
        }
        if (opt != OPT_CONSUMER)
            return cli_bad_option(&c, opt, argv);
        o.consumer = consumer_set = optarg;
    }
    int rc = cli_opts_end(&c, opt, argc, argv);
    if (rc)
        return rc;
    if (!with_risk && (risk_files[0] || risk_files[1]))
        return cli_usage_error(&c, "--wgi and --params go with --with-risk");
    if (supplier && with_risk)
        return cli_usage_error(&c, "--with-risk adds a column to the consumer's view; not with --supplier");
    if (years_set && (supplier || with_risk))
        return cli_usage_error(&c, "--years is its own view; not with --supplier or --with-risk");

    /* a trade table: only the consumer's rows are kept (world exports are summed from every row) */
    if (supplier)
        o.consumer = consumer_set; /* the reverse view: every consumer unless one is asked for */
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
    if (supplier || years_set) {
        rc = supplier ? run_supplier(&c, net, supplier, o.consumer, o.lists)
                      : run_years(&c, net, o.consumer, o.lists, years);
        cn_net_free(net);
        return rc;
    }
    cn_deps_result res;
    cn_error err = {0};
    if (cn_deps_run(net, &o, &res, &err) != CN_OK) {
        cn_net_free(net);
        return cli_fail(&err);
    }
    if (with_risk && (rc = add_risk(net, o.consumer, risk_files, &res)) != 0) {
        cn_deps_result_free(&res);
        cn_net_free(net);
        return rc;
    }
    cli_note_no_imports(&c, net, net->vertices[res.consumer].id); /* an empty result says why */
    rc = cli_write_report(&c, write_report, net, &res);
    cn_deps_result_free(&res);
    cn_net_free(net);
    return rc;
}
