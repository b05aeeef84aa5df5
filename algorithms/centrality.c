/* algorithms/centrality.c: centralities of every vertex of the bipartite supply network or of a one-mode
 * projection, with the conventions of docs/measures-network.md (networkx's normalisations). */
#include "critnet/centrality.h"
#include "projection_i.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const measure_names[CN_MEASURE_COUNT] = {"degree", "strength", "betweenness", "closeness",
                                                      "harmonic", "pagerank", "eigenvector", "hub"};

const char *cn_measure_name(cn_measure m)
{
    return (unsigned)m < CN_MEASURE_COUNT ? measure_names[m] : "?";
}

int cn_measure_parse(const char *s, cn_measure *out)
{
    for (int i = 0; i < CN_MEASURE_COUNT; i++)
        if (strcmp(s, measure_names[i]) == 0) {
            *out = (cn_measure)i;
            return 0;
        }
    return -1;
}

void cn_centrality_opts_init(cn_centrality_opts *o)
{
    memset(o, 0, sizeof *o);
    o->measures = (1u << CN_MEASURE_COUNT) - 1;
    o->projection = CN_PROJECTION_ONTO_NONE;
    o->max_edges = CN_CENTRALITY_MAX_EDGES;
}

/* the graph the measures run on: compact vertices 0..n-1 -> net vertex vmap[i] */
typedef struct {
    int32_t n, m;
    int32_t *vmap, *ends;
    double *w;        /* strengths (shares) when weighted */
    double *len;      /* lengths 1/share when weighted */
    int32_t dropped;
} work;

static void work_free(work *k)
{
    free(k->vmap);
    free(k->ends);
    free(k->w);
    free(k->len);
}

static cn_status work_alloc(work *k, int32_t n, int32_t m, cn_error *err)
{
    k->vmap = malloc(((size_t)n + 1) * sizeof *k->vmap);
    k->ends = malloc(((size_t)m * 2 + 1) * sizeof *k->ends);
    k->w = malloc(((size_t)m + 1) * sizeof *k->w);
    k->len = malloc(((size_t)m + 1) * sizeof *k->len);
    if (!k->vmap || !k->ends || !k->w || !k->len)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    return CN_OK;
}

/* the measures computed on a projection over opts.max_edges, without materialising it */
#define IMPLICIT_MEASURES ((1u << CN_MEASURE_DEGREE) | (1u << CN_MEASURE_STRENGTH) | (1u << CN_MEASURE_PAGERANK))

/* the projection's pairs from its bitset rows, in (a, b) order as cn_projection_run gives them, weight 1 */
static cn_status work_from_bits(const cn_i_projbits *pb, work *k, cn_error *err)
{
    cn_status st = work_alloc(k, pb->n, (int32_t)pb->nedges, err);
    if (st)
        return st;
    k->n = pb->n;
    memcpy(k->vmap, pb->vertices, (size_t)pb->n * sizeof *k->vmap);
    for (int32_t a = 0; a < pb->n; a++) {
        const uint64_t *row = pb->rows + (size_t)a * pb->words;
        for (int32_t w = a / 64; w < pb->words; w++)
            for (uint64_t bits = row[w]; bits; bits &= bits - 1) {
                int32_t b = w * 64 + __builtin_ctzll(bits);
                if (b <= a)
                    continue;
                k->ends[2 * k->m] = a;
                k->ends[2 * k->m + 1] = b;
                k->w[k->m++] = 1.0;
            }
    }
    return CN_OK;
}

/* the edge limit o->max_edges stands for: 0 the default, negative (CN_CENTRALITY_MAX_EDGES_NONE) 0 edges */
static int64_t edge_limit(const cn_centrality_opts *o)
{
    return o->max_edges == 0 ? CN_CENTRALITY_MAX_EDGES : o->max_edges < 0 ? 0 : o->max_edges;
}

/* a projection: its bitset rows first (which pairs are joined, how many); over edge_limit(o) they stay the
 * graph (*pb filled, k empty), else unweighted the pairs become k's edges, weighted cn_projection_run()
 * computes the sums of min shares */
