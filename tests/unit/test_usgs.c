/* tests/unit/test_usgs.c: the USGS MCS importer on the real 2024 release (datasets/usgs-mcs2024) and on
 * small synthetic releases for the quirks the real one lacks. Expected values are read off the CSVs by hand. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "critnet/critnet.h"
#include "harness.h"

static int nwarn;
static char warned[16384]; /* every warning, one per line */
static void count_warn(void *ctx, const char *msg)
{
    (void)ctx;
    size_t n = strlen(warned);
    snprintf(warned + n, sizeof warned - n, "%s\n", msg);
    nwarn++;
}

/* the edge of kind k from country (an id, or "*world*"/"*other*") to mineral in year (0 = any) */
static const cn_edge *edge(const cn_net *n, cn_edge_kind k, const char *country, const char *mineral, int year,
                           unsigned must_flags)
{
    int32_t m = cn_net_find(n, mineral);
    int32_t c = strcmp(country, "*world*") == 0 ? CN_WORLD
                : strcmp(country, "*other*") == 0 ? CN_OTHER : cn_net_find(n, country);
    for (int32_t i = 0; i < n->nedges; i++) {
        const cn_edge *e = &n->edges[i];
        if (e->kind == k && e->mineral == m && e->country == c && (!year || e->year == year) &&
            (e->flags & must_flags) == must_flags)
            return e;
    }
    return NULL;
}

#define E(k, c, m, y) edge(net, k, c, m, y, 0)

