// Playing whole games with bots, locally and deterministically: one game for
// the demo and the tests, many games for `gb simulate` and balance tuning.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bot.hpp"
#include "journal_entry.hpp"
#include "state.hpp"

namespace gb {

struct GameRecord {
    GameState final;
    std::vector<JournalEntry> actions;       // every applied action, in order
    std::vector<std::uint64_t> turn_hashes;  // state hash after each turn's release
    Standing standing;
};

// Called after every applied action (for narration and checks).
using ActionObserver = std::function<void(const GameState&, const JournalEntry&, const std::vector<Event>&)>;

// Plays one game to the end with four bots. The White Cell's part (drawing,
// advancing, releasing) is played by the system seat. Throws std::logic_error
// if a bot produces an action the rules reject (a bug).
GameRecord play_game(std::shared_ptr<const Scenario> scenario, std::uint64_t seed, BotKind bots,
                     const ActionObserver& observer = {}, bool record = false);

struct SimulationSummary {
    int games = 0;
    std::array<double, kTeams> mean_score{};
    std::array<double, kTeams> win_share{};
    double rapprochement = 0, war = 0, breakout = 0, mean_turns = 0;
};

// Plays `games` games with seeds derived from `seed`, on `threads` threads.
// The result does not depend on the thread count.
SimulationSummary simulate(std::shared_ptr<const Scenario> scenario, int games, std::uint64_t seed, BotKind bots,
                           int threads, const std::function<void(int done)>& progress = {});

// What the White Cell's stand-in (the system seat) does to move a game on when
// no bot has anything left to do: draw the inject, advance the phase, or
// release the report. Nothing once the game has ended.
std::optional<Action> system_step(const GameState& g);

// One round of play with four bots: each team's bot takes up to 16 actions
// in turn, handed to `run`, which applies them and returns false to end the
// round early. Returns whether any bot acted; when none did, the game waits
// for `system_step`.
bool bots_round(const GameState& g, std::array<Bot, kTeams>& bots,
                const std::function<bool(const Seat&, const Action&)>& run);

// Seed of game i of a simulation.
std::uint64_t game_seed(std::uint64_t seed, int i);

}  // namespace gb
