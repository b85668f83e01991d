// The tutorial on a real window under Xvfb: `gb-client --tutorial` seats the
// student on Iran, the scripted White Cell's first steps are on screen, and
// following them (an offer, Ready, an order drafted and committed) reaches
// the next turn.
#include <SFML/Graphics/Image.hpp>
#include <catch2/catch.hpp>

#include "client_harness.hpp"
#include "journal.hpp"
#include "journal_replay.hpp"
#include "scenario_loader.hpp"

using namespace gbi;
using namespace gbc;

namespace {

// The tutorial window and its text are drawn, inside the window, unclipped.
void check_panel(const std::string& widgets, unsigned width, unsigned height) {
    auto w = read_widgets(widgets);
    REQUIRE(w.count("tutorial"));
    REQUIRE(w.count("tutorial-text"));
    const Widget& panel = w["tutorial"];
    CHECK(panel.x >= 0);
    CHECK(panel.y >= 0);
    CHECK(panel.x + panel.w <= float(width));
    CHECK(panel.y + panel.h <= float(height));
    CHECK_FALSE(w["tutorial-text"].clipped);
    REQUIRE(w.count("tutorial-earlier"));
    CHECK_FALSE(w["tutorial-earlier"].clipped);
    CHECK(w["tutorial-text"].h > 40);  // several wrapped lines, not one cut-off line
}

}  // namespace

TEST_CASE("The tutorial walks a student through one turn: its steps show, and following them reaches turn 2",
          "[client]") {
    need_display();
    auto dir = temp_dir("client-tutorial");
    LoadResult tut = load_scenario(std::string(GB_SOURCE_DIR) + "/scenarios/tutorial.toml");
    REQUIRE(tut.scenario);
    const auto& steps = tut.scenario->tutorial.steps;
    REQUIRE(steps.size() == 8);
    auto script = write_script(
        dir,
        "wait-seated\n"
        "click Start playing\n"
        "wait-tutorial-step 3\n"
        "wait-frames 10\n"
        "save-view " + dir + "/offer.txt\n"
        "save-widgets " + dir + "/offer-widgets.txt\n"
        "screenshot " + dir + "/offer.png\n"
        "click tutorial-earlier\n"
        "wait-frames 3\n"
        "save-widgets " + dir + "/earlier-widgets.txt\n"
        "screenshot " + dir + "/earlier.png\n"
        "click tutorial-earlier\n"
        "click diplomacy\n"
        "click Widen the talks##g\n"
        "click Widen the talks##w\n"
        "click Send offer\n"
        "wait-tutorial-step 4\n"
        "wait-frames 10\n"
        "save-view " + dir + "/ready.txt\n"
        "screenshot " + dir + "/ready.png\n"
        "click Ready\n"
        "wait-tutorial-step 5\n"
        "wait-frames 10\n"
        "click Orders\n"
        "click Add##open_channel\n"
        "wait-tutorial-step 6\n"
        "wait-frames 10\n"
        "save-view " + dir + "/commit.txt\n"
        "screenshot " + dir + "/commit.png\n"
        "click Commit orders\n"
        "wait-tutorial-step 8\n"
        "wait-frames 10\n"
        "save-view " + dir + "/turn2.txt\n"
        "save-widgets " + dir + "/turn2-widgets.txt\n"
        "screenshot " + dir + "/turn2.png\n"
        "quit\n");
    REQUIRE(run_client({"--tutorial", "--port", "0", "--data", dir + "/data", "--seed", "4", "--settings",
                        seen_settings(dir), "--script", script},
                       dir + "/client.out") == 0);

    // Negotiation: the third step (make an offer) is the current one, and the
    // White Cell's broadcasts reached the client as notices.
    auto offer = read_view(dir + "/offer.txt");
    CHECK(offer["tutorial-step"] == "3");
    CHECK(read_text(dir + "/offer.txt").find("toast broadcast White Cell: step 3 of 8, " + steps[2].title) !=
          std::string::npos);
    check_panel(dir + "/offer-widgets.txt", 1280, 720);
    // The steps that passed in the inject phase can be read again, inside the window.
    auto earlier = read_widgets(dir + "/earlier-widgets.txt");
    REQUIRE(earlier.count("tutorial"));
    CHECK(earlier["tutorial"].h > read_widgets(dir + "/offer-widgets.txt")["tutorial"].h + 100);
    CHECK(earlier["tutorial"].y + earlier["tutorial"].h <= 720);
    // The window's title bar, in its own colour, is on the real screen.
    sf::Image img;
    REQUIRE(img.loadFromFile(dir + "/offer.png"));
    auto w = read_widgets(dir + "/offer-widgets.txt");
    int title = 0;
    const Widget& panel = w["tutorial"];
    for (unsigned y = unsigned(panel.y); y < unsigned(panel.y + 20) && y < img.getSize().y; ++y)
        for (unsigned x = unsigned(panel.x); x < unsigned(panel.x + panel.w) && x < img.getSize().x; ++x) {
            sf::Color p = img.getPixel(x, y);
            title += std::abs(p.r - 115) <= 12 && std::abs(p.g - 77) <= 12 && std::abs(p.b - 20) <= 12;
        }
    CHECK(title > 500);

    CHECK(read_view(dir + "/ready.txt")["tutorial-step"] == "4");     // the offer made: declare ready
    CHECK(read_view(dir + "/commit.txt")["tutorial-step"] == "6");    // an order drafted: commit
    auto turn2 = read_view(dir + "/turn2.txt");
    CHECK(turn2["turn"] == "2");
    CHECK(turn2["tutorial-step"] == "8");
    check_panel(dir + "/turn2-widgets.txt", 1280, 720);

    // The journal: the student's offer, Ready and committed order, on Iran.
    JournalRead jr = read_journal(journal_in(dir + "/data"));
    REQUIRE(jr.error.empty());
    ReplayedGame rg = replay(jr);
    REQUIRE(rg.error.empty());
    bool offered = false, committed = false;
    for (const auto& [seq, rec] : jr.records)
        if (const auto* ar = std::get_if<ActionRecord>(&rec)) {
            if (ar->entry.seat.role != SeatRole::team || ar->entry.seat.team != Team::iran || ar->entry.seat.player == 0)
                continue;
            offered = offered || std::holds_alternative<MakeOffer>(ar->entry.action);
            if (const auto* c = std::get_if<Commit>(&ar->entry.action))
                committed = committed || (c->orders.size() == 1 &&
                                          c->orders[0].action == rg.scenario->find_action("open_channel"));
        }
    CHECK(offered);
    CHECK(committed);
}

