// Replay benchmark: writes a journal of about 20,000 actions (a bot game whose
// teams redraft their orders many times), then times opening it and seeking
// to random points. Prints figures; asserts nothing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>

#include "bot.hpp"
#include "journal.hpp"
#include "rules.hpp"
#include "scenario_loader.hpp"
#include "serialize.hpp"
#include "simulation.hpp"
#include "timeline.hpp"

using namespace gb;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// Plays a heuristic game, journaling every action; in each orders phase the
// teams redraft `redrafts` times before the bots commit. Returns the number
// of actions, or 0 if the game ended before `target` actions.
std::size_t write_journal(const std::string& path, std::shared_ptr<const Scenario> sc, const std::string& scen_path,
                          std::uint64_t seed, std::size_t target) {
    JournalHeader h;
    h.game = 1;
    h.name = "replay benchmark";
    h.scenario_id = sc->id;
    h.scenario_path = std::filesystem::absolute(scen_path).string();
    h.content_hash = sc->content_hash;
    h.seed = seed;
    std::filesystem::remove(path);
    JournalWriter w = JournalWriter::create(path, h);
    GameState g = new_game(sc, seed);
    std::size_t n = 0;
    auto run = [&](const Seat& seat, const Action& a) {
        Acted done = act(g, seat, a, true);
        if (!done.ok()) return false;
        w.append(ActionRecord{JournalEntry{seat, a}, done.hash});
        ++n;
        return true;
    };
    auto bots = make_bots(BotKind::heuristic, seed);
    Cast cast;
    cast.bot.fill(true);
    Schedule schedule;
    for (Team t : kAllTeams) run(Seat::system(), SetBot{t, true});
    int redrafted_turn = 0;
    std::size_t per_turn = target / static_cast<std::size_t>(sc->turns()) + 1;
    while (!g.ended()) {
        if (g.phase == Phase::orders && redrafted_turn != g.turn) {
            redrafted_turn = g.turn;
            for (std::size_t k = 0; k < per_turn && n < target; ++k) {
                Team t = kAllTeams[k % kTeams];
                auto legal = legal_orders(g, t, {});
                std::vector<Order> draft;
                if (!legal.empty() && k % 2 == 0) draft.push_back(legal[(k / 2) % legal.size()]);
                run(Seat::of_team(t), Draft{draft});
            }
        }
        // One move at a time, so the teams redraft as the orders phase opens.
        if (auto e = next_move(g, schedule, cast, bots))
            if (!run(e->seat, e->action)) throw std::logic_error(std::string("refused: ") + action_name(e->action));
    }
    w.sync();
    if (n < target)
        std::fprintf(stderr, "seed %llu: %zu actions, game over in turn %d\n", (unsigned long long)seed, n, g.turn);
    return n >= target ? n : 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string out = "/tmp/gb-replay-bench.journal";
    std::size_t target = 20000;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--help")) {
            std::printf(
                "usage: gb_replay_bench [--actions N] [--out JOURNAL]\n"
                "Writes a journal of at least N actions (default 20000) to JOURNAL (default\n"
                "/tmp/gb-replay-bench.journal), then times opening it for replay and seeking\n"
                "to 1,000 random points (full state, and a team's view).\n");
            return 0;
        }
        if (!std::strcmp(argv[i], "--actions") && i + 1 < argc)
            target = std::max<std::size_t>(100, std::strtoul(argv[++i], nullptr, 10));
        else if (!std::strcmp(argv[i], "--out") && i + 1 < argc)
            out = argv[++i];
        else {
            std::fprintf(stderr, "gb_replay_bench: unknown argument '%s'\n", argv[i]);
            return 2;
        }
    }
    std::string scen_path = resolve_scenario_path("after-911");
    auto loaded = load_scenario(scen_path);
    if (!loaded.scenario) return 1;
    std::size_t n = 0;
    for (std::uint64_t seed = 1; n == 0 && seed < 100; ++seed)
        n = write_journal(out, loaded.scenario, scen_path, seed, target);
    if (n == 0) {
        std::fprintf(stderr, "gb_replay_bench: no game lasted long enough\n");
        return 1;
    }
    std::printf("journal: %s (%zu actions, %.1f MiB)\n", out.c_str(), n,
                std::filesystem::file_size(out) / (1024.0 * 1024.0));

    std::vector<double> opens;
    std::size_t size = 0;
    for (int i = 0; i < 5; ++i) {
        auto t0 = Clock::now();
        Timeline t = Timeline::open(out);
        opens.push_back(ms_since(t0));
        size = t.size();
    }
    std::sort(opens.begin(), opens.end());
    std::printf("open for replay: median %.1f ms, best %.1f ms, worst %.1f ms (5 runs, %zu actions)\n", opens[2],
                opens[0], opens[4], size);

    Timeline t = Timeline::open(out);
    std::mt19937_64 rng(7);
    std::vector<double> seeks, views;
    Perspective iran{Perspective::Kind::team, Team::iran};
    for (int i = 0; i < 1000; ++i) {
        std::size_t p = rng() % (t.size() + 1);
        auto t0 = Clock::now();
        GameState g = t.state_at(p);
        seeks.push_back(ms_since(t0));
        t0 = Clock::now();
        GameState v = t.view_at(p, iran);
        views.push_back(ms_since(t0));
    }
    auto report = [](const char* what, std::vector<double>& v) {
        std::sort(v.begin(), v.end());
        std::printf("%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms (1,000 random points)\n", what, v[v.size() / 2],
                    v[v.size() * 99 / 100], v.back());
    };
    report("seek (full state)", seeks);
    report("seek (Iran's view)", views);
    return 0;
}
