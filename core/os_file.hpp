// File, terminal and process calls that differ between POSIX and Windows, in
// one place: the rest of the code calls these and holds no platform #ifdefs.
#pragma once

#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string>

namespace gb::os {

// open(2) with only portable flags (O_RDONLY/O_WRONLY/O_RDWR, O_CREAT, O_EXCL, O_TRUNC,
// O_APPEND). Adds close-on-exec on POSIX, and binary, not-inherited mode on Windows.
// A file it creates gets `mode` (0600: the owner only; on Windows read/write).
int open(const std::string& path, int flags, int mode = 0600);
// O_NOFOLLOW where the platform has it, else 0 (Windows: links are not refused).
extern const int kNoFollow;
// For reading a file from outside: never blocks on a FIFO, refuses a symbolic link
// unless `follow_links`; the descriptor is back in blocking mode once it is known
// to be a regular file (call set_blocking then).
int open_to_read(const std::string& path, bool follow_links);
void set_blocking(int fd);
bool close(int fd);

// Durability. Each returns false with errno set on failure.
bool flush_data(int fd);         // the file's data: fdatasync; Windows FlushFileBuffers
bool flush_file(int fd);         // data and metadata: fsync; Windows FlushFileBuffers
bool flush_file_system(int fd);  // everything on the fd's file system: syncfs; Windows the file only
// A new entry in `dir`: fsync on the directory; nothing on Windows (NTFS journals it).
void flush_directory(const std::string& dir);

// Renames `from` to `to`, replacing a file already there (rename; Windows MoveFileEx).
bool replace(const std::string& from, const std::string& to);

// Size and permissions.
bool resize(int fd, std::uint64_t size);                   // ftruncate; Windows _chsize_s
bool resize(const std::string& path, std::uint64_t size);  // truncate
bool make_private(int fd);                                 // mode 0600; on Windows read/write for the owner
bool make_private(const std::string& path);
bool is_private(int mode);  // no group or other bits (always true on Windows)

int process_id();
// The CPU time (user and system) the process has used so far, in seconds.
double cpu_seconds();
// The process's resident memory in bytes (0 where it cannot be read).
std::uint64_t resident_bytes();
// `t` broken down in UTC (gmtime_r; Windows gmtime_s).
std::tm utc_time(std::time_t t);
// A new, empty folder of the owner's only, named PREFIX-XXXXXX in /tmp (Windows: in
// the user's temporary folder); its path, or "" if it could not be made.
std::string make_temp_dir(const std::string& prefix);
// Whether `f` is a terminal (a console on Windows).
bool is_terminal(std::FILE* f);
// Call first in main: on Windows stdout and stderr become binary (no CRLF, so output
// is byte for byte what Linux prints) and the console shows UTF-8. Nothing on POSIX.
// `windowed`: a program built for the Windows GUI subsystem (gb-client, which opens
// no console window of its own) writes to the console it was started from, if any,
// unless its output is already redirected.
void prepare_console(bool windowed = false);
// A signal that would kill the process on a file size limit (SIGXFSZ) is ignored,
// so the write fails with EFBIG instead. Windows has no such signal.
void ignore_file_size_signal();

}  // namespace gb::os
