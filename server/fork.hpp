// Forking a saved game: a new live game that starts from a point of a
// journal, created on a gb-server (remote, or the one inside the client).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "timeline.hpp"

namespace gb {

struct ForkResult {
    std::uint32_t game = 0;
    std::string join_code, control_code;
    std::string error;  // non-empty: the fork failed, and why
};

// A scenario's files cut into chunks of at most `chunk` bytes of text, and
// joined again (consecutive chunks of one path make one file): how a fork
// carries its saved game's rules in pieces under the packet cap.
std::vector<SourceFile> split_files(const std::vector<SourceFile>& files, std::size_t chunk);
std::vector<SourceFile> join_files(std::vector<SourceFile> chunks);

// Sends the saved game's scenario files and first `point` actions to the server at host:port,
// which checks them, journals them and opens the new game. `progress` is
// told how many actions have been sent.
ForkResult fork_on_server(const std::string& host, std::uint16_t port, const Timeline& timeline, std::size_t point,
                          const std::string& name, const std::function<void(std::size_t)>& progress = {});

}  // namespace gb
