// The material state of the game: tracks, the channel, regions, markers,
// counters, hands, promises and the bargain. Plain fixed-size data, so bots can
// copy it freely to look ahead.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "scenario.hpp"

namespace gb {

struct RegionState {
    std::int8_t stability = 3;
    std::array<std::int8_t, kTeams> influence{};
    bool operator==(const RegionState&) const = default;
};

struct Promise {
    std::int8_t team = -1;      // -1: free slot
    std::int16_t due_turn = 0;  // must be honoured by the end of this turn
    bool operator==(const Promise&) const = default;
};

// A framework proposal awaiting an answer.
struct Proposal {
    std::int8_t from = -1;  // -1: none
    std::uint32_t terms = 0;
    std::int16_t turn = 0;
    bool operator==(const Proposal&) const = default;
};

enum class TermStatus : std::uint8_t { none, pending, implemented, blocked };
enum class ForumStance : std::uint8_t { none, joined, blocked };

struct Board {
    std::array<int, kTracks> tracks{};
    Channel channel = Channel::closed;
    int trust_at_open = 0;  // trust when the channel last opened (cut-off floor)
    int region_count = 0;
    int marker_kinds = 0;
    std::array<RegionState, kMaxRegions> regions{};
    std::array<std::int8_t, kMaxRegions * kMaxMarkerKinds> markers{};
    std::array<int, kMaxCounters> counters{};
    std::array<int, kTeams> security{};
    std::array<int, kTeams> ap_bonus{};  // for the next orders phase
    std::array<std::array<std::int16_t, kMaxHand>, kTeams> hands{};
    std::array<std::int8_t, kTeams> hand_size{};
    std::array<Promise, kMaxPromises> promises{};
    Proposal proposal;
    std::array<TermStatus, kMaxTerms> terms{};
    std::array<std::int16_t, kMaxTerms> term_due{};
    std::array<ForumStance, kTeams> forum{};
    bool nuclear_frozen = false;
    int leak_bonus = 0;
    bool contact = false;  // US–Iran offers or chat this turn
    int open_framework = 0;
    std::uint32_t interdicted = 0;  // regions with an interdiction this turn (bit per region)
    std::int8_t war_by = -1;        // team whose action brought war
    bool war = false;
    int spoilers = 0;  // spoilers so far this game
    int cutoffs = 0;   // cut-offs so far this game

