#include "sounds.hpp"

#include <cmath>
#include <numbers>

namespace gb::client {

namespace {

// A soft sine note with a short attack and an exponential decay.
void note(std::vector<sf::Int16>& out, double freq, double seconds, double gain = 0.35) {
    auto n = static_cast<std::size_t>(seconds * kSampleRate);
    for (std::size_t i = 0; i < n; ++i) {
        double t = double(i) / kSampleRate;
        double env = std::min(1.0, t / 0.008) * std::exp(-t * 7.0);
        out.push_back(static_cast<sf::Int16>(32767 * gain * env * std::sin(2 * std::numbers::pi * freq * t)));
    }
}

void rest(std::vector<sf::Int16>& out, double seconds) {
    out.insert(out.end(), static_cast<std::size_t>(seconds * kSampleRate), 0);
}

}  // namespace

std::vector<sf::Int16> cue_samples(Notice kind) {
    std::vector<sf::Int16> s;
    switch (kind) {
        case Notice::phase: note(s, 523.25, 0.12); note(s, 659.25, 0.22); break;             // C5 E5
        case Notice::report: note(s, 523.25, 0.10); note(s, 659.25, 0.10); note(s, 783.99, 0.28); break;
        case Notice::offer: note(s, 698.46, 0.25); break;                                     // F5
        case Notice::broadcast: note(s, 392.0, 0.14); note(s, 783.99, 0.26); break;           // G4 G5
        case Notice::warning: note(s, 880.0, 0.09); rest(s, 0.06); note(s, 880.0, 0.12); break;
        case Notice::error: note(s, 196.0, 0.25, 0.3); break;
        default: break;
    }
    return s;
}

}  // namespace gb::client
