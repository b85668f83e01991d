// The client side of the protocol: a connection to gb-server (handshake,
// fragments) and a seat session that keeps the seat's view current from
// sequence-numbered updates, resyncs on a gap, and resumes with its token.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "protocol.hpp"
#include "secure_channel.hpp"

struct _ENetHost;
struct _ENetPeer;

namespace gb::net {

// Initialises ENet once per process (clients and the server's transport);
// throws std::runtime_error if it cannot.
void enet_once();

using Millis = std::chrono::milliseconds;

// "host:port" or "host:port#FINGERPRINT" -> host, port. False on a malformed
// endpoint. A fingerprint pins that server's key for this process.
bool parse_endpoint(const std::string& s, std::string& host, std::uint16_t& port);

class Connection;

// One ENet host shared by many connections (a load generator's thousand
// clients): a single call services them all.
class ClientHost {
public:
    explicit ClientHost(std::size_t peers);
    ~ClientHost();
    ClientHost(const ClientHost&) = delete;
    ClientHost& operator=(const ClientHost&) = delete;
    // Services the host for up to `timeout`, handing each packet to its connection.
    void service(Millis timeout);

private:
    friend class Connection;
    _ENetHost* host_ = nullptr;
};

class Connection {
public:
    // A connection with its own ENet host, or one on a shared host.
    explicit Connection(ClientHost* shared = nullptr);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Connects, runs the key exchange (checking the server's key against its
    // pin or known_hosts) and (unless `hello` is false) says hello. Returns an
    // error message, empty on success.
    std::string open(const std::string& host, std::uint16_t port, Millis timeout = Millis(5000), bool hello = true);
    void close();
    bool is_open() const { return peer_ != nullptr; }

    void send(const ClientMessage& m, std::uint8_t channel = kChannelControl, bool reliable = true);
    // Seals and sends raw bytes (tests of hostile input).
    void send_raw(const std::string& bytes, std::uint8_t channel = kChannelControl);
    // Sends bytes without sealing them (tests: replays, forgeries).
    void send_as_is(const std::string& bytes, std::uint8_t channel = kChannelControl);
    // The server's key fingerprint (64 hex characters), once the key exchange is done.
    std::string server_fingerprint() const;
    // The round-trip time to the server in milliseconds (0 when closed): the
    // least of ENet's smoothed estimate and the Hello's measured round trip
    // seen so far on this connection.
    std::uint32_t round_trip_ms() const;
    // This session's binding, for resume proofs.
    const Key& session_binding() const { return channel_.binding(); }
    // The next server message, waiting up to `timeout`. Empty on timeout or
    // when the connection dropped (then is_open() is false). On a shared host
    // a zero timeout only takes what the host has already delivered.
    std::optional<ServerMessage> poll(Millis timeout);

    // Called with every packet received, before decoding.
    std::function<void(const std::string&)> on_packet;
    // Called with every sealed packet sent, and its channel (tests).
    std::function<void(const std::string&, std::uint8_t)> on_sealed;
    std::uint64_t packets_received = 0;
    std::uint64_t packets_rejected = 0;  // replayed or forged

    // A request/response exchange for lobby messages: sends `m`, then waits
    // for the first message that is not an Update or PointerEcho.
    std::optional<ServerMessage> request(const ClientMessage& m, Millis timeout = Millis(5000));

private:
    friend class ClientHost;
    void receive(const std::string& packet, std::uint8_t channel);  // open, decode (joining fragments) into the queue
    std::string secure(const std::string& host_name, std::uint16_t port,
                       std::chrono::steady_clock::time_point until);  // the key exchange
    void send_packet(const std::string& bytes, std::uint8_t channel, bool reliable);
    void send_sealed(const std::string& plain, std::uint8_t channel, bool reliable);
    void drop(const std::string& why);  // closes at once, leaving `why` as an Error
    void service(Millis timeout);            // run the host (own or shared)
    _ENetHost* host() const;

    ClientHost* shared_ = nullptr;
    _ENetHost* host_ = nullptr;  // own host, when not shared
    _ENetPeer* peer_ = nullptr;
    bool connected_ = false;
    SecureChannel channel_;
    Key server_key_{};
    std::optional<std::string> handshake_answer_;
    std::optional<std::uint32_t> hello_rtt_ms_;  // the Hello's round trip on this connection
    mutable std::uint32_t least_rtt_ms_ = UINT32_MAX;  // the least round trip seen on it
    std::string fragments_;
    std::uint32_t fragment_total_ = 0;
    std::deque<ServerMessage> queue_;
};

// One seat in one game, over a Connection it owns.
class SeatSession {
public:
    explicit SeatSession(ClientHost* shared = nullptr) : conn_(shared) {}

