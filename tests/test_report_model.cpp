// The after-action report's model, built from the journal of a bot game:
// its turns, results, scores and standing, and the sentences that both
// renderers print.
#include <catch2/catch.hpp>

#include <cstring>

#include "journal_game.hpp"
#include "report.hpp"
#include "rules.hpp"
#include "support.hpp"
#include "timeline.hpp"

using namespace gbt;
using namespace gb::report;

namespace {

const char* kMiddleDot = "\xc2\xb7";

std::string after911_path() {
    return source_dir() + "/scenarios/after-911.toml";
}

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.rfind(prefix, 0) == 0;
}

// The text a reader sees in an HTML page: the tags left out, the entities read.
std::string text_of(const std::string& html) {
    std::string out;
    bool tag = false;
    for (char c : html) {
        if (c == '<') tag = true;
        if (!tag) out += c;
        if (c == '>') tag = false;
    }
    for (auto [entity, c] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}})
        for (std::size_t at; (at = out.find(entity)) != std::string::npos;) out.replace(at, std::strlen(entity), c);
    return out;
}

}  // namespace

TEST_CASE("The report of a finished game has every turn, result and score of the game", "[report]") {
    TempDir dir("report-model");
    GameRecord played = journal_game(dir / "game.journal", after911_path(), 5);
    const GameState& fin = played.final;
    REQUIRE(fin.ended());
    Timeline t = Timeline::open(dir / "game.journal");
    GameReport r = build_report(t, {}, {});

    CHECK(r.scenario_id == "after-911");
    CHECK(r.journal_file == "game.journal");
    CHECK(r.seed == std::optional<std::uint64_t>(5));
    CHECK(r.seed_text() == "5");
    CHECK(r.ended);
    CHECK(r.turns_played == fin.turn);
    CHECK(r.turns_total == fin.sc().turns());
    CHECK(r.turns_text() == std::to_string(fin.turn) + " of " + std::to_string(fin.sc().turns()));
    CHECK(starts_with(r.status, "Game over after turn " + std::to_string(fin.turn) + " of "));
    CHECK(r.final_heading() == "Final scores");

    // Standing: scores, results against par, winners and the shared outcome.
    const Standing st = standing(fin);
    for (int i = 0; i < kTeams; ++i) {
        CHECK(r.final[i].score == st.score[i]);
        CHECK(r.final[i].vs_par == st.result[i]);
        CHECK(r.final[i].winner == (((st.winners >> i) & 1u) != 0));
        REQUIRE(r.scores[i].values.size() == static_cast<std::size_t>(r.turns_played) + 1);
        CHECK(r.scores[i].values.back() == st.score[i]);
    }
    auto outcomes = r.shared_outcomes();
    CHECK(std::string(outcomes[0].first) == "Rapprochement");
    CHECK(outcomes[0].second == st.rapprochement);
    CHECK(outcomes[1].second == st.war);
    CHECK(outcomes[2].second == st.breakout);

    // Tracks: the opening board, then the end of each turn; the last is the final board.
    GameState opening = new_game(t.scenario(), 5);
    for (int k = 0; k < kTracks; ++k) {
        REQUIRE(r.tracks[k].values.size() == static_cast<std::size_t>(r.turns_played) + 1);
        CHECK(r.tracks[k].values.front() == opening.board.tracks[k]);
        CHECK(r.tracks[k].values.back() == fin.board.tracks[k]);
    }

    // Turns: each with the results of its report, in order, and its sentences.
    REQUIRE(r.turns.size() == static_cast<std::size_t>(fin.turn));
    std::size_t results = 0;
    for (const TurnView& tv : r.turns) {
        INFO("turn " << tv.turn);
        CHECK(tv.complete);
        CHECK(tv.after_label() == "After the turn");
        CHECK(tv.draft_note().empty());
        CHECK(tv.inject.none_text().empty() == tv.inject.drawn);
        if (tv.inject.drawn) CHECK(starts_with(tv.inject.label(), std::string("Inject ") + kMiddleDot + " "));
        const Report* rep = nullptr;
        for (const Report& x : fin.reports)
            if (x.turn == tv.turn) rep = &x;
        CHECK(tv.adjudicated == (rep != nullptr));
        if (!rep) continue;
        CHECK(tv.deals.size() + tv.orders.size() == rep->results.size());
        results += rep->results.size();
        CHECK(tv.orders_note() == (tv.orders.empty() ? "No team gave orders this turn." : ""));
        for (const ResultView& v : tv.orders) {
            CHECK(starts_with(v.outcome_text(), v.success ? "succeeds" : "fails"));
            CHECK(v.roll_text().empty() == (v.die1 == 0));
            CHECK(v.team_name == fin.sc().teams[v.team].name);
        }
        for (const ResultView& d : tv.deals) CHECK(starts_with(d.deal_text(), "Deal: " + d.order));
    }
    CHECK(results > 0);
}

