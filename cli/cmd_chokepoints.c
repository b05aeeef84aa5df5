/* cli/cmd_chokepoints.c: `critnet chokepoints`: critical suppliers, minimum supplier cuts, dominators of
 * multi-stage chains, cut vertices, bridges and exposure per supplier. */
#include <stdlib.h>
#include <string.h>

#include "critnet/countries.h"
#include "netopts.h"

static void help(void)
{
    printf("usage: critnet chokepoints [--consumer ISO3] [--threshold X] [--mineral ID | --product HS] [--top N]\n"
           "                           [--data FILE | --dataset NAME] [--format table|json|csv|markdown] [-o FILE]\n\n"
           "Per consumer and mineral (its headline import figures):\n"
           "  critical    suppliers whose share alone is at least the threshold\n"
           "  min cut     a smallest set of supplier countries whose loss removes all listed supply (minimum\n"
           "              vertex cut from the sources to the consumer's market on the supply flow network;\n"
           "              'partial' when the listed suppliers do not cover all supply, 'other-remains' when an\n"
           "              'other' residual cannot be cut)\n"
           "  dominators  the nodes every supply path passes through (dominator tree from a super-source over\n"
           "              stage chains: mine -> cobalt:ore@REFINER -> REFINER -> cobalt:refined@CONSUMER)\n"
           "Then exposure per supplier (sum over minerals of reliance x share), and the articulation points\n"
           "and bridges of the undirected network. CSV has the per-mineral rows only.\n\n"
           "On a world trade table with --consumer: only the consumer's rows are read (and world exports).\n"
           "Every exporter is a source of its own (its world exports are the production layer), so the\n"
           "consumer's markets alone decide its rows (STAGES 1). Rows with a critical supplier come first; the\n"
           "tables show --top N rows (default 20) and count the rest. Articulation points and bridges are\n"
           "not computed there: every country trades nearly every product, so no cut vertex is informative.\n\n"
           "On a world trade table (BACI, UN Comtrade, energy-chain-2018-2020) without --consumer: per product\n"
           "stage, the countries ranked by share of world exports (by value; without values, the mean over the\n"
           "stage's products of their shares by quantity: tons are never added across products), with the\n"
           "products where each is the top exporter (TOP) or in every importer's minimum cut (ALL-CUTS), and\n"
           "the consumers for which it is a critical supplier (EXPOSED; tables name 3 and count the rest).\n"
           "A trade table (--data) is summed per market from its rows; only the network of world exports is\n"
           "built (docs/trade.md, \"Memory and speed\").\n\n"
           "  --consumer ISO3   one consumer (default: every consumer in the data)\n"
           "  --threshold X     fraction or percentage (default 0.5)\n"
           "  --mineral ID      world table: one product or mineral and its stages (cobalt: ore ... refined)\n"
           "  --product HS      world table: one product by HS code (840690) or id (hs:840690)\n"
           "  --top N           world table: countries per stage, or with --consumer the rows of each table\n"
           "                    (default 20; 0 = all)\n");
}


static size_t top_n = 20;

static cn_status write_world(const cn_net *net, const void *result, cn_format fmt, FILE *fp, cn_error *err)
{
    return cn_report_chokepoints_world(net, (const cn_choke_world_result *)result, top_n, fmt, fp, err);
}

/* without --consumer on a world table: countries ranked per product stage (from the markets a trade table's
 * flows gave, mk->known, else from the network's minimum cuts) */
static int run_world(cli_common *c, cn_net *net, const char *product, cn_choke_world_markets *mk)
{
    cn_choke_world_result res;
    cn_error err = {0};
    cn_status st = mk->known ? cn_chokepoints_world_rank(net, mk, product, &res, &err)
                             : cn_chokepoints_world_run(net, product, mk->threshold, &res, &err);
    cn_choke_world_markets_free(mk);
    if (st != CN_OK) {
        cn_net_free(net);
        return cli_fail(&err);
    }
    int rc = cli_write_report(c, write_world, net, &res);
    cn_choke_world_result_free(&res);
    cn_net_free(net);
    return rc;
}

static cn_status write_it(const cn_net *net, const void *result, cn_format fmt, FILE *fp, cn_error *err)
{
    const cn_chokepoints_result *r = result;
    return cn_report_chokepoints_top(net, r, r->world_consumer ? top_n : 0, fmt, fp, err);
}

