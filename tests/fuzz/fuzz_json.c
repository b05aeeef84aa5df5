/* tests/fuzz/fuzz_json.c: the native JSON reader (cn_json_parse): any input is a network or one clean error. */
#include <stdlib.h>

#include "critnet/io.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cn_net *net = NULL;
    cn_error err = {0};
    if (cn_json_parse((const char *)data, size, "fuzz.json", &net, &err) == CN_OK) {
        /* what was read must dump and read back */
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
