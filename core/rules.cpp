// Validation and application of every action, and the turn's flow from inject
// to end of turn. Adjudication itself lives in adjudication.cpp.
#include "rules.hpp"

#include <algorithm>
#include <array>

#include "action_decl.hpp"
#include "adjudication.hpp"
#include "deck.hpp"
#include "serialize.hpp"

namespace gb {

namespace {

constexpr std::size_t kMaxName = 40;
constexpr std::size_t kMaxText = 500;
constexpr std::size_t kMaxOrders = 16;
constexpr std::size_t kMaxOfferItems = 4;
constexpr int kMaxPendingOffers = 8;
constexpr std::size_t kMaxWritten = 64;
constexpr std::size_t kMaxEffects = 16;

Verdict fail(Verdict::Code c, std::string m) {
    return {c, std::move(m)};
}
Verdict wrong_phase(const GameState& g, const char* what) {
    return fail(Verdict::Code::wrong_phase,
                std::string(what) + " is not possible in the " + std::string(name_of(g.phase)) + " phase");
}
Verdict denied(const char* m) {
    return fail(Verdict::Code::not_permitted, m);
}
Verdict bad(std::string m) {
    return fail(Verdict::Code::bad_argument, std::move(m));
}
Verdict illegal(std::string m) {
    return fail(Verdict::Code::illegal_order, std::move(m));
}

bool is_control(const Seat& s) {
    return s.role == SeatRole::control || s.role == SeatRole::system;
}
bool team_ok(Team t) {
    return idx(t) >= 0 && idx(t) < kTeams;
}
constexpr std::size_t kMaxMessages = 5000;
// One team's messages in one channel: no team fills the log for the others.
// The White Cell's broadcasts pass even a full log (net/limits.hpp, kChatChannelLimit).
constexpr std::size_t kMaxChannelMessages = 600;
constexpr std::size_t kMaxWhiteCellExtra = 1000;
bool is_team(const Seat& s) {
    return s.role == SeatRole::team;
}

std::uint8_t bit(Team t) {
    return static_cast<std::uint8_t>(1u << idx(t));
}

Event phase_event(const GameState& g) {
    Event e;
    e.kind = Event::Kind::phase;
    e.a = static_cast<std::int16_t>(g.turn);
    e.value = static_cast<int>(g.phase);
    return e;
}

int card_count(const GameState& g) {
    return static_cast<int>(g.sc().cards.size() + g.written.size());
}

}  // namespace

// ---------------------------------------------------------------- state helpers

const CardDef& GameState::card(int c) const {
    int pool = static_cast<int>(scenario->cards.size());
    return c < pool ? scenario->cards[c] : written[c - pool];
}

const Player* GameState::find_player(std::uint32_t id) const {
    for (const auto& p : players)
        if (p.id == id) return &p;
    return nullptr;
}

std::string GameState::draft_author(Team t, std::size_t i) const {
    const auto& authors = draft_authors[idx(t)];
    return i < authors.size() ? authors[i] : std::string();
}

bool GameState::is_lead(const Seat& s) const {
    if (s.role != SeatRole::team) return false;
    std::uint32_t l = lead[idx(s.team)];
    if (s.player == 0) return l == 0 || bot[idx(s.team)];
    return l == s.player;
}

std::string GameState::calendar_label() const {
    const auto& cal = scenario->calendar;
    if (cal.empty()) return "Turn " + std::to_string(turn);
    return cal[std::clamp(turn, 1, static_cast<int>(cal.size())) - 1];
}

GameState new_game(std::shared_ptr<const Scenario> scenario, std::uint64_t seed) {
    GameState g;
    g.scenario = std::move(scenario);
    g.seed = seed;
    g.rng = Rng::seeded(seed);
    g.board = opening_board(g.sc());
    if (g.sc().deck_order != DeckOrder::seasonal)  // a seasonal deck is filled turn by turn
        for (int c : g.sc().deck) g.deck.push_back(static_cast<std::int16_t>(c));
    if (g.sc().deck_order == DeckOrder::shuffled) {
        for (std::size_t i = g.deck.size(); i > 1; --i) {
            std::size_t j = g.rng.below(static_cast<std::uint32_t>(i));
            std::swap(g.deck[i - 1], g.deck[j]);
        }
    }
    // The deck is drawn from the back; keep index 0 as the top for people.
    g.turn = 1;
    g.phase = Phase::inject;
    deal_season(g);
    if (int c = g.sc().opening; c >= 0) {  // the scenario's opening event comes first, whatever the order
        g.deck.erase(std::remove(g.deck.begin(), g.deck.end(), c), g.deck.end());
        g.deck.insert(g.deck.begin(), static_cast<std::int16_t>(c));
    }
    return g;
}

Standing standing(const GameState& g) {
    Standing s;
    const Scenario& sc = g.sc();
    int best = -1 << 30;
    for (Team t : kAllTeams) {
        s.score[idx(t)] = team_score(sc, g.board, t, true);
        s.result[idx(t)] = s.score[idx(t)] - sc.teams[idx(t)].par;
        best = std::max(best, s.result[idx(t)]);
    }
    for (Team t : kAllTeams)
        if (s.result[idx(t)] == best) s.winners |= bit(t);
    s.war = outcome_holds(sc, g.board, Outcome::war);
    s.breakout = outcome_holds(sc, g.board, Outcome::breakout);
    s.rapprochement = outcome_holds(sc, g.board, Outcome::rapprochement);
    return s;
}

// ---------------------------------------------------------------- orders

int action_points(const GameState& g, Team team) {
    return g.ap[idx(team)];
}

bool framework_allowed(const GameState& g, Team team) {
    const Board& b = g.board;
    if (team != Team::us && team != Team::iran) return false;
    if (b.channel == Channel::strategic || b.proposal.from >= 0) return false;
    if (b.open_framework > 0) return true;
    return b.channel >= Channel::tactical && b.track(Track::trust) >= g.sc().rules.framework_min_trust;
}

namespace {

bool forum_exists(const GameState& g) {
    const auto& terms = g.sc().terms;
    for (std::size_t i = 0; i < terms.size(); ++i)
        if (terms[i].side == TermSide::regional) {
            if (g.board.terms[i] == TermStatus::pending) return true;
            if (g.board.proposal.from >= 0 && (g.board.proposal.terms >> i) & 1u) return true;
        }
    return false;
}

bool owes_term(const Scenario& s, Team team, int term) {
    TermSide side = s.terms[term].side;
    return (side == TermSide::us && team == Team::us) || (side == TermSide::iran && team == Team::iran);
}

}  // namespace

namespace {

// Why an order's `requires` condition fails, in words ("needs nuclear at least 6").
std::string describe_condition(const Scenario& s, const Term& t) {
    std::string what;
    std::string threshold = std::to_string(t.threshold);
    if (t.source == TermSource::track && t.a >= 0 && t.a < kTracks)
        what = std::string(name_of(static_cast<Track>(t.a)));
    else if (t.source == TermSource::channel_level) {
        what = "the channel";
        threshold = std::string(name_of(static_cast<Channel>(std::clamp(t.threshold, 0, 3))));
    } else if (t.source == TermSource::counter && t.a >= 0 && t.a < static_cast<int>(s.counters.size()))
        what = s.counters[t.a];
    else
        return "its conditions do not hold now";
    if (t.test == Term::Test::at_least) return "needs " + what + " at least " + threshold;
    if (t.test == Term::Test::below) return "needs " + what + " below " + threshold;
    return "needs " + what + " above 0";
}

}  // namespace

namespace {

// check_order, with the reason for a refusal put into words only when
// `explain` is set: the bots weigh every possible order, most of them refused.
Verdict check_order_as(const GameState& g, Team team, const Order& o, const std::vector<Order>& before, bool explain) {
    auto refuse = [explain](Verdict::Code code, const auto& reason) {
        Verdict v;
        v.code = code;
        if (explain) v.message = reason();
        return v;
    };
    const Scenario& s = g.sc();
    const Board& b = g.board;
    if (o.action < 0 || o.action >= static_cast<int>(s.actions.size())) return refuse(Verdict::Code::bad_argument, [&] { return "unknown action"; });
    const ActionDef& a = s.actions[o.action];
    // Fields the action does not use must be left empty.
    bool uses_region = a.target == TargetKind::region || a.target == TargetKind::marker;
    if ((!uses_region && o.region != -1) || (a.target != TargetKind::marker && o.marker != -1) ||
        (a.target != TargetKind::terms && o.terms != 0) || (a.target != TargetKind::card && o.card != -1) ||
        (a.target != TargetKind::term && o.term != -1))
        return refuse(Verdict::Code::bad_argument, [&] { return a.name + ": a field this order does not use is set"; });
    if (!(a.teams & bit(team))) return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": not on the " + std::string(name_of(team)) + " menu"; });
    int spent = a.cost;
    for (const Order& p : before) {
        if (p.action >= 0 && p.action < static_cast<int>(s.actions.size())) spent += s.actions[p.action].cost;
        if (a.once_per_turn && p.action == o.action) return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": only once per turn"; });
        if (a.target == TargetKind::card && p.action == o.action && p.card == o.card)
            return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": that card is already played this turn"; });
        if (a.target == TargetKind::term && p.action == o.action && p.term == o.term)
            return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": that term is already being implemented"; });
    }
    int ap = action_points(g, team);
    if (spent > ap)
        return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": costs " + std::to_string(a.cost) + " AP, only " +
                       std::to_string(ap - (spent - a.cost)) + " left"; });
    if (a.needs_channel && b.channel < *a.needs_channel)
        return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": needs the channel " + std::string(name_of(*a.needs_channel)) + " or better (it is " +
                       std::string(name_of(b.channel)) + ")"; });
    if (a.max_channel && b.channel > *a.max_channel)
        return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": only while the channel is " + std::string(name_of(*a.max_channel)) +
                       " or lower (it is " + std::string(name_of(b.channel)) + ")"; });
    if (g.turn < a.min_turn)
        return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": not before turn " + std::to_string(a.min_turn); });
    if (!a.premise.empty()) {
        EffectContext ctx;
        ctx.self = idx(team);
        ctx.turn = g.turn;
        for (const Term& t : a.premise)
            if (evaluate_term(s, b, t, ctx, false) < 1) return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": " + describe_condition(s, t); });
    }
    auto region_ok = [&](int r) -> Verdict {
        if (r < 0 || r >= b.region_count) return refuse(Verdict::Code::bad_argument, [&] { return a.name + ": unknown region"; });
        if (!a.regions.empty() && std::find(a.regions.begin(), a.regions.end(), r) == a.regions.end())
            return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": cannot target " + s.regions[r].name; });
        return Verdict::yes();
    };
    switch (a.target) {
        case TargetKind::none: break;
        case TargetKind::region: {
            if (auto v = region_ok(o.region); !v.ok()) return v;
            break;
        }
        case TargetKind::marker: {
            if (auto v = region_ok(o.region); !v.ok()) return v;
            if (o.marker < 0 || o.marker >= b.marker_kinds) return refuse(Verdict::Code::bad_argument, [&] { return a.name + ": unknown marker"; });
            if (s.regions[o.region].kind != RegionKind::land)
                return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": armed groups operate only in land regions"; });
            if (a.special == Special::shipment && !(s.markers[o.marker].sponsors & bit(team)))
                return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": " + std::string(name_of(team)) + " does not sponsor " +
                               s.markers[o.marker].name; });
            break;
        }
        case TargetKind::terms: {
            std::uint32_t valid = (s.terms.size() >= 32) ? ~0u : ((1u << s.terms.size()) - 1u);
            if (o.terms == 0 || (o.terms & ~valid)) return refuse(Verdict::Code::bad_argument, [&] { return a.name + ": unknown or no terms"; });
            bool us_side = false, iran_side = false;
            for (std::size_t i = 0; i < s.terms.size(); ++i)
                if ((o.terms >> i) & 1u) {
                    us_side |= s.terms[i].side == TermSide::us;
                    iran_side |= s.terms[i].side == TermSide::iran;
                }
            if (!us_side || !iran_side)
                return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": a framework needs at least one US and one Iranian term"; });
            for (std::size_t i = 0; i < s.terms.size(); ++i)
                if (s.terms[i].central && !((o.terms >> i) & 1u))
                    return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": a framework must include \"" + s.terms[i].name +
                                   "\" (each side gives up something central)"; });
            break;
        }
        case TargetKind::card: {
            bool held = false;
            for (int i = 0; i < b.hand_size[idx(team)]; ++i) held |= b.hands[idx(team)][i] == o.card;
            if (!held) return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": that card is not in your hand"; });
            break;
        }
        case TargetKind::term: {
            if (o.term < 0 || o.term >= static_cast<int>(s.terms.size())) return refuse(Verdict::Code::bad_argument, [&] { return a.name + ": unknown term"; });
            if (b.terms[o.term] != TermStatus::pending)
                return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": that term is not awaiting implementation"; });
            if (!owes_term(s, team, o.term)) return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": that term is the other side's to implement"; });
            break;
        }
    }
    for (std::size_t i = 0; i < s.terms.size(); ++i) {
        const BargainTermDef& t = s.terms[i];
        if (b.terms[i] != TermStatus::implemented) continue;
        bool owes = (t.side == TermSide::us && team == Team::us) || (t.side == TermSide::iran && team == Team::iran);
        if (owes && std::find(t.forbids.begin(), t.forbids.end(), o.action) != t.forbids.end())
            return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": ruled out by the bargain term \"" + t.name + "\""; });
    }
    switch (a.special) {
        case Special::framework:
            if (!framework_allowed(g, team)) {
                if (b.channel == Channel::strategic) return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": a framework is already in force"; });
                if (b.proposal.from >= 0) return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": a proposal is already awaiting an answer"; });
                return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": needs the channel tactical and trust at least " +
                               std::to_string(s.rules.framework_min_trust) + ", or a card that opens talks"; });
            }
            break;
        case Special::forum_join:
        case Special::forum_block:
            if (!forum_exists(g)) return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": no regional security mechanism is on the table"; });
            if (b.forum[idx(team)] != ForumStance::none) return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": you have already taken a stance"; });
            for (const Order& p : before)
                if (p.action >= 0 && s.actions[p.action].special != Special::none &&
                    (s.actions[p.action].special == Special::forum_join ||
                     s.actions[p.action].special == Special::forum_block))
                    return refuse(Verdict::Code::illegal_order, [&] { return a.name + ": one stance on the forum per turn"; });
            break;
        default: break;
    }
    return Verdict::yes();
}

}  // namespace

