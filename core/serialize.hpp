// cereal serialization of every core value: actions (for journals and the
// wire), and the whole game state (for the state hash and snapshots).
#pragma once

#include <cereal/archives/portable_binary.hpp>
#include <cereal/cereal.hpp>
#include <cereal/types/array.hpp>
#include <cereal/types/optional.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/variant.hpp>
#include <cereal/types/vector.hpp>
#include <sstream>
#include <string>

#include "action.hpp"
#include "bounded_archive.hpp"
#include "journal_entry.hpp"
#include "state.hpp"

namespace gb {

template <class Ar>
void serialize(Ar& ar, Seat& s) {
    ar(s.role, s.team, s.player);
}
template <class Ar>
void serialize(Ar& ar, Effect& e) {
    ar(e.verb, e.a, e.b, e.team, e.set, e.value, e.text);
}
template <class Ar>
void serialize(Ar& ar, CardOption& o) {
    ar(o.label, o.text, o.effects);
}
template <class Ar>
void serialize(Ar& ar, CardDef& c) {
    ar(c.id, c.title, c.date, c.eras, c.kind, c.source, c.text, c.note, c.effects, c.to, c.play, c.chooser, c.options);
}

template <class Ar>
void serialize(Ar& ar, Join& a) {
    ar(a.player, a.name, a.role, a.team);
}
template <class Ar>
void serialize(Ar& ar, Leave& a) {
    ar(a.player);
}
template <class Ar>
void serialize(Ar& ar, SetLead& a) {
    ar(a.team, a.player);
}
template <class Ar>
void serialize(Ar& ar, SetBot& a) {
    ar(a.team, a.on);
}
template <class Ar>
void serialize(Ar& ar, GrantView& a) {
    ar(a.player, a.team, a.on);
}
template <class Ar>
void serialize(Ar&, DrawInject&) {}
template <class Ar>
void serialize(Ar&, HoldInject&) {}
template <class Ar>
void serialize(Ar& ar, ReorderDeck& a) {
    ar(a.from, a.to);
}
template <class Ar>
void serialize(Ar& ar, ReplaceInject& a) {
    ar(a.card);
}
template <class Ar>
void serialize(Ar& ar, WriteInject& a) {
    ar(a.title, a.text, a.effects);
}
template <class Ar>
void serialize(Ar& ar, Choose& a) {
    ar(a.option);
}
template <class Ar>
void serialize(Ar&, AdvancePhase&) {}
template <class Ar>
void serialize(Ar&, TimerExpired&) {}
template <class Ar>
void serialize(Ar& ar, SetTimer& a) {
    ar(a.seconds);
}
template <class Ar>
void serialize(Ar&, Ready&) {}
template <class Ar>
void serialize(Ar&, Pause&) {}
template <class Ar>
void serialize(Ar&, Resume&) {}
template <class Ar>
void serialize(Ar& ar, MakeOffer& a) {
    ar(a.to, a.gives, a.wants);
}
template <class Ar>
void serialize(Ar& ar, AnswerOffer& a) {
    ar(a.offer, a.accept);
}
template <class Ar>
void serialize(Ar& ar, AnswerFramework& a) {
    ar(a.accept);
}
template <class Ar>
void serialize(Ar& ar, Chat& a) {
    ar(a.channel, a.to, a.text);
}
template <class Ar>
void serialize(Ar& ar, Draft& a) {
    ar(a.orders);
}
template <class Ar>
void serialize(Ar& ar, Commit& a) {
    ar(a.orders);
}
template <class Ar>
void serialize(Ar& ar, Amend& a) {
    ar(a.result, a.success, a.reason);
}
template <class Ar>
void serialize(Ar&, Release&) {}
template <class Ar>
void serialize(Ar& ar, SetTrack& a) {
    ar(a.track, a.value, a.reason);
}
template <class Ar>
void serialize(Ar& ar, SetChannel& a) {
    ar(a.channel, a.reason);
}
template <class Ar>
void serialize(Ar& ar, SetMarker& a) {
    ar(a.region, a.marker, a.value, a.reason);
}
template <class Ar>
void serialize(Ar& ar, Bookmark& a) {
    ar(a.label, a.note);
}
template <class Ar>
void serialize(Ar& ar, EndGame& a) {
    ar(a.reason);
}

template <class Ar>
void serialize(Ar& ar, RegionState& r) {
    ar(r.stability, r.influence);
}
template <class Ar>
void serialize(Ar& ar, Promise& p) {
    ar(p.team, p.due_turn);
}
template <class Ar>
void serialize(Ar& ar, Proposal& p) {
    ar(p.from, p.terms, p.turn);
}
template <class Ar>
void serialize(Ar& ar, Board& b) {
    ar(b.tracks, b.channel, b.trust_at_open, b.region_count, b.marker_kinds, b.regions, b.markers, b.counters,
       b.security, b.ap_bonus, b.hands, b.hand_size, b.promises, b.proposal, b.terms, b.term_due, b.forum);
    ar(b.nuclear_frozen, b.leak_bonus, b.contact, b.open_framework, b.interdicted, b.war_by, b.war, b.spoilers,
       b.cutoffs);
}
template <class Ar>
void serialize(Ar& ar, Player& p) {
    ar(p.id, p.name, p.role, p.team, p.grants);
}
template <class Ar>
void serialize(Ar& ar, Offer& o) {
    ar(o.id, o.turn, o.from, o.to, o.gives, o.wants, o.status);
}
template <class Ar>
void serialize(Ar& ar, Result& r) {
    ar(r.kind, r.team, r.order, r.offer, r.deal, r.die1, r.die2, r.modifier, r.target, r.success, r.amended, r.reason,
       r.changes, r.events);
}
template <class Ar>
void serialize(Ar& ar, Report& r) {
    ar(r.turn, r.released, r.results, r.end_of_turn);
}
template <class Ar>
void serialize(Ar& ar, Message& m) {
    ar(m.seq, m.turn, m.player, m.role, m.from, m.channel, m.to, m.text);
}
template <class Ar>
void serialize(Ar& ar, Note& n) {
    ar(n.kind, n.turn, n.phase, n.label, n.text);
}

template <class Ar>
void serialize(Ar& ar, JournalEntry& e) {
    ar(e.seat, e.action);
}

namespace detail {
// Set while the state hash is being taken: what the hash leaves out.
inline thread_local bool hashing_state = false;
}  // namespace detail

// Everything but the scenario pointer, which is represented by its content hash.
// The drafts' authors come last and stay out of the state hash, so journals
// recorded before they were kept verify as they did.
template <class Ar>
void serialize(Ar& ar, GameState& g) {
    std::uint64_t content = g.scenario ? g.scenario->content_hash : 0;
    ar(content, g.seed, g.rng, g.actions_applied, g.turn, g.phase, g.paused, g.end, g.timer_seconds, g.board);
    ar(g.deck, g.held, g.written, g.inject, g.inject_drawn, g.choice_pending, g.chosen, g.inject_history);
    ar(g.ready, g.offers, g.next_offer, g.ap, g.drafts, g.orders, g.committed, g.reports, g.board_before_report);
    ar(g.messages, g.next_message, g.notes, g.players, g.lead, g.bot, g.score_history, g.score);
    if (!detail::hashing_state) ar(g.draft_authors);
}

// A 64-bit hash of the whole state, the same on every build.
std::uint64_t state_hash(const GameState& g);
// The hash of the game as played, leaving out its cast (who sat where, which
// teams bots played) and the count of actions: the same bot game played over
// the network and offline has the same play hash. `gb demo` and `gb simulate`
// print it as their last line ("final state hash:").
std::uint64_t play_hash(const GameState& g);

// The portable binary encoding of any serializable value.
template <class T>
std::string portable_bytes(const T& value) {
    std::ostringstream out(std::ios::binary);
    {
        cereal::PortableBinaryOutputArchive ar(out);
        ar(const_cast<T&>(value));
    }
    return std::move(out).str();
}

}  // namespace gb
