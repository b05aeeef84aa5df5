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
static void count_warn(void *ctx, const char *msg)
{
    (void)ctx;
    (void)msg;
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
    e = E(CN_EDGE_PRODUCES, "USA", "titanium_minerals:rutile", 2023);
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
     * headline series, platinum pgm:platinum; Russia 92,000 kg of 210,000 kg */
    e = E(CN_EDGE_PRODUCES, "RUS", "pgm", 2023);
    CHECK(e && e->quantity == 92000 && strcmp(e->unit, "kg") == 0);
    CHECK_NEAR(e ? e->share : NAN, 92000.0 / 210000.0, 1e-12);
    e = E(CN_EDGE_PRODUCES, "ZAF", "pgm:platinum", 2023);
    CHECK_NEAR(e ? e->share : NAN, 120000.0 / 180000.0, 1e-12);
    /* stages: bauxite mine is the plain id, alumina the refinery stage; copper likewise */
    e = E(CN_EDGE_PRODUCES, "AUS", "bauxite", 2023);
    CHECK(e != NULL);
    CHECK(cn_net_find(net, "bauxite:refinery") >= 0 && cn_net_find(net, "copper:refinery") >= 0);
    e = edge(net, CN_EDGE_RELIES, "USA", "bauxite:refinery", 2023, CN_F_PRIMARY); /* ALUMINA 59 */
    CHECK_NEAR(e ? e->share : NAN, 0.59, 1e-12);
    /* the upper-case file name MCS2024-bismu_world.csv is read: China 16,000 t of 20,000 t (T5: 80%) */
    e = E(CN_EDGE_PRODUCES, "CHN", "bismuth", 2023);
    CHECK_NEAR(e ? e->share : NAN, 0.8, 1e-12);
    /* lists: 35 on the 2018 list; the T5 minerals (31 rows) on the 2022 list */
    int l18 = 0, l22 = 0;
    for (int32_t v = 0; v < net->nvertices; v++) {
        l18 += (net->vertices[v].lists & CN_LIST_2018) != 0;
        l22 += (net->vertices[v].lists & CN_LIST_2022) != 0;
    }
    CHECK(l18 == 35);
    CHECK(l22 == 31);
    /* provenance */
    e = E(CN_EDGE_PRODUCES, "CHN", "rare_earths", 2023);
    const cn_source *s = e && e->source >= 0 ? &net->sources[e->source] : NULL;
    CHECK(s && strcmp(s->url, "https://doi.org/10.5066/P144BA54") == 0 && strcmp(s->edition, "MCS 2024") == 0);
    /* skipped on purpose and reported: cobal/gypsu/kyani "salient" files that hold world tables, the
     * capacity-only abrasives table, ten NIR figures above 100% (feldspar, fluorspar) */
    CHECK(nwarn == 14);
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

    /* an unknown country is an error naming file:line, never dropped */
    CHECK(mkdtemp(strcpy(tmpdir, "/tmp/cn_usgs_XXXXXX")) != NULL);
    put("w/mcs2024-tin_world.csv", "Source,Country,Type,Prod_t_2022\nMCS2024,Atlantis,Mine,5\n");
    net = import_tmp(&err);
    CHECK(net == NULL && err.status == CN_EDATA && strstr(err.msg, "mcs2024-tin_world.csv:2: unknown country 'Atlantis'"));
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
