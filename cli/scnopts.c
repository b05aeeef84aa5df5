/* cli/scnopts.c: the scenario options `critnet scenario` and `critnet render` share (cli/scnopts.h):
 * --restrict C:M[=F], --remove-country C, --scenario FILE, --spare X. */
#include "scnopts.h"

#include "critnet/countries.h"

#include <stdlib.h>
#include <string.h>

void cli_scn_init(cli_scn *o)
{
    memset(o, 0, sizeof *o);
    cn_scenario_init(&o->s);
    o->spare = -1;
}

void cli_scn_free(cli_scn *o)
{
    cn_scenario_free(&o->s);
}

int cli_scn_fail(const cli_common *c, const cn_error *err)
{
    if (err->status == CN_EUSAGE)
        return cli_usage_error(c, "%s", err->msg);
    return cli_fail(err);
}

int cli_scn_opt(const cli_common *c, cli_scn *o, int opt, const char *arg)
{
    cn_error err = {0};
    switch (opt) {
    case OPT_SCN_RESTRICT:
        o->given = 1;
        return cn_scenario_parse_restrict(&o->s, arg, &err) ? cli_scn_fail(c, &err) : 0;
    case OPT_SCN_REMOVE:
        o->given = 1;
        return cn_scenario_add(&o->s, arg, NULL, 1.0, NULL, &err) ? cli_scn_fail(c, &err) : 0;
    case OPT_SCN_FILE:
        o->given = 1;
        o->file = arg;
        return 0;
    case OPT_SCN_SPARE:
        if (cli_parse_fraction(arg, &o->spare))
            return cli_usage_error(c, "--spare '%s': expected a number in [0,1] or a percentage", arg);
        return 0;
    default:
        return -1;
    }
}

int cli_scn_finish(const cli_common *c, cli_scn *o)
{
    (void)c;
    cn_error err = {0};
    if (o->file && cn_scenario_load(o->file, &o->s, &err))
        return cli_fail(&err);
    /* command-line options override the file */
    if (o->consumer) {
        free(o->s.consumer);
        free(o->s.consumer_origin);
        o->s.consumer_origin = NULL;
        if (!(o->s.consumer = cn_strdup(o->consumer)))
            return 71;
    }
    if (o->spare >= 0)
        o->s.spare = o->spare;
    return 0;
}

int cli_allies_opt(const cli_common *c, const char *arg, char ***allies, size_t *n)
{
    cn_error err = {0};
    char **more;
    size_t nmore;
    if (cn_alliance_expand(arg, &more, &nmore, &err))
        return cli_scn_fail(c, &err);
    char **all = realloc(*allies, (*n + nmore + 1) * sizeof *all);
    if (!all) {
        cn_strv_free(more, nmore);
        fprintf(stderr, CLI_PROG ": out of memory\n");
        return 71;
    }
    *allies = all;
    for (size_t i = 0; i < nmore; i++)
        all[(*n)++] = more[i]; /* a country named twice is harmless */
    free(more);
    return 0;
}

int cli_scn_minerals(const cli_common *c, const cn_net *net, cn_scenario *s)
{
    for (size_t i = 0; i < s->n; i++) {
        cn_restriction *r = &s->items[i];
        const char *id;
        if (!r->mineral)
            continue;
        int rc = cli_resolve_mineral(c, net, r->origin ? r->origin : "--restrict", r->mineral, &id);
        if (rc)
            return rc;
        if (strcmp(id, r->mineral) != 0) {
            char *dup = strdup(id);
            if (!dup) {
                fprintf(stderr, CLI_PROG ": out of memory\n");
                return 71;
            }
            free(r->mineral);
            r->mineral = dup;
        }
    }
    return 0;
}
