// The fragility rule as version 1 states it (on the archived version-1
// scenario, which recorded games still replay by): spoilers, the cut-off below
// the starting trust, the strategic framework that holds, the leak roll, and
// promises. The current rules' stake and ratification are in test_model.cpp.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace gbt;

namespace {
Effect channel(Channel c) {
    Effect e;
    e.verb = EffectVerb::channel;
    e.a = static_cast<int>(c);
    return e;
}
Effect spoiler(const std::string& why) {
    Effect e;
    e.verb = EffectVerb::spoiler;
    e.text = why;
    return e;
}
}  // namespace

TEST_CASE("a spoiler on a secret or tactical channel cuts it off below where trust stood when it opened") {
    for (Channel c : {Channel::secret, Channel::tactical}) {
        GameState g = fresh_v1();
        set(g, Track::trust, 0);
        // Open the channel at trust 0, then build trust to 3.
        apply_effects(g.sc(), g.board, {}, {channel(c)}, nullptr, nullptr);
        CHECK(g.board.trust_at_open == 0);
        set(g, Track::trust, 3);
        std::vector<Event> ev;
        apply_effects(g.sc(), g.board, {}, {spoiler("leak")}, nullptr, &ev);
        CHECK(g.board.channel == Channel::closed);
        // 3 - cutoff_penalty = 1 would still be above the opening trust: it falls to -1.
        CHECK(g.board.track(Track::trust) == -1);
        CHECK(g.board.cutoffs == 1);
        bool saw_cutoff = false;
        for (auto& e : ev) saw_cutoff |= e.kind == Event::Kind::cutoff;
        CHECK(saw_cutoff);
    }
}

TEST_CASE("the cut-off penalty applies in full when it goes lower than the opening trust") {
    GameState g = fresh_v1();
    set(g, Track::trust, 0);
    apply_effects(g.sc(), g.board, {}, {channel(Channel::secret)}, nullptr, nullptr);
    set(g, Track::trust, -1);
    apply_effects(g.sc(), g.board, {}, {spoiler("speech")}, nullptr, nullptr);
    CHECK(g.board.track(Track::trust) == -1 - g.sc().rules.cutoff_penalty);
}

TEST_CASE("under a strategic framework a spoiler costs trust and the channel holds") {
    GameState g = fresh_v1();
    g.board.channel = Channel::strategic;
    set(g, Track::trust, 3);
    apply_effects(g.sc(), g.board, {}, {spoiler("shipment")}, nullptr, nullptr);
    CHECK(g.board.channel == Channel::strategic);
    CHECK(g.board.track(Track::trust) == 3 + g.sc().rules.framework_spoiler_trust);
    CHECK(g.board.cutoffs == 0);
}

TEST_CASE("a spoiler card drawn as the inject cuts the channel off") {
    GameState g = fresh_v1();
    g.board.channel = Channel::tactical;
    must(g, Seat::control(), ReplaceInject{static_cast<std::int16_t>(card_id(g, "axis-of-evil"))});
    must(g, Seat::system(), DrawInject{});
    CHECK(g.board.channel == Channel::closed);
}

TEST_CASE("the leak roll: only while secret (or after closed-channel contact), divulged at the target") {
    // Closed, no contact: no roll.
    {
        GameState g = fresh_v1();
        to_orders(g);
        commit_only(g, Team::us, {});
        auto ev = must(g, Seat::system(), Release{});
        for (auto& e : ev) CHECK(e.kind != Event::Kind::leak);
    }
    // Secret with overwhelming pressure: always divulged, and a cut-off.
    {
        GameState g = fresh_v1();
        g.board.channel = Channel::secret;
        to_orders(g);
        commit(g, {{Team::israel, {order(g, "expose_talks")}}, {Team::gulf, {order(g, "expose_talks")}}});
        g.board.leak_bonus = 40;
        auto ev = must(g, Seat::system(), Release{});
        bool leaked = false;
        for (auto& e : ev)
            if (e.kind == Event::Kind::leak) leaked = e.value >= e.delta;
        CHECK(leaked);
        CHECK(g.board.channel == Channel::closed);
    }
    // Secret, no pressure at all, target out of reach: the talks stay secret.
    {
        GameState g = fresh_v1();
        g.board.channel = Channel::secret;
        set(g, Track::us_hawks, 0);
        set(g, Track::iran_hardliners, 0);
        to_orders(g);
        commit_only(g, Team::us, {});
        auto ev = must(g, Seat::system(), Release{});
        int rolls = 0;
        for (auto& e : ev)
            if (e.kind == Event::Kind::leak) {
                ++rolls;
                CHECK(e.value == e.a + e.b);  // 2d6 with no pressure
                CHECK(e.value < e.delta);
            }
        CHECK(rolls == 1);
        CHECK(g.board.channel == Channel::secret);
    }
    // Closed but the US and Iran talked: that contact is rolled for too.
    {
        GameState g = fresh_v1();
        to_negotiation(g);
        must(g, Seat::of_team(Team::us), Chat{ChatChannel::bilateral, Team::iran, "Can we talk about Herat?"});
        CHECK(g.board.contact);
        to_orders(g);
        commit_only(g, Team::us, {});
        auto ev = must(g, Seat::system(), Release{});
        int rolls = 0;
        for (auto& e : ev) rolls += e.kind == Event::Kind::leak;
        CHECK(rolls == 1);
    }
}

TEST_CASE("a promise not honoured in time costs trust, a reciprocal action honours it") {
    // Broken.
    GameState g = fresh_v1();
    to_orders(g);
    commit_only(g, Team::us, {order(g, "promise")});
    int trust = g.board.track(Track::trust);
    CHECK(trust == g.sc().tracks[idx(Track::trust)].start + 1);
    for (int turn = 0; turn < 3 && !g.ended(); ++turn) {
        if (g.phase == Phase::adjudication) must(g, Seat::system(), Release{});
        if (g.phase == Phase::inject) {
            to_orders(g);
            commit_only(g, Team::us, {});
        }
    }
    must(g, Seat::system(), Release{});
    bool broke = false;
    for (const auto& r : g.reports)
        for (const auto& e : r.end_of_turn) broke |= e.kind == Event::Kind::promise_broken;
    CHECK(broke);

    // Kept: easing sanctions is reciprocal.
    GameState h = fresh_v1();
    to_orders(h);
    commit_only(h, Team::us, {order(h, "promise")});
    must(h, Seat::system(), Release{});
    to_orders(h);
    commit_only(h, Team::us, {order(h, "ease_sanctions")});
    bool kept = false;
    for (auto& e : h.reports.back().results.at(0).events) kept |= e.kind == Event::Kind::promise_kept;
    CHECK(kept);
    for (auto& p : h.board.promises) CHECK(p.team < 0);
}
