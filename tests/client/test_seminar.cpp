// The seminar-ready client on a real window under Xvfb: the primer and the
// legend, a toast when the report is released, the White Cell's separate
// reasons and confirmations, picking an order's target on the map, quick
// taps, labels that fit their widgets at 1280x720 and 1920x1080, and a card
// that leaves the order menu its room.
#include <SFML/Graphics/Image.hpp>
#include <catch2/catch.hpp>
#include <set>

#include "client_harness.hpp"
#include "journal.hpp"
#include "journal_replay.hpp"
#include "palette.hpp"

using namespace gbi;
using namespace gbc;

namespace {

// A scenario whose deck runs in a known order (the archived version-1
// after-911: the US choice "deal unconditionally" first).
const std::string kHistorical = std::string(GB_SOURCE_DIR) + "/scenarios/archive/v1/after-911.toml";

// Pixels of `img` inside the rectangle within `tol` of `c`.
int count_near(const sf::Image& img, const Widget& w, sf::Color c, int tol) {
    int n = 0;
    for (unsigned y = unsigned(std::max(0.f, w.y)); y < unsigned(w.y + w.h) && y < img.getSize().y; ++y)
        for (unsigned x = unsigned(std::max(0.f, w.x)); x < unsigned(w.x + w.w) && x < img.getSize().x; ++x) {
            sf::Color p = img.getPixel(x, y);
            n += std::abs(p.r - c.r) <= tol && std::abs(p.g - c.g) <= tol && std::abs(p.b - c.b) <= tol;
        }
    return n;
}

bool overlaps(const Widget& a, const Widget& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

template <class T>
std::vector<const T*> actions_of(const JournalRead& jr, SeatRole role) {
    std::vector<const T*> out;
    for (const auto& [seq, rec] : jr.records)
        if (const auto* ar = std::get_if<ActionRecord>(&rec))
            if (ar->entry.seat.role == role)
                if (const auto* a = std::get_if<T>(&ar->entry.action)) out.push_back(a);
    return out;
}

}  // namespace

TEST_CASE("The primer opens on the first run, F1 reopens it, and L toggles the legend over the map", "[client]") {
    need_display();
    auto dir = temp_dir("client-primer");
    std::string settings = dir + "/fresh/client.conf";  // no file yet: a first run
    auto script = write_script(dir,
                               "wait-seated\n"
                               "wait-widget primer\n"
                               "save-widgets " + dir + "/first.txt\n"
                               "click Next\n"
                               "wait-frames 3\n"
                               "screenshot " + dir + "/map-page.png\n"
                               "save-widgets " + dir + "/map-page.txt\n"
                               "click Close the primer\n"
                               "wait-widget brief\n"
                               "click Start playing\n"
                               "wait-frames 5\n"
                               "key L\n"
                               "wait-widget legend\n"
                               "wait-frames 3\n"
                               "screenshot " + dir + "/legend.png\n"
                               "save-widgets " + dir + "/legend.txt\n"
                               "key L\n"
                               "wait-frames 5\n"
                               "save-widgets " + dir + "/no-legend.txt\n"
                               "key F1\n"
                               "wait-widget primer\n"
                               "save-widgets " + dir + "/again.txt\n"
                               "quit\n");
    REQUIRE(run_client({"--host-local", "--seat", "us", "--min-phase", "0", "--port", "0", "--data", dir + "/data",
                        "--seed", "5", "--settings", settings, "--script", script},
                       dir + "/client.out") == 0);
    CHECK(read_widgets(dir + "/first.txt").count("primer") == 1);
    CHECK(read_widgets(dir + "/again.txt").count("primer") == 1);
    CHECK(read_widgets(dir + "/no-legend.txt").count("legend") == 0);
    // The settings remember the primer was seen.
    CHECK(read_text(settings).find("primer_seen = 1") != std::string::npos);
    // The legend shows each team's real colour, and the armed groups' tag colour, inside its window.
    auto w = read_widgets(dir + "/legend.txt");
    REQUIRE(w.count("legend") == 1);
    sf::Image img;
    REQUIRE(img.loadFromFile(dir + "/legend.png"));
    for (int t = 0; t < 4; ++t) {
        INFO("team " << t);
        CHECK(count_near(img, w["legend"], gb::client::palette::kTeam[t], 6) > 40);
    }
    CHECK(count_near(img, w["legend"], gb::client::palette::kArmedGroup, 6) > 20);
    // The primer's map page draws the same marks.
    auto p = read_widgets(dir + "/map-page.txt");
    REQUIRE(p.count("primer") == 1);
    sf::Image page;
    REQUIRE(page.loadFromFile(dir + "/map-page.png"));
    CHECK(count_near(page, p["primer"], gb::client::palette::kTeam[0], 6) > 40);
}

TEST_CASE("Releasing the turn report shows a toast that covers no control", "[client]") {
    need_display();
    auto dir = temp_dir("client-toast");
    auto script = write_script(dir,
                               "wait-seated\n"
                               "click Start playing\n"
                               "wait-phase inject 1\n"
                               "click Work through a quiet channel##opt0\n"
                               "wait-phase negotiation 1\n"
                               "click Ready\n"
                               "wait-phase orders 1\n"
                               "click Commit orders\n"
                               "wait-toast report\n"
                               "wait-frames 3\n"
                               "screenshot " + dir + "/toast.png\n"
                               "save-widgets " + dir + "/widgets.txt\n"
                               "save-view " + dir + "/view.txt\n"
                               "quit\n");
    REQUIRE(run_client({"--host-local", "--seat", "us", "--min-phase", "0", "--port", "0", "--data", dir + "/data",
                        "--seed", "4", "--scenario", kHistorical, "--settings", seen_settings(dir), "--script", script},
                       dir + "/client.out") == 0);
    CHECK(read_text(dir + "/view.txt").find("toast report The turn report is released") != std::string::npos);
    auto w = read_widgets(dir + "/widgets.txt");
    std::vector<Widget> toasts;
    for (auto& [label, widget] : w)
        if (label.rfind("toast", 0) == 0) toasts.push_back(widget);
    REQUIRE(!toasts.empty());
    for (const Widget& t : toasts)
        for (auto& [label, widget] : w) {
            if (label.rfind("toast", 0) == 0) continue;
            INFO("toast over " << label);
            CHECK(!overlaps(t, widget));
        }
    // The report's toast is drawn in its own colour on the real window.
    sf::Image img;
    REQUIRE(img.loadFromFile(dir + "/toast.png"));
    int painted = 0;
    for (const Widget& t : toasts) painted += count_near(img, t, sf::Color(77, 56, 107), 10);
    CHECK(painted > 200);
}

TEST_CASE("The White Cell's reasons are separate per purpose, and ending the game and setting a track confirm first",
          "[client]") {
    need_display();
    auto dir = temp_dir("client-reasons");
    auto script = write_script(dir,
                               "wait-seated\n"
                               "click Start playing\n"
                               "click Board\n"
                               "click board-reason\n"
                               "type Testing the board\n"
                               "click +##track0\n"
                               "click Set##track0\n"
                               "wait-widget Confirm the change\n"
                               "click Confirm the change\n"
                               "wait-frames 30\n"
                               "click Console\n"
                               "wait-frames 3\n"
                               "save-widgets " + dir + "/console.txt\n"
                               "click end-reason\n"
                               "type Time is up\n"
                               "click End game\n"
                               "wait-widget Yes, end the game\n"
                               "save-view " + dir + "/asked.txt\n"
                               "click Yes, end the game\n"
                               "wait-phase ended\n"
                               "quit\n");
    REQUIRE(run_client({"--host-local", "--seat", "control", "--bots", "none", "--port", "0", "--data",
                        dir + "/data", "--seed", "2", "--settings", seen_settings(dir), "--script", script},
                       dir + "/client.out") == 0);
    // The board's reason did not fill the End game reason: the button waited for its own.
    auto console = read_widgets(dir + "/console.txt");
    REQUIRE(console.count("End game") == 1);
    CHECK(!console["End game"].enabled);
    // A first click on End game only asked.
    CHECK(read_view(dir + "/asked.txt")["phase"] != "ended");
    JournalRead jr = read_journal(journal_in(dir + "/data"));
    REQUIRE(jr.error.empty());
    auto sets = actions_of<SetTrack>(jr, SeatRole::control);
    REQUIRE(sets.size() == 1);
    CHECK(sets[0]->reason == "Testing the board");
    auto ends = actions_of<EndGame>(jr, SeatRole::control);
    REQUIRE(ends.size() == 1);
    CHECK(ends[0]->reason == "Time is up");
}

TEST_CASE("An order's target is picked by clicking its region on the map", "[client]") {
    need_display();
    auto dir = temp_dir("client-map-pick");
    auto script = write_script(dir,
                               "wait-seated\n"
                               "click Start playing\n"
                               "wait-phase inject 1\n"
                               "click Work through a quiet channel##opt0\n"
                               "wait-phase negotiation 1\n"
                               "click Ready\n"
                               "wait-phase orders 1\n"
                               "click Pick on the map##build_influence\n"
                               "click-region pakistan\n"
                               "wait-frames 5\n"
                               "click Add##build_influence\n"
                               "wait-frames 20\n"
                               "click Commit orders\n"
                               "wait-frames 20\n"
                               "quit\n");
    REQUIRE(run_client({"--host-local", "--seat", "us", "--min-phase", "0", "--port", "0", "--data", dir + "/data",
                        "--seed", "4", "--scenario", kHistorical, "--settings", seen_settings(dir), "--script", script},
                       dir + "/client.out") == 0);
    JournalRead jr = read_journal(journal_in(dir + "/data"));
    REQUIRE(jr.error.empty());
    ReplayedGame rg = replay(jr);
    REQUIRE(rg.error.empty());
    const Scenario& sc = *rg.scenario;
    auto commits = actions_of<Commit>(jr, SeatRole::team);
    REQUIRE(commits.size() >= 1);
    bool found = false;
    for (const Commit* c : commits)
        for (const Order& o : c->orders)
            if (o.action == sc.find_action("build_influence") && o.region == sc.find_region("pakistan")) found = true;
    CHECK(found);
}

TEST_CASE("A press and release in the same frame is a click", "[client]") {
    need_display();
    auto dir = temp_dir("client-tap");
    auto script = write_script(dir,
                               "wait-seated\n"
                               "tap Start playing\n"
                               "tap Draw the inject\n"
                               "wait-frames 30\n"
                               "save-view " + dir + "/view.txt\n"
                               "quit\n");
    REQUIRE(run_client({"--host-local", "--seat", "control", "--bots", "none", "--port", "0", "--data",
                        dir + "/data", "--seed", "8", "--settings", seen_settings(dir), "--script", script},
                       dir + "/client.out") == 0);
    JournalRead jr = read_journal(journal_in(dir + "/data"));
    REQUIRE(jr.error.empty());
    CHECK(actions_of<DrawInject>(jr, SeatRole::control).size() == 1);
}

TEST_CASE("Every widget's label fits it at 1280x720 and 1920x1080, for a team and for the White Cell", "[client]") {
    need_display();
    for (std::string size : {"1280x720", "1920x1080"})
        for (std::string seat : {"us", "control"}) {
            auto dir = temp_dir("client-labels-" + seat + "-" + size);
            std::vector<std::string> tabs =
                seat == "us" ? std::vector<std::string>{"Orders", "diplomacy", "report", "chat", "Game"}
                             : std::vector<std::string>{"Console", "Deck", "report", "Teams", "Board", "chat"};
            std::string text = "wait-seated\nclick Start playing\nwait-frames 5\n";
            for (const auto& t : tabs) text += "click " + t + "\nwait-frames 4\nsave-widgets " + dir + "/" + t + ".txt\n";
            text += "quit\n";
            auto script = write_script(dir, text);
            REQUIRE(
                run_client({"--host-local", "--seat", seat, "--min-phase", "0", "--port", "0", "--data", dir + "/data",
                            "--seed", "3", "--size", size, "--settings", seen_settings(dir), "--script", script},
                           dir + "/client.out") == 0);
            for (const auto& t : tabs) {
                auto w = read_widgets(dir + "/" + t + ".txt");
                CHECK(w.count(t) == 1);  // the tab itself is on screen, not behind an arrow
                for (auto& [label, widget] : w) {
                    INFO(size << " " << seat << " tab " << t << ": " << label << " at " << widget.x << "," << widget.y
                              << " " << widget.w << "x" << widget.h);
                    CHECK(!widget.clipped);
                }
            }
        }
}

TEST_CASE("At 1280x720 the card takes only the room its phase needs: every choice in view and then the order menu",
          "[client]") {
    need_display();
    auto dir = temp_dir("client-layout");
    auto script = write_script(dir,
                               "wait-seated\n"
                               "click Start playing\n"
                               "wait-phase inject 1\n"
                               "wait-widget Work through a quiet channel##opt0\n"
                               "wait-frames 5\n"
                               "save-widgets " + dir + "/inject.txt\n"
                               "save-view " + dir + "/inject-view.txt\n"
                               "screenshot " + dir + "/inject.png\n"
                               "click Work through a quiet channel##opt0\n"
                               "wait-phase negotiation 1\n"
                               "click Ready\n"
                               "wait-phase orders 1\n"
                               "click Orders\n"
                               "wait-frames 5\n"
                               "save-widgets " + dir + "/orders.txt\n"
                               "save-view " + dir + "/orders-view.txt\n"
                               "screenshot " + dir + "/orders.png\n"
                               "click ##card-toggle\n"
                               "wait-frames 5\n"
                               "save-view " + dir + "/opened.txt\n"
                               "screenshot " + dir + "/opened.png\n"
                               "quit\n");
    REQUIRE(run_client({"--host-local", "--seat", "us", "--min-phase", "0", "--port", "0", "--data", dir + "/data", "--seed", "4",
                        "--scenario", kHistorical, "--size", "1280x720", "--settings", seen_settings(dir), "--script",
                        script},
                       dir + "/client.out") == 0);
    // "x y w h" of a visible area the client noted.
    auto area = [](const std::string& text) {
        Widget a;
        std::istringstream(text) >> a.x >> a.y >> a.w >> a.h;
        return a;
    };
    auto inside = [](const Widget& w, const Widget& a) {
        return w.x >= a.x - 0.5f && w.y >= a.y - 0.5f && w.x + w.w <= a.x + a.w + 0.5f &&
               w.y + w.h <= a.y + a.h + 0.5f;
    };
    // In the inject phase the card is open, and every option's button is in its visible area.
    auto inject_view = read_view(dir + "/inject-view.txt");
    CHECK(inject_view["note:card.open"] == "1");
    Widget card = area(inject_view["note:card"]);
    int options = 0;
    for (auto& [label, w] : read_widgets(dir + "/inject.txt"))
        if (label.find("##opt") != std::string::npos) {
            INFO(label << " at " << w.x << "," << w.y << " " << w.w << "x" << w.h << "; card " << card.y << " + "
                       << card.h);
            CHECK(inside(w, card));
            ++options;
        }
    CHECK(options == 3);  // the US choice of this card has three options
    // In the orders phase the card is folded to its header line, and the menu
    // shows as many orders as the panel can: it keeps more than a third of the
    // window, unscrolled, with at least five Add buttons wholly in view (the
    // card at a third of the panel left two or three).
    auto orders_view = read_view(dir + "/orders-view.txt");
    CHECK(orders_view["note:card.open"] == "0");
    Widget folded = area(orders_view["note:card"]);
    CHECK(folded.h < 60);
    Widget menu = area(orders_view["note:orders.menu"]);
    CHECK(menu.h > 720 / 3.f);
    int adds = 0, in_view = 0;
    float top = 1e9f;
    for (auto& [label, w] : read_widgets(dir + "/orders.txt"))
        if (label.rfind("Add##", 0) == 0) {
            ++adds;
            in_view += inside(w, menu);
            top = std::min(top, w.y);
        }
    INFO("menu " << menu.y << " + " << menu.h << ", first Add at " << top);
    CHECK(adds >= 10);
    CHECK(top >= menu.y);
    CHECK(in_view >= 5);
    // A click on the card's arrow opens it again.
    CHECK(read_view(dir + "/opened.txt")["note:card.open"] == "1");
}
