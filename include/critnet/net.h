/* critnet/net.h: the supply-network model. Countries and minerals are vertices; produces, supplies and
 * relies are edges that always join a country and a mineral. The igraph view is built from this (graph.h). */
#ifndef CRITNET_NET_H
#define CRITNET_NET_H

#include "critnet/common.h"

CN_BEGIN_DECLS

typedef enum cn_vertex_type { CN_VERTEX_COUNTRY = 0, CN_VERTEX_MINERAL = 1 } cn_vertex_type;

typedef enum cn_edge_kind {
    CN_EDGE_PRODUCES = 0, /**< country -> mineral: production (quantity, unit, year, share of world) */
    CN_EDGE_SUPPLIES = 1, /**< country -> mineral for one consumer: share of the consumer's imports, rank */
    CN_EDGE_RELIES = 2    /**< mineral -> consumer: net import reliance 0..1 */
} cn_edge_kind;

/** The two layers of the network that analyses and pictures look at. */
typedef enum cn_layer {
    CN_LAYER_PRODUCTION = 0, /**< producers -> minerals: produces edges, shares of world production */
    CN_LAYER_IMPORTS = 1,    /**< suppliers -> minerals -> consumers: supplies (and relies) edges */
    CN_LAYER_RESERVES = 2    /**< holders -> minerals: the reserves of produces edges (concentration only) */
} cn_layer;

/** Pseudo-countries an edge may carry instead of a vertex index. They never become igraph vertices. */
enum {
    CN_UNNAMED = -1, /**< one supplier whose name the source blanked: a real, single source */
    CN_OTHER = -2,   /**< the residual of many small suppliers ("Other", "Other countries") */
    CN_WORLD = -3,   /**< the world total (produces edges only) */
    CN_NONE = -4     /**< no vertex at all: a result field with nothing to name (e.g. no top supplier) */
};

/** Critical-mineral lists a mineral is on (cn_vertex.lists bits). */
enum { CN_LIST_2018 = 1u << 0, CN_LIST_2022 = 1u << 1 };

/** Edge flags. */
enum {
    CN_F_ESTIMATED = 1u << 0,    /**< the source marks the figure as estimated */
    CN_F_WITHHELD = 1u << 1,     /**< "W": withheld to avoid disclosing company data */
    CN_F_NA = 1u << 2,           /**< "NA": not available */
    CN_F_NET_EXPORTER = 1u << 3, /**< relies: "E", net exporter */
    CN_F_PRIMARY = 1u << 4,      /**< this edge is the headline figure of its group */
    CN_F_RESERVES_MIN = 1u << 5  /**< produces: reserves is a lower bound, the source prints "> reserves"
                                      (USGS world reserves ">21,000,000": at least 21 million, not 21 million) */
};

typedef struct cn_vertex {
    char *id;        /**< ISO 3166-1 alpha-3 for countries; slug (optionally "slug:stage") for minerals */
    char *name;      /**< display name */
    char *stage;     /**< minerals: processing stage or form, or NULL */
    char *note;      /**< free text from the source, or NULL */
    cn_vertex_type type;
    unsigned lists;  /**< CN_LIST_* bits */
    int32_t source;  /**< index into cn_net.sources, or -1 */
} cn_vertex;

typedef struct cn_source {
    char *id, *title, *edition, *url;
} cn_source;

/** One figure. Unknown numbers are NAN; unknown integers are 0; unknown strings NULL. */
typedef struct cn_edge {
    cn_edge_kind kind;
    int32_t country;   /**< vertex index, or CN_UNNAMED / CN_OTHER / CN_WORLD; relies: the consumer */
    int32_t mineral;   /**< vertex index of the mineral */
    int32_t consumer;  /**< supplies: the importing country; relies: the consumer; produces: -1 */
    double share;      /**< 0..1: import share, world-production share, or net import reliance */
    double lo, hi;     /**< bounds of share when only a range is known (">95" -> 0.95..1) */
    int32_t rank;      /**< supplies: 1 = largest source; 0 = no rank */
    int32_t year;      /**< 0 = unknown */
    double value;      /**< trade value (thousand USD) */
    double quantity;   /**< production or trade quantity, in unit */
    double reserves;   /**< produces: reserves, in unit */
    const char *unit;  /**< interned in the net */
    const char *period;/**< e.g. "2015-18", interned */
    const char *text;  /**< the printed form of share (">95", "E"), interned */
    const char *basis; /**< what the figure covers (e.g. "total imports"), interned */
    unsigned flags;    /**< CN_F_* */
    int32_t source;    /**< index into cn_net.sources, or -1 */
} cn_edge;

typedef struct cn_net cn_net;
struct cn_net {
    char *name, *title, *description;
    cn_vertex *vertices;
    int32_t nvertices;
    cn_edge *edges;
    int32_t nedges;
    cn_source *sources;
    int32_t nsources;
    /* private */
    int32_t cap_v, cap_e, cap_s;
    struct cn_strpool *pool;
    struct cn_index *index;
};

/** Initialises an edge with every field unknown: kind set, numbers NAN, country CN_UNNAMED, mineral,
 * consumer and source -1, strings NULL, rank, year and flags 0. e is the caller's. Cannot fail.
 * Constant time. */
void cn_edge_init(cn_edge *e, cn_edge_kind kind);

