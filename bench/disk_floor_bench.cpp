// The floor under the server's latency figures: how long the data disk takes
// to make a small append durable. Appends a 200-byte record to a file in the
// given folder and fdatasyncs it, N times, and prints p50, p99 and max.
// usage: gb_disk_bench [--dir DIR] [--count N]
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    std::string dir = "/tmp";
    int count = 1000;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--dir" && i + 1 < argc) {
            dir = argv[++i];
        } else if (a == "--count" && i + 1 < argc) {
            count = std::max(10, std::atoi(argv[++i]));
        } else {
            std::printf("usage: gb_disk_bench [--dir DIR] [--count N]\n"
                        "Appends a 200-byte record and fdatasyncs it N times (default 1000) in a file\n"
                        "in DIR (default /tmp), then prints the p50, p99 and max time of a flush.\n");
            return a == "--help" || a == "-h" ? 0 : 2;
        }
    }
    std::string path = dir + "/gb_disk_bench.tmp";
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600);
    if (fd < 0) {
        std::fprintf(stderr, "gb_disk_bench: cannot create %s: %s\n", path.c_str(), std::strerror(errno));
        return 1;
    }
    std::string record(200, 'r');
    std::vector<double> ms;
    ms.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        auto t0 = Clock::now();
        if (::write(fd, record.data(), record.size()) != static_cast<ssize_t>(record.size()) || ::fdatasync(fd) != 0) {
            std::fprintf(stderr, "gb_disk_bench: write or flush failed in %s: %s\n", path.c_str(), std::strerror(errno));
            ::close(fd);
            ::unlink(path.c_str());
            return 1;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    ::close(fd);
    ::unlink(path.c_str());
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))]; };
    std::printf("fdatasync of a 200-byte append in %s, %d times: p50 %.3f ms, p99 %.3f ms, max %.3f ms\n", dir.c_str(),
                count, at(0.50), at(0.99), ms.back());
    return 0;
}
