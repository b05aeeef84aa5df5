/* tests/fuzz/fuzz_usgs.c: the USGS MCS data-release importer: the input becomes one file of a release folder
 * (the first byte chooses a world-production, salient-statistics or trends file). */
#include <stdlib.h>

#include "critnet/usgs.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const char *const names[] = {"rel/world/MCS2024-fuzz_world.csv", "rel/salient/MCS2024-fuzz_salient.csv",
                                        "rel/world/mcs2024-abras_world.csv", "rel/trends/MCS2024_Fig2_Net_Import_Reliance.csv"};
    const char *path = fuzz_write(names[data[0] & 3], data + 1, size - 1);
    char dir[256];
    snprintf(dir, sizeof dir, "%s/rel", fuzz_dir());
    cn_net *net = NULL;
    cn_error err = {0};
    if (cn_import_usgs_mcs(dir, &net, &err) == CN_OK)
        cn_net_free(net);
    else
        fuzz_check_message(&err);
    unlink(path);
    return 0;
}
