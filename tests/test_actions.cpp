// Every action of the standard order menu: who may order it, its cost, its
// target, its legality (with a reason) and its effect.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace gbt;

namespace {

// Runs one order for `team` over several seeds, checking the roll decides the
// outcome; `check` inspects each game after adjudication.
template <class Setup, class Check>
void over_seeds(int seeds, Team team, const std::string& action, Setup setup, Check check, bool version1 = false) {
    int wins = 0, losses = 0;
    for (int s = 1; s <= seeds; ++s) {
        GameState g = version1 ? fresh_v1(static_cast<std::uint64_t>(s)) : fresh(static_cast<std::uint64_t>(s));
        to_orders(g);
        Order o = setup(g);
        GameState before = g;
        commit_only(g, team, {o});
        auto rs = results_for(g, team, action);
        REQUIRE(rs.size() == 1);
        const Result& r = *rs[0];
        if (r.die1 > 0) REQUIRE(r.success == (r.die1 + r.die2 + r.modifier >= r.target));
        (r.success ? wins : losses)++;
        check(before, g, r);
    }
    CHECK(wins > 0);
    CHECK(losses > 0);
}

}  // namespace

TEST_CASE("orders outside a team's menu are refused with a reason") {
    GameState g = fresh();
    to_orders(g);
    auto msg = refused(g, Seat::of_team(Team::israel), Commit{{order(g, "enrich")}});
    CHECK(msg.find("not on the israel menu") != std::string::npos);
    msg = refused(g, Seat::of_team(Team::iran), Commit{{order(g, "strike")}});
    CHECK(msg.find("menu") != std::string::npos);
}

TEST_CASE("action points bound the orders and are never overspent") {
    GameState g = fresh();
    to_orders(g);
    CHECK(action_points(g, Team::us) == 4);
    CHECK(action_points(g, Team::iran) == 3);
    std::vector<Order> four(4, order(g, "build_influence", "iraq"));
    must(g, Seat::of_team(Team::us), Draft{four});
    four.push_back(order(g, "build_influence", "iraq"));
    auto msg = refused(g, Seat::of_team(Team::us), Commit{four});
    CHECK(msg.find("AP") != std::string::npos);
}

TEST_CASE("hawks at the maximum cost the US an action point") {
    GameState g = fresh();
    set(g, Track::us_hawks, 5);
    to_orders(g);
    CHECK(action_points(g, Team::us) == 3);
}

TEST_CASE("once-per-turn actions cannot be doubled") {
    GameState g = fresh();
    to_orders(g);
    auto msg = refused(g, Seat::of_team(Team::iran), Commit{{order(g, "enrich"), order(g, "enrich")}});
    CHECK(msg.find("once per turn") != std::string::npos);
}

TEST_CASE("build influence: a 2d6 roll adds one influence") {
    over_seeds(
        40, Team::iran, "build_influence", [](GameState& g) { return order(g, "build_influence", "iraq"); },
        [](const GameState& before, const GameState& after, const Result& r) {
            int iraq = after.sc().find_region("iraq");
            int d = after.board.regions[iraq].influence[idx(Team::iran)] -
                    before.board.regions[iraq].influence[idx(Team::iran)];
            CHECK(d == (r.success ? 1 : 0));
            CHECK(r.die1 >= 1);
            CHECK(r.die1 <= 6);
        });
}

TEST_CASE("open a secret channel moves closed to secret and remembers trust") {
    GameState g = fresh();
    set(g, Track::trust, 2);
    to_orders(g);
    commit_only(g, Team::us, {order(g, "open_channel")});
    CHECK(g.board.channel == Channel::secret);
    CHECK(g.board.trust_at_open == 2);
    GameState h = fresh();
    h.board.channel = Channel::secret;
    to_orders(h);
    auto msg = refused(h, Seat::of_team(Team::us), Commit{{order(h, "open_channel")}});
    CHECK(msg.find("closed") != std::string::npos);
}

TEST_CASE("widening talks needs a secret channel and a roll") {
    GameState g = fresh();
    to_orders(g);
    CHECK(refused(g, Seat::of_team(Team::iran), Commit{{order(g, "deepen_channel")}}).find("secret") !=
          std::string::npos);
    over_seeds(
        30, Team::iran, "deepen_channel",
        [](GameState& g) {
            g.board.channel = Channel::secret;
            return order(g, "deepen_channel");
        },
        [](const GameState&, const GameState& after, const Result& r) {
            CHECK((after.board.channel == Channel::tactical) == r.success);
        });
}

