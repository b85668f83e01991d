// Effects, the fragility rule, control and formula evaluation on the board.
#include "board.hpp"

#include <algorithm>

namespace gb {

Board opening_board(const Scenario& s) {
    Board b;
    for (int t = 0; t < kTracks; ++t) b.tracks[t] = s.tracks[t].start;
    b.channel = s.start_channel;
    b.trust_at_open = b.track(Track::trust);
    b.region_count = static_cast<int>(s.regions.size());
    b.marker_kinds = static_cast<int>(s.markers.size());
    for (int r = 0; r < b.region_count; ++r) {
        const auto& rd = s.regions[r];
        b.regions[r].stability = static_cast<std::int8_t>(rd.stability);
        for (int t = 0; t < kTeams; ++t) b.regions[r].influence[t] = static_cast<std::int8_t>(rd.influence[t]);
        for (int k = 0; k < b.marker_kinds; ++k) b.marker(r, k) = static_cast<std::int8_t>(rd.markers[k]);
    }
    return b;
}

bool controls(const Scenario& s, const Board& b, Team t, int region) {
    if (s.regions[region].kind != RegionKind::land) return false;
    const auto& r = b.regions[region];
    int mine = r.influence[idx(t)];
    if (mine < r.stability) return false;
    for (int o = 0; o < kTeams; ++o)
        if (o != idx(t) && mine - r.influence[o] < r.stability) return false;
    return true;
}

int regions_controlled(const Scenario& s, const Board& b, Team t) {
    int n = 0, me = idx(t);
    for (int r = 0; r < b.region_count; ++r) {
        const auto& rs = b.regions[r];
        int mine = rs.influence[me];
        if (mine < rs.stability || s.regions[r].kind != RegionKind::land) continue;
        int rival = 0;
        for (int o = 0; o < kTeams; ++o)
            if (o != me) rival = std::max(rival, static_cast<int>(rs.influence[o]));
        n += mine - rival >= rs.stability ? 1 : 0;
    }
    return n;
}

namespace {

int resolve_team(int ref, const EffectContext& ctx) {
    if (ref == kRefSelf) return ctx.self;
    if (ref == kRefOther) return ctx.other;
    return ref;
}
int resolve_region(int ref, const EffectContext& ctx) {
    return ref == kRefTarget ? ctx.region : ref;
}
int resolve_marker(int ref, const EffectContext& ctx) {
    return ref == kRefTarget ? ctx.marker : ref;
}

void note(std::vector<Event>* events, Event e) {
    if (events) events->push_back(std::move(e));
}
void record(std::vector<Change>* changes, Change::Kind k, int a, int b, int delta) {
    if (changes && delta != 0)
        changes->push_back({k, static_cast<std::int16_t>(a), static_cast<std::int16_t>(b), delta});
}

void change_track(const Scenario& s, Board& b, Track t, int target, int cause, std::vector<Change>* changes,
                  std::vector<Event>* events, bool respect_freeze = true) {
    const auto& def = s.tracks[idx(t)];
    int old = b.track(t);
    int v = std::clamp(target, def.min, def.max);
    if (respect_freeze && t == Track::nuclear && b.nuclear_frozen && v > old) {
        note(events, {Event::Kind::note, -1, -1, -1, old, 0, "nuclear frozen: no progress this turn"});
        return;
    }
    if (v == old) return;
    b.track(t) = v;
    record(changes, Change::Kind::track, idx(t), 0, v - old);
    note(events,
         {Event::Kind::track, static_cast<std::int8_t>(cause), static_cast<std::int16_t>(idx(t)), -1, v, v - old, {}});
    if (t == Track::tension && v >= def.max && !b.war) {
        b.war = true;
        b.war_by = static_cast<std::int8_t>(cause);
        note(events, {Event::Kind::war, static_cast<std::int8_t>(cause), -1, -1, v, 0, "regional war"});
    }
}

void change_channel(Board& b, Channel to, std::vector<Change>* changes, std::vector<Event>* events) {
    Channel from = b.channel;
    if (from == to) return;
    if (from == Channel::closed) {
        int old = b.trust_at_open;
        b.trust_at_open = b.track(Track::trust);
        record(changes, Change::Kind::trust_at_open, 0, 0, b.trust_at_open - old);
    }
    b.channel = to;
    record(changes, Change::Kind::channel, 0, 0, static_cast<int>(to) - static_cast<int>(from));
    note(events, {Event::Kind::channel, -1, static_cast<std::int16_t>(from), -1, static_cast<int>(to), 0, {}});
}

}  // namespace

void set_track(const Scenario& s, Board& b, Track t, int value, int cause_team, std::vector<Change>* changes,
               std::vector<Event>* events) {
    change_track(s, b, t, value, cause_team, changes, events, false);
}

void apply_spoiler(const Scenario& s, Board& b, const std::string& reason, std::vector<Change>* changes,
                   std::vector<Event>* events) {
    const auto& r = s.rules;
    ++b.spoilers;
    record(changes, Change::Kind::spoilers, 0, 0, 1);
    if (events) note(events, {Event::Kind::spoiler, -1, -1, -1, 0, 0, reason});  // no copy of the reason unless kept
    int trust = b.track(Track::trust);
    // Whether an open channel weathers the spoiler: by its stake (trust and
    // the bargain terms already carried out) when the rules weigh it, else a
    // strategic channel always does and a narrower one never does.
    bool holds = b.channel == Channel::strategic;
    if (r.spoiler_hold > 0 && b.channel != Channel::closed) {
        int implemented = 0;
        for (std::size_t i = 0; i < s.terms.size(); ++i) implemented += b.terms[i] == TermStatus::implemented;
        holds = trust + r.term_stake * implemented >= r.spoiler_hold;
    }
    if (!r.fragility) holds = true;  // the ablation: no channel is ever cut off
    if (b.channel == Channel::closed && r.spoiler_kills_proposal && b.proposal.from >= 0) {
        note(events, {Event::Kind::framework, b.proposal.from, static_cast<std::int16_t>(b.proposal.terms), -1, 3, 0,
                      {}});
        b.proposal = {};
    }
    switch (b.channel) {
        case Channel::strategic:
        case Channel::secret:
        case Channel::tactical: {
            if (holds) {
                if (b.channel == Channel::strategic || r.fragility)
                    change_track(s, b, Track::trust, trust + r.framework_spoiler_trust, -1, changes, events);
                break;
            }
            ++b.cutoffs;
            record(changes, Change::Kind::cutoffs, 0, 0, 1);
            change_channel(b, Channel::closed, changes, events);
            int after = r.cutoff_floor ? std::min(trust - r.cutoff_penalty, b.trust_at_open - 1)
                                       : trust - r.cutoff_penalty;
            change_track(s, b, Track::trust, after, -1, changes, events);
            if (events) note(events, {Event::Kind::cutoff, -1, -1, -1, b.track(Track::trust), 0, reason});
            if (b.proposal.from >= 0) {  // talks that are cut off take their proposal with them
                note(events, {Event::Kind::framework,
                              b.proposal.from,
                              static_cast<std::int16_t>(b.proposal.terms),
                              -1,
                              3,
                              0,
                              {}});
                b.proposal = {};
            }
            break;
        }
        case Channel::closed:
            change_track(s, b, Track::trust, trust + r.closed_spoiler_trust, -1, changes, events);
            break;
    }
}

void apply_effects(const Scenario& s, Board& b, const EffectContext& ctx, const std::vector<Effect>& effects,
                   std::vector<Change>* changes, std::vector<Event>* events) {
    for (const Effect& e : effects) {
        switch (e.verb) {
            case EffectVerb::track:
            case EffectVerb::opposition: {
                Track t;
                if (e.verb == EffectVerb::opposition) {
                    if (ctx.self == idx(Team::us))
                        t = Track::us_hawks;
                    else if (ctx.self == idx(Team::iran))
                        t = Track::iran_hardliners;
                    else
                        break;
                } else {
                    t = static_cast<Track>(e.a);
                }
                change_track(s, b, t, e.set ? e.value : b.track(t) + e.value, ctx.self, changes, events);
                break;
            }
            case EffectVerb::influence: {
                int r = resolve_region(e.a, ctx), t = resolve_team(e.team, ctx);
                if (r < 0 || t < 0) break;
                auto& v = b.regions[r].influence[t];
                int nv = std::clamp(v + e.value, 0, 10);
                if (nv == v) break;
                record(changes, Change::Kind::influence, r, t, nv - v);
                note(events, {Event::Kind::influence,
                              static_cast<std::int8_t>(t),
                              static_cast<std::int16_t>(r),
                              -1,
                              nv,
                              nv - v,
                              {}});
                v = static_cast<std::int8_t>(nv);
                break;
            }
            case EffectVerb::stability: {
                int r = resolve_region(e.a, ctx);
                if (r < 0) break;
                auto& v = b.regions[r].stability;
                int nv = std::clamp(v + e.value, 1, 5);
                if (nv == v) break;
                record(changes, Change::Kind::stability, r, 0, nv - v);
                note(events, {Event::Kind::stability, -1, static_cast<std::int16_t>(r), -1, nv, nv - v, {}});
                v = static_cast<std::int8_t>(nv);
                break;
            }
            case EffectVerb::marker: {
                int r = resolve_region(e.a, ctx), k = resolve_marker(e.b, ctx);
                if (r < 0 || k < 0) break;
                auto& v = b.markers[r * kMaxMarkerKinds + k];
                int nv = std::clamp(v + e.value, 0, 9);
                if (nv == v) break;
                record(changes, Change::Kind::marker, r, k, nv - v);
                note(events, {Event::Kind::marker,
                              -1,
                              static_cast<std::int16_t>(r),
                              static_cast<std::int16_t>(k),
                              nv,
                              nv - v,
                              {}});
                v = static_cast<std::int8_t>(nv);
                break;
            }
            case EffectVerb::channel: change_channel(b, static_cast<Channel>(e.a), changes, events); break;
            case EffectVerb::channel_up:
                if (b.channel < Channel::tactical)
                    change_channel(b, static_cast<Channel>(static_cast<int>(b.channel) + 1), changes, events);
                break;
            case EffectVerb::spoiler: apply_spoiler(s, b, e.text, changes, events); break;
            case EffectVerb::counter: {
                int& v = b.counters[e.a];
                int nv = std::max(0, e.set ? e.value : v + e.value);
                if (nv == v) break;
                record(changes, Change::Kind::counter, e.a, 0, nv - v);
                note(events, {Event::Kind::counter, -1, static_cast<std::int16_t>(e.a), -1, nv, nv - v, {}});
                v = nv;
                break;
            }
            case EffectVerb::security: {
                int t = resolve_team(e.team, ctx);
                if (t < 0) break;
                int nv = std::max(0, b.security[t] + e.value);
                if (nv == b.security[t]) break;
                record(changes, Change::Kind::security, t, 0, nv - b.security[t]);
                note(events, {Event::Kind::security, static_cast<std::int8_t>(t), -1, -1, nv, nv - b.security[t], {}});
                b.security[t] = nv;
                break;
            }
            case EffectVerb::hand: {
                int t = resolve_team(e.team, ctx);
                if (t < 0 || e.a < 0) break;
                if (b.hand_size[t] < s.rules.max_hand) {
                    b.hands[t][b.hand_size[t]++] = static_cast<std::int16_t>(e.a);
                    note(
                        events,
                        {Event::Kind::hand, static_cast<std::int8_t>(t), static_cast<std::int16_t>(e.a), -1, 0, 0, {}});
                } else {
                    note(events, {Event::Kind::discard,
                                  static_cast<std::int8_t>(t),
                                  static_cast<std::int16_t>(e.a),
                                  -1,
                                  0,
                                  0,
                                  {}});
                }
                break;
            }
            case EffectVerb::ap: {
                int t = resolve_team(e.team, ctx);
                if (t < 0) break;
                b.ap_bonus[t] += e.value;
                record(changes, Change::Kind::ap_bonus, t, 0, e.value);
                break;
            }
            case EffectVerb::freeze_nuclear:
                record(changes, Change::Kind::frozen, 0, 0, b.nuclear_frozen ? 0 : 1);
                b.nuclear_frozen = true;
                break;
            case EffectVerb::leak_bonus:
                b.leak_bonus += e.value;
                record(changes, Change::Kind::leak_bonus, 0, 0, e.value);
                break;
            case EffectVerb::promise: {
                int t = resolve_team(e.team, ctx);
                if (t < 0) break;
                for (auto& p : b.promises)
                    if (p.team < 0) {
                        p.team = static_cast<std::int8_t>(t);
                        p.due_turn = static_cast<std::int16_t>(ctx.turn + e.value);
                        note(events, {Event::Kind::promise, static_cast<std::int8_t>(t), -1, -1, p.due_turn, 0, {}});
                        break;
                    }
                break;
            }
            case EffectVerb::open_framework:
                record(changes, Change::Kind::open_framework, 0, 0, std::max(0, e.value - b.open_framework));
                b.open_framework = std::max(b.open_framework, e.value);
                note(events, {Event::Kind::framework_open, -1, -1, -1, e.value, 0, {}});
                break;
        }
    }
}

void revert_changes(const Scenario& s, Board& b, const std::vector<Change>& changes) {
    for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
        const Change& c = *it;
        switch (c.kind) {
            case Change::Kind::track: {
                const auto& d = s.tracks[c.a];
                b.tracks[c.a] = std::clamp(b.tracks[c.a] - c.delta, d.min, d.max);
                if (c.a == idx(Track::tension) && b.tracks[c.a] < d.max) {
                    b.war = false;
                    b.war_by = -1;
                }
                break;
            }
            case Change::Kind::influence:
                b.regions[c.a].influence[c.b] =
                    static_cast<std::int8_t>(std::clamp(b.regions[c.a].influence[c.b] - c.delta, 0, 10));
                break;
            case Change::Kind::stability:
                b.regions[c.a].stability =
                    static_cast<std::int8_t>(std::clamp(b.regions[c.a].stability - c.delta, 1, 5));
                break;
            case Change::Kind::marker:
                b.marker(c.a, c.b) = static_cast<std::int8_t>(std::clamp(b.marker(c.a, c.b) - c.delta, 0, 9));
                break;
            case Change::Kind::channel:
                b.channel = static_cast<Channel>(std::clamp(static_cast<int>(b.channel) - c.delta, 0, 3));
                break;
            case Change::Kind::counter: b.counters[c.a] = std::max(0, b.counters[c.a] - c.delta); break;
            case Change::Kind::security: b.security[c.a] = std::max(0, b.security[c.a] - c.delta); break;
            case Change::Kind::trust_at_open: b.trust_at_open -= c.delta; break;
            case Change::Kind::ap_bonus: b.ap_bonus[c.a] -= c.delta; break;
            case Change::Kind::leak_bonus: b.leak_bonus -= c.delta; break;
            case Change::Kind::open_framework: b.open_framework = std::max(0, b.open_framework - c.delta); break;
            case Change::Kind::frozen:
                if (c.delta > 0) b.nuclear_frozen = false;
                break;
            case Change::Kind::spoilers: b.spoilers -= c.delta; break;
            case Change::Kind::cutoffs: b.cutoffs -= c.delta; break;
        }
    }
}

