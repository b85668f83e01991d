// `gb demo`: a whole game of bots, narrated turn by turn: the inject and its
// source, choices, the revealed orders with their rolls, end-of-turn checks,
// the tracks and the scores. By default it starts a real gb-server in this
// process on a free loopback port, with four bot clients over ENet, and
// narrates what an observer sees; `--offline` plays the rules directly.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>

#include "client.hpp"
#include "commands.hpp"
#include "journal_replay.hpp"
#include "narrate.hpp"
#include "os_file.hpp"
#include "scenario_loader.hpp"
#include "seat_player.hpp"
#include "serialize.hpp"
#include "server.hpp"
#include "simulation.hpp"
#include "terminal.hpp"

namespace gb::cli {

namespace {

const char* kHelp =
    "usage: gb demo [--scenario F] [--seed S] [--bots heuristic|random] [--delay MS] [--offline]\n"
    "\n"
    "Plays one game with bots in every seat and prints it turn by turn. It starts a gb-server\n"
    "inside this process on a free loopback port, connects four bot clients and an observer\n"
    "over ENet, and narrates what the observer sees. The game's journal is kept so it can be\n"
    "checked afterwards with gb replay.\n"
    "  --scenario F   scenario file or name (default after-911)\n"
    "  --seed S       game seed (default 2001)\n"
    "  --bots K       heuristic (default) or random\n"
    "  --delay MS     pause after each turn, in milliseconds (default 0)\n"
    "  --offline      play the rules directly, without a server (narrates every offer too)\n";

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

void print_events(const GameState& g, const std::vector<Event>& events, const char* prefix) {
    for (const Event& e : events) {
        if (e.kind == Event::Kind::inject || e.kind == Event::Kind::phase || e.kind == Event::Kind::result) continue;
        auto line = describe(g, e);
        if (!line.empty()) say_to(stdout, "%s%s\n", prefix, field(line).c_str());
    }
}

void print_inject(const GameState& g) {
    const Scenario& s = g.sc();
    say_to(stdout, "\n======== Turn %d of %d: %s ========\n", g.turn, s.turns(), field(g.calendar_label()).c_str());
    if (g.inject < 0) {
        say_to(stdout, "(no inject: the deck is empty)\n");
        return;
    }
    const CardDef& c = g.card(g.inject);
    say_to(stdout, "INJECT: %s%s%s%s\n", field(c.title).c_str(), c.date.empty() ? "" : " (", field(c.date).c_str(),
           c.date.empty() ? "" : ")");
    say_to(stdout, "%s", wrap(c.text, "  ").c_str());
    if (!c.source.empty()) say_to(stdout, "%s", wrap("Source: \"" + c.source + "\"", "  ").c_str());
    if (c.kind == CardKind::choice) {
        say_to(stdout, "  %s must choose:", field(team_name(g, c.chooser)).c_str());
        for (std::size_t i = 0; i < c.options.size(); ++i)
            say_to(stdout, " [%zu] %s", i + 1, field(c.options[i].label).c_str());
        say_to(stdout, "\n");
    }
}

void print_tracks(const GameState& g) {
    const Board& b = g.board;
    say_to(stdout,
           "  tracks: trust %+d | tension %d | nuclear %d | sanctions %d | us_hawks %d | iran_hardliners %d | "
           "al_qaeda %d | channel %s\n",
           b.track(Track::trust), b.track(Track::tension), b.track(Track::nuclear), b.track(Track::sanctions),
           b.track(Track::us_hawks), b.track(Track::iran_hardliners), b.track(Track::al_qaeda),
           std::string(name_of(b.channel)).c_str());
}

void print_report(const GameState& g, const Report& r, int delay_ms) {
    say_to(stdout, "ORDERS REVEALED AND ADJUDICATED:\n");
    for (const Result& res : r.results) {
        say_to(stdout, "  * %s\n", field(describe_result(g, res)).c_str());
        for (const Event& e : res.events) {
            auto line = describe(g, e);
            if (!line.empty()) say_to(stdout, "      %s\n", field(line).c_str());
        }
    }
    if (r.results.empty()) say_to(stdout, "  (no orders)\n");
    say_to(stdout, "END OF TURN:\n");
    print_events(g, r.end_of_turn, "  - ");
    print_tracks(g);
    say_to(stdout, "  scores:");
    for (Team t : kAllTeams)
        say_to(stdout, " %s %d%s", field(g.sc().teams[idx(t)].name).c_str(), g.score[idx(t)], idx(t) < 3 ? " |" : "");
    say_to(stdout, "\n");
    std::fflush(stdout);
    if (delay_ms) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
}

void print_final(const GameState& g) {
    static const char* why[] = {"", "the last turn was played", "regional war", "nuclear breakout",
                                "the White Cell ended it"};
    Standing st = standing(g);
    say_to(stdout, "\n======== GAME OVER after turn %d: %s ========\n", g.turn, why[static_cast<int>(g.end)]);
    print_tracks(g);
    say_to(stdout, "%-16s %6s %5s %7s\n", "team", "score", "par", "result");
    for (Team t : kAllTeams)
        say_to(stdout, "%-16s %6d %5d %+7d%s\n", field(g.sc().teams[idx(t)].name).c_str(), st.score[idx(t)],
               g.sc().teams[idx(t)].par, st.result[idx(t)], (st.winners >> idx(t)) & 1u ? "  WINNER" : "");
    say_to(stdout, "shared outcomes: rapprochement %s, war %s, breakout %s\n", st.rapprochement ? "yes" : "no",
           st.war ? "yes" : "no", st.breakout ? "yes" : "no");
}

int offline(std::shared_ptr<const Scenario> sc, std::uint64_t seed, BotKind kind, int delay) {
    auto observer = [&](const GameState& g, const JournalEntry& entry, const std::vector<Event>& events) {
        const Action& a = entry.action;
        if (std::holds_alternative<DrawInject>(a)) {
            print_inject(g);
            print_events(g, events, "  - ");
        } else if (std::holds_alternative<Choose>(a) || std::holds_alternative<MakeOffer>(a) ||
                   std::holds_alternative<AnswerOffer>(a) || std::holds_alternative<AnswerFramework>(a)) {
            print_events(g, events, "  - ");
        } else if (std::holds_alternative<Release>(a) && !g.reports.empty()) {
            print_report(g, g.reports.back(), delay);
        }
    };
    GameRecord rec = play_game(sc, seed, kind, observer);
    print_final(rec.final);
    say_to(stdout, "final state hash: %016llx\n", static_cast<unsigned long long>(play_hash(rec.final)));
    return 0;
}

int networked(const std::string& scenario_arg, std::uint64_t seed, BotKind kind, int delay) {
    std::string dir_template = os::make_temp_dir("gb-demo");
    if (dir_template.empty()) throw std::runtime_error("cannot make a temporary data directory");
    ServerOptions so;
    so.port = 0;
    so.data_dir = dir_template;
    Server server(so);
    server.start();
    std::string scenario_id = server.offer_scenario(scenario_arg);
    std::thread server_thread([&] { server.run(); });
    std::atomic<bool> stop{false};
    std::vector<std::thread> bots;
    bool finished = false;
    auto finish = [&] {
        if (finished) return;
        finished = true;
        stop = true;
        for (auto& t : bots) t.join();
        server.stop();
        server_thread.join();
    };
    try {
        std::uint16_t port = server.port();
        say_to(stdout, "Server: gb-server in this process on 127.0.0.1:%u#%s, journal in %s\n", port,
               server.fingerprint().substr(0, net::kFingerprintShown).c_str(), dir_template.c_str());
        net::Connection lobby;
        if (auto err = lobby.open("127.0.0.1", port, std::chrono::seconds(60)); !err.empty()) throw std::runtime_error(err);
        net::CreateGame create;
        create.scenario = scenario_id;
        create.admin_token = server.admin_token();
        create.seed = seed;
        create.name = "demo";
        create.min_phase_ms = 0;  // the demo plays through: it prints each phase as it goes
        // The server is in this process: a slow machine is the only reason to wait.
        auto reply = lobby.request(create, std::chrono::seconds(60));
        if (!reply) throw std::runtime_error("the server did not answer the request to create the game in 60 s");
        if (auto* e = std::get_if<net::Error>(&*reply))
            throw std::runtime_error("the server did not create the game: " + e->message);
        auto* created = std::get_if<net::GameCreated>(&*reply);
        if (!created) throw std::runtime_error("the server did not create the game");
        const net::GameCodes codes = created->codes;
        std::string code = codes.observer;
        lobby.close();

        net::SeatSession watcher;
        int printed_turn = 0;
        std::size_t printed_reports = 0;
        watcher.on_update = [&](const net::Update& u) {
            const GameState& g = watcher.view();
            if (g.inject_drawn && g.turn > printed_turn) {
                printed_turn = g.turn;
                print_inject(g);
            }
            // Choices and the inject's effects; a release's events are printed with its report.
            bool release = std::any_of(u.events.begin(), u.events.end(),
                                       [](const Event& e) { return e.kind == Event::Kind::result; });
            if (!release && (g.phase == Phase::inject || g.phase == Phase::negotiation))
                print_events(g, u.events, "  - ");
            while (printed_reports < g.reports.size() && g.reports[printed_reports].released)
                print_report(g, g.reports[printed_reports++], delay);
        };
        if (auto err = watcher.join("127.0.0.1", port, {code, SeatRole::observer, Team::us, "narrator"}); !err.empty())
            throw std::runtime_error("observer cannot join: " + err);
        for (Team t : kAllTeams)
            bots.emplace_back([&, t] {
                SeatPlayerOptions o{"127.0.0.1", port, codes.team[idx(t)], t, std::string(name_of(t)) + " bot", kind,
                                    seed,        false};
                net::SeatSession s;
                std::string err;
                if (!play_seat(o, s, err, &stop) && err != "stopped")
                    say_to(stderr, "gb demo: %s bot: %s\n", std::string(name_of(t)).c_str(), field(err).c_str());
            });
        auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
        while (!watcher.view().ended()) {
            if (!watcher.pump(net::Millis(100))) throw std::runtime_error("lost the connection to the server");
            if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("the game did not finish");
        }
        print_final(watcher.view());
        std::string journal = std::string(dir_template) + "/game-" + std::to_string(created->game) + ".journal";
        say_to(stdout, "journal: %s (check it with: gb replay %s --verify)\n", journal.c_str(), journal.c_str());
        finish();
        // The server's whole final state, rebuilt from its journal (which checks every record's hash).
        ReplayedGame replayed = replay(read_journal(journal));
        if (!replayed.error.empty()) throw std::runtime_error(journal + ": " + replayed.error);
        say_to(stdout, "final state hash: %016llx\n", static_cast<unsigned long long>(play_hash(replayed.state)));
        return 0;
    } catch (...) {
        finish();
        throw;
    }
    finish();
    return 0;
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
    bool local = args.flag("--offline");
    if (auto l = args.leftover(); !l.empty()) {
        std::cerr << "gb demo: " << l << " (try gb demo --help)\n";
        return 2;
    }
    if (!seed || !delay || *delay > 60000 || (bots != "heuristic" && bots != "random")) {
        std::cerr << "gb demo: bad --seed, --delay or --bots (try gb demo --help)\n";
        return 2;
    }
    auto loaded = load_scenario(resolve_scenario_path(scen));
    if (!loaded.scenario) {
        for (const auto& p : loaded.problems) std::cerr << field(p.str()) << "\n";
        std::cerr << "gb demo: cannot load scenario '" << field(scen) << "'\n";
        return 1;
    }
    const Scenario& s = *loaded.scenario;
    say_to(stdout, "GRAND BARGAIN: %s\n", field(s.title).c_str());
    say_to(stdout, "%s", wrap(s.summary, "").c_str());
    say_to(stdout, "Seed %llu, %s bots in every seat. %d turns.\n", static_cast<unsigned long long>(*seed),
           bots.c_str(), s.turns());
    BotKind kind = bots == "random" ? BotKind::random : BotKind::heuristic;
    if (local) return offline(loaded.scenario, *seed, kind, static_cast<int>(*delay));
    return networked(resolve_scenario_path(scen), *seed, kind, static_cast<int>(*delay));
}

}  // namespace gb::cli