TEST_CASE("conciliatory statement: trust up, own opposition up") {
    GameState g = fresh();
    to_orders(g);
    commit(g, {{Team::us, {order(g, "statement_conciliatory")}}, {Team::iran, {order(g, "statement_conciliatory")}}});
    CHECK(g.board.track(Track::trust) == g.sc().tracks[idx(Track::trust)].start + 2);
    CHECK(g.board.track(Track::us_hawks) == g.sc().tracks[idx(Track::us_hawks)].start + 1);
    CHECK(g.board.track(Track::iran_hardliners) == g.sc().tracks[idx(Track::iran_hardliners)].start + 1);
}

TEST_CASE("provocative statement: trust -2, tension +1, own opposition -1, and it is a spoiler") {
    GameState g = fresh();
    g.board.channel = Channel::closed;
    set(g, Track::trust, 3);
    to_orders(g);
    int tension = g.board.track(Track::tension), hard = g.board.track(Track::iran_hardliners);
    commit_only(g, Team::iran, {order(g, "statement_provocative")});
    // -2 from the statement, then the closed-channel spoiler cost.
    CHECK(g.board.track(Track::trust) == 3 - 2 + g.sc().rules.closed_spoiler_trust);
    CHECK(g.board.track(Track::tension) == tension + 1);
    CHECK(g.board.track(Track::iran_hardliners) == hard - 1);
    CHECK(g.board.spoilers == 1);
}

TEST_CASE("lobbying moves the hawks on success") {
    over_seeds(
        30, Team::israel, "lobby_hawks", [](GameState& g) { return order(g, "lobby_hawks"); },
        [](const GameState& b, const GameState& a, const Result& r) {
            CHECK(a.board.track(Track::us_hawks) - b.board.track(Track::us_hawks) == (r.success ? 1 : 0));
        });
    over_seeds(
        30, Team::us, "lobby_doves", [](GameState& g) { return order(g, "lobby_doves"); },
        [](const GameState& b, const GameState& a, const Result& r) {
            CHECK(b.board.track(Track::us_hawks) - a.board.track(Track::us_hawks) == (r.success ? 1 : 0));
        });
}

TEST_CASE("exposing talks needs talks to expose and raises the leak roll") {
    GameState g = fresh();
    to_orders(g);
    CHECK(refused(g, Seat::of_team(Team::israel), Commit{{order(g, "expose_talks")}}).find("secret") !=
          std::string::npos);
    GameState h = fresh();
    h.board.channel = Channel::secret;
    to_orders(h);
    commit_only(h, Team::israel, {order(h, "expose_talks")});
    CHECK(h.board.leak_bonus == 3);
}

TEST_CASE("cooperation needs a tactical channel, then pays off") {
    GameState g = fresh();
    to_orders(g);
    auto msg = refused(g, Seat::of_team(Team::us), Commit{{order(g, "share_intelligence")}});
    CHECK(msg.find("tactical") != std::string::npos);

    GameState h = fresh();
    h.board.channel = Channel::tactical;
    to_orders(h);
    int aq = h.board.track(Track::al_qaeda), trust = h.board.track(Track::trust);
    commit_only(h, Team::us, {order(h, "share_intelligence")});
    CHECK(h.board.track(Track::al_qaeda) == aq - 1);
    CHECK(h.board.track(Track::trust) == trust + 1);
}

TEST_CASE("detaining operatives is Iran's, fills the detainee counter") {
    GameState g = fresh();
    g.board.channel = Channel::tactical;
    to_orders(g);
    refused(g, Seat::of_team(Team::us), Commit{{order(g, "detain_operatives")}});
    over_seeds(
        30, Team::iran, "detain_operatives",
        [](GameState& g) {
            g.board.channel = Channel::tactical;
            return order(g, "detain_operatives");
        },
        [](const GameState& b, const GameState& a, const Result& r) {
            int det = a.sc().find_counter("detainees");
            CHECK(a.board.counters[det] - b.board.counters[det] == (r.success ? 1 : 0));
            CHECK(b.board.track(Track::al_qaeda) - a.board.track(Track::al_qaeda) ==
                  (r.success ? std::min(2, b.board.track(Track::al_qaeda)) : 0));
        });
}

