/* io/import/places_i.h: private to io/import: the one rule for what a supplier written in a source file is when it
 * is not a current country: a region or aggregate ("European Union", "Areas n.e.s.", Atlas ANS, UN Comtrade's
 * residual M49 areas), a historical country (USSR, Yugoslavia, ...), the world total, or nothing known. Shared by
 * the trade importers (io/import/trade/codes.c) and the USGS importers (io/import/usgs/names.c). */
#ifndef CN_IO_IMPORT_PLACES_I_H
#define CN_IO_IMPORT_PLACES_I_H

#include <stddef.h>

typedef enum cn_i_place_kind {
    CN_I_PLACE_NONE = 0,   /* not in the table: a current country, or unknown */
    CN_I_PLACE_WORLD,      /* the world total ("World", W00, WLD, M49 0): a total, never a supplier */
    CN_I_PLACE_REGION,     /* a region or aggregate: a named non-country supplier */
    CN_I_PLACE_HISTORICAL  /* a country that no longer exists: kept under its ISO 3166-3 alpha-3 */
} cn_i_place_kind;

typedef struct cn_i_place {
    cn_i_place_kind kind;
    const char *id;   /* vertex id: "region-..." for regions, the alpha-3 for historical countries; NULL for WORLD */
    const char *name; /* display name */
} cn_i_place;

/* the place a name or alphabetic code (case and runs of spaces ignored) stands for, or NULL. Static storage,
 * thread-safe. O(table x length of name) */
const cn_i_place *cn_i_place_by_name(const char *name);
/* the place a UN Comtrade / BACI numeric (M49) code stands for, or NULL. O(table) */
const cn_i_place *cn_i_place_by_m49(int code);
/* the place with this vertex id (as cn_i_place.id), or NULL: names regions and historical countries. O(table) */
const cn_i_place *cn_i_place_by_id(const char *id);

/* the id prefix of a supplier code kept as found ("code-" then the code as written) */
#define CN_I_PLACE_UNMAPPED "code-"

#endif
