/* cli/resolve.c: the one resolver of countries and minerals given on the command line. Countries: the
 * network's id in any case, else any name, alias or code cn_country_iso3() knows ("China", "korea, republic
 * of", "cod"), else a country name of the network; minerals: id or name in any case. A miss says "did you
 * mean ..." with the nearest ids and names of the network (edit distance), or that a real country is not in
 * this network. Also: the output format from the extension of -o. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

/* the vertex of type t whose id or name equals s, case ignored; -1 */
static int32_t find_nocase(const cn_net *net, cn_vertex_type t, const char *s)
{
    int32_t v = cn_net_find(net, s);
    if (v >= 0 && net->vertices[v].type == t)
        return v;
    for (int32_t i = 0; i < net->nvertices; i++)
        if (net->vertices[i].type == t && strcasecmp(net->vertices[i].id, s) == 0)
            return i;
    for (int32_t i = 0; i < net->nvertices; i++)
        if (net->vertices[i].type == t && net->vertices[i].name && strcasecmp(net->vertices[i].name, s) == 0)
            return i;
    return -1;
}

/* Levenshtein distance of a and b, case ignored, capped at 99 (strings longer than 63 bytes: 99) */
static int distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 63 || m > 63)
        return 99;
    int row[64];
    for (size_t j = 0; j <= m; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= m; j++) {
            int up = row[j];
            int cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            int best = diag + cost;
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[m];
}

/* how far s is from vertex v: the smaller distance to its id and name; a prefix of either counts as 1 */
static int vertex_distance(const cn_vertex *v, const char *s)
{
    size_t n = strlen(s);
    int d = distance(s, v->id);
    if (n >= 3 && strncasecmp(v->id, s, n) == 0)
        d = 1;
    if (v->name) {
        int e = distance(s, v->name);
        if (n >= 3 && strncasecmp(v->name, s, n) == 0)
            e = 1;
        if (e < d)
            d = e;
    }
    return d;
}

/* up to three vertices of type t nearest to s (within a third of its length, at least 2), as
 * " did you mean 'a' (Name), 'b'?" in buf; "" when none is near */
static void suggest(const cn_net *net, cn_vertex_type t, const char *s, char *buf, size_t size)
{
    int32_t best[3] = {-1, -1, -1};
    int bd[3] = {99, 99, 99};
    int limit = (int)strlen(s) / 3; /* "ZZZ" is not near "ZAF"; "Germny" is near "Germany" */
    if (limit < 1)
        limit = 1;
    for (int32_t i = 0; i < net->nvertices; i++) {
        if (net->vertices[i].type != t)
            continue;
        int d = vertex_distance(&net->vertices[i], s);
        if (d > limit)
            continue;
        for (int k = 0; k < 3; k++)
            if (d < bd[k]) {
                for (int j = 2; j > k; j--)
                    best[j] = best[j - 1], bd[j] = bd[j - 1];
                best[k] = i, bd[k] = d;
                break;
            }
    }
    buf[0] = '\0';
    size_t len = 0;
    for (int k = 0; k < 3 && best[k] >= 0 && len < size; k++) {
        const cn_vertex *v = &net->vertices[best[k]];
        int same = !v->name || strcmp(v->name, v->id) == 0;
        len += (size_t)snprintf(buf + len, size - len, "%s'%s'%s%s%s", k ? ", " : "; did you mean ", v->id,
                                same ? "" : " (", same ? "" : v->name, same ? "" : ")");
    }
    if (best[0] >= 0 && len < size)
        snprintf(buf + len, size - len, "?");
}

/* says which id an argument resolved to when it was spelt otherwise */
static void echo(const cli_common *c, const char *opt, const char *arg, const cn_vertex *v)
{
    if (strcmp(arg, v->id) != 0)
        fprintf(stderr, CLI_PROG ": %s: %s '%s' is %s%s%s%s\n", c->cmd, opt, arg, v->id, v->name ? " (" : "",
                v->name ? v->name : "", v->name ? ")" : "");
}