Verdict check_order(const GameState& g, Team team, const Order& o, const std::vector<Order>& before) {
    return check_order_as(g, team, o, before, true);
}

bool order_allowed(const GameState& g, Team team, const Order& o, const std::vector<Order>& before) {
    return check_order_as(g, team, o, before, false).ok();
}

namespace {

Verdict check_orders(const GameState& g, Team team, const std::vector<Order>& orders) {
    if (orders.size() > kMaxOrders) return bad("too many orders");
    std::vector<Order> before;
    for (const Order& o : orders) {
        if (auto v = check_order(g, team, o, before); !v.ok()) return v;
        before.push_back(o);
    }
    return Verdict::yes();
}

Verdict check_text(const std::string& t, std::size_t max, const char* what) {
    if (t.empty()) return bad(std::string(what) + " is empty");
    if (t.size() > max) return bad(std::string(what) + " is longer than " + std::to_string(max) + " bytes");
    return Verdict::yes();
}

}  // namespace

Verdict check_effects(const Scenario& s, const std::vector<Effect>& effects) {
    if (effects.size() > kMaxEffects) return bad("too many effects");
    int regions = static_cast<int>(s.regions.size()), kinds = static_cast<int>(s.markers.size());
    auto team_ok = [](int t) { return t >= 0 && t < kTeams; };
    for (const Effect& e : effects) {
        if (e.text.size() > kMaxText) return bad("effect text too long");
        if (e.value < -20 || e.value > 20) return bad("effect value out of range");
        switch (e.verb) {
            case EffectVerb::track:
                if (e.a < 0 || e.a >= kTracks) return bad("unknown track");
                break;
            case EffectVerb::opposition: return bad("a written inject has no acting team");
            case EffectVerb::influence:
                if (e.a < 0 || e.a >= regions || !team_ok(e.team)) return bad("unknown region or team");
                break;
            case EffectVerb::stability:
                if (e.a < 0 || e.a >= regions) return bad("unknown region");
                break;
            case EffectVerb::marker:
                if (e.a < 0 || e.a >= regions || e.b < 0 || e.b >= kinds) return bad("unknown region or marker");
                break;
            case EffectVerb::channel:
                if (e.a < 0 || e.a > 3) return bad("unknown channel");
                break;
            case EffectVerb::counter:
                if (e.a < 0 || e.a >= static_cast<int>(s.counters.size())) return bad("unknown counter");
                break;
            case EffectVerb::security:
            case EffectVerb::ap:
            case EffectVerb::promise:
                if (!team_ok(e.team)) return bad("unknown team");
                break;
            case EffectVerb::hand:
                if (!team_ok(e.team) || e.a < 0 || e.a >= static_cast<int>(s.cards.size()) ||
                    s.cards[e.a].kind != CardKind::opportunity)
                    return bad("unknown team or opportunity card");
                break;
            case EffectVerb::spoiler:
                if (e.text.empty()) return bad("a spoiler needs a reason");
                break;
            case EffectVerb::channel_up:
            case EffectVerb::freeze_nuclear:
            case EffectVerb::leak_bonus:
            case EffectVerb::open_framework: break;
        }
    }
    return Verdict::yes();
}

