/* algorithms/diff.c: two networks compared for one consumer (critnet/diff.h): a cn_deps_run on each side,
 * rows matched by mineral id, the headline import sources of each side, and each supplier's role then and now. */
#include "critnet/diff.h"
#include "critnet/headline.h"
#include "edges_i.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct cn_diff_pool {
    char **s;
    size_t n, cap;
} cn_diff_pool;

void cn_diff_opts_init(cn_diff_opts *o)
{
    memset(o, 0, sizeof *o);
    o->consumer = "USA";
    o->threshold = 0.5;
    o->supply_threshold = 0.5;
}

/* a growing string owned by the result once kept */
typedef struct sbuf {
    char *s;
    size_t n, cap;
    int oom;
} sbuf;

static void sb_add(sbuf *b, const char *item)
{
    size_t k = strlen(item), need = b->n + k + 2;
    if (b->oom)
        return;
    if (need > b->cap) {
        size_t cap = need * 2 + 16;
        char *s = realloc(b->s, cap);
        if (!s) {
            b->oom = 1;
            return;
        }
        b->s = s;
        b->cap = cap;
    }
    if (b->n)
        b->s[b->n++] = ',';
    memcpy(b->s + b->n, item, k + 1);
    b->n += k;
}

/* hands b's string to the result's pool: the string ("" when empty), or NULL out of memory */
static const char *keep(cn_diff_result *r, sbuf *b)
{
    if (!b->oom && !b->s && !(b->s = calloc(1, 1)))
        b->oom = 1;
    cn_diff_pool *p = r->pool;
    if (!b->oom && p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        char **s = realloc(p->s, cap * sizeof *s);
        if (s) {
            p->s = s;
            p->cap = cap;
        } else {
            b->oom = 1;
        }
    }
    if (b->oom) {
        free(b->s);
        memset(b, 0, sizeof *b);
        return NULL;
    }
    p->s[p->n++] = b->s;
    const char *s = b->s;
    memset(b, 0, sizeof *b);
    return s;
}

static int wanted(const char *id, const char *mineral)
{
    size_t k = mineral ? strlen(mineral) : 0;
    return !mineral || (strncmp(id, mineral, k) == 0 && (id[k] == 0 || id[k] == ':'));
}

static int supplies_of(const cn_edge *e, const void *ctx)
{
    return e->kind == CN_EDGE_SUPPLIES && e->consumer == *(const int32_t *)ctx;
}

/* one side of the comparison: its deps result and its consumer's supplies edges by mineral */
typedef struct side {
    const cn_net *net;
    int32_t c;
    cn_deps_result d;
    int32_t *start, *bucket, *ix;
    int32_t *row_of; /* vertex -> deps row, or -1 */
} side;

static void side_free(side *s)
{
    cn_deps_result_free(&s->d);
    free(s->start);
    free(s->bucket);
    free(s->ix);
    free(s->row_of);
}

static cn_status side_run(side *s, const cn_net *net, const char *which, const cn_diff_opts *o, cn_error *err)
{
    memset(s, 0, sizeof *s);
    s->net = net;
    s->c = cn_net_find(net, o->consumer);
    if (s->c < 0 || net->vertices[s->c].type != CN_VERTEX_COUNTRY)
        return cn_error_set(err, CN_EUSAGE, "consumer '%s' is not a country of %s (%s)", o->consumer, which,
                            net->name ? net->name : "unnamed network");
    cn_deps_opts d;
    cn_deps_opts_init(&d);
    d.consumer = o->consumer;
    d.threshold = o->threshold;
    d.supply_threshold = o->supply_threshold;
    d.lists = o->lists;
    cn_status st = cn_deps_run(net, &d, &s->d, err);
    if (st)
        return st;
    s->ix = malloc(((size_t)net->nedges + 1) * sizeof *s->ix);
    s->row_of = malloc(((size_t)net->nvertices + 1) * sizeof *s->row_of);
    if (!s->ix || !s->row_of || cn_i_bucket_by_mineral(net, supplies_of, &s->c, &s->start, &s->bucket))
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    for (int32_t v = 0; v < net->nvertices; v++)
        s->row_of[v] = -1;
    for (size_t i = 0; i < s->d.n; i++)
        s->row_of[s->d.rows[i].mineral] = (int32_t)i;
    return CN_OK;
}

