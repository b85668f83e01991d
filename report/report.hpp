// The after-action report: a model of one game built from its journal alone,
// through one seat's eyes, and its renderings as self-contained HTML (inline
// CSS and SVG charts) and as Markdown. Also the comparison of several games
// of one scenario, optionally against a band of simulated bot games. The
// model writes the report's sentences (the *_text, *_note and *_line
// functions), once; the renderers only set them in HTML or Markdown.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "study.hpp"
#include "timeline.hpp"

namespace gb::report {

// Team colours used by every chart and table.
inline constexpr std::array<const char*, kTeams> kTeamColours{"#2c5cb6", "#268454", "#7654aa", "#c48e2c"};

struct ReportOptions {
    Perspective perspective{};  // default: the White Cell, who sees everything
    bool include_chat = false;
};

// A paragraph that opens with a few words set off (bold): "Draft report. The
// White Cell had not released ...". Either part may be empty.
struct Prose {
    std::string lead, text;
    bool empty() const { return lead.empty() && text.empty(); }
};

struct InjectView {
    bool drawn = false;
    bool written = false;  // a card the White Cell wrote during the game
    std::string title, date, kind, text, source, note;
    std::string to;                            // opportunity: the team that takes it into hand
    std::string chooser, choice, choice_text;  // choice: who chose, the option, its text

    std::string label() const;       // "Inject · event · written by the White Cell · September 2001"
    std::string taken_text() const;  // "Taken into hand by Iran." for an opportunity, else ""
    Prose choice_line() const;       // {"Iran chose:", "Engage — ..."} or its "(not yet chosen)"; empty if no choice
    Prose note_line() const;         // {"Teaching note.", note}; empty without a note
    std::string none_text() const;   // "No inject this turn." when none was drawn, else ""
};

struct ResultView {
    int number = 0;  // 1-based position in the turn report
    int team = -1;
    std::string team_name, order;                      // order: the order, or for a deal the offer
    int die1 = 0, die2 = 0, modifier = 0, target = 0;  // die1 == 0: no roll
    bool success = true, amended = false;
    std::string reason;
    std::vector<std::string> effects;

    std::string roll_text() const;     // "4+3 +1 = 8 vs 7", or "" without a roll
    std::string outcome_text() const;  // "succeeds", "fails (interdicted)", "fails; amended by the White Cell: ..."
    // A deal: "Deal: the offer (cancelled); amended by the White Cell: reason" (its effects apart).
    std::string deal_text() const;
};

struct NoteView {
    std::string kind;  // amendment, setting, inject, end, bookmark, annotation
    std::string label, text;
};

struct ChatView {
    std::string from, to, text;
};

struct TurnView {
    int turn = 0;
    std::string calendar;
    InjectView inject;
    bool adjudicated = false;  // a report of this turn is visible
    bool draft = false;        // ...but not yet released (the White Cell's view only)
    std::vector<ResultView> deals, orders;
    std::vector<std::string> missed;  // offers rejected or left to lapse this turn: missed openings
    std::vector<std::string> end_of_turn;
    std::vector<NoteView> white_cell;  // amendments, settings, deck changes, the end
    std::vector<NoteView> bookmarks;   // journal bookmarks and replay annotations
    std::vector<ChatView> chat;
    bool complete = false;  // the turn's end is in the journal

