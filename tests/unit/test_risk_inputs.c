/* tests/unit/test_risk_inputs.c: io/import/risk_inputs.c, the readers of the risk measures' inputs: WGI CSVs (file
 * and memory), parameter CSVs, the EU CRM 2023 tables through the material table; values worked out by hand from
 * the small documents below (docs/risk.md describes the formats), errors with file and line, and nothing of a
 * failed document left in the inputs. */
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include "critnet/risk_io.h"
#include "harness.h"

/* doc as a file in the test's temporary folder; returns its path (static storage) */
static const char *write_tmp(const char *name, const char *doc)
{
    static char path[4][512];
    static int k;
    const char *dir = getenv("TMPDIR");
    char *p = path[k++ % 4];
    snprintf(p, sizeof path[0], "%s/cn_test_risk_inputs_%ld_%s", dir && *dir ? dir : "/tmp", (long)getpid(), name);
    FILE *fp = fopen(p, "w");
    if (!fp || fputs(doc, fp) == EOF || fclose(fp) != 0) {
        fprintf(stderr, "cannot write %s\n", p);
        exit(1);
    }
    return p;
}

static const char MATERIALS[] = "eu_material,stage,critnet_id\n"
                                "Cobalt,E,cobalt\n"
                                "Cobalt,P,cobalt:refinery\n"
                                "Tin,E,tin\n";
/* Cobalt assessed at both stages, Tin at extraction; the second Cobalt row is flagged (shifted columns) */
static const char PARAMS[] = "material,stages_assessed,si_sr,eol_rir_pct,row_quality_flag\n"
                             "Cobalt,E+P,0.98,22,\n"
                             "Cobalt,E,0.5,50,shifted\n"
                             "Tin,E,0.9,31,\n"
                             "Lead,E,1,75,\n";
/* global supply rows kept (any text starting so), EU sourcing ones left out */
static const char TRADE[] = "material,country,trade_parameter_t,stage,supply_scope\n"
                            "Cobalt,China,1.2,processing,global supply (GS)\n"
                            "Cobalt,China,0.8,processing,EU sourcing\n"
                            "Cobalt,DR Congo,1,extraction,global supply (GS)\n";

