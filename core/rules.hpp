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

// What one action did: the rules' verdict and, when it was applied, its events
// and (when asked for) the state hash after it, which the journal records.
struct Acted {
    Verdict verdict;
    std::vector<Event> events;
    std::uint64_t hash = 0;
    bool ok() const { return verdict.ok(); }
};

// The one way a game changes: validate the action for the seat and, when it is
// valid, apply it. The server, recovery, timelines, forks, the simulator and
// the tests all go through it. A refused action leaves the state unchanged.
Acted act(GameState& g, const Seat& seat, const Action& action, bool with_hash = false);

// Replays one recorded action: it must pass the rules and reach the recorded
// state hash. Returns why not, or an empty string.
std::string replay_action(GameState& g, const Seat& seat, const Action& action, std::uint64_t recorded_hash);

// Whether one more order is legal for a team, given the orders before it in
// the same list. The message says why not.
Verdict check_order(const GameState& g, Team team, const Order& order, const std::vector<Order>& before);
// Whether check_order would accept the order, without wording the reason (for the bots).
bool order_allowed(const GameState& g, Team team, const Order& order, const std::vector<Order>& before);

// Action points a team has this turn.
int action_points(const GameState& g, Team team);

// Whether a card's premise (its `requires` conditions) holds on the board now.
bool premise_holds(const GameState& g, int card);

// The deck position of the card the next draw takes: the first whose premise
// holds (cards passed over stay in the deck), or -1 when none does.
int next_inject(const GameState& g);

// Whether a framework may be proposed now by this team (channel, trust, card).
bool framework_allowed(const GameState& g, Team team);

// Checks an effect list written by the White Cell against the scenario.
Verdict check_effects(const Scenario& s, const std::vector<Effect>& effects);

}  // namespace gb
