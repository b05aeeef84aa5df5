/* tests/unit/test_merge.c: graph/merge.c, cn_net_merge (critnet/merge.h), on two hand-made networks whose
 * merged figures are worked out by hand below; then the built-in composition us-mcs2020-over-2024 checked
 * group by group against its two parts, loaded on their own. */
#include <math.h>
#include <string.h>

#include "critnet/critnet.h"
#include "harness.h"

static int32_t V(cn_net *n, cn_vertex_type t, const char *id, const char *name)
{
    int32_t v = cn_net_find(n, id);
    if (v < 0)
        cn_net_add_vertex(n, t, id, name, &v, NULL);
    return v;
}

static void edge(cn_net *n, cn_edge_kind k, const char *country, const char *mineral, double share, int year,
                 int32_t source)
{
    cn_edge e;
    cn_edge_init(&e, k);
    e.country = strcmp(country, "*world*") == 0 ? CN_WORLD : V(n, CN_VERTEX_COUNTRY, country, NULL);
    e.mineral = V(n, CN_VERTEX_MINERAL, mineral, NULL);
    e.consumer = V(n, CN_VERTEX_COUNTRY, "USA", NULL);
    e.share = share;
    e.year = year;
    e.source = source;
    if (k == CN_EDGE_PRODUCES)
        e.quantity = share * 100.0;
    if (k == CN_EDGE_SUPPLIES)
        e.period = year == 2024 ? "2021-24" : "2019-22";
    cn_net_add_edge(n, &e, NULL, NULL);
}

/* the shares of the edges of one kind, mineral (and consumer USA) in n, in order, as "CAN .7,MEX .3" */
static const char *group(const cn_net *n, cn_edge_kind k, const char *mineral, char *buf, size_t size)
{
    int32_t m = cn_net_find(n, mineral);
    size_t len = 0;
    buf[0] = 0;
    for (int32_t i = 0; i < n->nedges; i++) {
        const cn_edge *e = &n->edges[i];
        if (e->kind != k || e->mineral != m)
            continue;
        len += (size_t)snprintf(buf + len, size - len, "%s%s %.2f %s/%d", len ? "," : "",
                                cn_net_country_label(n, e->country), e->share,
                                e->source >= 0 ? n->sources[e->source].id : "-", e->year);
    }
    return buf;
}

