/* io/import/places.c: the one table of suppliers that are not current countries (places_i.h): regions and
 * aggregates as sources print them, UN Comtrade's residual M49 areas, historical countries (ISO 3166-3 alpha-3
 * codes; Belgium-Luxembourg as UN Comtrade writes it, BLX) and the world total. docs/trade.md lists the rule. */
#include "import/places_i.h"

#include <ctype.h>
#include <string.h>

typedef struct place_row {
    cn_i_place p;
    const char *aliases; /* names and alphabetic codes, '|'-separated */
    int m49[3];          /* numeric codes, 0-terminated (-1 for none); the world's 0 is written as -2 */
} place_row;

#define NO_M49 {-1, -1, -1}
static const place_row rows[] = {
    {{CN_I_PLACE_WORLD, NULL, "World"}, "World|W00|WLD|Wld|World total", {-2, -1, -1}},
    /* regions and aggregates */
    {{CN_I_PLACE_REGION, "region-eu", "European Union"},
     "European Union|EU|EU-27|EU27|EU-28|EU28|EUR|EUU|EU-27 (from 2020)|EU-28 (until 2020)", {97, -1, -1}},
    {{CN_I_PLACE_REGION, "region-europe", "Europe"}, "Europe", NO_M49},
    {{CN_I_PLACE_REGION, "region-africa", "Africa"}, "Africa", NO_M49},
    {{CN_I_PLACE_REGION, "region-asia", "Asia"}, "Asia", NO_M49},
    {{CN_I_PLACE_REGION, "region-americas", "Americas"}, "Americas|America", NO_M49},
    {{CN_I_PLACE_REGION, "region-north-america", "North America"}, "North America", NO_M49},
    {{CN_I_PLACE_REGION, "region-south-america", "South America"}, "South America|Latin America", NO_M49},
    {{CN_I_PLACE_REGION, "region-oceania", "Oceania"}, "Oceania", NO_M49},
    {{CN_I_PLACE_REGION, "region-middle-east", "Middle East"}, "Middle East", NO_M49},
    {{CN_I_PLACE_REGION, "region-central-america", "Central America"}, "Central America", NO_M49},
    {{CN_I_PLACE_REGION, "region-caribbean", "Caribbean"}, "Caribbean", NO_M49},
    {{CN_I_PLACE_REGION, "region-western-europe", "Western Europe"}, "Western Europe", NO_M49},
    {{CN_I_PLACE_REGION, "region-eastern-europe", "Eastern Europe"}, "Eastern Europe", NO_M49},
    /* as USGS prints them among import sources (without "nes": Comtrade's "Other Asia, nes" is Taiwan) */
    {{CN_I_PLACE_REGION, "region-other-asia", "Other Asia"}, "Other Asia", NO_M49},
    {{CN_I_PLACE_REGION, "region-other-europe", "Other Europe"}, "Other Europe", NO_M49},
    {{CN_I_PLACE_REGION, "region-other-africa", "Other Africa"}, "Other Africa", NO_M49},
    {{CN_I_PLACE_REGION, "region-other", "Other countries"},
     "Other countries|Other|Others|Other sources|All other|Rest of world|Rest of the world|ROW", NO_M49},
    {{CN_I_PLACE_REGION, "region-areas-nes", "Areas not elsewhere specified"},
     "Areas n.e.s.|Areas, nes|Areas nes|Areas not elsewhere specified|Area not specified|Areas not specified|"
     "ANS|_X|X2",
     {899, -1, -1}},
    {{CN_I_PLACE_REGION, "region-bunkers", "Bunkers"}, "Bunkers|Ship stores and bunkers|XX|_B", {837, -1, -1}},
    {{CN_I_PLACE_REGION, "region-free-zones", "Free zones"}, "Free zones|Free Zones|XZ", {838, -1, -1}},
    {{CN_I_PLACE_REGION, "region-special-categories", "Special categories"}, "Special categories|X1",
     {839, -1, -1}},
    {{CN_I_PLACE_REGION, "region-europe-nes", "Europe, not elsewhere specified"},
     "Other Europe, nes|Other Europe nes|Other Europe, n.e.s.|Europe, nes|Europe nes|R91", {568, 492, -1}},
    {{CN_I_PLACE_REGION, "region-africa-nes", "Africa, not elsewhere specified"},
     "Other Africa, nes|Other Africa nes|Other Africa, n.e.s.|Africa, nes|Africa nes|F19", {577, 290, -1}},
    {{CN_I_PLACE_REGION, "region-america-nes", "America, not elsewhere specified"},
     "Rest of America, nes|Rest of America nes|Other America, nes|America, nes|R29", {636, -1, -1}},
    {{CN_I_PLACE_REGION, "region-oceania-nes", "Oceania, not elsewhere specified"}, "Oceania, nes|Oceania nes|R59",
     {527, -1, -1}},
    {{CN_I_PLACE_REGION, "region-asia-nes", "Western Asia, not elsewhere specified"}, "Western Asia, nes|R79",
     {879, -1, -1}},
    {{CN_I_PLACE_REGION, "region-asean", "ASEAN"}, "ASEAN|R4", {975, -1, -1}},
    {{CN_I_PLACE_REGION, "region-efta-nes", "Europe EFTA, not elsewhere specified"},
     "Europe EFTA, nes|Europe EFTA nes|Europe EFTA, not elsewhere specified|R20", {697, -1, -1}},
    /* historical countries: ISO 3166-3 alpha-3 (Debian iso-codes iso_3166-3.json); BLX: UN Comtrade's code */
    {{CN_I_PLACE_HISTORICAL, "SUN", "USSR"},
     "USSR|Former USSR|Fmr USSR|Soviet Union|Union of Soviet Socialist Republics|SUN", {810, -1, -1}},
    {{CN_I_PLACE_HISTORICAL, "YUG", "Yugoslavia"},
     "Yugoslavia|Fmr Yugoslavia|Former Yugoslavia|Socialist Federal Republic of Yugoslavia|YUG", {890, -1, -1}},
    {{CN_I_PLACE_HISTORICAL, "CSK", "Czechoslovakia"}, "Czechoslovakia|Fmr Czechoslovakia|CSK", {200, -1, -1}},
    {{CN_I_PLACE_HISTORICAL, "SCG", "Serbia and Montenegro"}, "Serbia and Montenegro|SCG", {891, -1, -1}},
    {{CN_I_PLACE_HISTORICAL, "ANT", "Netherlands Antilles"}, "Netherlands Antilles|Neth. Antilles|ANT",
     {530, -1, -1}},
    {{CN_I_PLACE_HISTORICAL, "BLX", "Belgium-Luxembourg"}, "Belgium-Luxembourg|Belgium-Lux.|BLX", {58, -1, -1}},
    {{CN_I_PLACE_HISTORICAL, "DDR", "German Democratic Republic"},
     "German Democratic Republic|Fmr Dem. Rep. of Germany|East Germany|DDR", {278, -1, -1}},
};
#define NROWS (sizeof rows / sizeof rows[0])

