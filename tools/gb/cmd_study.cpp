// `gb study`: the seminar notes' thesis measured over simulated games. A thin
// front-end to core/study.hpp: reads the flags, applies rule overrides, prints.
#include <cstdio>
#include <iostream>
#include <thread>

#include "commands.hpp"
#include "rule_override.hpp"
#include "scenario_loader.hpp"
#include "study.hpp"

namespace gb::cli {

namespace {

std::string help() {
    std::string h =
        "usage: gb study --scenario S --games N --seed K [--threads T] [--rule NAME=VALUE ...]\n"
        "                [--bots heuristic|random] [--resamples B] [--json]\n"
        "\n"
        "Plays N bot games and measures the seminar notes' thesis (docs/thesis.md): the share of\n"
        "games reaching a strategic framework and the turn it is reached; every US-Iran channel\n"
        "episode (opened, trust at opening, how it ended and why, trust after, length); the three\n"
        "claims as effects of a framework with 95% bootstrap intervals over games; and the bots'\n"
        "orders, offers and the cards drawn. The same arguments print the same bytes whatever\n"
        "--threads is. Progress goes to stderr for 200 games or more.\n"
        "\n"
        "  --scenario S       scenario file or name (default after-911)\n"
        "  --games N          number of games (default 1000; 1..1000000)\n"
        "  --seed K           base seed; game i is played with game_seed(K, i) (default 1)\n"
        "  --threads T        worker threads (default: the number of cores)\n"
        "  --rule NAME=VALUE  override a [rules] value of the scenario; may be repeated\n"
        "  --bots K           heuristic (default) or random\n"
        "  --resamples B      bootstrap resamples (default 1000; 100..100000)\n"
        "  --json             print one JSON object instead of tables\n"
        "\n"
        "rules that --rule may set:\n";
    for (const auto& r : overridable_rules())
        h += "  " + r.name + std::string(26 - std::min<std::size_t>(24, r.name.size()), ' ') + r.values + "\n";
    return h;
}

}  // namespace

int cmd_study(int argc, char** argv) {
    // Repeated --rule flags: take them out before Args sees the rest.
    std::vector<std::string> rules;
    std::vector<char*> rest;
    for (int i = 0; i < argc; ++i) {
        if (i >= 2 && std::string(argv[i]) == "--rule") {
            if (i + 1 >= argc) {
                std::cerr << "gb study: --rule needs NAME=VALUE (try gb study --help)\n";
                return 2;
            }
            rules.push_back(argv[++i]);
            continue;
        }
        rest.push_back(argv[i]);
    }
    Args args(static_cast<int>(rest.size()), rest.data(), 2);
    if (args.flag("--help")) {
        std::cout << help();
        return 0;
    }
    std::string scen = args.value("--scenario").value_or("after-911");
    auto games = parse_uint(args.value("--games").value_or("1000"));
    auto seed = parse_uint(args.value("--seed").value_or("1"));
    std::string bots = args.value("--bots").value_or("heuristic");
    unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    auto threads = parse_uint(args.value("--threads").value_or(std::to_string(hw)));
    auto resamples = parse_uint(args.value("--resamples").value_or("1000"));
    bool json = args.flag("--json");
    if (auto l = args.leftover(); !l.empty()) {
        std::cerr << "gb study: " << l << " (try gb study --help)\n";
        return 2;
    }
    if (!args.positional().empty()) {
        std::cerr << "gb study: unknown argument '" << args.positional().front() << "' (try gb study --help)\n";
        return 2;
    }
    if (!games || *games == 0 || *games > 1'000'000) {
        std::cerr << "gb study: --games must be a whole number from 1 to 1000000\n";
        return 2;
    }
    if (!seed) {
        std::cerr << "gb study: --seed must be a non-negative whole number\n";
        return 2;
    }
    if (!threads || *threads == 0 || *threads > 256) {
        std::cerr << "gb study: --threads must be 1..256\n";
        return 2;
    }
    if (!resamples || *resamples < 100 || *resamples > 100'000) {
        std::cerr << "gb study: --resamples must be 100..100000\n";
        return 2;
    }
    if (bots != "heuristic" && bots != "random") {
        std::cerr << "gb study: --bots must be heuristic or random\n";
        return 2;
    }
    auto loaded = load_scenario(resolve_scenario_path(scen));
    if (!loaded.scenario) {
        for (const auto& p : loaded.problems) std::cerr << p.str() << "\n";
        std::cerr << "gb study: cannot load scenario '" << scen << "'\n";
        return 1;
    }
    auto scenario = std::make_shared<Scenario>(*loaded.scenario);
    StudyOptions opt;
    for (const std::string& r : rules) {
        auto eq = r.find('=');
        if (eq == std::string::npos || eq == 0) {
            std::cerr << "gb study: --rule " << r << ": expected NAME=VALUE (try gb study --help)\n";
            return 2;
        }
        std::string name = r.substr(0, eq);
        if (auto err = apply_rule_override(*scenario, name, r.substr(eq + 1)); !err.empty()) {
            std::cerr << "gb study: --rule " << r << ": " << err << "\n";
            return 2;
        }
        // The last value given for a rule is the one reported.
        std::erase_if(opt.rules, [&](const auto& kv) { return kv.first == name; });
        opt.rules.push_back({name, rule_value_json(*scenario, name)});
    }
    opt.games = static_cast<int>(*games);
    opt.seed = *seed;
    opt.bots = bots == "random" ? BotKind::random : BotKind::heuristic;
    opt.threads = static_cast<int>(*threads);
    opt.resamples = static_cast<int>(*resamples);

    int n = opt.games;
    bool show = n >= 200;
    auto progress = [&](int done) {
        if (show) std::fprintf(stderr, "\rstudying: %d/%d games (%d%%)", done, n, done * 100 / n);
        if (show && done == n) std::fprintf(stderr, "\n");
    };
    Study s = study(scenario, opt, progress);
    std::fputs(json ? study_json(s).c_str() : study_table(s).c_str(), stdout);
    return 0;
}

}  // namespace gb::cli
