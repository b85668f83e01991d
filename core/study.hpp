// The study of the thesis (`gb study`): the seminar notes' claims measured over
// simulated bot games. How often a framework is reached, what becomes of each
// US–Iran channel episode, and the three claims as effects with 95% bootstrap
// intervals. Pure and deterministic: the same arguments give the same figures
// and the same bytes on any number of threads. docs/thesis.md explains it.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "bot.hpp"
#include "journal_entry.hpp"
#include "state.hpp"

namespace gb {

// How a channel episode ended.
enum class EpisodeEnd : std::uint8_t { cutoff, framework, game_end };
std::string_view name_of(EpisodeEnd e);

// One channel episode: from the US–Iran channel opening (closed → secret or
// wider) to a cut-off (the channel closed again), a framework (the channel
// became strategic) or the end of the game.
struct Episode {
    int opened = 0;                    // turn it opened
    int trust_open = 0;                // trust when it opened
    Channel widest = Channel::closed;  // widest channel before it ended (secret, tactical; strategic for a framework)
    EpisodeEnd end = EpisodeEnd::game_end;
    bool ended = false;   // set exactly once, when it ends
    int ended_turn = 0;   // turn it ended
    int trust_after = 0;  // trust once it ended (after a cut-off's fall)
    int length = 0;       // ends of turn it survived while open
    std::string cause;    // cut-off: "leak", "card:ID", "order:ACTION:TEAM", "deal", "white_cell" or "unknown"
    std::string reason;   // cut-off: the spoiler's reason, or "channel closed" when an effect closed it
    bool tactical() const { return widest >= Channel::tactical; }
};

// What one game contributes to a study.
struct GameFacts {
    int turns = 0;  // the turn the game ended in
    EndReason end = EndReason::none;
    Standing standing;
    int framework_turn = 0;   // the turn the channel first became strategic; 0: never
    int turns_open = 0;       // ends of turn with the channel open (secret, tactical or strategic)
    int turns_strategic = 0;  // of which strategic
    int tension = 0, al_qaeda = 0, nuclear = 0, trust = 0;  // final tracks
    std::vector<Episode> episodes;
    std::vector<std::array<int, kTeams>> orders;  // per action of the scenario: orders committed, by team
    std::vector<int> cards;                       // per card of the pool: times drawn as the inject
    int offers_made = 0, offers_answered = 0, offers_accepted = 0;
    int proposals = 0, frameworks_accepted = 0, frameworks_rejected = 0, frameworks_lapsed = 0;
    std::array<int, 4> spoilers{};  // spoilers by the channel they met (closed, secret, tactical, strategic)
    int strategic_closed = 0;       // a strategic channel closed (after its episode ended in the framework)
    int strategic_cutoffs = 0;      // of which by a spoiler's cut-off
    int opened = 0;                 // channel openings seen (one episode each)
    int untracked = 0;              // changes the tracker could not follow from the events (0 in a sound game)
    bool framework() const { return framework_turn > 0; }
    // The game's arc: its episodes' cut-offs and frameworks in order, with
    // their turns ("no cut-off" when none), then its end: war, breakout,
    // rapprochement or last turn.
    std::string arc() const;
};

// Follows one game action by action, through play_game's observer, reading
// the events: the channel's episodes with their causes, orders, offers, cards.
class GameTracker {
public:
    explicit GameTracker(const Scenario& s);
    void observe(const GameState& g, const JournalEntry& entry, const std::vector<Event>& events);
    // The facts, once the game has ended; an episode still open ends with the game.
    GameFacts finish(const GameState& g);

private:
    void channel_changed(Channel from, Channel to, const std::string& source);
    void end_episode(EpisodeEnd how);
    void turn_ended();

