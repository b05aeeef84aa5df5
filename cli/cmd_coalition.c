/* cli/cmd_coalition.c: `critnet coalition`: how much of a consumer's imports and of world production lies
 * inside an alliance, mineral by mineral. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "critnet/scenario.h"
#include "scnopts.h"

static void help(void)
{
    printf("usage: critnet coalition --allies ISO3,ISO3,@group,... [--consumer ISO3] [--threshold X]\n"
           "                         [--data FILE | --dataset NAME] [--format table|json|csv|markdown] [-o FILE]\n\n"
           "Per mineral: the share of the consumer's imports that comes from the alliance, and the share of\n"
           "world production inside it; the gap is 1 - the smaller known share; sorted by the gap. BELOW\n"
           "marks minerals where the smaller known share is under the threshold. Unknown shares stay\n"
           "unknown; \">=\" marks a lower bound (an unlisted residual may hold more allies).\n\n"
           "  --allies LIST     countries (ISO3 or names) and @groups, comma-separated; repeatable\n"
           "  --consumer ISO3   importing country (default USA)\n"
           "  --threshold X     fraction or percentage (default 0.5)\n\n"
           "Groups (datasets/groups.json):\n");
    char *g;
    if (cn_groups_describe(&g, NULL) == CN_OK)
        fputs(g, stdout);
    free(g);
}

int cmd_coalition(int argc, char **argv)
{
    enum { OPT_ALLIES = OPT_FIRST_CMD, OPT_CONSUMER, OPT_THRESHOLD };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {"allies", required_argument, 0, OPT_ALLIES},
                                             {"consumer", required_argument, 0, OPT_CONSUMER},
                                             {"threshold", required_argument, 0, OPT_THRESHOLD},
                                             {0, 0, 0, 0}};
    cli_common c = {.cmd = "coalition", .help = help};
    const char *consumer = "USA";
    double threshold = 0.5;
    char **allies = NULL;
    size_t nallies = 0;
    cn_error err = {0};
    int opt, rc = 0;
    while (!rc && (opt = cli_next_opt(&c, argc, argv, longopts)) != 0) {
        switch (opt) {
        case -1:
            rc = 64;
            break;
        case OPT_ALLIES:
            rc = cli_allies_opt(&c, optarg, &allies, &nallies);
            break;
        case OPT_CONSUMER:
            consumer = optarg;
            break;
        case OPT_THRESHOLD:
            rc = cli_parse_threshold(&c, optarg, &threshold);
            break;
        default:
            rc = cli_bad_option(&c, opt, argv);
        }
    }
    if (!rc)
        rc = cli_opts_end(&c, 0, argc, argv);
    if (!rc && nallies == 0)
        rc = cli_usage_error(&c, "empty alliance: give --allies ISO3,ISO3,... or @group");
    cn_net *net = NULL;
    c.trade.importer = consumer; /* a trade table: the consumer's rows and world exports are all it reads */
    if (!rc)
        rc = cli_load(&c, &net);
    if (!rc)
        rc = cli_resolve_country(&c, net, "--consumer", consumer, &consumer);
    for (size_t i = 0; !rc && i < nallies; i++) /* the canonical ISO3 of each ally, echoed as such */
        rc = cli_canonical_country(&c, net, "--allies", &allies[i]);
    cn_coalition_result res;
    if (!rc && cn_coalition_run(net, (const char *const *)allies, nallies, consumer, threshold, &res, &err)) {
        rc = err.status == CN_EUSAGE ? cli_usage_error(&c, "%s", err.msg) : cli_fail(&err);
    } else if (!rc) {
        cn_out out;
        rc = cli_out_open(&c, &out);
        if (!rc) {
            if (cn_report_coalition(net, (const char *const *)allies, nallies, &res, c.format, out.fp, &err))
                rc = cli_out_fail(&out, &err);
            else
                rc = cli_out_close(&out);
        }
        cn_coalition_result_free(&res);
    }
    cn_net_free(net);
    cn_strv_free(allies, nallies);
    return rc;
}
