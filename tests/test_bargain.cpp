// The grand bargain as version 1 states it (on the archived version-1
// scenario): who may propose, acceptance, the strategic channel, implementation
// over later turns, penalties, lapses and the regional forum. Central terms and
// ratification are in test_model.cpp.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace gbt;

namespace {

Order proposal(const GameState& g, std::initializer_list<const char*> terms) {
    Order o = order(g, "propose_framework");
    for (const char* t : terms) o.terms |= 1u << term_id(g, t);
    return o;
}

// A game where the US has proposed a framework (adjudicated and released).
GameState proposed(std::initializer_list<const char*> terms) {
    GameState g = fresh_v1();
    g.board.channel = Channel::tactical;
    set(g, Track::trust, 1);
    to_orders(g);
    commit_only(g, Team::us, {proposal(g, terms)});
    must(g, Seat::system(), Release{});
    REQUIRE(g.board.proposal.from == idx(Team::us));
    return g;
}

}  // namespace

TEST_CASE("a framework needs a tactical channel and trust, or a card that opens talks") {
    GameState g = fresh_v1();
    to_orders(g);
    auto terms = {"security_guarantee", "halt_wmd"};
    CHECK(refused(g, Seat::of_team(Team::us), Commit{{proposal(g, terms)}}).find("tactical") != std::string::npos);

    GameState h = fresh_v1();
    h.board.channel = Channel::tactical;
    set(h, Track::trust, -1);
    to_orders(h);
    refused(h, Seat::of_team(Team::iran), Commit{{proposal(h, terms)}});

    GameState k = fresh_v1();
    k.board.open_framework = 1;  // Iran's 2003 offer taken up
    to_orders(k);
    must(k, Seat::of_team(Team::iran), Commit{{proposal(k, terms)}});

    GameState m = fresh_v1();
    m.board.channel = Channel::tactical;
    to_orders(m);
    CHECK(refused(m, Seat::of_team(Team::us), Commit{{proposal(m, {"security_guarantee", "lift_sanctions"})}})
              .find("one US and one Iranian") != std::string::npos);
    refused(m, Seat::of_team(Team::israel), Commit{{proposal(m, terms)}});
}

TEST_CASE("accepting a framework makes the channel strategic and the terms due") {
    GameState g = proposed({"security_guarantee", "halt_wmd", "regional_security"});
    to_negotiation(g);
    refused(g, Seat::of_team(Team::us), AnswerFramework{true});  // not one's own proposal
    must(g, Seat::of_team(Team::iran), AnswerFramework{true});
    CHECK(g.board.channel == Channel::strategic);
    CHECK(g.board.terms[term_id(g, "security_guarantee")] == TermStatus::pending);
    CHECK(g.board.terms[term_id(g, "halt_wmd")] == TermStatus::pending);
    CHECK(g.board.terms[term_id(g, "lift_sanctions")] == TermStatus::none);
    CHECK(g.board.proposal.from == -1);
}

TEST_CASE("terms are implemented by the side that owes them, with their effects") {
    GameState g = proposed({"security_guarantee", "halt_wmd"});
    to_negotiation(g);
    must(g, Seat::of_team(Team::iran), AnswerFramework{true});
    to_orders(g);
    Order us = order(g, "implement_term");
    us.term = static_cast<std::int16_t>(term_id(g, "halt_wmd"));
    CHECK(refused(g, Seat::of_team(Team::us), Commit{{us}}).find("other side") != std::string::npos);
    us.term = static_cast<std::int16_t>(term_id(g, "security_guarantee"));
    Order iran = order(g, "implement_term");
    iran.term = static_cast<std::int16_t>(term_id(g, "halt_wmd"));
    int nuclear = g.board.track(Track::nuclear);
    commit(g, {{Team::us, {us}}, {Team::iran, {iran}}});
    CHECK(g.board.terms[term_id(g, "security_guarantee")] == TermStatus::implemented);
    CHECK(g.board.terms[term_id(g, "halt_wmd")] == TermStatus::implemented);
    CHECK(g.board.track(Track::nuclear) == std::max(0, nuclear - 2));
    // Iran's score counts the guarantee.
    GameState before = g;
    before.board.terms[term_id(g, "security_guarantee")] = TermStatus::pending;
    CHECK(team_score(g.sc(), g.board, Team::iran, false) > team_score(g.sc(), before.board, Team::iran, false));
}

