/* cli/cmd_centrality.c: `critnet centrality`: degree, strength, betweenness, closeness, harmonic, PageRank,
 * eigenvector and hub scores of every vertex of the bipartite network or of a projection. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "netopts.h"

static void help(void)
{
    printf("usage: critnet centrality [--measure M] [--weights none|share] [--projection countries|minerals]\n"
           "                          [--bipartite-normalized] [--kinds K,...] [--max-edges N]\n"
           "                          [--data FILE | --dataset NAME] [--format table|json|csv|markdown] [-o FILE]\n\n"
           "Centralities of every vertex of the country-mineral network (one edge per joined pair), or of its\n"
           "one-mode projection. Rows sorted by the first measure, descending, then by id.\n\n"
           "  --measure M           degree, strength, betweenness, closeness, harmonic, pagerank,\n"
           "                        eigenvector, hub, or all (default); may be repeated\n"
           "  --weights W           none (default) or share: strength/PageRank/eigenvector/hub use the share,\n"
           "                        path measures the length 1/share; pairs without a known share are left out\n"
           "  --projection P        the projection onto countries or minerals (weight: sum of min shares)\n"
           "  --bipartite-normalized  degree, betweenness and closeness normalised by the size of the other\n"
           "                        side (Borgatti & Everett; networkx's bipartite module)\n"
           "  --kinds K,...         edge kinds: produces, supplies, relies (default all)\n"
           "  --max-edges N         a projection with more than N edges (default 1000000) is not built\n"
           "                        edge by edge: only degree, strength and pagerank, unweighted, are\n"
           "                        computed on it (PageRank by power iteration on its rows, as igraph's\n"
           "                        to ~1e-12); other measures stop with a usage error naming its size\n"
           "Eigenvector and hub scores are computed per connected component (max 1 in each).\n"
           "See docs/measures-network.md for every formula.\n");
}


static cn_status write_it(const cn_net *net, const void *result, cn_format fmt, FILE *fp, cn_error *err)
{
    return cn_report_centrality(net, (const cn_centrality_result *)result, fmt, fp, err);
}

int cmd_centrality(int argc, char **argv)
{
    enum { OPT_MEASURE = OPT_FIRST_CMD, OPT_WEIGHTS, OPT_PROJ, OPT_BIPN, OPT_KINDS, OPT_MAX_EDGES };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {"measure", required_argument, 0, OPT_MEASURE},
                                             {"weights", required_argument, 0, OPT_WEIGHTS},
                                             {"projection", required_argument, 0, OPT_PROJ},
                                             {"bipartite-normalized", no_argument, 0, OPT_BIPN},
                                             {"kinds", required_argument, 0, OPT_KINDS},
                                             {"max-edges", required_argument, 0, OPT_MAX_EDGES},
                                             {0, 0, 0, 0}};
    cli_common c = {.cmd = "centrality", .help = help};
    cn_centrality_opts o;
    cn_centrality_opts_init(&o);
    unsigned measures = 0;
    int opt;
    while ((opt = cli_next_opt(&c, argc, argv, longopts)) > 0) {
        cn_measure m;
        switch (opt) {
        case OPT_MEASURE:
            if (strcmp(optarg, "all") == 0)
                measures = (1u << CN_MEASURE_COUNT) - 1;
            else if (cn_measure_parse(optarg, &m) == 0)
                measures |= 1u << m;
            else
                return cli_usage_error(&c, "--measure '%s': expected degree, strength, betweenness, closeness, "
                                           "harmonic, pagerank, eigenvector, hub or all", optarg);
            break;
        case OPT_WEIGHTS:
            if (strcmp(optarg, "none") && strcmp(optarg, "share"))
                return cli_usage_error(&c, "--weights '%s': expected none or share", optarg);
            o.weighted = strcmp(optarg, "share") == 0;
            break;
        case OPT_PROJ:
            if (cli_parse_onto(optarg, &o.projection))
                return cli_usage_error(&c, "--projection '%s': expected countries or minerals", optarg);
            break;
        case OPT_BIPN:
            o.bipartite_norm = 1;
            break;
        case OPT_KINDS:
            if (cli_parse_kinds(optarg, &o.kinds))
                return cli_usage_error(&c, "--kinds '%s': expected a comma-separated list of produces, "
                                           "supplies, relies", optarg);
            break;
        case OPT_MAX_EDGES: {
            char *end;
            errno = 0;
            long long v = strtoll(optarg, &end, 10);
            if (end == optarg || *end || errno || v < 0)
                return cli_usage_error(&c, "--max-edges '%s': expected a whole number >= 0", optarg);
            o.max_edges = v ? v : CN_CENTRALITY_MAX_EDGES_NONE; /* the library's 0 is the default */
            break;
        }
        default:
            return cli_bad_option(&c, opt, argv);
        }
    }
    int rc = cli_opts_end(&c, opt, argc, argv);
    if (rc)
        return rc;
    if (measures)
        o.measures = measures;
    if (o.projection != CN_PROJECTION_ONTO_NONE && o.measures == (1u << CN_MEASURE_HUB))
        return cli_usage_error(&c, "hub scores need the directed bipartite network, not a projection");
    if (o.bipartite_norm && (o.weighted || o.projection != CN_PROJECTION_ONTO_NONE))
        return cli_usage_error(&c, "--bipartite-normalized applies to the unweighted bipartite network only");

    /* unweighted, the pairs joined by produces or supplies edges are the same in a trade network (an exporter
     * that supplies an importer has world exports): a trade table is summed per exporter while it is read,
     * and every importer is still a vertex, as in the full network. Weighted, a pair's weight is its largest
     * share: per pair the one supplies edge of the largest share is kept (cn_trade_keep_strongest) */
    unsigned prod = 1u << CN_EDGE_PRODUCES;
    if (!o.weighted && (!o.kinds || (o.kinds & prod))) {
        c.trade.exporters_only = 1;
        c.trade_net.importer_vertices = 1;
    } else {
        c.trade_strongest = 1; /* weighted: each pair's largest share, no more */
        c.trade_net.importer_vertices = 1;
    }
    cn_net *net = NULL;
    rc = cli_load(&c, &net);
    if (rc)
        return rc;
    cn_centrality_result res;
    cn_error err = {0};
    if (cn_centrality_run(net, &o, &res, &err) != CN_OK) {
        cn_net_free(net);
        return cli_fail(&err);
    }
    rc = cli_write_report(&c, write_it, net, &res);
    cn_centrality_result_free(&res);
    cn_net_free(net);
    return rc;
}
