/* cli/common.c: option handling, loading and output shared by the subcommands. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "critnet/edgelist.h"

int cli_fail(const cn_error *err)
{
    fprintf(stderr, CLI_PROG ": %s\n", err->msg);
    return cn_status_exit(err->status);
}

/* "critnet: CMD: <message>" on stderr, without the newline */
void cli_vsay(const cli_common *c, const char *fmt, va_list ap)
{
    fprintf(stderr, CLI_PROG ": %s: ", c->cmd);
    vfprintf(stderr, fmt, ap);
}

int cli_usage_error(const cli_common *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cli_vsay(c, fmt, ap);
    va_end(ap);
    fprintf(stderr, "; see 'critnet %s --help'\n", c->cmd);
    return 64;
}

int cli_common_opt(cli_common *c, int opt, const char *arg)
{
    int t = cli_trade_opt(c, opt, arg);
    if (t)
        return t;
    switch (opt) {
    case OPT_DATA:
        c->data = arg;
        return 1;
    case OPT_DATASET:
        c->dataset = arg;
        return 1;
    case 'o':
        c->output = arg;
        return 1;
    case OPT_FORMAT:
        c->format_set = 1;
        if (strcmp(arg, "table") == 0)
            c->format = CN_FORMAT_TABLE;
        else if (strcmp(arg, "json") == 0)
            c->format = CN_FORMAT_JSON;
        else if (strcmp(arg, "csv") == 0)
            c->format = CN_FORMAT_CSV;
        else if (strcmp(arg, "markdown") == 0 || strcmp(arg, "md") == 0)
            c->format = CN_FORMAT_MARKDOWN;
        else {
            cli_usage_error(c, "unknown format '%s'; expected table, json, csv or markdown", arg);
            return -1;
        }
        return 1;
    }
    return 0;
}

/* after the options: -o FILE.json/.csv/.md picks the format when --format was not given (commands that
 * parse --format themselves, listed in c->own, decide for themselves); -1 after reporting a picture's
 * extension for a report */
static int output_format(cli_common *c)
{
    if (c->format_set || !c->output)
        return 0;
    for (const int *o = c->own; o && *o; o++)
        if (*o == OPT_FORMAT)
            return 0;
    const char *ext;
    cn_format fmt;
    int r = cli_format_from_path(c->output, &ext, &fmt);
    if (r > 0)
        c->format = fmt;
    if (r < 0) {
        cli_usage_error(c, "-o '%s': %s writes table, json, csv or markdown (.txt .json .csv .md), not %s; "
                        "pictures come from 'critnet render'", c->output, c->cmd, ext);
        return -1;
    }
    return 0;
}

