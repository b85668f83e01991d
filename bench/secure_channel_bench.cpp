// Prints what the secure channel costs per packet and per handshake on this
// machine: seal and open of packets the size of an order's acknowledgement,
// an update and a full view, one key exchange (both ends), and a journal record
// chained and signed (what each flush of a signed journal adds).
#include <chrono>
#include <cstdio>
#include <string>

#include "journal_signing.hpp"
#include "secure_channel.hpp"

using namespace gb::net;
using Clock = std::chrono::steady_clock;

int main() {
    ServerKey key = generate_server_key();
    SecureChannel client, server;
    {
        ClientHandshake hs;
        std::string why;
        Key seen{};
        auto answer = answer_handshake(key, hs.hello(), server, why);
        if (!answer || !hs.finish(*answer, client, seen).empty()) return 1;
    }
    for (std::size_t size : {64u, 400u, 20000u}) {
        std::string plain(size, 'x'), out;
        const int n = size > 1000 ? 2000 : 100000;
        auto t0 = Clock::now();
        for (int i = 0; i < n; ++i) {
            std::string sealed = server.seal(0, plain);
            if (client.open(0, sealed, out) != OpenError::none) return 1;
        }
        double us = std::chrono::duration<double, std::micro>(Clock::now() - t0).count() / n;
        std::printf("seal + open, %5zu bytes: %.2f us\n", size, us);
    }
    const int n = 2000;
    auto t0 = Clock::now();
    for (int i = 0; i < n; ++i) {
        ClientHandshake hs;
        SecureChannel c, s;
        std::string why;
        Key seen{};
        auto answer = answer_handshake(key, hs.hello(), s, why);
        if (!answer || !hs.finish(*answer, c, seen).empty()) return 1;
    }
    std::printf("key exchange, both ends: %.1f us\n",
                std::chrono::duration<double, std::micro>(Clock::now() - t0).count() / n);
    // A journal's flush: one 300-byte record taken into the chain, then signed.
    gb::JournalSigner signer = gb::JournalSigner::generate();
    gb::JournalChain chain = gb::chain_start("header");
    std::string record(300, 'r');
    t0 = Clock::now();
    for (int i = 0; i < n; ++i) {
        chain = gb::chain_next(chain, record.data(), record.size());
        gb::Signature sig = signer.sign(chain, static_cast<std::uint64_t>(i));
        if (sig[0] == 0 && sig[1] == 0 && sig[2] == 0 && sig[3] == 0) std::printf(" ");
    }
    std::printf("journal record chained and signed: %.1f us\n",
                std::chrono::duration<double, std::micro>(Clock::now() - t0).count() / n);
    return 0;
}
