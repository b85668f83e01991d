// gb-server: one process hosting many games over ENet. A single thread
// services the network; every accepted action is journaled and made durable
// before it is acknowledged; games never block each other.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "bot.hpp"
#include "flush_pool.hpp"
#include "journal.hpp"
#include "protocol.hpp"
#include "rules.hpp"
#include "schedule.hpp"
#include "state.hpp"

struct _ENetHost;
struct _ENetPeer;

namespace gb {

struct ServerOptions {
    std::string bind = "127.0.0.1";
    std::uint16_t port = 7777;  // 0: any free port
    std::string data_dir;       // journals; created if missing
    int max_games = 256;
    int max_peers = 4000;
    int peers_per_address = 64;
    // Flush a pass's journals with one syncfs when it wrote several (false:
    // one fdatasync per journal, side by side on the flush threads).
    bool group_commit = true;
    std::ostream* log = nullptr;  // one line per event that matters; null: silent
};

// Where journals live by default: $XDG_DATA_HOME/grand-bargain, or
// ~/.local/share/grand-bargain.
std::string default_data_dir();

class Server {
public:
    explicit Server(ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Loads every journal in the data directory and binds the port. Throws
    // std::runtime_error when the port or directory cannot be used.
    void start();
    // Services the network until stop() is called (from any thread).
    void run();
    void stop() { stop_ = true; }
    std::uint16_t port() const { return port_; }

private:
    struct Peer;
    struct Game;

    void handle_connect(_ENetPeer* p);
    void handle_receive(_ENetPeer* p, const char* data, std::size_t size, std::uint8_t channel);
    void handle_disconnect(_ENetPeer* p);
    void handle(Peer& peer, net::ClientMessage&& m);

    void create_game(Peer& peer, const net::CreateGame& m);
    std::unique_ptr<Game> make_game(Peer& peer, const net::CreateGame& m, const net::ForkGame* fork);
    void fork_game(Peer& peer, net::ForkGame&& m);
    void list_games(Peer& peer);
    void send_stats(Peer& peer);
    void close_game(Peer& peer, const net::CloseGame& m);
    void join_game(Peer& peer, const net::JoinGame& m);
    void resume_seat(Peer& peer, const net::ResumeSeat& m);
    void act(Peer& peer, const net::Act& m);
    void pass(Peer& peer, const net::Pass& m);
    void forget_asked(Game& g, const Peer& peer);
    void pointer(Peer& peer, const net::Pointer& m);

    // Validates and applies an action (core `act`), journals it and queues
    // every member's update. A refused action changes nothing.
    Verdict record(Game& g, const Seat& seat, const Action& a);
    void seat_peer(Peer& peer, Game& g, std::uint32_t player, const std::string& token);
    void send_full_view(Peer& peer, Game& g);
    void send_presence(Game& g);
    // Server-side bots, auto-control and timers.
    void drive(Game& g);
    void tick_timers();
    void update_timer(Game& g);
    bool control_present(const Game& g) const;
    Cast cast_of(const Game& g) const;
    Seat seat_of(const Game& g, std::uint32_t player) const;

    void send(Peer& peer, const net::ServerMessage& m, std::uint8_t channel = net::kChannelControl,
              bool reliable = true);
    void error(Peer& peer, net::ErrorCode code, const std::string& message, std::uint32_t request = 0);
    void strike(Peer& peer, const std::string& why);
    void flush();
    void load_journals();
    void log(const std::string& line);
    std::string new_code(std::size_t length);

    ServerOptions options_;
    std::atomic<bool> stop_{false};
    _ENetHost* host_ = nullptr;
    std::uint16_t port_ = 0;
    std::map<_ENetPeer*, std::unique_ptr<Peer>> peers_;
    std::map<std::uint32_t, std::unique_ptr<Game>> games_;
    std::uint32_t next_game_ = 1;
    struct Outgoing {
        _ENetPeer* peer;
        std::uint8_t channel;
        bool reliable;
        std::string bytes;
        std::chrono::steady_clock::time_point received{};  // for acknowledgements: when the action arrived
    };
    std::vector<double> ack_ms_;  // ring of recent receive-to-acknowledge times
    std::size_t ack_next_ = 0;
    std::unique_ptr<FlushPool> flusher_;
    std::chrono::steady_clock::time_point pass_started_{};
    std::vector<Outgoing> outbox_;
    std::uint64_t actions_total_ = 0;
    std::vector<std::pair<std::chrono::steady_clock::time_point, std::uint64_t>> action_samples_;
};

}  // namespace gb
