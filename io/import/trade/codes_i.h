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
/* a display name for an ISO3 (or BACI<code>, region-..., code-...) id, or NULL */
const char *cn_i_trade_country_name(const char *iso3);

/* what a country field of a trade table stands for (docs/trade.md, "Countries, regions and unknown codes") */
typedef enum cn_i_code_kind {
    CN_I_CODE_COUNTRY = 0, /* a current country (ISO3; BACI 490 = TWN) */
    CN_I_CODE_HISTORICAL,  /* a country that no longer exists (ISO 3166-3: SUN, YUG, CSK, SCG, ANT; BLX) */
    CN_I_CODE_REGION,      /* a region or aggregate kept as a named non-country supplier (region-..., BACI<code>) */
    CN_I_CODE_WORLD,       /* the world total: never a supplier */
    CN_I_CODE_UNMAPPED     /* nothing known: kept as a supplier under "code-" and the field as written */
} cn_i_code_kind;

/* the one rule for a country field s (NUL-terminated, as written): numeric set and s all digits: a UN Comtrade /
 * BACI M49 code (regions and historical codes first, then BACI's table); otherwise a name or alphabetic code
 * (regions and historical names first, then BACI's spellings, then ISO 3166 names, codes and aliases). *id: the
 * id to keep it under, in static storage or in buf (cap bytes, for UNMAPPED); NULL for WORLD. Thread-safe.
 * O(tables) */
cn_i_code_kind cn_i_trade_classify(const char *s, int numeric, char *buf, size_t cap, const char **id);
/* the kind of an id made by cn_i_trade_classify (COUNTRY for ISO3 ids). O(table) */
cn_i_code_kind cn_i_trade_id_kind(const char *id);

#endif
