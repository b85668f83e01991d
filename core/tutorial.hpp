// The scripted White Cell of a tutorial scenario (docs/scenario-format.md,
// "Tutorial"). It takes the stand-in's place in the schedule: in each step's
// turn and phase it broadcasts the step's message, waits until the student's
// team has done what the step asks, then moves the game on as the White Cell
// would. Its progress is read from the game itself (which steps' messages are
// in the log), so a restarted or replayed game picks up where it was.
#pragma once

#include <optional>

#include "action.hpp"
#include "schedule.hpp"
#include "state.hpp"

namespace gb {

// How many of the scenario's tutorial steps are behind the game: broadcast, or
// passed over because the game left their phase first.
std::size_t tutorial_steps_done(const GameState& g);
// The step whose text a broadcast carries, or -1 for none.
int tutorial_step_of(const Scenario& s, const std::string& text);
// The step whose message was broadcast last, or -1 for none.
int tutorial_current_step(const GameState& g);
// Whether the student's team has done what step `i` waits for (or the game has
// left that step's phase).
bool tutorial_step_met(const GameState& g, std::size_t i);

// The scripted White Cell's next action, if it has one now: nothing while a
// White Cell is connected. Past the last step it is the stand-in. When a bot
// plays the student's team, the steps are said but not waited on.
std::optional<Action> tutorial_step(const GameState& g, const Cast& cast);

}  // namespace gb
