/* algorithms/profile.c: one country's place in the network: what it supplies to each consumer (rank, share,
 * count against a critical-mineral list), its share of world production and of world reserves, and what it
 * relies on itself (with a risk measure when asked). */
#include "critnet/chokepoints.h"
#include "critnet/concentration.h"
#include "critnet/deps.h"
#include "critnet/graph.h"
#include "critnet/headline.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* the list bits of a mineral, or of its base ("cobalt" for "cobalt:ore") when it has none */
static unsigned lists_of(const cn_net *net, int32_t m)
{
    unsigned l = net->vertices[m].lists;
    const char *id = net->vertices[m].id, *colon = strchr(id, ':');
    if (!l && colon) {
        char buf[256];
        size_t n = (size_t)(colon - id) < sizeof buf - 1 ? (size_t)(colon - id) : sizeof buf - 1;
        memcpy(buf, id, n);
        buf[n] = '\0';
        int32_t b = cn_net_find(net, buf);
        if (b >= 0)
            l = net->vertices[b].lists;
    }
    return l;
}

static int same_base(const cn_net *net, int32_t a, int32_t b)
{
    const char *x = net->vertices[a].id, *y = net->vertices[b].id;
    size_t lx = strcspn(x, ":"), ly = strcspn(y, ":");
    return lx == ly && strncmp(x, y, lx) == 0;
}

static int sup_cmp(const void *pa, const void *pb, void *ctx)
{
    const cn_net *net = ctx;
    const cn_profile_supply *a = pa, *b = pb;
    int c = strcmp(net->vertices[a->consumer].id, net->vertices[b->consumer].id);
    if (c)
        return c;
    int ra = a->rank ? a->rank : INT32_MAX, rb = b->rank ? b->rank : INT32_MAX;
    if (ra != rb)
        return ra < rb ? -1 : 1;
    int an = isnan(a->share), bn = isnan(b->share);
    if (an != bn)
        return an - bn;
    if (!an && a->share != b->share)
        return a->share > b->share ? -1 : 1;
    return strcmp(net->vertices[a->mineral].id, net->vertices[b->mineral].id);
}

/* what x supplies to each consumer: its best rank, and its share in the consumer's headline import group */
static cn_status supplies(const cn_net *net, int32_t x, unsigned list, cn_profile_result *p, int32_t *sel)
{
    p->supplies = calloc((size_t)net->nedges + 1, sizeof *p->supplies);
    p->counts = calloc((size_t)net->nvertices + 1, sizeof *p->counts);
    if (!p->supplies || !p->counts)
        return CN_ENOMEM;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (e->kind != CN_EDGE_SUPPLIES || e->country != x)
            continue;
        size_t j = 0;
        while (j < p->nsupplies && !(p->supplies[j].consumer == e->consumer && p->supplies[j].mineral == e->mineral))
            j++;
        cn_profile_supply *s = &p->supplies[j];
        if (j == p->nsupplies) {
            p->nsupplies++;
            *s = (cn_profile_supply){e->consumer, e->mineral, 0, NAN, (lists_of(net, e->mineral) & list) != 0,
                                     -1, -1, 0, 0};
            int32_t ns = cn_headline_imports(net, NULL, 0, e->mineral, e->consumer, sel);
            for (int32_t k = 0; k < ns; k++)
                if (net->edges[sel[k]].country == x && !isnan(net->edges[sel[k]].share)) {
                    s->share = net->edges[sel[k]].share;
                    s->share_source = net->edges[sel[k]].source;
                }
            /* its place by share among the named (and unnamed) sources; "other" is many, not one */
            for (int32_t k = 0; k < ns && !isnan(s->share); k++) {
                const cn_edge *o = &net->edges[sel[k]];
                s->share_rank += k == 0; /* 1 + the number of sources with a larger share */
                if (o->country != x && o->country != CN_OTHER && !isnan(o->share) && o->share > s->share + 1e-12)
                    s->share_rank++;
            }
        }
        if (e->rank > 0 && (s->rank == 0 || e->rank < s->rank)) {
            s->rank = e->rank;
            s->rank_source = e->source;
        }
    }
    for (size_t j = 0; j < p->nsupplies; j++) {
        cn_profile_supply *s = &p->supplies[j];
        s->disagree = s->rank > 0 && s->share_rank > 0 && s->rank != s->share_rank;
    }
    cn_sort_r(p->supplies, p->nsupplies, sizeof *p->supplies, sup_cmp, (void *)net);
    /* per consumer: distinct base minerals, and how many of them are on the list */
    for (size_t i = 0; i < p->nsupplies; i++) {
        const cn_profile_supply *s = &p->supplies[i];
        if (i == 0 || s->consumer != p->supplies[i - 1].consumer)
            p->counts[p->ncounts++] = (cn_profile_count){s->consumer, 0, 0};
        cn_profile_count *c = &p->counts[p->ncounts - 1];
        int seen = 0;
        for (size_t k = 0; k < i && !seen; k++)
            seen = p->supplies[k].consumer == s->consumer && same_base(net, p->supplies[k].mineral, s->mineral);
        if (!seen) {
            c->nminerals++;
            c->on_list += s->on_list;
        }
    }
    return CN_OK;
}

