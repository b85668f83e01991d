// One short cue per kind of notice, synthesised in code (no sound files):
// a phase change, the report's release, an answer to an offer, a White Cell
// broadcast, a countdown warning, an error. Off while muted; the audio
// device is opened only when a cue first plays.
#pragma once

#include <SFML/Config.hpp>
#include <array>
#include <memory>
#include <vector>

#include "toasts.hpp"

namespace gb::client {

// The samples of a notice's cue (mono, 16-bit, kSampleRate); empty for none.
std::vector<sf::Int16> cue_samples(Notice kind);
constexpr unsigned kSampleRate = 22050;

class Sounds {
public:
    Sounds();
    ~Sounds();
    void play(Notice kind);
    bool muted = true;

private:
    // Made on the first cue only: SFML's sound objects open the audio device
    // (client/sound_device.cpp; client/sound_device_none.cpp where there is no audio).
    struct Voices;
    std::unique_ptr<Voices> v_;
};

}  // namespace gb::client
