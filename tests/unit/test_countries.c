/* Country lookups (graph/countries.c over the tables generated from datasets/iso_3166-1.json) and group
 * expansion (graph/groups.c over datasets/groups.json): expected values read off those files by hand. */
#include <stdlib.h>

#include "critnet/countries.h"
#include "harness.h"
#include "tables_i.h" /* graph/: the generated tables */

int main(void)
{
    /* iso_3166-1.json: {"alpha_2": "DE", "alpha_3": "DEU", "name": "Germany",
     *                   "official_name": "Federal Republic of Germany"} */
    CHECK_STR(cn_country_iso3("Germany"), "DEU");
    CHECK_STR(cn_country_iso3("DE"), "DEU");
    CHECK_STR(cn_country_iso3("de"), "DEU");
    CHECK_STR(cn_country_iso3("DEU"), "DEU");
    CHECK_STR(cn_country_iso3("Federal Republic of Germany"), "DEU");
    CHECK_STR(cn_country_iso3("  federal   REPUBLIC of germany "), "DEU"); /* case and spaces ignored */
    CHECK_STR(cn_country_name("DEU"), "Germany");
    /* {"alpha_2": "KR", "alpha_3": "KOR", "common_name": "South Korea", "name": "Korea, Republic of"}:
     * the display name is common_name */
    CHECK_STR(cn_country_iso3("Korea, Republic of"), "KOR");
    CHECK_STR(cn_country_iso3("South Korea"), "KOR");
    CHECK_STR(cn_country_iso3("KR"), "KOR");
    CHECK_STR(cn_country_name("KOR"), "South Korea");
    /* {"alpha_2": "AX", "alpha_3": "ALA", "name": "Åland Islands"}: UTF-8 compared as written */
    CHECK_STR(cn_country_iso3("\xC3\x85land Islands"), "ALA");
    CHECK_STR(cn_country_name("ALA"), "\xC3\x85land Islands");
    /* {"alpha_2": "CZ", "alpha_3": "CZE", "name": "Czechia", "official_name": "Czech Republic"} */
    CHECK_STR(cn_country_iso3("Czechia"), "CZE");
    CHECK_STR(cn_country_iso3("Czech Republic"), "CZE");
    /* first and last entries of the file */
    CHECK_STR(cn_country_iso3("Aruba"), "ABW");
    CHECK_STR(cn_country_iso3("ZW"), "ZWE");
    CHECK_STR(cn_country_name("ZWE"), "Zimbabwe");

    /* aliases (graph/countries.c), not in iso-codes */
    CHECK_STR(cn_country_iso3("Burma"), "MMR");
    CHECK_STR(cn_country_iso3("Congo (Kinshasa)"), "COD");
    CHECK_STR(cn_country_iso3("dem. rep. of the congo"), "COD");
    CHECK_STR(cn_country_iso3("C\xC3\xB4te d\xE2\x80\x99Ivoire"), "CIV"); /* curly apostrophe */
    CHECK_STR(cn_country_iso3("Other Asia, nes"), "TWN");
    CHECK_STR(cn_country_iso3("U.S."), "USA");
    /* Kosovo: no ISO entry; XKX by its name only */
    CHECK_STR(cn_country_iso3("Kosovo"), "XKX");
    CHECK_STR(cn_country_name("XKX"), "Kosovo");
    CHECK(cn_country_iso3("XKX") == NULL);

    /* every generated key is found where the generator put it: its hash and normalisation match the
     * library's (datasets/tools/gen_tables.c, graph/countries.c) */
    size_t keys = 0, found = 0;
    for (size_t j = 0; j < CN_I_COUNTRY_SLOTS; j++)
        if (cn_i_country_slots[j].key) {
            keys++;
            found += cn_country_iso3(cn_i_country_slots[j].key) == cn_i_countries[cn_i_country_slots[j].country].iso3;
        }
    CHECK(keys > 3 * 249 && found == keys); /* 249 countries with alpha-3, alpha-2 and name at least */
    CHECK(cn_i_ncountries == 249);

    /* unknown */
    CHECK(cn_country_iso3("Atlantis") == NULL);
    CHECK(cn_country_iso3("") == NULL);
    CHECK(cn_country_iso3("   ") == NULL);
    CHECK(cn_country_iso3(NULL) == NULL);
    CHECK(cn_country_name("ZZZ") == NULL);
    CHECK(cn_country_name("deu") == NULL); /* codes are upper case */
    CHECK(cn_country_name(NULL) == NULL);

    /* groups.json: g7 = CAN FRA DEU ITA JPN GBR USA; usmca = CAN MEX USA */
    char **v = NULL;
    size_t n = 0;
    cn_error err = {0};
    CHECK(cn_alliance_expand("AUS, @g7,@usmca , USA", &v, &n, &err) == CN_OK);
    static const char *const want[] = {"AUS", "CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA", "MEX"};
    CHECK(n == 9);
    for (size_t i = 0; i < n && i < 9; i++)
        CHECK_STR(v[i], want[i]);
    cn_strv_free(v, n);
    CHECK(cn_alliance_expand("USA,@nope", &v, &n, &err) == CN_EUSAGE);
    CHECK(v == NULL && n == 0);
    CHECK(strstr(err.msg, "@nope") != NULL);
    CHECK(cn_alliance_expand("USA,,CAN", &v, &n, &err) == CN_EUSAGE);
    CHECK(cn_alliance_expand("@", &v, &n, &err) == CN_EUSAGE);

    char *d = NULL;
    CHECK(cn_groups_describe(&d, &err) == CN_OK);
    CHECK(d && strstr(d, "  @g7       Group of Seven (as of 2024; https://en.wikipedia.org/wiki/Group_of_Seven): "
                         "CAN FRA DEU ITA JPN GBR USA\n") == d);
    CHECK(d && strstr(d, "  @usmca    United States-Mexico-Canada Agreement") != NULL);
    free(d);
    return cn_test_done();
}
