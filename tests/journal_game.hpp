// Test helpers for the record and the report: a bot game journaled as the
// server journals it, and a temporary folder that removes itself.
#pragma once

#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>

#include "journal.hpp"
#include "rules.hpp"
#include "scenario_loader.hpp"
#include "serialize.hpp"
#include "simulation.hpp"

namespace gbt {

using namespace gb;

struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& name) {
        static std::atomic<int> n{0};
        path = std::filesystem::temp_directory_path() /
               ("gb-tests-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string operator/(const std::string& name) const { return (path / name).string(); }
};

// The header the server writes for a game of the scenario `loaded` from
// `scenario_path`, with its files.
inline JournalHeader header_for(const LoadResult& loaded, const std::string& scenario_path, std::uint64_t seed,
                                const std::string& name) {
    JournalHeader h;
    h.game = 1;
    h.name = name;
    h.scenario_id = loaded.scenario->id;
    h.scenario_path = scenario_path;
    h.content_hash = loaded.scenario->content_hash;
    h.scenario_files = loaded.sources;
    h.seed = seed;
    h.created_unix = 1700000000;
    return h;
}

// A game journaled action by action from a test, as the server journals it.
struct ScriptedJournal {
    LoadResult loaded;
    JournalWriter writer;
    GameState g;
    ScriptedJournal(const std::string& journal, const std::string& scenario_path, std::uint64_t seed,
                    const std::string& name)
        : loaded(load_scenario(scenario_path)) {
        if (!loaded.scenario) throw std::runtime_error("cannot load " + scenario_path);
        writer = JournalWriter::create(journal, header_for(loaded, scenario_path, seed, name));
        g = new_game(loaded.scenario, seed);
    }
    // Applies an action, which must be accepted (throws naming it otherwise), and journals it.
    void run(const Seat& seat, const Action& a) {
        Acted done = act(g, seat, a, true);
        if (!done.ok()) throw std::runtime_error(std::string(action_name(a)) + ": " + done.verdict.message);
        writer.append(ActionRecord{{seat, a}, done.hash});
    }
    // Draws turn 1's inject (a choice takes its first option) and opens negotiation.
    void to_negotiation() {
        run(Seat::system(), DrawInject{});
        if (g.choice_pending) run(Seat::of_team(static_cast<Team>(g.card(g.inject).chooser)), Choose{0});
        run(Seat::system(), AdvancePhase{});
    }
};

// Plays a heuristic bot game of the scenario file at `scenario_path` and
// writes its journal at `journal`: the header (carrying the scenario's
// files when `embed`, as the server writes it), then every action with the
// state hash after it. Stops journaling after `limit` actions (0: all).
inline GameRecord journal_game(const std::string& journal, const std::string& scenario_path, std::uint64_t seed,
                               bool embed = true, std::size_t limit = 0) {
    LoadResult loaded = load_scenario(scenario_path);
    if (!loaded.scenario) throw std::runtime_error("cannot load " + scenario_path);
    JournalHeader h;
    h.game = 1;
    h.name = "test game";
    h.scenario_id = loaded.scenario->id;
    h.scenario_path = std::filesystem::absolute(scenario_path).string();
    h.content_hash = loaded.scenario->content_hash;
    h.seed = seed;
    h.created_unix = 1700000000;
    if (embed) h.scenario_files = loaded.sources;
    JournalWriter w = JournalWriter::create(journal, h);
    std::size_t n = 0;
    GameRecord rec = play_game(loaded.scenario, seed, BotKind::heuristic,
                               [&](const GameState& g, const JournalEntry& e, const std::vector<Event>&) {
                                   if (limit == 0 || n++ < limit) w.append(ActionRecord{e, state_hash(g)});
                               });
    w.sync();
    return rec;
}

}  // namespace gbt
