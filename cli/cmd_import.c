/* cli/cmd_import.c: `critnet import --from FORMAT FILE`: real tables into the native JSON format. One row of
 * the format table per importer; trade tables (BACI, UN Comtrade, CSV) go through cli/trade.c. */
#include <string.h>

#include "cli/cli.h"

typedef struct import_format {
    const char *name;
    const char *what;
} import_format;

static const import_format formats[] = {
    {"baci", "CEPII BACI t,i,j,k,v,q (value thousand USD, quantity t; numeric country codes)"},
    {"comtrade", "UN Comtrade bulk/API CSV (reporter, partner, flowCode M/X, cmdCode, primaryValue, netWgt)"},
    {"csv", "plain CSV of flows: --columns exporter=COL,importer=COL,product=COL,year=COL,value=COL,quantity=COL"},
    {NULL, NULL}};

static void help(void)
{
    printf("usage: critnet import --from FORMAT FILE [-o FILE] [--columns SPEC] [--products LIST]\n"
           "                      [--year Y] [--skip-bad] [--quiet]\n\n"
           "Reads a table as distributed and writes the supply network as native JSON (docs/trade.md).\n"
           "FILE may end in .gz; '-' reads stdin. Formats:\n");
    for (const import_format *f = formats; f->name; f++)
        printf("  %-10s %s\n", f->name, f->what);
    printf("\n  --columns SPEC   csv: which header column holds each field\n"
           "  --products LIST  HS codes (prefixes) or minerals of hs_minerals.csv, comma-separated\n"
           "  --year Y         the year to take (default: the latest in the file)\n"
           "  --skip-bad       skip malformed rows (counted on stderr) instead of failing\n"
           "  --quiet          no progress bar\n");
}

int cmd_import(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS, {0, 0, 0, 0}};
    cli_common c = {.cmd = "import"};
    const char *from = NULL;
    int opt;
    optind = 0;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
        if (opt == OPT_FROM)
            from = optarg;
        int r = cli_common_opt(&c, opt, optarg);
        if (r < 0)
            return 64;
        if (r)
            continue;
        if (opt == 'h') {
            help();
            return 0;
        }
        return cli_bad_option(&c, opt, argv);
    }
    if (!from)
        return cli_usage_error(&c, "--from FORMAT is required");
    if (optind + 1 != argc)
        return cli_usage_error(&c, optind < argc ? "expected one input file" : "missing input FILE");
    if (c.data || c.dataset)
        return cli_usage_error(&c, "the input is the FILE argument, not --data/--dataset");
    cn_net *net = NULL;
    int rc = cli_trade_load(&c, argv[optind], &net);
    if (rc)
        return rc;
    return cli_write_net(&c, net);
}
