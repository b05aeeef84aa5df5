/* cli/cmd_chokepoints.c: `critnet chokepoints`: critical suppliers, minimum supplier cuts, dominators of
 * multi-stage chains, cut vertices, bridges and exposure per supplier. */
#include <string.h>

#include "netopts.h"

static void help(void)
{
    printf("usage: critnet chokepoints [--consumer ISO3] [--threshold X]\n"
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
           "  --consumer ISO3   one consumer (default: every consumer in the data)\n"
           "  --threshold X     fraction or percentage (default 0.5)\n");
}


static cn_status write_it(const cn_net *net, const void *result, cn_format fmt, FILE *fp, cn_error *err)
{
    return cn_report_chokepoints(net, (const cn_chokepoints_result *)result, fmt, fp, err);
}

int cmd_chokepoints(int argc, char **argv)
{
    enum { OPT_CONSUMER = OPT_FIRST_CMD, OPT_THRESHOLD };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {"consumer", required_argument, 0, OPT_CONSUMER},
                                             {"threshold", required_argument, 0, OPT_THRESHOLD},
                                             {0, 0, 0, 0}};
    cli_common c = {.cmd = "chokepoints", .help = help};
    const char *consumer = NULL;
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
        default:
            return cli_bad_option(&c, opt, argv);
        }
    }
    int rc = cli_opts_end(&c, opt, argc, argv);
    if (rc)
        return rc;
    cn_net *net = NULL;
    rc = cli_load(&c, &net);
    if (rc)
        return rc;
    if (consumer && (rc = cli_resolve_country(&c, net, "--consumer", consumer, &consumer))) {
        cn_net_free(net);
        return rc;
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
