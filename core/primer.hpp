// The primer ("How to play"), a team's brief and each turn's briefing, all
// generated from the scenario's data and the seat's view, so they never
// disagree with the rules the game runs. Pure: no state changes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "state.hpp"

namespace gb {

// One screen of the primer.
struct PrimerPage {
    std::string title;                    // "The turn", "The map", "The tracks", "Scores", "Fragility"
    std::vector<std::string> paragraphs;  // plain sentences, in reading order
};

// The primer's pages: the phases of a turn, what each map mark means, the
// tracks, how scores are made (with `team`'s own formula, or every team's
// when none is given) and the fragility rule.
std::vector<PrimerPage> primer(const Scenario& s, std::optional<Team> team = std::nullopt);

// What a team reads at the start of a game.
struct TeamBrief {
    std::string title;                       // "Iran in “After 9/11: the Afghanistan channel”"
    std::string summary;                     // the scenario's summary
    std::vector<std::string> goals;          // what the team wants, in words
    std::vector<std::string> scoring;        // the score formula, term by term, and par
    std::vector<std::string> action_points;  // how many and why they change
    std::vector<std::string> others;         // what each other team wants, in public terms
};
TeamBrief team_brief(const GameState& g, Team team);

// The briefing of the game's current turn: turn 1 tells the scenario's
// summary; later turns tell what the last released report changed and where
// the board stands now (never the opening text again).
struct TurnBriefing {
    std::string title;               // "Turn 3 of 8: Spring 2002"
    std::vector<std::string> lines;  // sentences
};
TurnBriefing turn_briefing(const GameState& g);

// Why a team has the action points it has this turn: the base, each
// modifier that applies now and the bonus cards or deals gave, one sentence
// each; the last line gives the total.
std::vector<std::string> action_point_reasons(const GameState& g, Team team);

}  // namespace gb
