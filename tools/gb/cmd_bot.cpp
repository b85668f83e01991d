// `gb bot`: plays one team seat of a game on a server until the game ends,
// reconnecting with its resume token if the server goes away.
#include <cstdio>
#include <iostream>

#include "bot.hpp"
#include "client.hpp"
#include "commands.hpp"
#include "narrate.hpp"
#include "seat_player.hpp"
#include "terminal.hpp"

namespace gb::cli {

namespace {

const char* kHelp =
    "usage: gb bot --server HOST:PORT --code CODE --team us|iran|israel|gulf [--name N]\n"
    "              [--bots heuristic|random] [--seed S]\n"
    "\n"
    "Joins the game with the team's code and plays the team's seat (as its lead when it is the\n"
    "first to join) until the game ends, then prints the final scores and exits 0. If the\n"
    "server goes away it keeps retrying with backoff for up to 60 s and resumes its seat.\n"
    "HOST:PORT#FP pins the server's key (FP: the server-key printed by gb lobby create).\n";

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
    SeatPlayerOptions o{host,  port, *code, *team, name, kind == "random" ? BotKind::random : BotKind::heuristic,
                        *seed, true};
    net::SeatSession s;
    std::string err;
    if (!play_seat(o, s, err)) {
        std::cerr << "gb bot: " << field(err) << "\n";
        return 1;
    }
    const GameState& v = s.view();
    Standing st = standing(v);
    say_to(stdout, "game over: turn %d, %s\n", v.turn, field(v.calendar_label()).c_str());
    for (Team t : kAllTeams)
        say_to(stdout, "%-16s score %4d  result %+4d%s\n", field(v.sc().teams[idx(t)].name).c_str(), st.score[idx(t)],
               st.result[idx(t)], (st.winners >> idx(t)) & 1u ? "  WINNER" : "");
    say_to(stdout, "outcomes: rapprochement %s, war %s, breakout %s\n", st.rapprochement ? "yes" : "no",
           st.war ? "yes" : "no", st.breakout ? "yes" : "no");
    return 0;
}

}  // namespace gb::cli
