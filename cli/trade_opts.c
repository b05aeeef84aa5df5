/* cli/trade_opts.c: trade tables as --data (BACI, UN Comtrade, plain CSV): the options every command shares
 * (--from, --columns, --products, --year, --skip-bad, --quiet), loading, and the progress bar on stderr. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* files at least this large get a progress bar (when stderr is a terminal) */
#define PROGRESS_MIN_BYTES ((uint64_t)64 << 20)

int cli_trade_opt(cli_common *c, int opt, const char *arg)
{
    char *end;
    long y;
    switch (opt) {
    case OPT_FROM:
        if (cn_trade_layout_parse(arg, &c->trade.from, NULL) != CN_OK) {
            cli_usage_error(c, "--from '%s': expected baci, comtrade or csv", arg);
            return -1;
        }
        break;
    case OPT_COLUMNS:
        c->trade.columns = arg;
        break;
    case OPT_PRODUCTS:
        c->trade.products = arg;
        return 1; /* filters: they do not by themselves make --data a trade table */
    case OPT_YEAR:
        y = strtol(arg, &end, 10);
        if (*end || end == arg || y < 1000 || y > 9999) {
            cli_usage_error(c, "--year '%s': expected a 4-digit year", arg);
            return -1;
        }
        c->trade.year = (int)y;
        return 1;
    case OPT_SKIP_BAD:
        c->trade.skip_bad = 1;
        return 1;
    case OPT_QUIET:
        c->quiet = 1;
        return 1;
    default:
        return 0;
    }
    c->trade_set = 1;
    return 1;
}

int cli_is_trade(const cli_common *c)
{
    return c->trade_set || cn_trade_sniff(c->data);
}

typedef struct bar {
    const char *path;
    struct timespec t0;
    int shown;
} bar;

static void progress(uint64_t done, uint64_t total, void *ctx)
{
    bar *b = ctx;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double s = (double)(now.tv_sec - b->t0.tv_sec) + (double)(now.tv_nsec - b->t0.tv_nsec) * 1e-9;
    double pct = total ? 100.0 * (double)done / (double)total : 0.0;
    int w = (int)(pct / 100.0 * 30.0);
    char line[31];
    memset(line, '#', (size_t)w);
    memset(line + w, '.', (size_t)(30 - w));
    line[30] = '\0';
    fprintf(stderr, "\r" CLI_PROG ": reading %s [%s] %3.0f%% %6.0f MB/s", b->path, line, pct,
            s > 0 ? (double)done / s / 1e6 : 0.0);
    b->shown = 1;
}

int cli_trade_load(const cli_common *c, const char *path, cn_net **net)
{
    return cli_trade_load_mem(c, path, NULL, 0, net);
}

int cli_trade_load_mem(const cli_common *c, const char *path, const char *data, size_t len, cn_net **net)
{
    cn_error err = {0};
    cn_trade_opts o = c->trade;
    bar b = {path, {0, 0}, 0};
    if (!data && !c->quiet && isatty(STDERR_FILENO) && strcmp(path, "-") != 0) {
        cn_csv *r;
        if (cn_csv_open(path, ',', &r, &err) == CN_OK) {
            if (cn_csv_size(r) >= PROGRESS_MIN_BYTES) {
                o.progress = progress;
                o.progress_ctx = &b;
                clock_gettime(CLOCK_MONOTONIC, &b.t0);
            }
            cn_csv_close(r);
        }
    }
    cn_trade *t = NULL;
    cn_status st = data ? cn_trade_load_mem(data, len, path, &o, &t, &err) : cn_trade_load(path, &o, &t, &err);
    if (b.shown)
        fputc('\n', stderr);
    if (st)
        return cli_fail(&err);
    if (t->nbad)
        fprintf(stderr, CLI_PROG ": %s: skipped %ld malformed row%s (first: %s)\n", path, t->nbad,
                t->nbad == 1 ? "" : "s", t->first_bad ? t->first_bad : "?");
    cn_trade_net_opts no = {.year = c->trade.year};
    st = cn_trade_to_net(t, &no, net, &err);
    cn_trade_free(t);
    return st ? cli_fail(&err) : 0;
}
