// Results of the turn report and events as sentences for players, with the
// dice kept apart for a tooltip. Reads events as recorded (their text is part
// of the game's state, so engine wording in it is reworded here, not changed).
#include <algorithm>
#include <cstdlib>

#include "explain.hpp"
#include "explain_words.hpp"
#include "narrate.hpp"

namespace gb {

using namespace words;

namespace {

std::string change(int delta, int value, const char* up = "rises", const char* down = "falls") {
    return std::string(delta >= 0 ? up : down) + " by " + std::to_string(std::abs(delta)) + " to " +
           std::to_string(value);
}

std::string bounded(int delta, int value, int lo, int hi, bool many = false) {
    std::string out = many ? change(delta, value, "rise", "fall") : change(delta, value);
    std::string by = std::to_string(delta < 0 ? -delta : delta);
    if (delta < 0 && value == lo)
        out = (many ? "fall by " : "falls by ") + by + " and stop" + (many ? "" : "s") + " at the floor, " +
              std::to_string(lo);
    if (delta > 0 && value == hi)
        out = (many ? "rise by " : "rises by ") + by + " and stop" + (many ? "" : "s") + " at the ceiling, " +
              std::to_string(hi);
    return out;
}

}  // namespace

std::string explain_offer(const GameState& g, const Offer& o) {
    const auto& cs = g.sc().concessions;
    auto list = [&](const std::vector<std::int16_t>& v) {
        std::string s;
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) s += i + 1 == v.size() ? " and " : ", ";
            s += (v[i] >= 0 && v[i] < static_cast<int>(cs.size())) ? "“" + cs[v[i]].name + "”" : "?";
        }
        return s;
    };
    std::string from = team_name(g, idx(o.from)), to = team_name(g, idx(o.to));
    std::string out = from + " offers " + to;
    if (!o.gives.empty()) out += " " + list(o.gives);
    if (!o.wants.empty()) out += (o.gives.empty() ? " a deal, asking for " : " in return for ") + list(o.wants);
    return out;
}

namespace {

// The ratification note ("the framework is ratified: 2d6 3+4 + trust 1 -
// opposition 2 = 6 >= 11") as a sentence.
std::string ratify_words(const std::string& text) {
    auto colon = text.find(": 2d6 ");
    auto eq = text.rfind(" = ");
    if (colon == std::string::npos || eq == std::string::npos) return sentence(text);
    std::string head = text.substr(0, colon), tail = text.substr(eq + 3);
    int total = std::atoi(tail.c_str());
    auto sp = tail.find_last_of(' ');
    int target = sp == std::string::npos ? 0 : std::atoi(tail.c_str() + sp + 1);
    return sentence(head + ": rolled " + std::to_string(total) +
                    " with trust and the opposition at home counted, needed " + std::to_string(target));
}

// Seat and setting texts name teams by id ("now leads us"): say their names.
std::string seat_words(const GameState& g, std::string text) {
    for (Team t : kAllTeams) {
        std::string id(name_of(t));
        std::string lead = " now leads " + id;
        if (text.size() >= lead.size() && text.compare(text.size() - lead.size(), lead.size(), lead) == 0)
            text = text.substr(0, text.size() - id.size()) + team_name(g, idx(t));
        std::string committed = id + " committed orders";
        if (text == committed) text = team_name(g, idx(t)) + " committed its orders";
        for (const char* verb : {" granted", " withdrawn"}) {
            std::string view = "view of " + id + verb;
            if (text.rfind(view, 0) == 0)
                text = "view of " + team_name(g, idx(t)) + text.substr(view.size() - std::string(verb).size());
        }
    }
    std::replace(text.begin(), text.end(), '_', ' ');
    return text;
}

}  // namespace

