/* datasets/tools/gen_tables.c: build-time generator: turns datasets/iso_3166-1.json and datasets/groups.json into C
 * tables (graph/tables_i.h) compiled into graph/, so the library parses no JSON for countries and groups. */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tables_i.h" /* the table types and cn_i_country_key/cn_i_country_hash, shared with graph/countries.c */

typedef struct {
    char *key;
    int country;
} slot;

static slot slots[CN_I_COUNTRY_SLOTS];
static size_t nkeys;

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0, k;
    char *buf = malloc(cap + 1);
    while (buf && (k = fread(buf + len, 1, cap - len, f)) > 0) {
        len += k;
        if (len == cap) {
            char *nb = realloc(buf, (cap *= 2) + 1);
            if (!nb)
                free(buf);
            buf = nb;
        }
    }
    fclose(f);
    if (buf)
        buf[len] = '\0';
    return buf;
}

/* s as a C string literal (bytes >= 0x80 as octal escapes, so the output is plain ASCII) */
static void literal(FILE *out, const char *s)
{
    if (!s) {
        fputs("NULL", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7f)
            fprintf(out, "\\%03o", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

static const char *field(const cJSON *obj, const char *name)
{
    return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(obj, name));
}

static int put(const char *name, int country)
{
    char key[256];
    cn_i_country_key(name, key, sizeof key);
    if (!*key)
        return 0;
    size_t j = cn_i_country_hash(key) & (CN_I_COUNTRY_SLOTS - 1);
    while (slots[j].key) {
        if (strcmp(slots[j].key, key) == 0)
            return 0; /* first one wins, as the order of fields below */
        j = (j + 1) & (CN_I_COUNTRY_SLOTS - 1);
    }
    if (2 * ++nkeys > CN_I_COUNTRY_SLOTS) {
        fprintf(stderr, "gen_tables: more than %d country keys: raise CN_I_COUNTRY_SLOTS\n", CN_I_COUNTRY_SLOTS / 2);
        return -1;
    }
    if (!(slots[j].key = malloc(strlen(key) + 1)))
        return -1;
    strcpy(slots[j].key, key);
    slots[j].country = country;
    return 0;
}

static int cmp_alpha3(const void *a, const void *b)
{
    const cJSON *x = *(const cJSON *const *)a, *y = *(const cJSON *const *)b;
    return strcmp(field(x, "alpha_3"), field(y, "alpha_3"));
}

static int countries(const cJSON *root, FILE *out)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "3166-1");
    size_t n = 0, cap = (size_t)cJSON_GetArraySize(arr);
    const cJSON **v = malloc((cap ? cap : 1) * sizeof *v);
    const cJSON *it;
    if (!cJSON_IsArray(arr) || !v) {
        free(v);
        return -1;
    }
    cJSON_ArrayForEach(it, arr) {
        const char *a3 = field(it, "alpha_3");
        if (a3 && strlen(a3) == 3)
            v[n++] = it;
    }
    qsort(v, n, sizeof *v, cmp_alpha3); /* cn_country_name's binary search */
    fprintf(out, "const cn_i_country cn_i_countries[] = {\n");
    for (size_t i = 0; i < n; i++) {
        const char *name = field(v[i], "common_name");
        fprintf(out, "    {\"%s\", ", field(v[i], "alpha_3"));
        literal(out, name ? name : field(v[i], "name") ? field(v[i], "name") : field(v[i], "alpha_3"));
        fprintf(out, "},\n");
    }
    fprintf(out, "};\nconst size_t cn_i_ncountries = %zu;\n\n", n);
    /* the keys in the order the run-time table used: each country's fields, countries in file order */
    cJSON_ArrayForEach(it, arr) {
        const char *a3 = field(it, "alpha_3");
        if (!a3 || strlen(a3) != 3)
            continue;
        int idx = -1;
        for (size_t i = 0; i < n; i++)
            if (v[i] == it)
                idx = (int)i;
        static const char *const fields[] = {"alpha_3", "alpha_2", "name", "common_name", "official_name"};
        for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
            const char *s = field(it, fields[f]);
            if (s && put(s, idx)) {
                free(v);
                return -1;
            }
        }
    }
    free(v);
    fprintf(out, "const cn_i_country_slot cn_i_country_slots[CN_I_COUNTRY_SLOTS] = {\n");
    for (size_t j = 0; j < CN_I_COUNTRY_SLOTS; j++) {
        if (!slots[j].key)
            continue;
        fprintf(out, "    [%zu] = {", j);
        literal(out, slots[j].key);
        fprintf(out, ", %d},\n", slots[j].country);
        free(slots[j].key);
    }
    fprintf(out, "};\n\n");
    return 0;
}

static int groups(const cJSON *root, FILE *out)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "groups"), *g, *m;
    size_t ng = 0;
    if (!cJSON_IsArray(arr))
        return -1;
    cJSON_ArrayForEach(g, arr) {
        fprintf(out, "static const char *const members_%zu[] = {", ng++);
        size_t k = 0;
        cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(g, "members")) {
            if (cJSON_GetStringValue(m)) {
                fputs(k++ ? ", " : "", out);
                literal(out, cJSON_GetStringValue(m));
            }
        }
        fprintf(out, "%s};\n", k ? "" : "NULL");
    }
    fprintf(out, "\nconst cn_i_group cn_i_groups[] = {\n");
    size_t i = 0;
    cJSON_ArrayForEach(g, arr) {
        size_t k = 0;
        cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(g, "members")) k += cJSON_GetStringValue(m) != NULL;
        static const char *const fields[] = {"id", "name", "as_of", "source"};
        fputs("    {", out);
        for (size_t f = 0; f < 4; f++) {
            literal(out, field(g, fields[f]));
            fputs(", ", out);
        }
        fprintf(out, "members_%zu, %zu},\n", i++, k);
    }
    fprintf(out, "};\nconst size_t cn_i_ngroups = %zu;\n", ng);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: gen_tables ISO_3166-1.JSON GROUPS.JSON OUT.c\n");
        return 64;
    }
    char *iso = read_file(argv[1]), *grp = read_file(argv[2]);
    cJSON *iso_root = iso ? cJSON_Parse(iso) : NULL, *grp_root = grp ? cJSON_Parse(grp) : NULL;
    FILE *out = iso_root && grp_root ? fopen(argv[3], "w") : NULL;
    int rc = 1;
    if (out) {
        fprintf(out, "/* generated by datasets/tools/gen_tables.c from datasets/iso_3166-1.json and "
                     "datasets/groups.json: do not edit */\n#include \"tables_i.h\"\n\n");
        rc = countries(iso_root, out) || groups(grp_root, out);
        rc |= fclose(out) != 0;
    }
    if (rc) {
        fprintf(stderr, "gen_tables: cannot make %s from %s and %s\n", argv[3], argv[1], argv[2]);
        remove(argv[3]);
    }
    cJSON_Delete(iso_root);
    cJSON_Delete(grp_root);
    free(iso);
    free(grp);
    return rc;
}
