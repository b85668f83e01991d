// The ENet side of the server: connections, decoding with strikes, the
// version handshake, and the outbox sent after each pass's journal flush.
#include "transport.hpp"

#include <enet/enet.h>

#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "client.hpp"  // enet_once

namespace gb {

using namespace gb::net;

namespace {

constexpr std::size_t kAckSamples = 10000;  // acknowledgement times kept for Stats

std::string address_of(ENetPeer* p) {
    char ip[64] = "?";
    enet_address_get_host_ip(&p->address, ip, sizeof ip);
    return std::string(ip) + ":" + std::to_string(p->address.port);
}

}  // namespace

Transport::Transport(const Log& log, Hooks hooks) : log_(log), hooks_(std::move(hooks)) {}

Transport::~Transport() {
    if (host_) enet_host_destroy(host_);
}

void Transport::listen(const std::string& bind, std::uint16_t port, int max_peers, int peers_per_address,
                       const ServerKey& key) {
    enet_once();
    key_ = key;
    ENetAddress addr;
    if (enet_address_set_host(&addr, bind.c_str()) != 0)
        throw std::runtime_error("cannot resolve bind address '" + bind + "'");
    addr.port = port;
    host_ = enet_host_create(&addr, static_cast<std::size_t>(max_peers), kChannels, 0, 0);
    if (!host_)
        throw std::runtime_error("cannot listen on " + bind + ":" + std::to_string(port) +
                                 " (in use, or not permitted)");
    host_->maximumPacketSize = kMaxPacket + kSealOverhead;
    host_->duplicatePeers = static_cast<std::size_t>(peers_per_address);
    port_ = host_->address.port;
}

void Transport::service(int timeout_ms) {
    ENetEvent ev;
    int r = enet_host_service(host_, &ev, static_cast<enet_uint32>(timeout_ms));
    pass_started_ = Clock::now();
    while (r > 0) {
        switch (ev.type) {
            case ENET_EVENT_TYPE_CONNECT: connected(ev.peer); break;
            case ENET_EVENT_TYPE_RECEIVE:
                received(ev.peer, reinterpret_cast<const char*>(ev.packet->data), ev.packet->dataLength, ev.channelID);
                enet_packet_destroy(ev.packet);
                break;
            case ENET_EVENT_TYPE_DISCONNECT: disconnected(ev.peer); break;
            default: break;
        }
        r = enet_host_check_events(host_, &ev);
    }
    drop_idle();
}

void Transport::drop_idle() {
    auto now = Clock::now();
    if (now - last_sweep_ < std::chrono::milliseconds(250)) return;
    last_sweep_ = now;
    const auto limit = std::chrono::milliseconds(kHandshakeMs);
    std::vector<Peer*> idle;
    if (half_open_ > 0)
        for (auto& [handle, peer] : peers_)
            if (!peer->hello && now - peer->connected_at > limit) idle.push_back(peer.get());
    for (Peer* peer : idle) drop(*peer);
    dropped_idle_ += idle.size();
    if (dropped_idle_ > 0 || refused_half_open_ > 0) {
        log_("dropped " + std::to_string(dropped_idle_) + " peer(s) that did not finish the handshake within " +
             std::to_string(kHandshakeMs / 1000) + " s; refused " + std::to_string(refused_half_open_) +
             " connection(s) while " + std::to_string(kMaxHalfOpen) + " were in their handshake");
        dropped_idle_ = 0;
        refused_half_open_ = 0;
    }
}

void Transport::drop(Peer& peer) {
    ENetPeer* p = peer.handle;
    disconnected(p);  // forgets `peer`
    enet_peer_disconnect_now(p, 0);
}

void Transport::flush() {
    // Durability first: nothing is acknowledged or shown before it is on disk.
    if (hooks_.make_durable) hooks_.make_durable();
    for (auto& o : outbox_) {
        auto it = peers_.find(o.peer);
        if (it == peers_.end()) continue;
        Peer& peer = *it->second;
        if (o.timer) {
            if (o.timer->running) {
                auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - o.queued).count();
                o.timer->remaining_ms = std::max<std::int64_t>(0, o.timer->remaining_ms - waited);
            }
            o.bytes = encode(ServerMessage{*o.timer});
        }
        if (!o.as_is) {
            if (!peer.channel.established()) continue;
            o.bytes = peer.channel.seal(o.channel, o.bytes);
        }
        ENetPacket* pkt =
            enet_packet_create(o.bytes.data(), o.bytes.size(), o.reliable ? ENET_PACKET_FLAG_RELIABLE : 0);
        if (enet_peer_send(o.peer, o.channel, pkt) != 0) enet_packet_destroy(pkt);
        if (o.received != Clock::time_point{}) {
            double ms = std::chrono::duration<double, std::milli>(Clock::now() - o.received).count();
            if (ack_ms_.size() < kAckSamples)
                ack_ms_.push_back(ms);
            else
                ack_ms_[ack_next_++ % ack_ms_.size()] = ms;
        }
    }
    outbox_.clear();
    enet_host_flush(host_);
}