    // Connects, says hello and joins. Returns an error message, empty on success.
    std::string join(const std::string& host, std::uint16_t port, const JoinGame& join, Millis timeout = Millis(5000));
    // Reconnects and resumes with the token (after a drop or a server restart).
    std::string resume(Millis timeout = Millis(5000));
    // Retries resume with backoff until it works or `budget` runs out.
    std::string reconnect(Millis budget = Millis(60000));

    // Sends an action; returns its request number.
    std::uint32_t act(const Action& a);
    // A bot seat's answers to the server's YourMove: one action, or a pass.
    // Either clears `your_move`.
    std::uint32_t answer_move(const Action& a);
    void pass_move();
    // Services the connection for up to `timeout`, applying every message
    // received. False when the connection has dropped.
    bool pump(Millis timeout);
    // Waits up to `timeout` for a message, then handles it and every message
    // already waiting, and returns: for loops that answer as soon as asked.
    bool pump_some(Millis timeout);

    bool seated() const { return seated_; }
    // Seated, with a view that is up to date (no resync awaited).
    bool current() const { return seated_ && !awaiting_resync_; }
    const GameState& view() const { return view_; }
    const Seat& seat() const { return seat_; }
    const std::string& token() const { return token_; }
    std::uint32_t game() const { return game_; }
    Connection& connection() { return conn_; }

    // Outcomes of requests, by request number.
    std::map<std::uint32_t, std::uint64_t> acks;    // -> journal sequence number
    std::map<std::uint32_t, std::string> refusals;  // -> reason
    std::function<void(const Update&)> on_update;   // after it is applied
    std::function<void(const Error&)> on_error;
    std::function<void()> on_seated;
    std::function<void(const PointerEcho&)> on_pointer;
    std::vector<std::uint32_t> online;  // players connected now (Presence)
    // The phase timer as the server last sent it (Timer), on this client's
    // clock: a running one ends at receive time + remaining - half the
    // round-trip time, so every client counts down alike.
    struct PhaseTimer {
        std::int32_t turn = 0;
        Phase phase = Phase::inject;
        bool running = false;
        std::chrono::steady_clock::time_point received{};
        std::int64_t left_ms = -1;  // what was left when sent (-1: no timer)
    };
    std::optional<PhaseTimer> phase_timer;
    // Milliseconds left on the timer of the view's phase as the server counts
    // it (never below 0); empty when the server sent none for this phase or
    // the phase has no timer.
    std::optional<std::int64_t> timer_left_ms() const;
    std::uint32_t resyncs = 0;
    std::uint32_t updates = 0;
    bool closed = false;          // the game was closed
    std::uint32_t your_move = 0;  // a bot seat: the server's pending YourMove (0: none)

private:
    std::string wait_seated(Millis timeout);
    void handle(ServerMessage&& m);

    Connection conn_;
    std::string host_;
    std::uint16_t port_ = 0;
    std::shared_ptr<const Scenario> scenario_;
    GameState view_;
    Seat seat_;
    std::string token_;
    std::uint32_t game_ = 0;
    std::uint32_t seq_ = 0;
    std::uint32_t next_request_ = 1;
    bool seated_ = false;
    bool awaiting_resync_ = false;
    bool bot_ = false;  // joined as a bot seat
    std::string seat_error_;
};

}  // namespace gb::net
