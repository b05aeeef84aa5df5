/* cli/trade_opts.c: trade tables as --data (BACI, UN Comtrade, plain CSV): the options every command shares
 * (--from, --columns, --products, --year, --skip-bad, --strict, --quiet), loading, and the progress bar on stderr. */
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
    case OPT_STRICT:
        c->trade.strict = 1;
        return 1;
    case OPT_INCLUDE_BASKETS: /* also for built-in trade datasets: set before anything is read */
        cn_hs_include_baskets(1);
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

/* after the bar (a terminal, no --quiet): the phases that follow the reading, each with its seconds, so a long
 * load never sits silent: what begins a phase, NULL ends the one begun */
static void phase(bar *b, const char *what)
{
    static struct timespec t0;
    struct timespec now;
    if (!b->shown)
        return;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (what) {
        t0 = now;
        fprintf(stderr, CLI_PROG ": %s: %s ...", b->path, what);
    } else {
        fprintf(stderr, " %.2f s\n", (double)(now.tv_sec - t0.tv_sec) + (double)(now.tv_nsec - t0.tv_nsec) * 1e-9);
    }
}

/* `critnet import`: the products with flows, what each maps to and its HS name (the first few) */
static void report_products(const char *path, const cn_trade *t)
{
    enum { FIRST = 12 };
    unsigned char *seen = calloc(t->nproducts + 1, 1);
    if (!seen)
        return;
    for (size_t i = 0; i < t->nflows; i++)
        seen[t->flows[i].product] = 1;
    for (size_t i = 0; i < t->ntotals; i++)
        seen[t->totals[i].product] = 1;
    uint32_t n = 0;
    for (uint32_t p = 0; p < t->nproducts; p++) {
        if (!seen[p] || n++ >= FIRST)
            continue;
        const char *code = t->products[p], *name = cn_hs_name(code);
        const cn_hs_mineral *h = cn_hs_lookup(code);
        char group[160];
        if (!h)
            snprintf(group, sizeof group, "hs:%s", code);
        else if (strcmp(h->hs6, code) != 0)
            snprintf(group, sizeof group, "%s:%s through %s", h->mineral, h->stage, h->hs6);
        else
            snprintf(group, sizeof group, "%s:%s", h->mineral, h->stage);
        fprintf(stderr, CLI_PROG ": %s:   product %s -> %s (%.70s)\n", path, code, group,
                name ? name : "not in the HS 1992 names table");
    }
    if (n > FIRST)
        fprintf(stderr, CLI_PROG ": %s:   ... and %u more products\n", path, n - FIRST);
    free(seen);
}

/* `critnet import`: the accounting a data person checks first, per file, on stderr */
static void report_rows(const char *path, const cn_trade *t)
{
    long dropped = 0;
    for (int d = 0; d < CN_TRADE_NDROP; d++)
        dropped += t->dropped[d];
    fprintf(stderr, CLI_PROG ": %s: %ld row%s read, %ld used, %ld dropped, %ld malformed skipped\n", path, t->rows,
            t->rows == 1 ? "" : "s", t->rows - dropped - t->nbad, dropped, t->nbad);
    for (int d = 0; d < CN_TRADE_NDROP; d++)
        if (t->dropped[d])
            fprintf(stderr, CLI_PROG ": %s:   dropped %ld: %s\n", path, t->dropped[d], cn_trade_drop_name(d));
    if (t->nkept)
        fprintf(stderr, CLI_PROG ": %s:   kept %ld supplier code%s that %s no country: %s\n", path, t->nkept,
                t->nkept == 1 ? "" : "s", t->nkept == 1 ? "is" : "are", t->kept);
    if (t->nhistorical)
        fprintf(stderr, CLI_PROG ": %s:   kept %ld historical countr%s (ISO 3166-3)\n", path, t->nhistorical,
                t->nhistorical == 1 ? "y" : "ies");
    if (t->exporter_only)
        fprintf(stderr, CLI_PROG ": %s:   exporter-only table (no partner column): world exports by country, "
                "the production layer only\n", path);
    report_products(path, t);
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
    if (strcmp(c->cmd, "import") == 0 && !c->quiet)
        report_rows(path, t);
    else if (t->exporter_only && !c->trade.exporters_only && !c->quiet)
        fprintf(stderr, CLI_PROG ": %s: an exporter-only table (no partner column): the production layer only "
                "(world exports by country); an importer's suppliers are not in it\n", path);
    if (c->trade_strongest) {
        phase(&b, "keeping each exporter's strongest flows");
        st = cn_trade_keep_strongest(t, c->trade.year, &err);
        phase(&b, NULL);
        if (st) {
            cn_trade_free(t);
            return cli_fail(&err);
        }
    }
    cn_trade_net_opts no = c->trade_net;
    no.year = c->trade.year;
    phase(&b, c->choke_world ? "summing every market, building the network of world exports" : "building the network");
    st = c->choke_world ? cn_trade_choke_world(t, &no, c->choke_world, net, &err) : cn_trade_to_net(t, &no, net, &err);
    phase(&b, NULL);
    cn_trade_free(t);
    return st ? cli_fail(&err) : 0;
}

/* --mineral ID on a trade table: the --products filter that reads only its products (every stage of its base
 * mineral, or the HS code of an "hs:CODE" product) into buf; 0 when ID names nothing the filter knows (the
 * whole table is then read, and the command says the mineral is not in the network) */
int cli_trade_mineral_products(const char *id, char *buf, size_t n)
{
    size_t len = strcspn(id, ":");
    if (strncmp(id, "hs:", 3) == 0) {
        size_t k = strlen(id + 3);
        if (k < 2 || k > 6 || k >= n || strspn(id + 3, "0123456789") != k)
            return 0;
        memcpy(buf, id + 3, k + 1);
        return 1;
    }
    for (size_t i = 0; cn_hs_get(i); i++) {
        const char *m = cn_hs_get(i)->mineral;
        if (strlen(m) == len && strncmp(m, id, len) == 0 && len < n) {
            memcpy(buf, id, len);
            buf[len] = '\0';
            return 1;
        }
    }
    return 0;
}

void cli_note_baskets(const cli_common *c, const cn_net *net)
{
    char note[1024];
    if (!c->quiet && cn_hs_basket_note(net, note, sizeof note))
        cli_say(c, 0, "%s", note);
}
