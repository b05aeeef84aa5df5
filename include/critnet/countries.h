/* critnet/countries.h: country names and codes (ISO 3166-1 plus the spellings USGS, BACI and UN Comtrade
 * use) and named groups of countries (datasets/groups.json) such as @g7, for alliances. */
#ifndef CRITNET_COUNTRIES_H
#define CRITNET_COUNTRIES_H

#include <stddef.h>
#include "critnet/common.h"

CN_BEGIN_DECLS

/** Country names: ISO 3166-1 (Debian iso-codes) plus aliases used by USGS, BACI and others.
 * Returns the alpha-3 code for a name, an alias, an alpha-2 or alpha-3 code; NULL when unknown. */
const char *cn_country_iso3(const char *name);
/** The short English name of an alpha-3 code, or NULL. */
const char *cn_country_name(const char *iso3);


/** Expands a comma-separated alliance ("USA,CAN,@g7") into country codes: "@name" is a group of
 * datasets/groups.json (embedded). *out is a malloc'd array of malloc'd strings, duplicates removed, in
 * first-seen order; free with cn_strv_free(). Errors: CN_EUSAGE (unknown group, empty item). */
cn_status cn_alliance_expand(const char *spec, char ***out, size_t *n, cn_error *err);
void cn_strv_free(char **v, size_t n);

/** Writes "id: name (as of, source)" lines for each group to buf (malloc'd); NULL on failure. */
char *cn_groups_describe(void);

CN_END_DECLS
#endif
