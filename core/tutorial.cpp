// The scripted White Cell of a tutorial scenario.
#include "tutorial.hpp"

#include <algorithm>
#include <tuple>

namespace gb {

namespace {

std::tuple<int, int> when(int turn, Phase p) {
    return {turn, static_cast<int>(p)};
}

bool broadcast(const GameState& g, const std::string& text) {
    return std::any_of(g.messages.begin(), g.messages.end(), [&](const Message& m) {
        return m.channel == ChatChannel::broadcast && m.role != SeatRole::team && m.text == text;
    });
}

bool done(const GameState& g, const TutorialStep& s) {
    return broadcast(g, s.text) || when(s.turn, s.phase) < when(g.turn, g.phase);
}

// What the White Cell does to close the current phase: the stand-in's step
// (draw the inject, wait for a present team's choice, advance, release),
// except that negotiation and orders close though a person plays.
std::optional<Action> move_on(const GameState& g, const Cast& cast) {
    if (g.phase == Phase::negotiation || g.phase == Phase::orders) return AdvancePhase{};
    return stand_in_step(g, cast);
}

}  // namespace

std::size_t tutorial_steps_done(const GameState& g) {
    const auto& steps = g.sc().tutorial.steps;
    std::size_t n = 0;
    while (n < steps.size() && done(g, steps[n])) ++n;
    return n;
}

int tutorial_step_of(const Scenario& s, const std::string& text) {
    const auto& steps = s.tutorial.steps;
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].text == text) return static_cast<int>(i);
    return -1;
}

int tutorial_current_step(const GameState& g) {
    int last = -1;
    for (const Message& m : g.messages)
        if (m.channel == ChatChannel::broadcast && m.role != SeatRole::team)
            last = std::max(last, tutorial_step_of(g.sc(), m.text));
    return last;
}

bool tutorial_step_met(const GameState& g, std::size_t i) {
    const TutorialStep& s = g.sc().tutorial.steps.at(i);
    if (when(s.turn, s.phase) < when(g.turn, g.phase) || g.ended()) return true;
    int t = idx(g.sc().tutorial.team);
    switch (s.wait) {
        case TutorialWait::none: return true;
        case TutorialWait::choice: return !g.choice_pending || g.card(g.inject).chooser != t;
        case TutorialWait::offer:
            return std::any_of(g.offers.begin(), g.offers.end(),
                               [&](const Offer& o) { return o.turn == g.turn && idx(o.from) == t; });
        case TutorialWait::ready: return g.ready[static_cast<std::size_t>(t)];
        case TutorialWait::draft:
            return !g.drafts[static_cast<std::size_t>(t)].empty() || g.committed[static_cast<std::size_t>(t)];
        case TutorialWait::commit: return g.committed[static_cast<std::size_t>(t)];
    }
    return true;
}

std::optional<Action> tutorial_step(const GameState& g, const Cast& cast) {
    if (g.ended() || g.paused || cast.control) return std::nullopt;
    const auto& steps = g.sc().tutorial.steps;
    std::size_t n = tutorial_steps_done(g);
    // The student has not done it yet (a bot on the student's team is not waited for).
    if (n > 0 && !cast.bot[idx(g.sc().tutorial.team)] && !tutorial_step_met(g, n - 1)) return std::nullopt;
    // The first inject waits for every seat, as the stand-in's does.
    if (g.phase == Phase::inject && !g.inject_drawn && !g.deck.empty()) return stand_in_step(g, cast);
    if (n == steps.size()) return stand_in_step(g, cast);  // the tutorial is over: the game goes on
    const TutorialStep& next = steps[n];
    if (when(next.turn, next.phase) == when(g.turn, g.phase)) return Chat{ChatChannel::broadcast, Team::us, next.text};
    return move_on(g, cast);
}

}  // namespace gb
