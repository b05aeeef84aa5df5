/* cli/cmd_validate.c: `critnet validate FILE...`: parse and check data files, report the first error of each. */
#include <string.h>

#include "cli/cli.h"

static void help(FILE *fp)
{
    fprintf(fp, "usage: critnet validate FILE...\n\n"
                "Checks native JSON network files ('-' reads stdin): syntax, types, required fields, ids,\n"
                "bipartite edges, shares in [0,1] and share sums of at most 1. Prints 'FILE: ok' with counts,\n"
                "or one error line naming the file and the place. Exit 0 when all are valid, 65 otherwise.\n");
}

int cmd_validate(int argc, char **argv)
{
    cli_common c = {.cmd = "validate"};
    static const struct option longopts[] = {{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int opt;
    optind = 0;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        if (opt == 'h') {
            help(stdout);
            return 0;
        }
        return cli_bad_option(&c, opt, argv);
    }
    if (optind >= argc)
        return cli_usage_error(&c, "expected at least one FILE");
    int rc = 0;
    for (int i = optind; i < argc; i++) {
        cn_net *net = NULL;
        cn_error err = {0};
        if (cn_json_load(argv[i], &net, &err) != CN_OK) {
            int x = cli_fail(&err);
            if (!rc)
                rc = x;
            continue;
        }
        int nc = 0, nm = 0;
        for (int32_t v = 0; v < net->nvertices; v++)
            net->vertices[v].type == CN_COUNTRY ? nc++ : nm++;
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
