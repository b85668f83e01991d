// Help for a team writing its orders, from the core's own legality: the
// meaningful targets of an order type with a sensible default, and warnings
// for an order that breaks an accepted deal or a promise, or that an accepted
// deal has already made pointless. Pure functions over a state or a seat's view.
#pragma once

#include <string>
#include <vector>

#include "state.hpp"

namespace gb {

struct TargetChoice {
    Order order;        // the complete order, ready to draft
    std::string label;  // "Hezbollah in Lebanon (strength 3)"
};

struct Targets {
    std::vector<TargetChoice> choices;  // legal and meaningful, in the scenario's region order
    int default_index = -1;             // the choice the team's bot would value most; -1 when none
};

// The targets an order type (scenario action index) may take for `team` after
// the orders in `before`: every legal order of that type from legal_orders
// (the bots' legality), keeping only armed groups that are present in their
// region (never "Hamas in Iran"). Orders without a target give one choice.
Targets order_targets(const GameState& g, Team team, int action, const std::vector<Order>& before);

struct OrderWarning {
    enum class Kind : std::uint8_t {
        repeats_deal,    // an accepted deal already did it: the order will fail and waste its points
        breaks_deal,     // it undoes what the team gave in an accepted deal
        breaks_promise,  // the team promised reciprocity and the order spoils or costs trust
    };
    Kind kind = Kind::breaks_deal;
    std::string text;  // a sentence naming the deal or promise
};

// Warnings for one order the team means to give (after `before`).
std::vector<OrderWarning> order_warnings(const GameState& g, Team team, const Order& o,
                                         const std::vector<Order>& before);

// A sentence when the team's promise of reciprocity falls due this turn and
// none of `orders` keeps it (no reciprocal order, no deal with the other side);
// empty otherwise.
std::string promise_reminder(const GameState& g, Team team, const std::vector<Order>& orders);

}  // namespace gb
