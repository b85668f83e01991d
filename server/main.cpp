// gb-server: the command-line entry point.
#include <csignal>
#include <cstring>
#include <iostream>
#include <string>

#include "data_dirs.hpp"
#include "os_file.hpp"
#include "server.hpp"

namespace {

gb::Server* g_server = nullptr;

void on_signal(int) {
    if (g_server) g_server->stop();
}

const char* kHelp =
    "usage: gb-server [--port 7777] [--bind 127.0.0.1] [--data DIR] [--max-games N]\n"
    "                 [--max-peers N] [--peers-per-address N] [--flush-each]\n"
    "                 [--open-lobby] [--lead-timeout SECONDS] [--no-journal-signing]\n"
    "\n"
    "Hosts Grand Bargain games over ENet (UDP). Every accepted action is written to the\n"
    "game's journal in DIR and flushed to disk before it is acknowledged; on start the\n"
    "server replays every journal and resumes its games.\n"
    "\n"
    "  --port N               UDP port (default 7777; 0 picks a free port and prints it)\n"
    "  --bind ADDR            address to listen on (default 127.0.0.1; 0.0.0.0 for all)\n"
    "  --data DIR             journals, admin.token, server.key (default: the user data\n"
    "                         folder below, $XDG_DATA_HOME/grand-bargain)\n"
    "  --max-games N          games hosted at once (default 256)\n"
    "  --max-peers N          connections at once (default 4000)\n"
    "  --peers-per-address N  connections from one IP address (default 64)\n"
    "  --open-lobby           anyone may create and fork games (a classroom LAN; the log\n"
    "                         warns); by default that needs the admin token, the file\n"
    "                         admin.token that the server makes in DIR (mode 0600)\n"
    "  --lead-timeout S       a team's lead passes to a connected teammate after S seconds\n"
    "                         away (default 60)\n"
    "  --no-journal-signing   do not sign journals; by default every journal is signed with\n"
    "                         the key DIR/journal.key, made on first start, whose public half\n"
    "                         DIR/journal.pub checks them: gb replay J --verify --public-key F\n"
    "  --flush-each           flush each journal with its own fdatasync; by default a pass\n"
    "                         that wrote several journals makes them durable with one\n"
    "                         syncfs of the data directory's file system (a group commit)\n"
    "\n"
    "Logs go to stderr. SIGINT or SIGTERM stops the server cleanly.\n";

bool number(const char* s, long lo, long hi, long& out) {
    char* end = nullptr;
    long v = std::strtol(s, &end, 10);
    if (!end || *end || v < lo || v > hi) return false;
    out = v;
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    gb::os::prepare_console();
    gb::ServerOptions o;
    o.log = &std::cerr;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto need = [&](const char* what) -> const char* {
            if (i + 1 >= argc) {
                std::cerr << "gb-server: " << a << " needs " << what << "\n";
                std::exit(2);
            }
            return argv[++i];
        };
        long v = 0;
        if (a == "--help" || a == "-h") {
            std::cout << kHelp << "\n" << gb::data_help();
            return 0;
        } else if (a == "--port") {
            if (!number(need("a port"), 0, 65535, v)) return std::cerr << "gb-server: --port must be 0..65535\n", 2;
            o.port = static_cast<std::uint16_t>(v);
        } else if (a == "--bind") {
            o.bind = need("an address");
        } else if (a == "--data") {
            o.data_dir = need("a directory");
        } else if (a == "--max-games") {
            if (!number(need("a number"), 1, 100000, v)) return std::cerr << "gb-server: bad --max-games\n", 2;
            o.max_games = static_cast<int>(v);
        } else if (a == "--max-peers") {
            if (!number(need("a number"), 1, 4095, v))
                return std::cerr << "gb-server: --max-peers must be 1..4095\n", 2;
            o.max_peers = static_cast<int>(v);
        } else if (a == "--open-lobby") {
            o.open_lobby = true;
        } else if (a == "--lead-timeout") {
            if (!number(need("seconds"), 1, 86400, v)) return std::cerr << "gb-server: bad --lead-timeout\n", 2;
            o.lead_timeout_seconds = static_cast<int>(v);
        } else if (a == "--flush-each") {
            o.group_commit = false;
        } else if (a == "--no-journal-signing") {
            o.sign_journals = false;
        } else if (a == "--peers-per-address") {
            if (!number(need("a number"), 1, 4095, v)) return std::cerr << "gb-server: bad --peers-per-address\n", 2;
            o.peers_per_address = static_cast<int>(v);
        } else {
            std::cerr << "gb-server: unknown argument '" << a << "' (try --help)\n";
            return 2;
        }
    }
    try {
        gb::Server server(o);
        server.start();
        g_server = &server;
        std::signal(SIGINT, on_signal);
        std::signal(SIGTERM, on_signal);
        // A file size limit makes a write fail (EFBIG) instead of killing the
        // server: the game goes read-only and the others go on.
        gb::os::ignore_file_size_signal();
        std::cout << "port: " << server.port() << std::endl;
        server.run();
        std::cerr << "gb-server: stopped\n";
    } catch (const std::exception& e) {
        std::cerr << "gb-server: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
