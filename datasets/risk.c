/* datasets/risk.c: the built-in inputs of the risk measures: World Bank WGI 2010-2023 (datasets/wgi/) and the EU
 * CRM 2023 parameters (datasets/eu-crm-2023/), embedded at build time (datasets/CMakeLists.txt). docs/risk.md */
#include "critnet/datasets.h"

#include <stdlib.h>
#include <string.h>

#include "critnet/risk_io.h"
#include "format/embedded.h"

CN_EMBED_DECLARE(cn_i_risk_wgi);
CN_EMBED_DECLARE(cn_i_risk_eu_params);
CN_EMBED_DECLARE(cn_i_risk_eu_trade);
CN_EMBED_DECLARE(cn_i_risk_eu_materials);

cn_status cn_risk_builtin_load(int wgi, int params, cn_risk_inputs *in, cn_error *err)
{
    cn_status st = CN_OK;
    if (wgi && !in->wgi_source) {
        st = cn_risk_wgi_read_mem((const char *)cn_i_risk_wgi, CN_EMBED_SIZE(cn_i_risk_wgi), "wgi_mean6_2010_2023.csv",
                                  in, err);
        free(in->wgi_source);
        in->wgi_source = st ? NULL : cn_strdup("World Bank WGI 2024 update, mean of six estimates (built-in)");
        if (!st && !in->wgi_source)
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    if (!st && params && !in->params_source) {
        st = cn_risk_params_read_eu_mem((const char *)cn_i_risk_eu_params, CN_EMBED_SIZE(cn_i_risk_eu_params),
                                        (const char *)cn_i_risk_eu_trade, CN_EMBED_SIZE(cn_i_risk_eu_trade),
                                        (const char *)cn_i_risk_eu_materials,
                                        CN_EMBED_SIZE(cn_i_risk_eu_materials), in, err);
        if (!st && !(in->params_source = cn_strdup("EU CRM 2023 final report, EoL_RIR, SI_SR, t (built-in)")))
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    return st;
}
