/* io/format/out.c: output files. Regular (or new) files are written to a temporary file in the same folder and
 * renamed into place on success; stdout, pipes and devices (/dev/null) are written directly. */
#include "critnet/io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

cn_status cn_out_open(cn_out *o, const char *path, cn_error *err)
{
    memset(o, 0, sizeof *o);
    if (!path || strcmp(path, "-") == 0) {
        o->fp = stdout;
        o->label = "stdout";
        return CN_OK;
    }
    o->label = path;
    struct stat sb;
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        if (S_ISDIR(sb.st_mode))
            return cn_error_set(err, CN_ECANTCREAT, "%s: is a directory", path);
        o->fp = fopen(path, "wb"); /* a device or a pipe: never rename over it */
        if (!o->fp)
            return cn_error_set(err, CN_ECANTCREAT, "%s: %s", path, strerror(errno));
        o->path = cn_strdup(path);
        return o->path ? CN_OK : cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    /* temp name: DIR/.BASE.XXXXXX */
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path + 1) : 0;
    size_t n = strlen(path) + 16;
    o->tmp = malloc(n);
    o->path = cn_strdup(path);
    if (!o->tmp || !o->path) {
        cn_out_abort(o);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    snprintf(o->tmp, n, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        int e = errno;
        free(o->tmp);
        o->tmp = NULL;
        cn_out_abort(o);
        return cn_error_set(err, CN_ECANTCREAT, "%s: %s", path, strerror(e));
    }
    /* mkstemp makes 0600; give the file the permissions a plain fopen would */
    mode_t mask = umask(0);
    umask(mask);
    if (stat(path, &sb) == 0)
        fchmod(fd, sb.st_mode & 07777);
    else
        fchmod(fd, 0666 & ~mask);
    o->fp = fdopen(fd, "wb");
    if (!o->fp) {
        int e = errno;
        close(fd);
        cn_out_abort(o);
        return cn_error_set(err, CN_ECANTCREAT, "%s: %s", path, strerror(e));
    }
    return CN_OK;
}

cn_status cn_out_commit(cn_out *o, cn_error *err)
{
    if (!o->fp)
        return CN_OK;
    int bad = fflush(o->fp) != 0 || ferror(o->fp);
    int e = errno;
    if (o->fp == stdout) {
        o->fp = NULL;
        if (bad)
            return cn_error_set(err, CN_EIO, "stdout: write error: %s", strerror(e));
        return CN_OK;
    }
    if (fclose(o->fp) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    o->fp = NULL;
    if (bad) {
        cn_status st = cn_error_set(err, CN_EIO, "%s: write error: %s", o->path, strerror(e));
        cn_out_abort(o);
        return st;
    }
    if (o->tmp && rename(o->tmp, o->path) != 0) {
        e = errno;
        cn_out_abort(o);
        return cn_error_set(err, CN_ECANTCREAT, "%s: %s", o->label, strerror(e));
    }
    free(o->tmp);
    free(o->path);
    o->tmp = o->path = NULL;
    return CN_OK;
}

void cn_out_abort(cn_out *o)
{
    if (o->fp && o->fp != stdout)
        fclose(o->fp);
    o->fp = NULL;
    if (o->tmp) {
        unlink(o->tmp);
        free(o->tmp);
        o->tmp = NULL;
    }
    free(o->path);
    o->path = NULL;
}