bool outcome_holds(const Scenario& s, const Board& b, Outcome o) {
    switch (o) {
        case Outcome::war: return b.war;
        case Outcome::breakout: return b.track(Track::nuclear) >= s.tracks[idx(Track::nuclear)].max;
        case Outcome::rapprochement:
            return b.channel == Channel::strategic && b.track(Track::trust) >= s.rules.rapprochement_trust;
    }
    return false;
}

int evaluate_term(const Scenario& s, const Board& b, const Term& t, const EffectContext& ctx, bool ended) {
    int v = 0;
    switch (t.source) {
        case TermSource::track: v = b.tracks[t.a]; break;
        case TermSource::influence: {
            int r = resolve_region(t.a, ctx), tm = resolve_team(t.b, ctx);
            v = (r >= 0 && tm >= 0) ? b.regions[r].influence[tm] : 0;
            break;
        }
        case TermSource::stability: {
            int r = resolve_region(t.a, ctx);
            v = r >= 0 ? b.regions[r].stability : 0;
            break;
        }
        case TermSource::marker: {
            int k = resolve_marker(t.a, ctx);
            if (k < 0) break;
            if (t.b == kRefNone) {
                for (int r = 0; r < b.region_count; ++r) v += b.marker(r, k);
            } else {
                int r = resolve_region(t.b, ctx);
                v = r >= 0 ? b.marker(r, k) : 0;
            }
            break;
        }
        case TermSource::control: {
            int r = resolve_region(t.a, ctx), tm = resolve_team(t.b, ctx);
            v = (r >= 0 && tm >= 0 && controls(s, b, static_cast<Team>(tm), r)) ? 1 : 0;
            break;
        }
        case TermSource::controls: {
            int tm = resolve_team(t.team, ctx);
            v = tm >= 0 ? regions_controlled(s, b, static_cast<Team>(tm)) : 0;
            break;
        }
        case TermSource::counter: v = b.counters[t.a]; break;
        case TermSource::security: {
            int tm = resolve_team(t.team, ctx);
            v = tm >= 0 ? b.security[tm] : 0;
            break;
        }
        case TermSource::channel: v = static_cast<int>(b.channel) == t.a ? 1 : 0; break;
        case TermSource::outcome: v = ended && outcome_holds(s, b, static_cast<Outcome>(t.a)) ? 1 : 0; break;
        case TermSource::bargain_term: v = b.terms[t.a] == TermStatus::implemented ? 1 : 0; break;
        case TermSource::channel_level: v = static_cast<int>(b.channel); break;
        case TermSource::owed: {
            int tm = resolve_team(t.team, ctx);
            TermSide side = tm == idx(Team::us) ? TermSide::us : TermSide::iran;
            if (tm == idx(Team::us) || tm == idx(Team::iran))
                for (std::size_t i = 0; i < s.terms.size(); ++i)
                    v += s.terms[i].side == side && b.terms[i] == TermStatus::pending;
            break;
        }
    }
    if (t.test == Term::Test::below)
        v = v < t.threshold ? 1 : 0;
    else if (t.test == Term::Test::at_least)
        v = v >= t.threshold ? 1 : 0;
    return v * t.weight;
}

int evaluate(const Scenario& s, const Board& b, const std::vector<Term>& terms, const EffectContext& ctx, bool ended) {
    int total = 0;
    for (const Term& t : terms) total += evaluate_term(s, b, t, ctx, ended);
    return total;
}

int team_score(const Scenario& s, const Board& b, Team t, bool ended) {
    EffectContext ctx;
    ctx.self = idx(t);
    int score = evaluate(s, b, s.teams[idx(t)].score, ctx, ended);
    if (b.war && b.war_by == idx(t)) score -= s.rules.war_penalty;
    return score;
}

int chance_36(int target, int modifier) {
    // Ways for 2d6 to reach at least k, for k = 2..12.
    static constexpr int kAtLeast[13] = {36, 36, 36, 35, 33, 30, 26, 21, 15, 10, 6, 3, 1};
    int k = target - modifier;
    if (k <= 2) return 36;
    if (k > 12) return 0;
    return kAtLeast[k];
}

}  // namespace gb
