// A shared library for LD_PRELOAD in the disk tests: fdatasync, fsync and
// syncfs fail with EIO while the file named by GB_EIO_TRIGGER exists. When the
// file holds text, only files whose path contains it fail (syncfs always does).
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

namespace {

using SyncFn = int (*)(int);

SyncFn next(const char* name) {
    return reinterpret_cast<SyncFn>(dlsym(RTLD_NEXT, name));
}

// Whether a flush of `fd` fails now (fd < 0: the whole file system).
bool failing(int fd) {
    const char* trigger = getenv("GB_EIO_TRIGGER");
    if (!trigger) return false;
    FILE* f = fopen(trigger, "r");
    if (!f) return false;
    char want[256] = {0};
    size_t n = fread(want, 1, sizeof want - 1, f);
    fclose(f);
    while (n > 0 && (want[n - 1] == '\n' || want[n - 1] == ' ')) want[--n] = 0;
    if (n == 0 || fd < 0) return true;
    char link[64], path[PATH_MAX] = {0};
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    if (readlink(link, path, sizeof path - 1) < 0) return false;
    return strstr(path, want) != nullptr;
}

}  // namespace

extern "C" {

int fdatasync(int fd) {
    if (failing(fd)) {
        errno = EIO;
        return -1;
    }
    return next("fdatasync")(fd);
}

int fsync(int fd) {
    if (failing(fd)) {
        errno = EIO;
        return -1;
    }
    return next("fsync")(fd);
}

int syncfs(int fd) {
    if (failing(-1)) {
        errno = EIO;
        return -1;
    }
    return next("syncfs")(fd);
}
}
