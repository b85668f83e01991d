// The game's random number generator. It lives inside the game state, so the
// same seed and actions give the same dice on every build and library.
#pragma once

#include <cstdint>

namespace gb {

// PCG-XSH-RR 32-bit output, 64-bit state, with our own unbiased range mapping
// (no std:: distributions, whose results differ between standard libraries).
struct Rng {
    std::uint64_t state = 0x853c49e6748fea9bULL;
    std::uint64_t inc = 0xda3e39cb94b95bdbULL;

    static Rng seeded(std::uint64_t seed, std::uint64_t stream = 54);
    std::uint32_t next();
    // Uniform in [0, n); n > 0. Rejection sampling, no modulo bias.
    std::uint32_t below(std::uint32_t n);
    // One six-sided die, 1..6.
    int d6() { return static_cast<int>(below(6)) + 1; }

    bool operator==(const Rng&) const = default;
    template <class Ar>
    void serialize(Ar& ar) {
        ar(state, inc);
    }
};

// Mixes a 64-bit value; used to derive independent seeds (games, bots).
std::uint64_t mix64(std::uint64_t x);

}  // namespace gb