int cmd_chokepoints(int argc, char **argv)
{
    enum { OPT_CONSUMER = OPT_FIRST_CMD, OPT_THRESHOLD, OPT_MINERAL, OPT_PRODUCT, OPT_TOP };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {"consumer", required_argument, 0, OPT_CONSUMER},
                                             {"threshold", required_argument, 0, OPT_THRESHOLD},
                                             {"mineral", required_argument, 0, OPT_MINERAL},
                                             {"product", required_argument, 0, OPT_PRODUCT},
                                             {"top", required_argument, 0, OPT_TOP},
                                             {0, 0, 0, 0}};
    cli_common c = {.cmd = "chokepoints", .help = help};
    const char *consumer = NULL, *mineral = NULL, *product = NULL;
    double threshold = 0.5;
    int opt;
    while ((opt = cli_next_opt(&c, argc, argv, longopts)) > 0) {
        switch (opt) {
        case OPT_CONSUMER:
            consumer = optarg;
            break;
        case OPT_THRESHOLD:
            if (cli_parse_threshold(&c, optarg, &threshold))
                return 64;
            break;
        case OPT_MINERAL:
            mineral = optarg;
            break;
        case OPT_PRODUCT:
            product = optarg;
            break;
        case OPT_TOP: {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end || n < 0)
                return cli_say(&c, 64, "--top: expected a whole number >= 0, got '%s'", optarg);
            top_n = (size_t)n;
            break;
        }
        default:
            return cli_bad_option(&c, opt, argv);
        }
    }
    int rc = cli_opts_end(&c, opt, argc, argv);
    if (rc)
        return rc;
    /* a trade table with --consumer: only the consumer's rows are kept (world exports are summed from every
     * row), all its markets need (cn_chokepoints_run on a world table) */
    c.trade.importer = consumer && cn_country_iso3(consumer) ? cn_country_iso3(consumer) : consumer;
    /* a trade table without --consumer: every market summed from the flows, and the network of world exports
     * only (cn_trade_choke_world): the ranking reads nothing else */
    cn_choke_world_markets mk = {.threshold = threshold};
    c.choke_world = consumer ? NULL : &mk;
    cn_net *net = NULL;
    rc = cli_load(&c, &net);
    if (rc)
        return rc;
    if (consumer && (rc = cli_resolve_country(&c, net, "--consumer", consumer, &consumer))) {
        cn_net_free(net);
        return rc;
    }
    if (mineral && product) {
        cn_choke_world_markets_free(&mk);
        cn_net_free(net);
        return cli_say(&c, 64, "--mineral and --product: give one");
    }
    if (!consumer && cn_chokepoints_is_world(net)) {
        const char *want = mineral ? mineral : product;
        char hs[64];
        if (product && strchr(product, ':') == NULL && snprintf(hs, sizeof hs, "hs:%s", product) < (int)sizeof hs &&
            cn_net_find(net, hs) >= 0)
            want = product; /* the library matches an HS code to hs:CODE */
        else if (want && (rc = cli_resolve_mineral(&c, net, mineral ? "--mineral" : "--product", want, &want))) {
            cn_choke_world_markets_free(&mk);
            cn_net_free(net);
            return rc;
        }
        return run_world(&c, net, want, &mk);
    }
    cn_choke_world_markets_free(&mk);
    if (mineral || product || (top_n != 20 && !(consumer && cn_chokepoints_is_world(net)))) {
        cn_net_free(net);
        return cli_say(&c, 64, "--mineral and --product apply to a world trade table without --consumer, --top "
                               "to a world trade table");
    }
    cn_chokepoints_result res;
    cn_error err = {0};
    if (cn_chokepoints_run(net, consumer, threshold, &res, &err) != CN_OK) {
        cn_net_free(net);
        return cli_fail(&err);
    }
    if (consumer)
        cli_note_no_imports(&c, net, consumer);
    else if (res.n == 0)
        cli_say(&c, 0, "the data has no import figures (supplies or reliance) for any consumer");
    rc = cli_write_report(&c, write_it, net, &res);
    cn_chokepoints_result_free(&res);
    cn_net_free(net);
    return rc;
}
