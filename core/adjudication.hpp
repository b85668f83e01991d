// Adjudication: deals, then orders in the documented step order, with seeded
// 2d6 rolls, producing the draft turn report; amendments; end of turn.
#pragma once

#include <vector>

#include "state.hpp"

namespace gb {

// Resolves the turn's deals and orders into a new draft report.
void adjudicate(GameState& g, std::vector<Event>& events);

// Flips one result of the draft report: undoes its changes and applies the
// other outcome.
void amend(GameState& g, int result, bool success, std::vector<Event>& events);

// End of turn: leak roll, promises, bargain terms, proposal lapse, scoring.
void end_of_turn(GameState& g, std::vector<Event>& events);

void honour_promises_of(Board& b, int team, std::vector<Event>& events);

// The outcome of an order's roll, shared by adjudication and the bots.
struct RollPlan {
    int modifier = 0;
    int chance36 = 36;  // chance of success in 36ths
};
RollPlan roll_plan(const GameState& g, Team team, const Order& order);

}  // namespace gb
