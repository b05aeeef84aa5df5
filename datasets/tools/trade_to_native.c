/* datasets/tools/trade_to_native.c: build-time tool (links critnet_core only): a trade table -> native JSON,
 * for built-in datasets. usage: trade_to_native IN OUT NAME PERIOD TITLE SOURCE_ID SOURCE_TITLE [COLUMNS] */
#include <stdio.h>
#include <stdlib.h>

#include "critnet/critnet.h"

int main(int argc, char **argv)
{
    if (argc < 8 || argc > 9) {
        fprintf(stderr, "usage: trade_to_native IN OUT NAME PERIOD TITLE SOURCE_ID SOURCE_TITLE [COLUMNS]\n");
        return 64;
    }
    cn_error err = {0};
    cn_trade_opts o = {0};
    if (argc == 9) {
        o.from = CN_TRADE_LAYOUT_CSV;
        o.columns = argv[8];
    }
    cn_trade *t = NULL;
    cn_net *net = NULL;
    cn_trade_net_opts no = {.period = argv[4], .name = argv[3], .title = argv[5], .source_id = argv[6],
                            .source_title = argv[7]};
    cn_status st = cn_trade_load(argv[1], &o, &t, &err);
    if (!st)
        st = cn_trade_to_net(t, &no, &net, &err);
    cn_trade_free(t);
    char *json = NULL;
    if (!st)
        st = cn_json_dump(net, &json, &err);
    cn_net_free(net);
    cn_out out;
    if (!st && !(st = cn_out_open(&out, argv[2], &err))) {
        fputs(json, out.fp);
        st = cn_out_commit(&out, &err);
    }
    free(json);
    if (st) {
        fprintf(stderr, "trade_to_native: %s\n", err.msg);
        return cn_status_exit(st);
    }
    return 0;
}
