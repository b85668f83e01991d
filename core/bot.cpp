// Bot decisions. The random bot draws uniformly among the legal choices; the
// heuristic bot values each choice by its expected change to its team's score.
#include "bot.hpp"

#include <algorithm>
#include <cstring>
#include <span>

#include "adjudication.hpp"
#include "rules.hpp"

namespace gb {

namespace {

constexpr int kMaxOffersPerTurn = 1;

int offers_made(const GameState& g, Team t) {
    int n = 0;
    for (const Offer& o : g.offers) n += (o.from == t && o.turn == g.turn) ? 1 : 0;
    return n;
}

const Offer* offer_to_answer(const GameState& g, Team t) {
    for (const Offer& o : g.offers)
        if (o.to == t && o.status == OfferStatus::pending) return &o;
    return nullptr;
}

bool framework_awaits(const GameState& g, Team t) {
    const Proposal& p = g.board.proposal;
    if (p.from < 0) return false;
    return (p.from == idx(Team::us) && t == Team::iran) || (p.from == idx(Team::iran) && t == Team::us);
}

// A team's value of a board: its score as if the game ended there, plus its
// bot hints. A Valuation keeps the value of the game's board term by term, so
// that a board that differs from it in a few places (one order's effects) is
// valued again only in the terms that read those places. It gives exactly
// what evaluating every term gives.
class Valuation {
    static_assert(sizeof(RegionState) == 1 + kTeams, "RegionState compares byte-wise: no padding");

public:
    Valuation(const GameState& g, Team t) : s_(g.sc()), base_board_(g.board), self_(idx(t)) {
        ctx_.self = self_;
        items_.reserve(s_.teams[self_].score.size() + s_.teams[self_].bot_hints.size());
        add(s_.teams[self_].score);
        add(s_.teams[self_].bot_hints);
        base_ = value_of(base_board_, kAll);
    }
    double base() const { return base_; }
    double value(const Board& b) const { return value_of(b, changes(b)); }
    double delta(const Board& b) const { return value(b) - base_; }

private:
    // The parts of a board a term reads.
    enum Part : unsigned {
        kTracks = 1,
        kRegions = 2,
        kMarkers = 4,
        kCounters = 8,
        kSecurity = 16,
        kChannel = 32,
        kTerms = 64,
        kWar = 128,
        kAll = 255
    };
    struct Item {
        const Term* term;
        unsigned reads;
        int value;  // on the game's board
    };

    static unsigned reads(const Term& t) {
        switch (t.source) {
            case TermSource::track: return kTracks;
            case TermSource::influence:
            case TermSource::stability:
            case TermSource::control:
            case TermSource::controls: return kRegions;
            case TermSource::marker: return kMarkers;
            case TermSource::counter: return kCounters;
            case TermSource::security: return kSecurity;
            case TermSource::channel:
            case TermSource::channel_level: return kChannel;
            case TermSource::outcome: return kTracks | kChannel | kWar;
            case TermSource::bargain_term:
            case TermSource::owed: return kTerms;
        }
        return kAll;
    }

    void add(const std::vector<Term>& terms) {
        for (const Term& t : terms) items_.push_back({&t, reads(t), evaluate_term(s_, base_board_, t, ctx_, true)});
    }

    // Which parts of `b` differ from the game's board (byte-wise: every part
    // compared is an array of plain integers or enums).
    unsigned changes(const Board& b) const {
        const Board& a = base_board_;
        const std::size_t regions = static_cast<std::size_t>(a.region_count);
        auto differs = [](const auto& x, const auto& y, std::size_t bytes) { return std::memcmp(&x, &y, bytes) != 0; };
        unsigned c = 0;
        if (differs(a.tracks, b.tracks, sizeof a.tracks)) c |= kTracks;
        if (differs(a.regions, b.regions, regions * sizeof(RegionState))) c |= kRegions;
        if (differs(a.markers, b.markers, regions * kMaxMarkerKinds)) c |= kMarkers;
        if (differs(a.counters, b.counters, sizeof a.counters)) c |= kCounters;
        if (differs(a.security, b.security, sizeof a.security)) c |= kSecurity;
        if (b.channel != a.channel) c |= kChannel;
        if (differs(a.terms, b.terms, sizeof a.terms)) c |= kTerms;
        if (b.war != a.war || b.war_by != a.war_by) c |= kWar;
        return c;
    }

    double value_of(const Board& b, unsigned changed) const {
        int v = 0;
        for (const Item& i : items_)
            v += (i.reads & changed) ? evaluate_term(s_, b, *i.term, ctx_, true) : i.value;
        if (b.war && b.war_by == self_) v -= s_.rules.war_penalty;  // as team_score counts it
        return v;
    }

