/* io/import/usgs/chapters_forms.c: the MCS 2026 chapter tables' labels -> mineral ids and forms, the headline
 * group of each mineral, how each world table is read, and the faults no table shows (docs/usgs.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/usgs/chapters_i.h"

/* chapter slugs whose id is not the slug with '-' -> '_' (datasets/forms.csv, kind mcs2026, label = the slug),
 * and the names of the ids this importer makes (datasets/forms.csv's name column) */
static const char *const chapter_ids[][2] = {
    {"aluminum", "aluminum:metal"},          {"magnesium", "magnesium:metal"},
    {"phosphate", "phosphate_rock"},         {"platinum-group-metals", "pgm:palladium"},
    {"titanium", "titanium:sponge"},         {"zirconium-and-hafnium", "zirconium"},
};
static const char *const names[][2] = {
    {"aluminum:metal", "Aluminum (metal)"},
    {"magnesium:metal", "Magnesium (metal)"},
    {"titanium:sponge", "Titanium (sponge metal)"},
    {"titanium:pigment", "Titanium (dioxide pigment)"},
    {"pgm:palladium", "Platinum-group metals (palladium)"},
    {"pgm:platinum", "Platinum-group metals (platinum)"},
    {"rare_earths", "Rare earths (compounds and metals)"},
    {"rare_earths:concentrates", "Rare earths (mineral concentrates)"},
    {"copper:refinery", "Copper (refinery)"},
    {"iron_and_steel:raw_steel", "Iron and steel (raw steel)"},
    {"silicon:metal", "Silicon (metal)"},
    {"zirconium", "Zirconium"},
    {"hafnium", "Hafnium"},
};

const char *cn_i_ch_chapter_id(const char *slug, char *buf, size_t cap)
{
    for (size_t i = 0; i < sizeof chapter_ids / sizeof chapter_ids[0]; i++)
        if (strcmp(chapter_ids[i][0], slug) == 0) {
            snprintf(buf, cap, "%s", chapter_ids[i][1]);
            return buf;
        }
    snprintf(buf, cap, "%s", slug);
    for (char *p = buf; *p; p++)
        if (*p == '-')
            *p = '_';
    return buf;
}

const char *cn_i_ch_id_name(const char *id)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i][0], id) == 0)
            return names[i][1];
    return NULL;
}

#define H 1
/* Import categories ('I', as printed) and NIR rows ('N', by label, or "#ROW" where a chapter stacks two
 * sub-tables with the same labels) whose id is not the chapter's (datasets/forms.csv, kind mcs2026, label
 * "slug/category"), and the headline group of each mineral (kind mcs2026_group). A mineral with one group
 * needs no headline rule. Basis NULL = the category or label as printed. */
static const struct rule {
    const char *slug;
    char kind;
    const char *match, *id, *basis;
    int headline;
} rules[] = {
    {"abrasives", 'I', "Total fused aluminum oxide", NULL, NULL, H},
    {"abrasives", 'N', "Fused aluminum oxide", NULL, NULL, H},
    {"antimony", 'I', "Total metal and oxide", NULL, NULL, H},
    {"arsenic", 'I', "All forms of arsenic", NULL, NULL, H},
    {"chromium", 'I', "Total imports", NULL, NULL, H},
    {"copper", 'I', "Refined copper", NULL, NULL, H},
    /* two stacked salient sub-tables without headers: by position, bort/grit/dust/powder, then stones */
    {"diamond", 'I', "Bort, grit, and dust and powder; natural and synthetic", NULL, NULL, H},
    {"diamond", 'N', "#7", NULL, "Bort, grit, and dust and powder; natural and synthetic", H},
    {"diamond", 'N', "#13", NULL, "Stones, primarily natural", 0},
    {"germanium", 'I', "Combined total", NULL, NULL, H},
    {"magnesium", 'I', "Combined total (includes magnesium content of alloys, metal, powder, scrap, sheet, and other)",
     NULL, NULL, H},
    {"manganese", 'I', "Manganese contained in principal manganese imports", NULL, NULL, H},
    {"molybdenum", 'I', "Total", NULL, NULL, H},
    {"nickel", 'I', "Primary nickel", NULL, NULL, H},
    {"niobium", 'I', "Total imports", NULL, NULL, H},
    {"platinum-group-metals", 'I', "Platinum", "pgm:platinum", NULL, 0},
    {"platinum-group-metals", 'N', "Platinum", "pgm:platinum", NULL, 0},
    {"rare-earths", 'N', "Mineral concentrates", "rare_earths:concentrates", NULL, 0},
    {"rhenium", 'I', "Total imports", NULL, NULL, H},
    /* the Employment value "Small" merged into the NIR label: no basis */
    {"rhenium", 'N', "Small Net import reliance as a percentage of apparent consumption", NULL, "", 0},
    {"silicon", 'I', "Total", NULL, NULL, H},
    {"silicon", 'I', "Silicon metal", "silicon:metal", NULL, 0},
    {"silicon", 'N', "Total", NULL, NULL, H},
    {"silicon", 'N', "Silicon metal", "silicon:metal", NULL, 0},
    {"tantalum", 'I', "Total", NULL, NULL, H},
    {"tin", 'I', "Refined tin", NULL, NULL, H},
    /* two stacked salient sub-tables: sponge metal (rows 1-9), TiO2 pigment (rows 10-16); "TiO" lost its 2 */
    {"titanium", 'I', "TiO pigment", "titanium:pigment", "TiO2 pigment", 0},
    {"titanium", 'N', "#16", "titanium:pigment", NULL, 0},
    {"vanadium", 'I', "Total", NULL, NULL, H},
    {"zinc", 'I', "Refined metal", NULL, NULL, H},
    {"zinc", 'N', "Refined zinc", NULL, NULL, H},
    {"zirconium-and-hafnium", 'I', "Zirconium ores and concentrates", NULL, NULL, H},
    {"zirconium-and-hafnium", 'I', "Hafnium, unwrought", "hafnium", NULL, H},
    {"zirconium-and-hafnium", 'I', "Hafnium, wrought", "hafnium", NULL, 0},
    {"zirconium-and-hafnium", 'N', "Hafnium", "hafnium", NULL, 0},
};

