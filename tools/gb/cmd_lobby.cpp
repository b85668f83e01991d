// `gb lobby create|list|stats|close`: the lobby of a gb-server.
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "admin_token.hpp"
#include "client.hpp"
#include "commands.hpp"
#include "server.hpp"
#include "terminal.hpp"

namespace gb::cli {

namespace {

const char* kHelp =
    "usage: gb lobby create --server HOST:PORT --scenario ID [--seed S] [--name N] [--min-phase SECONDS] [ADMIN]\n"
    "       gb lobby list   --server HOST:PORT [ADMIN]\n"
    "       gb lobby stats  --server HOST:PORT [ADMIN]\n"
    "       gb lobby close  --server HOST:PORT (--game ID | --control-code CODE) [ADMIN]\n"
    "ADMIN: --admin-token-file FILE | --data DIR\n"
    "\n"
    "Creating and closing games, listing their codes and reading statistics need the\n"
    "server's admin token: the file admin.token in its data directory. Give it with\n"
    "--admin-token-file, or --data DIR; for a server on this machine it is read from the\n"
    "default data directory. Anyone may list the games, without their codes.\n"
    "\n"
    "--min-phase: while no White Cell is connected, the server's bots and its stand-in\n"
    "wait until a phase has lasted this long before moving on, so each result can be\n"
    "seen (default 5; 0 turns it off; at most 3600).\n"
    "\n"
    "create prints `game: ID`, then one line per code: `us-code:`, `iran-code:`,\n"
    "`israel-code:`, `gulf-code:` (each seats only on that team), `observer-code:` and\n"
    "`control-code:` (the White Cell), then `server-key: FINGERPRINT` (its first characters).\n"
    "HOST:PORT#FINGERPRINT pins the server's key; without it the key first seen at HOST:PORT\n"
    "is remembered in known_hosts and any other refused.\n";

}  // namespace

std::string admin_token_for(const std::optional<std::string>& file, const std::optional<std::string>& data_dir,
                            const std::string& host, std::string& error) {
    if (file) {
        auto t = read_admin_token(*file);
        if (!t) error = "cannot read the admin token in " + *file;
        return t.value_or("");
    }
    if (data_dir) {
        auto t = read_admin_token(admin_token_path(*data_dir));
        if (!t) error = "cannot read the admin token in " + *data_dir;
        return t.value_or("");
    }
    bool local = host == "127.0.0.1" || host == "localhost" || host == "::1";
    if (!local) return {};
    return read_admin_token(admin_token_path(default_data_dir())).value_or("");
}

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
    auto game = args.value("--game");
    auto token_file = args.value("--admin-token-file");
    auto data = args.value("--data");
    auto min_phase = args.value("--min-phase");
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
    std::string token_error;
    std::string token = admin_token_for(token_file, data, host, token_error);
    if (!token_error.empty()) {
        std::cerr << "gb lobby: " << field(token_error) << "\n";
        return 1;
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
        c.admin_token = token;
        if (seed) {
            auto s = parse_uint(*seed);
            if (!s) {
                std::cerr << "gb lobby create: --seed must be a whole number\n";
                return 2;
            }
            c.seed = *s;
        }
        if (min_phase) {
            auto ms = parse_min_phase(*min_phase);
            if (!ms) {
                std::cerr << "gb lobby create: --min-phase must be seconds from 0 to 3600\n";
                return 2;
            }
            c.min_phase_ms = *ms;
        }
        request = c;
    } else if (what == "list") {
        request = net::ListGames{token};
    } else if (what == "stats") {
        request = net::ServerStats{token};
    } else if (what == "close") {
        auto id = game ? parse_uint(*game) : std::nullopt;
        if ((!control && !id) || (game && !id) || (id && *id > 0xffffffffull)) {
            std::cerr << "gb lobby close: --game ID or --control-code CODE is required\n";
            return 2;
        }
        request = net::CloseGame{control.value_or(""), static_cast<std::uint32_t>(id.value_or(0)), token};
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
        say_to(stdout, "game: %u\n", c->game);
        for (Team t : kAllTeams)
            say_to(stdout, "%s-code: %s\n", std::string(name_of(t)).c_str(), field(c->codes.team[idx(t)]).c_str());
        say_to(stdout, "observer-code: %s\ncontrol-code: %s\n", field(c->codes.observer).c_str(),
               field(c->codes.control).c_str());
        // The server's key, for players to pin: HOST:PORT#FINGERPRINT.
        say_to(stdout, "server-key: %s\n", conn.server_fingerprint().substr(0, net::kFingerprintShown).c_str());
    } else if (auto* l = std::get_if<net::GameList>(&*reply)) {
        say_to(stdout, "%-5s %-28s %-24s %-6s %-13s %s\n", "game", "name", "scenario", "turn", "phase",
               "seats (us/iran/israel/gulf; b = bot)");
        for (const auto& g : l->games) {
            std::string seats;
            for (int t = 0; t < kTeams; ++t)
                seats += std::to_string(g.players[t]) + (g.bots[t] ? "b" : "") + (t < 3 ? "/" : "");
            seats += g.control ? "  White Cell on" : "  White Cell off";
            if (g.observers) seats += ", " + std::to_string(g.observers) + " observer(s)";
            say_to(stdout, "%-5u %-28s %-24s %-6d %-13s %s\n", g.game, field(g.name).substr(0, 28).c_str(),
                   field(g.scenario).c_str(), g.turn, std::string(name_of(g.phase)).c_str(), seats.c_str());
            if (g.codes) {
                std::string codes = "      codes:";
                for (Team t : kAllTeams) codes += " " + std::string(name_of(t)) + " " + field(g.codes->team[idx(t)]);
                codes += ", observer " + field(g.codes->observer) + ", control " + field(g.codes->control);
                say_to(stdout, "%s\n", codes.c_str());
            }
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
