// Bots that play a team seat: a random bot (uniform over legal actions) and a
// heuristic bot that plays for its team's score. Both decide from what the
// seat may see, one action at a time, so they also run over the network.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "action.hpp"
#include "rng.hpp"
#include "state.hpp"

namespace gb {

enum class BotKind : std::uint8_t { random, heuristic };

class Bot {
public:
    Bot(BotKind kind, Team team, std::uint64_t seed);

    // The bot's next action for this state (a view of its seat suffices), or
    // nothing when it has nothing more to do in this phase.
    std::optional<Action> next(const GameState& g);

    BotKind kind() const { return kind_; }
    Team team() const { return team_; }

private:
    std::optional<Action> next_random(const GameState& g);
    std::optional<Action> next_heuristic(const GameState& g);
    std::vector<Order> random_orders(const GameState& g);
    std::vector<Order> heuristic_orders(const GameState& g);

    BotKind kind_;
    Team team_;
    Rng rng_;
};

// Every single order the team could legally add after `before`.
std::vector<Order> legal_orders(const GameState& g, Team team, const std::vector<Order>& before);

// How much an outcome is worth to a team: its score (plus the scenario's bot
// hints) after the effects, minus before.
double effect_value(const GameState& g, Team team, const EffectContext& ctx, const std::vector<Effect>& effects);

}  // namespace gb