/** cn_net_new: a new, empty network (no vertices, edges or sources), or NULL when out of memory. The caller
 * owns it and frees it with cn_net_free(). Constant time.
 * cn_net_free: frees the network and everything it holds: vertices, edges, sources, metadata and the
 * interned strings (pointers from cn_net_intern() and the edges' string fields die with it). net may be
 * NULL. O(V + S + number of interned strings) for V vertices and S sources. */
cn_net *cn_net_new(void);
void cn_net_free(cn_net *net);
/** Makes room for at least nvertices vertices and nedges edges in all (loaders that know their size:
 * no copying as the arrays grow). Never shrinks: a count at or below the current capacity changes nothing.
 * Errors: CN_ENOMEM; the net stays valid and unchanged in content (one of the two arrays may have grown).
 * O(V + E) at worst, to move the existing arrays. */
cn_status cn_net_reserve(cn_net *net, int32_t nvertices, int32_t nedges, cn_error *err);

/** Sets the net's name/title/description (copied; NULL clears the field). Errors: CN_ENOMEM; the fields set
 * before the failure keep their new value, the others their old one, and the net stays valid. O(total length
 * of the strings). */
cn_status cn_net_set_meta(cn_net *net, const char *name, const char *title, const char *description, cn_error *err);

/** Adds a vertex (id unique across both types). id and name are copied; name NULL means the id. The new
 * vertex has no stage, note or lists and source -1. *out (out may be NULL) receives its index.
 * Errors: CN_EDATA ("empty vertex id", "duplicate id 'X'"), CN_ENOMEM; the net is then unchanged.
 * O(1) amortised (expected, plus the length of id; the id index is rebuilt in O(V) when it doubles). */
cn_status cn_net_add_vertex(cn_net *net, cn_vertex_type type, const char *id, const char *name,
                            int32_t *out, cn_error *err);

/** Finds a vertex by id: its index, or -1. O(1) expected. */
int32_t cn_net_find(const cn_net *net, const char *id);

/** Adds an edge (copied; string fields are interned; e is borrowed). Checks that the ends exist and have
 * the right types: the mineral end a mineral; produces: a country, CN_OTHER or CN_WORLD; supplies: a
 * country, CN_OTHER or CN_UNNAMED, and a country as consumer; relies: a country as consumer. The stored
 * copy is normalised: a relies edge's country is its consumer, a produces edge's consumer is -1.
 * *out (out may be NULL) receives its index. Errors: CN_EDATA ("supplies edge: the consumer is not a
 * country", an unknown kind), CN_ENOMEM; the edge is then not added. O(1) amortised, plus the length of
 * the string fields. */
cn_status cn_net_add_edge(cn_net *net, const cn_edge *e, int32_t *out, cn_error *err);

/** Adds a provenance record (strings copied; title, edition and url may be NULL); *out (out may be NULL)
 * receives its index. Errors: CN_EDATA ("empty source id", "duplicate source id 'X'"), CN_ENOMEM; the net
 * is then unchanged. O(S) for S sources (the duplicate check is a linear search).
 * cn_net_find_source: the index of the source whose id is id (not NULL), or -1. O(S). */
cn_status cn_net_add_source(cn_net *net, const char *id, const char *title, const char *edition,
                            const char *url, int32_t *out, cn_error *err);
int32_t cn_net_find_source(const cn_net *net, const char *id);

/** Returns an interned copy of s (NULL for NULL), owned by the net and valid until cn_net_free(): equal
 * strings give the same pointer. Also NULL when out of memory (callers that pass a non-NULL s treat NULL as
 * CN_ENOMEM). O(length of s) expected. */
const char *cn_net_intern(cn_net *net, const char *s);

/** Sets a vertex string field (copied; NULL clears it). which: "name", "stage" or "note". Errors: CN_EUSAGE (v
 * is not a vertex, which is not one of the three), CN_ENOMEM; on failure the field keeps its old value.
 * O(length of value). */
cn_status cn_vertex_set(cn_net *net, int32_t v, const char *which, const char *value, cn_error *err);

/** Name of an edge's country side for reports: the id, "(unnamed)", "(other)" or "(world)" ("(?)" for
 * anything else). A vertex id is borrowed from the net (valid while the vertex is); the others are the
 * library's. Cannot fail. Constant time. */
const char *cn_net_country_label(const cn_net *net, int32_t country);

/** cn_edge_kind_name: "produces", "supplies" or "relies" ("?" outside the enum), the library's string.
 * cn_edge_kind_parse: the reverse, exact and lower case: 0 and *out set, or -1 (*out untouched) for any
 * other string. Constant time. */
const char *cn_edge_kind_name(cn_edge_kind k);
int cn_edge_kind_parse(const char *s, cn_edge_kind *out);

/** Checks the invariants every loader guarantees before a net is used: shares and bounds finite and in
 * [0,1] with low <= high, quantities, values and reserves finite and not negative, ranks not negative, no
 * country supplying its own imports; import shares of one group (consumer, mineral, year, period, basis)
 * summing to at most 1 + 1e-6, world-production shares of one group to at most 1.06 (USGS rounds world
 * totals). The bipartite ends are checked earlier, by cn_net_add_edge(). where names the file in
 * messages; net is borrowed. Errors: CN_EDATA ("where: $.edges[3]: share must be a finite number in [0,1]",
 * "... import shares of X for Y sum to 1.2, more than 1"), CN_ENOMEM. O(E + R log R) for R runs of adjacent
 * edges of one group (loaders write a group's edges together, so R is small; O(E log E) at worst). */
cn_status cn_net_validate(const cn_net *net, const char *where, cn_error *err);

CN_END_DECLS
#endif
