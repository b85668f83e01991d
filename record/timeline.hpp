// A game's timeline, derived from its journal alone: the state at any point
// (after any number of its actions), found quickly from snapshots; where
// each turn and phase begins; each seat's view of a point; and the
// instructor's annotations, kept in a file beside the journal so that the
// record itself is never changed.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "journal.hpp"
#include "state.hpp"

namespace gb {

// Whose eyes a replay or report uses.
struct Perspective {
    enum class Kind : std::uint8_t { control, public_view, team };
    Kind kind = Kind::control;
    Team team = Team::us;
    Seat seat() const;
    std::string name() const;  // control, public, us, iran, israel, gulf
};
// "control", "public" or a team id; empty when unknown.
std::optional<Perspective> perspective_from(const std::string& s);

struct PhaseMark {
    std::size_t point = 0;  // the state after this many actions is the first of the phase
    int turn = 1;
    Phase phase = Phase::inject;
};

class Timeline {
public:
    // Reads and replays a journal. Throws std::runtime_error naming the file
    // and the bad record when it cannot be used. A torn last record is left out.
    static Timeline open(const std::string& journal_path, std::size_t snapshot_every = 256);

    const std::string& path() const { return path_; }
    const JournalHeader& header() const { return header_; }
    std::shared_ptr<const Scenario> scenario() const { return scenario_; }
    // The files the scenario was loaded from (the journal's own copy, or for
    // an older journal the files found for it), the scenario file first.
    const std::vector<SourceFile>& scenario_files() const { return scenario_files_; }
    // Number of actions; points run from 0 (the new game) to size().
    std::size_t size() const { return entries_.size(); }
    const JournalEntry& entry(std::size_t i) const { return entries_[i]; }
    std::uint64_t journal_seq(std::size_t i) const { return seqs_[i]; }
    // The state hash the journal recorded after action i.
    std::uint64_t recorded_hash(std::size_t i) const { return hashes_[i]; }
    // The full state after the first `point` actions.
    GameState state_at(std::size_t point) const;
    // The same, as a seat saw it.
    GameState view_at(std::size_t point, const Perspective& p) const;
    // Where each phase of each turn begins, in order.
    const std::vector<PhaseMark>& phases() const { return phases_; }
    // The first point at `turn` (and `phase`, when given); nullopt if the game never got there.
    std::optional<std::size_t> point_of(int turn, std::optional<Phase> phase = std::nullopt) const;
    // The phase mark a point belongs to.
    const PhaseMark& mark_of(std::size_t point) const;
    const GameState& final_state() const { return final_; }
    bool torn() const { return torn_; }

private:
    std::string path_;
    JournalHeader header_;
    std::shared_ptr<const Scenario> scenario_;
    std::vector<SourceFile> scenario_files_;
    std::vector<JournalEntry> entries_;
    std::vector<std::uint64_t> seqs_, hashes_;
    std::size_t every_ = 256;
    std::vector<GameState> snapshots_;  // snapshots_[k] = state after k * every_ actions
    std::vector<PhaseMark> phases_;
    GameState final_;
    bool torn_ = false;
};

// "3" or "3.orders" -> turn and optional phase. False when malformed.
bool parse_turn_phase(const std::string& s, int& turn, std::optional<Phase>& phase);

// The instructor's bookmarks and annotations made while replaying, kept in
// JOURNAL.annotations (one per line: point, label, note; tab-separated).
struct Annotation {
    std::size_t point = 0;
    std::string label, note;
    bool operator==(const Annotation&) const = default;
};
std::string annotations_path(const std::string& journal_path);
// Empty when there is no file. Throws std::runtime_error naming the file and
// line of a malformed entry.
std::vector<Annotation> load_annotations(const std::string& journal_path);
// Writes the whole list atomically (a temporary file, then rename).
void save_annotations(const std::string& journal_path, const std::vector<Annotation>& list);

}  // namespace gb
