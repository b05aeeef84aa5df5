/* graph/igraph_measures.c: thin igraph wrappers for the network analyses (centralities, components, cut vertices,
 * bridges, dominators, minimum cuts) on a plain cn_graph graph. The only place these igraph calls live. */
#include "critnet/graph.h"
#include "igraph_i.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* builds the igraph graph of g; *w gets a view of the weights (or NULL) */
static cn_status make(const cn_graph *g, igraph_t *ig, igraph_vector_t *wview, const igraph_vector_t **w,
                      cn_error *err)
{
    cn_i_igraph_init();
    igraph_vector_int_t el;
    igraph_error_t rc = igraph_vector_int_init(&el, 2 * (igraph_integer_t)g->m);
    if (rc != IGRAPH_SUCCESS)
        return cn_i_igraph_status(rc, "building a graph", err);
    for (int32_t i = 0; i < 2 * g->m; i++)
        VECTOR(el)[i] = g->ends[i];
    rc = igraph_create(ig, &el, g->n, g->directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&el);
    if (rc != IGRAPH_SUCCESS)
        return cn_i_igraph_status(rc, "building a graph", err);
    if (w)
        *w = g->w ? igraph_vector_view(wview, g->w, g->m) : NULL;
    return CN_OK;
}

cn_status cn_graph_check_weights(const cn_graph *g, const char *what, cn_error *err)
{
    for (int32_t i = 0; g->w && i < g->m; i++)
        if (!isfinite(g->w[i]) || g->w[i] <= 0)
            return cn_error_set(err, CN_EDATA, "%s must be finite and > 0 (edge %d is %g)", what, (int)i,
                                g->w[i]);
    return CN_OK;
}

/* copies an igraph result vector into out, turning -0 into +0 */
static void copy_out(const igraph_vector_t *v, double *out, int32_t n)
{
    for (int32_t i = 0; i < n; i++)
        out[i] = VECTOR(*v)[i] + 0.0;
}

/* the shared shape of the one-vector measures */
typedef igraph_error_t (*measure_fn)(const igraph_t *ig, const igraph_vector_t *w, igraph_vector_t *res);

static cn_status run_measure(const cn_graph *g, measure_fn fn, const char *what, double *out, cn_error *err)
{
    cn_status st = cn_graph_check_weights(g, what, err);
    if (st)
        return st;
    igraph_t ig;
    igraph_vector_t wview, res;
    const igraph_vector_t *w;
    if ((st = make(g, &ig, &wview, &w, err)))
        return st;
    igraph_error_t rc = igraph_vector_init(&res, 0);
    if (rc == IGRAPH_SUCCESS) {
        rc = fn(&ig, w, &res);
        if (rc == IGRAPH_SUCCESS)
            copy_out(&res, out, g->n);
        igraph_vector_destroy(&res);
    }
    igraph_destroy(&ig);
    return cn_i_igraph_status(rc, what, err);
}

static igraph_error_t f_strength(const igraph_t *ig, const igraph_vector_t *w, igraph_vector_t *res)
{
#if IGRAPH_VERSION_MAJOR >= 1
    return igraph_strength(ig, res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, w);
#else
    return igraph_strength(ig, res, igraph_vss_all(), IGRAPH_ALL, true, w);
#endif
}

static igraph_error_t f_betweenness(const igraph_t *ig, const igraph_vector_t *w, igraph_vector_t *res)
{
#if IGRAPH_VERSION_MAJOR >= 1
    return igraph_betweenness(ig, w, res, igraph_vss_all(), true, false);
#else
    return igraph_betweenness(ig, res, igraph_vss_all(), true, w);
#endif
}

static igraph_error_t f_harmonic(const igraph_t *ig, const igraph_vector_t *w, igraph_vector_t *res)
{
    return igraph_harmonic_centrality(ig, res, igraph_vss_all(), IGRAPH_ALL, w, false);
}

cn_status cn_graph_degree(const cn_graph *g, double *out, cn_error *err)
{
    cn_graph u = *g;
    u.w = NULL; /* strength without weights is the degree */
    return run_measure(&u, f_strength, "degree", out, err);
}

cn_status cn_graph_strength(const cn_graph *g, double *out, cn_error *err)
{
    return run_measure(g, f_strength, "strength weights", out, err);
}

cn_status cn_graph_betweenness(const cn_graph *g, double *out, cn_error *err)
{
    return run_measure(g, f_betweenness, "betweenness lengths", out, err);
}

cn_status cn_graph_harmonic(const cn_graph *g, double *out, cn_error *err)
{
    return run_measure(g, f_harmonic, "harmonic centrality lengths", out, err);
}

