// Engine benchmark: actions validated and applied per second, and complete
// heuristic-bot games per second, on one thread. Prints figures; asserts nothing.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <string>

#include "rules.hpp"
#include "scenario_loader.hpp"
#include "simulation.hpp"

using namespace gb;
using Clock = std::chrono::steady_clock;

namespace {

double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
    std::string scen = "after-911";
    int games = 2000;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--help")) {
            std::printf(
                "usage: gb_bench [--scenario F] [--games N]\n"
                "Prints actions validated+applied per second (replaying recorded games) and\n"
                "heuristic-bot games per second, each on one thread.\n");
            return 0;
        }
        if (!std::strcmp(argv[i], "--scenario") && i + 1 < argc)
            scen = argv[++i];
        else if (!std::strcmp(argv[i], "--games") && i + 1 < argc)
            games = std::max(1, std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "gb_bench: unknown argument '%s'\n", argv[i]);
            return 2;
        }
    }
    auto loaded = load_scenario(resolve_scenario_path(scen));
    if (!loaded.scenario) {
        for (auto& p : loaded.problems) std::fprintf(stderr, "%s\n", p.str().c_str());
        return 1;
    }
    auto sc = loaded.scenario;

    // 1. Record some games, then time validate+apply over their actions.
    std::vector<GameRecord> recs;
    std::size_t total_actions = 0;
    for (int i = 0; i < 200; ++i) {
        recs.push_back(play_game(sc, game_seed(99, i), BotKind::heuristic, {}, true));
        total_actions += recs.back().actions.size();
    }
    std::size_t applied = 0;
    auto t0 = Clock::now();
    double cpu_start = thread_cpu_seconds();
    int rounds = 0;
    while (std::chrono::duration<double>(Clock::now() - t0).count() < 2.0) {
        for (const auto& r : recs) {
            GameState g = new_game(sc, r.final.seed);
            for (const auto& e : r.actions) {
                if (!act(g, e.seat, e.action).ok()) {
                    std::fprintf(stderr, "replay diverged\n");
                    return 1;
                }
                ++applied;
            }
        }
        ++rounds;
    }
    double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    double cpu_secs = thread_cpu_seconds() - cpu_start;
    std::printf("actions: %zu validated+applied in %.2f s = %.0f actions/s; %.0f per CPU second (%zu-action corpus, "
                "%d rounds)\n",
                applied, secs, applied / secs, applied / cpu_secs, total_actions, rounds);

    // 2. Whole heuristic-bot games, one thread. Beside the wall clock, the
    // thread's own CPU time: on a machine busy with other work it is the
    // steadier of the two.
    t0 = Clock::now();
    double cpu0 = thread_cpu_seconds();
    long long turns = 0;
    for (int i = 0; i < games; ++i) turns += play_game(sc, game_seed(7, i), BotKind::heuristic).final.turn;
    secs = std::chrono::duration<double>(Clock::now() - t0).count();
    double cpu = thread_cpu_seconds() - cpu0;
    std::printf("games: %d heuristic-bot games in %.2f s = %.0f games/s; %.2f s of CPU = %.0f games per CPU second "
                "(mean %.2f turns)\n",
                games, secs, games / secs, cpu, games / cpu, static_cast<double>(turns) / games);
    t0 = Clock::now();
    for (int i = 0; i < games; ++i) play_game(sc, game_seed(7, i), BotKind::random);
    secs = std::chrono::duration<double>(Clock::now() - t0).count();
    std::printf("games: %d random-bot games in %.2f s = %.0f games/s\n", games, secs, games / secs);
    return 0;
}
