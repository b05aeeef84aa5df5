/* tests/unit/test_chokepoints.c: algorithms/chokepoints.c, cn_chokepoints_run on the small networks of
 * small_nets.h: critical suppliers, minimum supplier cuts, dominators, stages, exposure, articulation points
 * and bridges, each worked out by hand from the network (arithmetic in the comments). */
#include <math.h>

#include "critnet/chokepoints.h"
#include "harness.h"
#include "small_nets.h"

static const cn_chokepoints_row *row_of(const cn_net *net, const cn_chokepoints_result *r, const char *mineral)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(net->vertices[r->rows[i].mineral].id, mineral) == 0)
            return &r->rows[i];
    return NULL;
}

static const cn_exposure_row *exposure_of(const cn_net *net, const cn_chokepoints_result *r, const char *country)
{
    for (size_t i = 0; i < r->nexposure; i++)
        if (strcmp(net->vertices[r->exposure[i].country].id, country) == 0)
            return &r->exposure[i];
    return NULL;
}

static void one_stage(void)
{
    cn_net *net = small_net(N1, "n1");
    const int32_t usa = 0, chn = 1, can = 2, aus = 3, graphite = 5;
    cn_chokepoints_result r;
    cn_error err = {0};
    CHECK(cn_chokepoints_run(net, "USA", 0.5, &r, &err) == CN_OK);
    CHECK_INT(r.n, 2);
    CHECK_NEAR(r.threshold, 0.5, 0);

    /* graphite: three direct suppliers .6/.3/.1 (sum 1): only CHN reaches .5 alone; with direct suppliers
     * only (1 stage) the smallest cut is all three, complete since the shares are known and sum to 1; no
     * single node is on every path (three parallel suppliers): no dominator */
    const cn_chokepoints_row *g = row_of(net, &r, "graphite");
    CHECK_MSG(g != NULL, "a graphite row for USA");
    if (g) {
        CHECK_INT(g->consumer, usa);
        CHECK_NEAR(g->nir, 0.8, 0);
        CHECK_INT(g->nsuppliers, 3);
        CHECK_NEAR(g->covered, 1.0, 1e-12);
        CHECK_INT(g->ncritical, 1);
        CHECK(g->ncritical == 1 && g->critical[0] == chn);
        CHECK(g->ncritical == 1 && g->critical_share[0] == 0.6);
        CHECK_INT(g->ncut, 3);
        int in_cut = 0; /* the cut as a set: CHN, CAN, AUS, each once */
        for (int32_t i = 0; i < g->ncut; i++)
            in_cut |= (g->cut[i].country == chn) << 0 | (g->cut[i].country == can) << 1 | (g->cut[i].country == aus) << 2;
        CHECK_MSG(in_cut == 7, "the cut holds CHN, CAN and AUS");
        CHECK_INT(g->cut_status, CN_CUT_STATUS_OK);
        CHECK_INT(g->ndominators, 0);
        CHECK_INT(g->stages, 1);
    }
    /* cobalt: CAN alone with 1.0: critical, the cut, and the one dominator (S -> CAN -> cobalt@USA) */
    const cn_chokepoints_row *c = row_of(net, &r, "cobalt");
    CHECK_MSG(c != NULL, "a cobalt row for USA");
    if (c) {
        CHECK(c->ncritical == 1 && c->critical[0] == can && c->critical_share[0] == 1.0);
        CHECK(c->ncut == 1 && c->cut[0].country == can);
        CHECK_INT(c->cut_status, CN_CUT_STATUS_OK);
        CHECK(c->ndominators == 1 && c->dominators[0].country == can && c->dominators[0].mineral == -1);
    }
    /* exposure E(USA,c) = sum over minerals of NIR x share: CAN .8 x .3 + .5 x 1 = .74 (2 minerals);
     * CHN .8 x .6 = .48; AUS .8 x .1 = .08 */
    CHECK_INT(r.nexposure, 3);
    const cn_exposure_row *e = exposure_of(net, &r, "CAN");
    CHECK(e && e->consumer == usa && e->nminerals == 2 && e->nunknown == 0);
    CHECK_NEAR(e ? e->exposure : NAN, 0.74, 1e-12);
    CHECK_NEAR((e = exposure_of(net, &r, "CHN")) ? e->exposure : NAN, 0.48, 1e-12);
    CHECK_NEAR((e = exposure_of(net, &r, "AUS")) ? e->exposure : NAN, 0.08, 1e-12);
    /* the undirected view: graphite is the only articulation point (CHN and AUS hang off it; USA and CAN
     * lie on the 4-cycle); the bridges are the two pendant links, sorted by id: AUS-graphite, CHN-graphite */
    CHECK(r.nartic == 1 && r.artic[0] == graphite);
    CHECK_INT(r.nbridges, 2);
    CHECK(r.nbridges == 2 && r.bridges[0] == aus && r.bridges[1] == graphite && r.bridges[2] == chn &&
          r.bridges[3] == graphite);
    cn_chokepoints_result_free(&r);

    /* threshold .25: CAN's .3 of graphite becomes critical too, after CHN (share descending) */
    CHECK(cn_chokepoints_run(net, "USA", 0.25, &r, &err) == CN_OK);
    g = row_of(net, &r, "graphite");
    CHECK(g && g->ncritical == 2 && g->critical[0] == chn && g->critical[1] == can);
    cn_chokepoints_result_free(&r);

    /* usage errors: an unknown consumer, a threshold outside (0,1] */
    CHECK(cn_chokepoints_run(net, "XXX", 0.5, &r, &err) == CN_EUSAGE);
    CHECK(cn_chokepoints_run(net, "USA", 0, &r, &err) == CN_EUSAGE);
    CHECK(cn_chokepoints_run(net, "USA", 1.5, &r, &err) == CN_EUSAGE);
    cn_net_free(net);
}

