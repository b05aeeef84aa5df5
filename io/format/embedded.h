/* io/format/embedded.h: files embedded into the binary at build time (cmake/embed.c.in, .incbin).
 * Each blob is NUL-terminated; its size excludes the NUL. */
#ifndef CN_IO_EMBEDDED_H
#define CN_IO_EMBEDDED_H

#include <stddef.h>

#define CN_EMBED_DECLARE(sym)                                                                      \
    extern const unsigned char sym[];                                                              \
    extern const unsigned char sym##_end[]

#define CN_EMBED_SIZE(sym) ((size_t)(sym##_end - sym))

#endif
