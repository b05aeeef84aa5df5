/* cli/scnopts.h: the scenario options `critnet scenario` and `critnet render` share (--restrict,
 * --remove-country, --scenario, --spare): parsing them into a cn_scenario and applying the file. */
#ifndef CN_CLI_SCNOPTS_H
#define CN_CLI_SCNOPTS_H

#include "cli.h"
#include "critnet/scenario.h"

enum { OPT_SCN_RESTRICT = 1200, OPT_SCN_REMOVE, OPT_SCN_FILE, OPT_SCN_SPARE };
#define CLI_SCN_LONGOPTS                                                                                      \
    {"restrict", required_argument, 0, OPT_SCN_RESTRICT},                                                   \
        {"remove-country", required_argument, 0, OPT_SCN_REMOVE},                                           \
        {"scenario", required_argument, 0, OPT_SCN_FILE}, {"spare", required_argument, 0, OPT_SCN_SPARE}

typedef struct cli_scn {
    cn_scenario s;
    const char *file;     /* --scenario FILE, read by cli_scn_finish */
    const char *consumer; /* set by the command: overrides the file's consumer */
    double spare;         /* --spare, or -1 */
    int given;            /* any scenario option was given */
} cli_scn;

void cli_scn_init(cli_scn *o);
void cli_scn_free(cli_scn *o);
/* handles one option: -1 not a scenario option, 0 done, else the exit code (message printed) */
int cli_scn_opt(const cli_common *c, cli_scn *o, int opt, const char *arg);
/* reads the scenario file and applies the command-line overrides; 0 or the exit code (message printed) */
int cli_scn_finish(const cli_common *c, cli_scn *o);
/* prints a scenario error: usage errors exit 64, the others by their status */
int cli_scn_fail(const cli_common *c, const cn_error *err);

/* --allies LIST (repeatable; coalition, report): appends the countries and @groups of arg to *allies (*n of
 * them; the caller frees with cn_strv_free); 0 or the exit code (message printed) */
int cli_allies_opt(const cli_common *c, const char *arg, char ***allies, size_t *n);

/* the minerals of the scenario's restrictions through the one resolver (cli/resolve.c): any case, a base id
 * for all its stages, "did you mean" on a miss; each item's mineral becomes the canonical id. 0 or the exit
 * code (message printed) */
int cli_scn_minerals(const cli_common *c, const cn_net *net, cn_scenario *s);

#endif
