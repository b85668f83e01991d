// Text for orders, results, offers and events: results and events are worded
// by explain.hpp, so players read the same sentences everywhere.
#include "narrate.hpp"

#include <algorithm>

#include "explain.hpp"

namespace gb {

std::string team_name(const GameState& g, int team) {
    if (team < 0 || team >= kTeams) return "nobody";
    return g.sc().teams[team].name;
}

std::string describe_terms(const GameState& g, std::uint32_t terms) {
    std::string out;
    for (std::size_t i = 0; i < g.sc().terms.size(); ++i)
        if ((terms >> i) & 1u) {
            if (!out.empty()) out += "; ";
            out += g.sc().terms[i].name;
        }
    return out;
}

std::string drafted_by(const GameState& g, Team team, std::size_t i) {
    std::string who = g.draft_author(team, i);
    return who.empty() ? std::string() : " (drafted by " + who + ")";
}

std::string describe_order(const GameState& g, Team, const Order& o) {
    const Scenario& s = g.sc();
    if (o.action < 0 || o.action >= static_cast<int>(s.actions.size())) return "unknown order";
    const ActionDef& a = s.actions[o.action];
    std::string out = a.name;
    switch (a.target) {
        case TargetKind::none: break;
        case TargetKind::region:
            if (o.region >= 0 && o.region < static_cast<int>(s.regions.size()))
                out += " in " + s.regions[o.region].name;
            break;
        case TargetKind::marker:
            if (o.marker >= 0 && o.marker < static_cast<int>(s.markers.size())) out += ": " + s.markers[o.marker].name;
            if (o.region >= 0 && o.region < static_cast<int>(s.regions.size()))
                out += " in " + s.regions[o.region].name;
            break;
        case TargetKind::terms: out += " (" + describe_terms(g, o.terms) + ")"; break;
        case TargetKind::card:
            if (o.card >= 0) out += ": " + g.card(o.card).title;
            break;
        case TargetKind::term:
            if (o.term >= 0 && o.term < static_cast<int>(s.terms.size())) out += ": " + s.terms[o.term].name;
            break;
    }
    return out;
}

std::string describe_offer(const GameState& g, const Offer& o) {
    const auto& cs = g.sc().concessions;
    auto list = [&](const std::vector<std::int16_t>& v) {
        std::string s;
        for (auto c : v) {
            if (!s.empty()) s += ", ";
            s += (c >= 0 && c < static_cast<int>(cs.size())) ? cs[c].name : "?";
        }
        return s.empty() ? std::string("nothing") : s;
    };
    return team_name(g, idx(o.from)) + " to " + team_name(g, idx(o.to)) + ": gives " + list(o.gives) + ", wants " +
           list(o.wants);
}

std::string describe_result(const GameState& g, const Result& r) {
    return explain_result(g, r).sentence;
}

std::string describe(const GameState& g, const Event& e) {
    return explain_event(g, e);
}

}  // namespace gb
