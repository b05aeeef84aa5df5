/* cli/cmd_datasets.c: `critnet datasets` lists the built-in datasets; `critnet export` writes one as JSON. */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "critnet/graph.h"

static void datasets_help(void)
{
    printf("usage: critnet datasets [--format table|json|csv|markdown] [-o FILE]\n\n"
           "Lists the datasets built into critnet, the default marked with '*', with their sources.\n");
}

static void export_help(void)
{
    printf("usage: critnet export [--dataset NAME | --data FILE] [--format json|graphml|gexf] [-o FILE]\n\n"
           "Writes the network in the native JSON format (docs/format.md; the default). Reading the output\n"
           "back gives the same network. --format graphml (or -o FILE.graphml) writes GraphML through igraph\n"
           "for Gephi, Cytoscape, networkx or R igraph: vertices with id, label, type, stage, lists; one edge\n"
           "per figure with kind, consumer, share, low, high, rank, year, value, quantity, unit, period, text,\n"
           "basis, source. Figures of 'other', 'world' or unnamed suppliers have no vertex and are left out\n"
           "(counted in the graph attribute edges_without_vertex).\n"
           "--format gexf (or -o FILE.gexf) writes GEXF 1.3, Gephi's own format, through libxml2 with the same\n"
           "attributes (node id = the vertex id; edge weight = the share when known; the count of figures left\n"
           "out in the meta description).\n");
}

int cmd_datasets(int argc, char **argv)
{
    static const int refused[] = {OPT_DATA, OPT_DATASET, 0};
    cli_common c = {.cmd = "datasets", .help = datasets_help, .own = refused};
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS, {0, 0, 0, 0}};
    int rc = cli_opts_end(&c, cli_next_opt(&c, argc, argv, longopts), argc, argv);
    if (rc)
        return rc;
    cn_out out;
    rc = cli_out_open(&c, &out);
    if (rc)
        return rc;
    cn_dataset_info info;
    cn_error err = {0};
    cn_status st = CN_OK;
    if (c.format == CN_FORMAT_JSON) {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; cn_dataset_get(i, &info); i++) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "name", info.name);
            cJSON_AddBoolToObject(o, "default", strcmp(info.name, cn_dataset_default()) == 0);
            cJSON_AddStringToObject(o, "title", info.title);
            cJSON_AddStringToObject(o, "source", info.source);
            cJSON_AddItemToArray(arr, o);
        }
        st = arr ? cn_json_write_value(arr, out.fp, &err) : cn_error_set(&err, CN_ENOMEM, "out of memory");
        cJSON_Delete(arr);
    } else {
        static const char *const hdr[] = {"NAME", "DEFAULT", "TITLE", "SOURCE"};
        cn_table t;
        st = cn_table_init(&t, 4, hdr, &err);
        for (size_t i = 0; !st && cn_dataset_get(i, &info); i++) {
            const char *row[] = {info.name, strcmp(info.name, cn_dataset_default()) == 0 ? "*" : "",
                                 info.title, info.source};
            st = cn_table_add(&t, row, &err);
        }
        if (!st)
            st = cn_table_write(&t, out.fp, c.format, &err);
        cn_table_free(&t);
    }
    return st ? cli_out_fail(&out, &err) : cli_out_close(&out);
}

int cmd_export(int argc, char **argv)
{
    static const int own[] = {OPT_FORMAT, 0};
    cli_common c = {.cmd = "export", .help = export_help, .own = own};
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS, {0, 0, 0, 0}};
    int opt;
    enum { JSON, GRAPHML, GEXF, NFMT };
    int fmt = JSON;
    static const char *const fmts[] = {"json", "graphml", "gexf"};
    int given = 0;
    while ((opt = cli_next_opt(&c, argc, argv, longopts)) == OPT_FORMAT) {
        given = 1;
        for (fmt = JSON; fmt < NFMT && strcmp(optarg, fmts[fmt]) != 0; fmt++)
            ;
        if (fmt == NFMT)
            return cli_usage_error(&c, "unknown format '%s'; export writes json (native), graphml or gexf", optarg);
    }
    int rc = cli_opts_end(&c, opt, argc, argv);
    if (rc)
        return rc;
    const char *dot = c.output ? strrchr(c.output, '.') : NULL;
    if (!given && dot && strcmp(dot, ".graphml") == 0) /* -o FILE.graphml picks GraphML, FILE.gexf GEXF */
        fmt = GRAPHML;
    if (!given && dot && strcmp(dot, ".gexf") == 0)
        fmt = GEXF;
    cn_net *net = NULL;
    rc = cli_load(&c, &net);
    if (rc)
        return rc;
    if (fmt != JSON) {
        cn_out out;
        cn_error err = {0};
        rc = cli_out_open(&c, &out);
        if (!rc)
            rc = (fmt == GRAPHML ? cn_net_write_graphml(net, out.fp, &err) : cn_net_write_gexf(net, out.fp, &err))
                     ? cli_out_fail(&out, &err)
                     : cli_out_close(&out);
    } else {
        rc = cli_write_net(&c, net);
    }
    cn_net_free(net);
    return rc;
}
