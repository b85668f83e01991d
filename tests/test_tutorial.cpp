// The tutorial scenario: its steps load, a broken step is named with its file,
// line and field, and the scripted White Cell walks a student's team through
// turn 1 with bots on the other teams, waiting for each step's condition.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>

#include "bot.hpp"
#include "schedule.hpp"
#include "support.hpp"
#include "tutorial.hpp"

using namespace gbt;

namespace {

std::shared_ptr<const Scenario> tutorial_scenario() {
    LoadResult r = load_scenario(source_dir() + "/scenarios/tutorial.toml");
    for (const auto& p : r.problems) UNSCOPED_INFO(p.str());
    REQUIRE(r.scenario);
    return r.scenario;
}

int line_of(const std::string& text, const std::string& needle, std::size_t from = 0) {
    auto at = text.find(needle, from);
    REQUIRE(at != std::string::npos);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

// A scenario folder in the temp dir holding the shipped rules and cards and
// the tutorial as `text`.
std::string write_tutorial(const std::string& dir, const std::string& text) {
    for (const char* f : {"rules/standard.toml", "cards/episodes-before-2001.toml", "cards/episodes-2001-2003.toml",
                          "cards/episodes-2007-2009.toml"})
        write_temp(dir + "/" + f, read_file(source_dir() + "/scenarios/" + f));
    return write_temp(dir + "/tutorial.toml", text);
}

const Problem* problem_at(const LoadResult& r, const std::string& field) {
    for (const Problem& p : r.problems)
        if (p.field == field) return &p;
    return nullptr;
}

// The student's team, Iran, at a table where bots play the others, driven by
// the schedule as the server drives it.
struct Table {
    GameState g;
    Cast cast;
    Schedule schedule;
    std::array<std::unique_ptr<Bot>, kTeams> bots;
    Seat student = Seat::of_team(Team::iran, 1);

    explicit Table(std::shared_ptr<const Scenario> sc) : g(new_game(std::move(sc), 11)) {
        must(g, Seat::system(), Join{1, "student", SeatRole::team, Team::iran});
        cast.present[idx(Team::iran)] = true;
        for (Team t : kAllTeams)
            if (t != Team::iran) {
                must(g, Seat::system(), SetBot{t, true});
                bots[idx(t)] = std::make_unique<Bot>(BotKind::heuristic, t, 11);
                cast.bot[idx(t)] = true;
            }
    }
    void drive() {
        schedule.restart();
        for (int guard = 0; guard < 10000 && !g.ended(); ++guard) {
            Schedule::Move m = schedule.next(g, cast);
            if (m.kind == Schedule::Move::Kind::wait) return;
            if (m.kind == Schedule::Move::Kind::stand_in) {
                must(g, Seat::system(), m.action);
                continue;
            }
            auto a = bots[idx(m.team)]->next(g);
            schedule.answered(a && act(g, Seat::of_team(m.team), *a).ok());
        }
    }
    bool said(std::size_t step) const {
        const std::string& text = g.sc().tutorial.steps.at(step).text;
        return std::any_of(g.messages.begin(), g.messages.end(), [&](const Message& m) {
            return m.channel == ChatChannel::broadcast && m.role == SeatRole::system && m.text == text;
        });
    }
};

}  // namespace

TEST_CASE("the tutorial scenario's steps load in the order of the turn's phases") {
    auto sc = tutorial_scenario();
    const TutorialDef& t = sc->tutorial;
    CHECK(t.on());
    CHECK(t.team == Team::iran);
    REQUIRE(t.steps.size() == 8);
    CHECK(t.steps[0].phase == Phase::inject);
    CHECK(t.steps[2].phase == Phase::negotiation);
    CHECK(t.steps[2].wait == TutorialWait::offer);
    CHECK(t.steps[3].wait == TutorialWait::ready);
    CHECK(t.steps[4].wait == TutorialWait::draft);
    CHECK(t.steps[5].wait == TutorialWait::commit);
    CHECK(t.steps[6].phase == Phase::adjudication);
    CHECK(t.steps[7].turn == 2);
    for (const TutorialStep& s : t.steps) CHECK(s.text.size() <= kMaxTutorialText);
    // No phase timer hurries the student.
    CHECK(sc->rules.negotiation_seconds == 0);
    CHECK(sc->rules.orders_seconds == 0);
    // Other scenarios have no tutorial.
    CHECK_FALSE(after911()->tutorial.on());
}

TEST_CASE("a broken tutorial step is named with its file, line and field") {
    std::string text = read_file(source_dir() + "/scenarios/tutorial.toml");
    // The orders step's "commit" becomes "ready", which only negotiation has;
    // the adjudication step gets an unknown field; the last step moves to turn 9.
    auto commit = text.find("wait = \"commit\"");
    REQUIRE(commit != std::string::npos);
    text.replace(commit, 15, "wait = \"ready\"");
    auto adj = text.find("phase = \"adjudication\"");
    REQUIRE(adj != std::string::npos);
    text.insert(adj, "colour = \"red\"\n");
    auto turn = text.find("turn = 2");
    REQUIRE(turn != std::string::npos);
    text.replace(turn, 8, "turn = 9");
    std::string path = write_tutorial("tutorial-broken", text);
    LoadResult r = load_scenario(path);
    CHECK_FALSE(r.scenario);
    for (const auto& p : r.problems) UNSCOPED_INFO(p.str());

    const Problem* wait = problem_at(r, "tutorial.step[5].wait");
    REQUIRE(wait);
    CHECK(wait->file.find("tutorial.toml") != std::string::npos);
    CHECK(wait->line == line_of(text, "wait = \"ready\"", commit - 1));
    CHECK(wait->message.find("negotiation") != std::string::npos);

    const Problem* colour = problem_at(r, "tutorial.step[6].colour");
    REQUIRE(colour);
    CHECK(colour->line == line_of(text, "colour = \"red\""));
    CHECK(colour->message.find("unknown field") != std::string::npos);

    const Problem* late = problem_at(r, "tutorial.step[7].turn");
    REQUIRE(late);
    CHECK(late->line == line_of(text, "turn = 9"));
    CHECK(late->message.find("1..3") != std::string::npos);
}

TEST_CASE("a step out of order, a repeated text and an unknown condition are refused") {
    std::string text = read_file(source_dir() + "/scenarios/tutorial.toml");
    // The first negotiation step's condition is misspelt, and the welcome moves after it.
    auto offer = text.find("wait = \"offer\"");
    REQUIRE(offer != std::string::npos);
    text.replace(offer, 14, "wait = \"ofer\"");
    text += "\n[[tutorial.step]]\nphase = \"inject\"\ntitle = \"Again\"\ntext = \"Welcome again.\"\n";
    text += "\n[[tutorial.step]]\nturn = 2\nphase = \"orders\"\ntitle = \"Twice\"\ntext = \"Welcome again.\"\n";
    LoadResult r = load_scenario(write_tutorial("tutorial-order", text));
    CHECK_FALSE(r.scenario);
    for (const auto& p : r.problems) UNSCOPED_INFO(p.str());
    const Problem* ofer = problem_at(r, "tutorial.step[2].wait");
    REQUIRE(ofer);
    CHECK(ofer->message.find("unknown condition 'ofer'") != std::string::npos);
    const Problem* order = problem_at(r, "tutorial.step[8]");
    REQUIRE(order);
    CHECK(order->message.find("comes before") != std::string::npos);
    const Problem* twice = problem_at(r, "tutorial.step[9].text");
    REQUIRE(twice);
    CHECK(twice->message.find("repeats") != std::string::npos);
}

TEST_CASE("the scripted White Cell broadcasts each step and waits for the student before it moves on") {
    Table t(tutorial_scenario());
    t.drive();
    // The inject is drawn, both inject steps said, and negotiation open with the offer step.
    REQUIRE(t.g.turn == 1);
    REQUIRE(t.g.phase == Phase::negotiation);
    CHECK(t.said(0));
    CHECK(t.said(1));
    CHECK(t.said(2));
    CHECK_FALSE(t.said(3));
    CHECK(tutorial_current_step(t.g) == 2);
    CHECK_FALSE(tutorial_step_met(t.g, 2));
    // Nothing moves while the student has not made an offer.
    t.drive();
    CHECK(t.g.phase == Phase::negotiation);
    CHECK_FALSE(t.said(3));

    must(t.g, t.student,
         MakeOffer{Team::us,
                   {static_cast<std::int16_t>(concession_id(t.g, "widen_talks"))},
                   {static_cast<std::int16_t>(concession_id(t.g, "widen_talks"))}});
    t.drive();
    CHECK(t.said(3));
    CHECK(t.g.phase == Phase::negotiation);  // the student has not declared ready

    must(t.g, t.student, Ready{});
    t.drive();
    REQUIRE(t.g.phase == Phase::orders);
    CHECK(t.said(4));
    CHECK_FALSE(t.said(5));

    Order o = order(t.g, "build_influence", "afghanistan");
    must(t.g, t.student, Draft{{o}});
    t.drive();
    CHECK(t.said(5));
    CHECK(t.g.phase == Phase::orders);

    must(t.g, t.student, Commit{{o}});
    t.drive();
    // Adjudication explained, the report released, and turn 2 under way on its own.
    CHECK(t.said(6));
    CHECK(t.said(7));
    CHECK(t.g.turn == 2);
    CHECK(t.g.phase == Phase::negotiation);
    REQUIRE(t.g.reports.size() == 1);
    CHECK(t.g.reports[0].released);
    CHECK(tutorial_steps_done(t.g) == 8);
    CHECK(tutorial_current_step(t.g) == 7);
}

TEST_CASE("a connected White Cell silences the scripted one") {
    auto sc = tutorial_scenario();
    GameState g = new_game(sc, 3);
    Cast cast;
    cast.bot.fill(true);
    CHECK(tutorial_step(g, cast));
    cast.control = true;
    CHECK_FALSE(tutorial_step(g, cast));
}

TEST_CASE("with a bot on the student's team the scripted White Cell still says every step and the game goes on") {
    auto sc = tutorial_scenario();
    GameState g = new_game(sc, 3);
    Cast cast;
    cast.bot.fill(true);
    Schedule schedule;
    std::array<std::unique_ptr<Bot>, kTeams> bots;
    for (Team t : kAllTeams) bots[idx(t)] = std::make_unique<Bot>(BotKind::heuristic, t, 3);
    for (int guard = 0; guard < 20000 && !g.ended() && g.turn < 3; ++guard) {
        Schedule::Move m = schedule.next(g, cast);
        REQUIRE(m.kind != Schedule::Move::Kind::wait);
        if (m.kind == Schedule::Move::Kind::stand_in) {
            must(g, Seat::system(), m.action);
            continue;
        }
        auto a = bots[idx(m.team)]->next(g);
        schedule.answered(a && act(g, Seat::of_team(m.team), *a).ok());
    }
    CHECK(g.turn == 3);
    CHECK(tutorial_steps_done(g) == sc->tutorial.steps.size());
}

