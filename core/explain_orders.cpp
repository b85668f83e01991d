// Orders, order types, concessions, choice options, cards in hand and bargain
// terms in plain words, from the scenario's actions, mods and effects.
#include <algorithm>

#include "adjudication.hpp"
#include "explain.hpp"
#include "explain_words.hpp"
#include "narrate.hpp"

namespace gb {

using namespace words;

namespace {

int resolve(int ref, const EffectContext& ctx) {
    if (ref == kRefSelf) return ctx.self;
    if (ref == kRefOther) return ctx.other;
    return ref;
}

// "your" for the team the context speaks to, else the team's name.
std::string whose(const GameState& g, int t, const EffectContext& ctx) {
    if (t >= 0 && t == ctx.self && ctx.to_self) return "your";
    if (t < 0) return "the acting team's";
    return owner(g, t);
}

}  // namespace

// What a formula term reads, as a noun phrase; `condition` is set for terms
// that are yes-or-no (a region controlled, a channel level, an outcome).
std::string words::term_subject(const GameState& g, const Term& t, const EffectContext& ctx, bool& condition) {
    const Scenario& s = g.sc();
    condition = false;
    auto reg = [&](int r) { return region(g, r == kRefTarget ? ctx.region : r); };
    switch (t.source) {
        case TermSource::track: return t.a >= 0 && t.a < kTracks ? track_words(static_cast<Track>(t.a)) : "a track";
        case TermSource::influence: return whose(g, resolve(t.b, ctx), ctx) + " influence in " + reg(t.a);
        case TermSource::stability: return "stability in " + reg(t.a);
        case TermSource::marker: {
            std::string m = "the armed group " + marker(g, t.a == kRefTarget ? ctx.marker : t.a);
            return t.b == kRefNone ? m + " (its strength everywhere)" : m + " in " + reg(t.b);
        }
        case TermSource::control: condition = true; return team(g, resolve(t.b, ctx)) + " controlling " + reg(t.a);
        case TermSource::controls: return "the regions " + team(g, resolve(t.team, ctx)) + " controls";
        case TermSource::counter: return counter_words(s, t.a);
        case TermSource::security: return whose(g, resolve(t.team, ctx), ctx) + " security";
        case TermSource::channel:
            condition = true;
            return "the channel being at " + channel_words(static_cast<Channel>(std::clamp(t.a, 0, 3)));
        case TermSource::outcome:
            condition = true;
            return t.a == static_cast<int>(Outcome::war)        ? "a regional war at the end"
                   : t.a == static_cast<int>(Outcome::breakout) ? "a nuclear breakout at the end"
                                                                : "a US–Iran rapprochement at the end";
        case TermSource::bargain_term:
            condition = true;
            return "the bargain term “" +
                   (t.a >= 0 && t.a < static_cast<int>(s.terms.size()) ? s.terms[t.a].name : std::string("?")) +
                   "” carried out";
        case TermSource::channel_level: return "the channel's level (0 closed, 1 secret, 2 tactical, 3 strategic)";
        case TermSource::owed:
            return "the bargain terms " + team(g, resolve(t.team, ctx)) + " accepted and has not carried out";
    }
    return "a condition";
}

namespace {

// A yes-or-no subject as a clause: "there is a regional war at the end",
// "the bargain term “X” is carried out", "Iran controls Iraq".
std::string condition_clause(const std::string& what) {
    const std::string carried = "” carried out", controlling = " controlling ", being = "the channel being at ";
    if (what.size() > carried.size() && what.compare(what.size() - carried.size(), carried.size(), carried) == 0)
        return what.substr(0, what.size() - std::string(" carried out").size()) + " is carried out";
    if (auto at = what.find(controlling); at != std::string::npos)
        return what.substr(0, at) + " controls " + what.substr(at + controlling.size());
    if (what.rfind(being, 0) == 0) return "the channel is at " + what.substr(being.size());
    if (what.rfind("a ", 0) == 0) return "there is " + what;
    return what;
}

std::string with_chance(int target, int modifier) {
    int c = chance_36(target, modifier);
    return std::to_string(c) + " in 36, about " + std::to_string((c * 100 + 18) / 36) + "%";
}

std::string cost_line(int cost) {
    return "Costs " + std::to_string(cost) + " action point" + (cost == 1 ? "." : "s.");
}

bool has_spoiler(const std::vector<Effect>& effects) {
    return std::any_of(effects.begin(), effects.end(), [](const Effect& e) { return e.verb == EffectVerb::spoiler; });
}

void add_effects(Explanation& x, const std::vector<std::string>& lines, const std::string& prefix) {
    for (const std::string& l : lines) x.lines.push_back(prefix.empty() ? l : prefix + l);
}

std::string terms_list(const GameState& g, std::uint32_t terms) {
    std::string out = describe_terms(g, terms);
    return out.empty() ? std::string("no terms") : out;
}

// The order-specific part: the rule hook of a special order.
void special_lines(const GameState& g, Team team, const Order& o, const EffectContext& ctx, Explanation& x) {
    const Scenario& s = g.sc();
    const ActionDef& a = s.actions[o.action];
    switch (a.special) {
        case Special::framework:
            x.lines.push_back("Proposes a strategic framework (" + terms_list(g, o.terms) +
                              "); the other side accepts or rejects it in the next negotiation.");
            break;
        case Special::interdict:
            x.lines.push_back("If it succeeds, any arms shipment to " + region(g, o.region) + " this turn is stopped.");
            break;
        case Special::shipment:
            x.lines.push_back("An interdiction in " + region(g, o.region) + " this turn stops it.");
            break;
        case Special::forum_join:
        case Special::forum_block:
            x.lines.push_back(std::string("Takes ") + whose(g, idx(team), ctx) +
                              " stance on the regional security forum, once and for all.");
            break;
        case Special::implement:
            if (o.term >= 0 && o.term < static_cast<int>(s.terms.size())) {
                x.lines.push_back("Carries out the bargain term “" + s.terms[o.term].name + "”:");
                add_effects(x, effect_sentences(g, g.board, s.terms[o.term].effects, ctx), "  ");
            }
            break;
        case Special::play_card:
            if (o.card >= 0) {
                const CardDef& c = g.card(o.card);
                x.lines.push_back("Plays “" + c.title + "” from your hand:");
                add_effects(x, effect_sentences(g, g.board, c.play, ctx), "  ");
                x.spoiler |= has_spoiler(c.play);
            }
            break;
        default: break;
    }
}

}  // namespace

std::string term_phrase(const GameState& g, const Term& t, const EffectContext& ctx) {
    bool condition = false;
    std::string what = term_subject(g, t, ctx, condition);
    std::string w = signed_number(t.weight), is = plural_words(what) ? " are " : " is ";
    if (condition && t.test != Term::Test::value && t.threshold == 1)  // "below 1": it does not hold
        return w + (t.test == Term::Test::below ? " unless " : " if ") + condition_clause(what);
    if (t.test == Term::Test::below) return w + " while " + what + is + "below " + std::to_string(t.threshold);
    if (t.test == Term::Test::at_least) return w + " once " + what + is + "at least " + std::to_string(t.threshold);
    if (condition) return w + " if " + condition_clause(what);
    return w + " for each point of " + what;
}

std::string roll_sentence(const GameState& g, Team team, const Order& o, bool to_team) {
    const Scenario& s = g.sc();
    if (o.action < 0 || o.action >= static_cast<int>(s.actions.size())) return {};
    const ActionDef& a = s.actions[o.action];
    if (a.roll == 0) return {};
    EffectContext ctx;
    ctx.self = idx(team);
    ctx.to_self = to_team;
    ctx.region = o.region;
    ctx.marker = o.marker;
    ctx.turn = g.turn;
    std::string out = "Needs " + std::to_string(a.roll) + " or more on two dice";
    int total = 0;
    for (const Term& t : a.mods) {
        int v = evaluate_term(s, g.board, t, ctx, false);
        if (v == 0) continue;
        total += v;
        bool condition = false;
        std::string what = term_subject(g, t, ctx, condition);
        if (t.test == Term::Test::below)
            out += ", " + signed_number(v) + " because " + what + (plural_words(what) ? " are" : " is") + " below " +
                   std::to_string(t.threshold);
        else if (t.test == Term::Test::at_least)
            out += ", " + signed_number(v) + " because " + what + (plural_words(what) ? " are" : " is") + " at least " +
                   std::to_string(t.threshold);
        else if (condition)
            out += ", " + signed_number(v) + " because " + condition_clause(what);
        else
            out += ", " + signed_number(v) + " from " + what;
    }
    return out + " (" + with_chance(a.roll, total) + ").";
}

Explanation explain_order(const GameState& g, Team team, const Order& o, bool to_team) {
    const Scenario& s = g.sc();
    Explanation x;
    if (o.action < 0 || o.action >= static_cast<int>(s.actions.size())) return {"An unknown order", {}, false};
    const ActionDef& a = s.actions[o.action];
    x.title = describe_order(g, team, o);
    EffectContext ctx;
    ctx.self = idx(team);
    ctx.region = o.region;
    ctx.marker = o.marker;
    ctx.turn = g.turn;
    x.lines.push_back(cost_line(a.cost));
    ctx.to_self = to_team;
    if (auto roll = roll_sentence(g, team, o, to_team); !roll.empty())
        x.lines.push_back(roll);
    else
        x.lines.push_back("Needs no roll: it happens if it is still possible when orders are carried out.");
    special_lines(g, team, o, ctx, x);
    add_effects(x, effect_sentences(g, g.board, a.success, ctx), a.roll > 0 ? "If it succeeds: " : "");
    add_effects(x, effect_sentences(g, g.board, a.failure, ctx), "If it fails: ");
    if (a.reciprocal)
        x.lines.push_back("It counts as reciprocation: it keeps any promise " + team_name(g, idx(team)) + " has made.");
    x.spoiler |= has_spoiler(a.success) || has_spoiler(a.failure);
    return x;
}

Explanation explain_action(const GameState& g, Team team, int action) {
    const Scenario& s = g.sc();
    if (action < 0 || action >= static_cast<int>(s.actions.size())) return {"An unknown order", {}, false};
    const ActionDef& a = s.actions[action];
    Explanation x;
    x.title = a.name;
    EffectContext ctx;
    ctx.self = idx(team);
    ctx.turn = g.turn;
    x.lines.push_back(cost_line(a.cost));
    switch (a.target) {
        case TargetKind::none: break;
        case TargetKind::region: x.lines.push_back("You choose a region as its target."); break;
        case TargetKind::marker: x.lines.push_back("You choose an armed group in a region as its target."); break;
        case TargetKind::terms: x.lines.push_back("You choose the bargain terms to propose."); break;
        case TargetKind::card: x.lines.push_back("You choose a card from your hand."); break;
        case TargetKind::term: x.lines.push_back("You choose a bargain term your side owes."); break;
    }
    if (a.roll > 0) {
        std::string r = "Needs " + std::to_string(a.roll) + " or more on two dice";
        for (const Term& t : a.mods) r += ", " + term_phrase(g, t, ctx);
        x.lines.push_back(r + ".");
    } else {
        x.lines.push_back("Needs no roll.");
    }
    if (a.needs_channel && a.max_channel && *a.needs_channel == *a.max_channel)
        x.lines.push_back("Only while the channel is at " + channel_words(*a.needs_channel) + ".");
    else if (a.needs_channel)
        x.lines.push_back("Only while the channel is at " + channel_words(*a.needs_channel) + " or beyond.");
    if (a.max_channel && *a.max_channel != Channel::strategic &&
        !(a.needs_channel && *a.needs_channel == *a.max_channel))
        x.lines.push_back("Only while the channel is no further than " + channel_words(*a.max_channel) + ".");
    if (a.min_turn > 1) x.lines.push_back("Not before turn " + std::to_string(a.min_turn) + ".");
    for (const Term& t : a.premise) {
        Term shown = t;
        shown.weight = 1;
        std::string p = term_phrase(g, shown, ctx);
        x.lines.push_back("Only " + p.substr(p.find(' ') + 1) + ".");
    }
    if (a.once_per_turn) x.lines.push_back("Once per turn.");
    add_effects(x, effect_sentences(g, g.board, a.success, ctx), a.roll > 0 ? "If it succeeds: " : "");
    add_effects(x, effect_sentences(g, g.board, a.failure, ctx), "If it fails: ");
    if (a.reciprocal) x.lines.push_back("It counts as reciprocation: it keeps a promise your side has made.");
    x.spoiler = has_spoiler(a.success) || has_spoiler(a.failure);
    return x;
}

Explanation explain_concession(const GameState& g, int concession, Team giver, Team receiver) {
    const Scenario& s = g.sc();
    if (concession < 0 || concession >= static_cast<int>(s.concessions.size()))
        return {"An unknown concession", {}, false};
    const ConcessionDef& c = s.concessions[concession];
    Explanation x;
    x.title = c.name;
    EffectContext ctx;
    ctx.self = idx(giver);
    ctx.other = idx(receiver);
    ctx.turn = g.turn;
    x.lines.push_back(team_name(g, idx(giver)) + " gives it to " + team_name(g, idx(receiver)) +
                      " if the deal is accepted; it happens when orders are carried out.");
    add_effects(x, effect_sentences(g, g.board, c.effects, ctx), "");
    if (c.needs_channel)
        x.lines.push_back("It can be offered only while the channel is at " + channel_words(*c.needs_channel) +
                          " or beyond.");
    bool pair = (giver == Team::us && receiver == Team::iran) || (giver == Team::iran && receiver == Team::us);
    if (pair && s.rules.deal_trust != 0)
        x.lines.push_back("A US–Iran deal also moves trust by " + signed_number(s.rules.deal_trust) + ".");
    if (pair) x.lines.push_back("A US–Iran deal keeps any promise of reciprocity either side has made.");
    x.spoiler = has_spoiler(c.effects);
    return x;
}

Explanation explain_option(const GameState& g, int card, int option) {
    const CardDef& c = g.card(card);
    if (option < 0 || option >= static_cast<int>(c.options.size())) return {"An unknown option", {}, false};
    const CardOption& op = c.options[option];
    Explanation x;
    x.title = op.label;
    EffectContext ctx;
    ctx.self = c.chooser >= 0 ? c.chooser : kRefNone;
    ctx.turn = g.turn;
    add_effects(x, effect_sentences(g, g.board, op.effects, ctx), "");
    if (x.lines.empty()) x.lines.push_back("Nothing on the board changes.");
    if (c.default_option == option) x.lines.push_back("If no choice is made in time, this option is taken.");
    x.spoiler = has_spoiler(op.effects);
    return x;
}

Explanation explain_card(const GameState& g, int card, Team holder) {
    const CardDef& c = g.card(card);
    Explanation x;
    x.title = c.title;
    EffectContext ctx;
    ctx.self = idx(holder);
    ctx.turn = g.turn;
    int play = g.sc().find_action("play_card");
    if (play >= 0)
        x.lines.push_back("Play it with the order “" + g.sc().actions[play].name + "” (" +
                          std::to_string(g.sc().actions[play].cost) + " action point) in an orders phase:");
    add_effects(x, effect_sentences(g, g.board, c.play, ctx), "  ");
    if (c.play.empty()) x.lines.push_back("Playing it changes nothing on the board.");
    x.spoiler = has_spoiler(c.play);
    return x;
}

Explanation explain_term(const GameState& g, int term) {
    const Scenario& s = g.sc();
    if (term < 0 || term >= static_cast<int>(s.terms.size())) return {"An unknown term", {}, false};
    const BargainTermDef& t = s.terms[term];
    Explanation x;
    x.title = t.name;
    EffectContext ctx;
    ctx.self = t.side == TermSide::us ? idx(Team::us) : t.side == TermSide::iran ? idx(Team::iran) : kRefNone;
    ctx.turn = g.turn;
    x.lines.push_back(t.side == TermSide::regional ? std::string("A regional term: Israel and the Gulf States take a "
                                                                 "stance on it at the regional security forum.")
                                                   : team_name(g, ctx.self) +
                                                         " owes it once a framework is accepted, "
                                                         "and must carry it out within " +
                                                         std::to_string(s.rules.implement_within) + " turns.");
    add_effects(x, effect_sentences(g, g.board, t.effects, ctx), "When carried out: ");
    if (!t.forbids.empty()) {
        std::string f;
        for (int a : t.forbids)
            if (a >= 0 && a < static_cast<int>(s.actions.size())) f += (f.empty() ? "" : ", ") + s.actions[a].name;
        x.lines.push_back("Once carried out, " + team_name(g, ctx.self) + " may no longer order: " + f + ".");
    }
    if (t.central) x.lines.push_back("It is central: a framework must include it.");
    return x;
}

}  // namespace gb