TEST_CASE("The report of an unfinished game says where the journal stops, and a seat's report withholds the seed",
          "[report]") {
    TempDir dir("report-unfinished");
    journal_game(dir / "part.journal", after911_path(), 5, true, 12);
    Timeline t = Timeline::open(dir / "part.journal");
    REQUIRE(t.size() == 12);
    GameReport r = build_report(t, {Perspective{Perspective::Kind::public_view, Team::us}, false}, {});

    CHECK_FALSE(r.ended);
    CHECK(starts_with(r.status, "In progress: the journal stops in turn 1 of "));
    CHECK(r.final_heading() == "Standing so far");
    CHECK_FALSE(r.seed);
    CHECK(r.seed_text() == "withheld from this seat");
    REQUIRE(r.turns.size() == 1);
    const TurnView& tv = r.turns.back();
    CHECK_FALSE(tv.complete);
    CHECK(tv.after_label() == "Where the journal stops");
    CHECK_FALSE(tv.adjudicated);
    CHECK(tv.orders_note() == "The orders of this turn had not been revealed when the journal ends.");
}

TEST_CASE("Both renderers print the model's sentences", "[report]") {
    TempDir dir("report-prose");
    journal_game(dir / "game.journal", after911_path(), 9);
    Timeline t = Timeline::open(dir / "game.journal");
    GameReport r = build_report(t, {Perspective{}, true}, {});
    REQUIRE_FALSE(r.turns.empty());
    r.turns.front().draft = true;  // as if the White Cell had not released the first report

    std::vector<std::string> sentences{r.status, r.final_heading(), r.turns_text(), r.turns.front().after_label()};
    for (const Prose& p : {r.turns.front().draft_note(), r.turns.front().inject.note_line()})
        if (!p.empty()) sentences.insert(sentences.end(), {p.lead, p.text});
    for (const TurnView& tv : r.turns) {
        if (tv.inject.drawn) sentences.push_back(tv.inject.label());
        if (!tv.orders_note().empty()) sentences.push_back(tv.orders_note());
        if (!tv.chat_note().empty()) sentences.push_back(tv.chat_note());
        for (const ResultView& v : tv.orders) sentences.push_back(v.outcome_text());
        for (const ResultView& d : tv.deals) sentences.push_back(d.deal_text());
    }
    std::string html = text_of(render_html(r)), md = render_markdown(r);
    for (const std::string& s : sentences) {
        INFO(s);
        CHECK(html.find(s) != std::string::npos);
        CHECK(md.find(s) != std::string::npos);
    }
}

TEST_CASE("The comparison with simulated games writes its figures as sentences", "[report]") {
    SimulatedGames sim;
    sim.games = 8;
    sim.rapprochement = 2;
    sim.war = 1;
    sim.final_scores[0] = {1, 2, 3, 4, 5, 6, 7, 8};
    CHECK(sim.share_text(2) == "25% of simulated games");
    CHECK(sim.share_text(1) == "12.5% of simulated games");
    CHECK(sim.summary() ==
          "Final scores of 8 games with heuristic bots in every seat. Rapprochement in 25%, regional war in 12.5%, "
          "nuclear breakout in 0% of them.");
    CHECK(sim.score_quantile(0, 0.5) == "5");
    CHECK(sim.score_quantile(0, 0.9) == "7");
    CHECK(sim.score_quantile(1, 0.5) == "\xe2\x80\x94");
    CHECK(fmt_number(12.0) == "12");
    CHECK(fmt_number(12.25) == "12.2");
}

