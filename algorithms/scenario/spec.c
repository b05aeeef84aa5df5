/* algorithms/scenario/spec.c: the scenario itself: restrictions, consumer, options; the command-line form
 * "CHN:rare_earths=0.5"; resolving ids against a network with messages that say where each came from. */
#include "critnet/scenario.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "critnet/countries.h"

void cn_scenario_init(cn_scenario *s)
{
    memset(s, 0, sizeof *s);
    s->spare = 1.0;
    s->pass_through = 1.0;
}

void cn_scenario_free(cn_scenario *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->items[i].country);
        free(s->items[i].mineral);
        free(s->items[i].origin);
    }
    for (size_t i = 0; i < s->nchains; i++)
        free(s->chains[i]);
    free(s->items);
    free(s->chains);
    free(s->name);
    free(s->description);
    free(s->consumer);
    free(s->consumer_origin);
    cn_scenario_init(s);
}

cn_status cn_scenario_add(cn_scenario *s, const char *country, const char *mineral, double fraction,
                          const char *origin, cn_error *err)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 8;
        cn_restriction *p = realloc(s->items, cap * sizeof *p);
        if (!p)
            return cn_error_set(err, CN_ENOMEM, "out of memory");
        s->items = p;
        s->cap = cap;
    }
    cn_restriction *r = &s->items[s->n];
    memset(r, 0, sizeof *r);
    r->country = cn_strdup(country);
    r->mineral = mineral ? cn_strdup(mineral) : NULL;
    r->origin = origin ? cn_strdup(origin) : NULL;
    r->fraction = fraction;
    r->c = r->m = -1;
    if (!r->country || (mineral && !r->mineral) || (origin && !r->origin)) {
        free(r->country);
        free(r->mineral);
        free(r->origin);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    s->n++;
    return CN_OK;
}

cn_status cn_scenario_add_chain(cn_scenario *s, const char *chain, cn_error *err)
{
    char **p = realloc(s->chains, (s->nchains + 1) * sizeof *p);
    if (!p)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    s->chains = p;
    if (!(s->chains[s->nchains] = cn_strdup(chain)))
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    s->nchains++;
    return CN_OK;
}

cn_status cn_scenario_parse_restrict(cn_scenario *s, const char *arg, cn_error *err)
{
    const char *colon = strchr(arg, ':');
    if (!colon || colon == arg || !colon[1] || colon[1] == '=')
        return cn_error_set(err, CN_EUSAGE, "--restrict '%s': expected COUNTRY:MINERAL[=FRACTION]", arg);
    const char *eq = strrchr(colon + 1, '=');
    double f = 1.0;
    if (eq) {
        char *end;
        errno = 0;
        f = strtod(eq + 1, &end);
        if (end != eq + 1 && *end == '%') {
            f /= 100.0;
            end++;
        }
        if (end == eq + 1 || *end || errno || !isfinite(f) || f < 0.0 || f > 1.0)
            return cn_error_set(err, CN_EUSAGE, "--restrict '%s': fraction '%s' must be a number in [0,1] "
                                "or a percentage", arg, eq + 1);
    }
    char *country = cn_strndup(arg, (size_t)(colon - arg));
    char *mineral = cn_strndup(colon + 1, eq ? (size_t)(eq - colon - 1) : strlen(colon + 1));
    cn_status st = (country && mineral) ? cn_scenario_add(s, country, mineral, f, NULL, err)
                                        : cn_error_set(err, CN_ENOMEM, "out of memory");
    free(country);
    free(mineral);
    return st;
}

/* "FILE: $.restrict[2].country: msg" for file items, "msg" for command-line ones */
static cn_status bad(cn_error *err, const char *origin, const char *field, const char *msg, const char *what)
{
    if (origin)
        return cn_error_set(err, CN_EDATA, "%s%s%s: %s '%s'", origin, field ? "." : "", field ? field : "",
                            msg, what);
    return cn_error_set(err, CN_EUSAGE, "%s '%s'", msg, what);
}

/* a country of the network by id, name or code; -1 with *known = 1 when it is a real country that the
 * network does not list */
static int32_t find_country(const cn_net *net, const char *s, int *known)
{
    int32_t v = cn_net_find(net, s);
    *known = 1;
    if (v >= 0 && net->vertices[v].type == CN_VERTEX_COUNTRY)
        return v;
    const char *iso = cn_country_iso3(s);
    if (!iso) {
        *known = 0;
        return -1;
    }
    v = cn_net_find(net, iso);
    return v >= 0 && net->vertices[v].type == CN_VERTEX_COUNTRY ? v : -1;
}

cn_status cn_scenario_resolve(const cn_net *net, cn_scenario *s, cn_error *err)
{
    if (s->n == 0)
        return cn_error_set(err, CN_EUSAGE, "empty scenario: give --restrict, --remove-country or --scenario");
    for (size_t i = 0; i < s->n; i++) {
        cn_restriction *r = &s->items[i];
        int known;
        r->c = find_country(net, r->country, &known);
        if (!known)
            return bad(err, r->origin, r->mineral ? "country" : NULL, "unknown country", r->country);
        r->m = -1;
        if (r->mineral) {
            r->m = cn_net_find(net, r->mineral);
            if (r->m < 0 || net->vertices[r->m].type != CN_VERTEX_MINERAL)
                return bad(err, r->origin, "mineral", "unknown mineral (not in this network)", r->mineral);
        }
        if (!(r->fraction >= 0.0 && r->fraction <= 1.0))
            return bad(err, r->origin, "fraction", "fraction outside [0,1] for", r->country);
    }
    if (s->consumer) {
        int known;
        int32_t c = find_country(net, s->consumer, &known);
        if (c < 0) {
            if (s->consumer_origin)
                return cn_error_set(err, CN_EDATA, "%s: consumer '%s' is not a country of this network",
                                    s->consumer_origin, s->consumer);
            return cn_error_set(err, CN_EUSAGE, "consumer '%s' is not a country of this network",
                                s->consumer);
        }
    }
    if (!(s->spare >= 0.0 && s->spare <= 1.0) || !(s->pass_through >= 0.0 && s->pass_through <= 1.0))
        return cn_error_set(err, CN_EUSAGE, "spare and pass-through must be in [0,1]");
    return CN_OK;
}
