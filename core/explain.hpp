// What things do, in plain words, generated from the scenario's data: orders,
// order types, concessions, choice options, cards in hand, rolls, results and
// events. Players read these instead of engine notation. Pure: no state changes.
#pragma once

#include <string>
#include <vector>

#include "state.hpp"

namespace gb {

// A choice a player can make and what it does, one sentence per line.
struct Explanation {
    std::string title;               // "Build influence in Iraq"
    std::vector<std::string> lines;  // "Costs 1 action point.", "Needs 7 or more on two dice ..."
    bool spoiler = false;            // it sets off the fragility rule (a spoiler)
};

// A turn report's result as a sentence, and the dice behind it for a tooltip.
struct ResultText {
    std::string sentence;  // "Israel's order “Strike the nuclear programme” failed: rolled 7, needed 10."
    std::string dice;      // "Dice 3 and 1, +3 in modifiers: 7 against 10." (empty without a roll)
};

// A track as people say it: "trust between the US and Iran".
std::string track_words(Track t);
// A track described from the scenario's data, a sentence a line: its range,
// what a value means (endings, thresholds, whose score counts it, which rolls
// it changes) and what moves it (orders, the drift, the deck's cards).
std::vector<std::string> track_description(const Scenario& s, Track t);
// A channel level as people say it: "secret talks".
std::string channel_words(Channel c);
// A scenario counter as people say it ("operatives Iran holds"), from its id.
std::string counter_words(const Scenario& s, int counter);

// One effect as a sentence, against the board `b` (clamping at a track's
// floor or ceiling is said), with `ctx` resolving "self", "other" and "target".
std::string effect_sentence(const GameState& g, const Board& b, const Effect& e, const EffectContext& ctx);
std::vector<std::string> effect_sentences(const GameState& g, const Board& b, const std::vector<Effect>& effects,
                                          const EffectContext& ctx);

// One formula term as a phrase: "+2 per point of your influence in Iraq",
// "+8 while Iran's nuclear programme is below 8".
std::string term_phrase(const GameState& g, const Term& t, const EffectContext& ctx);

// The roll an order needs: "Needs 7 or more on two dice, +1 from your
// influence in Washington (21 in 36)." Empty when the order always succeeds.
// `to_team`: the words speak to the ordering team; else (the White Cell) they name it.
std::string roll_sentence(const GameState& g, Team team, const Order& o, bool to_team = true);

// A concrete order (with its target) and what it would do now.
Explanation explain_order(const GameState& g, Team team, const Order& o, bool to_team = true);
// An order type before its target is chosen (scenario action index).
Explanation explain_action(const GameState& g, Team team, int action);
// A concession in an offer, given by `giver` to `receiver`.
Explanation explain_concession(const GameState& g, int concession, Team giver, Team receiver);
// An option of a choice card (its chooser decides).
Explanation explain_option(const GameState& g, int card, int option);
// A card in a team's hand: what playing it does.
Explanation explain_card(const GameState& g, int card, Team holder);
// A bargain term: what implementing it does.
Explanation explain_term(const GameState& g, int term);

// An offer as a sentence: "Iran offers the United States “Stand down from
// provocation” in return for “Ease sanctions”".
std::string explain_offer(const GameState& g, const Offer& o);
// A result of the turn report as a sentence, with the dice apart.
ResultText explain_result(const GameState& g, const Result& r);
// An event as a sentence for players; empty for events not worth a line.
std::string explain_event(const GameState& g, const Event& e);

// The fragility rule, in one paragraph, with this scenario's numbers.
std::string fragility_paragraph(const Scenario& s);

}  // namespace gb
