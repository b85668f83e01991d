// One game being played on the server: its state, journal, seats, bots,
// schedule and phase timer, and the view-filtered updates it sends.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "bot.hpp"
#include "journal.hpp"
#include "log.hpp"
#include "peer.hpp"
#include "protocol.hpp"
#include "rules.hpp"
#include "schedule.hpp"
#include "state.hpp"
#include "transport.hpp"

namespace gb {

// Accepted actions across all games, for Stats.
class ActionRate {
public:
    void count();
    std::uint64_t total() const { return total_; }
    // Actions per second over the last 10 s (0 before half a second of samples).
    double per_second();

private:
    std::uint64_t total_ = 0;
    std::vector<std::pair<std::chrono::steady_clock::time_point, std::uint64_t>> samples_;
};

// What a live game uses of the server around it.
struct GameServices {
    Transport& transport;
    const Log& log;
    ActionRate& rate;
    // How long a team's lead may be gone before the lead passes to a connected teammate.
    std::chrono::milliseconds lead_timeout{std::chrono::seconds(60)};
};

// "turn 3 negotiation": the game's turn and phase, for log lines.
std::string phase_line(const GameState& g);

// A game in play. Every change goes through record(): validated by the rules,
// journaled, then sent to each member as the update of its own view. Members
// are the peers seated in it; the game never owns them.
// A game whose journal cannot be written goes read-only: its state goes back
// to what its journal holds, its actions are refused with a clear reason, its
// members are told, and it tries again every second until it can save.
class LiveGame {
public:
    using Clock = std::chrono::steady_clock;

    // A game whose journal is open and holds everything up to `state`.
    // A resumed game brings its last journaled phase timer (`resumed`): a
    // timer that matches the state goes on from it instead of from full.
    LiveGame(GameServices services, JournalHeader header, std::shared_ptr<const Scenario> scenario, GameState state,
             JournalWriter journal, std::map<std::string, std::uint32_t> tokens = {},
             const std::optional<DeadlineRecord>& resumed = std::nullopt);

    std::uint32_t id() const { return header_.game; }
    const JournalHeader& header() const { return header_; }
    const GameState& state() const { return state_; }
    JournalWriter& journal() { return journal_; }
    const std::map<std::string, std::uint32_t>& tokens() const { return tokens_; }
    const std::vector<Peer*>& members() const { return members_; }
    const std::optional<Clock::time_point>& deadline() const { return deadline_; }

    // Validates and applies an action (core `act`), journals it and queues
    // every member's update. A refused action changes nothing.
    Verdict record(const Seat& seat, const Action& a);
    // A new resume token for a player, journaled. False when it cannot be
    // saved: the journal is cut back to `undo` (the player's Join) and the
    // game goes read-only.
    bool add_token(const std::string& token, std::uint32_t player, const JournalWriter::Mark& undo);
    // The records of this pass could not be made durable (`why`): they are cut
    // from the journal, the state goes back to what it holds, nothing queued
    // for the members is sent (acknowledgements become refusals), and the game
    // goes read-only.
    void lost_flush(const std::string& why);
    bool read_only() const { return read_only_; }
    // When the game next needs the loop: its phase timer, the end of a paced
    // phase's minimum, or its next try to save.
    std::optional<Clock::time_point> wake_at() const;
    // Seats a peer as `player`: sends its full view, and everyone's presence.
    void seat(Peer& peer, std::uint32_t player, const std::string& token);
    // A peer leaves (disconnected, or its seat was resumed elsewhere).
    void remove(Peer& peer);
    // Sends every member Closed and unseats it.
    void close_for_members();

    // Messages from a seated peer.
    void act(Peer& peer, const net::Act& m);
    void pass(Peer& peer, const net::Pass& m);
    void pointer(Peer& peer, const net::Pointer& m);
    void send_full_view(Peer& peer);
    void send_presence();

    // Follows the schedule: the server's bots and the White Cell's stand-in
    // act, and a remote bot seat is asked for its move.
    void drive();
    // Fires the phase timer when it is due (true when it fired), and moves a
    // paced game on once its phase has lasted the minimum.
    bool tick(Clock::time_point now);
    // Follows the state's phase, pause and timer setting: a new deadline is
    // journaled (format 7) and sent to every member as a Timer message.
    void update_timer();
    // The phase timer as the seat should count it: what is left, now.
    net::Timer timer_message() const;

