// `gb demo`: plays a scenario with bots in every seat and narrates it turn by
// turn: the inject and its source, choices, offers and deals, the revealed
// orders with their rolls, end-of-turn checks, the tracks and the scores.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

#include "commands.hpp"
#include "narrate.hpp"
#include "scenario_loader.hpp"
#include "simulation.hpp"

namespace gb::cli {

namespace {

const char* kHelp =
    "usage: gb demo [--scenario F] [--seed S] [--bots heuristic|random] [--delay MS]\n"
    "\n"
    "Plays one game with bots in every seat and prints it turn by turn.\n"
    "  --scenario F   scenario file or name (default after-911)\n"
    "  --seed S       game seed (default 2001)\n"
    "  --bots K       heuristic (default) or random\n"
    "  --delay MS     pause after each turn, in milliseconds (default 0)\n";

std::string wrap(const std::string& text, const std::string& indent, std::size_t width = 78) {
    std::string out, line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        std::string word = text.substr(start, end - start);
        if (!line.empty() && indent.size() + line.size() + 1 + word.size() > width) {
            out += indent + line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        start = end + 1;
    }
    if (!line.empty()) out += indent + line + "\n";
    return out;
}

void print_tracks(const GameState& g) {
    const Board& b = g.board;
    std::printf(
        "  tracks: trust %+d | tension %d | nuclear %d | sanctions %d | us_hawks %d | iran_hardliners %d | "
        "al_qaeda %d | channel %s\n",
        b.track(Track::trust), b.track(Track::tension), b.track(Track::nuclear), b.track(Track::sanctions),
        b.track(Track::us_hawks), b.track(Track::iran_hardliners), b.track(Track::al_qaeda),
        std::string(name_of(b.channel)).c_str());
}

void print_scores(const GameState& g) {
    std::printf("  scores:");
    for (Team t : kAllTeams)
        std::printf(" %s %d%s", g.sc().teams[idx(t)].name.c_str(), g.score[idx(t)], idx(t) < 3 ? " |" : "");
    std::printf("\n");
}

}  // namespace

int cmd_demo(int argc, char** argv) {
    Args args(argc, argv, 2);
    if (args.flag("--help")) {
        std::cout << kHelp;
        return 0;
    }
    std::string scen = args.value("--scenario").value_or("after-911");
    auto seed = parse_uint(args.value("--seed").value_or("2001"));
    std::string bots = args.value("--bots").value_or("heuristic");
    auto delay = parse_uint(args.value("--delay").value_or("0"));
    if (auto l = args.leftover(); !l.empty()) {
        std::cerr << "gb demo: " << l << " (try gb demo --help)\n";
        return 2;
    }
    if (!seed || !delay || (bots != "heuristic" && bots != "random")) {
        std::cerr << "gb demo: bad --seed, --delay or --bots (try gb demo --help)\n";
        return 2;
    }
    auto loaded = load_scenario(resolve_scenario_path(scen));
    if (!loaded.scenario) {
        for (const auto& p : loaded.problems) std::cerr << p.str() << "\n";
        std::cerr << "gb demo: cannot load scenario '" << scen << "'\n";
        return 1;
    }
    const Scenario& s = *loaded.scenario;
    std::printf("GRAND BARGAIN: %s\n", s.title.c_str());
    std::fputs(wrap(s.summary, "").c_str(), stdout);
    std::printf("Seed %llu, %s bots in every seat. %d turns.\n", static_cast<unsigned long long>(*seed), bots.c_str(),
                s.turns());

    auto observer = [&](const GameState& g, const JournalEntry& entry, const std::vector<Event>& events) {
        const Action& a = entry.action;
        if (std::holds_alternative<DrawInject>(a) ||
            (std::holds_alternative<AdvancePhase>(a) && g.inject_drawn && g.phase == Phase::negotiation &&
             !events.empty() && events.front().kind == Event::Kind::inject)) {
            std::printf("\n======== Turn %d of %d: %s ========\n", g.turn, s.turns(), g.calendar_label().c_str());
            const CardDef& c = g.card(g.inject);
            std::printf("INJECT: %s (%s)\n", c.title.c_str(), c.date.c_str());
            std::fputs(wrap(c.text, "  ").c_str(), stdout);
            std::fputs(wrap("Source: \"" + c.source + "\"", "  ").c_str(), stdout);
            for (const Event& e : events) {
                if (e.kind == Event::Kind::inject || e.kind == Event::Kind::phase) continue;
                auto line = describe(g, e);
                if (!line.empty()) std::printf("  - %s\n", line.c_str());
            }
            if (g.choice_pending) {
                std::printf("  %s must choose:", team_name(g, c.chooser).c_str());
                for (std::size_t i = 0; i < c.options.size(); ++i)
                    std::printf(" [%zu] %s", i + 1, c.options[i].label.c_str());
                std::printf("\n");
            }
            return;
        }
        if (std::holds_alternative<Choose>(a) || std::holds_alternative<MakeOffer>(a) ||
            std::holds_alternative<AnswerOffer>(a) || std::holds_alternative<AnswerFramework>(a)) {
            for (const Event& e : events) {
                auto line = describe(g, e);
                if (!line.empty() && e.kind != Event::Kind::phase) std::printf("  - %s\n", line.c_str());
            }
            return;
        }
        if (std::holds_alternative<Release>(a) && !g.reports.empty()) {
            const Report& r = g.reports.back();
            std::printf("ORDERS REVEALED AND ADJUDICATED:\n");
            for (const Result& res : r.results) {
                std::printf("  * %s\n", describe_result(g, res).c_str());
                for (const Event& e : res.events) {
                    auto line = describe(g, e);
                    if (!line.empty()) std::printf("      %s\n", line.c_str());
                }
            }
            if (r.results.empty()) std::printf("  (no orders)\n");
            std::printf("END OF TURN:\n");
            for (const Event& e : r.end_of_turn) {
                auto line = describe(g, e);
                if (!line.empty()) std::printf("  - %s\n", line.c_str());
            }
            print_tracks(g);
            print_scores(g);
            std::fflush(stdout);
            if (*delay) std::this_thread::sleep_for(std::chrono::milliseconds(*delay));
        }
    };
    GameRecord rec =
        play_game(loaded.scenario, *seed, bots == "random" ? BotKind::random : BotKind::heuristic, observer);
    const GameState& g = rec.final;
    static const char* why[] = {"", "the last turn was played", "regional war", "nuclear breakout",
                                "the White Cell ended it"};
    std::printf("\n======== GAME OVER after turn %d: %s ========\n", g.turn, why[static_cast<int>(g.end)]);
    print_tracks(g);
    std::printf("%-16s %6s %5s %7s\n", "team", "score", "par", "result");
    for (Team t : kAllTeams)
        std::printf("%-16s %6d %5d %+7d%s\n", s.teams[idx(t)].name.c_str(), rec.standing.score[idx(t)],
                    s.teams[idx(t)].par, rec.standing.result[idx(t)],
                    (rec.standing.winners >> idx(t)) & 1u ? "  WINNER" : "");
    std::printf("shared outcomes: rapprochement %s, war %s, breakout %s\n", rec.standing.rapprochement ? "yes" : "no",
                rec.standing.war ? "yes" : "no", rec.standing.breakout ? "yes" : "no");
    return 0;
}

}  // namespace gb::cli