int cn_i_ch_form_of(const char *slug, char kind, const char *match, long row, cn_i_ch_form *out)
{
    char byrow[24];
    snprintf(byrow, sizeof byrow, "#%ld", row);
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        const struct rule *r = &rules[i];
        if (r->kind == kind && strcmp(r->slug, slug) == 0 &&
            (strcmp(r->match, match) == 0 || (kind == 'N' && strcmp(r->match, byrow) == 0))) {
            out->id = r->id;
            out->basis = r->basis;
            out->headline = r->headline;
            return 1;
        }
    }
    out->id = out->basis = NULL;
    out->headline = 0;
    return 0;
}

/* world tables read otherwise than "prev/latest = the chapter's production, reserves beside it" */
static const struct wrule {
    const char *slug;
    cn_i_ch_world w;
} wrules[] = {
    {"abrasives", {NULL, NULL, NULL, 0, "the world table holds production capacity, not production: not kept"}},
    {"copper", {"copper:refinery", NULL, "copper", 0,
                "the world table's production columns are refinery output (U.S. 921/850 = salient refinery "
                "primary + secondary), kept as copper:refinery; mine production was not captured; reserves "
                "(of ore) kept on copper"}},
    {"iron-and-steel", {"iron_and_steel", "iron_and_steel:raw_steel", NULL, 0,
                        "world production: pig iron (2024, 2025) as iron_and_steel, raw steel (2025 only; 2024 not "
                        "captured) as iron_and_steel:raw_steel; the record's pig iron + raw steel sum is not used"}},
    {"platinum-group-metals", {"pgm:palladium", "pgm:platinum", NULL, 0,
                               "world production: palladium (2024, 2025), platinum (2025 only; 2024 not captured); "
                               "reserves, of the whole group, not kept (no id for the group in datasets/forms.csv)"}},
    {"silicon", {"silicon", "silicon:metal", "silicon", 0,
                 "world production: ferrosilicon (2024, 2025) as silicon, silicon metal (2025 only; 2024 not "
                 "captured) as silicon:metal"}},
    {"titanium", {"", NULL, NULL, 0,
                  "world table: sponge metal production only; sponge and pigment capacity not captured"}},
    {"molybdenum", {"", NULL, NULL, 0,
                    "world reserves not kept: their column unit was not captured (they read as thousand metric "
                    "tons against production in metric tons, footnote 7)"}},
    {"vanadium", {"", NULL, NULL, 0,
                  "world reserves not kept: their column unit was not captured (they read as thousand metric tons "
                  "against production in metric tons, footnote 11)"}},
    {"zirconium-and-hafnium", {"", NULL, "", 1,
                               "world production without a unit: the column unit was not captured (it reads as "
                               "thousand metric tons, footnote 9); shares of the world total are unaffected"}},
};

void cn_i_ch_world_of(const char *slug, const char *chapter_id, cn_i_ch_world *out)
{
    out->prod_id = chapter_id;
    out->sub_id = NULL;
    out->reserves_id = chapter_id;
    out->unit_unknown = 0;
    out->why = NULL;
    for (size_t i = 0; i < sizeof wrules / sizeof wrules[0]; i++)
        if (strcmp(wrules[i].slug, slug) == 0) {
            *out = wrules[i].w;
            /* "" = the chapter's id */
            if (out->prod_id && !*out->prod_id)
                out->prod_id = chapter_id;
            if (out->reserves_id && !*out->reserves_id)
                out->reserves_id = chapter_id;
        }
}

