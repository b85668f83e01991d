// The report model's own wording: the sentences and labels its views give the
// renderers (rolls, outcomes, injects, turn notes, the game's summary lines).
#include <algorithm>
#include <cmath>

#include "report.hpp"

namespace gb::report {

std::string ResultView::roll_text() const {
    if (die1 <= 0) return {};
    auto minus = [](int v) { return v < 0 ? "\xe2\x88\x92" + std::to_string(-v) : std::to_string(v); };
    return std::to_string(die1) + "+" + std::to_string(die2) + " " + (modifier < 0 ? "\xe2\x88\x92" : "+") +
           std::to_string(modifier < 0 ? -modifier : modifier) + " = " + minus(die1 + die2 + modifier) + " vs " +
           std::to_string(target);
}

std::string ResultView::outcome_text() const {
    std::string out = success ? "succeeds" : "fails";
    if (amended) return out + "; amended by the White Cell: " + reason;
    if (!reason.empty() && (!success || reason == "interdiction in place")) out += " (" + reason + ")";
    return out;
}

std::string ResultView::deal_text() const {
    return "Deal: " + order + (success ? "" : " (cancelled)") +
           (amended ? "; amended by the White Cell: " + reason : std::string());
}

std::string InjectView::label() const {
    return "Inject \xc2\xb7 " + kind + (written ? " \xc2\xb7 written by the White Cell" : "") +
           (date.empty() ? "" : " \xc2\xb7 " + date);
}

std::string InjectView::taken_text() const {
    return to.empty() ? std::string() : "Taken into hand by " + to + ".";
}

Prose InjectView::choice_line() const {
    if (chooser.empty()) return {};
    return {chooser + " chose:", choice.empty() ? std::string("(not yet chosen)")
                                                : choice + (choice_text.empty() ? "" : " \xe2\x80\x94 " + choice_text)};
}

Prose InjectView::note_line() const {
    return note.empty() ? Prose{} : Prose{"Teaching note.", note};
}

std::string InjectView::none_text() const {
    return drawn ? std::string() : "No inject this turn.";
}

Prose TurnView::draft_note() const {
    if (!draft) return {};
    return {"Draft report.",
            "The White Cell had not released this turn's report when the journal ends; the teams had not seen these "
            "results."};
}

std::string TurnView::orders_note() const {
    if (!adjudicated)
        return complete ? "No orders were adjudicated this turn."
                        : "The orders of this turn had not been revealed when the journal ends.";
    return orders.empty() ? "No team gave orders this turn." : "";
}

std::string TurnView::after_label() const {
    return complete ? "After the turn" : "Where the journal stops";
}

std::string TurnView::chat_note() const {
    return chat.empty() ? "No messages this seat could see." : "";
}

std::string GameReport::seed_text() const {
    return seed ? std::to_string(*seed) : "withheld from this seat";
}

std::string GameReport::turns_text() const {
    return std::to_string(turns_played) + " of " + std::to_string(turns_total);
}

std::string GameReport::final_heading() const {
    return ended ? "Final scores" : "Standing so far";
}

std::array<std::pair<const char*, bool>, 3> GameReport::shared_outcomes() const {
    return {{{"Rapprochement", rapprochement}, {"Regional war", war}, {"Nuclear breakout", breakout}}};
}

std::string SimulatedGames::share_text(int count) const {
    return fmt_number(100.0 * count / std::max(1, games)) + "% of simulated games";
}

std::string SimulatedGames::score_quantile(int team, double p) const {
    const auto& v = final_scores[team];
    if (v.empty()) return "\xe2\x80\x94";
    return std::to_string(v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5)]);
}

std::string SimulatedGames::summary() const {
    auto pct = [&](int count) { return fmt_number(100.0 * count / std::max(1, games)); };
    return "Final scores of " + std::to_string(games) + " games with heuristic bots in every seat. Rapprochement in " +
           pct(rapprochement) + "%, regional war in " + pct(war) + "%, nuclear breakout in " + pct(breakout) +
           "% of them.";
}

}  // namespace gb::report
