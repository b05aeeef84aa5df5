/* tests/fuzz/fuzz_trade.c: the trade-table readers from memory (cn_trade_load_mem), each layout: the first byte
 * chooses BACI, UN Comtrade, plain CSV (with --columns) or detection, and the options; a table read is made into
 * a network (cn_trade_to_net). */
#include <stdlib.h>

#include "critnet/trade.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t sel = data[0];
    static const cn_trade_layout layouts[] = {CN_TRADE_LAYOUT_AUTO, CN_TRADE_LAYOUT_BACI, CN_TRADE_LAYOUT_COMTRADE,
                                              CN_TRADE_LAYOUT_CSV};
    cn_trade_opts o = {.from = layouts[sel & 3], .skip_bad = (sel >> 2) & 1, .exporters_only = (sel >> 3) & 1};
    if (o.from == CN_TRADE_LAYOUT_CSV && (sel & 0x10))
        o.columns = "exporter=a,importer=b,product=c,year=d,value=e,quantity=f";
    if (sel & 0x20)
        o.products = "cobalt,2605";
    if (sel & 0x40)
        o.importer = "USA";
    if (sel & 0x80)
        o.year = 2019;
    cn_trade *t = NULL;
    cn_error err = {0};
    if (cn_trade_load_mem((const char *)data + 1, size - 1, "fuzz.csv", &o, &t, &err) == CN_OK) {
        cn_net *net = NULL;
        cn_trade_net_opts no = {0};
        if (cn_trade_to_net(t, &no, &net, &err) == CN_OK)
            cn_net_free(net);
        else
            fuzz_check_message(&err);
        cn_trade_free(t);
    } else {
        fuzz_check_message(&err);
    }
    return 0;
}