static void two_stages(void)
{
    /* N2: S -> COD, ZMB -> cobalt:ore@CHN -> CHN -> cobalt:refined@USA. Every path to USA's refined cobalt
     * passes CHN and CHN's ore imports: dominators, nearest first, CHN then cobalt:ore@CHN. The smallest
     * supplier cut is CHN alone (one node instead of COD + ZMB); 2 stages (one market hop back). */
    cn_net *net = small_net(N2, "n2");
    const int32_t cod = 0, zmb = 1, chn = 2, ore = 4, refined = 5;
    cn_chokepoints_result r;
    cn_error err = {0};
    CHECK(cn_chokepoints_run(net, "USA", 0.5, &r, &err) == CN_OK);
    CHECK_INT(r.n, 1);
    const cn_chokepoints_row *w = row_of(net, &r, "cobalt:refined");
    CHECK_MSG(w != NULL, "a cobalt:refined row for USA");
    if (w) {
        CHECK_INT(w->stages, 2);
        CHECK(w->ncut == 1 && w->cut[0].country == chn && w->cut[0].mineral == -1);
        CHECK_INT(w->cut_status, CN_CUT_STATUS_OK);
        CHECK_INT(w->ndominators, 2);
        CHECK(w->ndominators == 2 && w->dominators[0].country == chn && w->dominators[0].mineral == -1);
        CHECK(w->ndominators == 2 && w->dominators[1].country == chn && w->dominators[1].mineral == ore);
    }
    /* E(USA,CHN) = .9 x 1 */
    CHECK(r.nexposure == 1 && r.exposure[0].country == chn);
    CHECK_NEAR(r.nexposure ? r.exposure[0].exposure : NAN, 0.9, 1e-12);
    /* undirected: {COD, ZMB, ore} and {CHN, refined, USA} are two stars (supplies edges join the supplier
     * and the mineral, relies the mineral and the consumer): articulation points ore and refined (by id),
     * every link a bridge */
    CHECK(r.nartic == 2 && r.artic[0] == ore && r.artic[1] == refined);
    CHECK_INT(r.nbridges, 4);
    int ends_ok = r.nbridges == 4;
    for (int32_t i = 0; ends_ok && i < 4; i++)
        ends_ok = (r.bridges[2 * i + 1] == ore && (r.bridges[2 * i] == cod || r.bridges[2 * i] == zmb)) ||
                  (r.bridges[2 * i + 1] == refined && (r.bridges[2 * i] == chn || r.bridges[2 * i] == 3));
    CHECK_MSG(ends_ok, "bridges: COD-ore, ZMB-ore, CHN-refined, USA-refined");
    cn_chokepoints_result_free(&r);
    cn_net_free(net);
}

int main(void)
{
    one_stage();
    two_stages();
    return cn_test_done();
}
