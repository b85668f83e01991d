// `gb lobby create|list|stats|close`: the lobby of a gb-server.
#include <cstdio>
#include <iostream>

#include "client.hpp"
#include "commands.hpp"
#include "terminal.hpp"

namespace gb::cli {

namespace {

const char* kHelp =
    "usage: gb lobby create --server HOST:PORT --scenario NAME|FILE [--seed S] [--name N]\n"
    "       gb lobby list   --server HOST:PORT\n"
    "       gb lobby stats  --server HOST:PORT\n"
    "       gb lobby close  --server HOST:PORT --control-code CODE\n"
    "\n"
    "create prints `game: ID`, `join-code: CODE`, `control-code: CODE` and `server-key: FINGERPRINT`\n"
    "(its first characters) on their own lines. HOST:PORT#FINGERPRINT pins the server's key;\n"
    "without it the key first seen at HOST:PORT is remembered in known_hosts and any other refused.\n";

}  // namespace

int cmd_lobby(int argc, char** argv) {
    Args args(argc, argv, 2);
    if (args.flag("--help")) {
        std::cout << kHelp;
        return 0;
    }
    auto server = args.value("--server");
    auto scenario = args.value("--scenario");
    auto seed = args.value("--seed");
    auto name = args.value("--name");
    auto control = args.value("--control-code");
    if (auto l = args.leftover(); !l.empty()) {
        std::cerr << "gb lobby: " << l << " (try gb lobby --help)\n";
        return 2;
    }
    if (args.positional().size() != 1) {
        std::cerr << "gb lobby: say create, list, stats or close (try gb lobby --help)\n";
        return 2;
    }
    std::string what = args.positional()[0];
    std::string host;
    std::uint16_t port = 0;
    if (!server || !net::parse_endpoint(*server, host, port)) {
        std::cerr << "gb lobby: --server HOST:PORT is required\n";
        return 2;
    }
    net::ClientMessage request;
    if (what == "create") {
        if (!scenario) {
            std::cerr << "gb lobby create: --scenario is required\n";
            return 2;
        }
        net::CreateGame c;
        c.scenario = *scenario;
        c.name = name.value_or("");
        if (seed) {
            auto s = parse_uint(*seed);
            if (!s) {
                std::cerr << "gb lobby create: --seed must be a whole number\n";
                return 2;
            }
            c.seed = *s;
        }
        request = c;
    } else if (what == "list") {
        request = net::ListGames{};
    } else if (what == "stats") {
        request = net::ServerStats{};
    } else if (what == "close") {
        if (!control) {
            std::cerr << "gb lobby close: --control-code is required\n";
            return 2;
        }
        request = net::CloseGame{*control};
    } else {
        std::cerr << "gb lobby: unknown action '" << what << "' (create, list, stats or close)\n";
        return 2;
    }
    net::Connection conn;
    if (auto err = conn.open(host, port); !err.empty()) {
        std::cerr << "gb lobby: " << field(*server) << ": " << field(err) << "\n";
        return 1;
    }
    auto reply = conn.request(request);
    if (!reply) {
        std::cerr << "gb lobby: no reply from " << *server << "\n";
        return 1;
    }
    if (auto* e = std::get_if<net::Error>(&*reply)) {
        std::cerr << "gb lobby: " << field(e->message) << "\n";
        return 1;
    }
    if (auto* c = std::get_if<net::GameCreated>(&*reply)) {
        say_to(stdout, "game: %u\njoin-code: %s\ncontrol-code: %s\n", c->game, field(c->join_code).c_str(),
               field(c->control_code).c_str());
        // The server's key, for players to pin: HOST:PORT#FINGERPRINT.
        say_to(stdout, "server-key: %s\n", conn.server_fingerprint().substr(0, net::kFingerprintShown).c_str());
    } else if (auto* l = std::get_if<net::GameList>(&*reply)) {
        say_to(stdout, "%-5s %-28s %-24s %-6s %-13s %-9s %s\n", "game", "name", "scenario", "turn", "phase", "code",
               "seats (us/iran/israel/gulf; b = bot)");
        for (const auto& g : l->games) {
            std::string seats;
            for (int t = 0; t < kTeams; ++t)
                seats += std::to_string(g.players[t]) + (g.bots[t] ? "b" : "") + (t < 3 ? "/" : "");
            seats += g.control ? "  White Cell on" : "  White Cell off";
            if (g.observers) seats += ", " + std::to_string(g.observers) + " observer(s)";
            say_to(stdout, "%-5u %-28s %-24s %-6d %-13s %-9s %s\n", g.game, field(g.name).substr(0, 28).c_str(),
                   field(g.scenario).c_str(), g.turn, std::string(name_of(g.phase)).c_str(), field(g.join_code).c_str(),
                   seats.c_str());
        }
        if (l->games.empty()) say_to(stdout, "(no games)\n");
    } else if (auto* s = std::get_if<net::Stats>(&*reply)) {
        say_to(stdout, "games: %u\npeers: %u\nactions-per-second: %.1f\nactions-total: %llu\nmemory: %.1f MiB\n",
               s->games, s->peers, s->actions_per_second, static_cast<unsigned long long>(s->actions_total),
               s->resident_bytes / 1048576.0);
        say_to(stdout, "ack-latency-in-server: p50 %.2f ms, p99 %.2f ms\n", s->ack_p50_ms, s->ack_p99_ms);
    } else if (auto* c = std::get_if<net::Closed>(&*reply)) {
        say_to(stdout, "closed: game %u\n", c->game);
    } else {
        std::cerr << "gb lobby: unexpected reply " << net::message_name(*reply) << "\n";
        return 1;
    }
    return 0;
}

}  // namespace gb::cli
