/* io/format/out.c: output files. A regular (or new) file is written to a temporary file in the same folder and
 * renamed into place on success; stdout, pipes and devices (/dev/null) are written directly. A symlink is
 * followed (its target is replaced, the link kept); a file with other hard links, or in a folder the user cannot
 * write, is staged in an anonymous temporary file and copied into place on success; a read-only file is refused.
 * Temporary files in progress are listed so a signal handler can remove them (cn_out_remove_temps). */
#define _DEFAULT_SOURCE /* realpath */
#include "critnet/io.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* the temporary files being written, for cn_out_remove_temps (a signal handler): set before a file is created,
 * cleared before its name is freed */
#define NPENDING 16
static char *volatile pending[NPENDING];

static void pending_add(char *tmp)
{
    for (int i = 0; i < NPENDING; i++)
        if (!pending[i]) {
            pending[i] = tmp;
            return;
        }
}

static void pending_remove(const char *tmp)
{
    for (int i = 0; i < NPENDING; i++)
        if (pending[i] == tmp)
            pending[i] = NULL;
}

void cn_out_remove_temps(void)
{
    for (int i = 0; i < NPENDING; i++) {
        char *t = pending[i];
        if (t)
            unlink(t); /* async-signal-safe */
    }
}

/* o->path is a file with other hard links or in a folder we cannot write: stage in an anonymous file */
static cn_status open_staged(cn_out *o, cn_error *err)
{
    o->stage = tmpfile();
    if (!o->stage) {
        int e = errno;
        cn_out_abort(o);
        return cn_error_set(err, CN_ECANTCREAT, "%s: cannot create a temporary file: %s", o->label, strerror(e));
    }
    o->fp = o->stage;
    return CN_OK;
}

cn_status cn_out_open(cn_out *o, const char *path, cn_error *err)
{
    memset(o, 0, sizeof *o);
    if (!path || strcmp(path, "-") == 0) {
        o->fp = stdout;
        o->label = "stdout";
        return CN_OK;
    }
    o->label = path;
    struct stat sb, lsb;
    int exists = stat(path, &sb) == 0;
    if (exists && !S_ISREG(sb.st_mode)) {
        if (S_ISDIR(sb.st_mode))
            return cn_error_set(err, CN_ECANTCREAT, "%s: is a directory", path);
        o->fp = fopen(path, "wb"); /* a device or a pipe: never rename over it */
        if (!o->fp)
            return cn_error_set(err, CN_ECANTCREAT, "%s: %s", path, strerror(errno));
        o->path = cn_strdup(path);
        return o->path ? CN_OK : cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    if (exists && (access(path, W_OK) != 0 || (sb.st_mode & 0222) == 0)) /* no w bit: read-only, root too */
        return cn_error_set(err, CN_ECANTCREAT, "%s: the file is read-only; make it writable (chmod u+w) or "
                            "write elsewhere", path);
    /* a symlink: write its target (the link stays); a dangling one is created through the link */
    if (lstat(path, &lsb) == 0 && S_ISLNK(lsb.st_mode)) {
        if (!exists) { /* nothing to keep intact: fopen creates the target through the link */
            o->fp = fopen(path, "wb");
            if (!o->fp)
                return cn_error_set(err, CN_ECANTCREAT, "%s: %s", path, strerror(errno));
            o->path = cn_strdup(path);
            return o->path ? CN_OK : cn_error_set(err, CN_ENOMEM, "out of memory");
        }
        o->path = realpath(path, NULL);
    }
    if (!o->path)
        o->path = cn_strdup(path);
    if (!o->path)
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    if (exists && sb.st_nlink > 1)
        return open_staged(o, err); /* renaming would break the other links */
    /* temp name: DIR/.BASE.XXXXXX */
    const char *target = o->path;
    const char *slash = strrchr(target, '/');
    size_t dirlen = slash ? (size_t)(slash - target + 1) : 0;
    size_t n = strlen(target) + 16;
    o->tmp = malloc(n);
    if (!o->tmp) {
        cn_out_abort(o);
        return cn_error_set(err, CN_ENOMEM, "out of memory");
    }
    snprintf(o->tmp, n, "%.*s.%s.XXXXXX", (int)dirlen, target, target + dirlen);
    /* listed first, so that a signal between mkstemp and the listing cannot leave the file behind */
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    int fd = mkstemp(o->tmp);
    int e = errno;
    if (fd >= 0)
        pending_add(o->tmp);
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        free(o->tmp);
        o->tmp = NULL;
        if (exists && (e == EACCES || e == EPERM))
            return open_staged(o, err); /* the folder is not ours, the file is: copy into it at the end */
        cn_out_abort(o);
        return cn_error_set(err, CN_ECANTCREAT, "%s: %s", path, strerror(e));
    }
    /* mkstemp makes 0600; give the file the permissions a plain fopen would */
    mode_t mask = umask(0);
    umask(mask);
    if (exists)
        fchmod(fd, sb.st_mode & 07777);
    else
        fchmod(fd, 0666 & ~mask);
    o->fp = fdopen(fd, "wb");
    if (!o->fp) {
        e = errno;
        close(fd);
        cn_out_abort(o);
        return cn_error_set(err, CN_ECANTCREAT, "%s: %s", path, strerror(e));
    }
    return CN_OK;
}

/* copies the staged output into o->path (truncating it): the links and the inode stay */
static cn_status copy_staged(cn_out *o, cn_error *err)
{
    if (fflush(o->stage) != 0 || ferror(o->stage) || fseek(o->stage, 0, SEEK_SET) != 0)
        return cn_error_set(err, CN_EIO, "%s: write error (temporary file): %s", o->label, strerror(errno));
    FILE *dst = fopen(o->path, "wb");
    if (!dst)
        return cn_error_set(err, CN_ECANTCREAT, "%s: %s", o->label, strerror(errno));
    char buf[65536];
    size_t got;
    int bad = 0;
    while (!bad && (got = fread(buf, 1, sizeof buf, o->stage)) > 0)
        bad = fwrite(buf, 1, got, dst) != got;
    bad |= ferror(o->stage);
    int e = errno;
    if (fclose(dst) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    return bad ? cn_error_set(err, CN_EIO, "%s: write error: %s", o->label, strerror(e)) : CN_OK;
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
    if (o->stage) {
        cn_status st = bad ? cn_error_set(err, CN_EIO, "%s: write error: %s", o->label, strerror(e))
                           : copy_staged(o, err);
        cn_out_abort(o);
        return st;
    }
    if (fclose(o->fp) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    o->fp = NULL;
    if (bad) {
        cn_status st = cn_error_set(err, CN_EIO, "%s: write error: %s", o->label, strerror(e));
        cn_out_abort(o);
        return st;
    }
    if (o->tmp && rename(o->tmp, o->path) != 0) {
        e = errno;
        cn_out_abort(o);
        return cn_error_set(err, CN_ECANTCREAT, "%s: %s", o->label, strerror(e));
    }
    if (o->tmp)
        pending_remove(o->tmp);
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
    o->stage = NULL;
    if (o->tmp) {
        unlink(o->tmp);
        pending_remove(o->tmp);
        free(o->tmp);
        o->tmp = NULL;
    }
    free(o->path);
    o->path = NULL;
}
