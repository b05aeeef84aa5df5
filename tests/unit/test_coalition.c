/* tests/unit/test_coalition.c: algorithms/coalition.c, cn_coalition_run on N1 of small_nets.h: the allied share
 * of imports and of world production, the gap and its order, worked out by hand (docs/scenarios.md). */
#include <math.h>

#include "critnet/scenario.h"
#include "harness.h"
#include "small_nets.h"

static const cn_coalition_row *row_of(const cn_net *net, const cn_coalition_result *r, const char *mineral)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(net->vertices[r->rows[i].mineral].id, mineral) == 0)
            return &r->rows[i];
    return NULL;
}

int main(void)
{
    cn_net *net = small_net(N1, "n1");
    cn_coalition_result r;
    cn_error err = {0};
    const char *allies[] = {"CAN", "AUS"};
    CHECK(cn_coalition_run(net, allies, 2, "USA", 0.5, &r, &err) == CN_OK);
    CHECK_INT(r.consumer, 0);
    CHECK_INT(r.n, 2);
    /* graphite: imports from allies CAN .3 + AUS .1 = .4 (the list sums to 1: exact); world production CAN .2
     * (AUS lists none; CHN .7 + CAN .2 leave .1 unlisted that may be allied: at least); gap 1 - min(.4, .2) = .8 */
    const cn_coalition_row *g = row_of(net, &r, "graphite");
    CHECK_MSG(g != NULL, "a graphite row");
    if (g) {
        CHECK_NEAR(g->imports_in, 0.4, 1e-12);
        CHECK_INT(g->imports_at_least, 0);
        CHECK_NEAR(g->world_in, 0.2, 1e-12);
        CHECK_INT(g->world_at_least, 1);
        CHECK_INT(g->world_year, 2023);
        CHECK_NEAR(g->gap, 0.8, 1e-12);
        CHECK_INT(g->below, 1);
    }
    /* cobalt: imports all from CAN (1); world production CAN 3,000 of 230,000 t = 3/230, the rest unlisted;
     * gap 1 - 3/230 = 227/230, the larger gap: first */
    const cn_coalition_row *c = row_of(net, &r, "cobalt");
    CHECK_MSG(c != NULL, "a cobalt row");
    if (c) {
        CHECK_NEAR(c->imports_in, 1, 1e-12);
        CHECK_NEAR(c->world_in, 3.0 / 230, 1e-12);
        CHECK_NEAR(c->gap, 227.0 / 230, 1e-12);
        CHECK_INT(c->below, 1);
    }
    CHECK_MSG(r.n == 2 && r.rows[0].mineral == 6, "rows by gap, largest first: cobalt then graphite");
    cn_coalition_result_free(&r);

    /* CHN alone: graphite imports .6, world .7 -> gap .4, not below .5; cobalt imports 0 and world 0 of the
     * listed producer CAN (CHN lists no production) -> gap 1, below */
    const char *chn[] = {"CHN"};
    CHECK(cn_coalition_run(net, chn, 1, "USA", 0.5, &r, &err) == CN_OK);
    g = row_of(net, &r, "graphite");
    CHECK_NEAR(g ? g->imports_in : NAN, 0.6, 1e-12);
    CHECK_NEAR(g ? g->world_in : NAN, 0.7, 1e-12);
    CHECK_NEAR(g ? g->gap : NAN, 0.4, 1e-12);
    CHECK_INT(g ? g->below : -1, 0);
    c = row_of(net, &r, "cobalt");
    CHECK_NEAR(c ? c->imports_in : NAN, 0, 0);
    CHECK_NEAR(c ? c->gap : NAN, 1, 1e-12);
    cn_coalition_result_free(&r);

    /* usage errors: an empty alliance, an unknown country, an unknown consumer, a threshold outside (0,1] */
    CHECK(cn_coalition_run(net, allies, 0, "USA", 0.5, &r, &err) == CN_EUSAGE);
    const char *nowhere[] = {"Atlantis"};
    CHECK(cn_coalition_run(net, nowhere, 1, "USA", 0.5, &r, &err) == CN_EUSAGE);
    CHECK(cn_coalition_run(net, allies, 2, "XXX", 0.5, &r, &err) == CN_EUSAGE);
    CHECK(cn_coalition_run(net, allies, 2, "USA", 0, &r, &err) == CN_EUSAGE);
    cn_net_free(net);
    return cn_test_done();
}