    // For a fork: the saved game's actions, checked by the rules again and
    // journaled; an empty string, or why one was refused.
    std::string replay(const std::vector<JournalEntry>& actions);
    // The same for one action, the `n`th.
    std::string replay_one(const JournalEntry& e, std::size_t n);
    // For a fork: the saved game's players leave, so whoever joins takes the seats.
    void fresh_cast();
    // Starts the server's bots for the teams the state gives to bots.
    void start_bots();
    // Closes the journal and removes its file (a game that never started).
    void discard();

    bool control_present() const;
    // The White Cell's seating: moves a player to a team or to observing (the
    // player leaves and joins again, keeping its id, name and token); an empty
    // string, or why not.
    std::string move_player(std::uint32_t player, SeatRole role, Team team);
    // Whether observer-code holders may choose a team when they join. Kept
    // across restarts in a file beside the journal (JOURNAL.seating); throws
    // std::runtime_error, changing nothing, when that file cannot be written.
    // The White Cell's timer settings per kind of timed phase (see timer_kind
    // in record/journal_replay.hpp), -1 for the scenario's; recovery restores them.
    const std::array<std::int32_t, 2>& timer_settings() const { return timer_settings_; }
    void set_timer_settings(const std::array<std::int32_t, 2>& s) { timer_settings_ = s; }
    bool observers_choose() const { return observers_choose_; }
    void set_observers_choose(bool on);
    // Reads the seating file, if any, when the game is resumed.
    void load_seating();
    Seat seat_of(std::uint32_t player) const;

private:
    Cast cast() const;
    // Rebuilds the state and tokens from the journal (after a cut).
    void restore();
    void enter_read_only(const std::string& why);
    // Whether the data directory takes writes again; leaves read-only mode if so.
    void try_to_resume(Clock::time_point now);
    Verdict cannot_save() const;
    // Passes each team's lead to a connected teammate when the lead has been
    // gone for the lead timeout: a person first, else a bot seat.
    void pass_leads(Clock::time_point now);
    // Whether a seat may chat now (a token bucket per seat; the White Cell is not limited).
    bool chat_allowed(Peer& peer, Clock::time_point now);
    void forget_asked(const Peer& peer);

    GameServices services_;
    JournalHeader header_;
    std::shared_ptr<const Scenario> scenario_;
    GameState state_;
    JournalWriter journal_;
    std::map<std::string, std::uint32_t> tokens_;    // token -> player
    std::array<std::unique_ptr<Bot>, kTeams> bots_;  // the server's own bots
    std::vector<Peer*> members_;
    // The schedule of bot seats and the stand-in; a remote bot seat that was
    // asked for its move, and the move's number.
    Schedule schedule_;
    Peer* asked_ = nullptr;
    std::uint32_t asked_move_ = 0, next_move_ = 1;
    std::uint64_t last_action_seq_ = 0;  // the journal record of the last action recorded
    // Journals the phase timer as it stands now (format 7 and later); a
    // journal that cannot take it only loses the timer's survival of a restart.
    void journal_deadline();
    // Whether the game holds its moves to give the phase its minimum time
    // (no White Cell connected; header_.min_phase_ms); sets pace_until_.
    bool pacing(Clock::time_point now);

    // Phase timer on the server clock.
    std::optional<Clock::time_point> deadline_;
    // A running timer's time left is sent again every kTimerResend.
    static constexpr std::chrono::seconds kTimerResend{2};
    Clock::time_point timer_sent_{};
    // When the phase now being played began (on this server's clock), and
    // until when a paced game holds its bots and stand-in.
    std::pair<int, int> phase_key_{-1, -1};
    Clock::time_point phase_began_{};
    std::optional<Clock::time_point> pace_until_;
    std::tuple<int, int, int, bool> timer_key_{-1, -1, -1, false};
    Clock::duration paused_left_{};
    // Read-only mode: why, and when to try saving again.
    bool read_only_ = false;
    std::string read_only_why_;
    Clock::time_point retry_at_{};
    bool observers_choose_ = false;
    std::array<std::int32_t, 2> timer_settings_{-1, -1};
    std::array<std::optional<Clock::time_point>, kTeams> lead_gone_since_{};
};

}  // namespace gb
