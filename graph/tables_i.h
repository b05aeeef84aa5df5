/* graph/tables_i.h: the country and group tables generated at build time from datasets/iso_3166-1.json and
 * datasets/groups.json (datasets/tools/gen_tables.c, cmake/Tables.cmake); read by countries.c and groups.c. */
#ifndef CN_GRAPH_TABLES_I_H
#define CN_GRAPH_TABLES_I_H

#include <ctype.h>
#include <stddef.h>
#include <stdint.h>

/* ISO 3166-1 countries with an alpha-3 code, sorted by it. name: common_name, else name. */
typedef struct {
    char iso3[4];
    const char *name;
} cn_i_country;

/* Open-addressing hash of the normalised names (alpha-3, alpha-2, name, common_name, official_name) ->
 * index in cn_i_countries; FNV-1a, linear probing, empty slots have key NULL (graph/countries.c). */
#define CN_I_COUNTRY_SLOTS 2048
typedef struct {
    const char *key;
    int country;
} cn_i_country_slot;

/* A named group of countries; any text field may be NULL when groups.json lacks it. */
typedef struct {
    const char *id, *name, *as_of, *source;
    const char *const *members; /* alpha-3 codes */
    size_t nmembers;
} cn_i_group;

/* The key of a name in cn_i_country_slots: lower-cased, runs of white space collapsed to one space, both ends
 * trimmed, into out (cap bytes). One definition for the generator and the lookups. O(length). */
static inline void cn_i_country_key(const char *s, char *out, size_t cap)
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

/* FNV-1a of a key: its slot is the hash modulo CN_I_COUNTRY_SLOTS, then linear probing. O(length). */
static inline uint64_t cn_i_country_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

extern const cn_i_country cn_i_countries[];
extern const size_t cn_i_ncountries;
extern const cn_i_country_slot cn_i_country_slots[CN_I_COUNTRY_SLOTS];
extern const cn_i_group cn_i_groups[];
extern const size_t cn_i_ngroups;

#endif