    GameFacts f_;
    Channel channel_ = Channel::closed;
    int trust_ = 0;
    int turn_ = 1;
    int active_ = -1;             // index of the open episode, or -1
    int last_cut_ = -1;           // episode the next cutoff event describes, or -1
    bool strategic_cut_ = false;  // the next cutoff event describes a strategic channel's
    std::vector<int> pending_;    // episodes cut off in adjudication, awaiting their result
    std::size_t turn_ends_ = 0;   // ends of turn seen
};

// Plays one bot game and returns its facts.
GameFacts study_game(std::shared_ptr<const Scenario> scenario, std::uint64_t seed, BotKind bots);

// An estimate and its 95% bootstrap interval (percentiles of resampled games).
// Not defined when a group it needs is empty; `note` then says why.
struct Estimate {
    double value = 0, low = 0, high = 0;
    bool defined = false;
    std::string note;
};

// One claim of the seminar notes as an effect: framework games against the
// others. `direction` is the sign the claim predicts; the verdict is "holds"
// (the interval lies on that side of zero), "fails" (on the other side),
// "unclear" (it contains zero), "few games" (a group has fewer than
// kFewGames games, too few to judge) or "no data" (a group is empty).
struct Claim {
    static constexpr int kFewGames = 20;
    std::string id, statement, measure;
    char direction = '+';
    Estimate effect;
    int framework_games = 0, other_games = 0;  // the two groups compared
    std::vector<std::pair<std::string, Estimate>> components;
    std::string verdict() const;
};

struct StudyOptions {
    int games = 1000;
    std::uint64_t seed = 1;
    BotKind bots = BotKind::heuristic;
    int threads = 1;
    int resamples = 1000;
    // The `[rules]` overrides applied to the scenario, as name and JSON value
    // (reported, not applied: the caller applies them to the scenario).
    std::vector<std::pair<std::string, std::string>> rules;
};

struct Study {
    std::string scenario, title;
    int scenario_turns = 0;
    StudyOptions options;

    Estimate framework_share;
    Estimate framework_turn;           // mean turn, among framework games
    std::vector<int> framework_turns;  // framework games by the turn it was reached (index turn − 1)
    double war = 0, breakout = 0, rapprochement = 0, last_turn = 0;  // shares of games
    std::array<double, kTeams> wins{};                               // ties shared
    std::array<Claim, 3> claims;
    // Arcs: each game as the sequence of its cut-offs and frameworks, with
    // their turns, and how it ended, e.g. "cut-off 1, framework 5, rapprochement".
    // The most common first; ties by name.
    std::vector<std::pair<std::string, int>> arcs;
    double top_arc_share = 0;

    // Channel episodes.
    int episodes = 0;
    std::array<int, 3> ended{};                                // by EpisodeEnd
    int tactical_episodes = 0;                                 // that reached tactical cooperation
    std::array<int, 4> spoilers{};                             // spoilers by the channel they met
    int strategic_closed = 0, strategic_cutoffs = 0;           // strategic channels closed, of which by spoilers
    std::vector<std::pair<std::string, int>> causes, reasons;  // of cut-offs, most frequent first
    std::vector<int> opened_by_turn;                           // index turn − 1
    Estimate per_game, trust_open, trust_after, length, turns_open;
    Estimate cut_below_open;               // share of cut-off episodes that left trust below its value at opening
    std::array<Estimate, 3> trust_change;  // mean trust after − at opening, by EpisodeEnd

    std::vector<std::pair<std::string, int>> cards_drawn;              // card id → draws, in deck order
    std::vector<std::string> actions;                                  // action ids
    std::vector<std::array<double, kTeams>> orders;                    // per action: mean orders per game, by team
    double offers_made = 0, offers_answered = 0, offers_accepted = 0;  // means per game
    double proposals = 0, frameworks_accepted = 0, frameworks_rejected = 0, frameworks_lapsed = 0;
    int untracked = 0;

    std::vector<GameFacts> facts;  // per game, in game order
};

// Plays `options.games` games with seeds game_seed(options.seed, i) on
// `options.threads` threads and measures them. `progress` is called with the
// number of games done, from the calling thread.
Study study(std::shared_ptr<const Scenario> scenario, const StudyOptions& options,
            const std::function<void(int done)>& progress = {});

// The figures of a study from games already played (`study` plays them, then
// calls this; tests call it with games of their own making).
Study measure(const Scenario& scenario, std::vector<GameFacts> facts, const StudyOptions& options);

// The study as one JSON object (docs/thesis.md gives the schema); numbers in
// fixed precision, so the bytes depend only on the arguments.
std::string study_json(const Study& s);
// The study as readable tables.
std::string study_table(const Study& s);

}  // namespace gb
