/* critnet/countries.h: country names and codes (ISO 3166-1 plus the spellings USGS, BACI and UN Comtrade
 * use) and named groups of countries (datasets/groups.json) such as @g7, for alliances. */
#ifndef CRITNET_COUNTRIES_H
#define CRITNET_COUNTRIES_H

#include <stddef.h>
#include "critnet/common.h"

CN_BEGIN_DECLS

/**
 * cn_country_iso3: the ISO 3166-1 alpha-3 code for a country name, an alias, an alpha-2 or alpha-3 code
 * (Debian iso-codes' names, common and official names, plus the spellings USGS, BACI and UN Comtrade use);
 * case and runs of spaces are ignored, accents are compared as written. Returns static storage, or NULL
 * when unknown (or name is NULL). The tables are built into the library: nothing is read or allocated;
 * thread-safe. Time: O(length of name), plus a scan of the few dozen aliases when it is not an ISO name.
 */
const char *cn_country_iso3(const char *name);
/**
 * cn_country_name: the short English name of an alpha-3 code (upper case), in static storage, or NULL
 * when unknown. Thread-safe. Time: O(log countries).
 */
const char *cn_country_name(const char *iso3);


/**
 * cn_alliance_expand: expands a comma-separated alliance ("USA,CAN,@g7") into country codes: "@name" is a
 * group of datasets/groups.json (built into the library); other items are kept as written (trimmed).
 * *out: a malloc'd array of *n malloc'd strings, duplicates removed, in first-seen order, owned by the
 * caller (cn_strv_free()). Errors: CN_EUSAGE (unknown group, empty item), CN_ENOMEM; *out is then NULL,
 * *n 0, and nothing is left to free. Time: O(items x result).
 */
cn_status cn_alliance_expand(const char *spec, char ***out, size_t *n, cn_error *err);
/** cn_strv_free: frees an array of n malloc'd strings and the array; v may be NULL. O(n). */
void cn_strv_free(char **v, size_t n);

/**
 * cn_groups_describe: one line per group, "  @id      name (as of YEAR; source): ISO3 ...", for help texts.
 * *out: a malloc'd string owned by the caller (free()). Errors: CN_ENOMEM; *out is then NULL. O(groups).
 */
cn_status cn_groups_describe(char **out, cn_error *err);

CN_END_DECLS
#endif