// ---------------------------------------------------------------- validate

namespace {

struct Validator {
    const GameState& g;
    const Seat& seat;

    Verdict team_member() const {
        if (!is_team(seat)) return denied("only a team seat may do that");
        if (seat.player != 0) {
            const Player* p = g.find_player(seat.player);
            if (!p || p->role != SeatRole::team || p->team != seat.team) return denied("you are not on that team");
        }
        return Verdict::yes();
    }
    Verdict control_only() const {
        if (!is_control(seat)) return denied("only the White Cell may do that");
        return Verdict::yes();
    }
    Verdict not_paused() const {
        if (g.paused && !is_control(seat)) return fail(Verdict::Code::paused, "the White Cell has paused the game");
        return Verdict::yes();
    }

    // The declaration (action_decl.hpp) has already checked who may issue
    // each action and in which phases (so that a game over is refused too);
    // what follows are the checks that depend on the action's fields and the state.
    Verdict operator()(const Join& a) const {
        if (a.player == 0) return bad("player id 0 is reserved");
        if (g.find_player(a.player)) return bad("that player id is taken");
        if (auto v = check_text(a.name, kMaxName, "name"); !v.ok()) return v;
        if (a.role != SeatRole::team && a.role != SeatRole::control && a.role != SeatRole::observer)
            return bad("a player joins as a team, the White Cell or an observer");
        if (!team_ok(a.team)) return bad("unknown team");
        if (g.players.size() >= 64) return bad("the game is full");
        return Verdict::yes();
    }
    Verdict operator()(const Leave& a) const {
        if (!g.find_player(a.player)) return bad("no such player");
        return Verdict::yes();
    }
    Verdict operator()(const SetLead& a) const {
        if (!team_ok(a.team)) return bad("unknown team");
        const Player* p = g.find_player(a.player);
        if (!p || p->role != SeatRole::team || p->team != a.team) return bad("that player is not on that team");
        if (is_control(seat)) return Verdict::yes();
        if (is_team(seat) && seat.team == a.team && g.is_lead(seat) && seat.player != 0) return Verdict::yes();
        return denied("only the lead or the White Cell may hand over the lead");
    }
    Verdict operator()(const SetBot& a) const {
        if (!team_ok(a.team)) return bad("unknown team");
        return Verdict::yes();
    }
    Verdict operator()(const GrantView& a) const {
        if (!team_ok(a.team)) return bad("unknown team");
        const Player* p = g.find_player(a.player);
        if (!p || p->role != SeatRole::observer) return bad("that player is not an observer");
        return Verdict::yes();
    }
    Verdict operator()(const DrawInject&) const {
        if (g.inject_drawn) return bad("this turn's inject is already drawn");
        if (g.deck.empty()) return bad("the deck is empty");
        return Verdict::yes();
    }
    Verdict inject_editing(const char* what) const {
        if (g.inject_drawn) return wrong_phase(g, what);
        return Verdict::yes();
    }
    Verdict operator()(const HoldInject&) const {
        if (auto v = inject_editing("holding an inject"); !v.ok()) return v;
        if (g.deck.empty()) return bad("the deck is empty");
        return Verdict::yes();
    }
    Verdict operator()(const ReorderDeck& a) const {
        if (a.from >= g.deck.size() || a.to >= g.deck.size()) return bad("no such deck position");
        return Verdict::yes();
    }
    Verdict operator()(const ReplaceInject& a) const {
        if (auto v = inject_editing("replacing the inject"); !v.ok()) return v;
        if (a.card < 0 || a.card >= card_count(g)) return bad("no such card");
        return Verdict::yes();
    }
    Verdict operator()(const WriteInject& a) const {
        if (auto v = inject_editing("writing an inject"); !v.ok()) return v;
        if (auto v = check_text(a.title, kMaxName * 2, "title"); !v.ok()) return v;
        if (auto v = check_text(a.text, kMaxText, "text"); !v.ok()) return v;
        if (g.written.size() >= kMaxWritten) return bad("too many written injects");
        return check_effects(g.sc(), a.effects);
    }
    Verdict operator()(const Choose& a) const {
        if (auto v = not_paused(); !v.ok()) return v;
        if (!g.choice_pending) return wrong_phase(g, "choosing");
        const CardDef& c = g.card(g.inject);
        if (idx(seat.team) != c.chooser) return denied("this choice belongs to another team");
        if (a.option >= c.options.size()) return bad("no such option");
        return Verdict::yes();
    }
    Verdict operator()(const AdvancePhase&) const {
        return Verdict::yes();
    }
    Verdict operator()(const TimerExpired&) const {
        if (g.paused) return fail(Verdict::Code::paused, "timers do not run while the game is paused");
        return Verdict::yes();  // only negotiation and orders are timed: declared
    }
    Verdict operator()(const SetTimer& a) const {
        if (a.seconds < 0 || a.seconds > 86400) return bad("timer must be 0..86400 seconds");
        return Verdict::yes();
    }
    Verdict operator()(const Ready&) const {
        if (auto v = not_paused(); !v.ok()) return v;
        if (g.ready[idx(seat.team)]) return bad("already ready");
        return Verdict::yes();
    }
    Verdict operator()(const Pause&) const {
        if (g.paused) return bad("already paused");
        return Verdict::yes();
    }
    Verdict operator()(const Resume&) const {
        if (!g.paused) return bad("not paused");
        return Verdict::yes();
    }
    Verdict operator()(const MakeOffer& a) const {
        if (auto v = not_paused(); !v.ok()) return v;
        if (!team_ok(a.to)) return bad("unknown team");
        if (a.to == seat.team) return bad("an offer goes to another team");
        if (a.gives.empty() && a.wants.empty()) return bad("an offer needs something given or wanted");
        if (a.gives.size() > kMaxOfferItems || a.wants.size() > kMaxOfferItems)
            return bad("too many items in the offer");
        const auto& cs = g.sc().concessions;
        auto channel_ok = [&](int c) -> Verdict {
            if (cs[c].needs_channel && g.board.channel < *cs[c].needs_channel)
                return illegal(cs[c].name + ": needs the channel " + std::string(name_of(*cs[c].needs_channel)) +
                               " or better (it is " + std::string(name_of(g.board.channel)) + ")");
            return Verdict::yes();
        };
        for (auto c : a.gives) {
            if (c < 0 || c >= static_cast<int>(cs.size())) return bad("unknown concession");
            if (!(cs[c].teams & bit(seat.team))) return illegal(cs[c].name + ": not yours to give");
            if (auto v = channel_ok(c); !v.ok()) return v;
        }
        for (auto c : a.wants) {
            if (c < 0 || c >= static_cast<int>(cs.size())) return bad("unknown concession");
            if (!(cs[c].teams & bit(a.to))) return illegal(cs[c].name + ": not theirs to give");
            if (auto v = channel_ok(c); !v.ok()) return v;
        }
        int pending = 0;
        for (const Offer& o : g.offers) pending += (o.status == OfferStatus::pending && o.from == seat.team) ? 1 : 0;
        if (pending >= kMaxPendingOffers) return bad("too many offers awaiting answers");
        return Verdict::yes();
    }
    Verdict operator()(const AnswerOffer& a) const {
        if (auto v = not_paused(); !v.ok()) return v;
        for (const Offer& o : g.offers)
            if (o.id == a.offer) {
                if (o.to != seat.team) return denied("that offer is not addressed to your team");
                if (o.status != OfferStatus::pending) return bad("that offer is no longer open");
                return Verdict::yes();
            }
        return bad("no such offer");
    }
    Verdict operator()(const AnswerFramework&) const {
        if (auto v = not_paused(); !v.ok()) return v;
        const Proposal& p = g.board.proposal;
        if (p.from < 0) return bad("no framework proposal awaits an answer");
        Team answerer = p.from == idx(Team::us) ? Team::iran : Team::us;
        if (seat.team != answerer) return denied("the proposal is addressed to the other side");
        return Verdict::yes();
    }
    Verdict operator()(const Chat& a) const {
        if (auto v = check_text(a.text, kMaxText, "message"); !v.ok()) return v;
        if (!team_ok(a.to)) return bad("unknown team");
        bool white_cell = is_control(seat);
        // The White Cell's broadcasts have room of their own past a full log.
        std::size_t room = kMaxMessages + (white_cell && a.channel == ChatChannel::broadcast ? kMaxWhiteCellExtra : 0);
        if (g.messages.size() >= room) return bad("the game's message log is full");
        if (!white_cell &&
            static_cast<std::size_t>(std::count_if(g.messages.begin(), g.messages.end(), [&](const Message& m) {
                return m.role == SeatRole::team && m.from == seat.team && m.channel == a.channel;
            })) >= kMaxChannelMessages)
            return bad("your team has used up its messages in this channel");
        switch (a.channel) {
            case ChatChannel::team: return team_member();
            case ChatChannel::control:
                if (seat.role == SeatRole::control) return Verdict::yes();  // the White Cell answers a team
                return team_member();
            case ChatChannel::bilateral:
                if (auto v = team_member(); !v.ok()) return v;
                if (a.to == seat.team) return bad("a bilateral message goes to another team");
                return Verdict::yes();
            case ChatChannel::all:
                if (is_control(seat)) return Verdict::yes();
                return team_member();
            case ChatChannel::broadcast: return control_only();
        }
        return bad("unknown channel");
    }
    Verdict operator()(const Draft& a) const {
        if (auto v = not_paused(); !v.ok()) return v;
        if (g.committed[idx(seat.team)]) return bad("your orders are already committed");
        return check_orders(g, seat.team, a.orders);
    }
    Verdict operator()(const Commit& a) const {
        if (auto v = not_paused(); !v.ok()) return v;
        if (g.committed[idx(seat.team)]) return bad("your orders are already committed");
        return check_orders(g, seat.team, a.orders);
    }
    Verdict operator()(const Amend& a) const {
        if (g.reports.empty() || g.reports.back().released)
            return wrong_phase(g, "amending a result");
        if (a.result >= g.reports.back().results.size()) return bad("no such result");
        if (g.reports.back().results[a.result].success == a.success) return bad("the result already stands so");
        return check_text(a.reason, kMaxText, "reason");
    }
    Verdict operator()(const Release&) const {
        return Verdict::yes();
    }
    Verdict operator()(const SetTrack& a) const {
        if (idx(a.track) < 0 || idx(a.track) >= kTracks) return bad("unknown track");
        const auto& d = g.sc().tracks[idx(a.track)];
        if (a.value < d.min || a.value > d.max)
            return bad(std::string(name_of(a.track)) + " must be " + std::to_string(d.min) + ".." +
                       std::to_string(d.max));
        return check_text(a.reason, kMaxText, "reason");
    }
    Verdict operator()(const SetChannel& a) const {
        if (static_cast<int>(a.channel) > 3) return bad("unknown channel");
        return check_text(a.reason, kMaxText, "reason");
    }
    Verdict operator()(const SetMarker& a) const {
        if (a.region < 0 || a.region >= g.board.region_count) return bad("unknown region");
        if (a.marker < 0 || a.marker >= g.board.marker_kinds) return bad("unknown marker");
        if (a.value < 0 || a.value > 9) return bad("marker strength must be 0..9");
        return check_text(a.reason, kMaxText, "reason");
    }
    Verdict operator()(const Bookmark& a) const {
        if (a.note.size() > kMaxText) return bad("note too long");
        return check_text(a.label, kMaxName * 2, "label");
    }
    Verdict operator()(const EndGame& a) const {
        return check_text(a.reason, kMaxText, "reason");
    }
};

// The first check of every action: may this seat issue it, in this phase, as
// its declaration says?
Verdict check_declared(const GameState& g, const Seat& seat, const ActionDecl& d) {
    bool may = false;
    switch (seat.role) {
        case SeatRole::team:
            may = (d.who & by::team_member) || ((d.who & by::team_lead) && g.is_lead(seat));
            break;
        case SeatRole::control: may = d.who & by::white_cell; break;
        case SeatRole::observer: may = d.who & by::observer; break;
        case SeatRole::system: may = d.who & by::system; break;
    }
    if (!may) {
        // A team seat refused a lead's action is told that its lead may.
        if (seat.role == SeatRole::team && d.who == by::team_lead)
            return fail(Verdict::Code::not_permitted, "only your team's lead may do that");
        return fail(Verdict::Code::not_permitted, "only " + describe_issuers(d.who) + " may do that");
    }
    if (!(d.when & phase_bit(g.phase))) {
        if (g.ended()) return fail(Verdict::Code::game_over, "the game is over");
        return fail(Verdict::Code::wrong_phase, "not in the " + std::string(name_of(g.phase)) + " phase");
    }
    return Verdict::yes();
}

}  // namespace

