// The turn's flow and its permissions: inject, negotiation, orders (secret,
// lead commits), adjudication with a draft report, end of turn, scoring and
// every end condition.
#include <catch2/catch.hpp>

#include "narrate.hpp"
#include "serialize.hpp"
#include "support.hpp"
#include "view.hpp"

using namespace gbt;

TEST_CASE("a turn goes inject, negotiation, orders, adjudication, then the next turn") {
    GameState g = new_game(after911_v1(), 1);
    CHECK(g.turn == 1);
    CHECK(g.phase == Phase::inject);
    must(g, Seat::system(), DrawInject{});
    CHECK(g.inject >= 0);
    CHECK(g.choice_pending);  // the first card of the historical deck is a US choice
    refused(g, Seat::of_team(Team::iran), Choose{0});
    must(g, Seat::of_team(Team::us), Choose{1});
    CHECK(g.chosen == 1);
    must(g, Seat::control(), AdvancePhase{});
    CHECK(g.phase == Phase::negotiation);
    for (Team t : kAllTeams) must(g, Seat::of_team(t), Ready{});
    CHECK(g.phase == Phase::orders);
    for (Team t : kAllTeams) must(g, Seat::of_team(t), Commit{});
    CHECK(g.phase == Phase::adjudication);
    CHECK_FALSE(g.reports.back().released);
    must(g, Seat::control(), Release{});
    CHECK(g.turn == 2);
    CHECK(g.phase == Phase::inject);
    CHECK(g.score_history.size() == 1);
}

TEST_CASE("with no decision the first option of a choice without a default stands") {
    GameState g = new_game(after911_v1(), 1);  // version-1 cards mark no default
    refused(g, Seat::system(), TimerExpired{});  // the inject phase is not timed
    must(g, Seat::control(), AdvancePhase{});
    CHECK(g.phase == Phase::negotiation);
    CHECK(g.chosen == 0);
    must(g, Seat::control(), Pause{});
    refused(g, Seat::system(), TimerExpired{});  // nor does a paused game's clock run
}

TEST_CASE("a timer expiring in orders passes for uncommitted teams") {
    GameState g = fresh();
    to_orders(g);
    must(g, Seat::of_team(Team::us), Commit{{order(g, "tighten_sanctions")}});
    must(g, Seat::system(), TimerExpired{});
    CHECK(g.phase == Phase::adjudication);
    CHECK(g.reports.back().results.size() == 1);
    refused(g, Seat::of_team(Team::us), TimerExpired{});  // only the server's clock
}

TEST_CASE("only the lead commits and answers, teammates draft and see each other's drafts") {
    GameState g = fresh();
    must(g, Seat::control(), Join{10, "Ana", SeatRole::team, Team::iran});
    must(g, Seat::control(), Join{11, "Babak", SeatRole::team, Team::iran});
    must(g, Seat::control(), Join{12, "Carl", SeatRole::team, Team::us});
    CHECK(g.lead[idx(Team::iran)] == 10);
    to_orders(g);
    Seat ana = Seat::of_team(Team::iran, 10), babak = Seat::of_team(Team::iran, 11);
    must(g, babak, Draft{{order(g, "enrich")}});
    CHECK(view(g, ana).drafts[idx(Team::iran)].size() == 1);
    CHECK(view(g, Seat::of_team(Team::us, 12)).drafts[idx(Team::iran)].empty());
    CHECK(refused(g, babak, Commit{{order(g, "enrich")}}).find("lead") != std::string::npos);
    refused(g, Seat::of_team(Team::us, 11), Draft{});  // Babak is not on the US team
    must(g, ana, SetLead{Team::iran, 11});
    must(g, babak, Commit{{order(g, "enrich")}});
    refused(g, babak, Commit{});  // already committed
}

