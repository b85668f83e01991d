// The game model's rules beyond version 1, each tested on a variant of the
// standard scenario whose rules the test sets itself (so the tests do not hang
// on the shipped numbers), and the schedule that moves bot games on.
#include <catch2/catch.hpp>

#include "rule_override.hpp"
#include "schedule.hpp"
#include "simulation.hpp"
#include "support.hpp"

using namespace gbt;

namespace {

// The shipped after-911 with these [rules] values.
std::shared_ptr<const Scenario> variant(const std::vector<std::pair<std::string, std::string>>& rules) {
    auto s = std::make_shared<Scenario>(*after911());
    for (const auto& [name, value] : rules) {
        std::string err = apply_rule_override(*s, name, value);
        INFO(name << "=" << value << ": " << err);
        REQUIRE(err.empty());
    }
    return s;
}

GameState quiet(std::shared_ptr<const Scenario> s) {
    GameState g = new_game(std::move(s), 1);
    must(g, Seat::control(), WriteInject{"A quiet quarter", "Nothing of note happens.", {}});
    return g;
}

void spoil(GameState& g) {
    Board& b = g.board;
    apply_spoiler(g.sc(), b, "a test spoiler", nullptr, nullptr);
}

int implemented_terms(const Board& b, int n) {
    int k = 0;
    for (int i = 0; i < n; ++i) k += b.terms[i] == TermStatus::implemented;
    return k;
}

}  // namespace

TEST_CASE("negotiation waits for answers: the last ready does not close it while an offer is pending") {
    for (bool waits : {true, false}) {
        GameState g = quiet(variant({{"answers_before_orders", waits ? "on" : "off"}}));
        to_negotiation(g);
        must(g, Seat::of_team(Team::us), MakeOffer{Team::iran, {}, {static_cast<std::int16_t>(concession_id(g, "stand_down"))}});
        for (Team t : kAllTeams) must(g, Seat::of_team(t), Ready{});
        if (!waits) {
            CHECK(g.phase == Phase::orders);  // version 1: the offer lapsed unanswered
            CHECK(g.offers.back().status == OfferStatus::lapsed);
            continue;
        }
        REQUIRE(g.phase == Phase::negotiation);
        must(g, Seat::of_team(Team::iran), AnswerOffer{g.offers.back().id, true});
        CHECK(g.phase == Phase::orders);
        CHECK(g.offers.back().status == OfferStatus::accepted);
    }
}

TEST_CASE("a spoiler cuts an open channel off unless its stake holds") {
    auto s = variant({{"spoiler_hold", "5"}, {"term_stake", "2"}, {"cutoff_floor", "off"}, {"cutoff_penalty", "3"}});
    GameState g = quiet(s);
    SECTION("a tactical channel with little trust is cut off, by the penalty alone") {
        g.board.channel = Channel::tactical;
        g.board.trust_at_open = 4;  // version 1 would force trust below 4
        set(g, Track::trust, 2);
        spoil(g);
        CHECK(g.board.channel == Channel::closed);
        CHECK(g.board.track(Track::trust) == -1);
        CHECK(g.board.cutoffs == 1);
    }
    SECTION("a tactical channel with trust at the hold weathers it, at a cost of trust") {
        g.board.channel = Channel::tactical;
        set(g, Track::trust, 5);
        spoil(g);
        CHECK(g.board.channel == Channel::tactical);
        CHECK(g.board.track(Track::trust) == 5 + s->rules.framework_spoiler_trust);
    }
    SECTION("a strategic channel holds by the terms carried out, and falls without them") {
        g.board.channel = Channel::strategic;
        set(g, Track::trust, 1);
        int n = static_cast<int>(s->terms.size());
        spoil(g);
        CHECK(g.board.channel == Channel::closed);  // stake 1 < 5: the framework falls
        g.board.channel = Channel::strategic;
        set(g, Track::trust, 1);
        g.board.terms[0] = TermStatus::implemented;
        g.board.terms[1] = TermStatus::implemented;
        REQUIRE(implemented_terms(g.board, n) == 2);
        spoil(g);
        CHECK(g.board.channel == Channel::strategic);  // stake 1 + 2 × 2 = 5
    }
    SECTION("with fragility off no channel is cut off") {
        auto off = variant({{"spoiler_hold", "5"}, {"fragility", "off"}});
        GameState h = quiet(off);
        h.board.channel = Channel::secret;
        set(h, Track::trust, -3);
        spoil(h);
        CHECK(h.board.channel == Channel::secret);
        CHECK(h.board.cutoffs == 0);
    }
}

TEST_CASE("a spoiler while the channel is closed kills a pending framework proposal") {
    for (bool kills : {true, false}) {
        GameState g = quiet(variant({{"spoiler_kills_proposal", kills ? "on" : "off"}}));
        g.board.proposal.from = static_cast<std::int8_t>(idx(Team::us));
        g.board.proposal.terms = 0x3f;
        g.board.proposal.turn = 1;
        spoil(g);
        CHECK((g.board.proposal.from < 0) == kills);
    }
}

