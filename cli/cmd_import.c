/* cli/cmd_import.c: `critnet import --from FORMAT IN [-o net.json]`: real tables into the native format.
 * One line per format in the table below (the trade-table importers join it the same way). */
#include <string.h>

#include "cli/cli.h"

typedef cn_status (*import_fn)(const char *in, cn_warn_fn warn, void *ctx, cn_net **out, cn_error *err);

static const struct import_format {
    const char *name, *input, *what;
    import_fn fn;
} formats[] = {
    {"usgs-mcs", "DIR", "USGS Mineral Commodity Summaries data-release folder (docs/usgs.md)", cn_import_usgs_mcs_ex},
};
#define NFORMATS (sizeof formats / sizeof formats[0])

static void help(void)
{
    printf("usage: critnet import --from FORMAT IN [-o FILE] [--quiet]\n\n"
           "Reads real data tables and writes the network in the native JSON format (stdout or -o FILE,\n"
           "written atomically). Formats:\n");
    for (size_t i = 0; i < NFORMATS; i++)
        printf("  %-10s %-5s %s\n", formats[i].name, formats[i].input, formats[i].what);
    printf("\nWhat is skipped on purpose is reported as 'critnet: warning: FILE:LINE: ...' (--quiet hides it);\n"
           "anything the importer cannot interpret stops it with 'critnet: FILE:LINE: ...' and exit 65.\n");
}

static void warn(void *ctx, const char *msg)
{
    if (!*(const int *)ctx)
        fprintf(stderr, CLI_PROG ": warning: %s\n", msg);
}

int cmd_import(int argc, char **argv)
{
    enum { OPT_FROM = OPT_FIRST_CMD, OPT_QUIET };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {"from", required_argument, 0, OPT_FROM},
                                             {"quiet", no_argument, 0, OPT_QUIET},
                                             {0, 0, 0, 0}};
    cli_common c = {.cmd = "import"};
    const struct import_format *fmt = NULL;
    int quiet = 0, opt;
    optind = 0;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS "q", longopts, NULL)) != -1) {
        if (opt == 'h') {
            help();
            return 0;
        }
        if (opt == OPT_FROM) {
            for (size_t i = 0; i < NFORMATS; i++)
                if (strcmp(formats[i].name, optarg) == 0)
                    fmt = &formats[i];
            if (!fmt)
                return cli_usage_error(&c, "--from '%s': unknown format; expected usgs-mcs", optarg);
            continue;
        }
        if (opt == OPT_QUIET || opt == 'q') {
            quiet = 1;
            continue;
        }
        int r = cli_common_opt(&c, opt, optarg);
        if (r < 0)
            return 64;
        if (r == 0 || opt == OPT_DATA || opt == OPT_DATASET)
            return cli_bad_option(&c, opt, argv);
    }
    if (c.format_set && c.format != CN_FMT_JSON)
        return cli_usage_error(&c, "--format: import writes the native JSON format only");
    if (!fmt)
        return cli_usage_error(&c, "expected --from FORMAT");
    if (optind + 1 != argc)
        return cli_usage_error(&c, optind >= argc ? "expected one input %s" : "expected one input %s, got more",
                               fmt->input);
    cn_net *net = NULL;
    cn_error err = {0};
    if (fmt->fn(argv[optind], warn, &quiet, &net, &err) != CN_OK)
        return cli_fail(&err);
    int rc = cli_write_net(&c, net);
    cn_net_free(net);
    return rc;
}