Verdict validate(const GameState& g, const Seat& seat, const Action& action) {
    if (static_cast<int>(seat.role) > static_cast<int>(SeatRole::system)) return denied("unknown seat");
    if (seat.role == SeatRole::team && !team_ok(seat.team)) return denied("unknown team seat");
    if (seat.role == SeatRole::team && seat.player != 0) {
        const Player* p = g.find_player(seat.player);
        if (!p || p->role != SeatRole::team || p->team != seat.team) return denied("not seated on that team");
    }
    if (seat.role == SeatRole::control && seat.player != 0) {
        const Player* p = g.find_player(seat.player);
        if (!p || p->role != SeatRole::control) return denied("not seated as the White Cell");
    }
    if (auto v = check_declared(g, seat, declaration(action)); !v.ok()) return v;
    return std::visit(Validator{g, seat}, action);
}

// ---------------------------------------------------------------- flow

namespace {

// A team's drafts, each keeping who drafted it: an order the list held
// already keeps its author (a reordering or a removal changes no author); a
// new one is the drafting player's, or the team's bot's.
void set_drafts(GameState& g, const Seat& seat, const std::vector<Order>& orders) {
    int t = idx(seat.team);
    const std::vector<Order>& before = g.drafts[t];
    std::vector<bool> kept(before.size(), false);
    const Player* p = g.find_player(seat.player);
    std::string me = p ? p->name : g.bot[t] ? "bot" : "";
    std::vector<std::string> authors;
    for (const Order& o : orders) {
        std::string who = me;
        for (std::size_t k = 0; k < before.size(); ++k)
            if (!kept[k] && before[k] == o) {
                kept[k] = true;
                who = g.draft_author(seat.team, k);
                break;
            }
        authors.push_back(std::move(who));
    }
    g.drafts[t] = orders;
    g.draft_authors[t] = std::move(authors);
}

void begin_turn(GameState& g, std::vector<Event>& ev) {
    g.phase = Phase::inject;
    g.inject = -1;
    g.inject_drawn = false;
    g.choice_pending = false;
    g.chosen = -1;
    g.ready = {};
    g.committed = {};
    for (auto& d : g.drafts) d.clear();
    for (auto& d : g.draft_authors) d.clear();
    for (auto& o : g.orders) o.clear();
    g.timer_seconds = 0;
    deal_season(g);
    ev.push_back(phase_event(g));
}

void enter_negotiation(GameState& g, std::vector<Event>& ev) {
    g.phase = Phase::negotiation;
    g.ready = {};
    g.timer_seconds = g.sc().rules.negotiation_seconds;
    ev.push_back(phase_event(g));
}

void enter_orders(GameState& g, std::vector<Event>& ev) {
    for (Offer& o : g.offers)
        if (o.status == OfferStatus::pending) o.status = OfferStatus::lapsed;
    g.phase = Phase::orders;
    g.committed = {};
    for (Team t : kAllTeams) {
        EffectContext ctx;
        ctx.self = idx(t);
        int base = g.sc().rules.action_points[idx(t)];
        int mods = evaluate(g.sc(), g.board, g.sc().teams[idx(t)].ap_mods, ctx, false);
        int ap = base + mods + g.board.ap_bonus[idx(t)];
        g.ap[idx(t)] = static_cast<std::int16_t>(std::clamp(ap, 0, 12));
        if (g.ap[idx(t)] != base) {  // points that changed, with their reason, for the team and the White Cell
            Event e;
            e.kind = Event::Kind::action_points;
            e.team = static_cast<std::int8_t>(idx(t));
            e.value = g.ap[idx(t)];
            e.delta = g.ap[idx(t)] - base;
            e.a = static_cast<std::int16_t>(g.board.ap_bonus[idx(t)]);
            e.b = static_cast<std::int16_t>(mods);
            e.audience = static_cast<std::uint8_t>(bit(t) | Event::kControl);
            ev.push_back(e);
        }
        g.board.ap_bonus[idx(t)] = 0;
        g.drafts[idx(t)].clear();
        g.draft_authors[idx(t)].clear();
        g.orders[idx(t)].clear();
    }
    g.timer_seconds = g.sc().rules.orders_seconds;
    ev.push_back(phase_event(g));
}

void finish_game(GameState& g, EndReason why, std::vector<Event>& ev) {
    g.phase = Phase::ended;
    g.end = why;
    g.timer_seconds = 0;
    for (Team t : kAllTeams) g.score[idx(t)] = team_score(g.sc(), g.board, t, true);
    if (!g.reports.empty()) g.reports.back().released = true;
    Event e;
    e.kind = Event::Kind::game_over;
    e.value = static_cast<int>(why);
    ev.push_back(e);
}

void enter_adjudication(GameState& g, std::vector<Event>& ev) {
    g.phase = Phase::adjudication;
    g.timer_seconds = 0;
    g.board_before_report = g.board;
    ev.push_back(phase_event(g));
    adjudicate(g, ev);
    if (g.board.war) finish_game(g, EndReason::war, ev);
}

// The option an unanswered choice takes: the card's default (the first
// option unless one is marked `default = true`).
int default_option(const GameState& g) {
    const CardDef& c = g.card(g.inject);
    return c.default_option >= 0 && c.default_option < static_cast<int>(c.options.size()) ? c.default_option : 0;
}

void resolve_choice(GameState& g, int option, std::vector<Event>& ev) {
    const CardDef& c = g.card(g.inject);
    EffectContext ctx;
    ctx.self = c.chooser;
    ctx.turn = g.turn;
    g.chosen = static_cast<std::int8_t>(option);
    g.choice_pending = false;
    Event e;
    e.kind = Event::Kind::chosen;
    e.team = static_cast<std::int8_t>(c.chooser);
    e.a = g.inject;
    e.value = option;
    ev.push_back(e);
    apply_effects(g.sc(), g.board, ctx, c.options[option].effects, nullptr, &ev);
}

void draw_inject(GameState& g, int card, std::vector<Event>& ev) {
    g.inject = static_cast<std::int16_t>(card);
    g.inject_drawn = true;
    if (static_cast<int>(g.inject_history.size()) < g.turn) g.inject_history.resize(g.turn, -1);
    g.inject_history[g.turn - 1] = g.inject;
    Event e;
    e.kind = Event::Kind::inject;
    e.a = g.inject;
    ev.push_back(e);
    const CardDef& c = g.card(card);
    EffectContext ctx;
    ctx.turn = g.turn;
    ctx.self = c.kind == CardKind::opportunity ? c.to : c.kind == CardKind::choice ? c.chooser : kRefNone;
    apply_effects(g.sc(), g.board, ctx, c.effects, nullptr, &ev);
    if (c.kind == CardKind::opportunity && c.to >= 0) {
        Effect h;
        h.verb = EffectVerb::hand;
        h.a = card;
        h.team = c.to;
        apply_effects(g.sc(), g.board, ctx, {h}, nullptr, &ev);
    }
    g.choice_pending = c.kind == CardKind::choice && !c.options.empty();
}

void draw_top(GameState& g, std::vector<Event>& ev) {
    int at = next_inject(g);
    for (int i = 0; i < at; ++i) {  // passed over, kept in the deck for a later turn
        Event e;
        e.kind = Event::Kind::note;
        e.text = "deferred (its premise does not hold): " + g.card(g.deck[i]).title;
        e.audience = Event::kControl;
        ev.push_back(e);
    }
    if (at < 0) {
        g.inject = -1;
        g.inject_drawn = true;
        if (static_cast<int>(g.inject_history.size()) < g.turn) g.inject_history.resize(g.turn, -1);
        Event e;
        e.kind = Event::Kind::note;
        e.text = "no inject this turn: no card in the deck has its premise met";
        ev.push_back(e);
        return;
    }
    int card = g.deck[at];
    g.deck.erase(g.deck.begin() + at);
    draw_inject(g, card, ev);
}

void advance(GameState& g, std::vector<Event>& ev) {
    switch (g.phase) {
        case Phase::inject:
            if (!g.inject_drawn && !g.deck.empty()) draw_top(g, ev);
            if (g.choice_pending) resolve_choice(g, default_option(g), ev);  // no decision: the default stands
            if (g.board.war) {
                finish_game(g, EndReason::war, ev);
                return;
            }
            enter_negotiation(g, ev);
            break;
        case Phase::negotiation: enter_orders(g, ev); break;
        case Phase::orders:
            for (Team t : kAllTeams)
                if (!g.committed[idx(t)]) {
                    g.orders[idx(t)].clear();  // uncommitted teams pass
                    g.committed[idx(t)] = true;
                }
            enter_adjudication(g, ev);
            break;
        case Phase::adjudication:
        case Phase::end_of_turn: {
            Report& report = g.reports.back();
            report.released = true;
            // The released report's results and effects now reach every seat.
            for (std::size_t i = 0; i < report.results.size(); ++i) {
                Event e;
                e.kind = Event::Kind::result;
                e.a = static_cast<std::int16_t>(i);
                e.team = report.results[i].team;
                e.value = report.results[i].success ? 1 : 0;
                ev.push_back(e);
                ev.insert(ev.end(), report.results[i].events.begin(), report.results[i].events.end());
            }
            end_of_turn(g, ev);
            if (g.board.war) {
                finish_game(g, EndReason::war, ev);
            } else if (g.board.track(Track::nuclear) >= g.sc().tracks[idx(Track::nuclear)].max &&
                       g.sc().end_on_breakout) {
                Event b;
                b.kind = Event::Kind::breakout;
                ev.push_back(b);
                finish_game(g, EndReason::breakout, ev);
            } else if (g.turn >= g.sc().turns()) {
                finish_game(g, EndReason::last_turn, ev);
            } else {
                ++g.turn;
                begin_turn(g, ev);
            }
            break;
        }
        case Phase::ended: break;
    }
}

std::uint8_t offer_audience(const Offer& o) {
    return static_cast<std::uint8_t>(bit(o.from) | bit(o.to) | Event::kControl);
}

std::uint8_t chat_audience(const Message& m) {
    switch (m.channel) {
        case ChatChannel::team: return static_cast<std::uint8_t>(bit(m.from) | Event::kControl);
        case ChatChannel::bilateral: return static_cast<std::uint8_t>(bit(m.from) | bit(m.to) | Event::kControl);
        case ChatChannel::control:
            return static_cast<std::uint8_t>((m.role == SeatRole::team ? bit(m.from) : bit(m.to)) | Event::kControl);
        case ChatChannel::all:
        case ChatChannel::broadcast: return Event::kPublic;
    }
    return Event::kControl;
}

struct Applier {
    GameState& g;
    const Seat& seat;
    std::vector<Event>& ev;