static void real_release(void)
{
    cn_net *net = NULL;
    cn_error err = {0};
    nwarn = 0;
    warned[0] = '\0';
    cn_status st = cn_import_usgs_mcs_ex("../datasets/usgs-mcs2024", count_warn, NULL, &net, &err);
    CHECK(st == CN_OK);
    if (st) {
        fprintf(stderr, "%s\n", err.msg);
        return;
    }
    const cn_edge *e;
    /* rare earths, mine production 2023 (Prod_t_est_2023): China 240,000 t of a 350,000 t world total */
    e = E(CN_EDGE_PRODUCES, "CHN", "rare_earths", 2023);
    CHECK(e && e->quantity == 240000 && strcmp(e->unit, "t") == 0);
    CHECK(e && (e->flags & CN_F_ESTIMATED));
    CHECK_NEAR(e ? e->share : NAN, 240000.0 / 350000.0, 1e-12); /* 0.6857 */
    CHECK(e && e->reserves == 44000000);
    e = E(CN_EDGE_PRODUCES, "*world*", "rare_earths", 2023);
    CHECK(e && e->quantity == 350000 && isnan(e->share));
    /* Burma (USGS spelling): 38,000 t in 2023, reserves NA -> unknown, not zero */
    e = E(CN_EDGE_PRODUCES, "MMR", "rare_earths", 2023);
    CHECK(e && e->quantity == 38000 && isnan(e->reserves));
    /* 2022 too: 210,000 of 300,000 */
    e = E(CN_EDGE_PRODUCES, "CHN", "rare_earths", 2022);
    CHECK_NEAR(e ? e->share : NAN, 0.7, 1e-12);
    /* trailing empty columns and 21 empty rows: 15 countries + world per year, nothing more */
    int n23 = 0;
    for (int32_t i = 0; i < net->nedges; i++)
        n23 += net->edges[i].kind == CN_EDGE_PRODUCES && net->edges[i].mineral == cn_net_find(net, "rare_earths") &&
               net->edges[i].year == 2023;
    CHECK(n23 == 16);

    /* reliance 2023 from Fig2: ">95", bounds .95..1, the headline (primary) figure */
    e = edge(net, CN_EDGE_RELIES, "USA", "rare_earths", 2023, CN_F_PRIMARY);
    CHECK(e && e->text && strcmp(e->text, ">95") == 0 && e->lo == 0.95 && e->hi == 1.0 && isnan(e->share));
    CHECK(e && e->basis && strcmp(e->basis, "compounds and metals") == 0);
    /* import sources in descending order: China, Malaysia, Japan, Estonia; share unknown */
    e = E(CN_EDGE_SUPPLIES, "CHN", "rare_earths", 0);
    CHECK(e && e->rank == 1 && isnan(e->share) && e->period && strcmp(e->period, "2019-22") == 0);
    e = E(CN_EDGE_SUPPLIES, "EST", "rare_earths", 0);
    CHECK(e && e->rank == 4);
    /* "<50": silicon; "E" (net exporter): beryllium 2023 in its salient table; per-year series: 2021 = 11 */
    e = edge(net, CN_EDGE_RELIES, "USA", "silicon", 2023, CN_F_PRIMARY);
    CHECK(e && e->lo == 0.0 && e->hi == 0.5 && strcmp(e->text, "<50") == 0);
    e = E(CN_EDGE_RELIES, "USA", "beryllium", 2023);
    CHECK(e && (e->flags & CN_F_NET_EXPORTER) && isnan(e->share));
    e = E(CN_EDGE_RELIES, "USA", "beryllium", 2021);
    CHECK_NEAR(e ? e->share : NAN, 0.11, 1e-12);
    /* "Republic of Korea" is indium's first source */
    e = E(CN_EDGE_SUPPLIES, "KOR", "indium", 0);
    CHECK(e && e->rank == 1);

    /* cobalt: Congo (Kinshasa) 170,000 of 230,000 (T5 prints 74%); "New Caledonia11" (footnote) -> NCL;
     * "Other countries" is the residual, never a country; reserves note has commas inside quotes */
    e = E(CN_EDGE_PRODUCES, "COD", "cobalt", 2023);
    CHECK_NEAR(e ? e->share : NAN, 170000.0 / 230000.0, 1e-12);
    CHECK(e && e->reserves == 6000000);
    e = E(CN_EDGE_PRODUCES, "NCL", "cobalt", 2023);
    CHECK(e && e->quantity == 3000);
    e = E(CN_EDGE_PRODUCES, "*other*", "cobalt", 2023);
    CHECK_NEAR(e ? e->share : NAN, 6600.0 / 230000.0, 1e-12);
    /* W: U.S. barite is withheld -> flag, quantity unknown (never 0) */
    e = E(CN_EDGE_PRODUCES, "USA", "barite", 2022);
    CHECK(e && (e->flags & CN_F_WITHHELD) && isnan(e->quantity) && isnan(e->share));
    /* NA: dimension stone, other countries */
    e = E(CN_EDGE_PRODUCES, "*other*", "dimension_stone", 2023);
    CHECK(e && (e->flags & CN_F_NA) && isnan(e->quantity));
    /* XX (not applicable): boron's world total is XX in both years -> no world edge */
    CHECK(E(CN_EDGE_PRODUCES, "*world*", "boron", 2023) == NULL && E(CN_EDGE_PRODUCES, "TUR", "boron", 2023) != NULL);
    /* "included with ilmenite": U.S. rutile has no figure of its own: not available, printed form kept */
    e = E(CN_EDGE_PRODUCES, "USA", "titanium:rutile", 2023);
    CHECK(e && (e->flags & CN_F_NA) && isnan(e->quantity) && e->text && strcmp(e->text, "included with ilmenite") == 0);
    /* "8,100" (quoted thousands) and "Korea, North": graphite 2022 */
    e = E(CN_EDGE_PRODUCES, "PRK", "graphite", 2022);
    CHECK(e && e->quantity == 8100);
    /* "Less than ½ unit.": helium, South Africa 2023: no number, marked */
    e = E(CN_EDGE_PRODUCES, "ZAF", "helium", 2023);
    CHECK(e && isnan(e->quantity) && e->text && strstr(e->text, "less than"));
    /* "e3,900": an estimate mark before the number (industrial sand 2022, Prod_kt_2022) */
    int est_found = 0;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *x = &net->edges[i];
        if (x->kind == CN_EDGE_PRODUCES && x->mineral == cn_net_find(net, "industrial_sand") && x->year == 2022 &&
            x->quantity == 3900 && (x->flags & CN_F_ESTIMATED))
            est_found = 1;
    }
    CHECK(est_found);
    /* units: molybdenum is Prod_t but Reserves_kt: U.S. reserves 3,500 kt -> 3,500,000 t */
    e = E(CN_EDGE_PRODUCES, "USA", "molybdenum", 2023);
    CHECK(e && e->quantity == 34000 && e->reserves == 3500000 && strcmp(e->unit, "t") == 0);
    e = E(CN_EDGE_PRODUCES, "USA", "diamond", 2023);
    CHECK(e && strcmp(e->unit, "Mct") == 0);
    /* " Mine production: Palladium" (leading space) and "Russiae" (footnote letter): palladium is pgm's
     * headline form (pgm:palladium, datasets/forms.csv), platinum pgm:platinum; Russia 92,000 kg of 210,000 kg */
    e = E(CN_EDGE_PRODUCES, "RUS", "pgm:palladium", 2023);
    CHECK(e && e->quantity == 92000 && strcmp(e->unit, "kg") == 0);
    CHECK_NEAR(e ? e->share : NAN, 92000.0 / 210000.0, 1e-12);
    e = E(CN_EDGE_PRODUCES, "ZAF", "pgm:platinum", 2023);
    CHECK_NEAR(e ? e->share : NAN, 120000.0 / 180000.0, 1e-12);
    /* forms (datasets/forms.csv): the bauxite file's mine series is aluminum:bauxite, its refinery series
     * aluminum:alumina (Fig2 ALUMINA 59); the aluminum file aluminum:metal (Fig2 ALUMINUM 44); copper's
     * refinery series copper:refinery */
    e = E(CN_EDGE_PRODUCES, "AUS", "aluminum:bauxite", 2023);
    CHECK(e != NULL);
    CHECK(cn_net_find(net, "aluminum:alumina") >= 0 && cn_net_find(net, "copper:refinery") >= 0);
    CHECK(cn_net_find(net, "bauxite") < 0 && cn_net_find(net, "aluminum") < 0 && cn_net_find(net, "pgm") < 0);
    e = edge(net, CN_EDGE_RELIES, "USA", "aluminum:metal", 2023, CN_F_PRIMARY);
    CHECK_NEAR(e ? e->share : NAN, 0.44, 1e-12);
    e = edge(net, CN_EDGE_RELIES, "USA", "aluminum:alumina", 2023, CN_F_PRIMARY); /* ALUMINA 59 */
    CHECK_NEAR(e ? e->share : NAN, 0.59, 1e-12);
    /* the upper-case file name MCS2024-bismu_world.csv is read: China 16,000 t of 20,000 t (T5: 80%) */
    e = E(CN_EDGE_PRODUCES, "CHN", "bismuth", 2023);
    CHECK_NEAR(e ? e->share : NAN, 0.8, 1e-12);
    /* lists (datasets/forms.csv): 35 ids on the 2018 list; the 50 names of the 2022 list are 37 ids (the 14
     * lanthanides are the rare-earth group rare_earths) */
    int l18 = 0, l22 = 0;
    for (int32_t v = 0; v < net->nvertices; v++) {
        l18 += (net->vertices[v].lists & CN_LIST_2018) != 0;
        l22 += (net->vertices[v].lists & CN_LIST_2022) != 0;
    }
    CHECK(l18 == 35);
    CHECK(l22 == 37);
    /* provenance */
    e = E(CN_EDGE_PRODUCES, "CHN", "rare_earths", 2023);
    const cn_source *s = e && e->source >= 0 ? &net->sources[e->source] : NULL;
    CHECK(s && strcmp(s->url, "https://doi.org/10.5066/P144BA54") == 0 && strcmp(s->edition, "MCS 2024") == 0);
    /* titanium's forms: sponge metal is the headline (Fig2 "TITANIUM, sponge metal" >95, the 2018 and 2022
     * lists), mineral concentrates another id (Fig2 75; its world figure is the ilmenite + rutile total,
     * 9,200 kt TiO2 in 2023, named producers in titanium:ilmenite / titanium:rutile), TiO2 pigment from the
     * salient table's second NIR column (NIR_Dioxide_pct 2023: "E", a net exporter, hand-read) */
    e = edge(net, CN_EDGE_RELIES, "USA", "titanium:sponge", 2023, CN_F_PRIMARY);
    CHECK(e && e->lo == 0.95 && e->hi == 1.0);
    int32_t ts = cn_net_find(net, "titanium:sponge");
    CHECK(ts >= 0 && (net->vertices[ts].lists & CN_LIST_2018) && (net->vertices[ts].lists & CN_LIST_2022));
    CHECK(ts >= 0 && net->vertices[ts].stage && strcmp(net->vertices[ts].stage, "sponge") == 0);
    e = edge(net, CN_EDGE_RELIES, "USA", "titanium:concentrates", 2023, CN_F_PRIMARY);
    CHECK_NEAR(e ? e->share : NAN, 0.75, 1e-12);
    e = E(CN_EDGE_PRODUCES, "*world*", "titanium:concentrates", 2023);
    CHECK(e && e->quantity == 9200);
    e = E(CN_EDGE_PRODUCES, "CHN", "titanium:ilmenite", 2023);
    CHECK_NEAR(e ? e->share : NAN, 3100.0 / 8600.0, 1e-12);
    CHECK(cn_net_find(net, "titanium") < 0 && cn_net_find(net, "titanium_minerals") < 0);
    e = E(CN_EDGE_RELIES, "USA", "titanium:pigment", 2023);
    CHECK(e && (e->flags & CN_F_NET_EXPORTER));
    /* helium: "United States (extracted from natural gas)" 60 and "United States (from Cliffside Field)" 19
     * (2023, million m3) are one country printed twice: summed, 79 of 170 */
    e = E(CN_EDGE_PRODUCES, "USA", "helium", 2023);
    CHECK(e && e->quantity == 79.0 && e->reserves == 8500 + 52);
    CHECK_NEAR(e ? e->share : NAN, 79.0 / 170.0, 1e-12);
    e = E(CN_EDGE_PRODUCES, "USA", "helium", 2022);
    CHECK(e && e->quantity == 77.0);
    int usa_helium = 0;
    for (int32_t i = 0; i < net->nedges; i++)
        usa_helium += net->edges[i].kind == CN_EDGE_PRODUCES && net->edges[i].country == cn_net_find(net, "USA") &&
                      net->edges[i].mineral == cn_net_find(net, "helium");
    CHECK(usa_helium == 2);
    /* ids with no figure in this release are there, tagged: hafnium (NA), uranium, pgm:iridium */
    int32_t ir = cn_net_find(net, "pgm:iridium");
    CHECK(ir >= 0 && (net->vertices[ir].lists & CN_LIST_2022) && !(net->vertices[ir].lists & CN_LIST_2018));
    CHECK(cn_net_find(net, "uranium") >= 0 && cn_net_find(net, "hafnium") >= 0);
    /* the salient years join Fig. 2's headline (same figure in 2023, mcs2024-antim_salient.csv: 84 86 84 82 for
     * 2020-2023; Fig. 2 "ANTIMONY, metal and oxide" 82): one series, Fig. 2's basis */
    e = E(CN_EDGE_RELIES, "USA", "antimony", 2021);
    CHECK(e && e->share == 0.86 && e->basis && strcmp(e->basis, "metal and oxide") == 0);
    /* zinc: the salient column of Fig. 2's form (NIR_Refined_pct, 2019: 88), not the first (NIR_Ores_pct, E) */
    e = E(CN_EDGE_RELIES, "USA", "zinc", 2019);
    CHECK(e && e->share == 0.88 && !(e->flags & CN_F_NET_EXPORTER) && e->basis && strcmp(e->basis, "refined") == 0);
    /* silicon: "metal and ferrosilicon" is NIR_FeSi2_Si_pct (2019: 40), diamond:stones Stones_NIR_pct (2019: 91) */
    e = E(CN_EDGE_RELIES, "USA", "silicon", 2019);
    CHECK(e && e->share == 0.40);
    e = E(CN_EDGE_RELIES, "USA", "diamond:stones", 2019);
    CHECK(e && e->share == 0.91 && e->basis && strcmp(e->basis, "stones") == 0);
    /* world reserves printed as bounds: nickel ">130,000,000" (and other ">9,100,000"), niobium NA with
     * ">17,000,000" in Reserves_notes */
    e = E(CN_EDGE_PRODUCES, "*world*", "nickel", 2023);
    CHECK(e && e->reserves == 130e6 && (e->flags & CN_F_RESERVES_MIN));
    e = E(CN_EDGE_PRODUCES, "*other*", "nickel", 2023);
    CHECK(e && e->reserves == 9.1e6 && (e->flags & CN_F_RESERVES_MIN));
    e = E(CN_EDGE_PRODUCES, "*world*", "niobium", 2023);
    CHECK(e && e->reserves == 17e6 && (e->flags & CN_F_RESERVES_MIN));
    e = E(CN_EDGE_PRODUCES, "BRA", "niobium", 2023);
    CHECK(e && e->reserves == 16e6 && !(e->flags & CN_F_RESERVES_MIN));
    /* reported on purpose: cobal/gypsu/kyani "salient" files that hold world tables, the capacity-only
     * abrasives table, ten NIR figures above 100% (feldspar, fluorspar), six salient tables with NIR
     * columns of forms the table does not name (abras, felds, quartz, simet, stond, zinc), helium's U.S.
     * printed twice, the 9 CSV tables no reader takes, minerals with reliance but no production figures and
     * the reverse */
    CHECK(nwarn == 24);
    CHECK(strstr(warned, "mcs2024-heliu_world.csv:3: 'United States (from Cliffside Field)' has a second row") != NULL);
    CHECK(strstr(warned, "9 CSV tables of no layout this importer reads") != NULL);
    CHECK(strstr(warned, "MCS2024_Fig1_Minerals_in_Economy.csv") || strstr(warned, ", ...\n"));
    CHECK(strstr(warned, "net import reliance but no world production figures") != NULL);
    CHECK(strstr(warned, "not on the 2022 U.S. list") == NULL);
    cn_net_free(net);
}

