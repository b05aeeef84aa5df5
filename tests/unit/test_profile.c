/* tests/unit/test_profile.c: algorithms/profile.c, cn_profile_run on N1 of small_nets.h: what a country supplies
 * (best rank, headline share, list counts), its production shares (given, or of the world total) and its own
 * reliance with its top supplier, worked out by hand (docs/measures-network.md). */
#include <math.h>

#include "critnet/chokepoints.h"
#include "harness.h"
#include "small_nets.h"

enum { USA, CHN, CAN, AUS, DEU, GRAPHITE, COBALT };

static const cn_profile_supply *supply_of(const cn_profile_result *p, int32_t mineral)
{
    for (size_t i = 0; i < p->nsupplies; i++)
        if (p->supplies[i].mineral == mineral)
            return &p->supplies[i];
    return NULL;
}

static const cn_profile_production *prod_of(const cn_profile_result *p, int32_t mineral)
{
    for (size_t i = 0; i < p->nprod; i++)
        if (p->prod[i].mineral == mineral)
            return &p->prod[i];
    return NULL;
}

static const cn_profile_reliance *rely_of(const cn_profile_result *p, int32_t mineral)
{
    for (size_t i = 0; i < p->nrelies; i++)
        if (p->relies[i].mineral == mineral)
            return &p->relies[i];
    return NULL;
}

int main(void)
{
    cn_net *net = small_net(N1, "n1");
    cn_profile_result p;
    cn_error err = {0};

    /* CAN against the 2018 list (graphite is on it, cobalt not in this net) */
    CHECK(cn_profile_run(net, "CAN", CN_LIST_2018, &p, &err) == CN_OK);
    CHECK_INT(p.country, CAN);
    CHECK_INT(p.list, CN_LIST_2018);
    CHECK_INT(p.list_size, 1);
    /* supplies to USA: graphite rank 2 share .3 (on the list), cobalt rank 1 share 1 (not) */
    CHECK_INT(p.nsupplies, 2);
    const cn_profile_supply *s = supply_of(&p, GRAPHITE);
    CHECK(s && s->consumer == USA && s->rank == 2 && s->on_list == 1);
    CHECK_NEAR(s ? s->share : NAN, 0.3, 0);
    s = supply_of(&p, COBALT);
    CHECK(s && s->consumer == USA && s->rank == 1 && s->on_list == 0);
    CHECK_NEAR(s ? s->share : NAN, 1, 0);
    /* "CAN supplies 2 minerals to USA: 1 of the 1 on the list" */
    CHECK(p.ncounts == 1 && p.counts[0].consumer == USA && p.counts[0].nminerals == 2 && p.counts[0].on_list == 1);
    /* production: graphite .2 as given (share_of 0); cobalt 3,000 of the world's 230,000 t (share_of 1) */
    CHECK_INT(p.nprod, 2);
    const cn_profile_production *pr = prod_of(&p, GRAPHITE);
    CHECK(pr && pr->share_of == 0 && pr->year == 2023);
    CHECK_NEAR(pr ? pr->share : NAN, 0.2, 0);
    pr = prod_of(&p, COBALT);
    CHECK(pr && pr->share_of == 1 && pr->year == 2023 && pr->unit && strcmp(pr->unit, "t") == 0);
    CHECK_NEAR(pr ? pr->share : NAN, 3000.0 / 230000, 1e-15);
    CHECK_NEAR(pr ? pr->quantity : NAN, 3000, 0);
    CHECK_INT(p.nrelies, 0); /* CAN's own reliance is not in the data */
    cn_profile_result_free(&p);

    /* USA: supplies nothing; relies on graphite .8 (top supplier CHN .6) and cobalt .5 (CAN 1) */
    CHECK(cn_profile_run(net, "USA", 0, &p, &err) == CN_OK);
    CHECK_INT(p.nsupplies, 0);
    CHECK_INT(p.nprod, 0);
    CHECK_INT(p.nrelies, 2);
    const cn_profile_reliance *r = rely_of(&p, GRAPHITE);
    CHECK(r && r->top == CHN && r->year == 2023);
    CHECK_NEAR(r ? r->nir : NAN, 0.8, 0);
    CHECK_NEAR(r ? r->top_share : NAN, 0.6, 0);
    r = rely_of(&p, COBALT);
    CHECK(r && r->top == CAN);
    CHECK_NEAR(r ? r->nir : NAN, 0.5, 0);
    cn_profile_result_free(&p);

    /* CHN produces graphite .7 and supplies it with rank 1 */
    CHECK(cn_profile_run(net, "CHN", 0, &p, &err) == CN_OK);
    CHECK(p.nsupplies == 1 && p.supplies[0].mineral == GRAPHITE && p.supplies[0].rank == 1);
    CHECK_NEAR(prod_of(&p, GRAPHITE) ? prod_of(&p, GRAPHITE)->share : NAN, 0.7, 0);
    cn_profile_result_free(&p);

    /* a mineral or an unknown id is not a country */
    CHECK(cn_profile_run(net, "graphite", 0, &p, &err) == CN_EUSAGE);
    CHECK(cn_profile_run(net, "XXX", 0, &p, &err) == CN_EUSAGE);
    cn_net_free(net);
    return cn_test_done();
}
