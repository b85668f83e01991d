// The server's transport: the ENet host, its peers, the handshake, and the
// outbox of packets that leaves only after the journals are durable.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "log.hpp"
#include "peer.hpp"
#include "protocol.hpp"

struct _ENetHost;

namespace gb {

// Owns the ENet host and one Peer per connection. It decodes every packet,
// answers the handshake itself, strikes peers that send what they may not, and
// hands every other message to the server.
class Transport {
public:
    using Clock = std::chrono::steady_clock;
    struct Hooks {
        std::function<void(Peer&, net::ClientMessage&&)> message;  // after the handshake
        std::function<void(Peer&)> disconnected;
        std::function<void()> make_durable;  // before anything queued is sent
    };

    Transport(const Log& log, Hooks hooks);
    ~Transport();
    Transport(const Transport&) = delete;
    Transport& operator=(const Transport&) = delete;

    // Binds the port; peers are answered with `key`. Throws
    // std::runtime_error when it cannot be used.
    void listen(const std::string& bind, std::uint16_t port, int max_peers, int peers_per_address,
                const net::ServerKey& key);
    std::uint16_t port() const { return port_; }
    std::size_t peer_count() const { return peers_.size(); }
    // Peers that have not finished the handshake.
    std::size_t half_open() const { return half_open_; }

    // Waits up to `timeout_ms` for the network, then handles every event that
    // has arrived.
    void service(int timeout_ms);
    // Makes the journals durable, then sends everything queued.
    void flush();

    void send(Peer& peer, const net::ServerMessage& m, std::uint8_t channel = net::kChannelControl,
              bool reliable = true);
    // An acknowledgement, timed from the start of the pass that received its action.
    void send_ack(Peer& peer, const net::Ack& ack);
    // A phase timer (Timer), whose remaining time is what is left when it
    // leaves (after the pass is durable), not when it was queued.
    void send_timer(Peer& peer, const net::Timer& t);
    void error(Peer& peer, net::ErrorCode code, const std::string& message, std::uint32_t request = 0);
    // Counts a decode or protocol error; kMaxStrikes of them disconnect the peer.
    void strike(Peer& peer, const std::string& why);
    void disconnect_later(Peer& peer);
    // Takes back what was queued for the members of `game` in this pass, for a
    // game whose journal could not be made durable: its acknowledgements become
    // refusals with `why`, its errors still go, everything else is dropped.
    void recall(std::uint32_t game, const std::string& why);

    // Receive-to-acknowledge times of the last 10,000 actions, in ms.
    const std::vector<double>& ack_times() const { return ack_ms_; }

private:
    void connected(_ENetPeer* p);
    void received(_ENetPeer* p, const char* data, std::size_t size, std::uint8_t channel);
    void disconnected(_ENetPeer* p);
    void key_exchange(Peer& peer, const std::string& packet);
    void handshake(Peer& peer, const net::Hello& hello);
    // Drops peers that did not finish the handshake in time.
    void drop_idle();
    // Disconnects at once (a forged packet, an idle peer).
    void drop(Peer& peer);

    struct Outgoing {
        _ENetPeer* peer;
        std::uint8_t channel;
        bool reliable;
        std::string bytes;  // plain: sealed for the peer when sent (unless `as_is`)
        bool as_is = false;
        Clock::time_point received{};      // for acknowledgements: when the action arrived
        std::uint32_t game = 0;            // the game the peer was seated in when it was queued
        std::optional<std::uint32_t> ack;  // an acknowledgement: its request number
        bool error = false;
        // A phase timer: its time left is counted again when it is sent, so
        // the time spent making the pass durable is not on the client's count.
        std::optional<net::Timer> timer;
        Clock::time_point queued{};
    };

    const Log& log_;
    Hooks hooks_;
    _ENetHost* host_ = nullptr;
    std::uint16_t port_ = 0;
    net::ServerKey key_;
    std::map<_ENetPeer*, std::unique_ptr<Peer>> peers_;
    std::size_t half_open_ = 0;        // peers without a finished handshake
    std::size_t refused_half_open_ = 0;  // dropped at the cap, oldest first, since the last sweep
    std::size_t dropped_idle_ = 0;       // peers dropped for idling since the last sweep
    Clock::time_point last_sweep_{};
    std::vector<Outgoing> outbox_;
    Clock::time_point pass_started_{};
    std::vector<double> ack_ms_;  // ring of recent receive-to-acknowledge times
    std::size_t ack_next_ = 0;
};

}  // namespace gb
