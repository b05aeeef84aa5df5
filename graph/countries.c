/* graph/countries.c: country names -> ISO 3166-1 alpha-3. The standard table is Debian iso-codes'
 * iso_3166-1.json, made into C tables at build time (tables_i.h); the alias table here adds the spellings that
 * USGS, BACI and UN Comtrade use. Lookups ignore case and runs of spaces; accents are compared as written. */
#include "critnet/countries.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tables_i.h"

/* Spellings found in the reference data that iso-codes does not carry. Keep sorted by code. */
static const char *const aliases[][2] = {
    {"Bolivia", "BOL"},
    {"Bosnia and Herzegovina", "BIH"},
    {"Brunei", "BRN"},
    {"Burma", "MMR"},
    {"Cape Verde", "CPV"},
    {"Congo (Brazzaville)", "COG"},
    {"Republic of the Congo", "COG"},
    {"Congo (Kinshasa)", "COD"},
    {"Dem. Rep. of the Congo", "COD"},
    {"Democratic Republic of the Congo", "COD"},
    {"Congo, Democratic Republic of the", "COD"},
    {"Cote d'Ivoire", "CIV"},
    {"C\xC3\xB4te d\xE2\x80\x99Ivoire", "CIV"}, /* USGS: curly apostrophe */
    {"Ivory Coast", "CIV"},
    {"Czech Republic", "CZE"},
    {"Swaziland", "SWZ"},
    {"China, Hong Kong SAR", "HKG"},
    {"Hong Kong", "HKG"},
    {"Iran", "IRN"},
    {"Korea, North", "PRK"},
    {"Dem. People's Rep. of Korea", "PRK"},
    {"Republic of Korea", "KOR"},
    {"Rep. of Korea", "KOR"},
    {"Korea, South", "KOR"},
    {"Korea", "KOR"},
    {"Laos", "LAO"},
    {"Lao People's Dem. Rep.", "LAO"},
    {"China, Macao SAR", "MAC"},
    {"Macau", "MAC"},
    {"Rep. of Moldova", "MDA"},
    {"Macedonia", "MKD"},
    {"TFYR of Macedonia", "MKD"},
    {"Russia", "RUS"},
    {"Syria", "SYR"},
    {"Turkey", "TUR"},
    {"Taiwan", "TWN"},
    {"Other Asia, nes", "TWN"}, /* UN Comtrade / BACI code 490 is Taiwan */
    {"United Rep. of Tanzania", "TZA"},
    {"Tanzania", "TZA"},
    {"United States", "USA"},
    {"USA", "USA"},
    {"U.S.", "USA"},
    {"United States of America", "USA"},
    {"United Kingdom", "GBR"},
    {"Venezuela", "VEN"},
    {"Vietnam", "VNM"},
    {"Viet Nam", "VNM"},
    {"Kosovo", "XKX"}, /* user-assigned code, as the EU and World Bank use */
};


/* Kosovo is not in ISO 3166-1; XKX is the code in common use. Found by its aliases, not by "XKX". */
static const char kosovo[4] = "XKX";

static const cn_i_country *country(const char *iso3)
{
    size_t lo = 0, hi = cn_i_ncountries;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(cn_i_countries[mid].iso3, iso3);
        if (c == 0)
            return &cn_i_countries[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static const char *code_ptr(const char *iso3)
{
    const cn_i_country *c = country(iso3);
    return c ? c->iso3 : strcmp(iso3, kosovo) == 0 ? kosovo : NULL;
}

/* key (normalised) equals the alias s once normalised; aliases are written without doubled spaces */
static int alias_is(const char *key, const char *s)
{
    for (; *key && *s; key++, s++)
        if (*key != (char)tolower((unsigned char)*s))
            return 0;
    return *key == *s;
}

/** Returns the alpha-3 code for a name, an alias, an alpha-2 or alpha-3 code; NULL when unknown. The pointer
 * is to static storage. Time: O(length of name), plus a scan of the alias table when it is not an ISO name. */
const char *cn_country_iso3(const char *name)
{
    if (!name)
        return NULL;
    char key[256];
    cn_i_country_key(name, key, sizeof key);
    if (!*key)
        return NULL;
    size_t j = cn_i_country_hash(key) & (CN_I_COUNTRY_SLOTS - 1);
    while (cn_i_country_slots[j].key) {
        if (strcmp(cn_i_country_slots[j].key, key) == 0)
            return cn_i_countries[cn_i_country_slots[j].country].iso3;
        j = (j + 1) & (CN_I_COUNTRY_SLOTS - 1);
    }
    for (size_t a = 0; a < sizeof aliases / sizeof aliases[0]; a++)
        if (alias_is(key, aliases[a][0]))
            return code_ptr(aliases[a][1]);
    return NULL;
}

/** The short English name of an alpha-3 code (static storage), or NULL. Time: O(log countries). */
const char *cn_country_name(const char *iso3)
{
    if (!iso3)
        return NULL;
    if (strcmp(iso3, kosovo) == 0)
        return "Kosovo";
    const cn_i_country *c = country(iso3);
    return c ? c->name : NULL;
}
