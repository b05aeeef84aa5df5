/* cli/cli.h: what the subcommands share: the command table, common options (--data, --dataset, --format,
 * -o), loading the network, opening the output, and diagnostics with the "critnet:" prefix. */
#ifndef CN_CLI_H
#define CN_CLI_H

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "critnet/critnet.h"
#include "critnet/datasets.h"

#define CLI_PROG "critnet"

typedef struct cli_common {
    const char *cmd;      /* the subcommand's name, for messages */
    const char *data;     /* --data FILE */
    const char *dataset;  /* --dataset NAME */
    const char *output;   /* -o FILE */
    cn_format format;
    int format_set;
    cn_trade_opts trade;  /* --from, --columns, --products, --year, --skip-bad (trade tables, docs/trade.md) */
    int trade_set;        /* one of those was given: --data is a trade table */
    int quiet;            /* --quiet: no progress bar */
    int opt_started;      /* cli_next_opt: getopt has been reset for this command */
    const char *shortopts; /* cli_next_opt: the short options (NULL: CLI_COMMON_SHORTOPTS) */
    const int *own;       /* cli_next_opt: common options the command handles (or refuses) itself, 0-ended */
    void (*help)(void);   /* cli_next_opt: prints the command's --help to stdout */
} cli_common;

/* long options every analysis command accepts; put CLI_COMMON_LONGOPTS first in the command's table */
enum { OPT_DATA = 1000, OPT_DATASET, OPT_FORMAT, OPT_FROM, OPT_COLUMNS, OPT_PRODUCTS, OPT_YEAR,
       OPT_SKIP_BAD, OPT_QUIET, OPT_FIRST_CMD = 1100 };
#define CLI_COMMON_LONGOPTS                                                                        \
    {"data", required_argument, 0, OPT_DATA}, {"dataset", required_argument, 0, OPT_DATASET},     \
        {"format", required_argument, 0, OPT_FORMAT}, {"output", required_argument, 0, 'o'},     \
        {"help", no_argument, 0, 'h'}, CLI_TRADE_LONGOPTS
/* trade tables given with --data (cli/trade_opts.c) */
#define CLI_TRADE_LONGOPTS                                                                         \
    {"from", required_argument, 0, OPT_FROM}, {"columns", required_argument, 0, OPT_COLUMNS},     \
        {"products", required_argument, 0, OPT_PRODUCTS}, {"year", required_argument, 0, OPT_YEAR}, \
        {"skip-bad", no_argument, 0, OPT_SKIP_BAD}, {"quiet", no_argument, 0, OPT_QUIET}
#define CLI_COMMON_SHORTOPTS ":ho:"

/* handles a common option; returns 1 if handled, 0 if not, -1 on a usage error (already reported) */
int cli_common_opt(cli_common *c, int opt, const char *arg);
/* handles a trade-table option (cli/trade_opts.c); same returns as cli_common_opt */
int cli_trade_opt(cli_common *c, int opt, const char *arg);
/* loads a trade table (--data FILE with a trade header, or --from/--columns) as a net; returns an exit code */
int cli_trade_load(const cli_common *c, const char *path, cn_net **net);
/* cli_trade_load_mem: as cli_trade_load for a table already in memory (data != NULL; path names it), or
 * cli_trade_load itself when data is NULL */
int cli_trade_load_mem(const cli_common *c, const char *path, const char *data, size_t len, cn_net **net);
/* whether cli_load should read --data as a trade table */
int cli_is_trade(const cli_common *c);

/* the option loop of every command: -h/--help prints c->help and exits (0, or 74 if stdout fails, as git's
 * parse-options does); otherwise the next option that is the command's own (its long options, the
 * common options listed in c->own, or '?' / ':' for getopt's rejections, which cli_bad_option reports), 0
 * when the options are done, or -1 after a common option was reported as bad (exit 64). The other common
 * options are handled here. Short options: c->shortopts, else CLI_COMMON_SHORTOPTS. */
int cli_next_opt(cli_common *c, int argc, char **argv, const struct option *longopts);
/* after the option loop (opt: cli_next_opt's last return): 64 if it was -1, an option the command does not
 * take (> 0), or an argument is left over (reported), else 0 */
int cli_opts_end(const cli_common *c, int opt, int argc, char **argv);
/* reports an option getopt_long rejected ('?' or ':'); returns 64 */
int cli_bad_option(const cli_common *c, int opt, char **argv);

/* loads --data FILE, --dataset NAME, or the default built-in dataset; returns an exit code */
int cli_load(const cli_common *c, cn_net **net);

/* prints "critnet: <msg>" and returns the exit code of st */
int cli_fail(const cn_error *err);
/* prints "critnet: <cmd>: <fmt...>" and returns 64 */
int cli_usage_error(const cli_common *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* opens -o for writing (see cn_out_open); returns an exit code */
int cli_out_open(const cli_common *c, cn_out *out);
/* commits the output; returns an exit code */
int cli_out_close(cn_out *out);
/* after a writer failed with err: discards the output, prints "critnet: <out>: <message>", returns the exit
 * code */
int cli_out_fail(cn_out *out, const cn_error *err);

/* writes a result with a report writer to -o (atomically); returns an exit code (a writer's error is
 * printed as "critnet: <message>", e.g. "critnet: stdout: write error") */
typedef cn_status (*cli_writer)(const cn_net *net, const void *result, cn_format fmt, FILE *fp, cn_error *err);
int cli_write_report(const cli_common *c, cli_writer write, const cn_net *net, const void *result);

/* writes net in the native JSON format to -o (atomically); returns an exit code */
int cli_write_net(const cli_common *c, const cn_net *net);

/* --threshold: a fraction in (0,1] or a percentage into *out; returns 0, or 64 after reporting */
int cli_parse_threshold(const cli_common *c, const char *arg, double *out);

/* --list: "2018", "2022", or none_word ("all"/"none", meaning every mineral) into *out (CN_LIST_* bits, 0 for
 * none_word); returns 0, or 64 after reporting */
int cli_parse_list(const cli_common *c, const char *arg, const char *none_word, unsigned *out);
/* the default of --list: the 2018 list when the dataset tags minerals with it, else every mineral (0) */
unsigned cli_default_lists(const cn_net *net);

/* parses a fraction in [0,1] ("0.5" or "50%"); returns 0 on success */
int cli_parse_fraction(const char *s, double *out);



typedef struct cli_command {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;
} cli_command;

#define CLI_CMD(name, fn, summary) int fn(int argc, char **argv);
#include "commands.def"
#undef CLI_CMD

#endif
