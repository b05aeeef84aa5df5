/* io/countries.c: country names -> ISO 3166-1 alpha-3. The standard table is Debian iso-codes'
 * iso_3166-1.json (embedded, datasets/iso_3166-1.json); the alias table adds the spellings that USGS, BACI and
 * UN Comtrade use. Lookups ignore case, accents are compared as written. Built lazily; single-threaded. */
#include "critnet/countries.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "format/embedded.h"

CN_EMBED_DECLARE(cn_iso3166_json);

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

typedef struct {
    char *key;        /* normalised name */
    const char *iso3; /* points into codes[] */
} entry;

static struct {
    int loaded;
    entry *slots;
    size_t nslots;
    char (*codes)[4];
    char **names;
    size_t ncodes;
} tab;

static void normalise(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    int space = 0;
    while (*s && isspace((unsigned char)*s))
        s++;
    for (; *s && n + 1 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (isspace(c)) {
            space = 1;
            continue;
        }
        if (space && n + 2 < cap)
            out[n++] = ' ';
        space = 0;
        out[n++] = (char)tolower(c);
    }
    out[n] = '\0';
}

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static void put(const char *name, const char *iso3)
{
    char key[256];
    normalise(name, key, sizeof key);
    if (!*key)
        return;
    size_t j = hash(key) & (tab.nslots - 1);
    while (tab.slots[j].key) {
        if (strcmp(tab.slots[j].key, key) == 0)
            return; /* first one wins: the standard table before aliases */
        j = (j + 1) & (tab.nslots - 1);
    }
    tab.slots[j].key = cn_strdup(key);
    tab.slots[j].iso3 = iso3;
}

static const char *code_ptr(const char *iso3)
{
    for (size_t i = 0; i < tab.ncodes; i++)
        if (strcmp(tab.codes[i], iso3) == 0)
            return tab.codes[i];
    return NULL;
}

static void load(void)
{
    tab.loaded = 1;
    cJSON *root = cJSON_ParseWithLength((const char *)cn_iso3166_json, CN_EMBED_SIZE(cn_iso3166_json));
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "3166-1");
    size_t n = (size_t)cJSON_GetArraySize(arr);
    tab.codes = calloc(n + 1, sizeof *tab.codes);
    tab.names = calloc(n + 1, sizeof *tab.names);
    tab.nslots = 4096;
    tab.slots = calloc(tab.nslots, sizeof *tab.slots);
    if (!root || !tab.codes || !tab.names || !tab.slots) {
        cJSON_Delete(root);
        return;
    }
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        const char *a3 = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(it, "alpha_3"));
        if (!a3 || strlen(a3) != 3)
            continue;
        memcpy(tab.codes[tab.ncodes], a3, 4);
        const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(it, "common_name"));
        if (!name)
            name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(it, "name"));
        tab.names[tab.ncodes] = cn_strdup(name ? name : a3);
        tab.ncodes++;
    }
    size_t i = 0;
    cJSON_ArrayForEach(it, arr) {
        const char *a3 = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(it, "alpha_3"));
        if (!a3 || strlen(a3) != 3)
            continue;
        const char *code = tab.codes[i++];
        static const char *const fields[] = {"alpha_3", "alpha_2", "name", "common_name", "official_name"};
        for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
            const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(it, fields[f]));
            if (s)
                put(s, code);
        }
    }
    cJSON_Delete(root);
    /* Kosovo is not in ISO 3166-1; XKX is the code in common use */
    memcpy(tab.codes[tab.ncodes], "XKX", 4);
    tab.names[tab.ncodes++] = cn_strdup("Kosovo");
    for (size_t a = 0; a < sizeof aliases / sizeof aliases[0]; a++) {
        const char *code = code_ptr(aliases[a][1]);
        if (code)
            put(aliases[a][0], code);
    }
}

const char *cn_country_iso3(const char *name)
{
    if (!name)
        return NULL;
    if (!tab.loaded)
        load();
    if (!tab.slots)
        return NULL;
    char key[256];
    normalise(name, key, sizeof key);
    size_t j = hash(key) & (tab.nslots - 1);
    while (tab.slots[j].key) {
        if (strcmp(tab.slots[j].key, key) == 0)
            return tab.slots[j].iso3;
        j = (j + 1) & (tab.nslots - 1);
    }
    return NULL;
}

const char *cn_country_name(const char *iso3)
{
    if (!iso3)
        return NULL;
    if (!tab.loaded)
        load();
    for (size_t i = 0; i < tab.ncodes; i++)
        if (strcmp(tab.codes[i], iso3) == 0)
            return tab.names[i];
    return NULL;
}
