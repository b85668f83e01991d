// The game model's rules beyond version 1, each tested on a variant of the
// standard scenario whose rules the test sets itself (so the tests do not hang
// on the shipped numbers), and the schedule that moves bot games on.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

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
        must(g, Seat::of_team(Team::us),
             MakeOffer{Team::iran, {}, {static_cast<std::int16_t>(concession_id(g, "inspections"))}});
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

TEST_CASE("escalation: an end-of-turn roll no team orders, when its conditions hold") {
    // Tension at least 6; 2d6 + tension against the roll; an incident adds 2.
    auto with_escalation = [](int roll) {
        auto s = std::make_shared<Scenario>(*after911());
        Term high;
        high.source = TermSource::track;
        high.a = idx(Track::tension);
        high.test = Term::Test::at_least;
        high.threshold = 6;
        Term tension;
        tension.source = TermSource::track;
        tension.a = idx(Track::tension);
        Effect up;
        up.verb = EffectVerb::track;
        up.a = idx(Track::tension);
        up.value = 2;
        s->rules.escalation_roll = roll;
        s->rules.escalation_requires = {high};
        s->rules.escalation_mods = {tension};
        s->rules.escalation = {up};
        s->rules.drift.clear();
        return std::shared_ptr<const Scenario>(s);
    };
    // Plays turn 1 with no orders, sets tension before the end of turn, and
    // returns the end of turn's escalation notes.
    auto end_turn_at = [](GameState& g, int tension) {
        to_orders(g);
        commit(g, {});
        set(g, Track::tension, tension);
        auto ev = must(g, Seat::system(), Release{});
        std::vector<std::string> notes;
        for (const Event& e : ev)
            if (e.kind == Event::Kind::note && e.text.rfind("escalation", 0) == 0) notes.push_back(e.text);
        return notes;
    };
    SECTION("a roll within reach is an incident") {
        GameState g = quiet(with_escalation(2));
        auto notes = end_turn_at(g, 6);
        REQUIRE(notes.size() == 1);
        CHECK(notes[0].find("an incident no one ordered") != std::string::npos);
        CHECK(g.board.track(Track::tension) == 8);
    }
    SECTION("a roll out of reach is rolled and leaves tension alone") {
        GameState g = quiet(with_escalation(40));
        auto notes = end_turn_at(g, 7);
        REQUIRE(notes.size() == 1);
        CHECK(notes[0].find("no incident") != std::string::npos);
        CHECK(g.board.track(Track::tension) == 7);
    }
    SECTION("below its condition there is no roll") {
        GameState g = quiet(with_escalation(2));
        GameState h = quiet(with_escalation(0));
        CHECK(end_turn_at(g, 5).empty());
        CHECK(end_turn_at(h, 6).empty());  // roll 0 (version 1): never rolled
        CHECK(g.board.track(Track::tension) == 5);
        CHECK(g.rng == h.rng);  // neither drew a die
    }
    SECTION("an incident that reaches the maximum is war, caused by no team") {
        GameState g = quiet(with_escalation(2));
        end_turn_at(g, 8);
        CHECK(g.board.war);
        CHECK(g.board.war_by == -1);
        CHECK(g.end == EndReason::war);
        CHECK(g.phase == Phase::ended);
    }
}

TEST_CASE("escalation is read from [rules], a bad condition or effect is reported by its field") {
    namespace fs = std::filesystem;
    std::string dir = fs::path(write_temp("escalation/x", "")).parent_path().string();
    for (const char* sub : {"rules", "cards"})
        fs::copy(source_dir() + "/scenarios/" + sub, dir + "/" + sub,
                 fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    std::string base = read_file(source_dir() + "/scenarios/after-911.toml");
    auto load_with = [&](const std::string& rules) {
        return load_scenario(write_temp("escalation/scenario.toml", base + "\n[rules]\n" + rules));
    };
    auto ok = load_with(
        "escalation_roll = 12\n"
        "escalation_requires = [ { track = \"tension\", at_least = 5 } ]\n"
        "escalation_mods = [ { track = \"iran_hardliners\", weight = 2 } ]\n"
        "escalation = [ { track = \"tension\", add = 1 }, { spoiler = \"an incident\" } ]\n");
    REQUIRE(ok.problems.empty());
    const Rules& r = ok.scenario->rules;
    CHECK(r.escalation_roll == 12);
    REQUIRE(r.escalation_requires.size() == 1);
    CHECK(r.escalation_requires[0].threshold == 5);
    REQUIRE(r.escalation_mods.size() == 1);
    CHECK(r.escalation_mods[0].a == idx(Track::iran_hardliners));
    CHECK(r.escalation_mods[0].weight == 2);
    REQUIRE(r.escalation.size() == 2);
    CHECK(r.escalation[1].verb == EffectVerb::spoiler);
    auto bad = load_with(
        "escalation_requires = [ { track = \"tensions\", at_least = 5 } ]\n"
        "escalation = [ { track = \"opposition\", add = 1 } ]\n");
    std::set<std::string> fields;
    for (const auto& p : bad.problems) fields.insert(p.field);
    CHECK(fields.count("rules.escalation_requires[0].track"));
    CHECK(fields.count("rules.escalation[0].track"));  // no acting team to have an opposition
}

TEST_CASE("in the standard rules, standing down is a concession between the US and Iran, and only through talks") {
    GameState g = quiet(after911());
    to_negotiation(g);
    auto stand_down = static_cast<std::int16_t>(concession_id(g, "stand_down"));
    REQUIRE(g.board.channel == Channel::closed);
    CHECK(refused(g, Seat::of_team(Team::us), MakeOffer{Team::iran, {stand_down}, {}}).find("secret") !=
          std::string::npos);
    g.board.channel = Channel::secret;
    must(g, Seat::of_team(Team::us), MakeOffer{Team::iran, {stand_down}, {stand_down}});
    refused(g, Seat::of_team(Team::gulf), MakeOffer{Team::us, {stand_down}, {}});
    refused(g, Seat::of_team(Team::israel), MakeOffer{Team::us, {stand_down}, {}});
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
