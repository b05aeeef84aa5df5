/* tests/fuzz/fuzz_common.h: shared by the libFuzzer harnesses (tests/fuzz/fuzz_*.c, docs/reliability.md):
 * a private temporary folder and writing the input to a file in it, for the readers that take a path. */
#ifndef CN_FUZZ_COMMON_H
#define CN_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "critnet/common.h"

/* a folder of this process, made once */
static const char *fuzz_dir(void)
{
    static char dir[64];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/critnet-fuzz-%ld", (long)getpid());
        mkdir(dir, 0700);
    }
    return dir;
}

/* writes data to DIR/name (subfolders made); returns the path (static buffer) */
static const char *fuzz_write(const char *name, const uint8_t *data, size_t size)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", fuzz_dir(), name);
    for (char *slash = path + strlen(fuzz_dir()) + 1; (slash = strchr(slash, '/')); slash++) {
        *slash = '\0'; /* the subfolders, one by one */
        mkdir(path, 0700);
        *slash = '/';
    }
    FILE *fp = fopen(path, "wb");
    if (!fp)
        abort();
    if (size && fwrite(data, 1, size, fp) != size)
        abort();
    if (fclose(fp) != 0)
        abort();
    return path;
}

/* an error message must be one line of text: no control characters (cn_escape_text) */
static void fuzz_check_message(const cn_error *err)
{
    for (const char *p = err->msg; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7F)
            abort();
}

#endif