void Transport::send(Peer& peer, const ServerMessage& m, std::uint8_t channel, bool reliable) {
    bool error = std::holds_alternative<Error>(m);
    for (auto& bytes : packets_for(m))
        outbox_.push_back({peer.handle,
                           channel,
                           reliable,
                           std::move(bytes),
                           false,
                           {},
                           peer.game,
                           std::nullopt,
                           error,
                           std::nullopt,
                           {}});
}

void Transport::send_ack(Peer& peer, const Ack& ack) {
    send(peer, ack);
    outbox_.back().received = pass_started_;
    outbox_.back().ack = ack.request;
}

void Transport::send_timer(Peer& peer, const Timer& t) {
    send(peer, t);
    outbox_.back().timer = t;
    outbox_.back().queued = Clock::now();
}

void Transport::recall(std::uint32_t game, const std::string& why) {
    std::vector<Outgoing> kept;
    for (auto& o : outbox_) {
        if (o.game != game || o.error) {
            kept.push_back(std::move(o));
        } else if (o.ack) {
            for (auto& bytes : packets_for(Error{ErrorCode::save_status, *o.ack, why}))
                kept.push_back({o.peer,
                                kChannelControl,
                                true,
                                std::move(bytes),
                                false,
                                {},
                                game,
                                std::nullopt,
                                true,
                                std::nullopt,
                                {}});
        }
    }
    outbox_ = std::move(kept);
}

void Transport::error(Peer& peer, ErrorCode code, const std::string& message, std::uint32_t request) {
    send(peer, Error{code, request, message});
}

void Transport::strike(Peer& peer, const std::string& why) {
    ++peer.strikes;
    log_("error from " + peer.address + ": " + why);
    if (peer.strikes >= static_cast<int>(kMaxStrikes)) {
        log_("disconnecting " + peer.address + " after " + std::to_string(peer.strikes) + " errors");
        flush();
        disconnect_later(peer);
    }
}

void Transport::disconnect_later(Peer& peer) {
    enet_peer_disconnect_later(peer.handle, 0);
}

void Transport::connected(ENetPeer* p) {
    if (half_open_ >= kMaxHalfOpen) {
        // Too many connections are still in their handshake: the one that has
        // waited longest makes room (a real client finishes in a round trip).
        Peer* oldest = nullptr;
        for (auto& [handle, peer] : peers_)
            if (!peer->hello && (!oldest || peer->connected_at < oldest->connected_at)) oldest = peer.get();
        if (oldest) drop(*oldest);
        ++refused_half_open_;
    }
    auto peer = std::make_unique<Peer>();
    peer->handle = p;
    peer->address = address_of(p);
    peer->connected_at = Clock::now();
    enet_peer_timeout(p, 32, kPeerTimeoutMinMs, kPeerTimeoutMaxMs);
    peers_[p] = std::move(peer);
    ++half_open_;
}