cn_status cn_graph_pagerank(const cn_graph *g, double *out, cn_error *err)
{
    cn_status st = cn_graph_check_weights(g, "PageRank weights", err);
    if (st)
        return st;
    igraph_t ig;
    igraph_vector_t wview, res;
    const igraph_vector_t *w;
    if ((st = make(g, &ig, &wview, &w, err)))
        return st;
    if (igraph_vector_init(&res, 0) != IGRAPH_SUCCESS) {
        igraph_destroy(&ig);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    st = cn_i_igraph_pagerank(&ig, w, 0.85, &res, err);
    if (!st)
        copy_out(&res, out, g->n);
    igraph_vector_destroy(&res);
    igraph_destroy(&ig);
    return st;
}

cn_status cn_graph_closeness(const cn_graph *g, double *inv_sum, int32_t *reached, cn_error *err)
{
    cn_status st = cn_graph_check_weights(g, "closeness lengths", err);
    if (st)
        return st;
    igraph_t ig;
    igraph_vector_t wview, res;
    igraph_vector_int_t cnt;
    const igraph_vector_t *w;
    if ((st = make(g, &ig, &wview, &w, err)))
        return st;
    igraph_error_t rc = igraph_vector_init(&res, 0);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_vector_int_init(&cnt, 0);
        if (rc == IGRAPH_SUCCESS) {
            igraph_bool_t all;
            rc = igraph_closeness(&ig, &res, &cnt, &all, igraph_vss_all(), IGRAPH_ALL, w, false);
            for (int32_t i = 0; rc == IGRAPH_SUCCESS && i < g->n; i++) {
                inv_sum[i] = VECTOR(res)[i] + 0.0;
                reached[i] = (int32_t)VECTOR(cnt)[i];
            }
            igraph_vector_int_destroy(&cnt);
        }
        igraph_vector_destroy(&res);
    }
    igraph_destroy(&ig);
    return cn_i_igraph_status(rc, "closeness", err);
}

cn_status cn_graph_components(const cn_graph *g, int32_t *comp, int32_t *ncomp, cn_error *err)
{
    igraph_t ig;
    cn_status st = make(g, &ig, NULL, NULL, err);
    if (st)
        return st;
    igraph_vector_int_t memb;
    igraph_integer_t no = 0;
    igraph_error_t rc = igraph_vector_int_init(&memb, 0);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_connected_components(&ig, &memb, NULL, &no, IGRAPH_WEAK);
        for (int32_t i = 0; rc == IGRAPH_SUCCESS && i < g->n; i++)
            comp[i] = (int32_t)VECTOR(memb)[i]; /* igraph numbers components in order of first vertex */
        igraph_vector_int_destroy(&memb);
    }
    igraph_destroy(&ig);
    *ncomp = (int32_t)no;
    return cn_i_igraph_status(rc, "connected components", err);
}

/* a component as its own graph: sub.ends/w index the component's vertices 0..k-1; vmap[k] = vertex */
typedef struct {
    cn_graph g;
    int32_t *ends, *vmap, *local;
    double *w;
} subgraph;

static void sub_free(subgraph *s)
{
    free(s->ends);
    free(s->vmap);
    free(s->local);
    free(s->w);
}

