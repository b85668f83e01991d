// A track described from the scenario's data, for the bottom bar's tooltip:
// its range, what a value means (endings, thresholds, scores, rolls), and
// what moves it (actions, the drift at every end of turn, the deck).
#include <cstdlib>

#include "explain.hpp"
#include "explain_words.hpp"

namespace gb {

using namespace words;

namespace {

// Whether `e` moves track `t`, done by a team in `teams` (bits): +1 up, -1 down, 0 neither.
int moves(const Effect& e, Track t, std::uint8_t teams) {
    bool hits = false;
    if (e.verb == EffectVerb::track) hits = e.a == idx(t);
    if (e.verb == EffectVerb::opposition)
        hits = (t == Track::us_hawks && (teams & (1u << idx(Team::us)))) ||
               (t == Track::iran_hardliners && (teams & (1u << idx(Team::iran))));
    if (!hits || e.set) return 0;
    return e.value > 0 ? 1 : e.value < 0 ? -1 : 0;
}

int moves_any(const std::vector<Effect>& effects, Track t, std::uint8_t teams) {
    int up = 0, down = 0;
    for (const Effect& e : effects) {
        int m = moves(e, t, teams);
        up |= m > 0;
        down |= m < 0;
    }
    return up && down ? 2 : up ? 1 : down ? -1 : 0;
}

// "A, B and C".
std::string listed(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return out;
}

// A score or roll term on the track, as a phrase: "+2 a point", "+8 while it is below 8".
std::string weight_phrase(const Term& term) {
    std::string w = signed_number(term.weight);
    switch (term.test) {
        case Term::Test::value: return w + " a point";
        case Term::Test::below: return w + " while it is below " + std::to_string(term.threshold);
        case Term::Test::at_least: return w + " while it is " + std::to_string(term.threshold) + " or more";
    }
    return w;
}

bool on_track(const Term& term, Track t) {
    return term.source == TermSource::track && term.a == idx(t);
}

}  // namespace

std::vector<std::string> track_description(const Scenario& s, Track t) {
    const TrackDef& d = s.tracks[idx(t)];
    const Rules& r = s.rules;
    std::vector<std::string> out;
    out.push_back(sentence(track_words(t) + ": from " + std::to_string(d.min) + " to " + std::to_string(d.max) +
                           ", starting at " + std::to_string(d.start)));

    // What a value means: the endings and thresholds the rules tie to it.
    if (t == Track::tension)
        out.push_back("At " + std::to_string(d.max) + " the region goes to war and the game ends; the team that " +
                      "brings the war on loses " + std::to_string(r.war_penalty) + " points.");
    if (t == Track::nuclear)
        out.push_back("At " + std::to_string(d.max) + " Iran breaks out" +
                      (s.end_on_breakout ? ", which ends the game." : "."));
    if (t == Track::trust) {
        out.push_back("With tactical cooperation open, the US or Iran can propose a framework once it is " +
                      std::to_string(r.framework_min_trust) + " or more.");
        out.push_back("At " + std::to_string(r.rapprochement_trust) +
                      " or more under a strategic framework, the two have a rapprochement.");
        if (r.fragility)
            out.push_back("A spoiler that cuts the talks off drops it by " + std::to_string(r.cutoff_penalty) +
                          (r.cutoff_floor ? ", and below where it stood when the talks opened." : "."));
    }
    // Whose score counts it.
    std::vector<std::string> scores;
    for (int i = 0; i < kTeams; ++i)
        for (const Term& term : s.teams[i].score)
            if (on_track(term, t)) scores.push_back(s.teams[i].name + " " + weight_phrase(term));
    if (!scores.empty()) out.push_back("Scores: " + listed(scores) + ".");
    // Which rolls it changes.
    std::vector<std::string> rolls;
    for (const ActionDef& a : s.actions)
        for (const Term& term : a.mods)
            if (on_track(term, t)) rolls.push_back(a.name + " " + weight_phrase(term));
    if (!rolls.empty()) out.push_back("Rolls: " + listed(rolls) + ".");

    // What moves it.
    std::vector<std::string> up, down;
    for (const ActionDef& a : s.actions) {
        int m = moves_any(a.success, t, a.teams);
        if (m == 1 || m == 2) up.push_back(a.name);
        if (m == -1 || m == 2) down.push_back(a.name);
    }
    if (!up.empty()) out.push_back("Raised by the orders " + listed(up) + ".");
    if (!down.empty()) out.push_back("Lowered by the orders " + listed(down) + ".");
    for (const Effect& e : r.drift)
        if (e.verb == EffectVerb::track && e.a == idx(t) && !e.set && e.value != 0)
            out.push_back(std::string("Every end of turn it ") + (e.value > 0 ? "rises" : "falls") + " by " +
                          std::to_string(std::abs(e.value)) + ".");
    int cards = 0;
    for (int k : s.deck) {
        if (k < 0 || k >= static_cast<int>(s.cards.size())) continue;
        const CardDef& c = s.cards[k];
        bool touches = moves_any(c.effects, t, 0xF) != 0 || moves_any(c.play, t, 0xF) != 0;
        for (const CardOption& o : c.options) touches = touches || moves_any(o.effects, t, 0xF) != 0;
        cards += touches;
    }
    if (cards > 0)
        out.push_back(std::to_string(cards) + (cards == 1 ? " card" : " cards") + " of the deck can move it too.");
    return out;
}

}  // namespace gb
