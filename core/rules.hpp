// The rules: validate an action for a seat, then apply it. Validation returns
// a verdict with a reason; apply assumes a valid action and returns events.
#pragma once

#include <string>
#include <vector>

#include "action.hpp"
#include "state.hpp"

namespace gb {

struct Verdict {
    enum class Code : std::uint8_t {
        ok,
        wrong_phase,    // not possible in this phase
        not_permitted,  // this seat may not do that
        bad_argument,   // out of range, unknown id, too long
        illegal_order,  // an order breaks a rule (with the reason)
        paused,
        game_over,
    };
    Code code = Code::ok;
    std::string message;
    bool ok() const { return code == Code::ok; }
    static Verdict yes() { return {}; }
};

Verdict validate(const GameState& g, const Seat& seat, const Action& action);

// Applies a validated action. Behaviour for an invalid action is unspecified
// but memory-safe; callers validate first (see `act`).
std::vector<Event> apply(GameState& g, const Seat& seat, const Action& action);

// Validates, then applies when valid.
Verdict act(GameState& g, const Seat& seat, const Action& action, std::vector<Event>* events = nullptr);

// Whether one more order is legal for a team, given the orders before it in
// the same list. The message says why not.
Verdict check_order(const GameState& g, Team team, const Order& order, const std::vector<Order>& before);

// Action points a team has this turn.
int action_points(const GameState& g, Team team);

// Whether a framework may be proposed now by this team (channel, trust, card).
bool framework_allowed(const GameState& g, Team team);

// Checks an effect list written by the White Cell against the scenario.
Verdict check_effects(const Scenario& s, const std::vector<Effect>& effects);

}  // namespace gb
