/* io/import/trade/codes_i.h: private to io/: BACI's country-code table (numeric code, names, ISO3) and country names
 * for trade files. The HS6 -> mineral map is public (critnet/trade.h). */
#ifndef CN_IO_TRADE_CODES_H
#define CN_IO_TRADE_CODES_H

#include "critnet/trade.h"

typedef struct cn_i_baci_country {
    int code;
    char *abbrev, *full; /* UTF-8 */
    char *iso3;          /* ISO3; "TWN" for 490; "BACI<code>" for BACI's other non-ISO groupings */
} cn_i_baci_country;

/* the row of a BACI numeric country code, or NULL */
const cn_i_baci_country *cn_i_baci_country_by_code(int code);
/* the ISO3 of a BACI country_name_full or country_name_abbreviation spelling, or NULL */
const char *cn_i_baci_iso3_by_name(const char *name);
/* a display name for an ISO3 (or BACI<code>) id, or NULL */
const char *cn_i_trade_country_name(const char *iso3);

#endif
