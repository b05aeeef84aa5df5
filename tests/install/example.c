/* tests/install/example.c: a program that knows libcritnet only as installed (critnet/critnet.h, -lcritnet):
 * loads the built-in default dataset, runs deps and checks what it can know without the library. */
#include <stdio.h>
#include <string.h>

#include <critnet/critnet.h>

static int warnings;
static char last_warning[64];

static void count_warning(void *ctx, const char *msg)
{
    *(int *)ctx += 1;
    snprintf(last_warning, sizeof last_warning, "%s", msg);
}

#define CHECK(cond)                                                                                         \
    do {                                                                                                    \
        if (!(cond)) {                                                                                      \
            fprintf(stderr, "example.c:%d: check failed: %s\n", __LINE__, #cond);                         \
            failed = 1;                                                                                     \
        }                                                                                                   \
    } while (0)

int main(void)
{
    int failed = 0;
    /* warnings reach the handler, formatted, with its context; none is printed */
    cn_set_warning_handler(count_warning, &warnings);
    cn_warn("%s %d", "test", 1);
    CHECK(warnings == 1 && strcmp(last_warning, "test 1") == 0);
    warnings = 0;

    /* the error contract: an unknown dataset is CN_EUSAGE with a message, and nothing to free */
    cn_error err = {0};
    cn_net *net = NULL;
    CHECK(cn_dataset_load("no-such-dataset", &net, &err) == CN_EUSAGE);
    CHECK(err.msg[0] != '\0' && net == NULL);

    /* the default dataset is one of the listed ones */
    const char *def = cn_dataset_default();
    int listed = 0;
    cn_dataset_info info;
    for (size_t i = 0; cn_dataset_get(i, &info); i++)
        listed += strcmp(info.name, def) == 0; /* a composed dataset embeds no bytes of its own */
    CHECK(listed == 1);

    if (cn_dataset_load(NULL, &net, &err) != CN_OK) {
        fprintf(stderr, "example: %s\n", err.msg);
        return 1;
    }
    cn_deps_opts o;
    cn_deps_opts_init(&o);
    cn_deps_result r = {0};
    if (cn_deps_run(net, &o, &r, &err) != CN_OK) {
        fprintf(stderr, "example: %s\n", err.msg);
        cn_net_free(net);
        return 1;
    }
    /* the default consumer is the United States; every row is about a mineral of the network */
    CHECK(r.n > 0);
    CHECK(r.consumer >= 0 && r.consumer < net->nvertices && strcmp(net->vertices[r.consumer].id, "USA") == 0);
    for (size_t i = 0; i < r.n; i++)
        CHECK(r.rows[i].mineral >= 0 && r.rows[i].mineral < net->nvertices &&
              net->vertices[r.rows[i].mineral].type == CN_VERTEX_MINERAL);
    CHECK(warnings == 0);
    cn_deps_result_free(&r);
    cn_net_free(net);
    return failed;
}