    void note(Note::Kind k, std::string label, std::string text) {
        g.notes.push_back({k, static_cast<std::int16_t>(g.turn), g.phase, std::move(label), std::move(text)});
    }
    void setting(const std::string& what, const std::string& reason) {
        note(Note::Kind::setting, what, reason);
        Event e;
        e.kind = Event::Kind::setting;
        e.text = what + " (" + reason + ")";
        ev.push_back(e);
    }

    void operator()(const Join& a) {
        g.players.push_back({a.player, a.name, a.role, a.team, 0});
        if (a.role == SeatRole::team && g.lead[idx(a.team)] == 0) g.lead[idx(a.team)] = a.player;
        Event e;
        e.kind = Event::Kind::seat;
        e.team = a.role == SeatRole::team ? static_cast<std::int8_t>(idx(a.team)) : -1;
        e.text = a.name + " joined as " +
                 (a.role == SeatRole::team ? std::string(name_of(a.team)) : std::string(name_of(a.role)));
        ev.push_back(e);
    }
    void operator()(const Leave& a) {
        auto it = std::find_if(g.players.begin(), g.players.end(), [&](const Player& p) { return p.id == a.player; });
        Player gone = *it;
        g.players.erase(it);
        if (gone.role == SeatRole::team && g.lead[idx(gone.team)] == gone.id) {
            g.lead[idx(gone.team)] = 0;
            for (const Player& p : g.players)
                if (p.role == SeatRole::team && p.team == gone.team) {
                    g.lead[idx(gone.team)] = p.id;
                    break;
                }
        }
        Event e;
        e.kind = Event::Kind::seat;
        e.text = gone.name + " left";
        ev.push_back(e);
    }
    void operator()(const SetLead& a) {
        g.lead[idx(a.team)] = a.player;
        Event e;
        e.kind = Event::Kind::seat;
        e.team = static_cast<std::int8_t>(idx(a.team));
        e.text = g.find_player(a.player)->name + " now leads " + std::string(name_of(a.team));
        ev.push_back(e);
    }
    void operator()(const SetBot& a) {
        g.bot[idx(a.team)] = a.on;
        Event e;
        e.kind = Event::Kind::seat;
        e.team = static_cast<std::int8_t>(idx(a.team));
        e.text = std::string("bot ") + (a.on ? "takes " : "leaves ") + std::string(name_of(a.team));
        ev.push_back(e);
    }
    void operator()(const GrantView& a) {
        for (auto& p : g.players)
            if (p.id == a.player)
                p.grants = a.on ? static_cast<std::uint8_t>(p.grants | bit(a.team))
                                : static_cast<std::uint8_t>(p.grants & ~bit(a.team));
        setting("view of " + std::string(name_of(a.team)) + (a.on ? " granted" : " withdrawn"), "observer");
    }
    void operator()(const DrawInject&) {
        draw_top(g, ev);
        if (g.board.war) finish_game(g, EndReason::war, ev);
    }
    void operator()(const HoldInject&) {
        int at = std::max(next_inject(g), 0);  // the card that would be drawn
        g.held.push_back(g.deck[at]);
        g.deck.erase(g.deck.begin() + at);
        note(Note::Kind::inject, "held", g.card(g.held.back()).title);
    }
    void operator()(const ReorderDeck& a) {
        auto c = g.deck[a.from];
        g.deck.erase(g.deck.begin() + a.from);
        g.deck.insert(g.deck.begin() + a.to, c);
        note(Note::Kind::inject, "reordered", g.card(c).title);
    }
    void operator()(const ReplaceInject& a) {
        auto drop = [&](std::vector<std::int16_t>& v) { v.erase(std::remove(v.begin(), v.end(), a.card), v.end()); };
        drop(g.deck);
        drop(g.held);
        g.deck.insert(g.deck.begin(), a.card);
        note(Note::Kind::inject, "replaced", g.card(a.card).title);
    }
    void operator()(const WriteInject& a) {
        CardDef c;
        c.id = "white-cell-" + std::to_string(g.written.size() + 1);
        c.title = a.title;
        c.text = a.text;
        c.date = "";
        c.kind = CardKind::event;
        c.effects = a.effects;
        for (const Effect& e : a.effects)
            if (e.verb == EffectVerb::spoiler) c.kind = CardKind::spoiler;
        g.written.push_back(std::move(c));
        int id = static_cast<int>(g.sc().cards.size() + g.written.size() - 1);
        g.deck.insert(g.deck.begin(), static_cast<std::int16_t>(id));
        note(Note::Kind::inject, "written", a.title);
    }
    void operator()(const Choose& a) {
        resolve_choice(g, a.option, ev);
        if (g.board.war) finish_game(g, EndReason::war, ev);
    }
    void operator()(const AdvancePhase&) { advance(g, ev); }
    void operator()(const TimerExpired&) {
        Event e;
        e.kind = Event::Kind::note;
        e.text = "timer expired";
        ev.push_back(e);
        advance(g, ev);
    }
    void operator()(const SetTimer& a) { g.timer_seconds = a.seconds; }
    void operator()(const Ready&) {
        g.ready[idx(seat.team)] = true;
        close_negotiation_if_done();
    }
    // Every team ready closes negotiation; with `answers_before_orders`, only
    // once no offer awaits its answer.
    void close_negotiation_if_done() {
        if (!std::all_of(g.ready.begin(), g.ready.end(), [](bool r) { return r; })) return;
        if (g.sc().rules.answers_before_orders &&
            std::any_of(g.offers.begin(), g.offers.end(),
                        [](const Offer& o) { return o.status == OfferStatus::pending; }))
            return;
        enter_orders(g, ev);
    }
    void operator()(const Pause&) {
        g.paused = true;
        setting("paused", "White Cell");
    }
    void operator()(const Resume&) {
        g.paused = false;
        setting("resumed", "White Cell");
    }
    void operator()(const MakeOffer& a) {
        Offer o;
        o.id = g.next_offer++;
        o.turn = static_cast<std::int16_t>(g.turn);
        o.from = seat.team;
        o.to = a.to;
        o.gives = a.gives;
        o.wants = a.wants;
        g.offers.push_back(o);
        if (((o.from == Team::us && o.to == Team::iran) || (o.from == Team::iran && o.to == Team::us)) &&
            g.board.channel <= Channel::secret)
            g.board.contact = true;
        Event e;
        e.kind = Event::Kind::offer;
        e.team = static_cast<std::int8_t>(idx(o.from));
        e.a = static_cast<std::int16_t>(o.id);
        e.b = static_cast<std::int16_t>(idx(o.to));
        e.audience = offer_audience(o);
        ev.push_back(e);
    }
    void operator()(const AnswerOffer& a) {
        for (Offer& o : g.offers)
            if (o.id == a.offer) {
                o.status = a.accept ? OfferStatus::accepted : OfferStatus::rejected;
                Event e;
                e.kind = Event::Kind::answer;
                e.team = static_cast<std::int8_t>(idx(o.to));
                e.a = static_cast<std::int16_t>(o.id);
                e.value = a.accept ? 1 : 0;
                e.audience = offer_audience(o);
                ev.push_back(e);
            }
        if (g.sc().rules.answers_before_orders) close_negotiation_if_done();
    }
    void operator()(const AnswerFramework& a) {
        Board& b = g.board;
        const Scenario& s = g.sc();
        Event e;
        e.kind = Event::Kind::framework;
        e.team = b.proposal.from;
        e.a = static_cast<std::int16_t>(b.proposal.terms);
        bool accept = a.accept;
        if (accept && s.rules.ratify_target > 0) {
            // Both capitals must carry the bargain past their opposition.
            int d1 = g.rng.d6(), d2 = g.rng.d6();
            int trust = b.track(Track::trust), hawks = b.track(Track::us_hawks),
                hardliners = b.track(Track::iran_hardliners);
            int total = d1 + d2 + trust - hawks - hardliners;
            accept = total >= s.rules.ratify_target;
            Event r;
            r.kind = Event::Kind::note;
            r.team = e.team;
            r.text = std::string(accept ? "the framework is ratified" : "the framework fails at home") + ": 2d6 " +
                     std::to_string(d1) + "+" + std::to_string(d2) + " + trust " + std::to_string(trust) +
                     " - opposition " + std::to_string(hawks + hardliners) + " = " + std::to_string(total) +
                     (accept ? " >= " : " < ") + std::to_string(s.rules.ratify_target);
            ev.push_back(r);
        }
        if (accept) {
            e.value = 1;
            ev.push_back(e);
            for (std::size_t i = 0; i < s.terms.size(); ++i)
                if ((b.proposal.terms >> i) & 1u) {
                    b.terms[i] = TermStatus::pending;
                    b.term_due[i] = static_cast<std::int16_t>(g.turn + s.rules.implement_within);
                }
            Effect up;
            up.verb = EffectVerb::channel;
            up.a = static_cast<int>(Channel::strategic);
            EffectContext ctx;
            ctx.turn = g.turn;
            apply_effects(s, b, ctx, {up}, nullptr, &ev);
            honour_promises_of(b, idx(seat.team), ev);
        } else {
            e.value = 2;
            ev.push_back(e);
            set_track(s, b, Track::trust, b.track(Track::trust) + s.rules.framework_reject_trust, idx(seat.team),
                      nullptr, &ev);
        }
        b.proposal = {};
    }
    void operator()(const Chat& a) {
        Message m;
        m.seq = g.next_message++;
        m.turn = static_cast<std::int16_t>(g.turn);
        m.player = seat.player;
        m.role = seat.role;
        m.from = seat.team;
        m.channel = a.channel;
        m.to = a.to;
        m.text = a.text;
        if (is_control(seat) && a.channel == ChatChannel::all) m.channel = ChatChannel::broadcast;
        if (m.channel == ChatChannel::bilateral &&
            ((m.from == Team::us && m.to == Team::iran) || (m.from == Team::iran && m.to == Team::us)) &&
            g.board.channel <= Channel::secret)
            g.board.contact = true;
        Event e;
        e.kind = Event::Kind::chat;
        e.a = static_cast<std::int16_t>(m.seq & 0x7fff);
        e.team = is_team(seat) ? static_cast<std::int8_t>(idx(seat.team)) : -1;
        e.audience = chat_audience(m);
        e.text = m.text;
        g.messages.push_back(std::move(m));
        ev.push_back(e);
    }
    void operator()(const Draft& a) { set_drafts(g, seat, a.orders); }
    void operator()(const Commit& a) {
        g.orders[idx(seat.team)] = a.orders;
        set_drafts(g, seat, a.orders);
        g.committed[idx(seat.team)] = true;
        Event e;
        e.kind = Event::Kind::note;
        e.team = static_cast<std::int8_t>(idx(seat.team));
        e.text = std::string(name_of(seat.team)) + " committed orders";
        ev.push_back(e);
        if (std::all_of(g.committed.begin(), g.committed.end(), [](bool c) { return c; })) enter_adjudication(g, ev);
    }
    void operator()(const Amend& a) {
        amend(g, a.result, a.success, ev);
        Result& r = g.reports.back().results[a.result];
        r.amended = true;
        r.reason = a.reason;
        note(Note::Kind::amendment, "result " + std::to_string(a.result + 1), a.reason);
        Event e;
        e.kind = Event::Kind::amendment;
        e.a = static_cast<std::int16_t>(a.result);
        e.value = a.success ? 1 : 0;
        e.text = a.reason;
        e.audience = Event::kControl;
        ev.push_back(e);
    }
    void operator()(const Release&) { advance(g, ev); }
    void operator()(const SetTrack& a) {
        set_track(g.sc(), g.board, a.track, a.value, -1, nullptr, &ev);
        setting(std::string(name_of(a.track)) + " set to " + std::to_string(a.value), a.reason);
        if (g.board.war) finish_game(g, EndReason::war, ev);
    }
    void operator()(const SetChannel& a) {
        Effect e;
        e.verb = EffectVerb::channel;
        e.a = static_cast<int>(a.channel);
        EffectContext ctx;
        ctx.turn = g.turn;
        apply_effects(g.sc(), g.board, ctx, {e}, nullptr, &ev);
        setting("channel set to " + std::string(name_of(a.channel)), a.reason);
    }
    void operator()(const SetMarker& a) {
        Effect e;
        e.verb = EffectVerb::marker;
        e.a = a.region;
        e.b = a.marker;
        e.value = a.value - g.board.marker(a.region, a.marker);
        apply_effects(g.sc(), g.board, EffectContext{}, {e}, nullptr, &ev);
        setting(g.sc().markers[a.marker].name + " in " + g.sc().regions[a.region].name + " set to " +
                    std::to_string(a.value),
                a.reason);
    }
    void operator()(const Bookmark& a) {
        note(Note::Kind::bookmark, a.label, a.note);
        Event e;
        e.kind = Event::Kind::bookmark;
        e.text = a.label;
        e.audience = Event::kControl;
        ev.push_back(e);
    }
    void operator()(const EndGame& a) {
        note(Note::Kind::end, "ended", a.reason);
        finish_game(g, EndReason::white_cell, ev);
    }
};

}  // namespace

