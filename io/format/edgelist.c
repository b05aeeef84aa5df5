/* io/format/edgelist.c: plain bipartite edge lists (country side, mineral side, optional share/weight) as a
 * cn_net: each row a produces edge. Streams the CSV; precise FILE:LINE messages. */
#include "critnet/edgelist.h"
#include "critnet/csv.h"
#include "critnet/io.h"

#include "format/json_read_i.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static int is_csv_name(const char *path)
{
    size_t n = strlen(path);
    return (n > 4 && strcasecmp(path + n - 4, ".csv") == 0) || (n > 7 && strcasecmp(path + n - 7, ".csv.gz") == 0);
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* 0 none, 1 share, 2 weight, -1 not a weight column */
static int weight_kind(char *name)
{
    name = trim(name);
    if (strcasecmp(name, "share") == 0)
        return 1;
    if (strcasecmp(name, "weight") == 0)
        return 2;
    return -1;
}

int cn_edgelist_detect(const char *path)
{
    struct stat sb; /* a FIFO or a pipe is never probed: reading would consume it (cn_input_sniff reads once) */
    if (!path || !is_csv_name(path) || stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
        return 0;
    cn_csv *r;
    cn_error err;
    if (cn_csv_open(path, ',', &r, &err) != CN_OK)
        return 0;
    cn_csv_row row;
    int ok = cn_csv_next(r, &row, &err) == CN_CSV_STEP_ROW && (row.n == 2 || row.n == 3);
    cn_csv_close(r);
    return ok;
}

/* a vertex of the given type for id, added if new */
static cn_status vertex(cn_net *net, cn_vertex_type type, const char *id, const char *where, long line,
                        const char *col, int32_t *out, cn_error *err)
{
    if (!*id)
        return cn_error_set(err, CN_EDATA, "%s:%ld: column '%s': empty id", where, line, col);
    /* the rules of the JSON reader and validate: what export writes must read back */
    cn_error scratch;
    if (cn_utf8_check(id, strlen(id), where, &scratch) != CN_OK)
        return cn_error_set(err, CN_EDATA, "%s:%ld: column '%s': id '%s' is not UTF-8; expected UTF-8 text",
                            where, line, col, id);
    if (!cn_i_valid_id(id, type))
        return cn_error_set(err, CN_EDATA, "%s:%ld: column '%s': invalid id '%s'; expected " CN_I_ID_RULE, where,
                            line, col, id);
    int32_t v = cn_net_find(net, id);
    if (v >= 0) {
        if (net->vertices[v].type != type)
            return cn_error_set(err, CN_EDATA, "%s:%ld: column '%s': '%s' is already on the %s side", where,
                                line, col, id, type == CN_VERTEX_COUNTRY ? "mineral" : "country");
        *out = v;
        return CN_OK;
    }
    return cn_net_add_vertex(net, type, id, NULL, out, err);
}

typedef struct {
    int32_t c, m;
    long line;
} seen;

static int seen_cmp(const void *pa, const void *pb)
{
    const seen *a = pa, *b = pb;
    if (a->c != b->c)
        return a->c < b->c ? -1 : 1;
    if (a->m != b->m)
        return a->m < b->m ? -1 : 1;
    return (a->line > b->line) - (a->line < b->line);
}

static cn_status check_duplicates(const cn_net *net, const long *lines, const char *where, cn_error *err)
{
    seen *s = malloc(((size_t)net->nedges + 1) * sizeof *s);
    if (!s)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    for (int32_t i = 0; i < net->nedges; i++)
        s[i] = (seen){net->edges[i].country, net->edges[i].mineral, lines[i]};
    qsort(s, (size_t)net->nedges, sizeof *s, seen_cmp);
    cn_status st = CN_OK;
    for (int32_t i = 1; i < net->nedges && !st; i++)
        if (s[i].c == s[i - 1].c && s[i].m == s[i - 1].m)
            st = cn_error_set(err, CN_EDATA, "%s:%ld: the pair %s,%s repeats line %ld", where, s[i].line,
                              net->vertices[s[i].c].id, net->vertices[s[i].m].id, s[i - 1].line);
    free(s);
    return st;
}

/* the model's invariants (cn_net_validate, the one rule every loader applies: shares of a mineral sum to at most 1
 * within world rounding), the message naming the line of the edge it names ("$.edges[i]": edge i is a row) */
static cn_status validate(const cn_net *net, const long *lines, const char *where, cn_error *err)
{
    cn_error v;
    if (cn_net_validate(net, where, &v) == CN_OK)
        return CN_OK;
    size_t n = strlen(where);
    const char *p = strncmp(v.msg, where, n) == 0 && strncmp(v.msg + n, ": $.edges[", 10) == 0 ? v.msg + n + 10
                                                                                               : NULL;
    char *end;
    long i = p ? strtol(p, &end, 10) : -1;
    if (!p || i < 0 || i >= net->nedges || strncmp(end, "]: ", 3) != 0)
        return cn_error_set(err, v.status, "%s", v.msg);
    return cn_error_set(err, v.status, "%s:%ld: %s", where, lines[i], end + 3);
}

static cn_status load(cn_csv *r, cn_net **out, cn_error *err)
{
    cn_status st = CN_OK;
    const char *where = cn_csv_path(r);
    cn_net *net = cn_net_new();
    char *hdr[3] = {NULL, NULL, NULL};
    long *lines = NULL; /* the line of each edge, for messages about repeated pairs */
    size_t nlines = 0, caplines = 0;
    cn_csv_row row;
    int wk = 0;
    cn_csv_step got = cn_csv_next(r, &row, err);
    if (!net) {
        st = cn_error_set(err, CN_ENOMEM, "out of memory");
        goto done;
    }
    if (got == CN_CSV_STEP_ERROR) {
        st = CN_EDATA;
        goto done;
    }
    if (got == CN_CSV_STEP_EOF || row.n < 2 || row.n > 3) {
        st = cn_error_set(err, CN_EDATA, "%s:1: expected a header of 2 or 3 columns (country side, mineral "
                                         "side, optional share or weight)", where);
        goto done;
    }
    for (size_t i = 0; i < row.n; i++)
        if (!(hdr[i] = cn_strdup(trim(row.field[i])))) {
            st = cn_error_set(err, CN_ENOMEM, "out of memory");
            goto done;
        }
    if (row.n == 3 && (wk = weight_kind(hdr[2])) < 0) {
        st = cn_error_set(err, CN_EDATA, "%s:1: column 3 '%s': expected a column named share or weight", where,
                          hdr[2]);
        goto done;
    }
    while ((got = cn_csv_next(r, &row, err)) == CN_CSV_STEP_ROW) {
        if (row.n != (wk ? 3u : 2u)) {
            st = cn_error_set(err, CN_EDATA, "%s:%ld: expected %d fields, got %zu", where, row.line, wk ? 3 : 2,
                              row.n);
            goto done;
        }
        for (int k = 0; k < 2; k++)
            if (memchr(row.field[k], '\0', row.len[k])) {
                st = cn_error_set(err, CN_EDATA, "%s:%ld: column '%s': a NUL byte in the id; expected text", where,
                                  row.line, hdr[k]);
                goto done;
            }
        cn_edge e;
        cn_edge_init(&e, CN_EDGE_PRODUCES);
        if ((st = vertex(net, CN_VERTEX_COUNTRY, trim(row.field[0]), where, row.line, hdr[0], &e.country, err)) ||
            (st = vertex(net, CN_VERTEX_MINERAL, trim(row.field[1]), where, row.line, hdr[1], &e.mineral, err)))
            goto done;
        if (wk) {
            char *f = trim(row.field[2]);
            double x = NAN;
            if (*f && (cn_parse_double(f, strlen(f), 0, &x, NULL) != CN_OK || !isfinite(x) || x < 0 ||
                       (wk == 1 && x > 1))) {
                st = cn_error_set(err, CN_EDATA, "%s:%ld: column '%s': expected %s, got '%s'", where, row.line,
                                  hdr[2], wk == 1 ? "a share in [0,1]" : "a finite weight >= 0", f);
                goto done;
            }
            /* a weight is no share (it may exceed 1): kept as the edge's quantity, without a unit */
            if (wk == 1)
                e.share = x;
            else
                e.quantity = x;
        }
        if (nlines == caplines) {
            caplines = caplines ? caplines * 2 : 256;
            long *p = realloc(lines, caplines * sizeof *p);
            if (!p) {
                st = cn_error_set(err, CN_ENOMEM, "out of memory");
                goto done;
            }
            lines = p;
        }
        lines[nlines++] = row.line;
        if ((st = cn_net_add_edge(net, &e, NULL, err)))
            goto done;
    }
    if (got == CN_CSV_STEP_ERROR) {
        st = CN_EDATA;
        goto done;
    }
    if ((st = check_duplicates(net, lines, where, err)) || (st = validate(net, lines, where, err)))
        goto done;
    if ((st = cn_net_set_meta(net, NULL, NULL, NULL, err)))
        goto done;
done:
    cn_csv_close(r);
    for (int i = 0; i < 3; i++)
        free(hdr[i]);
    free(lines);
    if (st) {
        cn_net_free(net);
        return st;
    }
    *out = net;
    return CN_OK;
}

cn_status cn_edgelist_load(const char *path, cn_net **out, cn_error *err)
{
    *out = NULL;
    cn_csv *r;
    cn_status st = cn_csv_open(path, ',', &r, err);
    return st ? st : load(r, out, err);
}

cn_status cn_edgelist_parse(const char *data, size_t len, const char *name, cn_net **out, cn_error *err)
{
    *out = NULL;
    cn_csv *r;
    cn_status st = cn_csv_open_mem(data, len, name, ',', &r, err);
    return st ? st : load(r, out, err);
}
