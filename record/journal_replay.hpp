// Rebuilding a game from its journal: the server's recovery and `gb replay`
// both use it. Every action is validated again and every state hash checked.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "journal.hpp"
#include "state.hpp"

namespace gb {

struct ReplayedGame {
    std::shared_ptr<const Scenario> scenario;
    GameState state;
    std::map<std::string, std::uint32_t> tokens;  // resume token -> player
    bool closed = false;
    std::uint64_t actions = 0;
    std::uint64_t next_seq = 1;
    std::string error;  // non-empty: the game cannot be resumed; names the record
};

// Loads the journal's scenario (by its recorded path, then by id) and checks
// its content hash.
std::shared_ptr<const Scenario> scenario_for(const JournalHeader& h, std::string& error);

// Replays a journal that read_journal accepted.
ReplayedGame replay(const JournalRead& journal);

}  // namespace gb
