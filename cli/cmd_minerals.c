/* cli/cmd_minerals.c: `critnet minerals` and `critnet countries`: what a dataset holds, so that ids can be
 * looked up before they are typed (io/report/listing_report.c writes the lists). */
#include "cli.h"

static void minerals_help(void)
{
    printf("usage: critnet minerals [--list 2018|2022|all] [--data FILE | --dataset NAME]\n"
           "                        [--format table|json|csv|markdown] [-o FILE]\n\n"
           "The minerals of the network (each stage its own row, e.g. cobalt:refinery): id, name, stage, the\n"
           "critical-mineral lists it is on, and how many distinct countries have production figures\n"
           "(PRODUCERS), are named as import sources (SUPPLIERS) and have import figures (CONSUMERS).\n"
           "Commands take a mineral by its id or name in any case.\n\n"
           "  --list L   only minerals of the 2018 (35) or 2022 (50) U.S. list; all (default)\n");
}

static void countries_help(void)
{
    printf("usage: critnet countries [--data FILE | --dataset NAME] [--format table|json|csv|markdown] [-o FILE]\n\n"
           "The countries of the network: ISO 3166-1 alpha-3 id, name, and how many distinct minerals it has\n"
           "production figures for (PRODUCES), is named as an import source of (SUPPLIES) and has import\n"
           "figures for (IMPORTS). Commands take a country as ISO3 in any case, alpha-2, or a name\n"
           "(\"China\", \"United States\", \"Korea, Republic of\", \"Congo (Kinshasa)\").\n");
}

typedef struct listing {
    cn_vertex_type type;
    unsigned lists;
} listing;

static cn_status write_it(const cn_net *net, const void *p, cn_format fmt, FILE *fp, cn_error *err)
{
    return cn_report_vertices(net, ((const listing *)p)->type, ((const listing *)p)->lists, fmt, fp, err);
}

static int list_main(int argc, char **argv, cli_common *c, cn_vertex_type type)
{
    enum { OPT_LIST = OPT_FIRST_CMD };
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS, {"list", required_argument, 0, OPT_LIST},
                                             {0, 0, 0, 0}};
    unsigned lists = 0;
    int opt;
    while ((opt = cli_next_opt(c, argc, argv, longopts)) > 0) {
        if (opt == OPT_LIST && type == CN_VERTEX_MINERAL) {
            if (cli_parse_list(c, optarg, "all", &lists))
                return 64;
            continue;
        }
        return cli_bad_option(c, opt, argv);
    }
    int rc = cli_opts_end(c, opt, argc, argv);
    if (rc)
        return rc;
    cn_net *net = NULL;
    rc = cli_load(c, &net);
    if (rc)
        return rc;
    int32_t kept = 0;
    for (int32_t v = 0; v < net->nvertices; v++)
        if (net->vertices[v].type == type && (!lists || (net->vertices[v].lists & lists)))
            kept++;
    if (!kept)
        cli_say(c, 0, lists ? "no mineral of this network is on that list%s" : "the network has no %s",
                       lists ? "" : type == CN_VERTEX_MINERAL ? "minerals" : "countries");
    listing l = {type, lists};
    rc = cli_write_report(c, write_it, net, &l);
    cn_net_free(net);
    return rc;
}

int cmd_minerals(int argc, char **argv)
{
    cli_common c = {.cmd = "minerals", .help = minerals_help};
    return list_main(argc, argv, &c, CN_VERTEX_MINERAL);
}

int cmd_countries(int argc, char **argv)
{
    cli_common c = {.cmd = "countries", .help = countries_help};
    return list_main(argc, argv, &c, CN_VERTEX_COUNTRY);
}
