/* tests/fuzz/fuzz_scenario.c: scenario files (cn_scenario_parse) and --restrict strings
 * (cn_scenario_parse_restrict): the first byte chooses; a scenario read is resolved against a small network. */
#include <stdlib.h>

#include "critnet/io.h"
#include "critnet/scenario.h"
#include "fuzz_common.h"

static const char NET[] = "{\"format\":\"critnet\",\"version\":1,\"countries\":[{\"id\":\"USA\"},{\"id\":\"CHN\"},"
                          "{\"id\":\"COD\"}],\"minerals\":[{\"id\":\"cobalt\"}],\"edges\":[{\"kind\":\"supplies\","
                          "\"country\":\"CHN\",\"mineral\":\"cobalt\",\"consumer\":\"USA\",\"share\":0.6},"
                          "{\"kind\":\"produces\",\"country\":\"COD\",\"mineral\":\"cobalt\",\"share\":0.7}]}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static cn_net *net;
    cn_error err = {0};
    if (!net && cn_json_parse(NET, sizeof NET - 1, "net", &net, &err) != CN_OK)
        abort();
    cn_scenario s;
    cn_scenario_init(&s);
    cn_status st;
    if (data[0] & 1) {
        char *arg = cn_strndup((const char *)data + 1, size - 1);
        if (!arg)
            return 0;
        st = cn_scenario_parse_restrict(&s, arg, &err);
        free(arg);
    } else {
        st = cn_scenario_parse((const char *)data + 1, size - 1, "fuzz.json", &s, &err);
    }
    if (!st)
        st = cn_scenario_resolve(net, &s, &err);
    if (st)
        fuzz_check_message(&err);
    cn_scenario_free(&s);
    return 0;
}