static cn_status sub_make(const cn_graph *g, const int32_t *comp, int32_t c, subgraph *s, cn_error *err)
{
    memset(s, 0, sizeof *s);
    s->vmap = malloc(((size_t)g->n + 1) * sizeof *s->vmap);
    s->local = malloc(((size_t)g->n + 1) * sizeof *s->local);
    s->ends = malloc(((size_t)g->m * 2 + 1) * sizeof *s->ends);
    s->w = malloc(((size_t)g->m + 1) * sizeof *s->w);
    if (!s->vmap || !s->local || !s->ends || !s->w) {
        sub_free(s);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    int32_t k = 0, m = 0;
    for (int32_t v = 0; v < g->n; v++)
        if (comp[v] == c) {
            s->local[v] = k;
            s->vmap[k++] = v;
        }
    for (int32_t e = 0; e < g->m; e++) {
        if (comp[g->ends[2 * e]] != c)
            continue;
        s->ends[2 * m] = s->local[g->ends[2 * e]];
        s->ends[2 * m + 1] = s->local[g->ends[2 * e + 1]];
        s->w[m++] = g->w ? g->w[e] : 1.0;
    }
    s->g = (cn_graph){.n = k, .m = m, .ends = s->ends, .w = g->w ? s->w : NULL, .directed = g->directed};
    return CN_OK;
}

/* spectral measures per component: fn fills a (and b) for the component graph */
typedef igraph_error_t (*spectral_fn)(const igraph_t *ig, const igraph_vector_t *w, igraph_vector_t *a,
                                      igraph_vector_t *b);

static igraph_error_t f_eigen(const igraph_t *ig, const igraph_vector_t *w, igraph_vector_t *a,
                              igraph_vector_t *b)
{
    (void)b;
    igraph_real_t value;
#if IGRAPH_VERSION_MAJOR >= 1
    return igraph_eigenvector_centrality(ig, a, &value, IGRAPH_ALL, w, NULL);
#else
    return igraph_eigenvector_centrality(ig, a, &value, false, true, w, NULL);
#endif
}

static igraph_error_t f_hits(const igraph_t *ig, const igraph_vector_t *w, igraph_vector_t *a,
                             igraph_vector_t *b)
{
    igraph_real_t value;
#if IGRAPH_VERSION_MAJOR >= 1
    return igraph_hub_and_authority_scores(ig, a, b, &value, w, NULL);
#else
    return igraph_hub_and_authority_scores(ig, a, b, &value, true, w, NULL);
#endif
}

static void scale_max1(igraph_vector_t *v)
{
    double mx = 0;
    for (igraph_integer_t i = 0; i < igraph_vector_size(v); i++)
        if (fabs(VECTOR(*v)[i]) > mx)
            mx = fabs(VECTOR(*v)[i]);
    for (igraph_integer_t i = 0; mx > 0 && i < igraph_vector_size(v); i++)
        VECTOR(*v)[i] = fabs(VECTOR(*v)[i]) / mx + 0.0;
}

static cn_status per_component(const cn_graph *g, spectral_fn fn, const char *what, double *a, double *b,
                               cn_error *err)
{
    cn_status st = cn_graph_check_weights(g, what, err);
    if (st)
        return st;
    int32_t *comp = malloc(((size_t)g->n + 1) * sizeof *comp), ncomp = 0;
    if (!comp)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    if ((st = cn_graph_components(g, comp, &ncomp, err))) {
        free(comp);
        return st;
    }
    for (int32_t v = 0; v < g->n; v++) {
        if (a)
            a[v] = 0.0;
        if (b)
            b[v] = 0.0;
    }
    for (int32_t c = 0; c < ncomp && !st; c++) {
        subgraph s;
        if ((st = sub_make(g, comp, c, &s, err)))
            break;
        if (s.g.m == 0) { /* an isolated vertex: no eigenvector to speak of; 0 */
            sub_free(&s);
            continue;
        }
        igraph_t ig;
        igraph_vector_t wview, va, vb;
        const igraph_vector_t *w;
        if ((st = make(&s.g, &ig, &wview, &w, err))) {
            sub_free(&s);
            break;
        }
        igraph_error_t rc = igraph_vector_init(&va, 0);
        if (rc == IGRAPH_SUCCESS && (rc = igraph_vector_init(&vb, 0)) != IGRAPH_SUCCESS)
            igraph_vector_destroy(&va);
        if (rc == IGRAPH_SUCCESS) {
            rc = fn(&ig, w, &va, &vb);
            if (rc == IGRAPH_SUCCESS) {
                scale_max1(&va);
                scale_max1(&vb);
                for (int32_t k = 0; k < s.g.n; k++) {
                    if (a)
                        a[s.vmap[k]] = VECTOR(va)[k];
                    if (b && igraph_vector_size(&vb) == s.g.n)
                        b[s.vmap[k]] = VECTOR(vb)[k];
                }
            }
            igraph_vector_destroy(&va);
            igraph_vector_destroy(&vb);
        }
        igraph_destroy(&ig);
        sub_free(&s);
        st = cn_i_igraph_status(rc, what, err);
    }
    free(comp);
    return st;
}

cn_status cn_graph_eigenvector(const cn_graph *g, double *out, cn_error *err)
{
    if (g->directed)
        return cn_error_set(err, CN_EUSAGE, "eigenvector centrality: the graph must be undirected");
    return per_component(g, f_eigen, "eigenvector centrality weights", out, NULL, err);
}

cn_status cn_graph_hits(const cn_graph *g, double *hub, double *auth, cn_error *err)
{
    if (!g->directed)
        return cn_error_set(err, CN_EUSAGE, "hub scores: the graph must be directed");
    return per_component(g, f_hits, "hub score weights", hub, auth, err);
}

static int cmp_i32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* runs an igraph function that returns a set of ids; returns it sorted as a malloc'd array */
typedef igraph_error_t (*set_fn)(const igraph_t *ig, igraph_vector_int_t *res);

static cn_status run_set(const cn_graph *g, set_fn fn, const char *what, int32_t **out, int32_t *nout,
                         cn_error *err)
{
    *out = NULL;
    *nout = 0;
    igraph_t ig;
    cn_status st = make(g, &ig, NULL, NULL, err);
    if (st)
        return st;
    igraph_vector_int_t res;
    igraph_error_t rc = igraph_vector_int_init(&res, 0);
    if (rc == IGRAPH_SUCCESS) {
        rc = fn(&ig, &res);
        if (rc == IGRAPH_SUCCESS) {
            igraph_integer_t k = igraph_vector_int_size(&res);
            *out = malloc(((size_t)k + 1) * sizeof **out);
            if (!*out) {
                igraph_vector_int_destroy(&res);
                igraph_destroy(&ig);
                return cn_error_set(err, CN_ENOMEM, "out of memory");
            }
            for (igraph_integer_t i = 0; i < k; i++)
                (*out)[i] = (int32_t)VECTOR(res)[i];
            *nout = (int32_t)k;
            qsort(*out, (size_t)k, sizeof **out, cmp_i32); /* igraph's order is unspecified */
        }
        igraph_vector_int_destroy(&res);
    }
    igraph_destroy(&ig);
    return cn_i_igraph_status(rc, what, err);
}

static igraph_error_t f_artic(const igraph_t *ig, igraph_vector_int_t *res)
{
    return igraph_articulation_points(ig, res);
}

static igraph_error_t f_bridges(const igraph_t *ig, igraph_vector_int_t *res)
{
    return igraph_bridges(ig, res);
}

cn_status cn_graph_articulation_points(const cn_graph *g, int32_t **out, int32_t *nout, cn_error *err)
{
    cn_graph u = *g;
    u.directed = 0;
    return run_set(&u, f_artic, "articulation points", out, nout, err);
}

cn_status cn_graph_bridges(const cn_graph *g, int32_t **out, int32_t *nout, cn_error *err)
{
    cn_graph u = *g;
    u.directed = 0;
    return run_set(&u, f_bridges, "bridges", out, nout, err);
}

cn_status cn_graph_dominators(const cn_graph *g, int32_t root, int32_t *idom, cn_error *err)
{
    if (!g->directed || root < 0 || root >= g->n)
        return cn_error_set(err, CN_EUSAGE, "dominator tree: needs a directed graph and a valid root");
    igraph_t ig;
    cn_status st = make(g, &ig, NULL, NULL, err);
    if (st)
        return st;
    igraph_vector_int_t dom;
    igraph_error_t rc = igraph_vector_int_init(&dom, 0);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_dominator_tree(&ig, root, &dom, NULL, NULL, IGRAPH_OUT);
        /* igraph: dom[root] = root itself; unreachable vertices get -1 (0.10: -1, documented as "-1") */
        for (int32_t v = 0; rc == IGRAPH_SUCCESS && v < g->n; v++) {
            igraph_integer_t d = VECTOR(dom)[v];
            idom[v] = v == root ? CN_DOM_ROOT : d < 0 ? CN_DOM_UNREACHED : (int32_t)d;
        }
        igraph_vector_int_destroy(&dom);
    }
    igraph_destroy(&ig);
    return cn_i_igraph_status(rc, "dominator tree", err);
}