TEST_CASE("The thesis section follows the channel as gb study does and places the game against a study",
          "[report][thesis]") {
    TempDir dir("report-thesis");
    journal_game(dir / "game.journal", after911_path(), 5);
    Timeline t = Timeline::open(dir / "game.journal");
    GameReport r = build_report(t, {}, {});

    // The report's episodes are the study's: the same tracker over the same game.
    const GameFacts studied = gb::study_game(t.scenario(), 5, gb::BotKind::heuristic);
    CHECK(r.facts.untracked == 0);
    CHECK(r.facts.framework_turn == studied.framework_turn);
    CHECK(r.facts.turns_open == studied.turns_open);
    CHECK(r.facts.arc() == studied.arc());
    REQUIRE(r.facts.episodes.size() == studied.episodes.size());
    REQUIRE(r.thesis.episodes.size() == studied.episodes.size());
    int cutoffs = 0;
    for (std::size_t i = 0; i < studied.episodes.size(); ++i) {
        const gb::Episode& a = r.facts.episodes[i];
        const gb::Episode& b = studied.episodes[i];
        CHECK(a.opened == b.opened);
        CHECK(a.trust_open == b.trust_open);
        CHECK(a.end == b.end);
        CHECK(a.ended_turn == b.ended_turn);
        CHECK(a.trust_after == b.trust_after);
        CHECK(a.length == b.length);
        CHECK(a.cause == b.cause);
        const EpisodeView& v = r.thesis.episodes[i];
        CHECK(v.opened == b.opened);
        CHECK(v.end == b.end);
        CHECK(v.trust_text() == std::to_string(b.trust_open) + " \xe2\x86\x92 " + std::to_string(b.trust_after));
        if (b.end == gb::EpisodeEnd::cutoff) {
            ++cutoffs;
            CHECK(starts_with(v.end_text(true), "cut off in turn " + std::to_string(b.ended_turn) + " by "));
            CHECK(v.cause.find("events do not name") == std::string::npos);
        }
    }
    CHECK(r.thesis.cutoffs == cutoffs);
    CHECK(r.thesis.arc == studied.arc());
    CHECK(r.thesis.arc_text() == "The game's arc: " + studied.arc() + ".");
    CHECK(r.thesis.framework_text() ==
          (studied.framework() ? "The channel became strategic (a framework) in turn " +
                                     std::to_string(studied.framework_turn) + "."
                               : std::string("No framework was reached.")));
    // A team sees the same channel in a finished game (every report released).
    GameReport us = build_report(t, {Perspective{Perspective::Kind::team, gb::Team::us}, false}, {});
    CHECK(us.facts.arc() == studied.arc());
    CHECK_FALSE(us.thesis.cut_short);

    // Not placed yet; then placed against a small study of the journal's scenario.
    CHECK(r.thesis.placed.empty());
    CHECK(starts_with(r.thesis.study_text(), "Not placed against simulated games"));
    gb::StudyOptions so;
    so.games = 24;
    so.seed = 1;
    so.resamples = 200;
    gb::Study s = gb::study(t.scenario(), so);
    place_against(r, s);
    CHECK(r.thesis.study_games == 24);
    CHECK(starts_with(r.thesis.study_text(), "Placed against gb study of this scenario: 24 games"));
    REQUIRE(r.thesis.placed.size() >= 5);
    const std::string fw = r.thesis.placed[0];
    CHECK(starts_with(fw, studied.framework() ? "This game reached a framework in turn " +
                                                    std::to_string(studied.framework_turn) + "; "
                                              : std::string("This game reached no framework; ")));
    CHECK(fw.find("% of simulated games do") != std::string::npos);
    auto has = [&](const std::string& start) {
        for (const std::string& line : r.thesis.placed)
            if (starts_with(line, start)) return true;
        return false;
    };
    CHECK(has("Its channel was cut off " + std::to_string(cutoffs) + (cutoffs == 1 ? " time;" : " times;") +
              " simulated games average "));
    CHECK(has("Its arc (" + studied.arc() + ") is shared by "));
    CHECK(has("It ended with "));
    // Deterministic: the same study places it in the same words.
    GameReport again = build_report(t, {}, {});
    place_against(again, gb::study(t.scenario(), so));
    CHECK(again.thesis.placed == r.thesis.placed);

    // Both renderers print the section's sentences.
    std::vector<std::string> sentences{r.thesis.intro(), r.thesis.framework_text(), r.thesis.arc_text(),
                                       r.thesis.study_text()};
    if (!r.thesis.episodes_note().empty()) sentences.push_back(r.thesis.episodes_note());
    if (!r.thesis.terms_note().empty()) sentences.push_back(r.thesis.terms_note());
    for (const TermsLine& l : r.thesis.terms) sentences.push_back(l.text(true));
    for (const EpisodeView& e : r.thesis.episodes) sentences.push_back(e.end_text(true));
    sentences.insert(sentences.end(), r.thesis.placed.begin(), r.thesis.placed.end());
    std::string html = text_of(render_html(r)), md = render_markdown(r);
    CHECK(html.find("The thesis: this game against gb study") != std::string::npos);
    CHECK(md.find("## The thesis: this game against gb study") != std::string::npos);
    for (const std::string& line : sentences) {
        INFO(line);
        CHECK(html.find(line) != std::string::npos);
        CHECK(md.find(line) != std::string::npos);
    }
}