TEST_CASE("an accepted framework must be ratified at home") {
    auto propose = [](GameState& g) {
        to_negotiation(g);
        g.board.proposal.from = static_cast<std::int8_t>(idx(Team::us));
        g.board.proposal.terms = 0x3f;
        g.board.proposal.turn = 1;
        g.board.channel = Channel::tactical;
    };
    SECTION("out of reach: it counts as rejected and the channel stays tactical") {
        GameState g = quiet(variant({{"ratify_target", "40"}}));
        propose(g);
        auto ev = must(g, Seat::of_team(Team::iran), AnswerFramework{true});
        CHECK(g.board.channel == Channel::tactical);
        bool failed_at_home = false;
        for (const Event& e : ev) failed_at_home |= e.kind == Event::Kind::note && e.text.find("fails at home") != std::string::npos;
        CHECK(failed_at_home);
    }
    SECTION("no ratification (version 1): acceptance is enough") {
        GameState g = quiet(variant({{"ratify_target", "0"}}));
        propose(g);
        must(g, Seat::of_team(Team::iran), AnswerFramework{true});
        CHECK(g.board.channel == Channel::strategic);
    }
}

TEST_CASE("orders with a cause: a strike needs a programme near the threshold and not turn 1") {
    GameState g = quiet(after911());
    to_orders(g);
    set(g, Track::nuclear, 7);
    CHECK(refused(g, Seat::of_team(Team::israel), Commit{{order(g, "strike")}}).find("not before turn 2") !=
          std::string::npos);
    g.turn = 2;
    set(g, Track::nuclear, 4);
    CHECK(refused(g, Seat::of_team(Team::israel), Commit{{order(g, "strike")}}).find("needs nuclear at least 6") !=
          std::string::npos);
    set(g, Track::nuclear, 6);
    must(g, Seat::of_team(Team::israel), Commit{{order(g, "strike")}});
}

TEST_CASE("a framework must include both sides' central terms, and terms owed count against the side") {
    GameState g = quiet(after911());
    to_orders(g);
    g.board.channel = Channel::tactical;
    set(g, Track::trust, 2);
    const Scenario& s = g.sc();
    std::uint32_t all = 0, without_central = 0;
    for (std::size_t i = 0; i < s.terms.size(); ++i) {
        all |= 1u << i;
        if (!s.terms[i].central) without_central |= 1u << i;
    }
    REQUIRE(without_central != all);  // the standard rules mark central terms
    Order o = order(g, "propose_framework");
    o.terms = without_central;
    CHECK(refused(g, Seat::of_team(Team::us), Commit{{o}}).find("must include") != std::string::npos);
    o.terms = all;
    must(g, Seat::of_team(Team::us), Commit{{o}});

    // Owed terms: each US term accepted and not carried out costs the US.
    Board b = g.board;
    int before = team_score(s, b, Team::us, true);
    int owed = 0;
    for (std::size_t i = 0; i < s.terms.size(); ++i)
        if (s.terms[i].side == TermSide::us) {
            b.terms[i] = TermStatus::pending;
            ++owed;
        }
    int weight = 0;
    for (const Term& t : s.teams[idx(Team::us)].score)
        if (t.source == TermSource::owed) weight += t.weight;
    REQUIRE(weight < 0);
    CHECK(team_score(s, b, Team::us, true) == before + owed * weight);
}

TEST_CASE("the schedule asks bot seats in team order and lets the stand-in move only when none acts") {
    GameState g = new_game(after911(), 3);
    Cast cast;
    cast.bot.fill(true);
    Schedule schedule;
    // Turn 1's inject: no bot has a choice to make before the draw, so the stand-in draws.
    auto m = schedule.next(g, cast);
    REQUIRE(m.kind == Schedule::Move::Kind::stand_in);
    CHECK(std::holds_alternative<DrawInject>(m.action));
    must(g, Seat::system(), m.action);
    while (g.phase == Phase::inject) {
        m = schedule.next(g, cast);
        if (m.kind == Schedule::Move::Kind::stand_in) {
            must(g, Seat::system(), m.action);
            continue;
        }
        REQUIRE(m.kind == Schedule::Move::Kind::ask);
        Bot bot(BotKind::heuristic, m.team, 3);
        auto a = bot.next(g);
        REQUIRE(a);
        schedule.answered(true);
        must(g, Seat::of_team(m.team), *a);
    }
    REQUIRE(g.phase == Phase::negotiation);
    // In negotiation every bot seat is asked, in team order.
    for (Team t : kAllTeams) {
        m = schedule.next(g, cast);
        REQUIRE(m.kind == Schedule::Move::Kind::ask);
        CHECK(m.team == t);
        schedule.answered(false);
    }
    // A round in which no bot acted: the stand-in closes the phase (bots play every team).
    m = schedule.next(g, cast);
    CHECK(m.kind == Schedule::Move::Kind::stand_in);
    // With a person on a team the stand-in leaves negotiation to the people.
    cast.bot[idx(Team::iran)] = false;
    cast.present[idx(Team::iran)] = true;
    for (int i = 0; i < 3; ++i) {
        m = schedule.next(g, cast);
        REQUIRE(m.kind == Schedule::Move::Kind::ask);
        CHECK(m.team != Team::iran);
        schedule.answered(false);
    }
    CHECK(schedule.next(g, cast).kind == Schedule::Move::Kind::wait);
    // A connected White Cell runs the game: no stand-in step at all.
    cast.control = true;
    GameState h = new_game(after911(), 3);
    CHECK(stand_in_step(h, cast) == std::nullopt);
}

TEST_CASE("in bot games no offer lapses unanswered: every offer is answered before orders") {
    for (auto sc : {after911(), scenario2009(), cycle()})
        for (std::uint64_t seed = 1; seed <= 15; ++seed) {
            GameRecord r = play_game(sc, seed, BotKind::heuristic);
            int made = 0;
            for (const Offer& o : r.final.offers) {
                ++made;
                INFO(sc->id << " seed " << seed << " offer " << o.id);
                CHECK(o.status != OfferStatus::lapsed);
                CHECK(o.status != OfferStatus::pending);
            }
            CHECK(made > 0);
        }
}
