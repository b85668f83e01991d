// The resolution order: accepted deals first (in the order they were made),
// then orders sorted by the action's step, then team (us, iran, israel, gulf),
// then their place in the team's list. War stops adjudication at once.
#include "adjudication.hpp"

#include <algorithm>

namespace gb {

namespace {

bool is_channel_pair(Team a, Team b) {
    return (a == Team::us && b == Team::iran) || (a == Team::iran && b == Team::us);
}

EffectContext order_context(const GameState& g, Team team, const Order& o) {
    EffectContext ctx;
    ctx.self = idx(team);
    ctx.region = o.region;
    ctx.marker = o.marker;
    ctx.turn = g.turn;
    return ctx;
}

// Applies the effects of an order's outcome, with its special rule hook.
void apply_outcome(GameState& g, Team team, const Order& o, bool success, Result& r) {
    const Scenario& s = g.sc();
    Board& b = g.board;
    const ActionDef& a = s.actions[o.action];
    EffectContext ctx = order_context(g, team, o);
    auto& ev = r.events;
    if (success) {
        switch (a.special) {
            case Special::framework: {
                b.proposal.from = static_cast<std::int8_t>(idx(team));
                b.proposal.terms = o.terms;
                b.proposal.turn = static_cast<std::int16_t>(g.turn);
                Event e;
                e.kind = Event::Kind::framework;
                e.team = static_cast<std::int8_t>(idx(team));
                e.a = static_cast<std::int16_t>(o.terms);
                e.value = 0;
                ev.push_back(e);
                break;
            }
            case Special::interdict: b.interdicted |= 1u << o.region; break;
            case Special::forum_join:
            case Special::forum_block: {
                b.forum[idx(team)] = a.special == Special::forum_join ? ForumStance::joined : ForumStance::blocked;
                Event e;
                e.kind = Event::Kind::forum;
                e.team = static_cast<std::int8_t>(idx(team));
                e.value = static_cast<int>(b.forum[idx(team)]);
                ev.push_back(e);
                break;
            }
            case Special::implement: {
                b.terms[o.term] = TermStatus::implemented;
                Event e;
                e.kind = Event::Kind::term;
                e.a = o.term;
                e.value = 1;
                ev.push_back(e);
                apply_effects(s, b, ctx, s.terms[o.term].effects, &r.changes, &ev);
                break;
            }
            case Special::play_card: {
                auto& hand = b.hands[idx(team)];
                auto& n = b.hand_size[idx(team)];
                for (int i = 0; i < n; ++i)
                    if (hand[i] == o.card) {
                        for (int j = i; j + 1 < n; ++j) hand[j] = hand[j + 1];
                        --n;
                        break;
                    }
                apply_effects(s, b, ctx, g.card(o.card).play, &r.changes, &ev);
                break;
            }
            default: break;
        }
        apply_effects(s, b, ctx, a.success, &r.changes, &ev);
        if (a.reciprocal) honour_promises_of(b, idx(team), ev);
    } else {
        apply_effects(s, b, ctx, a.failure, &r.changes, &ev);
    }
}

// Undoes the rule-hook part of an order's success (for amendments).
void undo_special(GameState& g, Team team, const Order& o) {
    const Scenario& s = g.sc();
    Board& b = g.board;
    switch (s.actions[o.action].special) {
        case Special::framework:
            if (b.proposal.from == idx(team)) b.proposal = {};
            break;
        case Special::interdict: b.interdicted &= ~(1u << o.region); break;
        case Special::forum_join:
        case Special::forum_block: b.forum[idx(team)] = ForumStance::none; break;
        case Special::implement: b.terms[o.term] = TermStatus::pending; break;
        case Special::play_card: {
            auto& n = b.hand_size[idx(team)];
            if (n < kMaxHand) b.hands[idx(team)][n++] = o.card;
            break;
        }
        default: break;
    }
}

void apply_deal(GameState& g, const Offer& o, Result& r) {
    const Scenario& s = g.sc();
    EffectContext give;
    give.self = idx(o.from);
    give.other = idx(o.to);
    give.turn = g.turn;
    EffectContext take = give;
    std::swap(take.self, take.other);
    for (auto c : o.gives) apply_effects(s, g.board, give, s.concessions[c].effects, &r.changes, &r.events);
    for (auto c : o.wants) apply_effects(s, g.board, take, s.concessions[c].effects, &r.changes, &r.events);
    if (is_channel_pair(o.from, o.to)) {
        set_track(s, g.board, Track::trust, g.board.track(Track::trust) + s.rules.deal_trust, -1, &r.changes,
                  &r.events);
        honour_promises_of(g.board, idx(o.from), r.events);
        honour_promises_of(g.board, idx(o.to), r.events);
    }
}

// Why an order committed earlier can no longer happen, or empty.
std::string blocked_now(const GameState& g, Team team, const Order& o) {
    const Scenario& s = g.sc();
    const Board& b = g.board;
    const ActionDef& a = s.actions[o.action];
    if (a.needs_channel && b.channel < *a.needs_channel) return "the channel is now " + std::string(name_of(b.channel));
    if (a.max_channel && b.channel > *a.max_channel) return "the channel is now " + std::string(name_of(b.channel));
    if (a.special == Special::framework && b.channel == Channel::strategic) return "a framework is already in force";
    if (a.special == Special::framework && b.proposal.from >= 0) return "another proposal came first";
    if (a.special == Special::framework && b.open_framework == 0 &&
        (b.channel < Channel::tactical || b.track(Track::trust) < s.rules.framework_min_trust))
        return "the conditions for a framework no longer hold";
    if (a.special == Special::implement && b.terms[o.term] != TermStatus::pending)
        return "the term is no longer pending";
    (void)team;
    return {};
}

}  // namespace

RollPlan roll_plan(const GameState& g, Team team, const Order& o) {
    const ActionDef& a = g.sc().actions[o.action];
    RollPlan p;
    if (a.roll == 0) return p;
    p.modifier = evaluate(g.sc(), g.board, a.mods, order_context(g, team, o), false);
    p.chance36 = chance_36(a.roll, p.modifier);
    return p;
}

void adjudicate(GameState& g, std::vector<Event>& events) {
    const Scenario& s = g.sc();
    Report rep;
    rep.turn = static_cast<std::int16_t>(g.turn);
    g.reports.push_back(rep);
    Report& report = g.reports.back();
    auto finish_result = [&](Result&& r) {
        Event e;
        e.kind = Event::Kind::result;
        e.a = static_cast<std::int16_t>(report.results.size());
        e.team = r.team;
        e.value = r.success ? 1 : 0;
        e.audience = Event::kControl;  // teams see the report when it is released
        events.push_back(e);
        report.results.push_back(std::move(r));
    };

    for (Offer& o : g.offers) {
        if (o.status != OfferStatus::accepted) continue;
        Result r;
        r.kind = Result::Kind::deal;
        r.team = static_cast<std::int8_t>(idx(o.from));
        r.offer = o.id;
        r.deal = o;
        r.deal.status = OfferStatus::executed;
        apply_deal(g, o, r);
        o.status = OfferStatus::executed;
        for (Event e : r.events) {
            e.audience = Event::kControl;
            events.push_back(std::move(e));
        }
        finish_result(std::move(r));
        if (g.board.war) return;
    }

    struct Item {
        int step, team, index;
    };
    std::vector<Item> items;
    for (Team t : kAllTeams)
        for (std::size_t i = 0; i < g.orders[idx(t)].size(); ++i)
            items.push_back({s.actions[g.orders[idx(t)][i].action].step, idx(t), static_cast<int>(i)});
    std::sort(items.begin(), items.end(), [](const Item& x, const Item& y) {
        if (x.step != y.step) return x.step < y.step;
        if (x.team != y.team) return x.team < y.team;
        return x.index < y.index;
    });

    for (const Item& it : items) {
        Team team = static_cast<Team>(it.team);
        const Order& o = g.orders[it.team][it.index];
        const ActionDef& a = s.actions[o.action];
        Result r;
        r.kind = Result::Kind::order;
        r.team = static_cast<std::int8_t>(it.team);
        r.order = o;
        std::string why = blocked_now(g, team, o);
        if (!why.empty()) {
            r.success = false;
            r.reason = why;
            finish_result(std::move(r));
            continue;
        }
        bool success = true;
        if (a.roll > 0) {
            RollPlan p = roll_plan(g, team, o);
            r.die1 = static_cast<std::int8_t>(g.rng.d6());
            r.die2 = static_cast<std::int8_t>(g.rng.d6());
            r.modifier = static_cast<std::int16_t>(p.modifier);
            r.target = static_cast<std::int16_t>(a.roll);
            success = r.die1 + r.die2 + r.modifier >= a.roll;
            if (!success) r.reason = "roll failed";
        }
        if (a.special == Special::shipment && (g.board.interdicted >> o.region) & 1u) {
            success = false;
            r.reason = "interdicted";
        }
        if (a.special == Special::interdict && success) r.reason = "interdiction in place";
        r.success = success;
        apply_outcome(g, team, o, success, r);
        for (Event e : r.events) {  // the White Cell sees the draft; teams see it on release
            e.audience = Event::kControl;
            events.push_back(std::move(e));
        }
        finish_result(std::move(r));
        if (g.board.war) return;
    }
}

void amend(GameState& g, int index, bool success, std::vector<Event>& events) {
    Report& report = g.reports.back();
    Result& r = report.results[index];
    revert_changes(g.sc(), g.board, r.changes);
    r.changes.clear();
    r.events.clear();
    if (r.kind == Result::Kind::deal) {
        if (success)
            for (const Offer& o : g.offers)
                if (o.id == r.offer) apply_deal(g, o, r);
    } else {
        Team team = static_cast<Team>(r.team);
        if (r.success) undo_special(g, team, r.order);
        apply_outcome(g, team, r.order, success, r);
    }
    r.success = success;
    for (Event e : r.events) {
        e.audience = Event::kControl;
        events.push_back(std::move(e));
    }
}

}  // namespace gb