/* the headline import sources of mineral m on side s, best first, into s->ix; returns how many (no "other") */
static int32_t sources(side *s, int32_t m)
{
    int32_t n = cn_headline_imports(s->net, s->bucket + s->start[m], s->start[m + 1] - s->start[m], m, s->c, s->ix);
    int32_t k = 0;
    for (int32_t i = 0; i < n; i++)
        if (s->net->edges[s->ix[i]].country != CN_OTHER)
            s->ix[k++] = s->ix[i];
    cn_i_sort_sources(s->net, s->ix, (size_t)k);
    return k;
}

static int has(const char *list, const char *id)
{
    size_t k = strlen(id);
    for (const char *p = list; p && *p;) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == k && strncmp(p, id, k) == 0)
            return 1;
        p = e ? e + 1 : p + len;
    }
    return 0;
}

static void fill_side(cn_diff_result *r, side *s, int32_t m, cn_diff_side *o, int *oom)
{
    memset(o, 0, sizeof *o);
    o->nir = o->nir_lo = o->top_share = NAN;
    o->sources = "";
    if (m < 0 || s->row_of[m] < 0)
        return;
    const cn_deps_row *d = &s->d.rows[s->row_of[m]];
    const cn_net *net = s->net;
    o->present = 1;
    o->has_nir = d->has_nir;
    o->nir = d->nir;
    o->nir_lo = d->nir_lo;
    o->nir_text = d->nir_text;
    o->nir_flags = d->nir_flags;
    o->nir_year = d->nir_year;
    o->top = d->top == CN_NONE ? NULL : cn_net_country_label(net, d->top);
    o->top_share = d->imp.top_share;
    o->top_rank = d->top_rank;
    o->period = d->period;
    if (d->source >= 0) {
        const cn_source *src = &net->sources[d->source];
        o->edition = src->edition ? src->edition : src->title ? src->title : src->id;
    }
    o->single_source = d->single_source;
    o->concentrated_supply = d->concentrated_supply;
    sbuf b = {0};
    int32_t n = sources(s, m);
    for (int32_t i = 0; i < n; i++)
        sb_add(&b, cn_net_country_label(net, net->edges[s->ix[i]].country));
    if (!(o->sources = keep(r, &b)))
        *oom = 1, o->sources = "";
}

static int same_num(double a, double b)
{
    return (isnan(a) && isnan(b)) || (!isnan(a) && !isnan(b) && fabs(a - b) < 1e-9);
}

static unsigned changes(const cn_diff_row *w)
{
    const cn_diff_side *a = &w->then, *b = &w->now;
    if (!a->present)
        return CN_DIFF_NEW;
    if (!b->present)
        return CN_DIFF_GONE;
    unsigned c = 0;
    if (a->has_nir != b->has_nir || !same_num(a->nir, b->nir) || !same_num(a->nir_lo, b->nir_lo) ||
        (a->nir_flags & CN_F_NET_EXPORTER) != (b->nir_flags & CN_F_NET_EXPORTER))
        c |= CN_DIFF_NIR;
    if ((a->top == NULL) != (b->top == NULL) || (a->top && strcmp(a->top, b->top) != 0))
        c |= CN_DIFF_TOP;
    if (!same_num(a->top_share, b->top_share))
        c |= CN_DIFF_SHARE;
    if (*w->gained || *w->lost)
        c |= CN_DIFF_SOURCES;
    if (a->single_source != b->single_source)
        c |= CN_DIFF_SINGLE;
    if (a->concentrated_supply != b->concentrated_supply)
        c |= CN_DIFF_CONCENTRATED;
    return c;
}

