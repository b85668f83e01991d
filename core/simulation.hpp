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
#include "schedule.hpp"
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

// Plays one game to the end with four bots, following the schedule (see
// schedule.hpp); the White Cell's part is played by its stand-in, the system
// seat. Throws std::logic_error if the game does not end (a bug).
GameRecord play_game(std::shared_ptr<const Scenario> scenario, std::uint64_t seed, BotKind bots,
                     const ActionObserver& observer = {}, bool record = false);

struct SimulationSummary {
    int games = 0;
    std::array<double, kTeams> mean_score{};
    std::array<double, kTeams> win_share{};
    double rapprochement = 0, war = 0, breakout = 0, mean_turns = 0;
    std::vector<std::uint64_t> play_hashes;  // each game's final play hash, in game order
};

// Plays `games` games with seeds derived from `seed`, on `threads` threads.
// The result does not depend on the thread count.
SimulationSummary simulate(std::shared_ptr<const Scenario> scenario, int games, std::uint64_t seed, BotKind bots,
                           int threads, const std::function<void(int done)>& progress = {});

// The next move of a game whose bots all play in this process, following the
// schedule: a bot's action (what it decides from its seat's view), the
// stand-in's, or nothing when only people can move the game on now. The
// caller applies it with `act`; a bot action the rules refuse is a bot bug,
// which play_game reports.
std::optional<JournalEntry> next_move(const GameState& g, Schedule& schedule, const Cast& cast,
                                      std::array<Bot, kTeams>& bots);

// The stand-in's step in a game whose every team a bot plays (for tests that
// drive bots by hand).
std::optional<Action> system_step(const GameState& g);

// The four bots of a game with this seed, one per team.
std::array<Bot, kTeams> make_bots(BotKind kind, std::uint64_t seed);

// Seed of game i of a simulation. Game 0 is played with the seed itself, so
// `gb simulate --games 1 --seed S` plays the game `gb demo --seed S` does.
std::uint64_t game_seed(std::uint64_t seed, int i);

}  // namespace gb
