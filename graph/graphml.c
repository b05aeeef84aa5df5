/* graph/graphml.c: the network as GraphML through igraph's writer (igraph_write_graph_graphml) with the C
 * attribute table, so it opens in Gephi, Cytoscape, networkx and R igraph with its attributes. */
#include "igraph_i.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "critnet/graph.h"

/* runs call while everything has succeeded (rc: the first failure) */
#define S(call)                                                                                              \
    do {                                                                                                     \
        if (rc == IGRAPH_SUCCESS)                                                                            \
            rc = (call);                                                                                     \
    } while (0)

static const char *str(const char *s)
{
    return s ? s : "";
}

cn_status cn_net_write_graphml(const cn_net *net, FILE *fp, cn_error *err)
{
    cn_i_igraph_init();
    /* the attribute table is global in igraph: set for this graph's life only, then put back */
    igraph_attribute_table_t *old = igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_t g;
    igraph_error_t rc = igraph_empty(&g, net->nvertices, IGRAPH_DIRECTED);
    if (rc != IGRAPH_SUCCESS) {
        igraph_set_attribute_table(old);
        return cn_i_igraph_status(rc, "igraph_empty", err);
    }
    S(igraph_cattribute_GAS_set(&g, "name", str(net->name)));
    S(igraph_cattribute_GAS_set(&g, "title", str(net->title)));
    for (int32_t v = 0; rc == IGRAPH_SUCCESS && v < net->nvertices; v++) {
        const cn_vertex *x = &net->vertices[v];
        char lists[16];
        snprintf(lists, sizeof lists, "%s%s%s", x->lists & CN_LIST_2018 ? "2018" : "",
                 (x->lists & CN_LIST_2018) && (x->lists & CN_LIST_2022) ? "," : "", x->lists & CN_LIST_2022 ? "2022" : "");
        S(igraph_cattribute_VAS_set(&g, "id", v, x->id));
        S(igraph_cattribute_VAS_set(&g, "label", v, str(x->name ? x->name : x->id)));
        S(igraph_cattribute_VAS_set(&g, "type", v, x->type == CN_VERTEX_MINERAL ? "mineral" : "country"));
        S(igraph_cattribute_VAS_set(&g, "stage", v, str(x->stage)));
        S(igraph_cattribute_VAS_set(&g, "lists", v, lists));
    }
    /* edges between two vertices: supplies/produces country -> mineral, relies mineral -> consumer; the
     * figures of "other", "world" and unnamed suppliers have no vertex and are counted in the graph */
    igraph_vector_int_t el;
    memset(&el, 0, sizeof el); /* destroyable even when init is not reached */
    S(igraph_vector_int_init(&el, 0));
    int32_t left_out = 0;
    for (int32_t i = 0; rc == IGRAPH_SUCCESS && i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        int32_t a = e->kind == CN_EDGE_RELIES ? e->mineral : e->country;
        int32_t b = e->kind == CN_EDGE_RELIES ? e->consumer : e->mineral;
        if (a < 0 || b < 0) {
            left_out++;
            continue;
        }
        S(igraph_vector_int_push_back(&el, a));
        S(igraph_vector_int_push_back(&el, b));
    }
    S(igraph_add_edges(&g, &el, NULL));
    igraph_integer_t k = 0;
    for (int32_t i = 0; rc == IGRAPH_SUCCESS && i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        if ((e->kind == CN_EDGE_RELIES ? e->mineral : e->country) < 0 ||
            (e->kind == CN_EDGE_RELIES ? e->consumer : e->mineral) < 0)
            continue;
        S(igraph_cattribute_EAS_set(&g, "kind", k, cn_edge_kind_name(e->kind)));
        S(igraph_cattribute_EAS_set(&g, "consumer", k, e->consumer >= 0 ? net->vertices[e->consumer].id : ""));
        S(igraph_cattribute_EAN_set(&g, "share", k, e->share));
        S(igraph_cattribute_EAN_set(&g, "low", k, e->lo));
        S(igraph_cattribute_EAN_set(&g, "high", k, e->hi));
        S(igraph_cattribute_EAN_set(&g, "rank", k, e->rank ? e->rank : NAN));
        S(igraph_cattribute_EAN_set(&g, "year", k, e->year ? e->year : NAN));
        S(igraph_cattribute_EAN_set(&g, "value", k, e->value));
        S(igraph_cattribute_EAN_set(&g, "quantity", k, e->quantity));
        S(igraph_cattribute_EAS_set(&g, "unit", k, str(e->unit)));
        S(igraph_cattribute_EAS_set(&g, "period", k, str(e->period)));
        S(igraph_cattribute_EAS_set(&g, "text", k, str(e->text)));
        S(igraph_cattribute_EAS_set(&g, "basis", k, str(e->basis)));
        S(igraph_cattribute_EAS_set(&g, "source", k, e->source >= 0 ? str(net->sources[e->source].id) : ""));
        k++;
    }
    S(igraph_cattribute_GAN_set(&g, "edges_without_vertex", left_out));
    if (rc == IGRAPH_SUCCESS)
        rc = igraph_write_graph_graphml(&g, fp, 0);
    cn_status st = cn_i_igraph_status(rc, "writing GraphML", err);
    if (!st && ferror(fp))
        st = cn_error_set(err, CN_EIO, "write error");
    igraph_vector_int_destroy(&el);
    igraph_destroy(&g);
    igraph_set_attribute_table(old);
    return st;
}
