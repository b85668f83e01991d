// The schedule: the one order in which bot seats and the White Cell's stand-in
// move a game on. The simulator, the offline demo, the server's own bots and
// remote `gb bot` clients all follow it, so a bot game is the same game
// wherever it is played and reproducible from its seed.
#pragma once

#include <array>
#include <optional>

#include "action.hpp"
#include "state.hpp"

namespace gb {

// Who is at the table, as far as the schedule needs to know.
struct Cast {
    std::array<bool, kTeams> bot{};      // a bot plays this team (in this process or remote)
    std::array<bool, kTeams> present{};  // a person seated on this team is connected
    bool control = false;                // a White Cell is connected: it runs the game, not the stand-in
};

// Whether a team has anything to decide in this phase (a pending choice of its
// own in the inject phase, negotiation, orders, or a framework to answer).
bool may_move(const GameState& g, Team team);

// What the White Cell's stand-in does when nobody else moves the game on:
// draw the inject (the first only once every team has a player or a bot),
// take a pending choice's default when no one on the choosing team is there,
// close the inject phase, release the report, and close negotiation or orders
// only when every team is played by a bot. Nothing while a White Cell is
// connected or once the game has ended.
std::optional<Action> stand_in_step(const GameState& g, const Cast& cast);

// The schedule's position. Bot seats are asked one at a time in team order
// (us, iran, israel, gulf), one action each; a round in which some bot acted is
// followed by another; after a round in which none did, the stand-in takes one
// step (in a tutorial scenario, its scripted White Cell: tutorial.hpp). A bot
// answers offers addressed to it before it declares ready, so no
// offer it could answer lapses unseen.
class Schedule {
public:
    struct Move {
        enum class Kind : std::uint8_t { ask, stand_in, wait };
        Kind kind = Kind::wait;
        Team team = Team::us;   // ask: the bot seat to ask for its next action
        Action action{};        // stand_in: the stand-in's action
    };

    // The next move. After `ask`, report the bot's answer with `answered`;
    // after `stand_in`, apply the action; `wait` means only people (or a
    // timer) can move the game on now.
    Move next(const GameState& g, const Cast& cast);
    // The asked bot acted (true) or had nothing to do (false).
    void answered(bool acted);
    // Someone outside the schedule acted (a person, a timer): start a new round.
    void restart();

private:
    int cursor_ = 0;           // the team to ask next in this round
    bool round_acted_ = false;  // some bot acted in this round
};

}  // namespace gb
