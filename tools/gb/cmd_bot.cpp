// `gb bot`: plays one team seat of a game on a server until the game ends,
// reconnecting with its resume token if the server goes away.
#include <cstdio>
#include <iostream>

#include "bot.hpp"
#include "client.hpp"
#include "commands.hpp"
#include "narrate.hpp"

namespace gb::cli {

namespace {

const char* kHelp =
    "usage: gb bot --server HOST:PORT --code CODE --team us|iran|israel|gulf [--name N]\n"
    "              [--bots heuristic|random] [--seed S]\n"
    "\n"
    "Joins the game with the join code and plays the team's seat (as its lead when it is the\n"
    "first to join) until the game ends, then prints the final scores and exits 0. If the\n"
    "server goes away it keeps retrying with backoff for up to 60 s and resumes its seat.\n";

}  // namespace

int cmd_bot(int argc, char** argv) {
    Args args(argc, argv, 2);
    if (args.flag("--help")) {
        std::cout << kHelp;
        return 0;
    }
    auto server = args.value("--server");
    auto code = args.value("--code");
    auto team_name = args.value("--team");
    std::string name = args.value("--name").value_or("");
    std::string kind = args.value("--bots").value_or("heuristic");
    auto seed = parse_uint(args.value("--seed").value_or("1"));
    if (auto l = args.leftover(); !l.empty()) {
        std::cerr << "gb bot: " << l << " (try gb bot --help)\n";
        return 2;
    }
    std::string host;
    std::uint16_t port = 0;
    if (!server || !net::parse_endpoint(*server, host, port) || !code || !team_name) {
        std::cerr << "gb bot: --server HOST:PORT, --code and --team are required (try gb bot --help)\n";
        return 2;
    }
    auto team = team_from(*team_name);
    if (!team || (kind != "heuristic" && kind != "random") || !seed) {
        std::cerr << "gb bot: bad --team, --bots or --seed\n";
        return 2;
    }
    if (name.empty()) name = std::string(name_of(*team)) + " bot";
    net::SeatSession s;
    net::JoinGame join{*code, SeatRole::team, *team, name};
    if (auto err = s.join(host, port, join); !err.empty()) {
        std::cerr << "gb bot: cannot join: " << err << "\n";
        return 1;
    }
    std::fprintf(stderr, "gb bot: %s seated in game %u\n", name.c_str(), s.game());
    Bot bot(kind == "random" ? BotKind::random : BotKind::heuristic, *team, *seed);
    std::uint32_t pending = 0;  // request awaiting its answer; 0: none
    int last_turn = 0;
    while (true) {
        if (!s.pump(net::Millis(100))) {
            std::fprintf(stderr, "gb bot: connection lost; reconnecting\n");
            pending = 0;
            if (auto err = s.reconnect(net::Millis(60000)); !err.empty()) {
                std::cerr << "gb bot: " << err << "\n";
                return 1;
            }
            std::fprintf(stderr, "gb bot: seat resumed\n");
            continue;
        }
        if (s.closed) {
            std::cerr << "gb bot: the game was closed\n";
            return 1;
        }
        const GameState& v = s.view();
        if (v.ended()) break;
        if (v.turn != last_turn) {
            last_turn = v.turn;
            std::fprintf(stderr, "gb bot: turn %d (%s)\n", v.turn, v.calendar_label().c_str());
        }
        if (pending) {
            if (s.acks.count(pending)) {
                pending = 0;
            } else if (auto r = s.refusals.find(pending); r != s.refusals.end()) {
                std::fprintf(stderr, "gb bot: refused: %s\n", r->second.c_str());
                pending = 0;
            } else {
                continue;
            }
        }
        if (v.paused) continue;
        if (auto a = bot.next(v)) pending = s.act(*a);
    }
    const GameState& v = s.view();
    Standing st = standing(v);
    std::printf("game over: turn %d, %s\n", v.turn, v.calendar_label().c_str());
    for (Team t : kAllTeams)
        std::printf("%-16s score %4d  result %+4d%s\n", v.sc().teams[idx(t)].name.c_str(), st.score[idx(t)],
                    st.result[idx(t)], (st.winners >> idx(t)) & 1u ? "  WINNER" : "");
    std::printf("outcomes: rapprochement %s, war %s, breakout %s\n", st.rapprochement ? "yes" : "no",
                st.war ? "yes" : "no", st.breakout ? "yes" : "no");
    return 0;
}

}  // namespace gb::cli