    Prose draft_note() const;         // the warning over a draft report; empty for a released one
    std::string orders_note() const;  // why there is no table of orders ("No team gave orders this turn."), or ""
    std::string after_label() const;  // "After the turn", or "Where the journal stops" for an unfinished turn
    std::string chat_note() const;    // "No messages this seat could see." when there are none
};

// The turn's offers that were rejected or lapsed unanswered, as the seat of
// `g` (a view) saw them: "Iran offers the United States “…”: rejected by the
// United States." These are the missed openings a debrief is about.
std::vector<std::string> missed_openings(const GameState& g, int turn);

// A value a track took within a turn, after one of the turn's events (an
// inject, a deal, an order's result, the leak roll, a White Cell setting).
struct InnerPoint {
    int turn = 0;  // between point turn-1 and point turn
    int value = 0;
    bool operator==(const InnerPoint&) const = default;
};

// One line of a chart: a value per point (0: the opening board; t: the end
// of turn t; the last point of an unfinished game is where the journal stops).
struct Series {
    std::string key, label;
    int min = 0, max = 0;
    std::vector<int> values;
    // Every change within a turn, in order (tracks and the channel; empty for
    // scores): a channel that opens and closes within one turn shows here.
    std::vector<InnerPoint> inner;
};

struct TeamResult {
    std::string name, colour;
    int score = 0, par = 0, vs_par = 0;
    bool winner = false;
};

// ------------------------------------------------------------ the thesis

// One US–Iran channel episode, as `gb study` defines it (GameTracker).
struct EpisodeView {
    int number = 0, opened = 0, trust_open = 0, trust_after = 0, length = 0, ended_turn = 0;
    EpisodeEnd end = EpisodeEnd::game_end;
    std::string widest;  // widest channel it reached: secret, tactical, strategic
    std::string cause;   // a cut-off's cause: "the leak roll", "the inject “…”", "Israel's order “…”", ...
    std::string reason;  // a spoiler's reason, when it gave one

    // "cut off in turn 3 by the leak roll", "made strategic (a framework) in turn 5",
    // "still open at the end" / "still open where the journal stops"
    std::string end_text(bool game_ended) const;
    std::string trust_text() const;   // "4 → 2"
    std::string length_text() const;  // "2 turns"
};

// The bargain terms of one side by what became of them.
struct TermsLine {
    std::string side;
    std::vector<std::string> implemented, owed, blocked;
    // "Iran implemented “A” and “B”; left owed “C”." (or "still owes" in an unfinished game)
    std::string text(bool game_ended) const;
};

struct ThesisView {
    bool ended = false;
    bool cut_short = false;  // a seat's report of a game whose last report is a draft: up to its adjudication
    std::vector<EpisodeView> episodes;
    int framework_turn = 0, cutoffs = 0, turns_open = 0;
    std::string arc;  // GameFacts::arc(), its end left out while the game goes on
    std::vector<TermsLine> terms;  // sides with a term in a framework
    int study_games = 0;           // 0: not placed against a study
    std::uint64_t study_seed = 0;
    std::vector<std::string> placed;  // sentences placing the game against the study

    std::string intro() const;
    std::string episodes_note() const;   // "The US–Iran channel never opened.", or ""
    std::string framework_text() const;  // "The channel became strategic (a framework) in turn 5." / "No framework ..."
    std::string terms_note() const;      // "No bargain term was agreed." when no framework carried terms
    std::string arc_text() const;        // "The game's arc: cut-off 2, framework 5, rapprochement."
    std::string study_text() const;      // what the simulated games are, or why there are none
};

struct GameReport {
    std::string scenario_id, scenario_title, game_name, journal_file;
    std::optional<std::uint64_t> seed;  // withheld from every seat but the White Cell
    std::string created, perspective, perspective_label;
    bool ended = false, include_chat = false, teaching_notes = false, annotations = false;
    int turns_total = 0, turns_played = 0;
    std::vector<std::string> calendar;  // label of each scenario turn
    std::array<Series, kTracks> tracks;
    Series channel;  // 0 closed .. 3 strategic
    std::array<Series, kTeams> scores;
    std::vector<TurnView> turns;
    std::array<TeamResult, kTeams> final;
    bool rapprochement = false, war = false, breakout = false;
    std::string status;      // "Game over after turn 8: the last turn was played"
    std::string end_reason;  // last_turn, war, breakout, white_cell; empty while the game goes on
    int end_turn = 0;
    // The thesis section: the channel's episodes by gb study's tracker, the
    // framework and its terms, the arc, and (after place_against) where the
    // game stands among simulated games. `facts` is the tracker's own record.
    ThesisView thesis;
    GameFacts facts;

