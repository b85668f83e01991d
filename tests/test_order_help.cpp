// Targets and warnings for orders: only meaningful, legal targets with a
// sensible default, and warnings that come true when the turn is adjudicated.
#include <catch2/catch.hpp>

#include "bot.hpp"
#include "explain.hpp"
#include "order_help.hpp"
#include "support.hpp"

using namespace gbt;

TEST_CASE("armed-group targets are the groups present in their regions, never Hamas in Iran") {
    GameState g = fresh();
    to_orders(g);
    int support = action_id(g, "support_group");
    Targets t = order_targets(g, Team::iran, support, {});
    REQUIRE(!t.choices.empty());
    REQUIRE(t.default_index >= 0);
    REQUIRE(t.default_index < static_cast<int>(t.choices.size()));
    int hamas = marker_id(g, "hamas"), iran = region_id(g, "iran");
    for (const TargetChoice& c : t.choices) {
        CHECK(order_allowed(g, Team::iran, c.order, {}));
        CHECK(g.board.marker(c.order.region, c.order.marker) > 0);
        CHECK_FALSE((c.order.marker == hamas && c.order.region == iran));
        CHECK(c.label.find(" in ") != std::string::npos);
    }
    // Iran sponsors Hezbollah in Lebanon, and Hamas in the Palestinian Territories.
    bool lebanon = false;
    for (const TargetChoice& c : t.choices) lebanon |= c.label == "Hezbollah in Lebanon (strength 3)";
    CHECK(lebanon);
    // The US sponsors no group present where Iran's are: its list holds only its own.
    for (const TargetChoice& c : order_targets(g, Team::us, support, {}).choices)
        CHECK((g.sc().markers[c.order.marker].sponsors & (1u << idx(Team::us))));
}

TEST_CASE("region targets are the legal regions, an order without a target has one choice") {
    GameState g = fresh();
    to_orders(g);
    Targets build = order_targets(g, Team::gulf, action_id(g, "build_influence"), {});
    auto legal = legal_orders(g, Team::gulf, {});
    long n = std::count_if(legal.begin(), legal.end(),
                           [&](const Order& o) { return o.action == action_id(g, "build_influence"); });
    CHECK(static_cast<long>(build.choices.size()) == n);
    CHECK(build.default_index >= 0);
    Targets statement = order_targets(g, Team::us, action_id(g, "statement_conciliatory"), {});
    REQUIRE(statement.choices.size() == 1);
    CHECK(statement.default_index == 0);
    // Nothing once the points are spent.
    std::vector<Order> spent(4, order(g, "build_influence", "iraq"));
    CHECK(order_targets(g, Team::us, action_id(g, "build_influence"), spent).choices.empty());
}

TEST_CASE("an accepted Widen the talks deal warns that the Widen talks order will fail, and it does") {
    GameState g = fresh();
    g.board.channel = Channel::secret;
    to_negotiation(g);
    auto widen = static_cast<std::int16_t>(concession_id(g, "widen_talks"));
    must(g, Seat::of_team(Team::us), MakeOffer{Team::iran, {widen}, {}});
    must(g, Seat::of_team(Team::iran), AnswerOffer{g.offers.back().id, true});
    to_orders(g);
    Order deepen = order(g, "deepen_channel");
    REQUIRE(order_allowed(g, Team::iran, deepen, {}));
    auto warnings = order_warnings(g, Team::iran, deepen, {});
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].kind == OrderWarning::Kind::repeats_deal);
    CHECK(warnings[0].text.find("“Widen the talks”") != std::string::npos);
    CHECK(warnings[0].text.find("will fail and waste its 1 action point") != std::string::npos);
    // A statement does not trip it.
    CHECK(order_warnings(g, Team::iran, order(g, "statement_conciliatory"), {}).empty());
    // What the warning said happens.
    const Report& r = commit_only(g, Team::iran, {deepen});
    auto results = results_for(g, Team::iran, "deepen_channel");
    REQUIRE(results.size() == 1);
    CHECK_FALSE(results[0]->success);
    CHECK(r.results[0].kind == Result::Kind::deal);
}

TEST_CASE("an order that undoes a concession the team gave, or spoils after a deal, is warned of") {
    GameState g = fresh();
    g.board.channel = Channel::secret;
    to_negotiation(g);
    auto stand_down = static_cast<std::int16_t>(concession_id(g, "stand_down"));
    must(g, Seat::of_team(Team::iran), MakeOffer{Team::us, {stand_down}, {}});
    must(g, Seat::of_team(Team::us), AnswerOffer{g.offers.back().id, true});
    to_orders(g);
    // Iran gave "Stand down from provocation" (tension -1); a provocative statement raises tension and spoils.
    auto w = order_warnings(g, Team::iran, order(g, "statement_provocative"), {});
    bool undoes = false, spoils = false;
    for (const OrderWarning& x : w) {
        undoes |= x.kind == OrderWarning::Kind::breaks_deal && x.text.find("undoes “Stand down") != std::string::npos;
        spoils |= x.kind == OrderWarning::Kind::breaks_deal && x.text.find("spoiler") != std::string::npos;
    }
    CHECK(undoes);
    CHECK(spoils);
    // Israel was no party to the deal: no deal warning for its statement.
    CHECK(order_warnings(g, Team::israel, order(g, "statement_provocative"), {}).empty());
}

TEST_CASE("a promise falling due is recalled, and a reciprocal order silences it") {
    GameState g = fresh();
    to_orders(g);
    g.board.promises[0].team = idx(Team::us);
    g.board.promises[0].due_turn = static_cast<std::int16_t>(g.turn);
    std::string reminder = promise_reminder(g, Team::us, {});
    CHECK(reminder.find("falls due this turn") != std::string::npos);
    CHECK(reminder.find("Conciliatory statement") != std::string::npos);
    CHECK(promise_reminder(g, Team::us, {order(g, "statement_conciliatory")}).empty());
    CHECK(promise_reminder(g, Team::iran, {}).empty());
    auto w = order_warnings(g, Team::us, order(g, "statement_provocative"), {});
    REQUIRE(w.size() == 1);
    CHECK(w[0].kind == OrderWarning::Kind::breaks_promise);
}

TEST_CASE("entering orders reports each team's changed action points to that team") {
    GameState g = fresh();
    set(g, Track::us_hawks, 5);
    to_negotiation(g);
    std::vector<Event> events = must(g, Seat::system(), AdvancePhase{});
    REQUIRE(g.phase == Phase::orders);
    const Event* ap = nullptr;
    for (const Event& e : events)
        if (e.kind == Event::Kind::action_points) ap = &e;
    REQUIRE(ap);
    CHECK(ap->team == idx(Team::us));
    CHECK(ap->value == 3);
    CHECK(ap->delta == -1);
    CHECK(ap->audience == ((1u << idx(Team::us)) | Event::kControl));
    CHECK(explain_event(g, *ap) ==
          "United States has 3 action points this turn instead of 4: -1 from United States' action-point rule (see "
          "the team brief).");
}