int cli_resolve_country(const cli_common *c, const cn_net *net, const char *opt, const char *arg, const char **id)
{
    int32_t v = find_nocase(net, CN_VERTEX_COUNTRY, arg);
    const char *iso = cn_country_iso3(arg);
    if (v < 0 && iso)
        v = cn_net_find(net, iso);
    if (v >= 0 && net->vertices[v].type == CN_VERTEX_COUNTRY) {
        echo(c, opt, arg, &net->vertices[v]);
        *id = net->vertices[v].id;
        return 0;
    }
    if (iso) { /* a real country this network has no figures for: the command says what that means for it */
        *id = iso;
        return 0;
    }
    char more[512];
    suggest(net, CN_VERTEX_COUNTRY, arg, more, sizeof more);
    return cli_say(c, 64, "%s '%s' is not a country of this network%s", opt, arg,
                *more ? more : " ('critnet countries' lists them)");
}

int cli_resolve_mineral(const cli_common *c, const cn_net *net, const char *opt, const char *arg, const char **id)
{
    int32_t v = find_nocase(net, CN_VERTEX_MINERAL, arg);
    if (v >= 0) {
        echo(c, opt, arg, &net->vertices[v]);
        *id = net->vertices[v].id;
        return 0;
    }
    /* a mineral whose stages are in the network ("cobalt" for cobalt:ore, cobalt:refined): the commands take
     * the base id for the mineral and all its stages */
    size_t n = strlen(arg);
    for (int32_t i = 0; n < 64 && i < net->nvertices; i++) {
        const char *vid = net->vertices[i].id;
        if (net->vertices[i].type == CN_VERTEX_MINERAL && strncasecmp(vid, arg, n) == 0 && vid[n] == ':') {
            static char base[4][64]; /* a few per command; the id's case, so the library finds the stages */
            static int next;
            char *b = base[next++ % 4];
            memcpy(b, vid, n);
            b[n] = '\0';
            if (strcmp(arg, b) != 0)
                fprintf(stderr, CLI_PROG ": %s: %s '%s' is %s (all its stages)\n", c->cmd, opt, arg, b);
            *id = b;
            return 0;
        }
    }
    char more[512];
    suggest(net, CN_VERTEX_MINERAL, arg, more, sizeof more);
    return cli_say(c, 64, "%s '%s' is not a mineral of this network%s", opt, arg,
                *more ? more : " ('critnet minerals' lists them)");
}

int cli_format_from_path(const char *path, const char **ext, cn_format *fmt)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    const char *slash = path ? strrchr(path, '/') : NULL;
    *ext = NULL;
    if (!dot || (slash && dot < slash))
        return 0;
    *ext = dot;
    static const struct {
        const char *ext;
        cn_format fmt;
    } map[] = {{".json", CN_FORMAT_JSON}, {".csv", CN_FORMAT_CSV}, {".md", CN_FORMAT_MARKDOWN},
               {".markdown", CN_FORMAT_MARKDOWN}, {".txt", CN_FORMAT_TABLE}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcasecmp(dot, map[i].ext) == 0) {
            *fmt = map[i].fmt;
            return 1;
        }
    static const char *const pictures[] = {".svg", ".png", ".pdf", ".dot", ".html", ".htm"};
    for (size_t i = 0; i < sizeof pictures / sizeof pictures[0]; i++)
        if (strcasecmp(dot, pictures[i]) == 0)
            return -1;
    return 0;
}

/* scenario and coalition: what the user typed replaced by the resolver's canonical ISO3 (cli.h) */
int cli_canonical_country(const cli_common *c, const cn_net *net, const char *opt, char **s)
{
    const char *id;
    int known = cn_country_iso3(*s) != NULL;
    for (int32_t v = 0; v < net->nvertices && !known; v++)
        known = net->vertices[v].type == CN_VERTEX_COUNTRY && strcasecmp(net->vertices[v].id, *s) == 0;
    if (!known) /* the command's own message (with the file's JSON path and its exit status) says it */
        return 0;
    int rc = cli_resolve_country(c, net, opt, *s, &id);
    if (rc || strcmp(id, *s) == 0)
        return rc;
    char *dup = cn_strdup(id);
    if (!dup)
        return cli_say(c, 71, "out of memory");
    free(*s);
    *s = dup;
    return 0;
}