TEST_CASE("a term left unimplemented past its deadline costs trust every turn") {
    GameState g = proposed({"security_guarantee", "halt_wmd"});
    to_negotiation(g);
    must(g, Seat::of_team(Team::iran), AnswerFramework{true});
    int due = g.board.term_due[term_id(g, "halt_wmd")];
    int overdue_events = 0;
    while (!g.ended()) {
        if (g.phase == Phase::inject || g.phase == Phase::negotiation) to_orders(g);
        commit_only(g, Team::us, {});
        int turn = g.turn;
        must(g, Seat::system(), Release{});
        for (auto& e : g.reports.back().end_of_turn)
            if (e.kind == Event::Kind::term && e.value == 2) {
                ++overdue_events;
                CHECK(turn >= due);
            }
        if (g.ended()) break;
    }
    CHECK(overdue_events >= 2);
}

TEST_CASE("rejecting or ignoring a proposal costs trust") {
    GameState g = proposed({"security_guarantee", "halt_wmd"});
    to_negotiation(g);
    int trust = g.board.track(Track::trust);
    must(g, Seat::of_team(Team::iran), AnswerFramework{false});
    CHECK(g.board.track(Track::trust) == trust + g.sc().rules.framework_reject_trust);
    CHECK(g.board.channel == Channel::tactical);

    GameState h = proposed({"security_guarantee", "halt_wmd"});
    to_orders(h);
    trust = h.board.track(Track::trust);
    commit_only(h, Team::us, {});
    must(h, Seat::system(), Release{});
    CHECK(h.board.proposal.from == -1);
    CHECK(h.board.track(Track::trust) == trust + h.sc().rules.framework_reject_trust);
}

TEST_CASE("the regional mechanism: joined by both it is implemented, blocked by one it fails") {
    GameState g = proposed({"security_guarantee", "halt_wmd", "regional_security"});
    to_negotiation(g);
    must(g, Seat::of_team(Team::iran), AnswerFramework{true});
    to_orders(g);
    int sec = g.board.security[idx(Team::israel)];
    commit(g, {{Team::israel, {order(g, "join_forum")}}, {Team::gulf, {order(g, "join_forum")}}});
    CHECK(g.board.security[idx(Team::israel)] == sec + 2);
    must(g, Seat::system(), Release{});
    CHECK(g.board.terms[term_id(g, "regional_security")] == TermStatus::implemented);

    GameState h = proposed({"security_guarantee", "halt_wmd", "regional_security"});
    to_negotiation(h);
    must(h, Seat::of_team(Team::iran), AnswerFramework{true});
    to_orders(h);
    commit(h, {{Team::israel, {order(h, "block_forum")}}, {Team::gulf, {order(h, "join_forum")}}});
    must(h, Seat::system(), Release{});
    CHECK(h.board.terms[term_id(h, "regional_security")] == TermStatus::blocked);

    GameState k = fresh_v1();
    to_orders(k);
    CHECK(refused(k, Seat::of_team(Team::israel), Commit{{order(k, "join_forum")}}).find("regional") !=
          std::string::npos);
}

TEST_CASE("offers become deals executed first in adjudication") {
    GameState g = fresh_v1();
    to_negotiation(g);
    int ease = concession_id(g, "ease_sanctions"), insp = concession_id(g, "inspections");
    refused(g, Seat::of_team(Team::us), MakeOffer{Team::iran, {static_cast<std::int16_t>(insp)}, {}});
    must(g, Seat::of_team(Team::us),
         MakeOffer{Team::iran, {static_cast<std::int16_t>(ease)}, {static_cast<std::int16_t>(insp)}});
    std::uint32_t id = g.offers.back().id;
    refused(g, Seat::of_team(Team::us), AnswerOffer{id, true});  // not addressed to the US
    must(g, Seat::of_team(Team::iran), AnswerOffer{id, true});
    int sanctions = g.board.track(Track::sanctions), trust = g.board.track(Track::trust);
    to_orders(g);
    commit_only(g, Team::iran, {order(g, "enrich")});
    const Report& r = g.reports.back();
    REQUIRE(r.results.size() == 2);
    CHECK(r.results[0].kind == Result::Kind::deal);
    CHECK(g.board.track(Track::sanctions) == sanctions - 1);
    CHECK(g.board.track(Track::trust) == trust + g.sc().rules.deal_trust);
    CHECK(g.board.track(Track::nuclear) == g.sc().tracks[idx(Track::nuclear)].start);  // inspections froze enrichment
}

TEST_CASE("unanswered offers lapse when negotiation ends") {
    GameState g = fresh_v1();
    to_negotiation(g);
    must(g, Seat::of_team(Team::israel),
         MakeOffer{Team::gulf, {static_cast<std::int16_t>(concession_id(g, "stand_down"))}, {}});
    to_orders(g);
    CHECK(g.offers.back().status == OfferStatus::lapsed);
}
