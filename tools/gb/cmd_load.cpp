// `gb load`: a load generator for gb-server. It creates games, seats a White
// Cell, four team leads and observers in each, brings every game to its
// orders phase, then has each lead send draft orders at a steady rate and
// measures the time from sending an order to its acknowledgement (which the
// server sends only after the journal record is on disk).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <vector>

#include "client.hpp"
#include "commands.hpp"
#include "terminal.hpp"

namespace gb::cli {

namespace {

using Clock = std::chrono::steady_clock;

const char* kHelp =
    "usage: gb load --server HOST:PORT --games G --clients-per-game C --seconds S [--rate R]\n"
    "              [--scenario ID] [--one-host] [--admin-token-file FILE | --data DIR]\n"
    "\n"
    "Creates G games; in each seats a White Cell, up to four team leads and, beyond five\n"
    "clients, observers. The White Cell brings each game to its orders phase; each lead then\n"
    "sends draft orders R times a second (default 2) for S seconds. Prints p50, p95, p99\n"
    "and max latency from sending an order to its acknowledgement, acknowledgements and\n"
    "updates delivered per second, and errors. The server needs --peers-per-address at\n"
    "least G x C for a run from one machine. --one-host puts every client on one ENet host\n"
    "(one socket), which keeps the generator's own cost out of the latencies. Creating\n"
    "games needs the server's admin token (as for gb lobby).\n";

struct Client {
    explicit Client(net::ClientHost* host) : session(host) {}
    net::SeatSession session;
    bool lead = false;
    std::uint32_t pending = 0;  // 0: none
    Clock::time_point sent{};
    Clock::time_point next{};
    int region = 0;
};

double percentile(std::vector<double>& v, double p) {
    if (v.empty()) return 0;
    std::size_t k = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
    return v[k];
}

}  // namespace

int cmd_load(int argc, char** argv) {
    Args args(argc, argv, 2);
    if (args.flag("--help")) {
        std::cout << kHelp;
        return 0;
    }
    auto server = args.value("--server");
    auto games = parse_uint(args.value("--games").value_or("10"));
    auto per = parse_uint(args.value("--clients-per-game").value_or("6"));
    auto seconds = parse_uint(args.value("--seconds").value_or("10"));
    std::string rate_s = args.value("--rate").value_or("2");
    std::string scenario = args.value("--scenario").value_or("after-911");
    auto token_file = args.value("--admin-token-file");
    auto data_dir = args.value("--data");
    bool one_host = args.flag("--one-host");
    if (auto l = args.leftover(); !l.empty()) {
        std::cerr << "gb load: " << l << " (try gb load --help)\n";
        return 2;
    }
    std::string host;
    std::uint16_t port = 0;
    double rate = std::atof(rate_s.c_str());
    if (!server || !net::parse_endpoint(*server, host, port) || !games || !per || !seconds || *games == 0 || *per < 2 ||
        *per > 64 || rate <= 0 || rate > 1000) {
        std::cerr << "gb load: need --server HOST:PORT, --games >= 1, --clients-per-game 2..64, --rate > 0 "
                     "(try gb load --help)\n";
        return 2;
    }
    std::string token_error;
    std::string admin_token = admin_token_for(token_file, data_dir, host, token_error);
    if (!token_error.empty()) {
        std::cerr << "gb load: " << token_error << "\n";
        return 1;
    }
    net::Connection lobby;
    if (auto err = lobby.open(host, port); !err.empty()) {
        std::cerr << "gb load: " << err << "\n";
        return 1;
    }
    // Every client shares one ENet host, so one call services them all and
    // the generator's own overhead stays out of the latencies it measures.
    std::unique_ptr<net::ClientHost> shared_host;
    if (one_host) shared_host = std::make_unique<net::ClientHost>(static_cast<std::size_t>(*games * *per) + 1);
    net::ClientHost* shared = shared_host.get();
    std::vector<std::unique_ptr<Client>> clients;
    std::vector<Client*> controls;
    std::uint64_t errors = 0;
    auto setup_start = Clock::now();
    for (unsigned long long gi = 0; gi < *games; ++gi) {
        net::CreateGame c;
        c.scenario = scenario;
        c.admin_token = admin_token;
        c.seed = gi + 1;
        c.name = "load " + std::to_string(gi + 1);
        c.min_phase_ms = 0;  // load: as fast as the server goes
        auto r = lobby.request(c);
        auto* created = r ? std::get_if<net::GameCreated>(&*r) : nullptr;
        if (!created) {
            std::cerr << "gb load: cannot create game " << gi + 1 << ": "
                      << (r && std::holds_alternative<net::Error>(*r) ? field(std::get<net::Error>(*r).message)
                                                                      : "no reply")
                      << "\n";
            return 1;
        }
        for (unsigned long long k = 0; k < *per; ++k) {
            auto cl = std::make_unique<Client>(shared);
            net::JoinGame j;
            if (k == 0) {
                j = {created->codes.control, SeatRole::control, Team::us, "load control"};
            } else if (k <= 4) {
                j = {created->codes.team[k - 1], SeatRole::team, static_cast<Team>(k - 1), "load lead"};
                cl->lead = true;
            } else {
                j = {created->codes.observer, SeatRole::observer, Team::us, "load observer"};
            }
            // A connection attempt that goes unanswered is tried again (up to
            // three times) before the run gives up.
            std::string err;
            for (int attempt = 0; attempt < 3; ++attempt) {
                if (attempt) cl = std::make_unique<Client>(shared);
                err = cl->session.join(host, port, j);
                if (err.empty() ||
                    (err.find("no answer") == std::string::npos && err.find("no handshake") == std::string::npos))
                    break;
                say_to(stderr, "\ngb load: client %llu of game %llu: %s; trying again\n", k, gi + 1,
                       field(err).c_str());
            }
            if (!err.empty()) {
                std::cerr << "gb load: client " << k << " of game " << gi + 1 << ": " << field(err) << "\n";
                return 1;
            }
            if (k == 0) controls.push_back(cl.get());
            clients.push_back(std::move(cl));
            if (shared) shared->service(net::Millis(0));  // keep everyone answering
            for (auto& other : clients) other->session.pump(net::Millis(0));
        }
        say_to(stderr, "\rgb load: %llu/%llu games seated", gi + 1, *games);
    }
    say_to(stderr, "\n");
    auto pump_all = [&] {
        if (shared) shared->service(net::Millis(1));
        for (auto& c : clients) c->session.pump(net::Millis(0));
    };
    // The White Cells bring their games to the orders phase.
    for (Client* c : controls) {
        for (int step = 0; step < 6 && c->session.view().phase != Phase::orders; ++step) {
            const GameState& v = c->session.view();
            Action a = (v.phase == Phase::inject && !v.inject_drawn) ? Action{DrawInject{}} : Action{AdvancePhase{}};
            auto id = c->session.act(a);
            auto until = Clock::now() + std::chrono::seconds(5);
            while (!c->session.acks.count(id) && !c->session.refusals.count(id) && Clock::now() < until) pump_all();
        }
    }
    auto until = Clock::now() + std::chrono::seconds(1);
    while (Clock::now() < until) pump_all();
    say_to(stderr, "gb load: %zu clients ready in %.1f s; measuring for %llu s at %.1f orders/s per lead\n",
           clients.size(), std::chrono::duration<double>(Clock::now() - setup_start).count(), *seconds, rate);

    std::uint64_t updates_before = 0;
    for (auto& c : clients) updates_before += c->session.updates;
    std::vector<double> latencies;
    auto period = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / rate));
    auto start = Clock::now();
    for (std::size_t i = 0; i < clients.size(); ++i) clients[i]->next = start + period * static_cast<long>(i % 97) / 97;
    auto end = start + std::chrono::seconds(*seconds);
    int region_count = static_cast<int>(clients.front()->session.view().board.region_count);
    int build = clients.front()->session.view().sc().find_action("build_influence");
    std::uint64_t sweeps = 0;
    while (Clock::now() < end) {
        ++sweeps;
        if (shared) shared->service(net::Millis(0));
        std::size_t n = 0;
        for (auto& c : clients) {
            if (shared && ++n % 64 == 0) shared->service(net::Millis(0));  // deliver answers promptly
            c->session.pump(net::Millis(0));
            if (!c->lead) continue;
            auto now = Clock::now();
            if (c->pending) {
                if (c->session.acks.count(c->pending)) {
                    latencies.push_back(std::chrono::duration<double, std::milli>(now - c->sent).count());
                    c->pending = 0;
                } else if (c->session.refusals.count(c->pending)) {
                    ++errors;
                    c->pending = 0;
                }
            }
            if (!c->pending && now >= c->next) {
                Order o;
                o.action = static_cast<std::int16_t>(build);
                o.region = static_cast<std::int16_t>(c->region++ % region_count);
                c->sent = now;
                c->pending = c->session.act(Draft{{o}});
                c->next += period;
                if (c->next < now) c->next = now;
            }
        }
    }
    double secs = std::chrono::duration<double>(Clock::now() - start).count();
    std::uint64_t updates = 0;
    for (auto& c : clients) updates += c->session.updates;
    for (auto& c : clients)
        if (!c->session.connection().is_open()) ++errors;
    std::size_t acked = latencies.size();
    say_to(stdout, "clients: %zu in %llu games; %.1f s measured\n", clients.size(), *games, secs);
    say_to(stdout, "orders acknowledged: %zu (%.0f/s)\n", acked, acked / secs);
    say_to(stdout, "latency order->ack: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms\n",
           percentile(latencies, 0.50), percentile(latencies, 0.95), percentile(latencies, 0.99),
           latencies.empty() ? 0.0 : *std::max_element(latencies.begin(), latencies.end()));
    say_to(stdout, "updates delivered: %llu (%.0f/s)\n", static_cast<unsigned long long>(updates - updates_before),
           (updates - updates_before) / secs);
    say_to(stdout, "errors: %llu\n", static_cast<unsigned long long>(errors));
    say_to(stdout, "generator: %.0f sweeps/s over its clients\n", sweeps / secs);
    net::Connection probe;  // the lobby connection may have idled out during the run
    std::optional<net::ServerMessage> stats;
    if (probe.open(host, port).empty()) stats = probe.request(net::ServerStats{admin_token});
    if (stats)
        if (auto* s = std::get_if<net::Stats>(&*stats))
            say_to(stdout,
                   "server: %u games, %u peers, %.1f MiB resident; inside the server receive->ack p50 %.2f ms, "
                   "p99 %.2f ms\n",
                   s->games, s->peers, s->resident_bytes / 1048576.0, s->ack_p50_ms, s->ack_p99_ms);
    return errors ? 1 : 0;
}

}  // namespace gb::cli