    std::string seed_text() const;      // the seed, or "withheld from this seat"
    std::string turns_text() const;     // "5 of 8"
    std::string final_heading() const;  // "Final scores", or "Standing so far" for an unfinished game
    // The three shared outcomes, named, in the order the report gives them.
    std::array<std::pair<const char*, bool>, 3> shared_outcomes() const;
};

// Builds the report of a game as the perspective saw it. Annotations are the
// instructor's; only the White Cell's report shows them.
GameReport build_report(const Timeline& timeline, const ReportOptions& options,
                        const std::vector<Annotation>& annotations);

// Fills the tracks' and the channel's changes within each turn (Series::inner)
// from the journal's events, as the perspective saw them: the draft report's
// results count when the report is released.
void sample_within_turns(const Timeline& timeline, const Perspective& perspective, GameReport& r);

// Places the game against a study of its scenario (gb study's figures): fills
// thesis.placed with sentences. Deterministic in its arguments.
void place_against(GameReport& r, const Study& s);

std::string render_html(const GameReport& r);
std::string render_markdown(const GameReport& r);

// ------------------------------------------------------------ comparison

// Quantiles of one track at one point over the simulated games.
struct Band {
    double p10 = 0, p25 = 0, p50 = 0, p75 = 0, p90 = 0;
};

struct SimulatedGames {
    int games = 0;
    std::uint64_t seed = 0;
    std::array<std::vector<Band>, kTracks> bands;       // per track, per point
    std::vector<Band> channel_bands;                    // per point (0 closed .. 3 strategic)
    std::array<std::vector<int>, kTeams> final_scores;  // sorted
    std::array<int, 8> outcome_counts{};                // by outcome_mask
    int rapprochement = 0, war = 0, breakout = 0;       // games with each
    std::vector<int> end_turn_counts;                   // games ending at each turn (index = turn)

    std::string share_text(int count) const;  // "12.5% of simulated games"
    // The p-quantile (0..1) of a team's final scores, or "—" without games.
    std::string score_quantile(int team, double p) const;
    // "Final scores of 200 games with heuristic bots in every seat. Rapprochement in ..."
    std::string summary() const;
};

// Bit 0 rapprochement, bit 1 war, bit 2 breakout.
int outcome_mask(bool rapprochement, bool war, bool breakout);
// Share of `sorted` below v, counting ties as half (0..100).
double percentile_of(const std::vector<int>& sorted, int v);
// "63rd percentile", "below the 1st percentile", "above the 99th percentile".
std::string percentile_text(double p);

// Plays `games` heuristic bot games of the scenario (seeds from game_seed(seed, i))
// on `threads` threads, recording every track at the opening and at the end of
// each turn (a game that ends early keeps its last values). The result does
// not depend on the thread count. `progress` is called now and then with the
// number of games done.
SimulatedGames simulate_tracks(std::shared_ptr<const Scenario> scenario, int games, std::uint64_t seed, int threads,
                               const std::function<void(int)>& progress = {});

struct Comparison {
    std::string scenario_id, scenario_title, perspective_label;
    std::vector<std::string> calendar;
    std::array<std::pair<int, int>, kTracks> ranges{};  // min, max per track
    std::vector<GameReport> games;
    std::vector<std::string> files;  // as given on the command line
    std::optional<SimulatedGames> sim;
};

std::string render_compare_html(const Comparison& c);
std::string render_compare_markdown(const Comparison& c);

// ------------------------------------------------------------ shared helpers

std::string html_escape(const std::string& s);
std::string track_label(Track t);
std::string channel_label(int channel);
std::string fmt_signed(int v);
// 12.5, or 12 for 12.0: figures in prose and tables.
std::string fmt_number(double v);
// The colour of game i in comparisons.
const char* game_colour(std::size_t i);

}  // namespace gb::report
