/* cli/cli.h: what the subcommands share: the command table, common options (--data, --dataset, --format,
 * -o), loading the network, opening the output, and diagnostics with the "critnet:" prefix. */
#ifndef CN_CLI_H
#define CN_CLI_H

#include <getopt.h>
#include <stdarg.h>
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
    cn_trade_net_opts trade_net; /* what the command needs of a trade table's network (cli_trade_load; --year
                                    is taken from trade) */
    int trade_strongest;  /* the command reads pair weights only: cn_trade_keep_strongest before the network */
    cn_choke_world_markets *choke_world; /* chokepoints on a world table: a trade table's markets summed from its
                                            flows into it (cn_trade_choke_world), the network of world exports */
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
        {"skip-bad", no_argument, 0, OPT_SKIP_BAD}, {"quiet", no_argument, 0, OPT_QUIET},        \
        {"strict", no_argument, 0, OPT_STRICT}, {"include-baskets", no_argument, 0, OPT_INCLUDE_BASKETS}
#define CLI_COMMON_SHORTOPTS ":ho:"
/* --strict (trade tables): a supplier code that is no country is an error (cli/trade_opts.c) */
enum { OPT_STRICT = OPT_FIRST_CMD - 1 };
/* --include-baskets (trade tables): HS basket codes without a published weight mapped with weight 1 */
enum { OPT_INCLUDE_BASKETS = OPT_FIRST_CMD - 2 };

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
/* --mineral ID on a trade table: the --products filter of its products into buf[n]; 0 when there is none */
int cli_trade_mineral_products(const char *id, char *buf, size_t n);

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
/* prints "critnet: <cmd>: <fmt...>" (no newline) */
void cli_vsay(const cli_common *c, const char *fmt, va_list ap);
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

/* loads a network named by a positional argument (merge, diff): a file when one exists at that path (native
 * JSON or an edge list), else a built-in dataset of that name; returns an exit code (66: neither) */
int cli_load_arg(const cli_common *c, const char *arg, cn_net **net);
/* diff then_arg now_arg with o (cli/cmd_diff.c; also profile --diff) and write the report; lists from the
 * networks unless list_set; returns an exit code */
int cli_diff_run(cli_common *c, const char *then_arg, const char *now_arg, cn_diff_opts *o, int list_set);

/* the options of the two flags of deps (and diff): --threshold, --supply-threshold, --list */
enum { OPT_FLAG_THRESHOLD = 1090, OPT_FLAG_SUPPLY, OPT_FLAG_LIST };
#define CLI_FLAG_LONGOPTS                                                                           \
    {"threshold", required_argument, 0, OPT_FLAG_THRESHOLD},                                        \
        {"supply-threshold", required_argument, 0, OPT_FLAG_SUPPLY}, {"list", required_argument, 0, OPT_FLAG_LIST}
/* handles one of them into *threshold, *supply, *lists (and sets *list_set); returns 1 if handled, 0 if opt
 * is not one of them, -1 after reporting a bad value (exit 64) */
int cli_flag_opt(const cli_common *c, int opt, const char *arg, double *threshold, double *supply, unsigned *lists,
                 int *list_set);


/* the risk commands (cli/cmd_risk.c): --wgi-year into *out (0, or 64 after reporting); the inputs of the
 * measures: the --wgi and --params files when given, else the built-in tables (params 0: no parameters at all);
 * returns an exit code, *in freed on failure */
int cli_parse_wgi_year(const cli_common *c, const char *arg, int32_t *out);
int cli_risk_inputs(const char *wgi, const char *params, int with_params, cn_risk_inputs *in);
/* `critnet render --robustness` (cli/cmd_robustness.c), dispatched from cmd_render */
int cmd_render_robustness(int argc, char **argv);

/* cli/resolve.c: a country given as ISO3 in any case, alpha-2, a name or an alias ("China", "Korea, Republic
 * of") to the id of a country of net; a mineral by id or name in any case. opt names the option for
 * messages ("--consumer"). Returns 0 with *id (the net's storage; a note on stderr says what a differently
 * spelt argument resolved to; a real country the network has no vertex for resolves to its ISO3 code, and
 * the command says what that means for it), or 64 after reporting the miss with "did you mean ..." */
