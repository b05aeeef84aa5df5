/* datasets/tools/import_mcs2026.c: build-time bootstrap: the MCS 2026 chapter tables (datasets/usgs-mcs2026/) ->
 * the native JSON of the built-in us-mcs2026 dataset, by cn_import_usgs_chapters(). Links libcritnet only;
 * what the importer handles on purpose is shown by `critnet import --from usgs-chapters`. */
#include <stdio.h>
#include <stdlib.h>

#include "critnet/critnet.h"
#include "critnet/usgs.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: critnet-import-mcs2026 DIR OUT.json\n");
        return 64;
    }
    cn_error err = {0};
    cn_net *net = NULL;
    char *json = NULL;
    cn_out out;
    int opened = 0;
    cn_status st = cn_import_usgs_chapters(argv[1], &net, &err);
    if (!st)
        st = cn_json_dump(net, &json, &err);
    if (!st && !(st = cn_out_open(&out, argv[2], &err))) {
        opened = 1;
        fputs(json, out.fp);
        st = cn_out_commit(&out, &err);
    }
    if (st && opened)
        cn_out_abort(&out);
    if (st)
        fprintf(stderr, "critnet-import-mcs2026: %s\n", err.msg);
    free(json);
    cn_net_free(net);
    return cn_status_exit(st);
}