    const Scenario& s_;
    const Board& base_board_;
    int self_;
    EffectContext ctx_;
    std::vector<Item> items_;
    double base_ = 0;
};

// The change in value that effects would bring to the game's board.
double effect_value_from(const GameState& g, const EffectContext& ctx, const std::vector<Effect>& effects,
                         const Valuation& val) {
    if (effects.empty()) return 0.0;
    Board b = g.board;
    apply_effects(g.sc(), b, ctx, effects, nullptr, nullptr);
    return val.delta(b);
}

// Value of the whole bargain for a team: every proposed term implemented.
double framework_value(const GameState& g, std::uint32_t terms, const Valuation& val) {
    const Scenario& s = g.sc();
    Board b = g.board;
    b.channel = Channel::strategic;
    EffectContext ctx;
    ctx.turn = g.turn;
    for (std::size_t i = 0; i < s.terms.size(); ++i)
        if ((terms >> i) & 1u) {
            b.terms[i] = TermStatus::implemented;
            apply_effects(s, b, ctx, s.terms[i].effects, nullptr, nullptr);
        }
    return val.delta(b);
}

double offer_value(const GameState& g, Team from, Team to, std::span<const std::int16_t> gives,
                   std::span<const std::int16_t> wants, const Valuation& val) {
    const Scenario& s = g.sc();
    Board b = g.board;
    EffectContext give;
    give.self = idx(from);
    give.other = idx(to);
    give.turn = g.turn;
    EffectContext take = give;
    std::swap(take.self, take.other);
    for (auto c : gives) apply_effects(s, b, give, s.concessions[c].effects, nullptr, nullptr);
    for (auto c : wants) apply_effects(s, b, take, s.concessions[c].effects, nullptr, nullptr);
    if ((from == Team::us && to == Team::iran) || (from == Team::iran && to == Team::us)) {
        int tr = b.track(Track::trust) + s.rules.deal_trust;
        const auto& d = s.tracks[idx(Track::trust)];
        b.track(Track::trust) = std::clamp(tr, d.min, d.max);
    }
    return val.delta(b);
}

// Concessions a team may give now.
std::vector<std::int16_t> concessions_of(const GameState& g, Team t) {
    const Scenario& s = g.sc();
    std::vector<std::int16_t> out;
    for (std::size_t i = 0; i < s.concessions.size(); ++i) {
        const ConcessionDef& c = s.concessions[i];
        if (!(c.teams & (1u << idx(t)))) continue;
        if (c.needs_channel && g.board.channel < *c.needs_channel) continue;
        out.push_back(static_cast<std::int16_t>(i));
    }
    return out;
}

// Expected value of one order for the team.
double order_value(const GameState& g, Team t, const Order& o, const Valuation& val) {
    const Scenario& s = g.sc();
    const ActionDef& a = s.actions[o.action];
    EffectContext ctx;
    ctx.self = idx(t);
    ctx.region = o.region;
    ctx.marker = o.marker;
    ctx.turn = g.turn;
    double p = roll_plan(g, t, o).chance36 / 36.0;
    double win = 0, lose = 0;
    switch (a.special) {
        case Special::framework: win = framework_value(g, o.terms, val) * 0.5; break;
        case Special::implement: {
            // The term's effects, and one term fewer owed.
            Board b = g.board;
            b.terms[o.term] = TermStatus::implemented;
            apply_effects(s, b, ctx, s.terms[o.term].effects, nullptr, nullptr);
            win = val.delta(b) + 1.0;
            break;
        }
        case Special::play_card: win = effect_value_from(g, ctx, g.card(o.card).play, val); break;
        case Special::shipment: p *= 0.8; break;
        case Special::interdict: {
            // Worth something where an opponent's group could be reinforced.
            int hostile = 0;
            for (int k = 0; k < g.board.marker_kinds; ++k)
                if (g.board.marker(o.region, k) > 0 && !(s.markers[k].sponsors & (1u << idx(t))) &&
                    s.markers[k].sponsors != 0)
                    hostile += 1;
            win = hostile * 0.05;
            break;
        }
        default: break;
    }
    win += effect_value_from(g, ctx, a.success, val);
    if (!a.failure.empty()) lose = effect_value_from(g, ctx, a.failure, val);
    return p * win + (1.0 - p) * lose;
}

}  // namespace

double effect_value(const GameState& g, Team team, const EffectContext& ctx, const std::vector<Effect>& effects) {
    return effects.empty() ? 0.0 : effect_value_from(g, ctx, effects, Valuation(g, team));
}

std::vector<Order> legal_orders(const GameState& g, Team team, const std::vector<Order>& before) {
    const Scenario& s = g.sc();
    std::vector<Order> out;
    out.reserve(128);
    auto consider = [&](const Order& o) {
        if (order_allowed(g, team, o, before)) out.push_back(o);
    };
    int spent = 0;
    for (const Order& p : before) spent += s.actions[p.action].cost;
    const Channel channel = g.board.channel;
    for (std::size_t ai = 0; ai < s.actions.size(); ++ai) {
        const ActionDef& a = s.actions[ai];
        // Cheap action-level screens first; check_order gives the final word.
        if (!(a.teams & (1u << idx(team)))) continue;
        if (spent + a.cost > action_points(g, team)) continue;
        if ((a.needs_channel && channel < *a.needs_channel) || (a.max_channel && channel > *a.max_channel)) continue;
        if (a.once_per_turn &&
            std::any_of(before.begin(), before.end(), [&](const Order& p) { return p.action == static_cast<int>(ai); }))
            continue;
        Order o;
        o.action = static_cast<std::int16_t>(ai);
        switch (a.target) {
            case TargetKind::none: consider(o); break;
            case TargetKind::region:
                for (int r = 0; r < g.board.region_count; ++r) {
                    if (!a.regions.empty() && std::find(a.regions.begin(), a.regions.end(), r) == a.regions.end())
                        continue;
                    o.region = static_cast<std::int16_t>(r);
                    consider(o);
                }
                break;
            case TargetKind::marker:
                for (int k = 0; k < g.board.marker_kinds; ++k) {
                    if (a.special == Special::shipment && !(s.markers[k].sponsors & (1u << idx(team)))) continue;
                    for (int r = 0; r < g.board.region_count; ++r) {
                        if (s.regions[r].kind != RegionKind::land) continue;
                        o.region = static_cast<std::int16_t>(r);
                        o.marker = static_cast<std::int16_t>(k);
                        consider(o);
                    }
                }
                break;
            case TargetKind::terms: {
                // Proposals offered: every term, or each side's core pair.
                std::uint32_t all = 0, us = 0, iran = 0;
                for (std::size_t i = 0; i < s.terms.size(); ++i) {
                    all |= 1u << i;
                    if (s.terms[i].side == TermSide::us) us |= 1u << i;
                    if (s.terms[i].side == TermSide::iran) iran |= 1u << i;
                }
                o.terms = all;
                consider(o);
                o.terms = us | iran;
                if (o.terms != all) consider(o);
                break;
            }
            case TargetKind::card:
                for (int i = 0; i < g.board.hand_size[idx(team)]; ++i) {
                    o.card = g.board.hands[idx(team)][i];
                    consider(o);
                }
                break;
            case TargetKind::term:
                for (std::size_t i = 0; i < s.terms.size(); ++i) {
                    o.term = static_cast<std::int16_t>(i);
                    consider(o);
                }
                break;
        }
    }
    return out;
}

Bot::Bot(BotKind kind, Team team, std::uint64_t seed)
    : kind_(kind), team_(team), rng_(Rng::seeded(mix64(seed ^ (0x51ed2701ULL + idx(team))), 7 + idx(team))) {}

std::optional<Action> Bot::next(const GameState& g) {
    if (g.ended() || g.paused) return std::nullopt;
    return kind_ == BotKind::random ? next_random(g) : next_heuristic(g);
}

std::vector<Order> Bot::random_orders(const GameState& g) {
    // Uniform over the legal menu entries (and stopping), then uniform over
    // that entry's legal targets, so forty target regions do not drown out
    // a single untargeted action.
    std::vector<Order> orders;
    for (;;) {
        auto options = legal_orders(g, team_, orders);
        std::vector<std::int16_t> kinds;
        for (const Order& o : options)
            if (kinds.empty() || kinds.back() != o.action) kinds.push_back(o.action);
        std::uint32_t pick = rng_.below(static_cast<std::uint32_t>(kinds.size() + 1));
        if (pick == kinds.size()) break;
        std::vector<const Order*> targets;
        for (const Order& o : options)
            if (o.action == kinds[pick]) targets.push_back(&o);
        orders.push_back(*targets[rng_.below(static_cast<std::uint32_t>(targets.size()))]);
    }
    return orders;
}

std::optional<Action> Bot::next_random(const GameState& g) {
    Team me = team_;
    switch (g.phase) {
        case Phase::inject:
            if (g.choice_pending && g.card(g.inject).chooser == idx(me))
                return Choose{
                    static_cast<std::uint8_t>(rng_.below(static_cast<std::uint32_t>(g.card(g.inject).options.size())))};
            return std::nullopt;
        case Phase::negotiation: {
            if (const Offer* o = offer_to_answer(g, me)) return AnswerOffer{o->id, rng_.below(2) == 1};
            if (framework_awaits(g, me)) return AnswerFramework{rng_.below(2) == 1};
            if (g.ready[idx(me)]) return std::nullopt;
            if (offers_made(g, me) < kMaxOffersPerTurn && rng_.below(2) == 0) {
                Team to = static_cast<Team>((idx(me) + 1 + rng_.below(kTeams - 1)) % kTeams);
                auto mine = concessions_of(g, me), theirs = concessions_of(g, to);
                MakeOffer m;
                m.to = to;
                if (!mine.empty()) m.gives.push_back(mine[rng_.below(static_cast<std::uint32_t>(mine.size()))]);
                if (!theirs.empty()) m.wants.push_back(theirs[rng_.below(static_cast<std::uint32_t>(theirs.size()))]);
                if (!m.gives.empty() || !m.wants.empty()) return m;
            }
            return Ready{};
        }
        case Phase::orders:
            if (framework_awaits(g, me)) return AnswerFramework{rng_.below(2) == 1};
            if (g.committed[idx(me)]) return std::nullopt;
            return Commit{random_orders(g)};
        default: return std::nullopt;
    }
}

std::vector<Order> Bot::heuristic_orders(const GameState& g) {
    struct Scored {
        Order order;
        double value;
    };
    std::vector<Scored> scored;
    scored.reserve(128);
    const Valuation val(g, team_);
    for (const Order& o : legal_orders(g, team_, {})) {
        double v = order_value(g, team_, o, val);
        if (v <= 0.05) continue;                                     // worthless orders are never padding
        v *= 0.75 + static_cast<double>(rng_.below(1000)) / 2000.0;  // variety between games: ±25%
        double cost = std::max(1, g.sc().actions[o.action].cost);
        scored.push_back({o, v / cost});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.value > b.value; });
    std::vector<Order> orders;
    int left = action_points(g, team_);
    for (const Scored& c : scored) {
        if (c.value <= 0.05 || left == 0) break;
        int cost = g.sc().actions[c.order.action].cost;
        if (cost > left) continue;
        if (order_allowed(g, team_, c.order, orders)) {
            orders.push_back(c.order);
            left -= cost;
        }
    }
    return orders;
}