void end_of_turn(GameState& g, std::vector<Event>& ev) {
    Board& b = g.board;
    const Scenario& s = g.sc();
    const Rules& r = s.rules;
    std::vector<Event> out;
    // 1. Leak roll: a secret channel, or US–Iran contact while closed.
    if (b.channel == Channel::secret || (b.channel == Channel::closed && b.contact)) {
        int d1 = g.rng.d6(), d2 = g.rng.d6();
        int total = d1 + d2 + b.track(Track::us_hawks) + b.track(Track::iran_hardliners) + b.leak_bonus +
                    (b.contact ? r.contact_leak_bonus : 0);
        Event e;
        e.kind = Event::Kind::leak;
        e.a = static_cast<std::int16_t>(d1);
        e.b = static_cast<std::int16_t>(d2);
        e.value = total;
        e.delta = r.leak_target;
        bool leaked = total >= r.leak_target;
        e.text = leaked ? "talks divulged" : "talks stay secret";
        out.push_back(e);
        if (leaked) apply_spoiler(s, b, "talks divulged", nullptr, &out);
    }
    // 2. Promises falling due.
    for (auto& p : b.promises)
        if (p.team >= 0 && p.due_turn <= g.turn) {
            Event e;
            e.kind = Event::Kind::promise_broken;
            e.team = p.team;
            out.push_back(e);
            set_track(s, b, Track::trust, b.track(Track::trust) - r.promise_penalty, p.team, nullptr, &out);
            p.team = -1;
        }
    // 3. Bargain terms: the regional mechanism, then overdue terms.
    for (std::size_t i = 0; i < s.terms.size(); ++i) {
        if (b.terms[i] != TermStatus::pending) continue;
        Event e;
        e.kind = Event::Kind::term;
        e.a = static_cast<std::int16_t>(i);
        if (s.terms[i].side == TermSide::regional) {
            if (b.forum[idx(Team::israel)] == ForumStance::blocked ||
                b.forum[idx(Team::gulf)] == ForumStance::blocked) {
                b.terms[i] = TermStatus::blocked;
                e.value = 3;
                out.push_back(e);
                continue;
            }
            if (b.forum[idx(Team::israel)] == ForumStance::joined && b.forum[idx(Team::gulf)] == ForumStance::joined) {
                b.terms[i] = TermStatus::implemented;
                e.value = 1;
                out.push_back(e);
                EffectContext ctx;
                ctx.turn = g.turn;
                apply_effects(s, b, ctx, s.terms[i].effects, nullptr, &out);
                continue;
            }
        }
        if (g.turn >= b.term_due[i]) {
            e.value = 2;
            out.push_back(e);
            set_track(s, b, Track::trust, b.track(Track::trust) - r.unimplemented_penalty, -1, nullptr, &out);
        }
    }
    // 4. An unanswered framework proposal lapses after the turn that followed it.
    if (b.proposal.from >= 0 && b.proposal.turn < g.turn) {
        Event e;
        e.kind = Event::Kind::framework;
        e.team = b.proposal.from;
        e.a = static_cast<std::int16_t>(b.proposal.terms);
        e.value = 3;
        out.push_back(e);
        set_track(s, b, Track::trust, b.track(Track::trust) + r.framework_reject_trust, -1, nullptr, &out);
        b.proposal = {};
    }
    // 5. Escalation no team ordered: a roll when its conditions hold.
    if (r.escalation_roll > 0 && !b.war) {
        EffectContext ctx;
        ctx.turn = g.turn;
        bool due = true;
        for (const Term& t : r.escalation_requires)
            if (evaluate_term(s, b, t, ctx, false) < 1) due = false;
        if (due) {
            int d1 = g.rng.d6(), d2 = g.rng.d6();
            int total = d1 + d2 + evaluate(s, b, r.escalation_mods, ctx, false);
            bool incident = total >= r.escalation_roll;
            Event e;
            e.kind = Event::Kind::note;
            e.a = static_cast<std::int16_t>(d1);
            e.b = static_cast<std::int16_t>(d2);
            e.value = total;
            e.delta = r.escalation_roll;
            e.text = std::string(incident ? "escalation: an incident no one ordered" : "escalation: no incident") +
                     " (roll " + std::to_string(d1) + "+" + std::to_string(d2) + ", total " + std::to_string(total) +
                     (incident ? " >= " : " < ") + std::to_string(r.escalation_roll) + ")";
            out.push_back(e);
            if (incident) apply_effects(s, b, ctx, r.escalation, nullptr, &out);
        }
    }
    // 6. Drift (the scenario's end-of-turn effects), per-turn resets, scoring.
    if (!b.war) {
        EffectContext ctx;
        ctx.turn = g.turn;
        apply_effects(s, b, ctx, r.drift, nullptr, &out);
    }
    b.leak_bonus = 0;
    b.contact = false;
    b.nuclear_frozen = false;
    b.interdicted = 0;
    b.open_framework = std::max(0, b.open_framework - 1);
    std::array<int, kTeams> sc{};
    for (Team t : kAllTeams) sc[idx(t)] = team_score(s, b, t, false);
    g.score = sc;
    g.score_history.push_back(sc);
    if (!g.reports.empty())
        g.reports.back().end_of_turn.insert(g.reports.back().end_of_turn.end(), out.begin(), out.end());
    ev.insert(ev.end(), out.begin(), out.end());
}

