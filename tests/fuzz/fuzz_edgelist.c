/* tests/fuzz/fuzz_edgelist.c: the edge-list reader (cn_edgelist_parse); what it accepts and cn_net_validate
 * passes must export as JSON that the JSON reader accepts (issue 17 #5: what export writes, validate must accept).
 * The reader validates (a weight is kept as a quantity, shares summing past 1 are refused): every list it
 * accepts must pass cn_net_validate and read back (corpus/fuzz_edgelist/regress-weight.csv). */
#include <stdlib.h>

#include "critnet/edgelist.h"
#include "critnet/io.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cn_net *net = NULL;
    cn_error err = {0};
    if (cn_edgelist_parse((const char *)data, size, "fuzz.csv", &net, &err) == CN_OK) {
        cn_error verr;
        if (cn_net_validate(net, "fuzz.csv", &verr) != CN_OK)
            abort(); /* the reader validates: what it accepts is valid */
        char *json = NULL;
        cn_net *again = NULL;
        if (cn_json_dump(net, &json, &err) != CN_OK || cn_json_parse(json, strlen(json), "dump", &again, &err))
            abort();
        cn_net_free(again);
        free(json);
        cn_net_free(net);
    } else {
        fuzz_check_message(&err);
    }
    return 0;
}
