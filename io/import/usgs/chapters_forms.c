/* io/import/usgs/chapters_forms.c: the MCS 2026 chapter tables' labels -> mineral ids and headline groups through
 * datasets/forms.csv (forms.c), the rows whose label does not say their form, how each world table is read, and
 * the faults no table shows (docs/usgs.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/usgs/chapters_i.h"

/* Mineral ids and headline groups are datasets/forms.csv's (forms.c): kind mcs2026, label = the chapter slug
 * (a chapter whose id is not its slug with '-' -> '_') or "slug/category" (an import category or NIR label whose
 * id is not the chapter's), and kind mcs2026_group, label "slug/category", the headline group of each mineral
 * (a mineral with one group needs none). What stays here is how the faulty records are read (ARTEFACTS.md). */

const char *cn_i_ch_chapter_id(const char *slug, char *buf, size_t cap)
{
    const cn_i_form *f = cn_i_form_label(CN_I_FORM_MCS2026, slug, 2026);
    snprintf(buf, cap, "%s", f ? f->id : slug);
    if (!f)
        for (char *p = buf; *p; p++)
            if (*p == '-')
                *p = '_';
    return buf;
}

/* Rows whose label does not say their form (ARTEFACTS.md): NIR rows of two stacked sub-tables with the same
 * labels, matched by row index ("#ROW"), read as the label of their form (as); and the basis printed where it
 * is not the category or label as printed (NULL: as printed). */
static const struct artefact {
    const char *slug;
    char kind;
    const char *match, *as, *basis;
} artefacts[] = {
    /* two stacked salient sub-tables without headers: by position, bort/grit/dust/powder, then stones */
    {"diamond", 'N', "#7", "Bort, grit, and dust and powder; natural and synthetic",
     "Bort, grit, and dust and powder; natural and synthetic"},
    {"diamond", 'N', "#13", "Stones, primarily natural", "Stones, primarily natural"},
    /* the Employment value "Small" merged into the NIR label: no basis */
    {"rhenium", 'N', "Small Net import reliance as a percentage of apparent consumption", NULL, ""},
    /* two stacked salient sub-tables: sponge metal (rows 1-9), TiO2 pigment (rows 10-16); "TiO" lost its 2 */
    {"titanium", 'I', "TiO pigment", NULL, "TiO2 pigment"},
    {"titanium", 'N', "#16", "TiO pigment", NULL},
};

int cn_i_ch_form_of(const char *slug, char kind, const char *match, long row, cn_i_ch_form *out)
{
    out->id = out->basis = NULL;
    out->headline = 0;
    const char *label = match;
    int hit = 0;
    for (size_t i = 0; i < sizeof artefacts / sizeof artefacts[0]; i++) {
        const struct artefact *a = &artefacts[i];
        if (a->kind == kind && strcmp(a->slug, slug) == 0 &&
            (strcmp(a->match, match) == 0 || (kind == 'N' && a->match[0] == '#' && strtol(a->match + 1, NULL, 10) == row))) {
            label = a->as ? a->as : match;
            out->basis = a->basis;
            hit = 1;
            break;
        }
    }
    char key[512];
    snprintf(key, sizeof key, "%s/%s", slug, label);
    const cn_i_form *f = cn_i_form_label(CN_I_FORM_MCS2026, key, 2026);
    if (f)
        out->id = f->id;
    out->headline = cn_i_form_label(CN_I_FORM_MCS2026_GROUP, key, 2026) != NULL;
    return hit || f || out->headline;
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
