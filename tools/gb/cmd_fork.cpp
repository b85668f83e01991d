// `gb fork JOURNAL --at TURN[.PHASE] [--server HOST:PORT | --data DIR] [--name N] [--min-phase S]`:
// a new live game from a point of a saved one, for a counterfactual.
#include <cstdio>
#include <iostream>
#include <thread>

#include "client.hpp"
#include "commands.hpp"
#include "fork.hpp"
#include "os_file.hpp"
#include "server.hpp"
#include "terminal.hpp"

namespace gb::cli {

namespace {

const char* kHelp =
    "usage: gb fork JOURNAL --at TURN[.PHASE] [--server HOST:PORT | --data DIR] [--name N] [--min-phase S]\n"
    "\n"
    "Starts a new live game from a point of a saved game: \"what if the 2003 offer had been\n"
    "taken up?\". The saved game's actions up to that point are checked again by the rules\n"
    "and become the start of the new game's journal, which records where it was forked\n"
    "from. The saved game's players leave the new game; whoever joins takes the seats\n"
    "(bots keep theirs). Prints the new game's codes: one per team, observer, control.\n"
    "  --at TURN[.PHASE]  where to fork: the start of a turn (3) or of a phase of it\n"
    "                     (3.negotiation, 3.orders, 3.adjudication ...)\n"
    "  --server H:P       create the game on this gb-server (with its admin token: from\n"
    "                     --admin-token-file FILE, or this machine's data directory)\n"
    "  --data DIR         without --server: write the game into DIR, where gb-server (or a\n"
    "                     client hosting from it) resumes it on its next start\n"
    "                     (default: $XDG_DATA_HOME/grand-bargain)\n"
    "  --name N           the new game's name (default \"Fork of ...\")\n"
    "  --min-phase S      while no White Cell is connected, bots wait until a phase has\n"
    "                     lasted S seconds before moving on (default 5; 0 turns it off)\n";

}  // namespace

int cmd_fork(int argc, char** argv) {
    Args args(argc, argv, 2);
    if (args.flag("--help")) {
        std::cout << kHelp;
        return 0;
    }
    auto at = args.value("--at");
    auto server = args.value("--server");
    auto data = args.value("--data");
    auto args_token_file = args.value("--admin-token-file");
    std::string name = args.value("--name").value_or("");
    std::uint32_t min_phase_ms = net::kDefaultMinPhaseMs;
    if (auto mp = args.value("--min-phase")) {
        auto ms = parse_min_phase(*mp);
        if (!ms) {
            std::cerr << "gb fork: --min-phase must be seconds from 0 to 3600\n";
            return 2;
        }
        min_phase_ms = *ms;
    }
    if (auto l = args.leftover(); !l.empty()) {
        std::cerr << "gb fork: " << l << " (try gb fork --help)\n";
        return 2;
    }
    if (args.positional().size() != 1 || !at) {
        std::cerr << "gb fork: name one journal and --at TURN[.PHASE] (try gb fork --help)\n";
        return 2;
    }
    if (server && data) {
        std::cerr << "gb fork: --server and --data cannot be combined\n";
        return 2;
    }
    int turn = 0;
    std::optional<Phase> phase;
    if (!parse_turn_phase(*at, turn, phase)) {
        std::cerr << "gb fork: --at wants TURN or TURN.PHASE (e.g. 3 or 3.orders), not '" << *at << "'\n";
        return 2;
    }
    Timeline t = Timeline::open(args.positional()[0]);
    auto point = t.point_of(turn, phase);
    if (!point) {
        std::cerr << "gb fork: the game never reached turn " << *at << "\n";
        return 1;
    }
    auto progress = [&](std::size_t sent) {
        if (os::is_terminal(stderr)) say_to(stderr, "\rsending the saved game: %zu of %zu actions", sent, *point);
    };
    ForkResult r;
    std::string where;
    if (server) {
        std::string host;
        std::uint16_t port = 0;
        if (!net::parse_endpoint(*server, host, port)) {
            std::cerr << "gb fork: bad --server '" << *server << "' (HOST:PORT)\n";
            return 2;
        }
        std::string token_error;
        std::string token = admin_token_for(args_token_file, std::nullopt, host, token_error);
        if (!token_error.empty()) {
            std::cerr << "gb fork: " << field(token_error) << "\n";
            return 1;
        }
        r = fork_on_server(host, port, t, *point, name, token, progress, min_phase_ms);
        where = "on " + *server;
    } else {
        // A server inside this process writes the journal, then stops; the
        // game is resumed by the next server started on that directory.
        ServerOptions so;
        so.port = 0;
        so.data_dir = data.value_or(default_data_dir());
        Server s(so);
        s.start();
        std::thread th([&] { s.run(); });
        r = fork_on_server("127.0.0.1", s.port(), t, *point, name, s.admin_token(), progress, min_phase_ms);
        s.stop();
        th.join();
        where = "in " + so.data_dir + " (start gb-server --data " + so.data_dir + " to play it)";
    }
    if (os::is_terminal(stderr)) say_to(stderr, "\n");
    if (!r.error.empty()) {
        std::cerr << "gb fork: " << field(r.error) << "\n";
        return 1;
    }
    say_to(stdout, "forked: %s at turn %s (action %zu of %zu)\n", field(args.positional()[0]).c_str(),
           field(*at).c_str(), *point, t.size());
    say_to(stdout, "game: %u %s\n", r.game, field(where).c_str());
    for (Team team : kAllTeams)
        say_to(stdout, "%s-code: %s\n", std::string(name_of(team)).c_str(), field(r.codes.team[idx(team)]).c_str());
    say_to(stdout, "observer-code: %s\n", field(r.codes.observer).c_str());
    say_to(stdout, "control-code: %s\n", field(r.codes.control).c_str());
    return 0;
}

}  // namespace gb::cli