/* the ids of list a that are not in list b; unnamed sources are not compared (one cannot tell whether they
 * are the same) */
static const char *minus(cn_diff_result *r, const char *a, const char *b, int *oom)
{
    sbuf out = {0};
    char item[256];
    for (const char *p = a; p && *p;) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        snprintf(item, sizeof item, "%.*s", (int)len, p);
        if (strcmp(item, "(unnamed)") != 0 && !has(b, item))
            sb_add(&out, item);
        p = e ? e + 1 : p + len;
    }
    const char *s = keep(r, &out);
    if (!s)
        *oom = 1;
    return s ? s : "";
}

static int row_cmp(const void *pa, const void *pb)
{
    return strcmp(((const cn_diff_row *)pa)->mineral, ((const cn_diff_row *)pb)->mineral);
}

/* ---- the supplier summary ---- */

typedef struct acc {
    const char *country;
    int32_t n[2], first[2], second[2];
    sbuf firsts[2], seconds[2];
} acc;

static acc *acc_of(acc **v, size_t *n, size_t *cap, const char *country)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*v)[i].country, country) == 0)
            return &(*v)[i];
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 32;
        acc *p = realloc(*v, c * sizeof *p);
        if (!p)
            return NULL;
        *v = p;
        *cap = c;
    }
    acc *a = &(*v)[(*n)++];
    memset(a, 0, sizeof *a);
    a->country = country;
    return a;
}

/* position p (0-based) of a sorted source list is known when its share is known or its rank is p + 1 */
static int position_known(const cn_edge *e, int32_t p)
{
    return !isnan(e->share) || e->rank == p + 1;
}

static int sup_cmp(const void *pa, const void *pb)
{
    const cn_diff_supplier *a = pa, *b = pb;
    if (a->n_now != b->n_now)
        return b->n_now - a->n_now;
    if (a->n_then != b->n_then)
        return b->n_then - a->n_then;
    return strcmp(a->country, b->country);
}

static cn_status summarise(cn_diff_result *r, side *sides, const cn_diff_opts *o, cn_error *err)
{
    acc *v = NULL;
    size_t n = 0, cap = 0;
    int oom = 0;
    for (int k = 0; k < 2 && !oom; k++) {
        side *s = &sides[k];
        for (size_t i = 0; i < r->n && !oom; i++) {
            const char *mid = r->rows[i].mineral;
            int32_t m = cn_net_find(s->net, mid);
            if (m < 0 || s->row_of[m] < 0)
                continue;
            int32_t ns = sources(s, m);
            for (int32_t p = 0; p < ns; p++) {
                const cn_edge *e = &s->net->edges[s->ix[p]];
                if (e->country < 0)
                    continue; /* unnamed: not a country's role */
                const char *id = s->net->vertices[e->country].id;
                if (o->supplier && strcmp(id, o->supplier) != 0)
                    continue;
                acc *a = acc_of(&v, &n, &cap, id);
                if (!a) {
                    oom = 1;
                    break;
                }
                a->n[k]++;
                if (p < 2 && position_known(e, p)) {
                    (p == 0 ? a->first : a->second)[k]++;
                    sb_add(p == 0 ? &a->firsts[k] : &a->seconds[k], mid);
                }
            }
        }
    }
    if (!oom && o->supplier && n == 0 && !acc_of(&v, &n, &cap, o->supplier))
        oom = 1; /* a supplier asked for and never a source: a row of zeros */
    if (!oom && !(r->suppliers = calloc(n + 1, sizeof *r->suppliers)))
        oom = 1;
    for (size_t i = 0; i < n; i++) {
        acc *a = &v[i];
        if (!oom) {
            cn_diff_supplier *x = &r->suppliers[r->nsuppliers++];
            x->country = a->country;
            x->n_then = a->n[0], x->n_now = a->n[1];
            x->first_then = a->first[0], x->first_now = a->first[1];
            x->second_then = a->second[0], x->second_now = a->second[1];
            x->firsts_then = keep(r, &a->firsts[0]);
            x->firsts_now = keep(r, &a->firsts[1]);
            x->seconds_then = keep(r, &a->seconds[0]);
            x->seconds_now = keep(r, &a->seconds[1]);
            oom = !x->firsts_then || !x->firsts_now || !x->seconds_then || !x->seconds_now;
        }
        for (int k = 0; k < 2; k++)
            free(a->firsts[k].s), free(a->seconds[k].s);
    }
    free(v);
    if (oom)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    qsort(r->suppliers, r->nsuppliers, sizeof *r->suppliers, sup_cmp);
    return CN_OK;
}

