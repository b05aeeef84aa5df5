/* cli/cmd_import.c: `critnet import --from FORMAT IN [-o net.json]`: real tables into the native JSON format.
 * One row of the format table per importer; trade tables (BACI, UN Comtrade, CSV) go through cli/trade_opts.c. */
#include <string.h>

#include "cli.h"

typedef cn_status (*import_fn)(const char *in, cn_warn_fn warn, void *ctx, cn_net **out, cn_error *err);

static const struct import_format {
    const char *name, *input, *what;
    import_fn fn; /* NULL: a trade table, read by cli_trade_load */
} formats[] = {
    {"usgs-mcs", "DIR", "USGS Mineral Commodity Summaries data-release folder (docs/usgs.md)", cn_import_usgs_mcs_ex},
    {"usgs-chapters", "DIR", "USGS MCS chapter tables: import shares by form, NIR, world (docs/usgs.md)",
     cn_import_usgs_chapters_ex},
    {"baci", "FILE", "CEPII BACI t,i,j,k,v,q (value thousand USD, quantity t; numeric country codes)", NULL},
    {"comtrade", "FILE", "UN Comtrade bulk/API CSV (reporter, partner, flowCode M/X, cmdCode, primaryValue, netWgt)",
     NULL},
    {"csv", "FILE", "plain CSV of flows, with --columns; Atlas bilateral and OEC-style exporter-only tables "
     "(docs/trade.md)", NULL},
};
#define NFORMATS (sizeof formats / sizeof formats[0])

static void help(void)
{
    printf("usage: critnet import --from FORMAT IN [-o FILE] [--quiet]\n"
           "                      [--columns SPEC] [--products LIST] [--year Y] [--skip-bad] [--strict]\n\n"
           "Reads real data tables as distributed and writes the network in the native JSON format\n"
           "(stdout or -o FILE, written atomically). Formats:\n");
    for (size_t i = 0; i < NFORMATS; i++)
        printf("  %-13s %-5s %s\n", formats[i].name, formats[i].input, formats[i].what);
    printf("\nTrade tables: FILE may end in .gz; '-' reads stdin.\n"
           "  --columns SPEC   csv: exporter=COL,importer=COL,product=COL,year=COL,value=COL,quantity=COL\n"
           "  --products LIST  HS codes (prefixes) or minerals of datasets/hs_minerals.csv, comma-separated\n"
           "  --year Y         the year to take (default: the latest in the file)\n"
           "  --skip-bad       skip malformed rows (counted on stderr) instead of failing\n"
           "  --strict         a supplier code that is no country (a region, an unknown code) is an error;\n"
           "                   without it such codes are kept as named suppliers, with one warning per file\n"
           "  -q, --quiet      no progress bar; no warnings about rows skipped on purpose\n"
           "Per trade file, stderr gets the rows read, used, dropped by reason (filters, re-exports,\n"
           "zero value and quantity, UN Comtrade breakdown rows, ...) and the codes kept that are no country.\n"
           "What is skipped on purpose is reported as 'critnet: warning: FILE:LINE: ...'; anything an\n"
           "importer cannot interpret stops it with 'critnet: FILE:LINE: ...' and exit 65.\n");
}

static void warn(void *ctx, const char *msg)
{
    if (!*(const int *)ctx)
        fprintf(stderr, CLI_PROG ": warning: %s\n", msg);
}

int cmd_import(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS, {0, 0, 0, 0}};
    static const int own[] = {OPT_FROM, OPT_DATA, OPT_DATASET, 0};
    cli_common c = {.cmd = "import", .help = help, .shortopts = CLI_COMMON_SHORTOPTS "q", .own = own};
    const struct import_format *fmt = NULL;
    int opt;
    while ((opt = cli_next_opt(&c, argc, argv, longopts)) > 0) {
        switch (opt) {
        case 'q':
            c.quiet = 1;
            break;
        case OPT_FROM:
            fmt = NULL;
            for (size_t i = 0; i < NFORMATS; i++)
                if (strcmp(formats[i].name, optarg) == 0)
                    fmt = &formats[i];
            if (!fmt)
                return cli_usage_error(&c, "--from '%s': unknown format; expected usgs-mcs, usgs-chapters, baci, comtrade or csv",
                                       optarg);
            if (!fmt->fn && cli_common_opt(&c, opt, optarg) < 0) /* the trade layout */
                return 64;
            break;
        default: /* --data and --dataset too: the input is the argument */
            return cli_bad_option(&c, opt, argv);
        }
    }
    if (opt < 0)
        return 64;
    if (c.format_set && c.format != CN_FORMAT_JSON)
        return cli_usage_error(&c, "--format: import writes the native JSON format only");
    if (!fmt)
        return cli_usage_error(&c, "expected --from FORMAT");
    if (optind + 1 != argc)
        return cli_usage_error(&c, optind >= argc ? "expected one input %s" : "expected one input %s, got more",
                               fmt->input);
    cn_net *net = NULL;
    int rc;
    if (fmt->fn) {
        cn_error err = {0};
        cn_usgs_opts uo;
        cn_usgs_opts_init(&uo);
        uo.strict = c.trade.strict;
        cn_status st = fmt->fn == cn_import_usgs_mcs_ex
                           ? cn_import_usgs_mcs_opts(argv[optind], &uo, warn, &c.quiet, &net, &err)
                       : fmt->fn == cn_import_usgs_chapters_ex
                           ? cn_import_usgs_chapters_opts(argv[optind], &uo, warn, &c.quiet, &net, &err)
                           : fmt->fn(argv[optind], warn, &c.quiet, &net, &err);
        if (st != CN_OK)
            return cli_fail(&err);
    } else if ((rc = cli_trade_load(&c, argv[optind], &net)) != 0) {
        return rc;
    } else {
        cli_note_baskets(&c, net); /* HS basket codes left out or weighted: one line on stderr */
    }
    rc = cli_write_net(&c, net);
    cn_net_free(net);
    return rc;
}