ResultText explain_result(const GameState& g, const Result& r) {
    ResultText out;
    if (r.kind == Result::Kind::deal) {
        out.sentence = "Deal: " + explain_offer(g, r.deal) + (r.success ? "; it is carried out" : "; it is cancelled");
    } else {
        out.sentence = owner(g, r.team) + " order “" + describe_order(g, static_cast<Team>(r.team), r.order) + "” " +
                       (r.success ? "succeeded" : "failed");
        int total = r.die1 + r.die2 + r.modifier;
        if (r.die1 > 0) {
            out.sentence += std::string(": rolled ") + std::to_string(total) +
                            (r.modifier ? " with its modifiers" : "") + ", needed " + std::to_string(r.target);
            out.dice = "Dice " + std::to_string(r.die1) + " and " + std::to_string(r.die2) + ", " +
                       (r.modifier ? signed_number(r.modifier) + " in modifiers" : std::string("no modifiers")) + ": " +
                       std::to_string(total) + " against " + std::to_string(r.target) + ".";
        }
        if (!r.amended && r.reason == "interdicted")
            out.sentence += ": an interdiction stopped the shipment";
        else if (!r.amended && r.reason == "interdiction in place")
            out.sentence += ": the interdiction is in place";
        else if (!r.amended && !r.reason.empty() && r.reason != "roll failed")
            out.sentence += ": " + r.reason;
    }
    out.sentence = sentence(out.sentence);
    if (r.amended) out.sentence += " The White Cell changed this result: " + sentence(r.reason);
    return out;
}