cn_status cn_graph_st_mincut(const cn_graph *g, int32_t s, int32_t t, double *value, int32_t *cut_edges,
                          int32_t *ncut, cn_error *err)
{
    if (s < 0 || s >= g->n || t < 0 || t >= g->n || s == t || !g->w)
        return cn_error_set(err, CN_EUSAGE, "minimum cut: needs distinct source and target and capacities");
    cn_status st = cn_graph_check_weights(g, "capacities", err);
    if (st)
        return st;
    igraph_t ig;
    igraph_vector_t wview;
    const igraph_vector_t *w;
    if ((st = make(g, &ig, &wview, &w, err)))
        return st;
    igraph_vector_int_t cut;
    igraph_real_t val = 0;
    *ncut = 0;
    igraph_error_t rc = igraph_vector_int_init(&cut, 0);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_st_mincut(&ig, &val, &cut, NULL, NULL, s, t, w);
        for (igraph_integer_t i = 0; rc == IGRAPH_SUCCESS && i < igraph_vector_int_size(&cut); i++)
            cut_edges[(*ncut)++] = (int32_t)VECTOR(cut)[i];
        igraph_vector_int_destroy(&cut);
    }
    igraph_destroy(&ig);
    qsort(cut_edges, (size_t)*ncut, sizeof *cut_edges, cmp_i32);
    *value = val;
    return cn_i_igraph_status(rc, "minimum cut", err);
}
