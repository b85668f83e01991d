// Checks that what a seat receives holds nothing it may not know: every
// packet is decoded and every view, update and event inspected.
#pragma once

#include <string>

#include "client.hpp"

namespace gbi {

// Attaches a recorder to a session: every packet it receives is decoded and
// checked for the seat (which must be set by the time packets arrive).
void watch_for_leaks(gb::net::SeatSession& s, const std::string& label);

// Checks a reconstructed view for a seat.
void check_view_for(const gb::GameState& v, const gb::Seat& seat, std::uint8_t known);

// Packets checked so far, across all watched sessions.
std::size_t packets_checked();

}  // namespace gbi