int main(void)
{
    cn_error err = {0};
    char b[256];
    /* base: USGS-like. cobalt: imports NOR .2 CAN .1 (2019-22), NIR .76, world COD .7; lithium: imports
     * ARG .5 CHL .4, NIR .25, world AUS .5 */
    cn_net *base = cn_net_new();
    int32_t s_usgs;
    cn_net_add_source(base, "usgs", "USGS MCS 2024", "2024", NULL, &s_usgs, &err);
    V(base, CN_VERTEX_MINERAL, "cobalt", "Cobalt");
    base->vertices[cn_net_find(base, "cobalt")].lists = CN_LIST_2018;
    cn_vertex_set(base, cn_net_find(base, "cobalt"), "note", "base note", &err);
    edge(base, CN_EDGE_SUPPLIES, "NOR", "cobalt", 0.2, 2022, s_usgs);
    edge(base, CN_EDGE_SUPPLIES, "CAN", "cobalt", 0.1, 2022, s_usgs);
    edge(base, CN_EDGE_RELIES, "USA", "cobalt", 0.76, 2023, s_usgs);
    edge(base, CN_EDGE_PRODUCES, "COD", "cobalt", 0.7, 2023, s_usgs);
    edge(base, CN_EDGE_SUPPLIES, "ARG", "lithium", 0.5, 2022, s_usgs);
    edge(base, CN_EDGE_SUPPLIES, "CHL", "lithium", 0.4, 2022, s_usgs);
    edge(base, CN_EDGE_RELIES, "USA", "lithium", 0.25, 2023, s_usgs);
    edge(base, CN_EDGE_PRODUCES, "AUS", "lithium", 0.5, 2023, s_usgs);
    /* over: a company's confidential cobalt import shares (FIN .6 JPN .4, 2021-24), nothing else on cobalt;
     * and a mineral base does not have (gallium, reliance 1.0); the shared source "usgs" once more */
    cn_net *over = cn_net_new();
    int32_t s_co, s_usgs2;
    cn_net_add_source(over, "acme", "ACME purchasing records", "2025", NULL, &s_co, &err);
    cn_net_add_source(over, "usgs", "USGS MCS 2024 (over's copy)", "2024", NULL, &s_usgs2, &err);
    V(over, CN_VERTEX_MINERAL, "cobalt", "Cobalt (refined)");
    over->vertices[cn_net_find(over, "cobalt")].lists = CN_LIST_2022;
    edge(over, CN_EDGE_SUPPLIES, "FIN", "cobalt", 0.6, 2024, s_co);
    edge(over, CN_EDGE_SUPPLIES, "JPN", "cobalt", 0.4, 2024, s_co);
    edge(over, CN_EDGE_RELIES, "USA", "gallium", 1.0, 2024, s_usgs2);
    CHECK(cn_net_set_meta(over, "acme", NULL, NULL, &err) == CN_OK);
    CHECK(cn_net_set_meta(base, "usgs24", "USGS 2024", NULL, &err) == CN_OK);

    cn_net *m = NULL;
    CHECK(cn_net_merge(over, base, NULL, &m, &err) == CN_OK);
    CHECK(m != NULL);
    if (!m)
        return cn_test_done();
    CHECK_STR(m->name, "acme+usgs24");
    CHECK_STR(m->title, "acme, over USGS 2024");
    CHECK(cn_net_validate(m, "merged", &err) == CN_OK);
    /* cobalt imports: over's whole group, none of base's (no NOR, no CAN) */
    CHECK_STR(group(m, CN_EDGE_SUPPLIES, "cobalt", b, sizeof b), "FIN 0.60 acme/2024,JPN 0.40 acme/2024");
    /* cobalt reliance and production: over has none, base's stay with their source */
    CHECK_STR(group(m, CN_EDGE_RELIES, "cobalt", b, sizeof b), "USA 0.76 usgs/2023");
    CHECK_STR(group(m, CN_EDGE_PRODUCES, "cobalt", b, sizeof b), "COD 0.70 usgs/2023");
    /* lithium: only in base, all of it */
    CHECK_STR(group(m, CN_EDGE_SUPPLIES, "lithium", b, sizeof b), "ARG 0.50 usgs/2022,CHL 0.40 usgs/2022");
    /* gallium: only in over */
    CHECK_STR(group(m, CN_EDGE_RELIES, "gallium", b, sizeof b), "USA 1.00 usgs/2024");
    /* sources: acme, usgs (over's record), nothing twice */
    CHECK(m->nsources == 2);
    int32_t su = cn_net_find_source(m, "usgs");
    CHECK(su >= 0 && strcmp(m->sources[su].title, "USGS MCS 2024 (over's copy)") == 0);
    /* vertices: over's name, base's note, both lists; 3 minerals + USA FIN JPN NOR CAN COD ARG CHL AUS */
    int32_t co = cn_net_find(m, "cobalt");
    CHECK(co >= 0 && strcmp(m->vertices[co].name, "Cobalt (refined)") == 0);
    CHECK(co >= 0 && m->vertices[co].note && strcmp(m->vertices[co].note, "base note") == 0);
    CHECK(co >= 0 && m->vertices[co].lists == (CN_LIST_2018 | CN_LIST_2022));
    CHECK(m->nvertices == 12);
    /* 2 + 1 (over) + 1 + 1 + 4 (base's cobalt relies/produces, lithium) */
    CHECK(m->nedges == 9);
    /* deps on the merge: cobalt's top import source FIN .6 (over), severity .76 x .6 = .456 */
    cn_deps_opts d;
    cn_deps_opts_init(&d);
    cn_deps_result dr;
    CHECK(cn_deps_run(m, &d, &dr, &err) == CN_OK);
    for (size_t i = 0; i < dr.n; i++)
        if (dr.rows[i].mineral == co) {
            CHECK(dr.rows[i].top == cn_net_find(m, "FIN"));
            CHECK_NEAR(dr.rows[i].severity, 0.76 * 0.6, 1e-12);
            CHECK(dr.rows[i].single_source);
        }
    cn_deps_result_free(&dr);
    cn_net_free(m);
    /* options name the result */
    cn_merge_opts o;
    cn_merge_opts_init(&o);
    o.name = "mine";
    o.title = "Mine";
    CHECK(cn_net_merge(over, base, &o, &m, &err) == CN_OK && strcmp(m->name, "mine") == 0);
    cn_net_free(m);
    /* a vertex that is a country in one and a mineral in the other */
    V(over, CN_VERTEX_MINERAL, "AUS", NULL);
    m = (cn_net *)1;
    CHECK(cn_net_merge(over, base, NULL, &m, &err) == CN_EDATA && m == NULL);
    CHECK(strstr(err.msg, "'AUS'") != NULL);
    cn_net_free(over);
    cn_net_free(base);

    /* the built-in composition: each group of the merge equals the group of 2020 when 2020 has that key, else
     * the group of 2024 (shares, years and source ids compared), for every mineral of either edition */
    cn_net *a = NULL, *z = NULL;
    CHECK(cn_dataset_load("us-mcs2020", &a, &err) == CN_OK);
    CHECK(cn_dataset_load("us-mcs2024", &z, &err) == CN_OK);
    CHECK(cn_dataset_load("us-mcs2020-over-2024", &m, &err) == CN_OK);
    int from_a = 0, from_z = 0, bad = 0;
    char ga[4096], gz[4096], gm[4096];
    for (int32_t v = 0; m && a && z && v < m->nvertices; v++) {
        if (m->vertices[v].type != CN_VERTEX_MINERAL)
            continue;
        for (int k = 0; k < 3; k++) {
            const char *id = m->vertices[v].id;
            group(m, (cn_edge_kind)k, id, gm, sizeof gm);
            group(a, (cn_edge_kind)k, id, ga, sizeof ga);
            group(z, (cn_edge_kind)k, id, gz, sizeof gz);
            if (cn_net_find(a, id) >= 0 && *ga) {
                bad += strcmp(gm, ga) != 0;
                from_a++;
            } else {
                bad += strcmp(gm, gz) != 0;
                from_z += *gz != 0;
            }
        }
    }
    CHECK(bad == 0);
    CHECK(from_a > 0 && from_z > 0); /* a field from each edition */
    /* graphite: the 2020 import shares (CHN .33, docs/measures.md) with the 2024 world production (CHN first) */
    cn_deps_opts_init(&d);
    CHECK(m && cn_deps_run(m, &d, &dr, &err) == CN_OK);
    for (size_t i = 0; m && i < dr.n; i++)
        if (strcmp(m->vertices[dr.rows[i].mineral].id, "graphite") == 0) {
            CHECK_NEAR(dr.rows[i].imp.top_share, 0.33, 1e-9);
            CHECK(dr.rows[i].prod_year >= 2022 && dr.rows[i].prod_top == cn_net_find(m, "CHN"));
        }
    cn_deps_result_free(&dr);
    cn_net_free(a);
    cn_net_free(z);
    cn_net_free(m);
    return cn_test_done();
}
