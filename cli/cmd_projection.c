/* cli/cmd_projection.c: `critnet projection --onto countries|minerals`: the one-mode projection with the
 * number of shared neighbours and the sum of min shares, as a table or a GraphML graph file. */
#include <string.h>

#include "netopts.h"

static void help(void)
{
    printf("usage: critnet projection --onto countries|minerals [--kinds K,...]\n"
           "                          [--data FILE | --dataset NAME] [--format table|json|csv|markdown|graphml]\n"
           "                          [-o FILE]\n\n"
           "The one-mode projection of the country-mineral network: two countries are joined when they share\n"
           "a mineral (two minerals when they share a country). Each edge carries the number of shared\n"
           "neighbours and the sum over them of min(share_a, share_b) ('unknown' when a share is unknown).\n"
           "--format graphml writes a GraphML graph file (attributes shared, min_share).\n\n"
           "  --onto SIDE       countries or minerals (required)\n"
           "  --kinds K,...     edge kinds: produces, supplies, relies (default all)\n");
}

/* the projection and whether it is written as GraphML */
typedef struct {
    const void *projection;
    int graphml;
} proj_out;

static cn_status write_it(const cn_net *net, const void *result, cn_format fmt, FILE *fp, cn_error *err)
{
    const proj_out *x = result;
    return cn_report_projection(net, x->projection, fmt, x->graphml, fp, err);
}

int cmd_projection(int argc, char **argv)
{
    enum { OPT_ONTO = OPT_FIRST_CMD, OPT_KINDS };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {"onto", required_argument, 0, OPT_ONTO},
                                             {"kinds", required_argument, 0, OPT_KINDS},
                                             {0, 0, 0, 0}};
    static const int own[] = {OPT_FORMAT, 0}; /* --format also takes graphml */
    cli_common c = {.cmd = "projection", .help = help, .own = own};
    cn_projection_onto onto = CN_PROJECTION_ONTO_NONE;
    unsigned kinds = 0;
    int graphml = 0, opt;
    while ((opt = cli_next_opt(&c, argc, argv, longopts)) > 0) {
        switch (opt) {
        case OPT_FORMAT:
            graphml = strcmp(optarg, "graphml") == 0;
            if (!graphml && cli_common_opt(&c, opt, optarg) < 0)
                return 64;
            break;
        case OPT_ONTO:
            if (cli_parse_onto(optarg, &onto))
                return cli_usage_error(&c, "--onto '%s': expected countries or minerals", optarg);
            break;
        case OPT_KINDS:
            if (cli_parse_kinds(optarg, &kinds))
                return cli_usage_error(&c, "--kinds '%s': expected a comma-separated list of produces, "
                                           "supplies, relies", optarg);
            break;
        default:
            return cli_bad_option(&c, opt, argv);
        }
    }
    int rc = cli_opts_end(&c, opt, argc, argv);
    if (rc)
        return rc;
    if (onto == CN_PROJECTION_ONTO_NONE)
        return cli_usage_error(&c, "--onto countries|minerals is required");
    /* a trade table: each pair's largest share is all the projection reads (cn_trade_keep_strongest) */
    c.trade_strongest = 1;
    c.trade_net.importer_vertices = 1;
    cn_net *net = NULL;
    rc = cli_load(&c, &net);
    if (rc)
        return rc;
    cn_error err = {0};
    cn_bipartite b;
    cn_projection_result p;
    if (cn_bipartite_build(net, kinds, 0, &b, NULL, &err) != CN_OK) {
        cn_net_free(net);
        return cli_fail(&err);
    }
    cn_status st = cn_projection_run(net, &b, onto, &p, &err);
    cn_bipartite_free(&b);
    if (st != CN_OK) {
        cn_net_free(net);
        return cli_fail(&err);
    }
    proj_out x = {&p, graphml};
    rc = cli_write_report(&c, write_it, net, &x);
    cn_projection_result_free(&p);
    cn_net_free(net);
    return rc;
}
