// Text for orders, results, offers and events.
#include "narrate.hpp"

#include <algorithm>

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
    std::string out;
    if (r.kind == Result::Kind::deal) {
        out = "Deal (" + describe_offer(g, r.deal) + ")";
        if (!r.success) out += ": cancelled";
    } else {
        out = team_name(g, r.team) + ": " + describe_order(g, static_cast<Team>(r.team), r.order);
        if (r.die1 > 0) {
            int total = r.die1 + r.die2 + r.modifier;
            out += " [" + std::to_string(r.die1) + "+" + std::to_string(r.die2) + (r.modifier >= 0 ? "+" : "") +
                   std::to_string(r.modifier) + "=" + std::to_string(total) + " vs " + std::to_string(r.target) + "]";
        }
        out += r.success ? " succeeds" : " fails";
        if (!r.success && !r.reason.empty() && !r.amended) out += " (" + r.reason + ")";
    }
    if (r.amended) out += " [amended by the White Cell: " + r.reason + "]";
    return out;
}

std::string describe(const GameState& g, const Event& e) {
    const Scenario& s = g.sc();
    auto signed_delta = [](int d) { return (d > 0 ? "+" : "") + std::to_string(d); };
    switch (e.kind) {
        case Event::Kind::track:
            return std::string(name_of(static_cast<Track>(e.a))) + " " + signed_delta(e.delta) + " -> " +
                   std::to_string(e.value);
        case Event::Kind::influence:
            return team_name(g, e.team) + " influence in " + s.regions[e.a].name + " " + signed_delta(e.delta) +
                   " -> " + std::to_string(e.value);
        case Event::Kind::stability:
            return s.regions[e.a].name + " stability " + signed_delta(e.delta) + " -> " + std::to_string(e.value);
        case Event::Kind::marker:
            return s.markers[e.b].name + " in " + s.regions[e.a].name + " " + signed_delta(e.delta) + " -> " +
                   std::to_string(e.value);
        case Event::Kind::channel:
            return "channel " + std::string(name_of(static_cast<Channel>(e.a))) + " -> " +
                   std::string(name_of(static_cast<Channel>(e.value)));
        case Event::Kind::spoiler: return "SPOILER: " + e.text;
        case Event::Kind::cutoff: return "CUT-OFF: the channel closes; trust falls to " + std::to_string(e.value);
        case Event::Kind::leak:
            return "leak roll " + std::to_string(e.a) + "+" + std::to_string(e.b) +
                   "+pressure = " + std::to_string(e.value) + " vs " + std::to_string(e.delta) + ": " + e.text;
        case Event::Kind::counter:
            return s.counters[e.a] + " " + signed_delta(e.delta) + " -> " + std::to_string(e.value);
        case Event::Kind::security:
            return team_name(g, e.team) + " security " + signed_delta(e.delta) + " -> " + std::to_string(e.value);
        case Event::Kind::hand: return team_name(g, e.team) + " takes the card \"" + g.card(e.a).title + "\" into hand";
        case Event::Kind::discard:
            return team_name(g, e.team) + "'s hand is full: \"" + g.card(e.a).title + "\" is lost";
        case Event::Kind::promise:
            return team_name(g, e.team) + " promises reciprocity by turn " + std::to_string(e.value);
        case Event::Kind::promise_broken: return team_name(g, e.team) + " broke its promise: goodwill never returned";
        case Event::Kind::promise_kept: return team_name(g, e.team) + " kept its promise";
        case Event::Kind::framework_open: return "framework talks are open for " + std::to_string(e.value) + " turn(s)";
        case Event::Kind::war:
            return "REGIONAL WAR" + (e.team >= 0 ? " (caused by " + team_name(g, e.team) + ")" : std::string());
        case Event::Kind::breakout: return "NUCLEAR BREAKOUT";
        case Event::Kind::note: return e.text;
        case Event::Kind::phase: return {};
        case Event::Kind::inject: return {};
        case Event::Kind::chosen: {
            const CardDef& c = g.card(e.a);
            return team_name(g, e.team) + " chooses: " +
                   (e.value >= 0 && e.value < static_cast<int>(c.options.size()) ? c.options[e.value].label : "?");
        }
        case Event::Kind::offer: {
            for (const Offer& o : g.offers)
                if (o.id == static_cast<std::uint32_t>(e.a)) return "offer: " + describe_offer(g, o);
            return "offer";
        }
        case Event::Kind::answer:
            return team_name(g, e.team) + (e.value ? " accepts" : " rejects") + " offer " + std::to_string(e.a);
        case Event::Kind::framework: {
            static const char* what[] = {" proposes a strategic framework", "'s framework is ACCEPTED",
                                         "'s framework is rejected", "'s framework proposal lapses"};
            return team_name(g, e.team) + what[std::clamp(e.value, 0, 3)] + " (" +
                   describe_terms(g, static_cast<std::uint32_t>(static_cast<std::uint16_t>(e.a))) + ")";
        }
        case Event::Kind::term: {
            static const char* what[] = {"", "implemented", "overdue: trust suffers", "blocked"};
            return "term \"" + s.terms[e.a].name + "\" " + what[std::clamp(e.value, 0, 3)];
        }
        case Event::Kind::forum:
            return team_name(g, e.team) + (e.value == 1 ? " joins" : " blocks") + " the regional security forum";
        case Event::Kind::result: return {};
        case Event::Kind::game_over: return "game over";
        case Event::Kind::chat: return "message: " + e.text;
        case Event::Kind::seat: return e.text;
        case Event::Kind::amendment: return "White Cell amends result " + std::to_string(e.a + 1) + ": " + e.text;
        case Event::Kind::setting: return "White Cell: " + e.text;
        case Event::Kind::bookmark: return "bookmark: " + e.text;
    }
    return {};
}

}  // namespace gb
