// libFuzzer target: the handshake and the packet opener take any bytes from
// the network. Each must refuse what is not genuine (never crash, never
// accept a forged answer or packet) and the server must answer any valid hello.
#include <cstdint>
#include <string>

#include "secure_channel.hpp"

using namespace gb::net;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const ServerKey key = generate_server_key();
    const std::string bytes(reinterpret_cast<const char*>(data), size);

    // The server reading a client's first packet.
    SecureChannel server;
    std::string why;
    auto answer = answer_handshake(key, bytes, server, why);
    if (answer && (answer->size() != kAnswerSize || !server.established())) __builtin_trap();

    // A client reading a server's answer: random bytes never prove a key.
    ClientHandshake hs;
    SecureChannel client;
    Key seen{};
    if (hs.finish(bytes, client, seen).empty()) __builtin_trap();

    // An established channel opening a packet that was never sealed by its peer.
    if (answer) {
        std::string plain;
        for (std::uint8_t channel = 0; channel < kPacketChannels + 1; ++channel)
            if (server.open(channel, bytes, plain) == OpenError::none) __builtin_trap();
    }
    return 0;
}
