/* datasets/builtin.c: access to the datasets embedded by datasets/CMakeLists.txt (critnet/datasets.h), part
 * of libcritnet (layer 4). */
#include "critnet/datasets.h"

#include <string.h>

#include "critnet/io.h"
#include "critnet/merge.h"
#include "critnet/trade.h"
#include "builtin_i.h"

const cn_dataset_info *cn_dataset_get(size_t i, cn_dataset_info *buf)
{
    for (size_t k = 0; cn_i_builtins[k].name; k++) {
        if (k == i) {
            buf->name = cn_i_builtins[k].name;
            buf->title = cn_i_builtins[k].title;
            buf->source = cn_i_builtins[k].source;
            buf->bytes = cn_i_builtins[k].data ? (size_t)(cn_i_builtins[k].end - cn_i_builtins[k].data) : 0;
            return buf;
        }
    }
    return NULL;
}

const char *cn_dataset_default(void)
{
    return cn_i_builtin_default;
}

/* a trade table: the network trade_to_native would write as JSON for the same table and options */
static cn_status load_trade(const cn_builtin *b, const char *where, cn_net **out, cn_error *err)
{
    cn_trade_opts o = {.from = CN_TRADE_LAYOUT_CSV, .columns = b->columns};
    cn_trade_net_opts no = {.period = b->period, .name = b->name, .title = b->net_title,
                            .source_id = b->source_id, .source_title = b->source_title};
    cn_trade *t = NULL;
    cn_status st = cn_trade_load_mem((const char *)b->data, (size_t)(b->end - b->data), where, &o, &t, err);
    if (!st)
        st = cn_trade_to_net(t, &no, out, err);
    cn_trade_free(t);
    return st;
}

static cn_status load(const char *name, int depth, cn_net **out, cn_error *err);

/* a composition: over on top of base, both built-in (depth: how many compositions enclose this one) */
static cn_status load_merged(const cn_builtin *b, int depth, cn_net **out, cn_error *err)
{
    if (depth >= 8)
        return cn_error_set(err, CN_EINTERNAL, "dataset %s: compositions nested too deep (a cycle?)", b->name);
    cn_net *over = NULL, *base = NULL;
    cn_status st = load(b->over, depth + 1, &over, err);
    if (!st)
        st = load(b->base, depth + 1, &base, err);
    cn_merge_opts o;
    cn_merge_opts_init(&o);
    o.name = b->name;
    o.title = b->title;
    o.description = b->source;
    if (!st)
        st = cn_net_merge(over, base, &o, out, err);
    cn_net_free(over);
    cn_net_free(base);
    return st;
}

cn_status cn_dataset_load(const char *name, cn_net **out, cn_error *err)
{
    return load(name, 0, out, err);
}

static cn_status load(const char *name, int depth, cn_net **out, cn_error *err)
{
    if (!name)
        name = cn_i_builtin_default;
    for (size_t k = 0; cn_i_builtins[k].name; k++) {
        const cn_builtin *b = &cn_i_builtins[k];
        if (strcmp(b->name, name) == 0) {
            char where[128];
            snprintf(where, sizeof where, "dataset %s", name);
            if (b->kind == CN_BUILTIN_TRADE)
                return load_trade(b, where, out, err);
            if (b->kind == CN_BUILTIN_MERGED)
                return load_merged(b, depth, out, err);
            return cn_json_parse((const char *)b->data, (size_t)(b->end - b->data), where, out, err);
        }
    }
    return cn_error_set(err, CN_EUSAGE, "no built-in dataset '%s'; see 'critnet datasets'", name);
}
