// Forking a saved game: a new live game that starts from a point of a
// journal, created on a gb-server (remote, or the one inside the client).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "timeline.hpp"

namespace gb {

struct ForkResult {
    std::uint32_t game = 0;
    std::string join_code, control_code;
    std::string error;  // non-empty: the fork failed, and why
};

// Sends the saved game's first `point` actions to the server at host:port,
// which checks them, journals them and opens the new game. `progress` is
// told how many actions have been sent.
ForkResult fork_on_server(const std::string& host, std::uint16_t port, const Timeline& timeline, std::size_t point,
                          const std::string& name, const std::function<void(std::size_t)>& progress = {});

}  // namespace gb
