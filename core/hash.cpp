// The state hash: FNV-1a over the portable binary serialization of the state.
#include "serialize.hpp"

namespace gb {

std::uint64_t state_hash(const GameState& g) {
    struct Hashing {
        Hashing() { detail::hashing_state = true; }
        ~Hashing() { detail::hashing_state = false; }
    } hashing;
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : portable_bytes(g)) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::uint64_t play_hash(const GameState& g) {
    GameState played = g;
    played.players.clear();
    played.lead = {};
    played.bot = {};
    played.actions_applied = 0;
    return state_hash(played);
}

}  // namespace gb