/* faults of the records that change no figure but a reader should know (ARTEFACTS.md section 3) */
static const char *const faults[][2] = {
    {"cesium", "MCS 2026: the chapter record holds no salient, import or world table (nothing extracted); no "
               "figures"},
    {"rubidium", "MCS 2026: the chapter record holds no salient, import or world table (nothing extracted); no "
                 "figures"},
    {"germanium", "MCS 2026: no world production rows were captured"},
    {"scandium", "MCS 2026: no world production rows were captured; the import list (Japan 89%, China 11%) has "
                 "no residual"},
    {"rhenium", "MCS 2026: the NIR row's label carries the Employment value 'Small' (label merge); the "
                "Employment row is lost"},
    {"beryllium", "MCS 2026: world reserves cells hold prose fragments in the record: reserves unknown"},
    {"bismuth", "MCS 2026: the record's world table has no year columns; read as 2024 and 2025e, the layout "
                "of every MCS 2026 world table"},
    {"boron", "MCS 2026: world production is by product form (country names carry it) without a world total; "
              "reserves not captured"},
    {"magnesium", "MCS 2026: the world table's third column is capacity (not kept); no reserves captured"},
    {"silver", "MCS 2026: the import list's merged entry 'Chile and Turkey' 5% is not assigned to either "
               "country (the list sums to 95%)"},
    {"phosphate", "MCS 2026: the import list holds Peru 99% only (no residual)"},
    {"molybdenum", "MCS 2026: the ore-and-concentrates import list has no residual"},
    {"lead", "MCS 2026: the salient imports section has one row, a label merge ('() Refined metal, unwrought')"},
    {"copper", "MCS 2026: the salient imports section has one row, a label merge ('() Refined')"},
    {"tantalum", "MCS 2026: the salient stockpile row merged into the apparent-consumption label ('NA "
                 "Consumption, apparent')"},
    {"nickel", "MCS 2026: salient import labels carry stray tokens ('20 Primary', subsection '12')"},
};

const char *cn_i_ch_fault(const char *slug, int i)
{
    int k = 0;
    for (size_t j = 0; j < sizeof faults / sizeof faults[0]; j++)
        if (strcmp(faults[j][0], slug) == 0 && k++ == i)
            return faults[j][1];
    return NULL;
}

/* chapters whose footnotes include "Includes Hong Kong." (SOURCE.md): the record does not say which entry
 * carries the marker, so China stays CHN and the mineral's note says so */
static const char *const hong_kong[] = {
    "abrasives", "aluminum", "arsenic", "barite", "bismuth", "chromium", "diamond",
    "fluorspar", "graphite", "indium", "magnesium", "rare-earths", "tantalum", "tungsten",
};

int cn_i_ch_hong_kong(const char *slug)
{
    for (size_t i = 0; i < sizeof hong_kong / sizeof hong_kong[0]; i++)
        if (strcmp(hong_kong[i], slug) == 0)
            return 1;
    return 0;
}

/* The 2018 U.S. list of 35 (83 FR 23295) and the 2022 list of 50 (87 FR 10381) as ids (datasets/forms.csv,
 * kinds list2018 and list2022): the 2022 list's 14 lanthanides are the rare_earths group, as MCS reports
 * them; yttrium and the PGMs have ids of their own. Ids without an MCS 2026 chapter get a vertex without figures. */
static const char *const list2018[] = {
    "aluminum:bauxite", "titanium:sponge", "pgm:palladium", "magnesium:metal", "rare_earths", "uranium",
    "antimony", "arsenic", "barite", "beryllium", "bismuth", "cesium", "chromium", "cobalt", "fluorspar",
    "gallium", "germanium", "graphite", "hafnium", "helium", "indium", "lithium", "manganese", "niobium",
    "potash", "rhenium", "rubidium", "scandium", "strontium", "tantalum", "tellurium", "tin", "tungsten",
    "vanadium", "zirconium",
};
static const char *const list2022[] = {
    "aluminum:bauxite", "titanium:sponge", "pgm:palladium", "pgm:platinum", "pgm:iridium", "pgm:rhodium",
    "pgm:ruthenium", "magnesium:metal", "rare_earths", "antimony", "arsenic", "barite", "beryllium", "bismuth",
    "cesium", "chromium", "cobalt", "fluorspar", "gallium", "germanium", "graphite", "hafnium", "indium",
    "lithium", "manganese", "nickel", "niobium", "rubidium", "scandium", "tantalum", "tellurium", "tin",
    "tungsten", "vanadium", "yttrium", "zinc", "zirconium",
};
/* names of the list ids that have no chapter */
static const char *const list_names[][2] = {
    {"aluminum:bauxite", "Aluminum (bauxite)"}, {"helium", "Helium"}, {"strontium", "Strontium"},
    {"uranium", "Uranium"}, {"yttrium", "Yttrium"}, {"pgm:iridium", "Platinum-group metals (iridium)"},
    {"pgm:rhodium", "Platinum-group metals (rhodium)"}, {"pgm:ruthenium", "Platinum-group metals (ruthenium)"},
};

const char *cn_i_ch_list(int list, size_t i, const char **name)
{
    const char *const *l = list == 2018 ? list2018 : list2022;
    size_t n = list == 2018 ? sizeof list2018 / sizeof list2018[0] : sizeof list2022 / sizeof list2022[0];
    if (i >= n)
        return NULL;
    *name = NULL;
    for (size_t k = 0; k < sizeof list_names / sizeof list_names[0]; k++)
        if (strcmp(list_names[k][0], l[i]) == 0)
            *name = list_names[k][1];
    return l[i];
}