static int same_unit(const cn_edge *a, const cn_edge *b)
{
    return a->unit == b->unit; /* interned */
}

/* x's share of world production of each mineral it produces, in the mineral's headline production group */
static cn_status production(const cn_net *net, int32_t x, cn_profile_result *p)
{
    p->prod = calloc((size_t)net->nedges + 1, sizeof *p->prod);
    char *seen = calloc((size_t)net->nvertices + 1, 1);
    if (!p->prod || !seen) {
        free(seen);
        return CN_ENOMEM;
    }
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (e->kind != CN_EDGE_PRODUCES || e->country != x || seen[e->mineral])
            continue;
        seen[e->mineral] = 1;
        /* x's first edge in the group; none: x is not listed in the figures the reports cite */
        cn_headline_production_group g;
        cn_headline_production(net, NULL, 0, e->mineral, 0, &g);
        int32_t k = i;
        while (k < net->nedges &&
               !(net->edges[k].country == x && cn_headline_in_production(&net->edges[k], &g)))
            k++;
        if (k == net->nedges)
            continue;
        e = &net->edges[k];
        cn_profile_production *r = &p->prod[p->nprod++];
        *r = (cn_profile_production){e->mineral, e->year, e->quantity, e->unit, e->share, 0, 1, NAN, NAN, 0, 0,
                                     NULL, 0, 0};
        if (!isnan(r->share) || isnan(e->quantity))
            continue;
        /* share from quantities of the same group and unit: the world total, else the listed producers */
        double world = NAN, listed = 0;
        for (int32_t j = 0; j < net->nedges; j++) {
            const cn_edge *f = &net->edges[j];
            if (!cn_headline_in_production(f, &g) || !same_unit(e, f) || isnan(f->quantity))
                continue;
            if (f->country == CN_WORLD)
                world = f->quantity;
            else
                listed += f->quantity;
        }
        if (world > 0) {
            r->share = e->quantity / world;
            r->share_of = 1;
        } else if (listed > 0) {
            r->share = e->quantity / listed;
            r->share_of = 2;
        }
    }
    free(seen);
    return CN_OK;
}

/* x's reserves of each mineral and its share of world reserves (the mineral's reserves group, as concentration
 * --layer reserves reads it): beside its production row, else in a row of their own */
static cn_status reserves(const cn_net *net, int32_t x, cn_profile_result *p)
{
    char *seen = calloc((size_t)net->nvertices + 1, 1);
    if (!seen)
        return CN_ENOMEM;
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (e->kind != CN_EDGE_PRODUCES || e->country != x || isnan(e->reserves) || seen[e->mineral])
            continue;
        seen[e->mineral] = 1;
        cn_reserves_group g;
        if (!cn_reserves_group_find(net, NULL, 0, e->mineral, 0, &g))
            continue;
        const cn_edge *f = NULL; /* x's figure in the group (an older year's figure is not the group's) */
        for (int32_t k = i; k < net->nedges && !f; k++)
            if (net->edges[k].country == x && cn_reserves_in_group(&net->edges[k], &g) &&
                !isnan(net->edges[k].reserves))
                f = &net->edges[k];
        if (!f)
            continue;
        size_t j = 0;
        while (j < p->nprod && p->prod[j].mineral != e->mineral)
            j++;
        cn_profile_production *r = &p->prod[j];
        if (j == p->nprod) {
            p->nprod++;
            *r = (cn_profile_production){e->mineral, 0, NAN, NULL, NAN, 0, 0, NAN, NAN, 0, 0, NULL, 0, 0};
        }
        r->reserves = f->reserves;
        r->reserves_share = cn_reserves_share(f, &g);
        r->reserves_of = isnan(r->reserves_share) ? 0 : g.shares_of;
        r->reserves_min = (f->flags & CN_F_RESERVES_MIN) != 0;
        r->reserves_share_max = !isnan(r->reserves_share) && g.shares_max;
        r->reserves_year = g.year;
        r->reserves_unit = f->unit;
    }
    free(seen);
    return CN_OK;
}

