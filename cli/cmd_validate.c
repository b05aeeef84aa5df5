/* cli/cmd_validate.c: `critnet validate FILE...`: parse and check data files, report the first error of each. */
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf("usage: critnet validate [--from baci|comtrade|csv] [--columns SPEC] [--skip-bad] FILE...\n\n"
           "Checks data files as --data reads them: native JSON networks ('-' reads stdin: syntax,\n"
           "types, required fields, ids), CSV edge lists and trade tables (BACI, UN Comtrade, CSV with\n"
           "an exporter,importer,product header; every row); then bipartite edges, shares in [0,1] and\n"
           "share sums of at most 1. Prints 'FILE: ok' with counts, or one error line naming the file\n"
           "and the place. Exit 0 when all are valid, else the first failure's code (65: bad data,\n"
           "66: cannot read). The trade-table options are those of every command (critnet --help).\n");
}

int cmd_validate(int argc, char **argv)
{
    /* only the trade-table options: no -o, no --data/--dataset/--format */
    cli_common c = {.cmd = "validate", .help = help, .shortopts = ":h"};
    static const struct option longopts[] = {{"help", no_argument, 0, 'h'}, CLI_TRADE_LONGOPTS, {0, 0, 0, 0}};
    int rc = cli_opts_end(&c, cli_next_opt(&c, argc, argv, longopts), 0, argv); /* FILEs follow */
    if (rc)
        return rc;
    if (optind >= argc)
        return cli_usage_error(&c, "expected at least one FILE");
    for (int i = optind; i < argc; i++) {
        cn_net *net = NULL;
        cli_common one = c;
        one.data = argv[i];
        one.quiet = 1;
        int x = cli_load(&one, &net);
        if (x) {
            if (!rc)
                rc = x;
            continue;
        }
        int nc = 0, nm = 0;
        for (int32_t v = 0; v < net->nvertices; v++)
            net->vertices[v].type == CN_VERTEX_COUNTRY ? nc++ : nm++;
        printf("%s: ok (%d countries, %d minerals, %d edges)\n", strcmp(argv[i], "-") ? argv[i] : "stdin",
               nc, nm, (int)net->nedges);
        cn_net_free(net);
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, CLI_PROG ": stdout: write error\n");
        return 74;
    }
    return rc;
}