TEST_CASE("drafts name their author, kept through a reorder and the commit, and outside the state hash") {
    GameState g = fresh();
    must(g, Seat::control(), Join{10, "Ana", SeatRole::team, Team::iran});
    must(g, Seat::control(), Join{11, "Babak", SeatRole::team, Team::iran});
    must(g, Seat::control(), Join{12, "Carl", SeatRole::team, Team::us});
    to_orders(g);
    Seat ana = Seat::of_team(Team::iran, 10), babak = Seat::of_team(Team::iran, 11);
    Order enrich = order(g, "enrich");
    must(g, babak, Draft{{enrich}});
    CHECK(g.draft_author(Team::iran, 0) == "Babak");
    CHECK(drafted_by(g, Team::iran, 0) == " (drafted by Babak)");
    // Ana adds an order before Babak's: his keeps his name, hers is hers.
    Order second = order(g, "build_influence", "iraq");
    must(g, ana, Draft{{second, enrich}});
    CHECK(g.draft_author(Team::iran, 0) == "Ana");
    CHECK(g.draft_author(Team::iran, 1) == "Babak");
    // Reordered by Ana: the authors move with their orders.
    must(g, ana, Draft{{enrich, second}});
    CHECK(g.draft_author(Team::iran, 0) == "Babak");
    CHECK(g.draft_author(Team::iran, 1) == "Ana");
    // The team sees them, the White Cell too, other teams not.
    CHECK(view(g, babak).draft_author(Team::iran, 1) == "Ana");
    CHECK(view(g, Seat::control()).draft_author(Team::iran, 0) == "Babak");
    CHECK(view(g, Seat::of_team(Team::us, 12)).draft_authors[idx(Team::iran)].empty());
    CHECK(drafted_by(view(g, Seat::of_team(Team::us, 12)), Team::iran, 0).empty());
    // The state hash leaves the authors out (journals from before them verify).
    GameState other = g;
    other.draft_authors[idx(Team::iran)] = {"X", "Y"};
    CHECK(state_hash(other) == state_hash(g));
    // A commit keeps them.
    must(g, ana, Commit{{enrich, second}});
    CHECK(g.draft_author(Team::iran, 0) == "Babak");
    CHECK(g.draft_author(Team::iran, 1) == "Ana");
}

TEST_CASE("a leaving lead hands the lead to a teammate") {
    GameState g = fresh();
    must(g, Seat::control(), Join{1, "A", SeatRole::team, Team::gulf});
    must(g, Seat::control(), Join{2, "B", SeatRole::team, Team::gulf});
    must(g, Seat::control(), Leave{1});
    CHECK(g.lead[idx(Team::gulf)] == 2);
}

TEST_CASE("orders are secret until the report is released") {
    GameState g = fresh();
    to_orders(g);
    must(g, Seat::of_team(Team::iran), Commit{{order(g, "enrich")}});
    GameState us_view = view(g, Seat::of_team(Team::us));
    CHECK(us_view.orders[idx(Team::iran)].empty());
    CHECK(us_view.committed[idx(Team::iran)]);
    for (Team t : {Team::us, Team::israel, Team::gulf}) must(g, Seat::of_team(t), Commit{});
    us_view = view(g, Seat::of_team(Team::us));
    // The draft report and its effects stay hidden while the White Cell reviews it.
    CHECK(us_view.reports.empty());
    CHECK(us_view.board.track(Track::nuclear) == g.sc().tracks[idx(Track::nuclear)].start);
    CHECK(g.board.track(Track::nuclear) == g.sc().tracks[idx(Track::nuclear)].start + 1);
    must(g, Seat::system(), Release{});
    us_view = view(g, Seat::of_team(Team::us));
    REQUIRE(us_view.reports.size() == 1);
    CHECK(us_view.reports[0].results.size() == 1);
}

TEST_CASE("actions in the wrong phase are refused with the phase named") {
    GameState g = fresh();
    CHECK(refused(g, Seat::of_team(Team::us), Commit{}).find("inject phase") != std::string::npos);
    CHECK(refused(g, Seat::of_team(Team::us), Ready{}).find("inject") != std::string::npos);
    CHECK(refused(g, Seat::control(), Release{}).find("inject") != std::string::npos);
    refused(g, Seat::observer(), Chat{ChatChannel::all, Team::us, "hello"});
}

TEST_CASE("the game ends after the scenario's last turn, with scores and a winner") {
    GameState g = fresh();
    int turns = g.sc().turns();
    while (!g.ended()) {
        if (g.phase == Phase::adjudication)
            must(g, Seat::system(), Release{});
        else
            must(g, Seat::system(), AdvancePhase{});
    }
    CHECK(g.end == EndReason::last_turn);
    CHECK(g.turn == turns);
    Standing s = standing(g);
    CHECK(s.winners != 0);
    for (Team t : kAllTeams) {
        CHECK(s.score[idx(t)] == team_score(g.sc(), g.board, t, true));
        CHECK(s.result[idx(t)] == s.score[idx(t)] - g.sc().teams[idx(t)].par);
        if ((s.winners >> idx(t)) & 1u)
            for (Team o : kAllTeams) CHECK(s.result[idx(t)] >= s.result[idx(o)]);
    }
    refused(g, Seat::control(), AdvancePhase{});
}

TEST_CASE("tension reaching 10 is war: the game ends at once and the causer takes the penalty") {
    GameState g = fresh_v1();  // version 1's strike: any turn, any programme
    set(g, Track::tension, 7);
    set(g, Track::nuclear, 9);  // the strike cannot miss
    to_orders(g);
    // Israel's strike (+3) brings war; Iran's later enrichment never resolves.
    commit(g, {{Team::israel, {order(g, "strike")}}, {Team::iran, {order(g, "enrich")}}});
    CHECK(g.ended());
    CHECK(g.end == EndReason::war);
    CHECK(g.board.war_by == idx(Team::israel));
    CHECK(results_for(g, Team::iran, "enrich").empty());
    GameState no_penalty = g;
    no_penalty.board.war_by = -1;
    CHECK(team_score(g.sc(), g.board, Team::israel, true) ==
          team_score(g.sc(), no_penalty.board, Team::israel, true) - g.sc().rules.war_penalty);
    CHECK(standing(g).war);
}