cn_status cn_diff_run(const cn_net *then, const cn_net *now, const cn_diff_opts *opts, cn_diff_result *out,
                      cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->consumer = opts->consumer;
    side s[2];
    cn_status st = side_run(&s[0], then, "then", opts, err);
    if (!st)
        st = side_run(&s[1], now, "now", opts, err);
    else
        memset(&s[1], 0, sizeof s[1]);
    if (!st && !(out->pool = calloc(1, sizeof *out->pool)))
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
    if (!st && !(out->rows = calloc(s[0].d.n + s[1].d.n + 1, sizeof *out->rows)))
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
    int oom = 0;
    /* now's rows, matched with then's by id; then then's rows that now lacks */
    for (int k = 1; k >= 0 && !st; k--) {
        for (size_t i = 0; i < s[k].d.n; i++) {
            int32_t m = s[k].d.rows[i].mineral;
            const char *id = s[k].net->vertices[m].id;
            if (!wanted(id, opts->mineral))
                continue;
            int32_t mt = cn_net_find(s[0].net, id), mn = cn_net_find(s[1].net, id);
            if (k == 0 && mn >= 0 && s[1].row_of[mn] >= 0)
                continue; /* already matched */
            if (k == 0)
                out->minerals_then++;
            else
                out->minerals_now++, out->minerals_then += mt >= 0 && s[0].row_of[mt] >= 0;
            cn_diff_row *w = &out->rows[out->n++];
            w->mineral = id;
            fill_side(out, &s[0], mt, &w->then, &oom);
            fill_side(out, &s[1], mn, &w->now, &oom);
            /* sources gained and lost where the mineral is on both sides (new and gone rows say so) */
            int both = w->then.present && w->now.present;
            w->gained = minus(out, both ? w->now.sources : "", w->then.sources, &oom);
            w->lost = minus(out, both ? w->then.sources : "", w->now.sources, &oom);
            w->changes = changes(w);
        }
    }
    if (!st && oom)
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
    if (!st && opts->mineral && out->n == 0)
        st = cn_error_set(err, CN_EUSAGE, "no figures for mineral '%s' and consumer %s in either network",
                          opts->mineral, opts->consumer);
    if (!st && opts->supplier) { /* only the minerals the supplier is a source of, on either side */
        size_t k = 0;
        for (size_t i = 0; i < out->n; i++)
            if (has(out->rows[i].then.sources, opts->supplier) || has(out->rows[i].now.sources, opts->supplier))
                out->rows[k++] = out->rows[i];
        out->n = k;
    }
    if (!st) {
        qsort(out->rows, out->n, sizeof *out->rows, row_cmp);
        st = summarise(out, s, opts, err);
    }
    side_free(&s[0]);
    side_free(&s[1]);
    if (st)
        cn_diff_result_free(out);
    return st;
}

void cn_diff_result_free(cn_diff_result *r)
{
    if (r->pool) {
        for (size_t i = 0; i < r->pool->n; i++)
            free(r->pool->s[i]);
        free(r->pool->s);
        free(r->pool);
    }
    free(r->rows);
    free(r->suppliers);
    memset(r, 0, sizeof *r);
}
