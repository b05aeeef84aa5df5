/* cli/builtin.c: access to the datasets embedded by datasets/CMakeLists.txt (critnet/datasets.h).
 * Lives with the program because the embedded table is linked into it, not into libcritnet. */
#include "critnet/datasets.h"

#include <string.h>

#include "critnet/io.h"
#include "io/builtin.h"

const cn_dataset_info *cn_dataset_get(size_t i, cn_dataset_info *buf)
{
    for (size_t k = 0; cn_builtins[k].name; k++) {
        if (k == i) {
            buf->name = cn_builtins[k].name;
            buf->title = cn_builtins[k].title;
            buf->source = cn_builtins[k].source;
            buf->bytes = (size_t)(cn_builtins[k].end - cn_builtins[k].data);
            return buf;
        }
    }
    return NULL;
}

const char *cn_dataset_default(void)
{
    return cn_builtin_default;
}

cn_status cn_dataset_load(const char *name, cn_net **out, cn_error *err)
{
    if (!name)
        name = cn_builtin_default;
    for (size_t k = 0; cn_builtins[k].name; k++) {
        if (strcmp(cn_builtins[k].name, name) == 0) {
            char where[128];
            snprintf(where, sizeof where, "dataset %s", name);
            return cn_json_parse((const char *)cn_builtins[k].data,
                                 (size_t)(cn_builtins[k].end - cn_builtins[k].data), where, out, err);
        }
    }
    return cn_error_set(err, CN_EUSAGE, "no built-in dataset '%s'; see 'critnet datasets'", name);
}
