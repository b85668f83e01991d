// Plain-English descriptions of orders, results, offers and events, for the
// demo, logs and reports. Descriptions never change state.
#pragma once

#include <string>

#include "state.hpp"

namespace gb {

std::string team_name(const GameState& g, int team);
std::string describe_order(const GameState& g, Team team, const Order& o);
// " (drafted by Dana)" for a team's `i`th draft; empty when its author is not known.
std::string drafted_by(const GameState& g, Team team, std::size_t i);
std::string describe_offer(const GameState& g, const Offer& o);
std::string describe_result(const GameState& g, const Result& r);
// Empty for events not worth a line of their own.
std::string describe(const GameState& g, const Event& e);
std::string describe_terms(const GameState& g, std::uint32_t terms);

}  // namespace gb