// Clears the team's oldest pending promise: a reciprocal act honours it.
void honour_promises_of(Board& b, int team, std::vector<Event>& ev) {
    for (auto& p : b.promises)
        if (p.team == team) {
            p.team = -1;
            Event e;
            e.kind = Event::Kind::promise_kept;
            e.team = static_cast<std::int8_t>(team);
            ev.push_back(e);
            return;
        }
}

std::vector<Event> apply(GameState& g, const Seat& seat, const Action& action) {
    std::vector<Event> ev;
    std::visit(Applier{g, seat, ev}, action);
    ++g.actions_applied;
    return ev;
}

Acted act(GameState& g, const Seat& seat, const Action& action, bool with_hash) {
    Acted out;
    out.verdict = validate(g, seat, action);
    if (!out.verdict.ok()) return out;
    out.events = apply(g, seat, action);
    if (with_hash) out.hash = state_hash(g);
    return out;
}

std::string replay_action(GameState& g, const Seat& seat, const Action& action, std::uint64_t recorded_hash) {
    Acted o = act(g, seat, action, true);
    if (!o.ok()) return std::string("refused by the rules: ") + o.verdict.message;
    if (o.hash != recorded_hash) return "the state hash differs from the one recorded";
    return {};
}

// ---------------------------------------------------------------- declarations

