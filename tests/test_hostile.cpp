// Hostile input: actions with arbitrary field values from any seat are
// refused with a reason or applied safely; the state stays within bounds.
// Under the sanitizer build this is where out-of-range indexing would show.
#include <catch2/catch.hpp>

#include "bot.hpp"
#include "simulation.hpp"
#include "support.hpp"
#include "view.hpp"

using namespace gbt;

namespace {

struct Junk {
    Rng& r;
    template <class T>
    T e() {  // any value of an enum's underlying byte, valid or not
        return static_cast<T>(r.below(r.below(4) == 0 ? 256 : 8));
    }
    std::int16_t i16() {
        switch (r.below(4)) {
            case 0: return static_cast<std::int16_t>(r.below(65536) - 32768);
            case 1: return -1;
            default: return static_cast<std::int16_t>(r.below(40));
        }
    }
    std::uint32_t u32() { return r.below(3) == 0 ? r.next() : r.below(8); }
    std::string text() {
        std::string s(r.below(3) == 0 ? r.below(700) : r.below(12), 'x');
        for (auto& c : s) c = static_cast<char>(r.below(256));
        return s;
    }
    Order order() {
        Order o;
        o.action = i16();
        o.region = i16();
        o.marker = i16();
        o.terms = u32();
        o.card = i16();
        o.term = i16();
        return o;
    }
    Effect effect() {
        Effect f;
        f.verb = e<EffectVerb>();
        f.a = i16();
        f.b = i16();
        f.team = i16();
        f.set = r.below(2);
        f.value = i16();
        f.text = text();
        return f;
    }
    Seat seat() { return Seat{e<SeatRole>(), e<Team>(), r.below(3) == 0 ? u32() : 0}; }
    Action action() {
        switch (r.below(30)) {
            case 0: return Join{u32(), text(), e<SeatRole>(), e<Team>()};
            case 1: return Leave{u32()};
            case 2: return SetLead{e<Team>(), u32()};
            case 3: return SetBot{e<Team>(), r.below(2) == 1};
            case 4: return GrantView{u32(), e<Team>(), true};
            case 5: return DrawInject{};
            case 6: return HoldInject{};
            case 7: return ReorderDeck{static_cast<std::uint16_t>(i16()), static_cast<std::uint16_t>(i16())};
            case 8: return ReplaceInject{i16()};
            case 9: return WriteInject{text(), text(), {effect(), effect()}};
            case 10: return Choose{static_cast<std::uint8_t>(r.below(256))};
            case 11: return AdvancePhase{};
            case 12: return TimerExpired{};
            case 13: return SetTimer{static_cast<std::int32_t>(r.next())};
            case 14: return Ready{};
            case 15: return Pause{};
            case 16: return Resume{};
            case 17: return MakeOffer{e<Team>(), {i16(), i16()}, {i16()}};
            case 18: return AnswerOffer{u32(), r.below(2) == 1};
            case 19: return AnswerFramework{r.below(2) == 1};
            case 20: return Chat{e<ChatChannel>(), e<Team>(), text()};
            case 21: return Draft{{order(), order()}};
            case 22: return Commit{{order()}};
            case 23: return Amend{static_cast<std::uint16_t>(i16()), r.below(2) == 1, text()};
            case 24: return Release{};
            case 25: return SetTrack{e<Track>(), i16(), text()};
            case 26: return SetChannel{e<Channel>(), text()};
            case 27: return SetMarker{i16(), i16(), i16(), text()};
            case 28: return Bookmark{text(), text()};
            default: return EndGame{text()};
        }
    }
};

}  // namespace

