// Client connections and seat sessions.
#include "client.hpp"

#include <enet/enet.h>

#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "bounded_archive.hpp"
#include "scenario_archive.hpp"
#include "server_trust.hpp"
#include "view_sync.hpp"

namespace gb::net {

using Clock = std::chrono::steady_clock;

void enet_once() {
    static bool ok = [] {
        if (enet_initialize() != 0) throw std::runtime_error("cannot initialise ENet");
        std::atexit(enet_deinitialize);
        return true;
    }();
    (void)ok;
}

bool parse_endpoint(const std::string& text, std::string& host, std::uint16_t& port) {
    std::string s = text, pin;
    if (auto hash = text.find('#'); hash != std::string::npos) {
        s = text.substr(0, hash);
        pin = text.substr(hash + 1);
        if (!valid_pin(pin)) return false;
    }
    auto colon = s.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 >= s.size()) return false;
    host = s.substr(0, colon);
    long v = 0;
    for (char c : s.substr(colon + 1)) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
        if (v > 65535) return false;
    }
    if (v == 0) return false;
    port = static_cast<std::uint16_t>(v);
    if (!pin.empty()) pin_server(host, port, pin);
    return true;
}

ClientHost::ClientHost(std::size_t peers) {
    enet_once();
    host_ = enet_host_create(nullptr, peers, kChannels, 0, 0);
    if (!host_) throw std::runtime_error("cannot create a network host for " + std::to_string(peers) + " peers");
}

ClientHost::~ClientHost() {
    if (host_) enet_host_destroy(host_);
}

void ClientHost::service(Millis timeout) {
    ENetEvent ev;
    int r = enet_host_service(host_, &ev, static_cast<enet_uint32>(std::max<long long>(0, timeout.count())));
    while (r > 0) {
        auto* c = static_cast<Connection*>(ev.peer->data);
        switch (ev.type) {
            case ENET_EVENT_TYPE_CONNECT:
                if (c) c->connected_ = true;
                break;
            case ENET_EVENT_TYPE_DISCONNECT:
                if (c) c->peer_ = nullptr;
                ev.peer->data = nullptr;
                break;
            case ENET_EVENT_TYPE_RECEIVE:
                if (c)
                    c->receive(std::string(reinterpret_cast<const char*>(ev.packet->data), ev.packet->dataLength),
                               ev.channelID);
                enet_packet_destroy(ev.packet);
                break;
            default: break;
        }
        r = enet_host_check_events(host_, &ev);
    }
}

Connection::Connection(ClientHost* shared) : shared_(shared) {
    enet_once();
}

Connection::~Connection() {
    close();
}

ENetHost* Connection::host() const {
    return shared_ ? shared_->host_ : host_;
}

void Connection::service(Millis timeout) {
    if (shared_) {
        shared_->service(timeout);
        return;
    }
    if (!host_) return;
    ENetEvent ev;
    int r = enet_host_service(host_, &ev, static_cast<enet_uint32>(std::max<long long>(0, timeout.count())));
    while (r > 0) {
        if (ev.type == ENET_EVENT_TYPE_CONNECT) connected_ = true;
        if (ev.type == ENET_EVENT_TYPE_DISCONNECT) peer_ = nullptr;
        if (ev.type == ENET_EVENT_TYPE_RECEIVE) {
            receive(std::string(reinterpret_cast<const char*>(ev.packet->data), ev.packet->dataLength), ev.channelID);
            enet_packet_destroy(ev.packet);
        }
        r = enet_host_check_events(host_, &ev);
    }
}

std::string Connection::open(const std::string& host_name, std::uint16_t port, Millis timeout, bool hello) {
    close();
    hello_rtt_ms_.reset();
    least_rtt_ms_ = UINT32_MAX;
    if (!shared_) {
        host_ = enet_host_create(nullptr, 1, kChannels, 0, 0);
        if (!host_) return "cannot create a network host";
    }
    ENetAddress addr;
    if (enet_address_set_host(&addr, host_name.c_str()) != 0) {
        close();
        return "cannot resolve '" + host_name + "'";
    }
    addr.port = port;
    peer_ = enet_host_connect(host(), &addr, kChannels, 0);
    if (!peer_) {
        close();
        return "cannot connect";
    }
    peer_->data = this;
    auto until = Clock::now() + timeout;
    while (!connected_ && peer_ && Clock::now() < until) service(Millis(20));
    if (!connected_) {
        if (peer_) {
            peer_->data = nullptr;
            enet_peer_reset(peer_);
        }
        peer_ = nullptr;
        close();
        return "no answer from " + host_name + ":" + std::to_string(port);
    }
    enet_peer_timeout(peer_, 32, 3000, 8000);
    if (auto err = secure(host_name, port, until); !err.empty()) {
        close();
        return err;
    }
    if (!hello) return {};
    auto asked = Clock::now();
    auto reply = request(Hello{kProtocolVersion, "gb"}, timeout);
    hello_rtt_ms_ =
        static_cast<std::uint32_t>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - asked).count());
    if (!reply) {
        close();
        return "no handshake from " + host_name + ":" + std::to_string(port);
    }
    if (auto* e = std::get_if<Error>(&*reply)) {
        close();
        return e->message;
    }
    if (!std::holds_alternative<Welcome>(*reply)) {
        close();
        return "unexpected handshake reply";
    }
    return {};
}