int cli_resolve_country(const cli_common *c, const cn_net *net, const char *opt, const char *arg, const char **id);
int cli_resolve_mineral(const cli_common *c, const cn_net *net, const char *opt, const char *arg, const char **id);
/* the report format of -o's extension: 1 with *fmt (.json .csv .md .markdown .txt), -1 for a picture or
 * page (.svg .png .pdf .dot .html .htm), 0 when there is none or it is unknown; *ext: the extension or NULL */
int cli_format_from_path(const char *path, const char **ext, cn_format *fmt);
/* one line "critnet: <cmd>: <message>" on stderr (e.g. why a result is empty: its output is still written);
 * returns rc */
int cli_say(const cli_common *c, int rc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* when net has no import figure (supplies or relies edge) for the consumer id: says so, naming the consumers
 * that have some, and returns 1; else 0 */
int cli_note_no_imports(const cli_common *c, const cn_net *net, const char *consumer);
/* when no edge of kind has the year: says so with the years the data has, and returns 1; else 0 */
int cli_note_years(const cli_common *c, const cn_net *net, cn_edge_kind kind, int year);



typedef struct cli_command {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;
} cli_command;

#define CLI_CMD(name, fn, summary) int fn(int argc, char **argv);
#include "commands.def"
#undef CLI_CMD

/* --list on data without that list: 0 when some mineral of net carries a bit of lists (or lists is 0), else
 * says so on stderr ("no mineral of this data is on the 2022 list") and returns 65 (usgs helper) */
int cli_check_list(const cli_common *c, const cn_net *net, unsigned lists);

/* --with-risk of deps and profile (cli/cmd_deps.c): the EU supply risk of every mineral of net for consumer
 * (cn_risk_run with the built-in inputs, or --wgi / --params files); 0 with *out filled (the caller frees it with
 * cn_risk_result_free), else the exit status, the error said */
int cli_with_risk(const cn_net *net, const char *consumer, const char *wgi, const char *params, cn_risk_result *out);
/* *s (malloc'd) replaced by the canonical ISO3 of the country it names, through cli_resolve_country (the typed
 * form echoed when it differs), so outputs echo canonical ids (cli/resolve.c; scenario, coalition); a
 * string that names no country is left as it is for the command's own message; 0, or the exit status */
int cli_canonical_country(const cli_common *c, const cn_net *net, const char *opt, char **s);
/* the overview's note (cmd_render.c): "Not drawn (no import or reliance figure for this consumer): a, b" for
 * the minerals on lists (0: all) that view v leaves out, in buf (size bytes, "..." when cut); NULL: none */
struct cn_view;
const char *cli_overview_note(const cn_net *net, const struct cn_view *v, unsigned lists, char *buf, size_t size);
/* one line on stderr naming the HS basket codes of a trade network left out or weighted (cn_hs_basket_note);
 * nothing when it has none or with --quiet (cli/trade_opts.c) */
void cli_note_baskets(const cli_common *c, const cn_net *net);


/* the options the risk family shares (risk, traderisk, robustness, render --robustness; cli/cmd_risk.c): a command
 * lists in its long options those it takes, with these values, and passes each option to cli_risk_opt first */
enum { OPT_RISK_MINERAL = 1300, OPT_RISK_CONSUMER, OPT_RISK_WGI, OPT_RISK_PARAMS, OPT_RISK_WGI_YEAR, OPT_RISK_RUNS,
       OPT_RISK_SEED };
typedef struct cli_risk_args {
    const char *mineral;   /* --mineral ID (NULL: not given) */
    const char *consumer;  /* --consumer ISO3 (NULL: not given) */
    const char *wgi;       /* --wgi FILE (NULL: the built-in table) */
    const char *params;    /* --params FILE (NULL: the built-in table) */
    int32_t wgi_year;      /* --wgi-year Y, 1996..2100 (0: not given) */
    int32_t runs;          /* --runs N, 1..10000000 (left alone when not given: set the default first) */
    uint64_t seed;         /* --seed S >= 0 (likewise) */
} cli_risk_args;
/* handles one of those options into *a; returns 1 if handled, 0 if opt is not one of them, -1 after reporting a
 * bad value (exit 64) */
int cli_risk_opt(const cli_common *c, int opt, const char *arg, cli_risk_args *a);
/* the option loop of a risk-family command: cli_next_opt, with the options above handled by cli_risk_opt; returns
 * the next other option, 0 when the options are done, or -1 after a bad value was reported (cli_opts_end: 64) */
int cli_next_risk_opt(cli_common *c, int argc, char **argv, const struct option *longopts, cli_risk_args *a);

#endif
