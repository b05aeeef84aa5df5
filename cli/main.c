/* cli/main.c: the critnet program: global options and dispatch through the table in cli/commands.def. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

#ifndef CN_VERSION
#define CN_VERSION "0.0.0"
#endif

static const cli_command commands[] = {
#define CLI_CMD(name, fn, summary) {name, fn, summary},
#include "commands.def"
#undef CLI_CMD
    {NULL, NULL, NULL}};

static void usage(FILE *fp)
{
    fprintf(fp, "usage: critnet [--version] [--help] COMMAND [OPTIONS]\n\n"
                "Analyse critical-mineral supply networks: dependencies, concentration, chokepoints.\n\n"
                "Commands:\n");
    for (const cli_command *c = commands; c->name; c++)
        fprintf(fp, "  %-14s %s\n", c->name, c->summary);
    fprintf(fp, "\nCommon options:\n"
                "  --data FILE       a network file: native JSON, a CSV edge list (country, mineral[,share]),\n"
                "                    or a trade table (BACI, UN Comtrade, CSV; .gz; '-' is stdin)\n"
                "  --dataset NAME    a built-in dataset (see 'critnet datasets'); default %s\n"
                "  --format FMT      table, json, csv or markdown (default table)\n"
                "  -o, --output FILE write to FILE (written atomically); '-' is stdout\n"
                "  -h, --help        help for a command: critnet COMMAND --help\n"
                "Trade tables (docs/trade.md):\n"
                "  --from LAYOUT     baci, comtrade or csv (default: from the header)\n"
                "  --columns SPEC    csv: exporter=COL,importer=COL,product=COL,year=COL,value=COL,quantity=COL\n"
                "  --products LIST   HS codes (prefixes) or minerals of datasets/hs_minerals.csv\n"
                "  --year Y          the year to take (default: the latest in the file)\n"
                "  --skip-bad        skip malformed rows (counted on stderr) instead of failing\n"
                "  --strict          a supplier code that is no country is an error (default: kept, one warning)\n"
                "  --quiet           no progress bar\n"
                "  --include-baskets map HS basket codes without a published weight (282739 chlorides n.e.s. ...)\n"
                "                    with weight 1 (default: left out, named on stderr; docs/trade.md)\n"
                "\nExit status: 0 ok, 64 usage, 65 bad data, 66 cannot read input, 70 internal error,\n"
                "73 cannot create output, 74 write error (see critnet(1)).\n",
            cn_dataset_default());
}

/* the library never prints: its warnings come here (critnet/common.h) */
static void print_warning(void *ctx, const char *msg)
{
    (void)ctx;
    fprintf(stderr, "critnet: %s\n", msg);
}

/* SIGINT, SIGTERM, SIGHUP: remove the temporary file of an -o FILE being written (the previous FILE stays),
 * then die by the signal as if unhandled (docs/reliability.md) */
static void on_signal(int sig)
{
    cn_out_remove_temps();
    signal(sig, SIG_DFL);
    raise(sig);
}

int main(int argc, char **argv)
{
    cn_set_warning_handler(print_warning, NULL);
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigfillset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
    if (argc < 2) {
        usage(stderr);
        return 64;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        if (argc > 2 && strcmp(cmd, "help") == 0) {
            char *hargv[] = {argv[2], "--help", NULL};
            for (const cli_command *c = commands; c->name; c++)
                if (strcmp(c->name, argv[2]) == 0)
                    return c->fn(2, hargv);
        }
        usage(stdout);
        return fflush(stdout) == 0 ? 0 : 74;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("critnet %s\n", CN_VERSION);
        return fflush(stdout) == 0 ? 0 : 74;
    }
    for (const cli_command *c = commands; c->name; c++)
        if (strcmp(c->name, cmd) == 0)
            return c->fn(argc - 1, argv + 1);
    fprintf(stderr, "critnet: '%s' is not a command; see 'critnet --help'\n", cmd);
    return 64;
}
