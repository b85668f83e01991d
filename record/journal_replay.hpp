// Rebuilding a game from its journal: the server's recovery and `gb replay`
// both use it. Every action is validated again and every state hash checked.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "journal.hpp"
#include "state.hpp"

namespace gb {

// The scenario a journal was played with, and where it was found.
struct JournalScenario {
    std::shared_ptr<const Scenario> scenario;  // null when not found; `error` says why
    std::vector<SourceFile> files;             // the files it was loaded from, the scenario file first
    std::string from;                          // "the journal's own copy", or the scenario file's path
    std::string error;
};

// Loads a journal's scenario and checks its id and content hash against the
// header. A journal that carries its scenario's files (format 3) is loaded
// from them alone. One that does not (formats 1 and 2) is looked for at its
// recorded path, then by its id in the scenario folders, then in the archived
// sets (scenarios/archive/*/): the first file with the recorded id and
// content hash is used.
JournalScenario scenario_for(const JournalHeader& h);

struct ReplayedGame {
    std::shared_ptr<const Scenario> scenario;
    std::string scenario_from;  // where it was found (JournalScenario::from)
    GameState state;
    std::map<std::string, std::uint32_t> tokens;  // resume token -> player
    // The White Cell's last "Set phase timer" for each kind of timed phase
    // (timer_kind), -1 when it set none (0 is "no timer"): the server applies
    // it to every later phase of that kind, also after a restart.
    std::array<std::int32_t, 2> timer_settings{-1, -1};
    // The last phase timer journaled (format 7), to go on from after a restart.
    std::optional<DeadlineRecord> deadline;
    bool closed = false;
    std::uint64_t actions = 0;
    std::uint64_t next_seq = 1;
    std::string error;  // non-empty: the game cannot be resumed; names the record
};

// The kind of timed phase a White Cell's SetTimer given in `phase` is for: 1
// (orders) in the orders phase, else 0 (negotiation, the next timed phase).
int timer_kind(Phase phase);

// Replays a journal that read_journal accepted.
ReplayedGame replay(const JournalRead& journal);

}  // namespace gb