static cn_status build_projection(const cn_net *net, const cn_centrality_opts *o, const cn_bipartite *b, work *k,
                                  cn_i_projbits *pb, int *weighted_path, cn_error *err)
{
    cn_vertex_type side = o->projection == CN_PROJECTION_ONTO_MINERALS ? CN_VERTEX_MINERAL : CN_VERTEX_COUNTRY;
    int r = cn_i_projbits_build(net, b, side, pb);
    if (r < 0)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    int64_t limit = edge_limit(o);
    if (r == 0 && pb->nedges > limit) {
        if (o->weighted || (o->measures & ~IMPLICIT_MEASURES)) {
            cn_error_set(err, CN_EUSAGE,
                         "the %s projection has %lld edges, over the limit of %lld: only degree, strength and "
                         "pagerank, unweighted, are computed on a projection that large",
                         side == CN_VERTEX_MINERAL ? "minerals" : "countries", (long long)pb->nedges,
                         (long long)limit);
            cn_i_projbits_free(pb);
            return CN_EUSAGE;
        }
        cn_status st = work_alloc(k, pb->n, 0, err); /* the implicit path: vertices only */
        if (!st) {
            k->n = pb->n;
            memcpy(k->vmap, pb->vertices, (size_t)pb->n * sizeof *k->vmap);
        } else {
            cn_i_projbits_free(pb);
        }
        return st;
    }
    if (r == 0 && !o->weighted) {
        cn_status st = work_from_bits(pb, k, err);
        cn_i_projbits_free(pb);
        return st;
    }
    cn_i_projbits_free(pb);
    *weighted_path = 1; /* weighted, or too many vertices for bitsets */
    return CN_OK;
}

