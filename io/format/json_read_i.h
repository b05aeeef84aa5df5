/* io/format/json_read_i.h: private to io/format: the reader of the native JSON format, shared by json_read.c
 * (the document walk, the fast path, the cJSON arena) and json_fields.c (fields, sources, vertices, edges). */
#ifndef CN_IO_JSON_READ_I_H
#define CN_IO_JSON_READ_I_H

#include <cjson/cJSON.h>
#include <stdint.h>

#include "critnet/io.h"

typedef struct {
    const char *where;
    cn_error *err;
    cn_net *net;
    char path[256];
    /* set_path() only records where we are (formatting every field's path cost half the load time of a
     * large dataset); cn_i_json_fail() writes the text */
    const char *p_arr, *p_key;
    int p_i;
    int32_t last_source; /* edges of one source come together: a one-entry cache of the lookup */
} cn_i_json_rd;

/* a path outside the arrays ("$.format"), written at once */
#define CN_I_JSON_ROOT_PATH(r, ...) (snprintf((r)->path, sizeof (r)->path, __VA_ARGS__), (r)->p_arr = NULL)

/* json_fields.c. Each getter and reader returns CN_OK, or CN_EDATA with "FILE: $.path: what" in r->err
 * (CN_ENOMEM when out of memory); nothing is allocated that the caller must free. */
/* sets r->err to CN_EDATA "WHERE: $.path: message" for the place set_path/CN_I_JSON_ROOT_PATH recorded */
cn_status cn_i_json_fail(cn_i_json_rd *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "a number", "an array", ... for messages */
const char *cn_i_json_type(const cJSON *x);
/* a string field (NULL when absent and not required) */
cn_status cn_i_json_get_str(cn_i_json_rd *r, const cJSON *x, int required, const char **out);
/* an integer field in [lo, hi] */
cn_status cn_i_json_get_int(cn_i_json_rd *r, const cJSON *x, int32_t lo, int32_t hi, int32_t *out);
/* the members of obj into slot[] by their index in the NULL-terminated allowed[]; an unknown or repeated key is
 * an error. arr, i: where obj is, for messages (arr NULL: the top level) */
cn_status cn_i_json_collect(cn_i_json_rd *r, const cJSON *obj, const char *const *allowed, const cJSON **slot,
                            const char *arr, int i);
/* x as an array (*out NULL when absent and not required) */
cn_status cn_i_json_need_array(cn_i_json_rd *r, const cJSON *x, const char *key, int required,
                               const cJSON **out);
/* element i of $.sources, $.countries or $.minerals (type), $.edges: checked and added to r->net */
cn_status cn_i_json_read_source(cn_i_json_rd *r, const cJSON *it, int i);
cn_status cn_i_json_read_vertex(cn_i_json_rd *r, const cJSON *it, int i, cn_vertex_type type);
cn_status cn_i_json_read_edge(cn_i_json_rd *r, const cJSON *it, int i);

/* json_strict.c: rejects what cJSON would accept silently: a NUL byte or \u0000 in a string, raw control
 * characters in strings, a duplicate key in any object, a second byte-order mark; CN_EDATA "WHERE: $.path: ..."
 * (CN_ENOMEM). Syntax errors are left to cJSON. O(len + keys log keys). */
cn_status cn_i_json_strict(const char *data, size_t len, const char *where, cn_error *err);
/* json_fields.c: the id rule of every reader (JSON, edge lists), either side: 1..128 bytes, no spaces, control
 * characters, quotes or '*'. 1 when s is a valid id. O(length). */
int cn_i_valid_id(const char *s, cn_vertex_type type);
#define CN_I_ID_RULE "a non-empty id without spaces, quotes or '*'"
#endif
