// Encoding and bounded decoding of every wire message.
#include <cereal/archives/portable_binary.hpp>
#include <sstream>

#include "protocol.hpp"
#include "serialize.hpp"

namespace gb::net {

template <class Ar>
void serialize(Ar& ar, Hello& m) {
    ar(m.version, m.client);
}
template <class Ar>
void serialize(Ar& ar, CreateGame& m) {
    ar(m.scenario, m.seed, m.name);
}
template <class Ar>
void serialize(Ar&, ListGames&) {}
template <class Ar>
void serialize(Ar&, ServerStats&) {}
template <class Ar>
void serialize(Ar& ar, CloseGame& m) {
    ar(m.control_code);
}
template <class Ar>
void serialize(Ar& ar, JoinGame& m) {
    ar(m.code, m.role, m.team, m.name, m.bot);
}
template <class Ar>
void serialize(Ar& ar, ResumeSeat& m) {
    ar(m.token, m.bot);
}
template <class Ar>
void serialize(Ar& ar, Act& m) {
    ar(m.request, m.action);
}
template <class Ar>
void serialize(Ar&, ResyncRequest&) {}
template <class Ar>
void serialize(Ar& ar, Pointer& m) {
    ar(m.x, m.y);
}
template <class Ar>
void serialize(Ar& ar, ForkGame& m) {
    ar(m.scenario, m.seed, m.name, m.parent, m.parent_point, m.parent_hash, m.scenario_files, m.actions, m.last);
}

template <class Ar>
void serialize(Ar& ar, Welcome& m) {
    ar(m.version, m.server);
}
template <class Ar>
void serialize(Ar& ar, Error& m) {
    ar(m.code, m.request, m.message);
}
template <class Ar>
void serialize(Ar& ar, GameCreated& m) {
    ar(m.game, m.join_code, m.control_code);
}
template <class Ar>
void serialize(Ar& ar, GameEntry& m) {
    ar(m.game, m.name, m.scenario, m.turn, m.phase, m.players, m.bots, m.control, m.observers, m.join_code);
}
template <class Ar>
void serialize(Ar& ar, GameList& m) {
    ar(m.games);
}
template <class Ar>
void serialize(Ar& ar, Stats& m) {
    ar(m.games, m.peers, m.actions_per_second, m.resident_bytes, m.actions_total, m.ack_p50_ms, m.ack_p99_ms);
}
template <class Ar>
void serialize(Ar& ar, Closed& m) {
    ar(m.game);
}
template <class Ar>
void serialize(Ar& ar, Seated& m) {
    ar(m.game, m.seat, m.token, m.scenario, m.scenario_hash, m.seq, m.view);
}
template <class Ar>
void serialize(Ar& ar, Ack& m) {
    ar(m.request, m.journal_seq);
}
template <class Ar>
void serialize(Ar& ar, Update& m) {
    ar(m.seq, m.core, m.reports_from, m.reports, m.messages_from, m.messages, m.offers_from, m.offers, m.notes_from,
       m.notes, m.events, m.view_hash);
}
template <class Ar>
void serialize(Ar& ar, PointerEcho& m) {
    ar(m.player, m.name, m.x, m.y);
}
template <class Ar>
void serialize(Ar& ar, Presence& m) {
    ar(m.online);
}
template <class Ar>
void serialize(Ar& ar, Pass& m) {
    ar(m.move);
}
template <class Ar>
void serialize(Ar& ar, YourMove& m) {
    ar(m.move);
}
template <class Ar>
void serialize(Ar& ar, Fragment& m) {
    ar(m.total, m.bytes);
}

std::string encode(const ClientMessage& m) {
    return portable_bytes(m);
}
std::string encode(const ServerMessage& m) {
    return portable_bytes(m);
}

ClientMessage decode_client(const char* data, std::size_t size) {
    if (size > kMaxPacket) throw DecodeError("message larger than " + std::to_string(kMaxPacket) + " bytes");
    ClientMessage m;
    bounded_decode(data, size, m);
    return m;
}

std::vector<std::string> packets_for(const ServerMessage& m) {
    std::string whole = encode(m);
    if (whole.size() <= kMaxPacket) return {std::move(whole)};
    std::vector<std::string> out;
    for (std::size_t at = 0; at < whole.size(); at += kFragmentBytes) {
        Fragment f;
        f.total = static_cast<std::uint32_t>(whole.size());
        f.bytes = whole.substr(at, kFragmentBytes);
        out.push_back(encode(ServerMessage{std::move(f)}));
    }
    return out;
}

ServerMessage decode_server(const char* data, std::size_t size) {
    ServerMessage m;
    bounded_decode(data, size, m);
    return m;
}

const char* message_name(const ClientMessage& m) {
    static constexpr const char* names[] = {"hello",      "create_game", "list_games",  "server_stats",
                                            "close_game", "join_game",   "resume_seat", "act",
                                            "resync",     "pointer",     "fork_game",  "pass"};
    static_assert(std::size(names) == std::variant_size_v<ClientMessage>);
    return names[m.index()];
}

const char* message_name(const ServerMessage& m) {
    static constexpr const char* names[] = {"welcome", "error", "game_created", "game_list",    "stats",    "closed",
                                            "seated",  "ack",   "update",       "pointer_echo", "fragment", "presence",
                                            "your_move"};
    static_assert(std::size(names) == std::variant_size_v<ServerMessage>);
    return names[m.index()];
}

}  // namespace gb::net