static cn_status build_work(const cn_net *net, const cn_centrality_opts *o, work *k, cn_i_projbits *pb,
                            cn_error *err)
{
    memset(k, 0, sizeof *k);
    memset(pb, 0, sizeof *pb);
    cn_bipartite b;
    /* a projection keeps unknown shares: a projected edge with an unknown term is unknown, not partial */
    int proj = o->projection != CN_PROJECTION_ONTO_NONE;
    cn_status st = cn_bipartite_build(net, o->kinds, o->weighted && !proj, &b, &k->dropped, err);
    if (st)
        return st;
    if (o->projection == CN_PROJECTION_ONTO_NONE) {
        if (!(st = work_alloc(k, b.n, b.m, err))) {
            k->n = b.n;
            for (int32_t v = 0; v < b.n; v++)
                k->vmap[v] = v;
            memcpy(k->ends, b.ends, (size_t)b.m * 2 * sizeof *k->ends);
            memcpy(k->w, b.share, (size_t)b.m * sizeof *k->w);
            k->m = b.m;
        }
        cn_bipartite_free(&b);
        return st;
    }
    int weighted_path = 0;
    st = build_projection(net, o, &b, k, pb, &weighted_path, err);
    if (st || !weighted_path) {
        cn_bipartite_free(&b);
        return st;
    }
    cn_projection_result p;
    st = cn_projection_run(net, &b, o->projection, &p, err);
    cn_bipartite_free(&b);
    if (st)
        return st;
    int32_t *local = malloc(((size_t)net->nvertices + 1) * sizeof *local);
    if (!local || (st = work_alloc(k, p.nvertices, p.nedges, err))) {
        free(local);
        cn_projection_result_free(&p);
        return st ? st : cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    k->n = p.nvertices;
    for (int32_t i = 0; i < p.nvertices; i++) {
        k->vmap[i] = p.vertices[i];
        local[p.vertices[i]] = i;
    }
    for (int32_t e = 0; e < p.nedges; e++) {
        const cn_projection_edge *pe = &p.edges[e];
        double w = o->weighted ? pe->min_share : 1.0;
        if (o->weighted && !(w > 0)) { /* unknown (or zero) weight: left out and counted */
            k->dropped++;
            continue;
        }
        k->ends[2 * k->m] = local[pe->a];
        k->ends[2 * k->m + 1] = local[pe->b];
        k->w[k->m++] = w;
    }
    free(local);
    cn_projection_result_free(&p);
    return CN_OK;
}

/* the largest betweenness a vertex of a side of n vertices can have when the other side has m
 * (Borgatti & Everett 1997, as networkx's bipartite.betweenness_centrality computes it) */
static double bet_max(double n, double m)
{
    double s = floor((n - 1) / m), t = (n - 1) - s * m;
    return ((m * m) * ((s + 1) * (s + 1)) + m * (s + 1) * (2 * t - s - 1) - t * ((2 * s) - t + 3)) / 2.0;
}

/* the sort of the rows: the net (for ids) and the measure to sort by */
typedef struct sort_key {
    const cn_net *net;
    cn_measure by;
} sort_key;

static int row_cmp(const void *pa, const void *pb, void *ctx)
{
    const sort_key *k = ctx;
    const cn_centrality_row *a = pa, *b = pb;
    double x = a->v[k->by], y = b->v[k->by];
    int xn = isnan(x), yn = isnan(y);
    if (xn != yn)
        return xn - yn;
    if (!xn && x != y)
        return x > y ? -1 : 1;
    return strcmp(k->net->vertices[a->vertex].id, k->net->vertices[b->vertex].id);
}

static cn_status compute(const cn_net *net, const cn_centrality_opts *o, const work *k, cn_centrality_row *rows,
                         double *tmp, int32_t *itmp, cn_error *err)
{
    int32_t n = k->n;
    cn_graph g = {.n = n, .m = k->m, .ends = k->ends, .w = NULL, .directed = 0};
    cn_graph gw = g, gl = g;
    if (o->weighted) {
        gw.w = k->w;
        gl.w = k->len;
    }
    /* counts of each side, for the bipartite normalisations */
    double side[2] = {0, 0};
    for (int32_t i = 0; i < n; i++)
        side[net->vertices[k->vmap[i]].type]++;
    cn_status st;
#define WANT(x) (o->measures & (1u << (x)))
#define SET(x, expr)                                                                                    \
    for (int32_t i = 0; i < n; i++) {                                                                   \
        int ty_ = net->vertices[k->vmap[i]].type;                                                       \
        (void)ty_;                                                                                      \
        rows[i].v[x] = (expr);                                                                          \
    }
    if (WANT(CN_MEASURE_DEGREE)) {
        if ((st = cn_graph_degree(&g, tmp, err)))
            return st;
        SET(CN_MEASURE_DEGREE, o->bipartite_norm ? (side[!ty_] > 0 ? tmp[i] / side[!ty_] : 0.0) : tmp[i]);
    }
    if (WANT(CN_MEASURE_STRENGTH)) {
        if ((st = cn_graph_strength(&gw, tmp, err)))
            return st;
        SET(CN_MEASURE_STRENGTH, tmp[i]);
    }
    if (WANT(CN_MEASURE_BETWEENNESS)) {
        if ((st = cn_graph_betweenness(&gl, tmp, err)))
            return st;
        double scale = n > 2 ? 2.0 / ((n - 1.0) * (n - 2.0)) : 1.0;
        double bmax[2] = {bet_max(side[0], side[1]), bet_max(side[1], side[0])};
        SET(CN_MEASURE_BETWEENNESS, o->bipartite_norm ? (bmax[ty_] != 0 ? tmp[i] / bmax[ty_] : 0.0) + 0.0
                                                : tmp[i] * scale);
    }
    if (WANT(CN_MEASURE_CLOSENESS)) {
        if ((st = cn_graph_closeness(&gl, tmp, itmp, err)))
            return st;
        /* Wasserman-Faust: (r/(n-1)) * r / sum d; bipartite: (m + 2(n-1)) / sum d, times r/(N-1) */
        SET(CN_MEASURE_CLOSENESS,
            itmp[i] == 0 || n < 2 ? 0.0
            : o->bipartite_norm   ? (side[!ty_] + 2 * (side[ty_] - 1)) * tmp[i] * itmp[i] / (n - 1.0)
                                  : (itmp[i] / (n - 1.0)) * itmp[i] * tmp[i]);
    }
    if (WANT(CN_MEASURE_HARMONIC)) {
        if ((st = cn_graph_harmonic(&gl, tmp, err)))
            return st;
        SET(CN_MEASURE_HARMONIC, n > 1 ? tmp[i] / (n - 1.0) : 0.0);
    }
    if (WANT(CN_MEASURE_PAGERANK)) {
        if ((st = cn_graph_pagerank(&gw, tmp, err)))
            return st;
        SET(CN_MEASURE_PAGERANK, tmp[i]);
    }
    if (WANT(CN_MEASURE_EIGENVECTOR)) {
        if ((st = cn_graph_eigenvector(&gw, tmp, err)))
            return st;
        SET(CN_MEASURE_EIGENVECTOR, tmp[i]);
    }
    if (WANT(CN_MEASURE_HUB) && o->projection == CN_PROJECTION_ONTO_NONE) {
        /* country -> mineral: hubs are countries, authorities minerals; each row shows its side's score */
        cn_graph gd = gw;
        gd.directed = 1;
        double *auth = tmp + n;
        if ((st = cn_graph_hits(&gd, tmp, auth, err)))
            return st;
        SET(CN_MEASURE_HUB, ty_ == CN_VERTEX_COUNTRY ? tmp[i] : auth[i]);
    }
#undef SET
#undef WANT
    return CN_OK;
}

/* degree, strength (the degree: unweighted) and PageRank of a projection kept as bitset rows */
static cn_status compute_implicit(const cn_centrality_opts *o, const cn_i_projbits *pb, cn_centrality_row *rows,
                                  double *tmp, cn_error *err)
{
    for (int32_t i = 0; i < pb->n; i++) {
        if (o->measures & (1u << CN_MEASURE_DEGREE))
            rows[i].v[CN_MEASURE_DEGREE] = pb->deg[i];
        if (o->measures & (1u << CN_MEASURE_STRENGTH))
            rows[i].v[CN_MEASURE_STRENGTH] = pb->deg[i];
    }
    if (!(o->measures & (1u << CN_MEASURE_PAGERANK)))
        return CN_OK;
    cn_status st = cn_i_projbits_pagerank(pb, 0.85, tmp, err);
    for (int32_t i = 0; !st && i < pb->n; i++)
        rows[i].v[CN_MEASURE_PAGERANK] = tmp[i];
    return st;
}

cn_status cn_centrality_run(const cn_net *net, const cn_centrality_opts *o, cn_centrality_result *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->opts = *o;
    unsigned all = (1u << CN_MEASURE_COUNT) - 1;
    if (!o->measures || (o->measures & ~all))
        return cn_error_set(err, CN_EUSAGE, "no measure chosen");
    if (o->bipartite_norm && o->projection != CN_PROJECTION_ONTO_NONE)
        return cn_error_set(err, CN_EUSAGE, "the bipartite normalisation applies to the bipartite network, "
                                            "not to a projection");
    if (o->bipartite_norm && o->weighted)
        return cn_error_set(err, CN_EUSAGE, "the bipartite normalisation is defined for unweighted measures");
    if (o->projection != CN_PROJECTION_ONTO_NONE && o->measures == (1u << CN_MEASURE_HUB))
        return cn_error_set(err, CN_EUSAGE, "hub scores need the directed bipartite network, not a projection");
    work k;
    cn_i_projbits pb = {0}; /* rows != NULL: a projection over edge_limit(o), measured without its edges */
    cn_status st = build_work(net, o, &k, &pb, err);
    if (st) {
        work_free(&k);
        return st;
    }
    for (int32_t e = 0; e < k.m; e++)
        k.len[e] = 1.0 / k.w[e];
    out->rows = calloc((size_t)k.n + 1, sizeof *out->rows);
    double *tmp = malloc(((size_t)k.n * 2 + 1) * sizeof *tmp);
    int32_t *itmp = malloc(((size_t)k.n + 1) * sizeof *itmp);
    if (!out->rows || !tmp || !itmp) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    for (int32_t i = 0; i < k.n; i++) {
        out->rows[i].vertex = k.vmap[i];
        for (int j = 0; j < CN_MEASURE_COUNT; j++)
            out->rows[i].v[j] = NAN;
    }
    out->n = (size_t)k.n;
    out->nedges = pb.rows ? (int32_t)pb.nedges : k.m;
    out->dropped = k.dropped;
    if (pb.rows) {
        if ((st = compute_implicit(o, &pb, out->rows, tmp, err)) ||
            (st = cn_i_projbits_components(&pb, itmp, &out->ncomponents, err)))
            goto done;
    } else {
        if ((st = compute(net, o, &k, out->rows, tmp, itmp, err)))
            goto done;
        cn_graph g = {.n = k.n, .m = k.m, .ends = k.ends};
        if ((st = cn_graph_components(&g, itmp, &out->ncomponents, err)))
            goto done;
    }
    for (int32_t i = 0; i < k.n; i++)
        out->rows[i].component = itmp[i];
    out->sort_by = CN_MEASURE_DEGREE;
    while (!(o->measures & (1u << out->sort_by)))
        out->sort_by++;
    sort_key key = {net, out->sort_by};
    cn_sort_r(out->rows, out->n, sizeof *out->rows, row_cmp, &key);
done:
    free(tmp);
    free(itmp);
    work_free(&k);
    cn_i_projbits_free(&pb);
    if (st)
        cn_centrality_result_free(out);
    return st;
}

void cn_centrality_result_free(cn_centrality_result *r)
{
    free(r->rows);
    r->rows = NULL;
    r->n = 0;
}
