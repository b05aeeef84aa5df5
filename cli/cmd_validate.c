/* cli/cmd_validate.c: `critnet validate FILE...`: parse and check data files, report the first error of each. */
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf("usage: critnet validate [--format table|json] [--from baci|comtrade|csv] [--columns SPEC] [--skip-bad]\n"
           "                        FILE...\n\n"
           "Checks data files as --data reads them: native JSON networks ('-' reads stdin: syntax,\n"
           "types, required fields, ids), CSV edge lists and trade tables (BACI, UN Comtrade, CSV with\n"
           "an exporter,importer,product header; every row); then bipartite edges, shares in [0,1] and\n"
           "share sums of at most 1. Prints 'FILE: ok' with counts, or one error line naming the file\n"
           "and the place. Exit 0 when all are valid, else the first failure's code (65: bad data,\n"
           "66: cannot read). The trade-table options are those of every command (critnet --help).\n"
           "--format json prints one object per file: {\"file\", \"ok\", \"countries\", \"minerals\", \"edges\"}\n"
           "(\"ok\": false and \"exit\": the code when it is not valid; the error line still goes to stderr).\n");
}

/* s as a JSON string (quotes, backslashes and control characters escaped) in buf; truncated to fit */
static const char *quoted(const char *s, char *buf, size_t size)
{
    size_t n = 0;
    buf[n++] = '"';
    for (; *s && n + 8 < size; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            buf[n++] = '\\', buf[n++] = (char)ch;
        else if (ch < 0x20)
            n += (size_t)snprintf(buf + n, size - n, "\\u%04x", ch);
        else
            buf[n++] = (char)ch;
    }
    buf[n++] = '"';
    buf[n] = '\0';
    return buf;
}

int cmd_validate(int argc, char **argv)
{
    /* the trade-table options and --format: no -o, no --data/--dataset */
    cli_common c = {.cmd = "validate", .help = help, .shortopts = ":h"};
    static const struct option longopts[] = {{"help", no_argument, 0, 'h'}, {"format", required_argument, 0, OPT_FORMAT},
                                             CLI_TRADE_LONGOPTS, {0, 0, 0, 0}};
    int rc = cli_opts_end(&c, cli_next_opt(&c, argc, argv, longopts), 0, argv); /* FILEs follow */
    if (rc)
        return rc;
    int json = c.format == CN_FORMAT_JSON;
    if (c.format_set && !json && c.format != CN_FORMAT_TABLE)
        return cli_usage_error(&c, "validate prints table or json");
    if (json)
        printf("[");
    if (optind >= argc)
        return cli_usage_error(&c, "expected at least one FILE");
    char q[4096];
    for (int i = optind; i < argc; i++) {
        cn_net *net = NULL;
        cli_common one = c;
        one.data = argv[i];
        one.quiet = 1;
        int x = cli_load(&one, &net);
        const char *name = strcmp(argv[i], "-") ? argv[i] : "stdin";
        if (x) {
            if (!rc)
                rc = x;
            if (json)
                printf("%s\n  {\"file\": %s, \"ok\": false, \"exit\": %d}", i > optind ? "," : "",
                       quoted(name, q, sizeof q), x);
            continue;
        }
        int nc = 0, nm = 0;
        for (int32_t v = 0; v < net->nvertices; v++)
            net->vertices[v].type == CN_VERTEX_COUNTRY ? nc++ : nm++;
        if (json)
            printf("%s\n  {\"file\": %s, \"ok\": true, \"countries\": %d, \"minerals\": %d, \"edges\": %d}",
                   i > optind ? "," : "", quoted(name, q, sizeof q), nc, nm, (int)net->nedges);
        else
            printf("%s: ok (%d countries, %d minerals, %d edges)\n", name, nc, nm, (int)net->nedges);
        cn_net_free(net);
    }
    if (json)
        printf("\n]\n");
    if (fflush(stdout) != 0) {
        fprintf(stderr, CLI_PROG ": stdout: write error\n");
        return 74;
    }
    return rc;
}
