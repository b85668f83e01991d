// The tests' own statement of who may read what: written independently of
// core/view.cpp so the property and integration tests check the views
// against it rather than against themselves.
#pragma once

#include <cstdint>

#include "state.hpp"

namespace gbt_oracle {

// Whether a seat knowing the teams in `known` (bit per team) may read a message.
inline bool may_read(const gb::Message& m, std::uint8_t known) {
    using gb::ChatChannel;
    auto k = [&](gb::Team t) { return ((known >> gb::idx(t)) & 1u) != 0; };
    switch (m.channel) {
        case ChatChannel::all:
        case ChatChannel::broadcast: return true;
        case ChatChannel::team: return m.role == gb::SeatRole::team && k(m.from);
        case ChatChannel::control: return k(m.role == gb::SeatRole::team ? m.from : m.to);
        case ChatChannel::bilateral: return k(m.from) || k(m.to);
    }
    return false;
}

// Whether such a seat may see an offer: it must be a party to it.
inline bool may_see(const gb::Offer& o, std::uint8_t known) {
    return (((known >> gb::idx(o.from)) | (known >> gb::idx(o.to))) & 1u) != 0;
}

}  // namespace gbt_oracle