int main(void)
{
    cn_risk_inputs in = {0};
    cn_error err = {0};

    /* WGI from memory, six indicators: CHN the mean of six, (-1.5 - .4 + .1 - .3 - .1 - .1)/6 = -2.3/6; ZAR (the
     * World Bank's code) is COD, the mean of the four given, (-1 - 2 - 1.5 - 1.5)/4 = -1.5; USA has none: skipped */
    static const char wgi[] = "iso3,year,va,pv,ge,rq,rl,cc\n"
                              "CHN,2022,-1.5,-0.4,0.1,-0.3,-0.1,-0.1\n"
                              "ZAR,2021,-1.0,-2.0,,,-1.5,-1.5\n"
                              "USA,2022,,,,,,\n";
    CHECK(cn_risk_wgi_read_mem(wgi, sizeof wgi - 1, "w.csv", &in, &err) == CN_OK);
    CHECK_INT(in.nwgi, 2);
    if (in.nwgi == 2) {
        CHECK_STR(in.wgi[0].iso3, "CHN");
        CHECK_INT(in.wgi[0].year, 2022);
        CHECK_NEAR(in.wgi[0].mean, -2.3 / 6, 1e-12);
        CHECK_NEAR(in.wgi[0].pv, -0.4, 0);
        CHECK_STR(in.wgi[1].iso3, "COD");
        CHECK_NEAR(in.wgi[1].mean, -1.5, 1e-12);
        CHECK_NEAR(in.wgi[1].pv, -2.0, 0);
    }
    CHECK_STR(in.wgi_source, "w.csv");
    /* a bad year on line 3 of a file: CN_EDATA naming it, and nothing of that file kept */
    const char *bad = write_tmp("wgi.csv", "iso3,year,estimate\nDEU,2020,1.3\nFRA,2020.5,1.1\n");
    CHECK(cn_risk_wgi_read(bad, &in, &err) == CN_EDATA);
    CHECK_MSG(strstr(err.msg, "wgi.csv:3: column 'year': expected a year, got '2020.5'") != NULL, "%s", err.msg);
    CHECK_INT(in.nwgi, 2);
    /* no usable columns; an empty document */
    CHECK(cn_risk_wgi_read_mem("a,b\n1,2\n", 8, "x.csv", &in, &err) == CN_EDATA);
    CHECK_MSG(strstr(err.msg, "x.csv:1: expected columns iso3") == err.msg, "%s", err.msg);
    CHECK(cn_risk_wgi_read_mem("", 0, "e.csv", &in, &err) == CN_EDATA);
    CHECK_STR(err.msg, "e.csv:1: expected a header line");
    CHECK(cn_risk_wgi_read("/nonexistent/wgi.csv", &in, &err) == CN_ENOINPUT);
    CHECK_INT(in.nwgi, 2);

    /* a parameter file: a parameter row (IR in percent: 79 -> .79) and a trade row (China -> CHN, scope gs) */
    const char *pf = write_tmp("params.csv", "mineral,stage,ir_pct,eol_rir,si_sr,country,t,scope\n"
                                             "cobalt,extraction,79,0.22,0.98,,,\n"
                                             "cobalt,processing,,,,China,1.2,gs\n");
    CHECK(cn_risk_params_read(pf, &in, &err) == CN_OK);
    CHECK_INT(in.nparams, 1);
    CHECK_INT(in.ntrade, 1);
    if (in.nparams == 1 && in.ntrade == 1) {
        CHECK_STR(in.params[0].mineral, "cobalt");
        CHECK_INT(in.params[0].stage, CN_RISK_STAGE_EXTRACTION);
        CHECK_NEAR(in.params[0].ir, 0.79, 1e-12);
        CHECK_NEAR(in.params[0].eol_rir, 0.22, 1e-12);
        CHECK_NEAR(in.params[0].si_sr, 0.98, 1e-12);
        CHECK_STR(in.trade[0].iso3, "CHN");
        CHECK_INT(in.trade[0].stage, CN_RISK_STAGE_PROCESSING);
        CHECK_INT(in.trade[0].scope, CN_RISK_SCOPE_GS);
        CHECK_NEAR(in.trade[0].t, 1.2, 0);
    }
    CHECK_STR(in.params_source, pf);
    /* SI_SR 0 on line 4, after a good parameter and trade row: CN_EDATA, and both rows of the file dropped */
    const char *pb = write_tmp("params_bad.csv", "mineral,stage,si_sr,country,t\n"
                                                 "nickel,,0.5,,\n"
                                                 "nickel,,,CAN,1\n"
                                                 "tin,,0,,\n");
    CHECK(cn_risk_params_read(pb, &in, &err) == CN_EDATA);
    CHECK_MSG(strstr(err.msg, "params_bad.csv:4: column 'si_sr': expected a substitution index") != NULL, "%s",
              err.msg);
    CHECK_INT(in.nparams, 1);
    CHECK_INT(in.ntrade, 1);
    cn_risk_inputs_free(&in);

    /* the EU tables: Cobalt E+P gives cobalt (extraction) and cobalt:refinery (processing), each EoL_RIR .22 and
     * SI_SR .98, the flagged row left out; Tin E gives tin; Lead has no critnet id. Trade: the two global-supply
     * rows, China for cobalt:refinery and DR Congo (COD) for cobalt; the EU-sourcing row left out */
    CHECK(cn_risk_params_read_eu_mem(PARAMS, sizeof PARAMS - 1, TRADE, sizeof TRADE - 1, MATERIALS,
                                     sizeof MATERIALS - 1, &in, &err) == CN_OK);
    CHECK_INT(in.nparams, 3);
    CHECK_INT(in.ntrade, 2);
    if (in.nparams == 3 && in.ntrade == 2) {
        CHECK_STR(in.params[0].mineral, "cobalt");
        CHECK_INT(in.params[0].stage, CN_RISK_STAGE_EXTRACTION);
        CHECK_STR(in.params[1].mineral, "cobalt:refinery");
        CHECK_INT(in.params[1].stage, CN_RISK_STAGE_PROCESSING);
        CHECK_NEAR(in.params[1].eol_rir, 0.22, 1e-12);
        CHECK_NEAR(in.params[1].si_sr, 0.98, 1e-12);
        CHECK(isnan(in.params[1].ir)); /* the EU's own import reliance is left unknown */
        CHECK_STR(in.params[2].mineral, "tin");
        CHECK_NEAR(in.params[2].eol_rir, 0.31, 1e-12);
        CHECK_STR(in.trade[0].mineral, "cobalt:refinery");
        CHECK_STR(in.trade[0].iso3, "CHN");
        CHECK_NEAR(in.trade[0].t, 1.2, 0);
        CHECK_STR(in.trade[1].mineral, "cobalt");
        CHECK_STR(in.trade[1].iso3, "COD");
        CHECK_INT(in.trade[1].scope, CN_RISK_SCOPE_GS);
    }
    /* an unknown country on line 3 of the trade table: CN_EDATA, and none of the three rows of these tables kept
     * (the parameters read before it included) */
    static const char trade_bad[] = "material,country,trade_parameter_t,stage,supply_scope\n"
                                    "Cobalt,China,1.2,processing,global supply (GS)\n"
                                    "Cobalt,Atlantis,1,extraction,global supply (GS)\n";
    CHECK(cn_risk_params_read_eu_mem(PARAMS, sizeof PARAMS - 1, trade_bad, sizeof trade_bad - 1, MATERIALS,
                                     sizeof MATERIALS - 1, &in, &err) == CN_EDATA);
    CHECK_STR(err.msg, "eu-crm-2023/trade_parameters.csv:3: unknown country 'Atlantis' or stage");
    CHECK_INT(in.nparams, 3);
    CHECK_INT(in.ntrade, 2);
    /* a bad stage in the material table; a parameter table without its columns */
    static const char map_bad[] = "eu_material,stage,critnet_id\nCobalt,E,cobalt\nNickel,X,nickel\n";
    CHECK(cn_risk_params_read_eu_mem(PARAMS, sizeof PARAMS - 1, TRADE, sizeof TRADE - 1, map_bad, sizeof map_bad - 1,
                                     &in, &err) == CN_EDATA);
    CHECK_STR(err.msg, "materials.csv:3: column 'stage': expected E or P");
    CHECK(cn_risk_params_read_eu_mem("material,si_sr\n", 15, TRADE, sizeof TRADE - 1, MATERIALS,
                                     sizeof MATERIALS - 1, &in, &err) == CN_EDATA);
    CHECK_STR(err.msg, "eu-crm-2023/parameters.csv:1: expected the EU CRM 2023 columns");
    CHECK(cn_risk_params_read_eu_mem(PARAMS, sizeof PARAMS - 1, "material,country\n", 17, MATERIALS,
                                     sizeof MATERIALS - 1, &in, &err) == CN_EDATA);
    CHECK_STR(err.msg, "eu-crm-2023/trade_parameters.csv:1: expected the EU CRM 2023 columns");
    CHECK_INT(in.nparams, 3);
    CHECK_INT(in.ntrade, 2);
    cn_risk_inputs_free(&in);
    CHECK_INT(in.nparams, 0);

    remove(bad);
    remove(pf);
    remove(pb);
    return cn_test_done();
}
