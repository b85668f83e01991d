// libFuzzer target: the wire decoders must reject malformed bytes with a
// DecodeError, never crash or allocate without bound; whatever decodes must
// survive an encode/decode round trip unchanged.
#include <cstdint>
#include <string>

#include "bounded_archive.hpp"
#include "protocol.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const char* bytes = reinterpret_cast<const char*>(data);
    try {
        gb::net::ClientMessage m = gb::net::decode_client(bytes, size);
        std::string again = gb::net::encode(m);
        gb::net::ClientMessage m2 = gb::net::decode_client(again.data(), again.size());
        if (gb::net::encode(m2) != again) __builtin_trap();
    } catch (const gb::DecodeError&) {
    }
    try {
        gb::net::ServerMessage m = gb::net::decode_server(bytes, size);
        (void)gb::net::encode(m);
    } catch (const gb::DecodeError&) {
    }
    return 0;
}
