// One connection to the server: what the transport knows of it (address,
// handshake, strikes) and the seat it holds in a game, if any.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "protocol.hpp"
#include "secure_channel.hpp"
#include "state.hpp"

struct _ENetPeer;

namespace gb {

struct ForkUpload;  // fork.hpp

struct Peer {
    // The connection, kept by the transport.
    _ENetPeer* handle = nullptr;
    std::string address;
    std::chrono::steady_clock::time_point connected_at{};
    net::SecureChannel channel;  // set up by the key exchange
    bool hello = false;          // the handshake (key exchange, then Hello) is done
    int strikes = 0;             // decode and protocol errors so far

    // The seat, kept by the lobby and the live game.
    std::uint32_t game = 0;  // 0: not seated
    std::uint32_t player = 0;
    Seat seat;
    std::uint32_t out_seq = 0;         // the last Update's sequence number
    GameState last_view;               // the view the seat's client holds
    std::shared_ptr<ForkUpload> fork;  // a fork arriving in pieces (spooled to a temporary file)
    bool bot = false;                  // a bot seat: acts only when asked (YourMove)
    // Chat allowance (a token bucket): messages it may send now, and when it was last topped up.
    double chat_allowance = -1;  // -1: full
    std::chrono::steady_clock::time_point chat_topped{};
};

}  // namespace gb
