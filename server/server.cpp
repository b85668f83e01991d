// The server's main loop: routes each message past the handshake to the
// lobby or the sender's live game, and makes journals durable every pass.
#include "server.hpp"

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <type_traits>
#include <vector>

#include "admin_token.hpp"
#include "data_dirs.hpp"
#include "recovery.hpp"
#include "scenario_loader.hpp"
#include "server_trust.hpp"

namespace gb {

namespace fs = std::filesystem;
using namespace gb::net;

std::string default_data_dir() {
    return user_data_dir();
}

namespace {
ServerOptions with_defaults(ServerOptions o) {
    if (o.data_dir.empty()) o.data_dir = default_data_dir();
    return o;
}
}  // namespace

Server::Server(ServerOptions options)
    : options_(with_defaults(std::move(options))),
      log_(options_.log),
      flusher_(std::make_unique<FlushPool>(3)),
      transport_(log_, Transport::Hooks{[this](Peer& p, ClientMessage&& m) { handle(p, std::move(m)); },
                                        [this](Peer& p) { lobby_.disconnected(p); }, [this] { make_durable(); }}),
      lobby_(LobbyOptions{options_.data_dir, options_.max_games, {}, options_.open_lobby, {}},
             GameServices{transport_, log_, rate_, std::chrono::seconds(options_.lead_timeout_seconds)}) {}

// The lobby (declared last) syncs its journals before the transport closes the host.
Server::~Server() = default;

void Server::start() {
    fs::create_directories(options_.data_dir);
    admin_token_ = load_or_create_admin_token(options_.data_dir);
    lobby_.options().admin_token = admin_token_;
    lobby_.options().scenarios = ScenarioList::scan();
    if (lobby_.options().scenarios.by_id.empty()) {
        std::string dirs;
        for (const std::string& d : scenario_dirs()) dirs += (dirs.empty() ? "" : ", ") + d;
        log_("no scenarios found (looked in " + dirs + "); games cannot be created until a scenarios/ folder is " +
             "installed or GB_DATA_DIR names one (gb-server --help lists the folders searched)");
    }
    if (options_.sign_journals) {
        signer_ = std::make_unique<JournalSigner>(JournalSigner::load_or_create(options_.data_dir));
        lobby_.options().signer = signer_.get();
        log_("journals are signed with key " + public_key_fingerprint(signer_->public_key()) + " (" +
             options_.data_dir + "/journal.pub)");
    }
    recover_games(options_.data_dir, lobby_, log_);
    ServerKey key = load_or_create_server_key(options_.data_dir);
    fingerprint_ = net::fingerprint(key.public_key);
    transport_.listen(options_.bind, options_.port, options_.max_peers, options_.peers_per_address, key);
    // Clients in this process (a hosting gb-client, gb demo, gb fork) know the key.
    pin_server("127.0.0.1", transport_.port(), fingerprint_);
    if (options_.bind != "0.0.0.0") pin_server(options_.bind, transport_.port(), fingerprint_);
    log_("listening on " + options_.bind + ":" + std::to_string(transport_.port()) + "#" +
         fingerprint_.substr(0, kFingerprintShown) + ", data in " + options_.data_dir + ", " +
         std::to_string(lobby_.size()) + " game(s) resumed, " +
         std::to_string(lobby_.options().scenarios.by_id.size()) + " scenario(s) offered; server key " + fingerprint_);
    if (options_.open_lobby)
        log_("warning: the lobby is open (--open-lobby): anyone who reaches this port may create and fork games");
}

std::string Server::offer_scenario(const std::string& path) {
    LoadResult l = load_scenario(resolve_scenario_path(path));
    if (!l.scenario) return {};
    lobby_.options().scenarios.by_id[l.scenario->id] = resolve_scenario_path(path);
    return l.scenario->id;
}

void Server::run() {
    while (!stop_) {
        // No error leaves the loop: games are independent, and one that
        // cannot save goes read-only on its own (see LiveGame).
        try {
            transport_.service(lobby_.wait_ms(20));
            lobby_.tick_timers();
            transport_.flush();
        } catch (const std::exception& e) {
            log_(std::string("error in the server loop: ") + e.what());
        }
    }
    transport_.flush();
}

void Server::make_durable() {
    std::vector<JournalWriter*> dirty = lobby_.dirty_journals();
    // A pass that wrote several journals makes them all durable with one
    // syncfs (a group commit); a single journal gets its own fdatasync. When
    // the group flush fails, each journal is flushed alone to find which.
    if (dirty.size() > 1 && options_.group_commit) {
        // Each journal's signature goes in before the one flush that makes it durable.
        for (auto it = dirty.begin(); it != dirty.end();) {
            try {
                (*it)->sign_pending();
                ++it;
            } catch (const std::exception& e) {
                log_(std::string("journal error: ") + e.what());
                lobby_.lost_flush(*it, e.what());
                it = dirty.erase(it);
            }
        }
        if (dirty.empty()) return;
        try {
            dirty.front()->sync_filesystem();
            for (JournalWriter* j : dirty) j->mark_synced();
            return;
        } catch (const std::exception& e) {
            log_(std::string("journal error: ") + e.what());
        }
    }
    std::vector<std::string> failed(dirty.size());
    std::vector<std::function<void()>> jobs;
    for (std::size_t i = 0; i < dirty.size(); ++i)
        jobs.emplace_back([&failed, &dirty, i] {
            try {
                dirty[i]->sync();
            } catch (const std::exception& e) {
                failed[i] = e.what();
            }
        });
    flusher_->run_all(jobs);
    // Nothing that is not durable is acknowledged: those games take back this pass.
    for (std::size_t i = 0; i < dirty.size(); ++i) {
        if (failed[i].empty()) continue;
        log_("journal error: " + failed[i]);
        lobby_.lost_flush(dirty[i], failed[i]);
    }
}

void Server::handle(Peer& peer, ClientMessage&& m) {
    std::string what = message_name(m);
    try {
        dispatch(peer, std::move(m));
    } catch (const JournalError& e) {
        log_("journal error handling " + what + " from " + peer.address + ": " + e.what());
        transport_.error(peer, ErrorCode::save_status, "the server cannot save right now; try again later");
    } catch (const std::exception& e) {
        log_("error handling " + what + " from " + peer.address + ": " + e.what());
        transport_.error(peer, ErrorCode::lobby, "the server could not complete that request; try again later");
    }
}

void Server::dispatch(Peer& peer, ClientMessage&& m) {
    std::visit(
        [&](auto&& msg) {
            using T = std::decay_t<decltype(msg)>;
            if constexpr (std::is_same_v<T, Hello>) {
            } else if constexpr (std::is_same_v<T, CreateGame>) {
                lobby_.create_game(peer, msg);
            } else if constexpr (std::is_same_v<T, ListGames>) {
                lobby_.list_games(peer, msg);
            } else if constexpr (std::is_same_v<T, ServerStats>) {
                lobby_.send_stats(peer, msg);
            } else if constexpr (std::is_same_v<T, MoveSeat>) {
                lobby_.move_seat(peer, msg);
            } else if constexpr (std::is_same_v<T, LetObserversChoose>) {
                lobby_.let_observers_choose(peer, msg);
            } else if constexpr (std::is_same_v<T, CloseGame>) {
                lobby_.close_game(peer, msg);
            } else if constexpr (std::is_same_v<T, JoinGame>) {
                lobby_.join_game(peer, msg);
            } else if constexpr (std::is_same_v<T, ResumeSeat>) {
                lobby_.resume_seat(peer, msg);
            } else if constexpr (std::is_same_v<T, ForkGame>) {
                lobby_.fork_game(peer, std::move(msg));
            } else {
                LiveGame* g = lobby_.game_of(peer);
                if (!g) {
                    transport_.error(peer, ErrorCode::not_seated, "join a game first: this needs a seat");
                    transport_.strike(peer, std::string(message_name(m)) + " without a seat");
                    return;
                }
                if constexpr (std::is_same_v<T, Act>) g->act(peer, msg);
                if constexpr (std::is_same_v<T, Pass>) g->pass(peer, msg);
                if constexpr (std::is_same_v<T, ResyncRequest>) g->send_full_view(peer);
                if constexpr (std::is_same_v<T, Pointer>) g->pointer(peer, msg);
            }
        },
        m);
}

}  // namespace gb