std::string explain_event(const GameState& g, const Event& e) {
    const Scenario& s = g.sc();
    auto reg = [&](int r) { return region(g, r); };
    switch (e.kind) {
        case Event::Kind::track: {
            if (e.a < 0 || e.a >= kTracks) return {};
            const TrackDef& d = s.tracks[e.a];
            std::string what = track_words(static_cast<Track>(e.a));
            return sentence(what + " " + bounded(e.delta, e.value, d.min, d.max, plural_words(what)));
        }
        case Event::Kind::influence:
            return sentence(owner(g, e.team) + " influence in " + reg(e.a) + " " + bounded(e.delta, e.value, 0, 10));
        case Event::Kind::stability:
            return sentence("stability in " + reg(e.a) + " " + bounded(e.delta, e.value, 1, 5));
        case Event::Kind::marker:
            return sentence("the armed group " + marker(g, e.b) + " in " + reg(e.a) + " " +
                            change(e.delta, e.value, "grows", "shrinks"));
        case Event::Kind::channel:
            if (e.value == static_cast<int>(Channel::closed)) return "The US–Iran channel closes.";
            return sentence("the US–Iran channel goes from " +
                            channel_words(static_cast<Channel>(std::clamp<int>(e.a, 0, 3))) + " to " +
                            channel_words(static_cast<Channel>(std::clamp(e.value, 0, 3))));
        case Event::Kind::spoiler: return sentence("a spoiler: " + e.text);
        case Event::Kind::cutoff:
            return sentence("the talks are cut off: the channel closes and trust between the US and Iran falls to " +
                            std::to_string(e.value));
        case Event::Kind::leak:
            return sentence(std::string(e.value >= e.delta ? "the secret talks leak" : "the talks stay secret") +
                            ": the leak roll came to " + std::to_string(e.value) + ", and " + std::to_string(e.delta) +
                            " divulges them");
        case Event::Kind::counter:
            return sentence(counter_words(s, e.a) + " " + change(e.delta, e.value, "rise", "fall"));
        case Event::Kind::security: return sentence(owner(g, e.team) + " security " + change(e.delta, e.value));
        case Event::Kind::hand:
            return sentence(team_name(g, e.team) + " takes the card “" + g.card(e.a).title + "” into hand");
        case Event::Kind::discard:
            return sentence(owner(g, e.team) + " hand is full: the card “" + g.card(e.a).title + "” is lost");
        case Event::Kind::promise:
            return sentence(team_name(g, e.team) + " promises to reciprocate by turn " + std::to_string(e.value));
        case Event::Kind::promise_broken:
            return sentence(team_name(g, e.team) + " broke its promise: the goodwill was never returned");
        case Event::Kind::promise_kept: return sentence(team_name(g, e.team) + " kept its promise");
        case Event::Kind::framework_open:
            return sentence("a strategic framework may be proposed for " + std::to_string(e.value) + " turn(s)");
        case Event::Kind::war:
            return sentence("regional war breaks out" +
                            (e.team >= 0 ? ", brought on by " + team_name(g, e.team) : std::string()));
        case Event::Kind::breakout: return "Iran's nuclear programme breaks out: a nuclear breakout.";
        case Event::Kind::note:
            if (e.text.rfind("escalation:", 0) == 0)
                return sentence(std::string(e.value >= e.delta ? "Escalation: an incident no one ordered"
                                                               : "No escalation this turn") +
                                " (the escalation roll came to " + std::to_string(e.value) + ", and " +
                                std::to_string(e.delta) + " sets off an incident)");
            if (e.text.rfind("the framework is ratified", 0) == 0 ||
                e.text.rfind("the framework fails at home", 0) == 0)
                return ratify_words(e.text);
            return sentence(seat_words(g, e.text));
        case Event::Kind::phase:
        case Event::Kind::inject:
        case Event::Kind::result: return {};
        case Event::Kind::chosen: {
            const CardDef& c = g.card(e.a);
            return sentence(team_name(g, e.team) + " chooses “" +
                            (e.value >= 0 && e.value < static_cast<int>(c.options.size()) ? c.options[e.value].label
                                                                                          : std::string("?")) +
                            "”");
        }
        case Event::Kind::offer:
            for (const Offer& o : g.offers)
                if (o.id == static_cast<std::uint32_t>(e.a)) return sentence(explain_offer(g, o));
            return "An offer is made.";
        case Event::Kind::answer:
            for (const Offer& o : g.offers)
                if (o.id == static_cast<std::uint32_t>(e.a))
                    return sentence(team_name(g, e.team) + (e.value ? " accepts" : " rejects") + " the offer (" +
                                    explain_offer(g, o) + ")");
            return sentence(team_name(g, e.team) + (e.value ? " accepts an offer" : " rejects an offer"));
        case Event::Kind::framework: {
            static const char* what[] = {" proposes a strategic framework", "'s framework is accepted",
                                         "'s framework is rejected", "'s framework proposal lapses"};
            return sentence(team_name(g, e.team) + what[std::clamp(e.value, 0, 3)] + " (" +
                            describe_terms(g, static_cast<std::uint32_t>(static_cast<std::uint16_t>(e.a))) + ")");
        }
        case Event::Kind::term: {
            static const char* what[] = {"changes", "is carried out", "is overdue, and trust suffers", "is blocked"};
            std::string name = e.a >= 0 && e.a < static_cast<int>(s.terms.size()) ? s.terms[e.a].name : "?";
            return sentence("the bargain term “" + name + "” " + what[std::clamp(e.value, 0, 3)]);
        }
        case Event::Kind::forum:
            return sentence(team_name(g, e.team) + (e.value == 1 ? " joins" : " blocks") +
                            " the regional security forum");
        case Event::Kind::game_over: return "The game is over.";
        case Event::Kind::chat: return "Message: " + e.text;
        case Event::Kind::seat: return sentence(seat_words(g, e.text));
        case Event::Kind::amendment:
            return sentence("the White Cell changes result " + std::to_string(e.a + 1) + " of the report: " + e.text);
        case Event::Kind::setting: return sentence("White Cell: " + seat_words(g, e.text));
        case Event::Kind::bookmark: return sentence("bookmark: " + e.text);
        case Event::Kind::action_points: {
            int base = e.value - e.delta;
            std::string out = team_name(g, e.team) + " has " + std::to_string(e.value) + " action point" +
                              (e.value == 1 ? "" : "s") + " this turn instead of " + std::to_string(base);
            std::string why;
            if (e.b)
                why += signed_number(e.b) + " from " + owner(g, e.team) + " action-point rule (see the team brief)";
            if (e.a) why += (why.empty() ? "" : ", ") + signed_number(e.a) + " from cards and deals of last turn";
            return sentence(out + (why.empty() ? std::string() : ": " + why));
        }
    }
    return {};
}

}  // namespace gb