    int& track(Track t) { return tracks[idx(t)]; }
    int track(Track t) const { return tracks[idx(t)]; }
    std::int8_t& marker(int region, int kind) { return markers[region * kMaxMarkerKinds + kind]; }
    int marker(int region, int kind) const { return markers[region * kMaxMarkerKinds + kind]; }
    bool has_framework() const { return channel == Channel::strategic; }
    bool operator==(const Board&) const = default;
};

// Builds the opening board of a scenario.
Board opening_board(const Scenario& s);

// Whether team t controls region r: influence ≥ stability and ahead of every
// other team by at least the stability. Sea zones and boxes are never controlled.
bool controls(const Scenario& s, const Board& b, Team t, int region);
int regions_controlled(const Scenario& s, const Board& b, Team t);

// Context in which effects are applied: who acts and what they target.
struct EffectContext {
    int self = kRefNone;    // acting team, or none (a card drawn)
    bool to_self = true;    // words speak to the acting team ("your"), else name it (the White Cell reads)
    int other = kRefNone;   // other party of a deal
    int region = kRefNone;  // ordered target region
    int marker = kRefNone;  // ordered target marker
    int turn = 1;
};

// One concrete change, kept so a White Cell amendment can undo it exactly.
struct Change {
    enum class Kind : std::uint8_t {
        track,
        influence,
        stability,
        marker,
        channel,
        counter,
        security,
        trust_at_open,
        ap_bonus,
        leak_bonus,
        open_framework,
        frozen,
        spoilers,
        cutoffs
    };
    Kind kind = Kind::track;
    std::int16_t a = 0, b = 0;
    int delta = 0;
    bool operator==(const Change&) const = default;
    template <class Ar>
    void serialize(Ar& ar) {
        ar(kind, a, b, delta);
    }
};

// Something that happened, for the narration, the report and the client.
struct Event {
    enum class Kind : std::uint8_t {
        track,           // a = track, value = new value, delta
        influence,       // a = region, team, value, delta
        stability,       // a = region, value, delta
        marker,          // a = region, b = marker kind, value, delta
        channel,         // a = old, value = new
        spoiler,         // text = reason
        cutoff,          // value = trust after
        leak,            // value = roll total, delta = target; text
        counter,         // a = counter, value, delta
        security,        // team, value, delta
        hand,            // team, a = card
        discard,         // team, a = card (hand full)
        promise,         // team, value = due turn
        promise_broken,  // team
        promise_kept,    // team
        framework_open,  // value = turns
        war,             // team = cause or -1
        breakout,
        note,           // text
        phase,          // value = new phase, a = turn
        inject,         // a = card
        chosen,         // a = card, value = option, team = chooser
        offer,          // a = offer id, team = from, b = to
        answer,         // a = offer id, value = accepted, team = answering team
        framework,      // team = proposer, value: 0 proposed, 1 accepted, 2 rejected, 3 lapsed; a = terms mask
        term,           // a = term, value: 1 implemented, 2 overdue, 3 blocked
        forum,          // team, value = stance
        result,         // a = index in the turn report
        game_over,      // value = end reason
        chat,           // a = message seq
        seat,           // text
        amendment,      // a = result index, value = success, text = reason
        setting,        // text = what and why
        bookmark,       // text
        action_points,  // team, value = points this turn, delta = value - the base, a = from cards and deals, b = from
                        // the team's rule
    };
    Kind kind = Kind::note;
    std::int8_t team = -1;
    std::int16_t a = -1, b = -1;
    int value = 0, delta = 0;
    std::string text;
    std::uint8_t audience = kPublic;  // bit per team, bit 4 the White Cell
    static constexpr std::uint8_t kPublic = 0xFF;
    static constexpr std::uint8_t kControl = 0x10;
    bool operator==(const Event&) const = default;
    template <class Ar>
    void serialize(Ar& ar) {
        ar(kind, team, a, b, value, delta, text, audience);
    }
};

// Applies effects to the board. Records each change in `changes` (if given)
// and each event in `events` (if given). Cards put in hands, promises made and
// framework proposals voided are not recorded, so an amendment cannot undo them.
void apply_effects(const Scenario& s, Board& b, const EffectContext& ctx, const std::vector<Effect>& effects,
                   std::vector<Change>* changes, std::vector<Event>* events);

// The fragility rule: a spoiler cuts the channel off (or costs trust under a
// framework). Exposed so adjudication and end of turn share one rule.
void apply_spoiler(const Scenario& s, Board& b, const std::string& reason, std::vector<Change>* changes,
                   std::vector<Event>* events);

// Sets a track to a value within its bounds, recording the change. Unlike an
// effect it is not stopped by a nuclear freeze (White Cell settings, penalties).
void set_track(const Scenario& s, Board& b, Track t, int value, int cause_team, std::vector<Change>* changes,
               std::vector<Event>* events);

// Undoes recorded changes (newest first).
void revert_changes(const Scenario& s, Board& b, const std::vector<Change>& changes);

// Evaluates a formula against the board. `ended` says whether outcome terms
// may be true; `ctx` resolves `self` and `target` in roll modifiers.
int evaluate(const Scenario& s, const Board& b, const std::vector<Term>& terms, const EffectContext& ctx, bool ended);
// One term of a formula, weighted (a condition's value is 1 when it holds).
int evaluate_term(const Scenario& s, const Board& b, const Term& t, const EffectContext& ctx, bool ended);

// A team's score now (the scenario's formula plus the war penalty).
int team_score(const Scenario& s, const Board& b, Team t, bool ended);

bool outcome_holds(const Scenario& s, const Board& b, Outcome o);

// Chance (in 1/36) that 2d6 + modifier reaches the target.
int chance_36(int target, int modifier);

}  // namespace gb