std::string Connection::secure(const std::string& host_name, std::uint16_t port, Clock::time_point until) {
    ClientHandshake hs;
    handshake_answer_.reset();
    send_packet(hs.hello(), kChannelControl, true);
    while (!handshake_answer_ && peer_ && Clock::now() < until) service(Millis(10));
    const std::string where = host_name + ":" + std::to_string(port);
    if (!handshake_answer_) return "no key exchange from " + where;
    if (handshake_answer_->compare(0, 4, kHandshakeMagic, 4) != 0) {
        // An older server answers in plain messages; show what it said.
        try {
            ServerMessage m = decode_server(handshake_answer_->data(), handshake_answer_->size());
            if (auto* e = std::get_if<Error>(&m)) return where + ": " + e->message;
        } catch (const std::exception&) {
        }
        return where + " does not speak the encrypted protocol (an older server?)";
    }
    SecureChannel channel;
    Key key{};
    if (auto err = hs.finish(*handshake_answer_, channel, key); !err.empty()) return where + ": " + err;
    if (auto err = check_server_key(host_name, port, key); !err.empty()) return err;
    channel_ = channel;
    server_key_ = key;
    return {};
}

std::uint32_t Connection::round_trip_ms() const {
    if (!peer_) return 0;
    // ENet's estimate starts at 500 ms and eases toward the real one by an
    // eighth per acknowledgement; the Hello's own round trip is measured, but
    // includes the server's work on it (a server that has just restarted is
    // slow). The least seen on this connection is the network's share.
    std::uint32_t now = hello_rtt_ms_ ? std::min<std::uint32_t>(peer_->roundTripTime, *hello_rtt_ms_) : peer_->roundTripTime;
    least_rtt_ms_ = std::min(least_rtt_ms_, now);
    return least_rtt_ms_;
}

std::string Connection::server_fingerprint() const {
    return channel_.established() ? fingerprint(server_key_) : std::string();
}

void Connection::send_packet(const std::string& bytes, std::uint8_t channel, bool reliable) {
    if (!peer_) return;
    ENetPacket* p = enet_packet_create(bytes.data(), bytes.size(), reliable ? ENET_PACKET_FLAG_RELIABLE : 0);
    if (enet_peer_send(peer_, channel, p) != 0) enet_packet_destroy(p);
    enet_host_flush(host());
}

void Connection::send_sealed(const std::string& plain, std::uint8_t channel, bool reliable) {
    if (!peer_ || !channel_.established()) return;
    std::string sealed = channel_.seal(channel, plain);
    if (on_sealed) on_sealed(sealed, channel);
    send_packet(sealed, channel, reliable);
}

void Connection::drop(const std::string& why) {
    if (peer_) {
        peer_->data = nullptr;
        enet_peer_disconnect_now(peer_, 0);
        peer_ = nullptr;
    }
    queue_.push_back(Error{ErrorCode::malformed, 0, why});
}

void Connection::close() {
    if (peer_) {
        peer_->data = nullptr;
        enet_peer_disconnect_now(peer_, 0);
        peer_ = nullptr;
    }
    if (host_) {
        enet_host_destroy(host_);
        host_ = nullptr;
    }
    connected_ = false;
    channel_ = SecureChannel();
    handshake_answer_.reset();
    fragments_.clear();
    fragment_total_ = 0;
    queue_.clear();
}

void Connection::send(const ClientMessage& m, std::uint8_t channel, bool reliable) {
    send_sealed(encode(m), channel, reliable);
}

void Connection::send_raw(const std::string& bytes, std::uint8_t channel) {
    send_sealed(bytes, channel, true);
}

void Connection::send_as_is(const std::string& bytes, std::uint8_t channel) {
    send_packet(bytes, channel, true);
}

