// Keeping a client's copy of its seat's view in step with the server: the
// server sends only what changed (the view's core when it changed, and the
// tail of each history list), and a digest the client checks after applying.
#pragma once

#include <cstdint>

#include "protocol.hpp"

namespace gb::net {

// The change from one view of a seat to the next, with its digest.
Update make_update(const GameState& before, const GameState& after);

// Applies an update; false when the result's digest does not match (the
// client then asks for a resync).
bool apply_update(GameState& view, const Update& u);

// A digest of a view: its core and the shape of its history lists.
std::uint64_t view_digest(const GameState& v);

// Whether an update carries anything besides its sequence number.
bool empty_update(const Update& u);

}  // namespace gb::net
