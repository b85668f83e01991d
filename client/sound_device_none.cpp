// Sounds where the build has no audio module (the Windows build: OpenAL's source
// is not among the Debian sources it is built from): the cues stay silent, muted or not.
#include "sounds.hpp"

namespace gb::client {

struct Sounds::Voices {};

Sounds::Sounds() = default;
Sounds::~Sounds() = default;

void Sounds::play(Notice) {}

}  // namespace gb::client