void Connection::receive(const std::string& packet, std::uint8_t channel) {
    if (!channel_.established()) {
        // The key exchange's answer; anything before it is ignored.
        if (!handshake_answer_) handshake_answer_ = packet;
        return;
    }
    std::string bytes;
    switch (channel_.open(channel, packet, bytes)) {
        case OpenError::none: break;
        case OpenError::replayed: ++packets_rejected; return;
        case OpenError::malformed:
        case OpenError::forged:
            ++packets_rejected;
            drop("a packet from the server failed authentication: the connection is closed");
            return;
    }
    ++packets_received;
    if (on_packet) on_packet(bytes);
    try {
        ServerMessage m = decode_server(bytes.data(), bytes.size());
        if (auto* f = std::get_if<Fragment>(&m)) {
            if (f->total > kMaxMessage) throw DecodeError("fragmented message too large");
            if (fragments_.empty()) fragment_total_ = f->total;
            fragments_ += f->bytes;
            if (fragments_.size() >= fragment_total_) {
                std::string whole = std::move(fragments_);
                fragments_.clear();
                queue_.push_back(decode_server(whole.data(), whole.size()));
            }
        } else {
            queue_.push_back(std::move(m));
        }
    } catch (const std::exception& e) {
        queue_.push_back(
            Error{ErrorCode::malformed, 0, std::string("undecodable message from the server: ") + e.what()});
    }
}

std::optional<ServerMessage> Connection::poll(Millis timeout) {
    auto until = Clock::now() + timeout;
    if (queue_.empty() && peer_ && (!shared_ || timeout.count() > 0)) {
        service(Millis(0));
        while (queue_.empty() && peer_ && Clock::now() < until)
            service(std::chrono::duration_cast<Millis>(until - Clock::now()));
    }
    if (queue_.empty()) return std::nullopt;
    ServerMessage m = std::move(queue_.front());
    queue_.pop_front();
    return m;
}

std::optional<ServerMessage> Connection::request(const ClientMessage& m, Millis timeout) {
    send(m);
    auto until = Clock::now() + timeout;
    while (Clock::now() < until && is_open()) {
        auto left = std::chrono::duration_cast<Millis>(until - Clock::now());
        auto r = poll(std::max(left, Millis(1)));
        if (!r) continue;
        if (std::holds_alternative<Update>(*r) || std::holds_alternative<PointerEcho>(*r) ||
            std::holds_alternative<Presence>(*r) || std::holds_alternative<Timer>(*r))
            continue;
        return r;
    }
    return std::nullopt;
}

// ------------------------------------------------------------------ seat session

std::string SeatSession::join(const std::string& host, std::uint16_t port, const JoinGame& join, Millis timeout) {
    host_ = host;
    port_ = port;
    bot_ = join.bot;
    your_move = 0;
    if (auto err = conn_.open(host, port, timeout); !err.empty()) return err;
    conn_.send(join);
    return wait_seated(timeout);
}

std::string SeatSession::resume(Millis timeout) {
    if (token_.empty()) return "no resume token";
    if (auto err = conn_.open(host_, port_, timeout); !err.empty()) return err;
    seated_ = false;
    your_move = 0;  // the server asks again once the seat is back
    // The token itself never travels: only a proof over this session's keys.
    ResumeSeat m;
    m.bot = bot_;
    m.proof = resume_proof(token_, conn_.session_binding());
    conn_.send(m);
    return wait_seated(timeout);
}

std::string SeatSession::reconnect(Millis budget) {
    auto until = Clock::now() + budget;
    Millis wait(250);
    std::string last = "not tried";
    while (Clock::now() < until) {
        last = resume(Millis(2000));
        if (last.empty()) return {};
        if (last.find("unknown resume token") != std::string::npos ||
            last.find("removed by the White Cell") != std::string::npos)
            return last;  // retrying will not help
        std::this_thread::sleep_for(std::min(wait, std::chrono::duration_cast<Millis>(until - Clock::now())));
        wait = std::min(wait * 2, Millis(4000));
    }
    return "gave up after " + std::to_string(budget.count() / 1000) + " s: " + last;
}

std::string SeatSession::wait_seated(Millis timeout) {
    seat_error_.clear();
    auto until = Clock::now() + timeout;
    while (!seated_ && Clock::now() < until) {
        if (!pump(Millis(50))) return seat_error_.empty() ? "connection lost" : seat_error_;
        if (!seat_error_.empty()) return seat_error_;
    }
    return seated_ ? std::string() : "no seat within the time allowed";
}

std::uint32_t SeatSession::act(const Action& a) {
    std::uint32_t r = next_request_++;
    conn_.send(Act{r, a}, std::holds_alternative<Chat>(a) ? kChannelChat : kChannelControl);
    return r;
}

