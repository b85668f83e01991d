// Effects, formula terms, rolls and choices in plain words, written from the
// scenario's data (never per card), with the board's bounds and the fragility
// rule's numbers. Results and events are worded in explain_events.cpp.
#include "explain.hpp"

#include <algorithm>

#include "adjudication.hpp"
#include "explain_words.hpp"
#include "narrate.hpp"
#include "rules.hpp"

namespace gb {

std::string track_words(Track t) {
    switch (t) {
        case Track::trust: return "trust between the US and Iran";
        case Track::tension: return "regional tension";
        case Track::nuclear: return "Iran's nuclear programme";
        case Track::sanctions: return "sanctions on Iran";
        case Track::us_hawks: return "the hawks in Washington";
        case Track::iran_hardliners: return "the hardliners in Tehran";
        case Track::al_qaeda: return "al-Qaeda's strength";
    }
    return "a track";
}

std::string channel_words(Channel c) {
    switch (c) {
        case Channel::closed: return "no talks (the channel is closed)";
        case Channel::secret: return "secret talks";
        case Channel::tactical: return "tactical cooperation";
        case Channel::strategic: return "a strategic framework";
    }
    return "the channel";
}

std::string counter_words(const Scenario& s, int counter) {
    if (counter < 0 || counter >= static_cast<int>(s.counters.size())) return "a counter";
    const std::string& id = s.counters[counter];
    if (id == "detainees") return "the al-Qaeda operatives Iran holds";
    if (id == "strike") return "the strikes on Iran's nuclear programme";
    if (id == "goodwill") return "the help Iran gave on a US promise of goodwill";
    if (id == "warlord") return "the warlord Iran agreed to hold";
    if (id == "mek_assurance") return "the private US assurance about the MEK";
    return "the count of " + words::plain(id);
}

namespace words {

std::string plain(std::string id) {
    std::replace(id.begin(), id.end(), '_', ' ');
    return id;
}

bool plural_words(const std::string& s) {
    for (const char* p : {"the hawks", "the hardliners", "sanctions", "the strikes", "the al-Qaeda operatives",
                          "the bargain terms", "the regions"})
        if (s.rfind(p, 0) == 0) return true;
    return false;
}

std::string cap(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string sentence(std::string s) {
    s = cap(std::move(s));
    if (!s.empty() && s.back() != '.' && s.back() != '!' && s.back() != '?') s += '.';
    return s;
}

std::string signed_number(int v) {
    return (v > 0 ? "+" : "") + std::to_string(v);
}

std::string team(const GameState& g, int t) {
    if (t < 0 || t >= kTeams) return "the acting team";
    return g.sc().teams[t].name.empty() ? std::string(name_of(static_cast<Team>(t))) : g.sc().teams[t].name;
}

std::string owner(const GameState& g, int t) {
    std::string n = team(g, t);
    return n + (n.back() == 's' ? "'" : "'s");
}

std::string region(const GameState& g, int r) {
    if (r < 0 || r >= static_cast<int>(g.sc().regions.size())) return "the target region";
    return g.sc().regions[r].name;
}

std::string marker(const GameState& g, int k) {
    if (k < 0 || k >= static_cast<int>(g.sc().markers.size())) return "the target armed group";
    return g.sc().markers[k].name;
}

}  // namespace words

using namespace words;

namespace {

int resolve(int ref, int self, int other) {
    if (ref == kRefSelf) return self;
    if (ref == kRefOther) return other;
    return ref;
}

// "rises by 2" / "falls by 1", with where a bound stops it.
std::string moved(int old, int delta, int lo, int hi, const char* up = "rises", const char* down = "falls") {
    std::string verb = delta > 0 ? up : down;
    int want = old + delta, got = std::clamp(want, lo, hi);
    std::string by = std::to_string(delta > 0 ? delta : -delta);
    if (got == old && want != old)
        return std::string("would ") + (delta > 0 ? "rise" : "fall") + " by " + by + " but is already at its " +
               (delta > 0 ? "ceiling, " : "floor, ") + std::to_string(got);
    if (got != want)
        return verb + " by " + by + " and stops at the " + (delta > 0 ? "ceiling, " : "floor, ") + std::to_string(got);
    return verb + " by " + by + ", to " + std::to_string(got);
}

}  // namespace

std::string fragility_paragraph(const Scenario& s) {
    const Rules& r = s.rules;
    if (!r.fragility)
        return "Spoilers (a provocative speech, a shipment, a strike) do not cut talks off in this scenario: "
               "the fragility rule is switched off.";
    std::string p =
        "The fragility rule: a spoiler (a provocative speech, an arms shipment, a strike, a leak) cuts off secret "
        "talks or tactical cooperation at once: the channel closes and trust between the US and Iran falls by " +
        std::to_string(r.cutoff_penalty) + (r.cutoff_floor ? " (and below where it stood when talks opened)" : "") +
        ".";
    if (r.spoiler_hold > 0)
        p += " Open talks hold only when their stake (trust, plus " + std::to_string(r.term_stake) +
             " for each bargain term already carried out) is at least " + std::to_string(r.spoiler_hold) +
             "; talks that hold still lose " + std::to_string(-r.framework_spoiler_trust) + " trust.";
    else
        p += " A strategic framework holds, at a cost of " + std::to_string(-r.framework_spoiler_trust) + " trust.";
    if (r.closed_spoiler_trust != 0)
        p += " A spoiler while no talks are open costs " + std::to_string(-r.closed_spoiler_trust) + " trust.";
    p += " Tactical cooperation alone never protects itself: only a framework that both sides invest in does.";
    return p;
}

namespace {

// What a spoiler would do to the board now: the fragility rule said openly.
std::string spoiler_consequence(const GameState& g, const Board& b) {
    const Rules& r = g.sc().rules;
    if (!r.fragility) return "the fragility rule is off in this scenario, so talks stay as they are";
    if (b.channel == Channel::closed)
        return r.closed_spoiler_trust
                   ? "no talks are open, so trust falls by " + std::to_string(-r.closed_spoiler_trust)
                   : "no talks are open, so nothing is cut off";
    bool holds = b.channel == Channel::strategic;
    if (r.spoiler_hold > 0) {
        int implemented = 0;
        for (std::size_t i = 0; i < g.sc().terms.size(); ++i) implemented += b.terms[i] == TermStatus::implemented;
        holds = b.track(Track::trust) + r.term_stake * implemented >= r.spoiler_hold;
    }
    if (holds)
        return "the talks (" + channel_words(b.channel) + ") hold this time, but trust falls by " +
               std::to_string(-r.framework_spoiler_trust);
    return "it cuts off the talks now open (" + channel_words(b.channel) + "): the channel closes and trust falls by " +
           std::to_string(r.cutoff_penalty) + (r.cutoff_floor ? " or more" : "");
}

std::string track_effect(const GameState& g, const Board& b, Track t, const Effect& e) {
    const TrackDef& d = g.sc().tracks[idx(t)];
    int old = b.track(t);
    std::string out = track_words(t) + " ";
    if (e.set) {
        int got = std::clamp(e.value, d.min, d.max);
        out += (plural_words(track_words(t)) ? "are set to " : "is set to ") + std::to_string(got);
        if (got == old) out += " (where it already is)";
        return out;
    }
    bool many = plural_words(track_words(t));
    if (e.value == 0) return out + (many ? "do not change" : "does not change");
    out += many ? moved(old, e.value, d.min, d.max, "rise", "fall") : moved(old, e.value, d.min, d.max);
    if (t == Track::nuclear && b.nuclear_frozen && e.value > 0) out += ", unless the programme is frozen this turn";
    return out;
}

}  // namespace

std::string effect_sentence(const GameState& g, const Board& b, const Effect& e, const EffectContext& ctx) {
    const Scenario& s = g.sc();
    switch (e.verb) {
        case EffectVerb::track:
            if (e.a < 0 || e.a >= kTracks) return {};
            return sentence(track_effect(g, b, static_cast<Track>(e.a), e));
        case EffectVerb::opposition:
            if (ctx.self == idx(Team::us)) return sentence(track_effect(g, b, Track::us_hawks, e));
            if (ctx.self == idx(Team::iran)) return sentence(track_effect(g, b, Track::iran_hardliners, e));
            if (ctx.self >= 0) return {};  // Israel and the Gulf have no opposition track
            return sentence(
                std::string("the acting side's own hardliners (the hawks in Washington or the hardliners in "
                            "Tehran) ") +
                (e.value >= 0 ? "rise" : "fall") + " by " + std::to_string(std::abs(e.value)));
        case EffectVerb::influence: {
            int r = e.a == kRefTarget ? ctx.region : e.a, t = resolve(e.team, ctx.self, ctx.other);
            std::string what =
                (t >= 0 ? owner(g, t) : std::string("the acting team's")) + " influence in " + region(g, r) + " ";
            if (r < 0 || t < 0)
                return sentence(what + (e.value >= 0 ? "rises" : "falls") + " by " + std::to_string(std::abs(e.value)));
            return sentence(what + moved(b.regions[r].influence[t], e.value, 0, 10));
        }
        case EffectVerb::stability: {
            int r = e.a == kRefTarget ? ctx.region : e.a;
            std::string what = "stability in " + region(g, r) + " ";
            if (r < 0)
                return sentence(what + (e.value >= 0 ? "rises" : "falls") + " by " + std::to_string(std::abs(e.value)));
            return sentence(what + moved(b.regions[r].stability, e.value, 1, 5));
        }
        case EffectVerb::marker: {
            int r = e.a == kRefTarget ? ctx.region : e.a, k = e.b == kRefTarget ? ctx.marker : e.b;
            std::string what = "the armed group " + marker(g, k) + " in " + region(g, r) + " ";
            if (r < 0 || k < 0)
                return sentence(what + (e.value >= 0 ? "grows" : "shrinks") + " by " +
                                std::to_string(std::abs(e.value)));
            return sentence(what + moved(b.marker(r, k), e.value, 0, 9, "grows", "shrinks"));
        }
        case EffectVerb::channel:
            if (b.channel == static_cast<Channel>(e.a))
                return sentence("the US–Iran channel stays at " + channel_words(b.channel));
            return sentence("the US–Iran channel becomes " + channel_words(static_cast<Channel>(e.a)));
        case EffectVerb::channel_up:
            if (b.channel >= Channel::tactical)
                return sentence("the US–Iran channel would widen one step, but it is already at " +
                                channel_words(b.channel) + ", so it does not change");
            return sentence("the US–Iran channel widens one step, from " + channel_words(b.channel) + " to " +
                            channel_words(static_cast<Channel>(static_cast<int>(b.channel) + 1)));
        case EffectVerb::spoiler: return sentence("Spoiler (" + e.text + "): " + spoiler_consequence(g, b));
        case EffectVerb::counter: {
            int old = e.a >= 0 && e.a < kMaxCounters ? b.counters[e.a] : 0;
            std::string what = counter_words(s, e.a) + " ";
            if (e.set) return sentence(what + "are set to " + std::to_string(std::max(0, e.value)));
            return sentence(what + moved(old, e.value, 0, 1 << 20, "rise", "fall"));
        }
        case EffectVerb::security: {
            int t = resolve(e.team, ctx.self, ctx.other);
            std::string what = (t >= 0 ? owner(g, t) : std::string("the team's")) + " security ";
            if (t < 0)
                return sentence(what + (e.value >= 0 ? "rises" : "falls") + " by " + std::to_string(std::abs(e.value)));
            return sentence(what + moved(b.security[t], e.value, 0, 1 << 20));
        }
        case EffectVerb::hand: {
            int t = resolve(e.team, ctx.self, ctx.other);
            std::string card = e.a >= 0 ? "the card “" + g.card(e.a).title + "”" : std::string("a card");
            return sentence(team(g, t) + " takes " + card + " into hand, to play in a later orders phase");
        }
        case EffectVerb::ap: {
            int t = resolve(e.team, ctx.self, ctx.other);
            int n = std::abs(e.value);
            return sentence(team(g, t) + (e.value >= 0 ? " gets " : " loses ") + std::to_string(n) + " action point" +
                            (n == 1 ? "" : "s") + " in the next orders phase");
        }
        case EffectVerb::freeze_nuclear:
            return sentence("Iran's nuclear programme cannot advance for the rest of this turn (inspections)");
        case EffectVerb::leak_bonus:
            return sentence("secret talks become likelier to leak this turn (" + signed_number(e.value) +
                            " to the leak roll, which needs " + std::to_string(s.rules.leak_target) + ")");
        case EffectVerb::promise: {
            int t = resolve(e.team, ctx.self, ctx.other);
            return sentence(team(g, t) + " promises to reciprocate within " + std::to_string(e.value) +
                            " turn(s); a broken promise costs " + std::to_string(s.rules.promise_penalty) + " trust");
        }
        case EffectVerb::open_framework:
            return sentence("a strategic framework may be proposed for the next " + std::to_string(e.value) +
                            " turn(s), whatever the channel");
    }
    return {};
}

std::vector<std::string> effect_sentences(const GameState& g, const Board& b, const std::vector<Effect>& effects,
                                          const EffectContext& ctx) {
    std::vector<std::string> out;
    for (const Effect& e : effects)
        if (auto line = effect_sentence(g, b, e, ctx); !line.empty()) out.push_back(std::move(line));
    return out;
}

}  // namespace gb
