/* datasets/builtin_i.h: the table of datasets embedded at build time (generated from datasets/CMakeLists.txt):
 * native JSON files, parsed at load time, trade tables, built into a network at load time, or compositions of
 * two other built-in datasets, merged at load time (builtin.c). */
#ifndef CN_IO_BUILTIN_H
#define CN_IO_BUILTIN_H

#include "format/embedded.h"

typedef enum cn_builtin_kind { CN_BUILTIN_JSON, CN_BUILTIN_TRADE, CN_BUILTIN_MERGED } cn_builtin_kind;

typedef struct cn_builtin {
    const char *name, *title, *source;
    const unsigned char *data, *end;
    cn_builtin_kind kind;
    /* CN_BUILTIN_TRADE: what datasets/tools/trade_to_native.c is given for the same table (cn_trade_opts
     * columns; cn_trade_net_opts period, title, source id and title; the name is the dataset's) */
    const char *columns, *period, *net_title, *source_id, *source_title;
    /* CN_BUILTIN_MERGED (no data): the built-in datasets composed, over on top of base (critnet/merge.h) */
    const char *over, *base;
} cn_builtin;

extern const cn_builtin cn_i_builtins[];     /* terminated by a NULL name */
extern const char *const cn_i_builtin_default;

#endif