std::optional<Action> Bot::next_heuristic(const GameState& g) {
    Team me = team_;
    switch (g.phase) {
        case Phase::inject: {
            if (!(g.choice_pending && g.card(g.inject).chooser == idx(me))) return std::nullopt;
            const CardDef& c = g.card(g.inject);
            EffectContext ctx;
            ctx.self = idx(me);
            ctx.turn = g.turn;
            std::size_t best = 0;
            double best_v = -1e9;
            for (std::size_t i = 0; i < c.options.size(); ++i) {
                double v = effect_value(g, me, ctx, c.options[i].effects);
                if (v > best_v + 1e-9) {
                    best_v = v;
                    best = i;
                }
            }
            return Choose{static_cast<std::uint8_t>(best)};
        }
        case Phase::negotiation: {
            if (const Offer* o = offer_to_answer(g, me))
                return AnswerOffer{
                    o->id, offer_value(g, o->from, o->to, o->gives, o->wants, Valuation(g, me)) >= 0.0};
            if (framework_awaits(g, me))
                return AnswerFramework{framework_value(g, g.board.proposal.terms, Valuation(g, me)) > 0.0};
            if (g.ready[idx(me)]) return std::nullopt;
            if (offers_made(g, me) < kMaxOffersPerTurn) {
                double best = 0.25;
                std::optional<MakeOffer> pick;
                auto mine = concessions_of(g, me);
                const Valuation val_me(g, me);
                for (Team to : kAllTeams) {
                    if (to == me) continue;
                    auto theirs = concessions_of(g, to);
                    const Valuation val_them(g, to);
                    for (auto give : mine)
                        for (auto want : theirs) {
                            std::span<const std::int16_t> gv(&give, 1), wv(&want, 1);
                            double v_me = offer_value(g, me, to, gv, wv, val_me);
                            if (v_me <= best) continue;
                            if (offer_value(g, me, to, gv, wv, val_them) < 0.0) continue;
                            best = v_me;
                            pick = MakeOffer{to, {give}, {want}};
                        }
                }
                if (pick) return *pick;
            }
            return Ready{};
        }
        case Phase::orders:
            if (framework_awaits(g, me))
                return AnswerFramework{framework_value(g, g.board.proposal.terms, Valuation(g, me)) > 0.0};
            if (g.committed[idx(me)]) return std::nullopt;
            return Commit{heuristic_orders(g)};
        default: return std::nullopt;
    }
}

}  // namespace gb
