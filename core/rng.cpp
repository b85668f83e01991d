// PCG32 and the range mapping used for every die in the game.
#include "rng.hpp"

namespace gb {

Rng Rng::seeded(std::uint64_t seed, std::uint64_t stream) {
    Rng r;
    r.state = 0;
    r.inc = (stream << 1u) | 1u;
    r.next();
    r.state += seed;
    r.next();
    return r;
}

std::uint32_t Rng::next() {
    std::uint64_t old = state;
    state = old * 6364136223846793005ULL + inc;
    auto xorshifted = static_cast<std::uint32_t>(((old >> 18u) ^ old) >> 27u);
    auto rot = static_cast<std::uint32_t>(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
}

std::uint32_t Rng::below(std::uint32_t n) {
    // Reject the top partial block so every residue is equally likely.
    std::uint32_t threshold = (0u - n) % n;
    for (;;) {
        std::uint32_t r = next();
        if (r >= threshold) return r % n;
    }
}

std::uint64_t mix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

}  // namespace gb