TEST_CASE("The menu's Tutorial tab starts the tutorial with the student on Iran", "[client]") {
    need_display();
    auto dir = temp_dir("client-tutorial-menu");
    auto script = write_script(dir,
                               "wait-frames 5\n"
                               "click Tutorial\n"
                               "wait-frames 3\n"
                               "screenshot " + dir + "/menu.png\n"
                               "click Start the tutorial\n"
                               "wait-seated\n"
                               "click Start playing\n"
                               "wait-tutorial-step 3\n"
                               "save-view " + dir + "/view.txt\n"
                               "quit\n");
    REQUIRE(run_client({"--port", "0", "--data", dir + "/data", "--settings", seen_settings(dir), "--script", script},
                       dir + "/client.out") == 0);
    auto view = read_view(dir + "/view.txt");
    CHECK(view["seated"] == "1");
    CHECK(view["tutorial-step"] == "3");
    CHECK(view["phase"] == "negotiation");
    JournalRead jr = read_journal(journal_in(dir + "/data"));
    REQUIRE(jr.error.empty());
    CHECK(jr.header.scenario_id == "tutorial");
    ReplayedGame rg = replay(jr);
    REQUIRE(rg.error.empty());
    // The student on Iran; bots on every other team.
    bool student = false;
    for (const Player& p : rg.state.players) student = student || (p.role == SeatRole::team && p.team == Team::iran);
    CHECK(student);
    for (Team t : kAllTeams) CHECK(rg.state.bot[idx(t)] == (t != Team::iran));
}