TEST_CASE("integrating militias targets only Iraq or Afghanistan and raises stability") {
    GameState g = fresh();
    g.board.channel = Channel::tactical;
    to_orders(g);
    CHECK(refused(g, Seat::of_team(Team::us), Commit{{order(g, "integrate_militias", "lebanon")}})
              .find("cannot target") != std::string::npos);
    over_seeds(
        30, Team::us, "integrate_militias",
        [](GameState& g) {
            g.board.channel = Channel::tactical;
            return order(g, "integrate_militias", "iraq");
        },
        [](const GameState& b, const GameState& a, const Result& r) {
            int iraq = a.sc().find_region("iraq");
            CHECK(a.board.regions[iraq].stability - b.board.regions[iraq].stability == (r.success ? 1 : 0));
        });
}

TEST_CASE("sanctions: tighten and ease") {
    GameState g = fresh();
    to_orders(g);
    int s0 = g.board.track(Track::sanctions);
    commit_only(g, Team::us, {order(g, "tighten_sanctions")});
    CHECK(g.board.track(Track::sanctions) == s0 + 1);
    GameState h = fresh();
    to_orders(h);
    int hawks = h.board.track(Track::us_hawks);
    commit_only(h, Team::us, {order(h, "ease_sanctions")});
    CHECK(h.board.track(Track::sanctions) == s0 - 1);
    CHECK(h.board.track(Track::us_hawks) == hawks + 1);
    refused(h, Seat::of_team(Team::iran), Commit{{order(h, "ease_sanctions")}});
}

TEST_CASE("invest is the Gulf's and adds influence") {
    GameState g = fresh();
    to_orders(g);
    int egypt = region_id(g, "egypt");
    int before = g.board.regions[egypt].influence[idx(Team::gulf)];
    commit_only(g, Team::gulf, {order(g, "invest", "egypt")});
    CHECK(g.board.regions[egypt].influence[idx(Team::gulf)] == before + 1);
}

TEST_CASE("a shipment reinforces its group unless interdicted, and an exposed shipment is a spoiler") {
    int exposed = 0, delivered = 0;
    for (int s = 1; s <= 40; ++s) {
        GameState g = fresh(static_cast<std::uint64_t>(s));
        g.board.channel = Channel::secret;
        to_orders(g);
        int leb = region_id(g, "lebanon"), hz = marker_id(g, "hezbollah");
        int before = g.board.marker(leb, hz);
        commit(g, {{Team::iran, {order(g, "support_group", "lebanon", "hezbollah")}},
                   {Team::israel, {order(g, "interdict", "lebanon")}}});
        const Result& interdict = *results_for(g, Team::israel, "interdict")[0];
        const Result& ship = *results_for(g, Team::iran, "support_group")[0];
        CHECK(ship.success == !interdict.success);
        if (interdict.success) {
            ++exposed;
            CHECK(g.board.marker(leb, hz) == before);
            CHECK(g.board.channel == Channel::closed);  // the spoiler cut the channel off
            CHECK(ship.reason == "interdicted");
        } else {
            ++delivered;
            CHECK(g.board.marker(leb, hz) == before + 1);
        }
    }
    CHECK(exposed > 0);
    CHECK(delivered > 0);
}

TEST_CASE("a team may only ship to groups it sponsors") {
    GameState g = fresh();
    to_orders(g);
    CHECK(refused(g, Seat::of_team(Team::iran), Commit{{order(g, "support_group", "iraq", "mek")}})
              .find("does not sponsor") != std::string::npos);
}

TEST_CASE("sabotage: nuclear -1 on success, tension +2 on failure") {
    over_seeds(
        30, Team::israel, "sabotage", [](GameState& g) { return order(g, "sabotage"); },
        [](const GameState& b, const GameState& a, const Result& r) {
            if (r.success)
                CHECK(a.board.track(Track::nuclear) == b.board.track(Track::nuclear) - 1);
            else
                CHECK(a.board.track(Track::tension) == b.board.track(Track::tension) + 2);
        });
}

