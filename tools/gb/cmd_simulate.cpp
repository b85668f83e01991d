// `gb simulate`: plays many bot games and prints balance figures.
#include <cstdio>
#include <iostream>
#include <thread>

#include "commands.hpp"
#include "scenario_loader.hpp"
#include "simulation.hpp"

namespace gb::cli {

namespace {

const char* kHelp =
    "usage: gb simulate --scenario F --games N --seed S [--bots heuristic|random] [--threads T] [--json]\n"
    "\n"
    "Plays N complete games with bots in every seat and prints, per team, the mean score and\n"
    "the share of games won (ties shared), plus the share of games ending in rapprochement,\n"
    "war and breakout, and the mean number of turns. The same arguments print the same bytes\n"
    "whatever --threads is. Progress goes to stderr.\n"
    "\n"
    "  --scenario F   scenario file or name (default after-911)\n"
    "  --games N      number of games (default 1000)\n"
    "  --seed S       base seed (default 1)\n"
    "  --bots K       heuristic (default) or random\n"
    "  --threads T    worker threads (default: the number of cores)\n"
    "  --json         print JSON instead of a table\n";

}  // namespace

int cmd_simulate(int argc, char** argv) {
    Args args(argc, argv, 2);
    if (args.flag("--help")) {
        std::cout << kHelp;
        return 0;
    }
    std::string scen = args.value("--scenario").value_or("after-911");
    auto games = parse_uint(args.value("--games").value_or("1000"));
    auto seed = parse_uint(args.value("--seed").value_or("1"));
    std::string bots = args.value("--bots").value_or("heuristic");
    unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    auto threads = parse_uint(args.value("--threads").value_or(std::to_string(hw)));
    bool json = args.flag("--json");
    if (auto l = args.leftover(); !l.empty()) {
        std::cerr << "gb simulate: " << l << " (try gb simulate --help)\n";
        return 2;
    }
    if (!games || *games == 0 || *games > 10'000'000) {
        std::cerr << "gb simulate: --games must be a whole number from 1 to 10000000\n";
        return 2;
    }
    if (!seed) {
        std::cerr << "gb simulate: --seed must be a non-negative whole number\n";
        return 2;
    }
    if (!threads || *threads == 0 || *threads > 256) {
        std::cerr << "gb simulate: --threads must be 1..256\n";
        return 2;
    }
    if (bots != "heuristic" && bots != "random") {
        std::cerr << "gb simulate: --bots must be heuristic or random\n";
        return 2;
    }
    auto loaded = load_scenario(resolve_scenario_path(scen));
    if (!loaded.scenario) {
        for (const auto& p : loaded.problems) std::cerr << p.str() << "\n";
        std::cerr << "gb simulate: cannot load scenario '" << scen << "'\n";
        return 1;
    }
    int n = static_cast<int>(*games);
    bool show = n >= 200;
    auto progress = [&](int done) {
        if (show) std::fprintf(stderr, "\rsimulating: %d/%d games (%d%%)", done, n, done * 100 / n);
        if (show && done == n) std::fprintf(stderr, "\n");
    };
    auto sum = simulate(loaded.scenario, n, *seed, bots == "random" ? BotKind::random : BotKind::heuristic,
                        static_cast<int>(*threads), progress);
    const Scenario& s = *loaded.scenario;
    char buf[256];
    if (json) {
        std::printf("{\"scenario\":\"%s\",\"games\":%d,\"seed\":%llu,\"bots\":\"%s\",\"teams\":{", s.id.c_str(), n,
                    static_cast<unsigned long long>(*seed), bots.c_str());
        for (Team t : kAllTeams) {
            std::snprintf(buf, sizeof buf, "%s\"%s\":{\"mean_score\":%.3f,\"win_share\":%.4f,\"par\":%d}",
                          idx(t) ? "," : "", std::string(name_of(t)).c_str(), sum.mean_score[idx(t)],
                          sum.win_share[idx(t)], s.teams[idx(t)].par);
            std::fputs(buf, stdout);
        }
        std::printf("},\"rapprochement\":%.4f,\"war\":%.4f,\"breakout\":%.4f,\"mean_turns\":%.3f}\n", sum.rapprochement,
                    sum.war, sum.breakout, sum.mean_turns);
        return 0;
    }
    std::printf("scenario: %s (%s)\n", s.title.c_str(), s.id.c_str());
    std::printf("games: %d  seed: %llu  bots: %s\n\n", n, static_cast<unsigned long long>(*seed), bots.c_str());
    std::printf("%-16s %10s %6s %8s\n", "team", "mean score", "par", "won");
    for (Team t : kAllTeams)
        std::printf("%-16s %10.2f %6d %7.1f%%\n", s.teams[idx(t)].name.c_str(), sum.mean_score[idx(t)],
                    s.teams[idx(t)].par, sum.win_share[idx(t)] * 100.0);
    std::printf("\noutcomes: rapprochement %.1f%%  war %.1f%%  breakout %.1f%%\n", sum.rapprochement * 100.0,
                sum.war * 100.0, sum.breakout * 100.0);
    std::printf("mean turns: %.2f of %d\n", sum.mean_turns, s.turns());
    if (n == 1) std::printf("final state hash: %016llx\n", static_cast<unsigned long long>(sum.play_hashes[0]));
    return 0;
}

}  // namespace gb::cli