/* ---- synthetic releases ---- */

static char tmpdir[64];

static void put(const char *rel, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
    for (char *p = path + strlen(tmpdir) + 1; (p = strchr(p, '/')); p++) {
        *p = '\0';
        mkdir(path, 0700);
        *p = '/';
    }
    FILE *fp = fopen(path, "wb");
    CHECK(fp != NULL);
    if (!fp)
        return;
    fputs(text, fp);
    fclose(fp);
}

static void rm_tree(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    CHECK(system(cmd) == 0);
}

static cn_net *import_tmp(cn_error *err)
{
    cn_net *net = NULL;
    if (cn_import_usgs_mcs(tmpdir, &net, err) != CN_OK)
        return NULL;
    return net;
}

static void synthetic(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/cn_usgs_XXXXXX");
    CHECK(mkdtemp(tmpdir) != NULL);
    /* BOM, CRLF, em dash (zero), Prod_kt with a t column (unit normalised to the first: kt), nested folder,
     * upper-case name, NBSP in a country name, fluorspar-style Type header */
    put("A/B/MCS2030-TIN_WORLD.CSV",
        "\xEF\xBB\xBFSource,Country,\"Mine production, tin\",Prod_kt_2029,Prod_t_est_2030,Prod_notes,Reserves_t\r\n"
        "MCS2030,United\xC2\xA0States,\"Mine production, tin\",\xE2\x80\x94,500,\"a, b\",\"7,900\"\r\n"
        "MCS2030,Bolivia,\"Mine production, tin\",2,1500,,NA\r\n"
        "MCS2030,World total (rounded),\"Mine production, tin\",10,4000,,\r\n"
        ",,,,,,,,\r\n");
    cn_error err = {0};
    cn_net *net = import_tmp(&err);
    CHECK(net != NULL);
    if (!net)
        fprintf(stderr, "%s\n", err.msg);
    if (net) {
        const cn_edge *e = E(CN_EDGE_PRODUCES, "USA", "tin", 2029);
        CHECK(e && e->quantity == 0.0 && strcmp(e->unit, "kt") == 0); /* em dash = zero */
        e = E(CN_EDGE_PRODUCES, "USA", "tin", 2030);
        CHECK(e && e->quantity == 0.5 && e->reserves == 7.9); /* 500 t = 0.5 kt; "7,900" t = 7.9 kt */
        CHECK_NEAR(e ? e->share : NAN, 500.0 / 4000.0, 1e-12);
        e = E(CN_EDGE_PRODUCES, "BOL", "tin", 2030);
        CHECK_NEAR(e ? e->share : NAN, 1500.0 / 4000.0, 1e-12);
        CHECK(strcmp(net->name, "us-mcs2030") == 0);
        cn_net_free(net);
    }
    rm_tree();

    /* an unknown name is kept as an unmapped supplier (code-NAME) with one warning for the import; a region
     * among import sources is a named non-country supplier; --strict (opts.strict) makes the name an error
     * naming file:line */
    CHECK(mkdtemp(strcpy(tmpdir, "/tmp/cn_usgs_XXXXXX")) != NULL);
    put("w/mcs2024-tin_world.csv", "Source,Country,Type,Prod_t_2022\nMCS2024,Atlantis,Mine,5\n"
                                   "MCS2024,Bolivia,Mine,15\nMCS2024,World total,Mine,20\n");
    put("t/MCS2024_Fig2_Net_Import_Reliance.csv",
        "Commodity,Net_Import_Reliance_pct_2023,Major_Import_Sources_2019_2022\n"
        "TIN,74,\"Peru, Europe, Other countries, Narnia\"\n");
    nwarn = 0;
    warned[0] = '\0';
    CHECK(cn_import_usgs_mcs_ex(tmpdir, count_warn, NULL, &net, &err) == CN_OK);
    if (net) {
        const cn_edge *e = E(CN_EDGE_PRODUCES, "code-Atlantis", "tin", 2022);
        CHECK_NEAR(e ? e->share : NAN, 5.0 / 20.0, 1e-12);
        e = E(CN_EDGE_SUPPLIES, "region-europe", "tin", 0);
        CHECK(e && e->rank == 2);
        e = E(CN_EDGE_SUPPLIES, "*other*", "tin", 0);
        CHECK(e && e->rank == 3);
        e = E(CN_EDGE_SUPPLIES, "code-Narnia", "tin", 0);
        CHECK(e && e->rank == 4);
        CHECK(strstr(warned, "2 supplier names are not a country or a known region, kept as unmapped suppliers "
                             "('code-NAME'): 'Narnia', 'Atlantis'") != NULL);
        cn_net_free(net);
    }
    cn_usgs_opts o;
    cn_usgs_opts_init(&o);
    o.strict = 1;
    CHECK(cn_import_usgs_mcs_opts(tmpdir, &o, NULL, NULL, &net, &err) == CN_EDATA && net == NULL);
    CHECK(strstr(err.msg, "MCS2024_Fig2_Net_Import_Reliance.csv:2: unknown country 'Narnia'") != NULL);
    rm_tree();

    /* regions and historical countries are io/import/places.c's (the trade importers' table): "Former USSR"
     * is SUN, "Other Asia2" (footnote mark) region-other-asia named "Other Asia", "Rest of world" the residual */
    CHECK(mkdtemp(strcpy(tmpdir, "/tmp/cn_usgs_XXXXXX")) != NULL);
    put("t/MCS2024_Fig2_Net_Import_Reliance.csv",
        "Commodity,Net_Import_Reliance_pct_2023,Major_Import_Sources_2019_2022\n"
        "TIN,74,\"Peru, Other Asia2, Rest of world, Former USSR\"\n");
    nwarn = 0;
    warned[0] = '\0';
    CHECK(cn_import_usgs_mcs_opts(tmpdir, &o, NULL, NULL, &net, &err) == CN_OK); /* strict: every name known */
    if (net) {
        const cn_edge *e = E(CN_EDGE_SUPPLIES, "region-other-asia", "tin", 0);
        CHECK(e && e->rank == 2);
        int32_t v = cn_net_find(net, "region-other-asia");
        CHECK(v >= 0 && strcmp(net->vertices[v].name, "Other Asia") == 0);
        e = E(CN_EDGE_SUPPLIES, "*other*", "tin", 0);
        CHECK(e && e->rank == 3);
        e = E(CN_EDGE_SUPPLIES, "SUN", "tin", 0);
        CHECK(e && e->rank == 4);
        v = cn_net_find(net, "SUN");
        CHECK(v >= 0 && strcmp(net->vertices[v].name, "USSR") == 0);
        cn_net_free(net);
    } else {
        fprintf(stderr, "%s\n", err.msg);
    }
    rm_tree();

    /* a country printed twice in one world series is summed (shares of the world total), with a warning;
     * a year column 0753 is not a year; '>50%' is a bound as '>50' and prints as published */
    CHECK(mkdtemp(strcpy(tmpdir, "/tmp/cn_usgs_XXXXXX")) != NULL);
    put("w/mcs2030-tin_world.csv", "Source,Country,Type,Prod_t_2029,Reserves_t\n"
                                   "MCS2030,Peru,Mine,10,100\nMCS2030,Bolivia,Mine,30,W\nMCS2030,Peru,Mine,20,50\n"
                                   "MCS2030,World total,Mine,100,\n");
    put("s/mcs2030-tin_salient.csv", "DataSource,Commodity,Year,NIR_pct\nMCS2030,Tin,2029,>50%\n"
                                     "MCS2030,Tin,2028,Less than \xC2\xBD unit.\n");
    nwarn = 0;
    warned[0] = '\0';
    CHECK(cn_import_usgs_mcs_ex(tmpdir, count_warn, NULL, &net, &err) == CN_OK);
    if (net) {
        const cn_edge *e = E(CN_EDGE_PRODUCES, "PER", "tin", 2029);
        CHECK(e && e->quantity == 30.0 && e->reserves == 150.0);
        CHECK_NEAR(e ? e->share : NAN, 0.3, 1e-12);
        int peru = 0;
        for (int32_t i = 0; i < net->nedges; i++)
            peru += net->edges[i].country == cn_net_find(net, "PER");
        CHECK(peru == 1);
        CHECK(strstr(warned, "mcs2030-tin_world.csv:4: 'Peru' has a second row for 'Mine' (first at line 2); "
                             "figures summed") != NULL);
        e = E(CN_EDGE_RELIES, "USA", "tin", 2029);
        CHECK(e && e->lo == 0.5 && e->hi == 1.0 && e->text && strcmp(e->text, ">50") == 0);
        e = E(CN_EDGE_RELIES, "USA", "tin", 2028);
        CHECK(e && e->text && strcmp(e->text, "Less than \xC2\xBD unit") == 0 && e->hi == 0.005);
        cn_net_free(net);
    }
    rm_tree();
    CHECK(mkdtemp(strcpy(tmpdir, "/tmp/cn_usgs_XXXXXX")) != NULL);
    put("w/mcs2030-tin_world.csv", "Source,Country,Type,Prod_t_0753\nMCS2030,Peru,Mine,10\n");
    net = import_tmp(&err);
    CHECK(net == NULL && strstr(err.msg, "mcs2030-tin_world.csv:1: column 'Prod_t_0753': '0753' is not a plausible "
                                         "year") != NULL);
    rm_tree();

    /* Fig2 with "E" and a missing Major_Import_Sources column is fine; bad NIR is an error */
    CHECK(mkdtemp(strcpy(tmpdir, "/tmp/cn_usgs_XXXXXX")) != NULL);
    put("t/MCS2024_Fig2_Net_Import_Reliance.csv", "Commodity,Net_Import_Reliance_pct_2023\nBERYLLIUM,E\nTIN,7x\n");
    net = import_tmp(&err);
    CHECK(net == NULL && strstr(err.msg, "Net_Import_Reliance.csv:3: net import reliance '7x'"));
    rm_tree();

    /* not a folder */
    CHECK(cn_import_usgs_mcs("/nonexistent-usgs", &net, &err) == CN_ENOINPUT);
}

int main(void)
{
    real_release();
    synthetic();
    return cn_test_done();
}
