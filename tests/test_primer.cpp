// The primer, the team brief, each turn's briefing and the reasons for a
// team's action points: generated from the scenario, checked against it.
#include <catch2/catch.hpp>

#include "explain.hpp"
#include "primer.hpp"
#include "simulation.hpp"
#include "support.hpp"

using namespace gbt;

namespace {

bool any_has(const std::vector<std::string>& lines, const std::string& part) {
    for (const std::string& l : lines)
        if (l.find(part) != std::string::npos) return true;
    return false;
}

void require_plain(const std::string& text) {
    INFO(text);
    REQUIRE(!text.empty());
    REQUIRE(text.find('_') == std::string::npos);
    REQUIRE(text.find('[') == std::string::npos);
}

}  // namespace

TEST_CASE("the primer's pages come from the scenario: phases, marks, tracks, the team's formula, fragility") {
    auto sc = after911();
    auto pages = primer(*sc, Team::iran);
    REQUIRE(pages.size() == 5);
    CHECK(pages[0].title == "The turn");
    CHECK(pages[1].title == "The map");
    CHECK(pages[2].title == "The tracks");
    CHECK(pages[3].title == "Scores");
    CHECK(pages[4].title == "Fragility");
    for (const PrimerPage& p : pages)
        for (const std::string& para : p.paragraphs) require_plain(para);
    // The timers are the scenario's own.
    CHECK(any_has(pages[0].paragraphs,
                  "Negotiation (" + std::to_string(sc->rules.negotiation_seconds / 60) + " minutes)"));
    CHECK(any_has(pages[0].paragraphs, "from Autumn 2001 to Summer 2003"));
    // Every armed group is named, with who backs it.
    for (const MarkerDef& m : sc->markers) CHECK(any_has(pages[1].paragraphs, m.name));
    CHECK(any_has(pages[1].paragraphs, "Hezbollah (backed by Iran)"));
    // Tracks carry their ranges.
    CHECK(any_has(pages[2].paragraphs, "Trust between the US and Iran: from -5 to 5, starting at -1"));
    // Only the asking team's formula, term by term, with its par.
    REQUIRE(pages[3].paragraphs.size() == 2);
    const std::string& formula = pages[3].paragraphs[1];
    CHECK(formula.find("Your score (Iran), par " + std::to_string(sc->teams[idx(Team::iran)].par)) == 0);
    CHECK(std::count(formula.begin(), formula.end(), ';') + 1 ==
          static_cast<long>(sc->teams[idx(Team::iran)].score.size()));
    CHECK(formula.find("+2 for each point of your influence in Iraq") != std::string::npos);
    CHECK(formula.find("-2 for each point of sanctions on Iran") != std::string::npos);
    // The fragility rule with this scenario's numbers.
    CHECK(pages[4].paragraphs[0].find("falls by " + std::to_string(sc->rules.cutoff_penalty)) != std::string::npos);
    CHECK(pages[4].paragraphs[0].find("at least " + std::to_string(sc->rules.spoiler_hold)) != std::string::npos);
    // Without a team, every team's formula.
    CHECK(primer(*sc)[3].paragraphs.size() == 1 + kTeams);
}

TEST_CASE("a team brief: summary, goals, scoring, action points and what the others want") {
    GameState g = fresh();
    TeamBrief b = team_brief(g, Team::israel);
    CHECK(b.summary == g.sc().summary);
    CHECK(b.title.find("Israel") == 0);
    CHECK(b.scoring.size() == g.sc().teams[idx(Team::israel)].score.size() + 1);
    REQUIRE(!b.goals.empty());
    CHECK(b.goals[0] == "You want no regional war at the end.");  // the heaviest term first (+12)
    CHECK(b.others.size() == kTeams - 1);
    CHECK(any_has(b.others, "Iran wants"));
    CHECK(any_has(b.action_points, "starts with 3 action points"));
    for (const auto* list : {&b.goals, &b.scoring, &b.action_points, &b.others})
        for (const std::string& l : *list) require_plain(l);
}

TEST_CASE("each turn's briefing is that turn's, not the opening text again") {
    auto sc = after911();
    GameState g = new_game(sc, 5);
    TurnBriefing first = turn_briefing(g);
    CHECK(first.title == "Turn 1 of 8: Autumn 2001");
    REQUIRE(first.lines.size() == 1);
    CHECK(first.lines[0] == sc->summary);
    // Play on with bots to the second turn's inject.
    auto bots = make_bots(BotKind::heuristic, 5);
    Schedule schedule;
    Cast cast;
    cast.bot = {true, true, true, true};
    while (!(g.turn == 2 && g.phase == Phase::inject)) {
        auto move = next_move(g, schedule, cast, bots);
        REQUIRE(move);
        REQUIRE(act(g, move->seat, move->action).ok());
    }
    TurnBriefing second = turn_briefing(g);
    CHECK(second.title == "Turn 2 of 8: Winter 2001-02");
    CHECK_FALSE(any_has(second.lines, sc->summary));
    CHECK(any_has(second.lines, "Last turn (Autumn 2001)"));
    CHECK(any_has(second.lines, "Now: "));
    for (const std::string& l : second.lines) require_plain(l);
}

TEST_CASE("action points that change come with their reason, as an event and as sentences") {
    GameState g = fresh();
    set(g, Track::us_hawks, 5);  // the US loses a point once its hawks reach 5
    to_orders(g);
    REQUIRE(g.phase == Phase::orders);
    CHECK(action_points(g, Team::us) == 3);
    auto reasons = action_point_reasons(g, Team::us);
    CHECK(any_has(reasons, "starts with 4 action points"));
    CHECK(any_has(reasons, "-1 once the hawks in Washington are at least 5 (it applies now)"));
    CHECK(reasons.back() == "This turn: 3 action points.");
}