void Transport::disconnected(ENetPeer* p) {
    auto it = peers_.find(p);
    if (it == peers_.end()) return;
    if (!it->second->hello) --half_open_;
    if (hooks_.disconnected) hooks_.disconnected(*it->second);
    peers_.erase(it);
}

void Transport::key_exchange(Peer& peer, const std::string& packet) {
    std::string why;
    if (auto answer = answer_handshake(key_, packet, peer.channel, why)) {
        outbox_.push_back({peer.handle,
                           kChannelControl,
                           true,
                           std::move(*answer),
                           true,
                           {},
                           peer.game,
                           std::nullopt,
                           false,
                           std::nullopt,
                           {}});
        return;
    }
    // An older client says a plain Hello first: tell it why it gets nothing.
    try {
        if (std::holds_alternative<Hello>(decode_client(packet.data(), packet.size()))) {
            outbox_.push_back(
                {peer.handle,
                 kChannelControl,
                 true,
                 encode(ServerMessage{Error{ErrorCode::version_mismatch, 0,
                                            "this server speaks protocol version " + std::to_string(kProtocolVersion) +
                                                " (encrypted): update the client"}}),
                 true,
                 {},
                 peer.game,
                 std::nullopt,
                 true,
                 std::nullopt,
                 {}});
            log_("refused " + peer.address + ": an unencrypted client");
            flush();
            disconnect_later(peer);
            return;
        }
    } catch (const std::exception&) {
    }
    log_("dropped " + peer.address + ": " + why);
    drop(peer);
}

void Transport::received(ENetPeer* p, const char* data, std::size_t size, std::uint8_t channel) {
    auto it = peers_.find(p);
    if (it == peers_.end()) return;
    Peer& peer = *it->second;
    if (!peer.channel.established()) {
        key_exchange(peer, std::string(data, size));
        return;
    }
    std::string plain;
    switch (peer.channel.open(channel, std::string(data, size), plain)) {
        case OpenError::none: break;
        case OpenError::replayed: strike(peer, "a replayed packet (counter already seen)"); return;
        case OpenError::malformed:
        case OpenError::forged:
            log_("dropped " + peer.address + ": a packet failed authentication (" + std::to_string(size) +
                 " bytes on channel " + std::to_string(channel) + ")");
            drop(peer);
            return;
    }
    ClientMessage m;
    try {
        m = decode_client(plain.data(), plain.size());
    } catch (const DecodeError& e) {
        error(peer, ErrorCode::malformed, std::string("cannot decode message: ") + e.what());
        strike(peer, std::string("undecodable message (") + std::to_string(plain.size()) + " bytes): " + e.what());
        return;
    }
    try {
        if (auto* h = std::get_if<Hello>(&m)) {
            handshake(peer, *h);
        } else if (!peer.hello) {
            error(peer, ErrorCode::not_seated, "say hello first: only the handshake is accepted before it");
            strike(peer, std::string(message_name(m)) + " before the handshake");
        } else {
            hooks_.message(peer, std::move(m));
        }
    } catch (const std::exception& e) {
        error(peer, ErrorCode::refused, std::string("server error: ") + e.what());
        log_("error handling a message from " + peer.address + ": " + e.what());
    }
}

void Transport::handshake(Peer& peer, const Hello& h) {
    if (h.version != kProtocolVersion) {
        error(peer, ErrorCode::version_mismatch,
              "this server speaks protocol version " + std::to_string(kProtocolVersion) + ", the client " +
                  std::to_string(h.version) + ": update the client or the server");
        log_("refused " + peer.address + ": protocol version " + std::to_string(h.version));
        flush();
        disconnect_later(peer);
        return;
    }
    if (!peer.hello) --half_open_;
    peer.hello = true;
    send(peer, Welcome{kProtocolVersion, "gb-server"});
}

}  // namespace gb
