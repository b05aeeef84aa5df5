/* cli/cmd_merge.c: `critnet merge OVER BASE`: one network over another, figure by figure (critnet/merge.h),
 * written in the native JSON format. */
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf("usage: critnet merge OVER BASE [--name NAME] [--title TITLE] [-o FILE]\n\n"
           "Composes two networks (files or built-in dataset names; a file when one exists at that path)\n"
           "and writes the result in the native JSON format. Per figure, OVER's where it has one, BASE's\n"
           "otherwise: the import sources of a (mineral, consumer), its net import reliance, and the world\n"
           "production (with reserves) of a mineral. A figure is taken whole from one side, so shares from\n"
           "two editions never mix in one list, and every edge keeps its own source, edition and period.\n"
           "Countries and minerals are matched by id; OVER's names win, list tags are combined.\n"
           "Example: a company's confidential import shares over USGS's:\n"
           "  critnet merge our-shares.json us-mcs2024 -o combined.json\n\n"
           "  --name NAME     name of the merged network (default OVER+BASE, from the two names)\n"
           "  --title TITLE   its title (default \"OVER title, over BASE title\")\n");
}

int cmd_merge(int argc, char **argv)
{
    enum { OPT_NAME = OPT_FIRST_CMD, OPT_TITLE };
    static const int refused[] = {OPT_FORMAT, OPT_DATA, OPT_DATASET, 0};
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {"name", required_argument, 0, OPT_NAME},
                                             {"title", required_argument, 0, OPT_TITLE},
                                             {0, 0, 0, 0}};
    cli_common c = {.cmd = "merge", .help = help, .own = refused};
    cn_merge_opts mo;
    cn_merge_opts_init(&mo);
    int opt;
    while ((opt = cli_next_opt(&c, argc, argv, longopts)) > 0) {
        switch (opt) {
        case OPT_NAME:
            mo.name = optarg;
            break;
        case OPT_TITLE:
            mo.title = optarg;
            break;
        default:
            return cli_bad_option(&c, opt, argv);
        }
    }
    if (opt < 0)
        return 64;
    if (argc - optind != 2)
        return cli_usage_error(&c, "expected two networks, OVER and BASE (files or built-in dataset names)");
    cn_net *over = NULL, *base = NULL, *net = NULL;
    int rc = cli_load_arg(&c, argv[optind], &over);
    if (!rc)
        rc = cli_load_arg(&c, argv[optind + 1], &base);
    cn_error err = {0};
    if (!rc && (cn_net_merge(over, base, &mo, &net, &err) || cn_net_validate(net, "merged network", &err)))
        rc = cli_fail(&err);
    if (!rc)
        rc = cli_write_net(&c, net);
    cn_net_free(over);
    cn_net_free(base);
    cn_net_free(net);
    return rc;
}
