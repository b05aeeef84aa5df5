/* graph/tables_i.h: the country and group tables generated at build time from datasets/iso_3166-1.json and
 * datasets/groups.json (datasets/tools/gen_tables.c, cmake/Tables.cmake); read by countries.c and groups.c. */
#ifndef CN_GRAPH_TABLES_I_H
#define CN_GRAPH_TABLES_I_H

#include <stddef.h>

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

extern const cn_i_country cn_i_countries[];
extern const size_t cn_i_ncountries;
extern const cn_i_country_slot cn_i_country_slots[CN_I_COUNTRY_SLOTS];
extern const cn_i_group cn_i_groups[];
extern const size_t cn_i_ngroups;

#endif
