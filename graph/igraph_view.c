/* graph/igraph_view.c: igraph setup (error/warning handlers, attribute table) and the bipartite view of a cn_net. */
#include "igraph_i.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static char ig_msg[512];

/* igraph calls the handler once per IGRAPH_CHECK level; the first call has the real reason (NOTES-libs §3.4) */
static void ig_error_handler(const char *reason, const char *file, int line, igraph_error_t err)
{
    if (ig_msg[0] == '\0' || reason[0] != '\0') {
        if (ig_msg[0] == '\0')
            snprintf(ig_msg, sizeof ig_msg, "%s: %s (%s:%d)", igraph_strerror(err), reason, file, line);
    }
    IGRAPH_FINALLY_FREE();
}

static void ig_warning_handler(const char *reason, const char *file, int line)
{
    (void)file;
    (void)line;
    cn_warn("igraph warning: %s", reason); /* the program's handler, if any, prints it */
}

void cn_i_igraph_init(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    igraph_set_error_handler(ig_error_handler);
    igraph_set_warning_handler(ig_warning_handler);
}

cn_status cn_i_igraph_status(igraph_error_t rc, const char *what, cn_error *err)
{
    if (rc == IGRAPH_SUCCESS) {
        ig_msg[0] = '\0';
        return CN_OK;
    }
    cn_status st = rc == IGRAPH_ENOMEM ? CN_ENOMEM : CN_EINTERNAL;
    cn_error_set(err, st, "igraph: %s failed: %s", what, ig_msg[0] ? ig_msg : igraph_strerror(rc));
    ig_msg[0] = '\0';
    return st;
}

/* whether edge e is drawn in the view of kinds (bit per cn_edge_kind) for consumer (-1: every consumer) */
static int in_view(const cn_edge *e, unsigned kinds, int32_t consumer)
{
    if (!((kinds >> e->kind) & 1u) || e->country < 0)
        return 0;
    return consumer < 0 || e->kind == CN_EDGE_PRODUCES || e->consumer == consumer;
}

cn_status cn_i_igraph_build(const cn_net *net, unsigned kinds, int32_t consumer, int directed, cn_i_igraph *out,
                         cn_error *err)
{
    cn_i_igraph_init();
    memset(out, 0, sizeof *out);
    out->directed = directed;
    igraph_vector_int_t el;
    igraph_error_t rc = igraph_vector_int_init(&el, 0);
    if (rc == IGRAPH_SUCCESS)
        rc = igraph_vector_bool_init(&out->types, net->nvertices);
    if (rc == IGRAPH_SUCCESS)
        rc = igraph_vector_int_init(&out->edge_of, 0);
    if (rc == IGRAPH_SUCCESS)
        rc = igraph_vector_init(&out->share, 0);
    for (int32_t v = 0; rc == IGRAPH_SUCCESS && v < net->nvertices; v++)
        VECTOR(out->types)[v] = net->vertices[v].type == CN_VERTEX_MINERAL;
    igraph_integer_t m = 0;
    for (int32_t i = 0; i < net->nedges; i++)
        m += in_view(&net->edges[i], kinds, consumer);
    if (rc == IGRAPH_SUCCESS)
        rc = igraph_vector_int_reserve(&el, 2 * m);
    if (rc == IGRAPH_SUCCESS)
        rc = igraph_vector_int_reserve(&out->edge_of, m);
    if (rc == IGRAPH_SUCCESS)
        rc = igraph_vector_reserve(&out->share, m);
    if (rc == IGRAPH_SUCCESS) {
        cn_hugepage_hint(VECTOR(el), (size_t)(2 * m) * sizeof *VECTOR(el));
        cn_hugepage_hint(VECTOR(out->edge_of), (size_t)m * sizeof *VECTOR(out->edge_of));
        cn_hugepage_hint(VECTOR(out->share), (size_t)m * sizeof *VECTOR(out->share));
    }
    for (int32_t i = 0; rc == IGRAPH_SUCCESS && i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if (!in_view(e, kinds, consumer))
            continue;
        igraph_integer_t from = e->country, to = e->mineral;
        if (e->kind == CN_EDGE_RELIES) {
            from = e->mineral;
            to = e->consumer;
        }
        rc = igraph_vector_int_push_back(&el, from);
        if (rc == IGRAPH_SUCCESS)
            rc = igraph_vector_int_push_back(&el, to);
        if (rc == IGRAPH_SUCCESS)
            rc = igraph_vector_int_push_back(&out->edge_of, i);
        if (rc == IGRAPH_SUCCESS)
            rc = igraph_vector_push_back(&out->share, e->share);
    }
    if (rc == IGRAPH_SUCCESS)
        rc = igraph_create(&out->g, &el, net->nvertices, directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&el);
    if (rc != IGRAPH_SUCCESS) {
        igraph_vector_bool_destroy(&out->types);
        igraph_vector_int_destroy(&out->edge_of);
        igraph_vector_destroy(&out->share);
        memset(out, 0, sizeof *out);
        return cn_i_igraph_status(rc, "building the graph", err);
    }
    return CN_OK;
}

void cn_i_igraph_destroy(cn_i_igraph *g)
{
    igraph_destroy(&g->g);
    igraph_vector_bool_destroy(&g->types);
    igraph_vector_int_destroy(&g->edge_of);
    igraph_vector_destroy(&g->share);
}

cn_status cn_i_igraph_pagerank(const igraph_t *g, const igraph_vector_t *weights, double damping,
                            igraph_vector_t *out, cn_error *err)
{
    cn_i_igraph_init();
    if (weights) {
        for (igraph_integer_t i = 0; i < igraph_vector_size(weights); i++) {
            double w = VECTOR(*weights)[i];
            if (!isfinite(w) || w <= 0)
                return cn_error_set(err, CN_EDATA, "PageRank weights must be finite and > 0 (edge %lld)",
                                    (long long)i);
        }
    }
    igraph_real_t value;
#if IGRAPH_VERSION_MAJOR >= 1
    igraph_error_t rc = igraph_pagerank(g, weights, out, &value, damping, IGRAPH_DIRECTED, igraph_vss_all(),
                                        IGRAPH_PAGERANK_ALGO_PRPACK, NULL);
#else
    igraph_error_t rc = igraph_pagerank(g, IGRAPH_PAGERANK_ALGO_PRPACK, out, &value, igraph_vss_all(),
                                        IGRAPH_DIRECTED, damping, weights, NULL);
#endif
    return cn_i_igraph_status(rc, "PageRank", err);
}

cn_status cn_i_igraph_project(const igraph_t *g, const igraph_vector_bool_t *types, igraph_t *proj_false,
                           igraph_t *proj_true, igraph_vector_int_t *mult_false,
                           igraph_vector_int_t *mult_true, cn_error *err)
{
    cn_i_igraph_init();
    igraph_error_t rc = igraph_bipartite_projection(g, types, proj_false, proj_true, mult_false, mult_true, -1);
    return cn_i_igraph_status(rc, "bipartite projection", err);
}
