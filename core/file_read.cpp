// Whole-file reads with the checks every outside file needs: opened without
// blocking, refused unless regular, and capped in size while reading too.
#include "file_read.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "os_file.hpp"

namespace gb {

namespace {

// Closes a descriptor when it goes out of scope.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) os::close(fd);
    }
};

FileRead failed(const std::string& path, const std::string& why) {
    FileRead r;
    r.error = path + ": " + why;
    return r;
}

std::string kib(std::size_t bytes) {
    return std::to_string(bytes / 1024) + " KiB";
}

}  // namespace

FileRead read_regular_file(const std::string& path, std::size_t max_bytes, bool follow_links) {
    Fd f{os::open_to_read(path, follow_links)};
    if (f.fd < 0) {
        if (errno == ELOOP && !follow_links) return failed(path, "is a symbolic link; only regular files are read");
        return failed(path, std::string("cannot open file (") + std::strerror(errno) + ")");
    }
    struct stat st {};
    if (::fstat(f.fd, &st) != 0) return failed(path, std::string("cannot stat file (") + std::strerror(errno) + ")");
    if (!S_ISREG(st.st_mode))
        return failed(path, S_ISDIR(st.st_mode) ? "is a directory, not a file"
                                                : "is not a regular file (a FIFO, device or socket); only regular "
                                                  "files are read");
    if (st.st_size < 0 || static_cast<unsigned long long>(st.st_size) > max_bytes)
        return failed(path, "file is larger than " + kib(max_bytes));
    os::set_blocking(f.fd);  // back to blocking reads
    FileRead r;
    r.bytes.resize(static_cast<std::size_t>(st.st_size));
    std::size_t done = 0;
    // Read one byte past the size seen, so that a file growing meanwhile is still capped.
    for (;;) {
        if (done == r.bytes.size()) {
            if (done > max_bytes) return failed(path, "file is larger than " + kib(max_bytes));
            r.bytes.resize(std::min(max_bytes < SIZE_MAX ? max_bytes + 1 : max_bytes, done + 4096));
            if (done == r.bytes.size()) return failed(path, "file is larger than " + kib(max_bytes));
        }
        ssize_t n = ::read(f.fd, r.bytes.data() + done, r.bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return failed(path, std::string("cannot read file (") + std::strerror(errno) + ")");
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    if (done > max_bytes) return failed(path, "file is larger than " + kib(max_bytes));
    r.bytes.resize(done);
    r.ok = true;
    return r;
}

}  // namespace gb

namespace gb {

void write_private_file(const std::string& path, const std::string& bytes) {
    std::string tmp = path + ".new";
    Fd out;
    out.fd = os::open(tmp, O_WRONLY | O_CREAT | O_TRUNC | os::kNoFollow, 0600);
    if (out.fd < 0) throw std::runtime_error("cannot create " + tmp + ": " + std::strerror(errno));
    os::make_private(out.fd);
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(out.fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw std::runtime_error("cannot write " + tmp + ": " + std::strerror(errno));
        done += static_cast<std::size_t>(n);
    }
    if (!os::flush_file(out.fd)) throw std::runtime_error("cannot flush " + tmp + ": " + std::strerror(errno));
    // Closed before the rename: Windows does not move a file that is open.
    os::close(out.fd);
    out.fd = -1;
    if (!os::replace(tmp, path)) throw std::runtime_error("cannot create " + path + ": " + std::strerror(errno));
}

}  // namespace gb
