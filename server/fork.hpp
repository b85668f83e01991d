// Forking a saved game: a new live game that starts from a point of a
// journal, created on a gb-server (remote, or the one inside the client).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "protocol.hpp"
#include "timeline.hpp"

namespace gb {

struct ForkResult {
    std::uint32_t game = 0;
    net::GameCodes codes;
    std::string error;  // non-empty: the fork failed, and why
};

// A fork arriving at the server in pieces: the first piece's header and the
// scenario files in memory (capped), the actions spooled to a temporary file
// (capped in bytes and time). The file goes when the upload does.
struct ForkUpload {
    net::ForkGame head;  // without actions
    std::string path;    // the temporary file: u32 length + one encoded JournalEntry, per action
    int fd = -1;
    std::size_t actions = 0, bytes = 0, rules_bytes = 0;
    std::chrono::steady_clock::time_point started;
    ForkUpload() = default;
    ForkUpload(const ForkUpload&) = delete;
    ForkUpload& operator=(const ForkUpload&) = delete;
    ~ForkUpload();
    // Opens the temporary file (mode 0600) in `dir`; false when it cannot.
    bool open(const std::string& dir, std::uint64_t n);
    // Appends actions; false on a write error.
    bool spool(const std::vector<JournalEntry>& entries);
    // Reads the spooled actions back one by one, calling `each` until it returns false;
    // an empty string, or what went wrong.
    std::string each(const std::function<bool(const JournalEntry&)>& each) const;
};

// A scenario's files cut into chunks of at most `chunk` bytes of text, and
// joined again (consecutive chunks of one path make one file): how a fork
// carries its saved game's rules in pieces under the packet cap.
std::vector<SourceFile> split_files(const std::vector<SourceFile>& files, std::size_t chunk);
std::vector<SourceFile> join_files(std::vector<SourceFile> chunks);

// Sends the saved game's scenario files and first `point` actions to the server at host:port,
// which checks them, journals them and opens the new game. `admin_token` is
// the server's (empty for an open lobby). `progress` is told how many actions have been sent.
ForkResult fork_on_server(const std::string& host, std::uint16_t port, const Timeline& timeline, std::size_t point,
                          const std::string& name, const std::string& admin_token,
                          const std::function<void(std::size_t)>& progress = {},
                          std::uint32_t min_phase_ms = net::kDefaultMinPhaseMs);

}  // namespace gb