const char* action_name(const Action& a) {
    return declaration(a).tag.data();  // the tags are literals, so null-terminated
}

std::optional<std::size_t> action_index(std::string_view tag) {
    for (std::size_t i = 0; i < kActionDecls.size(); ++i)
        if (kActionDecls[i].tag == tag) return i;
    return std::nullopt;
}

namespace {
template <std::size_t... I>
Action default_action_of(std::size_t index, std::index_sequence<I...>) {
    static const Action made[] = {Action(std::in_place_index<I>)...};
    return made[index];
}
}  // namespace

Action default_action(std::size_t index) {
    return default_action_of(index, std::make_index_sequence<std::variant_size_v<Action>>{});
}

std::string describe_issuers(Issuers who) {
    std::vector<std::string> names;
    if (who & by::team_lead) names.emplace_back("a team's lead");
    if (who & by::team_member) names.emplace_back("a team seat");
    if (who & by::white_cell) names.emplace_back("the White Cell");
    if (who & by::observer) names.emplace_back("an observer");
    // The server may do whatever the White Cell may; name it only on its own.
    if ((who & by::system) && !(who & by::white_cell)) names.emplace_back("the server");
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    return out;
}

std::string describe_phases(Phases when) {
    if (when == kAnyPhase) return "any";
    if (when == kLive) return "any until the game ends";
    std::string out;
    for (int p = 0; p <= static_cast<int>(Phase::ended); ++p)
        if (when & phase_bit(static_cast<Phase>(p)))
            out += (out.empty() ? "" : ", ") + std::string(name_of(static_cast<Phase>(p)));
    return out;
}

std::string actions_markdown() {
    std::string out = "| tag | who may issue it | phases |\n|---|---|---|\n";
    for (const ActionDecl& d : kActionDecls) {
        std::string who = describe_issuers(d.who);
        if ((d.who & by::system) && (d.who & by::white_cell)) who += " (or the server)";
        out += "| `" + std::string(d.tag) + "` | " + who + " | " + describe_phases(d.when) + " |\n";
    }
    return out;
}

}  // namespace gb
