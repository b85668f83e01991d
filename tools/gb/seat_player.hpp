// Playing one team seat over the network with a bot: the loop shared by
// `gb bot` and the networked `gb demo`.
#pragma once

#include <atomic>
#include <string>

#include "bot.hpp"
#include "client.hpp"

namespace gb::cli {

struct SeatPlayerOptions {
    std::string host;
    std::uint16_t port = 0;
    std::string code;
    Team team = Team::us;
    std::string name;
    BotKind kind = BotKind::heuristic;
    std::uint64_t seed = 1;
    bool verbose = true;  // progress lines on stderr
};

// Joins and plays until the game ends (true) or something fails for good
// (false, with `error`). Reconnects with backoff for up to 60 s when the
// connection drops. `stop` ends it early.
bool play_seat(const SeatPlayerOptions& o, net::SeatSession& s, std::string& error,
               const std::atomic<bool>* stop = nullptr);

}  // namespace gb::cli