/* whether name equals alias[0..len) ignoring case and runs of spaces (and spaces at either end) */
static int same_name(const char *name, const char *alias, size_t len)
{
    const char *a = alias, *end = alias + len;
    while (*name == ' ')
        name++;
    while (*name && a < end) {
        if (*name == ' ' && *a == ' ') {
            while (*name == ' ')
                name++;
            a++;
            continue;
        }
        if (tolower((unsigned char)*name) != tolower((unsigned char)*a))
            return 0;
        name++;
        a++;
    }
    while (*name == ' ')
        name++;
    return !*name && a == end;
}

const cn_i_place *cn_i_place_by_name(const char *name)
{
    if (!name || !*name)
        return NULL;
    for (size_t i = 0; i < NROWS; i++) {
        const char *p = rows[i].aliases;
        while (*p) {
            const char *bar = strchr(p, '|');
            size_t len = bar ? (size_t)(bar - p) : strlen(p);
            if (same_name(name, p, len))
                return &rows[i].p;
            p += len + (bar ? 1 : 0);
        }
    }
    return NULL;
}

const cn_i_place *cn_i_place_by_m49(int code)
{
    for (size_t i = 0; i < NROWS; i++)
        for (size_t k = 0; k < 3 && rows[i].m49[k] != -1; k++)
            if (rows[i].m49[k] == (code == 0 ? -2 : code))
                return &rows[i].p;
    return NULL;
}

const cn_i_place *cn_i_place_by_id(const char *id)
{
    for (size_t i = 0; id && i < NROWS; i++)
        if (rows[i].p.id && strcmp(rows[i].p.id, id) == 0)
            return &rows[i].p;
    return NULL;
}