TEST_CASE("posture forces: US forces +1 and tension +1") {
    GameState g = fresh();
    to_orders(g);
    int gulf = region_id(g, "gulf_emirates"), f = marker_id(g, "us_forces");
    int t = g.board.track(Track::tension);
    commit_only(g, Team::us, {order(g, "posture_forces", "gulf_emirates")});
    CHECK(g.board.marker(gulf, f) == 1);
    CHECK(g.board.track(Track::tension) == t + 1);
}

TEST_CASE("a strike (version 1): tension +3, nuclear -3, trust to -5, channel closed") {
    GameState g = fresh_v1();
    g.board.channel = Channel::tactical;
    set(g, Track::nuclear, 9);  // 2d6 + 9 always reaches 10
    to_orders(g);
    int t = g.board.track(Track::tension);
    commit_only(g, Team::israel, {order(g, "strike")});
    CHECK(results_for(g, Team::israel, "strike")[0]->success);
    CHECK(g.board.track(Track::tension) == t + 3);
    CHECK(g.board.track(Track::nuclear) == 6);
    CHECK(g.board.track(Track::trust) == -5);
    CHECK(g.board.channel == Channel::closed);
    CHECK(g.board.counters[g.sc().find_counter("strike")] == 1);
}

TEST_CASE("enrichment adds one, inspections the same turn freeze it") {
    GameState g = fresh();
    to_orders(g);
    int n = g.board.track(Track::nuclear);
    commit_only(g, Team::iran, {order(g, "enrich")});
    CHECK(g.board.track(Track::nuclear) == n + 1);
    GameState h = fresh();
    to_orders(h);
    int trust = h.board.track(Track::trust);
    commit_only(h, Team::iran, {order(h, "allow_inspections"), order(h, "enrich")});
    CHECK(h.board.track(Track::nuclear) == n);
    CHECK(h.board.track(Track::trust) == trust + 1);
    CHECK(h.board.nuclear_frozen);
    must(h, Seat::system(), Release{});
    CHECK_FALSE(h.board.nuclear_frozen);  // only for that turn
}

TEST_CASE("referral to the Security Council adds sanctions on success") {
    over_seeds(
        30, Team::us, "refer_unsc", [](GameState& g) { return order(g, "refer_unsc"); },
        [](const GameState& b, const GameState& a, const Result& r) {
            CHECK(a.board.track(Track::sanctions) - b.board.track(Track::sanctions) == (r.success ? 1 : 0));
        });
}

TEST_CASE("a card in hand can be played once, with its effects") {
    GameState g = fresh();
    int card = card_id(g, "search-and-rescue");
    REQUIRE(g.sc().cards[card].kind == CardKind::opportunity);
    Team holder = static_cast<Team>(g.sc().cards[card].to);
    g.board.hands[idx(holder)][0] = static_cast<std::int16_t>(card);
    g.board.hand_size[idx(holder)] = 1;
    to_orders(g);
    Order o = order(g, "play_card");
    o.card = static_cast<std::int16_t>(card);
    Order other = o;
    other.card = static_cast<std::int16_t>(card_id(g, "humanitarian-corridor"));
    CHECK(refused(g, Seat::of_team(holder), Commit{{other}}).find("not in your hand") != std::string::npos);
    CHECK(refused(g, Seat::of_team(holder), Commit{{o, o}}).find("already played") != std::string::npos);
    commit_only(g, holder, {o});
    CHECK(g.board.hand_size[idx(holder)] == 0);
    CHECK_FALSE(g.reports.back().results.at(0).events.empty());
}

TEST_CASE("an early strike (version 1) often misses, and a miss still closes the channel and raises tension") {
    over_seeds(
        30, Team::israel, "strike",
        [](GameState& g) {
            g.board.channel = Channel::secret;
            return order(g, "strike");
        },
        [](const GameState& b, const GameState& a, const Result& r) {
            CHECK(a.board.channel == Channel::closed);
            CHECK(a.board.track(Track::tension) == b.board.track(Track::tension) + (r.success ? 3 : 2));
            CHECK(a.board.track(Track::nuclear) ==
                  (r.success ? std::max(0, b.board.track(Track::nuclear) - 3) : b.board.track(Track::nuclear)));
        },
        true);
}
