/* cli/netopts.c: option parsing and output shared by centrality, projection, chokepoints and profile. */
#include <string.h>

#include "netopts.h"

int cli_parse_kinds(const char *s, unsigned *out)
{
    *out = 0;
    if (strcmp(s, "all") == 0) {
        *out = (1u << CN_EDGE_PRODUCES) | (1u << CN_EDGE_SUPPLIES) | (1u << CN_EDGE_RELIES);
        return 0;
    }
    char buf[64];
    while (*s) {
        size_t n = strcspn(s, ",");
        if (n == 0 || n >= sizeof buf)
            return -1;
        memcpy(buf, s, n);
        buf[n] = '\0';
        cn_edge_kind k;
        if (cn_edge_kind_parse(buf, &k) != 0)
            return -1;
        *out |= 1u << k;
        s += n + (s[n] == ',');
    }
    return *out ? 0 : -1;
}

int cli_parse_onto(const char *s, cn_projection_onto *out)
{
    if (strcmp(s, "countries") == 0)
        *out = CN_PROJECTION_ONTO_COUNTRIES;
    else if (strcmp(s, "minerals") == 0)
        *out = CN_PROJECTION_ONTO_MINERALS;
    else
        return -1;
    return 0;
}
