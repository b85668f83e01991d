// The POSIX and Windows sides of os_file.hpp; the only file with a platform split.
// Linux keeps exactly the calls it always made (fdatasync, syncfs, ftruncate, ...).
#include "os_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fstream>

#ifdef _WIN32
#include <io.h>
#include <process.h>
#include <windows.h>
// after windows.h, which it needs
#include <psapi.h>
#else
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace gb::os {

#ifdef _WIN32

const int kNoFollow = 0;

int open(const std::string& path, int flags, int mode) {
    return ::_open(path.c_str(), flags | _O_BINARY | _O_NOINHERIT, mode & (_S_IREAD | _S_IWRITE));
}
int open_to_read(const std::string& path, bool) {
    return ::_open(path.c_str(), _O_RDONLY | _O_BINARY | _O_NOINHERIT);
}
void set_blocking(int) {}
bool close(int fd) {
    return ::_close(fd) == 0;
}

namespace {
bool flush_handle(int fd) {
    auto h = reinterpret_cast<HANDLE>(::_get_osfhandle(fd));
    if (h == INVALID_HANDLE_VALUE) {
        errno = EBADF;
        return false;
    }
    if (::FlushFileBuffers(h)) return true;
    errno = EIO;
    return false;
}
}  // namespace

bool flush_data(int fd) {
    return flush_handle(fd);
}
bool flush_file(int fd) {
    return flush_handle(fd);
}
bool flush_file_system(int fd) {
    return flush_handle(fd);
}
void flush_directory(const std::string&) {}

bool replace(const std::string& from, const std::string& to) {
    if (::MoveFileExA(from.c_str(), to.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) return true;
    errno = EACCES;
    return false;
}

bool resize(int fd, std::uint64_t size) {
    errno_t e = ::_chsize_s(fd, static_cast<long long>(size));
    if (e == 0) return true;
    errno = e;
    return false;
}
bool resize(const std::string& path, std::uint64_t size) {
    int fd = ::_open(path.c_str(), _O_WRONLY | _O_BINARY | _O_NOINHERIT);
    if (fd < 0) return false;
    bool ok = resize(fd, size);
    ::_close(fd);
    return ok;
}
bool make_private(int) {
    return true;  // a file is created read/write for its owner; ACLs are the user profile's
}
bool make_private(const std::string& path) {
    return ::_chmod(path.c_str(), _S_IREAD | _S_IWRITE) == 0;
}
bool is_private(int) {
    return true;
}

int process_id() {
    return ::_getpid();
}
double cpu_seconds() {
    FILETIME created, exited, kernel, user;
    if (!::GetProcessTimes(::GetCurrentProcess(), &created, &exited, &kernel, &user)) return 0;
    auto ticks = [](const FILETIME& f) { return (std::uint64_t(f.dwHighDateTime) << 32) | f.dwLowDateTime; };
    return double(ticks(kernel) + ticks(user)) / 1e7;  // 100 ns ticks
}
std::uint64_t resident_bytes() {
    PROCESS_MEMORY_COUNTERS pmc{};
    if (!::GetProcessMemoryInfo(::GetCurrentProcess(), &pmc, sizeof pmc)) return 0;
    return pmc.WorkingSetSize;
}
std::tm utc_time(std::time_t t) {
    std::tm tm{};
    ::gmtime_s(&tm, &t);
    return tm;
}
std::string make_temp_dir(const std::string& prefix) {
    char base[MAX_PATH + 1];
    DWORD n = ::GetTempPathA(sizeof base, base);
    if (n == 0 || n > MAX_PATH) return {};
    for (unsigned tries = 0; tries < 100; ++tries) {
        unsigned tick = static_cast<unsigned>(::GetTickCount()) * 2654435761u + tries * 40503u;
        char name[32];
        std::snprintf(name, sizeof name, "-%06x", (tick ^ static_cast<unsigned>(::_getpid())) & 0xFFFFFFu);
        std::string dir = std::string(base) + prefix + name;
        if (::CreateDirectoryA(dir.c_str(), nullptr)) return dir;
        if (::GetLastError() != ERROR_ALREADY_EXISTS) return {};
    }
    return {};
}
bool is_terminal(std::FILE* f) {
    return ::_isatty(::_fileno(f)) != 0;
}
void prepare_console(bool windowed) {
    HANDLE out = ::GetStdHandle(STD_OUTPUT_HANDLE);
    if (windowed && (out == nullptr || out == INVALID_HANDLE_VALUE) && ::AttachConsole(ATTACH_PARENT_PROCESS)) {
        if (!std::freopen("CONOUT$", "w", stdout) || !std::freopen("CONOUT$", "w", stderr)) return;
    }
    ::_setmode(::_fileno(stdout), _O_BINARY);
    ::_setmode(::_fileno(stderr), _O_BINARY);
    ::SetConsoleOutputCP(CP_UTF8);
}
void ignore_file_size_signal() {}

#else

const int kNoFollow = O_NOFOLLOW;

int open(const std::string& path, int flags, int mode) {
    return ::open(path.c_str(), flags | O_CLOEXEC, static_cast<mode_t>(mode));
}
int open_to_read(const std::string& path, bool follow_links) {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    return ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (follow_links ? 0 : O_NOFOLLOW));
}
void set_blocking(int fd) {
    // A regular file never blocks, and some file systems dislike O_NONBLOCK.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
}
bool close(int fd) {
    return ::close(fd) == 0;
}

bool flush_data(int fd) {
    return ::fdatasync(fd) == 0;
}
bool flush_file(int fd) {
    return ::fsync(fd) == 0;
}
bool flush_file_system(int fd) {
    return ::syncfs(fd) == 0;
}
void flush_directory(const std::string& dir) {
    int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

bool replace(const std::string& from, const std::string& to) {
    return std::rename(from.c_str(), to.c_str()) == 0;
}

bool resize(int fd, std::uint64_t size) {
    return ::ftruncate(fd, static_cast<off_t>(size)) == 0;
}
bool resize(const std::string& path, std::uint64_t size) {
    return ::truncate(path.c_str(), static_cast<off_t>(size)) == 0;
}
bool make_private(int fd) {
    return ::fchmod(fd, 0600) == 0;
}
bool make_private(const std::string& path) {
    return ::chmod(path.c_str(), 0600) == 0;
}
bool is_private(int mode) {
    return (mode & 077) == 0;
}

int process_id() {
    return static_cast<int>(::getpid());
}
double cpu_seconds() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}
std::uint64_t resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::uint64_t pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}
std::tm utc_time(std::time_t t) {
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    return tm;
}
std::string make_temp_dir(const std::string& prefix) {
    std::string dir = "/tmp/" + prefix + "-XXXXXX";
    return ::mkdtemp(dir.data()) ? dir : std::string();
}
bool is_terminal(std::FILE* f) {
    return ::isatty(::fileno(f)) != 0;
}
void prepare_console(bool) {}
void ignore_file_size_signal() {
    std::signal(SIGXFSZ, SIG_IGN);
}

#endif

}  // namespace gb::os
