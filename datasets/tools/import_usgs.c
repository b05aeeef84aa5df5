/* datasets/tools/import_usgs.c: build-time bootstrap: imports a USGS MCS data release into the native JSON
 * format (the built-in us-mcs2024 dataset). Links libcritnet only, so it can run before the CLI exists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "critnet/critnet.h"
#include "critnet/usgs.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: critnet-import-usgs DIR OUT.json\n");
        return 64;
    }
    cn_error err = {0};
    cn_net *net = NULL;
    if (cn_import_usgs_mcs(argv[1], &net, &err) != CN_OK) {
        fprintf(stderr, "critnet-import-usgs: %s\n", err.msg);
        return cn_status_exit(err.status);
    }
    char *json;
    cn_status dumped = cn_json_dump(net, &json, &err);
    cn_net_free(net);
    if (dumped) {
        fprintf(stderr, "critnet-import-usgs: out of memory\n");
        return 71;
    }
    cn_out out;
    cn_status st = cn_out_open(&out, argv[2], &err);
    if (!st) {
        fputs(json, out.fp);
        st = cn_out_commit(&out, &err);
    }
    free(json);
    if (st) {
        cn_out_abort(&out);
        fprintf(stderr, "critnet-import-usgs: %s\n", err.msg);
        return cn_status_exit(st);
    }
    return 0;
}