bool SeatSession::pump_some(Millis timeout) {
    if (!conn_.is_open()) return false;
    if (auto m = conn_.poll(timeout)) {
        handle(std::move(*m));
        while (auto more = conn_.poll(Millis(0))) handle(std::move(*more));
    }
    return conn_.is_open();
}

std::optional<std::int64_t> SeatSession::timer_left_ms() const {
    if (!phase_timer || phase_timer->turn != view_.turn || phase_timer->phase != view_.phase) return std::nullopt;
    if (!phase_timer->running) {
        if (phase_timer->left_ms < 0) return std::nullopt;
        return phase_timer->left_ms;
    }
    // Half the round trip is taken off with the best estimate known now, not
    // the one at receipt: a reconnection's first estimates run high.
    auto deadline = phase_timer->received + Millis(phase_timer->left_ms) - Millis(conn_.round_trip_ms() / 2);
    auto left = std::chrono::duration_cast<Millis>(deadline - Clock::now()).count();
    return std::max<std::int64_t>(0, left);
}

std::uint32_t SeatSession::answer_move(const Action& a) {
    your_move = 0;
    return act(a);
}

void SeatSession::pass_move() {
    conn_.send(Pass{your_move});
    your_move = 0;
}

bool SeatSession::pump(Millis timeout) {
    if (!conn_.is_open()) return false;
    auto until = Clock::now() + timeout;
    bool first = true;
    while (first || Clock::now() < until) {
        first = false;
        auto m =
            conn_.poll(std::chrono::duration_cast<Millis>(std::max(Clock::duration::zero(), until - Clock::now())));
        if (!m) break;
        handle(std::move(*m));
    }
    return conn_.is_open();
}

void SeatSession::handle(ServerMessage&& m) {
    if (auto* s = std::get_if<Seated>(&m)) {
        if (!scenario_ || scenario_->id != s->scenario || scenario_->content_hash != s->scenario_hash) {
            // The shipped scenario, or an archived set's for a game played with older rules.
            ScenarioSearch found = find_scenario(s->scenario, s->scenario_hash);
            if (!found.loaded.scenario) {
                seat_error_ = "the server's scenario is not here: " + found.error;
                return;
            }
            scenario_ = found.loaded.scenario;
        }
        view_ = std::move(s->view);
        view_.scenario = scenario_;
        seat_ = s->seat;
        game_ = s->game;
        if (!s->token.empty()) token_ = s->token;
        seq_ = s->seq;
        seated_ = true;
        awaiting_resync_ = false;
        if (on_seated) on_seated();
    } else if (auto* u = std::get_if<Update>(&m)) {
        if (!seated_ || awaiting_resync_) return;
        if (u->seq != seq_ + 1 || !apply_update(view_, *u)) {
            // A gap or a diverging copy: ask for the whole view again.
            awaiting_resync_ = true;
            ++resyncs;
            conn_.send(ResyncRequest{});
            return;
        }
        seq_ = u->seq;
        ++updates;
        if (on_update) on_update(*u);
    } else if (auto* a = std::get_if<Ack>(&m)) {
        acks[a->request] = a->journal_seq;
    } else if (auto* e = std::get_if<Error>(&m)) {
        if (e->request) refusals[e->request] = e->message;
        if (!seated_) seat_error_ = e->message;
        if (on_error) on_error(*e);
    } else if (auto* p = std::get_if<PointerEcho>(&m)) {
        if (on_pointer) on_pointer(*p);
    } else if (auto* pr = std::get_if<Presence>(&m)) {
        online.assign(pr->online.begin(), pr->online.end());
    } else if (auto* y = std::get_if<YourMove>(&m)) {
        your_move = y->move;
    } else if (auto* t = std::get_if<Timer>(&m)) {
        PhaseTimer next{t->turn, t->phase, t->running, Clock::now(), t->remaining_ms};
        // The server repeats a running timer's time left. A message read late
        // (a busy frame) only makes the deadline look later, so of two for the
        // same phase that differ by less than a real change would, the earlier
        // deadline stands; a White Cell's new timer moves it by more.
        auto ends = [](const PhaseTimer& p) { return p.received + Millis(p.left_ms); };
        bool same = phase_timer && phase_timer->running && next.running && phase_timer->turn == next.turn &&
                    phase_timer->phase == next.phase;
        if (!(same && ends(next) > ends(*phase_timer) && ends(next) - ends(*phase_timer) < std::chrono::seconds(2)))
            phase_timer = next;
    } else if (std::holds_alternative<Closed>(m)) {
        closed = true;
        seated_ = false;
    }
}

}  // namespace gb::net