TEST_CASE("nuclear breakout ends the game when the scenario says so") {
    GameState g = fresh();
    set(g, Track::nuclear, 9);
    to_orders(g);
    commit_only(g, Team::iran, {order(g, "enrich")});
    must(g, Seat::system(), Release{});
    CHECK(g.ended());
    CHECK(g.end == EndReason::breakout);
    CHECK(standing(g).breakout);
}

TEST_CASE("rapprochement: a strategic channel and trust at the threshold at the end") {
    GameState g = fresh();
    g.board.channel = Channel::strategic;
    set(g, Track::trust, g.sc().rules.rapprochement_trust);
    must(g, Seat::control(), EndGame{"time is up"});
    CHECK(g.end == EndReason::white_cell);
    CHECK(standing(g).rapprochement);
    set(g, Track::trust, g.sc().rules.rapprochement_trust - 1);
    CHECK_FALSE(standing(g).rapprochement);
}

TEST_CASE("control: influence at least the stability and ahead of everyone by the stability") {
    GameState g = fresh();
    int iraq = region_id(g, "iraq");
    auto& r = g.board.regions[iraq];
    r.stability = 3;
    r.influence = {0, 6, 2, 3};
    CHECK(controls(g.sc(), g.board, Team::iran, iraq));
    r.influence = {0, 6, 2, 4};
    CHECK_FALSE(controls(g.sc(), g.board, Team::iran, iraq));
    r.influence = {0, 2, 0, 0};
    CHECK_FALSE(controls(g.sc(), g.board, Team::iran, iraq));
    int hormuz = region_id(g, "hormuz");
    g.board.regions[hormuz].influence = {10, 0, 0, 0};
    CHECK_FALSE(controls(g.sc(), g.board, Team::us, hormuz));  // the sea is never controlled
}

TEST_CASE("scoring follows the scenario's formulas") {
    GameState g = fresh();
    const Scenario& s = g.sc();
    // Iran: no strike +10, sanctions -2 each (standard.toml).
    int base = team_score(s, g.board, Team::iran, false);
    g.board.counters[s.find_counter("strike")] = 1;
    CHECK(team_score(s, g.board, Team::iran, false) == base - 10);
    set(g, Track::sanctions, g.board.track(Track::sanctions) - 1);
    CHECK(team_score(s, g.board, Team::iran, false) == base - 8);
    // Gulf: nuclear at 8 or more costs 10.
    int gulf = team_score(s, g.board, Team::gulf, false);
    set(g, Track::nuclear, 8);
    CHECK(team_score(s, g.board, Team::gulf, false) == gulf - 10);
}

TEST_CASE("chat reaches exactly its channel's audience") {
    GameState g = fresh();
    must(g, Seat::control(), Join{5, "Obs", SeatRole::observer, Team::us});
    must(g, Seat::of_team(Team::us), Chat{ChatChannel::team, Team::us, "team only"});
    must(g, Seat::of_team(Team::us), Chat{ChatChannel::bilateral, Team::israel, "us-israel"});
    must(g, Seat::of_team(Team::gulf), Chat{ChatChannel::control, Team::us, "to white cell"});
    must(g, Seat::of_team(Team::iran), Chat{ChatChannel::all, Team::us, "to all"});
    must(g, Seat::control(), Chat{ChatChannel::broadcast, Team::us, "broadcast"});
    auto texts = [&](const Seat& s) {
        std::vector<std::string> out;
        for (auto& m : view(g, s).messages) out.push_back(m.text);
        return out;
    };
    using V = std::vector<std::string>;
    CHECK(texts(Seat::of_team(Team::us)) == V{"team only", "us-israel", "to all", "broadcast"});
    CHECK(texts(Seat::of_team(Team::israel)) == V{"us-israel", "to all", "broadcast"});
    CHECK(texts(Seat::of_team(Team::gulf)) == V{"to white cell", "to all", "broadcast"});
    CHECK(texts(Seat::of_team(Team::iran)) == V{"to all", "broadcast"});
    CHECK(texts(Seat::observer(5)) == V{"to all", "broadcast"});
    CHECK(texts(Seat::control()).size() == 5);
    must(g, Seat::control(), GrantView{5, Team::israel, true});
    CHECK(texts(Seat::observer(5)) == V{"us-israel", "to all", "broadcast"});
}