TEST_CASE("arbitrary actions from arbitrary seats never break the state") {
    Rng r = Rng::seeded(2024);
    Junk junk{r};
    int accepted = 0, refused_count = 0;
    for (std::uint64_t game = 1; game <= 60; ++game) {
        GameState g = new_game(after911(), game);
        std::array<Bot, kTeams> bots{Bot(BotKind::random, Team::us, game), Bot(BotKind::random, Team::iran, game),
                                     Bot(BotKind::random, Team::israel, game), Bot(BotKind::random, Team::gulf, game)};
        for (int step = 0; step < 400 && !g.ended(); ++step) {
            // Mostly junk; some real play so junk meets every phase.
            if (r.below(3) == 0) {
                Team t = static_cast<Team>(r.below(4));
                if (auto a = bots[idx(t)].next(g)) {
                    act(g, Seat::of_team(t), *a);  // refused: nothing changes
                    continue;
                }
                if (auto sys = system_step(g)) act(g, Seat::system(), *sys);
                continue;
            }
            Seat s = junk.seat();
            Action a = junk.action();
            Acted done = act(g, s, a);
            if (done.ok()) {
                ++accepted;
                for (const Event& e : done.events) (void)visible(g, e, Seat::of_team(Team::iran));
            } else {
                ++refused_count;
                REQUIRE_FALSE(done.verdict.message.empty());
            }
            for (int t = 0; t < kTracks; ++t) {
                REQUIRE(g.board.tracks[t] >= g.sc().tracks[t].min);
                REQUIRE(g.board.tracks[t] <= g.sc().tracks[t].max);
            }
            for (Team t : kAllTeams) (void)view(g, Seat::of_team(t));
        }
    }
    CHECK(accepted > 100);
    CHECK(refused_count > 1000);
}

TEST_CASE("out-of-range teams, tracks and fields are refused by name") {
    GameState g = fresh();
    auto bad_team = static_cast<Team>(200);
    CHECK(refused(g, Seat::control(), Join{7, "X", SeatRole::team, bad_team}).find("team") != std::string::npos);
    refused(g, Seat::control(), Join{7, "X", static_cast<SeatRole>(9), Team::us});
    refused(g, Seat::control(), SetBot{bad_team, true});
    refused(g, Seat::control(), SetTrack{static_cast<Track>(200), 1, "x"});
    to_negotiation(g);
    refused(g, Seat::of_team(Team::us), MakeOffer{bad_team, {0}, {}});
    refused(g, Seat::of_team(Team::us), Chat{ChatChannel::bilateral, bad_team, "hi"});
    to_orders(g);
    Order o = order(g, "enrich");
    o.region = 20000;
    CHECK(refused(g, Seat::of_team(Team::iran), Commit{{o}}).find("does not use") != std::string::npos);
}

TEST_CASE("an implemented term rules out the actions it forbids") {
    GameState g = fresh();
    g.board.channel = Channel::strategic;
    g.board.terms[term_id(g, "halt_wmd")] = TermStatus::implemented;
    to_orders(g);
    CHECK(refused(g, Seat::of_team(Team::iran), Commit{{order(g, "enrich")}}).find("Halt WMD") != std::string::npos);
}

TEST_CASE("draft results reach only the White Cell until release") {
    GameState g = fresh();
    to_orders(g);
    must(g, Seat::of_team(Team::us), Commit{{order(g, "tighten_sanctions")}});
    std::vector<Event> ev;
    for (Team t : {Team::iran, Team::israel, Team::gulf}) {
        auto e = must(g, Seat::of_team(t), Commit{});
        ev.insert(ev.end(), e.begin(), e.end());
    }
    bool any_track = false;
    for (const Event& e : ev)
        if (e.kind == Event::Kind::track) {
            any_track = true;
            CHECK_FALSE(visible(g, e, Seat::of_team(Team::iran)));
            CHECK(visible(g, e, Seat::control()));
        }
    CHECK(any_track);
    auto released = must(g, Seat::control(), Release{});
    bool public_track = false;
    for (const Event& e : released)
        if (e.kind == Event::Kind::track && visible(g, e, Seat::of_team(Team::iran))) public_track = true;
    CHECK(public_track);
}

TEST_CASE("a scenario nested too deeply is refused, not parsed") {
    auto path = write_temp("deep/deep.toml", "a = " + std::string(5000, '[') + std::string(5000, ']') + "\n");
    auto ps = validate_file(path);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].message.find("nest deeper") != std::string::npos);
}

TEST_CASE("an action naming `target` where it has none is refused by the loader") {
    std::string rules = read_file(source_dir() + "/scenarios/rules/standard.toml");
    rules +=
        "\n[actions.bogus]\nname = \"Bogus\"\ncategory = \"diplomacy\"\nteams = [\"us\"]\ncost = 1\n"
        "target = \"none\"\nstep = 1\nsuccess = [ { influence = \"target\", team = \"self\", add = 1 } ]\n";
    auto path = write_temp("target/rules/standard.toml", rules);
    auto ps = validate_file(path);
    REQUIRE_FALSE(ps.empty());
    CHECK(ps[0].str().find("actions.bogus.success[0].influence: unknown region 'target'") != std::string::npos);
}
