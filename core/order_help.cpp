// Targets and warnings for orders, from legal_orders (the bots' legality),
// the bots' valuation for the default target, and the accepted deals.
#include "order_help.hpp"

#include <algorithm>

#include "bot.hpp"
#include "explain.hpp"
#include "explain_words.hpp"
#include "narrate.hpp"
#include "rules.hpp"

namespace gb {

using namespace words;

Targets order_targets(const GameState& g, Team team, int action, const std::vector<Order>& before) {
    const Scenario& s = g.sc();
    Targets out;
    if (action < 0 || action >= static_cast<int>(s.actions.size())) return out;
    const ActionDef& a = s.actions[action];
    std::vector<Order> legal;
    for (const Order& o : legal_orders(g, team, before))
        if (o.action == action) legal.push_back(o);
    if (a.target == TargetKind::marker) {
        std::vector<Order> present;
        for (const Order& o : legal)
            if (g.board.marker(o.region, o.marker) > 0) present.push_back(o);
        legal = std::move(present);
    }
    double best = -1e300;
    for (const Order& o : legal) {
        TargetChoice c{o, describe_order(g, team, o)};
        if (a.target == TargetKind::marker)
            c.label = marker(g, o.marker) + " in " + region(g, o.region) + " (strength " +
                      std::to_string(g.board.marker(o.region, o.marker)) + ")";
        else if (a.target == TargetKind::region)
            c.label = region(g, o.region);
        EffectContext ctx;
        ctx.self = idx(team);
        ctx.region = o.region;
        ctx.marker = o.marker;
        ctx.turn = g.turn;
        double value = effect_value(g, team, ctx, a.success);
        if (value > best) {
            best = value;
            out.default_index = static_cast<int>(out.choices.size());
        }
        out.choices.push_back(std::move(c));
    }
    return out;
}

namespace {

bool pair(Team x, Team y) {
    return (x == Team::us && y == Team::iran) || (x == Team::iran && y == Team::us);
}

// The board after the accepted deals are carried out (deals come first in adjudication).
Board after_deals(const GameState& g, const Offer& only_this, bool only) {
    const Scenario& s = g.sc();
    Board b = g.board;
    for (const Offer& o : g.offers) {
        if (o.status != OfferStatus::accepted || (only && o.id != only_this.id)) continue;
        EffectContext give;
        give.self = idx(o.from);
        give.other = idx(o.to);
        give.turn = g.turn;
        EffectContext take = give;
        std::swap(take.self, take.other);
        for (auto c : o.gives) apply_effects(s, b, give, s.concessions[c].effects, nullptr, nullptr);
        for (auto c : o.wants) apply_effects(s, b, take, s.concessions[c].effects, nullptr, nullptr);
    }
    return b;
}

std::string names(const GameState& g, const std::vector<std::int16_t>& cs) {
    std::string out;
    for (auto c : cs) out += (out.empty() ? "“" : ", “") + g.sc().concessions[c].name + "”";
    return out;
}

int sign(int v) {
    return (v > 0) - (v < 0);
}

// Whether an order's effect pushes the same thing a concession's effect moves, the other way.
bool opposes(const Effect& given, const EffectContext& gctx, const Effect& ordered, const EffectContext& octx) {
    auto team_of = [](int ref, const EffectContext& c) {
        return ref == kRefSelf ? c.self : ref == kRefOther ? c.other : ref;
    };
    auto track_of = [](const Effect& e, const EffectContext& c) {
        if (e.verb == EffectVerb::track) return e.a;
        if (c.self == idx(Team::us)) return idx(Track::us_hawks);
        if (c.self == idx(Team::iran)) return idx(Track::iran_hardliners);
        return -1;
    };
    bool given_track = given.verb == EffectVerb::track || given.verb == EffectVerb::opposition;
    bool ordered_track = ordered.verb == EffectVerb::track || ordered.verb == EffectVerb::opposition;
    if (given_track && ordered_track)
        return !given.set && !ordered.set && track_of(given, gctx) >= 0 &&
               track_of(given, gctx) == track_of(ordered, octx) && sign(given.value) == -sign(ordered.value) &&
               given.value != 0;
    if (given.verb != ordered.verb || given.set || ordered.set) return false;
    auto reg = [](int ref, const EffectContext& c) { return ref == kRefTarget ? c.region : ref; };
    switch (given.verb) {
        case EffectVerb::marker:
            return reg(given.a, gctx) == reg(ordered.a, octx) &&
                   (given.b == kRefTarget ? gctx.marker : given.b) ==
                       (ordered.b == kRefTarget ? octx.marker : ordered.b) &&
                   sign(given.value) == -sign(ordered.value);
        case EffectVerb::influence:
            return reg(given.a, gctx) == reg(ordered.a, octx) &&
                   team_of(given.team, gctx) == team_of(ordered.team, octx) &&
                   sign(given.value) == -sign(ordered.value);
        case EffectVerb::stability:
            return reg(given.a, gctx) == reg(ordered.a, octx) && sign(given.value) == -sign(ordered.value);
        case EffectVerb::security:
            return team_of(given.team, gctx) == team_of(ordered.team, octx) &&
                   sign(given.value) == -sign(ordered.value);
        default: return false;
    }
}

bool spoils(const std::vector<Effect>& effects) {
    for (const Effect& e : effects)
        if (e.verb == EffectVerb::spoiler ||
            (e.verb == EffectVerb::track && e.a == idx(Track::trust) && (e.set ? e.value < 0 : e.value < 0)))
            return true;
    return false;
}

}  // namespace

std::vector<OrderWarning> order_warnings(const GameState& g, Team team, const Order& o,
                                         const std::vector<Order>& before) {
    const Scenario& s = g.sc();
    std::vector<OrderWarning> out;
    if (o.action < 0 || o.action >= static_cast<int>(s.actions.size())) return out;
    const ActionDef& a = s.actions[o.action];
    (void)before;
    EffectContext octx;
    octx.self = idx(team);
    octx.region = o.region;
    octx.marker = o.marker;
    octx.turn = g.turn;
    std::string points = std::to_string(a.cost) + " action point" + (a.cost == 1 ? "" : "s");
    for (const Offer& deal : g.offers) {
        if (deal.status != OfferStatus::accepted) continue;
        // 1. A deal that already moved the channel past what the order needs.
        Board b = after_deals(g, deal, true);
        std::string all =
            names(g, deal.gives) + (deal.gives.empty() || deal.wants.empty() ? "" : " and ") + names(g, deal.wants);
        if (a.max_channel && g.board.channel <= *a.max_channel && b.channel > *a.max_channel)
            out.push_back({OrderWarning::Kind::repeats_deal,
                           "The accepted deal (" + all + ") already takes the channel to " + channel_words(b.channel) +
                               ": this order needs it at " + channel_words(*a.max_channel) +
                               " or below, so it will fail and waste its " + points + "."});
        else if (a.needs_channel && g.board.channel >= *a.needs_channel && b.channel < *a.needs_channel)
            out.push_back({OrderWarning::Kind::repeats_deal, "The accepted deal (" + all + ") leaves the channel at " +
                                                                 channel_words(b.channel) + ": this order needs " +
                                                                 channel_words(*a.needs_channel) +
                                                                 ", so it will fail and waste its " + points + "."});
        // 2. Undoing what the team gave.
        if (deal.from != team && deal.to != team) continue;
        Team other = deal.from == team ? deal.to : deal.from;
        const auto& given = deal.from == team ? deal.gives : deal.wants;
        EffectContext gctx;
        gctx.self = idx(team);
        gctx.other = idx(other);
        for (auto c : given) {
            bool hit = false;
            for (const Effect& ge : s.concessions[c].effects)
                for (const Effect& oe : a.success) hit |= opposes(ge, gctx, oe, octx);
            if (hit)
                out.push_back({OrderWarning::Kind::breaks_deal,
                               "This order undoes “" + s.concessions[c].name + "”, which " + team_name(g, idx(team)) +
                                   " gave " + team_name(g, idx(other)) + " in an accepted deal."});
        }
        if (pair(team, other) && spoils(a.success))
            out.push_back({OrderWarning::Kind::breaks_deal, "This order costs trust (or is a spoiler) right after " +
                                                                team_name(g, idx(team)) + "'s accepted deal with " +
                                                                team_name(g, idx(other)) + "."});
    }
    for (const Promise& p : g.board.promises)
        if (p.team == idx(team) && spoils(a.success))
            out.push_back({OrderWarning::Kind::breaks_promise,
                           team_name(g, idx(team)) + " promised to reciprocate by turn " + std::to_string(p.due_turn) +
                               ", and this order costs trust (or is a spoiler)."});
    return out;
}

std::string promise_reminder(const GameState& g, Team team, const std::vector<Order>& orders) {
    const Scenario& s = g.sc();
    bool due = false;
    for (const Promise& p : g.board.promises) due |= p.team == idx(team) && p.due_turn <= g.turn;
    if (!due) return {};
    for (const Order& o : orders)
        if (o.action >= 0 && o.action < static_cast<int>(s.actions.size()) && s.actions[o.action].reciprocal) return {};
    for (const Offer& d : g.offers)
        if (d.status == OfferStatus::accepted && (d.from == team || d.to == team) && pair(d.from, d.to)) return {};
    std::string keep;
    for (const ActionDef& a : s.actions)
        if (a.reciprocal && (a.teams & (1u << idx(team)))) keep += (keep.empty() ? "“" : ", “") + a.name + "”";
    return team_name(g, idx(team)) + "'s promise to reciprocate falls due this turn: without a reciprocal order (" +
           keep + ") or a US–Iran deal it is broken, and trust falls by " + std::to_string(s.rules.promise_penalty) +
           ".";
}

}  // namespace gb