/* what x relies on: per mineral the headline relies edge, and the top supplier of x's headline import group */
static cn_status reliance(const cn_net *net, int32_t x, cn_profile_result *p, int32_t *idx, int32_t *sel)
{
    p->relies = calloc((size_t)net->nedges + 1, sizeof *p->relies);
    char *seen = calloc((size_t)net->nvertices + 1, 1);
    if (!p->relies || !seen) {
        free(seen);
        return CN_ENOMEM;
    }
    int32_t n = 0; /* x's relies edges */
    for (int32_t i = 0; i < net->nedges; i++)
        if (net->edges[i].kind == CN_EDGE_RELIES && net->edges[i].consumer == x) {
            idx[n++] = i;
            seen[net->edges[i].mineral] = 1;
        }
    for (int32_t m = 0; m < net->nvertices; m++) {
        const cn_edge *e = seen[m] ? cn_headline_reliance(net, idx, n, m, x) : NULL;
        if (!e)
            continue;
        cn_profile_reliance *r = &p->relies[p->nrelies++];
        *r = (cn_profile_reliance){m, e->year, e->share, e->lo, e->hi, e->text, e->flags, CN_NONE, NAN, NAN, 0};
        int32_t ns = cn_headline_imports(net, NULL, 0, m, x, sel);
        for (int32_t k = 0; k < ns; k++) {
            const cn_edge *s = &net->edges[sel[k]];
            if (s->country == CN_OTHER)
                continue;
            if (!isnan(s->share) ? (isnan(r->top_share) || s->share > r->top_share)
                                 : (isnan(r->top_share) && r->top == CN_NONE && s->rank == 1)) {
                r->top = s->country;
                r->top_share = s->share;
            }
        }
    }
    free(seen);
    return CN_OK;
}

cn_status cn_profile_run(const cn_net *net, const char *iso3, unsigned list, cn_profile_result *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    int32_t x = cn_net_find(net, iso3);
    if (x < 0 || net->vertices[x].type != CN_VERTEX_COUNTRY)
        return cn_error_set(err, CN_EUSAGE, "'%s' is not a country of this network", iso3);
    out->country = x;
    out->list = list;
    for (int32_t v = 0; v < net->nvertices; v++)
        out->list_size += (net->vertices[v].lists & list) != 0;
    int32_t *idx = malloc(((size_t)net->nedges + 1) * sizeof *idx);
    int32_t *sel = malloc(((size_t)net->nedges + 1) * sizeof *sel);
    cn_status st = idx && sel ? CN_OK : CN_ENOMEM;
    if (!st)
        st = supplies(net, x, list, out, sel);
    if (!st)
        st = production(net, x, out);
    if (!st)
        st = reserves(net, x, out);
    if (!st)
        st = reliance(net, x, out, idx, sel);
    free(idx);
    free(sel);
    if (st) {
        cn_profile_result_free(out);
        return cn_error_set(err, st, "out of memory");
    }
    return CN_OK;
}

void cn_profile_add_risk(cn_profile_result *p, const cn_risk_result *risk)
{
    p->with_risk = 1;
    p->risk_method = (int)risk->method;
    p->sr_threshold = risk->threshold;
    for (size_t i = 0; i < p->nrelies; i++)
        p->relies[i].sr = cn_deps_risk_of(risk, p->relies[i].mineral, &p->relies[i].sr_over);
}

void cn_profile_result_free(cn_profile_result *p)
{
    free(p->supplies);
    free(p->counts);
    free(p->prod);
    free(p->relies);
    memset(p, 0, sizeof *p);
}
