// The scenario: every rule number, the board, the order and offer menus, the
// bargain terms, scoring formulas and the deck, as loaded from TOML files.
// Immutable once loaded; game states share it.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types.hpp"

namespace gb {

inline constexpr int kMaxRegions = 32;
inline constexpr int kMaxMarkerKinds = 16;
inline constexpr int kMaxCounters = 16;
inline constexpr int kMaxTerms = 16;
inline constexpr int kMaxHand = 8;
inline constexpr int kMaxPromises = 8;

// References inside effects and terms: a fixed id, or a stand-in (`target`, `self`, `other`) resolved
// when the effect is applied.
inline constexpr int kRefTarget = -2;  // the ordered target (region or marker)
inline constexpr int kRefSelf = -2;    // the acting team
inline constexpr int kRefOther = -3;   // the other party of a deal
inline constexpr int kRefNone = -1;

enum class EffectVerb : std::uint8_t {
    track,
    opposition,  // the acting team's own domestic opposition track
    influence,
    stability,
    marker,
    channel,
    channel_up,
    spoiler,
    counter,
    security,
    hand,
    ap,
    freeze_nuclear,
    leak_bonus,
    promise,
    open_framework,
};

// One change the rules make: a card's, an action's, a concession's or a term's.
struct Effect {
    EffectVerb verb = EffectVerb::track;
    int a = kRefNone;     // track, region, counter, card or channel, by verb
    int b = kRefNone;     // marker kind (marker effects)
    int team = kRefNone;  // team index or kRefSelf / kRefOther
    bool set = false;     // set instead of add
    int value = 0;
    std::string text;  // spoiler reason
};

enum class TermSource : std::uint8_t {
    track,
    influence,
    stability,
    marker,
    control,
    controls,
    counter,
    security,
    channel,
    outcome,
    bargain_term,
    channel_level,  // the channel's rank (closed 0 .. strategic 3): `track = "channel"` in a card's `requires`
    owed            // bargain terms the team's side accepted and has not implemented: `owed = "self"`
};
enum class Outcome : std::uint8_t { war, breakout, rapprochement };

// One summand of a formula: scoring, roll modifiers, action-point modifiers.
struct Term {
    TermSource source = TermSource::track;
    int a = kRefNone;     // track / region / marker / counter / channel / outcome / bargain term
    int b = kRefNone;     // region for marker; team for influence and control
    int team = kRefNone;  // team for controls and security
    int weight = 1;
    enum class Test : std::uint8_t { value, below, at_least } test = Test::value;
    int threshold = 0;
};

struct TrackDef {
    int min = 0, max = 0, start = 0;
};

enum class RegionKind : std::uint8_t { land, sea, box };

struct RegionDef {
    std::string id, name;
    RegionKind kind = RegionKind::land;
    int stability = 3;
    std::array<int, kTeams> influence{};
    std::vector<int> markers;  // strength per marker kind
};

struct MarkerDef {
    std::string id, name;
    std::uint8_t sponsors = 0;  // bit per team
};

enum class TargetKind : std::uint8_t { none, region, marker, terms, card, term };
enum class Special : std::uint8_t {
    none,
    framework,
    interdict,
    shipment,
    promise,
    forum_join,
    forum_block,
    implement,
    play_card
};

// One entry of the order menu.
struct ActionDef {
    std::string id, name, category;
    std::uint8_t teams = 0;  // bit per team
    int cost = 1;
    TargetKind target = TargetKind::none;
    std::vector<int> regions;  // allowed targets; empty = any
    int step = 0;
    std::optional<Channel> needs_channel, max_channel;
    int roll = 0;  // 0: always succeeds
    std::vector<Term> premise;  // `requires`: every condition must hold for the order to be given
    int min_turn = 1;           // the first turn in which it may be ordered
    std::vector<Term> mods;
    std::vector<Effect> success, failure;
    bool reciprocal = false;
    bool once_per_turn = false;
    Special special = Special::none;
};

struct ConcessionDef {
    std::string id, name;
    std::uint8_t teams = 0;
    std::vector<Effect> effects;
    std::optional<Channel> needs_channel;  // lowest channel at which it may be offered
};

enum class TermSide : std::uint8_t { us, iran, regional };

struct BargainTermDef {
    std::string id, name;
    TermSide side = TermSide::us;
    std::vector<Effect> effects;
    std::vector<int> forbids;  // actions the owing side may no longer order once implemented
    // Something the side gives up that is central to it: when any term is
    // central, a framework must include every central term of both sides.
    bool central = false;
};

enum class CardKind : std::uint8_t { event, spoiler, opportunity, choice };

struct CardOption {
    std::string label, text;
    std::vector<Effect> effects;
};

// Months counted from year 0 (year * 12 + month - 1), so that dates and
// calendar periods compare as integers. 0 means undated.
struct MonthSpan {
    int first = 0, last = 0;
    bool dated() const { return first > 0; }
};

// A card's `date` ("YYYY-MM", "YYYY" or "START/END" of those) as months, or
// nothing when it is none of these.
std::optional<MonthSpan> card_months(std::string_view date);
// The months a calendar label names ("Autumn 2001", "Winter 2001-02",
// "1995", "1986-88"), or nothing when it names none.
std::optional<MonthSpan> period_months(std::string_view label);

struct CardDef {
    std::string id, title, date;
    std::vector<std::string> eras;
    CardKind kind = CardKind::event;
    std::string source, text, note;
    std::vector<Effect> effects;
    int to = kRefNone;  // opportunity: team index
    std::vector<Effect> play;
    int chooser = kRefNone;  // choice: team index
    std::vector<CardOption> options;
    // Loaded from the card file but not part of a saved game (White Cell
    // cards never have them), so not serialized:
    std::vector<Term> premise;  // `requires`: every condition must hold for the card to be drawn
    int default_option = 0;     // choice: the option an unanswered choice takes
    MonthSpan months;           // `date` as months
};

struct Rules {
    std::array<int, kTeams> action_points{4, 3, 3, 3};
    int leak_target = 13;
    int cutoff_penalty = 2;
    // The fragility rule: a spoiler cuts a secret or tactical channel off. Off
    // (a rule ablation), spoilers leave such a channel and trust as they are.
    bool fragility = true;
    int closed_spoiler_trust = -1;
    int framework_spoiler_trust = -1;
    int framework_min_trust = 0;
    int framework_reject_trust = -1;
    int implement_within = 2;
    int unimplemented_penalty = 1;
    int promise_penalty = 2;
    int deal_trust = 1;
    int contact_leak_bonus = 1;
    int rapprochement_trust = 3;
    int war_penalty = 15;
    int max_hand = 3;
    int negotiation_seconds = 600;
    int orders_seconds = 300;
    // Negotiation closes only when every team is ready and no offer awaits an
    // answer (false, as in version 1: the last ready closes it at once).
    bool answers_before_orders = false;
    // A cut-off drops trust below its level when the channel opened (true, as
    // in version 1), or just by the cut-off penalty.
    bool cutoff_floor = true;
    // With spoiler_hold > 0, a spoiler cuts off any open channel, strategic
    // included, unless the channel's stake (trust plus term_stake per bargain
    // term implemented) is at least spoiler_hold; a channel that holds costs
    // framework_spoiler_trust. 0, as in version 1: a strategic channel always
    // holds and a secret or tactical one never does.
    int spoiler_hold = 0;
    int term_stake = 2;
    // A spoiler that falls while the channel is closed also kills a pending
    // framework proposal.
    bool spoiler_kills_proposal = false;
    // With ratify_target > 0, an accepted framework takes effect only if 2d6 +
    // trust − us_hawks − iran_hardliners reaches it; otherwise it counts as
    // rejected. 0, as in version 1: acceptance is enough.
    int ratify_target = 0;
    std::vector<Effect> drift;  // applied at every end of turn (e.g. tension easing)
    // Escalation no team orders (hardliners, proxies, forces at close
    // quarters): with escalation_roll > 0, each end of turn (before the drift)
    // in which every condition of escalation_requires holds, 2d6 + the
    // escalation_mods terms reaching escalation_roll applies the escalation
    // effects, caused by no team. 0, as in version 1: no roll.
    int escalation_roll = 0;
    std::vector<Term> escalation_requires, escalation_mods;
    std::vector<Effect> escalation;
};

struct TeamDef {
    std::string name;
    int par = 0;
    std::vector<Term> score;
    std::vector<Term> ap_mods;
    std::vector<Term> bot_hints;  // extra look-ahead value for the heuristic bot only
};

// historical: by date; shuffled: by the seed; seasonal: each turn a card at
// random (by the game's RNG) among those dated in the turn's calendar period.
enum class DeckOrder : std::uint8_t { historical, shuffled, seasonal };

constexpr std::string_view deck_order_name(DeckOrder d) {
    return d == DeckOrder::historical ? "historical" : d == DeckOrder::shuffled ? "shuffled" : "seasonal";
}

constexpr std::optional<DeckOrder> deck_order_from(std::string_view v) {
    if (v == "historical") return DeckOrder::historical;
    if (v == "shuffled") return DeckOrder::shuffled;
    if (v == "seasonal") return DeckOrder::seasonal;
    return std::nullopt;
}

// A tutorial scenario's scripted White Cell (docs/scenario-format.md, "Tutorial"):
// what the student must have done before the White Cell moves on.
enum class TutorialWait : std::uint8_t { none, choice, offer, ready, draft, commit };

// One message of the scripted White Cell, broadcast in its turn and phase.
struct TutorialStep {
    int turn = 1;
    Phase phase = Phase::inject;
    std::string title, text;
    TutorialWait wait = TutorialWait::none;
};

// The longest step text: a step goes out as one White Cell broadcast.
inline constexpr std::size_t kMaxTutorialText = 480;
inline constexpr std::size_t kMaxTutorialSteps = 64;

struct TutorialDef {
    Team team = Team::iran;  // the student's team; bots play the others
    std::vector<TutorialStep> steps;
    bool on() const { return !steps.empty(); }
};

struct Scenario {
    std::string id, title, summary;
    std::vector<std::string> calendar;  // one label per turn
    DeckOrder deck_order = DeckOrder::historical;
    bool end_on_breakout = true;
    std::vector<std::string> counters;
    Rules rules;
    std::array<TrackDef, kTracks> tracks{};
    Channel start_channel = Channel::closed;
    std::array<TeamDef, kTeams> teams;
    std::vector<MarkerDef> markers;
    std::vector<RegionDef> regions;
    std::vector<ActionDef> actions;
    std::vector<ConcessionDef> concessions;
    std::vector<BargainTermDef> terms;
    std::vector<CardDef> cards;  // the whole loaded card pool
    std::vector<int> deck;       // cards in this scenario's deck, historical order
    int opening = -1;            // a deck card always drawn in turn 1, whatever the deck order; -1 none
    std::vector<MonthSpan> periods;  // seasonal decks: the months of each turn's calendar label
    TutorialDef tutorial;  // no steps: not a tutorial
    std::uint64_t content_hash = 0;

    int turns() const { return static_cast<int>(calendar.size()); }
    int find_region(std::string_view id) const;
    int find_marker(std::string_view id) const;
    int find_action(std::string_view id) const;
    int find_concession(std::string_view id) const;
    int find_term(std::string_view id) const;
    int find_card(std::string_view id) const;
    int find_counter(std::string_view id) const;
};

}  // namespace gb
