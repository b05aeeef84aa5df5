/* io/builtin.h: the table of datasets embedded at build time (generated from datasets/CMakeLists.txt). */
#ifndef CN_IO_BUILTIN_H
#define CN_IO_BUILTIN_H

#include "io/embedded.h"

typedef struct cn_builtin {
    const char *name, *title, *source;
    const unsigned char *data, *end;
} cn_builtin;

extern const cn_builtin cn_builtins[];     /* terminated by a NULL name */
extern const char *const cn_builtin_default;

#endif