int cli_say(const cli_common *c, int rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cli_vsay(c, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return rc;
}

int cli_next_opt(cli_common *c, int argc, char **argv, const struct option *longopts)
{
    if (!c->opt_started) {
        c->opt_started = 1;
        optind = 0; /* glibc: a full re-initialisation for this command's argv */
        opterr = 0;
    }
    int opt;
    while ((opt = getopt_long(argc, argv, c->shortopts ? c->shortopts : CLI_COMMON_SHORTOPTS, longopts, NULL)) !=
           -1) {
        if (opt == 'h' && c->help) {
            c->help();
            exit(fflush(stdout) == 0 ? 0 : 74);
        }
        for (const int *o = c->own; o && *o; o++)
            if (*o == opt)
                return opt;
        int r = cli_common_opt(c, opt, optarg);
        if (r < 0)
            return -1;
        if (r == 0)
            return opt;
    }
    return output_format(c);
}

int cli_opts_end(const cli_common *c, int opt, int argc, char **argv)
{
    if (opt < 0)
        return 64;
    if (opt > 0)
        return cli_bad_option(c, opt, argv);
    if (optind < argc)
        return cli_usage_error(c, "unexpected argument '%s'", argv[optind]);
    return 0;
}

int cli_bad_option(const cli_common *c, int opt, char **argv)
{
    const char *name = argv[optind - 1];
    if (opt == ':')
        return cli_usage_error(c, "option '%s' needs an argument", name);
    if (optopt && optopt < 256)
        return cli_usage_error(c, "unrecognized option '-%c'", optopt);
    return cli_usage_error(c, "unrecognized option '%s'", name);
}

int cli_load(const cli_common *c, cn_net **net)
{
    cn_error err = {0};
    cn_status st;
    if (c->data && c->dataset)
        return cli_usage_error(c, "--data and --dataset cannot be combined");
    if (c->data && c->trade_set) /* --from/--columns: a trade table, streamed (stdin or a FIFO too) */
        return cli_trade_load(c, c->data, net);
    if (!c->data)
        return cn_dataset_load(c->dataset, net, &err) ? cli_fail(&err) : 0;
    cn_input in; /* the kind from a buffered prefix; a FIFO, pipe or stdin is read once, into in.data */
    if (cn_input_sniff(c->data, &in, &err))
        return cli_fail(&err);
    if (in.kind == CN_INPUT_TRADE) {
        int rc = cli_trade_load_mem(c, in.name, in.data, in.len, net);
        cn_input_free(&in);
        return rc;
    }
    if (in.kind == CN_INPUT_EDGELIST)
        st = in.data ? cn_edgelist_parse(in.data, in.len, in.name, net, &err) : cn_edgelist_load(c->data, net, &err);
    else
        st = in.data ? cn_json_parse(in.data, in.len, in.name, net, &err) : cn_json_load(c->data, net, &err);
    cn_input_free(&in);
    return st ? cli_fail(&err) : 0;
}

int cli_out_open(const cli_common *c, cn_out *out)
{
    cn_error err = {0};
    return cn_out_open(out, c->output, &err) ? cli_fail(&err) : 0;
}

int cli_out_close(cn_out *out)
{
    cn_error err = {0};
    return cn_out_commit(out, &err) ? cli_fail(&err) : 0;
}

int cli_out_fail(cn_out *out, const cn_error *err)
{
    fprintf(stderr, CLI_PROG ": %s: %s\n", out->label, err->msg);
    cn_out_abort(out);
    return cn_status_exit(err->status);
}

int cli_write_report(const cli_common *c, cli_writer write, const cn_net *net, const void *result)
{
    cn_out out;
    int rc = cli_out_open(c, &out);
    if (rc)
        return rc;
    cn_error err = {0};
    if (write(net, result, c->format, out.fp, &err) != CN_OK)
        return cli_out_fail(&out, &err);
    return cli_out_close(&out);
}

int cli_write_net(const cli_common *c, const cn_net *net)
{
    char *json;
    if (cn_json_dump(net, &json, NULL) != CN_OK) {
        fprintf(stderr, CLI_PROG ": out of memory\n");
        return 71;
    }
    cn_out out;
    int rc = cli_out_open(c, &out);
    if (!rc) {
        fputs(json, out.fp);
        rc = cli_out_close(&out);
    }
    free(json);
    return rc;
}

int cli_parse_fraction(const char *s, double *out)
{
    char *end;
    errno = 0;
    double x = strtod(s, &end);
    if (end == s || errno)
        return -1;
    if (*end == '%') {
        x /= 100.0;
        end++;
    }
    if (*end || !isfinite(x) || x < 0.0 || x > 1.0)
        return -1;
    *out = x;
    return 0;
}

int cli_parse_threshold(const cli_common *c, const char *arg, double *out)
{
    if (cli_parse_fraction(arg, out) != 0 || *out <= 0.0)
        return cli_usage_error(c, "--threshold '%s': expected a number in (0,1] or a percentage", arg);
    return 0;
}

int cli_parse_list(const cli_common *c, const char *arg, const char *none_word, unsigned *out)
{
    if (strcmp(arg, "2018") == 0)
        *out = CN_LIST_2018;
    else if (strcmp(arg, "2022") == 0)
        *out = CN_LIST_2022;
    else if (strcmp(arg, none_word) == 0)
        *out = 0;
    else
        return cli_usage_error(c, "--list '%s': expected 2018, 2022 or %s", arg, none_word);
    return 0;
}

unsigned cli_default_lists(const cn_net *net)
{
    for (int32_t v = 0; v < net->nvertices; v++)
        if (net->vertices[v].lists & CN_LIST_2018)
            return CN_LIST_2018;
    return 0;
}

int cli_load_arg(const cli_common *c, const char *arg, cn_net **net)
{
    cn_error err = {0};
    cn_status st;
    cn_dataset_info info;
    if (access(arg, F_OK) == 0) {
        st = cn_edgelist_detect(arg) ? cn_edgelist_load(arg, net, &err) : cn_json_load(arg, net, &err);
        return st ? cli_fail(&err) : 0;
    }
    for (size_t i = 0; cn_dataset_get(i, &info); i++)
        if (strcmp(info.name, arg) == 0)
            return cn_dataset_load(arg, net, &err) ? cli_fail(&err) : 0;
    fprintf(stderr, CLI_PROG ": %s: '%s': no such file and no built-in dataset of that name; see 'critnet datasets'\n",
            c->cmd, arg);
    return 66;
}

int cli_flag_opt(const cli_common *c, int opt, const char *arg, double *threshold, double *supply, unsigned *lists,
                 int *list_set)
{
    switch (opt) {
    case OPT_FLAG_THRESHOLD:
        return cli_parse_threshold(c, arg, threshold) ? -1 : 1;
    case OPT_FLAG_SUPPLY:
        if (cli_parse_fraction(arg, supply) != 0 || *supply <= 0.0) {
            cli_usage_error(c, "--supply-threshold '%s': expected a number in (0,1] or a percentage", arg);
            return -1;
        }
        return 1;
    case OPT_FLAG_LIST:
        if (cli_parse_list(c, arg, "all", lists))
            return -1;
        *list_set = 1;
        return 1;
    }
    return 0;
}

int cli_check_list(const cli_common *c, const cn_net *net, unsigned lists)
{
    if (!lists)
        return 0;
    for (int32_t v = 0; v < net->nvertices; v++)
        if (net->vertices[v].lists & lists)
            return 0;
    fprintf(stderr, CLI_PROG ": %s: --list %s: no mineral of %s is on that U.S. list (the data carries no %s list "
            "tags); use --list all, or data tagged with the list (docs/usgs.md)\n", c->cmd,
            lists & CN_LIST_2022 ? "2022" : "2018", c->data ? c->data : c->dataset ? c->dataset : "this data",
            lists & CN_LIST_2022 ? "2022" : "2018");
    return 65;
}

int cli_note_no_imports(const cli_common *c, const cn_net *net, const char *consumer)
{
    int32_t v = cn_net_find(net, consumer);
    char *seen = calloc((size_t)net->nvertices + 1, 1);
    if (!seen)
        return 0;
    int found = 0;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (e->kind != CN_EDGE_PRODUCES && e->consumer >= 0) {
            found |= e->consumer == v;
            seen[e->consumer] = 1;
        }
    }
    if (!found) {
        char list[256] = "";
        size_t len = 0;
        int n = 0;
        for (int32_t i = 0; i < net->nvertices && len < sizeof list; i++)
            if (seen[i])
                len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", n++ ? " " : "", net->vertices[i].id);
        cli_say(c, 0, "no import figures for %s in this dataset (consumers with import figures: %s)", consumer,
                       n ? list : "none");
    }
    free(seen);
    return !found;
}

int cli_note_years(const cli_common *c, const cn_net *net, cn_edge_kind kind, int year)
{
    int lo = 0, hi = 0, found = 0;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (e->kind != kind || !e->year)
            continue;
        found |= e->year == year;
        if (!lo || e->year < lo)
            lo = e->year;
        if (e->year > hi)
            hi = e->year;
    }
    if (found)
        return 0;
    if (!lo)
        cli_say(c, 0, "no figures for %d: the data gives no years", year);
    else if (lo == hi)
        cli_say(c, 0, "no figures for %d: the data has %d only", year, lo);
    else
        cli_say(c, 0, "no figures for %d: the data has years %d to %d", year, lo, hi);
    return 1;
}
