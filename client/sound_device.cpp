// Sounds through SFML's audio module (OpenAL): the device is opened on the first cue.
#include "sounds.hpp"

#include <SFML/Audio.hpp>

namespace gb::client {

struct Sounds::Voices {
    std::array<sf::SoundBuffer, 7> buffers;
    std::array<sf::Sound, 4> voices;
    std::size_t next = 0;
};

Sounds::Sounds() = default;
Sounds::~Sounds() = default;

void Sounds::play(Notice kind) {
    if (muted) return;
    if (!v_) {
        v_ = std::make_unique<Voices>();
        for (int k = 0; k < 7; ++k) {
            auto samples = cue_samples(static_cast<Notice>(k));
            if (!samples.empty()) v_->buffers[k].loadFromSamples(samples.data(), samples.size(), 1, kSampleRate);
        }
    }
    const sf::SoundBuffer& b = v_->buffers[static_cast<std::size_t>(kind)];
    if (b.getSampleCount() == 0) return;
    sf::Sound& s = v_->voices[v_->next++ % v_->voices.size()];
    s.setBuffer(b);
    s.play();
}

}  // namespace gb::client
