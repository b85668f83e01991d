// Seat views: exactly what one seat may know of a game. The server only ever
// sends views and view-filtered events.
#pragma once

#include <vector>

#include "state.hpp"

namespace gb {

// The state as the seat may see it. Hidden parts are emptied: other teams'
// drafts, orders and hands, private chat and offers, the deck's order, the
// draft report and the board it produced, bookmarks and inject-queue notes,
// the seed and the RNG.
GameState view(const GameState& g, const Seat& seat);

// Whether an event may reach the seat.
bool visible(const GameState& g, const Event& e, const Seat& seat);

// The teams whose knowledge the seat shares (bit per team); the White Cell
// and the system see everything.
std::uint8_t known_teams(const GameState& g, const Seat& seat);
bool omniscient(const Seat& seat);

}  // namespace gb