TEST_CASE("The thesis section of an unfinished game gives its arc so far and is not placed", "[report][thesis]") {
    TempDir dir("report-thesis-unfinished");
    journal_game(dir / "game.journal", after911_path(), 5, true, 40);
    Timeline t = Timeline::open(dir / "game.journal");
    GameReport r = build_report(t, {}, {});
    REQUIRE_FALSE(r.ended);
    CHECK(starts_with(r.thesis.arc_text(), "The game's arc so far: "));
    CHECK(r.thesis.arc.find("last turn") == std::string::npos);
    for (const EpisodeView& e : r.thesis.episodes)
        if (e.end == gb::EpisodeEnd::game_end) CHECK(e.end_text(false) == "still open where the journal stops");
    gb::StudyOptions so;
    so.games = 8;
    so.resamples = 50;
    place_against(r, gb::study(t.scenario(), so));
    REQUIRE(r.thesis.placed.size() == 1);
    CHECK(starts_with(r.thesis.placed[0], "The game is not over (the journal stops in turn "));
    CHECK(render_markdown(r).find(r.thesis.placed[0]) != std::string::npos);
}

TEST_CASE("Rejected and lapsed offers appear as missed openings, for the seats that saw them", "[report]") {
    // A journaled turn in which the US offers Iran eased sanctions (rejected)
    // and Iran offers to widen the talks (left unanswered: it lapses).
    TempDir dir("report-missed");
    ScriptedJournal sj(dir / "game.journal", after911_path(), 3, "missed openings");
    GameState& g = sj.g;
    auto run = [&](const Seat& seat, const Action& a) { sj.run(seat, a); };
    sj.to_negotiation();
    REQUIRE(g.phase == Phase::negotiation);
    auto ease = static_cast<std::int16_t>(g.sc().find_concession("ease_sanctions"));
    auto widen = static_cast<std::int16_t>(g.sc().find_concession("widen_talks"));
    run(Seat::of_team(Team::us), MakeOffer{Team::iran, {ease}, {}});
    run(Seat::of_team(Team::iran), AnswerOffer{g.offers.back().id, false});
    run(Seat::of_team(Team::iran), MakeOffer{Team::us, {widen}, {}});
    run(Seat::system(), AdvancePhase{});
    REQUIRE(g.phase == Phase::orders);
    for (Team t : kAllTeams) run(Seat::of_team(t), Commit{});
    REQUIRE(g.phase == Phase::adjudication);
    run(Seat::system(), Release{});
    sj.writer.sync();

    Timeline t = Timeline::open(dir / "game.journal");
    GameReport r = build_report(t, {}, {});  // the White Cell's: every offer
    REQUIRE(!r.turns.empty());
    const auto& missed = r.turns[0].missed;
    REQUIRE(missed.size() == 2);
    CHECK(missed[0] == "United States offers Iran “Ease sanctions”: rejected by Iran.");
    CHECK(missed[1] ==
          "Iran offers United States “Widen the talks”: never answered, it lapsed when negotiation closed.");
    std::string html = render_html(r), md = render_markdown(r);
    CHECK(html.find("<h3>Missed openings</h3>") != std::string::npos);
    CHECK(text_of(html).find("missed opening " + missed[0]) != std::string::npos);
    CHECK(md.find("### Missed openings") != std::string::npos);
    CHECK(md.find("- *missed opening* ") != std::string::npos);
    // A team's report shows only the offers its team made or received.
    for (Team team : kAllTeams) {
        GameReport seat = build_report(t, {Perspective{Perspective::Kind::team, team}, false}, {});
        bool party = team == Team::us || team == Team::iran;
        CHECK(seat.turns[0].missed.size() == (party ? 2u : 0u));
    }
    // The score chart draws each team's par.
    for (Team team : kAllTeams)
        CHECK(html.find("<title>" + r.scores[idx(team)].label +
                        "&#39;s par: " + std::to_string(r.final[idx(team)].par) + "</title>") != std::string::npos);
}
