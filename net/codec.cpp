// Encoding and bounded decoding of every wire message, through each
// message's one field list (protocol.hpp): no field is named here.
#include <cereal/archives/portable_binary.hpp>
#include <sstream>
#include <type_traits>
#include <utility>

#include "protocol.hpp"
#include "serialize.hpp"

namespace gb::net {

// Hands each field of a message to a cereal archive, in declaration order.
template <class Ar>
struct CerealFields {
    Ar& ar;
    template <class T>
    void operator()(const char*, T& member) {
        ar(member);
    }
    template <class T>
    void operator()(const char*, T& member, const Limit&) {
        ar(member);
    }
};

// cereal's serialize for every type declared with fields(): found by ADL, so
// the same declaration encodes and (bounded) decodes.
template <class Ar, class M>
auto serialize(Ar& ar, M& m) -> decltype(m.fields(std::declval<CerealFields<Ar>&>())) {
    CerealFields<Ar> f{ar};
    m.fields(f);
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
    return std::visit([](const auto& x) { return std::decay_t<decltype(x)>::kName; }, m);
}

const char* message_name(const ServerMessage& m) {
    return std::visit([](const auto& x) { return std::decay_t<decltype(x)>::kName; }, m);
}

}  // namespace gb::net
